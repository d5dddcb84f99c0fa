import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type * as Decider from "../src/lifecycle/Decider.js"
import * as CommandHandler from "../src/runtime/CommandHandler.js"
import * as EventStore from "../src/runtime/EventStore.js"
import * as Snapshot from "../src/runtime/Snapshot.js"

// A toy counter whose event schema changed: version 1 stored `{ _tag, amount }`, version 2 stores `{ _tag, n }`.
const Event = Schema.Union(
  Schema.TaggedStruct("Added", { n: Schema.Int }),
  Schema.TaggedStruct("Removed", { n: Schema.Int })
)
type Event = typeof Event.Type
type Command = { readonly _tag: "Add"; readonly n: number } | { readonly _tag: "Remove"; readonly n: number } | {
  readonly _tag: "Noop"
}

const counter: Decider.Decider<Command, Event, number, { readonly _tag: "Insufficient"; readonly have: number }> = {
  initialState: 0,
  decide: (c, s) =>
    c._tag === "Add"
      ? Either.right([{ _tag: "Added", n: c.n }])
      : c._tag === "Noop"
      ? Either.right([])
      : c.n > s
      ? Either.left({ _tag: "Insufficient", have: s })
      : Either.right([{ _tag: "Removed", n: c.n }]),
  evolve: (s, e) => (e._tag === "Added" ? s + e.n : s - e.n)
}

const codec: Decider.EventCodec<Event> = {
  schema: Event,
  typeOf: (e) => e._tag,
  currentVersion: 2,
  upcast: (_type, version, data) => {
    if (version === 1) {
      const { amount, ...rest } = data as { amount: number }
      return { ...rest, n: amount }
    }
    return data
  }
}

const handle = (streamId: string, command: Command, commandId: string, options?: CommandHandler.Options) =>
  CommandHandler.handle(counter, codec, streamId, command, commandId, options)

/** A store that lets "another writer" append just before each of the first `races` appends. */
const racing = (races: number, racesFor: (commandId: string) => boolean = () => true) =>
  Layer.effect(
    EventStore.EventStore,
    Effect.gen(function*() {
      const inner = yield* EventStore.makeMemory()
      let left = races
      let n = 0
      const race = (streamId: string, commandId: string, events: ReadonlyArray<EventStore.NewEvent>) =>
        Effect.gen(function*() {
          if (left > 0 && events.length > 0 && racesFor(commandId)) {
            left--
            const v = yield* inner.streamVersion(streamId)
            yield* inner.append(streamId, v, `other-${n++}`, [{
              type: "Added",
              schemaVersion: 2,
              data: { _tag: "Added", n: 100 }
            }])
          }
        })
      return {
        ...inner,
        append: (streamId, expected, commandId, events) =>
          Effect.zipRight(race(streamId, commandId, events), inner.append(streamId, expected, commandId, events)),
        appendOrNewer: (streamId, expected, commandId, events) =>
          Effect.zipRight(
            race(streamId, commandId, events),
            inner.appendOrNewer!(streamId, expected, commandId, events)
          )
      } satisfies EventStore.Service
    })
  )

