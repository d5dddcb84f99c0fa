// 四 events.
import * as Schema from "effect/Schema"
import { type EventNames, meta, SubProject } from "../internal/schemas.js"
import * as Deliverable from "./Deliverable.js"

export const MaterialDesignSubmitted = Schema.TaggedStruct("MaterialDesignSubmitted", {
  ...meta,
  designId: Schema.String,
  materialType: Schema.String,
  title: Schema.String
})
export const MaterialDesignApproved = Schema.TaggedStruct("MaterialDesignApproved", {
  ...meta,
  designId: Schema.String
})
export const MaterialDesignReturned = Schema.TaggedStruct("MaterialDesignReturned", {
  ...meta,
  designId: Schema.String,
  reasons: Schema.Array(Schema.String)
})
export const DeliverableRecorded = Schema.TaggedStruct("DeliverableRecorded", {
  ...meta,
  subProject: SubProject,
  evidence: Deliverable.Evidence
})
export const DeliverableCorrected = Schema.TaggedStruct("DeliverableCorrected", {
  ...meta,
  corrects: Schema.String,
  reason: Schema.String,
  replacement: Schema.optional(Deliverable.Evidence)
})

export const events = [
  MaterialDesignSubmitted,
  MaterialDesignApproved,
  MaterialDesignReturned,
  DeliverableRecorded,
  DeliverableCorrected
] as const

// The official Chinese name of each event (the audit trail extract and the documents print it).
export const names: EventNames<typeof events> = {
  MaterialDesignSubmitted: "报审宣传材料",
  MaterialDesignApproved: "宣传材料审核通过",
  MaterialDesignReturned: "宣传材料退回",
  DeliverableRecorded: "记录交付成果",
  DeliverableCorrected: "更正交付成果"
}
