/**
 * Matching an expected value against an actual one: objects as subsets,
 * arrays element by element, numbers and numeric strings as exact decimals.
 */
import { Money } from "@gsyf/core"
import { apply, isMatcher } from "./matchers.js"
import type { Path } from "./source.js"

/** One mismatch, at a path relative to where matching started. */
export interface Mismatch {
  readonly path: Path
  readonly expected: unknown
  readonly actual: unknown
}

const numeric = /^[-+]?\d+(\.\d+)?$/

const asDecimal = (u: unknown): Money.Decimal | undefined => {
  if (typeof u === "number" && Number.isFinite(u)) return new Money.Decimal(String(u))
  if (typeof u === "string" && numeric.test(u.trim())) return new Money.Decimal(u.trim())
  if (Money.isMoney(u)) return u.yuan
  return undefined
}

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u) && !Money.isMoney(u)

/** Plain JSON for display: Money and decimals as strings. */
export const plain = (u: unknown): unknown => {
  if (Money.isMoney(u)) return u.toString()
  if (u instanceof Money.Decimal) return u.toFixed()
  if (Array.isArray(u)) return u.map(plain)
  if (isPlainObject(u)) return Object.fromEntries(Object.entries(u).map(([k, v]) => [k, plain(v)]))
  return u
}

/** Whether two scalars are equal, decimals compared exactly. */
export const scalarEquals = (expected: unknown, actual: unknown): boolean => {
  if (expected === null) return actual === null || actual === undefined
  const e = asDecimal(expected)
  const a = asDecimal(actual)
  if (e !== undefined && a !== undefined) return e.eq(a)
  return expected === actual
}

/**
 * Every mismatch of `expected` (a subset for objects, a matcher such as
 * `{ contains: [...] }` where one is written) against `actual`.
 */
export const match = (expected: unknown, actual: unknown, path: Path = []): ReadonlyArray<Mismatch> => {
  if (isMatcher(expected)) {
    return apply(expected, actual, (e, a) => match(e, a).length === 0, plain).map((m) => ({
      ...m,
      path: [...path, ...m.path]
    }))
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [{ path, expected, actual: plain(actual) }]
    if (expected.length !== actual.length) return [{ path, expected, actual: plain(actual) }]
    return expected.flatMap((e, i) => match(e, actual[i], [...path, i]))
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return [{ path, expected, actual: plain(actual) }]
    return Object.entries(expected).flatMap(([k, v]) => match(v, actual[k], [...path, k]))
  }
  return scalarEquals(expected, actual) ? [] : [{ path, expected: plain(expected), actual: plain(actual) }]
}

/** Reads a dotted path (`subProjects.keyAreas.contract.amount`, `quota[0]`) from a value. */
export const at = (value: unknown, dotted: string): unknown => {
  let cur: unknown = value
  for (const part of dotted.split(".")) {
    const m = /^([^[\]]*)((\[\d+\])*)$/.exec(part)
    if (m === null) return undefined
    if (m[1] !== "") cur = isPlainObject(cur) ? cur[m[1]!] : undefined
    for (const idx of m[2]!.match(/\d+/g) ?? []) cur = Array.isArray(cur) ? cur[Number(idx)] : undefined
  }
  return cur
}
