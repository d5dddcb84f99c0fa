// 三(三) events.
import * as Schema from "effect/Schema"
import { IsoDate } from "../../kernel/IsoDate.js"
import * as Money from "../../kernel/Money.js"
import { meta } from "../internal/schemas.js"

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
