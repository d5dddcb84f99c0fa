// 三(八) folds.
import { type Folds, mapWith, setSub } from "../internal/state.js"

export const folds: Folds<"MonthlyBriefingSubmitted" | "SpotCheckRecorded" | "ProgressReported"> = {
  MonthlyBriefingSubmitted: (s, e) =>
    setSub(s, e.subProject, (sp) => ({ ...sp, briefings: mapWith(sp.briefings, e.month, e.submittedOn) })),
  SpotCheckRecorded: (s, e) => setSub(s, e.subProject, (sp) => ({ ...sp, spotChecks: sp.spotChecks + 1 })),
  ProgressReported: (s) => s
}
