/**
 * Loading scenario files (YAML or JSON): the file schema, the loaded
 * {@link Scenario} with its `from` chain, and the files under folders. Loading
 * reports unknown keys, wrong types, unknown commands and actors and invalid
 * command input with the file, line and path, and holds every file read to
 * {@link Limits} (size, nesting depth, aliases and their expansion).
 *
 * @since 0.2.0
 */
import { Actor, IsoDate, Lifecycle, ProjectCommand } from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { readdirSync, statSync } from "node:fs"
import { basename, dirname, extname, join, resolve } from "node:path"
import * as Checkpoint from "./Checkpoint.js"
import { Expectation, matcherProblems } from "./Expectation.js"
import * as Given from "./Given.js"
import { failWith, issueAt, type Message, problemIssue } from "./internal/issue.js"
import * as Src from "./internal/source.js"
import { type ScenarioError, type ScenarioIssue } from "./ScenarioError.js"

type Path = Src.Path

// ── Schema ─────────────────────────────────────────────────────────────────

const Text = Schema.String.pipe(Schema.minLength(1, { message: () => "must not be empty" }))

const CommandName = Schema.String.pipe(
  Schema.filter((s) => (ProjectCommand.names as ReadonlyArray<string>).includes(s), {
    message: (issue) =>
      `unknown command ${JSON.stringify(issue.actual)}; known commands: ${ProjectCommand.names.join(", ")}`
  })
)

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
  /** Plugin names, resolved through the registry given to the runner. */
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
  /**
   * Another scenario (relative path), or a named checkpoint (`seed@budget-approved`), whose end state this one starts
   * from.
   */
  from: Schema.optional(Text),
  /** A city's planning chain built from a few facts (see {@link Given}), instead of `from`. */
  given: Schema.optional(Given.Given),
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

// ── Model ──────────────────────────────────────────────────────────────────

/**
 * How much a file may ask of the loader: `maxBytes` (default 1 MiB), `maxDepth`
 * (64 levels of nested mappings and sequences), `maxAliases` (100 `*name` in a
 * file) and `maxValues` (100 000 values once aliases are expanded). Every file
 * read is held to them: scenarios, the scenarios they start from, parameter files.
 *
 * @since 0.2.0
 * @category models
 */
export type Limits = Src.Limits

/**
 * The limits used unless others are given.
 *
 * @since 0.2.0
 * @category constants
 */
export const defaultLimits: Limits = Src.defaultLimits

/**
 * How to load scenarios.
 *
 * @since 0.2.0
 * @category models
 */
export interface LoadOptions {
  /** Limits on each file read, over {@link defaultLimits}. */
  readonly limits?: Partial<Limits> | undefined
}

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
  /** The command as given to `Lifecycle.handle`, or undefined for a check-only step. */
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

// ── Issues ─────────────────────────────────────────────────────────────────

const valueAtPath = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[k] : undefined),
    value
  )

const schemaIssues = (source: Src.Source, error: ParseResult.ParseError): ReadonlyArray<ScenarioIssue> => {
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
    if (i._tag === "Unexpected") return issueAt(source, path, { zh: "不允许出现的字段(未知键)", en: "unknown key" })
    if (i._tag === "Missing") return issueAt(source, path, { zh: "缺少必填字段", en: "is missing" })
    return i.message.startsWith("unknown command")
      ? issueAt(source, path, {
        zh: `未知命令 ${JSON.stringify(path.length > 0 ? valueAtPath(source.value, path) : "")}`,
        en: i.message
      })
      : issueAt(source, path, { zh: `类型或取值不符:${i.message}`, en: i.message })
  })
}

// ── Steps ──────────────────────────────────────────────────────────────────

const dateTimeOf = (date: string): string => `${date}T10:00:00+08:00`

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

interface StepContext {
  readonly source: Src.Source
  readonly actors: ReadonlyMap<string, Actor.Actor>
  readonly idPrefix: string
  readonly issues: Array<ScenarioIssue>
}

