import { Client } from "@gsyf/core"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { open, prepare, race } from "../../core/test/fixtures/contention.js"

const dir = mkdtempSync(join(tmpdir(), "gsyf-contention-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("Client on SQLite under contention", () => {
  it("2×40 concurrent commands on one project: every one accepted, no version conflict reaches the host", async () => {
    const store = { sqlite: join(dir, "race.db") }
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
  }, 120_000)

  it("make rejects when the store cannot be opened, instead of failing on the first call", async () => {
    const notAStore = join(dir, "not-a-store.db")
    const { writeFileSync } = await import("node:fs")
    writeFileSync(notAStore, "plain text, not SQLite")
    await expect(open({ sqlite: notAStore })).rejects.toBeInstanceOf(Client.StoreOpenError)
    await expect(open({ sqlite: join(dir, "missing.db"), readOnly: true })).rejects.toBeInstanceOf(
      Client.StoreOpenError
    )
  })

  it("a table prefix keeps the store beside a host's own tables", async () => {
    const file = join(dir, "shared.db")
    const client = await open({ sqlite: file, tablePrefix: "gsyf_" })
    try {
      await prepare(client, "city-2026")
      expect((await client.verify("city-2026")).ok).toBe(true)
    } finally {
      await client.close()
    }
  })
})
