// 三(五) commands: starting a procurement, clarifications, bids and their review, the panel, scores, the award,
// and the ways back: termination and a new round, a declined award passed to the next-ranked, challenges (质疑).
import * as Schema from "effect/Schema"
import type { Role } from "../../kernel/Actor.js"
import { IsoDate } from "../../kernel/IsoDate.js"
import * as Money from "../../kernel/Money.js"
import { Decimal, envelope, Id, SubProject, Text } from "../internal/schemas.js"
import { TimeOfDay } from "./internal/deadline.js"
import * as Procurement from "./Procurement.js"

/** The one supplier of a single-source procurement and the publicity of the method before it starts. */
export const SingleSource = Schema.Struct({
  supplierId: Id,
  supplierName: Text,
  publicityStartsOn: IsoDate,
  publicityEndsOn: IsoDate
})

/**
 * A member of a review or consultation panel. For the dispersed review panel (三(五)) `organisationKind` says
 * which body the member comes from or was recommended by.
 */
export const PanelMember = Schema.Struct({
  ...Procurement.PanelMember.fields,
  organisationKind: Schema.optional(Procurement.OrganisationKind),
  recommendedBy: Schema.optional(Procurement.Recommender)
})

export const StartProcurement = Schema.TaggedStruct("StartProcurement", {
  ...envelope,
  subProject: SubProject,
  method: Text,
  documentsIssuedOn: IsoDate,
  responseDeadline: IsoDate,
  criteria: Schema.Array(Procurement.Criterion),
  governmentPurchasedService: Schema.Boolean,
  /** Goods or services: the price-weight range of a consultation depends on it. */
  category: Schema.optionalWith(Schema.Literal("goods", "services"), { default: () => "services" as const }),
  /** The time of day of the response deadline (China Standard Time); without it the deadline is 24:00. */
  responseDeadlineTime: Schema.optional(TimeOfDay),
  /** The price weight the documents state, in percent (a public tender's 综合评分法). */
  priceWeight: Schema.optional(Decimal),
  /** The last day the tender documents are on offer (实施条例 第三十一条). */
  documentsOnSaleUntil: Schema.optional(IsoDate),
  /** The single-source supplier and its publicity (实施条例 第三十八条). */
  singleSource: Schema.optional(SingleSource)
})
export const SubmitBid = Schema.TaggedStruct("SubmitBid", {
  ...envelope,
  subProject: SubProject,
  supplierId: Id,
  supplierName: Text,
  quote: Money.Yuan,
  proposal: Schema.optional(Text)
})
export const AppointPanel = Schema.TaggedStruct("AppointPanel", {
  ...envelope,
  subProject: SubProject,
  members: Schema.Array(PanelMember)
})
export const SubmitScores = Schema.TaggedStruct("SubmitScores", {
  ...envelope,
  subProject: SubProject,
  scores: Schema.Array(Schema.Struct({ supplierId: Id, criterionId: Id, points: Decimal }))
})
export const Award = Schema.TaggedStruct("Award", {
  ...envelope,
  subProject: SubProject,
  /** A finance-department approval for a price weight outside the legal range, if any. */
  financeApproval: Schema.optional(Procurement.FinanceApproval)
})

/** A clarification or amendment of the procurement documents (实施条例 第三十一条; 214号 第十条). */
export const ClarifyDocuments = Schema.TaggedStruct("ClarifyDocuments", {
  ...envelope,
  subProject: SubProject,
  summary: Text
})

/** Why the qualification or conformity review rejects a bid. */
export const RejectionReason = Schema.Literal("over-budget", "missing-qualification", "non-conforming")

/** The qualification and conformity review (资格审查、符合性审查) rejects a bid, with its reason. */
export const RejectBid = Schema.TaggedStruct("RejectBid", {
  ...envelope,
  subProject: SubProject,
  supplierId: Id,
  reason: RejectionReason,
  note: Text
})

/** Why a procurement is terminated. */
export const TerminationReason = Schema.Literal(
  "too-few-qualified",
  "winner-declined",
  "challenge-upheld",
  "other"
)

/** A failed procurement terminated with its reason and the notice published (终止公告); a new round may follow. */
export const TerminateProcurement = Schema.TaggedStruct("TerminateProcurement", {
  ...envelope,
  subProject: SubProject,
  reason: TerminationReason,
  note: Text,
  noticePublishedOn: IsoDate
})

/** The awarded supplier declines to sign (实施条例 第四十九条). */
export const DeclineAward = Schema.TaggedStruct("DeclineAward", {
  ...envelope,
  subProject: SubProject,
  supplierId: Id,
  reason: Text
})

/** The award passes to the next-ranked candidate of the evaluation report (实施条例 第四十九条). */
export const AwardNextRanked = Schema.TaggedStruct("AwardNextRanked", {
  ...envelope,
  subProject: SubProject
})

/** A supplier's written challenge (质疑) of the result (《政府采购法》第五十二条). */
export const RaiseChallenge = Schema.TaggedStruct("RaiseChallenge", {
  ...envelope,
  subProject: SubProject,
  challengeId: Id,
  supplierId: Id,
  supplierName: Text,
  receivedOn: IsoDate,
  grounds: Text,
  /** Whether the purchaser suspends the signing until the challenge is answered. */
  suspendsSigning: Schema.Boolean
})

/** The purchaser's answer to a challenge (《政府采购法》第五十三条); `upheld` when the challenge is founded. */
export const AnswerChallenge = Schema.TaggedStruct("AnswerChallenge", {
  ...envelope,
  subProject: SubProject,
  challengeId: Id,
  answer: Text,
  upheld: Schema.Boolean
})

/**
 * The procurement intention (采购意向) published before the procurement (财库〔2020〕10号): the project, an outline
 * of the requirements, the budget and when the procurement is expected to start.
 */
export const PublishIntention = Schema.TaggedStruct("PublishIntention", {
  ...envelope,
  subProject: SubProject,
  /** 采购需求概况. */
  summary: Text,
  /** 预算金额. */
  budget: Money.Yuan,
  /** 预计采购时间: the day the procurement is expected to start. */
  expectedStart: IsoDate,
  medium: Text
})

/** The result notice (中标、成交结果公告) published in the designated media (实施条例 第四十三条). */
export const PublishResult = Schema.TaggedStruct("PublishResult", {
  ...envelope,
  subProject: SubProject,
  medium: Text
})

export const commands = [
  StartProcurement,
  SubmitBid,
  AppointPanel,
  SubmitScores,
  Award,
  ClarifyDocuments,
  RejectBid,
  TerminateProcurement,
  DeclineAward,
  AwardNextRanked,
  RaiseChallenge,
  AnswerChallenge,
  PublishIntention,
  PublishResult
] as const

export const roles = {
  StartProcurement: ["agency"],
  SubmitBid: ["provider"],
  AppointPanel: ["agency"],
  SubmitScores: ["expert"],
  Award: ["agency"],
  ClarifyDocuments: ["agency"],
  RejectBid: ["agency"],
  TerminateProcurement: ["agency"],
  DeclineAward: ["agency"],
  AwardNextRanked: ["agency"],
  RaiseChallenge: ["agency"],
  AnswerChallenge: ["agency"],
  PublishIntention: ["agency"],
  PublishResult: ["agency"]
} as const satisfies Record<string, ReadonlyArray<Role>>
