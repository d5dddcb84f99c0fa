/**
 * Render benchmark of the seed scenario's acceptance report (key areas, the
 * failed first attempt with its rectification order): median over 30 runs in
 * Markdown, HTML and DOCX, and the DOCX size. The document is built once from
 * the seed lifecycle's events before timing. Target: DOCX < 50 ms.
 *
 * Run: `npx tsx packages/documents-docx/bench/acceptance.bench.ts`
 */
import { Html, Markdown, ProjectDocuments } from "@gsyf/documents"
import { Docx } from "@gsyf/documents-docx"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { performance } from "node:perf_hooks"
import { runSeed } from "../../documents/test/ProjectDocumentsFixture.js"

const RUNS = 30

const median = async (
  f: () => unknown
): Promise<{ readonly median: number; readonly min: number; readonly max: number }> => {
  await f()
  const times: Array<number> = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    await f()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times.at(-1)! }
}

const main = async () => {
  const seed = runSeed()
  const input = { config: seed.config, events: seed.events, subProject: "keyAreas", attempt: 1 }
  const build = await median(() => ProjectDocuments.acceptanceReport(input))
  const doc = Either.getOrThrow(ProjectDocuments.acceptanceReport(input))
  const md = await median(() => Markdown.toMarkdown(doc))
  const html = await median(() => Html.toHtml(doc))
  const docx = await median(() => Effect.runPromise(Docx.render(doc)))
  const bytes = await Effect.runPromise(Docx.render(doc))
  const show = (label: string, t: { median: number; min: number; max: number }) =>
    console.log(`  ${label.padEnd(26)} ${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)})`)
  console.log(`seed acceptance report (keyAreas, attempt 1), median of ${RUNS} runs`)
  show("build (decode + model):", build)
  show("Markdown:", md)
  show("HTML:", html)
  show("DOCX:", docx)
  console.log(`  DOCX size:                 ${(bytes.byteLength / 1024).toFixed(1)} KB`)
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
