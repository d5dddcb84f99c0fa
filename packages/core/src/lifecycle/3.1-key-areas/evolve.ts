// 三(一) folds, with each event's status facts and deadline steps.
import { type DeadlineSteps, noDeadline } from "../internal/deadlines.js"
import { type FactFolds, type Folds } from "../internal/state.js"

export const folds: Folds<"KeyAreasSelected"> = {
  KeyAreasSelected: (s, e) => ({ ...s, keyAreas: { eventId: e.id, selected: e.selected.map((a) => a.label) } })
}

// What each event changes in the status facts (from which the status is derived; see `ProjectState.statusOf`).
export const facts: FactFolds<keyof typeof folds> = {
  KeyAreasSelected: (f) => ({ ...f, keyAreas: true })
}

// Which deadlines each event opens or closes (the `gsyf.projects` read model's open deadlines).
export const deadlines: DeadlineSteps<keyof typeof folds> = {
  KeyAreasSelected: noDeadline
}
