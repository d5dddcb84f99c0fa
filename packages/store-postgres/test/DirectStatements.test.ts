import * as SqlClient from "@effect/sql/SqlClient"
import { describe, expect, it } from "@effect/vitest"
import { EventStore } from "@gsyf/core"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import { PgEventStore } from "../src/index.js"
import { pg, testDatabase } from "./testDatabase.js"

// The command path's statements go straight to the pool (prepared, unless `preparedStatements: false`);
// these cases check what that path must keep: transactions, interruption, unnamed statements.

const added = (n: number): EventStore.NewEvent => ({ type: "Added", schemaVersion: 1, data: { _tag: "Added", n } })

const store = (database: string, more: Partial<PgEventStore.Options> = {}) =>
  PgEventStore.layer({ host: pg.host, port: pg.port, username: pg.username, database, ...more })

const activeQueries = (applicationName: string) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM pg_stat_activity
      WHERE application_name = ${applicationName} AND state = 'active' AND pid <> pg_backend_pid()`
    return Number(rows[0]!.n)
  })

describe("PostgreSQL store: statements sent straight to the pool", () => {
  it.scoped("an append inside a transaction the caller rolls back leaves nothing", () =>
    Effect.gen(function*() {
      const database = yield* testDatabase("direct_tx")
      yield* Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const es = yield* EventStore.EventStore
        const rolledBack = yield* Effect.exit(sql.withTransaction(Effect.gen(function*() {
          yield* es.append("s-1", 0, "c-1", [added(1), added(2)])
          // Inside the transaction the store reads what it has just written.
          expect((yield* es.readStream("s-1")).map((e) => e.position)).toEqual([1, 2])
          return yield* Effect.fail("roll back")
        })))
        expect(Exit.isFailure(rolledBack)).toBe(true)
        expect(yield* es.readStream("s-1")).toEqual([])
        expect(yield* es.append("s-1", 0, "c-1", [added(3)])).toMatchObject({ version: 1, duplicate: false })
      }).pipe(Effect.provide(store(database)))
    }), 60_000)

  it.scopedLive(
    "an interrupted append is cancelled in PostgreSQL and its connection serves the next one",
    () =>
      Effect.gen(function*() {
        const database = yield* testDatabase("direct_cancel")
        const applicationName = `gsyf-cancel-${process.pid}`
        const layer = store(database, { maxConnections: 1, applicationName })
        const locker = PgEventStore.layerClient({ host: pg.host, port: pg.port, username: pg.username, database })
        yield* Effect.gen(function*() {
          const es = yield* EventStore.EventStore
          yield* es.append("s-1", 0, "c-1", [added(1)])
          // Another connection keeps writers out of the events table (SHARE takes no transaction id, which would hold
          // back what other tests' `readAll` sees); the append waits for it until it is interrupted.
          const locked = yield* Deferred.make<void>()
          const release = yield* Deferred.make<void>()
          const holder = yield* Effect.fork(
            Effect.gen(function*() {
              const sql = yield* SqlClient.SqlClient
              yield* sql.withTransaction(Effect.gen(function*() {
                yield* sql`LOCK TABLE events IN SHARE MODE`
                yield* Deferred.succeed(locked, undefined)
                yield* Deferred.await(release)
              }))
            }).pipe(Effect.provide(locker))
          )
          yield* Deferred.await(locked)
          const lockedAppend = yield* Effect.exit(
            es.append("s-1", 1, "c-2", [added(2)]).pipe(Effect.timeout("500 millis"))
          )
          // So are appendOrNewer's statements: the append's at a version above 0, the one that reads first at 0.
          const lockedAppendOrNewer = yield* Effect.exit(
            es.appendOrNewer!("s-1", 1, "c-3", [added(3)]).pipe(Effect.timeout("500 millis"))
          )
          const lockedNewStream = yield* Effect.exit(
            es.appendOrNewer!("s-2", 0, "c-4", [added(4)]).pipe(Effect.timeout("500 millis"))
          )
          // Cancelled while the lock is still held: PostgreSQL soon runs nothing for the store.
          const running = yield* activeQueries(applicationName).pipe(
            Effect.provide(locker),
            Effect.repeat({ until: (n) => n === 0, schedule: Schedule.spaced("100 millis"), times: 50 }),
            Effect.ensuring(Deferred.succeed(release, undefined))
          )
          expect(running).toBe(0)
          yield* Fiber.join(holder)
          expect(Exit.isFailure(lockedAppend)).toBe(true)
          expect(Exit.isFailure(lockedAppendOrNewer)).toBe(true)
          expect(Exit.isFailure(lockedNewStream)).toBe(true)
          // The only pooled connection serves the next read; no command was written.
          expect((yield* es.readStream("s-1")).length).toBe(1)
          expect(yield* es.readStream("s-2")).toEqual([])
          expect(Option.isNone(yield* es.findCommand("s-2", "c-4"))).toBe(true)
          expect(yield* es.appendOrNewer!("s-1", 1, "c-3", [added(3)])).toMatchObject({
            _tag: "Appended",
            result: { version: 2 }
          })
          expect((yield* es.readStream("s-1")).map((e) => e.commandId)).toEqual(["c-1", "c-3"])
        }).pipe(Effect.provide(layer))
      }),
    60_000
  )

  it.scoped(
    "without prepared statements the store appends, detects conflicts and answers retries",
    () =>
      Effect.gen(function*() {
        const database = yield* testDatabase("direct_unnamed")
        yield* Effect.gen(function*() {
          const es = yield* EventStore.EventStore
          yield* es.append("s-1", 0, "c-1", [added(1)])
          const conflict = yield* Effect.flip(es.append("s-1", 0, "c-2", [added(2)]))
          expect(conflict).toMatchObject({ _tag: "VersionConflict", expected: 0, actual: 1 })
          expect(yield* es.append("s-1", 0, "c-1", [added(1)])).toMatchObject({ version: 1, duplicate: true })
          expect(yield* es.append("s-1", 1, "c-3", [added(3), added(4)])).toMatchObject({ version: 3 })
          const newer = yield* es.appendOrNewer!("s-1", 1, "c-4", [added(5)])
          expect(newer).toEqual({ _tag: "Newer", events: (yield* es.readStream("s-1")).slice(1) })
          expect(yield* es.appendOrNewer!("s-1", 3, "c-4", [added(5)])).toMatchObject({
            _tag: "Appended",
            result: { version: 4 }
          })
          expect(yield* es.verify("s-1")).toMatchObject({ ok: true, count: 4 })
        }).pipe(Effect.provide(store(database, { preparedStatements: false })))
      }),
    60_000
  )
})
