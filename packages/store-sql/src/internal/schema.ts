/**
 * The store's schema: its migrations, run by `@effect/sql`'s `Migrator`, the
 * conversion of a gsyf 0.1 migration table, and the checks that refuse a
 * database that is not (or not yet, or no longer) a store this code can use.
 *
 * @internal
 */
import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import { EventStore } from "@gsyf/core"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import { UnusableStore } from "../UnusableStore.js"
import { classify, mapSqlErrors } from "./errors.js"
import type { Tables } from "./tables.js"

/** One migration: an id (1, 2, …), a name and the statements. */
export interface Migration {
  readonly id: number
  readonly name: string
  readonly up: Effect.Effect<void, SqlError, SqlClient.SqlClient>
}

const isPg = (sql: SqlClient.SqlClient): boolean => sql.onDialectOrElse({ pg: () => true, orElse: () => false })

const run = (statements: (pg: boolean) => ReadonlyArray<string>): Migration["up"] =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    for (const statement of statements(isPg(sql))) yield* sql.unsafe(statement)
  })

/**
 * The migrations for tables placed as `t`, in order. A released migration is
 * never edited: a change to the schema is a new migration.
 */
export const migrations = (t: Tables): ReadonlyArray<Migration> => [
  {
    id: 1,
    name: "events, commands, read models",
    up: run((pg) => [
      `CREATE TABLE ${t.events} (
        global_position ${pg ? "BIGINT GENERATED ALWAYS AS IDENTITY" : "INTEGER"} PRIMARY KEY,
        stream_id TEXT NOT NULL,
        position INTEGER NOT NULL CHECK (position >= 1),
        type TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        data TEXT NOT NULL,
        command_id TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,${pg ? "\n        tx_id XID8 NOT NULL DEFAULT pg_current_xact_id()," : ""}
        UNIQUE (stream_id, position)
      )`,
      `CREATE TABLE ${t.commands} (
        command_id TEXT PRIMARY KEY,
        stream_id TEXT NOT NULL,
        first_position INTEGER NOT NULL,
        last_position INTEGER NOT NULL
      )`,
      `CREATE TABLE ${t.readModels} (
        projection TEXT NOT NULL,
        key TEXT NOT NULL,
        doc TEXT NOT NULL,
        position BIGINT NOT NULL,
        PRIMARY KEY (projection, key)
      )`,
      `CREATE TABLE ${t.projections} (
        name TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        rebuilt_at TEXT NOT NULL
      )`
    ])
  },
  {
    id: 2,
    name: "command ids scoped to their stream, command fingerprints and receipts",
    up: run((pg) =>
      pg
        ? [
          `ALTER TABLE ${t.commands} DROP CONSTRAINT "${t.bare.commands}_pkey",
            ADD PRIMARY KEY (stream_id, command_id),
            ADD COLUMN command_hash TEXT,
            ADD COLUMN receipt TEXT`
        ]
        : [
          `CREATE TABLE "${t.bare.commands}_v2" (
            stream_id TEXT NOT NULL,
            command_id TEXT NOT NULL,
            first_position INTEGER NOT NULL,
            last_position INTEGER NOT NULL,
            command_hash TEXT,
            receipt TEXT,
            PRIMARY KEY (stream_id, command_id)
          )`,
          `INSERT INTO "${t.bare.commands}_v2" (stream_id, command_id, first_position, last_position)
            SELECT stream_id, command_id, first_position, last_position FROM ${t.commands}`,
          `DROP TABLE ${t.commands}`,
          `ALTER TABLE "${t.bare.commands}_v2" RENAME TO "${t.bare.commands}"`
        ]
    )
  },
  {
    id: 3,
    name: "state snapshots",
    up: run(() => [
      `CREATE TABLE ${t.snapshots} (
        stream_id TEXT NOT NULL,
        name TEXT NOT NULL,
        version BIGINT NOT NULL CHECK (version >= 1),
        head TEXT NOT NULL,
        state_version INTEGER NOT NULL,
        state TEXT NOT NULL,
        PRIMARY KEY (stream_id, name)
      )`
    ])
  },
  {
    id: 4,
    name: "records shared by events",
    up: run(() => [
      `CREATE TABLE ${t.records} (
        ref TEXT PRIMARY KEY,
        json TEXT NOT NULL
      )`,
      `ALTER TABLE ${t.events} ADD COLUMN record TEXT`
    ])
  }
]

