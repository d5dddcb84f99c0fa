/**
 * The lookup table behind a Calendar: one byte per day over the covered years,
 * plus a prefix sum of working days, so that day kinds are O(1) and counting
 * working days between two dates is O(years spanned).
 *
 * @internal
 */
import * as days from "./days.js"

/** @internal */
export const UNCOVERED = 0
/** @internal */
export const WORKDAY = 1
/** @internal */
export const WEEKEND = 2
/** @internal */
export const HOLIDAY = 3
/** @internal */
export const MAKEUP = 4

/** @internal */
export type KindCode = 0 | 1 | 2 | 3 | 4

/** @internal */
export interface Label {
  readonly zh: string
  readonly en: string | undefined
}

/** @internal */
export interface DayEntry {
  readonly kind: typeof HOLIDAY | typeof MAKEUP
  readonly label: Label | undefined
  readonly year: number
}

/** @internal */
export interface Table {
  readonly years: ReadonlySet<number>
  readonly start: number
  readonly kinds: Uint8Array
  /** prefix[i] = working days among kinds[0 .. i-1]. */
  readonly prefix: Int32Array
  readonly labels: ReadonlyMap<number, Label>
}

/** @internal */
export const isWorking = (k: number): boolean => k === WORKDAY || k === MAKEUP

/** Builds the table; `entries` must already be free of conflicts. @internal */
export const build = (years: ReadonlyArray<number>, entries: ReadonlyMap<number, DayEntry>): Table => {
  const sorted = [...new Set(years)].sort((a, b) => a - b)
  const labels = new Map<number, Label>()
  if (sorted.length === 0) {
    return { years: new Set(), start: 0, kinds: new Uint8Array(0), prefix: new Int32Array(1), labels }
  }
  const first = sorted[0]!
  const last = sorted[sorted.length - 1]!
  const start = days.toDayNumber(first, 1, 1)
  const end = days.toDayNumber(last + 1, 1, 1)
  const kinds = new Uint8Array(end - start)
  const covered = new Set(sorted)
  for (const y of sorted) {
    const from = days.toDayNumber(y, 1, 1)
    const to = days.toDayNumber(y + 1, 1, 1)
    for (let n = from; n < to; n++) kinds[n - start] = days.weekdayOfDayNumber(n) >= 6 ? WEEKEND : WORKDAY
  }
  for (const [n, entry] of entries) {
    if (n < start || n >= end || kinds[n - start] === UNCOVERED) continue
    kinds[n - start] = entry.kind
    if (entry.label !== undefined) labels.set(n, entry.label)
  }
  const prefix = new Int32Array(kinds.length + 1)
  for (let i = 0; i < kinds.length; i++) prefix[i + 1] = prefix[i]! + (isWorking(kinds[i]!) ? 1 : 0)
  return { years: covered, start, kinds, prefix, labels }
}

/** @internal */
export const kindAt = (t: Table, n: number): KindCode => {
  const i = n - t.start
  return (i < 0 || i >= t.kinds.length ? UNCOVERED : t.kinds[i]!) as KindCode
}

/** Working days in [start, n]. @internal */
const P = (t: Table, n: number): number => {
  const i = n - t.start
  if (i < 0) return 0
  if (i >= t.kinds.length) return t.prefix[t.kinds.length]!
  return t.prefix[i + 1]!
}

/** The first year in [from, to] (day numbers) that is not covered, scanning in the given direction. @internal */
export const firstUncoveredYear = (t: Table, from: number, to: number, backwards: boolean): number | undefined => {
  if (from > to) return undefined
  const y1 = days.fromDayNumber(from)[0]
  const y2 = days.fromDayNumber(to)[0]
  if (!backwards) {
    for (let y = y1; y <= y2; y++) if (!t.years.has(y)) return y
  } else {
    for (let y = y2; y >= y1; y--) if (!t.years.has(y)) return y
  }
  return undefined
}

/** Result of a walk: the day reached, or the first uncovered year met. @internal */
export type Walk = { readonly ok: true; readonly day: number } | { readonly ok: false; readonly year: number }

/** The `n`-th working day after `d` (before it when `n < 0`), `d` excluded. @internal */
export const addWorkingDays = (t: Table, d: number, n: number): Walk => {
  if (n === 0) return { ok: true, day: d }
  const step = n > 0 ? 1 : -1
  let left = n > 0 ? n : -n
  let x = d
  const kinds = t.kinds
  const start = t.start
  const len = kinds.length
  while (left > 0) {
    x += step
    const i = x - start
    const k = i < 0 || i >= len ? UNCOVERED : kinds[i]!
    if (k === UNCOVERED) return { ok: false, year: days.fromDayNumber(x)[0] }
    if (k === WORKDAY || k === MAKEUP) left--
  }
  return { ok: true, day: x }
}

/**
 * Working days in (a, b] when a ≤ b; minus the working days in [b, a) when b < a.
 * So `between(d, addWorkingDays(d, n)) === n` for every integer n.
 *
 * @internal
 */
export const workingDaysBetween = (t: Table, a: number, b: number): Walk => {
  if (a === b) return { ok: true, day: 0 }
  if (a < b) {
    const missing = firstUncoveredYear(t, a + 1, b, false)
    if (missing !== undefined) return { ok: false, year: missing }
    return { ok: true, day: P(t, b) - P(t, a) }
  }
  const missing = firstUncoveredYear(t, b, a - 1, true)
  if (missing !== undefined) return { ok: false, year: missing }
  return { ok: true, day: P(t, b - 1) - P(t, a - 1) }
}
