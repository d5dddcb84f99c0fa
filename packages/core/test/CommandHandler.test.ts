import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as CommandHandler from "../src/CommandHandler.js"
import type * as Decider from "../src/Decider.js"
import * as EventStore from "../src/EventStore.js"

// A toy counter whose event schema changed: version 1 stored `{ _tag, amount }`, version 2 stores `{ _tag, n }`.
const Event = Schema.Union(
  Schema.TaggedStruct("Added", { n: Schema.Int }),
  Schema.TaggedStruct("Removed", { n: Schema.Int })
)
type Event = typeof Event.Type
type Command = { readonly _tag: "Add"; readonly n: number } | { readonly _tag: "Remove"; readonly n: number } | { readonly _tag: "Noop" }

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
const racing = (races: number) =>
  Layer.effect(
    EventStore.EventStore,
    Effect.gen(function*() {
      const inner = yield* EventStore.makeMemory()
      let left = races
      let n = 0
      return {
        ...inner,
        append: (streamId, expected, commandId, events) =>
          Effect.gen(function*() {
            if (left > 0 && events.length > 0) {
              left--
              const v = yield* inner.streamVersion(streamId)
              yield* inner.append(streamId, v, `other-${n++}`, [{ type: "Added", schemaVersion: 2, data: { _tag: "Added", n: 100 } }])
            }
            return yield* inner.append(streamId, expected, commandId, events)
          })
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
        Array.from({ length: 20 }, (_, i) => handle("busy", { _tag: "Add", n: i + 1 }, `busy-${i}`, { maxRetries: 50 })),
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
})
