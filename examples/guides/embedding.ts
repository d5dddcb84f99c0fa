/**
 * The code of the guides (docs/guides/*.md pulls the `#region`s below with
 * typedoc's `{@includeCode}`), run by `packages/cli/test/GuideExamples.test.ts`
 * so that every snippet a guide shows is tested.
 */
import { ChinaHolidays } from "@gsyf/calendar-cn"
import {
  Client,
  EventStore,
  LegalBasis,
  Lifecycle,
  Parameter,
  type PlanRules,
  Plugin,
  ProjectService,
  ReadModels,
  Rule
} from "@gsyf/core"
import { Html, ProjectDocuments } from "@gsyf/documents"
import { ProvincePack } from "@gsyf/example-plugins"
import { SqliteEventStore } from "@gsyf/store-sqlite"
import { Effect, Either, Layer } from "effect"

// #region configure
/** The configuration every API starts from: a city's parameter file, the calendar and the plugins. */
export const configure = (parameterFile: unknown, plugins: ReadonlyArray<Plugin.Plugin> = []): Plugin.Config => {
  const parameters = Either.getOrThrow(Parameter.load(parameterFile)) // InvalidInput names every bad field
  return Either.getOrThrow(Plugin.configure({ parameters, calendar: ChinaHolidays.calendar, plugins }))
}
// #endregion configure

// #region effect
/** Runs commands through `ProjectService` over an in-memory store and reads the project back. */
export const runInMemory = (config: Plugin.Config, projectId: string, commands: ReadonlyArray<unknown>) => {
  const StoreLive = EventStore.layerMemory({ projections: ReadModels.projections(config) })
  const program = Effect.gen(function*() {
    const projects = yield* ProjectService.ProjectService
    for (const command of commands) yield* projects.execute(projectId, command) // fails with a Rejection
    const { state } = yield* projects.load(projectId)
    const list = yield* projects.list() // the `gsyf.projects` read model
    const verified = yield* projects.verify(projectId) // the hash chain of the audit trail
    return { status: Lifecycle.status(state), listed: list.map((p) => p.projectId), trailOk: verified.ok }
  })
  return Effect.runPromise(program.pipe(Effect.provide(ProjectService.layer(config).pipe(Layer.provide(StoreLive)))))
}
// #endregion effect

// #region sqlite
/** The same program over one SQLite file: only the store layer changes. */
export const runOnSqlite = (
  config: Plugin.Config,
  filename: string,
  projectId: string,
  commands: ReadonlyArray<unknown>
) => {
  const StoreLive = SqliteEventStore.layer({ filename, projections: ReadModels.projections(config) })
  const program = Effect.gen(function*() {
    const projects = yield* ProjectService.ProjectService
    for (const command of commands) yield* projects.execute(projectId, command)
    return Lifecycle.status((yield* projects.load(projectId)).state)
  })
  return Effect.runPromise(program.pipe(Effect.provide(ProjectService.layer(config).pipe(Layer.provide(StoreLive)))))
}
// #endregion sqlite

// #region client
/** The Promise API: rejections are values (`ok: false`), only infrastructure failures reject. */
export const runWithClient = async (parameterFile: unknown, projectId: string, commands: ReadonlyArray<unknown>) => {
  const client = await Client.make({
    parameters: parameterFile,
    calendar: ChinaHolidays.calendar,
    store: (projections) => EventStore.layerMemory({ projections })
  })
  try {
    const rejected: Array<ReadonlyArray<string>> = []
    for (const command of commands) {
      const result = await client.execute(projectId, command)
      if (!result.ok) rejected.push(result.rejection.ruleIds) // e.g. ["budget.fee-cap"], with zh / en messages
    }
    const state = await client.state(projectId)
    return { status: Lifecycle.status(state), rejected, events: (await client.events(projectId)).length }
  } finally {
    await client.close()
  }
}
// #endregion client

// #region plugins
/** A configuration with the example provincial pack: its parameters, rules and overrides are merged at load time. */
export const withProvincePack = (parameterFile: unknown): Plugin.Config => {
  const parameters = Either.getOrThrow(Parameter.load(parameterFile))
  const configured = Plugin.configure({
    parameters,
    calendar: ChinaHolidays.calendar,
    plugins: [ProvincePack.make({ publicityWorkingDays: 5 })]
  })
  if (Either.isLeft(configured)) throw new Error(configured.left.message) // PluginConflict names both plugins
  return configured.right
}
// #endregion plugins

// #region rule
/** A city's own plan-stage rule: the project period is at most 12 months. */
export const periodAtMostAYear = Rule.make<PlanRules.PlanInput>({
  id: "city.period-at-most-a-year",
  title: { zh: "项目周期不超过12个月", en: "The project period is at most 12 months" },
  section: "五(一)",
  basis: [new LegalBasis.LegalBasis({ level: "city", citation: "示例市工伤预防项目管理办法 第八条" })],
  reads: ["project.periodMonths"],
  description: "项目周期(月)不得超过12个月。",
  evaluate: (_input, parameters) => {
    const months = parameters.read<number>("project.periodMonths")
    const f = Rule.findings("city.period-at-most-a-year")
    return months <= 12
      ? []
      : [
        f.error(
          "parameters.project.periodMonths",
          `项目周期 ${months} 个月,超过12个月`,
          `a period of ${months} months exceeds 12`,
          "≤ 12",
          String(months)
        )
      ]
  }
})

/** The rule as a plugin: added to the `plan` stage, so it runs when the plan is issued. */
export const cityRules: Plugin.Plugin = Plugin.make(
  { name: "example-city-rules", version: "0.1.0", description: "示例市自定规则" },
  { rules: { plan: [periodAtMostAYear] } }
)
// #endregion rule

// #region documents
/** The publicity notice of a sub-project, built from the project's events and rendered as HTML. */
export const publicityNoticeHtml = (config: Plugin.Config, events: ReadonlyArray<unknown>): string => {
  const doc = ProjectDocuments.publicityNotice({ config, events, subProject: "hazchem" }) // Either<Document, InvalidInput>
  return Html.toHtml(Either.getOrThrow(doc))
}
// #endregion documents
