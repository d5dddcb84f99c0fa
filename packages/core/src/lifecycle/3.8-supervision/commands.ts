// 三(八) commands: monthly briefings, spot checks, progress reports to the committee.
import * as Schema from "effect/Schema"
import type { Role } from "../../kernel/Actor.js"
import { envelope, Month, SubProject, Text } from "../internal/schemas.js"

export const SubmitMonthlyBriefing = Schema.TaggedStruct("SubmitMonthlyBriefing", {
  ...envelope,
  subProject: SubProject,
  month: Month,
  plannedActivities: Schema.Array(Text),
  progress: Text
})
export const RecordSpotCheck = Schema.TaggedStruct("RecordSpotCheck", {
  ...envelope,
  subProject: SubProject,
  activity: Text,
  observations: Schema.Array(Text),
  satisfactory: Schema.Boolean
})
export const ReportProgress = Schema.TaggedStruct("ReportProgress", { ...envelope, summary: Text })

export const commands = [SubmitMonthlyBriefing, RecordSpotCheck, ReportProgress] as const

export const roles = {
  SubmitMonthlyBriefing: ["provider"],
  RecordSpotCheck: ["agency"],
  ReportProgress: ["agency"]
} as const satisfies Record<string, ReadonlyArray<Role>>
