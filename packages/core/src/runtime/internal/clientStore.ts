/**
 * The store of a Promise client chosen by plain options: `{ sqlite: file }` or `{ postgres: url, schema }`. The
 * adapter packages depend on core, so core loads them by name when a host asks for one (they are installed next to
 * core, or at least in the host's own dependencies); a missing adapter is a typed `StoreUnavailable` naming the
 * package to install.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { createRequire } from "node:module"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import * as EventStore from "../EventStore.js"
import type * as Projection from "../Projection.js"

/** Where a SQLite store lives and how its tables are named. @internal */
export interface SqliteOptions {
  /** Path of the SQLite database file (created and migrated unless `readOnly`). */
  readonly sqlite: string
  /** A prefix for the store's table names (`[a-z_][a-z0-9_]*`), for a database shared with the host's own tables. */
  readonly tablePrefix?: string | undefined
  /** Open without writing anything; a file that is not a gsyf store is refused. */
  readonly readOnly?: boolean | undefined
}

/** Where a PostgreSQL store lives and how its tables are named. @internal */
export interface PostgresOptions {
  /** Connection URL, e.g. `postgres://user@host:5432/db`. */
  readonly postgres: string
  /** The schema holding the store's tables (created when missing, unless `readOnly`). */
  readonly schema?: string | undefined
  /** A prefix for the store's table names (`[a-z_][a-z0-9_]*`). */
  readonly tablePrefix?: string | undefined
  /** Open without writing anything; connections are read-only. */
  readonly readOnly?: boolean | undefined
}

/** A store layer built from the projections the client registers. @internal */
export type StoreFactory = (
  projections: ReadonlyArray<Projection.Any>
) => Layer.Layer<EventStore.EventStore, unknown>

/** @internal */
export type StoreOption = SqliteOptions | PostgresOptions | StoreFactory

interface AdapterModule {
  readonly [name: string]: { readonly layer: (options: Record<string, unknown>) => Layer.Layer<any, unknown> }
}

// A variable specifier: bundlers and the type checker leave the adapter out of core's build. Found beside core
// (npm's flat node_modules) or else from the host's folder (pnpm links only a host's direct dependencies).
const load = (specifier: string): Promise<AdapterModule> =>
  import(specifier).catch((e: unknown) => {
    const fromHost = createRequire(join(process.cwd(), "package.json"))
    let resolved: string
    try {
      resolved = fromHost.resolve(specifier)
    } catch {
      throw e
    }
    return import(pathToFileURL(resolved).href)
  })

const adapter = (pkg: string, exported: string, options: Record<string, unknown>): StoreFactory => (projections) =>
  Layer.unwrapEffect(
    Effect.tryPromise({
      try: () => load(pkg),
      catch: () =>
        new EventStore.StoreUnavailable({
          reason: `未安装 ${pkg},请与 @gsyf/core 一同安装 / ${pkg} is not installed: install it next to @gsyf/core`
        })
    }).pipe(Effect.map((mod) => mod[exported]!.layer({ ...options, projections })))
  ) as Layer.Layer<EventStore.EventStore, unknown>

const defined = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

/** The store layer factory for a store option. @internal */
export const factory = (store: StoreOption): StoreFactory => {
  if (typeof store === "function") return store
  if ("sqlite" in store) {
    return adapter(
      "@gsyf/store-sqlite",
      "SqliteEventStore",
      defined({ filename: store.sqlite, tablePrefix: store.tablePrefix, readOnly: store.readOnly })
    )
  }
  return adapter(
    "@gsyf/store-postgres",
    "PgEventStore",
    defined({ url: store.postgres, schema: store.schema, tablePrefix: store.tablePrefix, readOnly: store.readOnly })
  )
}
