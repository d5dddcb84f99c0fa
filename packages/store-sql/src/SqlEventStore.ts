/**
 * The gsyf event store written once against `@effect/sql`'s `SqlClient`; the
 * SQLite and PostgreSQL packages only choose the client. Dialect differences
 * (identity columns, the PostgreSQL transaction-id column that keeps `readAll`
 * gap-free, table locks for rebuilds) go through `sql.onDialectOrElse`.
 *
 * Tables (created by {@link migrate} through `@effect/sql`'s `Migrator`, which
 * records the applied migrations in `gsyf_schema_migrations`). Every name takes
 * the `tablePrefix` option (`gsyf_` gives `gsyf_events`, …), and on PostgreSQL
 * the tables may live in their own `schema`:
 *
 * | table | columns | keys |
 * | --- | --- | --- |
 * | `events` | `global_position, stream_id, position, type, schema_version, data, command_id, recorded_at, prev_hash,
 * hash, record` | PK `global_position`, UNIQUE `(stream_id, position)` |
 * | `commands` | `stream_id, command_id, first_position, last_position, command_hash, receipt` | PK `(stream_id,
 * command_id)` |
 * | `read_models` | `projection, key, doc, position` | PK `(projection, key)` |
 * | `projections` | `name, version, rebuilt_at` | PK `name` |
 * | `snapshots` | `stream_id, name, version, head, state_version, state` | PK `(stream_id, name)` |
 * | `records` | `ref, json` | PK `ref` |
 *
 * `data` and `doc` hold canonical JSON text (RFC 8785), exactly what is hashed;
 * `recorded_at` holds the ISO instant as text, for the same reason.
 *
 * `records` holds, once each, the records events share (`EventStore.NewEvent` `record`: who acted, the legal basis,
 * the rules evaluated): `json` is the record's canonical JSON and `ref` its SHA-256. An event's `data` names its
 * record (`"$record": ref`, so the chain's hash covers it) and `record` repeats the reference for reads, which fetch
 * the records of their rows once per store instance and take a record only when its text hashes to its reference;
 * `verify` checks every event's record against the table as it is. A record is written in the transaction of the
 * first append that uses it.
 *
 * An append is one transaction: the command row, the events (one multi-row
 * INSERT; on PostgreSQL a single `WITH … INSERT` statement writes both; an
 * append with more events than one statement can bind, up to the 10,000 allowed,
 * takes several INSERTs) and the read-model writes. The statements of the command
 * path (append, stream read) are parameterised text written once per dialect and
 * event count, and run with the tracer off unless `statementSpans` is set.
 * Concurrency control is the two unique
 * keys: a writer that read version `n` inserts position `n + 1`; if another
 * writer got there first the insert hits UNIQUE `(stream_id, position)` and the
 * append fails with `VersionConflict`; a command id seen before in the stream
 * hits the `commands` primary key and the append returns the original result
 * when the command's fingerprint (`command_hash`) is the same, and fails with
 * `CommandIdConflict` when it is not. No locks are taken, so any number of
 * application instances can share one database. With a `signer`, `receipt`
 * holds the host's signature of the command (see `AuditKey`).
 *
 * On PostgreSQL the store also offers `appendOrNewer` (what `CommandHandler`'s
 * caches send). At an expected version above 0 (a cached state) it is the
 * append's single statement: its insert at `n + 1` fails on the unique key when
 * any event follows `n`, and the store then reads the newer events (none: it
 * answers as `append` does). At version 0 (a stream taken to be new) it is one
 * statement whose first part reads the stream's events, and whose inserts of the
 * command row and the events run only when that read is empty; it returns either
 * the appended rows or the events. A writer committing between the read and the
 * insert is caught by the same unique keys (the store then answers a stored
 * command id, or reads the newer events). With projections it reads, then
 * appends.
 *
 * Opened with `readOnly: true` the store writes nothing at all: no migration,
 * no table, no projection rebuild; appends and rebuilds fail with `StoreError`,
 * and a database that is not a store at this code's schema version is refused
 * with `UnusableStore`.
 *
 * @since 0.1.0
 */
import * as SqlClient from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import { AuditKey, AuditTrail, EventStore, type InputError, Projection } from "@gsyf/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import * as errors from "./internal/errors.js"
import { RecordBook, type RecordRow } from "./internal/records.js"
import * as schema from "./internal/schema.js"
import { type Placement, type Tables, tables as placeTables } from "./internal/tables.js"
import type { UnusableStore } from "./UnusableStore.js"

const { mapSqlErrors } = errors

// -----------------------------------------------------------------------------
// errors
// -----------------------------------------------------------------------------

/**
 * Whether a driver error is a unique-key violation (PostgreSQL `23505`, SQLite `SQLITE_CONSTRAINT_UNIQUE` /
 * `_PRIMARYKEY`).
 *
 * @since 0.1.0
 * @category errors
 */
export const isUniqueViolation: (error: SqlError) => boolean = errors.isUniqueViolation

/**
 * Maps a driver error to the port's errors: lost or refused connections, a
 * database shutting down or a locked file become `StoreUnavailable`; anything
 * else `StoreError`.
 *
 * @since 0.1.0
 * @category errors
 */
export const classify: (
  operation: string,
  error: SqlError
) => EventStore.StoreUnavailable | EventStore.StoreError = errors.classify

// -----------------------------------------------------------------------------
// migrations
// -----------------------------------------------------------------------------

/**
 * A schema migration, as `@effect/sql`'s `Migrator` runs it.
 *
 * @since 0.1.0
 * @category migrations
 */
export interface Migration extends schema.Migration {}

/**
 * The schema for tables placed by `placement`, as ordered migrations. A released
 * migration is never edited; a change is a new migration.
 *
 * @since 0.1.0
 * @category migrations
 */
export const migrations = (
  placement: Placement = {}
): Either.Either<ReadonlyArray<Migration>, EventStore.StoreError> =>
  Either.map(placeTables(placement), schema.migrations)

/**
 * Applies the pending {@link migrations} with `@effect/sql`'s `Migrator`, in one
 * transaction, and returns the ids applied. On PostgreSQL an advisory lock makes
 * instances starting at once apply each migration exactly once; on SQLite a
 * process holding the write lock is waited for. A store written by gsyf 0.1
 * (versions in `gsyf_migrations`) is carried over. Refuses, with
 * `UnusableStore`, tables named like the store's that gsyf
 * did not create, and a store written by a newer gsyf.
 *
 * @since 0.1.0
 * @category migrations
 */
export const migrate = (
  placement: Placement & { readonly location?: string | undefined } = {}
): Effect.Effect<
  ReadonlyArray<number>,
  UnusableStore | EventStore.StoreUnavailable | EventStore.StoreError,
  SqlClient.SqlClient
> => Effect.flatMap(placeTables(placement), (t) => schema.migrate(t, placement.location ?? describe(t)))

/** The table names for the options, refusing a schema on a database that has none (SQLite). */
const placeFor = (placement: Placement) =>
  Effect.flatMap(
    SqlClient.SqlClient,
    (sql) =>
      Effect.flatMap(placeTables(placement), (t) =>
        t.schema !== undefined && !sql.onDialectOrElse({
            pg: () => true,
            orElse: () => false
          })
          ? Effect.fail(new EventStore.StoreError({ operation: "layer", reason: "schema is a PostgreSQL option" }))
          : Effect.succeed(t))
  )

const describe = (t: Tables) =>
  (t.schema === undefined ? "" : `${t.schema}.`) + (t.prefix === "" ? "(tables)" : `${t.prefix}*`)

// -----------------------------------------------------------------------------
// the store
// -----------------------------------------------------------------------------

/**
 * Runs one statement on a {@link DirectConnection} (prepared once, then reused) and
 * returns its rows; a statement that returns no rows gives an empty array.
 *
 * @since 0.2.0
 * @category models
 */
export type DirectQuery = <Row = Record<string, unknown>>(
  sql: string,
  params: ReadonlyArray<string | number | null>
) => ReadonlyArray<Row>

