import { SqlError } from "@effect/sql/SqlError"
import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import { SqlEventStore } from "../src/index.js"

const err = (cause: unknown, message = "Failed to execute statement") => new SqlError({ cause, message })

describe("SqlEventStore error mapping", () => {
  it("recognises unique-key violations of both engines", () => {
    expect(SqlEventStore.isUniqueViolation(err({ code: "23505" }))).toBe(true)
    expect(SqlEventStore.isUniqueViolation(err({ code: "SQLITE_CONSTRAINT_UNIQUE" }))).toBe(true)
    expect(SqlEventStore.isUniqueViolation(err({ code: "SQLITE_CONSTRAINT_PRIMARYKEY" }))).toBe(true)
    expect(SqlEventStore.isUniqueViolation(err({ code: "SQLITE_CONSTRAINT_CHECK" }))).toBe(false)
    expect(SqlEventStore.isUniqueViolation(err(new Error("x")))).toBe(false)
  })

  it("maps lost connections to StoreUnavailable and the rest to StoreError", () => {
    const unavailable = [
      err(
        Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
        "Failed to acquire connection"
      ),
      err(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })),
      err(Object.assign(new Error("connection failure"), { code: "08006" })),
      err(new Error("Connection terminated unexpectedly")),
      err(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" })),
      err(Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR_WRITE" }))
    ]
    for (const e of unavailable) expect(SqlEventStore.classify("append", e)._tag).toBe("StoreUnavailable")
    const other = [
      err(Object.assign(new Error("syntax error"), { code: "42601" })),
      err(Object.assign(new Error("CHECK constraint failed"), { code: "SQLITE_CONSTRAINT_CHECK" }))
    ]
    for (const e of other) expect(SqlEventStore.classify("append", e)._tag).toBe("StoreError")
  })

  it("numbers its migrations from 1 without gaps", () => {
    const ids = Either.getOrThrow(SqlEventStore.migrations()).map((m) => m.id)
    expect(ids).toEqual(ids.map((_, i) => i + 1))
  })
})
