// 三(九) folds.
import { type Folds, setAcceptance, setSub } from "../internal/state.js"

export const folds: Folds<"AcceptanceApplied" | "AcceptancePassed" | "AcceptanceFailed" | "AcceptanceReportFiled"> = {
  AcceptanceApplied: (s, e) =>
    setSub(
      s,
      e.subProject,
      (sp) => setAcceptance(sp, { status: "applied", attempts: e.attempt, appliedEventId: e.id })
    ),
  AcceptancePassed: (s, e) =>
    setSub(s, e.subProject, (sp) =>
      setAcceptance(sp, {
        status: "passed",
        passedOn: e.evaluatedOn,
        passedEventId: e.id,
        dueDate: e.dueDate,
        lastItems: e.items,
        rectificationDeadline: undefined
      })),
  AcceptanceFailed: (s, e) =>
    setSub(
      s,
      e.subProject,
      (sp) =>
        setAcceptance(sp, { status: "failed", rectificationDeadline: e.rectification.deadline, lastItems: e.items })
    ),
  AcceptanceReportFiled: (s, e) =>
    setSub(
      s,
      e.subProject,
      (sp) => ({ ...sp, filed: { reportNumber: e.reportNumber, filedOn: e.filedOn, eventId: e.id } })
    )
}
