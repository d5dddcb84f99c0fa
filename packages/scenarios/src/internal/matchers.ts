/**
 * Matchers an expected value may be instead of a plain value:
 *
 * - `{ contains: [a, b] }`: an array has elements matching each (objects as
 *   subsets, in any order); a text contains each text;
 * - `{ excludes: [a] }`: an array has no element matching any; a text contains none;
 * - `{ approximately: 85.33, tolerance: 0.005 }`: a number within the stated
 *   tolerance (exact decimals, bounds included);
 * - `{ capital: 人民币…, form?: { zeroAtWanOrYuan, wholeAfterJiao } }`: an
 *   amount written in capital letters, any legal form of the banking rules
 *   unless a form is named.
 *
 * `contains` and `excludes` may be given together. A matcher is an object
 * whose keys are all matcher keys; any other object is matched as a subset.
 */
import { Money } from "@gsyf/core"
import { Either } from "effect"
import * as Capital from "./capital.js"
import type { Path } from "./source.js"

const keys = new Set(["contains", "excludes", "approximately", "tolerance", "capital", "form"])
const leading = ["contains", "excludes", "approximately", "capital"]

const isObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u) && !Money.isMoney(u)

/** Whether an expected value is a matcher. */
export const isMatcher = (u: unknown): u is Record<string, unknown> =>
  isObject(u) && Object.keys(u).length > 0 && Object.keys(u).every((k) => keys.has(k)) &&
  leading.some((k) => k in u)

/** A problem in how a matcher is written (checked when the scenario loads). */
export interface MatcherProblem {
  readonly path: Path
  readonly zh: string
  readonly en: string
}

const decimalText = /^[-+]?\d+(\.\d+)?$/

const numberLike = (u: unknown): boolean =>
  (typeof u === "number" && Number.isFinite(u)) || (typeof u === "string" && decimalText.test(u.trim()))

const formProblems = (form: unknown): ReadonlyArray<MatcherProblem> => {
  if (form === undefined) return []
  const ok = isObject(form) &&
    Object.entries(form).every(([k, v]) =>
      (k === "zeroAtWanOrYuan" && (v === "write" || v === "omit")) || (k === "wholeAfterJiao" && typeof v === "boolean")
    )
  return ok ? [] : [{
    path: ["form"],
    zh: "form 只能有 zeroAtWanOrYuan(write 或 omit)和 wholeAfterJiao(true 或 false)",
    en: "form has only zeroAtWanOrYuan (write | omit) and wholeAfterJiao (true | false)"
  }]
}

/** Problems of one matcher's own keys. */
const ownProblems = (m: Record<string, unknown>): ReadonlyArray<MatcherProblem> => {
  const out: Array<MatcherProblem> = []
  if ("approximately" in m) {
    if (!numberLike(m["approximately"])) {
      out.push({ path: ["approximately"], zh: "approximately 须为数字", en: "approximately takes a number" })
    }
    if (!numberLike(m["tolerance"]) || String(m["tolerance"]).trim().startsWith("-")) {
      out.push({
        path: ["tolerance"],
        zh: "approximately 须写明非负的容差 tolerance",
        en: "approximately needs a stated, non-negative tolerance"
      })
    }
  } else if ("tolerance" in m) {
    out.push({
      path: ["tolerance"],
      zh: "tolerance 只与 approximately 一起用",
      en: "tolerance goes with approximately"
    })
  }
  if ("capital" in m) {
    if (typeof m["capital"] !== "string" || Capital.parse(m["capital"]) === undefined) {
      out.push({ path: ["capital"], zh: "capital 须为大写金额", en: "capital takes an amount in capital letters" })
    }
    out.push(...formProblems(m["form"]))
  } else if ("form" in m) {
    out.push({ path: ["form"], zh: "form 只与 capital 一起用", en: "form goes with capital" })
  }
  return out
}

