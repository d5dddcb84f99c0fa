/**
 * The gsyf event store written once against @effect/sql.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The gsyf event store written once against `@effect/sql`'s `SqlClient`; the
 * SQLite and PostgreSQL packages only choose the client.
 *
 * @since 0.1.0
 */
export * as SqlEventStore from "./SqlEventStore.js"
