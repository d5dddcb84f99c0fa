/**
 * Lifecycle throughput.
 *
 * (a) Replay of a 10,000-event project including decoding: the stream is
 *     encoded to JSON once; each run times `JSON.parse` → decoding every
 *     event with the `ProjectEvent.Event` schema → `Lifecycle.evolve`.
 * (b) Acceptance evaluation of the 20 plan quotas on the final seed state:
 *     `Lifecycle.quotaProgress` plus the acceptance verdict rules.
 *
 * Prints figures; asserts nothing. Run: `npx tsx packages/core/bench/lifecycle.bench.ts`.
 */
import { Acceptance, IsoDate, Lifecycle, Money, ProjectEvent, RuleSet } from "@gsyf/core"
import { Either, Schema } from "effect"
import { buildProject } from "./project10k.js"

const fmt = (n: number) => Math.round(n).toLocaleString("en-US").padStart(14)

const t0 = performance.now()
const { config, state, events } = buildProject(10_000)
const json = JSON.stringify(Schema.encodeSync(Schema.Array(ProjectEvent.Event))(events))
console.log(
  `Lifecycle, ${process.version}: ${events.length.toLocaleString("en-US")} events (${
    (json.length / 1e6).toFixed(1)
  } MB of JSON), built in ${((performance.now() - t0) / 1000).toFixed(1)} s`
)

// ── (a) replay including decoding ────────────────────────────────────────────
// `Schema.decodeUnknown(ProjectEvent.Event)` (run synchronously as an Either), and
// `ProjectEvent.decodeUnknownEither`, which picks the member schema by `_tag` first.
const unionDecode = Schema.decodeUnknownEither(ProjectEvent.Event)
const tagDecode = ProjectEvent.decodeUnknownEither
const replayWith = (decode: (u: unknown) => Either.Either<ProjectEvent.Event, unknown>) => (): Lifecycle.State => {
  const raw = JSON.parse(json) as ReadonlyArray<unknown>
  let s = Lifecycle.initialState
  for (const r of raw) {
    const e = decode(r)
    if (Either.isLeft(e)) throw new Error(String(e.left))
    s = Lifecycle.evolve(s, e.right)
  }
  return s
}
const replay = replayWith(tagDecode)
const parseOnly = (): number => (JSON.parse(json) as ReadonlyArray<unknown>).length
const decodeOnly =
  (decode: (u: unknown) => Either.Either<ProjectEvent.Event, unknown>, raw: ReadonlyArray<unknown>) => (): number => {
    let n = 0
    for (const r of raw) if (Either.isRight(decode(r))) n++
    return n
  }
const evolveOnly = (): Lifecycle.State => {
  let s = Lifecycle.initialState
  for (const e of events) s = Lifecycle.evolve(s, e)
  return s
}

const timeRuns = (name: string, perRun: number, unit: string, fn: () => unknown, budgetMs = 3000, warmup = 2): void => {
  for (let i = 0; i < warmup; i++) fn()
  let runs = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < budgetMs || runs < 3) {
    fn()
    runs++
    elapsed = performance.now() - start
  }
  console.log(
    `${name.padEnd(58)} ${fmt(((runs * perRun) / elapsed) * 1000)} ${unit}/s   (${
      (elapsed / runs).toFixed(1)
    } ms per run)`
  )
}

const check = replay()
if (replayWith(unionDecode)().version !== check.version) throw new Error("the two decoders disagree")
if (check.version !== state.version || Lifecycle.status(check) !== Lifecycle.status(state)) {
  throw new Error("replay differs from the decided state")
}

const parsed = JSON.parse(json) as ReadonlyArray<unknown>
timeRuns("replay: JSON.parse → decode by _tag → evolve", events.length, "events", replay)
timeRuns("replay: JSON.parse → Schema.decodeUnknown(Event) → evolve", events.length, "events", replayWith(unionDecode))
timeRuns("  JSON.parse alone", events.length, "events", parseOnly)
timeRuns(
  "  decode by _tag alone (ProjectEvent.decodeUnknownEither)",
  events.length,
  "events",
  decodeOnly(tagDecode, parsed)
)
timeRuns("  decode with the union alone", events.length, "events", decodeOnly(unionDecode, parsed))
timeRuns("  evolve alone (already decoded)", events.length, "events", evolveOnly)

// ── (b) acceptance evaluation of the 20 plan quotas ─────────────────────────
const on = IsoDate.unsafeFromString("2026-11-04")
const acceptanceOf = (s: Lifecycle.State) => {
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
const seedState = buildProject(0).state // the seed lifecycle alone: 182 events
for (
  const [name, s] of [
    ["final seed state", seedState],
    ["final state of the 10,000-event project", state]
  ] as const
) {
  const evaluate = acceptanceOf(s)
  if (!evaluate()) throw new Error("the final state should pass acceptance")
  const evidence = Lifecycle.evidenceOf(s).length.toLocaleString("en-US")
  timeRuns(
    `acceptance (${config.quotaItems.length} quotas + verdict), ${name} (${evidence} evidence)`,
    1,
    "evaluations",
    evaluate,
    2000,
    20
  )
}
