/**
 * An example provincial rule pack for "示例省", modelled on what public
 * summaries report of 山西省《工伤预防费使用管理实施办法(试行)》 (reported
 * 2022-02-19). It is an example of the plugin API, not the official text: the
 * province's text was seen only in summaries, and every rule below cites it as
 * such (level `provincial`, with that note).
 *
 * What it does:
 *
 * - sets the requirement publicity to 7 working days (parameter override of
 *   `publicity.length` / `publicity.unit`; an example value: the summaries say
 *   nothing of publicity days);
 * - `budget.province.fee-split`: of the prevention-fee lines of
 *   `budget.breakdown`, training at least 70% and publicity at most 30%;
 * - `budget.province.open-project-cap`: a project open to society or to small
 *   and micro enterprises costs at most 10万元;
 * - `procurement.province.public-tender`: a sub-project of 50万元 or more is
 *   procured by public tender (`public-tender`);
 * - `budget.province.cap-ceiling`: a raised fee cap stays at or below 5%
 *   (3% plus the 1–2 points a provincial approval may add).
 *
 * The thresholds are parameters the pack adds (`province.*`), with the
 * reported figures as defaults, so a host can correct them.
 *
 * @since 0.1.0
 */
import { InputError, LegalBasis, Money, Parameter, type PlanRules, Plugin, Rule } from "@gsyf/core"
import * as Schema from "effect/Schema"

const SUMMARY_NOTE =
  "条文仅见于新闻摘要(m.shangol.cn 2022-02-19 报道山西省实施办法),未核对原文;示例省规则包按报道内容建模"

/**
 * The provincial text the pack rests on, as reported.
 *
 * @since 0.1.0
 * @category constants
 */
export const source = (article: string): LegalBasis.LegalBasis =>
  new LegalBasis.LegalBasis({
    level: "provincial",
    citation: `示例省《工伤预防费使用管理实施办法(试行)》${article}(参照山西省办法的公开报道)`,
    note: SUMMARY_NOTE
  })

const Percent = Money.DecimalFromInput.pipe(
  Schema.filter(
    (d) => d.gte(0) && d.lte(100),
    InputError.bilingual("百分比须在 0 到 100 之间", "a percentage must be between 0 and 100")
  )
)

type Values = Parameter.Values

/** A typed definition, widened to what `Plugin.Contents` takes (Schema is invariant in its type). */
const def = <A>(d: Parameter.Definition<A>): Parameter.Definition => d as unknown as Parameter.Definition

/**
 * The parameters the pack adds, with the reported figures as defaults.
 *
 * @since 0.1.0
 * @category constants
 */
export const definitions: ReadonlyArray<Parameter.Definition> = [
  def({
    name: "province.trainingMinPercent",
    title: { zh: "培训费用最低占比", en: "Minimum training share of the fee" },
    unit: "percent",
    section: "六(一)",
    description: "当年工伤预防费中用于培训的最低比例(报道:培训70%)",
    schema: Percent,
    basis: source("费用结构"),
    default: { value: "70", basis: source("费用结构") }
  }),
  def({
    name: "province.publicityMaxPercent",
    title: { zh: "宣传费用最高占比", en: "Maximum publicity share of the fee" },
    unit: "percent",
    section: "六(一)",
    description: "当年工伤预防费中用于宣传的最高比例(报道:宣传30%)",
    schema: Percent,
    basis: source("费用结构"),
    default: { value: "30", basis: source("费用结构") }
  }),
  def({
    name: "province.openProjectCap",
    title: { zh: "面向社会和中小微企业项目的单项上限", en: "Cap per project open to society or SMEs" },
    unit: "wan-yuan",
    section: "三(二)",
    description: "面向社会和中小微企业的项目,每个项目不超过的金额(报道:10万元)",
    schema: Money.Wan,
    basis: source("项目管理"),
    default: { value: "10", basis: source("项目管理") }
  }),
  def({
    name: "province.openProjects",
    title: { zh: "面向社会和中小微企业的子项目", en: "Sub-projects open to society or SMEs" },
    unit: "list",
    section: "三(二)",
    description: "本方案中面向社会和中小微企业的子项目(默认没有)",
    schema: Schema.Array(Parameter.SubProjectKey),
    basis: source("项目管理"),
    default: { value: [], basis: source("项目管理") }
  }),
  def({
    name: "province.publicTenderThreshold",
    title: { zh: "须公开招标的项目金额", en: "Amount from which public tender is required" },
    unit: "wan-yuan",
    section: "三(五)",
    description: "项目金额达到该数额(含)的,须采用公开招标(报道:50万元以上)",
    schema: Money.Wan,
    basis: source("采购"),
    default: { value: "50", basis: source("采购") }
  }),
  def({
    name: "province.capCeilingPercent",
    title: { zh: "提高后的使用上限最高比例", en: "Ceiling of a raised fee cap" },
    unit: "percent",
    section: "六(一)",
    description: "经省级人社和财政部门同意提高上限的,提高后的比例不得超过的数值(报道:可提高1至2个百分点,即不超过5%)",
    schema: Percent,
    basis: source("使用上限"),
    default: { value: "5", basis: source("使用上限") }
  })
]

