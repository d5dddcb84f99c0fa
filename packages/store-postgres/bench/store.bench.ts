// PostgreSQL event store benchmark: gsyf vs Emmett with 8 concurrent clients on
// separate streams (commands per second), and replay through `readAll` with peak RSS.
//
//   npx tsx packages/store-postgres/bench/store.bench.ts
//   GSYF_BENCH_COMMANDS=8000 GSYF_BENCH_CLIENTS=8 GSYF_BENCH_ROUNDS=3 GSYF_BENCH_REPLAY=300000 GSYF_PG_URL=postgres://postgres@127.0.0.1:5432 npx tsx ...
//
// Each store gets a fresh database, dropped at the end. Workload per command, the same
// payloads for every store: bring the stream's state up to date, decide 1–3 events with
// a toy counter, append them at the version the decision was based on (optimistic
// concurrency; a stale version is rejected by the store). What each side does per
// command is printed with its figure:
//
// - Emmett: `aggregateStream` (reads and folds the whole stream) + `appendToStream`
//   (BEGIN, the `emt_append_to_stream` function, COMMIT).
// - gsyf, no cache: `CommandHandler.handle` reads and decodes the whole stream, then one
//   `WITH … INSERT` statement (command row + events + hash chain).
// - gsyf, no cache with snapshots every 10 events: one query reads the stream's snapshot and the events
//   after it (`readWithSnapshot`), then the same single statement.
// - gsyf, state cache "refresh" (what `Projects` does by default): decides on the cached state (a stream not
//   cached: on a new stream's) and sends one statement, `appendOrNewer`, that appends only when no event follows
//   that version and otherwise returns the newer events (folded, then the command is decided again). At a cached
//   version the statement is the INSERT (its unique key on stream and position is the check; the newer events are
//   read after it fails); at version 0 it reads the stream's events and inserts only when there are none.
// - gsyf, state cache "optimistic": decides on the cached state and sends only the INSERT; its expected version is
//   the check (a conflict reads and decides again). A stream not cached is sent as in refresh mode.
//
// Before the clock starts, each side's clients read an empty stream at once, so that both pools have their
// connections open (opening them weighs more on a side whose round is shorter).
//
// Both sides run with the server's settings (synchronous_commit on: every command's transaction is flushed to
// the WAL before it is acknowledged) and write the same payloads; gsyf also writes the command row, the command's
// fingerprint and the hash chain in the same statement.
//
// The ratio is printed for every gsyf variant, with the benchmark process's own CPU time per command (client side:
// gsyf or Emmett, the driver, the runtime), which other load on the machine moves much less than the throughput.
// The gsyf variants take turns going first in each round.
import * as PgClient from "@effect/sql-pg/PgClient"
import * as SqlClient from "@effect/sql/SqlClient"
import { getPostgreSQLEventStore } from "@event-driven-io/emmett-postgresql"
import { CommandHandler, type Decider, EventStore, Snapshot } from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { PgEventStore } from "../src/index.js"

const COMMANDS = Number(process.env.GSYF_BENCH_COMMANDS ?? 8000)
const CLIENTS = Number(process.env.GSYF_BENCH_CLIENTS ?? 8)
const STREAMS_PER_CLIENT = Number(process.env.GSYF_BENCH_STREAMS_PER_CLIENT ?? 50)
const REPLAY = Number(process.env.GSYF_BENCH_REPLAY ?? 300_000)
const ROUNDS = Number(process.env.GSYF_BENCH_ROUNDS ?? 3)
const URL = process.env.GSYF_PG_URL ?? "postgres://postgres@127.0.0.1:5432"

const payloads = (i: number) =>
  Array.from(
    { length: (i % 3) + 1 },
    (_, k) => ({ n: i * 10 + k, note: "工伤预防培训 batch", unit: "yuan", amount: "1250.00" })
  )
// Client c runs commands c, c + CLIENTS, c + 2·CLIENTS, … on its own streams.
const streamOf = (client: number, i: number) => `project-${client}-${Math.floor(i / CLIENTS) % STREAMS_PER_CLIENT}`

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

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000)

