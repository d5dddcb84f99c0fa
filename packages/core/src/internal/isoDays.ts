/**
 * A small, self-contained reader of ISO calendar dates (`YYYY-MM-DD`) and the
 * count of whole calendar days between two of them, for the procurement rules.
 * No `Date`, so no time zone can shift a day.
 *
 * @internal
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

const monthLength = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31

/** Parts of a valid date, or `undefined`. @internal */
export const parse = (s: string): readonly [number, number, number] | undefined => {
  const m = DATE_RE.exec(s)
  if (m === null) return undefined
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > monthLength(y, mo)) return undefined
  return [y, mo, d]
}

/** @internal */
export const isValid = (s: string): boolean => parse(s) !== undefined

/** Days since 1970-01-01 of a civil date (proleptic Gregorian). @internal */
export const dayNumber = (y: number, m: number, d: number): number => {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/**
 * Whole calendar days from `from` to `to` (negative when `to` is earlier).
 * The start day is not counted (《民法典》第二百零一条: 开始的当日不计入), so
 * 2024-03-01 → 2024-03-11 is 10 days. Both must be valid dates.
 *
 * @internal
 */
export const between = (from: string, to: string): number => {
  const a = parse(from)
  const b = parse(to)
  if (a === undefined || b === undefined) throw new RangeError(`not a valid ISO date: ${a === undefined ? from : to}`)
  return dayNumber(b[0], b[1], b[2]) - dayNumber(a[0], a[1], a[2])
}
