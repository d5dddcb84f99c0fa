/**
 * Payment rules (实施方案 六(二)): the advance is the contract amount times the
 * advance percentage and is payable only once the contract is signed; the
 * balance is the contract amount minus everything paid and is payable only
 * after acceptance passes; nothing is paid beyond the contract; the payee must
 * be the one in the contract; the balance falls due a set number of days after
 * acceptance.
 *
 * @since 0.1.0
 */
import type { Decimal as DecimalJs } from "decimal.js"
import * as Schema from "effect/Schema"
import { bilingual } from "../../kernel/InputError.js"
import type { IsoDate } from "../../kernel/IsoDate.js"
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import * as Rule from "../../rules/Rule.js"
import * as RuleSet from "../../rules/RuleSet.js"

const Text = Schema.String.pipe(Schema.filter((s) => s.trim().length > 0, bilingual("不能为空", "must not be empty")))

/**
 * The payee's account as written in the contract (收款单位、开户银行、账号, 六(二)).
 *
 * @since 0.1.0
 * @category models
 */
export const Payee = Schema.Struct({ name: Text, bank: Text, account: Text }).annotations({ identifier: "Payee" })

/**
 * @since 0.1.0
 * @category models
 */
export type Payee = typeof Payee.Type

/**
 * The two payments of the plan.
 *
 * @since 0.1.0
 * @category models
 */
export const Kind = Schema.Literal("advance", "balance", "settlement")

/**
 * @since 0.1.0
 * @category models
 */
export type Kind = typeof Kind.Type

/**
 * The interest on a late payment as the payment records it: the days late, the rate (per day, or per year when
 * the contract agrees one), where the rate comes from and the amount, exact to the fen.
 *
 * @since 0.2.0
 * @category models
 */
export const LateInterest = Schema.Struct({
  daysLate: Schema.Number,
  /** `agreed`: the contract's annual rate (not below the 1-year LPR); `statutory`: 0.05% a day. */
  source: Schema.Literal("agreed", "statutory"),
  /** Percent per year (agreed) or per day (statutory). */
  rate: Money.DecimalFromInput,
  /** Days of a year for an annual rate. */
  dayBasis: Schema.optional(Schema.Number),
  amount: Money.Yuan
}).annotations({ identifier: "LateInterest" })

/**
 * @since 0.2.0
 * @category models
 */
export type LateInterest = typeof LateInterest.Type

/**
 * The interest on `amount` paid `daysLate` days after its due date (保障中小企业款项支付条例 第十七条): at the
 * contract's agreed annual rate over `dayBasis` days a year, or else at the statutory daily rate; rounded once,
 * to the fen, with the named rounding.
 *
 * @since 0.2.0
 * @category computations
 */
export const lateInterest = (
  amount: Money.Money,
  daysLate: number,
  rates: {
    readonly agreedAnnualPercent: DecimalJs | undefined
    readonly statutoryDailyPercent: DecimalJs
    readonly dayBasis: number
    readonly rounding: Money.Rounding
  }
): LateInterest => {
  const days = Math.max(0, daysLate)
  if (rates.agreedAnnualPercent !== undefined) {
    const yuan = amount.yuan.times(rates.agreedAnnualPercent).dividedBy(100).times(days).dividedBy(rates.dayBasis)
    return {
      daysLate: days,
      source: "agreed",
      rate: rates.agreedAnnualPercent,
      dayBasis: rates.dayBasis,
      amount: Money.round(yuan, rates.rounding)
    }
  }
  const yuan = amount.yuan.times(rates.statutoryDailyPercent).dividedBy(100).times(days)
  return {
    daysLate: days,
    source: "statutory",
    rate: rates.statutoryDailyPercent,
    amount: Money.round(yuan, rates.rounding)
  }
}

/**
 * What the payment rules look at.
 *
 * @since 0.1.0
 * @category models
 */
