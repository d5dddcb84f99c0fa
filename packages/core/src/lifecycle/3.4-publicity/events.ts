// 三(四) events.
import * as Schema from "effect/Schema"
import { IsoDate } from "../../kernel/IsoDate.js"
import { Bilingual, type EventNames, meta, SubProject } from "../internal/schemas.js"

export const PublicityStarted = Schema.TaggedStruct("PublicityStarted", {
  ...meta,
  subProject: SubProject,
  startsOn: IsoDate,
  endsOn: IsoDate,
  length: Schema.Number,
  unit: Schema.Literal("calendar-days", "working-days"),
  explanation: Bilingual
})
export const ObjectionRecorded = Schema.TaggedStruct("ObjectionRecorded", {
  ...meta,
  subProject: SubProject,
  objectionId: Schema.String,
  receivedOn: IsoDate,
  objection: Schema.String
})
export const ObjectionResolved = Schema.TaggedStruct("ObjectionResolved", {
  ...meta,
  subProject: SubProject,
  objectionId: Schema.String,
  response: Schema.String
})

export const events = [PublicityStarted, ObjectionRecorded, ObjectionResolved] as const

// The official Chinese name of each event (the audit trail extract and the documents print it).
export const names: EventNames<typeof events> = {
  PublicityStarted: "采购需求公示",
  ObjectionRecorded: "公示异议",
  ObjectionResolved: "异议答复"
}
