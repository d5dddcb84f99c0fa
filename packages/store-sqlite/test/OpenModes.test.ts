import * as SqlClient from "@effect/sql/SqlClient"
import { describe, expect, it } from "@effect/vitest"
import { EventStore } from "@gsyf/core"
import { EventStoreSuite } from "@gsyf/testkit"
import Database from "better-sqlite3"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { createHash } from "node:crypto"
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { SqliteEventStore } from "../src/index.js"

const fixture = fileURLToPath(new URL("./fixtures/legacy/store-0.1.0.db", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "gsyf-sqlite-open-"))
const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex")
const tablesOf = (file: string) => {
  const db = new Database(file, { readonly: true })
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<
      { name: string }
    >).map((r) => r.name)
  } finally {
    db.close()
  }
}

const open = <A, E>(
  options: SqliteEventStore.Options,
  effect: Effect.Effect<A, E, EventStore.EventStore | SqlClient.SqlClient>
) => effect.pipe(Effect.provide(SqliteEventStore.layer(options)), Effect.scoped)

const refusal = (options: SqliteEventStore.Options) =>
  Effect.flip(open(options, EventStore.EventStore)).pipe(Effect.runPromise)

/** A SQLite database another application made: its own `events` table, rollback journal. */
const foreignDatabase = (name: string) => {
  const file = join(dir, name)
  const db = new Database(file)
  db.exec("CREATE TABLE events (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO events (title) VALUES ('运动会')")
  db.close()
  return file
}

describe("SQLite store: read-only open", () => {
  it("refuses a database that is not a gsyf store and leaves it byte for byte as it was", async () => {
    const file = foreignDatabase("foreign-ro.db")
    const before = digest(file)
    const e = await refusal({ filename: file, readOnly: true })
    expect(e).toMatchObject({ _tag: "UnusableStore", reason: "not-a-store", location: file })
    expect(e.message).toMatch(/^无法作为 gsyf 事件存储使用:.*其中没有 gsyf 事件存储.* \/ cannot be used as a gsyf/)
    expect(digest(file)).toBe(before)
    expect(tablesOf(file)).toEqual(["events"])
    const db = new Database(file, { readonly: true })
    expect(db.pragma("journal_mode", { simple: true })).toBe("delete")
    db.close()
    expect(readdirSync(dir).filter((f) => f.startsWith("foreign-ro.db"))).toEqual(["foreign-ro.db"])
  })

  it("refuses a missing file without creating it, and a file that is not a database", async () => {
    const missing = join(dir, "missing.db")
    expect(await refusal({ filename: missing, readOnly: true })).toMatchObject({ reason: "missing" })
    expect(existsSync(missing)).toBe(false)
    const text = join(dir, "notes.txt")
    writeFileSync(text, "这不是数据库 / not a database\n".repeat(200))
    const before = digest(text)
    expect(await refusal({ filename: text, readOnly: true })).toMatchObject({ reason: "not-a-database" })
    expect(digest(text)).toBe(before)
  })

  it("refuses a store written by an older gsyf instead of upgrading it", async () => {
    const file = join(dir, "legacy-ro.db")
    copyFileSync(fixture, file)
    const before = digest(file)
    expect(await refusal({ filename: file, readOnly: true })).toMatchObject({ reason: "needs-upgrade" })
    expect(digest(file)).toBe(before)
  })

  it("reads a store and writes nothing: appends and rebuilds fail, the file keeps its bytes", async () => {
    const file = join(dir, "store-ro.db")
    await open(
      { filename: file, projections: EventStoreSuite.projections },
      Effect.flatMap(
        EventStore.EventStore,
        (s) => s.append("s-1", 0, "c-1", [{ type: "Added", schemaVersion: 1, data: { _tag: "Added", n: 4 } }])
      )
    ).pipe(Effect.runPromise)
    const before = digest(file)
    await open(
      { filename: file, readOnly: true, projections: EventStoreSuite.projections },
      Effect.gen(function*() {
        const store = yield* EventStore.EventStore
        expect(yield* store.verify("s-1")).toMatchObject({ ok: true, count: 1 })
        expect(Option.getOrThrow(yield* store.readModel("suite-totals", "s-1")).doc).toEqual({ total: 4, events: 1 })
        const append = yield* Effect.flip(store.append("s-1", 1, "c-2", []))
        expect(append).toMatchObject({ _tag: "StoreError", operation: "append" })
        expect(append.message).toContain("the store was opened read-only")
        expect(yield* Effect.flip(store.rebuild("suite-totals"))).toMatchObject({ _tag: "StoreError" })
        // The connection itself is read-only.
        const sql = yield* SqlClient.SqlClient
        expect(yield* Effect.flip(sql`DELETE FROM events`)).toMatchObject({ _tag: "SqlError" })
      })
    ).pipe(Effect.runPromise)
    expect(digest(file)).toBe(before)
  })

  it("reads what a writer that still has the file open has committed", async () => {
    const file = join(dir, "live.db")
    await open(
      { filename: file },
      Effect.gen(function*() {
        const writer = yield* EventStore.EventStore
        for (let v = 0; v < 5; v++) {
          yield* writer.append("live", v, `live-${v}`, [{ type: "Added", schemaVersion: 1, data: { n: v } }])
        }
        const read = yield* open(
          { filename: file, readOnly: true },
          Effect.flatMap(EventStore.EventStore, (reader) => reader.verify("live"))
        )
        expect(read).toMatchObject({ ok: true, count: 5 })
        yield* writer.append("live", 5, "live-5", [{ type: "Added", schemaVersion: 1, data: { n: 5 } }])
      })
    ).pipe(Effect.runPromise)
  })
})