export interface PaymentInput {
  readonly contract: {
    readonly id: string
    readonly amount: Money.Money
    readonly payee: Payee
    readonly signedOn: IsoDate | undefined
  }
  readonly acceptancePassedOn: IsoDate | undefined
  readonly paid: ReadonlyArray<{ readonly kind: Kind; readonly amount: Money.Money }>
  readonly request: {
    readonly kind: Kind
    readonly amount: Money.Money
    readonly payee: Payee
    readonly paidOn: IsoDate
  }
  /** The balance's due date, when acceptance has passed. */
  readonly dueDate: IsoDate | undefined
  /** The contract's termination, if it ended early: what is owed is paid as the settlement. */
  readonly terminated?: { readonly on: IsoDate; readonly owed: Money.Money } | undefined
}

/**
 * The advance and balance of a contract: the split that always adds up to the
 * contract amount (the balance absorbs the advance's rounding).
 *
 * @since 0.1.0
 * @category computations
 */
export const split = (
  contractAmount: Money.Money,
  advancePercent: DecimalJs,
  balancePercent: DecimalJs,
  rounding: Money.Rounding
): { readonly advance: Money.Money; readonly balance: Money.Money } => {
  const [advance, balance] = Money.allocate(contractAmount, [advancePercent, balancePercent], rounding)
  return { advance: advance!, balance: balance! }
}

/**
 * The advance due under the parameters in force.
 *
 * @since 0.1.0
 * @category computations
 */
export const advanceAmount = (contractAmount: Money.Money, p: Rule.ParameterReader): Money.Money =>
  split(
    contractAmount,
    p.read<DecimalJs>("payment.advancePercent"),
    p.read<DecimalJs>("payment.balancePercent"),
    p.read<Money.Rounding>("payment.rounding")
  ).advance

/**
 * The balance: contract amount minus everything already paid.
 *
 * @since 0.1.0
 * @category computations
 */
export const balanceAmount = (
  contractAmount: Money.Money,
  paid: ReadonlyArray<{ readonly amount: Money.Money }>
): Money.Money => Money.subtract(contractAmount, Money.sum(paid.map((x) => x.amount)))

const basis6 = plan("六(二)")

/**
 * @since 0.1.0
 * @category rules
 */
export const advanceAfterSigning = Rule.make<PaymentInput>({
  id: "payment.advance-after-signing",
  title: { zh: "合同签订后方可支付预付款", en: "Advance only after the contract is signed" },
  section: "三(六)",
  basis: [plan("三(六)", "依据合同条款支付预付款"), basis6],
  reads: [],
  description: "预付款只能在合同签订之后(含当日)支付。",
  evaluate: (i) => {
    if (i.request.kind !== "advance") return []
    const f = Rule.findings("payment.advance-after-signing")
    if (i.contract.signedOn === undefined) {
      return [
        f.error("request.kind", "合同尚未签订,不能支付预付款", "the contract is not signed yet; no advance can be paid")
      ]
    }
    return i.request.paidOn < i.contract.signedOn
      ? [
        f.error(
          "request.paidOn",
          "支付日期早于合同签订日期",
          "payment date is before the contract was signed",
          `≥ ${i.contract.signedOn}`,
          i.request.paidOn
        )
      ]
      : []
  }
})

/**
 * @since 0.1.0
 * @category rules
 */
export const singleAdvance = Rule.make<PaymentInput>({
  id: "payment.single-advance",
  title: { zh: "预付款只支付一次", en: "One advance per contract" },
  section: "六(二)",
  basis: [basis6],
  reads: [],
  description: "每份合同只支付一次预付款。",
  evaluate: (i) =>
    i.request.kind === "advance" && i.paid.some((x) => x.kind === "advance")
      ? [
        Rule.findings("payment.single-advance").error(
          "request.kind",
          "该合同的预付款已经支付",
          "the advance of this contract was already paid"
        )
      ]
      : []
})

/**
 * @since 0.1.0
 * @category rules
 */
export const advanceAmountRule = Rule.make<PaymentInput>({
  id: "payment.advance-amount",
  title: { zh: "预付款金额等于合同金额乘以预付比例", en: "Advance equals contract × advance %" },
  section: "六(二)",
  basis: [plan("六(二)", "先行支付项目总额x%的预付款")],
  reads: ["payment.advancePercent", "payment.balancePercent", "payment.rounding"],
  description: "预付款 = 合同金额 × 预付款比例,按参数规定的舍入方式精确到分。",
  evaluate: (i, p) => {
    if (i.request.kind !== "advance") return []
    const expected = advanceAmount(i.contract.amount, p)
    return Money.equals(expected, i.request.amount)
      ? []
      : [
        Rule.findings("payment.advance-amount").error(
          "request.amount",
          `预付款应为 ${Money.format(expected)},申请 ${Money.format(i.request.amount)}`,
          `the advance should be ${Money.format(expected)}, requested ${Money.format(i.request.amount)}`,
          Money.format(expected),
          Money.format(i.request.amount)
        )
      ]
  }
})

