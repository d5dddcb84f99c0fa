/**
 * The calendar reason of a deadline: how the event that set it explains it
 * (the period, its unit, a move to the next working day), and what the
 * holiday calendar had between its start and its end — statutory holidays
 * not counted, weekends, make-up working days (调休) that count.
 */
import type { Calendar, IsoDate, Plugin, ProjectEvent } from "@gsyf/core"
import * as Either from "effect/Either"

/** The deadlines a state view lists per sub-project. */
export type Kind = "publicityEnd" | "signBy" | "balanceDue" | "rectification"

interface Span {
  readonly start: string
  readonly end: string
  readonly explanation: { readonly zh: string; readonly en: string } | undefined
}

type Events = ReadonlyArray<ProjectEvent.Event>

const last = <T extends ProjectEvent.Event["_tag"]>(events: Events, tag: T, sub: string) =>
  events.filter((e): e is Extract<ProjectEvent.Event, { _tag: T }> =>
    e._tag === tag && (e as { subProject?: string }).subProject === sub
  ).at(-1)

const spans: { readonly [K in Kind]: (events: Events, sub: string) => Span | undefined } = {
  publicityEnd: (events, sub) => {
    const e = last(events, "PublicityStarted", sub)
    return e && { start: e.startsOn, end: e.endsOn, explanation: e.explanation }
  },
  signBy: (events, sub) => {
    const e = last(events, "Awarded", sub)
    return e && { start: e.awardedOn, end: e.signBy, explanation: undefined }
  },
  balanceDue: (events, sub) => {
    const e = last(events, "AcceptancePassed", sub)
    return e && { start: e.evaluatedOn, end: e.dueDate, explanation: e.dueExplanation }
  },
  rectification: (events, sub) => {
    const e = last(events, "AcceptanceFailed", sub)
    return e && { start: e.evaluatedOn, end: e.rectification.deadline, explanation: e.rectification.explanation }
  }
}

const nextDay = (d: string): string => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

const weekdays = ["日", "一", "二", "三", "四", "五", "六"]

/** What the calendar has between the day after `start` and `end`, in both languages. */
const account = (calendar: Calendar.Service, start: string, end: string) => {
  const holidays = new Map<string, { zh: string; en: string; days: Array<string> }>()
  const makeup: Array<string> = []
  let weekends = 0
  for (let d = nextDay(start); d <= end; d = nextDay(d)) {
    const kind = Either.getOrUndefined(calendar.dayKind(d as IsoDate.IsoDate))
    if (kind === undefined) continue
    if (kind.kind === "holiday") {
      const name = kind.holiday ?? "节假日"
      const h = holidays.get(name) ?? { zh: name, en: kind.holidayEn ?? name, days: [] }
      h.days.push(d)
      holidays.set(name, h)
    } else if (kind.kind === "makeup-workday") {
      makeup.push(`${d}(星期${weekdays[new Date(`${d}T00:00:00Z`).getUTCDay()]})`)
    } else if (kind.kind === "weekend") weekends++
  }
  const range = (days: ReadonlyArray<string>) => (days.length === 1 ? days[0]! : `${days[0]}—${days.at(-1)}`)
  const zh = [
    ...[...holidays.values()].map((h) => `${h.zh}放假 ${range(h.days)}(${h.days.length} 日)`),
    ...(makeup.length > 0 ? [`调休上班 ${makeup.join("、")}`] : []),
    `周末 ${weekends} 日`
  ]
  const en = [
    ...[...holidays.values()].map((h) => `${h.en} holiday ${range(h.days)} (${h.days.length} days)`),
    ...(makeup.length > 0 ? [`make-up working days (调休) ${makeup.map((m) => m.slice(0, 10)).join(", ")}`] : []),
    `${weekends} weekend days`
  ]
  return { zh: `${start} 至 ${end} 之间:${zh.join(";")}`, en: `between ${start} and ${end}: ${en.join("; ")}` }
}

/**
 * The reason of a sub-project's deadline, as one text in Chinese and English
 * (`zh / en`), or undefined when no event has set it.
 */
export const reason = (config: Plugin.Config, events: Events, sub: string, kind: Kind): string | undefined => {
  const span = spans[kind](events, sub)
  if (span === undefined) return undefined
  const days = account(config.calendar, span.start, span.end)
  const zh = [span.explanation?.zh, days.zh].filter((x) => x !== undefined).join("。")
  const en = [span.explanation?.en, days.en].filter((x) => x !== undefined).join(". ")
  return `${zh} / ${en}`
}
