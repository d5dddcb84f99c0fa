/**
 * Fuzzing the project decider with fast-check: random and malformed commands
 * (random tags, wrong types, random roles, random dates and amounts, valid
 * commands out of order) against a live project at several points of the seed
 * lifecycle.
 *
 * - Every answer is a typed rejection (Unauthorized | OutOfOrder |
 *   RuleViolation | InvalidInput, with rule ids and a message) or events that
 *   encode and decode through `ProjectEvent.Event`; nothing throws.
 * - Replaying every accepted event from `Lifecycle.initialState` (also after a
 *   JSON round trip) reproduces the same state: version, status, payments,
 *   quota progress and the rest of the fingerprint.
 */
import { describe, expect, it } from "@effect/vitest"
import { Actor, IsoDate, Lifecycle, ProjectCommand, ProjectEvent } from "@gsyf/core"
import { Either, Schema } from "effect"
import fc from "fast-check"
import { fingerprint } from "./fixtures/gwt.js"
import { fullLifecycle, seedConfig } from "./fixtures/seed.js"

type Raw = Record<string, unknown>
const config = seedConfig()
const handle = Lifecycle.handle(config)
const encode = Schema.encodeSync(ProjectEvent.Event)
const decodeEvent = Schema.decodeUnknownSync(ProjectEvent.Event)
const rejectionTags = ["Unauthorized", "OutOfOrder", "RuleViolation", "InvalidInput"]

// ── the seed lifecycle, with the state and history before every command ──
const seed = fullLifecycle()
const points = (() => {
  const out: Array<
    { readonly index: number; readonly state: Lifecycle.State; readonly events: ReadonlyArray<ProjectEvent.Event> }
  > = []
  const wanted = new Set([0, 9, 12, 20, 40, 52, 60, 100, 140, seed.length - 8, seed.length - 3, seed.length])
  let state = Lifecycle.initialState
  const events: Array<ProjectEvent.Event> = []
  let lastStatus: Lifecycle.Status | undefined
  seed.forEach((raw, i) => {
    // every status the seed passes through, plus some points in between
    if (wanted.has(i) || Lifecycle.status(state) !== lastStatus) out.push({ index: i, state, events: [...events] })
    lastStatus = Lifecycle.status(state)
    for (const e of Either.getOrThrow(handle(raw, state))) {
      state = Lifecycle.evolve(state, e)
      events.push(e)
    }
  })
  out.push({ index: seed.length, state, events: [...events] })
  return out
})()

// ── arbitraries ──
let fresh = 0
const freshId = () => `fuzz-${++fresh}`
const day = fc.integer({ min: 0, max: 760 }).map((n) => IsoDate.addDays(IsoDate.unsafeFromString("2025-12-01"), n))
const instant = fc.oneof(
  { weight: 6, arbitrary: day.map((d) => `${d}T10:00:00+08:00`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("2026-02-30T10:00:00+08:00", "yesterday", "", "2026-13-01T00:00:00Z", "2026-06-01")
  },
  { weight: 1, arbitrary: fc.anything() }
)
const dateValue = fc.oneof({ weight: 6, arbitrary: day as fc.Arbitrary<unknown> }, {
  weight: 1,
  arbitrary: fc.constantFrom("2026-02-29", "2026-1-1", "20260101", 20260101, null)
})
const amount = fc.oneof(
  fc.constantFrom(
    "872000.00",
    "1308000.00",
    "312000.00",
    "468000.00",
    "2180000.00",
    "780000.00",
    "0",
    "-1.00",
    "0.001",
    "1e9",
    "¥100",
    "NaN"
  ),
  fc.bigInt({ min: 0n, max: 10_000_000_00n }).map((fen) => `${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`),
  fc.double(),
  fc.string()
)
const role = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...Actor.Role.literals) as fc.Arbitrary<unknown> }, {
  weight: 1,
  arbitrary: fc.string()
})
const tag = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ProjectCommand.names) as fc.Arbitrary<string> }, {
  weight: 1,
  arbitrary: fc.string()
})
const anyValue = fc.oneof(
  fc.anything(),
  amount,
  dateValue,
  fc.constantFrom("hazchem", "keyAreas", "advance", "balance", "approve", "return", "2026-07", "2027-13")
)