const checkOnly = (cx: StepContext, step: Step, expect: Expectation, here: (p: Path) => Path) => {
  for (const k of ["actor", "input", "commandId"] as const) {
    if (step[k] !== undefined) {
      cx.issues.push(issueAt(cx.source, here([k]), {
        zh: `没有 command 的步骤不能有 ${k}`,
        en: `a step without a command has no ${k}`
      }))
    }
  }
  if (
    expect.rejected !== undefined || expect.events !== undefined || expect.findings !== undefined ||
    expect.ocds !== undefined
  ) {
    cx.issues.push(issueAt(cx.source, here(["expect"]), {
      zh: "没有 command 的步骤只能检查 state、quota、payments、deadlines、documents",
      en: "a step without a command checks only state, quota, payments, deadlines and documents"
    }))
  }
}

const actorOf = (cx: StepContext, step: Step, here: (p: Path) => Path): Actor.Actor | undefined => {
  if (step.actor === undefined) {
    cx.issues.push(issueAt(cx.source, here(["command"]), { zh: "命令须有 actor", en: "a command needs an actor" }))
    return undefined
  }
  if (typeof step.actor !== "string") return step.actor
  const actor = cx.actors.get(step.actor)
  if (actor === undefined) {
    cx.issues.push(issueAt(cx.source, here(["actor"]), {
      zh: `未知的角色名 ${step.actor}(见 actors)`,
      en: `unknown actor ${JSON.stringify(step.actor)}; known: ${[...cx.actors.keys()].join(", ") || "(none)"}`
    }))
  }
  return actor
}

const commandOf = (
  cx: StepContext,
  step: Step,
  i: number,
  instant: string,
  expect: Expectation
): Record<string, unknown> | undefined => {
  const here = (p: Path): Path => ["steps", i, ...p]
  const actor = actorOf(cx, step, here)
  for (const k of Object.keys(step.input ?? {})) {
    if (envelopeKeys.includes(k)) {
      cx.issues.push(issueAt(cx.source, here(["input", k]), {
        zh: `${k} 由步骤给出,不能写在 input 中`,
        en: `${k} is set by the step, not in input`
      }))
    }
  }
  if (actor === undefined) return undefined
  const command = {
    _tag: step.command,
    commandId: step.commandId ?? `${cx.idPrefix}#${i + 1}`,
    actor,
    at: instant,
    ...step.input
  }
  if (expect.rejected !== undefined) return command
  const decoded = Lifecycle.decodeCommandInput(command)
  if (Either.isLeft(decoded)) {
    for (const x of decoded.left.issues) {
      cx.issues.push(issueAt(cx.source, here(commandPathInStep(Src.splitIssuePath(x.path), step)), {
        zh: `命令 ${step.command} 的输入无效:${x.zh}`,
        en: `invalid input for ${step.command}: ${x.path === "" ? "" : `${x.path} `}${x.en}`
      }))
    }
  }
  return command
}

const loadStep = (cx: StepContext, step: Step, i: number): LoadedStep | undefined => {
  const here = (p: Path): Path => ["steps", i, ...p]
  if ((step.date === undefined) === (step.at === undefined)) {
    cx.issues.push(issueAt(cx.source, here([]), {
      zh: "每一步须给出 date 或 at 之一",
      en: "each step gives exactly one of date or at"
    }))
    return undefined
  }
  const instant = (step.at ?? dateTimeOf(step.date!)) as IsoDate.IsoDateTime
  const date = step.date ?? IsoDate.dateOf(instant)
  const expect: Expectation = step.expect ?? {}
  if (expect.rejected !== undefined && expect.events !== undefined && expect.events.length > 0) {
    cx.issues.push(issueAt(cx.source, here(["expect", "events"]), {
      zh: "被拒绝的命令不产生事件",
      en: "a rejected command has no events"
    }))
  }
  for (const p of matcherProblems(expect)) {
    cx.issues.push(issueAt(cx.source, here(["expect", ...p.path]), { zh: p.zh, en: p.en }))
  }
  let command: Record<string, unknown> | undefined
  if (step.command === undefined) checkOnly(cx, step, expect, here)
  else command = commandOf(cx, step, i, instant, expect)
  const name = step.name ?? (step.command === undefined ? `check ${date}` : step.command)
  return { index: i, line: cx.source.locate(here([])).line, name, date, at: instant, command, expect }
}

