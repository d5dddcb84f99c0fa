// 三(四) folds, with each event's status facts and deadline steps.
import { type DeadlineSteps, noDeadline, openDeadline } from "../internal/deadlines.js"
import { type FactFolds, type Folds, setObjections, setSub, subFacts, unchanged } from "../internal/state.js"

export const folds: Folds<"PublicityStarted" | "ObjectionRecorded" | "ObjectionResolved"> = {
  PublicityStarted: (s, e) =>
    setSub(s, e.subProject, (sp) => ({
      ...sp,
      publicity: { eventId: e.id, startsOn: e.startsOn, endsOn: e.endsOn, objections: [] }
    })),
  ObjectionRecorded: (s, e) =>
    setObjections(s, e.subProject, (os) => [
      ...os,
      { id: e.objectionId, eventId: e.id, receivedOn: e.receivedOn, objection: e.objection, response: undefined }
    ]),
  ObjectionResolved: (s, e) =>
    setObjections(
      s,
      e.subProject,
      (os) => os.map((o) => (o.id === e.objectionId ? { ...o, response: e.response } : o))
    )
}

// What each event changes in the status facts (from which the status is derived; see `ProjectState.statusOf`).
export const facts: FactFolds<keyof typeof folds> = {
  PublicityStarted: (f, e) => subFacts(f, e.subProject, { publicity: true }),
  ObjectionRecorded: unchanged,
  ObjectionResolved: unchanged
}

// Which deadlines each event opens or closes (the `gsyf.projects` read model's open deadlines).
export const deadlines: DeadlineSteps<keyof typeof folds> = {
  PublicityStarted: (d, e) => openDeadline(d, "publicity", "publicity-ends", e.subProject, e.endsOn),
  ObjectionRecorded: noDeadline,
  ObjectionResolved: noDeadline
}
