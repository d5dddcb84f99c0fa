// 三(九) commands: applying for acceptance, evaluating it, filing the report.
import * as Schema from "effect/Schema"
import type { Role } from "../../kernel/Actor.js"
import * as Money from "../../kernel/Money.js"
import { envelope, Id, SubProject, Text } from "../internal/schemas.js"

export const ApplyForAcceptance = Schema.TaggedStruct("ApplyForAcceptance", {
  ...envelope,
  subProject: SubProject,
  receipts: Schema.Array(Schema.Struct({ number: Text, amount: Money.Yuan, issuer: Schema.optional(Text) })),
  details: Text
})
export const EvaluateAcceptance = Schema.TaggedStruct("EvaluateAcceptance", {
  ...envelope,
  subProject: SubProject,
  experts: Schema.Array(Schema.Struct({ id: Id, name: Text, organisation: Text })),
  performanceTargets: Schema.Array(Schema.Struct({ name: Text, target: Text, actual: Text, met: Schema.Boolean })),
  remarks: Schema.optional(Text)
})
export const FileAcceptanceReport = Schema.TaggedStruct("FileAcceptanceReport", {
  ...envelope,
  subProject: SubProject,
  reportNumber: Text
})

export const commands = [ApplyForAcceptance, EvaluateAcceptance, FileAcceptanceReport] as const

export const roles = {
  ApplyForAcceptance: ["provider"],
  EvaluateAcceptance: ["agency"],
  FileAcceptanceReport: ["agency"]
} as const satisfies Record<string, ReadonlyArray<Role>>
