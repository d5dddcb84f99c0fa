// 四 commands: material designs (四(二)③), deliverables recorded and corrected.
import * as Schema from "effect/Schema"
import type { Role } from "../../kernel/Actor.js"
import { envelope, Id, Text } from "../internal/schemas.js"
import * as Deliverable from "./Deliverable.js"

export const SubmitMaterialDesign = Schema.TaggedStruct("SubmitMaterialDesign", {
  ...envelope,
  designId: Id,
  materialType: Text,
  title: Text
})
export const ReviewMaterialDesign = Schema.TaggedStruct("ReviewMaterialDesign", {
  ...envelope,
  designId: Id,
  decision: Schema.Literal("approve", "return"),
  reasons: Schema.optional(Schema.Array(Text))
})
export const RecordDeliverable = Schema.TaggedStruct("RecordDeliverable", {
  ...envelope,
  evidence: Deliverable.Evidence
})
export const CorrectDeliverable = Schema.TaggedStruct("CorrectDeliverable", {
  ...envelope,
  correctsEventId: Id,
  reason: Text,
  replacement: Schema.optional(Deliverable.Evidence)
})

export const commands = [SubmitMaterialDesign, ReviewMaterialDesign, RecordDeliverable, CorrectDeliverable] as const

export const roles = {
  SubmitMaterialDesign: ["provider"],
  ReviewMaterialDesign: ["agency"],
  RecordDeliverable: ["provider"],
  CorrectDeliverable: ["provider", "agency"]
} as const satisfies Record<string, ReadonlyArray<Role>>
