// 三(一) commands: choosing the year's key areas.
import * as Schema from "effect/Schema"
import type { Role } from "../../kernel/Actor.js"
import { envelope, Whole } from "../internal/schemas.js"

export const SelectKeyAreas = Schema.TaggedStruct("SelectKeyAreas", {
  ...envelope,
  /** Per-industry statistics; checked by `KeyAreas.select` (unknown GB/T 4754 codes are rejected). */
  stats: Schema.Array(Schema.Unknown),
  top: Whole,
  weighting: Schema.optional(Schema.Unknown),
  mandated: Schema.optional(Schema.Array(Schema.Unknown))
})

export const commands = [SelectKeyAreas] as const

export const roles = {
  SelectKeyAreas: ["hrss-bureau"]
} as const satisfies Record<string, ReadonlyArray<Role>>
