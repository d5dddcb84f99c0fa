// 三(七) events.
import * as Schema from "effect/Schema"
import { type EventNames, meta, SubProject } from "../internal/schemas.js"

export const ImplementationPlanSubmitted = Schema.TaggedStruct("ImplementationPlanSubmitted", {
  ...meta,
  subProject: SubProject,
  summary: Schema.String,
  activities: Schema.Array(Schema.String)
})
export const ImplementationPlanApproved = Schema.TaggedStruct("ImplementationPlanApproved", {
  ...meta,
  subProject: SubProject
})
export const ImplementationPlanReturned = Schema.TaggedStruct("ImplementationPlanReturned", {
  ...meta,
  subProject: SubProject,
  reasons: Schema.Array(Schema.String)
})

export const events = [ImplementationPlanSubmitted, ImplementationPlanApproved, ImplementationPlanReturned] as const

// The official Chinese name of each event (the audit trail extract and the documents print it).
export const names: EventNames<typeof events> = {
  ImplementationPlanSubmitted: "报送实施计划",
  ImplementationPlanApproved: "实施计划审批通过",
  ImplementationPlanReturned: "实施计划退回"
}
