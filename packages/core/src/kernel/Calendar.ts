/**
 * Working days, holidays and legal periods.
 *
 * A {@link Calendar} knows, for each year it covers, which days are statutory
 * holidays and which weekend days are worked instead (调休上班), as announced
 * each year by the 国务院办公厅关于YYYY年部分节假日安排的通知. The data comes in as
 * {@link HolidayYear} values (see `@gsyf/calendar-cn` for 2015–2026); a host
 * adds a year, e.g. next year's notice, with {@link extend}.
 *
 * The service value is a plain, pure object ({@link Service}): every method
 * returns an `Either` and never throws, so pure code such as the lifecycle
 * decider can take it as an argument. A date in a year without data is a
 * {@link CalendarYearNotCovered} error, never a guess.
 *
 * Periods follow 《民法典》第二百零一条至第二百零三条 (see {@link periodEnd}).
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import type { Bilingual } from "./InputError.js"
import { bilingual, checkDepth, fromParseError, InvalidInput, single } from "./InputError.js"
import * as table from "./internal/calendarTable.js"
import * as days from "./internal/days.js"
import { IsoDate } from "./IsoDate.js"

// ---------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------

/**
 * The notice a year's arrangement comes from: its title, 文号 (when known),
 * the date it was issued (成文日期) and where it was published.
 *
 * @since 0.1.0
 * @category schemas
 */
export const HolidaySource = Schema.Struct({
  /** e.g. 国务院办公厅关于2026年部分节假日安排的通知 */
  title: Schema.NonEmptyTrimmedString,
  /** 文号, e.g. 国办发明电〔2024〕12号. Left out when not known for sure. */
  number: Schema.optional(Schema.NonEmptyTrimmedString),
  issued: IsoDate,
  url: Schema.optional(Schema.NonEmptyTrimmedString)
}).annotations({ identifier: "HolidaySource" })

/**
 * @since 0.1.0
 * @category models
 */
export type HolidaySource = typeof HolidaySource.Type

/**
 * One holiday of a year: its names and every day off it gives (放假), as the
 * notice lists them ("10月1日至7日放假调休" gives seven dates).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Holiday = Schema.Struct({
  /** Chinese name as in the notice, e.g. 国庆节 or 中秋节、国庆节. */
  name: Schema.NonEmptyTrimmedString,
  nameEn: Schema.NonEmptyTrimmedString,
  dates: Schema.NonEmptyArray(IsoDate)
}).annotations({ identifier: "Holiday" })

/**
 * @since 0.1.0
 * @category models
 */
export type Holiday = typeof Holiday.Type

/**
 * A weekend day that is worked (调休上班), and the holiday it makes up for.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MakeupWorkday = Schema.Struct({
  date: IsoDate,
  /** Chinese name of the holiday this day is worked for, e.g. 春节. */
  holiday: Schema.optional(Schema.NonEmptyTrimmedString)
}).annotations({ identifier: "MakeupWorkday" })

/**
 * @since 0.1.0
 * @category models
 */
export type MakeupWorkday = typeof MakeupWorkday.Type

const allDates = (y: {
  readonly holidays: ReadonlyArray<{ readonly dates: ReadonlyArray<string> }>
  readonly makeupWorkdays: ReadonlyArray<{ readonly date: string }>
}): Array<string> => [...y.holidays.flatMap((h) => h.dates), ...y.makeupWorkdays.map((m) => m.date)]

/**
 * One year's arrangement: its statutory holidays and its make-up working days,
 * with the notice it comes from (and any later notice that changed it, such as
 * the 2020 extension of 春节).
 *
 * Checks: every date lies in the year or an adjacent one (a notice can move
 * days of the year before, e.g. 2019 元旦 starts on 2018-12-30); no date is
 * listed twice; no date is both a holiday and a working day; every make-up
 * working day is a Saturday or Sunday.
 *
 * @since 0.1.0
 * @category schemas
 */
