/**
 * Where the store's tables live: an optional PostgreSQL schema and a table-name
 * prefix, both checked so that every name can be quoted and written into SQL text.
 *
 * @internal
 */
import { EventStore } from "@gsyf/core"
import * as Either from "effect/Either"

/** The names of the store's tables, each already quoted (and schema-qualified when a schema is set). */
export interface Tables {
  readonly schema: string | undefined
  readonly prefix: string
  readonly events: string
  readonly commands: string
  readonly readModels: string
  readonly projections: string
  readonly snapshots: string
  /** The records events share (`ref`, `json`), from schema 4. */
  readonly records: string
  /** The migration table `@effect/sql`'s `Migrator` keeps (`migration_id, created_at, name`). */
  readonly migrations: string
  /** The same, unquoted (`schema.name`), as the `Migrator` takes it. */
  readonly migrationsName: string
  /** The migration table of gsyf 0.1 (`version, name, applied_at`), converted on first start. */
  readonly legacyMigrations: string
  /** Unquoted table names (no schema), to look them up in the catalogue. */
  readonly bare: {
    readonly events: string
    readonly commands: string
    readonly readModels: string
    readonly projections: string
    readonly snapshots: string
    readonly records: string
    readonly migrations: string
    readonly legacyMigrations: string
  }
}

const namePattern = /^[a-z_][a-z0-9_]*$/

/** Options that place the tables. */
export interface Placement {
  readonly tablePrefix?: string | undefined
  readonly schema?: string | undefined
}

const invalid = (field: string, value: string, limit: number) =>
  new EventStore.StoreError({
    operation: "layer",
    reason:
      `${field} "${value.slice(0, 80)}" 须由小写字母、数字和下划线组成,以字母或下划线开头,最多 ${limit} 个字符 / ` +
      `${field} must be lowercase letters, digits and underscores, start with a letter or underscore, ` +
      `at most ${limit} characters`
  })

/**
 * Checks the placement options and spells out every table name. The prefix may be
 * empty (the default: `events`, `commands`, …); the schema, when given, may not.
 */
export const tables = (placement: Placement): Either.Either<Tables, EventStore.StoreError> => {
  const prefix = placement.tablePrefix ?? ""
  if (prefix !== "" && (!namePattern.test(prefix) || prefix.length > 30)) {
    return Either.left(invalid("tablePrefix", prefix, 30))
  }
  const schema = placement.schema
  if (schema !== undefined && (!namePattern.test(schema) || schema.length > 63 || schema.startsWith("pg_"))) {
    return Either.left(invalid("schema", schema, 63))
  }
  const bare = {
    events: `${prefix}events`,
    commands: `${prefix}commands`,
    readModels: `${prefix}read_models`,
    projections: `${prefix}projections`,
    snapshots: `${prefix}snapshots`,
    records: `${prefix}records`,
    migrations: `${prefix}gsyf_schema_migrations`,
    legacyMigrations: `${prefix}gsyf_migrations`
  }
  const quote = (name: string) => (schema === undefined ? `"${name}"` : `"${schema}"."${name}"`)
  return Either.right({
    schema,
    prefix,
    events: quote(bare.events),
    commands: quote(bare.commands),
    readModels: quote(bare.readModels),
    projections: quote(bare.projections),
    snapshots: quote(bare.snapshots),
    records: quote(bare.records),
    migrations: quote(bare.migrations),
    migrationsName: schema === undefined ? bare.migrations : `${schema}.${bare.migrations}`,
    legacyMigrations: quote(bare.legacyMigrations),
    bare
  })
}
