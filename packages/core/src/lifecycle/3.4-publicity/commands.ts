// 三(四) commands: the requirement publicity and the objections raised during it.
import * as Schema from "effect/Schema"
import type { Role } from "../../kernel/Actor.js"
import { IsoDate } from "../../kernel/IsoDate.js"
import { envelope, Id, SubProject, Text } from "../internal/schemas.js"

export const StartPublicity = Schema.TaggedStruct("StartPublicity", {
  ...envelope,
  subProject: SubProject,
  startsOn: IsoDate
})
export const RecordObjection = Schema.TaggedStruct("RecordObjection", {
  ...envelope,
  subProject: SubProject,
  receivedOn: IsoDate,
  objection: Text
})
export const ResolveObjection = Schema.TaggedStruct("ResolveObjection", {
  ...envelope,
  subProject: SubProject,
  objectionId: Id,
  response: Text
})

export const commands = [StartPublicity, RecordObjection, ResolveObjection] as const

export const roles = {
  StartPublicity: ["agency"],
  RecordObjection: ["employer", "public", "provider", "member-unit"],
  ResolveObjection: ["agency"]
} as const satisfies Record<string, ReadonlyArray<Role>>
