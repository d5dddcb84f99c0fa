/**
 * Rules over a city's parameter set as a whole (实施方案 三(二), run when the plan is issued): ranges and orders
 * of the parameters, and with them the budget's rules of `BudgetRules` (三(三)). Evaluating them is the first
 * thing gsyf does with a plan.
 *
 * @since 0.1.0
 */
import type { Decimal as DecimalJs } from "decimal.js"
import { gsyf, national, plan, texts } from "../../kernel/LegalBasis.js"
import * as Rule from "../../rules/Rule.js"
import * as RuleSet from "../../rules/RuleSet.js"
import * as BudgetRules from "../3.3-budget/BudgetRules.js"
import type * as Parameter from "../Parameter.js"

/**
 * Plan rules need no input besides the parameters they read.
 *
 * @since 0.1.0
 * @category models
 */
export interface PlanInput {
  readonly subject?: string | undefined
}

type V = Parameter.Values

const pct = (d: DecimalJs): string => `${d.toFixed()}%`

/**
 * The summary video's length range is a range (min ≤ max).
 *
 * @since 0.1.0
 * @category rules
 */
export const summaryVideoRange = Rule.make<PlanInput>({
  id: "parameters.summary-video-range",
  title: { zh: "总结片时长下限不大于上限", en: "Summary video range: min ≤ max" },
  section: "四(二)⑤",
  basis: [plan("四(二)⑤", "x-x分钟")],
  reads: ["quota.summaryVideo.minMinutes", "quota.summaryVideo.maxMinutes"],
  description: "年度工作总结片的时长范围下限不能大于上限。",
  evaluate: (_, p) => {
    const min = p.read<number>("quota.summaryVideo.minMinutes")
    const max = p.read<number>("quota.summaryVideo.maxMinutes")
    return min <= max
      ? []
      : [
        Rule.findings("parameters.summary-video-range").error(
          "parameters.quota.summaryVideo.minMinutes",
          `时长下限 ${min} 分钟大于上限 ${max} 分钟`,
          `minimum ${min} min is above the maximum ${max} min`,
          `≤ ${max}`,
          String(min)
        )
      ]
  }
})

/**
 * Every park hosts at least one event: the number of distinct parks is at most the number of events.
 *
 * @since 0.1.0
 * @category rules
 */
export const parksAndEvents = Rule.make<PlanInput>({
  id: "parameters.parks-and-events",
  title: { zh: "园区数不多于活动场次", en: "Parks do not outnumber park events" },
  section: "四(二)②",
  basis: [plan("四(二)②", "在x个企业园区开展x场大型宣传活动")],
  reads: ["quota.parks", "quota.parkEvents"],
  description: "每个园区至少开展一场活动,因此园区个数不能多于活动场次。",
  evaluate: (_, p) => {
    const parks = p.read<number>("quota.parks")
    const events = p.read<number>("quota.parkEvents")
    return parks <= events
      ? []
      : [
        Rule.findings("parameters.parks-and-events").error(
          "parameters.quota.parks",
          `${parks} 个园区多于 ${events} 场活动`,
          `${parks} parks but only ${events} events`,
          `≤ ${events}`,
          String(parks)
        )
      ]
  }
})

/**
 * The price weight chosen for the consultation lies within the range for services.
 *
 * @since 0.1.0
 * @category rules
 */
export const priceWeightInRange = Rule.make<PlanInput>({
  id: "parameters.price-weight-range",
  title: { zh: "磋商价格分值占比在法定范围内", en: "Consultation price weight within the legal range" },
  section: "三(五)",
  basis: [national(`${texts.consultation} 第二十四条`, "服务项目价格分值占比10%-30%")],
  reads: ["procurement.consultation.priceWeight", "procurement.consultation.priceWeightRange"],
  description: "方案中确定的磋商价格分值占比必须在服务项目的法定范围(10%-30%)之内,超出范围须经本级财政部门批准。",
  evaluate: (_, p) => {
    const w = p.read<DecimalJs>("procurement.consultation.priceWeight")
    const range = p.read<V["procurement.consultation.priceWeightRange"]>("procurement.consultation.priceWeightRange")
    return w.gte(range.min) && w.lte(range.max)
      ? []
      : [
        Rule.findings("parameters.price-weight-range").error(
          "parameters.procurement.consultation.priceWeight",
          `价格分值占比 ${pct(w)} 不在 ${pct(range.min)}-${pct(range.max)} 之间`,
          `price weight ${pct(w)} is outside ${pct(range.min)}–${pct(range.max)}`,
          `${pct(range.min)}–${pct(range.max)}`,
          pct(w)
        )
      ]
  }
})

