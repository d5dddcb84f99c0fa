import * as SqlClient from "@effect/sql/SqlClient"
import { describe, expect, it } from "@effect/vitest"
import { EventStore } from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { spawn } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { SqliteEventStore } from "../src/index.js"

const root = fileURLToPath(new URL("../../..", import.meta.url))
const writer = fileURLToPath(new URL("./fixtures/writer.ts", import.meta.url))

/** Starts the writer, kills it with SIGKILL once it has acknowledged `killAfter` commands. */
const runAndKill = (filename: string, prefix: string, killAfter: number) =>
  new Promise<{ acked: Map<string, number>; signal: NodeJS.Signals | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", writer, filename, prefix, "100000"], { cwd: root })
    const acked = new Map<string, number>()
    let buffer = ""
    let stderr = ""
    child.stderr.on("data", (d) => (stderr += d))
    child.stdout.on("data", (d: Buffer) => {
      buffer += d.toString()
      const lines = buffer.split("\n")
      buffer = lines.pop()!
      for (const line of lines) {
        const [, id, n] = line.split(" ")
        acked.set(id!, Number(n))
      }
      if (acked.size >= killAfter && !child.killed) child.kill("SIGKILL")
    })
    child.on("error", reject)
    child.on("exit", (_code, signal) => resolve({ acked, signal, stderr }))
  })

describe("SQLite under faults", () => {
  it("loses no acknowledged command and writes no partial command when the writer is killed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gsyf-sqlite-kill-"))
    const filename = join(dir, "kill.db")
    const first = await runAndKill(filename, "a", 150)
    expect(first.signal, first.stderr).toBe("SIGKILL")
    // A second run on the reopened file, killed again, then a final check.
    const second = await runAndKill(filename, "b", 100)
    expect(second.signal, second.stderr).toBe("SIGKILL")

    await Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      const sql = yield* SqlClient.SqlClient
      for (const [id, n] of [...first.acked, ...second.acked]) {
        // The writer sends command i of prefix p to stream `p-(i % 4)`.
        const [prefix, , i] = id.split("-")
        const found = yield* store.findCommand(`${prefix}-${Number(i) % 4}`, id)
        expect(Option.isSome(found), id).toBe(true)
        expect(Option.getOrThrow(found).events.length).toBe(n)
      }
      // Every command stored is complete: as many events as it planned, positions first..last.
      const commands = yield* sql<{ command_id: string; first_position: number; last_position: number; n: number }>`
        SELECT c.command_id, c.first_position, c.last_position,
          (SELECT COUNT(*) FROM events e WHERE e.stream_id = c.stream_id AND e.command_id = c.command_id) AS n
        FROM commands c`
      expect(commands.length).toBeGreaterThanOrEqual(first.acked.size + second.acked.size)
      for (const c of commands) {
        const i = Number(c.command_id.split("-").pop())
        expect(c.n, c.command_id).toBe((i % 3) + 1)
        expect(c.last_position - c.first_position + 1).toBe(c.n)
      }
      const orphans = yield* sql<{ n: number }>`
        SELECT COUNT(*) AS n FROM events e WHERE NOT EXISTS (SELECT 1 FROM commands c WHERE c.stream_id = e.stream_id AND c.command_id = e.command_id)`
      expect(orphans[0]!.n).toBe(0)
      for (const s of yield* store.listStreams()) {
        expect(yield* store.verify(s.streamId)).toMatchObject({ ok: true, count: s.version })
      }
    }).pipe(Effect.provide(SqliteEventStore.layer({ filename })), Effect.scoped, Effect.runPromise)
  }, 120_000)

  it("names the first broken position when a row is altered in the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gsyf-sqlite-tamper-"))
    await Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      const sql = yield* SqlClient.SqlClient
      for (let v = 0; v < 50; v++) {
        yield* store.append("s", v, `c-${v}`, [{ type: "Added", schemaVersion: 1, data: { _tag: "Added", n: v } }])
      }
      yield* sql`UPDATE events SET data = '{"_tag":"Added","n":9999}' WHERE stream_id = 's' AND position = 37`
      expect(yield* store.verify("s")).toMatchObject({ ok: false, firstBrokenPosition: 37, reason: "hash-mismatch" })
      yield* sql`UPDATE events SET data = '{"_tag":"Added","n":36}' WHERE stream_id = 's' AND position = 37`
      expect(yield* store.verify("s")).toMatchObject({ ok: true, count: 50 })
      yield* sql`DELETE FROM events WHERE stream_id = 's' AND position = 20`
      expect(yield* store.verify("s")).toMatchObject({ ok: false, firstBrokenPosition: 20, reason: "position-gap" })
    }).pipe(Effect.provide(SqliteEventStore.layer({ filename: join(dir, "t.db") })), Effect.scoped, Effect.runPromise)
  })

  it("reports a file that cannot be opened as StoreUnavailable", async () => {
    const exit = await Effect.gen(function*() {
      yield* EventStore.EventStore
    }).pipe(
      Effect.provide(SqliteEventStore.layer({ filename: "/nonexistent-dir/x/y.db" })),
      Effect.scoped,
      Effect.flip,
      Effect.runPromise
    )
    expect(exit._tag).toBe("StoreUnavailable")
  })
})
