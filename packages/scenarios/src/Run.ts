/**
 * Running loaded scenarios in memory: the `from` chain first (each scenario
 * run once per run, its end state shared), then each step through
 * `Lifecycle.handle(config)` and `Lifecycle.evolve`, checking its
 * expectations. Results keep every step's events, rejection and failed
 * expectations.
 *
 * @since 0.2.0
 */
import {
  Calendar,
  type InputError,
  type IsoDate,
  LegalBasis,
  Lifecycle,
  Parameter,
  Plugin,
  type ProjectEvent
} from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { basename } from "node:path"
import * as Expectation from "./Expectation.js"
import { plain } from "./internal/compare.js"
import { failWith, issueAt, problemIssue } from "./internal/issue.js"
import * as Src from "./internal/source.js"
import * as Load from "./Load.js"
import { type ScenarioError, ScenarioIssue } from "./ScenarioError.js"
import * as StateView from "./StateView.js"

type Path = Src.Path

/**
 * One failed expectation.
 *
 * @since 0.1.0
 * @category models
 */
export type Failure = Expectation.Failure

/**
 * What happened at one step.
 *
 * @since 0.1.0
 * @category models
 */
export interface StepResult {
  readonly index: number
  readonly name: string
  readonly line: number
  readonly date: IsoDate.IsoDate
  readonly command: string | undefined
  readonly commandId: string | undefined
  readonly outcome: "accepted" | "rejected" | "check"
  readonly events: ReadonlyArray<ProjectEvent.Event>
  readonly rejection: Lifecycle.Rejection | undefined
  readonly failures: ReadonlyArray<Failure>
  readonly ok: boolean
}

/**
 * How an amount the scenario wrote was read, at its place in the file.
 *
 * @since 0.2.0
 * @category models
 */
export interface Reading {
  readonly path: string
  readonly line: number
  readonly zh: string
  readonly en: string
}

/**
 * The result of running a scenario. `error` is set when it could not be
 * loaded or configured (then there are no steps).
 *
 * @since 0.1.0
 * @category models
 */
export interface Result {
  readonly file: string
  readonly name: string
  readonly description: string
  readonly ok: boolean
  readonly steps: ReadonlyArray<StepResult>
  /** Failures of a `configError` expectation. */
  readonly configFailures: ReadonlyArray<Failure>
  readonly error: ScenarioError | undefined
  /** The end state (undefined when configuring failed). */
  readonly state: Lifecycle.State | undefined
  /** Every event from the start of the lifecycle to the end state (those of the starting point first). */
  readonly history: ReadonlyArray<ProjectEvent.Event>
  /** How the amounts of the scenario's `parameters: { overlay }` were read (`"230万元" read as 2300000.00 yuan …`). */
  readonly readings?: ReadonlyArray<Reading> | undefined
  readonly config: Plugin.Config | undefined
}

/**
 * How to run scenarios.
 *
 * @since 0.1.0
 * @category models
 */
export interface RunOptions extends Load.LoadOptions {
  /** The plugins scenario files may name. */
  readonly plugins?: ReadonlyMap<string, Plugin.Plugin> | Readonly<Record<string, Plugin.Plugin>> | undefined
  /**
   * The holiday calendar (e.g. `ChinaHolidays.calendar` of `@gsyf/calendar-cn`); by default one without years, so
   * deadlines in working days cannot be computed.
   */
  readonly calendar?: Calendar.Service | undefined
}

interface Ran {
  readonly result: Result
  readonly baseParameters: Parameter.ParameterSet | undefined
  readonly pluginNames: ReadonlyArray<string>
}

interface Context {
  readonly options: RunOptions
  readonly limits: Load.Limits
  readonly calendar: Calendar.Service
  readonly ran: Map<string, Ran>
  readonly parameterFiles: Map<string, Either.Either<Parameter.ParameterSet, ReadonlyArray<ScenarioIssue>>>
}

