/**
 * The shared event store: PostgreSQL through `@effect/sql-pg`. Any number of
 * application instances may append to the same database at once; the unique
 * keys of the `events` and `commands` tables decide every race (see the package
 * README).
 *
 * ```ts
 * import { PgEventStore } from "@gsyf/store-postgres"
 * const StoreLive = PgEventStore.layer({ url: "postgres://gsyf@db/gsyf", projections: [] })
 * ```
 *
 * @since 0.1.0
 */
import * as Reactivity from "@effect/experimental/Reactivity"
import * as PgClient from "@effect/sql-pg/PgClient"
import * as SqlClient from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import type { EventStore } from "@gsyf/core"
import { SqlEventStore, type UnusableStore } from "@gsyf/store-sql"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Pg from "pg"

/**
 * Options of {@link layer}: a connection URL or host, port, database and user,
 * plus the store options.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends SqlEventStore.Options {
  readonly url?: string | Redacted.Redacted | undefined
  readonly host?: string | undefined
  readonly port?: number | undefined
  readonly database?: string | undefined
  readonly username?: string | undefined
  readonly password?: string | Redacted.Redacted | undefined
  /** Pool size (default 10). */
  readonly maxConnections?: number | undefined
  /** How long to wait for a connection (default 5 seconds). */
  readonly connectTimeout?: Duration.DurationInput | undefined
  readonly applicationName?: string | undefined
  /**
   * Send the store's command-path statements (stream reads, appends, snapshots) as named prepared statements,
   * parsed and planned once per connection (default `true`). Turn it off behind a connection pooler that does not
   * keep prepared statements across transactions (PgBouncer before 1.21 in transaction mode).
   */
  readonly preparedStatements?: boolean | undefined
}

const redacted = (s: string | Redacted.Redacted | undefined) =>
  s === undefined ? undefined : Redacted.isRedacted(s) ? Redacted.value(s) : s

/** How errors name the database: host, port and database name, never the user or password. */
const locationOf = (options: Options): string => {
  if (options.url !== undefined) {
    try {
      const url = new URL(redacted(options.url)!)
      return `postgresql://${url.host}${url.pathname}`
    } catch {
      return "postgresql"
    }
  }
  return `postgresql://${options.host ?? "localhost"}:${options.port ?? 5432}/${options.database ?? ""}`
}

// The pool is built here rather than by `PgClient.layer` so that a read-only store can ask
// PostgreSQL itself to refuse writes (`default_transaction_read_only` on every connection).
const pool = (options: Options) =>
  Effect.acquireRelease(
    Effect.sync(() => {
      const p = new Pg.Pool({
        connectionString: redacted(options.url),
        host: options.host,
        port: options.port,
        database: options.database,
        user: options.username,
        password: redacted(options.password),
        max: options.maxConnections ?? 10,
        connectionTimeoutMillis: Duration.toMillis(options.connectTimeout ?? Duration.seconds(5)),
        application_name: options.applicationName ?? "gsyf",
        ...(options.readOnly === true ? { options: "-c default_transaction_read_only=on" } : {})
      })
      // Errors of idle connections surface on the next query; without a listener they would crash the process.
      p.on("error", () => {})
      return p
    }),
    (p) => Effect.promise(() => p.end()).pipe(Effect.timeoutOption("1 second"))
  ).pipe(
    Effect.tap((p) =>
      Effect.tryPromise({
        try: () => p.query("SELECT 1"),
        catch: (cause) => new SqlError({ cause, message: "PgClient: Failed to connect" })
      }).pipe(
        Effect.timeoutFail({
          duration: options.connectTimeout ?? Duration.seconds(5),
          onTimeout: () =>
            new SqlError({ cause: new Error("Connection timed out"), message: "PgClient: Connection timed out" })
        })
      )
    )
  )

/** At most this many statement texts get a name per pool; any others (rare event counts) are sent unnamed. */
const maxNamedStatements = 200

interface BackendOf {
  readonly processID: number | null
  readonly secretKey: number | null
  readonly host: string
  readonly port: number
}

/**
 * Asks PostgreSQL to cancel what a connection is running, over a short connection of its own (the cancel request
 * of the protocol, as `pg` sends it): the pool may have no free connection to send it through.
 */
