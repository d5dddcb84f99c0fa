// 三(五) commands: starting a procurement, bids, the panel, scores and the award.
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

export const commands = [StartProcurement, SubmitBid, AppointPanel, SubmitScores, Award] as const

export const roles = {
  StartProcurement: ["agency"],
  SubmitBid: ["provider"],
  AppointPanel: ["agency"],
  SubmitScores: ["expert"],
  Award: ["agency"]
} as const satisfies Record<string, ReadonlyArray<Role>>
