/**
 * Embedding gsyf with Effect on the embedded SQLite store.
 * Run: npx tsx examples/embedding/effect-sqlite.ts
 */
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Parameter, Plugin, ProjectService, ReadModels } from "@gsyf/core"
import { SqliteEventStore } from "@gsyf/store-sqlite"
import { Console, Effect, Either, Layer } from "effect"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { firstSteps } from "./commands.js"
import { sampleParameters } from "./plan.js"

const parameters = Either.getOrThrow(Parameter.load(sampleParameters()))
const config = Either.getOrThrow(Plugin.configure({ parameters, calendar: ChinaHolidays.calendar }))
const filename = join(mkdtempSync(join(tmpdir(), "gsyf-")), "gsyf.db")

const program = Effect.gen(function*() {
  const projects = yield* ProjectService.ProjectService
  for (const command of firstSteps("effect-sqlite")) {
    const done = yield* projects.execute("sample-city-2026", command)
    yield* Console.log(`${String(command._tag).padEnd(20)} → ${done.events.map((e) => e._tag).join(", ")}`)
  }
  // The publicity started on 2026-09-29 runs 5 working days and skips the National Day holidays and counts the make-up
  // working Saturday 10-10: it ends on 2026-10-12.
  const { state } = yield* projects.load("sample-city-2026")
  yield* Console.log(`publicity ends ${state.subProjects.keyAreas.publicity?.endsOn}`)
  yield* Console.log(`projects: ${JSON.stringify(yield* projects.list())}`)
  const verified = yield* projects.verify("sample-city-2026")
  yield* Console.log(`audit trail verified: ${verified.ok}`)
  if (state.subProjects.keyAreas.publicity?.endsOn !== "2026-10-12" || !verified.ok) {
    return yield* Effect.die("unexpected result")
  }
})

const live = ProjectService.layer(config).pipe(
  Layer.provide(SqliteEventStore.layer({ filename, projections: ReadModels.projections(config) }))
)
Effect.runPromise(program.pipe(Effect.provide(live))).catch((e) => {
  console.error(e)
  process.exit(1)
})