const valueFor = (key: string): fc.Arbitrary<unknown> =>
  key === "at"
    ? instant
    : /amount|quote|points/.test(key)
    ? amount
    : /On$|Deadline$|date/.test(key)
    ? dateValue
    : key === "subProject"
    ? fc.oneof(fc.constantFrom("hazchem", "keyAreas"), fc.string())
    : key === "month"
    ? fc.oneof(day.map((d) => d.slice(0, 7)), fc.string())
    : anyValue

/** A seed command with one to three fields (possibly nested) replaced, its role changed, or its tag swapped. */
const mutated: fc.Arbitrary<Raw> = fc
  .tuple(
    fc.constantFrom(...seed),
    fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.nat()), { minLength: 1, maxLength: 3 }),
    fc.context()
  )
  .chain(([tpl, picks]) => {
    const steps = picks.map(([k, nested, n]) => {
      const keys = Object.keys(tpl).filter((x) => x !== "_tag" && x !== "commandId")
      const key = keys[k % keys.length]!
      const inner = tpl[key]
      if (nested && inner !== null && typeof inner === "object" && !Array.isArray(inner)) {
        const innerKeys = Object.keys(inner as Raw)
        const ik = innerKeys[n % innerKeys.length]!
        return (key === "actor" && ik === "role" ? role : valueFor(ik)).map((v) => ({ path: [key, ik], v }))
      }
      if (nested && Array.isArray(inner) && inner.length > 0) {
        const item = inner[n % inner.length]
        if (item !== null && typeof item === "object") {
          const ik = Object.keys(item as Raw)[0]!
          return valueFor(ik).map((v) => ({ path: [key, n % inner.length, ik], v }))
        }
      }
      return valueFor(key).map((v) => ({ path: [key], v }))
    })
    return fc.tuple(fc.constant(tpl), fc.tuple(...steps), fc.option(tag, { freq: 6 }))
  })
  .map(([tpl, edits, newTag]) => {
    const out: any = structuredClone(tpl)
    for (const { path, v } of edits) {
      let target = out
      for (const p of path.slice(0, -1)) target = target?.[p as any]
      // an earlier edit may have replaced the parent with a scalar
      if (target !== null && typeof target === "object") target[path[path.length - 1] as any] = v
    }
    if (newTag !== null) out._tag = newTag
    out.commandId = freshId()
    return out as Raw
  })

/** A valid seed command, out of order (at whatever point it lands), with a fresh id. */
const outOfOrder: fc.Arbitrary<Raw> = fc.constantFrom(...seed).map((c) => ({ ...c, commandId: freshId() }))

/** Any shape at all, sometimes with a real tag and envelope. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.record({ _tag: tag, commandId: fc.string(), actor: fc.anything(), at: instant }),
  fc
    .record({
      _tag: tag,
      commandId: fc.string({ minLength: 1 }),
      actor: fc.record({ id: fc.string(), name: fc.string(), organisation: fc.string(), role }),
      at: instant
    })
    .chain((base) =>
      fc.dictionary(
        fc.constantFrom(
          "subProject",
          "amount",
          "kind",
          "month",
          "evidence",
          "scores",
          "members",
          "reasons",
          "startsOn"
        ),
        anyValue
      ).map((extra) => ({ ...base, ...extra }))
    )
)

const command: fc.Arbitrary<unknown> = fc.oneof({ weight: 4, arbitrary: mutated as fc.Arbitrary<unknown> }, {
  weight: 3,
  arbitrary: outOfOrder
}, { weight: 2, arbitrary: garbage })
const point = fc.constantFrom(...points)

/** Checks one answer; returns the accepted events (none for a rejection, whose kind goes to `kinds`). */
const check = (
  input: unknown,
  state: Lifecycle.State,
  kinds?: Map<string, number>
): ReadonlyArray<ProjectEvent.Event> => {
  const result = handle(input, state)
  if (Either.isLeft(result)) {
    const r = result.left
    expect(rejectionTags).toContain(r._tag)
    expect(Lifecycle.ruleIdsOf(r).length).toBeGreaterThan(0)
    expect(typeof r.message).toBe("string")
    kinds?.set(r._tag, (kinds.get(r._tag) ?? 0) + 1)
    return []
  }
  for (const e of result.right) {
    const round = decodeEvent(JSON.parse(JSON.stringify(encode(e))))
    expect(round).toEqual(e)
  }
  const after = result.right.reduce(Lifecycle.evolve, state)
  expect(after.version).toBe(state.version + result.right.length)
  return result.right
}

