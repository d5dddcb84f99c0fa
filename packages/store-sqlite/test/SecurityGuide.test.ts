/**
 * Runs the code the security guide shows (examples/guides/security.ts): a signing store, a checkpoint kept in
 * another folder, and the auditor's read-only check, before and after a payment is changed in the file.
 */
import { ChinaHolidays } from "@gsyf/calendar-cn"
import Database from "better-sqlite3"
import * as Effect from "effect/Effect"
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import {
  audit,
  checkpointTo,
  handle,
  loadOrCreateKey,
  openClient,
  runSigned,
  storeLayer
} from "../../../examples/guides/security.js"
import { contracting, planningToAward, seedConfig, seedParameterFile } from "../../core/test/fixtures/seed.js"

describe("the security guide's code", () => {
  it("signs, checkpoints elsewhere, and lets an auditor find a changed payment", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gsyf-guide-security-"))
    const [keyFile, publicFile, db, folder] = ["audit.key", "audit.pub", "gsyf.db", "checkpoints"].map((f) =>
      join(dir, f)
    ) as [string, string, string, string]
    const config = seedConfig()
    const signer = loadOrCreateKey(keyFile, publicFile)
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(loadOrCreateKey(keyFile, publicFile).keyId).toBe(signer.keyId)

    await Effect.runPromise(runSigned(config, db, signer, "guide-city-2026", [...planningToAward(), ...contracting()]))
    await Effect.runPromise(
      checkpointTo(folder)(signer).pipe(Effect.provide(storeLayer(config, db, signer)), Effect.asVoid)
    )
    const [file] = readdirSync(folder)
    const checkpointFile = join(folder, file!)
    const publicKey = readFileSync(publicFile, "utf8")
    expect(await Effect.runPromise(audit(config, db, checkpointFile, publicKey))).toEqual([])

    const sqlite = new Database(db)
    sqlite.prepare(
      `UPDATE events SET data = replace(data, '"872000.00"', '"972000.00"') WHERE type = 'PaymentMade'`
    ).run()
    sqlite.close()
    const findings = await Effect.runPromise(audit(config, db, checkpointFile, publicKey))
    expect(findings[0]).toMatch(/^流 guide-city-2026 第 \d+ 号事件:事件内容已被改动/)
    expect(findings.some((f) => f.includes("gsyf.payment-ledger"))).toBe(true)
  })

  it("binds each command to the session's party and logs a refused attempt outside the database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gsyf-guide-principal-"))
    const logFile = join(dir, "security.jsonl")
    const client = await openClient(seedParameterFile(), ChinaHolidays.calendar, join(dir, "gsyf.db"), logFile)
    try {
      const commands = planningToAward()
      const bidAt = commands.findIndex((c) => c["_tag"] === "SubmitBid")
      const sessionOf = (c: Record<string, unknown>) => {
        const a = c["actor"] as { id: string; role: "provider"; unit?: undefined }
        return { partyId: a.id, role: a.role, unit: a.unit }
      }
      for (const c of commands.slice(0, bidAt)) expect((await handle(client, sessionOf(c), "p", c)).ok).toBe(true)
      // sup-b is signed in and sends a bid in sup-a's name
      const forged = await handle(client, { partyId: "sup-b", role: "provider" }, "p", commands[bidAt])
      expect(forged.ok).toBe(false)
      expect(!forged.ok && forged.rejection.ruleIds).toEqual(["actors.authenticated"])
      // without a session nothing is accepted at all
      const anonymous = await client.execute("p", commands[bidAt])
      expect(!anonymous.ok && anonymous.rejection.tag).toBe("Unauthorized")
      const lines = readFileSync(logFile, "utf8").trim().split("\n").map((l) => JSON.parse(l))
      expect(lines.map((l) => [l.command, l.principal?.id ?? null, l.ruleIds[0]])).toEqual([
        ["SubmitBid", "sup-b", "actors.authenticated"],
        ["SubmitBid", null, "actors.authenticated"]
      ])
      expect(statSync(logFile).mode & 0o777).toBe(0o600)
      expect((await client.events("p")).some((e) => e._tag === "BidSubmitted")).toBe(false)
    } finally {
      await client.close()
    }
  })
})
