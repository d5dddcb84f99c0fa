/**
 * Explanations of decisions. Any decision recorded as an event (an award, an
 * acceptance result, a payment amount, a deadline) can be explained from the
 * event stream alone: what was decided, the rules evaluated with their
 * findings, every parameter value read (with the date it took effect and its
 * basis), the legal basis, and the earlier events the decision rests on,
 * followed transitively to a chosen depth.
 *
 * ```ts
 * const explanation = Explain.decision(events, "seed-0041/0", { index: Explain.ruleIndex(config) })
 * if (Either.isRight(explanation)) console.log(Explain.render(explanation.right, "zh"))
 * ```
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { Actor } from "../kernel/Actor.js"
import * as InputError from "../kernel/InputError.js"
import type { LegalBasis } from "../kernel/LegalBasis.js"
import { summaries as keyAreasSummaries } from "../lifecycle/3.1-key-areas/explain.js"
import { summaries as planSummaries } from "../lifecycle/3.2-plan/explain.js"
import { summaries as budgetSummaries } from "../lifecycle/3.3-budget/explain.js"
import { summaries as publicitySummaries } from "../lifecycle/3.4-publicity/explain.js"
import { summaries as procurementSummaries } from "../lifecycle/3.5-procurement/explain.js"
import { summaries as contractSummaries } from "../lifecycle/3.6-contract/explain.js"
import { summaries as implementationSummaries } from "../lifecycle/3.7-implementation/explain.js"
import { summaries as supervisionSummaries } from "../lifecycle/3.8-supervision/explain.js"
import { summaries as acceptanceSummaries } from "../lifecycle/3.9-acceptance/explain.js"
import { summaries as deliverablesSummaries } from "../lifecycle/4-deliverables/explain.js"
import * as Quota from "../lifecycle/4-deliverables/Quota.js"
import * as Config from "../lifecycle/Config.js"
import * as Guard from "../lifecycle/Guard.js"
import type { Context, Summary, Told } from "../lifecycle/internal/summary.js"
import * as Parameter from "../lifecycle/Parameter.js"
import * as ProjectEvent from "../lifecycle/ProjectEvent.js"
import type { Finding, Rule, Title } from "../rules/Rule.js"
import * as Plugin from "./Plugin.js"

// ── rule index ───────────────────────────────────────────────────────────────

/**
 * What the index knows about a rule, a guard, a step or a quota item.
 *
 * @since 0.1.0
 * @category models
 */
export interface RuleEntry {
  readonly id: string
  readonly title: Title
  readonly section: string
  readonly basis: ReadonlyArray<LegalBasis>
  readonly description: string
  /**
   * Where the rule runs: its stage (`plan`, `payment`, …), `guard` for a command's guard or a step of the
   * lifecycle (see `Guard`), `quota` for a quota item.
   */
  readonly source: string
  /** The plugin whose rule replaced gsyf's (or another plugin's) under this id, with its priority. */
  readonly overriddenBy?: { readonly plugin: string; readonly priority: number | undefined } | undefined
}

/**
 * Every rule a configuration runs, by id.
 *
 * @since 0.1.0
 * @category models
 */
export type RuleIndex = ReadonlyMap<string, RuleEntry>

/**
 * The id under which a quota item is indexed (`quota.<item id>`, e.g. `quota.portal-articles`).
 *
 * @since 0.1.0
 * @category rule index
 */
export const quotaRuleId = (itemId: string): string => `quota.${itemId}`

type IndexSource = {
  readonly rules: Plugin.StageRules
  readonly quotaItems: ReadonlyArray<Quota.Item>
  readonly guards?: Config.CommandRules | undefined
  readonly overrides?: ReadonlyArray<Plugin.AppliedOverride> | undefined
}

const entryOf = (
  rule: Guard.Documented,
  source: string,
  overridden: ReadonlyMap<string, Plugin.AppliedOverride>
): RuleEntry => {
  const by = overridden.get(rule.id)
  return {
    id: rule.id,
    title: rule.title,
    section: rule.section,
    basis: rule.basis,
    description: rule.description,
    source,
    ...(by === undefined ? {} : { overriddenBy: { plugin: by.by, priority: by.priority } })
  }
}

