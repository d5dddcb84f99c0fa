/**
 * Acceptance of the 20 plan quotas, gsyf against json-rules-engine 7.3.1, in
 * turns in one process (see `compare.ts`), on the final seed state and on the
 * final state of a project with about 10,000 pieces of evidence.
 *
 * - gsyf: `Lifecycle.quotaProgress` (done / required of every quota at the date)
 *   and the acceptance verdict rules (`Acceptance.verdictRuleSet`).
 * - json-rules-engine: one rule per quota (`done ≥ required`, and no unmet extra
 *   condition), facts computed by the same counting functions as gsyf's
 *   (`Quota.planItems[i].count`) over the evidence list, the required numbers
 *   read from the same parameters; it passes when every rule fires. Measured
 *   twice: given the state (it lists the evidence first, `Lifecycle.evidenceOf`)
 *   and given the evidence list ready-made.
 *
 * Both must agree on every quota before anything is timed. Prints figures and the
 * ratios; asserts nothing. Run: `npx tsx packages/core/bench/acceptance.bench.ts`.
 */
import { Acceptance, IsoDate, Lifecycle, Money, Parameter, Quota, RuleSet } from "@gsyf/core"
import { Engine } from "json-rules-engine"
import { compareAsync } from "./compare.js"
import { buildProject } from "./project10k.js"

const on = IsoDate.unsafeFromString("2026-11-04")
const seed = buildProject(0)
const big = buildProject(10_000)
const config = seed.config

const gsyf = (s: Lifecycle.State) => {
  const contract = s.subProjects.keyAreas.contract!
  return (): boolean => {
    const progress = Lifecycle.quotaProgress(config, s, on)
    const input: Acceptance.AcceptanceInput = {
      stage: "evaluation",
      on,
      periodEnd: contract.periodEnd,
      contractAmount: contract.amount,
      receiptsTotal: Money.zero,
      receiptCount: 0,
      progress,
      targets: [{ name: "培训满意度", target: ">85%", actual: "93%", met: true }],
      experts: 5,
      rectificationDeadline: undefined
    }
    return RuleSet.evaluate(Acceptance.verdictRuleSet, input, config.parameters, on).passed
  }
}

// The peer: the same quota items as json-rules-engine rules over facts.
const items: ReadonlyArray<Quota.Item> = config.quotaItems
const ctx: Quota.Context = { read: (name) => Parameter.resolve(config.parameters, name, on)?.value }
const engine = new Engine(
  items.map((item) => ({
    name: item.id,
    conditions: {
      all: [
        {
          fact: "done",
          params: { item: item.id },
          operator: "greaterThanInclusive",
          value: { fact: "required", params: { item: item.id } }
        },
        { fact: "unmet", params: { item: item.id }, operator: "equal", value: false }
      ]
    },
    event: { type: "quota-met", params: { item: item.id } }
  })),
  { allowUndefinedFacts: false }
)
const byId = new Map(items.map((i) => [i.id, i]))
engine.addFact("done", async (params: Record<string, any>, almanac) => {
  const evidence = await almanac.factValue<ReadonlyArray<Lifecycle.ActiveEvidence["evidence"]>>("evidence")
  return byId.get(params.item)!.count(evidence, ctx)
})
engine.addFact("required", async (params: Record<string, any>) => Quota.requiredOf(byId.get(params.item)!, ctx))
engine.addFact("unmet", async (params: Record<string, any>, almanac) => {
  const evidence = await almanac.factValue<ReadonlyArray<Lifecycle.ActiveEvidence["evidence"]>>("evidence")
  return byId.get(params.item)!.extra?.(evidence, ctx) !== undefined
})
const peerRun = async (evidence: ReadonlyArray<unknown>): Promise<boolean> => {
  const result = await engine.run({ evidence })
  return result.events.length === items.length
}

const main = async () => {
  console.log(`Acceptance, ${process.version}: ${items.length} quotas + verdict, gsyf vs json-rules-engine 7.3.1`)
  for (const [name, s] of [["seed state", seed.state], ["10k-evidence state", big.state]] as const) {
    const evidence = Lifecycle.evidenceOf(s)
    const mine = gsyf(s)
    if (!mine()) throw new Error(`gsyf: the ${name} should pass acceptance`)
    if (!(await peerRun(evidence))) throw new Error(`json-rules-engine: the ${name} should pass acceptance`)
    const done = Lifecycle.quotaProgress(config, s, on).map((p) => `${p.itemId}=${p.done}`).join(",")
    const peerDone = items.map((i) => `${i.id}=${i.count(evidence, ctx)}`).join(",")
    if (done !== peerDone) throw new Error(`the two disagree on the ${name}`)
    const label = `${name} (${evidence.length.toLocaleString("en-US")} evidence)`
    await compareAsync(
      `acceptance, ${label}; peer given the state`,
      "evaluations",
      1,
      async () => mine(),
      () => peerRun(Lifecycle.evidenceOf(s)),
      10
    )
    await compareAsync(
      `acceptance, ${label}; peer given the evidence ready-made`,
      "evaluations",
      1,
      async () => mine(),
      () => peerRun(evidence),
      10
    )
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
