import * as SqlClient from "@effect/sql/SqlClient"
import { describe, expect, it } from "@effect/vitest"
import { EventStore } from "@gsyf/core"
import { EventStoreSuite } from "@gsyf/testkit"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { PgEventStore } from "../src/index.js"
import { pg, runIn, testDatabase } from "./testDatabase.js"

const legacyDump = readFileSync(
  fileURLToPath(new URL("./fixtures/legacy/store-0.1.0.sql", import.meta.url)),
  "utf8"
)

const options = (database: string, more: Partial<PgEventStore.Options> = {}): PgEventStore.Options => ({
  host: pg.host,
  port: pg.port,
  username: pg.username,
  database,
  projections: EventStoreSuite.projections,
  ...more
})

const open = <A, E>(
  o: PgEventStore.Options,
  effect: Effect.Effect<A, E, EventStore.EventStore | SqlClient.SqlClient>
) => effect.pipe(Effect.provide(PgEventStore.layer(o)))

/** Every table of the database outside the system schemas, as `schema.table`. */
const catalogue = (database: string) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{ t: string }>`SELECT table_schema || '.' || table_name AS t FROM information_schema.tables
      WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`
    const schemas = yield* sql<{ s: string }>`SELECT nspname AS s FROM pg_namespace
      WHERE nspname NOT LIKE 'pg_%' AND nspname <> 'information_schema' ORDER BY 1`
    return { tables: rows.map((r) => r.t), schemas: schemas.map((r) => r.s) }
  }).pipe(Effect.provide(PgEventStore.layerClient(options(database))))

const added = (n: number): EventStore.NewEvent => ({ type: "Added", schemaVersion: 1, data: { _tag: "Added", n } })

describe("PostgreSQL store: read-only open", () => {
  it.scoped("refuses a database that is not a gsyf store and creates nothing in it", () =>
    Effect.gen(function*() {
      const database = yield* testDatabase("ro_foreign")
      yield* runIn(database, "CREATE TABLE events (id serial PRIMARY KEY, title text)")
      const before = yield* catalogue(database)
      for (const more of [{}, { schema: "gsyf" }, { tablePrefix: "gsyf_" }]) {
        const e = yield* Effect.flip(open(options(database, { readOnly: true, ...more }), EventStore.EventStore))
        expect(e).toMatchObject({ _tag: "UnusableStore", reason: "not-a-store" })
        expect(e.message).toContain(`postgresql://${pg.host}:${pg.port}/${database}`)
      }
      expect(yield* catalogue(database)).toEqual(before)
    }), 60_000)

  it.scoped("reads a store, refuses writes, and its connections cannot write either", () =>
    Effect.gen(function*() {
      const database = yield* testDatabase("ro_store")
      yield* open(
        options(database),
        Effect.flatMap(EventStore.EventStore, (s) => s.append("s-1", 0, "c-1", [added(3)]))
      )
      const before = yield* catalogue(database)
      yield* open(
        options(database, { readOnly: true }),
        Effect.gen(function*() {
          const store = yield* EventStore.EventStore
          expect(yield* store.verify("s-1")).toMatchObject({ ok: true, count: 1 })
          expect(Option.getOrThrow(yield* store.readModel("suite-totals", "s-1")).doc).toEqual({ total: 3, events: 1 })
          expect(yield* Effect.flip(store.append("s-1", 1, "c-2", [added(1)]))).toMatchObject({
            _tag: "StoreError",
            operation: "append"
          })
          const sql = yield* SqlClient.SqlClient
          const write = yield* Effect.flip(sql`CREATE TABLE intruder (x int)`)
          expect(String((write.cause as { code?: string }).code)).toBe("25006") // read_only_sql_transaction
        })
      )
      expect(yield* catalogue(database)).toEqual(before)
      expect(yield* open(options(database), Effect.flatMap(EventStore.EventStore, (s) => s.streamVersion("s-1"))))
        .toBe(1)
    }), 60_000)
})

