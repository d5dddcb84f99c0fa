/**
 * Rule scenarios as data files (YAML or JSON): a project is given (a parameter
 * file, plugins, or another scenario's end state), then a timeline of commands
 * is run, and each step states what must follow (events, a rejection and its
 * rules, state values, quota progress, payments, deadlines, findings).
 * Loading reports unknown keys, wrong types and unknown commands with the
 * file, line and path; running folds events with `Project.handle` and
 * `Project.evolve` in memory and reports each failed expectation as
 * `{ path, expected, actual }` with a readable diff, or as JUnit XML.
 *
 * @since 0.1.0
 */
import {
  Actor,
  Calendar,
  IsoDate,
  LegalBasis,
  Money,
  Parameter,
  Plugin,
  Project,
  ProjectCommand,
  ProjectEvent,
  type Rule
} from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { readdirSync, readFileSync, statSync } from "node:fs"
import { basename, dirname, extname, join, relative, resolve } from "node:path"
import { parse as parseYaml } from "yaml"
import { at as valueAt, match, type Mismatch, plain, scalarEquals } from "./internal/compare.js"
import { formatPath, type Path, read as readSource, type Source } from "./internal/source.js"
import { escapeXml } from "./internal/xml.js"
import * as StateView from "./StateView.js"

// ── Schema ─────────────────────────────────────────────────────────────────

const Text = Schema.String.pipe(Schema.minLength(1, { message: () => "must not be empty" }))

const CommandName = Schema.String.pipe(
  Schema.filter((s) => (ProjectCommand.names as ReadonlyArray<string>).includes(s), {
    message: (issue) =>
      `unknown command ${JSON.stringify(issue.actual)}; known commands: ${ProjectCommand.names.join(", ")}`
  })
)

const Amount = Schema.Union(Schema.String, Schema.Number).pipe(
  Schema.filter((u) => Either.isRight(Money.fromYuan(typeof u === "number" ? String(u) : u)), {
    message: (issue) =>
      `not an amount exact to the fen: ${JSON.stringify(issue.actual)} (at most two decimals, e.g. "872000.00")`
  })
)

const NullableDate = Schema.NullOr(IsoDate.IsoDate)

const PaymentsOf = Schema.Struct({
  advance: Schema.optional(Amount),
  balance: Schema.optional(Amount),
  total: Schema.optional(Amount)
})
const DeadlinesOf = Schema.Struct({
  publicityEnd: Schema.optional(NullableDate),
  signBy: Schema.optional(NullableDate),
  balanceDue: Schema.optional(NullableDate),
  rectification: Schema.optional(NullableDate)
})

/**
 * What a step expects.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Expectation = Schema.Struct({
  /** The step's events in order: a type, or an object matched as a subset of the encoded event. */
  events: Schema.optional(
    Schema.Array(Schema.Union(Text, Schema.Record({ key: Schema.String, value: Schema.Unknown })))
  ),
  /** The command is rejected; with `rules`, each rule id is among the rejection's. */
  rejected: Schema.optional(
    Schema.Union(
      Schema.Literal(true),
      Schema.Struct({
        rules: Schema.optional(Schema.Array(Text)),
        tag: Schema.optional(Schema.Literal("Unauthorized", "OutOfOrder", "RuleViolation", "InvalidInput"))
      })
    )
  ),
  /** Values by path in the {@link StateView} as of the step's date. */
  state: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  /** Quota progress per item id. */
  quota: Schema.optional(
    Schema.Record({
      key: Schema.String,
      value: Schema.Struct({
        done: Schema.optional(Schema.Number),
        required: Schema.optional(Schema.Number),
        met: Schema.optional(Schema.Boolean)
      })
    })
  ),
  /** Sums paid by kind per sub-project, compared exactly as decimals. */
  payments: Schema.optional(
    Schema.Struct({ hazchem: Schema.optional(PaymentsOf), keyAreas: Schema.optional(PaymentsOf) })
  ),
  /** Deadlines per sub-project (`null` when there is none). */
  deadlines: Schema.optional(
    Schema.Struct({ hazchem: Schema.optional(DeadlinesOf), keyAreas: Schema.optional(DeadlinesOf) })
  ),
  /** Findings present in the step's events' evaluations (or its rejection). */
  findings: Schema.optional(
    Schema.Array(
      Schema.Struct({
        rule: Text,
        severity: Schema.optional(Schema.Literal("error", "warning", "info")),
        path: Schema.optional(Schema.String)
      })
    )
  )
}).annotations({ identifier: "Expectation" })

/**
 * @since 0.1.0
 * @category models
 */
export type Expectation = typeof Expectation.Type

/**
 * One step of the timeline. Without `command` it only checks expectations as of its date.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Step = Schema.Struct({
  name: Schema.optional(Text),
  /** The date of the act (10:00 China Standard Time); or give `at`. */
  date: Schema.optional(IsoDate.IsoDate),
  at: Schema.optional(IsoDate.IsoDateTime),
  /** Inline, or a name from the scenario's `actors` map (or an earlier scenario's in the `from` chain). */
  actor: Schema.optional(Schema.Union(Text, Actor.Actor)),
  command: Schema.optional(CommandName),
  /** Fixed command id (a retry repeats one); by default derived from the file and the step index. */
  commandId: Schema.optional(Text),
  input: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  expect: Schema.optional(Expectation)
}).annotations({ identifier: "Step" })

