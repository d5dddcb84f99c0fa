/**
 * Facts the project documents are built from: the events of a project, the
 * state they fold to, the parameters and calendar of its configuration, and
 * small text helpers (dates, months, amounts, names) shared by the builders.
 *
 * @internal
 */
import { Actor, IsoDate, LegalBasis, Money, Parameter, Project, ProjectEvent } from "@gsyf/core"
import type { Plugin } from "@gsyf/core"
import * as Either from "effect/Either"
import * as Inline from "../Inline.js"
import { chineseDate } from "../Numbering.js"

/** @internal */
export type Event = ProjectEvent.Event
/** @internal */
export type EventOf<T extends Event["_tag"]> = Extract<Event, { readonly _tag: T }>
/** @internal */
export type SubProject = Project.SubProjectKey

/** The events of a project and the configuration it runs with. @internal */
export interface Source {
  readonly config: Plugin.Config
  readonly events: ReadonlyArray<Event>
  /** Document settings (see `DocumentSettings`): blank values and display names. */
  readonly settings?: {
    readonly blanks?: Readonly<Record<string, string>> | undefined
    readonly names?: Readonly<Record<string, string>> | undefined
  } | undefined
}

/** Folds events into a project state. @internal */
export const fold = (events: ReadonlyArray<Event>): Project.State => events.reduce(Project.evolve, Project.initialState)

/** Events of one type, in order. @internal */
export const eventsOf = <T extends Event["_tag"]>(events: ReadonlyArray<Event>, tag: T): ReadonlyArray<EventOf<T>> =>
  events.filter((e): e is EventOf<T> => e._tag === tag)

/** Events of one type for a sub-project. @internal */
export const subEventsOf = <T extends Event["_tag"]>(
  events: ReadonlyArray<Event>,
  tag: T,
  sub: SubProject
): ReadonlyArray<EventOf<T>> =>
  eventsOf(events, tag).filter((e) => (e as { readonly subProject?: string }).subProject === sub)

/** The last event of a type for a sub-project. @internal */
export const lastSub = <T extends Event["_tag"]>(
  events: ReadonlyArray<Event>,
  tag: T,
  sub: SubProject
): EventOf<T> | undefined => subEventsOf(events, tag, sub).at(-1)

/** The date (China time) an event was recorded at. @internal */
export const dateOfEvent = (e: Event): IsoDate.IsoDate => IsoDate.dateOf(e.at)

/** A far date: parameters resolved at it give their latest values. @internal */
export const latest = "9999-12-31"

/** A parameter's value at a date, or `undefined`. @internal */
export const param = <A = unknown>(config: Plugin.Config, name: string, at: string): A | undefined =>
  Parameter.resolve(config.parameters, name, at)?.value as A | undefined

/** A parameter's value at a date; throws when unset (callers check first). @internal */
export const paramOr = <A>(config: Plugin.Config, name: string, at: string, fallback: A): A =>
  param<A>(config, name, at) ?? fallback

/** The city and year of the plan. @internal */
export const cityYear = (
  config: Plugin.Config,
  at: string = latest
): { readonly city: string; readonly year: number } => ({
  city: paramOr(config, "plan.city", at, config.parameters.city ?? "本市"),
  year: paramOr(config, "plan.fiscalYear", at, Number(at.slice(0, 4)))
})

/** The full name of a sub-project: `2026年示例市危险化学品企业工伤预防能力提升培训项目`. @internal */
export const subProjectTitle = (config: Plugin.Config, sub: SubProject, at: string = latest): string => {
  const { city, year } = cityYear(config, at)
  return `${year}年${city}${Project.subProjectNames[sub]}`
}

/** `2026年3月5日`. @internal */
export const zhDate = (date: string): string => chineseDate(date.slice(0, 10))

