// 三(五) folds.
import * as IsoDate from "../../kernel/IsoDate.js"
import { type Folds, setProcurement, setSub } from "../internal/state.js"

export const folds: Folds<"ProcurementStarted" | "BidSubmitted" | "PanelAppointed" | "ScoresSubmitted" | "Awarded"> = {
  ProcurementStarted: (s, e) =>
    setSub(s, e.subProject, (sp) => ({
      ...sp,
      procurement: {
        eventId: e.id,
        method: e.method,
        startedOn: IsoDate.dateOf(e.at),
        documentsIssuedOn: e.documentsIssuedOn,
        responseDeadline: e.responseDeadline,
        criteria: e.criteria,
        governmentPurchasedService: e.governmentPurchasedService,
        category: e.category,
        priceWeight: e.priceWeight,
        responseDeadlineTime: e.responseDeadlineTime,
        documentsOnSaleUntil: e.documentsOnSaleUntil,
        singleSource: e.singleSource,
        bids: [],
        panel: undefined,
        scores: []
      }
    })),
  BidSubmitted: (s, e) =>
    setProcurement(s, e.subProject, (p) => ({
      ...p,
      bids: [...p.bids, {
        eventId: e.id,
        supplierId: e.supplierId,
        supplierName: e.supplierName,
        quote: e.quote,
        at: e.at
      }]
    })),
  PanelAppointed: (s, e) =>
    setProcurement(s, e.subProject, (p) => ({ ...p, panel: { eventId: e.id, members: e.members } })),
  ScoresSubmitted: (s, e) =>
    setProcurement(s, e.subProject, (p) => ({
      ...p,
      scores: [...p.scores.filter((x) => x.memberId !== e.memberId), {
        eventId: e.id,
        memberId: e.memberId,
        on: IsoDate.dateOf(e.at),
        scores: e.scores
      }]
    })),
  Awarded: (s, e) =>
    setSub(s, e.subProject, (sp) => ({
      ...sp,
      award: {
        eventId: e.id,
        supplierId: e.supplierId,
        supplierName: e.supplierName,
        value: e.value,
        awardedOn: e.awardedOn,
        signBy: e.signBy,
        ranking: e.ranking
      }
    }))
}