export const HolidayYear = Schema.Struct({
  year: Schema.Int.pipe(Schema.between(2, 9998)),
  source: HolidaySource,
  /** Later notices that changed this year's arrangement. */
  amendments: Schema.optional(Schema.Array(HolidaySource)),
  /** Free text, e.g. a change of the holiday law that year. */
  note: Schema.optional(Schema.String),
  holidays: Schema.Array(Holiday),
  makeupWorkdays: Schema.Array(MakeupWorkday)
}).pipe(
  Schema.filter(
    (y) => allDates(y).every((d) => Math.abs(days.unsafeParts(d)[0] - y.year) <= 1),
    bilingual("节假日安排中的日期须在当年或相邻年份", "every date must lie in the year or an adjacent year")
  ),
  Schema.filter(
    (y) => {
      const all = allDates(y)
      return new Set(all).size === all.length
    },
    bilingual("同一日期不能重复列出,也不能既放假又上班", "a date may be listed only once, never both off and worked")
  ),
  Schema.filter(
    (y) =>
      y.makeupWorkdays.every((m: { readonly date: string }) => days.weekdayOfDayNumber(days.dayNumberOf(m.date)) >= 6),
    bilingual("调休上班日必须是星期六或星期日", "a make-up working day must be a Saturday or a Sunday")
  )
).annotations({ identifier: "HolidayYear" })

/**
 * @since 0.1.0
 * @category models
 */
export type HolidayYear = typeof HolidayYear.Type

/**
 * The JSON shape of a {@link HolidayYear} (dates as plain strings), for data files.
 *
 * @since 0.1.0
 * @category models
 */
export type HolidayYearEncoded = typeof HolidayYear.Encoded

// ---------------------------------------------------------------------------
// Results and errors
// ---------------------------------------------------------------------------

/**
 * What kind of day a date is.
 *
 * - `workday` Monday to Friday, not a holiday
 * - `weekend` Saturday or Sunday, not worked
 * - `holiday` a day off of a statutory holiday (法定节假日放假调休), on any weekday
 * - `makeup-workday` a Saturday or Sunday worked instead (调休上班)
 *
 * `holiday` names the holiday (and, for a make-up day, the one it is worked for).
 *
 * @since 0.1.0
 * @category schemas
 */
export const DayKind = Schema.Struct({
  kind: Schema.Literal("workday", "weekend", "holiday", "makeup-workday"),
  holiday: Schema.optional(Schema.String),
  holidayEn: Schema.optional(Schema.String)
}).annotations({ identifier: "DayKind" })

/**
 * @since 0.1.0
 * @category models
 */
export type DayKind = typeof DayKind.Type

/**
 * Which days push the end of a calendar-day period to a later day (民法典 第二百零三条).
 *
 * - `rest-days` (default): any day that is not worked, i.e. weekends not worked
 *   and holidays. This is the usual reading of 法定休假日, which includes the
 *   weekly rest days (公休日), cf. the former 《民通意见》第198条 ("期间的最后一天是星期日或者其他法定休假日…").
 *   The period then ends on the next working day; a 调休 make-up Saturday is a working day.
 * - `statutory-holidays-only`: only holiday days off move the end, to the first
 *   day after the holiday that is not a holiday day (even if it is a weekend).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Rollover = Schema.Literal("rest-days", "statutory-holidays-only").annotations({ identifier: "Rollover" })

/**
 * @since 0.1.0
 * @category models
 */
export type Rollover = typeof Rollover.Type

/**
 * How a period is counted: calendar days (日) or working days (工作日).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PeriodUnit = Schema.Literal("calendar-days", "working-days").annotations({ identifier: "PeriodUnit" })

/**
 * @since 0.1.0
 * @category models
 */
export type PeriodUnit = typeof PeriodUnit.Type

const BilingualText = Schema.Struct({ zh: Schema.String, en: Schema.String })

/**
 * A computed period end with how it was reached, for explanations: the raw end
 * (start + length, start day excluded), what kind of day that was, whether and
 * why it moved, and the legal basis. The deadline is 24:00 on `end`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Deadline = Schema.Struct({
  start: IsoDate,
  length: Schema.Int,
  unit: PeriodUnit,
  rollover: Rollover,
  rawEnd: IsoDate,
  rawEndKind: DayKind,
  end: IsoDate,
  moved: Schema.Boolean,
  /** Days between `rawEnd` and `end`. */
  movedBy: Schema.Int,
  reason: Schema.optional(BilingualText),
  basis: BilingualText
}).annotations({ identifier: "Deadline" })

