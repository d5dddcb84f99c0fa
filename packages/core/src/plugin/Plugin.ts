/**
 * The plugin API. A plugin is a typed value with a manifest (name, version,
 * what it adds and what it overrides) that can
 *
 * - override parameter values (a province's publicity length) or add parameters,
 * - add rules to a stage (a province's publicity/training split, per-project caps,
 *   a threshold above which public tender is required),
 * - override a rule by id with an explicit priority,
 * - add deliverable types with their quota items, and procurement methods,
 * - supply calendar years (next year's holiday notice),
 * - subscribe to committed events.
 *
 * Conflicts fail at load time and name both plugins: two overrides of one rule
 * without distinct priorities, two plugins setting the same parameter, a rule
 * added under an id that already exists.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Calendar from "../kernel/Calendar.js"
import type { LegalBasis } from "../kernel/LegalBasis.js"
import * as Acceptance from "../lifecycle/Acceptance.js"
import * as DeliverableRules from "../lifecycle/DeliverableRules.js"
import type * as Lifecycle from "../lifecycle/Lifecycle.js"
import * as Payment from "../lifecycle/Payment.js"
import * as PlanRules from "../lifecycle/PlanRules.js"
import * as Procurement from "../lifecycle/Procurement.js"
import * as Quota from "../lifecycle/Quota.js"
import * as Parameter from "../rules/Parameter.js"
import type { Rule, Title } from "../rules/Rule.js"

/**
 * The stages at which rules run, with the input each stage's rules receive.
 *
 * @since 0.1.0
 * @category models
 */
export type StageInputs = Lifecycle.StageInputs

/**
 * @since 0.1.0
 * @category models
 */
export type Stage = Lifecycle.Stage

/**
 * The rules of every stage.
 *
 * @since 0.1.0
 * @category models
 */
export type StageRules = Lifecycle.StageRules

/**
 * A committed event as a subscriber sees it.
 *
 * @since 0.1.0
 * @category models
 */
export type CommittedEvent = Lifecycle.CommittedEvent

/**
 * A plugin's manifest: who it is and what it adds and overrides (computed from
 * its contents by {@link make}, so it cannot disagree with them).
 *
 * @since 0.1.0
 * @category models
 */
export type Manifest = Lifecycle.Manifest

/**
 * An applied override, for the rule reference and explanations.
 *
 * @since 0.1.0
 * @category models
 */
export type AppliedOverride = Lifecycle.AppliedOverride

/**
 * Everything a project runs with: parameters (with plugin values applied),
 * the calendar, the rules of each stage, the quota items, the known
 * deliverable types and procurement methods, and the subscribers.
 *
 * @since 0.1.0
 * @category models
 */
export type Config = Lifecycle.Config

/**
 * The rules gsyf ships, by stage.
 *
 * @since 0.1.0
 * @category constants
 */
export const baseRules: StageRules = {
  plan: PlanRules.rules,
  consultation: Procurement.consultationRules,
  panelReview: Procurement.panelReviewRules,
  payment: Payment.rules,
  deliverable: DeliverableRules.rules,
  acceptanceGuard: Acceptance.guardRules,
  acceptanceVerdict: Acceptance.verdictRules
}

/**
 * A rule override: replaces the rule with the same id at a stage. When several
 * plugins override one rule, the highest priority wins; equal or missing
 * priorities are a load-time conflict.
 *
 * @since 0.1.0
 * @category models
 */
export type RuleOverride = {
  readonly [S in Stage]: {
    readonly stage: S
    readonly priority?: number | undefined
    readonly rule: Rule<StageInputs[S]>
  }
}[Stage]

/**
 * A deliverable type added by a plugin, with the quota item that counts it.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeliverableType {
  readonly id: string
  readonly title: Title
  /** A quota item counting `custom` evidence of this type; its parameter must exist (add it under `parameters.definitions`). */
  readonly quota?: Omit<Quota.Item, "count"> | undefined
}

/**
 * A procurement method added by a plugin.
 *
 * @since 0.1.0
 * @category models
 */
