// Folding events in a batch (`Lifecycle.evolveAll`, which writes in place what it made itself) gives the state that
// folding them one by one with `Lifecycle.evolve` gives: every field, map, set, evidence list and counter, in the same
// order, and the same snapshot text; split into batches anywhere, or continued from a restored snapshot. The states
// a batch starts from, and every state before, are left as they were.
import { describe, expect, it } from "@effect/vitest"
import { Decider, Lifecycle, type ProjectEvent, ProjectService } from "@gsyf/core"
import { Chunk } from "effect"
import { buildProject } from "../bench/project10k.js"
import { PersistentMap, PersistentSet } from "../src/lifecycle/internal/persistentMap.js"
import { seedWithCorrections } from "./fixtures/gwt.js"
import { fullLifecycle, runCommands, seedConfig } from "./fixtures/seed.js"

/** A state as plain data: maps and sets as their entries in iteration order, chunks as arrays. */
const plain = (u: unknown): unknown => {
  if (Chunk.isChunk(u)) return { chunk: Chunk.toReadonlyArray(u).map(plain) }
  if (u instanceof Map || u instanceof PersistentMap) {
    return { map: [...(u as ReadonlyMap<unknown, unknown>)].map(([k, v]) => [k, plain(v)]) }
  }
  if (u instanceof Set || u instanceof PersistentSet) {
    return { set: [...(u as ReadonlySet<unknown>)] }
  }
  if (Array.isArray(u)) return u.map(plain)
  if (typeof u === "object" && u !== null) {
    return Object.fromEntries(Object.entries(u).map(([k, v]) => [k, plain(v)]))
  }
  return u
}

const snapshot = (s: Lifecycle.State) => ProjectService.snapshotCodec.encode(s)

const oneByOne = (from: Lifecycle.State, events: ReadonlyArray<ProjectEvent.Event>) => {
  let s = from
  for (const e of events) s = Lifecycle.evolve(s, e)
  return s
}

const withCorrections = () => {
  const { base, corrections } = seedWithCorrections()
  return runCommands([...base, ...corrections])
}

const expectSame = (batch: Lifecycle.State, reference: Lifecycle.State) => {
  expect(plain(batch)).toStrictEqual(plain(reference))
  expect(snapshot(batch)).toBe(snapshot(reference))
  expect(Lifecycle.status(batch)).toBe(Lifecycle.status(reference))
}

const checkStream = (events: ReadonlyArray<ProjectEvent.Event>) => {
  const reference = oneByOne(Lifecycle.initialState, events)
  expectSame(Lifecycle.evolveAll(Lifecycle.initialState, events), reference)
  // split anywhere: each batch starts from a state the one before returned
  const recorded = events.flatMap((e, i) => (e._tag === "DeliverableRecorded" ? [i + 1] : []))
  const middle = recorded[Math.floor(recorded.length / 2)]!
  for (const cut of [1, 7, Math.floor(events.length / 3), middle, events.length - 1]) {
    const first = Lifecycle.evolveAll(Lifecycle.initialState, events.slice(0, cut))
    expectSame(first, oneByOne(Lifecycle.initialState, events.slice(0, cut)))
    const before = snapshot(first)
    const plainBefore = plain(first)
    expectSame(Lifecycle.evolveAll(first, events.slice(cut)), reference)
    // the state the second batch started from is as it was
    expect(snapshot(first)).toBe(before)
    expect(plain(first)).toStrictEqual(plainBefore)
  }
  // continued from a restored snapshot (maps built at once, written over by the batch)
  const half = Math.floor(events.length / 2)
  const restored = ProjectService.snapshotCodec.decode(
    snapshot(oneByOne(Lifecycle.initialState, events.slice(0, half)))
  )
  expectSame(Lifecycle.evolveAll(restored, events.slice(half)), reference)
}