/**
 * Runs one statement on a {@link DirectConnection}, as {@link DirectQuery} does, and returns each row as the array
 * of its column values in the order selected (no object with named properties built per row, which costs a driver
 * such as better-sqlite3 more than reading the row).
 *
 * @since 0.2.0
 * @category models
 */
export type DirectValues = (
  sql: string,
  params: ReadonlyArray<string | number | null>
) => ReadonlyArray<ReadonlyArray<unknown>>

/**
 * A connection whose statements run synchronously on the calling thread (SQLite
 * through better-sqlite3). When the layer below the store provides one ({@link Direct}),
 * the command path — a stream read; an append without projections: BEGIN, the head
 * lookup, the command row, the events, COMMIT — runs as one call instead of one effect
 * per statement. The statements and the transaction are the same as through the client.
 *
 * @since 0.2.0
 * @category models
 */
export interface DirectConnection {
  /**
   * Runs `f` with nothing else on the connection meanwhile; fails with `SqlError`
   * (the thrown error as its cause) when `f` throws. `None` when the calling fiber is
   * inside a transaction of the client: the store then goes through the client. `values`, when the connection
   * offers it, is what a stream read uses.
   */
  readonly run: <A>(f: (query: DirectQuery, values?: DirectValues) => A) => Effect.Effect<Option.Option<A>, SqlError>
}

/**
 * The {@link DirectConnection} of the client, when it has one (optional).
 *
 * @since 0.2.0
 * @category models
 */
export class Direct extends Context.Tag("@gsyf/store-sql/SqlEventStore/Direct")<Direct, DirectConnection>() {}

/**
 * Options of {@link make} and {@link layer}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends EventStore.StoreOptions {
  /** Rows per query when reading streams and `readAll` (default 1,000). */
  readonly pageSize?: number | undefined
  /** How many stream heads (last position and hash) to remember between appends (default 10,000). */
  readonly headCacheSize?: number | undefined
  /** Run {@link migrate} when the layer starts (default `true`). */
  readonly migrate?: boolean | undefined
  /**
   * Trace every SQL statement the store runs as an `sql.execute` span (default
   * `false`: the statements of stream reads, appends, snapshots and `verify`, and the transactions of appends, run
   * with the tracer off, which saves a span per statement on the command path; spans around the store calls are
   * kept). The tracer is turned off only around what goes through the client: the direct connection of SQLite and
   * the prepared statements of PostgreSQL open no span.
   */
  readonly statementSpans?: boolean | undefined
  /**
   * Prefix of every table name (default none: `events`, `commands`, …). Lowercase
   * letters, digits and underscores, at most 30 characters, e.g. `"gsyf_"`.
   */
  readonly tablePrefix?: string | undefined
  /**
   * PostgreSQL only: the schema that holds the tables (default: the connection's
   * current schema, usually `public`); created when missing unless `readOnly`.
   */
  readonly schema?: string | undefined
  /**
   * Open without writing anything (default `false`): no migration, no table, no
   * projection rebuild; `append` and `rebuild` fail with `StoreError`, and a
   * database that is not a gsyf store at this code's schema version is refused
   * with `UnusableStore`.
   */
  readonly readOnly?: boolean | undefined
  /** How errors name the database (the SQLite and PostgreSQL layers pass the file or the database name). */
  readonly location?: string | undefined
  /**
   * Runs the statements of the command path (stream reads, the single-statement append, snapshots) when no
   * transaction is open, in place of `SqlClient.unsafe`; inside a transaction the `SqlClient` runs them. The
   * PostgreSQL layer passes one that sends them as prepared statements straight to its pool.
   */
  readonly execute?: Execute | undefined
}

/**
 * Runs one parameterised statement (its text is one of a small, fixed set per store) and returns its rows; see
 * {@link Options.execute}.
 *
 * @since 0.2.0
 * @category models
 */
export type Execute = <A extends object>(
  text: string,
  params: ReadonlyArray<unknown>
) => Effect.Effect<ReadonlyArray<A>, SqlError>

interface EventRow {
  readonly global_position: number | string | bigint
  readonly stream_id: string
  readonly position: number | string
  readonly type: string
  readonly schema_version: number | string
  readonly data: string
  readonly command_id: string
  readonly recorded_at: string
  readonly prev_hash: string
  readonly hash: string
  readonly record: string | null
}

// The data column is parsed when the event's data is first read (a replay parses each row as it decodes it).
const toStored = (row: EventRow, record: EventStore.StoredRecord | undefined): EventStore.StoredEvent =>
  EventStore.storedFromJson(
    row.stream_id,
    Number(row.position),
    Number(row.global_position),
    row.type,
    Number(row.schema_version),
    row.data,
    row.command_id,
    row.recorded_at,
    row.prev_hash,
    row.hash,
    record
  )

// A row of `columns` as the array of its values, in their order.
const toStoredValues = (
  v: ReadonlyArray<unknown>,
  record: EventStore.StoredRecord | undefined
): EventStore.StoredEvent =>
  EventStore.storedFromJson(
    v[1] as string,
    Number(v[2]),
    Number(v[0]),
    v[3] as string,
    Number(v[4]),
    v[5] as string,
    v[6] as string,
    v[7] as string,
    v[8] as string,
    v[9] as string,
    record
  )

// (the record an event names is put in by `verify`, from the records table as it is)
const toChained = (row: EventRow): Chained => ({
  streamId: row.stream_id,
  position: Number(row.position),
  type: row.type,
  schemaVersion: Number(row.schema_version),
  data: undefined,
  dataJson: row.data,
  commandId: row.command_id,
  recordedAt: row.recorded_at,
  prevHash: row.prev_hash,
  hash: row.hash,
  record: undefined,
  recordRef: row.record
})

// A row of `columns` as the array of its values, as `toChained` makes it from the row.
const toChainedValues = (v: ReadonlyArray<unknown>): Chained => ({
  streamId: v[1] as string,
  position: Number(v[2]),
  type: v[3] as string,
  schemaVersion: Number(v[4]),
  data: undefined,
  dataJson: v[5] as string,
  commandId: v[6] as string,
  recordedAt: v[7] as string,
  prevHash: v[8] as string,
  hash: v[9] as string,
  record: undefined,
  recordRef: v[10] as string | null
})

/** A row as `verify` walks it: the record its `record` column names is put in before the walk. */
interface Chained extends AuditTrail.ChainedEvent {
  record: { readonly ref: string; readonly json: string } | undefined
  readonly recordRef: string | null
}

const positionOf = (row: EventRow) => Number(row.position)
const recordOf = (row: EventRow) => row.record

interface CommandRow {
  readonly stream_id: string
  readonly command_id: string
  readonly first_position: number | string
  readonly last_position: number | string
  readonly command_hash: string | null
  readonly receipt: string | null
}

const toRecord = (row: CommandRow): EventStore.CommandRecord => ({
  streamId: row.stream_id,
  commandId: row.command_id,
  first: Number(row.first_position),
  last: Number(row.last_position),
  commandHash: row.command_hash ?? undefined,
  receipt: row.receipt ?? undefined
})

const commandColumnList = "stream_id, command_id, first_position, last_position, command_hash, receipt"

// (`toStoredValues` and `toChainedValues` read a row of these by index)
const columns =
  "global_position, stream_id, position, type, schema_version, data, command_id, recorded_at, prev_hash, hash, record"

