/**
 * Whole-set PDF benchmark, in a fresh process: the first PDF (font found and
 * loaded, then the seed acceptance report rendered), the 1,000-event audit
 * trail extract (median of 5), and every document `gsyf demo` writes for the
 * seed lifecycle (the set, median of 3). Targets: first PDF ≤ 800 ms including
 * the font, the audit extract ≤ 1.5 s, the set < 5 s.
 *
 * Run: `npx tsx packages/documents-pdf/bench/documents.bench.ts`
 */
import { ProjectDocuments } from "@gsyf/documents"
import { Pdf } from "@gsyf/documents-pdf"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { performance } from "node:perf_hooks"
import { documentSet, largeTrail, runSeed } from "../../documents/test/ProjectDocumentsFixture.js"

const medianOf = async (runs: number, f: () => Promise<unknown>) => {
  const times: Array<number> = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await f()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times.at(-1)! }
}

const fmt = (t: { median: number; min: number; max: number }) =>
  `${t.median.toFixed(0)} ms (min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)})`

const main = async () => {
  const seed = runSeed()
  const report = Either.getOrThrow(
    ProjectDocuments.acceptanceReport({ config: seed.config, events: seed.events, subProject: "keyAreas", attempt: 1 })
  )
  const t0 = performance.now()
  const renderer = await Effect.runPromise(Pdf.make())
  const loaded = performance.now()
  await Effect.runPromise(renderer.render(report))
  const first = performance.now()
  console.log("PDF in a fresh process")
  console.log(`  font load:                         ${(loaded - t0).toFixed(0)} ms`)
  console.log(`  first PDF incl. font (≤ 800 ms):   ${(first - t0).toFixed(0)} ms`)
  const audit = Either.getOrThrow(ProjectDocuments.auditExtract({ events: largeTrail(seed.events, 1000) }))
  const auditBytes = await Effect.runPromise(renderer.render(audit))
  console.log(
    `  1,000-event audit extract (≤ 1.5 s): ${
      fmt(await medianOf(5, () => Effect.runPromise(renderer.render(audit))))
    }` +
      `, ${(auditBytes.byteLength / 1024).toFixed(0)} KB`
  )
  const set = documentSet(seed)
  const all = () => Promise.all(set.map(([, doc]) => Effect.runPromise(renderer.render(doc))))
  console.log(`  the ${set.length}-document set (< 5 s):     ${fmt(await medianOf(3, all))}`)
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
