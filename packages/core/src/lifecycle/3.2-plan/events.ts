// 三(二) events.
import * as Schema from "effect/Schema"
import { MemberUnit } from "../../kernel/Actor.js"
import { IsoDate } from "../../kernel/IsoDate.js"
import { type EventNames, meta } from "../internal/schemas.js"

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

// The official Chinese name of each event (the audit trail extract and the documents print it).
export const names: EventNames<typeof events> = {
  MemberOpinionRecorded: "成员单位意见",
  PlanIssued: "印发实施方案",
  KeyEnterpriseListProvided: "提供重点企业名单"
}
