import { addEqualityTesters, describe, expect, it } from "@effect/vitest"
import { EventStore, IsoDate, Lifecycle, Money, ProjectService, ReadModels, Snapshot } from "@gsyf/core"
import { Chunk, Effect, HashMap, HashSet, Option } from "effect"
import { createHash } from "node:crypto"
import { PersistentMap, PersistentSet } from "../src/lifecycle/internal/persistentMap.js"
import * as StateJson from "../src/runtime/internal/stateJson.js"
import * as StateTable from "../src/runtime/internal/stateTable.js"
import { fullLifecycle, seedConfig } from "./fixtures/seed.js"

// Effect's collections (and the lifecycle's persistent ones) compare by what they hold, however they were built.
addEqualityTesters()

const projectId = "sample-city-2026"
const endOfYear = IsoDate.unsafeFromString("2026-12-31")
const config = seedConfig()

const service = (store: EventStore.Service, options?: ProjectService.Options) =>
  ProjectService.make(config, options).pipe(Effect.provideService(EventStore.EventStore, store))

/** What each stored event says, without when it was written (and so without its hashes). */
const meaning = (stored: ReadonlyArray<EventStore.StoredEvent>) =>
  stored.map((e) => [e.position, e.type, e.commandId, e.data])

const snapshotOf = (store: EventStore.Service) =>
  Effect.map(store.readSnapshot!(projectId, ProjectService.snapshotCodec.name), Option.getOrThrow)

describe("snapshots of the project state", () => {
  it.effect("every command decided on a restored state gives the events and state a full replay gives", () =>
    Effect.gen(function*() {
      // without a cache and with a snapshot every 5 events: each command starts from a snapshot and ≤ 4 events
      const store = yield* EventStore.makeMemory({ projections: ReadModels.projections(config) })
      const snapped = yield* service(store, { stateCacheSize: 0, snapshotEvery: 5 })
      const plain = yield* EventStore.makeMemory({ projections: ReadModels.projections(config) })
      const replayed = yield* service(plain, { stateCacheSize: 0, snapshotEvery: 0 })
      for (const command of fullLifecycle()) {
        yield* snapped.execute(projectId, command)
        yield* replayed.execute(projectId, command)
      }
      const a = yield* snapped.load(projectId)
      const b = yield* replayed.load(projectId)
      expect(Lifecycle.status(a.state)).toBe("filed")
      expect(meaning(a.stored)).toEqual(meaning(b.stored))
      expect(a.state).toEqual(b.state)
      expect(yield* snapped.progress(projectId, endOfYear)).toEqual(yield* replayed.progress(projectId, endOfYear))
      expect(yield* snapped.briefings(projectId, "keyAreas", endOfYear)).toEqual(
        yield* replayed.briefings(projectId, "keyAreas", endOfYear)
      )
      const snapshot = yield* snapshotOf(store)
      expect(snapshot.version).toBeGreaterThan(a.stored.length - 5)
      expect(snapshot.head).toBe(a.stored[snapshot.version - 1]!.hash)
      expect(snapshot.stateVersion).toBe(Lifecycle.stateVersion)
      expect(Option.isNone(yield* plain.readSnapshot!(projectId, ProjectService.snapshotCodec.name))).toBe(true)
      expect((yield* store.verify(projectId)).ok).toBe(true)
    }))

  it.effect("a store written without snapshots gets one on its first load; a tampered one is ignored", () =>
    Effect.gen(function*() {
      const store = yield* EventStore.makeMemory({ projections: ReadModels.projections(config) })
      const before = yield* service(store, { snapshotEvery: 0 })
      const commands = fullLifecycle()
      for (const command of commands.slice(0, 40)) yield* before.execute(projectId, command)
      const reference = (yield* before.load(projectId)).state
      const version = yield* store.streamVersion(projectId)

      const after = yield* service(store, { stateCacheSize: 0, snapshotEvery: 10 })
      expect(yield* after.progress(projectId, endOfYear)).toEqual(Lifecycle.quotaProgress(config, reference, endOfYear))
      const first = yield* snapshotOf(store)
      expect(first).toMatchObject({ version, stateVersion: Lifecycle.stateVersion })

      // A snapshot claiming another chain head (its state altered to show whether it is used) is ignored.
      const forged = ProjectService.snapshotCodec.encode({ ...reference, version: 9999 })
      yield* store.writeSnapshot!({ ...first, head: "0".repeat(64), state: forged })
      const next = yield* after.execute(projectId, commands[40]!)
      const replayed = yield* before.load(projectId)
      expect(next.state).toEqual(replayed.state)
      // One of another state version (the fold changed) is ignored and written again at the current one.
      yield* store.writeSnapshot!({ ...first, stateVersion: Lifecycle.stateVersion + 1 })
      expect(yield* after.progress(projectId, endOfYear)).toEqual(
        Lifecycle.quotaProgress(config, replayed.state, endOfYear)
      )
      expect(yield* snapshotOf(store)).toMatchObject({ version: version + 1, stateVersion: Lifecycle.stateVersion })
    }))
})

