/**
 * The plugin API. A plugin is a typed value with a manifest (name, version,
 * what it adds, overrides and removes) that can
 *
 * - override parameter values (a province's publicity length) or add parameters,
 * - add rules to a stage (a province's publicity/training split, per-project caps,
 *   a threshold above which public tender is required) or guards to any command,
 * - override a rule or guard by id with an explicit priority,
 * - remove a rule or guard, stating the legal reason (recorded in its manifest and
 *   the configuration),
 * - add deliverable types with their quota items, and procurement methods (values
 *   with their titles, bases, guards and award paths),
 * - supply calendar years (next year's holiday notice),
 * - subscribe to committed events.
 *
 * Conflicts fail at load time and name both plugins: two overrides of one rule
 * without distinct priorities, two plugins setting the same parameter, a rule
 * added under an id that already exists, an override or removal of a rule that
 * does not exist, a rule both overridden and removed, a method without an award path.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Calendar from "../kernel/Calendar.js"
import type { InvalidInput } from "../kernel/InputError.js"
import { LegalBasis } from "../kernel/LegalBasis.js"
import * as Quota from "../lifecycle/4-deliverables/Quota.js"
import * as ConfigModule from "../lifecycle/Config.js"
import type { Guard } from "../lifecycle/Guard.js"
import * as Parameter from "../lifecycle/Parameter.js"
import type * as ProjectCommand from "../lifecycle/ProjectCommand.js"
import type { Rule, Title } from "../rules/Rule.js"

/**
 * The stages at which rules run, with the input each stage's rules receive.
 *
 * @since 0.1.0
 * @category models
 */
export type StageInputs = ConfigModule.StageInputs

/**
 * @since 0.1.0
 * @category models
 */
export type Stage = ConfigModule.Stage

/**
 * The rules of every stage.
 *
 * @since 0.1.0
 * @category models
 */
export type StageRules = ConfigModule.StageRules

/**
 * A committed event as a subscriber sees it.
 *
 * @since 0.1.0
 * @category models
 */
export type CommittedEvent = ConfigModule.CommittedEvent

/**
 * A plugin's manifest: who it is and what it adds, overrides and removes
 * (computed from its contents by {@link make}, so it cannot disagree with them).
 *
 * @since 0.1.0
 * @category models
 */
export type Manifest = ConfigModule.Manifest

/**
 * An applied override, for the rule reference and explanations.
 *
 * @since 0.1.0
 * @category models
 */
export type AppliedOverride = ConfigModule.AppliedOverride

/**
 * A removed rule with its stated reason.
 *
 * @since 0.2.0
 * @category models
 */
export type AppliedRemoval = ConfigModule.AppliedRemoval

/**
 * Everything a project runs with (see `Config`).
 *
 * @since 0.1.0
 * @category models
 */
export type Config = ConfigModule.Config

/**
 * The rules gsyf ships, by stage.
 *
 * @since 0.1.0
 * @category constants
 */
export const baseRules: StageRules = ConfigModule.baseRules

/**
 * Where a plugin's rule goes: a stage (`plan`, `payment` …) or a command (`SignContract` …, whose guards run
 * before the decider answers it).
 *
 * @since 0.2.0
 * @category models
 */
export type Target = Stage | ProjectCommand.Name

/**
 * Rules by stage and guards by command.
 *
 * @since 0.2.0
 * @category models
 */
export type RulesByTarget =
  & { readonly [S in Stage]?: ReadonlyArray<Rule<StageInputs[S]>> | undefined }
  & { readonly [K in ProjectCommand.Name]?: ReadonlyArray<Guard<K>> | undefined }

/**
 * A rule override: replaces the rule with the same id at a stage, or the guard with the same id at a command.
 * When several plugins override one rule, the highest priority wins; equal or missing priorities are a load-time
 * conflict.
 *
 * @since 0.1.0
 * @category models
 */
export type RuleOverride =
  | {
    readonly [S in Stage]: {
      readonly stage: S
      readonly priority?: number | undefined
      readonly rule: Rule<StageInputs[S]>
    }
  }[Stage]
  | {
    readonly [K in ProjectCommand.Name]: {
      readonly command: K
      readonly priority?: number | undefined
      readonly rule: Guard<K>
    }
  }[ProjectCommand.Name]

/**
 * A rule removal: takes the rule with this id out of a stage, or the guard out of a command, for the legal reason
 * stated (a provincial text that sets the requirement aside, say). The reason is part of the manifest.
 *
 * @since 0.2.0
 * @category models
 */