const summary = (s: Lifecycle.State) => ({
  ...fingerprint(s),
  quotas: Lifecycle.quotaProgress(config, s, IsoDate.unsafeFromString("2026-12-31")).map((p) =>
    `${p.itemId}:${p.done}/${p.required}:${p.met}`
  )
})

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

describe("fuzzing the decider", () => {
  it("the lifecycle points cover every status from new to filed", () => {
    expect(new Set(points.map((p) => Lifecycle.status(p.state)))).toEqual(
      new Set([
        "new",
        "key-areas-selected",
        "plan-issued",
        "budget-submitted",
        "budget-approved",
        "procurement",
        "implementation",
        "acceptance",
        "accepted",
        "filed"
      ])
    )
  })

  // Each run yields to the event loop, so the worker keeps answering vitest on a loaded machine.
  it("4000 random, malformed and out-of-order commands: a typed rejection or valid events, never a throw", async () => {
    let accepted = 0
    let rejected = 0
    const kinds = new Map<string, number>()
    await fc.assert(
      fc.asyncProperty(point, command, async (p, input) => {
        await yieldToLoop()
        const events = check(input, p.state, kinds)
        if (events.length > 0) accepted++
        else rejected++
      }),
      { numRuns: 4000 }
    )
    // the fuzzer reaches every kind of answer, not only schema errors
    for (const k of rejectionTags) expect(kinds.get(k) ?? 0).toBeGreaterThan(0)
    expect(accepted).toBeGreaterThan(0)
    expect(accepted + rejected).toBe(4000)
  }, 300_000)

  it("sequences of commands from a live project: replaying the accepted events reproduces the state", async () => {
    let totalAccepted = 0
    await fc.assert(
      fc.asyncProperty(point, fc.array(command, { minLength: 1, maxLength: 15 }), async (p, inputs) => {
        await yieldToLoop()
        let state = p.state
        const accepted: Array<ProjectEvent.Event> = []
        for (const input of inputs) {
          const events = check(input, state)
          for (const e of events) {
            state = Lifecycle.evolve(state, e)
            accepted.push(e)
          }
        }
        totalAccepted += accepted.length
        const all = [...p.events, ...accepted]
        const replayed = all.reduce(Lifecycle.evolve, Lifecycle.initialState)
        expect(summary(replayed)).toEqual(summary(state))
        const fromJson = Schema.decodeUnknownSync(Schema.Array(ProjectEvent.Event))(
          JSON.parse(JSON.stringify(Schema.encodeSync(Schema.Array(ProjectEvent.Event))(all)))
        )
        const replayedJson = fromJson.reduce(Lifecycle.evolve, Lifecycle.initialState)
        expect(summary(replayedJson)).toEqual(summary(state))
        expect(replayedJson.subProjects.keyAreas.payments.map((x) => x.amount.toString())).toEqual(
          state.subProjects.keyAreas.payments.map((x) => x.amount.toString())
        )
      }),
      { numRuns: 150 }
    )
    expect(totalAccepted).toBeGreaterThan(0)
  }, 300_000)
})
