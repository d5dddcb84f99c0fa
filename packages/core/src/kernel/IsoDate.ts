/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, and instants as ISO 8601 strings
 * with an explicit offset.
 *
 * An {@link IsoDate} is a branded string, so it serialises as itself, sorts
 * correctly as a string and compares with `===`. All arithmetic goes through
 * integer day numbers (proleptic Gregorian calendar, years 0001–9999), never
 * through `Date`, so there are no time zone or daylight-saving traps.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import type * as Ord from "effect/Order"
import * as Schema from "effect/Schema"
import type { Bilingual } from "./InputError.js"
import { bilingual } from "./InputError.js"
import * as days from "./internal/days.js"

/**
 * Schema for a calendar date written `YYYY-MM-DD`. Rejects other shapes and
 * impossible dates (`2026-02-30`, `2025-13-01`) with a message in Chinese and English.
 *
 * @since 0.1.0
 * @category schemas
 */
export const IsoDate = Schema.String.pipe(
  Schema.filter(days.hasDateShape, bilingual("日期格式应为 YYYY-MM-DD", "a date must be written YYYY-MM-DD")),
  Schema.filter(
    (s) => days.parseYmd(s) !== undefined,
    bilingual("日期不存在(月份或日数超出范围)", "no such calendar date (month or day out of range)")
  ),
  Schema.brand("@gsyf/core/IsoDate")
).annotations({ identifier: "IsoDate", description: "A calendar date, YYYY-MM-DD" })

/**
 * A calendar date, e.g. `"2026-10-01"`.
 *
 * @since 0.1.0
 * @category models
 */
export type IsoDate = typeof IsoDate.Type

/**
 * @since 0.1.0
 * @category guards
 */
export const isIsoDate = (u: unknown): u is IsoDate => typeof u === "string" && days.parseYmd(u) !== undefined

const notADate = (input: string): Bilingual => ({
  zh: `不是有效的日期(YYYY-MM-DD):${JSON.stringify(input)}`,
  en: `not a valid date (YYYY-MM-DD): ${JSON.stringify(input)}`
})

/**
 * Reads a `YYYY-MM-DD` string.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromString = (input: string): Either.Either<IsoDate, Bilingual> =>
  days.parseYmd(input) === undefined ? Either.left(notADate(input)) : Either.right(input as IsoDate)

/**
 * Reads a trusted `YYYY-MM-DD` literal; throws when it is not a real date. For constants in code and tests.
 *
 * @since 0.1.0
 * @category constructors
 */
export const unsafeFromString = (input: string): IsoDate =>
  Either.getOrThrowWith(fromString(input), (p) => new Error(p.en))

/**
 * Builds a date from year, month (1–12) and day (1–31); fails for impossible dates.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (year: number, month: number, day: number): Either.Either<IsoDate, Bilingual> => {
  if (
    !Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) ||
    year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days.daysInMonth(year, month)
  ) {
    return Either.left({
      zh: `日期不存在:${year}年${month}月${day}日`,
      en: `no such calendar date: year ${year}, month ${month}, day ${day}`
    })
  }
  return Either.right(days.formatYmd(year, month, day) as IsoDate)
}

/**
 * {@link make} for trusted values; throws for impossible dates.
 *
 * @since 0.1.0
 * @category constructors
 */
export const unsafeMake = (year: number, month: number, day: number): IsoDate =>
  Either.getOrThrowWith(make(year, month, day), (p) => new Error(p.en))

/**
 * The number of days since 1970-01-01 (negative before). Useful as a compact key.
 *
 * @since 0.1.0
 * @category getters
 */
export const toDayNumber = (date: IsoDate): number => days.dayNumberOf(date)

/**
 * The date of a day number (days since 1970-01-01). The result must lie in years 0001–9999.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromDayNumber = (dayNumber: number): IsoDate => days.formatDayNumber(dayNumber) as IsoDate

/**
 * @since 0.1.0
 * @category getters
 */
export const year = (date: IsoDate): number => days.unsafeParts(date)[0]

/**
 * The month, 1 (January) to 12 (December).
 *
 * @since 0.1.0
 * @category getters
 */
export const month = (date: IsoDate): number => days.unsafeParts(date)[1]

/**
 * The day of the month, 1 to 31.
 *
 * @since 0.1.0
 * @category getters
 */
export const day = (date: IsoDate): number => days.unsafeParts(date)[2]

/**
 * ISO weekday: 1 = Monday (星期一) … 6 = Saturday, 7 = Sunday (星期日).
 *
 * @since 0.1.0
 * @category getters
 */
