// 三(九) events.
import * as Schema from "effect/Schema"
import { IsoDate } from "../../kernel/IsoDate.js"
import * as Money from "../../kernel/Money.js"
import { Bilingual, type EventNames, meta, QuotaResult, SubProject } from "../internal/schemas.js"

const Expert = Schema.Struct({ id: Schema.String, name: Schema.String, organisation: Schema.String })
const PerformanceTarget = Schema.Struct({
  name: Schema.String,
  target: Schema.String,
  actual: Schema.String,
  met: Schema.Boolean
})

export const AcceptanceApplied = Schema.TaggedStruct("AcceptanceApplied", {
  ...meta,
  subProject: SubProject,
  appliedOn: IsoDate,
  attempt: Schema.Number,
  receipts: Schema.Array(
    Schema.Struct({ number: Schema.String, amount: Money.Yuan, issuer: Schema.optional(Schema.String) })
  ),
  receiptsTotal: Money.Yuan,
  details: Schema.String
})
export const AcceptancePassed = Schema.TaggedStruct("AcceptancePassed", {
  ...meta,
  subProject: SubProject,
  evaluatedOn: IsoDate,
  attempt: Schema.Number,
  experts: Schema.Array(Expert),
  items: Schema.Array(QuotaResult),
  targets: Schema.Array(PerformanceTarget),
  balanceDue: Money.Yuan,
  dueDate: IsoDate,
  dueExplanation: Bilingual,
  remarks: Schema.optional(Schema.String)
})
/**
 * One thing a rectification order asks to put right, by its stable identifier, with its display sentence (`text`,
 * the same as the order's `items` entry): a quota item not delivered in full (`required` and `delivered` in the
 * item's `unit`), a performance target not met, or the finding of another verdict rule (a plugin's) at its path.
 */
export const RectificationOrder = Schema.Union(
  Schema.Struct({
    kind: Schema.Literal("quota"),
    rule: Schema.String,
    itemId: Schema.String,
    unit: Schema.String,
    required: Schema.Number,
    delivered: Schema.Number,
    text: Schema.String
  }),
  Schema.Struct({
    kind: Schema.Literal("target"),
    rule: Schema.String,
    name: Schema.String,
    target: Schema.String,
    actual: Schema.String,
    text: Schema.String
  }),
  Schema.Struct({ kind: Schema.Literal("finding"), rule: Schema.String, path: Schema.String, text: Schema.String })
)

export const AcceptanceFailed = Schema.TaggedStruct("AcceptanceFailed", {
  ...meta,
  subProject: SubProject,
  evaluatedOn: IsoDate,
  attempt: Schema.Number,
  experts: Schema.Array(Expert),
  items: Schema.Array(QuotaResult),
  targets: Schema.Array(PerformanceTarget),
  rectification: Schema.Struct({
    /** What to put right, as sentences for display. */
    items: Schema.Array(Schema.String),
    deadline: IsoDate,
    explanation: Bilingual,
    /** The same, one order per item with its identifiers; absent from orders recorded before 0.2.0. */
    orders: Schema.optional(Schema.Array(RectificationOrder))
  }),
  remarks: Schema.optional(Schema.String)
})
export const AcceptanceReportFiled = Schema.TaggedStruct("AcceptanceReportFiled", {
  ...meta,
  subProject: SubProject,
  reportNumber: Schema.String,
  filedOn: IsoDate
})

export const events = [AcceptanceApplied, AcceptancePassed, AcceptanceFailed, AcceptanceReportFiled] as const

// The official Chinese name of each event (the audit trail extract and the documents print it).
export const names: EventNames<typeof events> = {
  AcceptanceApplied: "申请验收",
  AcceptancePassed: "验收合格",
  AcceptanceFailed: "验收不合格",
  AcceptanceReportFiled: "验收报告备案"
}
