// SQLite event store benchmark: gsyf vs Emmett (commands per second), and replay
// of a large store through `readAll` and a store-wide projection rebuild, with peak RSS.
//
//   npx tsx packages/store-sqlite/bench/store.bench.ts
//   GSYF_BENCH_COMMANDS=2000 GSYF_BENCH_STREAMS=500 GSYF_BENCH_REPLAY=1000000 npx tsx ...
//   GSYF_BENCH_SKIP_COMMANDS=1 GSYF_BENCH_REPLAY=100000 npx tsx ...   (the replay and the rebuild only)
//
// Both stores run the same workload: for each command, bring the stream's state up
// to date, decide 1–3 events with the same payloads, append at the version the
// decision was based on. Both run in WAL mode with `synchronous = FULL` (emmett-sqlite
// sets only `journal_mode = WAL`; the sqlite3 build it uses defaults to FULL, as gsyf's
// store does), so an acknowledged command is on disk on both sides. The rounds alternate
// the two stores in one process and the ratio is printed as min / median / max.
// Emmett reads and folds the whole stream each time; gsyf is measured without a
// state cache (the same: read and decode the whole stream), with the "refresh" cache
// (`Projects`' default: read only the events after the cached version) and with the
// "optimistic" cache (no read; the append's expected version is the check).
import * as SqlClient from "@effect/sql/SqlClient"
import { getSQLiteEventStore } from "@event-driven-io/emmett-sqlite"
import { CommandHandler, type Decider, EventStore, Projection } from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { spread } from "../../core/bench/compare.js"
import { SqliteEventStore } from "../src/index.js"

const COMMANDS = Number(process.env.GSYF_BENCH_COMMANDS ?? 2000)
const STREAMS = Number(process.env.GSYF_BENCH_STREAMS ?? 500)
const REPLAY = Number(process.env.GSYF_BENCH_REPLAY ?? 1_000_000)
const ROUNDS = Number(process.env.GSYF_BENCH_ROUNDS ?? 3)
const dir = mkdtempSync(join(tmpdir(), "gsyf-bench-sqlite-"))

// The workload: command i goes to stream i % STREAMS with (i % 3) + 1 events.
const payloads = (i: number) =>
  Array.from(
    { length: (i % 3) + 1 },
    (_, k) => ({ n: i * 10 + k, note: "工伤预防培训 batch", unit: "yuan", amount: "1250.00" })
  )

// gsyf toy decider
const Added = Schema.TaggedStruct("Added", {
  n: Schema.Int,
  note: Schema.String,
  unit: Schema.String,
  amount: Schema.String
})
type Added = typeof Added.Type
const counter: Decider.Decider<{ readonly i: number }, Added, number, never> = {
  initialState: 0,
  decide: (c) => Either.right(payloads(c.i).map((p) => ({ _tag: "Added" as const, ...p }))),
  evolve: (s, e) => s + e.n
}
const codec: Decider.EventCodec<Added> = {
  schema: Added,
  typeOf: (e) => e._tag,
  currentVersion: 1,
  upcast: (_t, _v, d) => d
}

const perSecond = (n: number, ms: number) => (n / ms) * 1000
const medianOf = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

type Variant = "no cache" | "refresh" | "optimistic"

const benchGsyf = (synchronous: "FULL" | "NORMAL", variant: Variant, round: number) =>
  Effect.gen(function*() {
    const cache = variant === "no cache" ? undefined : CommandHandler.makeCache({ mode: variant })
    const start = performance.now()
    for (let i = 0; i < COMMANDS; i++) {
      yield* CommandHandler.handle(counter, codec, `project-${i % STREAMS}`, { i }, `cmd-${i}`, { cache })
    }
    return performance.now() - start
  }).pipe(
    Effect.provide(
      SqliteEventStore.layer({
        filename: join(dir, `gsyf-${synchronous}-${variant.replace(" ", "-")}-${round}.db`),
        synchronous
      })
    ),
    Effect.scoped,
    Effect.runPromise
  )

