import * as SqlClient from "@effect/sql/SqlClient"
import { EventStoreSuite } from "@gsyf/testkit"
import * as Effect from "effect/Effect"
import { PgEventStore } from "../src/index.js"
import { pg, withTestDatabase } from "./testDatabase.js"

EventStoreSuite.suite(
  "postgresql (fresh database)",
  (options) =>
    withTestDatabase(
      "suite",
      (database) => PgEventStore.layer({ host: pg.host, port: pg.port, username: pg.username, database, ...options })
    ),
  {
    tamper: (streamId, position, data) =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        yield* sql`UPDATE events SET data = ${
          JSON.stringify(data)
        } WHERE stream_id = ${streamId} AND position = ${position}`
      })
  }
)