/** A table or a map in columns as the rows or the pairs it holds (`{ $, v }`), so that their fields are keys. */
const expanded = (u: { readonly $?: unknown; readonly [k: string]: unknown }): object => {
  if (u.$ === "t") return { $: "C", v: StateTable.decode(u) }
  if (u.$ !== "P" && u.$ !== "M") return u
  const keys = StateTable.values(u.k as StateTable.Column)
  const values = StateTable.values(u.v as StateTable.Column)
  return { $: u.$, v: keys.map((k, i) => [k, values[i]]) }
}

/**
 * The key paths of an encoded state (array elements as `[]`; the rows of tables and the pairs of maps in columns
 * as elements), sorted: what a snapshot's shape is.
 */
const shapeOf = (encoded: string): string => {
  const paths = new Set<string>()
  const walk = (u: unknown, path: string) => {
    if (typeof u !== "object" || u === null) return
    if (Array.isArray(u)) return u.forEach((x) => walk(x, `${path}[]`))
    for (const [k, v] of Object.entries(expanded(u as { readonly [k: string]: unknown }))) {
      paths.add(`${path}.${k}`)
      walk(v, `${path}.${k}`)
    }
  }
  walk(JSON.parse(encoded), "")
  return createHash("sha256").update([...paths].sort().join("\n")).digest("hex").slice(0, 16)
}

// The shape of the seed lifecycle's state at each `Lifecycle.stateVersion`. When this fails, the state's shape
// changed: bump `Lifecycle.stateVersion` (snapshots of the old shape are then ignored) and record the new shape.
// (Version 4 has the key paths of version 3: the command ids became a persistent set, and the evidence lists and
// maps are written in columns. Version 5 too: the evidence counters became a persistent map, the fold's tries gsyf's
// own.)
const shapes: Record<number, string> = {
  2: "794c8a71e827266d",
  3: "96016a2f5f287ffc",
  4: "96016a2f5f287ffc",
  5: "96016a2f5f287ffc"
}

describe("the fold's version", () => {
  it.effect("names the shape of the project state", () =>
    Effect.gen(function*() {
      const store = yield* EventStore.makeMemory()
      const projects = yield* service(store, { snapshotEvery: 0 })
      for (const command of fullLifecycle()) yield* projects.execute(projectId, command)
      const { state } = yield* projects.load(projectId)
      const shape = shapeOf(ProjectService.snapshotCodec.encode(state))
      expect({ version: Lifecycle.stateVersion, shape }).toEqual({
        version: Lifecycle.stateVersion,
        shape: shapes[Lifecycle.stateVersion]
      })
    }))
})

