// 三(七) commands: the provider's implementation plan and its review.
import * as Schema from "effect/Schema"
import type { Role } from "../../kernel/Actor.js"
import { envelope, SubProject, Text } from "../internal/schemas.js"

export const SubmitImplementationPlan = Schema.TaggedStruct("SubmitImplementationPlan", {
  ...envelope,
  subProject: SubProject,
  summary: Text,
  activities: Schema.Array(Text)
})
export const ReviewImplementationPlan = Schema.TaggedStruct("ReviewImplementationPlan", {
  ...envelope,
  subProject: SubProject,
  decision: Schema.Literal("approve", "return"),
  reasons: Schema.optional(Schema.Array(Text))
})

export const commands = [SubmitImplementationPlan, ReviewImplementationPlan] as const

export const roles = {
  SubmitImplementationPlan: ["provider"],
  ReviewImplementationPlan: ["agency"]
} as const satisfies Record<string, ReadonlyArray<Role>>
