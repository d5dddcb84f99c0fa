/**
 * PDF render benchmark of the seed scenario's acceptance report (key areas,
 * the failed first attempt with its rectification order): the font is found
 * and loaded once, then the median of 30 renders and the PDF size are
 * printed. Targets: < 300 ms per render once the font is loaded, < 1 MB.
 *
 * Run: `npx tsx packages/documents-pdf/bench/acceptance.bench.ts`
 */
import { ProjectDocuments } from "@gsyf/documents"
import { Pdf } from "@gsyf/documents-pdf"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { performance } from "node:perf_hooks"
import { runSeed } from "../../documents/test/ProjectDocumentsFixture.js"

const RUNS = 30

const main = Effect.gen(function*() {
  const seed = runSeed()
  const doc = Either.getOrThrow(
    ProjectDocuments.acceptanceReport({ config: seed.config, events: seed.events, subProject: "keyAreas", attempt: 1 })
  )
  const t0 = performance.now()
  const renderer = yield* Pdf.make()
  const loadMs = performance.now() - t0
  const first = performance.now()
  const bytes = yield* renderer.render(doc)
  const firstMs = performance.now() - first
  const times: Array<number> = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    yield* renderer.render(doc)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]!
  console.log(`seed acceptance report (keyAreas, attempt 1) as PDF, ${RUNS} runs`)
  console.log(`  font load (once):  ${loadMs.toFixed(1)} ms`)
  console.log(`  first render:      ${firstMs.toFixed(1)} ms`)
  console.log(
    `  median render:     ${median.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)})`
  )
  console.log(`  PDF size:          ${(bytes.byteLength / 1024).toFixed(1)} KB`)
})

Effect.runPromise(main).catch((e) => {
  console.error(e)
  process.exitCode = 1
})