/**
 * @since 0.1.0
 * @category models
 */
export type Step = typeof Step.Type

/**
 * A scenario file.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ScenarioFile = Schema.Struct({
  name: Text,
  description: Text,
  /** Plugin names, resolved through the registry given to {@link run}. */
  plugins: Schema.optional(Schema.Array(Text)),
  /** A parameter file (relative to this file), or `{ file?, overlay? }`. */
  parameters: Schema.optional(
    Schema.Union(
      Text,
      Schema.Struct({
        file: Schema.optional(Text),
        overlay: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown }))
      })
    )
  ),
  /** Another scenario (relative path) whose end state this one starts from. */
  from: Schema.optional(Text),
  actors: Schema.optional(Schema.Record({ key: Schema.String, value: Actor.Actor })),
  /** Configuring the plugins must fail like this (and there are no steps). */
  configError: Schema.optional(
    Schema.Struct({
      tag: Schema.optional(Schema.Literal("PluginConflict", "InvalidInput")),
      plugins: Schema.optional(Schema.Array(Text)),
      target: Schema.optional(Text)
    })
  ),
  /** The timeline, run in order. */
  steps: Schema.optionalWith(Schema.Array(Step), {
    /** No steps: a scenario that only checks its configuration. */
    default: () => []
  })
}).annotations({ identifier: "ScenarioFile" })

/**
 * @since 0.1.0
 * @category models
 */
export type ScenarioFile = typeof ScenarioFile.Type

// ── Errors ─────────────────────────────────────────────────────────────────

/**
 * One problem in a scenario file (or a file it refers to), with where it is.
 *
 * @since 0.1.0
 * @category models
 */
export class ScenarioIssue extends Schema.Class<ScenarioIssue>("@gsyf/scenarios/ScenarioIssue")({
  file: Schema.String,
  line: Schema.Number,
  column: Schema.Number,
  /** Path in the file, e.g. `steps[2].expect.evnts`. */
  path: Schema.String,
  zh: Schema.String,
  en: Schema.String
}) {
  /** `file:line:column path: en / zh` */
  get text(): string {
    return `${this.file}:${this.line}:${this.column} ${this.path || "(root)"}: ${this.en} / ${this.zh}`
  }
}

/**
 * A scenario that cannot be loaded or configured: bad syntax, unknown keys,
 * wrong types, unknown commands or actors, a missing parameter file or
 * plugin, a `from` cycle.
 *
 * @since 0.1.0
 * @category errors
 */
export class ScenarioError extends Schema.TaggedError<ScenarioError>()("ScenarioError", {
  file: Schema.String,
  issues: Schema.Array(ScenarioIssue)
}) {
  /** Every issue as `file:line:column path: en / zh`, one a line. */
  override get message(): string {
    return this.issues.map((i) => i.text).join("\n")
  }
}

const issue = (
  source: { readonly file: string; readonly locate?: (p: Path) => { line: number; column: number } },
  path: Path,
  zh: string,
  en: string
) => {
  const pos = source.locate?.(path) ?? { line: 1, column: 1 }
  return new ScenarioIssue({ file: source.file, line: pos.line, column: pos.column, path: formatPath(path), zh, en })
}

const fail = (file: string, issues: ReadonlyArray<ScenarioIssue>) => new ScenarioError({ file, issues })

// ── Loading ────────────────────────────────────────────────────────────────

/**
 * A step ready to run.
 *
 * @since 0.1.0
 * @category models
 */
export interface LoadedStep {
  readonly index: number
  readonly line: number
  readonly name: string
  readonly date: IsoDate.IsoDate
  readonly at: IsoDate.IsoDateTime
  /** The command as given to `Project.handle`, or undefined for a check-only step. */
  readonly command: Readonly<Record<string, unknown>> | undefined
  readonly expect: Expectation
}

/**
 * A loaded scenario.
 *
 * @since 0.1.0
 * @category models
 */
export interface Scenario {
  /** Absolute path of the file. */
  readonly file: string
  readonly name: string
  readonly description: string
  readonly plugins: ReadonlyArray<string> | undefined
  readonly parameterFile: string | undefined
  readonly overlay: Readonly<Record<string, unknown>> | undefined
  readonly from: Scenario | undefined
  readonly actors: ReadonlyMap<string, Actor.Actor>
  readonly configError: ScenarioFile["configError"]
  readonly steps: ReadonlyArray<LoadedStep>
  /** Maps a path in the file to its position. */
  readonly locate: (path: Path) => { readonly line: number; readonly column: number }
}