const emptyCalendar = (): Calendar.Service => Either.getOrThrow(Calendar.make([]))

const registered = (options: RunOptions): ReadonlyMap<string, Plugin.Plugin> => {
  const p = options.plugins
  if (p === undefined) return new Map()
  return p instanceof Map ? p : new Map(Object.entries(p as Readonly<Record<string, Plugin.Plugin>>))
}

// ── Parameter files ────────────────────────────────────────────────────────

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/** The catalogue name a dotted issue path starts with (`budget.breakdown[0].amount` → `budget.breakdown`). */
const parameterPath = (rest: string): Path => {
  const name = [...Parameter.catalogue.keys()]
    .filter((k) => rest === k || rest.startsWith(`${k}.`) || rest.startsWith(`${k}[`))
    .sort((a, b) => b.length - a.length)[0]
  if (name === undefined) return ["parameters", rest]
  const tail = rest.slice(name.length).replace(/^\./, "")
  return ["parameters", name, ...Src.splitIssuePath(tail)]
}

/** Words a parameter file's messages may keep: the catalogue's names and the file's own keys. */
const publicWords: ReadonlySet<string> = new Set([...Parameter.catalogue.keys(), "parameters", "city", "description"])

/**
 * Reads and validates a parameter file. It is a file the scenario refers to, so
 * its messages never quote it: syntax errors give their line and kind, a file
 * of another kind is told as such, and values found in messages are blanked.
 */
const readParameterFile = (
  limits: Load.Limits,
  file: string
): Either.Either<Parameter.ParameterSet, ReadonlyArray<ScenarioIssue>> => {
  const read = Src.read(file, { limits, reveal: false })
  if ("problem" in read) return Either.left([problemIssue(read.problem)])
  const source = read.source
  if (!isRecord(source.value) || !isRecord(source.value["parameters"])) {
    return Either.left([
      issueAt(source, [], {
        zh: "不是参数文件(顶层须有 parameters 映射)",
        en: "not a parameter file (its top level needs a parameters mapping)"
      }, "not-a-parameter-file")
    ])
  }
  const unknownNames = Object.keys(source.value["parameters"]).filter((k) => !Parameter.catalogue.has(k))
  const scalars = [...source.scalars(), ...unknownNames]
  const blank = (s: string) => Src.redact(s, scalars, publicWords)
  return Either.mapLeft(Parameter.load(source.value), (e) =>
    e.issues.map((x) => {
      const path = x.path.startsWith("parameters.")
        ? parameterPath(x.path.slice("parameters.".length))
        : Src.splitIssuePath(x.path)
      const issue = issueAt(source, path, { zh: blank(x.zh), en: blank(x.en) })
      return new ScenarioIssue({ ...issue, path: blank(issue.path) })
    }))
}

const parameterFile = (ctx: Context, file: string) => {
  const cached = ctx.parameterFiles.get(file)
  if (cached !== undefined) return cached
  const out = readParameterFile(ctx.limits, file)
  ctx.parameterFiles.set(file, out)
  return out
}

// ── Configuring ────────────────────────────────────────────────────────────

const failedResult = (
  s: { readonly file: string; readonly name: string; readonly description: string },
  error: ScenarioError
): Result => ({
  file: s.file,
  name: s.name,
  description: s.description,
  ok: false,
  steps: [],
  configFailures: [],
  error,
  state: undefined,
  history: [],
  config: undefined
})

interface Start {
  readonly state: Lifecycle.State
  readonly history: ReadonlyArray<ProjectEvent.Event>
  readonly baseParameters: Parameter.ParameterSet | undefined
  readonly pluginNames: ReadonlyArray<string>
}

const firstFailure = (r: Result): string => {
  const step = r.steps.find((x) => !x.ok)
  const f = step?.failures[0] ?? r.configFailures[0]
  if (f === undefined) return ""
  const shown = (u: unknown) => JSON.stringify(plain(u))
  return `; first: ${f.path} (line ${f.line}) expected ${shown(f.expected)}, got ${shown(f.actual)}`
}

