// 三(六) decisions: the contract signed with its service period, advance and balance and the deliverables it
// requires; payments checked by the payment rules.
import * as Either from "effect/Either"
import * as IsoDate from "../../kernel/IsoDate.js"
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import { findings } from "../../rules/Rule.js"
import { quotaProgress } from "../4-deliverables/progress.js"
import type { Input } from "../Guard.js"
import {
  basisOf,
  calendarFinding,
  type Handler,
  type Handlers,
  ok,
  runStage,
  single,
  traced,
  violation
} from "../internal/decide.js"
import type { Evaluation } from "../ProjectEvent.js"
import { type Rejection, RuleViolation } from "../Rejection.js"
import { interest, paymentSplit, period, publication } from "./guards.js"
import * as Payment from "./Payment.js"

/** The publication and filing deadlines of a contract signed on `on`, in working days. */
const deadlines = (
  input: Input<"SignContract">
): Either.Either<
  { readonly publishBy: IsoDate.IsoDate; readonly fileBy: IsoDate.IsoDate; readonly evaluation: Evaluation },
  Rejection
> => {
  const read = traced(input, publication, (p) => ({
    publish: p.read<number>("contract.publishWithinWorkingDays"),
    file: p.read<number>("contract.fileWithinWorkingDays")
  }))
  if (Either.isLeft(read)) return Either.left(read.left)
  const cal = input.config.calendar
  const publishBy = cal.periodEnd(input.on, read.right.value.publish, "working-days")
  const fileBy = cal.periodEnd(input.on, read.right.value.file, "working-days")
  const failed = Either.isLeft(publishBy) ? publishBy.left : Either.isLeft(fileBy) ? fileBy.left : undefined
  if (failed !== undefined || Either.isLeft(publishBy) || Either.isLeft(fileBy)) {
    return Either.left(
      new RuleViolation({ command: input.command._tag, findings: [calendarFinding(failed!, "at")] }) as Rejection
    )
  }
  return Either.right({ publishBy: publishBy.right, fileBy: fileBy.right, evaluation: read.right.evaluation })
}

type Contract = NonNullable<Input["state"]["subProjects"]["hazchem"]["contract"]>

/** The interest a late payment carries: none on time, none for a non-SME without an agreed rate. */
const interestOf = (input: Input<"MakePayment">, contract: Contract, dueDate: string | undefined) => {
  const { command: c, on } = input
  if (dueDate === undefined || on <= dueDate) return Either.right(undefined)
  if (contract.sme === false && contract.lateInterestRate === undefined) return Either.right(undefined)
  return Either.map(
    traced(
      input,
      interest,
      (p) =>
        Payment.lateInterest(c.amount, IsoDate.diffDays(IsoDate.unsafeFromString(dueDate), on), {
          agreedAnnualPercent: contract.lateInterestRate,
          statutoryDailyPercent: p.read<Money.Decimal>("payment.lateDailyPercent"),
          dayBasis: p.read<number>("payment.interestDayBasis"),
          rounding: p.read<Money.Rounding>("payment.interestRounding")
        })
    ),
    (t) => t
  )
}

const makePayment: Handler<"MakePayment"> = (input) => {
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
    dueDate: sp.acceptance.dueDate,
    terminated: contract.terminated
  })
  if (checked.errors.length > 0) return violation(c._tag, checked.findings)
  const balance = c.kind === "balance"
  const owed = interestOf(input, contract, balance ? sp.acceptance.dueDate : undefined)
  if (Either.isLeft(owed)) return Either.left(owed.left)
  const late = owed.right
  if (c.interest !== undefined && (late === undefined || !Money.equals(late.value.amount, c.interest))) {
    const expected = late === undefined ? "¥0.00" : Money.format(late.value.amount)
    return violation(c._tag, [
      single(
        "payment.late-interest",
        "interest",
        `逾期利息应为 ${expected},申报 ${Money.format(c.interest)}`,
        `the late-payment interest is ${expected}, ${Money.format(c.interest)} was given`,
        expected,
        Money.format(c.interest)
      )
    ])
  }
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
      ...(c.voucher === undefined ? {} : { voucher: c.voucher }),
      ...(late === undefined ? {} : { lateInterest: late.value })
    },
    basis: basisOf(checked.rules),
    evaluations: late === undefined ? checked.evaluations : [...checked.evaluations, late.evaluation],
    restsOn: [
      contract.eventId,
      ...(balance && sp.acceptance.passedEventId !== undefined ? [sp.acceptance.passedEventId] : [])
    ]
  })
}

