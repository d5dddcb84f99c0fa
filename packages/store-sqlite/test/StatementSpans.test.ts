// The spans of the store's calls on SQLite (see ../../store-sql/test/statementSpans.ts).
import { describe, it } from "@effect/vitest"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { checkStatementSpans } from "../../store-sql/test/statementSpans.js"
import { SqliteEventStore } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "gsyf-sqlite-spans-"))
let stores = 0
const store = (options: Parameters<Parameters<typeof checkStatementSpans>[0]>[0]) =>
  SqliteEventStore.layer({ filename: join(dir, `store-${++stores}.db`), ...options })

describe("statement spans on SQLite", () => {
  it.effect("the command path opens no statement or transaction span by default", () =>
    checkStatementSpans(store, false))

  it.effect("opens them with statementSpans", () => checkStatementSpans(store, true))
})