/**
 * @since 0.1.0
 * @category models
 */
export type Deadline = typeof Deadline.Type

/**
 * A date falls in a year for which the calendar has no holiday data. The caller
 * must supply that year's {@link HolidayYear} (see {@link extend}); the calendar never guesses.
 *
 * @since 0.1.0
 * @category errors
 */
export class CalendarYearNotCovered extends Schema.TaggedError<CalendarYearNotCovered>()("CalendarYearNotCovered", {
  year: Schema.Int,
  /** The years the calendar does cover. */
  covered: Schema.Array(Schema.Int)
}) {
  /** Message in Chinese. */
  get zh(): string {
    return `日历未收录${this.year}年的节假日安排(已收录:${
      describeYears(this.covered) || "无"
    }),请补充该年国务院办公厅节假日安排通知的数据`
  }
  /** Message in English. */
  get en(): string {
    return `the calendar has no holiday data for ${this.year} (covered: ${
      describeYears(this.covered) || "none"
    }); supply that year's State Council notice`
  }
  /** The error in English and Chinese (`en / zh`). */
  override get message(): string {
    return `${this.en} / ${this.zh}`
  }
}

/**
 * Two pieces of holiday data disagree: the same year given twice with different
 * content (pass `{ replace: true }` to {@link extend} to replace it), or one
 * date listed as a day off by one year's data and as a working day by another's.
 *
 * @since 0.1.0
 * @category errors
 */
export class CalendarConflict extends Schema.TaggedError<CalendarConflict>()("CalendarConflict", {
  year: Schema.Int,
  date: Schema.optional(IsoDate)
}) {
  /** Message in Chinese. */
  get zh(): string {
    return this.date === undefined
      ? `${this.year}年的节假日安排重复且内容不同;如需替换,请使用 replace 选项`
      : `节假日数据对${this.date}的安排相互矛盾(涉及${this.year}年)`
  }
  /** Message in English. */
  get en(): string {
    return this.date === undefined
      ? `holiday data for ${this.year} is given twice with different content; pass { replace: true } to replace it`
      : `holiday data disagree about ${this.date} (year ${this.year})`
  }
  /** The error in English and Chinese (`en / zh`). */
  override get message(): string {
    return `${this.en} / ${this.zh}`
  }
}

const describeYears = (years: ReadonlyArray<number>): string => {
  if (years.length === 0) return ""
  const parts: Array<string> = []
  let from = years[0]!
  let prev = from
  for (const y of [...years.slice(1), Number.NaN]) {
    if (y === prev + 1) {
      prev = y
      continue
    }
    parts.push(from === prev ? String(from) : `${from}–${prev}`)
    from = y
    prev = y
  }
  return parts.join(", ")
}

// ---------------------------------------------------------------------------
// The service
// ---------------------------------------------------------------------------

/**
 * Legal basis of {@link periodEnd} for calendar-day periods.
 *
 * @since 0.1.0
 * @category constants
 */
export const calendarDaysBasis: Bilingual = {
  zh: "《中华人民共和国民法典》第二百零一条:按照年、月、日计算期间的,开始的当日不计入,自下一日开始计算;" +
    "第二百零三条:期间的最后一日是法定休假日的,以法定休假日结束的次日为期间的最后一日,期间的最后一日的截止时间为二十四时。",
  en: "Civil Code of the PRC, art. 201: a period counted in days excludes the day it starts and begins the next day; " +
    "art. 203: if its last day is a statutory rest day, the period ends on the day after the rest day(s); the last day ends at 24:00."
}

/**
 * Legal basis of {@link periodEnd} for working-day periods.
 *
 * @since 0.1.0
 * @category constants
 */