const pct = (d: Money.Decimal): string => `${d.toFixed()}%`
const share = (part: Money.Money, total: Money.Money): Money.Decimal => part.yuan.times(100).dividedBy(total.yuan)

/**
 * Training at least 70% and publicity at most 30% of the prevention-fee lines
 * of `budget.breakdown` (exact decimal comparison; lines paid from the
 * agency's own budget are not counted).
 *
 * Basis: 示例省办法 费用结构 (reported for 山西: 宣传30%、培训70%).
 *
 * @since 0.1.0
 * @category rules
 */
export const feeSplit = Rule.make<PlanRules.PlanInput>({
  id: "budget.province.fee-split",
  title: { zh: "培训费用不低于70%、宣传费用不高于30%", en: "Training at least 70%, publicity at most 30% of the fee" },
  section: "六(一)",
  basis: [source("费用结构")],
  reads: ["budget.breakdown", "province.trainingMinPercent", "province.publicityMaxPercent"],
  description:
    "以费用构成明细中由工伤预防费列支的各项合计为基数,培训类合计不低于规定比例,宣传类合计不高于规定比例;明细为空时给出警告。",
  evaluate: (_, p) => {
    const f = Rule.findings("budget.province.fee-split")
    const lines = p.read<Values["budget.breakdown"]>("budget.breakdown").filter((l) =>
      l.fundingSource === "prevention-fee"
    )
    const minTraining = p.read<Money.Decimal>("province.trainingMinPercent")
    const maxPublicity = p.read<Money.Decimal>("province.publicityMaxPercent")
    const total = Money.sum(lines.map((l) => l.amount))
    if (lines.length === 0 || total.yuan.isZero()) {
      return [
        f.warning(
          "parameters.budget.breakdown",
          "费用构成明细为空,无法核对培训与宣传费用比例",
          "the fee breakdown is empty; the training/publicity split cannot be checked"
        )
      ]
    }
    const training = Money.sum(lines.filter((l) => l.category === "training").map((l) => l.amount))
    const publicity = Money.sum(lines.filter((l) => l.category === "publicity").map((l) => l.amount))
    const out: Array<Rule.Finding> = []
    if (training.yuan.times(100).lt(total.yuan.times(minTraining))) {
      out.push(
        f.error(
          "parameters.budget.breakdown",
          `培训费用 ${Money.formatWan(training)} 占 ${pct(share(training, total).toDecimalPlaces(2))},低于 ${
            pct(minTraining)
          }`,
          `training ${Money.formatWan(training)} is ${
            pct(share(training, total).toDecimalPlaces(2))
          } of the fee, below ${pct(minTraining)}`,
          `≥ ${pct(minTraining)}`,
          pct(share(training, total).toDecimalPlaces(2))
        )
      )
    }
    if (publicity.yuan.times(100).gt(total.yuan.times(maxPublicity))) {
      out.push(
        f.error(
          "parameters.budget.breakdown",
          `宣传费用 ${Money.formatWan(publicity)} 占 ${pct(share(publicity, total).toDecimalPlaces(2))},高于 ${
            pct(maxPublicity)
          }`,
          `publicity ${Money.formatWan(publicity)} is ${
            pct(share(publicity, total).toDecimalPlaces(2))
          } of the fee, above ${pct(maxPublicity)}`,
          `≤ ${pct(maxPublicity)}`,
          pct(share(publicity, total).toDecimalPlaces(2))
        )
      )
    }
    return out
  }
})