export interface ProcurementMethod {
  readonly id: string
  readonly title: Title
  readonly basis: LegalBasis
}

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
  readonly rules?: { readonly [S in Stage]?: ReadonlyArray<Rule<StageInputs[S]>> } | undefined
  readonly overrides?: ReadonlyArray<RuleOverride> | undefined
  readonly deliverableTypes?: ReadonlyArray<DeliverableType> | undefined
  readonly procurementMethods?: ReadonlyArray<ProcurementMethod> | undefined
  readonly calendars?: ReadonlyArray<Calendar.HolidayYear> | undefined
  /** Called with every committed event (a notification hook). */
  readonly onEvent?: ((event: CommittedEvent) => void) | undefined
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
  for (const [stage, rules] of Object.entries(contents.rules ?? {})) {
    for (const r of (rules ?? []) as ReadonlyArray<Rule<never>>) adds.push(`rule:${stage}/${r.id}`)
  }
  for (const o of contents.overrides ?? []) overrides.push(`rule:${o.stage}/${o.rule.id}`)
  for (const t of contents.deliverableTypes ?? []) adds.push(`deliverable:${t.id}`)
  for (const m of contents.procurementMethods ?? []) adds.push(`procurement-method:${m.id}`)
  for (const y of contents.calendars ?? []) adds.push(`calendar:${y.year}`)
  if (contents.onEvent !== undefined) adds.push("subscriber")
  return { ...contents, manifest: { ...info, adds, overrides } }
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
 * The procurement methods gsyf knows without plugins.
 *
 * @since 0.1.0
 * @category constants
 */
export const baseProcurementMethods: ReadonlyArray<string> = [
  "panel-review",
  "competitive-consultation",
  "public-tender"
]

