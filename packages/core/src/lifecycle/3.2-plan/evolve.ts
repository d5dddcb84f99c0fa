// 三(二) folds, with each event's status facts and deadline steps.
import { type DeadlineSteps, noDeadline } from "../internal/deadlines.js"
import { type FactFolds, type Folds, mapWith, unchanged } from "../internal/state.js"

export const folds: Folds<"MemberOpinionRecorded" | "PlanIssued" | "KeyEnterpriseListProvided"> = {
  MemberOpinionRecorded: (s, e) => ({
    ...s,
    opinions: mapWith(s.opinions, e.unit, { agrees: e.agrees, eventId: e.id })
  }),
  PlanIssued: (s, e) => ({ ...s, plan: { documentNumber: e.documentNumber, issuedOn: e.issuedOn, eventId: e.id } }),
  KeyEnterpriseListProvided: (s, e) => ({ ...s, keyEnterpriseList: e.enterprises })
}

// What each event changes in the status facts (from which the status is derived; see `ProjectState.statusOf`).
export const facts: FactFolds<keyof typeof folds> = {
  MemberOpinionRecorded: unchanged,
  PlanIssued: (f) => ({ ...f, plan: true }),
  KeyEnterpriseListProvided: unchanged
}

// Which deadlines each event opens or closes (the `gsyf.projects` read model's open deadlines).
export const deadlines: DeadlineSteps<keyof typeof folds> = {
  MemberOpinionRecorded: noDeadline,
  PlanIssued: noDeadline,
  KeyEnterpriseListProvided: noDeadline
}