/**
 * @since 0.1.0
 * @category rules
 */
export const balanceAfterAcceptance = Rule.make<PaymentInput>({
  id: "payment.balance-after-acceptance",
  title: { zh: "验收合格后方可支付余款", en: "Balance only after acceptance passes" },
  section: "三(九)",
  basis: [
    plan("三(九)", "评估验收合格后支付余款"),
    basis6,
    national(`${texts.acceptanceGuidance} 三`, "验收结果与付款挂钩")
  ],
  reads: [],
  description: "余款只能在项目评估验收合格之后(含当日)支付。",
  evaluate: (i) => {
    if (i.request.kind !== "balance") return []
    const f = Rule.findings("payment.balance-after-acceptance")
    if (i.acceptancePassedOn === undefined) {
      return [
        f.error(
          "request.kind",
          "项目尚未验收合格,不能支付余款",
          "acceptance has not passed; the balance cannot be paid"
        )
      ]
    }
    return i.request.paidOn < i.acceptancePassedOn
      ? [
        f.error(
          "request.paidOn",
          "支付日期早于验收合格日期",
          "payment date is before acceptance passed",
          `≥ ${i.acceptancePassedOn}`,
          i.request.paidOn
        )
      ]
      : []
  }
})

/**
 * @since 0.1.0
 * @category rules
 */
export const balanceAmountRule = Rule.make<PaymentInput>({
  id: "payment.balance-amount",
  title: { zh: "余款等于合同金额减去已付金额", en: "Balance equals contract minus paid" },
  section: "六(二)",
  basis: [plan("六(二)", "再行支付项目总额x%的余款")],
  reads: [],
  description: "余款 = 合同金额 − 已支付金额(吸收预付款的舍入差,保证合计恰为合同金额)。",
  evaluate: (i) => {
    if (i.request.kind !== "balance") return []
    const expected = balanceAmount(i.contract.amount, i.paid)
    return Money.equals(expected, i.request.amount)
      ? []
      : [
        Rule.findings("payment.balance-amount").error(
          "request.amount",
          `余款应为 ${Money.format(expected)},申请 ${Money.format(i.request.amount)}`,
          `the balance should be ${Money.format(expected)}, requested ${Money.format(i.request.amount)}`,
          Money.format(expected),
          Money.format(i.request.amount)
        )
      ]
  }
})

/**
 * @since 0.1.0
 * @category rules
 */
export const notBeyondContract = Rule.make<PaymentInput>({
  id: "payment.not-beyond-contract",
  title: { zh: "付款总额不超过合同金额", en: "No payment beyond the contract" },
  section: "六(二)",
  basis: [basis6, plan("六(一)", "专款专用")],
  reads: [],
  description: "已付金额加本次付款不得超过合同金额。",
  evaluate: (i) => {
    const after = Money.add(Money.sum(i.paid.map((x) => x.amount)), i.request.amount)
    return Money.greaterThan(after, i.contract.amount)
      ? [
        Rule.findings("payment.not-beyond-contract").error(
          "request.amount",
          `付款后累计 ${Money.format(after)} 超过合同金额 ${Money.format(i.contract.amount)}`,
          `payments would total ${Money.format(after)}, beyond the contract's ${Money.format(i.contract.amount)}`,
          `≤ ${Money.format(i.contract.amount)}`,
          Money.format(after)
        )
      ]
      : []
  }
})

/**
 * @since 0.1.0
 * @category rules
 */
