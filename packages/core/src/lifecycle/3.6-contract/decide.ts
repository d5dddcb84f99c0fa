// 三(六) decisions: the contract signed with its service period, advance and balance and the deliverables it
// requires; payments checked by the payment rules.
import * as Either from "effect/Either"
import * as IsoDate from "../../kernel/IsoDate.js"
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import type * as Money from "../../kernel/Money.js"
import { quotaProgress } from "../4-deliverables/progress.js"
import { basisOf, type Handlers, ok, runStage, traced, violation } from "../internal/decide.js"
import { paymentSplit, period } from "./guards.js"
import * as Payment from "./Payment.js"

export const handlers: Handlers<"SignContract" | "MakePayment"> = {
  SignContract: (input) => {
    const { command: c, state: s, on } = input
    const award = s.subProjects[c.subProject].award!
    const split = traced(input, paymentSplit, (p) =>
      Payment.split(
        c.amount,
        p.read<Money.Decimal>("payment.advancePercent"),
        p.read<Money.Decimal>("payment.balancePercent"),
        p.read<Money.Rounding>("payment.rounding")
      ))
    if (Either.isLeft(split)) return Either.left(split.left)
    const months = traced(input, period, (p) => p.read<number>("project.periodMonths"))
    if (Either.isLeft(months)) return Either.left(months.left)
    const items = quotaProgress(input.config, s, on, c.subProject)
    return ok({
      draft: {
        _tag: "ContractSigned",
        subProject: c.subProject,
        contractId: c.contractId,
        supplierId: c.supplierId,
        supplierName: award.supplierName,
        amount: c.amount,
        payee: c.payee,
        signedOn: on,
        periodEnd: IsoDate.addMonths(on, months.right.value),
        deliverables: items.map((p) => ({ itemId: p.itemId, title: p.title.zh, required: p.required, unit: p.unit })),
        qualityRequirements: c.qualityRequirements,
        acceptanceStandards: items.map((p) => `${p.title.zh}不少于${p.required}${p.unit}`),
        advance: split.right.value.advance,
        balance: split.right.value.balance
      },
      basis: [
        plan("三(六)", "明确开展项目的数量、质量要求及验收评估标准"),
        plan("五(二)"),
        national(`${texts.procurementLaw} 第四十六条`)
      ],
      evaluations: [split.right.evaluation, months.right.evaluation],
      restsOn: [award.eventId]
    })
  },
  MakePayment: (input) => {
    const { command: c, state: s, on } = input
    const sp = s.subProjects[c.subProject]
    const contract = sp.contract!
    const checked = runStage(input, "payment", {
      contract: {
        id: contract.contractId,
        amount: contract.amount,
        payee: contract.payee,
        signedOn: contract.signedOn
      },
      acceptancePassedOn: sp.acceptance.passedOn,
      paid: sp.payments,
      request: { kind: c.kind, amount: c.amount, payee: c.payee, paidOn: on },
      dueDate: sp.acceptance.dueDate
    })
    if (checked.errors.length > 0) return violation(c._tag, checked.findings)
    const balance = c.kind === "balance"
    return ok({
      draft: {
        _tag: "PaymentMade",
        subProject: c.subProject,
        contractId: contract.contractId,
        kind: c.kind,
        amount: c.amount,
        payee: c.payee,
        paidOn: on,
        ...(balance && sp.acceptance.dueDate !== undefined ? { dueDate: sp.acceptance.dueDate } : {}),
        ...(c.voucher === undefined ? {} : { voucher: c.voucher })
      },
      basis: basisOf(checked.rules),
      evaluations: checked.evaluations,
      restsOn: [
        contract.eventId,
        ...(balance && sp.acceptance.passedEventId !== undefined ? [sp.acceptance.passedEventId] : [])
      ]
    })
  }
}
