// 三(三) decisions: the budget submitted with its figures and the budget rules, approved or returned.
import * as Either from "effect/Either"
import { plan } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import { basisOf, type Handlers, ok, planBasis, runStage, traced, violation } from "../internal/decide.js"
import { effectiveCapPercent } from "./BudgetRules.js"
import { figures } from "./guards.js"

export const handlers: Handlers<"SubmitBudget" | "ApproveBudget" | "ReturnBudget"> = {
  SubmitBudget: (input) => {
    const { command: c, state: s } = input
    const checked = runStage(input, "budget", {})
    if (checked.errors.length > 0) return violation(c._tag, checked.findings)
    const read = traced(input, figures, (p) => {
      const total = p.read<Money.Money>("budget.total")
      const hazchem = p.read<Money.Money>("budget.hazchem")
      const keyAreas = p.read<Money.Money>("budget.keyAreas")
      const revenue = p.read<Money.Money>("fund.priorYearContributionRevenue")
      // a provincial approval's percentage raises the national cap; a stricter city cap still holds
      const approval = p.readOptional<{ readonly capPercent: Money.Decimal }>("fund.provincialCapApproval")
      const capPercent = effectiveCapPercent(p.read<Money.Decimal>("fund.feeCapPercent"), approval)
      return { total, hazchem, keyAreas, cap: Money.percentOf(revenue, capPercent, "down") }
    })
    if (Either.isLeft(read)) return Either.left(read.left)
    return ok({
      draft: { _tag: "BudgetSubmitted", ...read.right.value },
      basis: [plan("三(三)", "编制工伤预防费用构成明细报财政审核"), ...basisOf(checked.rules)],
      evaluations: [...checked.evaluations, read.right.evaluation],
      restsOn: [s.plan!.eventId]
    })
  },
  ApproveBudget: ({ command: c, state: s, on }) =>
    ok({
      draft: { _tag: "BudgetApproved", approvedOn: on, ...(c.note === undefined ? {} : { note: c.note }) },
      basis: planBasis("三(三)", "预算审核通过后,启动项目招标采购"),
      restsOn: [s.budget.eventId!]
    }),
  ReturnBudget: ({ command: c, state: s }) =>
    ok({
      draft: { _tag: "BudgetReturned", reasons: c.reasons },
      basis: planBasis("三(三)"),
      restsOn: [s.budget.eventId!]
    })
}