const budgetOf = (key: Parameter.SubProjectKey) => (key === "hazchem" ? "budget.hazchem" : "budget.keyAreas")

/**
 * A sub-project open to society or to small and micro enterprises (listed in
 * `province.openProjects`) costs at most `province.openProjectCap` (10万元).
 *
 * Basis: 示例省办法 项目管理 (reported for 山西: 面向社会和中小微企业的项目每个不超过10万元).
 *
 * @since 0.1.0
 * @category rules
 */
export const openProjectCap = Rule.make<PlanRules.PlanInput>({
  id: "budget.province.open-project-cap",
  title: {
    zh: "面向社会和中小微企业的项目单项不超过10万元",
    en: "Projects open to society or SMEs at most 10万元 each"
  },
  section: "三(二)",
  basis: [source("项目管理")],
  reads: ["province.openProjects", "province.openProjectCap", "budget.hazchem", "budget.keyAreas"],
  description: "列为面向社会和中小微企业的子项目,其预算不得超过单项上限。",
  evaluate: (_, p) => {
    const open = p.read<ReadonlyArray<Parameter.SubProjectKey>>("province.openProjects")
    if (open.length === 0) return []
    const cap = p.read<Money.Money>("province.openProjectCap")
    return open.flatMap((key) => {
      const budget = p.read<Money.Money>(budgetOf(key))
      return Money.greaterThan(budget, cap)
        ? [
          Rule.findings("budget.province.open-project-cap").error(
            `parameters.${budgetOf(key)}`,
            `子项目 ${key} 面向社会和中小微企业,预算 ${Money.formatWan(budget)} 超过单项上限 ${Money.formatWan(cap)}`,
            `sub-project ${key} is open to society/SMEs; its budget ${Money.formatWan(budget)} exceeds the ${
              Money.formatWan(cap)
            } cap`,
            `≤ ${Money.format(cap)}`,
            Money.format(budget)
          )
        ]
        : []
    })
  }
})

/**
 * A sub-project whose budget reaches `province.publicTenderThreshold` (50万元)
 * is procured by public tender: its method parameter
 * (`procurement.hazchem.method`, `procurement.keyAreas.method`) must be
 * `public-tender`.
 *
 * Basis: 示例省办法 采购 (reported for 山西: 50万元以上的项目公开招标; the
 * rule for 10万–50万 is cut off in the summary and not modelled).
 *
 * @since 0.1.0
 * @category rules
 */
export const publicTender = Rule.make<PlanRules.PlanInput>({
  id: "procurement.province.public-tender",
  title: { zh: "50万元以上项目公开招标", en: "Public tender from 50万元" },
  section: "三(五)",
  basis: [source("采购"), LegalBasis.national("《政府采购法》 第二十六条", "公开招标应作为政府采购的主要采购方式")],
  reads: [
    "province.publicTenderThreshold",
    "budget.hazchem",
    "budget.keyAreas",
    "procurement.hazchem.method",
    "procurement.keyAreas.method"
  ],
  description: "子项目预算达到公开招标数额标准(含)的,方案规定的采购方式必须为公开招标。",
  evaluate: (_, p) => {
    const threshold = p.read<Money.Money>("province.publicTenderThreshold")
    return (["hazchem", "keyAreas"] as const).flatMap((key) => {
      const budget = p.read<Money.Money>(budgetOf(key))
      const methodName = key === "hazchem" ? "procurement.hazchem.method" : "procurement.keyAreas.method"
      const method = p.read<string>(methodName)
      return Money.lessThanOrEqual(threshold, budget) && method !== "public-tender"
        ? [
          Rule.findings("procurement.province.public-tender").error(
            `parameters.${methodName}`,
            `子项目 ${key} 预算 ${Money.formatWan(budget)} 达到 ${
              Money.formatWan(threshold)
            },应公开招标,方案规定为 ${method}`,
            `sub-project ${key} costs ${Money.formatWan(budget)}, at least ${
              Money.formatWan(threshold)
            }: it must go to public tender, the plan says ${method}`,
            "public-tender",
            method
          )
        ]
        : []
    })
  }
})

