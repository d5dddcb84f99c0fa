/**
 * PDF render benchmark: median time to render the sample acceptance report
 * (about five pages, a 34-row table) over 30 runs, and the PDF size. The font
 * is found and loaded once before timing, as a host does with `Pdf.make`.
 *
 * Run: `npx tsx packages/documents-pdf/bench/render.bench.ts`
 */
import { Pdf } from "@gsyf/documents-pdf"
import * as Effect from "effect/Effect"
import { performance } from "node:perf_hooks"
import { sampleDocument } from "../../documents/test/sample.js"

const RUNS = 30

const main = Effect.gen(function*() {
  const t0 = performance.now()
  const renderer = yield* Pdf.make()
  const loadMs = performance.now() - t0
  const doc = sampleDocument()
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
  console.log(`@gsyf/documents-pdf render (sample acceptance report, ${RUNS} runs)`)
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