const scenarioIssues = (source: Source, error: ParseResult.ParseError): ReadonlyArray<ScenarioIssue> => {
  const all = ParseResult.ArrayFormatter.formatErrorSync(error)
  const key = (p: ReadonlyArray<PropertyKey>) => p.map(String).join("\u0000")
  // an optional field is `T | undefined`: drop its "expected undefined" branch when a deeper issue explains it
  const relevant = all.filter(
    (i) =>
      !(i._tag === "Type" && i.message.startsWith("Expected undefined") &&
        all.some((j) =>
          j !== i && !j.message.startsWith("Expected undefined") && j.path.length >= i.path.length &&
          key(j.path).startsWith(key(i.path))
        ))
  )
  return relevant.map((i) => {
    const path = i.path.map((k) => (typeof k === "number" ? k : String(k)))
    switch (i._tag) {
      case "Unexpected":
        return issue(source, path, "不允许出现的字段(未知键)", "unknown key")
      case "Missing":
        return issue(source, path, "缺少必填字段", "is missing")
      default:
        return i.message.startsWith("unknown command")
          ? issue(
            source,
            path,
            `未知命令 ${JSON.stringify(path.length > 0 ? valueAtPath(source.value, path) : "")}`,
            i.message
          )
          : issue(source, path, `类型或取值不符:${i.message}`, i.message)
    }
  })
}

const valueAtPath = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[k] : undefined),
    value
  )

const dateTimeOf = (date: string): string => `${date}T10:00:00+08:00`

const splitIssuePath = (p: string): Path =>
  p === ""
    ? []
    : p
      .split(".")
      .flatMap((part) => {
        const m = /^([^[]*)((\[\d+\])*)$/.exec(part)
        if (m === null) return [part]
        return [...(m[1] === "" ? [] : [m[1]!]), ...(m[2]!.match(/\d+/g) ?? []).map(Number)]
      })

/** Maps a path in the decoded command back to the step's keys. */
const commandPathInStep = (p: Path, step: Step): Path => {
  const [head, ...rest] = p
  if (head === "actor") return typeof step.actor === "string" ? ["actor"] : ["actor", ...rest]
  if (head === "at") return step.at !== undefined ? ["at"] : ["date"]
  if (head === "_tag") return ["command"]
  if (head === "commandId") return ["commandId"]
  return head === undefined ? ["input"] : ["input", ...p]
}

const envelopeKeys = ["_tag", "commandId", "actor", "at"]

const loadFile = (
  file: string,
  chain: ReadonlyArray<string>,
  cache: Map<string, Scenario>
): Either.Either<Scenario, ScenarioError> => {
  const abs = resolve(file)
  const cached = cache.get(abs)
  if (cached !== undefined) return Either.right(cached)
  const read = readSource(abs, new Set(["expect", "configError"]))
  if ("problem" in read) {
    const p = read.problem
    return Either.left(
      fail(abs, [
        new ScenarioIssue({
          file: abs,
          line: p.position.line,
          column: p.position.column,
          path: "",
          zh: `语法错误:${p.message}`,
          en: `syntax error: ${p.message}`
        })
      ])
    )
  }
  const source = read.source
  const decoded = Schema.decodeUnknownEither(ScenarioFile, { errors: "all", onExcessProperty: "error" })(source.value)
  if (Either.isLeft(decoded)) return Either.left(fail(abs, scenarioIssues(source, decoded.left)))
  const f = decoded.right
  const issues: Array<ScenarioIssue> = []
  // from
  let parent: Scenario | undefined
  if (f.from !== undefined) {
    const target = resolve(dirname(abs), f.from)
    if (target === abs || chain.includes(target)) {
      issues.push(
        issue(
          source,
          ["from"],
          `from 形成循环:${[...chain, abs, target].map((x) => basename(x)).join(" → ")}`,
          `from makes a cycle: ${[...chain, abs, target].map((x) => basename(x)).join(" → ")}`
        )
      )
    } else {
      const loaded = loadFile(target, [...chain, abs], cache)
      if (Either.isLeft(loaded)) {
        issues.push(
          issue(
            source,
            ["from"],
            `from 引用的场景无法加载:${loaded.left.message}`,
            `the scenario named by from cannot be loaded:\n${loaded.left.message}`
          )
        )
      } else parent = loaded.right
    }
  }
  const parameterSpec = typeof f.parameters === "string" ? { file: f.parameters, overlay: undefined } : f.parameters
  if (parameterSpec?.file === undefined && parent === undefined) {
    issues.push(
      issue(
        source,
        ["parameters"],
        "须给出参数文件(parameters)或起始场景(from)",
        "give a parameter file (parameters) or a scenario to start from (from)"
      )
    )
  }
  if (f.configError !== undefined && f.steps.length > 0) {
    issues.push(
      issue(
        source,
        ["steps"],
        "预期配置失败的场景不能有步骤",
        "a scenario expecting a configuration error has no steps"
      )
    )
  }
  const actors = new Map<string, Actor.Actor>(parent?.actors ?? [])
  for (const [name, a] of Object.entries(f.actors ?? {})) actors.set(name, a)
  const idPrefix = `${basename(dirname(abs))}/${basename(abs)}`
  const steps: Array<LoadedStep> = []
  f.steps.forEach((step, i) => {
    const here = (p: Path): Path => ["steps", i, ...p]
    if ((step.date === undefined) === (step.at === undefined)) {
      issues.push(issue(source, here([]), "每一步须给出 date 或 at 之一", "each step gives exactly one of date or at"))
      return
    }
    const instant = (step.at ?? dateTimeOf(step.date!)) as IsoDate.IsoDateTime
    const date = step.date ?? IsoDate.dateOf(instant)
    const expect: Expectation = step.expect ?? {}
    if (expect.rejected !== undefined && expect.events !== undefined && expect.events.length > 0) {
      issues.push(
        issue(source, here(["expect", "events"]), "被拒绝的命令不产生事件", "a rejected command has no events")
      )
    }
    let command: Record<string, unknown> | undefined
    if (step.command === undefined) {
      for (const k of ["actor", "input", "commandId"] as const) {
        if (step[k] !== undefined) {
          issues.push(
            issue(source, here([k]), `没有 command 的步骤不能有 ${k}`, `a step without a command has no ${k}`)
          )
        }
      }
      if (expect.rejected !== undefined || expect.events !== undefined || expect.findings !== undefined) {
        issues.push(
          issue(
            source,
            here(["expect"]),
            "没有 command 的步骤只能检查 state、quota、payments、deadlines",
            "a step without a command checks only state, quota, payments and deadlines"
          )
        )
      }
    } else {
      let actor: Actor.Actor | undefined
      if (step.actor === undefined) {
        issues.push(issue(source, here(["command"]), "命令须有 actor", "a command needs an actor"))
      } else if (typeof step.actor === "string") {
        actor = actors.get(step.actor)
        if (actor === undefined) {
          issues.push(
            issue(
              source,
              here(["actor"]),
              `未知的角色名 ${step.actor}(见 actors)`,
              `unknown actor ${JSON.stringify(step.actor)}; known: ${[...actors.keys()].join(", ") || "(none)"}`
            )
          )
        }
      } else actor = step.actor
      for (const k of Object.keys(step.input ?? {})) {
        if (envelopeKeys.includes(k)) {
          issues.push(
            issue(
              source,
              here(["input", k]),
              `${k} 由步骤给出,不能写在 input 中`,
              `${k} is set by the step, not in input`
            )
          )
        }
      }
      if (actor !== undefined) {
        command = {
          _tag: step.command,
          commandId: step.commandId ?? `${idPrefix}#${i + 1}`,
          actor,
          at: instant,
          ...step.input
        }
        if (expect.rejected === undefined) {
          const check = Project.decodeCommandInput(command)
          if (Either.isLeft(check)) {
            for (const x of check.left.issues) {
              const p = commandPathInStep(splitIssuePath(x.path), step)
              issues.push(
                issue(
                  source,
                  here(p),
                  `命令 ${step.command} 的输入无效:${x.zh}`,
                  `invalid input for ${step.command}: ${x.path === "" ? "" : `${x.path} `}${x.en}`
                )
              )
            }
          }
        }
      }
    }
    const name = step.name ?? (step.command === undefined ? `check ${date}` : step.command)
    steps.push({ index: i, line: source.locate(here([])).line, name, date, at: instant, command, expect })
  })
  if (issues.length > 0) return Either.left(fail(abs, issues))
  const scenario: Scenario = {
    file: abs,
    name: f.name,
    description: f.description,
    plugins: f.plugins,
    parameterFile: parameterSpec?.file === undefined ? undefined : resolve(dirname(abs), parameterSpec.file),
    overlay: parameterSpec?.overlay,
    from: parent,
    actors,
    configError: f.configError,
    steps,
    locate: source.locate
  }
  cache.set(abs, scenario)
  return Either.right(scenario)
}

/**
 * Loads a scenario file (YAML or JSON) and the scenarios it starts `from`,
 * checking the schema, actor names, commands and their input (except for
 * steps that expect a rejection) with file, line and path.
 *
 * @since 0.1.0
 * @category loading
 */
export const load = (file: string): Effect.Effect<Scenario, ScenarioError> =>
  Effect.suspend(() => loadFile(file, [], new Map()))

// ── Results ────────────────────────────────────────────────────────────────

/**
 * One failed expectation.
 *
 * @since 0.1.0
 * @category models
 */
export interface Failure {
  /** Path in the scenario file, e.g. `steps[3].expect.events[0].endsOn`. */
  readonly path: string
  readonly line: number
  readonly expected: unknown
  readonly actual: unknown
}

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
  readonly rejection: Project.Rejection | undefined
  readonly failures: ReadonlyArray<Failure>
  readonly ok: boolean
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
  readonly state: Project.State | undefined
  readonly config: Plugin.Config | undefined
}

