/**
 * PostgreSQL event store for gsyf (@effect/sql-pg).
 *
 * @packageDocumentation
 * @since 0.1.0
 */

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
export * as PgEventStore from "./PgEventStore.js"
