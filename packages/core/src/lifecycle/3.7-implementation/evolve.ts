// 三(七) folds.
import { type Folds, setSub } from "../internal/state.js"

export const folds: Folds<"ImplementationPlanSubmitted" | "ImplementationPlanApproved" | "ImplementationPlanReturned"> =
  {
    ImplementationPlanSubmitted: (s, e) =>
      setSub(s, e.subProject, (sp) => ({ ...sp, implementationPlan: { status: "submitted", eventId: e.id } })),
    ImplementationPlanApproved: (s, e) =>
      setSub(s, e.subProject, (sp) => ({ ...sp, implementationPlan: { status: "approved", eventId: e.id } })),
    ImplementationPlanReturned: (s, e) =>
      setSub(s, e.subProject, (sp) => ({ ...sp, implementationPlan: { status: "returned", eventId: e.id } }))
  }