/**
 * How to run scenarios.
 *
 * @since 0.1.0
 * @category models
 */
export interface RunOptions {
  /** The plugins scenario files may name. */
  readonly plugins?: ReadonlyMap<string, Plugin.Plugin> | Readonly<Record<string, Plugin.Plugin>> | undefined
  /** The holiday calendar (e.g. `ChinaHolidays.calendar` of `@gsyf/calendar-cn`); by default one without years, so deadlines in working days cannot be computed. */
  readonly calendar?: Calendar.Service | undefined
}

interface Ran {
  readonly result: Result
  readonly baseParameters: Parameter.ParameterSet | undefined
  readonly pluginNames: ReadonlyArray<string>
}

interface Context {
  readonly options: RunOptions
  readonly calendar: Calendar.Service
  readonly ran: Map<string, Ran>
  readonly parameterFiles: Map<string, Either.Either<Parameter.ParameterSet, ReadonlyArray<ScenarioIssue>>>
}

const emptyCalendar = (): Calendar.Service => Either.getOrThrow(Calendar.make([]))

const pluginOf = (options: RunOptions, name: string): Plugin.Plugin | undefined => {
  const p = options.plugins
  if (p === undefined) return undefined
  if (p instanceof Map) return p.get(name)
  return (p as Readonly<Record<string, Plugin.Plugin>>)[name]
}

