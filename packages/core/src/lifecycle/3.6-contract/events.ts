// 三(六) events.
import * as Schema from "effect/Schema"
import { IsoDate } from "../../kernel/IsoDate.js"
import * as Money from "../../kernel/Money.js"
import { meta, SubProject } from "../internal/schemas.js"
import { Kind as PaymentKind, Payee } from "./Payment.js"

export const ContractSigned = Schema.TaggedStruct("ContractSigned", {
  ...meta,
  subProject: SubProject,
  contractId: Schema.String,
  supplierId: Schema.String,
  supplierName: Schema.String,
  amount: Money.Yuan,
  payee: Payee,
  signedOn: IsoDate,
  periodEnd: IsoDate,
  deliverables: Schema.Array(
    Schema.Struct({ itemId: Schema.String, title: Schema.String, required: Schema.Number, unit: Schema.String })
  ),
  qualityRequirements: Schema.Array(Schema.String),
  acceptanceStandards: Schema.Array(Schema.String),
  advance: Money.Yuan,
  balance: Money.Yuan
})
export const PaymentMade = Schema.TaggedStruct("PaymentMade", {
  ...meta,
  subProject: SubProject,
  contractId: Schema.String,
  kind: PaymentKind,
  amount: Money.Yuan,
  payee: Payee,
  paidOn: IsoDate,
  dueDate: Schema.optional(IsoDate),
  voucher: Schema.optional(Schema.String)
})

export const events = [ContractSigned, PaymentMade] as const
