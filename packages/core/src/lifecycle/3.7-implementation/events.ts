// 三(七) events.
import * as Schema from "effect/Schema"
import { meta, SubProject } from "../internal/schemas.js"

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
