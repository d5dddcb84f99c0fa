// 三(七) folds, with each event's status facts and deadline steps.
import { type DeadlineSteps, noDeadline } from "../internal/deadlines.js"
import { type FactFolds, type Folds, setSub, unchanged } from "../internal/state.js"

type Names = "ImplementationPlanSubmitted" | "ImplementationPlanApproved" | "ImplementationPlanReturned"

export const folds: Folds<Names> = {
  ImplementationPlanSubmitted: (s, e) =>
    setSub(s, e.subProject, (sp) => ({ ...sp, implementationPlan: { status: "submitted", eventId: e.id } })),
  ImplementationPlanApproved: (s, e) =>
    setSub(s, e.subProject, (sp) => ({ ...sp, implementationPlan: { status: "approved", eventId: e.id } })),
  ImplementationPlanReturned: (s, e) =>
    setSub(s, e.subProject, (sp) => ({ ...sp, implementationPlan: { status: "returned", eventId: e.id } }))
}

// What each event changes in the status facts (from which the status is derived; see `ProjectState.statusOf`).
export const facts: FactFolds<keyof typeof folds> = {
  ImplementationPlanSubmitted: unchanged,
  ImplementationPlanApproved: unchanged,
  ImplementationPlanReturned: unchanged
}

// Which deadlines each event opens or closes (the `gsyf.projects` read model's open deadlines).
export const deadlines: DeadlineSteps<keyof typeof folds> = {
  ImplementationPlanSubmitted: noDeadline,
  ImplementationPlanApproved: noDeadline,
  ImplementationPlanReturned: noDeadline
}
