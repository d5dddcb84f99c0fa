import * as SqlClient from "@effect/sql/SqlClient"
import { EventStoreSuite } from "@gsyf/testkit"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { PgEventStore } from "../src/index.js"
import { pg, runIn, testDatabase, withTestDatabase } from "./testDatabase.js"

const tamper = (table: string) => (streamId: string, position: number, data: unknown) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`UPDATE ${sql(table)} SET data = ${
      JSON.stringify(data)
    } WHERE stream_id = ${streamId} AND position = ${position}`
  })

EventStoreSuite.suite(
  "postgresql (fresh database)",
  (options) =>
    withTestDatabase(
      "suite",
      (database) => PgEventStore.layer({ host: pg.host, port: pg.port, username: pg.username, database, ...options })
    ),
  { tamper: tamper("events") }
)

// The same cases in a host's database that already has `public.events` of its own:
// the store's tables in their own schema, with a prefix.
EventStoreSuite.suite(
  "postgresql (schema and table prefix, beside a host's own events table)",
  (options) =>
    Layer.unwrapScoped(Effect.gen(function*() {
      const database = yield* testDatabase("suite_placed")
      yield* runIn(database, "CREATE TABLE public.events (id serial PRIMARY KEY, title text NOT NULL)")
      return PgEventStore.layer({
        host: pg.host,
        port: pg.port,
        username: pg.username,
        database,
        schema: "gsyf",
        tablePrefix: "w_",
        ...options
      })
    })),
  { tamper: tamper("gsyf.w_events") }
)