/**
 * Builds the store over the `SqlClient` in context. Does not migrate; see {@link layer}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: Options = {}
): Effect.Effect<EventStore.Service, EventStore.StoreError, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const projections = options.projections ?? []
    yield* EventStore.checkProjections(projections)
    const t = yield* placeFor(options)
    const T = {
      events: sql.literal(t.events),
      commands: sql.literal(t.commands),
      readModels: sql.literal(t.readModels),
      projections: sql.literal(t.projections)
    }
    const readOnly = options.readOnly === true
    const signer = options.signer
    // SQLite through better-sqlite3: the command path runs as one synchronous call.
    const direct = Option.getOrUndefined(yield* Effect.serviceOption(Direct))
    const refuseWrite = (operation: string) =>
      Effect.fail(
        new EventStore.StoreError({
          operation,
          reason: "存储以只读方式打开 / the store was opened read-only"
        })
      )
    const pageSize = Math.max(1, options.pageSize ?? 1000)
    const headCacheSize = Math.max(0, options.headCacheSize ?? 10_000)
    const cols = sql.literal(columns)
    const commandCols = sql.literal(commandColumnList)
    // The tracer is turned off around the command path's work that goes through the client (whose statements and
    // transactions each open a span), not around whole calls: the direct connection and `options.execute` open no
    // span, and turning it off and on again costs a command more than its statements' own work in the driver.
    const quiet = options.statementSpans === true
      ? <A, E, R>(effect: Effect.Effect<A, E, R>) => effect
      : <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.withTracerEnabled(effect, false)

    // The command path's statements: through `options.execute` outside transactions, else through the client.
    const execute = options.execute
    const run: Execute = execute === undefined
      ? (text, params) => quiet(sql.unsafe(text, params))
      : (text, params) =>
        Effect.flatMap(
          Effect.serviceOption(SqlClient.TransactionConnection),
          (tx) => Option.isNone(tx) ? execute(text, params) : quiet(sql.unsafe(text, params))
        )

    // The hash at (stream, position) never changes once written, so a remembered
    // head is always right for that position; if the stream has moved on, the
    // insert at position + 1 hits the unique key as it would without the cache.
    const heads = new Map<string, { readonly position: number; readonly hash: string }>()
    const remember = (streamId: string, position: number, hash: string) => {
      if (headCacheSize === 0) return
      if (heads.size >= headCacheSize && !heads.has(streamId)) heads.clear()
      heads.set(streamId, { position, hash })
    }

    // PostgreSQL hands out identity values before commit, so a reader could see
    // global position 11 committed while 10 is still in flight and skip it for
    // good. Only rows whose transaction is older than every running one are read.
    const gapSafe = sql.onDialectOrElse({
      pg: () => sql`AND tx_id < pg_snapshot_xmin(pg_current_snapshot())`,
      orElse: () => sql``
    })

    const readPage = (after: number, size: number, safe: boolean) =>
      sql<EventRow>`SELECT ${cols} FROM ${T.events} WHERE global_position > ${after} ${safe ? gapSafe : sql``}
        ORDER BY global_position LIMIT ${size}`

    // The statements of the command path are written out once per dialect (and per event
    // count) and sent as parameterised text, skipping the statement builder on every call.
    const isPg = sql.onDialectOrElse({ pg: () => true, orElse: () => false })
    const placeholders = (from: number, count: number) => {
      let out = ""
      for (let i = 0; i < count; i++) out += (i === 0 ? "" : ", ") + (isPg ? `$${from + i}` : "?")
      return out
    }
    const readStreamText = `SELECT ${columns} FROM ${t.events} WHERE stream_id = ${
      placeholders(1, 1)
    } AND position >= ${placeholders(2, 1)} ORDER BY position LIMIT ${placeholders(3, 1)}`

    // The records rows name: the ones this instance knows, the others fetched (a few hundred references a statement)
    // and taken when their text hashes to their reference. For `verify`, the records table as it is, unchecked (the
    // audit trail checks each record against the reference its event's hashed data names).
    const book = new RecordBook()
    const recordsText = (count: number) => `SELECT ref, json FROM ${t.records} WHERE ref IN (${placeholders(1, count)})`
    const recordChunk = 500
    const chunksOf = (refs: ReadonlyArray<string>) => {
      const out: Array<Array<string>> = []
      for (let i = 0; i < refs.length; i += recordChunk) out.push(refs.slice(i, i + recordChunk))
      return out
    }
    const fetchRecords = (refs: ReadonlyArray<string>): Effect.Effect<Array<RecordRow>, SqlError> =>
      refs.length === 0
        ? Effect.succeed([])
        : Effect.map(
          Effect.forEach(chunksOf(refs), (chunk) => run<RecordRow>(recordsText(chunk.length), chunk)),
          (pages) => pages.flat()
        )
    const fetchRecordsDirect = (query: DirectQuery, refs: ReadonlyArray<string>): Array<RecordRow> =>
      chunksOf(refs).flatMap((chunk) => query<RecordRow>(recordsText(chunk.length), chunk))
    const recordsOf = (refs: Iterable<unknown>) => {
      const { found, missing } = book.lookup(refs)
      return Effect.map(fetchRecords(missing), (rows) => {
        book.read(rows, found)
        return found
      })
    }
    const recordsOfDirect = (query: DirectQuery, refs: Iterable<unknown>) => {
      const { found, missing } = book.lookup(refs)
      if (missing.length > 0) book.read(fetchRecordsDirect(query, missing), found)
      return found
    }
    const tableRecords = (refs: Iterable<unknown>, fetched: ReadonlyArray<RecordRow>) => {
      const wanted = new Set<unknown>(refs)
      return new Map(fetched.filter((r) => wanted.has(r.ref)).map((r) => [r.ref, r]))
    }
    const distinctRefs = (refs: Iterable<unknown>) => {
      const out = new Set<string>()
      for (const ref of refs) if (typeof ref === "string") out.add(ref)
      return [...out]
    }
    type Found = ReadonlyMap<string, EventStore.StoredRecord>
    const storedRow = (found: Found) => (row: EventRow) =>
      toStored(row, row.record === null ? undefined : found.get(row.record))
    const storedValues = (found: Found) => (v: ReadonlyArray<unknown>) =>
      toStoredValues(v, typeof v[10] === "string" ? found.get(v[10]) : undefined)
    /** Rows as stored events, with the records they name. */
    const storedRows = (rows: ReadonlyArray<EventRow>) =>
      Effect.map(recordsOf(rows.map((r) => r.record)), (found) => rows.map(storedRow(found)))
    /**
     * The same with every record read from the table as it is now (`readAll`: audits and rebuilds see a record altered
     * since this instance read it, and the events that name it come without it).
     */
    const storedRowsFromTable = (rows: ReadonlyArray<EventRow>) => {
      const refs = distinctRefs(rows.map((r) => r.record))
      return Effect.map(fetchRecords(refs), (fetched) => {
        const found = new Map<string, EventStore.StoredRecord>()
        book.read(fetched, found)
        return rows.map(storedRow(found))
      })
    }

    // At most `limit` events of a stream from `from`, through the client, page after page.
    const readStreamClient = (streamId: string, from: number, limit: number) => {
      const size = (read: number) => Math.min(pageSize, limit - read)
      const page = (
        rows: ReadonlyArray<EventRow>,
        asked: number,
        out: Array<EventStore.StoredEvent>
      ): Effect.Effect<Array<EventStore.StoredEvent>, SqlError> =>
        Effect.flatMap(storedRows(rows), (stored) => {
          for (const e of stored) out.push(e)
          if (rows.length < asked || out.length >= limit) return Effect.succeed(out)
          const next = [streamId, Number(rows[rows.length - 1]!.position) + 1, size(out.length)]
          return Effect.flatMap(run<EventRow>(readStreamText, next), (rows) => page(rows, size(out.length), out))
        })
      return Effect.flatMap(run<EventRow>(readStreamText, [streamId, from, size(0)]), (rows) => page(rows, size(0), []))
    }
    // A stream from `from` on the direct connection, page after page, then the records its rows name (`records`),
    // then each row made by `ofValues` (from the array of its values, when the connection gives rows so) or `ofRow`.
    const readDirect = <T, F>(
      streamId: string,
      from: number,
      limit: number,
      records: (query: DirectQuery, refs: Iterable<unknown>) => F,
      ofValues: (found: F) => (values: ReadonlyArray<unknown>) => T,
      ofRow: (found: F) => (row: EventRow) => T
    ) =>
    (query: DirectQuery, values?: DirectValues): Array<T> => {
      if (values !== undefined) {
        const rows = readPages(streamId, from, limit, (params) => values(readStreamText, params), (v) => Number(v[2]))
        return rows.map(ofValues(records(query, rows.map((v) => v[10]))))
      }
      const rows = readPages(streamId, from, limit, (params) => query<EventRow>(readStreamText, params), positionOf)
      return rows.map(ofRow(records(query, rows.map(recordOf))))
    }
    const readPages = <R>(
      streamId: string,
      from: number,
      limit: number,
      page: (params: ReadonlyArray<string | number>) => ReadonlyArray<R>,
      positionOf: (row: R) => number
    ): Array<R> => {
      const out: Array<R> = []
      for (let next = from;;) {
        const asked = Math.min(pageSize, limit - out.length)
        const rows = page([streamId, next, asked])
        for (const r of rows) out.push(r)
        if (rows.length < asked || out.length >= limit) return out
        next = positionOf(out[out.length - 1]!) + 1
      }
    }
    // At most `limit` events of a stream from `fromPosition` (every one when `limit` is infinite).
    const readStreamRaw = (streamId: string, fromPosition: number, limit = Number.POSITIVE_INFINITY) => {
      const from = Math.max(1, fromPosition)
      if (direct === undefined) return readStreamClient(streamId, from, limit)
      return Effect.flatMap(
        direct.run(readDirect(streamId, from, limit, recordsOfDirect, storedValues, storedRow)),
        (read) => Option.isSome(read) ? Effect.succeed(read.value) : readStreamClient(streamId, from, limit)
      )
    }

    const readStreamRows = (streamId: string) => {
      const page = (rows: ReadonlyArray<EventRow>, out: Array<EventRow>): Effect.Effect<Array<EventRow>, SqlError> => {
        for (const r of rows) out.push(r)
        if (rows.length < pageSize) return Effect.succeed(out)
        return Effect.flatMap(
          run<EventRow>(readStreamText, [streamId, Number(rows[rows.length - 1]!.position) + 1, pageSize]),
          (next) => page(next, out)
        )
      }
      return Effect.flatMap(run<EventRow>(readStreamText, [streamId, 1, pageSize]), (rows) => page(rows, []))
    }

    // A whole stream as the audit trail verifies it: on the direct connection when there is one.
    const readChained = (streamId: string): Effect.Effect<ReadonlyArray<AuditTrail.ChainedEvent>, SqlError> => {
      const throughClient = Effect.flatMap(readStreamRows(streamId), (rows) => {
        const chained = rows.map(toChained)
        const refs = distinctRefs(chained.map((e) => e.recordRef))
        return Effect.map(fetchRecords(refs), (fetched) => withTableRecords(chained, tableRecords(refs, fetched)))
      })
      if (direct === undefined) return throughClient
      const fromTable = (query: DirectQuery, refs: Iterable<unknown>) => {
        const wanted = distinctRefs(refs)
        return tableRecords(wanted, fetchRecordsDirect(query, wanted))
      }
      return Effect.flatMap(
        direct.run(
          readDirect(
            streamId,
            1,
            Number.POSITIVE_INFINITY,
            fromTable,
            withTableRecord(toChainedValues),
            withTableRecord(toChained)
          )
        ),
        (read) => Option.isSome(read) ? Effect.succeed(read.value) : throughClient
      )
    }
    // Each row with the record its `record` column names, as the table holds it (none when the table does not).
    const withTableRecords = (rows: Array<Chained>, table: ReadonlyMap<string, RecordRow>) => {
      for (const e of rows) if (e.recordRef !== null) e.record = table.get(e.recordRef)
      return rows
    }
    const withTableRecord = <R>(of: (row: R) => Chained) => (table: ReadonlyMap<string, RecordRow>) => (row: R) => {
      const e = of(row)
      if (e.recordRef !== null) e.record = table.get(e.recordRef)
      return e
    }

    const versionOf = (streamId: string) =>
      Effect.map(
        sql<{ v: number | string | null }>`SELECT MAX(position) AS v FROM ${T.events} WHERE stream_id = ${streamId}`,
        (rows) => Number(rows[0]?.v ?? 0)
      )

    const commandResult = (streamId: string, commandId: string) =>
      Effect.gen(function*() {
        const rows = yield* sql<CommandRow>`SELECT ${commandCols} FROM ${T.commands}
          WHERE stream_id = ${streamId} AND command_id = ${commandId}`
        const c = rows[0]
        if (c === undefined) return Option.none<EventStore.StoredCommand>()
        const record = toRecord(c)
        const eventRows = yield* sql<EventRow>`SELECT ${cols} FROM ${T.events} WHERE stream_id = ${streamId}
          AND position >= ${record.first} AND position <= ${record.last} ORDER BY position`
        const events = yield* storedRows(eventRows)
        return Option.some<EventStore.StoredCommand>({
          ...record,
          version: record.last,
          events,
          duplicate: true
        })
      })

    const listCommands: EventStore.Service["listCommands"] = () =>
      Stream.paginateEffect(undefined as CommandRow | undefined, (after) =>
        Effect.map(
          after === undefined
            ? sql<CommandRow>`SELECT ${commandCols} FROM ${T.commands}
                ORDER BY stream_id, first_position LIMIT ${pageSize}`
            : sql<CommandRow>`SELECT ${commandCols} FROM ${T.commands}
                WHERE stream_id > ${after.stream_id}
                  OR (stream_id = ${after.stream_id} AND first_position > ${Number(after.first_position)})
                ORDER BY stream_id, first_position LIMIT ${pageSize}`,
          (rows) =>
            [rows.map(toRecord), rows.length < pageSize ? Option.none() : Option.some(rows[rows.length - 1])] as const
        ).pipe(mapSqlErrors("listCommands"))).pipe(Stream.flattenIterables)

    const loadDoc = (projection: string, key: string) =>
      Effect.map(
        sql<{ doc: string }>`SELECT doc FROM ${T.readModels} WHERE projection = ${projection} AND key = ${key}`,
        (rows) => rows[0]?.doc
      )

    const writeChanges = (changes: ReadonlyArray<Projection.ReadModelChange>) =>
      Effect.gen(function*() {
        const upserts = changes.filter((c) => c.doc !== null)
        for (const c of changes) {
          if (
            c.doc === null
          ) yield* sql`DELETE FROM ${T.readModels} WHERE projection = ${c.projection} AND key = ${c.key}`
        }
        if (upserts.length > 0) {
          yield* sql`INSERT INTO ${T.readModels} ${
            sql.insert(upserts.map((c) => ({ projection: c.projection, key: c.key, doc: c.doc, position: c.position })))
          } ON CONFLICT (projection, key) DO UPDATE SET doc = excluded.doc, position = excluded.position`
        }
      })

    class Conflict {
      constructor(readonly streamId: string) {}
    }

    const commandColumns = commandColumnList
    const eventColumns =
      "stream_id, position, type, schema_version, data, command_id, recorded_at, prev_hash, hash, record"
    const eventValues = (from: number, count: number) => {
      let out = ""
      for (let i = 0; i < count; i++) out += (i === 0 ? "" : ", ") + `(${placeholders(from + 10 * i, 10)})`
      return out
    }
    // The records an append's events name that this instance does not know to be stored, written before the events
    // in the append's transaction (a record another writer stored meanwhile is left as it is: it is the same text).
    const insertRecordsText = (count: number) => {
      let values = ""
      for (let i = 0; i < count; i++) values += (i === 0 ? "" : ", ") + `(${placeholders(1 + 2 * i, 2)})`
      return `INSERT INTO ${t.records} (ref, json) VALUES ${values} ON CONFLICT (ref) DO NOTHING`
    }
    const recordParams = (records: ReadonlyArray<RecordRow>) => records.flatMap((r) => [r.ref, r.json])
    const insertRecords = (records: ReadonlyArray<RecordRow>) =>
      Effect.forEach(chunksOf(records.map((r) => r.ref)), (_, i) => {
        const chunk = records.slice(i * recordChunk, (i + 1) * recordChunk)
        return sql.unsafe(insertRecordsText(chunk.length), recordParams(chunk))
      }, { discard: true })
    const insertRecordsDirect = (query: DirectQuery, records: ReadonlyArray<RecordRow>) => {
      for (let i = 0; i < records.length; i += recordChunk) {
        const chunk = records.slice(i, i + recordChunk)
        query(insertRecordsText(chunk.length), recordParams(chunk))
      }
    }
    const readHashText = `SELECT hash FROM ${t.events} WHERE stream_id = ${placeholders(1, 1)} AND position = ${
      placeholders(2, 1)
    }`
    const insertCommandText = `INSERT INTO ${t.commands} (${commandColumns}) VALUES (${placeholders(1, 6)})`
    const insertEventsTexts = new Map<number, string>()
    // PostgreSQL: the command row and the events in one statement; SQLite: the events statement alone.
    const insertEventsText = (count: number) => {
      let text = insertEventsTexts.get(count)
      if (text === undefined) {
        text = isPg
          ? `WITH command AS (${insertCommandText}) INSERT INTO ${t.events} (${eventColumns}) VALUES ${
            eventValues(7, count)
          } RETURNING global_position, position`
          : `INSERT INTO ${t.events} (${eventColumns}) VALUES ${
            eventValues(1, count)
          } RETURNING global_position, position`
        if (count <= 64) insertEventsTexts.set(count, text)
      }
      return text
    }
    // Bound parameters per statement: PostgreSQL allows 65,535, SQLite (3.32+) 32,766.
    const maxEventsPerStatement = isPg ? 6000 : 3000

    // The hash the append chains from when it is known without a read: genesis or the remembered head.
    const knownPrevHash = (prepared: EventStore.PreparedAppend): string | undefined => {
      if (prepared.expectedVersion === 0) return AuditTrail.genesisHash
      const head = heads.get(prepared.streamId)
      return head !== undefined && head.position === prepared.expectedVersion ? head.hash : undefined
    }
    const sealFor = (prepared: EventStore.PreparedAppend, commandHash: string, prevHash: string, at: string) => {
      const sealed = EventStore.seal(prepared, prevHash, at)
      const first = sealed[0]!.position
      const last = sealed[sealed.length - 1]!
      const receipt = signer === undefined ? null : AuditKey.signReceipt(signer, {
        streamId: prepared.streamId,
        commandId: prepared.commandId,
        commandHash,
        first,
        last: last.position,
        head: last.hash
      })
      return {
        sealed,
        commandParams: [prepared.streamId, prepared.commandId, first, last.position, commandHash, receipt]
      }
    }
    const eventParams = (events: ReadonlyArray<EventStore.SealedEvent>) => {
      const params: Array<string | number | null> = []
      for (const e of events) {
        params.push(
          e.streamId,
          e.position,
          e.type,
          e.schemaVersion,
          e.dataJson,
          e.commandId,
          e.recordedAt,
          e.prevHash,
          e.hash,
          e.record?.ref ?? null
        )
      }
      return params
    }
    type Returned = { global_position: number | string | bigint; position: number | string }
    const storedOf = (sealed: ReadonlyArray<EventStore.SealedEvent>, returned: ReadonlyArray<Returned>) => {
      const globalByPosition = new Map<number, number>()
      for (const r of returned) globalByPosition.set(Number(r.position), Number(r.global_position))
      return sealed.map((e): EventStore.StoredEvent => ({
        streamId: e.streamId,
        position: e.position,
        globalPosition: globalByPosition.get(e.position)!,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: JSON.parse(e.dataJson),
        commandId: e.commandId,
        recordedAt: e.recordedAt,
        prevHash: e.prevHash,
        hash: e.hash,
        ...(e.record === undefined ? {} : { record: e.record })
      }))
    }

    const insertAppendClient = (prepared: EventStore.PreparedAppend, commandHash: string, recordedAt: string) => {
      const body = Effect.gen(function*() {
        let prevHash = knownPrevHash(prepared)
        if (prevHash === undefined) {
          const rows = yield* run<{ hash: string }>(readHashText, [prepared.streamId, prepared.expectedVersion])
          prevHash = rows[0]?.hash
        }
        if (prevHash === undefined) return yield* Effect.fail(new Conflict(prepared.streamId))
        const { commandParams, sealed } = sealFor(prepared, commandHash, prevHash, recordedAt)
        const records = book.unknown(prepared)
        if (records.length > 0) yield* insertRecords(records)
        let returned: ReadonlyArray<Returned>
        if (isPg && sealed.length <= maxEventsPerStatement && records.length === 0) {
          // One statement writes the command and the events (atomic on its own).
          returned = yield* run<Returned>(insertEventsText(sealed.length), [
            ...commandParams,
            ...eventParams(sealed)
          ])
        } else {
          // SQLite has no data-modifying CTEs, and very large appends take several statements:
          // all of them run in the surrounding transaction.
          yield* sql.unsafe(insertCommandText, commandParams)
          const all: Array<Returned> = []
          for (let i = 0; i < sealed.length; i += maxEventsPerStatement) {
            const chunk = sealed.slice(i, i + maxEventsPerStatement)
            const text = isPg
              ? `INSERT INTO ${t.events} (${eventColumns}) VALUES ${
                eventValues(1, chunk.length)
              } RETURNING global_position, position`
              : insertEventsText(chunk.length)
            all.push(...(yield* sql.unsafe<Returned>(text, eventParams(chunk))))
          }
          returned = all
        }
        const stored = storedOf(sealed, returned)
        if (projections.length > 0) {
          const changes = yield* Projection.run(projections, stored, loadDoc).pipe(
            Effect.catchTag("ProjectionFailed", (e) => Effect.fail(EventStore.fromProjectionFailed(e)))
          )
          yield* writeChanges(changes)
        }
        return stored
      })
      // Without projections or records to write, PostgreSQL needs no explicit transaction: the single statement is one.
      return isPg && projections.length === 0 && prepared.events.length <= maxEventsPerStatement &&
          book.unknown(prepared).length === 0
        ? body
        : quiet(sql.withTransaction(body))
    }

    // The same transaction as through the client, run in one synchronous call: BEGIN, the
    // head (unless remembered), the command row, the events, COMMIT; ROLLBACK on any throw.
    // `undefined` when the expected position holds no event.
    const appendDirect =
      (prepared: EventStore.PreparedAppend, commandHash: string, recordedAt: string) =>
      (query: DirectQuery): Array<EventStore.StoredEvent> | undefined => {
        query("BEGIN", [])
        try {
          const prevHash = knownPrevHash(prepared) ??
            query<{ hash: string }>(readHashText, [prepared.streamId, prepared.expectedVersion])[0]?.hash
          if (prevHash === undefined) {
            query("ROLLBACK", [])
            return undefined
          }
          const { commandParams, sealed } = sealFor(prepared, commandHash, prevHash, recordedAt)
          insertRecordsDirect(query, book.unknown(prepared))
          query(insertCommandText, commandParams)
          const returned = query<Returned>(insertEventsText(sealed.length), eventParams(sealed))
          query("COMMIT", [])
          return storedOf(sealed, returned)
        } catch (e) {
          try {
            query("ROLLBACK", [])
          } catch {
            // the failed statement already ended the transaction
          }
          throw e
        }
      }

    // Once committed, the records the events name are known to be stored.
    const insertAppend = (prepared: EventStore.PreparedAppend, commandHash: string, recordedAt: string) =>
      Effect.tap(insertAppendOnce(prepared, commandHash, recordedAt), (stored) => book.written(stored))
    const insertAppendOnce = (prepared: EventStore.PreparedAppend, commandHash: string, recordedAt: string) => {
      if (direct === undefined || isPg || projections.length > 0 || prepared.events.length > maxEventsPerStatement) {
        return insertAppendClient(prepared, commandHash, recordedAt)
      }
      return Effect.flatMap(direct.run(appendDirect(prepared, commandHash, recordedAt)), (done) =>
        Option.isNone(done)
          ? insertAppendClient(prepared, commandHash, recordedAt)
          : done.value === undefined
          ? Effect.fail(new Conflict(prepared.streamId))
          : Effect.succeed(done.value))
    }

    const append: EventStore.Service["append"] = (streamId, expectedVersion, commandId, events, appendOptions) =>
      Effect.gen(function*() {
        const prepared = yield* EventStore.prepareAppend(streamId, expectedVersion, commandId, events, appendOptions)
        if (prepared.events.length === 0) {
          const version = yield* quiet(versionOf(prepared.streamId)).pipe(mapSqlErrors("append"))
          return { streamId: prepared.streamId, commandId: prepared.commandId, version, events: [], duplicate: false }
        }
        const recordedAt = yield* EventStore.now
        // built only when the insert hit a unique key
        const conflictOrDuplicate = () =>
          quiet(Effect.gen(function*() {
            const previous = yield* commandResult(prepared.streamId, prepared.commandId)
            if (Option.isSome(previous)) return yield* EventStore.duplicateOf(previous.value, prepared.commandHash)
            const actual = yield* versionOf(prepared.streamId)
            return yield* new EventStore.VersionConflict({
              streamId: prepared.streamId,
              expected: prepared.expectedVersion,
              actual
            })
          }))
        const result = yield* insertAppend(prepared, prepared.commandHash, recordedAt).pipe(
          Effect.map((stored): EventStore.AppendResult => ({
            streamId: prepared.streamId,
            commandId: prepared.commandId,
            version: stored[stored.length - 1]!.position,
            events: stored,
            duplicate: false
          })),
          Effect.catchIf(
            (e): e is Conflict | SqlError => e instanceof Conflict || (e instanceof SqlError && isUniqueViolation(e)),
            conflictOrDuplicate
          ),
          mapSqlErrors("append")
        )
        if (!result.duplicate) {
          const last = result.events[result.events.length - 1]!
          remember(last.streamId, last.position, last.hash)
        }
        return result
      })

    // PostgreSQL: the events after the expected version and, only when there are none, the command row and the
    // events, in one statement (atomic on its own). Parameters: stream, expected version, page size, the command row
    // (id, first and last position, fingerprint, receipt), the time recorded, then seven per event. Its rows are the
    // appended events (no type) or the newer events, up to a page.
    const appendOrNewerTexts = new Map<number, string>()
    const appendOrNewerText = (count: number) => {
      let text = appendOrNewerTexts.get(count)
      if (text === undefined) {
        let values = ""
        for (let i = 0, p = 10; i < count; i++, p += 7) {
          values += `${i === 0 ? "" : ", "}($1, $${p}::integer, $${p + 1}, $${p + 2}::integer, $${p + 3}, $4, $9, $${
            p + 4
          }, $${p + 5}, $${p + 6})`
        }
        text = `WITH newer AS (SELECT ${columns} FROM ${t.events}
            WHERE stream_id = $1 AND position > $2 ORDER BY position LIMIT $3),
          command AS (INSERT INTO ${t.commands} (${commandColumns})
            SELECT $1, $4, $5::integer, $6::integer, $7, $8 WHERE NOT EXISTS (SELECT FROM newer) RETURNING 1),
          appended AS (INSERT INTO ${t.events} (${eventColumns})
            SELECT * FROM (VALUES ${values}) AS v WHERE EXISTS (SELECT FROM command)
            RETURNING global_position, position)
        SELECT global_position, NULL AS stream_id, position, NULL AS type, NULL::integer AS schema_version,
          NULL AS data, NULL AS command_id, NULL AS recorded_at, NULL AS prev_hash, NULL AS hash, NULL AS record
          FROM appended
        UNION ALL SELECT ${columns} FROM newer ORDER BY position`
        if (count <= 64) appendOrNewerTexts.set(count, text)
      }
      return text
    }
    const appendOrNewerParams = (prepared: EventStore.PreparedAppend, prevHash: string, recordedAt: string) => {
      const { commandParams, sealed } = sealFor(prepared, prepared.commandHash, prevHash, recordedAt)
      const params: Array<string | number | null> = [
        prepared.streamId,
        prepared.expectedVersion,
        pageSize,
        prepared.commandId,
        commandParams[2]!,
        commandParams[3]!,
        prepared.commandHash,
        commandParams[5]!,
        recordedAt
      ]
      for (const e of sealed) {
        params.push(e.position, e.type, e.schemaVersion, e.dataJson, e.prevHash, e.hash, e.record?.ref ?? null)
      }
      return { params, sealed }
    }

    /** The events after a version: all of them, following a first page read with the append. */
    const newerFrom = (streamId: string, rows: ReadonlyArray<EventRow>) =>
      Effect.flatMap(storedRows(rows), (page) => {
        if (rows.length < pageSize) return Effect.succeed(page)
        return Effect.map(readStreamRaw(streamId, page[page.length - 1]!.position + 1), (rest) => [...page, ...rest])
      })

    const appendedOf = (
      prepared: EventStore.PreparedAppend,
      stored: ReadonlyArray<EventStore.StoredEvent>
    ): EventStore.AppendOrNewer => ({
      _tag: "Appended",
      result: {
        streamId: prepared.streamId,
        commandId: prepared.commandId,
        version: stored[stored.length - 1]!.position,
        events: stored,
        duplicate: false
      }
    })

    // After the statement hit a unique key (a writer got there first, or the command id is stored): the original
    // outcome, else the newer events, else (the stream is behind the expected version) the conflict.
    const duplicateOrNewer = (prepared: EventStore.PreparedAppend) =>
      quiet(Effect.gen(function*() {
        const previous = yield* commandResult(prepared.streamId, prepared.commandId)
        if (Option.isSome(previous)) {
          const result = yield* EventStore.duplicateOf(previous.value, prepared.commandHash)
          return { _tag: "Appended", result } as const
        }
        const newer = yield* readStreamRaw(prepared.streamId, prepared.expectedVersion + 1)
        if (newer.length > 0) return { _tag: "Newer", events: newer } as const
        const actual = yield* versionOf(prepared.streamId)
        return yield* new EventStore.VersionConflict({
          streamId: prepared.streamId,
          expected: prepared.expectedVersion,
          actual
        })
      }))

    // After the append's INSERT hit a unique key: the newer events when there are any (a writer got there first;
    // nothing was written, not even the command row), else what `append` answers (a stored command id, or the
    // stream behind the expected version).
    const newerOrDuplicate = (prepared: EventStore.PreparedAppend) =>
      Effect.flatMap(
        readStreamRaw(prepared.streamId, prepared.expectedVersion + 1),
        (newer): Effect.Effect<EventStore.AppendOrNewer, EventStore.AppendError | SqlError> =>
          newer.length > 0 ? Effect.succeed({ _tag: "Newer", events: newer }) : duplicateOrNewer(prepared)
      )

    const appendOrNewerStatement = (prepared: EventStore.PreparedAppend, recordedAt: string) =>
      Effect.gen(function*() {
        let prevHash = knownPrevHash(prepared)
        if (prevHash === undefined) {
          const rows = yield* run<{ hash: string }>(readHashText, [prepared.streamId, prepared.expectedVersion])
          prevHash = rows[0]?.hash
        }
        if (prevHash === undefined) return yield* Effect.fail(new Conflict(prepared.streamId))
        const { params, sealed } = appendOrNewerParams(prepared, prevHash, recordedAt)
        const rows = yield* run<EventRow>(appendOrNewerText(sealed.length), params)
        if (rows.length === 0) return yield* Effect.fail(new Conflict(prepared.streamId))
        if (rows[0]!.type !== null) return { _tag: "Newer", events: yield* newerFrom(prepared.streamId, rows) } as const
        const stored = storedOf(sealed, rows)
        book.written(stored)
        return appendedOf(prepared, stored)
      })

    // The newer events, else the append; one that loses a race to another writer gets the newer events too.
    const readThenAppend = (
      prepared: EventStore.PreparedAppend,
      appending: Effect.Effect<EventStore.AppendResult, EventStore.AppendError>
    ): Effect.Effect<EventStore.AppendOrNewer, EventStore.AppendError> => {
      const newer = readStreamRaw(prepared.streamId, prepared.expectedVersion + 1).pipe(mapSqlErrors("append"))
      return Effect.flatMap(newer, (events) =>
        events.length > 0
          ? Effect.succeed({ _tag: "Newer", events } as const)
          : appending.pipe(
            Effect.map((result) => ({ _tag: "Appended", result }) as const),
            Effect.catchIf(
              (e) => e._tag === "VersionConflict" && e.actual > e.expected,
              () => Effect.map(newer, (events) => ({ _tag: "Newer", events }) as const)
            )
          ))
    }

    const appendOrNewer: NonNullable<EventStore.Service["appendOrNewer"]> = (
      streamId,
      expectedVersion,
      commandId,
      events,
      appendOptions
    ) =>
      Effect.gen(function*() {
        const prepared = yield* EventStore.prepareAppend(streamId, expectedVersion, commandId, events, appendOptions)
        // With projections or records to write (a transaction of several statements) or a very large append: read,
        // then append.
        if (
          prepared.events.length === 0 || projections.length > 0 || prepared.events.length > maxEventsPerStatement ||
          book.unknown(prepared).length > 0
        ) {
          return yield* readThenAppend(prepared, append(streamId, expectedVersion, commandId, events, appendOptions))
        }
        const recordedAt = yield* EventStore.now
        const isConflict = (e: unknown): e is Conflict | SqlError =>
          e instanceof Conflict || (e instanceof SqlError && isUniqueViolation(e))
        const outcome: EventStore.AppendOrNewer = yield* (prepared.expectedVersion > 0
          // A version the caller has seen (a cached state, which another writer seldom overtakes): the INSERT of
          // `append`, whose unique key on (stream, position) is the check, the newer events read only when it fails.
          // Cheaper for the server than the statement below, which reads before writing.
          ? Effect.map(
            insertAppend(prepared, prepared.commandHash, recordedAt),
            (stored) => appendedOf(prepared, stored)
          )
            .pipe(Effect.catchIf(isConflict, () => newerOrDuplicate(prepared)))
          // A stream taken to be new (the caller knows nothing of it): the statement that returns its events in place
          // of writing, as a process that restarts meets streams it does not have cached.
          : appendOrNewerStatement(prepared, recordedAt).pipe(
            Effect.catchIf(isConflict, () => duplicateOrNewer(prepared))
          )).pipe(mapSqlErrors("append"))
        const events_ = outcome._tag === "Newer"
          ? outcome.events
          : outcome.result.duplicate
          ? []
          : outcome.result.events
        const last = events_[events_.length - 1]
        if (last !== undefined) remember(last.streamId, last.position, last.hash)
        return outcome
      })

    const readStream: EventStore.Service["readStream"] = (streamId, options) =>
      readStreamRaw(streamId, options?.fromPosition ?? 1, EventStore.readLimit(options)).pipe(
        Effect.tap((events) => {
          const last = events[events.length - 1]
          if (last !== undefined) remember(last.streamId, last.position, last.hash)
        }),
        mapSqlErrors("readStream")
      )

    const readAll: EventStore.Service["readAll"] = (from = 0, readOptions) => {
      const size = Math.max(1, readOptions?.pageSize ?? pageSize)
      return Stream.paginateEffect(from, (after: number) =>
        Effect.map(Effect.flatMap(readPage(after, size, true), storedRowsFromTable), (page) => {
          const next = page.length < size ? Option.none<number>() : Option.some(page[page.length - 1]!.globalPosition)
          return [page, next] as const
        }).pipe(mapSqlErrors("readAll"))).pipe(Stream.flattenIterables)
    }

    const toEntry =
      (projection: string) =>
      (row: { key: string; doc: string; position: number | string }): Projection.ReadModelEntry => ({
        projection,
        key: row.key,
        doc: JSON.parse(row.doc),
        position: Number(row.position)
      })

    // The places of a projection's rows (Projection.rowsOf): an exact match on the text's first characters, which
    // neither dialect's collation nor LIKE's case folding can bend.
    const rowPlaces = (name: string) => {
      const prefix = Projection.rowsPrefix(name)
      return sql`substr(projection, 1, ${sql.literal(String([...prefix].length))}) = ${prefix}`
    }

    type ModelRow = { projection: string; key: string; doc: string; position: number | string }

    /** Documents with their rows, for a projection that keeps some (Projection.assemble). */
    const withRows = (
      projection: string,
      heads: ReadonlyArray<Projection.ReadModelEntry>,
      rows: ReadonlyArray<ModelRow>
    ) => {
      const p = projections.find((x) =>
        x.name === projection
      )
      if (p?.rows === undefined) {
        return heads
      }
      const byPlace = new Map<string, Array<Projection.ReadModelEntry>>()
      for (const r of rows) {
        let list = byPlace.get(r.projection)
        if (list === undefined) {
          byPlace.set(r.projection, list = [])
        }
        list.push(toEntry(r.projection)(r))
      }
      return heads.map((h) =>
        Projection.assemble(p, h, byPlace.get(Projection.rowsOf(projection, h.key)) ?? [])
      )
    }

    const hasRows = (projection: string) => projections.some((x) => x.name === projection && x.rows !== undefined)

    const readModel: EventStore.Service["readModel"] = (projection, key) =>
      Effect.gen(function*() {
        const heads = (yield* sql<ModelRow>`SELECT projection, key, doc, position FROM ${T.readModels}
          WHERE projection = ${projection} AND key = ${key}`).map(toEntry(projection))
        if (heads.length === 0 || !hasRows(projection)) return Option.fromNullable(heads[0])
        const rows = yield* sql<ModelRow>`SELECT projection, key, doc, position FROM ${T.readModels}
          WHERE projection = ${Projection.rowsOf(projection, key)}`
        return Option.fromNullable(withRows(projection, heads, rows)[0])
      }).pipe(mapSqlErrors("readModel"))

    const listReadModel: EventStore.Service["listReadModel"] = (projection) =>
      Effect.gen(function*() {
        const heads = (yield* sql<ModelRow>`SELECT projection, key, doc, position FROM ${T.readModels}
          WHERE projection = ${projection} ORDER BY key`).map(toEntry(projection))
        if (heads.length === 0 || !hasRows(projection)) return heads
        const rows = yield* sql<ModelRow>`SELECT projection, key, doc, position FROM ${T.readModels}
          WHERE ${rowPlaces(projection)}`
        return withRows(projection, heads, rows)
      }).pipe(mapSqlErrors("listReadModel"))

    const rebuildProjection = (projection: Projection.Any) =>
      sql.withTransaction(Effect.gen(function*() {
        // Appends wait while a projection is rebuilt, so no event slips between the replay and the switch-over.
        yield* sql.onDialectOrElse({
          pg: () => sql`LOCK TABLE ${T.events} IN SHARE ROW EXCLUSIVE MODE`,
          orElse: () => Effect.void
        })
        yield* sql`DELETE FROM ${T.readModels} WHERE projection = ${projection.name}`
        if (projection.rows !== undefined) yield* sql`DELETE FROM ${T.readModels} WHERE ${rowPlaces(projection.name)}`
        let after = 0
        let count = 0
        for (;;) {
          const page = yield* Effect.flatMap(readPage(after, pageSize, false), storedRowsFromTable)
          if (page.length === 0) break
          const changes = yield* Projection.run([projection], page, loadDoc).pipe(
            Effect.catchTag(
              "ProjectionFailed",
              (e) => Effect.fail(new EventStore.StoreError({ operation: "rebuild", reason: e.message }))
            )
          )
          yield* writeChanges(changes)
          count += page.length
          after = page[page.length - 1]!.globalPosition
          if (page.length < pageSize) {
            break
          }
        }
        const now = new Date().toISOString()
        yield* sql`INSERT INTO ${T.projections} ${
          sql.insert({ name: projection.name, version: projection.version, rebuilt_at: now })
        }
          ON CONFLICT (name) DO UPDATE SET version = excluded.version, rebuilt_at = excluded.rebuilt_at`
        const docs = yield* sql<
          { n: number | string }
        >`SELECT COUNT(*) AS n FROM ${T.readModels} WHERE projection = ${projection.name}`
        return { projection: projection.name, events: count, documents: Number(docs[0]?.n ?? 0) }
      })).pipe(mapSqlErrors("rebuild"))

    const readSnapshotText = `SELECT version, head, state_version, state FROM ${t.snapshots}
      WHERE stream_id = ${placeholders(1, 1)} AND name = ${placeholders(2, 1)}`
    const readSnapshot: NonNullable<EventStore.Service["readSnapshot"]> = (streamId, name) =>
      run<{ version: number | string; head: string; state_version: number | string; state: string }>(
        readSnapshotText,
        [streamId, name]
      ).pipe(
        Effect.map((rows) =>
          Option.map(Option.fromNullable(rows[0]), (r): EventStore.Snapshot => ({
            streamId,
            name,
            version: Number(r.version),
            head: r.head,
            stateVersion: Number(r.state_version),
            state: r.state
          }))
        ),
        mapSqlErrors("readSnapshot")
      )

    // The snapshot and the stream from its version (all of it without one) in one statement: one row per event, the
    // snapshot's columns on each (its state only on the row of the event it ends at), or a single row of nulls.
    const readWithSnapshotText = `SELECT s.version AS snap_version, s.head AS snap_head,
      s.state_version AS snap_state_version, CASE WHEN e.position = s.version THEN s.state END AS snap_state,
      ${columns.split(", ").map((c) => `e.${c}`).join(", ")}
      FROM (SELECT 1 AS one) AS o
      LEFT JOIN ${t.snapshots} AS s ON s.stream_id = ${placeholders(1, 1)} AND s.name = ${placeholders(2, 1)}
      LEFT JOIN ${t.events} AS e ON e.stream_id = ${placeholders(3, 1)} AND e.position >= COALESCE(s.version, 1)
      ORDER BY e.position LIMIT ${placeholders(4, 1)}`
    type WithSnapshotRow = EventRow & {
      readonly snap_version: number | string | null
      readonly snap_head: string | null
      readonly snap_state_version: number | string | null
      readonly snap_state: string | null
    }
    const readWithSnapshot: NonNullable<EventStore.Service["readWithSnapshot"]> = (streamId, name, options) =>
      Effect.gen(function*() {
        const limit = EventStore.readLimit(options)
        // at least one row: the snapshot's columns come on the rows of events (or on the one row of nulls)
        const asked = Math.min(pageSize, Math.max(1, limit))
        const rows = yield* run<WithSnapshotRow>(readWithSnapshotText, [streamId, name, streamId, asked])
        const first = rows[0]
        const snapshot = first?.snap_version == null ? Option.none() : Option.some<EventStore.Snapshot>({
          streamId,
          name,
          version: Number(first.snap_version),
          head: first.snap_head ?? "",
          stateVersion: Number(first.snap_state_version),
          state: first.snap_state ?? ""
        })
        let events = yield* storedRows(rows.filter((r) => r.global_position != null).slice(0, limit))
        if (rows.length >= asked && events.length > 0 && events.length < limit) {
          const from = events[events.length - 1]!.position + 1
          events = [...events, ...yield* readStreamRaw(streamId, from, limit - events.length)]
        }
        const last = events[events.length - 1]
        if (last !== undefined) remember(last.streamId, last.position, last.hash)
        return { snapshot, events }
      }).pipe(mapSqlErrors("readWithSnapshot"))

    const writeSnapshotText = `INSERT INTO ${t.snapshots} (stream_id, name, version, head, state_version, state)
      VALUES (${placeholders(1, 6)}) ON CONFLICT (stream_id, name) DO UPDATE SET version = excluded.version,
      head = excluded.head, state_version = excluded.state_version, state = excluded.state`
    const writeSnapshot: NonNullable<EventStore.Service["writeSnapshot"]> = (snapshot) =>
      Effect.flatMap(EventStore.checkSnapshot(snapshot), (s) =>
        run(writeSnapshotText, [s.streamId, s.name, s.version, s.head, s.stateVersion, s.state]).pipe(
          Effect.asVoid,
          mapSqlErrors("writeSnapshot")
        ))

    const rebuild: EventStore.Service["rebuild"] = (name) => {
      const projection = projections.find((p) =>
        p.name === name
      )
      return projection === undefined ? Effect.fail(EventStore.unknownProjection(name)) : rebuildProjection(projection)
    }

    return {
      projections,
      append: readOnly ? () => refuseWrite("append") : append,
      // PostgreSQL only: SQLite reads a stream in one synchronous call, as cheap as the check would be.
      appendOrNewer: !isPg ? undefined : readOnly ? () => refuseWrite("append") : appendOrNewer,
      readStream,
      streamVersion: (streamId) => versionOf(streamId).pipe(mapSqlErrors("streamVersion")),
      readAll,
      // Verification hashes each row's stored text, so it checks the bytes in the database
      // and does not re-serialise the parsed data.
      verify: (streamId, options) =>
        Effect.map(readChained(streamId), (rows) => AuditTrail.verify(rows, options)).pipe(mapSqlErrors("verify")),
      listStreams: () =>
        sql<{ stream_id: string; v: number | string }>`SELECT stream_id, MAX(position) AS v FROM ${T.events}
          GROUP BY stream_id ORDER BY stream_id`.pipe(
          Effect.map((rows) => rows.map((r) => ({ streamId: r.stream_id, version: Number(r.v) }))),
          mapSqlErrors("listStreams")
        ),
      // No stored id contains NUL (appends refuse control characters), and PostgreSQL cannot even compare one.
      findCommand: (streamId, commandId) =>
        streamId.includes("\u0000") || commandId.includes("\u0000")
          ? Effect.succeedNone
          : commandResult(streamId, commandId).pipe(mapSqlErrors("findCommand")),
      listCommands,
      receiptKeyId: signer?.keyId,
      readModel,
      listReadModel,
      rebuild: readOnly ? () => refuseWrite("rebuild") : rebuild,
      readSnapshot,
      readWithSnapshot: (streamId, name, options) =>
        streamId.includes("\u0000") || name.includes("\u0000")
          ? Effect.succeed({ snapshot: Option.none(), events: [] })
          : readWithSnapshot(streamId, name, options),
      writeSnapshot: readOnly ? () => refuseWrite("writeSnapshot") : writeSnapshot
    } satisfies EventStore.Service
  })

