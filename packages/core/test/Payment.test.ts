import { describe, expect, it } from "@effect/vitest"
import { IsoDate, Money, Parameter, Payment, RuleSet } from "@gsyf/core"
import { Either } from "effect"
import { seedParameterFile, seedParameters } from "./fixtures/seed.js"

const params = seedParameters()
const d = IsoDate.unsafeFromString
const yuan = Money.unsafeYuan
const payee = { name: "示例安康安全咨询有限公司", bank: "中国工商银行示例市分行", account: "6222 0210 0000 1234" }
const contract = { id: "SZ-2026-GS-02", amount: yuan("2180000.00"), payee, signedOn: d("2026-04-20") }

const advance = (
  patch: Partial<Payment.PaymentInput["request"]> = {},
  extra: Partial<Payment.PaymentInput> = {}
): Payment.PaymentInput => ({
  contract,
  acceptancePassedOn: undefined,
  paid: [],
  request: { kind: "advance", amount: yuan("872000.00"), payee, paidOn: d("2026-04-27"), ...patch },
  dueDate: undefined,
  ...extra
})
const balance = (
  patch: Partial<Payment.PaymentInput["request"]> = {},
  extra: Partial<Payment.PaymentInput> = {}
): Payment.PaymentInput => ({
  contract,
  acceptancePassedOn: d("2026-11-04"),
  paid: [{ kind: "advance", amount: yuan("872000.00") }],
  request: { kind: "balance", amount: yuan("1308000.00"), payee, paidOn: d("2026-11-16"), ...patch },
  dueDate: d("2026-12-04"),
  ...extra
})
const run = (input: Payment.PaymentInput) => RuleSet.evaluate(Payment.ruleSet, input, params, input.request.paidOn)
const only = (input: Payment.PaymentInput) =>
  run(input).findings.map((f) => [f.ruleId, f.severity, f.path, f.expected, f.actual])

describe("the split", () => {
  it("is contract × percentages, the balance absorbing the advance's rounding", () => {
    const s = Payment.split(yuan("2180000.00"), new Money.Decimal(40), new Money.Decimal(60), "half-up")
    expect([s.advance.toString(), s.balance.toString()]).toEqual(["872000.00", "1308000.00"])
    const odd = Payment.split(yuan("1000.01"), new Money.Decimal(40), new Money.Decimal(60), "half-up")
    expect([odd.advance.toString(), odd.balance.toString()]).toEqual(["400.00", "600.01"])
    const third = Payment.split(yuan("100.00"), new Money.Decimal("33.335"), new Money.Decimal("66.665"), "up")
    expect(Money.add(third.advance, third.balance).toString()).toBe("100.00")
    expect(third.advance.toString()).toBe("33.34")
    expect(Payment.balanceAmount(yuan("2180000.00"), [{ amount: yuan("872000.00") }]).toString()).toBe("1308000.00")
  })
  it("reads the advance percentage and rounding from the parameters in force", () => {
    const read = <A>(name: string) => Parameter.get(params, name as Parameter.Name, "2026-04-27") as A
    const reader = { read, readOptional: read }
    expect(Payment.advanceAmount(yuan("780000.00"), reader).toString()).toBe("312000.00")
  })
})

