/**
 * Conversions at the OCDS boundary: exact amounts to JSON numbers and dates to
 * RFC 3339 instants in China Standard Time.
 *
 * @internal
 */
import { Money } from "@gsyf/core"

/** @internal */
export const maxSafeFen = BigInt(Number.MAX_SAFE_INTEGER)

/** @internal Thrown inside the projection and turned into a tagged error at the boundary. */
export class UnsafeAmountSignal {
  constructor(readonly amount: string, readonly reason: "too-large" | "not-exact") {}
}

/**
 * An amount as a JSON number: the exact decimal string of the Money value parsed
 * by `Number`, kept only when the number's shortest decimal form is that same
 * string. Every amount of at most 15 significant digits (below 10^15 fen, ten
 * trillion yuan) passes: a double holds 15 decimal digits. Below 2^53 fen is
 * necessary but not enough (near 7e13 yuan doubles are 1/64 yuan apart), so
 * both the range and the round trip are checked; a failure throws
 * {@link UnsafeAmountSignal}.
 *
 * @internal
 */
export const amountNumber = (m: Money.Money): number => {
  const fen = Money.toFen(m)
  if (fen > maxSafeFen || fen < -maxSafeFen) throw new UnsafeAmountSignal(m.toString(), "too-large")
  const n = Number(m.toString())
  if (!new Money.Decimal(String(n)).eq(m.yuan)) throw new UnsafeAmountSignal(m.toString(), "not-exact")
  return n
}

/** @internal */
export const value = (m: Money.Money) => ({ amount: amountNumber(m), currency: "CNY" as const })

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

/**
 * An instant as RFC 3339 with the +08:00 offset (北京时间). Sub-second digits are
 * kept only when present.
 *
 * @internal
 */
export const instant = (at: string): string => {
  const ms = Date.parse(at)
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${at}`)
  const local = new Date(ms + 8 * 3600_000)
  const base = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${
    pad(local.getUTCHours())
  }:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
  const millis = local.getUTCMilliseconds()
  return `${base}${millis === 0 ? "" : "." + pad(millis, 3)}+08:00`
}

/** @internal The start of a calendar day in China Standard Time. */
export const dayStart = (date: string): string => `${date}T00:00:00+08:00`

/** @internal The end of a calendar day (a deadline runs to the end of its day, 民法典 第二百零三条). */
export const dayEnd = (date: string): string => `${date}T23:59:59+08:00`
