/**
 * Parameters as values: definitions (title, unit, plan section, legal basis, schema, default), trees of them
 * declared OpenFisca style ({@link Tree}, {@link section}, {@link merge}), and parameter sets with an
 * effective-dated value history per name (a value applies from its date until the next one, so a 2022 plan and a
 * 2026 plan read different values from the same file). The plan's own catalogue, built from the sections'
 * trees, is `Parameter`.
 *
 * @since 0.2.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { bilingual, checkDepth, InputIssue, InvalidInput } from "../kernel/InputError.js"
import { LegalBasis } from "../kernel/LegalBasis.js"
import * as Money from "../kernel/Money.js"
import * as WrittenAmount from "../kernel/WrittenAmount.js"
import * as Param from "./internal/parameterSchemas.js"
import * as NationalBound from "./NationalBound.js"
import type { Title } from "./Rule.js"

/**
 * The unit a parameter is expressed in.
 *
 * @since 0.1.0
 * @category models
 */
export type Unit =
  | "wan-yuan"
  | "yuan"
  | "percent"
  | "calendar-days"
  | "working-days"
  | "days"
  | "months"
  | "minutes"
  | "count"
  | "people"
  | "sessions"
  | "day-of-month"
  | "year"
  | "text"
  | "choice"
  | "list"
  | "record"
  | "flag"

/**
 * The definition of one parameter.
 *
 * @since 0.1.0
 * @category models
 */
export interface Definition<A = unknown> {
  readonly name: string
  readonly title: Title
  readonly unit: Unit
  /** Plan section the blank stands in. */
  readonly section: string
  readonly description: string
  readonly schema: Schema.Schema<A, any, never>
  /** Why the parameter exists: the plan section or national text it fills in. */
  readonly basis: LegalBasis
  /**
   * The default and the text that fixes it; absent when the city must give a value. A default with `from` (an ISO
   * date) holds from that day only: before it the parameter has no value unless the city gives one (a published
   * rate known from its publication on, say).
   */
  readonly default?:
    | { readonly value: unknown; readonly basis: LegalBasis; readonly from?: string | undefined }
    | undefined
  /** May be left unset (for example a provincial approval that does not exist). */
  readonly optional?: boolean | undefined
  /** The sub-project the blank belongs to, if any (`hazchem`, `keyAreas`). */
  readonly subProject?: string | undefined
  /** The national floor or ceiling a city may not loosen, with its citation (see `NationalBound`). */
  readonly bound?: NationalBound.NationalBound<A> | undefined
}

/**
 * A parameter as the catalogue's tree declares it: a definition without its name (the tree's path gives it) and,
 * usually, without its section (the group's, see {@link section}).
 *
 * @since 0.2.0
 * @category models
 */
export interface Spec<A = unknown> extends Omit<Definition<A>, "name" | "section"> {
  readonly section?: string | undefined
}

/**
 * A tree of parameters (OpenFisca style): nested groups whose leaves are {@link Spec}s. A leaf's name is its path,
 * `publicity.length` for `{ publicity: { length: … } }`; each name is written once.
 *
 * @since 0.2.0
 * @category models
 */
export interface Tree {
  readonly [key: string]: Spec<any> | Tree
}

/**
 * Declares a leaf (keeps its value type for {@link ValuesOf}).
 *
 * @since 0.2.0
 * @category constructors
 */
export const param = <A>(spec: Spec<A>): Spec<A> => spec

const isSpec = (node: Spec<any> | Tree): node is Spec<any> => Schema.isSchema((node as { schema?: unknown }).schema)

type Join<P extends string, K extends string> = P extends "" ? K : `${P}.${K}`
type IsLeaf<N> = N extends { readonly schema: unknown } ? true : false
type Paths<T, P extends string = ""> = {
  [K in keyof T & string]: IsLeaf<T[K]> extends true ? Join<P, K> : Paths<T[K], Join<P, K>>
}[keyof T & string]
type At<T, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T ? At<T[Head], Rest> : never
  : Path extends keyof T ? T[Path]
  : never

/**
 * The decoded type of every parameter of a tree, by name.
 *
 * @since 0.2.0
 * @category models
 */
export type ValuesOf<T> = {
  readonly [K in Paths<T>]: At<T, K> extends { readonly schema: Schema.Schema<infer A, any, never> } ? A : never
}

/**
 * Gives every leaf of a tree without a section of its own the plan section `label` (the section of the folder
 * the tree is declared in).
 *
 * @since 0.2.0
 * @category constructors
 */
