/**
 * DOCX render benchmark: median time to render the sample acceptance report
 * (about five pages, a 34-row table) over 30 runs, and the file size.
 *
 * Run: `npx tsx packages/documents-docx/bench/render.bench.ts`
 */
import { Docx } from "@gsyf/documents-docx"
import * as Effect from "effect/Effect"
import { performance } from "node:perf_hooks"
import { sampleDocument } from "../../documents/test/sample.js"

const RUNS = 30

const main = Effect.gen(function*() {
  const doc = sampleDocument()
  const first = performance.now()
  const bytes = yield* Docx.render(doc)
  const firstMs = performance.now() - first
  const times: Array<number> = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    yield* Docx.render(doc)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]!
  console.log(`@gsyf/documents-docx render (sample acceptance report, ${RUNS} runs)`)
  console.log(`  first render:      ${firstMs.toFixed(1)} ms`)
  console.log(
    `  median render:     ${median.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)})`
  )
  console.log(`  DOCX size:         ${(bytes.byteLength / 1024).toFixed(1)} KB`)
})

Effect.runPromise(main).catch((e) => {
  console.error(e)
  process.exitCode = 1
})