const loadParameterFile = (
  ctx: Context,
  file: string
): Either.Either<Parameter.ParameterSet, ReadonlyArray<ScenarioIssue>> => {
  const cached = ctx.parameterFiles.get(file)
  if (cached !== undefined) return cached
  const read = readSource(file)
  let out: Either.Either<Parameter.ParameterSet, ReadonlyArray<ScenarioIssue>>
  if ("problem" in read) {
    out = Either.left([
      new ScenarioIssue({
        file,
        line: read.problem.position.line,
        column: read.problem.position.column,
        path: "",
        zh: `参数文件无法读取:${read.problem.message}`,
        en: `parameter file: ${read.problem.message}`
      })
    ])
  } else {
    const source = read.source
    out = Either.mapLeft(Parameter.load(parseYaml(source.text)), (e) =>
      e.issues.map((x) => {
        const path: Path = x.path.startsWith("parameters.")
          ? ["parameters", x.path.slice("parameters.".length)]
          : splitIssuePath(x.path)
        return issue(source, path, x.zh, x.en)
      }))
  }
  ctx.parameterFiles.set(file, out)
  return out
}

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
  config: undefined
})

const collectFindings = (
  events: ReadonlyArray<ProjectEvent.Event>,
  rejection: Project.Rejection | undefined
): ReadonlyArray<Rule.Finding> => [
  ...events.flatMap((e) => e.evaluations.flatMap((ev) => ev.findings)),
  ...(rejection?._tag === "RuleViolation" ? rejection.findings : [])
]

const encodeEvent = Schema.encodeSync(ProjectEvent.Event)

const checkStep = (
  scenario: Scenario,
  step: LoadedStep,
  outcome: { readonly events: ReadonlyArray<ProjectEvent.Event>; readonly rejection: Project.Rejection | undefined },
  view: StateView.Json
): ReadonlyArray<Failure> => {
  const failures: Array<Failure> = []
  const base: Path = ["steps", step.index, "expect"]
  const add = (path: Path, expected: unknown, actual: unknown) =>
    failures.push({
      path: formatPath([...base, ...path]),
      line: scenario.locate([...base, ...path]).line,
      expected,
      actual
    })
  const addAll = (prefix: Path, ms: ReadonlyArray<Mismatch>) =>
    ms.forEach((m) => add([...prefix, ...m.path], m.expected, m.actual))
  const e = step.expect
  const { events, rejection } = outcome
  if (step.command !== undefined) {
    const summary = rejection === undefined
      ? undefined
      : rejection._tag === "RuleViolation"
      ? `RuleViolation: ${rejection.message}`
      : `${rejection._tag} [${Project.ruleIdsOf(rejection).join(", ")}]: ${rejection.message}`
    if (e.rejected === undefined) {
      if (rejection !== undefined) add(["rejected"], "accepted", summary)
    } else if (rejection === undefined) {
      add(
        ["rejected"],
        e.rejected === true ? "rejected" : plain(e.rejected),
        `accepted: [${events.map((x) => x._tag).join(", ")}]`
      )
    } else if (e.rejected !== true) {
      if (e.rejected.tag !== undefined && e.rejected.tag !== rejection._tag) {
        add(["rejected", "tag"], e.rejected.tag, rejection._tag)
      }
      const ids = Project.ruleIdsOf(rejection)
      ;(e.rejected.rules ?? []).forEach((r, i) => {
        if (!ids.includes(r)) add(["rejected", "rules", i], r, summary)
      })
    }
  }
  if (e.events !== undefined) {
    const types = events.map((x) => x._tag)
    if (e.events.length !== events.length) {
      add(["events"], e.events.map((x) => (typeof x === "string" ? x : (x["_tag"] ?? x))), types)
    } else {
      e.events.forEach((x, i) => {
        const actual = events[i]!
        if (typeof x === "string") {
          if (x !== actual._tag) add(["events", i], x, actual._tag)
        } else addAll(["events", i], match(x, encodeEvent(actual)))
      })
    }
  }
  if (e.findings !== undefined) {
    const present = collectFindings(events, rejection)
    e.findings.forEach((x, i) => {
      const found = present.some((f) =>
        f.ruleId === x.rule && (x.severity === undefined || f.severity === x.severity) &&
        (x.path === undefined || f.path === x.path)
      )
      if (!found) add(["findings", i], plain(x), present.map((f) => `${f.ruleId} (${f.severity}) ${f.path}`))
    })
  }
  for (const [path, expected] of Object.entries(e.state ?? {})) {
    addAll(["state", path], match(expected, valueAt(view, path)))
  }
  for (const [itemId, expected] of Object.entries(e.quota ?? {})) {
    const actual = valueAt(view, `subProjects.hazchem.quota`) as Record<string, unknown>
    const other = valueAt(view, `subProjects.keyAreas.quota`) as Record<string, unknown>
    addAll(["quota", itemId], match(expected, actual[itemId] ?? other[itemId]))
  }
  for (const key of ["hazchem", "keyAreas"] as const) {
    for (const [kind, expected] of Object.entries(e.payments?.[key] ?? {})) {
      if (expected === undefined) continue
      const actual = valueAt(view, `subProjects.${key}.payments.${kind}`)
      if (!scalarEquals(typeof expected === "number" ? String(expected) : expected, actual)) {
        add(["payments", key, kind], plain(expected), actual)
      }
    }
    for (const [kind, expected] of Object.entries(e.deadlines?.[key] ?? {})) {
      if (expected === undefined) continue
      const actual = valueAt(view, `subProjects.${key}.deadlines.${kind}`)
      if (!scalarEquals(expected, actual)) add(["deadlines", key, kind], expected, actual)
    }
  }
  return failures
}