export const section = <T extends Tree>(label: string, tree: T): T => {
  const visit = (node: Tree): Tree =>
    Object.fromEntries(
      Object.entries(node).map((
        [key, child]
      ) => [key, isSpec(child) ? (child.section === undefined ? { ...child, section: label } : child) : visit(child)])
    )
  return visit(tree) as T
}

/**
 * The definitions of a tree's leaves, named by their paths, in the tree's order. Fails (at load time of the
 * catalogue) on a leaf without a section.
 *
 * @since 0.2.0
 * @category constructors
 */
export const flatten = (tree: Tree): ReadonlyArray<Definition> => {
  const out: Array<Definition> = []
  const visit = (node: Tree, path: string) => {
    for (const [key, child] of Object.entries(node)) {
      const name = path === "" ? key : `${path}.${key}`
      if (!isSpec(child)) {
        visit(child, name)
        continue
      }
      if (child.section === undefined) throw new Error(`parameter ${name} has no plan section`)
      out.push({ ...child, name, section: child.section })
    }
  }
  visit(tree, "")
  return out
}

/**
 * Merges trees (the sections' catalogues) into one; a name declared twice is an error at load time.
 *
 * @since 0.2.0
 * @category constructors
 */
export const merge = <Ts extends ReadonlyArray<Tree>>(...trees: Ts): UnionToIntersection<Ts[number]> => {
  const into = (target: Record<string, Spec<any> | Tree>, source: Tree, path: string) => {
    for (const [key, child] of Object.entries(source)) {
      const name = path === "" ? key : `${path}.${key}`
      const existing = target[key]
      if (existing === undefined) target[key] = isSpec(child) ? child : into({}, child, name)
      else if (isSpec(existing) || isSpec(child)) throw new Error(`parameter ${name} is declared twice`)
      else into(existing as Record<string, Spec<any> | Tree>, child, name)
    }
    return target
  }
  const out: Record<string, Spec<any> | Tree> = {}
  for (const t of trees) into(out, t, "")
  return out as UnionToIntersection<Ts[number]>
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never

/**
 * One value of a parameter's history.
 *
 * @since 0.1.0
 * @category models
 */
export interface Dated<A = unknown> {
  /** First day the value applies (`undefined`: from the beginning). */
  readonly from: string | undefined
  readonly value: A
  /** Where the value comes from: the default's citation, or what the city wrote. */
  readonly basis: LegalBasis
  /** For an amount a city wrote: what was written and how it was read (`"230万元" read as 2300000.00 yuan …`). */
  readonly reading?: { readonly zh: string; readonly en: string } | undefined
}

/**
 * A validated parameter set: for every parameter, its dated history (sorted by date).
 *
 * @since 0.1.0
 * @category models
 */
export interface ParameterSet {
  readonly city: string | undefined
  readonly histories: ReadonlyMap<string, ReadonlyArray<Dated>>
  /** Definitions in force (the catalogue plus those added by plugins). */
  readonly definitions: ReadonlyMap<string, Definition>
}

/**
 * A resolved read: value, the date it took effect and its basis.
 *
 * @since 0.1.0
 * @category models
 */
export interface Read<A = unknown> {
  readonly name: string
  readonly value: A
  readonly effectiveFrom: string | undefined
  readonly basis: LegalBasis
}

const DateString = Schema.String.pipe(
  Schema.pattern(/^\d{4}-\d{2}-\d{2}$/),
  Schema.annotations({ identifier: "IsoDate" })
)

const HistoryEntry = Schema.Struct({
  from: DateString,
  value: Schema.Unknown,
  basis: Schema.optional(Schema.String)
})

/**
 * The file a city writes: its parameter values, each either a plain value or
 * a dated history.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ParameterFile = Schema.Struct({
  city: Schema.optional(Schema.String),
  description: Schema.optional(Schema.String),
  parameters: Schema.Record({
    key: Schema.String,
    value: Schema.Union(Schema.Array(HistoryEntry), Schema.Unknown)
  })
})

/**
 * @since 0.1.0
 * @category models
 */
export type ParameterFile = typeof ParameterFile.Type

const isHistory = (u: unknown): u is ReadonlyArray<typeof HistoryEntry.Type> =>
  Array.isArray(u) && u.length > 0 && u.every((e) => typeof e === "object" && e !== null && "from" in e && "value" in e)

/**
 * Validates a city's parameter file against definitions: unknown names, wrong types and missing required
 * parameters are reported with their path. Later values override earlier ones from their date on. (The plan's
 * catalogue is bound in `Parameter.load`.)
 *
 * @since 0.1.0
 * @category constructors
 */
export const load = (
  input: unknown,
  options: {
    readonly definitions: ReadonlyMap<string, Definition>
    readonly requireAll?: boolean | undefined
  }
): Either.Either<ParameterSet, InvalidInput> =>
  Either.flatMap(decode(input, options), (set) => checkBounds(set, set.histories))

const decode = (
  input: unknown,
  options: {
    readonly definitions: ReadonlyMap<string, Definition>
    readonly requireAll?: boolean | undefined
  }
): Either.Either<ParameterSet & { readonly paths: ReadonlyMap<string, ReadonlyArray<string>> }, InvalidInput> => {
  const defs = options.definitions
  const shallow = checkDepth("ParameterFile", input)
  if (Either.isLeft(shallow)) return Either.left(shallow.left)
  const file = Schema.decodeUnknownEither(ParameterFile, { errors: "all", onExcessProperty: "error" })(input)
  if (Either.isLeft(file)) {
    return Either.left(
      new InvalidInput({ subject: "ParameterFile", issues: collectIssues(file.left) })
    )
  }
  const issues: Array<InputIssue> = []
  const histories = new Map<string, Array<Dated>>()
  const paths = new Map<string, Array<string>>()
  const cityBasis = (note: string | undefined) =>
    new LegalBasis({
      level: "city",
      citation: file.right.city ? `${file.right.city} 参数文件` : "城市参数文件",
      ...(note === undefined ? {} : { note })
    })
  for (const [name, raw] of Object.entries(file.right.parameters)) {
    const definition = defs.get(name)
    if (definition === undefined) {
      issues.push(new InputIssue({ path: `parameters.${name}`, zh: "未知参数", en: "unknown parameter" }))
      continue
    }
    const history = decodeHistory(name, definition, raw, cityBasis, issues)
    paths.set(name, history.paths)
    histories.set(name, history.dated)
  }
  issues.push(...fillDefaults(defs, histories, options.requireAll))
  if (issues.length > 0) return Either.left(new InvalidInput({ subject: "ParameterFile", issues }))
  return Either.right({ city: file.right.city, histories, definitions: defs, paths })
}

/**
 * One parameter's value in the file, plain or a dated history, decoded with its definition and sorted by date;
 * each value's path in the file beside it. Values that fail to decode and two values on one date are issues.
 */
const decodeHistory = (
  name: string,
  definition: Definition,
  raw: unknown,
  cityBasis: (note: string | undefined) => LegalBasis,
  issues: Array<InputIssue>
): { readonly dated: Array<Dated>; readonly paths: Array<string> } => {
  const path = `parameters.${name}`
  const decode = Schema.decodeUnknownEither(definition.schema, { errors: "all", onExcessProperty: "error" })
  const entries = isHistory(raw) ? raw : [{ from: undefined, value: raw, basis: undefined }]
  const dated: Array<Dated> = []
  const entryPaths = new Map<Dated, string>()
  entries.forEach((entry, i) => {
    const entryPath = isHistory(raw) ? `${path}[${i}].value` : path
    const decoded = decode(entry.value)
    if (Either.isLeft(decoded)) {
      for (const issue of collectIssues(decoded.left)) {
        const sub = issue.path === "" ? "" : issue.path.startsWith("[") ? issue.path : `.${issue.path}`
        issues.push(new InputIssue({ path: `${entryPath}${sub}`, zh: issue.zh, en: issue.en }))
      }
      return
    }
    const reading = readingOf(definition, entry.value, decoded.right)
    dated.push({
      from: entry.from,
      value: decoded.right,
      basis: cityBasis(entry.basis),
      ...(reading === undefined ? {} : { reading })
    })
    entryPaths.set(dated.at(-1)!, entryPath)
  })
  dated.sort((a, b) => (a.from ?? "").localeCompare(b.from ?? ""))
  for (let i = 1; i < dated.length; i++) {
    if (dated[i]!.from === dated[i - 1]!.from) {
      issues.push(
        new InputIssue({
          path,
          zh: `同一生效日期 ${dated[i]!.from} 有两个取值`,
          en: `two values take effect on ${dated[i]!.from}`
        })
      )
    }
  }
  return { dated, paths: dated.map((d) => entryPaths.get(d)!) }
}

/**
 * The parameters the file leaves out: a national default fills one in; one without a default is an issue unless it
 * is optional or the caller does not require them all.
 */
const fillDefaults = (
  defs: ReadonlyMap<string, Definition>,
  histories: Map<string, Array<Dated>>,
  requireAll: boolean | undefined
): Array<InputIssue> => {
  const issues: Array<InputIssue> = []
  for (const [name, definition] of defs) {
    if (histories.has(name)) continue
    if (definition.default !== undefined) {
      const decoded = Schema.decodeUnknownEither(definition.schema)(definition.default.value)
      if (Either.isRight(decoded)) {
        histories.set(name, [{ from: definition.default.from, value: decoded.right, basis: definition.default.basis }])
      }
      continue
    }
    if (definition.optional === true || requireAll === false) continue
    issues.push(
      new InputIssue({
        path: `parameters.${name}`,
        zh: `缺少必填参数“${definition.title.zh}”(无全国统一默认值,须由城市填写)`,
        en: `missing required parameter "${definition.title.en}" (no national default; the city must give it)`
      })
    )
  }
  return issues
}

/**
 * Checks every value of the given histories against its parameter's national bound (`NationalBound`), reading
 * approvals from the whole set at the value's date (an undated value needs an undated approval). A looser value
 * without a recorded approval that covers it
 * is a `NationalBound.BoundIssue`.
 */
const checkBounds = (
  set: ParameterSet & { readonly paths?: ReadonlyMap<string, ReadonlyArray<string>> },
  checked: ReadonlyMap<string, ReadonlyArray<Dated>>
): Either.Either<ParameterSet, InvalidInput> => {
  const issues: Array<InputIssue> = []
  for (const [name, history] of checked) {
    const definition = set.definitions.get(name)
    const bound = definition?.bound
    if (definition === undefined || bound === undefined) continue
    history.forEach((entry, i) => {
      if (bound.holds(entry.value)) return
      const approval = bound.approval === undefined
        ? undefined
        : resolveUncached(set, bound.approval.parameter, entry.from ?? "0000-00-00")?.value
      if (approval !== undefined && bound.approval!.covers(entry.value, approval)) return
      issues.push(NationalBound.issue({
        parameter: name,
        title: definition.title,
        path: set.paths?.get(name)?.[i] ?? `parameters.${name}`,
        shown: show(entry.value),
        bound,
        from: entry.from
      }))
    })
  }
  if (issues.length > 0) return Either.left(new InvalidInput({ subject: "ParameterFile", issues }))
  const { paths: _paths, ...plain } = set
  return Either.right(plain)
}

/** How an amount parameter's written value was read, for parameters in 元 or 万元. */
const readingOf = (definition: Definition, raw: unknown, value: unknown) => {
  if (definition.unit !== "yuan" && definition.unit !== "wan-yuan") return undefined
  if (!Money.isMoney(value) || (typeof raw !== "string" && typeof raw !== "number")) return undefined
  const parsed = WrittenAmount.parse(raw, definition.unit)
  return Either.isRight(parsed) ? WrittenAmount.describe(parsed.right) : undefined
}

/**
 * How the amounts a city wrote were read, by parameter: what was written, in which unit it was read and the
 * amount in yuan and in 万元 (`"230万元" read as 2300000.00 yuan (230万元; unit written: 万元)`).
 *
 * @since 0.2.0
 * @category getters
 */
export const readings = (
  set: ParameterSet,
  names?: ReadonlyArray<string>
): ReadonlyArray<
  { readonly name: string; readonly from: string | undefined; readonly zh: string; readonly en: string }
> =>
  [...set.histories].filter(([name]) => names === undefined || names.includes(name)).flatMap(([name, history]) =>
    history.flatMap((d) => (d.reading === undefined ? [] : [{ name, from: d.from, ...d.reading }]))
  )

const collectIssues = (error: import("effect/ParseResult").ParseError): ReadonlyArray<InputIssue> =>
  Param.issuesOf(error)

/**
 * Resolves a parameter at a date: the latest value whose date is on or before it.
 *
 * @since 0.1.0
 * @category getters
 */
export const resolve = (set: ParameterSet, name: string, at: string): Read | undefined => {
  // Memoised per set and date: rule sets read the same parameters at the same date over and
  // over. Sets are immutable values (load, overlay and extend build new ones), so a cached read
  // never goes stale; the cache lives as long as the set and is bounded.
  let byDate = resolveCache.get(set)
  if (byDate === undefined) {
    byDate = new Map()
    resolveCache.set(set, byDate)
  }
  let byName = byDate.get(at)
  if (byName === undefined) {
    if (byDate.size >= resolveCacheDates) byDate.clear()
    byName = new Map()
    byDate.set(at, byName)
  }
  const cached = byName.get(name)
  if (cached !== undefined || byName.has(name)) return cached
  const read = resolveUncached(set, name, at)
  byName.set(name, read)
  return read
}

const resolveCache = new WeakMap<ParameterSet, Map<string, Map<string, Read | undefined>>>()
const resolveCacheDates = 1024

const resolveUncached = (set: ParameterSet, name: string, at: string): Read | undefined => {
  const history = set.histories.get(name)
  if (history === undefined) return undefined
  let found: Dated | undefined
  for (const entry of history) {
    if (entry.from === undefined || entry.from <= at) found = entry
    else break
  }
  return found === undefined ? undefined : { name, value: found.value, effectiveFrom: found.from, basis: found.basis }
}

/**
 * The value of a parameter at a date (see `Parameter.get` for the catalogue's typed lookup).
 *
 * @since 0.2.0
 * @category getters
 */
export const get = <A = unknown>(set: ParameterSet, name: string, at: string): A | undefined =>
  resolve(set, name, at)?.value as A | undefined

/**
 * Overlays values on a parameter set (a scenario's or a plugin's overrides).
 * Each overlay value replaces the whole history of that parameter unless it is itself a history.
 *
 * @since 0.1.0
 * @category combinators
 */
export const overlay = (
  set: ParameterSet,
  input: unknown,
  source: LegalBasis
): Either.Either<ParameterSet, InvalidInput> => {
  const parsed = decode({ parameters: input }, { definitions: set.definitions, requireAll: false })
  return Either.flatMap(parsed, (extra) => {
    const histories = new Map(set.histories)
    const overlaid = new Map<string, ReadonlyArray<Dated>>()
    for (const [name, entries] of extra.histories) {
      if (input === null || typeof input !== "object" || !(name in input)) continue
      histories.set(name, entries.map((e) => ({ ...e, basis: source })))
      overlaid.set(name, histories.get(name)!)
    }
    for (const [name, definition] of set.definitions) {
      const approval = definition.bound?.approval?.parameter
      if (approval !== undefined && overlaid.has(approval) && !overlaid.has(name)) {
        overlaid.set(name, histories.get(name) ?? [])
      }
    }
    return checkBounds({ ...set, histories, paths: extra.paths }, overlaid)
  })
}

/**
 * Adds definitions (a plugin's new parameters) to a set; their defaults apply.
 *
 * @since 0.1.0
 * @category combinators
 */
export const extend = (set: ParameterSet, added: ReadonlyArray<Definition>): ParameterSet => {
  const definitions = new Map(set.definitions)
  const histories = new Map(set.histories)
  for (const d of added) {
    definitions.set(d.name, d)
    if (!histories.has(d.name) && d.default !== undefined) {
      const decoded = Schema.decodeUnknownEither(d.schema)(d.default.value)
      if (Either.isRight(decoded)) {
        histories.set(d.name, [{ from: d.default.from, value: decoded.right, basis: d.default.basis }])
      }
    }
  }
  return { ...set, definitions, histories }
}

/**
 * Encodes a value of a parameter for display or export (Money as a string in yuan, decimals as strings).
 *
 * @since 0.1.0
 * @category formatting
 */
export const show = (value: unknown): string => {
  if (typeof value !== "object" || value === null) return showUncached(value)
  // decoded parameter values are immutable, so their text is computed once
  const cached = shown.get(value)
  if (cached !== undefined) return cached
  const text = showUncached(value)
  shown.set(value, text)
  return text
}

const shown = new WeakMap<object, string>()

const showUncached = (value: unknown): string => {
  if (Money.isMoney(value)) return Money.format(value)
  if (
    value instanceof Money.Decimal ||
    (typeof value === "object" && value !== null && "toFixed" in value && "d" in value)
  ) {
    return (value as Money.Decimal).toFixed()
  }
  if (typeof value === "string") return value
  return JSON.stringify(value, (_k, v) => (Money.isMoney(v) ? v.toString() : v))
}

/**
 * A refinement helper for plugin authors: a whole number at least `min`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const intAtLeast = (min: number) =>
  Schema.Int.pipe(
    Schema.filter((n) => n >= min, bilingual(`须为不小于 ${min} 的整数`, `must be a whole number ≥ ${min}`))
  )