/** Every intermediate state of a one-by-one fold, with its snapshot text, to check nothing changes them. */
const along = (events: ReadonlyArray<ProjectEvent.Event>, every: number) => {
  const states: Array<readonly [Lifecycle.State, string]> = []
  let s = Lifecycle.initialState
  for (const [i, e] of events.entries()) {
    s = Lifecycle.evolve(s, e)
    if (i % every === 0) states.push([s, snapshot(s)])
  }
  return states
}

describe("Lifecycle.evolveAll", () => {
  it("gives the state of folding the seed lifecycle one event at a time", () => {
    checkStream(runCommands(fullLifecycle()).events)
  })

  it("gives the same state through corrections that withdraw and replace evidence", () => {
    checkStream(withCorrections().events)
  })

  it("gives the same state on the 10,000-event project, and leaves earlier states as they were", () => {
    const { events, state } = buildProject(10_000)
    const earlier = along(events, 997)
    checkStream(events)
    expectSame(Lifecycle.evolveAll(Lifecycle.initialState, events), state)
    // batches from each kept state onwards write nothing into it or into the states before it
    for (const [s] of earlier) Lifecycle.evolveAll(s, events.slice(s.version))
    for (const [s, text] of earlier) expect(snapshot(s)).toBe(text)
  }, 120_000)
})

/** The events folded with `evolvePieces` from `from`, cut into pieces of `size` events. */
const inPieces = (from: Lifecycle.State, events: ReadonlyArray<ProjectEvent.Event>, size: number) => {
  const fold = Lifecycle.evolvePieces(from)
  for (let i = 0; i < events.length; i += size) fold.add(events.slice(i, i + size))
  return fold.state()
}

describe("Lifecycle.evolvePieces", () => {
  it("gives the state of one evolveAll over every piece, in pieces of any size", () => {
    for (const events of [runCommands(fullLifecycle()).events, withCorrections().events]) {
      const reference = oneByOne(Lifecycle.initialState, events)
      for (const size of [1, 2, 7, 50, events.length]) {
        expectSame(inPieces(Lifecycle.initialState, events, size), reference)
      }
      // an iterable read once, as a replay's decoder hands the events over
      const fold = Lifecycle.evolvePieces(Lifecycle.initialState)
      fold.add(events.slice(0, 5).values())
      fold.add(events.slice(5).values())
      expectSame(fold.state(), reference)
    }
  })

  it("on the 10,000-event project: leaves the state it started from as it was, and goes on after `state`", () => {
    const { events, state } = buildProject(10_000)
    const start = Lifecycle.evolveAll(Lifecycle.initialState, events.slice(0, 1_000))
    const text = snapshot(start)
    expectSame(inPieces(start, events.slice(1_000), 500), state)
    expect(snapshot(start)).toBe(text)
    // a state given out is not written by pieces added after it
    const fold = Lifecycle.evolvePieces(Lifecycle.initialState)
    fold.add(events.slice(0, 4_000))
    const given = fold.state()
    const givenText = snapshot(given)
    fold.add(events.slice(4_000, 7_000))
    fold.add(events.slice(7_000))
    expect(snapshot(given)).toBe(givenText)
    expectSame(given, oneByOne(Lifecycle.initialState, events.slice(0, 4_000)))
    expectSame(fold.state(), state)
  }, 120_000)

  it("is what `Decider.pieces` uses for the lifecycle; a decider without it folds each piece", () => {
    const events = runCommands(fullLifecycle()).events
    const reference = oneByOne(Lifecycle.initialState, events)
    const lifecycle = Lifecycle.decider(seedConfig())
    const { evolvePieces, ...withoutPieces } = lifecycle
    expect(evolvePieces).toBe(Lifecycle.evolvePieces)
    for (const decider of [lifecycle, withoutPieces]) {
      const fold = Decider.pieces(decider)
      fold.add(events.slice(0, 10))
      fold.add(events.slice(10))
      expectSame(fold.state(), reference)
    }
  })
})
