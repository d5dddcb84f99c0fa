// The spans of the store's calls on PostgreSQL (see ../../store-sql/test/statementSpans.ts).
import { describe, it } from "@effect/vitest"
import { checkStatementSpans } from "../../store-sql/test/statementSpans.js"
import { PgEventStore } from "../src/index.js"
import { pg, withTestDatabase } from "./testDatabase.js"

const store = (name: string) => (options: Parameters<Parameters<typeof checkStatementSpans>[0]>[0]) =>
  withTestDatabase(
    name,
    (database) => PgEventStore.layer({ host: pg.host, port: pg.port, username: pg.username, database, ...options })
  )

describe("statement spans on PostgreSQL", () => {
  it.effect(
    "the command path opens no statement or transaction span by default",
    () => checkStatementSpans(store("spans_quiet"), false),
    60_000
  )

  it.effect("opens them with statementSpans", () => checkStatementSpans(store("spans_on"), true), 60_000)
})