const buildIndex = (config: IndexSource): RuleIndex => {
  const index = new Map<string, RuleEntry>()
  const overridden = new Map((config.overrides ?? []).map((o) => [o.ruleId, o]))
  const add = (rule: Guard.Documented, source: string) => {
    if (!index.has(rule.id)) index.set(rule.id, entryOf(rule, source, overridden))
  }
  for (const stage of Object.keys(config.rules) as Array<Plugin.Stage>) {
    for (const rule of config.rules[stage] as ReadonlyArray<Rule<never>>) add(rule, stage)
  }
  for (const guards of Object.values(config.guards ?? Config.baseGuards)) {
    for (const g of guards as ReadonlyArray<Guard.Documented>) add(g, "guard")
  }
  for (const doc of Guard.all) add(doc, "guard")
  for (const item of config.quotaItems) {
    const id = quotaRuleId(item.id)
    if (index.has(id)) continue
    index.set(id, {
      id,
      title: item.title,
      section: item.section,
      basis: [item.basis],
      description: `${item.title.zh}:要求数见参数 ${item.parameter}`,
      source: "quota"
    })
  }
  return index
}

/**
 * The registry of every rule of a configuration: the rules of every stage and the guards of every command (with
 * plugin additions, overrides and removals applied, overrides marked with their plugin), the lifecycle's
 * documented steps (`Guard.all`, e.g. `publicity.period`) and the quota items.
 *
 * @since 0.1.0
 * @category rule index
 */
export const ruleIndex = (
  config: Pick<Plugin.Config, "rules" | "quotaItems"> & Partial<Pick<Plugin.Config, "guards" | "overrides">>
): RuleIndex => buildIndex(config)

/**
 * The registry of the rules gsyf ships (no plugins); used when no index is given.
 *
 * @since 0.1.0
 * @category rule index
 */
export const baseIndex: RuleIndex = buildIndex({ rules: Plugin.baseRules, quotaItems: Quota.planItems })

// ── models ───────────────────────────────────────────────────────────────────

/**
 * A text in Chinese and English.
 *
 * @since 0.1.0
 * @category models
 */
export interface Bilingual {
  readonly zh: string
  readonly en: string
}

/**
 * A parameter value read by a rule, as recorded in the event.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExplainedRead {
  readonly name: string
  /** The parameter's title, when it is in the catalogue. */
  readonly title: Title | undefined
  /** The value as shown to people (money as ¥, percentages as numbers). */
  readonly value: string
  /** The day the value took effect (`undefined`: it has no start date). */
  readonly effectiveFrom: string | undefined
  /** Where the value comes from: the city's file or the national text of a default. */
  readonly basis: string
}

/**
 * A rule evaluated for the decision.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExplainedRule {
  readonly ruleId: string
  /**
   * False when the rule is not in the index (e.g. the rule of a plugin no longer loaded); it is still shown, titled by
   * its id.
   */
  readonly known: boolean
  readonly title: Title
  readonly section: string | undefined
  readonly basis: ReadonlyArray<LegalBasis>
  readonly findings: ReadonlyArray<Finding>
  readonly reads: ReadonlyArray<ExplainedRead>
  /** The plugin whose rule was evaluated under this id instead of gsyf's, when the index knows of one. */
  readonly overriddenBy?: { readonly plugin: string; readonly priority: number | undefined } | undefined
}

/**
 * An earlier event a decision rests on.
 *
 * @since 0.1.0
 * @category models
 */
export interface EventReference {
  readonly id: string
  readonly type: string
  readonly at: string
  readonly summary: Bilingual
  /** 1 for events the decision names itself, 2 for the events those rest on, … */
  readonly depth: number
  /** The event that named this one. */
  readonly via: string
}

/**
 * The explanation of one decision.
 *
 * @since 0.1.0
 * @category models
 */
