// 三(三) events.
import * as Schema from "effect/Schema"
import { IsoDate } from "../../kernel/IsoDate.js"
import * as Money from "../../kernel/Money.js"
import { type EventNames, meta } from "../internal/schemas.js"

export const BudgetSubmitted = Schema.TaggedStruct("BudgetSubmitted", {
  ...meta,
  total: Money.Yuan,
  hazchem: Money.Yuan,
  keyAreas: Money.Yuan,
  cap: Money.Yuan
})
export const BudgetApproved = Schema.TaggedStruct("BudgetApproved", {
  ...meta,
  approvedOn: IsoDate,
  note: Schema.optional(Schema.String)
})
export const BudgetReturned = Schema.TaggedStruct("BudgetReturned", { ...meta, reasons: Schema.Array(Schema.String) })

export const events = [BudgetSubmitted, BudgetApproved, BudgetReturned] as const

// The official Chinese name of each event (the audit trail extract and the documents print it).
export const names: EventNames<typeof events> = {
  BudgetSubmitted: "报送预算",
  BudgetApproved: "预算审核通过",
  BudgetReturned: "预算退回"
}
