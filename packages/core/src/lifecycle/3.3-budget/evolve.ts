// 三(三) folds, with each event's status facts and deadline steps.
import { type DeadlineSteps, noDeadline } from "../internal/deadlines.js"
import { type FactFolds, type Folds } from "../internal/state.js"

export const folds: Folds<"BudgetSubmitted" | "BudgetApproved" | "BudgetReturned"> = {
  BudgetSubmitted: (s, e) => ({ ...s, budget: { status: "submitted", eventId: e.id } }),
  BudgetApproved: (s, e) => ({ ...s, budget: { status: "approved", eventId: e.id } }),
  BudgetReturned: (s, e) => ({ ...s, budget: { status: "returned", eventId: e.id } })
}

// What each event changes in the status facts (from which the status is derived; see `ProjectState.statusOf`).
export const facts: FactFolds<keyof typeof folds> = {
  BudgetSubmitted: (f) => ({ ...f, budget: "submitted" }),
  BudgetApproved: (f) => ({ ...f, budget: "approved" }),
  BudgetReturned: (f) => ({ ...f, budget: "returned" })
}

// Which deadlines each event opens or closes (the `gsyf.projects` read model's open deadlines).
export const deadlines: DeadlineSteps<keyof typeof folds> = {
  BudgetSubmitted: noDeadline,
  BudgetApproved: noDeadline,
  BudgetReturned: noDeadline
}