const stages: ReadonlyArray<Stage> = [
  "plan",
  "consultation",
  "panelReview",
  "payment",
  "deliverable",
  "acceptanceGuard",
  "acceptanceVerdict"
]

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
}): Either.Either<Config, PluginConflict | import("../kernel/InputError.js").InvalidInput> => {
  const plugins = options.plugins ?? []
  const names = new Map<string, Plugin>()
  for (const p of plugins) {
    if (names.has(p.manifest.name)) {
      return Either.left(
        conflict(
          `plugin:${p.manifest.name}`,
          [p.manifest.name, p.manifest.name],
          "同名插件加载了两次",
          "the same plugin is loaded twice"
        )
      )
    }
    names.set(p.manifest.name, p)
  }
  // parameters: definitions first, then values; one owner per parameter value
  let parameters = options.parameters
  const valueOwner = new Map<string, string>()
  for (const p of plugins) {
    const added = p.parameters?.definitions ?? []
    for (const d of added) {
      if (parameters.definitions.has(d.name)) {
        return Either.left(
          conflict(
            `parameter:${d.name}`,
            [p.manifest.name],
            `参数 ${d.name} 已存在,不能重复定义`,
            `parameter ${d.name} already exists`
          )
        )
      }
    }
    parameters = Parameter.extend(parameters, added)
  }
  for (const p of plugins) {
    const values = p.parameters?.values
    if (values === undefined) continue
    for (const name of Object.keys(values)) {
      const owner = valueOwner.get(name)
      if (owner !== undefined) {
        return Either.left(
          conflict(
            `parameter:${name}`,
            [owner, p.manifest.name],
            `插件 ${owner} 和 ${p.manifest.name} 都设置了参数 ${name}`,
            `plugins ${owner} and ${p.manifest.name} both set parameter ${name}`
          )
        )
      }
      valueOwner.set(name, p.manifest.name)
    }
    const overlaid = Parameter.overlay(parameters, values, p.parameters!.basis)
    if (Either.isLeft(overlaid)) return Either.left(overlaid.left)
    parameters = overlaid.right
  }
  // rules
  const rules: Record<Stage, Array<Rule<any>>> = Object.fromEntries(stages.map((s) => [s, [...baseRules[s]]])) as any
  const origin = new Map<string, string>()
  for (const s of stages) for (const r of rules[s]) origin.set(`${s}/${r.id}`, "gsyf")
  for (const p of plugins) {
    for (const s of stages) {
      for (const r of (p.rules?.[s] ?? []) as ReadonlyArray<Rule<any>>) {
        const key = `${s}/${r.id}`
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
        rules[s].push(r)
      }
    }
  }
  const byTarget = new Map<string, Array<{ plugin: string; o: RuleOverride }>>()
  for (const p of plugins) {
    for (const o of p.overrides ?? []) {
      const key = `${o.stage}/${o.rule.id}`
      if (!origin.has(key)) {
        return Either.left(
          conflict(
            `rule:${key}`,
            [p.manifest.name],
            `要覆盖的规则 ${o.rule.id} 在阶段 ${o.stage} 不存在`,
            `rule ${o.rule.id} to override does not exist at stage ${o.stage}`
          )
        )
      }
      const list = byTarget.get(key) ?? []
      list.push({ plugin: p.manifest.name, o })
      byTarget.set(key, list)
    }
  }
  const applied: Array<AppliedOverride> = []
  for (const [key, list] of byTarget) {
    if (list.length > 1) {
      const sorted = [...list].sort((a, b) => (b.o.priority ?? Number.NaN) - (a.o.priority ?? Number.NaN))
      const [first, second] = sorted
      if (
        first!.o.priority === undefined || second!.o.priority === undefined || first!.o.priority === second!.o.priority
      ) {
        const both = list.map((x) => x.plugin)
        return Either.left(
          conflict(
            `rule:${key}`,
            both,
            `插件 ${both.join("、")} 都覆盖规则 ${key},但没有规定不同的优先级`,
            `plugins ${both.join(", ")} all override rule ${key} without distinct priorities`
          )
        )
      }
      list.splice(0, list.length, ...sorted)
    }
    const winner = list[0]!
    const stage = winner.o.stage
    rules[stage] = rules[stage].map((r) => (r.id === winner.o.rule.id ? winner.o.rule : r))
    applied.push({
      stage,
      ruleId: winner.o.rule.id,
      by: winner.plugin,
      priority: winner.o.priority,
      shadowed: [origin.get(key)!, ...list.slice(1).map((x) => x.plugin)]
    })
  }
  // calendar years
  let calendar = options.calendar
  for (const p of plugins) {
    if (p.calendars === undefined || p.calendars.length === 0) continue
    const extended = Calendar.extend(calendar, p.calendars)
    if (Either.isLeft(extended)) {
      return Either.left(conflict(`calendar`, [p.manifest.name], extended.left.message, extended.left.message))
    }
    calendar = extended.right
  }
  // deliverable types and methods
  const deliverableTypes = new Set<string>()
  const quotaItems: Array<Quota.Item> = [...Quota.planItems]
  for (const p of plugins) {
    for (const t of p.deliverableTypes ?? []) {
      if (deliverableTypes.has(t.id)) {
        return Either.left(
          conflict(
            `deliverable:${t.id}`,
            [p.manifest.name],
            `交付物类型 ${t.id} 重复`,
            `deliverable type ${t.id} is added twice`
          )
        )
      }
      deliverableTypes.add(t.id)
      if (t.quota !== undefined) {
        quotaItems.push({
          ...t.quota,
          count: (ev) => ev.reduce((n, e) => (e._tag === "custom" && e.customType === t.id ? n + e.count : n), 0)
        })
      }
    }
  }
  const procurementMethods = new Set(baseProcurementMethods)
  for (const p of plugins) {
    for (const m of p.procurementMethods ?? []) {
      if (procurementMethods.has(m.id)) {
        return Either.left(
          conflict(
            `procurement-method:${m.id}`,
            [p.manifest.name],
            `采购方式 ${m.id} 已存在`,
            `procurement method ${m.id} already exists`
          )
        )
      }
      procurementMethods.add(m.id)
    }
  }
  return Either.right({
    parameters,
    calendar,
    rules: rules as unknown as StageRules,
    quotaItems,
    deliverableTypes,
    procurementMethods,
    plugins: plugins.map((p) => p.manifest),
    overrides: applied,
    subscribers: plugins.flatMap((p) => (p.onEvent === undefined ? [] : [p.onEvent]))
  })
}

const conflict = (target: string, plugins: ReadonlyArray<string>, zh: string, en: string) =>
  new PluginConflict({ target, plugins, zh, en })
