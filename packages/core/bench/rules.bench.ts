/**
 * Rule evaluation throughput: the full plan rule set (`PlanRules.ruleSet`,
 * nine rules reading 20 parameters) evaluated with `RuleSet.evaluate` on the
 * seed parameters, with its trace, on one core. Target ≥ 20,000 evaluations/s.
 * Also the payment and deliverable rule sets on seed-like inputs.
 *
 * Prints figures; asserts nothing. Run: `npx tsx packages/core/bench/rules.bench.ts`.
 */
import { DeliverableRules, IsoDate, Money, Payment, PlanRules, RuleSet } from "@gsyf/core"
import { seedParameters } from "../test/fixtures/seed.js"

const params = seedParameters()
let sink = 0
const bench = (name: string, fn: (i: number) => RuleSet.Report, budgetMs = 2000): void => {
  for (let i = 0; i < 2000; i++) fn(i) // warm-up
  let ops = 0
  const t0 = performance.now()
  let elapsed = 0
  while (elapsed < budgetMs) {
    for (let i = 0; i < 200; i++, ops++) if (fn(ops).passed) sink++
    elapsed = performance.now() - t0
  }
  console.log(
    `${name.padEnd(56)} ${Math.round((ops / elapsed) * 1000).toLocaleString("en-US").padStart(12)} evaluations/s`
  )
}

const dates = ["2026-03-02", "2026-03-10", "2026-04-20", "2026-10-23"]
const first = RuleSet.evaluate(PlanRules.ruleSet, {}, params, dates[0]!)
if (!first.passed) throw new Error("the seed plan should pass its rules")
const reads = first.trace.reduce((n, t) => n + t.reads.length, 0)
console.log(
  `Rules, ${process.version}: plan rule set of ${PlanRules.rules.length} rules, ${reads} parameter reads per evaluation`
)
bench(
  "PlanRules.ruleSet (RuleSet.evaluate, seed parameters)",
  (i) => RuleSet.evaluate(PlanRules.ruleSet, {}, params, dates[i & 3]!)
)

const payee = { name: "示例安康安全咨询有限公司", bank: "中国工商银行示例市分行", account: "6222 0210 0000 1234" }
const advance: Payment.PaymentInput = {
  contract: {
    id: "SZ-2026-GS-02",
    amount: Money.unsafeYuan("2180000.00"),
    payee,
    signedOn: IsoDate.unsafeFromString("2026-04-20")
  },
  acceptancePassedOn: undefined,
  paid: [],
  request: {
    kind: "advance",
    amount: Money.unsafeYuan("872000.00"),
    payee,
    paidOn: IsoDate.unsafeFromString("2026-04-27")
  },
  dueDate: undefined
}
if (!RuleSet.evaluate(Payment.ruleSet, advance, params, "2026-04-27").passed) {
  throw new Error("the seed advance should pass")
}
bench("Payment.ruleSet (the key-areas advance)", () => RuleSet.evaluate(Payment.ruleSet, advance, params, "2026-04-27"))

const deliverable: DeliverableRules.DeliverableInput = {
  evidence: {
    _tag: "summary-video",
    date: IsoDate.unsafeFromString("2026-10-10"),
    title: "总结片",
    durationMinutes: 9
  },
  contract: { signedOn: IsoDate.unsafeFromString("2026-04-20"), periodEnd: IsoDate.unsafeFromString("2026-10-20") },
  rectificationDeadline: undefined,
  implementationPlanApproved: true,
  approvedDesigns: new Map(),
  keyEnterpriseSteps: new Map(),
  keyEnterpriseList: undefined,
  customTypes: new Set()
}
bench(
  "DeliverableRules.ruleSet (a summary video)",
  () => RuleSet.evaluate(DeliverableRules.ruleSet, deliverable, params, "2026-10-10")
)
if (sink < 0) console.log(sink)
