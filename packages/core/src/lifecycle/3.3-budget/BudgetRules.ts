/**
 * 实施方案 三(三): the rules over the budget a city submits — the two sub-projects' budgets add up to the total,
 * the fee stays under its cap (上年度工伤保险基金征缴收入的3%, or a provincial approval's), the fee is spent on
 * permitted uses, the advance and balance percentages add up to 100. They run when the plan is issued (三(二))
 * and again when the budget is submitted (stage `budget`).
 *
 * @since 0.2.0
 */
import type { Decimal as DecimalJs } from "decimal.js"
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import * as Rule from "../../rules/Rule.js"
import type { PlanInput } from "../3.2-plan/PlanRules.js"
import type * as Parameter from "../Parameter.js"

type V = Parameter.Values

const pct = (d: DecimalJs): string => `${d.toFixed()}%`

/**
 * Advance and balance percentages add up to 100.
 *
 * @since 0.1.0
 * @category rules
 */
export const paymentSplit = Rule.make<PlanInput>({
  id: "payment.split-sum",
  title: { zh: "预付款与余款比例合计为100%", en: "Advance and balance percentages sum to 100" },
  section: "六(二)",
  basis: [plan("六(二)", "先行支付x%预付款,验收合格后支付x%余款")],
  reads: ["payment.advancePercent", "payment.balancePercent"],
  description: "预付款比例与余款比例之和必须恰好等于100%,否则合同总额无法付清或超付。",
  evaluate: (_, p) => {
    const advance = p.read<V["payment.advancePercent"]>("payment.advancePercent")
    const balance = p.read<V["payment.balancePercent"]>("payment.balancePercent")
    const total = advance.plus(balance)
    const f = Rule.findings("payment.split-sum")
    return total.eq(100)
      ? []
      : [
        f.error(
          "parameters.payment.balancePercent",
          `预付款 ${pct(advance)} 与余款 ${pct(balance)} 合计 ${pct(total)},应为 100%`,
          `advance ${pct(advance)} plus balance ${pct(balance)} is ${pct(total)}, not 100%`,
          "100%",
          pct(total)
        )
      ]
  }
})

/**
 * Sub-project budgets add up exactly to the total budget.
 *
 * @since 0.1.0
 * @category rules
 */
export const budgetSplit = Rule.make<PlanInput>({
  id: "budget.split-sum",
  title: { zh: "子项目预算合计等于总预算", en: "Sub-project budgets add up to the total" },
  section: "三(三)",
  basis: [plan("三(三)"), plan("六(一)")],
  reads: ["budget.total", "budget.hazchem", "budget.keyAreas"],
  description: "两个子项目的预算之和必须与项目总预算分毫不差。",
  evaluate: (_, p) => {
    const total = p.read<Money.Money>("budget.total")
    const parts = Money.add(p.read<Money.Money>("budget.hazchem"), p.read<Money.Money>("budget.keyAreas"))
    return Money.equals(total, parts)
      ? []
      : [
        Rule.findings("budget.split-sum").error(
          "parameters.budget.total",
          `子项目预算合计 ${Money.formatWan(parts)} 与总预算 ${Money.formatWan(total)} 不一致`,
          `sub-project budgets add up to ${Money.formatWan(parts)}, the total is ${Money.formatWan(total)}`,
          Money.format(total),
          Money.format(parts)
        )
      ]
  }
})

/**
 * The cap percentage in force: the city's own cap whenever it is stricter (below 3%, or a raised cap below the
 * approved one). Only a cap left at the national 3% takes the approved figure (the approval raises it); without an
 * approval a cap above 3% falls back to 3%.
 *
 * @since 0.2.0
 * @category rules
 */
export const effectiveCapPercent = (
  capPercent: DecimalJs,
  approval: { readonly capPercent: DecimalJs } | undefined
): DecimalJs => {
  const nationalCap = new Money.Decimal(3)
  return approval !== undefined
    ? capPercent.eq(nationalCap) ? approval.capPercent : Money.Decimal.min(capPercent, approval.capPercent)
    : Money.Decimal.min(capPercent, nationalCap)
}

/**
 * The fee stays within the cap (3% of prior-year contributions by default),
 * unless a provincial approval raising it is recorded.
 *
 * @since 0.1.0
 * @category rules
 */