const runIn = (ctx: Context, scenario: Scenario): Ran => {
  const cached = ctx.ran.get(scenario.file)
  if (cached !== undefined) return cached
  const done = (ran: Ran): Ran => {
    ctx.ran.set(scenario.file, ran)
    return ran
  }
  const configFail = (issues: ReadonlyArray<ScenarioIssue>): Ran =>
    done({ result: failedResult(scenario, fail(scenario.file, issues)), baseParameters: undefined, pluginNames: [] })
  // the starting point
  let state = Project.initialState
  let baseParameters: Parameter.ParameterSet | undefined
  let pluginNames: ReadonlyArray<string> = scenario.plugins ?? []
  if (scenario.from !== undefined) {
    const parent = runIn(ctx, scenario.from)
    if (!parent.result.ok || parent.result.state === undefined) {
      const failed = parent.result.error !== undefined
        ? "cannot be configured"
        : `has ${
          parent.result.steps.reduce((n, s) => n + s.failures.length, 0) + parent.result.configFailures.length
        } failed expectation(s)`
      const name = basename(scenario.from.file)
      return configFail([
        issue(
          { file: scenario.file, locate: scenario.locate },
          ["from"],
          `起始场景 ${name} 未通过`,
          `the scenario this one starts from, ${name}, ${failed}`
        )
      ])
    }
    state = parent.result.state
    baseParameters = parent.baseParameters
    if (scenario.plugins === undefined) pluginNames = parent.pluginNames
  }
  const src = { file: scenario.file, locate: scenario.locate }
  if (scenario.parameterFile !== undefined) {
    const loaded = loadParameterFile(ctx, scenario.parameterFile)
    if (Either.isLeft(loaded)) {
      return configFail([
        issue(
          src,
          ["parameters"],
          `参数文件 ${scenario.parameterFile} 有误`,
          `the parameter file ${scenario.parameterFile} has errors`
        ),
        ...loaded.left
      ])
    }
    baseParameters = loaded.right
  }
  if (baseParameters === undefined) return configFail([issue(src, ["parameters"], "没有参数", "no parameters")])
  if (scenario.overlay !== undefined) {
    const overlaid = Parameter.overlay(
      baseParameters,
      scenario.overlay,
      new LegalBasis.LegalBasis({ level: "city", citation: `场景 ${basename(scenario.file)}`, note: scenario.name })
    )
    if (Either.isLeft(overlaid)) {
      const keys = Object.keys(scenario.overlay)
      return configFail(
        overlaid.left.issues.map((x) => {
          const rest = x.path.startsWith("parameters.") ? x.path.slice("parameters.".length) : x.path
          const key = keys.filter((k) =>
            rest === k || rest.startsWith(`${k}.`) || rest.startsWith(`${k}[`)
          ).sort((a, b) => b.length - a.length)[0]
          return issue(
            src,
            key === undefined ? ["parameters", "overlay"] : ["parameters", "overlay", key],
            x.zh,
            `${rest}: ${x.en}`
          )
        })
      )
    }
    baseParameters = overlaid.right
  }
  const plugins: Array<Plugin.Plugin> = []
  const unknown: Array<ScenarioIssue> = []
  pluginNames.forEach((name, i) => {
    const p = pluginOf(ctx.options, name)
    if (p === undefined) {
      const known = ctx.options.plugins === undefined
        ? []
        : ctx.options.plugins instanceof Map
        ? [...ctx.options.plugins.keys()]
        : Object.keys(ctx.options.plugins)
      unknown.push(
        issue(
          src,
          scenario.plugins === undefined ? ["from"] : ["plugins", i],
          `未知插件 ${name}`,
          `unknown plugin ${JSON.stringify(name)}; registered: ${known.join(", ") || "(none)"}`
        )
      )
    } else plugins.push(p)
  })
  if (unknown.length > 0) return configFail(unknown)
  const configured = Plugin.configure({ parameters: baseParameters, calendar: ctx.calendar, plugins })
  const base = { file: scenario.file, name: scenario.name, description: scenario.description }
  if (scenario.configError !== undefined) {
    const exp = scenario.configError
    const failures: Array<Failure> = []
    const add = (path: Path, expected: unknown, actual: unknown) =>
      failures.push({
        path: formatPath(["configError", ...path]),
        line: scenario.locate(["configError", ...path]).line,
        expected,
        actual
      })
    if (Either.isRight(configured)) add([], plain(exp), "configured without error")
    else {
      const err = configured.left
      if (exp.tag !== undefined && exp.tag !== err._tag) add(["tag"], exp.tag, `${err._tag}: ${err.message}`)
      if (exp.plugins !== undefined) {
        const named = err._tag === "PluginConflict" ? err.plugins : []
        if ([...exp.plugins].sort().join("\n") !== [...named].sort().join("\n")) add(["plugins"], exp.plugins, named)
      }
      if (exp.target !== undefined && (err._tag !== "PluginConflict" || err.target !== exp.target)) {
        add(["target"], exp.target, err._tag === "PluginConflict" ? err.target : err.message)
      }
    }
    return done({
      result: {
        ...base,
        ok: failures.length === 0,
        steps: [],
        configFailures: failures,
        error: undefined,
        state: undefined,
        config: undefined
      },
      baseParameters,
      pluginNames
    })
  }
  if (Either.isLeft(configured)) {
    return configFail([
      issue(
        src,
        scenario.plugins === undefined ? ["parameters"] : ["plugins"],
        `配置失败:${configured.left.message}`,
        `configuring failed: ${configured.left.message}`
      )
    ])
  }
  const config = configured.right
  const handle = Project.handle(config)
  const steps: Array<StepResult> = []
  for (const step of scenario.steps) {
    let events: ReadonlyArray<ProjectEvent.Event> = []
    let rejection: Project.Rejection | undefined
    if (step.command !== undefined) {
      const r = handle(step.command, state)
      if (Either.isLeft(r)) rejection = r.left
      else {
        events = r.right
        for (const ev of events) state = Project.evolve(state, ev)
      }
    }
    const failures = checkStep(scenario, step, { events, rejection }, StateView.make(config, state, step.date))
    steps.push({
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
    })
  }
  return done({
    result: { ...base, ok: steps.every((s) => s.ok), steps, configFailures: [], error: undefined, state, config },
    baseParameters,
    pluginNames
  })
}

