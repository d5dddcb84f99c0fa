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
  Layer.scopedContext(
    Effect.map(
      PgClient.fromPool({ acquire: pool(options), applicationName: options.applicationName ?? "gsyf" }),
      (client) => Context.make(PgClient.PgClient, client).pipe(Context.add(SqlClient.SqlClient, client))
    )
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
> => SqlEventStore.layer({ location: locationOf(options), ...options }).pipe(Layer.provideMerge(layerClient(options)))
