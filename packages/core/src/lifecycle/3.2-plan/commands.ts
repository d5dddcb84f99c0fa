// 三(二) commands: the member units' opinions, issuing the plan, the key-enterprise list (四(二)).
import * as Schema from "effect/Schema"
import type { Role } from "../../kernel/Actor.js"
import { envelope, Text } from "../internal/schemas.js"

export const RecordMemberOpinion = Schema.TaggedStruct("RecordMemberOpinion", {
  ...envelope,
  opinion: Text,
  agrees: Schema.Boolean
})
export const IssuePlan = Schema.TaggedStruct("IssuePlan", { ...envelope, documentNumber: Text })
export const ProvideKeyEnterpriseList = Schema.TaggedStruct("ProvideKeyEnterpriseList", {
  ...envelope,
  enterprises: Schema.Array(Text)
})

export const commands = [RecordMemberOpinion, IssuePlan, ProvideKeyEnterpriseList] as const

export const roles = {
  RecordMemberOpinion: ["member-unit"],
  IssuePlan: ["committee"],
  ProvideKeyEnterpriseList: ["committee"]
} as const satisfies Record<string, ReadonlyArray<Role>>