describe("the structural state codec", () => {
  it("writes back what it read: undefined fields, `$` keys, maps, sets, chunks, money and decimals", () => {
    const state = {
      a: undefined,
      list: [1, undefined, null, "二"],
      $: { $: "u" },
      odd: [Number.POSITIVE_INFINITY, Number.NaN],
      money: Money.unsafeYuan("1234.50"),
      rate: new Money.Decimal("0.0375"),
      map: new Map([["k", { v: 1 }]]),
      set: HashSet.make("x", "y"),
      hash: HashMap.make(["a", 1], ["b", 2]),
      chunk: Chunk.make({ n: 1 }, { n: 2 })
    }
    const back = StateJson.decode(StateJson.encode(state)) as typeof state
    expect(back).toEqual(state)
    expect(Object.keys(back)).toEqual(Object.keys(state))
    expect(Money.equals(back.money, state.money)).toBe(true)
    expect(back.rate.eq(state.rate)).toBe(true)
    expect(StateJson.encode(back)).toBe(StateJson.encode(state))
  })

  it("writes lists of plain objects as tables and maps in columns, and reads back the same values in order", () => {
    const rows = [
      ...Array.from({ length: 20 }, (_, i) => ({ id: `e${i}`, evidence: { _tag: "tv", date: "2026-05-01", n: i } })),
      { id: "x", evidence: { _tag: "park", nested: { deep: [1, { a: null }] } }, extra: true },
      {},
      { id: "y", evidence: { _tag: "tv", date: "2026-05-02", n: 99 } }
    ]
    const owners = PersistentMap.from<string, string>(
      rows.map((_, i) => [`e${i}`, i % 2 === 0 ? "hazchem" : "keyAreas"])
    )
    const state = {
      rows: Chunk.fromIterable(rows),
      odd: Chunk.make(1, "two"),
      tagged: Chunk.make({ m: Money.unsafeYuan("1.00") }, { m: undefined }),
      owners: owners.set("e3", "hazchem").set("new", "keyAreas"),
      plainMap: new Map([["k", 1], ["l", 2]]),
      taggedMap: new Map([["k", Money.unsafeYuan("1.00")]]),
      ids: PersistentSet.from(["a", "b"]).add("c")
    }
    const text = StateJson.encode(state)
    const json = JSON.parse(text) as { readonly [k: string]: { readonly $: string } }
    expect([json.rows!.$, json.odd!.$, json.tagged!.$, json.owners!.$, json.plainMap!.$, json.ids!.$]).toEqual([
      "t",
      "C",
      "c",
      "P",
      "M",
      "S"
    ])
    const back = StateJson.decode(text) as typeof state
    expect(Chunk.toReadonlyArray(back.rows)).toStrictEqual(rows)
    expect(Chunk.toReadonlyArray(back.rows).map((r) => Object.keys(r))).toEqual(rows.map((r) => Object.keys(r)))
    expect([...back.owners]).toEqual([...state.owners])
    expect(back.owners.get("e3")).toBe("hazchem")
    expect([...back.owners.set("new2", "hazchem").keys()].slice(-3)).toEqual(["e22", "new", "new2"])
    expect(back.taggedMap.get("k")).toEqual(Money.unsafeYuan("1.00"))
    expect([...back.ids].sort()).toEqual(["a", "b", "c"])
    expect(back.ids).toEqual(state.ids)
    expect(back.owners).toEqual(state.owners)
    expect([...back.plainMap]).toEqual([["k", 1], ["l", 2]])
    expect(Chunk.toReadonlyArray(back.odd)).toEqual([1, "two"])
    expect(Chunk.toReadonlyArray(back.tagged)).toEqual([{ m: Money.unsafeYuan("1.00") }, { m: undefined }])
    expect(StateJson.encode(back)).toBe(text)
  })

  it("reads the forms written before tables and columns", () => {
    const old = `{"c":{"$":"C","v":[{"n":1}]},"p":{"$":"p","v":[["a",1],["b",2]]},"m":{"$":"m","v":[["k",{"$":"u"}]]}}`
    const back = StateJson.decode(old) as {
      readonly c: Chunk.Chunk<unknown>
      readonly p: ReadonlyMap<string, number>
      readonly m: ReadonlyMap<string, unknown>
    }
    expect(Chunk.toReadonlyArray(back.c)).toEqual([{ n: 1 }])
    expect([...back.p]).toEqual([["a", 1], ["b", 2]])
    expect(back.p).toBeInstanceOf(PersistentMap)
    expect([...back.m]).toEqual([["k", undefined]])
  })

  it("restores the state of a whole lifecycle as it was folded", () =>
    Effect.gen(function*() {
      const store = yield* EventStore.makeMemory()
      const projects = yield* service(store, { snapshotEvery: 0 })
      for (const command of fullLifecycle()) yield* projects.execute(projectId, command)
      const { state } = yield* projects.load(projectId)
      const back = ProjectService.snapshotCodec.decode(ProjectService.snapshotCodec.encode(state))
      // (Effect's hash maps do not compare inside vitest's structural comparison: the text compares everything.)
      expect({ ...back, subProjects: undefined }).toEqual({ ...state, subProjects: undefined })
      expect(ProjectService.snapshotCodec.encode(back)).toBe(ProjectService.snapshotCodec.encode(state))
      expect(Lifecycle.quotaProgress(config, back, endOfYear)).toEqual(
        Lifecycle.quotaProgress(config, state, endOfYear)
      )
    }).pipe(Effect.runPromise))

  it("refuses what it does not know, and nothing is snapshotted", () =>
    Effect.gen(function*() {
      class Opaque {
        readonly x = 1
      }
      expect(() => StateJson.encode({ o: new Opaque() })).toThrow(StateJson.Unsupported)
      expect(() => StateJson.encode({ f: () => 1 })).toThrow(StateJson.Unsupported)
      expect(() => StateJson.decode(`{"$":"zz"}`)).toThrow(StateJson.Unsupported)
      const store = yield* EventStore.makeMemory()
      const options = { codec: Snapshot.structural<unknown>("opaque", 1), every: 1 }
      yield* Snapshot.save(store, "s-1", options, { state: new Opaque(), version: 1, head: "a".repeat(64) })
      expect(Option.isNone(yield* store.readSnapshot!("s-1", "opaque"))).toBe(true)
    }).pipe(Effect.runPromise))
})
