// 三(四) folds.
import { type Folds, setObjections, setSub } from "../internal/state.js"

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