describe("the payment rules", () => {
  it("pass the seed advance and balance", () => {
    expect(run(advance()).passed).toBe(true)
    expect(run(advance()).findings).toEqual([])
    expect(run(balance()).findings).toEqual([])
    const trace = run(advance()).trace.find((t) => t.ruleId === "payment.advance-amount")!
    expect(trace.reads.map((r) => [r.name, r.value])).toEqual([
      ["payment.advancePercent", "40"],
      ["payment.balancePercent", "60"],
      ["payment.rounding", "half-up"]
    ])
  })

  it("payment.advance-after-signing: no advance before the contract is signed, or dated before signing", () => {
    expect(only(advance({}, { contract: { ...contract, signedOn: undefined } }))).toEqual([[
      "payment.advance-after-signing",
      "error",
      "request.kind",
      undefined,
      undefined
    ]])
    expect(only(advance({ paidOn: d("2026-04-19") }))).toEqual([[
      "payment.advance-after-signing",
      "error",
      "request.paidOn",
      "≥ 2026-04-20",
      "2026-04-19"
    ]])
    expect(only(advance({ paidOn: d("2026-04-20") }))).toEqual([])
  })

  it("payment.single-advance: one advance per contract", () => {
    const second = advance({}, { paid: [{ kind: "advance", amount: yuan("872000.00") }] })
    // ¥872,000.00 twice stays within the contract: only the second advance itself is refused
    expect(only(second)).toEqual([["payment.single-advance", "error", "request.kind", undefined, undefined]])
  })

  it("payment.advance-amount: exactly contract × 40%", () => {
    expect(only(advance({ amount: yuan("872000.01") }))).toEqual([[
      "payment.advance-amount",
      "error",
      "request.amount",
      "¥872,000.00",
      "¥872,000.01"
    ]])
    expect(only(advance({ amount: yuan("871999.99") }))[0]![3]).toBe("¥872,000.00")
  })

  it("payment.balance-after-acceptance: no balance before acceptance passes, or dated before it", () => {
    expect(only(balance({}, { acceptancePassedOn: undefined, dueDate: undefined }))).toEqual([[
      "payment.balance-after-acceptance",
      "error",
      "request.kind",
      undefined,
      undefined
    ]])
    expect(only(balance({ paidOn: d("2026-11-03") }))).toEqual([[
      "payment.balance-after-acceptance",
      "error",
      "request.paidOn",
      "≥ 2026-11-04",
      "2026-11-03"
    ]])
  })

  it("payment.balance-amount: contract minus everything paid", () => {
    expect(only(balance({ amount: yuan("1307999.99") }))).toEqual([[
      "payment.balance-amount",
      "error",
      "request.amount",
      "¥1,308,000.00",
      "¥1,307,999.99"
    ]])
    const partial = balance({ amount: yuan("2180000.00") }, { paid: [] })
    expect(only(partial)).toEqual([])
  })

  it("payment.not-beyond-contract: nothing beyond the contract amount", () => {
    const over = only(balance({ amount: yuan("1308000.01") }))
    expect(over).toContainEqual([
      "payment.not-beyond-contract",
      "error",
      "request.amount",
      "≤ ¥2,180,000.00",
      "¥2,180,000.01"
    ])
  })

  it("payment.payee-matches-contract: name, bank and account as in the contract (surrounding spaces ignored)", () => {
    expect(only(advance({ payee: { ...payee, account: "6222 0210 0000 9999" } }))).toEqual([
      ["payment.payee-matches-contract", "error", "request.payee.account", "6222 0210 0000 1234", "6222 0210 0000 9999"]
    ])
    expect(only(advance({ payee: { name: "别的公司", bank: "别的银行", account: payee.account } })).map((f) => f[2]))
      .toEqual(["request.payee.name", "request.payee.bank"])
    expect(only(advance({ payee: { ...payee, name: ` ${payee.name} ` } }))).toEqual([])
  })

  it("payment.due-date: a late balance is a warning (the payment still passes), reading the due-days parameters", () => {
    const late = run(balance({ paidOn: d("2026-12-07") }))
    expect(late.passed).toBe(true)
    expect(late.findings.map((f) => [f.ruleId, f.severity, f.expected, f.actual])).toEqual([[
      "payment.due-date",
      "warning",
      "≤ 2026-12-04",
      "2026-12-07"
    ]])
    expect(late.trace.find((t) => t.ruleId === "payment.due-date")!.reads.map((r) => [r.name, r.value])).toEqual([
      ["payment.dueDays", "30"],
      ["payment.dueDaysUnit", "calendar-days"]
    ])
    expect(only(balance({ paidOn: d("2026-12-04") }))).toEqual([])
  })

  it("uses a half-even rounding when the city chooses it", () => {
    const file = structuredClone(seedParameterFile()) as { parameters: Record<string, unknown> }
    Object.assign(file.parameters, {
      "payment.rounding": "half-even",
      "payment.advancePercent": "12.5",
      "payment.balancePercent": "87.5"
    })
    const set = Either.getOrThrow(Parameter.load(file))
    const input = advance({ amount: yuan("0.12") }, { contract: { ...contract, amount: yuan("1.00") } })
    expect(RuleSet.evaluate(Payment.ruleSet, input, set, "2026-04-27").findings).toEqual([])
    const halfUp = RuleSet.evaluate(Payment.ruleSet, input, params, "2026-04-27")
    expect(halfUp.findings.map((f) => f.ruleId)).toEqual(["payment.advance-amount"])
  })
})