const benchEmmett = async (round: number) => {
  type EmmettAdded = { type: "Added"; data: { n: number; note: string; unit: string; amount: string } }
  const store = getSQLiteEventStore({
    fileName: join(dir, `emmett-${round}.db`),
    schema: { autoMigration: "CreateOrUpdate" }
  })
  // emmett-sqlite 0.38.5 intermittently fails a commit with "SQLITE_BUSY: cannot commit transaction - SQL
  // statements in progress" (a few times per thousand commands, in one process, with CommandHandler too);
  // the command is retried as a user would, and the retries are counted. Its own logging of the error is muted
  // (see `main`).
  let retries = 0
  const start = performance.now()
  for (let i = 0; i < COMMANDS; i++) {
    const streamId = `project-${i % STREAMS}`
    for (let attempt = 0;; attempt++) {
      try {
        const { currentStreamVersion, events: read } = await store.readStream<EmmettAdded>(streamId)
        let state = 0
        for (const e of read) state += e.data.n
        if (state < 0) throw new Error("unreachable")
        const events: Array<EmmettAdded> = payloads(i).map((data) => ({ type: "Added" as const, data }))
        await store.appendToStream(streamId, events, { expectedStreamVersion: currentStreamVersion })
        break
      } catch (e) {
        retries++
        if (attempt >= 5) throw e
      }
    }
  }
  const ms = performance.now() - start
  return { ms, retries }
}

// One document per stream: its total and event count (what a store-wide rebuild recomputes).
const streamTotals = Projection.make<{ readonly total: number; readonly events: number }>({
  name: "bench-stream-totals",
  version: 1,
  keysOf: (event) => [event.streamId],
  reduce: (doc, event) => ({
    total: (doc?.total ?? 0) + (event.data as { readonly n: number }).n,
    events: (doc?.events ?? 0) + 1
  })
})

const seedAndReplay = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const store = yield* EventStore.EventStore
  const seedStart = performance.now()
  const perStream = 1000
  const batch = 500
  let global = 0
  yield* sql.withTransaction(Effect.gen(function*() {
    for (let s = 0; global < REPLAY; s++) {
      const count = Math.min(perStream, REPLAY - global)
      const prepared = Either.getOrThrow(
        EventStore.prepareAppend(
          `seed-${s}`,
          0,
          `seed-${s}`,
          Array.from(
            { length: count },
            (_, k) => ({
              type: "Added",
              schemaVersion: 1,
              data: { _tag: "Added", n: k, note: "seed", unit: "yuan", amount: "1.00" }
            })
          )
        )
      )
      const sealed = EventStore.seal(prepared, "0".repeat(64), new Date().toISOString())
      yield* sql`INSERT INTO commands ${
        sql.insert({ command_id: `seed-${s}`, stream_id: `seed-${s}`, first_position: 1, last_position: count })
      }`
      for (let k = 0; k < sealed.length; k += batch) {
        yield* sql`INSERT INTO events ${
          sql.insert(
            sealed.slice(k, k + batch).map((e) => ({
              stream_id: e.streamId,
              position: e.position,
              type: e.type,
              schema_version: e.schemaVersion,
              data: e.dataJson,
              command_id: e.commandId,
              recorded_at: e.recordedAt,
              prev_hash: e.prevHash,
              hash: e.hash
            }))
          )
        }`
      }
      global += count
    }
  }))
  const seedMs = performance.now() - seedStart
  const rssBefore = process.memoryUsage().rss
  let peak = rssBefore
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const start = performance.now()
  const count = yield* Stream.runCount(store.readAll(0))
  const ms = performance.now() - start
  peak = Math.max(peak, process.memoryUsage().rss)
  // A store-wide projection rebuild: every event, page by page, in one transaction.
  const rebuildRssBefore = process.memoryUsage().rss
  const peakBeforeRebuild = peak
  peak = rebuildRssBefore
  const rebuildStart = performance.now()
  const rebuilt = yield* store.rebuild(streamTotals.name)
  const rebuildMs = performance.now() - rebuildStart
  clearInterval(timer)
  const rebuildPeak = Math.max(peak, process.memoryUsage().rss)
  return { seedMs, count, ms, rssBefore, peak: peakBeforeRebuild, rebuilt, rebuildMs, rebuildRssBefore, rebuildPeak }
}).pipe(
  Effect.provide(
    SqliteEventStore.layer({ filename: join(dir, "replay.db"), synchronous: "NORMAL", projections: [streamTotals] })
  ),
  Effect.scoped
)