const amendContract: Handler<"AmendContract"> = ({ command: c, state: s, on }) => {
  const contract = s.subProjects[c.subProject].contract!
  const original = contract.originalAmount ?? contract.amount
  const supplementsTotal = Money.add(Money.sum((contract.supplements ?? []).map((x) => x.amount)), c.amount)
  return ok({
    draft: {
      _tag: "ContractAmended",
      subProject: c.subProject,
      contractId: contract.contractId,
      supplementId: c.supplementId,
      amount: c.amount,
      reason: c.reason,
      items: c.items,
      signedOn: on,
      originalAmount: original,
      supplementsTotal,
      newAmount: Money.add(contract.amount, c.amount),
      balance: Money.add(contract.balance, c.amount)
    },
    basis: [national(`${texts.procurementLaw} 第四十九条`)],
    restsOn: [contract.eventId]
  })
}

const terminateContract: Handler<"TerminateContract"> = ({ command: c, state: s, on }) => {
  const sp = s.subProjects[c.subProject]
  const contract = sp.contract!
  const paid = Money.sum(sp.payments.map((x) => x.amount))
  const difference = Money.subtract(c.workValue, paid)
  return ok({
    draft: {
      _tag: "ContractTerminated",
      subProject: c.subProject,
      contractId: contract.contractId,
      terminatedOn: on,
      reason: c.reason,
      failedAcceptances: sp.acceptance.attempts,
      contractAmount: contract.amount,
      workValue: c.workValue,
      paid,
      owed: Money.isNegative(difference) ? Money.zero : difference,
      refund: Money.isNegative(difference) ? Money.subtract(paid, c.workValue) : Money.zero
    },
    basis: [
      plan("三(九)"),
      national(`${texts.civilCode} 第五百六十三条`),
      national(`${texts.civilCode} 第五百六十六条`, "已经履行的,根据履行情况结算")
    ],
    restsOn: [contract.eventId, ...(sp.acceptance.appliedEventId === undefined ? [] : [sp.acceptance.appliedEventId])]
  })
}

const publishContract: Handler<"PublishContract"> = ({ command: c, state: s, on }) => {
  const contract = s.subProjects[c.subProject].contract!
  const dueOn = contract.publishBy ?? on
  return ok({
    draft: {
      _tag: "ContractPublished",
      subProject: c.subProject,
      contractId: contract.contractId,
      dueOn,
      late: on > dueOn,
      publishedOn: on,
      medium: c.medium
    },
    basis: [national(`${texts.procurementRegulation} 第五十条`)],
    evaluations: on > dueOn ? [lateEvaluation("contract.publication-due", dueOn, on, "公告", "published")] : [],
    restsOn: [contract.eventId]
  })
}

const fileContract: Handler<"FileContract"> = ({ command: c, state: s, on }) => {
  const contract = s.subProjects[c.subProject].contract!
  const dueOn = contract.fileBy ?? on
  return ok({
    draft: {
      _tag: "ContractFiled",
      subProject: c.subProject,
      contractId: contract.contractId,
      dueOn,
      late: on > dueOn,
      filedOn: on,
      filedWith: c.filedWith
    },
    basis: [national(`${texts.procurementLaw} 第四十七条`)],
    evaluations: on > dueOn ? [lateEvaluation("contract.filing-due", dueOn, on, "备案", "filed")] : [],
    restsOn: [contract.eventId]
  })
}

/** A late publication or filing as the event records it: a warning finding, nothing refused. */
const lateEvaluation = (ruleId: string, dueOn: string, on: string, zh: string, en: string) => ({
  ruleId,
  reads: [],
  findings: [
    findings(ruleId).warning(
      "at",
      `合同应于 ${dueOn} 前${zh},实际 ${on}`,
      `the contract was due to be ${en} by ${dueOn}; it was ${en} on ${on}`,
      `≤ ${dueOn}`,
      on
    )
  ]
})

export const handlers: Handlers<
  "SignContract" | "MakePayment" | "AmendContract" | "TerminateContract" | "PublishContract" | "FileContract"
> = {
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
    const due = deadlines(input)
    if (Either.isLeft(due)) return Either.left(due.left)
    const late = on > award.signBy
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
        balance: split.right.value.balance,
        ...(late ? { signBy: award.signBy, late: true } : {}),
        ...(c.sme === undefined ? {} : { sme: c.sme }),
        ...(c.lateInterestRate === undefined ? {} : { lateInterestRate: c.lateInterestRate }),
        ...(c.paymentTermDays === undefined ? {} : { paymentTermDays: c.paymentTermDays }),
        ...(c.performanceTargets === undefined ? {} : { performanceTargets: c.performanceTargets }),
        publishBy: due.right.publishBy,
        fileBy: due.right.fileBy
      },
      basis: [
        plan("三(六)", "明确开展项目的数量、质量要求及验收评估标准"),
        plan("五(二)"),
        national(`${texts.procurementLaw} 第四十六条`)
      ],
      evaluations: [split.right.evaluation, months.right.evaluation, due.right.evaluation],
      restsOn: [award.eventId]
    })
  },
  MakePayment: makePayment,
  AmendContract: amendContract,
  TerminateContract: terminateContract,
  PublishContract: publishContract,
  FileContract: fileContract
}
