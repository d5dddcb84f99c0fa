/**
 * The event store conformance suite, written once and run unchanged against
 * every adapter (memory, SQLite, PostgreSQL, and any store someone else writes).
 *
 * ```ts
 * import { EventStore } from "@gsyf/core"
 * import { EventStoreSuite } from "@gsyf/testkit"
 *
 * EventStoreSuite.suite("memory", (options) => EventStore.layerMemory(options))
 * ```
 *
 * The factory receives the suite's own projections and an audit key's signer,
 * and must give both to the store it builds (spreading the options into the
 * adapter's own is enough). Give `tamper` (write different `data` into a stored event
 * without touching its hash) to run the tamper-detection case.
 *
 * @since 0.1.0
 */
import { describe, expect, layer, type Vitest } from "@effect/vitest"
import {
  AuditKey,
  Checkpoint,
  CommandHandler,
  type Decider,
  EventStore,
  Projection,
  Snapshot,
  StoreAudit
} from "@gsyf/core"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"

/**
 * A toy projection: per stream, the running total of `Added`/`Removed` amounts
 * and the number of such events; a `Cleared` event deletes the document.
 *
 * @since 0.1.0
 * @category projections
 */
export const totals = Projection.make<{ readonly total: number; readonly events: number }>({
  name: "suite-totals",
  version: 1,
  keysOf: (event) => (["Added", "Removed", "Cleared"].includes(event.type) ? [event.streamId] : []),
  reduce: (doc, event) => {
    if (event.type === "Cleared") return null
    const n = (event.data as { readonly n: number }).n
    return { total: (doc?.total ?? 0) + (event.type === "Added" ? n : -n), events: (doc?.events ?? 0) + 1 }
  }
})

/**
 * A toy projection that throws on `Explode` events, to show that a failing
 * projection rolls back the whole append.
 *
 * @since 0.1.0
 * @category projections
 */
export const exploding = Projection.make<unknown>({
  name: "suite-exploding",
  version: 1,
  keysOf: (event) => (event.type === "Explode" ? ["boom"] : []),
  reduce: () => {
    throw new Error("boom")
  }
})

/**
 * A toy projection that keeps a list as rows of its own (`Projection.rows`): `Noted` adds a note (a row), `Unnoted`
 * withdraws one; the document counts the notes it holds and the text of the notes withdrawn, read from their rows.
 *
 * @since 0.2.0
 * @category projections
 */
export const notes = Projection.make<
  { readonly count: number; readonly withdrawn: ReadonlyArray<string>; readonly notes: ReadonlyArray<unknown> }
>({
  name: "suite-notes",
  version: 1,
  rows: { field: "notes" },
  keysOf: (event) =>
    event.type === "Noted" || event.type === "Unnoted"
      ? [event.streamId, Projection.rowKey(event.streamId, (event.data as { readonly id: string }).id)]
      : [],
  reduce: (doc, event, key, rows) => {
    const { id, text } = event.data as { readonly id: string; readonly text?: string }
    if (Projection.splitRowKey(key) !== undefined) return event.type === "Noted" ? ({ id, text } as never) : null
    const withdrawn = rows.get(id) as { readonly text: string } | undefined
    return {
      count: (doc?.count ?? 0) + (event.type === "Noted" ? 1 : withdrawn === undefined ? 0 : -1),
      withdrawn: [...(doc?.withdrawn ?? []), ...(withdrawn === undefined ? [] : [withdrawn.text])],
      notes: []
    }
  }
})

/**
 * The projections the suite expects the store to have registered.
 *
 * @since 0.1.0
 * @category projections
 */
export const projections: ReadonlyArray<Projection.Any> = [totals, exploding, notes]

/**
 * A toy counter decider and its codec, also used by the benchmarks.
 *
 * @since 0.1.0
 * @category toy decider
 */
export const CounterEvent = Schema.Union(
  Schema.TaggedStruct("Added", { n: Schema.Int }),
  Schema.TaggedStruct("Removed", { n: Schema.Int })
)

/**
 * @since 0.1.0
 * @category toy decider
 */
export type CounterEvent = typeof CounterEvent.Type

/**
 * @since 0.1.0
 * @category toy decider
 */
export type CounterCommand =
  | { readonly _tag: "Add"; readonly n: number }
  | { readonly _tag: "Remove"; readonly n: number }
  | { readonly _tag: "AddMany"; readonly ns: ReadonlyArray<number> }

/**
 * The counter must never go below zero; `AddMany` adds each amount as its own event.
 *
 * @since 0.1.0
 * @category toy decider
 */
export const counter: Decider.Decider<CounterCommand, CounterEvent, number, string> = {
  initialState: 0,
  decide: (command, state) => {
    switch (command._tag) {
      case "Add":
        return Either.right([{ _tag: "Added", n: command.n }])
      case "AddMany":
        return Either.right(command.ns.map((n) => ({ _tag: "Added" as const, n })))
      case "Remove":
        return command.n > state ? Either.left("insufficient") : Either.right([{ _tag: "Removed", n: command.n }])
    }
  },
  evolve: (state, event) => (event._tag === "Added" ? state + event.n : state - event.n)
}

/**
 * @since 0.1.0
 * @category toy decider
 */
export const counterCodec: Decider.EventCodec<CounterEvent> = {
  schema: CounterEvent,
  typeOf: (e) => e._tag,
  currentVersion: 1,
  upcast: (_type, _version, data) => data
}

/**
 * A command of the guarded counter: the counter's commands with the role of whoever sends them.
 *
 * @since 0.2.0
 * @category toy decider
 */
export type GuardedCommand = CounterCommand & { readonly role: "clerk" | "public" }

/**
 * The counter behind an authorization check: only a clerk may change it. The
 * check runs before anything else, so a stored command resent by someone else is
 * refused rather than answered from the store.
 *
 * @since 0.2.0
 * @category toy decider
 */
export const guardedCounter: Decider.Decider<GuardedCommand, CounterEvent, number, string> = {
  ...(counter as unknown as Decider.Decider<GuardedCommand, CounterEvent, number, string>),
  authorize: (command) => (command.role === "clerk" ? Either.void : Either.left("forbidden"))
}

/**
 * Options of {@link suite}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SuiteOptions<R> {
  /** Overwrites the data of a stored event without fixing its hash. */
  readonly tamper?: ((streamId: string, position: number, data: unknown) => Effect.Effect<void, unknown, R>) | undefined
  /** Size of the large-stream case (default 2,500 events, with a read page size of 1,000 in the SQL stores). */
  readonly largeStream?: number | undefined
  /** Timeout of the layer and of each case, in milliseconds (default 60,000). */
  readonly timeout?: number | undefined
}

const added = (n: number): EventStore.NewEvent => ({ type: "Added", schemaVersion: 1, data: { _tag: "Added", n } })

/**
 * The cases of `appendOrNewer` (skipped by a store without it), run with the suite's projections and without any
 * (a SQL store on PostgreSQL then sends one statement).
 */