const context = (options: RunOptions): Context => ({
  options,
  calendar: options.calendar ?? emptyCalendar(),
  ran: new Map(),
  parameterFiles: new Map()
})

/**
 * Runs a loaded scenario in memory: the `from` chain first, then each step
 * through `Project.handle(config)`, checking its expectations. Fails only
 * when the scenario cannot be configured (parameter file, plugins, a failing
 * `from` scenario); failed expectations are in the result.
 *
 * @since 0.1.0
 * @category running
 */
export const run = (scenario: Scenario, options: RunOptions = {}): Effect.Effect<Result, ScenarioError> =>
  Effect.suspend(() => {
    const r = runIn(context(options), scenario).result
    return r.error !== undefined ? Effect.fail(r.error) : Effect.succeed(r)
  })

const scenarioExtensions = new Set([".yaml", ".yml", ".json"])

/**
 * The scenario files under the given files and folders (folders searched
 * recursively for `.yaml`, `.yml` and `.json`, skipping `node_modules` and
 * hidden folders, and keeping only files that look like scenarios), sorted.
 *
 * @since 0.1.0
 * @category loading
 */
export const collect = (paths: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out = new Set<string>()
  const walk = (p: string, named: boolean): void => {
    const abs = resolve(p)
    const st = statSync(abs, { throwIfNoEntry: false })
    if (st === undefined) {
      out.add(abs)
      return
    }
    if (st.isDirectory()) {
      for (const entry of readdirSync(abs).sort()) {
        if (entry.startsWith(".") || entry === "node_modules") continue
        const child = join(abs, entry)
        if (statSync(child).isDirectory() || scenarioExtensions.has(extname(entry))) walk(child, false)
      }
    } else if (named || looksLikeScenario(abs)) out.add(abs)
  }
  paths.forEach((p) => walk(p, true))
  return [...out].sort()
}

/**
 * A file found while walking a folder is a scenario when its top level has a
 * `name` and `steps` (or `configError`); other data files beside scenarios
 * (parameter files, package manifests) are passed over. A file named
 * explicitly is always run as a scenario, so its errors are reported.
 */
const looksLikeScenario = (file: string): boolean => {
  try {
    const data = parseYaml(readFileSync(file, "utf8")) as unknown
    return typeof data === "object" && data !== null && "name" in data && ("steps" in data || "configError" in data)
  } catch {
    return true
  }
}

/**
 * Loads and runs every scenario under the given files and folders, sharing
 * the runs of `from` scenarios. Never fails: a file that cannot be loaded or
 * configured gives a result with its `error`.
 *
 * @since 0.1.0
 * @category running
 */
export const runAll = (paths: ReadonlyArray<string>, options: RunOptions = {}): Effect.Effect<ReadonlyArray<Result>> =>
  Effect.sync(() => {
    const ctx = context(options)
    const loaded = new Map<string, Scenario>()
    return collect(paths).map((file) => {
      const s = loadFile(file, [], loaded)
      if (Either.isLeft(s)) return failedResult({ file, name: basename(file), description: "" }, s.left)
      return runIn(ctx, s.right).result
    })
  })

// ── Reports ────────────────────────────────────────────────────────────────

/**
 * Options of {@link formatResult}.
 *
 * @since 0.1.0
 * @category models
 */