const cancelBackend = (client: Pg.PoolClient): void => {
  const { host, port, processID, secretKey } = client as unknown as BackendOf
  if (processID === null || secretKey === null) return
  const con = new Pg.Connection() as Pg.Connection & {
    connect(port: number | string, host?: string): void
    cancel(processID: number, secretKey: number): void
  }
  con.on("error", () => {})
  con.on("connect", () => con.cancel(processID, secretKey))
  if (host.startsWith("/")) con.connect(`${host}/.s.PGSQL.${port}`)
  else con.connect(port, host)
}

const failWith = (message: string) => (cause: unknown) => Effect.fail(new SqlError({ cause, message }))

/**
 * Runs a statement on a pooled connection straight through `pg`, named so that each connection parses and plans
 * it once. Interrupted, it asks PostgreSQL to cancel the query, and the connection goes back to the pool once the
 * query has ended.
 */
const directExecute = (p: Pg.Pool, prepared: boolean): SqlEventStore.Execute => {
  const names = new Map<string, string>()
  const nameOf = (text: string): string | undefined => {
    if (!prepared) return undefined
    let name = names.get(text)
    if (name === undefined && names.size < maxNamedStatements) {
      name = `gsyf_${names.size + 1}`
      names.set(text, name)
    }
    return name
  }
  return <A extends object>(text: string, params: ReadonlyArray<unknown>) =>
    Effect.async<ReadonlyArray<A>, SqlError>((resume) => {
      let client: Pg.PoolClient | undefined
      let settled = false
      let interrupted = false
      const finish = (broken: Error | undefined, result: Effect.Effect<ReadonlyArray<A>, SqlError>) => {
        if (settled) return
        settled = true
        client?.off("error", onError)
        client?.release(broken)
        if (!interrupted) resume(result)
      }
      const onError = (cause: Error) => finish(cause, failWith("Connection error")(cause))
      p.connect((cause, c) => {
        if (c === undefined || cause instanceof Error) {
          settled = true
          if (!interrupted) resume(failWith("Failed to acquire connection")(cause))
          return
        }
        client = c
        if (interrupted) return finish(undefined, Effect.succeed([]))
        c.once("error", onError)
        c.query<A>(
          { name: nameOf(text), text, values: params as Array<unknown> },
          (err, result) =>
            finish(
              undefined,
              err instanceof Error ? failWith("Failed to execute statement")(err) : Effect.succeed(result.rows)
            )
        )
      })
      return Effect.sync(() => {
        interrupted = true
        if (!settled && client !== undefined) cancelBackend(client)
      })
    })
}

/**
 * The PostgreSQL client alone (with `readOnly: true`, every transaction of
 * every connection is read-only: PostgreSQL refuses any write).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerClient = (
  options: Options
): Layer.Layer<PgClient.PgClient | SqlClient.SqlClient, EventStore.StoreUnavailable | EventStore.StoreError> =>
  Layer.map(layerClientAndPool(options), Context.omit(Pool))

/** The pool itself, for the store's direct statements. */
class Pool extends Context.Tag("@gsyf/store-postgres/PgEventStore/Pool")<Pool, Pg.Pool>() {}

const layerClientAndPool = (options: Options) =>
  Layer.scopedContext(
    Effect.flatMap(pool(options), (p) =>
      Effect.map(
        PgClient.fromPool({ acquire: Effect.succeed(p), applicationName: options.applicationName ?? "gsyf" }),
        (client) =>
          Context.make(PgClient.PgClient, client).pipe(Context.add(SqlClient.SqlClient, client), Context.add(Pool, p))
      ))
  ).pipe(
    Layer.provide(Reactivity.layer),
    Layer.mapError((e) => SqlEventStore.classify("connect", e))
  )

/**
 * The event store on PostgreSQL: client, migrations, projections (read-only:
 * client and checks only). The output also carries the `SqlClient`, for tools
 * that query the tables directly.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options
): Layer.Layer<
  EventStore.EventStore | PgClient.PgClient | SqlClient.SqlClient,
  UnusableStore.UnusableStore | EventStore.StoreUnavailable | EventStore.StoreError
> =>
  Layer.unwrapEffect(
    Effect.map(Pool, (p) =>
      SqlEventStore.layer({
        location: locationOf(options),
        execute: directExecute(p, options.preparedStatements !== false),
        ...options
      }))
  ).pipe(Layer.provideMerge(layerClientAndPool(options)), Layer.map(Context.omit(Pool)))
