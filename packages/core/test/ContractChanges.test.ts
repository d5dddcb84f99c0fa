import { describe, expect, it } from "@effect/vitest"
import { Money, Payment } from "@gsyf/core"

const d = (s: string) => new Money.Decimal(s)
const rates = (agreed?: string) => ({
  agreedAnnualPercent: agreed === undefined ? undefined : d(agreed),
  statutoryDailyPercent: d("0.05"),
  dayBasis: 365,
  rounding: "half-up" as const
})

describe("late-payment interest (保障中小企业款项支付条例 第十七条)", () => {
  it("without an agreed rate: 0.05% a day, exact to the fen", () => {
    const i = Payment.lateInterest(Money.unsafeYuan("468000.00"), 7, rates())
    expect(i).toMatchObject({ daysLate: 7, source: "statutory" })
    expect(Money.format(i.amount)).toBe("¥1,638.00")
    // 123,456.78 × 0.05% × 3 = 185.18517 → 185.19 (half-up, once, at the end)
    expect(Money.format(Payment.lateInterest(Money.unsafeYuan("123456.78"), 3, rates()).amount)).toBe("¥185.19")
  })

  it("at the contract's agreed annual rate over 365 days, rounded once with the named rounding", () => {
    // 468,000.00 × 3.1% × 7 / 365 = 278.2356… → 278.24
    const i = Payment.lateInterest(Money.unsafeYuan("468000.00"), 7, rates("3.1"))
    expect(i).toMatchObject({ daysLate: 7, source: "agreed", dayBasis: 365 })
    expect(Money.format(i.amount)).toBe("¥278.24")
    const down = Payment.lateInterest(Money.unsafeYuan("468000.00"), 7, { ...rates("3.1"), rounding: "down" })
    expect(Money.format(down.amount)).toBe("¥278.23")
  })

  it("on time, no interest", () => {
    expect(Money.isZero(Payment.lateInterest(Money.unsafeYuan("1000.00"), 0, rates()).amount)).toBe(true)
  })
})

describe("settlement after termination", () => {
  it("is the only payment, of exactly what was owed", () => {
    const base = {
      contract: {
        id: "c",
        amount: Money.unsafeYuan("2180000.00"),
        payee: { name: "a", bank: "b", account: "c" },
        signedOn: "2026-04-20" as never
      },
      acceptancePassedOn: undefined,
      paid: [{ kind: "advance" as const, amount: Money.unsafeYuan("872000.00") }],
      dueDate: undefined,
      terminated: { on: "2026-11-20" as never, owed: Money.unsafeYuan("1028000.00") }
    }
    const request = (kind: Payment.Kind, amount: string) => ({
      kind,
      amount: Money.unsafeYuan(amount),
      payee: base.contract.payee,
      paidOn: "2026-11-23" as never
    })
    const evaluate = (input: Payment.PaymentInput) => Payment.settlement.evaluate(input, undefined as never)
    expect(evaluate({ ...base, request: request("settlement", "1028000.00") })).toEqual([])
    const [wrong] = evaluate({ ...base, request: request("settlement", "1000000.00") })
    expect(wrong).toMatchObject({ ruleId: "payment.settlement", expected: "¥1,028,000.00", actual: "¥1,000,000.00" })
    expect(evaluate({ ...base, request: request("balance", "1308000.00") })[0]!.en).toContain("only the settlement")
    const { terminated: _t, ...live } = base
    expect(evaluate({ ...live, request: request("settlement", "1.00") })[0]!.zh).toBe("合同未解除,不能支付结算款")
  })
})