/** `2026-03` → `2026年3月`. @internal */
export const zhMonth = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`

/** A month range as written in the plan: `2026年3月`, `2026年3月-4月`, `2026年5月-2027年4月`. @internal */
export const zhMonthRange = (range: { readonly from: string; readonly to?: string | undefined }): string => {
  if (range.to === undefined || range.to === range.from) return zhMonth(range.from)
  return range.to.slice(0, 4) === range.from.slice(0, 4)
    ? `${zhMonth(range.from)}-${Number(range.to.slice(5, 7))}月`
    : `${zhMonth(range.from)}-${zhMonth(range.to)}`
}

/** The capital-letter amount (人民币…元整). @internal */
export const capital = (m: Money.Money): string => Either.getOrElse(Money.capital(m), () => Money.format(m))

/** `¥872,000.00（人民币捌拾柒万贰仟元整）` as runs, the figure bold. @internal */
export const amountRuns = (
  m: Money.Money
): ReadonlyArray<Inline.Run> => [Inline.bold(Money.format(m)), Inline.text(`（${capital(m)}）`)]

/** An amount in 万元 without trailing zeros: `80万元`. @internal */
export const wan = (m: Money.Money): string => Money.formatWan(m)

/** A decimal as text (percentages): `40`. @internal */
export const decimalText = (d: unknown): string =>
  d === undefined || d === null
    ? ""
    : typeof d === "object" && "toFixed" in (d as object)
    ? (d as Money.Decimal).toFixed()
    : String(d)

/** The citation of a legal basis with its note: `实施方案 六(二)（合同明确收款单位）`. @internal */
export const basisText = (
  b: LegalBasis.LegalBasis
): string => (b.note === undefined ? b.citation : `${b.citation}（${b.note}）`)

/** Distinct bases, in order. @internal */
export const distinctBases = (bases: ReadonlyArray<LegalBasis.LegalBasis>): ReadonlyArray<LegalBasis.LegalBasis> => {
  const seen = new Set<string>()
  return bases.filter((b) => {
    const k = basisText(b)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/** The issuing body of an event: its actor's organisation. @internal */
export const issuerOf = (e: { readonly actor: Actor.Actor }): string => e.actor.organisation

/** The agency's name: the organisation of the first agency actor in the events, else `<city>社会保险经办机构`. @internal */
export const agencyName = (src: Source): string =>
  src.events.find((e) => e.actor.role === "agency")?.actor.organisation ??
    `${cityYear(src.config).city}社会保险经办机构`

/** The committee's name. @internal */
export const committeeName = (src: Source): string =>
  src.events.find((e) => e.actor.role === "committee")?.actor.organisation ??
    `${cityYear(src.config).city}工伤预防委员会`

/** Chinese names of the procurement methods. @internal */
export const methodNames: Record<string, string> = {
  "competitive-consultation": "竞争性磋商",
  "panel-review": "分散采购(方案评审)",
  "public-tender": "公开招标",
  inquiry: "询价",
  "single-source": "单一来源采购"
}

/** Chinese names of panel member kinds. @internal */
export const memberKindNames: Record<string, string> = {
  "purchaser-representative": "采购人代表",
  expert: "评审专家",
  "department-staff": "部门工作人员"
}

/** Chinese names of payment kinds. @internal */
export const paymentKindNames: Record<string, string> = { advance: "预付款", balance: "余款", settlement: "结算款" }

/** Chinese names of the unit of a period. @internal */
export const periodUnitNames: Record<string, string> = { "working-days": "个工作日", "calendar-days": "日" }

/** Chinese names of the kinds of day. @internal */
export const dayKindNames: Record<string, string> = {
  workday: "工作日",
  weekend: "休息日",
  holiday: "法定节假日",
  "makeup-workday": "调休上班日"
}

/**
 * Chinese names of event types, for the audit trail extract: core's own (`ProjectEvent.names`, one per event of
 * the lifecycle, given by the event's section). @internal
 */
export const eventNames: { readonly [K in Event["_tag"]]: string } = ProjectEvent.names

/** `12.5%`-style text for a percentage parameter. @internal */
export const percent = (config: Plugin.Config, name: string, at: string): string =>
  `${decimalText(param(config, name, at))}%`

/** The Chinese name of a stored event type; an unknown type (a newer writer's) reads as 其他事件. @internal */
export const eventName = (type: string): string =>
  Object.hasOwn(eventNames, type) ? eventNames[type as Event["_tag"]] : "其他事件"