const describe: Record<Variant, string> = {
  "no cache": "read + decode whole stream",
  refresh: "state cache: read events after cached version",
  optimistic: "state cache, optimistic: no read"
}
const variants = ["no cache", "refresh", "optimistic"] as const

// Each round runs the whole workload on fresh files: Emmett, then gsyf in each mode, so a
// burst of load elsewhere on the machine lands on one round's pair, not on one side.
const main = async () => {
  if (process.env.GSYF_BENCH_SKIP_COMMANDS !== undefined) return replayPart()
  console.log(
    `SQLite event store benchmark: ${COMMANDS} commands over ${STREAMS} streams, 1–3 events each, ${ROUNDS} rounds`
  )
  // emmett-sqlite logs each SQLITE_BUSY it meets with console.log; the retries are counted instead.
  const log = console.log
  console.log = (...args: Array<unknown>) => {
    if (!(args[0] instanceof Error && args[0].message.includes("SQLITE_BUSY"))) log(...args)
  }
  const emmett: Array<number> = []
  const gsyf = new Map<Variant | "NORMAL", Array<number>>()
  let retries = 0
  for (let round = 0; round < ROUNDS; round++) {
    const e = await benchEmmett(round)
    emmett.push(perSecond(COMMANDS, e.ms))
    retries += e.retries
    for (const variant of variants) {
      const list = gsyf.get(variant) ?? []
      list.push(perSecond(COMMANDS, await benchGsyf("FULL", variant, round)))
      gsyf.set(variant, list)
    }
    const normal = gsyf.get("NORMAL") ?? []
    normal.push(perSecond(COMMANDS, await benchGsyf("NORMAL", "refresh", round)))
    gsyf.set("NORMAL", normal)
  }
  const label = (s: string) => s.padEnd(112)
  const rate = (xs: ReadonlyArray<number>) => String(Math.round(medianOf(xs))).padStart(6)
  console.log(
    `  ${label("Emmett (emmett-sqlite 0.38.5; WAL, synchronous=FULL; readStream + fold; appendToStream)")} ${
      rate(emmett)
    } commands/s (median; ${retries} SQLITE_BUSY retries)`
  )
  const ratios = (xs: ReadonlyArray<number>) => spread(xs.map((x, i) => x / emmett[i]!))
  for (const variant of variants) {
    const xs = gsyf.get(variant)!
    console.log(
      `  ${label(`gsyf (SqliteEventStore WAL, synchronous=FULL + CommandHandler; ${describe[variant]})`)} ${
        rate(xs)
      } commands/s   gsyf ÷ Emmett min / median / max: ${ratios(xs)}`
    )
  }
  const normal = gsyf.get("NORMAL")!
  console.log(
    `  ${label(`gsyf (synchronous=NORMAL, weaker than Emmett's FULL; ${describe.refresh})`)} ${
      rate(normal)
    } commands/s   (÷ Emmett at FULL: ${ratios(normal)})`
  )
  await replayPart()
}

const replayPart = async () => {
  const r = await Effect.runPromise(seedAndReplay)
  const mb = (b: number) => (b / 1024 / 1024).toFixed(0)
  console.log(`Replay: seeded ${r.count} events in ${(r.seedMs / 1000).toFixed(1)} s (bulk inserts)`)
  console.log(
    `  readAll: ${r.count} events in ${(r.ms / 1000).toFixed(1)} s = ${Math.round(perSecond(r.count, r.ms))} events/s`
  )
  console.log(`  RSS before replay ${mb(r.rssBefore)} MB, peak during replay ${mb(r.peak)} MB`)
  console.log(
    `  rebuild of a projection over the whole store: ${r.rebuilt.events} events, ${r.rebuilt.documents} documents in ${
      (r.rebuildMs / 1000).toFixed(1)
    } s = ${Math.round(perSecond(r.rebuilt.events, r.rebuildMs))} events/s (1M at this rate: ${
      ((1_000_000 / r.rebuilt.events) * r.rebuildMs / 1000).toFixed(0)
    } s); RSS before ${mb(r.rebuildRssBefore)} MB, peak ${mb(r.rebuildPeak)} MB`
  )
  rmSync(dir, { recursive: true, force: true })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
