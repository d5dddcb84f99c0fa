import * as PgClient from "@effect/sql-pg/PgClient"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Scope from "effect/Scope"

export const pg = {
  host: process.env.GSYF_PG_HOST ?? "127.0.0.1",
  port: Number(process.env.GSYF_PG_PORT ?? 5432),
  username: process.env.GSYF_PG_USER ?? "postgres",
  adminDatabase: process.env.GSYF_PG_DATABASE ?? "test"
}

const admin = PgClient.layer({
  host: pg.host,
  port: pg.port,
  username: pg.username,
  database: pg.adminDatabase,
  maxConnections: 1
})

const runAdmin = (statement: string) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql.unsafe(statement)
  }).pipe(Effect.provide(admin))

/** Runs SQL text (several statements allowed) in a database, over a connection of its own. */
export const runIn = (database: string, text: string): Effect.Effect<void, unknown> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql.unsafe(text)
  }).pipe(
    Effect.provide(PgClient.layer({ host: pg.host, port: pg.port, username: pg.username, database, maxConnections: 1 }))
  )

/**
 * Creates a fresh database for this test run (a copy of `template` when given, which nobody may be connected
 * to) and drops it when the scope closes.
 */
export const testDatabase = (label: string, template?: string): Effect.Effect<string, unknown, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.gen(function*() {
      const name = `gsyf_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
      yield* runAdmin(`CREATE DATABASE ${name}${template === undefined ? "" : ` TEMPLATE ${template}`}`)
      return name
    }),
    (name) => runAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).pipe(Effect.orDie)
  )

/** A layer whose building block is a fresh database name. */
export const withTestDatabase = <A, E, R>(label: string, f: (database: string) => Layer.Layer<A, E, R>) =>
  Layer.unwrapScoped(Effect.map(testDatabase(label), f))