// ── Files ──────────────────────────────────────────────────────────────────

interface Loader {
  readonly limits: Limits
  readonly cache: Map<string, Scenario>
}

const isScenarioShaped = (u: unknown): boolean =>
  typeof u === "object" && u !== null && !Array.isArray(u) && "name" in u &&
  ("steps" in u || "configError" in u || "from" in u || "parameters" in u)

/** A scenario's source; a file it refers to (`reveal: false`) is only told by kind when it is not a scenario. */
const readScenario = (
  loader: Loader,
  file: string,
  reveal: boolean
): Either.Either<Src.Source, ReadonlyArray<ScenarioIssue>> => {
  const read = Src.read(file, { limits: loader.limits, exactUnder: new Set(["expect", "configError"]), reveal })
  if ("problem" in read) return Either.left([problemIssue(read.problem)])
  if (!reveal && !isScenarioShaped(read.source.value)) {
    return Either.left([
      issueAt(read.source, [], {
        zh: "不是场景文件(顶层须有 name 和 steps、from 或 parameters)",
        en: "not a scenario file (its top level needs name and steps, from or parameters)"
      }, "not-a-scenario")
    ])
  }
  return Either.right(read.source)
}

const chainText = (chain: ReadonlyArray<string>) => chain.map((x) => basename(x)).join(" → ")

const loadParent = (
  loader: Loader,
  source: Src.Source,
  from: string,
  chain: ReadonlyArray<string>
): { readonly parent?: Scenario; readonly issues: ReadonlyArray<ScenarioIssue> } => {
  const target = Src.resolveFrom(source.file, from)
  if (target === source.file || chain.includes(target)) {
    const text = chainText([...chain, source.file, target])
    return { issues: [issueAt(source, ["from"], { zh: `from 形成循环:${text}`, en: `from makes a cycle: ${text}` })] }
  }
  const loaded = loadFile(loader, target, [...chain, source.file], false)
  if (Either.isRight(loaded)) return { parent: loaded.right, issues: [] }
  const message: Message = {
    zh: `from 引用的场景 ${basename(target)} 无法加载`,
    en: `the scenario named by from, ${basename(target)}, cannot be loaded`
  }
  return { issues: [issueAt(source, ["from"], message), ...loaded.left.issues] }
}

type Start = { readonly parent?: Scenario; readonly issues: ReadonlyArray<ScenarioIssue> }

const seedStage = (stage: string) => Src.embedded(`/scenarios/seed/${stage}`)

/**
 * A named checkpoint: the seed's stages before its own, each run with its expectations, then the
 * steps of its stage it names (their expectations are the stage file's own, not checked again).
 */
const loadCheckpoint = (loader: Loader, source: Src.Source, ref: string): Start => {
  const name = ref.slice(Checkpoint.lifecycle.length + 1)
  const checkpoint = Checkpoint.get(name)
  if (checkpoint === undefined) {
    const known = Checkpoint.checkpoints.map((c) => `${Checkpoint.lifecycle}@${c.name}`).join(", ")
    return {
      issues: [issueAt(source, ["from"], {
        zh: `未知的检查点 ${ref};已有:${known}`,
        en: `unknown checkpoint ${JSON.stringify(ref)}; known: ${known}`
      })]
    }
  }
  const key = `${Checkpoint.lifecycle}@${name}`
  const cached = loader.cache.get(key)
  if (cached !== undefined) return { parent: cached, issues: [] }
  const stage = loadFile(loader, seedStage(checkpoint.stage), [], true)
  if (Either.isLeft(stage)) return { issues: stage.left.issues }
  const full = stage.right
  const steps = checkpoint.steps === "all"
    ? full.steps
    : checkpoint.steps.map((n) => ({ ...full.steps[n - 1]!, expect: {} }))
  const parent: Scenario = {
    ...full,
    file: key,
    name: key,
    description: `${checkpoint.section} ${checkpoint.zh}`,
    steps
  }
  loader.cache.set(key, parent)
  return { parent, issues: [] }
}