export type RuleRemoval =
  | { readonly stage: Stage; readonly ruleId: string; readonly reason: LegalBasis }
  | { readonly command: ProjectCommand.Name; readonly ruleId: string; readonly reason: LegalBasis }

/**
 * A deliverable type added by a plugin, with the quota item that counts it.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeliverableType {
  readonly id: string
  readonly title: Title
  /**
   * A quota item counting `custom` evidence of this type; its parameter must exist (add it under
   * `parameters.definitions`).
   */
  readonly quota?: Omit<Quota.Item, "count"> | undefined
}

/**
 * A procurement method added by a plugin: its title and basis, the guards it adds and its own award path (see
 * `Config.ProcurementMethod`).
 *
 * @since 0.1.0
 * @category models
 */
export type ProcurementMethod = ConfigModule.ProcurementMethod

/**
 * What a plugin contributes.
 *
 * @since 0.1.0
 * @category models
 */
export interface Contents {
  readonly parameters?:
    | {
      readonly definitions?: ReadonlyArray<Parameter.Definition> | undefined
      /** Values in the parameter-file form (plain value or dated history per name). */
      readonly values?: Readonly<Record<string, unknown>> | undefined
      readonly basis: LegalBasis
    }
    | undefined
  readonly rules?: RulesByTarget | undefined
  readonly overrides?: ReadonlyArray<RuleOverride> | undefined
  readonly removals?: ReadonlyArray<RuleRemoval> | undefined
  readonly deliverableTypes?: ReadonlyArray<DeliverableType> | undefined
  readonly procurementMethods?: ReadonlyArray<ProcurementMethod> | undefined
  readonly calendars?: ReadonlyArray<Calendar.HolidayYear> | undefined
  /**
   * Called with every committed event (a notification hook). It may be `async`; its failure, thrown or as a
   * rejected promise, never undoes or blocks the command, and gsyf does not wait for it.
   */
  readonly onEvent?: ((event: CommittedEvent) => void | PromiseLike<void>) | undefined
}

/**
 * A plugin.
 *
 * @since 0.1.0
 * @category models
 */
export interface Plugin extends Contents {
  readonly manifest: Manifest
}

const targetOf = (x: { readonly stage: Stage } | { readonly command: ProjectCommand.Name }): Target =>
  "stage" in x ? x.stage : x.command

/**
 * Builds a plugin and its manifest.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  info: { readonly name: string; readonly version: string; readonly description: string },
  contents: Contents
): Plugin => {
  const adds: Array<string> = []
  const overrides: Array<string> = []
  for (const d of contents.parameters?.definitions ?? []) adds.push(`parameter:${d.name}`)
  for (const name of Object.keys(contents.parameters?.values ?? {})) overrides.push(`parameter:${name}`)
  for (const [target, rules] of Object.entries(contents.rules ?? {})) {
    for (const r of (rules ?? []) as ReadonlyArray<Rule<never>>) adds.push(`rule:${target}/${r.id}`)
  }
  for (const o of contents.overrides ?? []) overrides.push(`rule:${targetOf(o)}/${o.rule.id}`)
  const removes = (contents.removals ?? []).map((r) => ({ rule: `rule:${targetOf(r)}/${r.ruleId}`, reason: r.reason }))
  for (const t of contents.deliverableTypes ?? []) adds.push(`deliverable:${t.id}`)
  for (const m of contents.procurementMethods ?? []) adds.push(`procurement-method:${m.id}`)
  for (const y of contents.calendars ?? []) adds.push(`calendar:${y.year}`)
  if (contents.onEvent !== undefined) adds.push("subscriber")
  return { ...contents, manifest: { ...info, adds, overrides, removes } }
}

/**
 * A conflict between plugins, or a plugin that does not fit the rules it targets.
 *
 * @since 0.1.0
 * @category errors
 */
export class PluginConflict extends Schema.TaggedError<PluginConflict>()("PluginConflict", {
  target: Schema.String,
  plugins: Schema.Array(Schema.String),
  zh: Schema.String,
  en: Schema.String
}) {
  /** The conflict in English and Chinese (`en / zh`). */
  override get message(): string {
    return `${this.en} / ${this.zh}`
  }
}

/**
 * The ids of the procurement methods gsyf knows without plugins (the values are `Config.baseProcurementMethods`).
 *
 * @since 0.1.0
 * @category constants
 */
export const baseProcurementMethods: ReadonlyArray<string> = ConfigModule.baseProcurementMethods.map((m) => m.id)