export interface Explanation {
  readonly event: { readonly id: string; readonly type: string; readonly at: string; readonly actor: Actor }
  /** What was decided, with the figures and how they were obtained. */
  readonly summary: Bilingual
  /** Supporting lines (ranking, unmet items, reasons), in both languages. */
  readonly details: { readonly zh: ReadonlyArray<string>; readonly en: ReadonlyArray<string> }
  readonly rules: ReadonlyArray<ExplainedRule>
  readonly basis: ReadonlyArray<LegalBasis>
  readonly restsOn: ReadonlyArray<EventReference>
  /** Ids named in `restsOn` chains that are not among the given events. */
  readonly unresolved: ReadonlyArray<string>
}

/**
 * A decision that can be explained.
 *
 * @since 0.1.0
 * @category models
 */
export interface Decision {
  readonly id: string
  readonly type: DecisionType
  readonly at: string
  readonly summary: Bilingual
}

/**
 * The event types that record decisions.
 *
 * @since 0.1.0
 * @category constants
 */
export const decisionTypes = [
  "BudgetSubmitted",
  "PublicityStarted",
  "Awarded",
  "ContractSigned",
  "PaymentMade",
  "MonthlyBriefingSubmitted",
  "AcceptancePassed",
  "AcceptanceFailed"
] as const

/**
 * @since 0.1.0
 * @category models
 */
export type DecisionType = (typeof decisionTypes)[number]

// ── summaries ────────────────────────────────────────────────────────────────

type Event = ProjectEvent.Event

const baseMethods: ReadonlyMap<string, { readonly title: Title }> = new Map(
  Config.baseProcurementMethods.map((m) => [m.id, m])
)

// Exhaustive: a new event type does not compile until its section says how it is told (`explain.ts`).
const summaries: { readonly [K in Event["_tag"]]: Summary<K> } = {
  ...keyAreasSummaries,
  ...planSummaries,
  ...budgetSummaries,
  ...publicitySummaries,
  ...procurementSummaries,
  ...contractSummaries,
  ...implementationSummaries,
  ...supervisionSummaries,
  ...acceptanceSummaries,
  ...deliverablesSummaries
}

const summarise = (e: Event, ctx: Context): Told => (summaries[e._tag] as Summary<Event["_tag"]>)(e, ctx)

const contextOf = (
  events: ReadonlyArray<Event>,
  methods: ReadonlyMap<string, { readonly title: Title }> = baseMethods
): Context => {
  const byId = new Map<string, Event>()
  const order = new Map<string, number>()
  events.forEach((e, i) => {
    byId.set(e.id, e)
    order.set(e.id, i)
  })
  return { byId, order, events, methods }
}

// ── explaining ───────────────────────────────────────────────────────────────

/**
 * Options of {@link decision}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** How far to follow `restsOn` (1: only the events the decision names; default 2; 0: none). */
  readonly depth?: number | undefined
  /**
   * The rule registry for titles and bases (default {@link baseIndex}; pass {@link ruleIndex}`(config)` with plugins).
   */
  readonly index?: RuleIndex | undefined
  /**
   * The configuration the events were decided with: its rule index (with plugins' rules and overrides) and its
   * procurement methods' titles. `index`, when given too, wins.
   */
  readonly config?: Plugin.Config | undefined
}

const Request = Schema.Struct({
  eventId: Schema.String.pipe(
    Schema.filter((s) => s.trim().length > 0, InputError.bilingual("不能为空", "must not be empty"))
  ),
  depth: Schema.optional(
    Schema.Number.pipe(
      Schema.filter(
        (n) => Number.isInteger(n) && n >= 0 && n <= 50,
        InputError.bilingual("须为 0 至 50 之间的整数", "must be a whole number from 0 to 50")
      )
    )
  )
})

const decodeRequest = InputError.decodeEither(Request, "Explain.decision")

const decodeEventList = InputError.decodeEither(
  Schema.Array(Schema.Union(Schema.typeSchema(ProjectEvent.Event), ProjectEvent.Event)),
  "Explain.events"
)

