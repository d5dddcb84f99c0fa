// 三(五) events.
import * as Schema from "effect/Schema"
import { IsoDate } from "../../kernel/IsoDate.js"
import * as Money from "../../kernel/Money.js"
import { type EventNames, meta, SubProject } from "../internal/schemas.js"
import { PanelMember, RejectionReason, SingleSource, TerminationReason } from "./commands.js"
import { Criterion } from "./Procurement.js"

/** An exact score: a fraction in lowest terms, `"256/3"`, or an integer, `"85"`. */
export const Fraction = Schema.String.pipe(Schema.pattern(/^-?\d+(\/[1-9]\d*)?$/))

/** A bid's scores written one way: exact fractions, or rounded half-up to four decimals. */
export const BidScores = Schema.Struct({
  priceScore: Schema.optional(Schema.String),
  nonPriceScore: Schema.String,
  total: Schema.String
})

/**
 * A ranked bid as recorded in the award. `priceScore`, `nonPriceScore` and `total` are the display figures
 * (half-up to 2 decimals); `exact` holds the fractions the ranking compared and `fourDecimals` the same rounded
 * half-up to 4 decimals. Awards recorded before 0.2.0 have neither.
 */
export const RankedBid = Schema.Struct({
  rank: Schema.Number,
  supplierId: Schema.String,
  supplierName: Schema.String,
  quote: Schema.optional(Money.Yuan),
  priceScore: Schema.optional(Schema.String),
  nonPriceScore: Schema.String,
  total: Schema.String,
  exact: Schema.optional(Schema.Struct({ ...BidScores.fields, total: Fraction })),
  fourDecimals: Schema.optional(BidScores)
})

/**
 * How the ranking of an award was made: what it compared in order (`order`: the exact total or score, higher
 * first, then each tie-break step), how its figures are written (`exact`: fractions; `fourDecimals` and
 * `display`: rounded half-up to 4 and 2 decimals), and the figures the scoring rested on.
 */
export const RankingBasis = Schema.Struct({
  order: Schema.Array(Schema.String),
  exact: Schema.Literal("fraction"),
  fourDecimals: Schema.Literal("half-up"),
  display: Schema.Literal("half-up-2"),
  aggregation: Schema.optional(Schema.Literal("mean", "trimmed-mean")),
  basePrice: Schema.optional(Money.Yuan),
  priceWeight: Schema.optional(Schema.String)
})

/** A tie between neighbours of the ranking and the step that broke it, with the equal score exact. */
export const TieBreak = Schema.Struct({
  first: Schema.String,
  second: Schema.String,
  score: Fraction,
  decidedBy: Schema.String
})

export const ProcurementStarted = Schema.TaggedStruct("ProcurementStarted", {
  ...meta,
  subProject: SubProject,
  method: Schema.String,
  documentsIssuedOn: IsoDate,
  responseDeadline: IsoDate,
  criteria: Schema.Array(Criterion),
  governmentPurchasedService: Schema.Boolean,
  category: Schema.Literal("goods", "services"),
  priceWeight: Schema.optional(Money.DecimalFromInput),
  responseDeadlineTime: Schema.optional(Schema.String),
  documentsOnSaleUntil: Schema.optional(IsoDate),
  singleSource: Schema.optional(SingleSource)
})
export const BidSubmitted = Schema.TaggedStruct("BidSubmitted", {
  ...meta,
  subProject: SubProject,
  supplierId: Schema.String,
  supplierName: Schema.String,
  quote: Money.Yuan,
  proposal: Schema.optional(Schema.String)
})
export const PanelAppointed = Schema.TaggedStruct("PanelAppointed", {
  ...meta,
  subProject: SubProject,
  members: Schema.Array(PanelMember)
})
export const ScoresSubmitted = Schema.TaggedStruct("ScoresSubmitted", {
  ...meta,
  subProject: SubProject,
  memberId: Schema.String,
  scores: Schema.Array(
    Schema.Struct({ supplierId: Schema.String, criterionId: Schema.String, points: Money.DecimalFromInput })
  )
})
export const Awarded = Schema.TaggedStruct("Awarded", {
  ...meta,
  subProject: SubProject,
  supplierId: Schema.String,
  supplierName: Schema.String,
  value: Money.Yuan,
  awardedOn: IsoDate,
  signBy: IsoDate,
  method: Schema.String,
  ranking: Schema.Array(RankedBid),
  tieBreaks: Schema.Array(Schema.String),
  reasons: Schema.Array(Schema.String),
  /** Absent from awards recorded before 0.2.0. */
  rankingBasis: Schema.optional(RankingBasis),
  /** The ties broken, by supplier id (`tieBreaks` says the same in words); absent before 0.2.0. */
  ties: Schema.optional(Schema.Array(TieBreak)),
  /** The last day to publish the result notice (实施条例 第四十三条); absent from awards recorded before 0.2.0. */
  resultNoticeBy: Schema.optional(IsoDate)
})