export const workingDaysBasis: Bilingual = {
  zh: "按工作日计算的期间,开始的当日不计入(《民法典》第二百零一条);工作日指星期一至星期五," +
    "不含法定节假日放假日,含国务院办公厅节假日安排通知确定的调休上班日。",
  en: "A period in working days excludes the day it starts (Civil Code art. 201); working days are Monday to Friday, " +
    "without holiday days off and with the make-up working days set by the State Council's annual holiday notice."
}

/**
 * Options of a calendar.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** What moves the end of a calendar-day period; default `"rest-days"`. */
  readonly rollover?: Rollover | undefined
}

/**
 * The calendar as a pure value. Every method is total: it answers with an
 * `Either` and never throws.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The years covered, ascending. */
  readonly years: ReadonlyArray<number>
  /** The data the calendar was built from, one entry per year, ascending. */
  readonly data: ReadonlyArray<HolidayYear>
  /** The default roll-over rule of {@link Service.periodEnd}. */
  readonly rollover: Rollover
  /** Whether the date's year has data. */
  readonly covers: (date: IsoDate) => boolean
  /** Workday, weekend, holiday or make-up working day. */
  readonly dayKind: (date: IsoDate) => Either.Either<DayKind, CalendarYearNotCovered>
  /** Workdays and make-up working days. */
  readonly isWorkingDay: (date: IsoDate) => Either.Either<boolean, CalendarYearNotCovered>
  /**
   * The `n`-th working day after `date`, the date itself not counted
   * (`n = 1` is the next working day); with `n < 0` the `|n|`-th working day
   * before it; `n = 0` returns `date`. `n` must be an integer.
   */
  readonly addWorkingDays: (date: IsoDate, n: number) => Either.Either<IsoDate, CalendarYearNotCovered | InvalidInput>
  /**
   * The working days after `from` up to and including `to`; when `to` is before
   * `from`, minus the working days from `to` up to but excluding `from`. So
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
   */
  readonly workingDaysBetween: (from: IsoDate, to: IsoDate) => Either.Either<number, CalendarYearNotCovered>
  /** The last day of a period; see {@link periodEnd}. */
  readonly periodEnd: (
    start: IsoDate,
    length: number,
    unit: PeriodUnit,
    options?: Options
  ) => Either.Either<IsoDate, CalendarYearNotCovered | InvalidInput>
  /** {@link Service.periodEnd} with how the end was reached. */
  readonly deadline: (
    start: IsoDate,
    length: number,
    unit: PeriodUnit,
    options?: Options
  ) => Either.Either<Deadline, CalendarYearNotCovered | InvalidInput>
}

/**
 * The calendar service. Provide it with {@link layer}; pure code takes the
 * {@link Service} value itself.
 *
 * @since 0.1.0
 * @category tags
 */
export class Calendar extends Context.Tag("@gsyf/core/Calendar")<Calendar, Service>() {}

// ---------------------------------------------------------------------------
// Construction
// ---------------------------------------------------------------------------

const validateYears = Schema.validateEither(Schema.Array(HolidayYear), { errors: "all", onExcessProperty: "error" })

const canonical = (u: unknown): string =>
  JSON.stringify(u, (_k, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      )
      : v)

const sameData = (a: HolidayYear, b: HolidayYear): boolean => canonical(a) === canonical(b)

const build = (years: ReadonlyArray<HolidayYear>, rollover: Rollover): Either.Either<Service, CalendarConflict> => {
  const entries = new Map<number, table.DayEntry>()
  for (const y of years) {
    const put = (date: IsoDate, kind: typeof table.HOLIDAY | typeof table.MAKEUP, label: table.Label | undefined) => {
      const n = days.dayNumberOf(date)
      const prev = entries.get(n)
      if (prev !== undefined) {
        if (prev.kind !== kind) return new CalendarConflict({ year: y.year, date })
        return undefined
      }
      entries.set(n, { kind, label, year: y.year })
      return undefined
    }
    const names = new Map(y.holidays.map((h) => [h.name, h.nameEn] as const))
    for (const h of y.holidays) {
      for (const d of h.dates) {
        const conflict = put(d, table.HOLIDAY, { zh: h.name, en: h.nameEn })
        if (conflict) return Either.left(conflict)
      }
    }
    for (const m of y.makeupWorkdays) {
      const label = m.holiday === undefined ? undefined : { zh: m.holiday, en: names.get(m.holiday) }
      const conflict = put(m.date, table.MAKEUP, label)
      if (conflict) return Either.left(conflict)
    }
  }
  const t = table.build(years.map((y) => y.year), entries)
  return Either.right(makeService(t, years, rollover))
}