export interface FormatOptions {
  /** ANSI colours (off by default). */
  readonly color?: boolean | undefined
  /** Show passing steps too. */
  readonly verbose?: boolean | undefined
  /** Paths are shown relative to this folder (default: the current one). */
  readonly relativeTo?: string | undefined
}

const show = (u: unknown): string => {
  if (typeof u === "string") return JSON.stringify(u)
  try {
    return JSON.stringify(plain(u)) ?? String(u)
  } catch {
    return String(u)
  }
}

/**
 * A readable report of one result: each failed expectation with its path,
 * line, expected and actual values (coloured only when asked).
 *
 * @since 0.1.0
 * @category reports
 */
export const formatResult = (result: Result, options: FormatOptions = {}): string => {
  const c = (code: string, s: string) => (options.color === true ? `\u001b[${code}m${s}\u001b[0m` : s)
  const file = relative(options.relativeTo ?? process.cwd(), result.file) || result.file
  const lines: Array<string> = [`${result.ok ? c("32", "✓") : c("31", "✗")} ${file} — ${result.name}`]
  const failure = (f: Failure) => {
    lines.push(`    ${c("1", f.path)} (${file}:${f.line})`)
    lines.push(`      ${c("32", "- expected:")} ${show(f.expected)}`)
    lines.push(`      ${c("31", "+ actual:  ")} ${show(f.actual)}`)
  }
  if (result.error !== undefined) { for (const i of result.error.issues) lines.push(`  ${c("31", "error")} ${i.text}`) }
  if (result.configFailures.length > 0) {
    lines.push(`  configure`)
    result.configFailures.forEach(failure)
  }
  for (const s of result.steps) {
    if (s.ok && options.verbose !== true) continue
    const what = s.outcome === "rejected"
      ? `rejected ${s.rejection!._tag} [${Project.ruleIdsOf(s.rejection!).join(", ")}]`
      : s.outcome === "accepted"
      ? `[${s.events.map((e) => e._tag).join(", ")}]`
      : "check"
    lines.push(
      `  ${s.ok ? c("32", "✓") : c("31", "✗")} step ${s.index + 1} ${s.name} ${s.date} (line ${s.line}): ${what}`
    )
    s.failures.forEach(failure)
  }
  return lines.join("\n")
}

/**
 * A summary of many results: one report per result, then the totals.
 *
 * @since 0.1.0
 * @category reports
 */
export const formatResults = (results: ReadonlyArray<Result>, options: FormatOptions = {}): string => {
  const failed = results.filter((r) => !r.ok).length
  const steps = results.reduce((n, r) => n + r.steps.length, 0)
  return [
    ...results.map((r) => formatResult(r, options)),
    `${results.length} scenarios, ${steps} steps: ${results.length - failed} passed, ${failed} failed`
  ].join("\n")
}

/**
 * JUnit XML: one test suite per scenario, one test case per step (and one
 * for configuring when it fails or is what the scenario checks).
 *
 * @since 0.1.0
 * @category reports
 */
export const junit = (
  results: ReadonlyArray<Result>,
  options: { readonly relativeTo?: string | undefined } = {}
): string => {
  const suites: Array<string> = []
  let tests = 0
  let failures = 0
  let errors = 0
  for (const r of results) {
    const file = relative(options.relativeTo ?? process.cwd(), r.file) || r.file
    const cases: Array<string> = []
    let sFailures = 0
    let sErrors = 0
    if (r.error !== undefined) {
      sErrors++
      cases.push(
        `    <testcase classname="${escapeXml(file)}" name="load and configure"><error message="${
          escapeXml(r.error.issues[0]?.en ?? "error")
        }">${escapeXml(r.error.message)}</error></testcase>`
      )
    }
    if (r.error === undefined && r.steps.length === 0) {
      const text = formatResult(r)
      if (r.configFailures.length > 0) sFailures++
      cases.push(
        `    <testcase classname="${escapeXml(file)}" name="configure">${
          r.configFailures.length > 0
            ? `<failure message="${escapeXml(`${r.configFailures.length} expectation(s) failed`)}">${
              escapeXml(text)
            }</failure>`
            : ""
        }</testcase>`
      )
    }
    for (const s of r.steps) {
      const name = `step ${s.index + 1}: ${s.name} (${s.date})`
      if (s.ok) cases.push(`    <testcase classname="${escapeXml(file)}" name="${escapeXml(name)}"/>`)
      else {
        sFailures++
        const detail = s.failures.map((f) =>
          `${f.path} (line ${f.line})\n  expected: ${show(f.expected)}\n  actual:   ${show(f.actual)}`
        ).join("\n")
        cases.push(
          `    <testcase classname="${escapeXml(file)}" name="${escapeXml(name)}"><failure message="${
            escapeXml(`${s.failures.length} expectation(s) failed`)
          }">${escapeXml(detail)}</failure></testcase>`
        )
      }
    }
    tests += cases.length
    failures += sFailures
    errors += sErrors
    suites.push(
      `  <testsuite name="${escapeXml(r.name)}" file="${
        escapeXml(file)
      }" tests="${cases.length}" failures="${sFailures}" errors="${sErrors}">\n${cases.join("\n")}\n  </testsuite>`
    )
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="gsyf scenarios" tests="${tests}" failures="${failures}" errors="${errors}">\n${
    suites.join("\n")
  }\n</testsuites>\n`
}