/** The tables of the store's placement that exist, by bare name. */
const existing = (t: Tables) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const rows = isPg(sql)
      ? yield* sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = ${t.schema ?? sql.literal("current_schema()")}`
      : yield* sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`
    return new Set(rows.map((r) => r.name))
  })

const latestApplied = (t: Tables) =>
  Effect.map(
    SqlClient.SqlClient.pipe(
      Effect.flatMap((sql) =>
        sql.unsafe<{ id: number | string | null }>(`SELECT MAX(migration_id) AS id FROM ${t.migrations}`)
      )
    ),
    (rows) => Number(rows[0]?.id ?? 0)
  )

/** What a database holds at the store's placement. */
export type Found =
  | { readonly _tag: "Empty" }
  | { readonly _tag: "Foreign"; readonly tables: ReadonlyArray<string> }
  | { readonly _tag: "Legacy"; readonly version: number }
  | { readonly _tag: "Store"; readonly version: number; readonly missing: ReadonlyArray<string> }

/** Looks at the catalogue (reads only). */
export const inspect = (t: Tables): Effect.Effect<Found, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const present = yield* existing(t)
    const storeTables = [t.bare.events, t.bare.commands, t.bare.readModels, t.bare.projections]
    if (present.has(t.bare.migrations)) {
      return {
        _tag: "Store",
        version: yield* latestApplied(t),
        missing: storeTables.filter((name) => !present.has(name))
      } as const
    }
    if (present.has(t.bare.legacyMigrations)) {
      const sql = yield* SqlClient.SqlClient
      const rows = yield* sql.unsafe<{ v: number | string | null }>(
        `SELECT MAX(version) AS v FROM ${t.legacyMigrations}`
      )
      return { _tag: "Legacy", version: Number(rows[0]?.v ?? 0) } as const
    }
    const foreign = storeTables.filter((name) => present.has(name))
    return foreign.length > 0 ? { _tag: "Foreign", tables: foreign } as const : { _tag: "Empty" } as const
  })

const known = (t: Tables) => migrations(t).length

const unusable = (location: string, reason: UnusableStore["reason"], detail?: string) =>
  new UnusableStore({ location, reason, ...(detail === undefined ? {} : { detail }) })

const newer = (location: string, version: number, t: Tables) =>
  unusable(location, "newer-version", `schema ${version} > ${known(t)}`)

/**
 * Refuses, for a read-only open, anything but a store at this code's schema version.
 */
export const checkReadable = (
  t: Tables,
  location: string
): Effect.Effect<void, UnusableStore | EventStore.StoreUnavailable | EventStore.StoreError, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const found = yield* inspect(t)
    switch (found._tag) {
      case "Empty":
        return yield* unusable(location, "not-a-store")
      case "Foreign":
        return yield* unusable(location, "not-a-store", `tables ${found.tables.join(", ")} are not a gsyf store`)
      case "Legacy":
        return yield* unusable(location, "needs-upgrade", `schema ${found.version} < ${known(t)}`)
      case "Store": {
        if (found.missing.length > 0) {
          return yield* unusable(location, "not-a-store", `missing tables ${found.missing.join(", ")}`)
        }
        if (found.version > known(t)) return yield* newer(location, found.version, t)
        if (found.version < known(t)) {
          return yield* unusable(location, "needs-upgrade", `schema ${found.version} < ${known(t)}`)
        }
        return
      }
      default:
        return found satisfies never
    }
  }).pipe(mapNotADatabase(location), mapSqlErrors("open"))

