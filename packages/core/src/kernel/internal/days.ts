/**
 * Proleptic Gregorian calendar arithmetic on integer day numbers (days since
 * 1970-01-01). No `Date`, so no time zone or DST traps.
 *
 * @internal
 */

/** @internal */
export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** @internal */
export const daysInMonth = (y: number, m: number): number => (m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]!)

/** Day number of a civil date (H. Hinnant's `days_from_civil`). @internal */
export const toDayNumber = (y: number, m: number, d: number): number => {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const mp = (m + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Civil date of a day number (H. Hinnant's `civil_from_days`). @internal */
export const fromDayNumber = (n: number): readonly [number, number, number] => {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return [y, m, d]
}

/** ISO weekday, 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. @internal */
export const weekdayOfDayNumber = (n: number): number => {
  const r = (((n + 3) % 7) + 7) % 7
  return r + 1
}

const pad2 = (n: number): string => (n < 10 ? "0" + n : String(n))
const pad4 = (n: number): string => (n < 10 ? "000" + n : n < 100 ? "00" + n : n < 1000 ? "0" + n : String(n))

/** @internal */
export const formatYmd = (y: number, m: number, d: number): string => `${pad4(y)}-${pad2(m)}-${pad2(d)}`

/** @internal */
export const formatDayNumber = (n: number): string => {
  const [y, m, d] = fromDayNumber(n)
  return formatYmd(y, m, d)
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Checks the `YYYY-MM-DD` shape only. @internal */
export const hasDateShape = (s: string): boolean => DATE_RE.test(s)

/** Parses `YYYY-MM-DD` into its parts when it names a real date of years 0001–9999. @internal */
export const parseYmd = (s: string): readonly [number, number, number] | undefined => {
  const match = DATE_RE.exec(s)
  if (match === null) return undefined
  const y = Number(match[1])
  const m = Number(match[2])
  const d = Number(match[3])
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined
  return [y, m, d]
}

/** Parses a string already known to be a valid date, without checks (hot paths). @internal */
export const unsafeParts = (s: string): readonly [number, number, number] => [
  (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48),
  (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48),
  (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48)
]

/**
 * Whole calendar days from `from` to `to` (negative when `to` is earlier). The start
 * day is not counted (《民法典》第二百零一条), so 2024-03-01 → 2024-03-11 is 10 days.
 * Throws on an invalid date. @internal
 */
export const between = (from: string, to: string): number => {
  const a = parseYmd(from)
  const b = parseYmd(to)
  if (a === undefined || b === undefined) throw new RangeError(`not a valid ISO date: ${a === undefined ? from : to}`)
  return toDayNumber(...b) - toDayNumber(...a)
}

/** Day number of a string already known to be a valid date. @internal */
export const dayNumberOf = (s: string): number => {
  const [y, m, d] = unsafeParts(s)
  return toDayNumber(y, m, d)
}

const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/

/** @internal */
export interface InstantParts {
  readonly dayNumber: number
  /** Minutes since local midnight. */
  readonly minuteOfDay: number
  /** Offset from UTC in minutes (east positive). */
  readonly offsetMinutes: number
}

/** Parses `+HH:MM`, `-HH:MM` or `Z` into minutes east of UTC (at most ±18:00). @internal */
export const parseOffset = (s: string): number | undefined => {
  if (s === "Z") return 0
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(s)
  if (match === null) return undefined
  const h = Number(match[2])
  const min = Number(match[3])
  if (min > 59 || h * 60 + min > 18 * 60) return undefined
  return (match[1] === "-" ? -1 : 1) * (h * 60 + min)
}

/**
 * Parses an ISO 8601 instant with an explicit offset or `Z`. The last answer is kept: a command's instant is read
 * several times while it is decoded and decided. @internal
 */
export const parseInstant = (s: string): InstantParts | undefined => {
  if (s !== lastInstant) {
    lastParts = parseInstantUncached(s)
    lastInstant = s
  }
  return lastParts
}
let lastInstant: string | undefined
let lastParts: InstantParts | undefined

const parseInstantUncached = (s: string): InstantParts | undefined => {
  const match = DATETIME_RE.exec(s)
  if (match === null) return undefined
  const date = parseYmd(`${match[1]}-${match[2]}-${match[3]}`)
  if (date === undefined) return undefined
  const h = Number(match[4])
  const min = Number(match[5])
  const sec = match[6] === undefined ? 0 : Number(match[6])
  if (h > 23 || min > 59 || sec > 59) return undefined
  const offsetMinutes = parseOffset(match[8]!)
  if (offsetMinutes === undefined) return undefined
  return { dayNumber: toDayNumber(date[0], date[1], date[2]), minuteOfDay: h * 60 + min, offsetMinutes }
}
