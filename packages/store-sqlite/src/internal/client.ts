/**
 * gsyf's own SQLite client over better-sqlite3. It offers the
 * `@effect/sql-sqlite-node` client interface (so queries, migrations and read
 * models run as before) and also the connection itself, so that the event store
 * runs its command path synchronously (`SqlEventStore.Direct`): one call per
 * append instead of one effect per statement. Both go through the same one-permit semaphore,
 * so nothing else runs on the connection meanwhile.
 *
 * @internal
 */
import * as Reactivity from "@effect/experimental/Reactivity"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import * as SqlClient from "@effect/sql/SqlClient"
import type { Connection } from "@effect/sql/SqlConnection"
import { SqlError } from "@effect/sql/SqlError"
import * as Statement from "@effect/sql/Statement"
import { SqlEventStore } from "@gsyf/store-sql"
import Sqlite from "better-sqlite3"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Scope from "effect/Scope"

type Params = ReadonlyArray<unknown>
type Rows = ReadonlyArray<any>

const failed = (message: string) => (cause: unknown) => new SqlError({ cause, message })

const connect = (options: SqliteClient.SqliteClientConfig) =>
  Effect.gen(function*() {
    const db = new Sqlite(options.filename, { readonly: options.readonly ?? false })
    yield* Effect.addFinalizer(() => Effect.sync(() => db.close()))
    if (options.disableWAL !== true) db.pragma("journal_mode = WAL")
    // Prepared statements by text, the oldest dropped past the capacity.
    const capacity = Math.max(1, options.prepareCacheSize ?? 200)
    const prepared = new Map<string, Sqlite.Statement>()
    const prepare = (text: string): Sqlite.Statement => {
      let statement = prepared.get(text)
      if (statement === undefined) {
        statement = db.prepare(text)
        if (prepared.size >= capacity) prepared.delete(prepared.keys().next().value!)
        prepared.set(text, statement)
      }
      return statement
    }
    const runOn = (statement: Sqlite.Statement, params: Params, raw: boolean): unknown => {
      if (statement.reader) return statement.all(...params)
      const result = statement.run(...params)
      return raw ? result : []
    }
    const run = (text: string, params: Params, raw = false) =>
      Effect.withFiberRuntime<Rows, SqlError>((fiber) =>
        Effect.try({
          try: () => {
            const statement = prepare(text)
            if (Context.get(fiber.currentContext, SqlClient.SafeIntegers)) statement.safeIntegers(true)
            return runOn(statement, params, raw) as Rows
          },
          catch: failed("Failed to execute statement")
        })
      )
    // Rows as arrays of their values (what the store's direct stream reads use, and the client's `executeValues`).
    const valuesOf = (text: string, params: Params): ReadonlyArray<ReadonlyArray<unknown>> => {
      const statement = prepare(text)
      if (!statement.reader) {
        statement.run(...params)
        return []
      }
      statement.raw(true)
      try {
        return statement.all(...params) as ReadonlyArray<ReadonlyArray<unknown>>
      } finally {
        statement.raw(false)
      }
    }
    const values = (text: string, params: Params) =>
      Effect.try({ try: () => valuesOf(text, params), catch: failed("Failed to execute statement") })
    const connection: Connection = {
      execute: (text, params, transformRows) =>
        transformRows ? Effect.map(run(text, params), transformRows) : run(text, params),
      executeRaw: (text, params) => run(text, params, true),
      executeValues: values,
      executeUnprepared: (text, params, transformRows) => {
        const effect = Effect.try({
          try: () => runOn(db.prepare(text), params ?? [], false) as Rows,
          catch: failed("Failed to execute statement")
        })
        return transformRows ? Effect.map(effect, transformRows) : effect
      },
      executeStream: () => Effect.dieMessage("executeStream not implemented")
    }
    const query = <Row>(text: string, params: Params): ReadonlyArray<Row> => {
      const statement = prepare(text)
      if (statement.reader) return statement.all(...params) as ReadonlyArray<Row>
      statement.run(...params)
      return []
    }
    return { db, connection, query: query as SqlEventStore.DirectQuery, values: valuesOf }
  })

const withClientApi = (
  client: SqlClient.SqlClient,
  options: SqliteClient.SqliteClientConfig,
  db: Sqlite.Database,
  exclusive: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
): SqliteClient.SqliteClient =>
  Object.assign(client, {
    [SqliteClient.TypeId]: SqliteClient.TypeId,
    config: options,
    export: exclusive(
      Effect.try({ try: () => db.serialize() as Uint8Array, catch: failed("Failed to export database") })
    ),
    backup: (destination: string) =>
      exclusive(Effect.tryPromise({ try: () => db.backup(destination), catch: failed("Failed to backup database") })),
    loadExtension: (path: string) =>
      exclusive(Effect.try({ try: () => void db.loadExtension(path), catch: failed("Failed to load extension") }))
  }) as unknown as SqliteClient.SqliteClient

/** The client and its direct connection. */
export const make = (options: SqliteClient.SqliteClientConfig) =>
  Effect.gen(function*() {
    const { connection, db, query, values } = yield* connect(options)
    const semaphore = yield* Effect.makeSemaphore(1)
    const exclusive = semaphore.withPermits(1)
    const transactionAcquirer = Effect.uninterruptibleMask((restore) =>
      Effect.as(
        Effect.zipRight(
          restore(semaphore.take(1)),
          Effect.tap(Effect.scope, (scope) => Scope.addFinalizer(scope, semaphore.release(1)))
        ),
        connection
      )
    )
    const sql = yield* SqlClient.make({
      acquirer: exclusive(Effect.succeed(connection)),
      compiler: Statement.makeCompilerSqlite(options.transformQueryNames),
      transactionAcquirer,
      spanAttributes: [
        ...(options.spanAttributes ? Object.entries(options.spanAttributes) : []),
        ["db.system.name", "sqlite"]
      ],
      transformRows: options.transformResultNames
        ? Statement.defaultTransforms(options.transformResultNames).array
        : undefined
    })
    const client = withClientApi(sql, options, db, exclusive)
    const direct: SqlEventStore.DirectConnection = {
      run: <A>(f: (q: SqlEventStore.DirectQuery, v?: SqlEventStore.DirectValues) => A) =>
        Effect.flatMap(
          Effect.serviceOption(SqlClient.TransactionConnection),
          (inTransaction): Effect.Effect<Option.Option<A>, SqlError> =>
            Option.isSome(inTransaction)
              ? Effect.succeedNone
              : exclusive(
                Effect.try({ try: () => Option.some(f(query, values)), catch: failed("Failed to execute statement") })
              )
        )
    }
    return { client, direct }
  })

/** `SqliteClient.layer` with {@link SqlEventStore.Direct} besides. */
export const layer = (
  options: SqliteClient.SqliteClientConfig
): Layer.Layer<SqliteClient.SqliteClient | SqlClient.SqlClient | SqlEventStore.Direct> =>
  Layer.scopedContext(
    Effect.map(make(options), ({ client, direct }) =>
      Context.make(SqliteClient.SqliteClient, client).pipe(
        Context.add(SqlClient.SqlClient, client),
        Context.add(SqlEventStore.Direct, direct)
      ))
  ).pipe(Layer.provide(Reactivity.layer))