/** The chain a `given:` block stands for, as a scenario this one starts from. */
const loadGiven = (source: Src.Source, f: ScenarioFile, given: Given.Given): Start => {
  const chain = Given.chain(given)
  const here: Path = ["given"]
  const cx: StepContext = { source, actors: chain.actors, idPrefix: `${basename(source.file)}#given`, issues: [] }
  const steps = chain.acts.map((act, i): LoadedStep => {
    const at = dateTimeOf(act.date) as IsoDate.IsoDateTime
    const command = {
      _tag: act.command,
      commandId: `${cx.idPrefix}-${i + 1}`,
      actor: chain.actors.get(act.actor),
      at,
      ...act.input
    }
    return {
      index: i,
      line: source.locate(here).line,
      name: act.command,
      date: act.date as IsoDate.IsoDate,
      at,
      command,
      expect: {}
    }
  })
  const parameterFile = typeof f.parameters === "string" ? f.parameters : f.parameters?.file
  const parent: Scenario = {
    file: `${source.file}#given`,
    name: `${f.name} (given: ${given.city} ${given.year})`,
    description: "given",
    plugins: f.plugins,
    parameterFile: parameterFile === undefined
      ? Src.embedded(Given.seedParameters)
      : Src.resolveFrom(source.file, parameterFile),
    overlay: chain.overlay,
    from: undefined,
    actors: chain.actors,
    configError: undefined,
    steps,
    locate: () => source.locate(here)
  }
  return { parent, issues: [] }
}

const startOf = (loader: Loader, source: Src.Source, f: ScenarioFile, chain: ReadonlyArray<string>): Start => {
  if (f.given !== undefined && f.from !== undefined) {
    return {
      issues: [issueAt(source, ["given"], {
        zh: "given 与 from 只能给出其一",
        en: "give either given or from, not both"
      })]
    }
  }
  if (f.given !== undefined) return loadGiven(source, f, f.given)
  if (f.from === undefined) return { issues: [] }
  return Checkpoint.isReference(f.from)
    ? loadCheckpoint(loader, source, f.from)
    : loadParent(loader, source, f.from, chain)
}

const topLevelIssues = (source: Src.Source, f: ScenarioFile, parent: Scenario | undefined) => {
  const issues: Array<ScenarioIssue> = []
  const parameterFile = typeof f.parameters === "string" ? f.parameters : f.parameters?.file
  if (parameterFile === undefined && parent === undefined && f.from === undefined && f.given === undefined) {
    issues.push(issueAt(source, ["parameters"], {
      zh: "须给出参数文件(parameters)或起始场景(from)",
      en: "give a parameter file (parameters) or a scenario to start from (from)"
    }))
  }
  if (f.configError !== undefined && f.steps.length > 0) {
    issues.push(issueAt(source, ["steps"], {
      zh: "预期配置失败的场景不能有步骤",
      en: "a scenario expecting a configuration error has no steps"
    }))
  }
  return issues
}