export const dayOfWeek = (date: IsoDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 =>
  days.weekdayOfDayNumber(days.dayNumberOf(date)) as 1 | 2 | 3 | 4 | 5 | 6 | 7

/**
 * Saturday or Sunday.
 *
 * @since 0.1.0
 * @category getters
 */
export const isWeekend = (date: IsoDate): boolean => dayOfWeek(date) >= 6

/**
 * The date `n` days later (earlier when `n` is negative). `n` must be an integer.
 *
 * @since 0.1.0
 * @category combinators
 */
export const addDays = (date: IsoDate, n: number): IsoDate => fromDayNumber(days.dayNumberOf(date) + n)

/**
 * The date `n` months later (earlier when `n` is negative), keeping the day of the month.
 *
 * When the target month is shorter the result **clamps to its last day**:
 * `2026-01-31` + 1 month = `2026-02-28`, `2024-01-31` + 1 month = `2024-02-29`,
 * `2026-03-31` − 1 month = `2026-02-28`. This is the rule of 民法典 第二百零二条
 * for periods counted in months: "到期月的对应日为期间的最后一日;没有对应日的,月末日为期间的最后一日".
 * Because of the clamp, adding months is not reversible: (01-31 + 1) − 1 = 01-28.
 *
 * @since 0.1.0
 * @category combinators
 */
export const addMonths = (date: IsoDate, n: number): IsoDate => {
  const [y, m, d] = days.unsafeParts(date)
  const index = y * 12 + (m - 1) + n
  const ty = Math.floor(index / 12)
  const tm = index - ty * 12 + 1
  return days.formatYmd(ty, tm, Math.min(d, days.daysInMonth(ty, tm))) as IsoDate
}

/**
 * The number of days from `from` to `to`: positive when `to` is later, e.g.
 * `diffDays("2026-01-01", "2026-01-11") === 10`.
 *
 * @since 0.1.0
 * @category comparisons
 */
export const diffDays = (from: IsoDate, to: IsoDate): number => days.dayNumberOf(to) - days.dayNumberOf(from)

/**
 * @since 0.1.0
 * @category comparisons
 */
export const compare = (a: IsoDate, b: IsoDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Chronological order, for `effect/Array` sorting and friends.
 *
 * @since 0.1.0
 * @category comparisons
 */
export const Order: Ord.Order<IsoDate> = (a, b) => compare(a, b)

/**
 * @since 0.1.0
 * @category comparisons
 */
export const isBefore = (a: IsoDate, b: IsoDate): boolean => a < b

/**
 * @since 0.1.0
 * @category comparisons
 */
export const isAfter = (a: IsoDate, b: IsoDate): boolean => a > b

/**
 * The earlier of two dates.
 *
 * @since 0.1.0
 * @category comparisons
 */
export const min = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b)

/**
 * The later of two dates.
 *
 * @since 0.1.0
 * @category comparisons
 */
export const max = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b)

/**
 * The first day of the date's month.
 *
 * @since 0.1.0
 * @category combinators
 */
export const startOfMonth = (date: IsoDate): IsoDate => (date.slice(0, 8) + "01") as IsoDate

/**
 * The last day of the date's month (28, 29, 30 or 31).
 *
 * @since 0.1.0
 * @category combinators
 */
export const endOfMonth = (date: IsoDate): IsoDate => {
  const [y, m] = days.unsafeParts(date)
  return days.formatYmd(y, m, days.daysInMonth(y, m)) as IsoDate
}

/**
 * Schema for a UTC offset written `+HH:MM`, `-HH:MM` or `Z` (at most ±18:00).
 *
 * @since 0.1.0
 * @category schemas
 */
export const UtcOffset = Schema.String.pipe(
  Schema.filter(
    (s) => days.parseOffset(s) !== undefined,
    bilingual("时区偏移应写作 +HH:MM、-HH:MM 或 Z", "a UTC offset must be written +HH:MM, -HH:MM or Z")
  ),
  Schema.brand("@gsyf/core/UtcOffset")
).annotations({ identifier: "UtcOffset" })

/**
 * A UTC offset such as `"+08:00"`.
 *
 * @since 0.1.0
 * @category models
 */
export type UtcOffset = typeof UtcOffset.Type

/**
 * China Standard Time (北京时间), UTC+08:00, the default offset of {@link dateOf}.
 *
 * @since 0.1.0
 * @category constants
 */
export const chinaStandardTime: UtcOffset = "+08:00" as UtcOffset

/**
 * Schema for an instant written in ISO 8601 with seconds optional, fractions
 * optional and an explicit offset or `Z`, e.g. `2026-03-02T09:30:00+08:00` or
 * `2026-03-02T01:30:00.000Z`. Local times without an offset are rejected: they
 * do not name an instant.
 *
 * @since 0.1.0
 * @category schemas
 */
export const IsoDateTime = Schema.String.pipe(
  Schema.filter(
    (s) => days.parseInstant(s) !== undefined,
    bilingual(
      "时间应为带时区的 ISO 8601 格式,如 2026-03-02T09:30:00+08:00",
      "an instant must be ISO 8601 with an offset or Z, e.g. 2026-03-02T09:30:00+08:00"
    )
  ),
  Schema.brand("@gsyf/core/IsoDateTime")
).annotations({ identifier: "IsoDateTime", description: "An instant, ISO 8601 with offset" })

/**
 * An instant, e.g. `"2026-03-02T09:30:00+08:00"`.
 *
 * @since 0.1.0
 * @category models
 */
export type IsoDateTime = typeof IsoDateTime.Type

/**
 * The calendar date of an instant as seen at a UTC offset (北京时间 by default):
 * `dateOf("2026-03-01T18:00:00Z")` is `2026-03-02`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const dateOf = (instant: IsoDateTime, offset: UtcOffset = chinaStandardTime): IsoDate => {
  // the last answer is kept: deciding a command asks for the date of its instant more than once
  if (instant === lastDateOf.instant && offset === lastDateOf.offset) return lastDateOf.date
  const parts = days.parseInstant(instant)!
  const target = days.parseOffset(offset)!
  const minutes = parts.dayNumber * 1440 + parts.minuteOfDay - parts.offsetMinutes + target
  const date = fromDayNumber(Math.floor(minutes / 1440))
  lastDateOf = { instant, offset, date }
  return date
}
let lastDateOf: { readonly instant: string; readonly offset: string; readonly date: IsoDate } = {
  instant: "",
  offset: "",
  date: "" as IsoDate
}
