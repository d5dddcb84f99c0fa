// How the work per command grows with a project's history, on SQLite: a project in
// its contract period with 1,000 / 10,000 (and, with GSYF_BENCH_FULL=1, 100,000)
// events, each size in a fresh store file. For each size:
//
// - cold first command: a fresh store layer and `ProjectService` without a state
//   cache execute one `RecordDeliverable`: the first with snapshots (read + decode + fold the whole stream,
//   decide, append, and a snapshot written: the store was filled without them), then alternated 3 times
//   (GSYF_BENCH_COLD) without snapshots (the whole stream again) and from the snapshot (the snapshot and the
//   events after it, in one query);
// - RSS after the cold loads;
// - decide p50 / p99: `Lifecycle.handle` of GSYF_BENCH_SAMPLES (default 1,000) new deliverables, each on the state the
//   previous one left (decoding the command, guards, rules, events);
// - progress p50 / p99: `Lifecycle.quotaProgress` of all 20 quotas on each of those
//   states (both after GSYF_BENCH_WARMUP, default 20, untimed commands decided, folded and
//   measured for progress on the same state, so that the first size's p99 is not the compiler's first pass, and
//   a full garbage collection, so that the young-generation pauses that collect the cold loads' garbage are
//   not billed to the first commands sampled; the pauses their own allocations cause still count);
// - replay: what a command without a cache or snapshots does (`CommandHandler.load`): the stream read in pieces of
//   500 events, each row `JSON.parse`d, decoded and folded as the fold reaches it, the pieces folded as one batch
//   (`Lifecycle.evolvePieces`), events per second;
// - > 1 ms: how many sampled decides / progress reads took more than 1 ms, and how many of those overlapped a
//   garbage-collection pause (`PerformanceObserver` "gc" entries, timed on the same clock; observing adds nothing
//   to the timed region), and, on Linux, in how many the main thread spent at least 0.5 ms ready to run but waiting
//   for a CPU (its run-queue wait in `/proc/thread-self/schedstat`, read just outside the timed region: the figure
//   covers the sample and the few microseconds of the read). Such a sample timed the host's scheduler, not work of
//   the call: on a machine with two CPUs, V8's own helper threads (concurrent marking and sweeping, four of them by
//   default, `--v8-pool-size`) are enough to take one from the main thread for a scheduler tick. A slow sample with
//   neither is work of the call itself. Every sample counts in the percentiles; none is dropped. Percentiles are
//   by nearest rank (`compare.ts`): with 1,000 samples the p99 is the 990th fastest.
//
//   npx tsx packages/store-sqlite/bench/scaling.bench.ts
//   GSYF_BENCH_FULL=1 npx tsx packages/store-sqlite/bench/scaling.bench.ts
//
// Prints figures; asserts nothing.
import { CommandHandler, EventStore, IsoDate, Lifecycle, ProjectEvent, ProjectService, ReadModels } from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import { closeSync, mkdtempSync, openSync, readSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { PerformanceObserver } from "node:perf_hooks"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { full, percentile } from "../../core/bench/compare.js"
import { buildOpenProject, extraDeliverables } from "../../core/bench/project10k.js"
import { SqliteEventStore } from "../src/index.js"

const SIZES = (process.env.GSYF_BENCH_SIZES ?? (full ? "1000,10000,100000" : "1000,10000")).split(",").map(Number)
const SAMPLES = Number(process.env.GSYF_BENCH_SAMPLES ?? 1000)
const COLD = Number(process.env.GSYF_BENCH_COLD ?? 3)
const WARMUP = Number(process.env.GSYF_BENCH_WARMUP ?? 20)

// A full collection on demand, without starting node with --expose-gc.
setFlagsFromString("--expose-gc")
const collectGarbage = runInNewContext("gc") as () => void
const dir = mkdtempSync(join(tmpdir(), "gsyf-bench-scaling-"))
const projectId = "sample-city-2026"

// Without read models: this measures the command path. (What the read models add to an append, the quota-progress
// one at 1k / 10k events, is in readmodel.bench.ts.)
const storeLayer = (filename: string, _config: Parameters<typeof ReadModels.projections>[0]) =>
  SqliteEventStore.layer({ filename, synchronous: "NORMAL", projections: [] })

const fill = (
  filename: string,
  config: Parameters<typeof ReadModels.projections>[0],
  events: ReadonlyArray<ProjectEvent.Event>
) =>
  Effect.gen(function*() {
    const store = yield* EventStore.EventStore
    let version = 0
    for (let i = 0; i < events.length; i += 2000) {
      // the events as the command handler appends them (schema version 3: their records kept once)
      const batch = Either.getOrThrow(
        CommandHandler.encodeEvents(ProjectEvent.codec, projectId, events.slice(i, i + 2000))
      )
      version = (yield* store.append(projectId, version, `load-${i}`, batch)).version
    }
    return version
  }).pipe(Effect.provide(storeLayer(filename, config)), Effect.runPromise)

const coldFirstCommand = (
  filename: string,
  config: Parameters<typeof ReadModels.projections>[0],
  command: unknown,
  snapshotEvery?: number
) =>
  Effect.gen(function*() {
    const start = performance.now()
    const projects = yield* ProjectService.ProjectService
    const r = yield* projects.execute(projectId, command)
    const ms = performance.now() - start
    if (r.events.length !== 1) throw new Error("the cold command should record one event")
    return ms
  }).pipe(
    Effect.provide(
      ProjectService.layer(config, { stateCacheSize: 0, snapshotEvery }).pipe(
        Layer.provide(storeLayer(filename, config))
      )
    ),
    Effect.runPromise
  )

const replayRows = (filename: string, config: Parameters<typeof ReadModels.projections>[0]) =>
  Effect.gen(function*() {
    const decider = Lifecycle.decider(config)
    const start = performance.now()
    // what a command does without a cache or snapshots
    const loaded = yield* CommandHandler.load(decider, ProjectEvent.codec, projectId)
    return { ms: performance.now() - start, n: loaded.version }
  }).pipe(Effect.provide(storeLayer(filename, config)), Effect.runPromise)

const ms = (x: number) => x.toFixed(x < 10 ? 2 : 0)

// Garbage-collection pauses, as [start, end] on `performance.now()`'s clock.
const pauses: Array<readonly [number, number]> = []
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push([e.startTime, e.startTime + e.duration])
})
gcObserver.observe({ entryTypes: ["gc"] })

