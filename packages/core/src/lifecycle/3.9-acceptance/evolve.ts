// 三(九) folds, with each event's status facts and deadline steps.
import { closeDeadline, type DeadlineSteps, noDeadline, openDeadline } from "../internal/deadlines.js"
import { type FactFolds, type Folds, setAcceptance, setSub, subFacts } from "../internal/state.js"

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

// What each event changes in the status facts (from which the status is derived; see `ProjectState.statusOf`).
export const facts: FactFolds<keyof typeof folds> = {
  AcceptanceApplied: (f, e) => subFacts(f, e.subProject, { acceptance: "applied" }),
  AcceptancePassed: (f, e) => subFacts(f, e.subProject, { acceptance: "passed" }),
  AcceptanceFailed: (f, e) => subFacts(f, e.subProject, { acceptance: "failed" }),
  AcceptanceReportFiled: (f, e) => subFacts(f, e.subProject, { filed: true })
}

// Which deadlines each event opens or closes (the `gsyf.projects` read model's open deadlines).
export const deadlines: DeadlineSteps<keyof typeof folds> = {
  AcceptanceApplied: (d, e) => closeDeadline(d, "period", e.subProject),
  AcceptancePassed: (d, e) => {
    closeDeadline(d, "rectification", e.subProject)
    openDeadline(d, "balance", "balance-due", e.subProject, e.dueDate)
  },
  AcceptanceFailed: (d, e) =>
    openDeadline(d, "rectification", "rectification-due", e.subProject, e.rectification.deadline),
  AcceptanceReportFiled: noDeadline
}