/**
 * A raised fee cap (the recorded provincial approval, or a cap percentage
 * above 3%) stays at or below `province.capCeilingPercent` (5%).
 *
 * Basis: 示例省办法 使用上限 (reported for 山西: 经省人社厅、财政厅同意可提高1至2个百分点).
 *
 * @since 0.1.0
 * @category rules
 */
export const capCeiling = Rule.make<PlanRules.PlanInput>({
  id: "budget.province.cap-ceiling",
  title: { zh: "提高后的使用上限不超过5%", en: "A raised cap stays at or below 5%" },
  section: "六(一)",
  basis: [source("使用上限")],
  reads: ["province.capCeilingPercent", "fund.feeCapPercent", "fund.provincialCapApproval"],
  description: "经批准提高的使用上限比例(以及参数中的上限比例)不得超过省定最高比例。",
  evaluate: (_, p) => {
    const ceiling = p.read<Money.Decimal>("province.capCeilingPercent")
    const capPercent = p.read<Money.Decimal>("fund.feeCapPercent")
    let approval: Values["fund.provincialCapApproval"] | undefined
    try {
      approval = p.read<Values["fund.provincialCapApproval"]>("fund.provincialCapApproval")
    } catch {
      // no approval recorded: the optional parameter has no value
      approval = undefined
    }
    const f = Rule.findings("budget.province.cap-ceiling")
    const out: Array<Rule.Finding> = []
    if (approval !== undefined && approval.capPercent.gt(ceiling)) {
      out.push(
        f.error(
          "parameters.fund.provincialCapApproval.capPercent",
          `批准文件 ${approval.document} 将上限提高至 ${pct(approval.capPercent)},超过省定最高 ${pct(ceiling)}`,
          `approval ${approval.document} raises the cap to ${
            pct(approval.capPercent)
          }, above the provincial ceiling of ${pct(ceiling)}`,
          `≤ ${pct(ceiling)}`,
          pct(approval.capPercent)
        )
      )
    }
    if (capPercent.gt(ceiling)) {
      out.push(
        f.error(
          "parameters.fund.feeCapPercent",
          `上限比例 ${pct(capPercent)} 超过省定最高 ${pct(ceiling)}`,
          `cap ${pct(capPercent)} is above the provincial ceiling of ${pct(ceiling)}`,
          `≤ ${pct(ceiling)}`,
          pct(capPercent)
        )
      )
    }
    return out
  }
})

/**
 * The pack's budget rules (stage `budget`: they run when the plan is issued and
 * again when the budget is submitted).
 *
 * @since 0.2.0
 * @category rules
 */
export const budgetRules: ReadonlyArray<Rule.Rule<PlanRules.PlanInput>> = [feeSplit, openProjectCap, capCeiling]

/**
 * The pack's plan rules (stage `plan`: they run when the plan is issued).
 *
 * @since 0.2.0
 * @category rules
 */
export const planRules: ReadonlyArray<Rule.Rule<PlanRules.PlanInput>> = [publicTender]

/**
 * All the pack's rules.
 *
 * @since 0.1.0
 * @category rules
 */
export const rules: ReadonlyArray<Rule.Rule<PlanRules.PlanInput>> = [feeSplit, openProjectCap, publicTender, capCeiling]

/**
 * Options of {@link make}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Working days of requirement publicity (default 7). */
  readonly publicityWorkingDays?: number | undefined
}

/**
 * Builds the pack.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Plugin.Plugin =>
  Plugin.make(
    {
      name: "example-province-pack",
      version: "0.1.0",
      description: "示例省工伤预防费使用规则包(参照山西省实施办法的公开报道建模,非官方文本)"
    },
    {
      parameters: {
        definitions,
        values: { "publicity.length": options.publicityWorkingDays ?? 7, "publicity.unit": "working-days" },
        basis: new LegalBasis.LegalBasis({
          level: "provincial",
          citation: "示例省规则包 示例取值",
          note: "报道摘要未提及采购需求公示天数;7个工作日是本示例包的取值,使用时应按本省文件修改"
        })
      },
      rules: { budget: budgetRules, plan: planRules }
    }
  )

/**
 * The pack with its defaults.
 *
 * @since 0.1.0
 * @category constants
 */
export const plugin: Plugin.Plugin = make()
