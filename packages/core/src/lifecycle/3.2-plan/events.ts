// 三(二) events.
import * as Schema from "effect/Schema"
import { MemberUnit } from "../../kernel/Actor.js"
import { IsoDate } from "../../kernel/IsoDate.js"
import { meta } from "../internal/schemas.js"

export const MemberOpinionRecorded = Schema.TaggedStruct("MemberOpinionRecorded", {
  ...meta,
  unit: MemberUnit,
  opinion: Schema.String,
  agrees: Schema.Boolean
})
export const PlanIssued = Schema.TaggedStruct("PlanIssued", {
  ...meta,
  documentNumber: Schema.String,
  issuedOn: IsoDate
})
export const KeyEnterpriseListProvided = Schema.TaggedStruct("KeyEnterpriseListProvided", {
  ...meta,
  enterprises: Schema.Array(Schema.String)
})

export const events = [MemberOpinionRecorded, PlanIssued, KeyEnterpriseListProvided] as const
