/**
 * Which spans the store's calls open, written once for SQLite and PostgreSQL (imported by both packages'
 * `StatementSpans.test.ts`). A tracer that records the name of every span opened wraps the native one. The
 * command path runs on two fresh stores, one with a projection (each append a transaction of several statements)
 * and one without (the direct path). With `statementSpans` off (the default) none of its branches opens a statement
 * (`sql.execute`) or transaction (`sql.transaction`) span: a command, a command id sent again, a stale version, an
 * append of no events, snapshots, `appendOrNewer` where the store has it (on a stream another writer moved, and
 * with a stored command id), and a read inside the host's own transaction (whose span is the host's). The host's
 * spans around the calls are kept, and calls outside the command path (`listStreams`) keep their statement spans.
 * With `statementSpans` on, the same calls open both kinds.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import { CommandHandler, EventStore, type Projection } from "@gsyf/core"
import { EventStoreSuite } from "@gsyf/testkit"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Tracer from "effect/Tracer"
import { expect } from "vitest"

/** The names of the spans opened while `effect` ran, in order. */
const spansOf = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<ReadonlyArray<string>, E, R> =>
  Effect.flatMap(Effect.tracer, (native) => {
    const names: Array<string> = []
    const recording = Tracer.make({
      span: (name, parent, context, links, startTime, kind, options) => {
        names.push(name)
        return native.span(name, parent, context, links, startTime, kind, options)
      },
      context: (f, fiber) => (native.context === undefined ? f() : native.context(f, fiber))
    })
    return Effect.as(Effect.withTracer(effect, recording), names)
  })

const statementSpans = (names: ReadonlyArray<string>) =>
  names.filter((name) => name === "sql.execute" || name === "sql.transaction")

const handle = (streamId: string, commandId: string, n: number, options?: CommandHandler.Options) =>
  CommandHandler.handle(
    EventStoreSuite.counter,
    EventStoreSuite.counterCodec,
    streamId,
    { _tag: "Add", n },
    commandId,
    options
  )

/** The calls of the command path, each branch once; each ends in the outcome that branch gives. */
const commandPath = Effect.gen(function*() {
  const store = yield* EventStore.EventStore
  // the direct path (SQLite's connection, PostgreSQL's prepared statements) and the append with projections
  const first = yield* handle("spans-a", "c1", 2)
  expect(first.result.version).toBe(1)
  yield* handle("spans-a", "c2", 3)
  // the same command id with another command: the stored command is read, then the conflict reported
  const conflict = yield* Effect.flip(handle("spans-a", "c1", 5))
  expect(typeof conflict === "string" ? conflict : conflict._tag).toBe("CommandIdConflict")
  // a stale version: the append hits the unique key, then reads the stream's version
  const stale = yield* Effect.flip(
    store.append("spans-a", 1, "c3", [{ type: "Added", schemaVersion: 1, data: { n: 1 } }])
  )
  expect(stale._tag).toBe("VersionConflict")
  // an append of no events answers the stream's version
  expect((yield* store.append("spans-a", 2, "c4", [])).version).toBe(2)
  // snapshots
  const read = yield* store.readStream("spans-a")
  expect(read.map((e) => e.position)).toEqual([1, 2])
  if (store.writeSnapshot !== undefined && store.readSnapshot !== undefined && store.readWithSnapshot !== undefined) {
    const snapshot = { streamId: "spans-a", name: "counter", version: 2, head: read[1]!.hash }
    yield* store.writeSnapshot({ ...snapshot, stateVersion: 1, state: "5" })
    expect((yield* store.readSnapshot("spans-a", "counter"))._tag).toBe("Some")
    expect((yield* store.readWithSnapshot("spans-a", "counter")).events.length).toBe(1)
  }
  // the state cache: `appendOrNewer` where the store has it, on a stream another writer moved on
  const cache = CommandHandler.makeCache({ mode: "refresh" })
  yield* handle("spans-b", "d1", 1, { cache })
  yield* handle("spans-b", "d2", 1)
  const cached = yield* handle("spans-b", "d3", 1, { cache })
  expect(cached.state).toBe(3)
  // `appendOrNewer` at the current version with a command id already stored: nothing newer, the stored command read
  if (store.appendOrNewer !== undefined) {
    const again = yield* Effect.flip(
      store.appendOrNewer("spans-b", 3, "d1", [{ type: "Added", schemaVersion: 1, data: { n: 9 } }])
    )
    expect(again._tag).toBe("CommandIdConflict")
  }
})

/**
 * Runs the command path on two fresh stores from `layer` (with the given `statementSpans`, with and without a
 * projection), inside a host span, and checks the spans it opened. `layer` gives a new store on each call.
 */
export const checkStatementSpans = <E, R>(
  layer: (options: {
    readonly statementSpans: boolean
    readonly projections: ReadonlyArray<Projection.Any>
  }) => Layer.Layer<EventStore.EventStore | SqlClient.SqlClient, E, R>,
  spans: boolean
): Effect.Effect<void, unknown, R> =>
  Effect.gen(function*() {
    const opened: Array<string> = []
    for (const projections of [[EventStoreSuite.totals], []]) {
      const names = yield* Effect.provide(onOneStore(spans), layer({ statementSpans: spans, projections }))
      opened.push(...names)
    }
    if (spans) {
      expect(opened).toContain("sql.execute")
      expect(opened).toContain("sql.transaction")
    } else {
      expect(statementSpans(opened)).toEqual([])
    }
  })

// The command path's spans on one store, after checking a read in the host's transaction and a call outside the path.
const onOneStore = (spans: boolean) =>
  Effect.gen(function*() {
    const names = yield* spansOf(Effect.withSpan(commandPath, "host.command"))
    expect(names[0]).toBe("host.command")
    // a read inside the host's own transaction goes through the client: the host's transaction span, no other
    const inTransaction = yield* spansOf(
      Effect.flatMap(
        Effect.all([EventStore.EventStore, SqlClient.SqlClient]),
        ([store, sql]) => sql.withTransaction(store.readStream("spans-a"))
      )
    )
    expect(statementSpans(inTransaction)).toEqual(spans ? ["sql.transaction", "sql.execute"] : ["sql.transaction"])
    // outside the command path, statements keep their spans either way
    const listed = yield* spansOf(Effect.flatMap(EventStore.EventStore, (store) => store.listStreams()))
    expect(listed).toContain("sql.execute")
    return names
  })
