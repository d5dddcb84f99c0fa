// 三(三) folds.
import type { Folds } from "../internal/state.js"

export const folds: Folds<"BudgetSubmitted" | "BudgetApproved" | "BudgetReturned"> = {
  BudgetSubmitted: (s, e) => ({ ...s, budget: { status: "submitted", eventId: e.id } }),
  BudgetApproved: (s, e) => ({ ...s, budget: { status: "approved", eventId: e.id } }),
  BudgetReturned: (s, e) => ({ ...s, budget: { status: "returned", eventId: e.id } })
}
