import { Client } from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Scope from "effect/Scope"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { open, prepare, race } from "../../core/test/fixtures/contention.js"
import { pg, runIn, testDatabase } from "./testDatabase.js"

const scope = Effect.runSync(Scope.make())
let url = ""
let database = ""
beforeAll(async () => {
  database = await Effect.runPromise(Scope.extend(testDatabase("contention"), scope))
  url = `postgres://${pg.username}@${pg.host}:${pg.port}/${database}`
}, 60_000)
afterAll(() => Effect.runPromise(Scope.close(scope, Exit.void)))

describe("Client on PostgreSQL under contention", () => {
  it("2×40 concurrent commands on one project: every one accepted, no version conflict reaches the host", async () => {
    const store = { postgres: url, schema: "race" }
    const clients = [await open(store), await open(store)]
    try {
      await prepare(clients[0]!, "city-2026")
      const outcome = await race(clients, "city-2026", 40)
      expect(outcome.failures).toEqual([])
      expect(outcome.rejected).toEqual([])
      expect(outcome.conflicts).toBe(0)
      expect(outcome.accepted).toBe(80)
      expect(outcome.events).toBe(80)
      expect(outcome.verified).toBe(true)
    } finally {
      for (const c of clients) await c.close()
    }
  }, 180_000)

  it("a schema keeps the store out of a host database that already has an events table", async () => {
    await Effect.runPromise(runIn(database, "CREATE TABLE public.events (id serial primary key, what text)"))
    const client = await open({ postgres: url, schema: "gsyf" })
    try {
      await prepare(client, "city-2026")
      expect((await client.verify("city-2026")).ok).toBe(true)
    } finally {
      await client.close()
    }
  }, 120_000)

  it("make rejects when the database cannot be reached, instead of failing on the first call", async () => {
    await expect(open({ postgres: `postgres://${pg.username}@${pg.host}:${pg.port}/gsyf_no_such_db_${process.pid}` }))
      .rejects.toBeInstanceOf(Client.StoreOpenError)
  }, 60_000)
})
