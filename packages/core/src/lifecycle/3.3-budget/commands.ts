// 三(三) commands: the budget submitted to finance, approved or returned.
import * as Schema from "effect/Schema"
import type { Role } from "../../kernel/Actor.js"
import { envelope, Text } from "../internal/schemas.js"

export const SubmitBudget = Schema.TaggedStruct("SubmitBudget", { ...envelope, note: Schema.optional(Text) })
export const ApproveBudget = Schema.TaggedStruct("ApproveBudget", { ...envelope, note: Schema.optional(Text) })
export const ReturnBudget = Schema.TaggedStruct("ReturnBudget", { ...envelope, reasons: Schema.Array(Text) })

export const commands = [SubmitBudget, ApproveBudget, ReturnBudget] as const

export const roles = {
  SubmitBudget: ["hrss-bureau"],
  ApproveBudget: ["finance-bureau"],
  ReturnBudget: ["finance-bureau"]
} as const satisfies Record<string, ReadonlyArray<Role>>
