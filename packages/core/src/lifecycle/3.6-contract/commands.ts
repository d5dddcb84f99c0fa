// 三(六) commands: signing the contract and paying under it.
import * as Schema from "effect/Schema"
import type { Role } from "../../kernel/Actor.js"
import * as Money from "../../kernel/Money.js"
import { envelope, Id, SubProject, Text } from "../internal/schemas.js"
import { Kind as PaymentKind, Payee } from "./Payment.js"

export const SignContract = Schema.TaggedStruct("SignContract", {
  ...envelope,
  subProject: SubProject,
  contractId: Id,
  supplierId: Id,
  amount: Money.Yuan,
  payee: Payee,
  qualityRequirements: Schema.Array(Text)
})
export const MakePayment = Schema.TaggedStruct("MakePayment", {
  ...envelope,
  subProject: SubProject,
  kind: PaymentKind,
  amount: Money.Yuan,
  payee: Payee,
  voucher: Schema.optional(Text)
})

export const commands = [SignContract, MakePayment] as const

export const roles = {
  SignContract: ["agency"],
  MakePayment: ["agency"]
} as const satisfies Record<string, ReadonlyArray<Role>>