/**
 * Builds a calendar from holiday data. Fails with {@link InvalidInput} when a
 * year does not pass the {@link HolidayYear} checks and with
 * {@link CalendarConflict} when the same year is given twice with different
 * content or two years disagree about a date.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  years: ReadonlyArray<HolidayYear>,
  options: Options = {}
): Either.Either<Service, InvalidInput | CalendarConflict> =>
  Either.gen(function*() {
    const valid = yield* Either.mapLeft(validateYears(years), (e) => fromParseError("Calendar.make", e))
    const byYear = new Map<number, HolidayYear>()
    for (const y of valid) {
      const prev = byYear.get(y.year)
      if (prev !== undefined && !sameData(prev, y)) return yield* Either.left(new CalendarConflict({ year: y.year }))
      byYear.set(y.year, y)
    }
    const sorted = [...byYear.values()].sort((a, b) => a.year - b.year)
    return yield* build(sorted, options.rollover ?? "rest-days")
  })

/**
 * Adds years to a calendar, e.g. next year's notice once it is published.
 * A year the calendar already has is accepted when identical, replaced when
 * `replace` is `true`, and otherwise a {@link CalendarConflict}. The roll-over
 * rule of the calendar is kept.
 *
 * @since 0.1.0
 * @category combinators
 */
export const extend = (
  calendar: Service,
  years: ReadonlyArray<HolidayYear>,
  options: { readonly replace?: boolean | undefined } = {}
): Either.Either<Service, InvalidInput | CalendarConflict> =>
  Either.gen(function*() {
    const valid = yield* Either.mapLeft(validateYears(years), (e) => fromParseError("Calendar.extend", e))
    const byYear = new Map<number, HolidayYear>(calendar.data.map((y) => [y.year, y]))
    const added = new Map<number, HolidayYear>()
    for (const y of valid) {
      const again = added.get(y.year)
      if (again !== undefined) {
        if (!sameData(again, y)) return yield* Either.left(new CalendarConflict({ year: y.year }))
        continue
      }
      const prev = byYear.get(y.year)
      if (prev !== undefined && !sameData(prev, y) && options.replace !== true) {
        return yield* Either.left(new CalendarConflict({ year: y.year }))
      }
      added.set(y.year, y)
      byYear.set(y.year, y)
    }
    return yield* make([...byYear.values()], { rollover: calendar.rollover })
  })

/**
 * A layer providing the {@link Calendar} built by {@link make}.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  years: ReadonlyArray<HolidayYear>,
  options: Options = {}
): Layer.Layer<Calendar, InvalidInput | CalendarConflict> => Layer.effect(Calendar, make(years, options))

/**
 * A layer providing an already built calendar.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerOf = (calendar: Service): Layer.Layer<Calendar> => Layer.succeed(Calendar, calendar)

// ---------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------

const KIND_NAMES = ["workday", "workday", "weekend", "holiday", "makeup-workday"] as const

/** The kind of a covered day, with the holiday's name when it has one. */
const kindAt = (t: table.Table, n: number): DayKind => {
  const kind = KIND_NAMES[table.kindAt(t, n)]
  const label = t.labels.get(n)
  if (label === undefined) return { kind }
  return label.en === undefined ? { kind, holiday: label.zh } : { kind, holiday: label.zh, holidayEn: label.en }
}

/**
 * The day a period's raw end moves to under the rollover rule (the raw end itself when it is not a rest day), or
 * the first day met that the table does not cover.
 */
