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
import * as PgClient from "@effect/sql-pg/PgClient"
import type * as SqlClient from "@effect/sql/SqlClient"
import { type EventStore, EventStore as CoreEventStore } from "@gsyf/core"
import { SqlEventStore } from "@gsyf/store-sql"
import * as Duration from "effect/Duration"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"

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
  s === undefined ? undefined : Redacted.isRedacted(s) ? s : Redacted.make(s)

/**
 * The PostgreSQL client alone.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerClient = (
  options: Options
): Layer.Layer<PgClient.PgClient | SqlClient.SqlClient, EventStore.StoreUnavailable | EventStore.StoreError> =>
  PgClient.layer({
    url: redacted(options.url),
    host: options.host,
    port: options.port,
    database: options.database,
    username: options.username,
    password: redacted(options.password),
    maxConnections: options.maxConnections ?? 10,
    connectTimeout: options.connectTimeout ?? Duration.seconds(5),
    applicationName: options.applicationName ?? "gsyf"
  }).pipe(
    Layer.mapError((e) =>
      e._tag === "SqlError"
        ? SqlEventStore.classify("connect", e)
        : new CoreEventStore.StoreError({ operation: "connect", reason: String(e) })
    )
  )

/**
 * The event store on PostgreSQL: client, migrations, projections. The output
 * also carries the `SqlClient`, for tools that query the tables directly.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options
): Layer.Layer<
  EventStore.EventStore | PgClient.PgClient | SqlClient.SqlClient,
  EventStore.StoreUnavailable | EventStore.StoreError
> => SqlEventStore.layer(options).pipe(Layer.provideMerge(layerClient(options)))