/**
 * Decodes events given as JSON (encoded) or already decoded, for hosts that
 * read a stream from elsewhere. Every bad field is reported with its path.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeEvents = (
  input: unknown
): Either.Either<ReadonlyArray<ProjectEvent.Event>, InputError.InvalidInput> => decodeEventList(input)

const explainRules = (e: Event, index: RuleIndex): ReadonlyArray<ExplainedRule> =>
  e.evaluations.map((ev) => {
    const entry = index.get(ev.ruleId)
    return {
      ruleId: ev.ruleId,
      known: entry !== undefined,
      title: entry?.title ?? { zh: ev.ruleId, en: ev.ruleId },
      section: entry?.section,
      basis: entry?.basis ?? [],
      ...(entry?.overriddenBy === undefined ? {} : { overriddenBy: entry.overriddenBy }),
      findings: ev.findings,
      reads: ev.reads.map((r) => ({
        name: r.name,
        title: Parameter.catalogue.get(r.name)?.title,
        value: r.value,
        effectiveFrom: r.effectiveFrom,
        basis: r.basis
      }))
    }
  })

const follow = (
  e: Event,
  ctx: Context,
  depth: number
): { readonly refs: ReadonlyArray<EventReference>; readonly unresolved: ReadonlyArray<string> } => {
  const refs: Array<EventReference> = []
  const unresolved: Array<string> = []
  const seen = new Set<string>([e.id])
  let frontier: Array<{ readonly id: string; readonly via: string }> = e.restsOn.map((id) => ({ id, via: e.id }))
  for (let level = 1; level <= depth && frontier.length > 0; level++) {
    const next: Array<{ readonly id: string; readonly via: string }> = []
    for (const { id, via } of frontier) {
      if (seen.has(id)) continue
      seen.add(id)
      const x = ctx.byId.get(id)
      if (x === undefined) {
        unresolved.push(id)
        continue
      }
      refs.push({ id, type: x._tag, at: x.at, summary: summarise(x, ctx).summary, depth: level, via })
      for (const r of x.restsOn) if (!seen.has(r)) next.push({ id: r, via: id })
    }
    frontier = next
  }
  return { refs, unresolved }
}

/**
 * Explains the event `eventId` of a stream: the decision in words, the rules
 * evaluated, the parameter values read (value, effective date, basis), the
 * legal basis and the events it rests on (transitively, to `depth`). Fails
 * with `InvalidInput` when the id is empty or not in the stream.
 *
 * @since 0.1.0
 * @category explaining
 */
export const decision = (
  events: ReadonlyArray<ProjectEvent.Event>,
  eventId: string,
  options: Options = {}
): Either.Either<Explanation, InputError.InvalidInput> =>
  Either.flatMap(
    decodeRequest({ eventId, ...(options.depth === undefined ? {} : { depth: options.depth }) }),
    (request) => {
      const ctx = contextOf(events, options.config?.procurementMethods)
      const e = ctx.byId.get(request.eventId)
      if (e === undefined) {
        return Either.left(
          InputError.single(
            "Explain.decision",
            "eventId",
            `事件流中没有编号为 ${request.eventId} 的事件`,
            `no event ${request.eventId} in the stream`
          )
        )
      }
      const index = options.index ?? (options.config === undefined ? baseIndex : ruleIndex(options.config))
      const { details, summary } = summarise(e, ctx)
      const { refs, unresolved } = follow(e, ctx, request.depth ?? 2)
      return Either.right({
        event: { id: e.id, type: e._tag, at: e.at, actor: e.actor },
        summary,
        details,
        rules: explainRules(e, index),
        basis: e.basis,
        restsOn: refs,
        unresolved
      })
    }
  )

/**
 * The explainable decisions of a stream, in stream order: budgets, publicity
 * periods, awards, contracts, payments, monthly briefings and acceptance results.
 *
 * @since 0.1.0
 * @category explaining
 */
export const findDecisions = (
  events: ReadonlyArray<ProjectEvent.Event>,
  config?: Pick<Plugin.Config, "procurementMethods">
): ReadonlyArray<Decision> => {
  const ctx = contextOf(events, config?.procurementMethods)
  const types: ReadonlySet<string> = new Set(decisionTypes)
  return events
    .filter((e): e is Extract<ProjectEvent.Event, { _tag: DecisionType }> => types.has(e._tag))
    .map((e) => ({ id: e.id, type: e._tag, at: e.at, summary: summarise(e, ctx).summary }))
}

