/**
 * Embedding gsyf with Effect on PostgreSQL — the same program as the SQLite
 * example; only the store layer changes.
 * Run: GSYF_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx examples/embedding/effect-postgres.ts
 */
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Parameter, Plugin, ProjectService, ReadModels } from "@gsyf/core"
import { PgEventStore } from "@gsyf/store-postgres"
import { Console, Effect, Either, Layer } from "effect"
import { firstSteps } from "./commands.js"
import { sampleParameters } from "./plan.js"

const url = process.env.GSYF_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test"
const parameters = Either.getOrThrow(Parameter.load(sampleParameters()))
const config = Either.getOrThrow(Plugin.configure({ parameters, calendar: ChinaHolidays.calendar }))
const projectId = `sample-city-2026-${Date.now()}`

const program = Effect.gen(function*() {
  const projects = yield* ProjectService.ProjectService
  for (const command of firstSteps(projectId)) yield* projects.execute(projectId, command)
  const { state, events } = yield* projects.load(projectId)
  yield* Console.log(
    `${projectId}: ${events.length} events, publicity ends ${state.subProjects.keyAreas.publicity?.endsOn}`
  )
  const verified = yield* projects.verify(projectId)
  yield* Console.log(`audit trail verified: ${verified.ok}`)
  if (!verified.ok || events.length !== 13) return yield* Effect.die("unexpected result")
})

const live = ProjectService.layer(config).pipe(
  Layer.provide(PgEventStore.layer({ url, projections: ReadModels.projections(config) }))
)
Effect.runPromise(program.pipe(Effect.provide(live))).catch((e) => {
  console.error(e)
  process.exit(1)
})