const conflict = (target: string, plugins: ReadonlyArray<string>, zh: string, en: string) =>
  new PluginConflict({ target, plugins, zh, en })

type Result<A> = Either.Either<A, PluginConflict | InvalidInput>

const uniqueNames = (plugins: ReadonlyArray<Plugin>): Result<void> => {
  const names = new Set<string>()
  for (const p of plugins) {
    const name = p.manifest.name
    if (names.has(name)) {
      return Either.left(
        conflict(`plugin:${name}`, [name, name], "同名插件加载了两次", "the same plugin is loaded twice")
      )
    }
    names.add(name)
  }
  return Either.right(undefined)
}

const applyParameters = (
  base: Parameter.ParameterSet,
  plugins: ReadonlyArray<Plugin>
): Result<Parameter.ParameterSet> => {
  let parameters = base
  for (const p of plugins) {
    const added = p.parameters?.definitions ?? []
    const existing = added.find((d) => parameters.definitions.has(d.name))
    if (existing !== undefined) {
      return Either.left(
        conflict(
          `parameter:${existing.name}`,
          [p.manifest.name],
          `参数 ${existing.name} 已存在,不能重复定义`,
          `parameter ${existing.name} already exists`
        )
      )
    }
    parameters = Parameter.extend(parameters, added)
  }
  const owner = new Map<string, string>()
  for (const p of plugins) {
    const values = p.parameters?.values
    if (values === undefined) continue
    for (const name of Object.keys(values)) {
      const first = owner.get(name)
      if (first !== undefined) {
        return Either.left(
          conflict(
            `parameter:${name}`,
            [first, p.manifest.name],
            `插件 ${first} 和 ${p.manifest.name} 都设置了参数 ${name}`,
            `plugins ${first} and ${p.manifest.name} both set parameter ${name}`
          )
        )
      }
      owner.set(name, p.manifest.name)
    }
    const overlaid = Parameter.overlay(parameters, values, p.parameters!.basis)
    if (Either.isLeft(overlaid)) return Either.left(overlaid.left)
    parameters = overlaid.right
  }
  return Either.right(parameters)
}

/** The procurement methods by id, and the guards they add (wrapped to run for their own procurements only). */
const applyMethods = (
  plugins: ReadonlyArray<Plugin>
): Result<
  { readonly methods: ReadonlyMap<string, ProcurementMethod>; readonly origin: ReadonlyMap<string, string> }
> => {
  const methods = new Map(ConfigModule.baseProcurementMethods.map((m) => [m.id, m]))
  const origin = new Map(ConfigModule.baseProcurementMethods.map((m) => [m.id, "gsyf"]))
  for (const p of plugins) {
    for (const m of p.procurementMethods ?? []) {
      const name = p.manifest.name
      if (methods.has(m.id)) {
        return Either.left(
          conflict(
            `procurement-method:${m.id}`,
            [name],
            `采购方式 ${m.id} 已存在`,
            `procurement method ${m.id} already exists`
          )
        )
      }
      if (typeof m.award !== "function" || !Array.isArray(m.basis)) {
        return Either.left(
          conflict(
            `procurement-method:${m.id}`,
            [name],
            `采购方式 ${m.id} 须有法律依据和自己的成交方式(award)`,
            `procurement method ${m.id} needs its legal basis and its own award path (award)`
          )
        )
      }
      methods.set(m.id, m)
      origin.set(m.id, name)
    }
  }
  return Either.right({ methods, origin })
}

type Lists = Record<Target, Array<Rule<any>>>

/**
 * The rules of every target before plugins' rules: the stages', the commands' guards and the methods' guards,
 * with who each comes from (`gsyf`, or the plugin that added the method).
 */
const baseLists = (
  methods: ReadonlyMap<string, ProcurementMethod>,
  methodOrigin: ReadonlyMap<string, string>
): { readonly lists: Lists; readonly origin: Map<string, string> } => {
  const lists = {} as Lists
  const origin = new Map<string, string>()
  const add = (target: Target, rules: ReadonlyArray<Rule<any>>, from: string) => {
    for (const r of rules) {
      lists[target].push(r)
      if (!origin.has(`${target}/${r.id}`)) origin.set(`${target}/${r.id}`, from)
    }
  }
  for (const s of ConfigModule.stages) lists[s] = []
  for (const k of Object.keys(ConfigModule.baseGuards)) lists[k as Target] = []
  for (const s of ConfigModule.stages) add(s, ConfigModule.baseRules[s], "gsyf")
  for (const [k, guards] of Object.entries(ConfigModule.baseGuards)) add(k as Target, guards, "gsyf")
  for (const m of methods.values()) {
    for (const [k, guards] of Object.entries(ConfigModule.methodGuards([m]))) {
      add(k as Target, guards, methodOrigin.get(m.id) ?? "gsyf")
    }
  }
  return { lists, origin }
}