describe("SQLite store: placement and upgrades", () => {
  it("refuses to install over tables it did not create, and installs beside them with a prefix", async () => {
    const file = foreignDatabase("host.db")
    const e = await refusal({ filename: file })
    expect(e).toMatchObject({ _tag: "UnusableStore", reason: "foreign-tables", detail: "events" })
    expect(tablesOf(file)).toEqual(["events"])
    await open(
      { filename: file, tablePrefix: "gsyf_", projections: EventStoreSuite.projections },
      Effect.gen(function*() {
        const store = yield* EventStore.EventStore
        yield* store.append("p", 0, "c-1", [{ type: "Added", schemaVersion: 1, data: { _tag: "Added", n: 1 } }])
        expect(yield* store.verify("p")).toMatchObject({ ok: true, count: 1 })
      })
    ).pipe(Effect.runPromise)
    expect(tablesOf(file)).toEqual([
      "events",
      "gsyf_commands",
      "gsyf_events",
      "gsyf_gsyf_schema_migrations",
      "gsyf_projections",
      "gsyf_read_models",
      "gsyf_records",
      "gsyf_snapshots"
    ])
    const db = new Database(file, { readonly: true })
    expect(db.prepare("SELECT title FROM events").all()).toEqual([{ title: "运动会" }])
    db.close()
  })

  it("refuses a malformed table prefix or a schema", async () => {
    for (const tablePrefix of ["Gsyf_", "g-", "g; DROP TABLE x", "a".repeat(31)]) {
      expect(await refusal({ filename: join(dir, "bad.db"), tablePrefix })).toMatchObject({ _tag: "StoreError" })
    }
    const schema = await refusal({ filename: join(dir, "bad.db"), ...({ schema: "s" } as object) })
    expect(schema).toMatchObject({ _tag: "StoreError", reason: "schema is a PostgreSQL option" })
  })

  it("upgrades a store written by gsyf 0.1.0 and keeps every event, command and read model", async () => {
    const file = join(dir, "legacy.db")
    copyFileSync(fixture, file)
    const options = { filename: file, projections: EventStoreSuite.projections }
    await open(
      options,
      Effect.gen(function*() {
        const store = yield* EventStore.EventStore
        const streams = yield* store.listStreams()
        expect(streams).toEqual([
          { streamId: "legacy-a", version: 4 },
          { streamId: "legacy-b", version: 7 },
          { streamId: "legacy-c", version: 10 }
        ])
        for (const s of streams) expect(yield* store.verify(s.streamId)).toMatchObject({ ok: true, count: s.version })
        expect(Option.getOrThrow(yield* store.readModel("suite-totals", "legacy-c")).doc).toEqual({
          events: 10,
          total: 548
        })
        const found = Option.getOrThrow(yield* store.findCommand("legacy-c", "legacy-cmd-5"))
        expect(found).toMatchObject({ streamId: "legacy-c", version: 6, duplicate: true })
        expect(found.events.map((e) => e.data)).toEqual([50, 51, 52].map((n) => ({ _tag: "Added", n })))
        // A command stored before fingerprints cannot be told from another one with its id: refused.
        expect(found).toMatchObject({ commandHash: undefined, receipt: undefined })
        const resent = yield* Effect.flip(store.append("legacy-c", 10, "legacy-cmd-5", [{
          type: "Added",
          schemaVersion: 1,
          data: { _tag: "Added", n: 50 }
        }]))
        expect(resent._tag).toBe("CommandIdConflict")
        const next = yield* store.append("legacy-a", 4, "new-1", [{
          type: "Added",
          schemaVersion: 1,
          data: { _tag: "Added", n: 1 }
        }])
        expect(next.events[0]).toMatchObject({ position: 5, globalPosition: 22 })
      })
    ).pipe(Effect.runPromise)
    expect(tablesOf(file)).not.toContain("gsyf_migrations")
    const db = new Database(file, { readonly: true })
    expect(db.prepare("SELECT migration_id, name FROM gsyf_schema_migrations").all()).toEqual([
      { migration_id: 1, name: "events, commands, read models" },
      { migration_id: 2, name: "command ids scoped to their stream, command fingerprints and receipts" },
      { migration_id: 3, name: "state snapshots" },
      { migration_id: 4, name: "records shared by events" }
    ])
    db.close()
    // Opening again applies nothing.
    expect(await open(options, Effect.succeed(1)).pipe(Effect.runPromise)).toBe(1)
  })
})
