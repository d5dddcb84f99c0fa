// 三(八) folds, with each event's status facts and deadline steps.
import { type DeadlineSteps, noDeadline } from "../internal/deadlines.js"
import { type FactFolds, type Folds, mapWith, setSub, unchanged } from "../internal/state.js"

export const folds: Folds<"MonthlyBriefingSubmitted" | "SpotCheckRecorded" | "ProgressReported"> = {
  MonthlyBriefingSubmitted: (s, e) =>
    setSub(s, e.subProject, (sp) => ({ ...sp, briefings: mapWith(sp.briefings, e.month, e.submittedOn) })),
  SpotCheckRecorded: (s, e) => setSub(s, e.subProject, (sp) => ({ ...sp, spotChecks: sp.spotChecks + 1 })),
  ProgressReported: (s) => s
}

// What each event changes in the status facts (from which the status is derived; see `ProjectState.statusOf`).
export const facts: FactFolds<keyof typeof folds> = {
  MonthlyBriefingSubmitted: unchanged,
  SpotCheckRecorded: unchanged,
  ProgressReported: unchanged
}

// Which deadlines each event opens or closes (the `gsyf.projects` read model's open deadlines).
export const deadlines: DeadlineSteps<keyof typeof folds> = {
  MonthlyBriefingSubmitted: noDeadline,
  SpotCheckRecorded: noDeadline,
  ProgressReported: noDeadline
}