/**
 * The main thread's time so far ready to run but waiting for a CPU, in ns (the second field of its `schedstat`), or
 * `NaN` where the kernel does not say (not Linux, or schedstats off).
 */
const runQueueWait: () => number = (() => {
  let fd: number
  try {
    fd = openSync("/proc/thread-self/schedstat", "r")
  } catch {
    return () => Number.NaN
  }
  process.once("exit", () => closeSync(fd))
  const buffer = Buffer.alloc(128)
  return () => Number(buffer.toString("latin1", 0, readSync(fd, buffer, 0, buffer.length, 0)).split(" ")[1])
})()
const waitedMs = 0.5

/**
 * Samples over 1 ms, how many of them overlapped a garbage-collection pause, and how many waited at least
 * {@link waitedMs} for a CPU: `slow (in a pause, waited)`, without the last where the kernel does not say.
 */
const slowSamples = (
  starts: ReadonlyArray<number>,
  durations: ReadonlyArray<number>,
  waits: ReadonlyArray<number>
): string => {
  let slow = 0
  let inPause = 0
  let waited = 0
  durations.forEach((d, i) => {
    if (d <= 1) return
    slow++
    const a = starts[i]!
    if (pauses.some(([from, to]) => from < a + d && to > a)) inPause++
    if (waits[i]! >= waitedMs * 1e6) waited++
  })
  return waits.some(Number.isNaN) ? `${slow} (${inPause})` : `${slow} (${inPause}, ${waited})`
}

