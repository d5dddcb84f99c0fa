// 三(五) folds, with each event's status facts and deadline steps.
import * as IsoDate from "../../kernel/IsoDate.js"
import { closeDeadline, type DeadlineSteps, noDeadline, openDeadline } from "../internal/deadlines.js"
import { type FactFolds, type Folds, setProcurement, setSub, unchanged } from "../internal/state.js"

type Names =
  | "ProcurementStarted"
  | "BidSubmitted"
  | "PanelAppointed"
  | "ScoresSubmitted"
  | "Awarded"
  | "DocumentsClarified"
  | "BidRejected"
  | "ProcurementTerminated"
  | "AwardDeclined"
  | "AwardedToNextRanked"
  | "ChallengeRaised"
  | "ChallengeAnswered"
  | "IntentionPublished"
  | "ResultPublished"

export const folds: Folds<Names> = {
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
        scores: [],
        round: sp.rounds.length + 1,
        closedBy: undefined,
        ranking: [],
        declined: [],
        challenges: []
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
      procurement: sp.procurement === undefined
        ? undefined
        : { ...sp.procurement, closedBy: e.id, ranking: e.ranking },
      award: {
        eventId: e.id,
        supplierId: e.supplierId,
        supplierName: e.supplierName,
        value: e.value,
        awardedOn: e.awardedOn,
        signBy: e.signBy,
        ranking: e.ranking,
        resultNoticeBy: e.resultNoticeBy
      }
    })),
  DocumentsClarified: (s, e) =>
    setProcurement(s, e.subProject, (p) => ({ ...p, responseDeadline: e.responseDeadline })),
  BidRejected: (s, e) =>
    setProcurement(s, e.subProject, (p) => ({
      ...p,
      bids: p.bids.map((b) =>
        b.supplierId === e.supplierId ? { ...b, rejected: { eventId: e.id, reason: e.reason, note: e.note } } : b
      )
    })),
  ProcurementTerminated: (s, e) =>
    setSub(s, e.subProject, (sp) => ({
      ...sp,
      procurement: undefined,
      award: undefined,
      rounds: sp.procurement === undefined ? sp.rounds : [...sp.rounds, {
        procurement: sp.procurement,
        eventId: e.id,
        reason: e.reason,
        note: e.note,
        noticePublishedOn: e.noticePublishedOn
      }]
    })),
  AwardDeclined: (s, e) =>
    setSub(s, e.subProject, (sp) => ({
      ...sp,
      award: undefined,
      procurement: sp.procurement === undefined
        ? undefined
        : { ...sp.procurement, declined: [...sp.procurement.declined, e.supplierId] }
    })),
  AwardedToNextRanked: (s, e) =>
    setSub(s, e.subProject, (sp) => ({
      ...sp,
      award: {
        eventId: e.id,
        supplierId: e.supplierId,
        supplierName: e.supplierName,
        value: e.value,
        awardedOn: e.awardedOn,
        signBy: e.signBy,
        ranking: sp.procurement?.ranking ?? [],
        resultNoticeBy: e.resultNoticeBy
      }
    })),
  ChallengeRaised: (s, e) =>
    setProcurement(s, e.subProject, (p) => ({
      ...p,
      challenges: [...p.challenges, {
        id: e.challengeId,
        eventId: e.id,
        supplierId: e.supplierId,
        supplierName: e.supplierName,
        receivedOn: e.receivedOn,
        answerBy: e.answerBy,
        suspendsSigning: e.suspendsSigning,
        answer: undefined
      }]
    })),
  ChallengeAnswered: (s, e) =>
    setProcurement(s, e.subProject, (p) => ({
      ...p,
      challenges: p.challenges.map((c) =>
        c.id === e.challengeId
          ? { ...c, answer: { eventId: e.id, upheld: e.upheld, answeredOn: e.answeredOn } }
          : c
      )
    })),
  IntentionPublished: (s, e) =>
    setSub(s, e.subProject, (sp) => ({
      ...sp,
      intention: { eventId: e.id, publishedOn: e.publishedOn, earliestStart: e.earliestStart }
    })),
  ResultPublished: (s, e) =>
    setSub(s, e.subProject, (sp) => ({
      ...sp,
      award: sp.award === undefined
        ? undefined
        : { ...sp.award, resultNotice: { eventId: e.id, publishedOn: e.publishedOn } }
    }))
}

// What each event changes in the status facts (from which the status is derived; see `ProjectState.statusOf`).
export const facts: FactFolds<keyof typeof folds> = {
  ProcurementStarted: unchanged,
  BidSubmitted: unchanged,
  PanelAppointed: unchanged,
  ScoresSubmitted: unchanged,
  Awarded: unchanged,
  DocumentsClarified: unchanged,
  BidRejected: unchanged,
  ProcurementTerminated: unchanged,
  AwardDeclined: unchanged,
  AwardedToNextRanked: unchanged,
  ChallengeRaised: unchanged,
  ChallengeAnswered: unchanged,
  IntentionPublished: unchanged,
  ResultPublished: unchanged
}

// Which deadlines each event opens or closes (the `gsyf.projects` read model's open deadlines).
export const deadlines: DeadlineSteps<keyof typeof folds> = {
  ProcurementStarted: (d, e) => {
    closeDeadline(d, "publicity", e.subProject)
    openDeadline(d, "responses", "responses-due", e.subProject, e.responseDeadline)
  },
  BidSubmitted: noDeadline,
  PanelAppointed: noDeadline,
  ScoresSubmitted: noDeadline,
  Awarded: (d, e) => {
    closeDeadline(d, "responses", e.subProject)
    openDeadline(d, "sign", "contract-due", e.subProject, e.signBy)
    if (e.resultNoticeBy !== undefined) openDeadline(d, "result", "result-notice-due", e.subProject, e.resultNoticeBy)
  },
  DocumentsClarified: (d, e) => openDeadline(d, "responses", "responses-due", e.subProject, e.responseDeadline),
  BidRejected: noDeadline,
  ProcurementTerminated: (d, e) => {
    closeDeadline(d, "responses", e.subProject)
    closeDeadline(d, "sign", e.subProject)
    closeDeadline(d, "result", e.subProject)
  },
  AwardDeclined: (d, e) => {
    closeDeadline(d, "sign", e.subProject)
    closeDeadline(d, "result", e.subProject)
  },
  AwardedToNextRanked: (d, e) => {
    openDeadline(d, "sign", "contract-due", e.subProject, e.signBy)
    if (e.resultNoticeBy !== undefined) openDeadline(d, "result", "result-notice-due", e.subProject, e.resultNoticeBy)
  },
  ChallengeRaised: noDeadline,
  ChallengeAnswered: noDeadline,
  // the intention opens no deadline of its own: a procurement started too soon is a warning finding
  IntentionPublished: noDeadline,
  ResultPublished: (d, e) => closeDeadline(d, "result", e.subProject)
}
