// The seed lifecycle (every command of the sample city's 2026 plan, one stream)
// through `ProjectService.execute` on the memory store with the read models registered,
// with and without the per-service state cache.
//
//   npx tsx packages/core/bench/projects.bench.ts
//   GSYF_BENCH_ROUNDS=5 npx tsx packages/core/bench/projects.bench.ts
//
// Without the cache (`stateCacheSize: 0`) every command reads and decodes the
// whole stream before deciding (O(n²) decoding); with it (the default) each
// command reads only the events appended after the cached version, normally none.
// Prints figures; asserts nothing.
import { EventStore, ProjectService, ReadModels } from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { fullLifecycle, seedConfig } from "../test/fixtures/seed.js"

const ROUNDS = Number(process.env.GSYF_BENCH_ROUNDS ?? 3)
const projectId = "sample-city-2026"
const config = seedConfig()
const commands = fullLifecycle()

const run = (stateCacheSize: number | undefined) =>
  Effect.gen(function*() {
    const projects = yield* ProjectService.ProjectService
    const start = performance.now()
    let version = 0
    for (const command of commands) version = (yield* projects.execute(projectId, command)).version
    const ms = performance.now() - start
    const { state } = yield* projects.load(projectId)
    if (state.version !== version) throw new Error(`state version ${state.version} ≠ stream version ${version}`)
    return { ms, version }
  }).pipe(
    Effect.provide(
      ProjectService.layer(config, stateCacheSize === undefined ? {} : { stateCacheSize }).pipe(
        Layer.provide(EventStore.layerMemory({ projections: ReadModels.projections(config) }))
      )
    ),
    Effect.runPromise
  )

const main = async () => {
  console.log(
    `Seed lifecycle through ProjectService.execute (memory store, read models on): ${commands.length} commands, best of ${ROUNDS}`
  )
  let cold = Number.POSITIVE_INFINITY
  let cached = Number.POSITIVE_INFINITY
  let events = 0
  for (let round = 0; round < ROUNDS; round++) {
    const a = await run(0)
    const b = await run(undefined)
    cold = Math.min(cold, a.ms)
    cached = Math.min(cached, b.ms)
    events = b.version
  }
  const line = (label: string, ms: number) =>
    console.log(
      `  ${label.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${
        Math.round((commands.length / ms) * 1000).toString().padStart(6)
      } commands/s`
    )
  console.log(`  stream length at the end: ${events} events`)
  line("no state cache (read + decode whole stream each time)", cold)
  line("state cache (read + decode only new events)", cached)
  console.log(`  speed-up: ${(cold / cached).toFixed(1)}×`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