const appendOrNewerCases = (
  it: Vitest.MethodsNonLive<EventStore.EventStore, true>,
  sid: (s: string) => string,
  verifier: AuditKey.Verifier,
  timeout: number
) => {
  const store = EventStore.EventStore
  it.effect(
    "appendOrNewer: appends at the stream's version, else returns the newer events and writes nothing",
    () =>
      Effect.gen(function*() {
        const s = yield* store
        if (s.appendOrNewer === undefined) return
        const id = sid("aon")
        yield* s.append(id, 0, `${id}-1`, [added(1), added(2)])
        const appended = yield* s.appendOrNewer(id, 2, `${id}-2`, [added(3), added(4)])
        expect(appended._tag).toBe("Appended")
        const result = appended._tag === "Appended" ? appended.result : undefined
        expect(result).toMatchObject({ streamId: id, commandId: `${id}-2`, version: 4, duplicate: false })
        const all = yield* s.readStream(id)
        expect(result!.events).toEqual(all.slice(2))
        expect(yield* s.verify(id)).toMatchObject({ ok: true, count: 4, head: all[3]!.hash })
        // behind the stream: the events after the expected version, nothing written (not even the command row)
        for (const expected of [0, 1, 3]) {
          const r = yield* s.appendOrNewer(id, expected, `${id}-x`, [added(9)])
          expect(r).toEqual({ _tag: "Newer", events: all.slice(expected) })
        }
        expect(yield* s.streamVersion(id)).toBe(4)
        expect(Option.isNone(yield* s.findCommand(id, `${id}-x`))).toBe(true)
        // ahead of the stream: a conflict, nothing written
        const ahead = yield* Effect.flip(s.appendOrNewer(id, 6, `${id}-y`, [added(9)]))
        expect(ahead).toMatchObject({ _tag: "VersionConflict", streamId: id, expected: 6, actual: 4 })
        expect(Option.isNone(yield* s.findCommand(id, `${id}-y`))).toBe(true)
        // a new stream
        const fresh = yield* s.appendOrNewer(sid("aon-new"), 0, `${id}-3`, [added(5)])
        expect(fresh).toMatchObject({ _tag: "Appended", result: { version: 1, duplicate: false } })
        expect(yield* s.verify(sid("aon-new"))).toMatchObject({ ok: true, count: 1 })
        // and bad input, refused before anything is read or written
        const bad = yield* Effect.flip(s.appendOrNewer(id, -1, `${id}-z`, [added(1)]))
        expect(bad._tag).toBe("InvalidInput")
      }),
    timeout
  )

  it.effect(
    "appendOrNewer: a command id already stored answers as append does, at the stream's version",
    () =>
      Effect.gen(function*() {
        const s = yield* store
        if (s.appendOrNewer === undefined) return
        const id = sid("aon-idem")
        const first = yield* s.appendOrNewer(id, 0, `${id}-1`, [added(1), added(2)])
        const again = yield* s.appendOrNewer(id, 2, `${id}-1`, [added(1), added(2)])
        expect(again).toEqual({
          _tag: "Appended",
          result: { ...(first._tag === "Appended" ? first.result : undefined), duplicate: true }
        })
        const other = yield* Effect.flip(s.appendOrNewer(id, 2, `${id}-1`, [added(7)]))
        expect(other).toMatchObject({ _tag: "CommandIdConflict", streamId: id, commandId: `${id}-1` })
        // at an older version the newer events come first (whoever decides again then meets the stored command)
        expect(yield* s.appendOrNewer(id, 1, `${id}-1`, [added(1), added(2)])).toMatchObject({ _tag: "Newer" })
        expect(yield* s.streamVersion(id)).toBe(2)
        // the receipt of a command appended this way
        const row = Option.getOrThrow(yield* s.findCommand(id, `${id}-1`))
        expect(row).toMatchObject({ first: 1, last: 2 })
        const fields = { ...row, commandHash: row.commandHash!, head: row.events[1]!.hash }
        expect(AuditKey.checkReceipt([verifier], fields, row.receipt!)).toBe("valid")
      }),
    timeout
  )

  it.effect(
    "appendOrNewer: of writers racing at one version, one appends and the others get its events",
    () =>
      Effect.gen(function*() {
        const s = yield* store
        if (s.appendOrNewer === undefined) return
        const id = sid("aon-race")
        yield* s.append(id, 0, `${id}-0`, [added(0)])
        const outcomes = yield* Effect.all(
          Array.from({ length: 8 }, (_, i) => s.appendOrNewer!(id, 1, `${id}-${i + 1}`, [added(i + 1), added(i + 1)])),
          { concurrency: "unbounded" }
        )
        const winners = outcomes.flatMap((o) => (o._tag === "Appended" ? [o.result] : []))
        expect(winners).toHaveLength(1)
        const all = yield* s.readStream(id)
        expect(all.map((e) => e.commandId)).toEqual([`${id}-0`, winners[0]!.commandId, winners[0]!.commandId])
        for (const o of outcomes) if (o._tag === "Newer") expect(o.events).toEqual(all.slice(1))
        const commands = Chunk.toReadonlyArray(yield* Stream.runCollect(s.listCommands()))
        expect(commands.filter((c) => c.streamId === id).map((c) => c.commandId).sort()).toEqual(
          [`${id}-0`, winners[0]!.commandId].sort()
        )
        expect(yield* s.verify(id)).toMatchObject({ ok: true, count: 3 })
      }),
    timeout
  )

  it.effect(
    "appendOrNewer: of writers racing to create a stream, one appends and the others get its events",
    () =>
      Effect.gen(function*() {
        const s = yield* store
        if (s.appendOrNewer === undefined) return
        const id = sid("aon-race-new")
        const outcomes = yield* Effect.all(
          Array.from({ length: 8 }, (_, i) => s.appendOrNewer!(id, 0, `${id}-${i + 1}`, [added(i + 1), added(i + 1)])),
          { concurrency: "unbounded" }
        )
        const winners = outcomes.flatMap((o) => (o._tag === "Appended" ? [o.result] : []))
        expect(winners).toHaveLength(1)
        const all = yield* s.readStream(id)
        expect(all.map((e) => e.commandId)).toEqual([winners[0]!.commandId, winners[0]!.commandId])
        for (const o of outcomes) if (o._tag === "Newer") expect(o.events).toEqual(all)
        const commands = Chunk.toReadonlyArray(yield* Stream.runCollect(s.listCommands()))
        expect(commands.filter((c) => c.streamId === id).map((c) => c.commandId)).toEqual([winners[0]!.commandId])
        expect(yield* s.verify(id)).toMatchObject({ ok: true, count: 2 })
      }),
    timeout
  )

  it.effect("appendOrNewer: returns every newer event of a long stream", () =>
    Effect.gen(function*() {
      const s = yield* store
      if (s.appendOrNewer === undefined) return
      const id = sid("aon-long")
      yield* s.append(id, 0, `${id}-0`, Array.from({ length: 2100 }, (_, i) => added(i)))
      const r = yield* s.appendOrNewer(id, 50, `${id}-1`, [added(1)])
      expect(r._tag).toBe("Newer")
      const events = r._tag === "Newer" ? r.events : []
      expect(events.map((e) => e.position)).toEqual(Array.from({ length: 2050 }, (_, i) => i + 51))
      expect(events).toEqual((yield* s.readStream(id)).slice(50))
    }), timeout)

  it.effect(
    "appendOrNewer: CommandHandler with a refresh cache decides once per command on a cached stream",
    () =>
      Effect.gen(function*() {
        const s = yield* store
        const id = sid("aon-handler")
        const mine = CommandHandler.makeCache()
        const theirs = CommandHandler.makeCache()
        const handle = (command: CounterCommand, n: string, cache: CommandHandler.StateCache) =>
          CommandHandler.handle(counter, counterCodec, id, command, `${id}-${n}`, { cache })
        expect((yield* handle({ _tag: "Add", n: 5 }, "a1", mine)).state).toBe(5)
        expect((yield* handle({ _tag: "AddMany", ns: [1, 2] }, "b1", theirs)).state).toBe(8)
        // mine still holds 5 at version 1: its decision is checked by the store, and taken again on 8
        const r = yield* handle({ _tag: "Remove", n: 7 }, "a2", mine)
        expect(r).toMatchObject({ state: 1, result: { version: 4 } })
        const e = yield* Effect.flip(handle({ _tag: "Remove", n: 2 }, "b2", theirs))
        expect(e).toBe("insufficient")
        expect(yield* CommandHandler.load(counter, counterCodec, id)).toEqual({ state: 1, version: 4 })
        expect(yield* s.verify(id)).toMatchObject({ ok: true, count: 4 })
      }),
    timeout
  )
}