const failedParent = (scenario: Load.Scenario, parent: Result): ReadonlyArray<ScenarioIssue> => {
  const failed = parent.error !== undefined
    ? "cannot be configured"
    : `has ${
      parent.steps.reduce((n, s) => n + s.failures.length, 0) + parent.configFailures.length
    } failed expectation(s)${firstFailure(parent)}`
  const given = parent.file === `${scenario.file}#given`
  const name = basename(parent.file)
  return [
    issueAt(scenario, [given ? "given" : "from"], {
      zh: given ? `given 描述的规划链未能走通` : `起始场景 ${name} 未通过`,
      en: given ? `the chain given ${failed}` : `the scenario this one starts from, ${name}, ${failed}`
    }, "configuration")
  ]
}

const startOf = (ctx: Context, scenario: Load.Scenario): Either.Either<Start, ReadonlyArray<ScenarioIssue>> => {
  if (scenario.from === undefined) {
    return Either.right({
      state: Lifecycle.initialState,
      history: [],
      baseParameters: undefined,
      pluginNames: scenario.plugins ?? []
    })
  }
  const parent = runIn(ctx, scenario.from)
  if (!parent.result.ok || parent.result.state === undefined) return Either.left(failedParent(scenario, parent.result))
  return Either.right({
    state: parent.result.state,
    history: parent.result.history,
    baseParameters: parent.baseParameters,
    pluginNames: scenario.plugins ?? parent.pluginNames
  })
}

const overlayIssues = (
  scenario: Load.Scenario,
  overlay: Readonly<Record<string, unknown>>,
  e: InputError.InvalidInput
) => {
  const keys = Object.keys(overlay)
  return e.issues.map((x) => {
    const rest = x.path.startsWith("parameters.") ? x.path.slice("parameters.".length) : x.path
    const key = keys.filter((k) => rest === k || rest.startsWith(`${k}.`) || rest.startsWith(`${k}[`))
      .sort((a, b) => b.length - a.length)[0]
    const path = key === undefined ? ["parameters", "overlay"] : ["parameters", "overlay", key]
    return issueAt(scenario, path, { zh: x.zh, en: `${rest}: ${x.en}` }, "configuration")
  })
}

const parametersOf = (
  ctx: Context,
  scenario: Load.Scenario,
  inherited: Parameter.ParameterSet | undefined
): Either.Either<Parameter.ParameterSet, ReadonlyArray<ScenarioIssue>> => {
  let base = inherited
  if (scenario.parameterFile !== undefined) {
    const loaded = parameterFile(ctx, scenario.parameterFile)
    if (Either.isLeft(loaded)) {
      return Either.left([
        issueAt(scenario, ["parameters"], {
          zh: `参数文件 ${scenario.parameterFile} 有误`,
          en: `the parameter file ${scenario.parameterFile} has errors`
        }, "configuration"),
        ...loaded.left
      ])
    }
    base = loaded.right
  }
  if (base === undefined) {
    return Either.left([issueAt(scenario, ["parameters"], { zh: "没有参数", en: "no parameters" }, "configuration")])
  }
  if (scenario.overlay === undefined) return Either.right(base)
  const basis = new LegalBasis.LegalBasis({
    level: "city",
    citation: `场景 ${basename(scenario.file)}`,
    note: scenario.name
  })
  return Either.mapLeft(
    Parameter.overlay(base, scenario.overlay, basis),
    (e) => overlayIssues(scenario, scenario.overlay!, e)
  )
}

const pluginsOf = (
  ctx: Context,
  scenario: Load.Scenario,
  names: ReadonlyArray<string>
): Either.Either<ReadonlyArray<Plugin.Plugin>, ReadonlyArray<ScenarioIssue>> => {
  const known = registered(ctx.options)
  const unknown = names.flatMap((name, i) =>
    known.has(name) ? [] : [
      issueAt(scenario, scenario.plugins === undefined ? ["from"] : ["plugins", i], {
        zh: `未知插件 ${name}`,
        en: `unknown plugin ${JSON.stringify(name)}; registered: ${[...known.keys()].join(", ") || "(none)"}`
      }, "configuration")
    ]
  )
  return unknown.length > 0 ? Either.left(unknown) : Either.right(names.map((n) => known.get(n)!))
}

