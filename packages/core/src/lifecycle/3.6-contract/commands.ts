// 三(六) commands: signing the contract and paying under it.
import * as Schema from "effect/Schema"
import type { Role } from "../../kernel/Actor.js"
import * as Money from "../../kernel/Money.js"
import * as PerformanceTarget from "../3.9-acceptance/PerformanceTarget.js"
import { envelope, Id, SubProject, Text } from "../internal/schemas.js"
import { Kind as PaymentKind, Payee } from "./Payment.js"

export const SignContract = Schema.TaggedStruct("SignContract", {
  ...envelope,
  subProject: SubProject,
  contractId: Id,
  supplierId: Id,
  amount: Money.Yuan,
  payee: Payee,
  qualityRequirements: Schema.Array(Text),
  /** The supplier is a small or medium-sized enterprise (保障中小企业款项支付条例 applies). */
  sme: Schema.optional(Schema.Boolean),
  /** The late-payment interest rate the contract agrees, per year in percent (not below the one-year LPR). */
  lateInterestRate: Schema.optional(Money.DecimalFromInput),
  /**
   * The payment term the contract agrees, in days from the acceptance (保障中小企业款项支付条例 第九条: at most 60);
   * without it the balance is due within `payment.dueDays`.
   */
  paymentTermDays: Schema.optional(Schema.Int.pipe(Schema.positive())),
  /**
   * Performance targets (绩效目标) the contract agrees for its sub-project, computed from the evidence at
   * acceptance beside the plan's (`acceptance.performanceTargets`); one named like a plan target replaces it only
   * when it asks for at least as much.
   */
  performanceTargets: Schema.optional(Schema.Array(PerformanceTarget.Agreed))
})
export const MakePayment = Schema.TaggedStruct("MakePayment", {
  ...envelope,
  subProject: SubProject,
  kind: PaymentKind,
  amount: Money.Yuan,
  payee: Payee,
  voucher: Schema.optional(Text),
  /** The late-payment interest paid with it, when the payer states it (checked against the computed interest). */
  interest: Schema.optional(Money.Yuan)
})

/** A supplementary contract (补充合同, 政府采购法 第四十九条): more of the same services, the other terms unchanged. */
export const AmendContract = Schema.TaggedStruct("AmendContract", {
  ...envelope,
  subProject: SubProject,
  supplementId: Id,
  /** The amount this supplementary contract adds. */
  amount: Money.Yuan,
  reason: Text,
  /** What is added (the same kind of service). */
  items: Schema.Array(Text)
})
/** The contract ends after failed rectification; what was paid and what is owed are settled. */
export const TerminateContract = Schema.TaggedStruct("TerminateContract", {
  ...envelope,
  subProject: SubProject,
  reason: Text,
  /** The value of the work done and accepted, as the two sides settled it. */
  workValue: Money.Yuan
})

/** The contract published in the designated media (实施条例 第五十条). */
export const PublishContract = Schema.TaggedStruct("PublishContract", {
  ...envelope,
  subProject: SubProject,
  medium: Text
})
/** A copy of the contract filed with the procurement supervision department (政府采购法 第四十七条). */
export const FileContract = Schema.TaggedStruct("FileContract", {
  ...envelope,
  subProject: SubProject,
  filedWith: Text
})

export const commands = [
  SignContract,
  MakePayment,
  AmendContract,
  TerminateContract,
  PublishContract,
  FileContract
] as const

export const roles = {
  SignContract: ["agency"],
  MakePayment: ["agency"],
  AmendContract: ["agency"],
  TerminateContract: ["agency"],
  PublishContract: ["agency"],
  FileContract: ["agency"]
} as const satisfies Record<string, ReadonlyArray<Role>>
