/**
 * The payment term a contract agrees (保障中小企业款项支付条例 第九条: 30 days from the acceptance by default, at most
 * 60 when the contract agrees one): the balance's due date and the late-payment interest count from it.
 */
import { describe, expect, it } from "@effect/vitest"
import type { ProjectEvent } from "@gsyf/core"
import { command, configWith, given, seedCommand, tagIs, until, variant } from "./fixtures/gwt.js"
import { actors } from "./fixtures/seed.js"

type Raw = Record<string, unknown>
type Passed = ProjectEvent.Of<"AcceptancePassed">
type Paid = ProjectEvent.Of<"PaymentMade">

const hazchemSigning = tagIs("SignContract", "hazchem")
const payee = { name: actors.providerH1.organisation, bank: "中国工商银行示例市分行", account: "6222 0210 0000 5678" }

/** The seed until the hazchem acceptance, the hazchem contract signed with these terms. */
const deliveredWith = (terms: Raw): Array<Raw> =>
  until(tagIs("EvaluateAcceptance", "hazchem")).map((c) => (hazchemSigning(c) ? variant(c, terms) : c))

/** The seed's hazchem acceptance (2026-10-23, a Friday), which passes. */
const accept = (): Raw => variant(seedCommand(tagIs("EvaluateAcceptance", "hazchem")))

const balance = (date: string, interest?: string) =>
  command("MakePayment", actors.agency, date, {
    subProject: "hazchem",
    kind: "balance",
    amount: "468000.00",
    payee,
    ...(interest === undefined ? {} : { interest })
  })

describe("an agreed payment term (国务院令第802号 第九条)", () => {
  it("a term over 60 days is refused naming the bound; 60 days is signed and kept", () => {
    const g = given(until(hazchemSigning))
    const over = g.when(variant(seedCommand(hazchemSigning), { paymentTermDays: 61 }))
      .thenRejected("RuleViolation", "contract.payment-term")
    expect(over.message).toContain("超过自验收合格之日起 60 日的上限")
    const [signed] = g.when(variant(seedCommand(hazchemSigning), { paymentTermDays: 60 })).thenEvents(
      "ContractSigned"
    ) as [ProjectEvent.Of<"ContractSigned">]
    expect(signed.paymentTermDays).toBe(60)
  })

  it("a city's shorter limit is the one applied", () => {
    const g = given(until(hazchemSigning), configWith({ "payment.maxAgreedDays": 45 }))
    const r = g.when(variant(seedCommand(hazchemSigning), { paymentTermDays: 60 }))
      .thenRejected("RuleViolation", "contract.payment-term")
    expect(r.message).toContain("45 日的上限")
  })

  it("the balance is due at the end of the agreed term, moved past a rest day; interest from then, to the fen", () => {
    // accepted on Friday 2026-10-23; 58 days later is Sunday 2026-12-20, so the balance is due on Monday
    // 2026-12-21 (民法典 第二百零三条)
    const g = given([...deliveredWith({ paymentTermDays: 58, sme: true }), accept()])
    const passed = g.events.at(-1) as Passed
    expect(passed._tag).toBe("AcceptancePassed")
    expect(passed.dueDate).toBe("2026-12-21")
    expect(passed.dueExplanation.zh).toContain("按合同约定,验收合格之日 2026-10-23 起 58 日内支付余款")
    // paid on 2027-01-04, across New Year's Day: 14 days late counted from the due date, holidays included
    // (468,000.00 × 0.05% × 14 = 3,276.00); a different figure is refused
    g.when(balance("2027-01-04", "3042.00")).thenRejected("RuleViolation", "payment.late-interest")
    const [paid] = g.when(balance("2027-01-04", "3276.00")).thenEvents("PaymentMade") as [Paid]
    expect(paid.dueDate).toBe("2026-12-21")
    expect(paid.lateInterest).toMatchObject({ daysLate: 14, source: "statutory" })
    expect(paid.lateInterest!.amount.toString()).toBe("3276.00")
  })

  it("at the contract's agreed rate over 365 days: 468,000.00 × 3.65% × 14 / 365 = 655.20", () => {
    const g = given([...deliveredWith({ paymentTermDays: 58, sme: true, lateInterestRate: "3.65" }), accept()])
    const [paid] = g.when(balance("2027-01-04", "655.20")).thenEvents("PaymentMade") as [Paid]
    expect(paid.lateInterest).toMatchObject({ daysLate: 14, source: "agreed" })
    expect(paid.lateInterest!.amount.toString()).toBe("655.20")
  })

  it("without an agreed term the default 30 days apply: the same acceptance is due 2026-11-23", () => {
    // 30 days from 2026-10-23 is Sunday 2026-11-22, moved to Monday 2026-11-23
    const g = given([...deliveredWith({ sme: true }), accept()])
    expect((g.events.at(-1) as Passed).dueDate).toBe("2026-11-23")
  })
})