// Wall time and this process's CPU time (user + system) of a timed run. The CPU time per command is the client's
// own cost, which other load on the machine changes much less than the wall time.
interface Timing {
  readonly ms: number
  readonly cpuMs: number
}
const startTiming = () => {
  const start = performance.now()
  const cpu = process.cpuUsage()
  return (): Timing => {
    const used = process.cpuUsage(cpu)
    return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 }
  }
}
const best = (a: Timing | undefined, b: Timing): Timing =>
  a === undefined ? b : { ms: Math.min(a.ms, b.ms), cpuMs: Math.min(a.cpuMs, b.cpuMs) }
const cpuPerCommand = (t: Timing) =>
  `client CPU ${String(Math.round((t.cpuMs / COMMANDS) * 1000)).padStart(4)} µs/command`

const admin = (statement: string) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql.unsafe(statement)
  }).pipe(
    Effect.provide(PgClient.layer({ url: Redacted.make(`${URL}/postgres`), maxConnections: 1 })),
    Effect.runPromise
  )

const withDatabase = async <A>(name: string, f: (url: string) => Promise<A>): Promise<A> => {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin(`CREATE DATABASE ${name}`)
  try {
    return await f(`${URL}/${name}`)
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  }
}

type Variant = "no cache" | "snapshots" | "refresh" | "optimistic"
const variants: ReadonlyArray<Variant> = ["no cache", "snapshots", "refresh", "optimistic"]
const describeVariant: Record<Variant, string> = {
  "no cache": "read + decode whole stream, 1 INSERT statement",
  snapshots: "no cache, snapshot every 10 events: 1 query (snapshot + events after it), 1 INSERT statement",
  refresh: "state cache: 1 statement: append at cached version or return the events after it",
  optimistic: "state cache, optimistic: 1 INSERT statement (a stream not cached: as refresh)"
}

const benchGsyf = (variant: Variant) => (url: string) =>
  Effect.gen(function*() {
    // One cache for the process, as `Projects` keeps one per service.
    const cache = variant === "no cache" || variant === "snapshots"
      ? undefined
      : CommandHandler.makeCache({ mode: variant })
    const snapshots = variant === "snapshots"
      ? { codec: Snapshot.structural<number>("bench-counter", 1), every: 10 }
      : undefined
    // Warm-up, untimed, as for Emmett: every client reads an empty stream at once, so the pool's connections are
    // open before the clock starts.
    const store = yield* EventStore.EventStore
    yield* Effect.all(Array.from({ length: CLIENTS }, (_, c) => store.readStream(`warm-up-${c}`)), {
      concurrency: CLIENTS,
      discard: true
    })
    const stop = startTiming()
    yield* Effect.all(
      Array.from({ length: CLIENTS }, (_, c) =>
        Effect.gen(function*() {
          for (let i = c; i < COMMANDS; i += CLIENTS) {
            yield* CommandHandler.handle(counter, codec, streamOf(c, i), { i }, `cmd-${i}`, { cache, snapshots })
          }
        })),
      { concurrency: CLIENTS, discard: true }
    )
    return stop()
  }).pipe(Effect.provide(PgEventStore.layer({ url, maxConnections: CLIENTS })), Effect.scoped, Effect.runPromise)

const benchEmmett = async (url: string) => {
  type EmmettAdded = { type: "Added"; data: { n: number; note: string; unit: string; amount: string } }
  const store = getPostgreSQLEventStore(url)
  await store.schema.migrate()
  // Warm-up, untimed, as for gsyf: every client reads an empty stream at once (opens the pool's connections).
  await Promise.all(
    Array.from({ length: CLIENTS }, (_, c) =>
      store.aggregateStream<number, EmmettAdded>(`warm-up-${c}`, {
        evolve: (s: number, e: EmmettAdded) => s + e.data.n,
        initialState: () => 0
      }))
  )
  const stop = startTiming()
  await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
    for (let i = c; i < COMMANDS; i += CLIENTS) {
      const streamId = streamOf(c, i)
      const { currentStreamVersion } = await store.aggregateStream<number, EmmettAdded>(streamId, {
        evolve: (s: number, e: EmmettAdded) => s + e.data.n,
        initialState: () => 0
      })
      const events: Array<EmmettAdded> = payloads(i).map((data) => ({ type: "Added" as const, data }))
      await store.appendToStream(streamId, events, { expectedStreamVersion: currentStreamVersion })
    }
  }))
  const timing = stop()
  emmettClosed = true
  await store.close()
  return timing
}