const main = async () => {
  console.log(
    `Scaling on SQLite, ${process.version}, sizes ${
      SIZES.join(" / ")
    }, ${SAMPLES} commands sampled per size after ${WARMUP} untimed`
  )
  const rows: Array<Array<string>> = []
  for (const size of SIZES) {
    const t0 = performance.now()
    const { config, state, events, next } = buildOpenProject(size)
    const filename = join(dir, `p${size}.db`)
    await fill(filename, config, events)
    const built = (performance.now() - t0) / 1000
    const commands = extraDeliverables(SAMPLES + WARMUP + COLD * 2 + 1, next + 1_000_000).map((c) => ({
      ...c,
      commandId: `s-${String(c.commandId)}`
    }))
    // The store was written without snapshots (as by gsyf before them): a cold command without snapshots replays
    // the whole stream; the first one with snapshots replays it too and writes one; the next start from it.
    const firstSnap = await coldFirstCommand(filename, config, commands[0])
    // then alternated, so that both see the same load: without snapshots, and from the snapshot
    const replayCold: Array<number> = []
    const snapCold: Array<number> = []
    for (let k = 1; k < COLD * 2; k += 2) {
      replayCold.push(await coldFirstCommand(filename, config, commands[k], 0))
      snapCold.push(await coldFirstCommand(filename, config, commands[k + 1]))
    }
    const rss = process.memoryUsage().rss / 1e6
    const replay = await replayRows(filename, config)
    const handle = Lifecycle.handle(config)
    const on = IsoDate.unsafeFromString("2026-10-20")
    const decideMs: Array<number> = []
    const progressMs: Array<number> = []
    const decideAt: Array<number> = []
    const progressAt: Array<number> = []
    const decideWait: Array<number> = []
    const progressWait: Array<number> = []
    let s = state
    collectGarbage()
    for (const [i, command] of commands.slice(COLD * 2 + 1).entries()) {
      const waitBefore = runQueueWait()
      const a = performance.now()
      const r = handle(command, s)
      decideMs.push(performance.now() - a)
      const waitBetween = runQueueWait()
      decideAt.push(a)
      decideWait.push(waitBetween - waitBefore)
      if (Either.isLeft(r)) throw new Error(r.left.message)
      for (const e of r.right) s = Lifecycle.evolve(s, e)
      const waitAfterFold = runQueueWait()
      const b = performance.now()
      Lifecycle.quotaProgress(config, s, on)
      progressMs.push(performance.now() - b)
      progressWait.push(runQueueWait() - waitAfterFold)
      progressAt.push(b)
      // the warm-up commands are folded in like the others but not counted
      if (i < WARMUP) {
        for (const samples of [decideMs, progressMs, decideAt, progressAt, decideWait, progressWait]) samples.pop()
      }
    }
    // the observer's entries arrive after the loop
    await new Promise((resolve) => setTimeout(resolve, 10))
    const replayMedian = percentile(replayCold, 50)
    const snapMedian = percentile(snapCold, 50)
    rows.push([
      size.toLocaleString("en-US"),
      ms(percentile(decideMs, 50)),
      ms(percentile(decideMs, 99)),
      ms(percentile(progressMs, 50)),
      ms(percentile(progressMs, 99)),
      slowSamples(decideAt, decideMs, decideWait),
      slowSamples(progressAt, progressMs, progressWait),
      ms(replayMedian),
      ms(firstSnap),
      ms(snapMedian),
      ms(Math.min(...snapCold)),
      (replayMedian / snapMedian).toFixed(1) + "×",
      Math.round((replay.n / replay.ms) * 1000).toLocaleString("en-US"),
      rss.toFixed(0)
    ])
    console.log(`  ${size.toLocaleString("en-US")} events: built and stored in ${built.toFixed(1)} s`)
  }
  const head = [
    "events",
    "decide p50",
    "decide p99",
    "progress p50",
    "progress p99",
    "decide >1ms",
    "progr. >1ms",
    "cold replay",
    "cold 1st",
    "cold snap",
    "snap min",
    "replay÷snap",
    "replay ev/s",
    "RSS MB"
  ]
  console.log(
    "\n  times in ms; cold = fresh store + service, no cache, one command: the first with snapshots (the store was" +
      " written without them: it replays and writes one), then alternated without snapshots (replay, median) and" +
      " from the snapshot (median, min); replay ev/s = read + JSON.parse + decode + fold; >1ms = samples over 1 ms" +
      " (of which during a GC pause, and, on Linux, waiting ≥ 0.5 ms for a CPU)"
  )
  console.log("  " + head.map((h) => h.padStart(13)).join(""))
  for (const r of rows) console.log("  " + r.map((c) => c.padStart(13)).join(""))
  console.log("  targets: decide p99 ≤ 1 ms, progress ≤ 1 ms at every size; cold first command ≤ 50 ms at 10,000")
}

main()
  .catch((e) => {
    console.error(e)
    process.exitCode = 1
  })
  .finally(() => {
    gcObserver.disconnect()
    rmSync(dir, { recursive: true, force: true })
  })
