/**
 * The gsyf event store written once against @effect/sql.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

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
export * as SqlEventStore from "./SqlEventStore.js"

/**
 * Why a database cannot be used as a gsyf event store, raised when a store is
 * opened (read-only or read-write) and before anything is written: the file is
 * missing or not a database, the database holds no gsyf store, tables with the
 * store's names belong to something else, or the store's schema is older (in
 * read-only mode) or newer than this code.
 *
 * @since 0.2.0
 */
export * as UnusableStore from "./UnusableStore.js"