export const DocumentsClarified = Schema.TaggedStruct("DocumentsClarified", {
  ...meta,
  subProject: SubProject,
  summary: Schema.String,
  clarifiedOn: IsoDate,
  previousDeadline: IsoDate,
  /** The deadline after the clarification: moved when the clarification came too close to it. */
  responseDeadline: IsoDate
})
export const BidRejected = Schema.TaggedStruct("BidRejected", {
  ...meta,
  subProject: SubProject,
  supplierId: Schema.String,
  supplierName: Schema.String,
  reason: RejectionReason,
  note: Schema.String
})
export const ProcurementTerminated = Schema.TaggedStruct("ProcurementTerminated", {
  ...meta,
  subProject: SubProject,
  /** The round terminated (1 for the first procurement of the sub-project). */
  round: Schema.Number,
  method: Schema.String,
  reason: TerminationReason,
  note: Schema.String,
  noticePublishedOn: IsoDate
})
export const AwardDeclined = Schema.TaggedStruct("AwardDeclined", {
  ...meta,
  subProject: SubProject,
  supplierId: Schema.String,
  supplierName: Schema.String,
  reason: Schema.String
})
export const AwardedToNextRanked = Schema.TaggedStruct("AwardedToNextRanked", {
  ...meta,
  subProject: SubProject,
  supplierId: Schema.String,
  supplierName: Schema.String,
  value: Money.Yuan,
  rank: Schema.Number,
  /** The supplier who declined. */
  declined: Schema.String,
  awardedOn: IsoDate,
  signBy: IsoDate,
  method: Schema.String,
  /** The last day to publish the new result notice; absent before 0.2.0. */
  resultNoticeBy: Schema.optional(IsoDate)
})
export const ChallengeRaised = Schema.TaggedStruct("ChallengeRaised", {
  ...meta,
  subProject: SubProject,
  challengeId: Schema.String,
  supplierId: Schema.String,
  supplierName: Schema.String,
  receivedOn: IsoDate,
  grounds: Schema.String,
  suspendsSigning: Schema.Boolean,
  /** The last day of the answer period. */
  answerBy: IsoDate
})
export const ChallengeAnswered = Schema.TaggedStruct("ChallengeAnswered", {
  ...meta,
  subProject: SubProject,
  challengeId: Schema.String,
  answer: Schema.String,
  upheld: Schema.Boolean,
  answeredOn: IsoDate
})

export const IntentionPublished = Schema.TaggedStruct("IntentionPublished", {
  ...meta,
  subProject: SubProject,
  summary: Schema.String,
  budget: Money.Yuan,
  expectedStart: IsoDate,
  medium: Schema.String,
  publishedOn: IsoDate,
  /** The first day the procurement may start: `procurement.intention.leadDays` after the publication. */
  earliestStart: IsoDate
})
export const ResultPublished = Schema.TaggedStruct("ResultPublished", {
  ...meta,
  subProject: SubProject,
  supplierId: Schema.String,
  supplierName: Schema.String,
  value: Money.Yuan,
  medium: Schema.String,
  publishedOn: IsoDate,
  dueOn: IsoDate,
  late: Schema.Boolean,
  /** The last day a challenge of the result may be received (《政府采购法》第五十二条), counted from the notice. */
  challengeBy: IsoDate
})

export const events = [
  ProcurementStarted,
  BidSubmitted,
  PanelAppointed,
  ScoresSubmitted,
  Awarded,
  DocumentsClarified,
  BidRejected,
  ProcurementTerminated,
  AwardDeclined,
  AwardedToNextRanked,
  ChallengeRaised,
  ChallengeAnswered,
  IntentionPublished,
  ResultPublished
] as const

// The official Chinese name of each event (the audit trail extract and the documents print it).
export const names: EventNames<typeof events> = {
  ProcurementStarted: "启动采购",
  BidSubmitted: "提交响应文件",
  PanelAppointed: "组建评审小组",
  ScoresSubmitted: "评审打分",
  Awarded: "确定中标(成交)",
  DocumentsClarified: "澄清或修改采购文件",
  BidRejected: "认定投标(响应)无效",
  ProcurementTerminated: "终止采购",
  AwardDeclined: "成交供应商拒签",
  AwardedToNextRanked: "依次确定下一候选人",
  ChallengeRaised: "供应商质疑",
  ChallengeAnswered: "质疑答复",
  IntentionPublished: "采购意向公开",
  ResultPublished: "成交结果公告"
}
