import * as SqlClient from "@effect/sql/SqlClient"
import { EventStoreSuite } from "@gsyf/testkit"
import * as Effect from "effect/Effect"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteEventStore } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "gsyf-sqlite-suite-"))

EventStoreSuite.suite(
  "sqlite (temp file)",
  (options) => SqliteEventStore.layer({ filename: join(dir, "suite.db"), pageSize: 1000, ...options }),
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