const rolledEnd = (t: table.Table, rawN: number, rollover: Rollover): { end: number } | { uncovered: number } => {
  const moves = (k: number) =>
    rollover === "rest-days" ? k === table.WEEKEND || k === table.HOLIDAY : k === table.HOLIDAY
  let end = rawN
  while (moves(table.kindAt(t, end))) {
    end++
    if (table.kindAt(t, end) === table.UNCOVERED) return { uncovered: end }
  }
  return { end }
}

/** Why a period's end moved: the raw end was a statutory holiday or a weekend rest day. */
const rolloverReason = (rawEnd: IsoDate, rawEndKind: DayKind, end: IsoDate, rollover: Rollover): Bilingual => {
  const target = rollover === "rest-days" ? "下一个工作日" : "节假日结束的次日"
  const targetEn = rollover === "rest-days" ? "the next working day" : "the first day after the holiday"
  return rawEndKind.kind === "holiday"
    ? {
      zh: `期间的最后一日${rawEnd}是法定节假日(${rawEndKind.holiday ?? "节假日"}),顺延至${target}${end}`,
      en: `the last day ${rawEnd} is a statutory holiday (${
        rawEndKind.holidayEn ?? rawEndKind.holiday ?? "holiday"
      }); moved to ${targetEn}, ${end}`
    }
    : {
      zh: `期间的最后一日${rawEnd}是休息日(周末),顺延至${target}${end}`,
      en: `the last day ${rawEnd} is a weekend rest day; moved to ${targetEn}, ${end}`
    }
}

/** A deadline from its raw end (covered) and the day it moved to, with the reason when it moved. */
const deadlineOf = (
  t: table.Table,
  period: { readonly start: IsoDate; readonly length: number; readonly unit: PeriodUnit; readonly rollover: Rollover },
  rawN: number,
  endN: number
): Deadline => {
  const rawEnd = days.formatDayNumber(rawN) as IsoDate
  const rawEndKind = kindAt(t, rawN)
  const end = days.formatDayNumber(endN) as IsoDate
  const base = {
    ...period,
    rawEnd,
    rawEndKind,
    end,
    moved: endN !== rawN,
    movedBy: endN - rawN,
    basis: period.unit === "calendar-days" ? calendarDaysBasis : workingDaysBasis
  }
  return endN === rawN ? base : { ...base, reason: rolloverReason(rawEnd, rawEndKind, end, period.rollover) }
}

const checkInt = (subject: string, field: string, n: number, min: number): InvalidInput | undefined =>
  Number.isSafeInteger(n) && n >= min
    ? undefined
    : single(
      subject,
      field,
      min === 0 ? `须为非负整数:${n}` : `须为整数:${n}`,
      min === 0 ? `must be a non-negative integer: ${n}` : `must be an integer: ${n}`
    )

