// 三(五) events.
import * as Schema from "effect/Schema"
import { IsoDate } from "../../kernel/IsoDate.js"
import * as Money from "../../kernel/Money.js"
import { meta, SubProject } from "../internal/schemas.js"
import { PanelMember } from "./commands.js"
import { Criterion } from "./Procurement.js"

/** A ranked bid as recorded in the award. */
export const RankedBid = Schema.Struct({
  rank: Schema.Number,
  supplierId: Schema.String,
  supplierName: Schema.String,
  quote: Schema.optional(Money.Yuan),
  priceScore: Schema.optional(Schema.String),
  nonPriceScore: Schema.String,
  total: Schema.String
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
  priceWeight: Schema.optional(Money.DecimalFromInput)
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
  reasons: Schema.Array(Schema.String)
})

export const events = [ProcurementStarted, BidSubmitted, PanelAppointed, ScoresSubmitted, Awarded] as const
