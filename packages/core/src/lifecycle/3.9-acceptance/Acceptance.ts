/**
 * Acceptance (实施方案 三(九)): the provider applies with expense receipts and
 * details once the work is done; an expert panel evaluates every quota and
 * performance target item by item. Guards decide whether an application or an
 * evaluation may be made at all; the verdict rules decide pass or fail.
 *
 * @since 0.1.0
 */
import type { IsoDate } from "../../kernel/IsoDate.js"
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import * as Rule from "../../rules/Rule.js"
import * as RuleSet from "../../rules/RuleSet.js"
import type * as Deliverable from "../4-deliverables/Deliverable.js"
import type * as Quota from "../4-deliverables/Quota.js"
import * as PerformanceTarget from "./PerformanceTarget.js"

/**
 * What the acceptance rules look at.
 *
 * @since 0.1.0
 * @category models
 */
export interface AcceptanceInput {
  readonly stage: "application" | "evaluation"
  readonly on: IsoDate
  readonly periodEnd: IsoDate
  readonly contractAmount: Money.Money
  readonly receiptsTotal: Money.Money
  readonly receiptCount: number
  readonly progress: ReadonlyArray<Quota.Progress>
  readonly targets: ReadonlyArray<
    { readonly name: string; readonly target: string; readonly actual: string; readonly met: boolean }
  >
  readonly experts: number
  /** The sub-project evaluated and its recorded evidence (declared targets are computed over it). */
  readonly subProject?: "hazchem" | "keyAreas" | undefined
  readonly evidence?: ReadonlyArray<Deliverable.Evidence> | undefined
  /** The performance targets the sub-project's contract agrees (`SignContract.performanceTargets`). */
  readonly agreedTargets?: ReadonlyArray<PerformanceTarget.Agreed> | undefined
  /** Set when a rectification is running: its deadline. */
  readonly rectificationDeadline: IsoDate | undefined
}

const f = (id: string) => Rule.findings(id)

/**
 * Guard: an application comes after the implementation period ends, or
 * earlier once every quota is met; it carries expense receipts.
 *
 * @since 0.1.0
 * @category rules
 */
export const applicationComplete = Rule.make<AcceptanceInput>({
  id: "acceptance.application",
  title: { zh: "验收申请时间与材料", en: "When and with what to apply for acceptance" },
  section: "三(九)",
  basis: [plan("三(九)", "实施周期结束时提出验收申请"), plan("六(二)", "附费用票据、项目实施有关明细等财务资料")],
  reads: [],
  description:
    "验收申请应在项目实施周期结束之后提出(全部指标已完成的可以提前申请),并附费用票据;票据合计不得超过合同金额。整改期间的再次申请晚于整改期限的,记为警告。",
  evaluate: (i) => {
    if (i.stage !== "application") return []
    const out: Array<Rule.Finding> = []
    const allMet = i.progress.every((p) => p.met)
    if (i.on < i.periodEnd && !allMet && i.rectificationDeadline === undefined) {
      out.push(
        f("acceptance.application").error(
          "appliedOn",
          `实施周期至 ${i.periodEnd} 结束,且尚有指标未完成,不能提前申请验收`,
          `the period runs to ${i.periodEnd} and quotas are still open; acceptance cannot be requested early`,
          `≥ ${i.periodEnd} or all quotas met`,
          i.on
        )
      )
    }
    if (i.receiptCount === 0) {
      out.push(
        f("acceptance.application").error("receipts", "验收申请须附费用票据", "the application needs expense receipts")
      )
    }
    if (Money.greaterThan(i.receiptsTotal, i.contractAmount)) {
      out.push(
        f("acceptance.application").warning(
          "receipts",
          `票据合计 ${Money.format(i.receiptsTotal)} 超过合同金额 ${Money.format(i.contractAmount)}`,
          `receipts total ${Money.format(i.receiptsTotal)}, above the contract's ${Money.format(i.contractAmount)}`
        )
      )
    }
    if (i.rectificationDeadline !== undefined && i.on > i.rectificationDeadline) {
      out.push(
        f("acceptance.application").warning(
          "appliedOn",
          `整改后再次申请晚于整改期限 ${i.rectificationDeadline}`,
          `re-application after the rectification deadline ${i.rectificationDeadline}`,
          `≤ ${i.rectificationDeadline}`,
          i.on
        )
      )
    }
    return out
  }
})

/**
 * Guard: the evaluation is made by enough experts.
 *
 * @since 0.1.0
 * @category rules
 */
export const expertPanel = Rule.make<AcceptanceInput>({
  id: "acceptance.expert-panel",
  title: { zh: "组织专家评估验收", en: "Acceptance by an expert panel" },
  section: "三(九)",
  basis: [
    plan("三(九)", "组织相关专家进行评估验收"),
    national(`${texts.procurementLaw} 第四十一条`, "验收方成员应当在验收书上签字")
  ],
  reads: ["acceptance.minExperts"],
  description: "评估验收的专家人数不少于参数规定的最少人数。",
  evaluate: (i, p) => {
    if (i.stage !== "evaluation") return []
    const min = p.read<number>("acceptance.minExperts")
    return i.experts >= min
      ? []
      : [
        f("acceptance.expert-panel").error(
          "experts",
          `验收专家 ${i.experts} 人,少于 ${min} 人`,
          `${i.experts} experts, fewer than ${min}`,
          `≥ ${min}`,
          String(i.experts)
        )
      ]
  }
})