const loadFile = (
  loader: Loader,
  file: string,
  chain: ReadonlyArray<string>,
  reveal: boolean
): Either.Either<Scenario, ScenarioError> => {
  const abs = Src.absolute(file)
  const cached = loader.cache.get(abs)
  if (cached !== undefined) return Either.right(cached)
  const read = readScenario(loader, abs, reveal)
  if (Either.isLeft(read)) return Either.left(failWith(abs, read.left))
  const source = read.right
  const decoded = Schema.decodeUnknownEither(ScenarioFile, { errors: "all", onExcessProperty: "error" })(source.value)
  if (Either.isLeft(decoded)) return Either.left(failWith(abs, schemaIssues(source, decoded.left)))
  const f = decoded.right
  const fromParent = startOf(loader, source, f, chain)
  const parent = fromParent.parent
  const issues: Array<ScenarioIssue> = [...fromParent.issues, ...topLevelIssues(source, f, parent)]
  const actors = new Map<string, Actor.Actor>(parent?.actors ?? [])
  for (const [name, a] of Object.entries(f.actors ?? {})) actors.set(name, a)
  const cx: StepContext = { source, actors, idPrefix: `${basename(dirname(abs))}/${basename(abs)}`, issues }
  const steps = f.steps.flatMap((step, i) => loadStep(cx, step, i) ?? [])
  if (issues.length > 0) return Either.left(failWith(abs, issues))
  const parameterSpec = typeof f.parameters === "string" ? { file: f.parameters, overlay: undefined } : f.parameters
  const scenario: Scenario = {
    file: abs,
    name: f.name,
    description: f.description,
    plugins: f.plugins,
    parameterFile: parameterSpec?.file === undefined || f.given !== undefined
      ? undefined
      : Src.resolveFrom(abs, parameterSpec.file),
    overlay: parameterSpec?.overlay,
    from: parent,
    actors,
    configError: f.configError,
    steps,
    locate: source.locate
  }
  loader.cache.set(abs, scenario)
  return Either.right(scenario)
}

const loaderOf = (options: LoadOptions): Loader => ({ limits: Src.limitsOf(options.limits), cache: new Map() })

/**
 * Loads a scenario file (YAML or JSON) and the scenarios it starts `from`,
 * checking the schema, actor names, commands and their input (except for
 * steps that expect a rejection) with file, line and path.
 *
 * @since 0.1.0
 * @category loading
 */
export const load = (file: string, options: LoadOptions = {}): Effect.Effect<Scenario, ScenarioError> =>
  Effect.suspend(() => loadFile(loaderOf(options), file, [], true))

/**
 * Loads many scenario files, sharing the scenarios they start from; never
 * fails: each file gives its scenario or its error.
 *
 * @since 0.2.0
 * @category loading
 */
export const loadAll = (
  files: ReadonlyArray<string>,
  options: LoadOptions = {}
): Effect.Effect<ReadonlyArray<Either.Either<Scenario, ScenarioError>>> =>
  Effect.sync(() => {
    const loader = loaderOf(options)
    return files.map((file) => loadFile(loader, file, [], true))
  })

const scenarioExtensions = new Set([".yaml", ".yml", ".json"])

/**
 * A file found while walking a folder is a scenario when its top level has a
 * `name` and `steps` (or `configError`); other data files beside scenarios
 * (parameter files, package manifests) are passed over. A file named
 * explicitly is always run as a scenario, so its errors are reported.
 */
const looksLikeScenario = (file: string, limits: Limits): boolean => {
  const read = Src.read(file, { limits, reveal: false })
  if ("problem" in read) return true
  const data = read.source.value
  return typeof data === "object" && data !== null && "name" in data && ("steps" in data || "configError" in data)
}

/**
 * The scenario files under the given files and folders (folders searched
 * recursively for `.yaml`, `.yml` and `.json`, skipping `node_modules` and
 * hidden folders, and keeping only files that look like scenarios), sorted.
 *
 * @since 0.1.0
 * @category loading
 */
export const collect = (paths: ReadonlyArray<string>, options: LoadOptions = {}): ReadonlyArray<string> => {
  const limits = Src.limitsOf(options.limits)
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
    } else if (named || looksLikeScenario(abs, limits)) out.add(abs)
  }
  paths.forEach((p) => walk(p, true))
  return [...out].sort()
}
