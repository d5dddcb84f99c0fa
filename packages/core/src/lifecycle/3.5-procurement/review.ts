// The qualification and conformity review (资格审查、符合性审查) before scoring: a bid is rejected with its reason
// (over the budget, a qualification missing, not conforming to the documents); no bid above the sub-project's
// budget reaches scoring or the award unreviewed.
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import type { Guard } from "../Guard.js"
import { check, order } from "../internal/guard.js"
import { open, procurementOf, started } from "./internal/order.js"
import { qualifiedBids } from "./internal/qualified.js"

const reviewBasis = [
  national(`${texts.procurementRegulation} 第四十四条`, "资格审查和符合性审查"),
  national(`${texts.tenderMeasures} 第四十四条、第六十三条`, "投标报价超过采购预算的,投标无效")
]

/** The review comes before scoring: once a member has scored, no bid is rejected. */
const beforeScoring = order<"RejectBid">({
  id: "procurement.review-before-scoring",
  zh: "审查在评分之前",
  en: "The review comes before scoring",
  section: "三(五)",
  basis: reviewBasis,
  description: "资格审查和符合性审查在评审打分之前完成;已有成员评分后不能再认定投标无效。"
}, (input) =>
  procurementOf(input)!.scores.length > 0
    ? ["已开始评分,审查应在评分之前完成", "scoring has begun; the review comes before it"]
    : undefined)

/** The bid exists and has not been rejected already; an over-budget rejection names a quote above the budget. */
const grounded = check<"RejectBid">({
  id: "procurement.rejection-grounded",
  title: { zh: "认定投标无效有据", en: "A rejection names a real bid and a real ground" },
  section: "三(五)",
  basis: reviewBasis,
  description: "被认定无效的须为本轮已提交、尚未被认定无效的响应;以超过预算为由的,其报价须确实超过子项目预算。",
  reads: ["budget.hazchem", "budget.keyAreas"]
}, ({ command: c, state }, f, p) => {
  const bid = state.subProjects[c.subProject].procurement!.bids.find((b) => b.supplierId === c.supplierId)
  if (bid === undefined) return [f.error("supplierId", "该供应商没有提交响应", "this supplier has not responded")]
  if (bid.rejected !== undefined) {
    return [f.error("supplierId", "该响应已被认定无效", "this response is already rejected")]
  }
  if (c.reason !== "over-budget") return []
  const budget = p.read<Money.Money>(`budget.${c.subProject}`)
  return Money.greaterThan(bid.quote, budget) ? [] : [
    f.error(
      "reason",
      `报价 ${Money.format(bid.quote)} 未超过子项目预算 ${Money.format(budget)}`,
      `the quote of ${Money.format(bid.quote)} is within the budget of ${Money.format(budget)}`,
      `> ${Money.format(budget)}`,
      Money.format(bid.quote)
    )
  ]
})

/** No bid above the sub-project's budget is scored or awarded: the review rejects it first. */
export const withinBudget = <K extends "SubmitScores" | "Award">(): Guard<K> =>
  check<K>(withinBudgetDoc, (input, f, p) => {
    const c = input.command as unknown as { readonly subProject: "hazchem" | "keyAreas" }
    const budget = p.read<Money.Money>(`budget.${c.subProject}`)
    const over = qualifiedBids(input.state.subProjects[c.subProject].procurement!).filter((b) =>
      Money.greaterThan(b.quote, budget)
    )
    return over.map((b) =>
      f.error(
        "bids",
        `${b.supplierName} 报价 ${Money.format(b.quote)} 超过子项目预算 ${Money.format(budget)},应先认定其投标无效`,
        `${b.supplierId} quoted ${Money.format(b.quote)}, above the budget of ${
          Money.format(budget)
        }: reject the bid first (over-budget)`,
        `≤ ${Money.format(budget)}`,
        Money.format(b.quote)
      )
    )
  })

const withinBudgetDoc = {
  id: "procurement.bids-within-budget",
  title: { zh: "超过预算的报价先认定无效", en: "A quote above the budget is rejected first" },
  section: "三(五)",
  basis: [...reviewBasis, plan("六(一)")],
  description: "报价超过子项目预算的响应须在评分和确定成交前经审查认定无效(超过预算),不能进入评分或成交。",
  reads: ["budget.hazchem", "budget.keyAreas"]
} as const

export const guards: { readonly RejectBid: ReadonlyArray<Guard<"RejectBid">> } = {
  RejectBid: [started(), open(), beforeScoring, grounded]
}