describe("CommandHandler", () => {
  it.effect("loads, decides, appends and folds", () =>
    Effect.gen(function*() {
      const r1 = yield* handle("c", { _tag: "Add", n: 5 }, "1")
      expect(r1).toMatchObject({ events: [{ _tag: "Added", n: 5 }], state: 5, attempts: 1 })
      expect(r1.result).toMatchObject({ version: 1, duplicate: false })
      const r2 = yield* handle("c", { _tag: "Remove", n: 3 }, "2")
      expect(r2.state).toBe(2)
      const stored = yield* EventStore.EventStore.pipe(Effect.flatMap((s) => s.readStream("c")))
      expect(stored.map((e) => [e.type, e.schemaVersion, e.data])).toEqual([
        ["Added", 2, { _tag: "Added", n: 5 }],
        ["Removed", 2, { _tag: "Removed", n: 3 }]
      ])
    }).pipe(Effect.provide(EventStore.layerMemory())))

  it.effect("returns a rejection as a typed failure and writes nothing", () =>
    Effect.gen(function*() {
      yield* handle("r", { _tag: "Add", n: 1 }, "1")
      const e = yield* Effect.flip(handle("r", { _tag: "Remove", n: 3 }, "2"))
      expect(e).toEqual({ _tag: "Insufficient", have: 1 })
      const store = yield* EventStore.EventStore
      expect(yield* store.streamVersion("r")).toBe(1)
      const noop = yield* handle("r", { _tag: "Noop" }, "3")
      expect(noop).toMatchObject({ events: [], state: 1, result: { version: 1, duplicate: false } })
      expect(yield* store.streamVersion("r")).toBe(1)
    }).pipe(Effect.provide(EventStore.layerMemory())))

  it.effect("upcasts older schema versions before decoding", () =>
    Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      yield* store.append("u", 0, "old", [{ type: "Added", schemaVersion: 1, data: { _tag: "Added", amount: 7 } }])
      const r = yield* handle("u", { _tag: "Remove", n: 7 }, "new")
      expect(r.state).toBe(0)
      yield* store.append("u", 2, "future", [{ type: "Added", schemaVersion: 3, data: { _tag: "Added", n: 1 } }])
      const e = yield* Effect.flip(handle("u", { _tag: "Add", n: 1 }, "x"))
      expect(e).toMatchObject({ _tag: "EventCodecError", direction: "decode", position: 3 })
      yield* store.append("bad", 0, "bad", [{ type: "Added", schemaVersion: 2, data: { _tag: "Added", n: "seven" } }])
      const bad = yield* Effect.flip(handle("bad", { _tag: "Add", n: 1 }, "y"))
      expect(bad).toMatchObject({ _tag: "EventCodecError", position: 1 })
    }).pipe(Effect.provide(EventStore.layerMemory())))

  it.effect("fails with EventCodecError when a new event does not encode", () =>
    Effect.gen(function*() {
      const e = yield* Effect.flip(handle("enc", { _tag: "Add", n: 1.5 }, "1"))
      expect(e).toMatchObject({ _tag: "EventCodecError", direction: "encode", type: "Added" })
      expect(yield* EventStore.EventStore.pipe(Effect.flatMap((s) => s.streamVersion("enc")))).toBe(0)
    }).pipe(Effect.provide(EventStore.layerMemory())))

  it.effect("starts over after a VersionConflict", () =>
    Effect.gen(function*() {
      const r = yield* handle("race", { _tag: "Add", n: 1 }, "mine")
      expect(r.attempts).toBe(3)
      expect(r.state).toBe(201)
      expect(r.result.version).toBe(3)
    }).pipe(Effect.provide(racing(2))))

  it.effect("gives up with the conflict after the configured number of retries", () =>
    Effect.gen(function*() {
      const e = yield* Effect.flip(handle("race", { _tag: "Add", n: 1 }, "mine"))
      expect(e).toMatchObject({ _tag: "VersionConflict", streamId: "race", expected: 3, actual: 4 })
      const e0 = yield* Effect.flip(handle("race0", { _tag: "Add", n: 1 }, "mine0", { maxRetries: 0 }))
      expect(e0).toMatchObject({ _tag: "VersionConflict", expected: 0, actual: 1 })
    }).pipe(Effect.provide(racing(10))))

  it.effect("lands concurrent commands in a valid order", () =>
    Effect.gen(function*() {
      const results = yield* Effect.all(
        Array.from(
          { length: 20 },
          (_, i) => handle("busy", { _tag: "Add", n: i + 1 }, `busy-${i}`, { maxRetries: 50 })
        ),
        { concurrency: "unbounded" }
      )
      expect(results.length).toBe(20)
      const store = yield* EventStore.EventStore
      const events = yield* store.readStream("busy")
      expect(events.map((e) => e.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
      expect(yield* store.verify("busy")).toMatchObject({ ok: true, count: 20 })
    }).pipe(Effect.provide(EventStore.layerMemory())))

  it.effect("answers a retried command id from the store", () =>
    Effect.gen(function*() {
      yield* handle("d", { _tag: "Add", n: 2 }, "1")
      const first = yield* handle("d", { _tag: "Remove", n: 2 }, "2")
      // Remove 2 would now be rejected (state 0), but "2" was already applied.
      const again = yield* handle("d", { _tag: "Remove", n: 2 }, "2")
      expect(again.result.duplicate).toBe(true)
      expect(again.events).toEqual(first.events)
      expect(again.state).toBe(0)
      // Add 2 again under an old command id: not written twice.
      const again1 = yield* handle("d", { _tag: "Add", n: 2 }, "1")
      expect(again1.result).toMatchObject({ duplicate: true, version: 1 })
      expect(yield* EventStore.EventStore.pipe(Effect.flatMap((s) => s.streamVersion("d")))).toBe(2)
    }).pipe(Effect.provide(EventStore.layerMemory())))

  describe("with a StateCache", () => {
    /**
     * The memory store, recording every `readStream` as `[streamId, fromPosition]` and every `appendOrNewer` as
     * `[streamId, expectedVersion]` (without `appendOrNewer` when `withAppendOrNewer` is false).
     */
    const recordingWith = (withAppendOrNewer: boolean) =>
      Effect.gen(function*() {
        const inner = yield* EventStore.makeMemory()
        const reads: Array<[string, number]> = []
        const appends: Array<[string, number]> = []
        const store: EventStore.Service = {
          ...inner,
          readStream: (streamId, options) => {
            reads.push([streamId, options?.fromPosition ?? 1])
            return inner.readStream(streamId, options)
          },
          appendOrNewer: withAppendOrNewer
            ? (streamId, expected, commandId, events, options) => {
              appends.push([streamId, expected])
              return inner.appendOrNewer!(streamId, expected, commandId, events, options)
            }
            : undefined
        }
        return { store, reads, appends }
      })
    const recording = recordingWith(true)
    const run = <A, E>(store: EventStore.Service, effect: Effect.Effect<A, E, EventStore.EventStore>) =>
      Effect.provideService(effect, EventStore.EventStore, store)

    it.effect("reads only the events after the cached version (a store without appendOrNewer)", () =>
      Effect.gen(function*() {
        const { store, reads } = yield* recordingWith(false)
        const cache = CommandHandler.makeCache()
        yield* run(store, handle("s", { _tag: "Add", n: 5 }, "1", { cache }))
        expect(cache.versionOf("s")).toBe(1)
        const r2 = yield* run(store, handle("s", { _tag: "Add", n: 2 }, "2", { cache }))
        const r3 = yield* run(store, handle("s", { _tag: "Remove", n: 4 }, "3", { cache }))
        expect([r2.state, r3.state, r3.result.version]).toEqual([7, 3, 3])
        expect(reads).toEqual([["s", 1], ["s", 2], ["s", 3]])
        expect(cache.versionOf("s")).toBe(3)
        // without the cache the whole stream is read
        yield* run(store, handle("s", { _tag: "Add", n: 1 }, "4"))
        expect(reads[reads.length - 1]).toEqual(["s", 1])
      }))

    it.effect("folds events another writer appended since, and decides on them", () =>
      Effect.gen(function*() {
        const { store } = yield* recording
        const mine = CommandHandler.makeCache()
        const theirs = CommandHandler.makeCache()
        yield* run(store, handle("w", { _tag: "Add", n: 5 }, "a1", { cache: mine }))
        // another process (its own cache) removes 4; this one still has state 5 at version 1 cached
        yield* run(store, handle("w", { _tag: "Remove", n: 4 }, "b1", { cache: theirs }))
        expect(mine.versionOf("w")).toBe(1)
        const e = yield* Effect.flip(run(store, handle("w", { _tag: "Remove", n: 3 }, "a2", { cache: mine })))
        expect(e).toEqual({ _tag: "Insufficient", have: 1 })
        expect(mine.versionOf("w")).toBe(2)
        const ok = yield* run(store, handle("w", { _tag: "Remove", n: 1 }, "a3", { cache: mine }))
        expect(ok.state).toBe(0)
        expect(yield* store.streamVersion("w")).toBe(3)
      }))

    it.effect("with appendOrNewer: one call per command on a cached stream, no read", () =>
      Effect.gen(function*() {
        const { appends, reads, store } = yield* recording
        const cache = CommandHandler.makeCache()
        yield* run(store, handle("s", { _tag: "Add", n: 5 }, "1", { cache }))
        const r2 = yield* run(store, handle("s", { _tag: "Add", n: 2 }, "2", { cache }))
        const r3 = yield* run(store, handle("s", { _tag: "Remove", n: 4 }, "3", { cache }))
        expect([r2.state, r3.state, r3.result.version, r2.attempts, r3.attempts]).toEqual([7, 3, 3, 1, 1])
        // nothing read: the stream, not cached, was taken to be new
        expect(reads).toEqual([])
        expect(appends).toEqual([["s", 0], ["s", 1], ["s", 2]])
        expect(yield* run(store, CommandHandler.load(counter, codec, "s"))).toEqual({ state: 3, version: 3 })
      }))

    it.effect("with appendOrNewer: the newer events another writer appended come back instead of a write", () =>
      Effect.gen(function*() {
        const { appends, reads, store } = yield* recording
        const mine = CommandHandler.makeCache()
        yield* run(store, handle("n", { _tag: "Add", n: 5 }, "a1", { cache: mine }))
        // another process adds 10
        yield* store.append("n", 1, "b1", [{ type: "Added", schemaVersion: 2, data: { _tag: "Added", n: 10 } }])
        // Add 1 on the cached state (5, version 1): the newer event comes back instead, is folded (15), and the
        // command decided again on it; deciding on the cached state is not a race lost to another writer
        const r = yield* run(store, handle("n", { _tag: "Add", n: 1 }, "a2", { cache: mine, maxRetries: 0 }))
        expect(r).toMatchObject({ state: 16, attempts: 2, result: { version: 3 } })
        expect(reads).toEqual([])
        expect(appends).toEqual([["n", 0], ["n", 1], ["n", 2]])
        yield* store.append("n", 3, "b2", [{ type: "Added", schemaVersion: 2, data: { _tag: "Added", n: 10 } }])
        // the cached state (16) rejects Remove 20: read the newer events (26), which accept it
        const r2 = yield* run(store, handle("n", { _tag: "Remove", n: 20 }, "a3", { cache: mine, maxRetries: 0 }))
        expect(r2).toMatchObject({ state: 6, attempts: 2, result: { version: 5 } })
        expect(reads).toEqual([["n", 4]])
        expect(appends).toEqual([["n", 0], ["n", 1], ["n", 2], ["n", 4]])
        expect((yield* store.readStream("n")).map((e) => e.commandId)).toEqual(["a1", "b1", "a2", "b2", "a3"])
        expect(yield* store.verify("n")).toMatchObject({ ok: true, count: 5 })
        expect(mine.versionOf("n")).toBe(5)
      }))

    it.effect("with appendOrNewer: a rejection on the cached state is checked by one read, decided once", () =>
      Effect.gen(function*() {
        const { reads, store } = yield* recording
        let decisions = 0
        const counting = { ...counter, decide: (c: Command, s: number) => (decisions++, counter.decide(c, s)) }
        const go = (command: Command, id: string, cache: CommandHandler.StateCache) =>
          run(store, CommandHandler.handle(counting, codec, "j", command, id, { cache }))
        const cache = CommandHandler.makeCache()
        yield* go({ _tag: "Add", n: 1 }, "1", cache)
        decisions = 0
        const e = yield* Effect.flip(go({ _tag: "Remove", n: 5 }, "2", cache))
        expect(e).toEqual({ _tag: "Insufficient", have: 1 })
        // nothing newer: the decision on the cached state stands
        expect([decisions, reads]).toEqual([1, [["j", 2]]])
        yield* store.append("j", 1, "x", [{ type: "Added", schemaVersion: 2, data: { _tag: "Added", n: 10 } }])
        decisions = 0
        const ok = yield* go({ _tag: "Remove", n: 5 }, "3", cache)
        expect([ok.state, decisions]).toEqual([6, 2])
      }))

    it.effect("with appendOrNewer: a stream not cached is taken to be new, and read when it is not", () =>
      Effect.gen(function*() {
        const { appends, reads, store } = yield* recording
        for (let i = 1; i <= 3; i++) {
          yield* store.append("o", i - 1, `b${i}`, [{
            type: "Added",
            schemaVersion: 2,
            data: { _tag: "Added", n: 10 }
          }])
        }
        // Add 1 at version 0 gets the three events back instead, folded, and is written after them
        const r = yield* run(store, handle("o", { _tag: "Add", n: 1 }, "a1", { cache: CommandHandler.makeCache() }))
        expect(r).toMatchObject({ state: 31, attempts: 2, result: { version: 4 } })
        expect([reads, appends]).toEqual([[], [["o", 0], ["o", 3]]])
        // Remove 5 is rejected on the state of a new stream: the stream is read, and the command decided on it
        const fresh = CommandHandler.makeCache()
        const r2 = yield* run(store, handle("o", { _tag: "Remove", n: 5 }, "a2", { cache: fresh }))
        expect(r2).toMatchObject({ state: 26, attempts: 2, result: { version: 5 } })
        expect([reads, appends]).toEqual([[["o", 1]], [["o", 0], ["o", 3], ["o", 4]]])
        // with snapshots to start from, a stream not cached is read (from its snapshot) first
        const snapshots = { codec: Snapshot.structural<number>("counter", 1), every: 100 }
        const r3 = yield* run(
          store,
          handle("o", { _tag: "Add", n: 1 }, "a3", { cache: CommandHandler.makeCache(), snapshots })
        )
        expect(r3).toMatchObject({ state: 27, attempts: 1, result: { version: 6 } })
        expect(appends[appends.length - 1]).toEqual(["o", 5])
        expect(yield* store.verify("o")).toMatchObject({ ok: true, count: 6 })
      }))

    it.effect("starts over from the cached version after a VersionConflict", () =>
      Effect.gen(function*() {
        const cache = CommandHandler.makeCache()
        const first = yield* handle("race", { _tag: "Add", n: 1 }, "first", { cache })
        expect([first.attempts, first.state, cache.versionOf("race")]).toEqual([1, 1, 1])
        // the next two appends of "mine" are each overtaken by another writer adding 100
        const r = yield* handle("race", { _tag: "Add", n: 1 }, "mine", { cache })
        expect(r.attempts).toBe(3)
        expect(r.state).toBe(202)
        expect(r.result.version).toBe(4)
        expect(cache.versionOf("race")).toBe(4)
        const store = yield* EventStore.EventStore
        const cold = yield* CommandHandler.load(counter, codec, "race")
        expect(cold).toEqual({ state: 202, version: 4 })
        expect(yield* store.verify("race")).toMatchObject({ ok: true, count: 4 })
      }).pipe(Effect.provide(racing(2, (id) => id === "mine"))))

    it.effect("keeps concurrent commands on one stream in a valid order", () =>
      Effect.gen(function*() {
        const cache = CommandHandler.makeCache()
        yield* Effect.all(
          Array.from({ length: 20 }, (_, i) =>
            handle("busy", { _tag: "Add", n: i + 1 }, `busy-${i}`, { cache, maxRetries: 50 })),
          { concurrency: "unbounded" }
        )
        const store = yield* EventStore.EventStore
        expect((yield* store.readStream("busy")).map((e) =>
          e.position
        )).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
        expect(yield* CommandHandler.load(counter, codec, "busy", { cache })).toEqual({ state: 210, version: 20 })
        expect(yield* CommandHandler.load(counter, codec, "busy")).toEqual({ state: 210, version: 20 })
      }).pipe(Effect.provide(EventStore.layerMemory())))

    it.effect("reads from the start when the store is behind the cache", () =>
      Effect.gen(function*() {
        const cache = CommandHandler.makeCache()
        const first = yield* EventStore.makeMemory()
        for (let i = 1; i <= 3; i++) yield* run(first, handle("x", { _tag: "Add", n: 10 }, `f${i}`, { cache }))
        expect(cache.versionOf("x")).toBe(3)
        // the same cache wrongly used with another store holding one event on that stream
        const second = yield* EventStore.makeMemory()
        yield* second.append("x", 0, "s1", [{ type: "Added", schemaVersion: 2, data: { _tag: "Added", n: 1 } }])
        const r = yield* run(second, handle("x", { _tag: "Add", n: 2 }, "s2", { cache }))
        expect(r).toMatchObject({ state: 3, attempts: 2, result: { version: 2 } })
        expect(cache.versionOf("x")).toBe(2)
      }))

    it.effect("answers a retried command id with the current state", () =>
      Effect.gen(function*() {
        const cache = CommandHandler.makeCache()
        yield* handle("d", { _tag: "Add", n: 2 }, "1", { cache })
        const first = yield* handle("d", { _tag: "Remove", n: 2 }, "2", { cache })
        yield* handle("d", { _tag: "Add", n: 9 }, "3")
        const again = yield* handle("d", { _tag: "Remove", n: 2 }, "2", { cache })
        expect(again).toMatchObject({ events: first.events, state: 9, result: { duplicate: true, version: 2 } })
        expect(cache.versionOf("d")).toBe(3)
      }).pipe(Effect.provide(EventStore.layerMemory())))

    it.effect("uses an entry only with its own decider and codec, and drops the least recently used", () =>
      Effect.gen(function*() {
        const cache = CommandHandler.makeCache({ capacity: 2 })
        yield* handle("a", { _tag: "Add", n: 1 }, "a1", { cache })
        yield* handle("b", { _tag: "Add", n: 1 }, "b1", { cache })
        yield* handle("a", { _tag: "Add", n: 1 }, "a2", { cache })
        yield* handle("c", { _tag: "Add", n: 1 }, "c1", { cache })
        expect([cache.size, cache.versionOf("a"), cache.versionOf("b"), cache.versionOf("c")]).toEqual([2, 2, 0, 1])
        // a decider that doubles every event does not reuse the counter's state
        const doubling = { ...counter, evolve: (s: number, e: Event) => counter.evolve(counter.evolve(s, e), e) }
        expect(yield* CommandHandler.load(doubling, codec, "a", { cache })).toEqual({ state: 4, version: 2 })
        cache.clear()
        expect(cache.size).toBe(0)
        expect(CommandHandler.makeCache({ capacity: 0 }).capacity).toBe(0)
      }).pipe(Effect.provide(EventStore.layerMemory())))

    describe("optimistic", () => {
      it.effect("decides on the cached state without reading, one append per command", () =>
        Effect.gen(function*() {
          const { appends, reads, store } = yield* recording
          const cache = CommandHandler.makeCache({ mode: "optimistic" })
          expect(cache.mode).toBe("optimistic")
          yield* run(store, handle("o", { _tag: "Add", n: 5 }, "1", { cache }))
          const r2 = yield* run(store, handle("o", { _tag: "Add", n: 2 }, "2", { cache }))
          const r3 = yield* run(store, handle("o", { _tag: "Remove", n: 4 }, "3", { cache }))
          expect([r2.state, r3.state, r3.result.version, r3.attempts]).toEqual([7, 3, 3, 1])
          // nothing read: the first command, with nothing cached, took the stream to be new (appendOrNewer at 0),
          // the others appended at the cached version
          expect([reads, appends]).toEqual([[], [["o", 0]]])
          expect(yield* run(store, CommandHandler.load(counter, codec, "o"))).toEqual({ state: 3, version: 3 })
          // without appendOrNewer, the first command reads the stream
          const plain = yield* recordingWith(false)
          const fresh = CommandHandler.makeCache({ mode: "optimistic" })
          yield* run(plain.store, handle("p", { _tag: "Add", n: 5 }, "1", { cache: fresh }))
          yield* run(plain.store, handle("p", { _tag: "Add", n: 2 }, "2", { cache: fresh }))
          expect(plain.reads).toEqual([["p", 1]])
        }))

      it.effect("a stream not cached is taken to be new; when it is not, its events come back and are folded", () =>
        Effect.gen(function*() {
          const { appends, reads, store } = yield* recording
          for (let i = 1; i <= 3; i++) {
            yield* store.append("q", i - 1, `b${i}`, [{
              type: "Added",
              schemaVersion: 2,
              data: { _tag: "Added", n: 10 }
            }])
          }
          const cache = CommandHandler.makeCache({ mode: "optimistic" })
          // Add 1 at version 0 gets the three events back, and is written after them with a plain append
          const r = yield* run(store, handle("q", { _tag: "Add", n: 1 }, "a1", { cache, maxRetries: 0 }))
          expect(r).toMatchObject({ state: 31, attempts: 2, result: { version: 4 } })
          expect([reads, appends]).toEqual([[], [["q", 0]]])
          expect(cache.versionOf("q")).toBe(4)
          // a retried command id on a stream not cached answers with the original outcome
          const again = yield* run(
            store,
            handle("q", { _tag: "Add", n: 1 }, "a1", { cache: CommandHandler.makeCache({ mode: "optimistic" }) })
          )
          expect(again).toMatchObject({ state: 31, result: { duplicate: true, version: 4 } })
          expect((yield* store.readStream("q")).map((e) => e.commandId)).toEqual(["b1", "b2", "b3", "a1"])
          expect(yield* store.verify("q")).toMatchObject({ ok: true, count: 4 })
        }))

      it.effect("a stale cached state makes the append fail, then the newer events are read and the command decided again", () =>
        Effect.gen(function*() {
          const { store, reads } = yield* recording
          const mine = CommandHandler.makeCache({ mode: "optimistic" })
          yield* run(store, handle("s", { _tag: "Add", n: 5 }, "a1", { cache: mine }))
          // another process adds 10
          yield* store.append("s", 1, "b1", [{ type: "Added", schemaVersion: 2, data: { _tag: "Added", n: 10 } }])
          // a conflict on the unverified cached state does not use up the retries
          const r = yield* run(store, handle("s", { _tag: "Remove", n: 12 }, "a2", { cache: mine, maxRetries: 0 }))
          expect(r).toMatchObject({ state: 3, attempts: 2, result: { version: 3 } })
          expect(reads).toEqual([["s", 2]])
          expect((yield* store.readStream("s")).map((e) => e.commandId)).toEqual(["a1", "b1", "a2"])
          expect(yield* store.verify("s")).toMatchObject({ ok: true, count: 3 })
        }))

      it.effect("a rejection or no-op on the cached state is checked against the newer events first", () =>
        Effect.gen(function*() {
          const { store } = yield* recording
          const mine = CommandHandler.makeCache({ mode: "optimistic" })
          yield* run(store, handle("r", { _tag: "Add", n: 1 }, "a1", { cache: mine }))
          yield* store.append("r", 1, "b1", [{ type: "Added", schemaVersion: 2, data: { _tag: "Added", n: 10 } }])
          // the cached state (1) would reject Remove 5; the stream (11) accepts it
          const ok = yield* run(store, handle("r", { _tag: "Remove", n: 5 }, "a2", { cache: mine }))
          expect(ok).toMatchObject({ state: 6, result: { version: 3 } })
          yield* store.append("r", 3, "b2", [{ type: "Removed", schemaVersion: 2, data: { _tag: "Removed", n: 6 } }])
          // the cached state (6) would accept Remove 2; the stream (0) rejects it with what it really has
          const e = yield* Effect.flip(run(store, handle("r", { _tag: "Remove", n: 2 }, "a3", { cache: mine })))
          expect(e).toEqual({ _tag: "Insufficient", have: 0 })
          const noop = yield* run(store, handle("r", { _tag: "Noop" }, "a4", { cache: mine }))
          expect(noop).toMatchObject({ state: 0, result: { version: 4 } })
        }))

      it.effect("keeps concurrent commands on one stream in a valid order", () =>
        Effect.gen(function*() {
          const cache = CommandHandler.makeCache({ mode: "optimistic" })
          yield* handle("busy", { _tag: "Add", n: 1 }, "busy-first", { cache })
          yield* Effect.all(
            Array.from({ length: 20 }, (_, i) =>
              handle("busy", { _tag: "Add", n: i + 1 }, `busy-${i}`, { cache, maxRetries: 50 })),
            { concurrency: "unbounded" }
          )
          expect(yield* CommandHandler.load(counter, codec, "busy")).toEqual({ state: 211, version: 21 })
          expect(yield* CommandHandler.load(counter, codec, "busy", { cache })).toEqual({ state: 211, version: 21 })
        }).pipe(Effect.provide(EventStore.layerMemory())))
    })
  })

  describe("a load without a cached state (a replay)", () => {
    const added = (n: number): EventStore.NewEvent => ({ type: "Added", schemaVersion: 2, data: { _tag: "Added", n } })
    /** A memory store holding a stream of `count` events `Added n` (n = 1 … count), recording each read. */
    const longStream = (count: number, options: { readonly ignoreMaxCount?: boolean } = {}) =>
      Effect.gen(function*() {
        const inner = yield* EventStore.makeMemory()
        for (let from = 1; from <= count; from += 300) {
          const events = Array.from({ length: Math.min(300, count - from + 1) }, (_, i) => added(from + i))
          yield* inner.append("long", from - 1, `c-${from}`, events)
        }
        const reads: Array<readonly [number, number | undefined]> = []
        const store: EventStore.Service = {
          ...inner,
          readStream: (streamId, read) => {
            reads.push([read?.fromPosition ?? 1, read?.maxCount])
            const { maxCount: _, ...rest } = read ?? {}
            return inner.readStream(streamId, options.ignoreMaxCount === true ? rest : read)
          }
        }
        return { inner, store, reads }
      })
    const sum = (count: number) => (count * (count + 1)) / 2
    const load = (store: EventStore.Service, options?: { readonly snapshots?: Snapshot.Options<number> }) =>
      Effect.provideService(CommandHandler.load(counter, codec, "long", options), EventStore.EventStore, store)

    it.effect("reads a long stream in pieces of 500 events and folds them into the state of the whole", () =>
      Effect.gen(function*() {
        const { reads, store } = yield* longStream(1_234)
        expect(yield* load(store)).toEqual({ state: sum(1_234), version: 1_234 })
        expect(reads).toEqual([[1, 500], [501, 500], [1_001, 500]])
        // a stream that ends at a piece's end: one more read finds nothing
        const even = yield* longStream(1_000)
        expect(yield* load(even.store)).toEqual({ state: sum(1_000), version: 1_000 })
        expect(even.reads).toEqual([[1, 500], [501, 500], [1_001, 500]])
        const empty = yield* longStream(0)
        expect(yield* load(empty.store)).toEqual({ state: 0, version: 0 })
      }))

    it.effect("loads the same from a store that gives every event whatever maxCount says", () =>
      Effect.gen(function*() {
        const { reads, store } = yield* longStream(1_234, { ignoreMaxCount: true })
        expect(yield* load(store)).toEqual({ state: sum(1_234), version: 1_234 })
        expect(reads).toEqual([[1, 500]])
      }))

    it.effect("folds the pieces with the decider's evolvePieces, as one fold", () =>
      Effect.gen(function*() {
        const { store } = yield* longStream(1_234)
        const pieces: Array<number> = []
        let given = 0
        const withPieces: typeof counter = {
          ...counter,
          evolvePieces: (from) => {
            let s = from
            return {
              add: (events) => {
                let n = 0
                for (const e of events) {
                  s = counter.evolve(s, e)
                  n++
                }
                pieces.push(n)
              },
              state: () => {
                given++
                return s
              }
            }
          }
        }
        const loaded = yield* Effect.provideService(
          CommandHandler.load(withPieces, codec, "long"),
          EventStore.EventStore,
          store
        )
        expect(loaded).toEqual({ state: sum(1_234), version: 1_234 })
        expect([pieces, given]).toEqual([[500, 500, 234], 1])
      }))

    it.effect("fails with the stored event that does not decode, in whichever piece it is", () =>
      Effect.gen(function*() {
        const { inner, store } = yield* longStream(700)
        yield* inner.append("long", 700, "bad", [{ type: "Added", schemaVersion: 3, data: { _tag: "Added", n: 1 } }])
        yield* inner.append("long", 701, "after", [added(702)])
        const e = yield* Effect.flip(load(store))
        expect(e).toBeInstanceOf(CommandHandler.EventCodecError)
        expect(e).toMatchObject({ streamId: "long", position: 701 })
      }))

    it.effect("with snapshots: the first load reads in pieces and writes a snapshot, the next starts from it", () =>
      Effect.gen(function*() {
        const { inner, reads, store } = yield* longStream(1_234)
        const snapshots = { codec: Snapshot.structural<number>("counter", 1), every: 1_000 }
        const cold = yield* load(store, { snapshots })
        expect(cold).toEqual({ state: sum(1_234), version: 1_234 })
        // the first piece came with the (missing) snapshot, the rest piece by piece
        expect(reads).toEqual([[501, 500], [1_001, 500]])
        expect(Option.map(yield* inner.readSnapshot!("long", "counter"), (x) => x.version)).toEqual(Option.some(1_234))
        yield* inner.append("long", 1_234, "more", [added(1_235)])
        reads.length = 0
        expect(yield* load(store, { snapshots })).toEqual({ state: sum(1_235), version: 1_235 })
        expect(reads).toEqual([])
      }))
  })
})