/** Problems in every matcher inside an expected value. */
export const problems = (expected: unknown, path: Path = []): ReadonlyArray<MatcherProblem> => {
  if (Array.isArray(expected)) return expected.flatMap((e, i) => problems(e, [...path, i]))
  if (!isObject(expected)) return []
  if (isMatcher(expected)) {
    return [
      ...ownProblems(expected).map((p) => ({ ...p, path: [...path, ...p.path] })),
      ...problems(expected["contains"], [...path, "contains"]),
      ...problems(expected["excludes"], [...path, "excludes"])
    ]
  }
  return Object.entries(expected).flatMap(([k, v]) => problems(v, [...path, k]))
}

/** An amount as Money (a Money, a number, or a decimal text), if it is one. */
export const amountOf = (u: unknown): Money.Money | undefined => {
  if (Money.isMoney(u)) return u
  if (!numberLike(u)) return undefined
  return Either.getOrUndefined(Money.fromYuan(typeof u === "number" ? String(u) : (u as string).trim()))
}

/** A mismatch found by a matcher, at a path relative to the matcher. */
export interface MatcherMismatch {
  readonly path: Path
  readonly expected: unknown
  readonly actual: unknown
}

const asList = (u: unknown): ReadonlyArray<unknown> => (Array.isArray(u) ? u : [u])

const checkCapital = (m: Record<string, unknown>, actual: unknown): ReadonlyArray<MatcherMismatch> => {
  const text = String(m["capital"])
  const amount = amountOf(actual)
  if (amount === undefined) return [{ path: ["capital"], expected: text, actual }]
  const form = m["form"] as Capital.Form | undefined
  const ok = form === undefined
    ? Capital.isFormOf(text, amount)
    : Capital.named(amount, form, text.trim().startsWith("人民币")) === text.trim()
  if (ok) return []
  const shown = form === undefined
    ? `${amount.toString()}: ${Capital.usual(amount)} (or another legal form)`
    : `${amount.toString()}: ${Capital.named(amount, form, text.trim().startsWith("人民币")) ?? "(none)"}`
  return [{ path: ["capital"], expected: text, actual: shown }]
}

const checkApproximately = (m: Record<string, unknown>, actual: unknown): ReadonlyArray<MatcherMismatch> => {
  const e = new Money.Decimal(String(m["approximately"]).trim())
  const tolerance = new Money.Decimal(String(m["tolerance"]).trim())
  const a = Money.isMoney(actual)
    ? actual.yuan
    : numberLike(actual)
    ? new Money.Decimal(String(actual).trim())
    : undefined
  if (a !== undefined && a.minus(e).abs().lte(tolerance)) return []
  return [{
    path: ["approximately"],
    expected: `${e.toFixed()} ± ${tolerance.toFixed()}`,
    actual: a === undefined ? actual : a.toFixed()
  }]
}

type Match = (expected: unknown, actual: unknown) => boolean

const checkLists = (
  m: Record<string, unknown>,
  actual: unknown,
  matches: Match,
  plain: (u: unknown) => unknown
): ReadonlyArray<MatcherMismatch> => {
  const out: Array<MatcherMismatch> = []
  const inText = typeof actual === "string"
  const has = (e: unknown) =>
    inText ? typeof e === "string" && actual.includes(e) : Array.isArray(actual) && actual.some((a) => matches(e, a))
  const shown = inText ? actual : plain(actual)
  if ("contains" in m) {
    asList(m["contains"]).forEach((e, i) => {
      if (!has(e)) {
        out.push({ path: Array.isArray(m["contains"]) ? ["contains", i] : ["contains"], expected: e, actual: shown })
      }
    })
  }
  if ("excludes" in m) {
    asList(m["excludes"]).forEach((e, i) => {
      if (has(e)) {
        out.push({
          path: Array.isArray(m["excludes"]) ? ["excludes", i] : ["excludes"],
          expected: { not: e },
          actual: shown
        })
      }
    })
  }
  return out
}

/**
 * Applies a matcher to an actual value; `matches` tells whether an expected
 * element matches an actual one (used by contains and excludes).
 */
export const apply = (
  m: Record<string, unknown>,
  actual: unknown,
  matches: Match,
  plain: (u: unknown) => unknown
): ReadonlyArray<MatcherMismatch> => [
  ...("capital" in m ? checkCapital(m, actual) : []),
  ...("approximately" in m ? checkApproximately(m, actual) : []),
  ...checkLists(m, actual, matches, plain)
]