/** SQLite says a file that is not a database only when it is first read. */
const mapNotADatabase = (location: string) => <A, E, R>(effect: Effect.Effect<A, E | SqlError, R>) =>
  Effect.catchIf(
    effect,
    (e): e is SqlError => e instanceof SqlError && /SQLITE_NOTADB|file is not a database/i.test(String(e.cause)),
    () => Effect.fail(unusable(location, "not-a-database"))
  )

/**
 * Before the `Migrator` runs, under a lock (PostgreSQL: an advisory lock held by
 * the transaction): create the schema, refuse tables gsyf did not create, create
 * the migration table, and carry the versions of a gsyf 0.1 table over to it.
 */
const prepare = (t: Tables, location: string) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const pg = isPg(sql)
    if (pg) {
      yield* sql`SELECT pg_advisory_xact_lock(hashtext(${`gsyf migrate ${t.migrationsName}`}))`
      if (t.schema !== undefined) yield* sql.unsafe(`CREATE SCHEMA IF NOT EXISTS "${t.schema}"`)
    }
    const found = yield* inspect(t)
    if (found._tag === "Foreign") return yield* unusable(location, "foreign-tables", found.tables.join(", "))
    if (found._tag === "Store") {
      if (found.version > known(t)) return yield* newer(location, found.version, t)
      return
    }
    yield* sql.unsafe(
      pg
        ? `CREATE TABLE ${t.migrations} (migration_id integer PRIMARY KEY,
            created_at timestamp with time zone NOT NULL DEFAULT now(), name text NOT NULL)`
        : `CREATE TABLE ${t.migrations} (migration_id integer PRIMARY KEY NOT NULL,
            created_at datetime NOT NULL DEFAULT current_timestamp, name VARCHAR(255) NOT NULL)`
    )
    if (found._tag === "Legacy") {
      if (found.version > known(t)) return yield* newer(location, found.version, t)
      yield* sql.unsafe(
        `INSERT INTO ${t.migrations} (migration_id, name) SELECT version, name FROM ${t.legacyMigrations}`
      )
      yield* sql.unsafe(`DROP TABLE ${t.legacyMigrations}`)
    }
  })

const migrator = Migrator.make({})

/** A migration that failed reaches us as a defect carrying the `MigrationError`, whose cause is the `SqlError`. */
const migrationFailure = (cause: Cause.Cause<unknown>): EventStore.StoreUnavailable | EventStore.StoreError => {
  const defect = Cause.squash(cause) as { readonly cause?: unknown; readonly message?: unknown } | undefined
  if (defect?.cause instanceof SqlError) return classify("migrate", defect.cause)
  return new EventStore.StoreError({
    operation: "migrate",
    reason: typeof defect?.message === "string" ? defect.message : Cause.pretty(cause)
  })
}

/**
 * Applies the pending migrations in one transaction and returns the ids applied.
 * On SQLite a competing process holding the write lock is waited for.
 */
export const migrate = (
  t: Tables,
  location: string
): Effect.Effect<
  ReadonlyArray<number>,
  UnusableStore | EventStore.StoreUnavailable | EventStore.StoreError,
  SqlClient.SqlClient
> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const loader = Effect.succeed(
      migrations(t).map((m): Migrator.ResolvedMigration => [m.id, m.name, Effect.succeed(m.up)])
    )
    const applied = yield* sql.withTransaction(
      Effect.zipRight(prepare(t, location), migrator({ loader, table: t.migrationsName }))
    ).pipe(
      mapNotADatabase(location),
      Effect.catchTag("MigrationError", (e) =>
        Effect.fail(new EventStore.StoreError({ operation: "migrate", reason: e.message }))),
      mapSqlErrors("migrate"),
      Effect.catchAllDefect((defect) =>
        Effect.fail(migrationFailure(Cause.die(defect)))
      )
    )
    return applied.map(([id]) => id)
  }).pipe(
    Effect.retry({
      while: (e) => e._tag === "StoreUnavailable" && /SQLITE_BUSY/.test(e.reason),
      schedule: Schedule.spaced("50 millis").pipe(Schedule.intersect(Schedule.recurs(100)))
    })
  )
