import * as SqlClient from "@effect/sql/SqlClient"
import { EventStoreSuite } from "@gsyf/testkit"
import Database from "better-sqlite3"
import * as Effect from "effect/Effect"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteEventStore } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "gsyf-sqlite-suite-"))

const tamper = (table: string) => (streamId: string, position: number, data: unknown) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`UPDATE ${sql(table)} SET data = ${
      JSON.stringify(data)
    } WHERE stream_id = ${streamId} AND position = ${position}`
  })

EventStoreSuite.suite(
  "sqlite (temp file)",
  (options) => SqliteEventStore.layer({ filename: join(dir, "suite.db"), pageSize: 1000, ...options }),
  { tamper: tamper("events") }
)

// The same cases in a host's database that already has an `events` table of its own.
const hostFile = join(dir, "host.db")
const host = new Database(hostFile)
host.exec("CREATE TABLE events (id INTEGER PRIMARY KEY, title TEXT NOT NULL)")
host.close()

EventStoreSuite.suite(
  "sqlite (table prefix, beside a host's own events table)",
  (options) => SqliteEventStore.layer({ filename: hostFile, tablePrefix: "gsyf_", ...options }),
  { tamper: tamper("gsyf_events") }
)
