// 三(一) events.
import * as Schema from "effect/Schema"
import { meta } from "../internal/schemas.js"

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
