/**
 * DOCX benchmark of the 1,000-event audit trail extract (median of 10 after
 * one warm-up) and of every document `gsyf demo` writes for the seed
 * lifecycle. Target: the audit extract ≤ 300 ms.
 *
 * Run: `npx tsx packages/documents-docx/bench/audit.bench.ts`
 */
import { ProjectDocuments } from "@gsyf/documents"
import { Docx } from "@gsyf/documents-docx"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { performance } from "node:perf_hooks"
import { documentSet, largeTrail, runSeed } from "../../documents/test/ProjectDocumentsFixture.js"

const medianOf = async (runs: number, f: () => Promise<unknown>) => {
  await f()
  const times: Array<number> = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await f()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return `${times[Math.floor(times.length / 2)]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${
    times.at(-1)!.toFixed(0)
  })`
}

const main = async () => {
  const seed = runSeed()
  const audit = Either.getOrThrow(ProjectDocuments.auditExtract({ events: largeTrail(seed.events, 1000) }))
  console.log("DOCX")
  console.log(
    `  1,000-event audit extract (≤ 300 ms): ${await medianOf(10, () => Effect.runPromise(Docx.render(audit)))}`
  )
  const set = documentSet(seed)
  const all = () => Promise.all(set.map(([, doc]) => Effect.runPromise(Docx.render(doc))))
  console.log(`  the ${set.length}-document set:              ${await medianOf(5, all)}`)
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
