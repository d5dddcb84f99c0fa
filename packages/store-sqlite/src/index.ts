/**
 * Embedded SQLite event store for gsyf (better-sqlite3, WAL).
 *
 * @packageDocumentation
 * @since 0.1.0
 */

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
export * as SqliteEventStore from "./SqliteEventStore.js"