const isTarget = (lists: Lists, target: string): target is Target => Object.prototype.hasOwnProperty.call(lists, target)

const addRules = (lists: Lists, origin: Map<string, string>, plugins: ReadonlyArray<Plugin>): Result<void> => {
  for (const p of plugins) {
    for (const [target, rules] of Object.entries(p.rules ?? {})) {
      if (!isTarget(lists, target)) {
        return Either.left(
          conflict(
            `rule:${target}`,
            [p.manifest.name],
            `没有名为 ${target} 的阶段或命令`,
            `there is no stage or command ${target}`
          )
        )
      }
      for (const r of (rules ?? []) as ReadonlyArray<Rule<any>>) {
        const key = `${target}/${r.id}`
        const existing = origin.get(key)
        if (existing !== undefined) {
          return Either.left(
            conflict(
              `rule:${key}`,
              [existing, p.manifest.name],
              `规则 ${r.id} 已由 ${existing} 定义,应以覆盖方式修改`,
              `rule ${r.id} already comes from ${existing}; override it instead`
            )
          )
        }
        origin.set(key, p.manifest.name)
        lists[target].push(r)
      }
    }
  }
  return Either.right(undefined)
}

interface Claim {
  readonly plugin: string
  readonly target: Target
  readonly priority: number | undefined
  readonly rule?: Rule<any> | undefined
  readonly reason?: LegalBasis | undefined
}

/** The overrides and removals of each rule, checked against the rules that exist. */
const claims = (
  origin: ReadonlyMap<string, string>,
  plugins: ReadonlyArray<Plugin>
): Result<Map<string, Array<Claim>>> => {
  const byKey = new Map<string, Array<Claim>>()
  const claim = (
    plugin: string,
    target: Target,
    id: string,
    c: Omit<Claim, "plugin" | "target">,
    verb: { zh: string; en: string }
  ) => {
    const key = `${target}/${id}`
    if (!origin.has(key)) {
      return conflict(
        `rule:${key}`,
        [plugin],
        `要${verb.zh}的规则 ${id} 在 ${target} 不存在`,
        `rule ${id} to ${verb.en} does not exist at ${target}`
      )
    }
    byKey.set(key, [...(byKey.get(key) ?? []), { plugin, target, ...c }])
    return undefined
  }
  for (const p of plugins) {
    for (const o of p.overrides ?? []) {
      const failed = claim(p.manifest.name, targetOf(o), o.rule.id, { priority: o.priority, rule: o.rule }, {
        zh: "覆盖",
        en: "override"
      })
      if (failed !== undefined) return Either.left(failed)
    }
    for (const r of p.removals ?? []) {
      if (!(r.reason instanceof LegalBasis)) {
        return Either.left(
          conflict(
            `rule:${targetOf(r)}/${r.ruleId}`,
            [p.manifest.name],
            `删除规则 ${r.ruleId} 须说明法律依据`,
            `removing rule ${r.ruleId} needs a stated legal reason`
          )
        )
      }
      const failed = claim(p.manifest.name, targetOf(r), r.ruleId, { priority: undefined, reason: r.reason }, {
        zh: "删除",
        en: "remove"
      })
      if (failed !== undefined) return Either.left(failed)
    }
  }
  return Either.right(byKey)
}

