// 三(八) events.
import * as Schema from "effect/Schema"
import { IsoDate } from "../../kernel/IsoDate.js"
import { type EventNames, meta, QuotaResult, SubProject } from "../internal/schemas.js"

export const MonthlyBriefingSubmitted = Schema.TaggedStruct("MonthlyBriefingSubmitted", {
  ...meta,
  subProject: SubProject,
  month: Schema.String,
  dueOn: IsoDate,
  submittedOn: IsoDate,
  late: Schema.Boolean,
  plannedActivities: Schema.Array(Schema.String),
  progress: Schema.String
})
export const SpotCheckRecorded = Schema.TaggedStruct("SpotCheckRecorded", {
  ...meta,
  subProject: SubProject,
  activity: Schema.String,
  checkedOn: IsoDate,
  observations: Schema.Array(Schema.String),
  satisfactory: Schema.Boolean
})
export const ProgressReported = Schema.TaggedStruct("ProgressReported", {
  ...meta,
  summary: Schema.String,
  reportedOn: IsoDate,
  quotas: Schema.Array(QuotaResult)
})

export const events = [MonthlyBriefingSubmitted, SpotCheckRecorded, ProgressReported] as const

// The official Chinese name of each event (the audit trail extract and the documents print it).
export const names: EventNames<typeof events> = {
  MonthlyBriefingSubmitted: "月度简报",
  SpotCheckRecorded: "抽查记录",
  ProgressReported: "进展反馈"
}