// emmett-postgresql 0.42.0 sometimes leaves an idle pooled connection open after
// `close()`; dropping the database then terminates it (57P01) and its pool re-emits the
// error. That connection is no longer used, so this one error is ignored after close.
let emmettClosed = false
process.on("uncaughtException", (e) => {
  if (emmettClosed && (e as { code?: unknown }).code === "57P01") return
  console.error(e)
  process.exit(1)
})

const seedAndReplay = (url: string) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const store = yield* EventStore.EventStore
    const seedStart = performance.now()
    const perStream = 1000
    const batch = 1000
    let global = 0
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
      yield* sql.withTransaction(Effect.gen(function*() {
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
      }))
      global += count
    }
    const seedMs = performance.now() - seedStart
    const rssBefore = process.memoryUsage().rss
    let peak = rssBefore
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    const start = performance.now()
    const count = yield* Stream.runCount(store.readAll(0))
    const ms = performance.now() - start
    clearInterval(timer)
    peak = Math.max(peak, process.memoryUsage().rss)
    return { seedMs, count, ms, rssBefore, peak }
  }).pipe(Effect.provide(PgEventStore.layer({ url })), Effect.scoped, Effect.runPromise)

const main = async () => {
  const tag = `${process.pid}`
  console.log(
    `PostgreSQL event store benchmark: ${COMMANDS} commands, ${CLIENTS} concurrent clients on separate streams, 1–3 events each (best of ${ROUNDS} alternating rounds)`
  )
  // Alternate the two stores and keep each one's best round, so that a burst of
  // other load on the machine does not decide the ratio.
  // The gsyf variants also take turns going first, so that none always runs right after the same neighbour.
  let emmettT: Timing | undefined
  const gsyfT = new Map<Variant, Timing>()
  for (let round = 0; round < ROUNDS; round++) {
    if (!process.env.GSYF_BENCH_SKIP_EMMETT) {
      emmettClosed = false
      emmettT = best(emmettT, await withDatabase(`gsyf_bench_emmett_${tag}`, benchEmmett))
    }
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(round + k) % variants.length]!
      gsyfT.set(v, best(gsyfT.get(v), await withDatabase(`gsyf_bench_gsyf_${tag}`, benchGsyf(v))))
    }
  }
  const emmett = emmettT === undefined ? Number.NaN : perSecond(COMMANDS, emmettT.ms)
  const label = (s: string) => s.padEnd(118)
  console.log(
    `  ${
      label(
        "Emmett (emmett-postgresql 0.42.0; aggregateStream: read + fold whole stream; appendToStream: BEGIN, function, COMMIT)"
      )
    } ${String(emmett).padStart(6)} commands/s   ${emmettT === undefined ? "" : cpuPerCommand(emmettT)}`
  )
  for (const v of variants) {
    const t = gsyfT.get(v)!
    const gsyf = perSecond(COMMANDS, t.ms)
    console.log(
      `  ${label(`gsyf (PgEventStore + CommandHandler; ${describeVariant[v]})`)} ${
        String(gsyf).padStart(6)
      } commands/s   ${cpuPerCommand(t)}   ratio gsyf/Emmett ${(gsyf / emmett).toFixed(2)}×`
    )
  }
  const r = await withDatabase(`gsyf_bench_replay_${tag}`, seedAndReplay)
  const mb = (b: number) => (b / 1024 / 1024).toFixed(0)
  console.log(`Replay: seeded ${r.count} events in ${(r.seedMs / 1000).toFixed(1)} s (bulk inserts)`)
  console.log(`  readAll: ${r.count} events in ${(r.ms / 1000).toFixed(1)} s = ${perSecond(r.count, r.ms)} events/s`)
  console.log(`  RSS before replay ${mb(r.rssBefore)} MB, peak during replay ${mb(r.peak)} MB`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