const configFailures = (
  scenario: Load.Scenario,
  configured: Either.Either<Plugin.Config, Plugin.PluginConflict | InputError.InvalidInput>
): ReadonlyArray<Failure> => {
  const exp = scenario.configError!
  const failures: Array<Failure> = []
  const add = (path: Path, expected: unknown, actual: unknown) =>
    failures.push({
      path: Src.formatPath(["configError", ...path]),
      line: scenario.locate(["configError", ...path]).line,
      expected,
      actual
    })
  if (Either.isRight(configured)) {
    add([], plain(exp), "configured without error")
    return failures
  }
  const err = configured.left
  if (exp.tag !== undefined && exp.tag !== err._tag) add(["tag"], exp.tag, `${err._tag}: ${err.message}`)
  if (exp.plugins !== undefined) {
    const named = err._tag === "PluginConflict" ? err.plugins : []
    if ([...exp.plugins].sort().join("\n") !== [...named].sort().join("\n")) add(["plugins"], exp.plugins, named)
  }
  if (exp.target !== undefined && (err._tag !== "PluginConflict" || err.target !== exp.target)) {
    add(["target"], exp.target, err._tag === "PluginConflict" ? err.target : err.message)
  }
  return failures
}

// ── Steps ──────────────────────────────────────────────────────────────────

const runSteps = (
  scenario: Load.Scenario,
  config: Plugin.Config,
  start: Start
): {
  readonly steps: ReadonlyArray<StepResult>
  readonly state: Lifecycle.State
  readonly history: ReadonlyArray<ProjectEvent.Event>
} => {
  const handle = Lifecycle.handle(config)
  let state = start.state
  const history: Array<ProjectEvent.Event> = [...start.history]
  const steps = scenario.steps.map((step): StepResult => {
    let events: ReadonlyArray<ProjectEvent.Event> = []
    let rejection: Lifecycle.Rejection | undefined
    if (step.command !== undefined) {
      const r = handle(step.command, state)
      if (Either.isLeft(r)) rejection = r.left
      else {
        events = r.right
        for (const ev of events) state = Lifecycle.evolve(state, ev)
      }
    }
    const failures = Expectation.check(step.expect, {
      at: ["steps", step.index, "expect"],
      locate: scenario.locate,
      command: step.command !== undefined,
      history: [...history],
      events,
      rejection,
      view: StateView.make(config, state, step.date),
      config
    })
    const result: StepResult = {
      index: step.index,
      name: step.name,
      line: step.line,
      date: step.date,
      command: step.command?.["_tag"] as string | undefined,
      commandId: step.command?.["commandId"] as string | undefined,
      outcome: step.command === undefined ? "check" : rejection === undefined ? "accepted" : "rejected",
      events,
      rejection,
      failures,
      ok: failures.length === 0
    }
    history.push(...events)
    return result
  })
  return { steps, state, history }
}

const configure = (
  ctx: Context,
  scenario: Load.Scenario
): Either.Either<
  {
    readonly start: Start
    readonly configured: Either.Either<Plugin.Config, Plugin.PluginConflict | InputError.InvalidInput>
  },
  ReadonlyArray<ScenarioIssue>
> =>
  Either.gen(function*() {
    const start = yield* startOf(ctx, scenario)
    const parameters = yield* parametersOf(ctx, scenario, start.baseParameters)
    const plugins = yield* pluginsOf(ctx, scenario, start.pluginNames)
    const configured = Plugin.configure({ parameters, calendar: ctx.calendar, plugins })
    return { start: { ...start, baseParameters: parameters }, configured }
  })