// ── rendering ────────────────────────────────────────────────────────────────

const labels = {
  zh: {
    decision: "决定",
    by: "作出",
    rules: "适用的规则",
    reads: "读取参数",
    from: "生效于",
    always: "无起始日期",
    basisOf: "依据",
    finding: { error: "错误", warning: "警告", info: "说明" },
    noFindings: "通过,无发现",
    unknownRule: "(规则索引中没有此规则)",
    basis: "法律与方案依据",
    restsOn: "所依据的事件",
    unresolved: "未在事件流中找到",
    overriddenBy: "由插件覆盖:",
    priority: "优先级",
    colon: ":"
  },
  en: {
    decision: "Decision",
    by: "by",
    rules: "Rules evaluated",
    reads: "read",
    from: "in force from",
    always: "no start date",
    basisOf: "basis",
    finding: { error: "error", warning: "warning", info: "info" },
    noFindings: "passed, no findings",
    unknownRule: "(not in the rule index)",
    basis: "Legal basis",
    restsOn: "Rests on",
    unresolved: "not found in the stream",
    overriddenBy: "overridden by plugin",
    priority: "priority",
    colon: ": "
  }
} as const

/**
 * Renders an explanation as readable multi-line text in Chinese or English.
 *
 * @since 0.1.0
 * @category rendering
 */
export const render = (explanation: Explanation, language: "zh" | "en"): string => {
  const L = labels[language]
  const x = explanation
  const lines: Array<string> = []
  const actor = `${x.event.actor.name}(${x.event.actor.organisation})`
  lines.push(
    `${L.decision} ${x.event.id} ${x.event.type} — ${x.event.at} ${L.by} ${
      language === "zh" ? actor : `${x.event.actor.name} (${x.event.actor.organisation})`
    }`
  )
  lines.push(x.summary[language])
  for (const d of x.details[language]) lines.push(`  · ${d}`)
  if (x.rules.length > 0) {
    lines.push("", `${L.rules}${L.colon}`)
    for (const r of x.rules) {
      const section = r.section === undefined ? "" : language === "zh" ? ` [${r.section}]` : ` [section ${r.section}]`
      lines.push(`- ${r.ruleId} ${r.known ? r.title[language] : L.unknownRule}${section}`)
      if (r.overriddenBy !== undefined) {
        const p = r.overriddenBy.priority === undefined ? "" : ` (${L.priority} ${r.overriddenBy.priority})`
        lines.push(`    ${L.overriddenBy} ${r.overriddenBy.plugin}${p}`)
      }
      if (r.basis.length > 0) {
        lines.push(`    ${L.basisOf}${L.colon}${r.basis.map((b) => b.citation).join(language === "zh" ? ";" : "; ")}`)
      }
      for (const read of r.reads) {
        const title = read.title === undefined ? "" : language === "zh" ? `(${read.title.zh})` : ` (${read.title.en})`
        const from = read.effectiveFrom === undefined ? L.always : `${L.from} ${read.effectiveFrom}`
        lines.push(`    ${L.reads} ${read.name}${title} = ${read.value}  [${from}; ${L.basisOf} ${read.basis}]`)
      }
      if (r.findings.length === 0) lines.push(`    ${L.noFindings}`)
      for (const f of r.findings) lines.push(`    ${L.finding[f.severity]} ${f.path}${L.colon}${f[language]}`)
    }
  }
  if (x.basis.length > 0) {
    lines.push("", `${L.basis}${L.colon}`)
    for (const b of x.basis) lines.push(`- ${b.citation}${b.note === undefined ? "" : `${L.colon}${b.note}`}`)
  }
  if (x.restsOn.length > 0) {
    lines.push("", `${L.restsOn}${L.colon}`)
    for (const r of x.restsOn) {
      lines.push(`${"  ".repeat(r.depth - 1)}- ${r.id} ${r.type} ${r.at}${L.colon}${r.summary[language]}`)
    }
  }
  if (x.unresolved.length > 0) lines.push("", `${L.unresolved}${L.colon}${x.unresolved.join(", ")}`)
  return lines.join("\n")
}