export const payeeMatches = Rule.make<PaymentInput>({
  id: "payment.payee-matches-contract",
  title: { zh: "收款单位与合同一致", en: "Payee matches the contract" },
  section: "六(二)",
  basis: [plan("六(二)", "合同明确收款单位、开户银行、账号")],
  reads: [],
  description: "收款单位、开户银行和账号必须与合同约定完全一致。",
  evaluate: (i) => {
    const f = Rule.findings("payment.payee-matches-contract")
    const out: Array<Rule.Finding> = []
    for (const key of ["name", "bank", "account"] as const) {
      if (i.request.payee[key].trim() !== i.contract.payee[key].trim()) {
        out.push(
          f.error(
            `request.payee.${key}`,
            `收款信息“${key}”与合同不一致`,
            `payee ${key} differs from the contract`,
            i.contract.payee[key],
            i.request.payee[key]
          )
        )
      }
    }
    return out
  }
})

/**
 * @since 0.1.0
 * @category rules
 */
export const paidOnTime = Rule.make<PaymentInput>({
  id: "payment.due-date",
  title: { zh: "余款在付款期限内支付", en: "Balance paid by its due date" },
  section: "六(二)",
  basis: [
    national(`${texts.smePayment} 第九条`, "自验收合格之日起30日内支付"),
    national(`${texts.smePayment} 第十七条`, "逾期按约定或每日万分之五支付利息")
  ],
  reads: ["payment.dueDays", "payment.dueDaysUnit"],
  description: "余款应在验收合格后的付款期限内支付;逾期支付记为警告,并提示逾期利息(约定利率或每日万分之五)。",
  evaluate: (i, p) => {
    if (i.request.kind !== "balance" || i.dueDate === undefined) return []
    p.read("payment.dueDays")
    p.read("payment.dueDaysUnit")
    return i.request.paidOn > i.dueDate
      ? [
        Rule.findings("payment.due-date").warning(
          "request.paidOn",
          `余款逾期支付:应于 ${i.dueDate} 前支付`,
          `balance paid late: it was due by ${i.dueDate}`,
          `≤ ${i.dueDate}`,
          i.request.paidOn
        )
      ]
      : []
  }
})

/**
 * After a termination only the settlement is paid, and it is exactly what the termination found owed; a
 * settlement needs a terminated contract.
 *
 * @since 0.2.0
 * @category rules
 */
export const settlement = Rule.make<PaymentInput>({
  id: "payment.settlement",
  title: { zh: "解除合同后按结算金额付款", en: "After termination only the settlement is paid" },
  section: "三(九)",
  basis: [national(`${texts.civilCode} 第五百六十六条`, "合同解除后,已经履行的,根据履行情况结算")],
  reads: [],
  description: "合同解除后不再支付预付款或余款,只支付解除时结算确定的应付金额;未解除的合同不能支付结算款。",
  evaluate: (i) => {
    const f = Rule.findings("payment.settlement")
    if (i.terminated === undefined) {
      return i.request.kind === "settlement"
        ? [f.error("request.kind", "合同未解除,不能支付结算款", "the contract is not terminated; no settlement is due")]
        : []
    }
    if (i.request.kind !== "settlement") {
      return [
        f.error(
          "request.kind",
          `合同已于 ${i.terminated.on} 解除,只能支付结算款`,
          `the contract was terminated on ${i.terminated.on}; only the settlement can be paid`
        )
      ]
    }
    const paidSince = Money.sum(i.paid.filter((x) => x.kind === "settlement").map((x) => x.amount))
    const due = Money.subtract(i.terminated.owed, paidSince)
    return Money.equals(due, i.request.amount) ? [] : [
      f.error(
        "request.amount",
        `结算款应为 ${Money.format(due)},申请 ${Money.format(i.request.amount)}`,
        `the settlement due is ${Money.format(due)}, requested ${Money.format(i.request.amount)}`,
        Money.format(due),
        Money.format(i.request.amount)
      )
    ]
  }
})

/**
 * The payment rules in evaluation order.
 *
 * @since 0.1.0
 * @category rules
 */
export const rules: ReadonlyArray<Rule.Rule<PaymentInput>> = [
  advanceAfterSigning,
  singleAdvance,
  advanceAmountRule,
  balanceAfterAcceptance,
  balanceAmountRule,
  notBeyondContract,
  payeeMatches,
  paidOnTime,
  settlement
]

/**
 * @since 0.1.0
 * @category rules
 */
export const ruleSet: RuleSet.RuleSet<PaymentInput> = RuleSet.make(rules)
