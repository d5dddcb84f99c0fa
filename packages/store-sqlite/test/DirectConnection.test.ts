import * as SqlClient from "@effect/sql/SqlClient"
import { EventStore } from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { SqliteEventStore } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "gsyf-sqlite-direct-"))
let files = 0
const run = <A, E>(effect: Effect.Effect<A, E, EventStore.EventStore | SqlClient.SqlClient>) =>
  Effect.runPromise(
    effect.pipe(Effect.provide(SqliteEventStore.layer({ filename: join(dir, `direct-${files++}.db`) })), Effect.scoped)
  )

const added = (n: number): EventStore.NewEvent => ({ type: "Added", schemaVersion: 1, data: { n } })

// The store runs a stream read or an append as one synchronous call on the connection
// when it can; inside a transaction of the client it goes through the client instead.
describe("SQLite command path beside the client's transactions", () => {
  it("an append inside a host's transaction is part of it: rolled back with it, kept when it commits", async () => {
    const outcome = await run(Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const store = yield* EventStore.EventStore
      const failed = yield* Effect.exit(sql.withTransaction(Effect.gen(function*() {
        yield* store.append("s-1", 0, "cmd-1", [added(1)])
        expect((yield* store.readStream("s-1")).length).toBe(1)
        return yield* Effect.fail("host gives up" as const)
      })))
      const afterRollback = yield* store.readStream("s-1")
      yield* sql.withTransaction(store.append("s-1", 0, "cmd-2", [added(2), added(3)]))
      return {
        failed,
        afterRollback,
        afterCommit: yield* store.readStream("s-1"),
        verified: yield* store.verify("s-1")
      }
    }))
    expect(Exit.isFailure(outcome.failed)).toBe(true)
    expect(outcome.afterRollback).toEqual([])
    expect(outcome.afterCommit.map((e) => e.data)).toEqual([{ n: 2 }, { n: 3 }])
    expect(outcome.verified).toMatchObject({ ok: true, count: 2 })
  })

  it("an append from another fiber waits for a host's open transaction and is not undone by its rollback", async () => {
    const outcome = await run(Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const store = yield* EventStore.EventStore
      const host = yield* Effect.fork(Effect.exit(sql.withTransaction(Effect.gen(function*() {
        yield* store.append("host", 0, "cmd-host", [added(1)])
        yield* Effect.sleep("50 millis")
        return yield* Effect.fail("host gives up" as const)
      }))))
      yield* Effect.sleep("10 millis")
      const others = yield* Effect.all(
        Array.from({ length: 20 }, (_, i) => store.append(`other-${i % 4}`, Math.floor(i / 4), `cmd-${i}`, [added(i)])),
        { concurrency: 1 }
      )
      const hostExit = yield* Fiber.join(host)
      const streams = yield* store.listStreams()
      const verified = yield* Effect.all(streams.map((s) => store.verify(s.streamId)))
      return { hostExit, others, streams, verified }
    }))
    expect(Exit.isFailure(outcome.hostExit)).toBe(true)
    expect(outcome.others.map((r) => r.version)).toEqual(Array.from({ length: 20 }, (_, i) => Math.floor(i / 4) + 1))
    expect(outcome.streams).toEqual([0, 1, 2, 3].map((k) => ({ streamId: `other-${k}`, version: 5 })))
    expect(outcome.verified.every((v) => v.ok)).toBe(true)
  })

  it("answers a conflict and a resent command id on the direct path as through the client", async () => {
    const outcome = await run(Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      const first = yield* store.append("s", 0, "cmd-1", [added(1)])
      const resent = yield* store.append("s", 0, "cmd-1", [added(1)])
      const conflict = yield* Effect.flip(store.append("s", 0, "cmd-2", [added(2)]))
      const stale = yield* Effect.flip(store.append("s", 5, "cmd-3", [added(3)]))
      return { first, resent, conflict, stale }
    }))
    expect(outcome.first).toMatchObject({ version: 1, duplicate: false })
    expect(outcome.resent).toMatchObject({ version: 1, duplicate: true })
    expect(outcome.conflict).toMatchObject({ _tag: "VersionConflict", expected: 0, actual: 1 })
    expect(outcome.stale).toMatchObject({ _tag: "VersionConflict", expected: 5, actual: 1 })
  })

  it("reads a stream on the direct path (rows as arrays of values) as through the client, page after page", async () => {
    const filename = join(dir, `direct-${files++}.db`)
    const outcome = await Effect.runPromise(
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const store = yield* EventStore.EventStore
        // 7 commands of 1-3 events, another stream in between, text that is not ASCII
        let version = 0
        for (let i = 0; i < 7; i++) {
          const events = Array.from({ length: 1 + (i % 3) }, (_, k) => ({
            type: i % 2 === 0 ? "Added" : "Renamed",
            schemaVersion: 1 + (k % 2),
            data: { n: i * 10 + k, name: `第${i}项 “引号” \\ ${"字".repeat(i * 40)}` }
          }))
          version = (yield* store.append("s", version, `cmd-${i}`, events)).version
          yield* store.append(`other-${i}`, 0, `cmd-${i}`, [added(i)])
        }
        // across pages of 3 rows: whole, from a position, and at most 7 from position 2 (a page cut short)
        const reads = [
          store.readStream("s"),
          store.readStream("s", { fromPosition: 4 }),
          store.readStream("s", { fromPosition: 2, maxCount: 7 })
        ] as const
        const direct = yield* Effect.all(reads)
        // inside a transaction of the client the store reads through the client
        const client = yield* sql.withTransaction(Effect.all(reads))
        return { version, direct, client }
      }).pipe(Effect.provide(SqliteEventStore.layer({ filename, pageSize: 3 })), Effect.scoped)
    )
    expect(outcome.version).toBe(13)
    const plainOf = (events: ReadonlyArray<EventStore.StoredEvent>) => events.map((e) => ({ ...e }))
    expect(outcome.direct[0]!.map((e) => e.position)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1))
    expect(outcome.direct[1]!.map((e) => e.position)).toEqual(Array.from({ length: 10 }, (_, i) => i + 4))
    expect(plainOf(outcome.direct[0]!)).toEqual(plainOf(outcome.client[0]!))
    expect(plainOf(outcome.direct[1]!)).toEqual(plainOf(outcome.client[1]!))
    expect(outcome.direct[2]!.map((e) => e.position)).toEqual([2, 3, 4, 5, 6, 7, 8])
    expect(plainOf(outcome.direct[2]!)).toEqual(plainOf(outcome.client[2]!))
    expect(outcome.direct[0]![12]).toMatchObject({ type: "Added", schemaVersion: 1, commandId: "cmd-6" })
    expect(outcome.direct[0]!.every((e) => typeof e.globalPosition === "number" && e.hash.length === 64)).toBe(true)
  })
})