/**
 * Registers the conformance cases for one adapter.
 *
 * @since 0.1.0
 * @category suites
 */
export const suite = <R, E>(
  name: string,
  makeLayer: (options: EventStore.StoreOptions) => Layer.Layer<EventStore.EventStore | R, E>,
  options: SuiteOptions<R> = {}
): void => {
  const timeout = options.timeout ?? 60_000
  const run = Math.random().toString(36).slice(2, 8)
  const sid = (s: string) => `suite-${run}-${s}`
  const store = EventStore.EventStore
  const keys = AuditKey.generate()
  const signer = Either.getOrThrow(AuditKey.signer(keys.privateKeyPem))
  const verifier = Either.getOrThrow(AuditKey.verifier(keys.publicKeyPem))

  describe(`EventStore conformance: ${name}, appendOrNewer without projections`, () => {
    layer(makeLayer({ signer }), { timeout, excludeTestServices: true })((it) => {
      appendOrNewerCases(it, (s) => sid(`bare-${s}`), verifier, timeout)
    })
  })

  describe(`EventStore conformance: ${name}`, () => {
    layer(makeLayer({ projections, signer }), { timeout, excludeTestServices: true })((it) => {
      appendOrNewerCases(it, sid, verifier, timeout)
      it.effect("appends and reads back a new stream", () =>
        Effect.gen(function*() {
          const s = yield* store
          const r = yield* s.append(sid("basic"), 0, `${run}-basic-1`, [added(1), added(2)])
          expect(r.duplicate).toBe(false)
          expect(r.version).toBe(2)
          expect(r.events.map((e) => e.position)).toEqual([1, 2])
          expect(r.events[1]!.globalPosition).toBeGreaterThan(r.events[0]!.globalPosition)
          expect(r.events[0]!.prevHash).toBe("0".repeat(64))
          expect(r.events[1]!.prevHash).toBe(r.events[0]!.hash)
          expect(r.events[0]!.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)
          const read = yield* s.readStream(sid("basic"))
          expect(read).toEqual(r.events)
          expect(read[0]!.data).toEqual({ _tag: "Added", n: 1 })
          expect(read[0]!.commandId).toBe(`${run}-basic-1`)
          expect(yield* s.streamVersion(sid("basic"))).toBe(2)
          expect(yield* s.readStream(sid("basic"), { fromPosition: 2 })).toEqual([r.events[1]])
          const next = yield* s.append(sid("basic"), 2, `${run}-basic-2`, [added(3)])
          expect(next.events[0]!.position).toBe(3)
          expect(next.events[0]!.prevHash).toBe(r.events[1]!.hash)
          expect(yield* s.readStream(sid("absent"))).toEqual([])
          expect(yield* s.streamVersion(sid("absent"))).toBe(0)
        }), timeout)

      it.effect("reads at most maxCount events of a stream, from any position", () =>
        Effect.gen(function*() {
          const s = yield* store
          const id = sid("max-count")
          yield* s.append(id, 0, `${run}-max-1`, Array.from({ length: 12 }, (_, i) => added(i)))
          const all = yield* s.readStream(id)
          const read = (options: EventStore.ReadStreamOptions) =>
            Effect.map(s.readStream(id, options), (events) => events.map((e) => e.position))
          const positions = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)
          expect(yield* read({ maxCount: 5 })).toEqual(positions(1, 5))
          expect(yield* read({ fromPosition: 4, maxCount: 5 })).toEqual(positions(4, 8))
          // fewer only where the stream ends
          expect(yield* read({ fromPosition: 10, maxCount: 5 })).toEqual(positions(10, 12))
          expect(yield* read({ fromPosition: 13, maxCount: 5 })).toEqual([])
          expect(yield* read({ maxCount: 2.7 })).toEqual(positions(1, 2))
          expect(yield* read({ maxCount: Number.POSITIVE_INFINITY })).toEqual(positions(1, 12))
          for (const none of [0, 0.5, -3, Number.NaN]) expect(yield* read({ maxCount: none })).toEqual([])
          expect(yield* s.readStream(id, { fromPosition: 3, maxCount: 4 })).toEqual(all.slice(2, 6))
          expect(yield* s.readStream(sid("max-count-absent"), { maxCount: 3 })).toEqual([])
        }), timeout)

      it.effect("keeps unicode, nested arrays and key order in event data", () =>
        Effect.gen(function*() {
          const s = yield* store
          const data = {
            名称: "工伤预防 ✓ 😀",
            nested: [[1, [2, { z: null, a: true }]], []],
            "": "empty key",
            big: 9007199254740991
          }
          yield* s.append(sid("unicode"), 0, `${run}-unicode`, [{ type: "Note", schemaVersion: 3, data }])
          const [e] = yield* s.readStream(sid("unicode"))
          expect(e!.data).toEqual(data)
          expect(e!.schemaVersion).toBe(3)
          expect(yield* s.verify(sid("unicode"))).toMatchObject({ ok: true, count: 1 })
        }), timeout)

      it.effect(
        "keeps a record once for the events that name it, and verifies it with the chain",
        () =>
          Effect.gen(function*() {
            const s = yield* store
            const record = { actor: { id: "clerk-1", name: "经办人" }, basis: ["实施方案 三(七)"] }
            const shared = (n: number): EventStore.NewEvent => ({ ...added(n), record })
            const first = yield* s.append(sid("records"), 0, `${run}-records-1`, [shared(1), shared(2)])
            const second = yield* s.append(sid("records"), 2, `${run}-records-2`, [shared(3), added(4)])
            const ref = Either.getOrThrow(EventStore.fingerprint(record))
            const events = [...first.events, ...second.events]
            for (const e of events.slice(0, 3)) {
              expect(e.data).toEqual({ _tag: "Added", n: e.position, $record: ref })
              expect(e.record).toMatchObject({ ref, value: record })
              expect(EventStore.dataWithRecord(e)).toEqual({ ...record, _tag: "Added", n: e.position })
            }
            expect(events[3]!.record).toBeUndefined()
            expect(EventStore.dataWithRecord(events[3]!)).toEqual({ _tag: "Added", n: 4 })
            expect(yield* s.readStream(sid("records"))).toEqual(events)
            expect(yield* s.readStream(sid("records"), { fromPosition: 3 })).toEqual(events.slice(2))
            const all = yield* Stream.runCollect(s.readAll(0))
            expect([...all].filter((e) => e.streamId === sid("records"))).toEqual(events)
            // a retry answers with the events as stored, records with them
            const retry = yield* s.append(sid("records"), 0, `${run}-records-1`, [shared(1), shared(2)])
            expect(retry).toMatchObject({ duplicate: true, events: first.events })
            expect(yield* s.verify(sid("records"))).toMatchObject({ ok: true, count: 4 })
            // a writer behind gets the newer events with their records
            if (s.appendOrNewer !== undefined) {
              const newer = yield* s.appendOrNewer(sid("records"), 2, `${run}-records-late`, [shared(9)])
              expect(newer).toEqual({ _tag: "Newer", events: events.slice(2) })
            }
            // another record is another command (its fingerprint covers the record through the reference)
            const other = yield* Effect.flip(
              s.append(sid("records"), 0, `${run}-records-1`, [
                { ...added(1), record: { ...record, basis: [] } },
                shared(2)
              ])
            )
            expect(other._tag).toBe("CommandIdConflict")
          }),
        timeout
      )

      it.effect("rejects a wrong expected version with VersionConflict", () =>
        Effect.gen(function*() {
          const s = yield* store
          yield* s.append(sid("conflict"), 0, `${run}-conflict-1`, [added(1), added(1)])
          for (const expected of [0, 1, 3, 7]) {
            const e = yield* Effect.flip(
              s.append(sid("conflict"), expected, `${run}-conflict-x${expected}`, [added(1)])
            )
            expect(e._tag).toBe("VersionConflict")
            expect(e).toMatchObject({ streamId: sid("conflict"), expected, actual: 2 })
          }
          const missing = yield* Effect.flip(s.append(sid("conflict-missing"), 4, `${run}-conflict-m`, [added(1)]))
          expect(missing).toMatchObject({ _tag: "VersionConflict", expected: 4, actual: 0 })
          expect(yield* s.streamVersion(sid("conflict"))).toBe(2)
          // A command that lost a race is not recorded: its retry at the right version succeeds.
          const retry = yield* s.append(sid("conflict"), 2, `${run}-conflict-x1`, [added(1)])
          expect(retry).toMatchObject({ duplicate: false, version: 3 })
        }), timeout)

      it.effect(
        "treats an append without events as a no-op returning the current version",
        () =>
          Effect.gen(function*() {
            const s = yield* store
            yield* s.append(sid("empty"), 0, `${run}-empty-1`, [added(1)])
            const before = yield* Stream.runCount(s.readAll(0))
            const r = yield* s.append(sid("empty"), 1, `${run}-empty-2`, [])
            expect(r).toMatchObject({ version: 1, events: [], duplicate: false })
            const r2 = yield* s.append(sid("empty-new"), 0, `${run}-empty-3`, [])
            expect(r2.version).toBe(0)
            expect(yield* Stream.runCount(s.readAll(0))).toBe(before)
            expect(yield* s.streamVersion(sid("empty-new"))).toBe(0)
            expect(Option.isNone(yield* s.findCommand(sid("empty"), `${run}-empty-2`))).toBe(true)
          }),
        timeout
      )

      it.effect(
        "returns the original result for a command id already stored in the stream",
        () =>
          Effect.gen(function*() {
            const s = yield* store
            const first = yield* s.append(sid("idem"), 0, `${run}-idem-1`, [added(5), added(6)])
            const again = yield* s.append(sid("idem"), 0, `${run}-idem-1`, [added(5), added(6)])
            expect(again.duplicate).toBe(true)
            expect(again.version).toBe(2)
            expect(again.events).toEqual(first.events)
            // Even at another expected version: the command id and the same events decide.
            const later = yield* s.append(sid("idem"), 2, `${run}-idem-1`, [added(5), added(6)])
            expect(later).toMatchObject({ duplicate: true, version: 2 })
            expect(yield* s.streamVersion(sid("idem"))).toBe(2)
            const found = Option.getOrThrow(yield* s.findCommand(sid("idem"), `${run}-idem-1`))
            expect(found).toMatchObject({ streamId: sid("idem"), commandId: `${run}-idem-1`, first: 1, last: 2 })
            expect(found.events).toEqual(first.events)
          }),
        timeout
      )

      it.effect(
        "scopes command ids to their stream: the same id elsewhere is another command",
        () =>
          Effect.gen(function*() {
            const s = yield* store
            const a = yield* s.append(sid("scope-a"), 0, `${run}-scope-1`, [added(5)])
            const b = yield* s.append(sid("scope-b"), 0, `${run}-scope-1`, [added(7), added(8)])
            expect(b).toMatchObject({ duplicate: false, streamId: sid("scope-b"), version: 2 })
            expect(b.events.map((e) => e.data)).toEqual([{ _tag: "Added", n: 7 }, { _tag: "Added", n: 8 }])
            expect(Option.getOrThrow(yield* s.findCommand(sid("scope-a"), `${run}-scope-1`)).events).toEqual(a.events)
            expect(Option.getOrThrow(yield* s.findCommand(sid("scope-b"), `${run}-scope-1`)).events).toEqual(b.events)
            expect(Option.isNone(yield* s.findCommand(sid("scope-c"), `${run}-scope-1`))).toBe(true)
          }),
        timeout
      )

      it.effect(
        "refuses a command id reused for a different command with CommandIdConflict, writing nothing",
        () =>
          Effect.gen(function*() {
            const s = yield* store
            yield* s.append(sid("reuse"), 0, `${run}-reuse-1`, [added(5)])
            // Different events, no fingerprint given: the events are the fingerprint.
            const e1 = yield* Effect.flip(s.append(sid("reuse"), 1, `${run}-reuse-1`, [added(500)]))
            expect(e1).toMatchObject({ _tag: "CommandIdConflict", streamId: sid("reuse"), commandId: `${run}-reuse-1` })
            expect(e1.message).toMatch(/命令标识.*\/ command id/)
            // An explicit fingerprint decides, whatever the events.
            const h1 = "a".repeat(64)
            const h2 = "b".repeat(64)
            yield* s.append(sid("reuse"), 1, `${run}-reuse-2`, [added(1)], { commandHash: h1 })
            const same = yield* s.append(sid("reuse"), 2, `${run}-reuse-2`, [added(1)], { commandHash: h1 })
            expect(same).toMatchObject({ duplicate: true, version: 2 })
            const e2 = yield* Effect.flip(s.append(sid("reuse"), 2, `${run}-reuse-2`, [added(1)], { commandHash: h2 }))
            expect(e2._tag).toBe("CommandIdConflict")
            expect(yield* s.streamVersion(sid("reuse"))).toBe(2)
            const bad = yield* Effect.flip(
              s.append(sid("reuse"), 2, `${run}-reuse-3`, [added(1)], { commandHash: "x" })
            )
            expect(bad._tag).toBe("InvalidInput")
          }),
        timeout
      )

      it.effect("lists every command row in stream and position order", () =>
        Effect.gen(function*() {
          const s = yield* store
          yield* s.append(sid("list-b"), 0, `${run}-list-2`, [added(1), added(2)])
          yield* s.append(sid("list-a"), 0, `${run}-list-1`, [added(3)])
          yield* s.append(sid("list-b"), 2, `${run}-list-3`, [added(4)])
          const rows = Chunk.toReadonlyArray(yield* Stream.runCollect(s.listCommands()))
          const mine = rows.filter((r) => r.streamId.startsWith(sid("list-")))
          expect(mine.map((r) => [r.streamId.slice(-6), r.commandId.slice(-6), r.first, r.last])).toEqual([
            ["list-a", "list-1", 1, 1],
            ["list-b", "list-2", 1, 2],
            ["list-b", "list-3", 3, 3]
          ])
          expect(mine.every((r) => /^[0-9a-f]{64}$/.test(r.commandHash ?? ""))).toBe(true)
          const keys = rows.map((r) => [r.streamId, r.first] as const)
          expect(keys).toEqual([...keys].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1])))
        }), timeout)

      it.effect("orders all events globally", () =>
        Effect.gen(function*() {
          const s = yield* store
          const a = yield* s.append(sid("g-a"), 0, `${run}-g-1`, [added(1)])
          const from = a.events[0]!.globalPosition - 1
          yield* s.append(sid("g-b"), 0, `${run}-g-2`, [added(2), added(3)])
          yield* s.append(sid("g-a"), 1, `${run}-g-3`, [added(4)])
          for (const pageSize of [1, 2, 1000]) {
            const all = Chunk.toReadonlyArray(yield* Stream.runCollect(s.readAll(from, { pageSize })))
            const mine = all.filter((e) => e.streamId === sid("g-a") || e.streamId === sid("g-b"))
            expect(mine.map((e) => `${e.streamId.slice(-3)}#${e.position}`)).toEqual([
              "g-a#1",
              "g-b#1",
              "g-b#2",
              "g-a#2"
            ])
            const positions = all.map((e) => e.globalPosition)
            expect(positions).toEqual([...positions].sort((x, y) => x - y))
            expect(new Set(positions).size).toBe(positions.length)
            expect(positions[0]).toBeGreaterThan(from)
          }
          const streams = yield* s.listStreams()
          expect(streams).toContainEqual({ streamId: sid("g-a"), version: 2 })
          expect(streams).toContainEqual({ streamId: sid("g-b"), version: 2 })
        }), timeout)

      it.effect("verifies the hash chain of a stream", () =>
        Effect.gen(function*() {
          const s = yield* store
          yield* s.append(sid("chain"), 0, `${run}-chain-1`, [added(1), added(2)])
          const r = yield* s.append(sid("chain"), 2, `${run}-chain-2`, [added(3)])
          expect(yield* s.verify(sid("chain"))).toEqual({ ok: true, count: 3, head: r.events[0]!.hash })
          expect(yield* s.verify(sid("chain-none"))).toEqual({ ok: true, count: 0, head: "0".repeat(64) })
        }), timeout)

      it.effect("signs a receipt for every append with the host's key", () =>
        Effect.gen(function*() {
          const s = yield* store
          expect(s.receiptKeyId).toBe(signer.keyId)
          const r = yield* s.append(sid("receipt"), 0, `${run}-receipt-1`, [added(1), added(2)])
          const row = Option.getOrThrow(yield* s.findCommand(sid("receipt"), `${run}-receipt-1`))
          const fields = { ...row, commandHash: row.commandHash!, head: r.events[1]!.hash }
          expect(AuditKey.checkReceipt([verifier], fields, row.receipt!)).toBe("valid")
          expect(AuditKey.checkReceipt([verifier], { ...fields, last: 1 }, row.receipt!)).toBe("invalid")
          const other = Either.getOrThrow(AuditKey.verifier(AuditKey.generate().publicKeyPem))
          expect(AuditKey.checkReceipt([other], fields, row.receipt!)).toBe("unknown-key")
        }), timeout)

      it.effect("takes a signed checkpoint and audits the whole store against it", () =>
        Effect.gen(function*() {
          const s = yield* store
          yield* s.append(sid("cp"), 0, `${run}-cp-1`, [added(1), added(2)])
          const checkpoint = yield* Checkpoint.take(s, signer)
          expect(checkpoint).toMatchObject({ format: "gsyf-checkpoint/1", keyId: signer.keyId, signedAppends: true })
          expect(checkpoint.heads.find((h) => h.streamId === sid("cp"))).toMatchObject({ version: 2, commandCount: 1 })
          expect(Checkpoint.check(checkpoint, [verifier])).toBe("valid")
          expect(Either.getOrThrow(Checkpoint.decode(Checkpoint.encode(checkpoint)))).toEqual(checkpoint)
          const proof = Checkpoint.inclusionProof(checkpoint, sid("cp"))!
          expect(Checkpoint.verifyInclusion(proof.head, proof.index, proof.proof, checkpoint.root, checkpoint.streams))
            .toBe(true)
          // Appends after the checkpoint carry receipts; the audit accepts them and the rebuilt read models.
          yield* s.append(sid("cp"), 2, `${run}-cp-2`, [added(3)])
          yield* s.append(sid("cp-new"), 0, `${run}-cp-3`, [added(4)])
          const report = yield* StoreAudit.verify(s, { checkpoint, keys: [verifier], readModels: true })
          expect(report.findings).toEqual([])
          expect(report).toMatchObject({ ok: true, unattested: [] })
          expect(report.events).toBeGreaterThanOrEqual(checkpoint.events + 2)
          // Without the key, neither the checkpoint nor the receipts are trusted.
          const stranger = Either.getOrThrow(AuditKey.verifier(AuditKey.generate().publicKeyPem))
          const untrusted = yield* StoreAudit.verify(s, { checkpoint, keys: [stranger] })
          expect(untrusted.findings.map((f) => f.kind)).toContain("checkpoint-signature")
        }), timeout)

      const tamper = options.tamper
      if (tamper !== undefined) {
        it.effect("detects data altered behind the store's back", () =>
          Effect.gen(function*() {
            const s = yield* store
            yield* s.append(sid("tamper"), 0, `${run}-tamper-1`, [added(1), added(2), added(3)])
            yield* tamper(sid("tamper"), 2, { _tag: "Added", n: 200 })
            const v = yield* s.verify(sid("tamper"))
            expect(v).toMatchObject({
              ok: false,
              firstBrokenPosition: 2,
              reason: "hash-mismatch",
              streamId: sid("tamper")
            })
            // with a helper thread hashing the rows, the same outcome
            expect(yield* s.verify(sid("tamper"), { hashThreads: 1 })).toEqual(v)
          }), timeout)
      }

      it.effect("updates read models in the same transaction as the events", () =>
        Effect.gen(function*() {
          const s = yield* store
          const r = yield* s.append(sid("rm"), 0, `${run}-rm-1`, [added(5), added(7)])
          const doc = yield* s.readModel(totals.name, sid("rm"))
          expect(Option.getOrThrow(doc)).toEqual({
            projection: totals.name,
            key: sid("rm"),
            doc: { total: 12, events: 2 },
            position: r.events[1]!.globalPosition
          })
          yield* s.append(sid("rm"), 2, `${run}-rm-2`, [{
            type: "Removed",
            schemaVersion: 1,
            data: { _tag: "Removed", n: 2 }
          }])
          expect(Option.getOrThrow(yield* s.readModel(totals.name, sid("rm"))).doc).toEqual({ total: 10, events: 3 })
          // A projection that throws rolls back the events, the command and the other read models.
          const e = yield* Effect.flip(
            s.append(sid("rm"), 3, `${run}-rm-3`, [added(100), { type: "Explode", schemaVersion: 1, data: {} }])
          )
          expect(e._tag).toBe("StoreError")
          expect(yield* s.streamVersion(sid("rm"))).toBe(3)
          expect(Option.getOrThrow(yield* s.readModel(totals.name, sid("rm"))).doc).toEqual({ total: 10, events: 3 })
          expect(Option.isNone(yield* s.findCommand(sid("rm"), `${run}-rm-3`))).toBe(true)
          // null deletes the document.
          yield* s.append(sid("rm"), 3, `${run}-rm-4`, [{ type: "Cleared", schemaVersion: 1, data: {} }])
          expect(Option.isNone(yield* s.readModel(totals.name, sid("rm")))).toBe(true)
          yield* s.append(sid("rm-2"), 0, `${run}-rm-5`, [added(1)])
          const list = yield* s.listReadModel(totals.name)
          expect(list.find((x) => x.key === sid("rm-2"))?.doc).toEqual({ total: 1, events: 1 })
          expect(list.find((x) => x.key === sid("rm"))).toBeUndefined()
          expect(list.map((x) => x.key)).toEqual([...list.map((x) => x.key)].sort())
        }), timeout)

      it.effect("keeps a projection's rows and reads its documents with them", () =>
        Effect.gen(function*() {
          const s = yield* store
          const note = (type: string, id: string, text?: string): EventStore.NewEvent => ({
            type,
            schemaVersion: 1,
            data: { _tag: type, id, ...(text === undefined ? {} : { text }) }
          })
          yield* s.append(sid("notes"), 0, `${run}-notes-1`, [note("Noted", "b", "二"), note("Noted", "a", "一")])
          yield* s.append(sid("notes"), 2, `${run}-notes-2`, [note("Noted", "c", "三"), note("Unnoted", "b")])
          yield* s.append(sid("notes-2"), 0, `${run}-notes-3`, [note("Noted", "x", "甲")])
          // the rows in the order they were written, after the list the document holds itself (none here)
          const want = { count: 2, withdrawn: ["二"], notes: [{ id: "a", text: "一" }, { id: "c", text: "三" }] }
          expect(Option.map(yield* s.readModel(notes.name, sid("notes")), (e) => e.doc)).toEqual(Option.some(want))
          const list = (yield* s.listReadModel(notes.name)).filter((e) => e.key.startsWith(`suite-${run}-notes`))
          expect(list.map((e) => [e.key, e.doc])).toEqual([
            [sid("notes"), want],
            [sid("notes-2"), { count: 1, withdrawn: [], notes: [{ id: "x", text: "甲" }] }]
          ])
          // the rows are kept apart from the documents, one per note
          const rows = yield* s.listReadModel(Projection.rowsOf(notes.name, sid("notes")))
          expect(rows.map((e) => [e.key, e.doc])).toEqual([["a", { id: "a", text: "一" }], ["c", {
            id: "c",
            text: "三"
          }]])
          yield* s.rebuild(notes.name)
          expect(Option.map(yield* s.readModel(notes.name, sid("notes")), (e) => e.doc)).toEqual(Option.some(want))
          expect(yield* s.listReadModel(Projection.rowsOf(notes.name, sid("notes")))).toEqual(rows)
          const report = yield* StoreAudit.verify(s, { readModels: true })
          expect(report.findings.filter((f) => f.projection === notes.name)).toEqual([])
        }), timeout)

      it.effect("rebuilds a projection from the events", () =>
        Effect.gen(function*() {
          const s = yield* store
          yield* s.append(sid("rebuild"), 0, `${run}-rebuild-1`, [added(3), added(4)])
          // The tamper case changed stored data behind the projection's back; a rebuild follows the data.
          const untampered = (entries: ReadonlyArray<Projection.ReadModelEntry>) =>
            entries.filter((x) => x.key !== sid("tamper"))
          const before = yield* s.listReadModel(totals.name)
          const result = yield* s.rebuild(totals.name)
          expect(result.projection).toBe(totals.name)
          expect(result.documents).toBe(before.length)
          expect(result.events).toBeGreaterThan(0)
          expect(untampered(yield* s.listReadModel(totals.name))).toEqual(untampered(before))
          const unknown = yield* Effect.flip(s.rebuild("no-such-projection"))
          expect(unknown._tag).toBe("InvalidInput")
        }), timeout)

      it.effect("reads a large stream in pages", () =>
        Effect.gen(function*() {
          const s = yield* store
          const n = options.largeStream ?? 2500
          const batch = 250
          let first = 0
          for (let v = 0; v < n; v += batch) {
            const size = Math.min(batch, n - v)
            const r = yield* s.append(
              sid("large"),
              v,
              `${run}-large-${v}`,
              Array.from({ length: size }, (_, i) => added(v + i))
            )
            if (v === 0) first = r.events[0]!.globalPosition
          }
          const events = yield* s.readStream(sid("large"))
          expect(events.length).toBe(n)
          expect(events.every((e, i) => e.position === i + 1 && (e.data as { n: number }).n === i)).toBe(true)
          const verified = yield* s.verify(sid("large"))
          expect(verified).toMatchObject({ ok: true, count: n })
          expect(yield* s.verify(sid("large"), { hashThreads: 1 })).toEqual(verified)
          const count = yield* Stream.runCount(
            s.readAll(first - 1, { pageSize: 333 }).pipe(Stream.filter((e) => e.streamId === sid("large")))
          )
          expect(count).toBe(n)
          // a command's replay reads it in pieces (across the store's pages), without and then with snapshots
          const sum = (n * (n - 1)) / 2
          expect(yield* CommandHandler.load(counter, counterCodec, sid("large"))).toEqual({ state: sum, version: n })
          if (s.writeSnapshot === undefined || s.readSnapshot === undefined) return
          const snapshots = { codec: Snapshot.structural<number>("suite-large", 1), every: 1_000 }
          const load = CommandHandler.load(counter, counterCodec, sid("large"), { snapshots })
          expect(yield* load).toEqual({ state: sum, version: n })
          expect(Option.map(yield* s.readSnapshot(sid("large"), "suite-large"), (x) => x.version)).toEqual(
            Option.some(n)
          )
          expect(yield* load).toEqual({ state: sum, version: n })
        }), timeout)

      it.effect("appends the largest allowed command (10,000 events) in one transaction", () =>
        Effect.gen(function*() {
          const s = yield* store
          const id = sid("huge")
          yield* s.append(id, 0, `${run}-huge-0`, [added(-1)])
          const events = Array.from({ length: 10_000 }, (_, i) => added(i))
          const r = yield* s.append(id, 1, `${run}-huge-1`, events)
          expect(r.version).toBe(10_001)
          expect(r.events.map((e) => e.position)).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 2))
          const globals = r.events.map((e) => e.globalPosition)
          expect(globals.every((g, i) => i === 0 || g > globals[i - 1]!)).toBe(true)
          expect(yield* s.verify(id)).toMatchObject({ ok: true, count: 10_001 })
          expect(Option.map(yield* s.readModel(totals.name, id), (e) => e.doc)).toEqual(
            Option.some({ total: 49_995_000 - 1, events: 10_001 })
          )
          // the same command again changes nothing
          const again = yield* s.append(id, 1, `${run}-huge-1`, events)
          expect(again).toMatchObject({ duplicate: true, version: 10_001 })
          expect(again.events).toHaveLength(10_000)
          expect(yield* s.streamVersion(id)).toBe(10_001)
        }), timeout)

      it.effect("rejects bad input before writing anything", () =>
        Effect.gen(function*() {
          const s = yield* store
          class NotPlain {
            readonly x = 1
          }
          const bad: ReadonlyArray<[string, number, string, ReadonlyArray<EventStore.NewEvent>]> = [
            ["", 0, `${run}-bad-1`, [added(1)]],
            [sid("bad"), -1, `${run}-bad-2`, [added(1)]],
            [sid("bad"), 0.5, `${run}-bad-3`, [added(1)]],
            [sid("bad"), 0, "", [added(1)]],
            [sid("bad"), 0, `${run}-bad-5`, [{ type: "", schemaVersion: 1, data: {} }]],
            [sid("bad"), 0, `${run}-bad-6`, [{ type: "X", schemaVersion: 0, data: {} }]],
            [sid("bad"), 0, `${run}-bad-7`, [{ type: "X", schemaVersion: 1, data: { n: Number.NaN } }]],
            [sid("bad"), 0, `${run}-bad-8`, [{ type: "X", schemaVersion: 1, data: { n: undefined } }]],
            [sid("bad"), 0, `${run}-bad-9`, [{ type: "X", schemaVersion: 1, data: new NotPlain() }]],
            [sid("bad"), 0, `${run}-bad-10`, [{ type: "X", schemaVersion: 1, data: { n: 1n } }]],
            [sid("bad\u0000"), 0, `${run}-bad-11`, [added(1)]],
            [sid("bad"), 0, `${run}-bad-12`, [added(1), { type: "X", schemaVersion: 1, data: () => 1 }]],
            // records: an object beside an object's data, with keys of its own, never a `$record` of the caller's
            [sid("bad"), 0, `${run}-bad-13`, [{ type: "X", schemaVersion: 1, data: { n: 1 }, record: [1] }]],
            [sid("bad"), 0, `${run}-bad-14`, [{ type: "X", schemaVersion: 1, data: { n: 1 }, record: { n: 2 } }]],
            [sid("bad"), 0, `${run}-bad-15`, [{ type: "X", schemaVersion: 1, data: [1], record: { a: 1 } }]],
            [sid("bad"), 0, `${run}-bad-16`, [{ type: "X", schemaVersion: 1, data: { $record: "0".repeat(64) } }]],
            [sid("bad"), 0, `${run}-bad-17`, [{ type: "X", schemaVersion: 1, data: {}, record: { a: Number.NaN } }]]
          ]
          for (const [streamId, expected, commandId, events] of bad) {
            const e = yield* Effect.flip(s.append(streamId, expected, commandId, events))
            expect(e._tag).toBe("InvalidInput")
            if (commandId.endsWith("-bad-14") && e._tag === "InvalidInput") {
              expect(e.issues.map((i) => i.path)).toEqual(["events[0].record.n"])
            }
            if (commandId !== "") expect(Option.isNone(yield* s.findCommand(streamId, commandId))).toBe(true)
          }
          expect(yield* s.streamVersion(sid("bad"))).toBe(0)
        }), timeout)

      it.effect(
        "stores one snapshot per stream and fold, replacing it, and refuses a bad one",
        () =>
          Effect.gen(function*() {
            const s = yield* store
            if (s.readSnapshot === undefined || s.writeSnapshot === undefined) return
            const id = sid("snap-store")
            const snap = (version: number, state: string): EventStore.Snapshot => ({
              streamId: id,
              name: "suite-counter",
              version,
              head: "a".repeat(64),
              stateVersion: 1,
              state
            })
            expect(Option.isNone(yield* s.readSnapshot(id, "suite-counter"))).toBe(true)
            yield* s.writeSnapshot(snap(3, "6"))
            yield* s.writeSnapshot({ ...snap(2, "\"另一个\""), name: "suite-other" })
            expect(yield* s.readSnapshot(id, "suite-counter")).toEqual(Option.some(snap(3, "6")))
            yield* s.writeSnapshot(snap(5, "15"))
            expect(yield* s.readSnapshot(id, "suite-counter")).toEqual(Option.some(snap(5, "15")))
            expect(Option.map(yield* s.readSnapshot(id, "suite-other"), (x) => x.state)).toEqual(
              Option.some("\"另一个\"")
            )
            for (const bad of [snap(0, "0"), { ...snap(1, "1"), head: "xyz" }, { ...snap(1, "1"), streamId: "" }]) {
              const e = yield* Effect.flip(s.writeSnapshot(bad))
              expect(e._tag).toBe("InvalidInput")
            }
            expect(yield* s.readSnapshot(id, "suite-counter")).toEqual(Option.some(snap(5, "15")))
          }),
        timeout
      )

      it.effect(
        "reads a snapshot with the events from its version, or the whole stream without one",
        () =>
          Effect.gen(function*() {
            const s = yield* store
            if (s.readWithSnapshot === undefined || s.writeSnapshot === undefined) return
            const id = sid("snap-with")
            yield* s.append(id, 0, `${run}-with-1`, Array.from({ length: 7 }, (_, i) => added(i)))
            const all = yield* s.readStream(id)
            expect(yield* s.readWithSnapshot(id, "suite-counter")).toEqual({ snapshot: Option.none(), events: all })
            expect(yield* s.readWithSnapshot(id, "suite-counter", { maxCount: 3 })).toEqual({
              snapshot: Option.none(),
              events: all.slice(0, 3)
            })
            expect(yield* s.readWithSnapshot(sid("snap-none"), "suite-counter")).toEqual({
              snapshot: Option.none(),
              events: []
            })
            const snapshot = {
              streamId: id,
              name: "suite-counter",
              version: 5,
              head: all[4]!.hash,
              stateVersion: 1,
              state: "10"
            }
            yield* s.writeSnapshot(snapshot)
            expect(yield* s.readWithSnapshot(id, "suite-counter")).toEqual({
              snapshot: Option.some(snapshot),
              events: all.slice(4)
            })
            // at most maxCount events, the snapshot's own counted; the snapshot comes even with none
            const most = (maxCount: number) => s.readWithSnapshot!(id, "suite-counter", { maxCount })
            expect(yield* most(2)).toEqual({ snapshot: Option.some(snapshot), events: all.slice(4, 6) })
            expect(yield* most(100)).toEqual({ snapshot: Option.some(snapshot), events: all.slice(4) })
            for (const none of [0, -1, Number.NaN]) {
              expect(yield* most(none)).toEqual({ snapshot: Option.some(snapshot), events: [] })
            }
            // whatever the snapshot claims: the events from its version (none beyond the stream), checked by the reader
            yield* s.writeSnapshot({ ...snapshot, version: 9, head: "c".repeat(64) })
            const beyond = yield* s.readWithSnapshot(id, "suite-counter")
            expect(beyond.events).toEqual([])
            expect(Option.map(beyond.snapshot, (x) => [x.version, x.head])).toEqual(Option.some([9, "c".repeat(64)]))
          }),
        timeout
      )

      it.effect(
        "loads from a snapshot whose chain head matches, and replays past one that does not",
        () =>
          Effect.gen(function*() {
            const s = yield* store
            if (s.readSnapshot === undefined || s.writeSnapshot === undefined) return
            const id = sid("snap-load")
            const snapshots = { codec: Snapshot.structural<number>("suite-counter", 1), every: 3 }
            const handle = (command: CounterCommand, n: number) =>
              CommandHandler.handle(counter, counterCodec, id, command, `${run}-snap-${n}`, { snapshots })
            yield* handle({ _tag: "AddMany", ns: [1, 2, 3] }, 1)
            // the append crossed version 3: a snapshot of the state there, with the chain head at 3
            const written = Option.getOrThrow(yield* s.readSnapshot(id, "suite-counter"))
            const events = yield* s.readStream(id)
            expect(written).toMatchObject({ version: 3, head: events[2]!.hash, stateVersion: 1, state: "6" })
            expect((yield* handle({ _tag: "Add", n: 4 }, 2)).state).toBe(10)
            const load = CommandHandler.load(counter, counterCodec, id, { snapshots })
            expect(yield* load).toEqual({ state: 10, version: 4 })
            // The state comes from the snapshot (a forged state with the true head shows it)...
            yield* s.writeSnapshot({ ...written, state: "1000" })
            expect(yield* load).toEqual({ state: 1004, version: 4 })
            // ...and a snapshot whose head is not the stored chain's is ignored: the stream is replayed.
            yield* s.writeSnapshot({ ...written, head: "f".repeat(64), state: "1000" })
            expect(yield* load).toEqual({ state: 10, version: 4 })
            // So is one beyond the stream, one of another codec version and one that does not decode.
            yield* s.writeSnapshot({ ...written, version: 9, state: "1000" })
            expect(yield* load).toEqual({ state: 10, version: 4 })
            yield* s.writeSnapshot({ ...written, state: "not json" })
            expect(yield* load).toEqual({ state: 10, version: 4 })
            yield* s.writeSnapshot({ ...written, stateVersion: 0, state: "1000" })
            expect(yield* load).toEqual({ state: 10, version: 4 })
            // That replay folded every (≥ 3) event again, so it wrote a snapshot of this codec's version.
            const head = (yield* s.readStream(id))[3]!.hash
            expect(yield* s.readSnapshot(id, "suite-counter")).toEqual(
              Option.some({ ...written, version: 4, head, state: "10" })
            )
          }),
        timeout
      )

      it.effect("runs a decider through CommandHandler", () =>
        Effect.gen(function*() {
          const s = yield* store
          const id = sid("handler")
          const r1 = yield* CommandHandler.handle(
            counter,
            counterCodec,
            id,
            { _tag: "AddMany", ns: [2, 3] },
            `${run}-h-1`
          )
          expect(r1).toMatchObject({ state: 5, attempts: 1 })
          const r2 = yield* CommandHandler.handle(counter, counterCodec, id, { _tag: "Remove", n: 4 }, `${run}-h-2`)
          expect(r2.state).toBe(1)
          const rejected = yield* Effect.flip(
            CommandHandler.handle(counter, counterCodec, id, { _tag: "Remove", n: 4 }, `${run}-h-3`)
          )
          expect(rejected).toBe("insufficient")
          // Retrying h-2 is answered from the store even though Remove 4 would now be rejected.
          const retried = yield* CommandHandler.handle(
            counter,
            counterCodec,
            id,
            { _tag: "Remove", n: 4 },
            `${run}-h-2`
          )
          expect(retried.result.duplicate).toBe(true)
          expect(retried.events).toEqual([{ _tag: "Removed", n: 4 }])
          expect(yield* s.streamVersion(id)).toBe(3)
        }), timeout)

      it.effect(
        "authorizes before answering from the store, and refuses a reused id for another command",
        () =>
          Effect.gen(function*() {
            const s = yield* store
            const id = sid("guarded")
            const first = yield* CommandHandler.handle(guardedCounter, counterCodec, id, {
              _tag: "Add",
              n: 5,
              role: "clerk"
            }, `${run}-g-1`)
            expect(first.state).toBe(5)
            // The same command id resent by someone not allowed: refused, not answered with the stored events.
            const resent = yield* Effect.flip(
              CommandHandler.handle(
                guardedCounter,
                counterCodec,
                id,
                { _tag: "Add", n: 5, role: "public" },
                `${run}-g-1`
              )
            )
            expect(resent).toBe("forbidden")
            // The same id with another amount: a typed conflict, not the original result.
            const changed = yield* Effect.flip(
              CommandHandler.handle(
                guardedCounter,
                counterCodec,
                id,
                { _tag: "Add", n: 6, role: "clerk" },
                `${run}-g-1`
              )
            )
            expect(changed).toMatchObject({ _tag: "CommandIdConflict", streamId: id, commandId: `${run}-g-1` })
            // The same command again: the original outcome.
            const again = yield* CommandHandler.handle(guardedCounter, counterCodec, id, {
              _tag: "Add",
              n: 5,
              role: "clerk"
            }, `${run}-g-1`)
            expect(again.result.duplicate).toBe(true)
            expect(again.events).toEqual([{ _tag: "Added", n: 5 }])
            // The same id on another stream is a command of its own.
            const other = yield* CommandHandler.handle(guardedCounter, counterCodec, sid("guarded-2"), {
              _tag: "Add",
              n: 9,
              role: "clerk"
            }, `${run}-g-1`)
            expect(other).toMatchObject({ state: 9, result: { duplicate: false } })
            expect(yield* s.streamVersion(id)).toBe(1)
          }),
        timeout
      )
    })
  })
}