/** Settles the claims on each rule: one removal alone, or overrides with distinct priorities (highest wins). */
const settle = (
  lists: Lists,
  origin: ReadonlyMap<string, string>,
  byKey: ReadonlyMap<string, ReadonlyArray<Claim>>
): Result<{ overrides: Array<ConfigModule.AppliedOverride>; removals: Array<ConfigModule.AppliedRemoval> }> => {
  const overrides: Array<ConfigModule.AppliedOverride> = []
  const removals: Array<ConfigModule.AppliedRemoval> = []
  for (const [key, list] of byKey) {
    const who = list.map((x) => x.plugin)
    const id = key.slice(key.indexOf("/") + 1)
    const target = list[0]!.target
    const removal = list.find((x) => x.reason !== undefined)
    if (removal !== undefined) {
      if (list.length > 1) {
        return Either.left(
          conflict(
            `rule:${key}`,
            who,
            `插件 ${who.join("、")} 对规则 ${key} 既有删除又有其他修改`,
            `plugins ${who.join(", ")} both remove and change rule ${key}`
          )
        )
      }
      lists[target] = lists[target].filter((r) => r.id !== id)
      removals.push({ target, ruleId: id, by: removal.plugin, reason: removal.reason! })
      continue
    }
    const sorted = [...list].sort((a, b) => (b.priority ?? Number.NaN) - (a.priority ?? Number.NaN))
    const [first, second] = sorted
    if (
      second !== undefined &&
      (first!.priority === undefined || second.priority === undefined || first!.priority === second.priority)
    ) {
      return Either.left(
        conflict(
          `rule:${key}`,
          who,
          `插件 ${who.join("、")} 都覆盖规则 ${key},但没有规定不同的优先级`,
          `plugins ${who.join(", ")} all override rule ${key} without distinct priorities`
        )
      )
    }
    const winner = sorted[0]!
    lists[target] = lists[target].map((r) => (r.id === id ? winner.rule! : r))
    overrides.push({
      target,
      stage: target,
      ruleId: id,
      by: winner.plugin,
      priority: winner.priority,
      shadowed: [origin.get(key)!, ...sorted.slice(1).map((x) => x.plugin)]
    })
  }
  return Either.right({ overrides, removals })
}

const applyCalendars = (base: Calendar.Service, plugins: ReadonlyArray<Plugin>): Result<Calendar.Service> => {
  let calendar = base
  for (const p of plugins) {
    if (p.calendars === undefined || p.calendars.length === 0) continue
    const extended = Calendar.extend(calendar, p.calendars)
    if (Either.isLeft(extended)) {
      return Either.left(conflict(`calendar`, [p.manifest.name], extended.left.message, extended.left.message))
    }
    calendar = extended.right
  }
  return Either.right(calendar)
}

const applyDeliverables = (
  plugins: ReadonlyArray<Plugin>
): Result<{ readonly types: ReadonlySet<string>; readonly quotaItems: ReadonlyArray<Quota.Item> }> => {
  const types = new Set<string>()
  const quotaItems: Array<Quota.Item> = [...Quota.planItems]
  for (const p of plugins) {
    for (const t of p.deliverableTypes ?? []) {
      if (types.has(t.id)) {
        return Either.left(
          conflict(
            `deliverable:${t.id}`,
            [p.manifest.name],
            `交付物类型 ${t.id} 重复`,
            `deliverable type ${t.id} is added twice`
          )
        )
      }
      types.add(t.id)
      if (t.quota !== undefined) {
        quotaItems.push({
          ...t.quota,
          count: (ev) => ev.reduce((n, e) => (e._tag === "custom" && e.customType === t.id ? n + e.count : n), 0)
        })
      }
    }
  }
  return Either.right({ types, quotaItems })
}

/**
 * Loads plugins over a parameter set and a calendar, in order. Fails with a
 * {@link PluginConflict} naming both plugins on any conflict.
 *
 * @since 0.1.0
 * @category constructors
 */
export const configure = (options: {
  readonly parameters: Parameter.ParameterSet
  readonly calendar: Calendar.Service
  readonly plugins?: ReadonlyArray<Plugin> | undefined
}): Either.Either<Config, PluginConflict | InvalidInput> =>
  Either.gen(function*() {
    const plugins = options.plugins ?? []
    yield* uniqueNames(plugins)
    const parameters = yield* applyParameters(options.parameters, plugins)
    const { methods, origin: methodOrigin } = yield* applyMethods(plugins)
    const { lists, origin } = baseLists(methods, methodOrigin)
    yield* addRules(lists, origin, plugins)
    const byKey = yield* claims(origin, plugins)
    const { overrides, removals } = yield* settle(lists, origin, byKey)
    const calendar = yield* applyCalendars(options.calendar, plugins)
    const deliverables = yield* applyDeliverables(plugins)
    const rules = Object.fromEntries(ConfigModule.stages.map((s) => [s, lists[s]])) as unknown as StageRules
    const guards = Object.fromEntries(
      Object.keys(ConfigModule.baseGuards).map((k) => [k, lists[k as Target]])
    ) as unknown as ConfigModule.CommandRules
    return {
      parameters,
      calendar,
      rules,
      guards,
      quotaItems: deliverables.quotaItems,
      deliverableTypes: deliverables.types,
      procurementMethods: methods,
      plugins: plugins.map((p) => p.manifest),
      overrides,
      removals,
      subscribers: plugins.flatMap((p) => (p.onEvent === undefined ? [] : [p.onEvent]))
    }
  })