/**
 * Verdict: every quota item is met.
 *
 * @since 0.1.0
 * @category rules
 */
export const quotasMet = Rule.make<AcceptanceInput>({
  id: "acceptance.quotas-met",
  title: { zh: "各项数量指标全部完成", en: "Every quota is met" },
  section: "四",
  basis: [
    plan("三(六)", "合同明确开展项目的数量、质量要求及验收评估标准"),
    national(`${texts.procurementRegulation} 第四十五条`, "按合同约定的每一项标准验收")
  ],
  reads: [],
  description: "逐项对照合同约定的数量指标,全部完成为合格;任何一项未完成即不合格,并列入整改事项。",
  evaluate: (i) =>
    i.stage !== "evaluation"
      ? []
      : i.progress
        .filter((p) => !p.met)
        .map((p) =>
          f("acceptance.quotas-met").error(
            `items.${p.itemId}`,
            `${p.title.zh}:完成 ${p.done}${p.unit},要求 ${p.required}${p.unit}${p.note ? `;${p.note.zh}` : ""}`,
            `${p.title.en}: ${p.done} of ${p.required} delivered${p.note ? `; ${p.note.en}` : ""}`,
            `≥ ${p.required}`,
            String(p.done)
          )
        )
})

/**
 * Verdict: every performance target is met.
 *
 * @since 0.1.0
 * @category rules
 */
export const targetsMet = Rule.make<AcceptanceInput>({
  id: "acceptance.targets-met",
  title: { zh: "绩效目标全部实现", en: "Every performance target is met" },
  section: "三(九)",
  basis: [plan("三(九)", "对项目实施情况和绩效目标实现情况进行评估验收")],
  reads: ["acceptance.performanceTargets"],
  description:
    "方案及合同约定的绩效目标按截至评估之日记录的交付物计算(某类交付物条数或数量合计不低于目标值),未实现即不合格;专家填写的其他绩效目标逐项评估。专家填写的“是否实现”与计算结果不一致的,记为警告并以计算结果为准。",
  evaluate: (i, p) => {
    if (i.stage !== "evaluation") return []
    const declared = p.read<ReadonlyArray<PerformanceTarget.Declared>>("acceptance.performanceTargets")
    const computed = i.subProject === undefined ? [] : PerformanceTarget.computeAll(
      PerformanceTarget.forSubProject(declared, i.agreedTargets ?? [], i.subProject),
      i.subProject,
      i.evidence ?? [],
      i.on
    )
    return PerformanceTarget.assess(i.targets, computed).flatMap((t) => targetFindings(t))
  }
})

const targetFindings = (t: PerformanceTarget.Assessed): Array<Rule.Finding> => {
  const out: Array<Rule.Finding> = []
  if (t.computed !== undefined && t.typedMet !== undefined && t.typedMet !== t.computed.met) {
    out.push(
      f("acceptance.targets-met").warning(
        `targets.${t.name}.met`,
        `绩效目标“${t.name}”填写为${
          t.typedMet ? "已实现" : "未实现"
        },按记录计算为 ${t.actual}(${t.target}),以计算结果为准`,
        `performance target "${t.name}" was given as ${
          t.typedMet ? "met" : "not met"
        }; the record gives ${t.actual} (${t.target}), which is used`,
        t.target,
        t.actual
      )
    )
  }
  if (!t.met) {
    out.push(
      f("acceptance.targets-met").error(
        `targets.${t.name}`,
        t.computed === undefined
          ? `绩效目标“${t.name}”未实现`
          : `绩效目标“${t.name}”未实现:按记录计算为 ${t.actual},要求 ${t.target}`,
        t.computed === undefined
          ? `performance target "${t.name}" not met`
          : `performance target "${t.name}" not met: the record gives ${t.actual}, ${t.target} required`,
        t.target,
        t.actual
      )
    )
  }
  return out
}

/**
 * Guards on applying for and evaluating acceptance.
 *
 * @since 0.1.0
 * @category rules
 */
export const guardRules: ReadonlyArray<Rule.Rule<AcceptanceInput>> = [applicationComplete, expertPanel]

/**
 * The rules that decide the verdict.
 *
 * @since 0.1.0
 * @category rules
 */
export const verdictRules: ReadonlyArray<Rule.Rule<AcceptanceInput>> = [quotasMet, targetsMet]

/**
 * @since 0.1.0
 * @category rules
 */
export const guardRuleSet: RuleSet.RuleSet<AcceptanceInput> = RuleSet.make(guardRules)

/**
 * @since 0.1.0
 * @category rules
 */
export const verdictRuleSet: RuleSet.RuleSet<AcceptanceInput> = RuleSet.make(verdictRules)
