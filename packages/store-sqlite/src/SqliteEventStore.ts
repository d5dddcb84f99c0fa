/**
 * The embedded event store: one SQLite file (better-sqlite3 through
 * `@effect/sql-sqlite-node`) in WAL mode with `synchronous = FULL`, so that a
 * command acknowledged to the caller survives a crash of the process or a power
 * loss. See the package README for the trade-offs.
 *
 * ```ts
 * import { SqliteEventStore } from "@gsyf/store-sqlite"
 * const StoreLive = SqliteEventStore.layer({ filename: "gsyf.db", projections: [] })
 * ```
 *
 * @since 0.1.0
 */
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import type * as SqlClient from "@effect/sql/SqlClient"
import { type EventStore, EventStore as CoreEventStore } from "@gsyf/core"
import { SqlEventStore, UnusableStore } from "@gsyf/store-sql"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { existsSync, statSync } from "node:fs"
import * as Client from "./internal/client.js"

/**
 * How hard SQLite pushes each commit to disk.
 *
 * - `FULL` (default): the WAL is fsynced at every commit; an acknowledged append survives power loss.
 * - `NORMAL`: fsync only at checkpoints; an acknowledged append survives a crash of the process but
 *   the last commits may be lost on power loss or OS crash. Faster.
 *
 * @since 0.1.0
 * @category models
 */
export type Synchronous = "FULL" | "NORMAL"

/**
 * Options of {@link layer}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends Omit<SqlEventStore.Options, "schema"> {
  /** Path of the database file (created if missing, unless `readOnly`). */
  readonly filename: string
  /** Default `"FULL"`. */
  readonly synchronous?: Synchronous | undefined
  /** How long a writer waits for another process's lock before `StoreUnavailable`, in ms (default 5,000). */
  readonly busyTimeoutMs?: number | undefined
}

/**
 * The SQLite client alone, with the pragmas gsyf relies on (WAL, `synchronous`,
 * `busy_timeout`), and its direct connection (`SqlEventStore.Direct`), on which the
 * store runs a stream read or an append as one synchronous call. With `readOnly: true`
 * the file is opened read-only and left as it is (no journal-mode switch); a missing
 * file is refused with `UnusableStore`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerClient = (
  options: Pick<Options, "filename" | "synchronous" | "busyTimeoutMs" | "readOnly">
): Layer.Layer<
  SqliteClient.SqliteClient | SqlClient.SqlClient | SqlEventStore.Direct,
  UnusableStore.UnusableStore | EventStore.StoreUnavailable | EventStore.StoreError
> => {
  const readOnly = options.readOnly === true
  if (readOnly && !(existsSync(options.filename) && statSync(options.filename).isFile())) {
    return Layer.fail(new UnusableStore.UnusableStore({ location: options.filename, reason: "missing" }))
  }
  const client = Client.layer({ filename: options.filename, readonly: readOnly, disableWAL: readOnly }).pipe(
    // better-sqlite3 throws (a defect) when the file cannot be opened.
    Layer.catchAllCause((cause) =>
      Layer.fail(
        new CoreEventStore.StoreUnavailable({ reason: `cannot open ${options.filename}: ${Cause.pretty(cause)}` })
      )
    )
  )
  const pragmas = Layer.effectDiscard(
    Effect.gen(function*() {
      const sql = yield* SqliteClient.SqliteClient
      const synchronous = options.synchronous === "NORMAL" ? "NORMAL" : "FULL"
      if (!readOnly) yield* sql.unsafe(`PRAGMA synchronous = ${synchronous}`)
      yield* sql.unsafe(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`)
    }).pipe(Effect.mapError((e) => SqlEventStore.classify("open", e)))
  )
  return pragmas.pipe(Layer.provideMerge(client))
}

/**
 * The event store on a SQLite file: client with pragmas, migrations, projections
 * (read-only: client and checks only, nothing written). The output also carries
 * the `SqlClient`, for tools that query the tables directly.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options
): Layer.Layer<
  EventStore.EventStore | SqliteClient.SqliteClient | SqlClient.SqlClient,
  UnusableStore.UnusableStore | EventStore.StoreUnavailable | EventStore.StoreError
> => SqlEventStore.layer({ location: options.filename, ...options }).pipe(Layer.provideMerge(layerClient(options)))
