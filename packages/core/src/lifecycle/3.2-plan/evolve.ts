// 三(二) folds.
import { type Folds, mapWith } from "../internal/state.js"

export const folds: Folds<"MemberOpinionRecorded" | "PlanIssued" | "KeyEnterpriseListProvided"> = {
  MemberOpinionRecorded: (s, e) => ({
    ...s,
    opinions: mapWith(s.opinions, e.unit, { agrees: e.agrees, eventId: e.id })
  }),
  PlanIssued: (s, e) => ({ ...s, plan: { documentNumber: e.documentNumber, issuedOn: e.issuedOn, eventId: e.id } }),
  KeyEnterpriseListProvided: (s, e) => ({ ...s, keyEnterpriseList: e.enterprises })
}
