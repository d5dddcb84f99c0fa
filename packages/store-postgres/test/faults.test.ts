import * as SqlClient from "@effect/sql/SqlClient"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { EventStore } from "@gsyf/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as Scope from "effect/Scope"
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { PgEventStore } from "../src/index.js"
import { canCreateClusters, createCluster } from "./pgCluster.js"
import { pg, testDatabase } from "./testDatabase.js"

const root = fileURLToPath(new URL("../../..", import.meta.url))
const writer = fileURLToPath(new URL("./fixtures/writer.ts", import.meta.url))

let scope: Scope.CloseableScope
let database: string
beforeAll(async () => {
  scope = await Effect.runPromise(Scope.make())
  database = await Effect.runPromise(Scope.extend(testDatabase("faults"), scope))
}, 60_000)
afterAll(async () => {
  await Effect.runPromise(Scope.close(scope, Exit.void))
}, 60_000)

const storeLayer = () =>
  PgEventStore.layer({ host: pg.host, port: pg.port, username: pg.username, database, connectTimeout: "2 seconds" })
const run = <A, E>(effect: Effect.Effect<A, E, EventStore.EventStore | SqlClient.SqlClient>) =>
  effect.pipe(Effect.provide(storeLayer()), Effect.scoped, Effect.runPromise)

interface WriterRun {
  readonly acked: Map<string, { events: number; attempts: number }>
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stderr: string
}

const startWriter = (args: ReadonlyArray<string>, killAfter?: number) =>
  new Promise<WriterRun>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", writer, database, ...args], { cwd: root })
    const acked = new Map<string, { events: number; attempts: number }>()
    let buffer = ""
    let stderr = ""
    child.stderr.on("data", (d) => (stderr += d))
    child.stdout.on("data", (d: Buffer) => {
      buffer += d.toString()
      const lines = buffer.split("\n")
      buffer = lines.pop()!
      for (const line of lines) {
        const [, id, n, attempts] = line.split(" ")
        acked.set(id!, { events: Number(n), attempts: Number(attempts) })
      }
      if (killAfter !== undefined && acked.size >= killAfter && !child.killed) child.kill("SIGKILL")
    })
    child.on("error", reject)
    child.on("exit", (code, signal) => resolve({ acked, code, signal, stderr }))
  })

/** Every stored command is complete and every event belongs to a stored command. */
const checkNoPartialCommands = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const commands = yield* sql<{ command_id: string; first_position: number; last_position: number; n: string }>`
    SELECT c.command_id, c.first_position, c.last_position,
      (SELECT COUNT(*) FROM events e WHERE e.stream_id = c.stream_id AND e.command_id = c.command_id) AS n
    FROM commands c WHERE c.command_id LIKE '%-cmd-%'`
  for (const c of commands) {
    const i = Number(c.command_id.split("-").pop())
    expect(Number(c.n), c.command_id).toBe((i % 3) + 1)
    expect(c.last_position - c.first_position + 1).toBe(Number(c.n))
  }
  const orphans = yield* sql<{ n: string }>`
    SELECT COUNT(*) AS n FROM events e WHERE NOT EXISTS (SELECT 1 FROM commands c WHERE c.stream_id = e.stream_id AND c.command_id = e.command_id)`
  expect(Number(orphans[0]!.n)).toBe(0)
  return commands.length
})

const clusters = await canCreateClusters()
if (!clusters) {
  console.warn(
    "[gsyf tests] skipping the outage test: pg_createcluster/pg_ctlcluster need root and the Debian PostgreSQL tools"
  )
}