/**
 * Rebuilds every registered projection whose stored version differs from its
 * declared `version` (or that was never built). `placement` says where the
 * tables are (the store's `tablePrefix` and `schema`).
 *
 * @since 0.1.0
 * @category migrations
 */
export const syncProjections = (
  store: EventStore.Service,
  placement: Placement = {}
): Effect.Effect<
  ReadonlyArray<EventStore.RebuildResult>,
  EventStore.StoreUnavailable | EventStore.StoreError,
  SqlClient.SqlClient
> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const t = yield* placeTables(placement)
    const rows = yield* sql.unsafe<{ name: string; version: number | string }>(
      `SELECT name, version FROM ${t.projections}`
    ).pipe(mapSqlErrors("syncProjections"))
    const stored = new Map(rows.map((r) => [r.name, Number(r.version)]))
    const results: Array<EventStore.RebuildResult> = []
    for (const p of store.projections) {
      if (stored.get(p.name) !== p.version) {
        results.push(
          yield* store.rebuild(p.name).pipe(
            Effect.catchTag(
              "InvalidInput",
              (e: InputError.InvalidInput) =>
                Effect.fail(new EventStore.StoreError({ operation: "syncProjections", reason: e.message }))
            )
          )
        )
      }
    }
    return results
  })

/**
 * The store as a layer over the `SqlClient` in context. Read-write (the
 * default): migrates (unless `migrate: false`), builds the store and rebuilds
 * projections whose version changed. Read-only (`readOnly: true`): checks that
 * the database holds a store at this code's schema version and writes nothing.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options = {}
): Layer.Layer<
  EventStore.EventStore,
  UnusableStore | EventStore.StoreUnavailable | EventStore.StoreError,
  SqlClient.SqlClient
> =>
  Layer.effect(
    EventStore.EventStore,
    Effect.gen(function*() {
      const t = yield* placeFor(options)
      const location = options.location ?? describe(t)
      if (options.readOnly === true) {
        yield* schema.checkReadable(t, location)
        return yield* make(options)
      }
      if (options.migrate !== false) yield* schema.migrate(t, location)
      const store = yield* make(options)
      yield* syncProjections(store, options)
      return store
    })
  )
