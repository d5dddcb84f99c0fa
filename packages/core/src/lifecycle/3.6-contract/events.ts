// 三(六) events.
import * as Schema from "effect/Schema"
import { IsoDate } from "../../kernel/IsoDate.js"
import * as Money from "../../kernel/Money.js"
import * as PerformanceTarget from "../3.9-acceptance/PerformanceTarget.js"
import { type EventNames, meta, SubProject } from "../internal/schemas.js"
import { Kind as PaymentKind, LateInterest, Payee } from "./Payment.js"

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
  balance: Money.Yuan,
  /** Signed after the signing period: recorded with a warning finding (政府采购法 第四十六条). */
  signBy: Schema.optional(IsoDate),
  late: Schema.optional(Schema.Boolean),
  sme: Schema.optional(Schema.Boolean),
  lateInterestRate: Schema.optional(Money.DecimalFromInput),
  /** The payment term the contract agrees, in days from the acceptance (at most 60); absent: `payment.dueDays`. */
  paymentTermDays: Schema.optional(Schema.Number),
  /** The performance targets the contract agrees (computed at acceptance). */
  performanceTargets: Schema.optional(Schema.Array(PerformanceTarget.Agreed)),
  /** The contract is due to be published (2 working days) and filed (7 working days) by these dates. */
  publishBy: Schema.optional(IsoDate),
  fileBy: Schema.optional(IsoDate)
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
  voucher: Schema.optional(Schema.String),
  /** Interest for a late payment (保障中小企业款项支付条例 第十七条), paid with it. */
  lateInterest: Schema.optional(LateInterest)
})
export const ContractAmended = Schema.TaggedStruct("ContractAmended", {
  ...meta,
  subProject: SubProject,
  contractId: Schema.String,
  supplementId: Schema.String,
  amount: Money.Yuan,
  reason: Schema.String,
  items: Schema.Array(Schema.String),
  signedOn: IsoDate,
  originalAmount: Money.Yuan,
  /** All supplementary amounts so far, this one included. */
  supplementsTotal: Money.Yuan,
  /** The contract amount with every supplement. */
  newAmount: Money.Yuan,
  /** The balance after the supplement (the advance is unchanged). */
  balance: Money.Yuan
})
export const ContractTerminated = Schema.TaggedStruct("ContractTerminated", {
  ...meta,
  subProject: SubProject,
  contractId: Schema.String,
  terminatedOn: IsoDate,
  reason: Schema.String,
  failedAcceptances: Schema.Number,
  contractAmount: Money.Yuan,
  workValue: Money.Yuan,
  paid: Money.Yuan,
  /** What the purchaser still owes the supplier (work value minus paid, if positive). */
  owed: Money.Yuan,
  /** What the supplier returns (paid minus work value, if positive). */
  refund: Money.Yuan
})

/** A publication or filing of the contract, with its due date and whether it was late. */
const filing = {
  ...meta,
  subProject: SubProject,
  contractId: Schema.String,
  dueOn: IsoDate,
  late: Schema.Boolean
}
export const ContractPublished = Schema.TaggedStruct("ContractPublished", {
  ...filing,
  publishedOn: IsoDate,
  medium: Schema.String
})
export const ContractFiled = Schema.TaggedStruct("ContractFiled", {
  ...filing,
  filedOn: IsoDate,
  filedWith: Schema.String
})

export const events = [
  ContractSigned,
  PaymentMade,
  ContractAmended,
  ContractTerminated,
  ContractPublished,
  ContractFiled
] as const

// The official Chinese name of each event (the audit trail extract and the documents print it).
export const names: EventNames<typeof events> = {
  ContractSigned: "签订合同",
  PaymentMade: "支付款项",
  ContractAmended: "签订补充合同",
  ContractTerminated: "解除合同",
  ContractPublished: "公告合同",
  ContractFiled: "合同备案"
}
