// 三(三) guards: the budget follows the plan, is submitted once, reviewed when submitted, returned with reasons.
import { plan } from "../../kernel/LegalBasis.js"
import { planFirst } from "../3.2-plan/guards.js"
import type { Guard } from "../Guard.js"
import { check, type Doc, order, step } from "../internal/guard.js"

const budgetOnce = order<"SubmitBudget">({
  id: "lifecycle.budget-once",
  zh: "预算不重复报送",
  en: "No second budget while one is pending",
  section: "三(三)",
  description: "预算已报送或已批准时不能再次报送。"
}, ({ state }) =>
  state.budget.status === "submitted" || state.budget.status === "approved"
    ? ["预算已报送或已批准", "the budget is already submitted or approved"]
    : undefined)

const budgetSubmitted = <K extends "ApproveBudget" | "ReturnBudget">(): Guard<K> =>
  order<K>({
    id: "lifecycle.budget-submitted",
    zh: "审核已报送的预算",
    en: "Only a submitted budget is reviewed",
    section: "三(三)",
    description: "财政部门只能审核已报送的预算。"
  }, ({ state }) =>
    state.budget.status !== "submitted" ? ["没有待审核的预算", "there is no submitted budget to review"] : undefined)

const returnReasons = check<"ReturnBudget">(
  {
    id: "budget.return-reasons",
    title: { zh: "退回预算说明理由", en: "A returned budget states its reasons" },
    section: "三(三)",
    basis: [plan("三(三)")],
    description: "财政部门退回预算时须说明理由。",
    reads: []
  },
  (
    { command: c },
    f
  ) => (c.reasons.length === 0 ? [f.error("reasons", "退回预算须说明理由", "a returned budget needs reasons")] : [])
)

export const guards: {
  readonly SubmitBudget: ReadonlyArray<Guard<"SubmitBudget">>
  readonly ApproveBudget: ReadonlyArray<Guard<"ApproveBudget">>
  readonly ReturnBudget: ReadonlyArray<Guard<"ReturnBudget">>
} = {
  SubmitBudget: [planFirst("实施方案印发后方可报送预算", "the budget follows the issued plan"), budgetOnce],
  ApproveBudget: [budgetSubmitted()],
  ReturnBudget: [budgetSubmitted(), returnReasons]
}

/** The figures of the submitted budget, read from the parameters. */
export const figures = step(
  "budget.figures",
  "报送的预算数额",
  "The figures of the submitted budget",
  "三(三)",
  [plan("三(三)", "编制工伤预防费用构成明细报财政审核"), plan("六(一)")],
  "报送财政审核的项目总预算、两个子项目预算和工伤预防费使用上限(上年度征缴收入 × 上限比例,有省级批准的按批准比例,向下取整到分),均取自参数。",
  [
    "budget.total",
    "budget.hazchem",
    "budget.keyAreas",
    "fund.priorYearContributionRevenue",
    "fund.provincialCapApproval",
    "fund.feeCapPercent"
  ]
)

export const steps: ReadonlyArray<Doc> = [figures]
