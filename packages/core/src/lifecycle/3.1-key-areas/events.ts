// 三(一) events.
import * as Schema from "effect/Schema"
import { type EventNames, meta } from "../internal/schemas.js"

export const KeyAreasSelected = Schema.TaggedStruct("KeyAreasSelected", {
  ...meta,
  ranking: Schema.Array(
    Schema.Struct({ rank: Schema.Number, code: Schema.String, label: Schema.String, score: Schema.String })
  ),
  selected: Schema.Array(
    Schema.Struct({
      label: Schema.String,
      codes: Schema.Array(Schema.String),
      reason: Schema.String,
      basis: Schema.String
    })
  ),
  weighting: Schema.String
})

export const events = [KeyAreasSelected] as const

// The official Chinese name of each event (the audit trail extract and the documents print it).
export const names: EventNames<typeof events> = {
  KeyAreasSelected: "确定重点领域"
}