export const feeCap = Rule.make<PlanInput>({
  id: "budget.fee-cap",
  title: { zh: "工伤预防费不超过使用上限", en: "The fee stays within the cap" },
  section: "六(一)",
  basis: [
    national(
      `${texts.feeMeasures} 第五条`,
      "原则上不得超过上年度工伤保险基金征缴收入的3%;经省级人社和财政部门同意可适当提高"
    )
  ],
  reads: ["budget.total", "fund.priorYearContributionRevenue", "fund.feeCapPercent", "fund.provincialCapApproval"],
  description:
    "项目总预算不得超过上年度工伤保险基金征缴收入乘以上限比例(全国默认3%)。上限比例高于3%或预算超出3%时,必须记录省级人社和财政部门的批准文件。记录了批准的:本市上限比例为3%的,以批准的比例为上限;本市规定了其他比例的,取本市比例与批准比例中较低者(本市可以更严)。",
  evaluate: (_, p) => {
    const f = Rule.findings("budget.fee-cap")
    const total = p.read<Money.Money>("budget.total")
    const revenue = p.read<Money.Money>("fund.priorYearContributionRevenue")
    const capPercent = p.read<DecimalJs>("fund.feeCapPercent")
    let approval: V["fund.provincialCapApproval"] | undefined
    try {
      approval = p.read<V["fund.provincialCapApproval"]>("fund.provincialCapApproval")
    } catch {
      approval = undefined
    }
    const out: Array<Rule.Finding> = []
    const nationalCap = new Money.Decimal(3)
    if (capPercent.gt(nationalCap) && approval === undefined) {
      out.push(
        f.error(
          "parameters.fund.feeCapPercent",
          `上限比例 ${pct(capPercent)} 高于全国 3%,但没有记录省级人社和财政部门的批准`,
          `cap ${pct(capPercent)} exceeds the national 3% but no provincial approval is recorded`,
          "≤ 3% or a recorded approval",
          pct(capPercent)
        )
      )
    }
    const effective = effectiveCapPercent(capPercent, approval)
    const cap = Money.percentOf(revenue, effective, "down")
    if (Money.greaterThan(total, cap)) {
      out.push(
        f.error(
          "parameters.budget.total",
          `总预算 ${Money.formatWan(total)} 超过上限 ${Money.formatWan(cap)}(上年度征缴收入 ${
            Money.formatWan(revenue)
          } × ${pct(effective)})`,
          `total budget ${Money.formatWan(total)} exceeds the cap ${Money.formatWan(cap)} (${
            Money.formatWan(revenue)
          } × ${pct(effective)})`,
          `≤ ${Money.format(cap)}`,
          Money.format(total)
        )
      )
    } else if (approval !== undefined && effective.gt(nationalCap)) {
      out.push(
        f.info(
          "parameters.fund.provincialCapApproval",
          `依据省级批准 ${approval.document}(${approval.approvedOn})上限提高至 ${pct(effective)}`,
          `cap raised to ${pct(effective)} by provincial approval ${approval.document} (${approval.approvedOn})`
        )
      )
    }
    return out
  }
})

/**
 * The fee pays only for publicity and training (第四条); expert fees for review
 * and acceptance come from the agency's own budget (plan 六(三)); the fee is
 * earmarked (专款专用) and each sub-project's fee lines add up to its budget.
 *
 * @since 0.1.0
 * @category rules
 */
export const permittedUse = Rule.make<PlanInput>({
  id: "budget.permitted-use",
  title: { zh: "工伤预防费专款专用于宣传和培训", en: "The fee is earmarked for publicity and training" },
  section: "六(一)(三)",
  basis: [
    national(`${texts.feeMeasures} 第四条`, "工伤预防费用于宣传和培训"),
    plan("六(一)", "从工伤保险基金中列支,专款专用"),
    plan("六(三)", "评审和验收专家劳务费从本单位相关项目预算经费中调剂解决")
  ],
  reads: ["budget.breakdown", "budget.hazchem", "budget.keyAreas"],
  description:
    "费用构成明细中由工伤预防费列支的每一项必须属于宣传或培训;专家劳务费必须由经办机构本单位预算列支,不得使用工伤预防费;每个子项目由工伤预防费列支的明细合计必须等于该子项目预算。",
  evaluate: (_, p) => {
    const f = Rule.findings("budget.permitted-use")
    const lines = p.read<V["budget.breakdown"]>("budget.breakdown")
    if (lines.length === 0) return []
    const out: Array<Rule.Finding> = []
    lines.forEach((line, i) => {
      const path = `parameters.budget.breakdown[${i}]`
      if (line.fundingSource !== "prevention-fee") return
      if (line.category === "expert-fee") {
        out.push(
          f.error(
            `${path}.fundingSource`,
            `“${line.item}”是专家劳务费,应由经办机构本单位预算列支,不得使用工伤预防费`,
            `"${line.item}" is an expert fee: it must come from the agency's own budget, not the prevention fee`,
            "agency-budget",
            "prevention-fee"
          )
        )
      } else if (line.category !== "publicity" && line.category !== "training") {
        out.push(
          f.error(
            `${path}.category`,
            `“${line.item}”不属于宣传或培训,工伤预防费不得列支`,
            `"${line.item}" is neither publicity nor training; the prevention fee cannot pay for it`,
            "publicity | training",
            line.category
          )
        )
      }
    })
    for (const key of ["hazchem", "keyAreas"] as const) {
      const budget = p.read<Money.Money>(`budget.${key}`)
      const feeLines = lines.filter((l) => l.subProject === key && l.fundingSource === "prevention-fee")
      const total = Money.sum(feeLines.map((l) => l.amount))
      if (!Money.equals(total, budget)) {
        out.push(
          f.error(
            `parameters.budget.breakdown`,
            `子项目 ${key} 的工伤预防费明细合计 ${Money.format(total)} 与其预算 ${Money.format(budget)} 不一致`,
            `prevention-fee lines of sub-project ${key} add up to ${Money.format(total)}, its budget is ${
              Money.format(budget)
            }`,
            Money.format(budget),
            Money.format(total)
          )
        )
      }
    }
    return out
  }
})

/**
 * The budget rules, in the order they run.
 *
 * @since 0.2.0
 * @category rules
 */
export const rules: ReadonlyArray<Rule.Rule<PlanInput>> = [budgetSplit, feeCap, permittedUse, paymentSplit]