describe("PostgreSQL under faults", () => {
  it("loses no acknowledged command and writes no partial command when a writer is killed", async () => {
    // Make sure the schema exists before the child starts, then kill the child mid-run.
    await run(Effect.void)
    const killed = await startWriter(["k", "100000", "4"], 150)
    expect(killed.signal, killed.stderr).toBe("SIGKILL")
    await run(Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      for (const [id, { events }] of killed.acked) {
        // The writer (4 streams) sends command i of prefix p to stream `p-(i % 4)`.
        const [prefix, , i] = id.split("-")
        const found = yield* store.findCommand(`${prefix}-${Number(i) % 4}`, id)
        expect(Option.isSome(found), id).toBe(true)
        expect(Option.getOrThrow(found).events.length).toBe(events)
      }
      expect(yield* checkNoPartialCommands).toBeGreaterThanOrEqual(killed.acked.size)
      for (const s of yield* store.listStreams()) {
        expect(yield* store.verify(s.streamId)).toMatchObject({ ok: true, count: s.version })
      }
    }))
  }, 120_000)

  it("lets exactly one of two hosts win each race for the same version", async () => {
    // Two layers = two connection pools, as two application instances would have.
    const twoHosts = Layer.merge(
      Layer.effect(HostA, EventStore.EventStore).pipe(Layer.provide(storeLayer())),
      Layer.effect(HostB, EventStore.EventStore).pipe(Layer.provide(storeLayer()))
    )
    await Effect.gen(function*() {
      const a = yield* HostA
      const b = yield* HostB
      const ev = (n: number): EventStore.NewEvent => ({ type: "Added", schemaVersion: 1, data: { _tag: "Added", n } })
      for (let round = 0; round < 30; round++) {
        const v = yield* a.streamVersion("race")
        const [ra, rb] = yield* Effect.all([
          Effect.either(a.append("race", v, `race-a-${round}`, [ev(round), ev(round)])),
          Effect.either(b.append("race", v, `race-b-${round}`, [ev(round)]))
        ], { concurrency: 2 })
        const wins = [ra, rb].filter(Either.isRight).map((e) => e.right)
        const losses = [ra, rb].filter(Either.isLeft).map((e) => e.left)
        expect(wins.length).toBe(1)
        expect(losses).toEqual([
          expect.objectContaining({ _tag: "VersionConflict", expected: v, actual: wins[0]!.version })
        ])
        expect(yield* b.streamVersion("race")).toBe(wins[0]!.version)
      }
      const events = yield* a.readStream("race")
      expect(events.map((e) => e.position)).toEqual(events.map((_, i) => i + 1))
      expect(yield* b.verify("race")).toMatchObject({ ok: true })
    }).pipe(Effect.provide(twoHosts), Effect.scoped, Effect.runPromise)
  }, 60_000)

  it("lands the commands of two racing processes in a valid order through CommandHandler", async () => {
    await run(Effect.void)
    const [p, q] = await Promise.all([startWriter(["p", "60", "1", "1000"]), startWriter(["q", "60", "1", "1000"])])
    expect(p.code, p.stderr).toBe(0)
    expect(q.code, q.stderr).toBe(0)
    const attempts = [...p.acked.values(), ...q.acked.values()].reduce((n, a) => n + a.attempts, 0)
    expect(attempts).toBeGreaterThanOrEqual(120)
    await run(Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      const events = yield* store.readStream("shared")
      let expected = 0
      for (let i = 1; i <= 60; i++) expected += 2 * ((i % 3) + 1)
      expect(events.length).toBe(expected)
      expect(events.map((e) => e.position)).toEqual(events.map((_, i) => i + 1))
      expect(new Set(events.map((e) => e.position)).size).toBe(events.length)
      expect(yield* store.verify("shared")).toMatchObject({ ok: true, count: expected })
      yield* checkNoPartialCommands
    }))
    console.log(
      `two racing processes: 120 commands took ${attempts} attempts (${attempts - 120} version conflicts retried)`
    )
  }, 120_000)

  it.skipIf(!clusters)(
    "reports StoreUnavailable while PostgreSQL is down and works again after it restarts",
    async () => {
      // The outage happens on a private cluster: the machine's main one keeps serving every other test.
      const cluster = await createCluster("outage")
      try {
        const layer = PgEventStore.layer({
          host: cluster.host,
          port: cluster.port,
          username: cluster.username,
          database: cluster.database,
          connectTimeout: "2 seconds"
        })
        await Effect.gen(function*() {
          const store = yield* EventStore.EventStore
          const ev: EventStore.NewEvent = { type: "Added", schemaVersion: 1, data: { _tag: "Added", n: 1 } }
          yield* store.append("outage", 0, "outage-1", [ev])
          yield* Effect.promise(() => cluster.stop())
          const failedAppend = yield* Effect.flip(
            store.append("outage", 1, "outage-2", [ev]).pipe(Effect.timeout("20 seconds"))
          )
          expect(failedAppend._tag).toBe("StoreUnavailable")
          const failedRead = yield* Effect.flip(store.readStream("outage").pipe(Effect.timeout("20 seconds")))
          expect(failedRead._tag).toBe("StoreUnavailable")
          yield* Effect.promise(() => cluster.start())
          // The pool reconnects on its own; the retried command goes through exactly once.
          const retried = yield* store.append("outage", 1, "outage-2", [ev]).pipe(
            Effect.retry({
              while: (e) => e._tag === "StoreUnavailable",
              times: 60,
              schedule: Schedule.spaced("250 millis")
            })
          )
          expect(retried.version).toBe(2)
          expect(yield* store.append("outage", 2, "outage-3", [ev])).toMatchObject({ version: 3, duplicate: false })
          expect(yield* store.verify("outage")).toMatchObject({ ok: true, count: 3 })
        }).pipe(Effect.provide(layer), Effect.scoped, Effect.runPromise)
      } finally {
        await cluster.drop()
      }
    },
    180_000
  )
})

class HostA extends Context.Tag("test/HostA")<HostA, EventStore.Service>() {}
class HostB extends Context.Tag("test/HostB")<HostB, EventStore.Service>() {}
