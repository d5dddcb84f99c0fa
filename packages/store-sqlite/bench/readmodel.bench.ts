// What a deliverable costs the quota-progress read model (`gsyf.quota-progress`) as a project's history grows: a
// project in its contract period with 1,000 / 10,000 events (GSYF_BENCH_SIZES), its read model built from every
// event, then GSYF_BENCH_SAMPLES (default 100) new deliverables, each decided on the state the previous one left.
// For each size:
//
// - projection p50 / p99: `Projection.run` of the read model over one new event, the documents it loads held in
//   memory (reduce, the canonical JSON of what it writes; no store), and the bytes it writes per event;
// - append p50 / p99 on SQLite (synchronous=NORMAL), in turn into three stores holding the same events: with the
//   read model, with a one-document projection (a counter per stream: the store's own cost of having read models,
//   a transaction around the statements instead of its one-call path), and without read models. The first minus
//   the second is the read model's own write in the store (loading its documents, computing, writing them).
//
//   npx tsx packages/store-sqlite/bench/readmodel.bench.ts
//
// Prints figures; asserts nothing.
import { EventStore, Lifecycle, ProjectEvent, Projection, ReadModels } from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Schema from "effect/Schema"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { percentile } from "../../core/bench/compare.js"
import { buildOpenProject, extraDeliverables } from "../../core/bench/project10k.js"
import { SqliteEventStore } from "../src/index.js"

const SIZES = (process.env.GSYF_BENCH_SIZES ?? "1000,10000").split(",").map(Number)
const SAMPLES = Number(process.env.GSYF_BENCH_SAMPLES ?? 100)
const WARMUP = 10
const dir = mkdtempSync(join(tmpdir(), "gsyf-bench-readmodel-"))
const projectId = "sample-city-2026"
const encode = Schema.encodeSync(ProjectEvent.Event)
const toNew = (e: ProjectEvent.Event): EventStore.NewEvent => ({
  type: e._tag,
  schemaVersion: ProjectEvent.currentVersion,
  data: encode(e)
})

type Config = Parameters<typeof ReadModels.projections>[0]

/** The read model's documents in memory (projection and key → canonical JSON), as a store keeps them. */
const inMemory = () => {
  const docs = new Map<string, string>()
  const id = (projection: string, key: string) => `${projection}\u0000${key}`
  return {
    load: (projection: string, key: string) => Effect.succeed(docs.get(id(projection, key))),
    apply: (changes: ReadonlyArray<Projection.ReadModelChange>) => {
      let bytes = 0
      for (const c of changes) {
        if (c.doc === null) docs.delete(id(c.projection, c.key))
        else docs.set(id(c.projection, c.key), c.doc)
        bytes += c.doc?.length ?? 0
      }
      return bytes
    }
  }
}

const stored = (e: ProjectEvent.Event, position: number): EventStore.StoredEvent => ({
  streamId: projectId,
  position,
  globalPosition: position,
  type: e._tag,
  schemaVersion: ProjectEvent.currentVersion,
  data: encode(e),
  commandId: e.commandId,
  recordedAt: e.at,
  prevHash: "",
  hash: ""
})

const fill = (
  rt: ManagedRuntime.ManagedRuntime<EventStore.EventStore, unknown>,
  events: ReadonlyArray<ProjectEvent.Event>
) =>
  rt.runPromise(Effect.gen(function*() {
    const store = yield* EventStore.EventStore
    let version = 0
    for (let i = 0; i < events.length; i += 2000) {
      version = (yield* store.append(projectId, version, `load-${i}`, events.slice(i, i + 2000).map(toNew))).version
    }
    return version
  }))

const appendOne = (
  rt: ManagedRuntime.ManagedRuntime<EventStore.EventStore, unknown>,
  version: number,
  e: ProjectEvent.Event
) =>
  rt.runPromise(Effect.gen(function*() {
    const store = yield* EventStore.EventStore
    const start = performance.now()
    yield* store.append(projectId, version, e.commandId, [toNew(e)])
    return performance.now() - start
  }))

/** A projection writing one small document per stream and event: what any read model costs an append. */
const counter = Projection.make<{ readonly events: number }>({
  name: "bench-counter",
  version: 1,
  keysOf: (e) => [e.streamId],
  reduce: (doc) => ({ events: (doc?.events ?? 0) + 1 })
})

