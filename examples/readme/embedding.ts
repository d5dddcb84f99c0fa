/**
 * The README's embedding snippets (the regions below are copied into README.md by scripts/snippets.mjs and
 * checked current by `pnpm check`). The pack-and-install test compiles this file unchanged against the packed
 * packages with `tsc --strict --module nodenext` and runs it.
 *
 * Run: npx tsx examples/readme/embedding.ts
 */
import { readFileSync } from "node:fs"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parse } from "yaml"

const cityParameterFile: unknown = parse(readFileSync(process.env.GSYF_PLAN ?? "examples/plans/seed-2026.yaml", "utf8"))
const command = {
  _tag: "SelectKeyAreas",
  commandId: "readme-1",
  actor: { id: "hrss-01", name: "王局长", organisation: "示例市人力资源和社会保障局", role: "hrss-bureau" },
  at: "2026-01-15T09:30:00+08:00",
  top: 1,
  stats: ["prior-year", "first-half"].map((period) => ({
    code: "C",
    period,
    accidents: 120,
    accidentRate: "3.1",
    occupationalDiseaseCases: 14,
    deaths: 3,
    disabilityGrades1to4: 9,
    fundPayout: "5200000",
    contributions: "61000000"
  }))
}
const filename = join(mkdtempSync(join(tmpdir(), "gsyf-readme-")), "gsyf.db")

// #region effect
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { IsoDate, Parameter, Plugin, ProjectService, ReadModels } from "@gsyf/core"
import { SqliteEventStore } from "@gsyf/store-sqlite" // or PgEventStore from @gsyf/store-postgres
import { Effect, Either, Layer } from "effect"

const parameters = Either.getOrThrow(Parameter.load(cityParameterFile)) // parsed YAML/JSON; bad input names its paths
const config = Either.getOrThrow(Plugin.configure({ parameters, calendar: ChinaHolidays.calendar, plugins: [] }))

const program = Effect.gen(function*() {
  const projects = yield* ProjectService.ProjectService
  yield* projects.execute("city-2026", command) // events, or a typed rejection with rule ids
  return yield* projects.progress("city-2026", IsoDate.unsafeFromString("2026-10-01")) // done / required per item
})

const progress = await Effect.runPromise(program.pipe(
  Effect.provide(
    ProjectService.layer(config).pipe(
      Layer.provide(SqliteEventStore.layer({ filename, projections: ReadModels.projections(config) }))
    )
  )
))
// #endregion effect
console.log(`Effect API: ${progress.length} quota items tracked`)

// #region promise
import { Client } from "@gsyf/core"

const client = await Client.make({
  parameters: cityParameterFile,
  calendar: ChinaHolidays.calendar,
  store: { sqlite: filename }
})
const result = await client.execute("city-2026", { ...command, commandId: "readme-2" }) // never rejects for a rule
if (!result.ok) console.log(result.rejection.ruleIds, result.rejection.zh) // a rejection is a value
await client.close()
// #endregion promise
console.log(`Promise API: ${result.ok ? result.status : result.rejection.tag}`)