const readingsOf = (scenario: Load.Scenario, parameters: Parameter.ParameterSet | undefined): Array<Reading> =>
  scenario.overlay === undefined || parameters === undefined
    ? []
    : Parameter.readings(parameters, Object.keys(scenario.overlay)).map((r) => {
      const path: Path = ["parameters", "overlay", r.name]
      return { path: Src.formatPath(path), line: scenario.locate(path).line, zh: r.zh, en: r.en }
    })

const runIn = (ctx: Context, scenario: Load.Scenario): Ran => {
  const cached = ctx.ran.get(scenario.file)
  if (cached !== undefined) return cached
  const ran = runUncached(ctx, scenario)
  ctx.ran.set(scenario.file, ran)
  return ran
}

const runUncached = (ctx: Context, scenario: Load.Scenario): Ran => {
  const base = { file: scenario.file, name: scenario.name, description: scenario.description }
  const prepared = configure(ctx, scenario)
  if (Either.isLeft(prepared)) {
    return {
      result: failedResult(base, failWith(scenario.file, prepared.left)),
      baseParameters: undefined,
      pluginNames: []
    }
  }
  const { start, configured } = prepared.right
  const kept = { baseParameters: start.baseParameters, pluginNames: start.pluginNames }
  const none = { error: undefined, state: undefined, history: [], config: undefined }
  if (scenario.configError !== undefined) {
    const failures = configFailures(scenario, configured)
    return { result: { ...base, ...none, ok: failures.length === 0, steps: [], configFailures: failures }, ...kept }
  }
  if (Either.isLeft(configured)) {
    const issue = issueAt(scenario, scenario.plugins === undefined ? ["parameters"] : ["plugins"], {
      zh: `配置失败:${configured.left.message}`,
      en: `configuring failed: ${configured.left.message}`
    }, "configuration")
    return { result: failedResult(base, failWith(scenario.file, [issue])), baseParameters: undefined, pluginNames: [] }
  }
  const config = configured.right
  const { state, steps, history } = runSteps(scenario, config, start)
  return {
    result: {
      ...base,
      ok: steps.every((s) => s.ok),
      steps,
      configFailures: [],
      error: undefined,
      state,
      history,
      config,
      readings: readingsOf(scenario, start.baseParameters)
    },
    ...kept
  }
}

const context = (options: RunOptions): Context => ({
  options,
  limits: Src.limitsOf(options.limits),
  calendar: options.calendar ?? emptyCalendar(),
  ran: new Map(),
  parameterFiles: new Map()
})

/**
 * Runs a loaded scenario in memory: the `from` chain first, then each step
 * through `Lifecycle.handle(config)`, checking its expectations. Fails only
 * when the scenario cannot be configured (parameter file, plugins, a failing
 * `from` scenario); failed expectations are in the result.
 *
 * @since 0.1.0
 * @category running
 */
export const run = (scenario: Load.Scenario, options: RunOptions = {}): Effect.Effect<Result, ScenarioError> =>
  Effect.suspend(() => {
    const r = runIn(context(options), scenario).result
    return r.error !== undefined ? Effect.fail(r.error) : Effect.succeed(r)
  })

/**
 * Loads and runs every scenario under the given files and folders, sharing
 * the runs of `from` scenarios. Never fails: a file that cannot be loaded or
 * configured gives a result with its `error`.
 *
 * @since 0.1.0
 * @category running
 */
export const runAll = (paths: ReadonlyArray<string>, options: RunOptions = {}): Effect.Effect<ReadonlyArray<Result>> =>
  Effect.gen(function*() {
    const files = Load.collect(paths, options)
    const loaded = yield* Load.loadAll(files, options)
    const ctx = context(options)
    return loaded.map((s, i) =>
      Either.isLeft(s)
        ? failedResult({ file: files[i]!, name: basename(files[i]!), description: "" }, s.left)
        : runIn(ctx, s.right).result
    )
  })