const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1)

const measure = async (size: number) => {
  const { config, events, next, state } = buildOpenProject(size)
  const quota = ReadModels.quotaProgress(config as Config)
  // the projection alone, in memory
  const mem = inMemory()
  for (let i = 0; i < events.length; i += 1000) {
    const page = events.slice(i, i + 1000).map((e, k) => stored(e, i + k + 1))
    mem.apply(Effect.runSync(Projection.run([quota], page, mem.load)))
  }
  const commands = extraDeliverables(SAMPLES + WARMUP, next + 2_000_000)
  const handle = Lifecycle.handle(config)
  const added: Array<ProjectEvent.Event> = []
  let s = state
  for (const c of commands) {
    const r = handle({ ...c, commandId: `rm-${String(c.commandId)}` }, s)
    if (Either.isLeft(r)) throw new Error(r.left.message)
    for (const e of r.right) {
      s = Lifecycle.evolve(s, e)
      added.push(e)
    }
  }
  const runMs: Array<number> = []
  const bytes: Array<number> = []
  for (const [i, e] of added.entries()) {
    const ev = stored(e, events.length + i + 1)
    const start = performance.now()
    const changes = Effect.runSync(Projection.run([quota], [ev], mem.load))
    const took = performance.now() - start
    const written = mem.apply(changes)
    if (i >= WARMUP) {
      runMs.push(took)
      bytes.push(written)
    }
  }
  // the store: with the read model and without, alternated
  const layer = (name: string, projections: ReadonlyArray<Projection.Any>) =>
    ManagedRuntime.make(
      SqliteEventStore.layer({ filename: join(dir, `${name}-${size}.db`), synchronous: "NORMAL", projections }).pipe(
        Layer.orDie
      )
    )
  const withModel = layer("with", [quota])
  const withCounter = layer("counter", [counter])
  const without = layer("without", [])
  let version = await fill(withModel, events)
  await fill(withCounter, events)
  await fill(without, events)
  const withMs: Array<number> = []
  const counterMs: Array<number> = []
  const withoutMs: Array<number> = []
  for (const [i, e] of added.entries()) {
    const a = await appendOne(withModel, version, e)
    const c = await appendOne(withCounter, version, e)
    const b = await appendOne(without, version, e)
    version++
    if (i >= WARMUP) {
      withMs.push(a)
      counterMs.push(c)
      withoutMs.push(b)
    }
  }
  await withModel.dispose()
  await withCounter.dispose()
  await without.dispose()
  return [
    size.toLocaleString("en-US"),
    ms(percentile(runMs, 50)),
    ms(percentile(runMs, 99)),
    Math.round(percentile(bytes, 50)).toLocaleString("en-US"),
    ms(percentile(withMs, 50)),
    ms(percentile(withMs, 99)),
    ms(percentile(counterMs, 50)),
    ms(percentile(counterMs, 99)),
    ms(percentile(withoutMs, 50)),
    ms(percentile(withMs, 50) - percentile(counterMs, 50))
  ]
}

const main = async () => {
  console.log(
    `The quota-progress read model per deliverable, ${process.version}, sizes ${SIZES.join(" / ")}, ${SAMPLES} sampled`
  )
  const rows: Array<Array<string>> = []
  for (const size of SIZES) rows.push(await measure(size))
  const head = [
    "events",
    "proj p50",
    "proj p99",
    "bytes/write",
    "append+rm p50",
    "append+rm p99",
    "+1 doc p50",
    "+1 doc p99",
    "no rm p50",
    "rm own p50"
  ]
  console.log(
    "\n  times in ms; proj = Projection.run of the read model over one event in memory (bytes/write: the JSON it" +
      " writes, median); append = SQLite append of one deliverable in turn with the read model (+rm), with a" +
      " one-document projection (+1 doc) and without read models (no rm); rm own = +rm − +1 doc"
  )
  console.log("  " + head.map((h) => h.padStart(14)).join(""))
  for (const r of rows) console.log("  " + r.map((c) => c.padStart(14)).join(""))
}

main()
  .catch((e) => {
    console.error(e)
    process.exitCode = 1
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }))