describe("PostgreSQL store: placement and upgrades", () => {
  it.scoped(
    "refuses to install over tables it did not create, and installs beside them in a schema",
    () =>
      Effect.gen(function*() {
        const database = yield* testDatabase("placed")
        yield* runIn(
          database,
          "CREATE TABLE read_models (id serial PRIMARY KEY); INSERT INTO read_models DEFAULT VALUES"
        )
        const e = yield* Effect.flip(open(options(database), EventStore.EventStore))
        expect(e).toMatchObject({ _tag: "UnusableStore", reason: "foreign-tables", detail: "read_models" })
        expect((yield* catalogue(database)).tables).toEqual(["public.read_models"])
        for (const more of [{ schema: "gsyf" }, { tablePrefix: "gsyf_" }]) {
          yield* open(
            options(database, more),
            Effect.gen(function*() {
              const store = yield* EventStore.EventStore
              yield* store.append("p", 0, "c-1", [added(1)])
              expect(Option.getOrThrow(yield* store.readModel("suite-totals", "p")).doc).toEqual({
                total: 1,
                events: 1
              })
            })
          )
        }
        expect(yield* catalogue(database)).toEqual({
          schemas: ["gsyf", "public"],
          tables: [
            "gsyf.commands",
            "gsyf.events",
            "gsyf.gsyf_schema_migrations",
            "gsyf.projections",
            "gsyf.read_models",
            "gsyf.records",
            "gsyf.snapshots",
            "public.gsyf_commands",
            "public.gsyf_events",
            "public.gsyf_gsyf_schema_migrations",
            "public.gsyf_projections",
            "public.gsyf_read_models",
            "public.gsyf_records",
            "public.gsyf_snapshots",
            "public.read_models"
          ]
        })
      }),
    60_000
  )

  it.scoped("applies each migration once when several instances start at once", () =>
    Effect.gen(function*() {
      const database = yield* testDatabase("race_migrate")
      yield* Effect.all(
        Array.from({ length: 4 }, () => open(options(database, { schema: "s" }), EventStore.EventStore)),
        { concurrency: "unbounded" }
      )
      const rows = yield* Effect.flatMap(SqlClient.SqlClient, (sql) =>
        sql<{ migration_id: number }>`SELECT migration_id FROM s.gsyf_schema_migrations ORDER BY 1`).pipe(
          Effect.provide(PgEventStore.layerClient(options(database)))
        )
      expect(rows.map((r) =>
        r.migration_id
      )).toEqual([1, 2, 3, 4])
    }), 60_000)

  it.scoped(
    "upgrades a store written by gsyf 0.1.0 (read-only first refuses it untouched)",
    () =>
      Effect.gen(function*() {
        const database = yield* testDatabase("legacy")
        yield* runIn(database, legacyDump)
        const before = yield* catalogue(database)
        expect(yield* Effect.flip(open(options(database, { readOnly: true }), EventStore.EventStore))).toMatchObject({
          _tag: "UnusableStore",
          reason: "needs-upgrade"
        })
        expect(yield* catalogue(database)).toEqual(before)
        yield* open(
          options(database),
          Effect.gen(function*() {
            const store = yield* EventStore.EventStore
            const streams = yield* store.listStreams()
            expect(streams).toEqual([
              { streamId: "legacy-a", version: 4 },
              { streamId: "legacy-b", version: 7 },
              { streamId: "legacy-c", version: 10 }
            ])
            for (const s of streams) {
              expect(yield* store.verify(s.streamId)).toMatchObject({ ok: true, count: s.version })
            }
            expect(Option.getOrThrow(yield* store.readModel("suite-totals", "legacy-b")).doc).toEqual({
              events: 7,
              total: 362
            })
            expect(Option.getOrThrow(yield* store.findCommand("legacy-b", "legacy-cmd-10"))).toMatchObject({
              streamId: "legacy-b",
              version: 7
            })
            const next = yield* store.append("legacy-b", 7, "new-1", [added(2)])
            expect(next.events[0]).toMatchObject({ position: 8, globalPosition: 22 })
          })
        )
        const after = yield* catalogue(database)
        expect(after.tables).toContain("public.gsyf_schema_migrations")
        expect(after.tables).not.toContain("public.gsyf_migrations")
        // Read-only now accepts it.
        yield* open(options(database, { readOnly: true }), EventStore.EventStore)
      }),
    60_000
  )
})