const makeService = (t: table.Table, data: ReadonlyArray<HolidayYear>, defaultRollover: Rollover): Service => {
  const years = [...t.years].sort((a, b) => a - b)
  const notCovered = (year: number) => new CalendarYearNotCovered({ year, covered: years })

  const covers = (date: IsoDate) => t.years.has(days.unsafeParts(date)[0])

  const dayKind = (date: IsoDate): Either.Either<DayKind, CalendarYearNotCovered> => {
    const n = days.dayNumberOf(date)
    return table.kindAt(t, n) === table.UNCOVERED
      ? Either.left(notCovered(days.unsafeParts(date)[0]))
      : Either.right(kindAt(t, n))
  }

  const isWorkingDay = (date: IsoDate): Either.Either<boolean, CalendarYearNotCovered> => {
    const k = table.kindAt(t, days.dayNumberOf(date))
    return k === table.UNCOVERED ? Either.left(notCovered(days.unsafeParts(date)[0])) : Either.right(table.isWorking(k))
  }

  const addWorkingDaysN = (n0: number, n: number): Either.Either<number, CalendarYearNotCovered> => {
    const walk = table.addWorkingDays(t, n0, n)
    return walk.ok ? Either.right(walk.day) : Either.left(notCovered(walk.year))
  }

  const addWorkingDays = (date: IsoDate, n: number): Either.Either<IsoDate, CalendarYearNotCovered | InvalidInput> => {
    const bad = checkInt("Calendar.addWorkingDays", "n", n, Number.MIN_SAFE_INTEGER)
    if (bad) return Either.left(bad)
    return Either.map(addWorkingDaysN(days.dayNumberOf(date), n), (x) => days.formatDayNumber(x) as IsoDate)
  }

  const workingDaysBetween = (from: IsoDate, to: IsoDate): Either.Either<number, CalendarYearNotCovered> => {
    const walk = table.workingDaysBetween(t, days.dayNumberOf(from), days.dayNumberOf(to))
    return walk.ok ? Either.right(walk.day) : Either.left(notCovered(walk.year))
  }

  const deadline = (
    start: IsoDate,
    length: number,
    unit: PeriodUnit,
    options: Options = {}
  ): Either.Either<Deadline, CalendarYearNotCovered | InvalidInput> => {
    const bad = checkInt("Calendar.periodEnd", "length", length, 0)
    if (bad) return Either.left(bad)
    const rollover = options.rollover ?? defaultRollover
    const s = days.dayNumberOf(start)
    const raw = unit === "calendar-days" ? Either.right(s + length) : addWorkingDaysN(s, length)
    return Either.flatMap(raw, (rawN) => {
      if (table.kindAt(t, rawN) === table.UNCOVERED) return Either.left(notCovered(days.fromDayNumber(rawN)[0]))
      const rolled = rolledEnd(t, rawN, rollover)
      return "uncovered" in rolled
        ? Either.left(notCovered(days.fromDayNumber(rolled.uncovered)[0]))
        : Either.right(deadlineOf(t, { start, length, unit, rollover }, rawN, rolled.end))
    })
  }

  const periodEnd = (
    start: IsoDate,
    length: number,
    unit: PeriodUnit,
    options: Options = {}
  ): Either.Either<IsoDate, CalendarYearNotCovered | InvalidInput> =>
    Either.map(deadline(start, length, unit, options), (d) => d.end)

  return {
    years,
    data,
    rollover: defaultRollover,
    covers,
    dayKind,
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
    periodEnd,
    deadline
  }
}

/**
 * The last day of a period that starts on `start` (民法典 第二百零一条至第二百零三条):
 *
 * - the start day is not counted; the period begins the next day (第201条);
 * - `calendar-days`: the raw end is `start + length`; if that day is a rest day
 *   it moves to the day after the rest ends (第203条). What counts as a rest day
 *   is the calendar's {@link Rollover} rule (default `rest-days`: weekends not
 *   worked and holidays), overridable per call;
 * - `working-days`: the end is the `length`-th working day after `start`
 *   ({@link Service.addWorkingDays}); a 调休 make-up Saturday counts, holidays and
 *   ordinary weekends do not. `length = 0` gives `start`, rolled like a calendar-day end.
 *
 * The deadline is 24:00 on the returned day (第203条第二款). `length` must be a
 * non-negative integer.
 *
 * @since 0.1.0
 * @category combinators
 */
export const periodEnd = (
  calendar: Service,
  start: IsoDate,
  length: number,
  unit: PeriodUnit,
  options?: Options
): Either.Either<IsoDate, CalendarYearNotCovered | InvalidInput> => calendar.periodEnd(start, length, unit, options)

/**
 * {@link periodEnd} with how the end was computed (raw end, whether and why it moved, legal basis).
 *
 * @since 0.1.0
 * @category combinators
 */
export const deadline = (
  calendar: Service,
  start: IsoDate,
  length: number,
  unit: PeriodUnit,
  options?: Options
): Either.Either<Deadline, CalendarYearNotCovered | InvalidInput> => calendar.deadline(start, length, unit, options)

/**
 * Decodes one year of holiday data from unknown input (e.g. a JSON file with
 * next year's notice), reporting every problem in Chinese and English.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeHolidayYear = (input: unknown): Either.Either<HolidayYear, InvalidInput> =>
  Either.flatMap(checkDepth("HolidayYear", input), (checked) =>
    Either.mapLeft(
      Schema.decodeUnknownEither(HolidayYear, { errors: "all", onExcessProperty: "error" })(checked),
      (e) => fromParseError("HolidayYear", e)
    ))
