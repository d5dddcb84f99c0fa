/**
 * Exact rational arithmetic on bigints, for scores that divide (normalised
 * indicators, low-price-first price scores, means over a panel). Ranking
 * compares these exact fractions; decimals are derived from them only for
 * display.
 *
 * @internal
 */
import { Decimal as DecimalJs } from "decimal.js"
import { Decimal } from "../Money.js"

/** A reduced fraction with a positive denominator. @internal */
export interface Rational {
  readonly n: bigint
  readonly d: bigint
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x)

const gcd = (a: bigint, b: bigint): bigint => {
  a = abs(a)
  b = abs(b)
  while (b !== 0n) {
    const t = a % b
    a = b
    b = t
  }
  return a
}

/** @internal */
export const make = (n: bigint, d: bigint): Rational => {
  if (d === 0n) throw new RangeError("rational: division by zero")
  if (d < 0n) {
    n = -n
    d = -d
  }
  const g = gcd(n, d)
  return g > 1n ? { n: n / g, d: d / g } : { n, d }
}

/** @internal */
export const zero: Rational = { n: 0n, d: 1n }

/** @internal */
export const fromInt = (n: number | bigint): Rational => ({ n: BigInt(n), d: 1n })

/** Reads a finite decimal exactly (no binary rounding). @internal */
export const fromDecimal = (x: DecimalJs): Rational => {
  const text = x.toFixed()
  const negative = text.startsWith("-")
  const [int, frac = ""] = (negative ? text.slice(1) : text).split(".") as [string, string?]
  const n = BigInt(int + frac) * (negative ? -1n : 1n)
  return make(n, 10n ** BigInt(frac.length))
}

/** @internal */
export const add = (a: Rational, b: Rational): Rational => make(a.n * b.d + b.n * a.d, a.d * b.d)

/** @internal */
export const sub = (a: Rational, b: Rational): Rational => make(a.n * b.d - b.n * a.d, a.d * b.d)

/** @internal */
export const mul = (a: Rational, b: Rational): Rational => make(a.n * b.n, a.d * b.d)

/** @internal */
export const div = (a: Rational, b: Rational): Rational => make(a.n * b.d, a.d * b.n)

/** @internal */
export const sum = (xs: Iterable<Rational>): Rational => {
  let acc = zero
  for (const x of xs) acc = add(acc, x)
  return acc
}

/** @internal */
export const compare = (a: Rational, b: Rational): -1 | 0 | 1 => {
  const l = a.n * b.d
  const r = b.n * a.d
  return l < r ? -1 : l > r ? 1 : 0
}

/** @internal */
export const equals = (a: Rational, b: Rational): boolean => compare(a, b) === 0

/** @internal */
export const isZero = (a: Rational): boolean => a.n === 0n

/** The value as a `Money.Decimal` (exact when the fraction terminates, else 40 significant digits). @internal */
export const toDecimal = (a: Rational): DecimalJs => new Decimal(a.n.toString()).dividedBy(a.d.toString())

/** The fraction as text, `"211/3"` or `"70"`. @internal */
export const toFraction = (a: Rational): string => (a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`)

/** Rounds half-up (away from zero on a tie) to `places` decimals, computed on the exact fraction. @internal */
export const toFixedHalfUp = (a: Rational, places: number): string => {
  const scale = 10n ** BigInt(places)
  const scaled = abs(a.n) * scale
  const rounded = (2n * scaled + a.d) / (2n * a.d)
  const negative = a.n < 0n && rounded !== 0n
  const digits = rounded.toString().padStart(places + 1, "0")
  const int = digits.slice(0, digits.length - places)
  const frac = digits.slice(digits.length - places)
  return `${negative ? "-" : ""}${int}${places > 0 ? "." + frac : ""}`
}