/**
 * Project periods over 24 months are flagged: provincial guides put projects at
 * one year in principle and two at most.
 *
 * @since 0.1.0
 * @category rules
 */
export const projectPeriod = Rule.make<PlanInput>({
  id: "parameters.project-period",
  title: { zh: "项目周期原则上不超过两年", en: "Project period at most two years" },
  section: "五(一)",
  basis: [gsyf("多地申报指南:项目周期原则上1年,最长不超过2年(地方规定,非全国统一)")],
  reads: ["project.periodMonths"],
  description: "项目周期超过24个月时给出警告(地方申报指南的通行做法,不作为错误)。",
  evaluate: (_, p) => {
    const months = p.read<number>("project.periodMonths")
    return months <= 24
      ? []
      : [
        Rule.findings("parameters.project-period").warning(
          "parameters.project.periodMonths",
          `项目周期 ${months} 个月超过两年`,
          `project period of ${months} months exceeds two years`,
          "≤ 24",
          String(months)
        )
      ]
  }
})

/**
 * The planned months of the steps of section 三 follow one another.
 *
 * @since 0.1.0
 * @category rules
 */
export const scheduleOrder = Rule.make<PlanInput>({
  id: "parameters.schedule-order",
  title: { zh: "各步骤计划时间先后有序", en: "Planned steps in order" },
  section: "三",
  basis: [plan("三", "三(一)至三(九)依次进行")],
  reads: ["plan.schedule"],
  description: "三(一)至三(九)各步骤的计划起始月份不能早于前一步骤的起始月份。",
  evaluate: (_, p) => {
    let schedule: V["plan.schedule"]
    try {
      schedule = p.read<V["plan.schedule"]>("plan.schedule")
    } catch {
      return []
    }
    const order = [
      "keyAreas",
      "subProjects",
      "budgetApproval",
      "publicity",
      "procurement",
      "contract",
      "implementation",
      "supervision",
      "acceptance"
    ] as const
    const out: Array<Rule.Finding> = []
    let last: { key: string; from: string } | undefined
    for (const key of order) {
      const entry = schedule[key]
      if (entry === undefined) continue
      if (last !== undefined && entry.from < last.from) {
        out.push(
          Rule.findings("parameters.schedule-order").warning(
            `parameters.plan.schedule.${key}`,
            `${key} 计划于 ${entry.from},早于前一步骤 ${last.key}(${last.from})`,
            `${key} is planned for ${entry.from}, before the previous step ${last.key} (${last.from})`
          )
        )
      }
      last = { key, from: entry.from }
    }
    return out
  }
})

export {
  /**
   * The budget rules, now in `BudgetRules` (三(三)).
   *
   * @deprecated Since 0.2.0: `BudgetRules.budgetSplit` and so on.
   * @since 0.1.0
   * @category rules
   */
  budgetSplit,
  feeCap,
  paymentSplit,
  permittedUse
} from "../3.3-budget/BudgetRules.js"

/**
 * The rules of the plan stage proper (the parameters' ranges and orders); the budget's are in `BudgetRules`.
 *
 * @since 0.2.0
 * @category rules
 */
export const planRules: ReadonlyArray<Rule.Rule<PlanInput>> = [
  priceWeightInRange,
  summaryVideoRange,
  parksAndEvents,
  projectPeriod,
  scheduleOrder
]

/**
 * The plan rules in evaluation order.
 *
 * @since 0.1.0
 * @category rules
 */
export const rules: ReadonlyArray<Rule.Rule<PlanInput>> = [
  ...BudgetRules.rules,
  ...planRules
]

/**
 * The plan rule set.
 *
 * @since 0.1.0
 * @category rules
 */
export const ruleSet: RuleSet.RuleSet<PlanInput> = RuleSet.make(rules)
