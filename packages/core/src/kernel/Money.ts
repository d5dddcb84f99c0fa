/**
 * Money in yuan (元), exact to the fen (分), backed by decimal.js.
 *
 * Amounts are never JavaScript floats. Every place where a computation has to
 * round (a percentage of a contract, 万元 to 元) names its {@link Rounding}, and
 * {@link allocate} splits a total so that the parts always add up to it exactly.
 *
 * Formatting covers `¥1,234.56`, 万元 and the capital-letter amount of the
 * 《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》 (人民币壹拾贰万叁仟元整).
 *
 * @since 0.1.0
 */
import { Decimal as DecimalJs } from "decimal.js"
import * as Either from "effect/Either"
import * as Equal from "effect/Equal"
import * as Hash from "effect/Hash"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as SchemaAST from "effect/SchemaAST"
import { bilingual } from "./InputError.js"

/**
 * The decimal type used for every exact computation in gsyf: 40 significant
 * digits, half-up rounding unless a function names another mode.
 *
 * @since 0.1.0
 * @category models
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40
})

/**
 * @since 0.1.0
 * @category models
 */
export type Decimal = DecimalJs

/**
 * A named rounding mode.
 *
 * - `half-up` 四舍五入 (the default for money in gsyf)
 * - `half-even` banker's rounding
 * - `down` towards zero (truncate)
 * - `up` away from zero
 *
 * @since 0.1.0
 * @category models
 */
export type Rounding = "half-up" | "half-even" | "down" | "up"

const roundingMode: Record<Rounding, DecimalJs.Rounding> = {
  "half-up": DecimalJs.ROUND_HALF_UP,
  "half-even": DecimalJs.ROUND_HALF_EVEN,
  down: DecimalJs.ROUND_DOWN,
  up: DecimalJs.ROUND_UP
}

/**
 * The rounding used when none is named: half-up to the fen.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultRounding: Rounding = "half-up"

const MoneyTypeId: unique symbol = Symbol.for("@gsyf/core/Money")

/**
 * An amount of renminbi in yuan with at most two decimals.
 *
 * @since 0.1.0
 * @category models
 */
export class Money implements Equal.Equal {
  readonly [MoneyTypeId] = MoneyTypeId
  /** @internal */
  constructor(
    /** The amount in yuan, always with at most two decimals. */
    readonly yuan: DecimalJs
  ) {}
  /** Equal amounts are equal (`Equal.equals`). */
  [Equal.symbol](that: Equal.Equal): boolean {
    return isMoney(that) && this.yuan.eq(that.yuan)
  }
  /** Hash of the amount, consistent with equality. */
  [Hash.symbol](): number {
    return Hash.string(this.yuan.toFixed(2))
  }
  /** The amount as a plain string with two decimals, e.g. `"1234.50"`. */
  toString(): string {
    return this.yuan.toFixed(2)
  }
  /** The amount as JSON: a string with two decimals (never a float). */
  toJSON(): string {
    return this.yuan.toFixed(2)
  }
  /** Shown as `Money(1234.50)` by `util.inspect`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Money(${this.yuan.toFixed(2)})`
  }
}

/**
 * @since 0.1.0
 * @category guards
 */
export const isMoney = (u: unknown): u is Money => typeof u === "object" && u !== null && MoneyTypeId in u

/**
 * Why a value is not a valid amount.
 *
 * @since 0.1.0
 * @category errors
 */
export interface MoneyProblem {
  readonly zh: string
  readonly en: string
}

/**
 * The most digits before the decimal point an amount read from input may have: 15, i.e. under 1,000 万亿元 —
 * above the whole national budget, far above any city's. Longer input is refused, never rounded.
 *
 * @since 0.2.0
 * @category constants
 */
export const maxIntegerDigits = 15

/** Digits an exact decimal read from input (a percentage, a ratio) may have in all. */
const maxDecimalDigits = 30

// Thousands separators only where they belong: "1,234,567.89" or none at all ("1,,0,0" is not a number).
const decimalText = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/

const notANumber = (input: string | number): MoneyProblem => {
  const shown = typeof input === "string" && input.length > 40 ? `${input.slice(0, 37)}...` : input
  return { zh: `不是有效的金额:${JSON.stringify(shown)}`, en: `not a valid amount: ${JSON.stringify(shown)}` }
}

const parseDecimal = (input: string | number): Either.Either<DecimalJs, MoneyProblem> => {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return Either.left({ zh: "金额必须是有限数", en: "amount must be a finite number" })
    // Numbers are read through their shortest decimal representation, never through binary arithmetic.
    input = String(input)
  }
  const trimmed = input.trim()
  if (trimmed.length > 64 || !decimalText.test(trimmed)) return Either.left(notANumber(input))
  const text = trimmed.replace(/,/g, "")
  const digits = text.replace(/^[-+]/, "").replace(".", "").replace(/^0+(?=\d)/, "")
  if (digits.length > maxDecimalDigits) {
    return Either.left({
      zh: `数字位数过多(不超过 ${maxDecimalDigits} 位):${JSON.stringify(input)}`,
      en: `too many digits (at most ${maxDecimalDigits}): ${JSON.stringify(input)}`
    })
  }
  return Either.right(new Decimal(text))
}

const tooLarge = (d: DecimalJs): MoneyProblem | undefined =>
  d.abs().gte(new Decimal(10).pow(maxIntegerDigits))
    ? {
      zh: `金额超出范围(整数部分不超过 ${maxIntegerDigits} 位):${d.toFixed()}`,
      en: `amount out of range (at most ${maxIntegerDigits} digits before the point): ${d.toFixed()}`
    }
    : undefined

/**
 * Reads an amount in yuan; fails when it is not a number or has more than two decimals.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromYuan = (input: string | number | DecimalJs): Either.Either<Money, MoneyProblem> => {
  const parsed = DecimalJs.isDecimal(input) ? Either.right(new Decimal(input)) : parseDecimal(input)
  return Either.flatMap(parsed, (d) => {
    if (d.decimalPlaces() > 2) {
      return Either.left({
        zh: `金额只能精确到分:${d.toString()}`,
        en: `amount is exact to the fen at most: ${d.toString()}`
      })
    }
    const large = tooLarge(d)
    return large === undefined ? Either.right(new Money(d.plus(0))) : Either.left(large)
  })
}

/**
 * Builds an amount from a trusted literal; throws on invalid input. For constants in code and tests.
 *
 * @since 0.1.0
 * @category constructors
 */
export const unsafeYuan = (input: string | number): Money =>
  Either.getOrThrowWith(fromYuan(input), (p) => new Error(p.en))

/**
 * Converts an amount in 万元 to yuan; the result must be exact to the fen (at most six decimals in 万元).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromWan = (input: string | number | DecimalJs): Either.Either<Money, MoneyProblem> =>
  Either.flatMap(
    DecimalJs.isDecimal(input) ? Either.right(new Decimal(input)) : parseDecimal(input),
    (d) => fromYuan(d.times(10000))
  )

/**
 * Zero yuan.
 *
 * @since 0.1.0
 * @category constants
 */
export const zero: Money = new Money(new Decimal(0))

/**
 * The amount in 万元 as an exact decimal (up to six places).
 *
 * @since 0.1.0
 * @category getters
 */
export const toWan = (m: Money): DecimalJs => m.yuan.dividedBy(10000)

/**
 * The amount in fen as a bigint.
 *
 * @since 0.1.0
 * @category getters
 */
export const toFen = (m: Money): bigint => BigInt(m.yuan.times(100).toFixed(0))

/**
 * @since 0.1.0
 * @category constructors
 */
export const fromFen = (fen: bigint): Money => new Money(new Decimal(fen.toString()).dividedBy(100))

/**
 * @since 0.1.0
 * @category combinators
 */
export const add = (a: Money, b: Money): Money => new Money(a.yuan.plus(b.yuan))

/**
 * @since 0.1.0
 * @category combinators
 */
export const subtract = (a: Money, b: Money): Money => new Money(a.yuan.minus(b.yuan))

/**
 * @since 0.1.0
 * @category combinators
 */
export const sum = (items: Iterable<Money>): Money => {
  let acc = new Decimal(0)
  for (const m of items) acc = acc.plus(m.yuan)
  return new Money(acc)
}

/**
 * Rounds an exact decimal number of yuan to the fen with the named rounding.
 *
 * @since 0.1.0
 * @category combinators
 */
export const round = (yuan: DecimalJs, rounding: Rounding = defaultRounding): Money =>
  new Money(yuan.toDecimalPlaces(2, roundingMode[rounding]))

/**
 * Multiplies an amount by a decimal factor and rounds to the fen.
 *
 * @since 0.1.0
 * @category combinators
 */
export const times = (m: Money, factor: DecimalJs | string, rounding: Rounding = defaultRounding): Money =>
  round(m.yuan.times(factor), rounding)

/**
 * The given percentage of an amount, rounded to the fen (e.g. the advance payment: contract × 30%).
 *
 * @since 0.1.0
 * @category combinators
 */
export const percentOf = (m: Money, percent: DecimalJs | string, rounding: Rounding = defaultRounding): Money =>
  round(m.yuan.times(percent).dividedBy(100), rounding)

/**
 * @since 0.1.0
 * @category comparisons
 */
export const compare = (a: Money, b: Money): -1 | 0 | 1 => a.yuan.comparedTo(b.yuan) as -1 | 0 | 1

/**
 * @since 0.1.0
 * @category comparisons
 */
export const equals = (a: Money, b: Money): boolean => a.yuan.eq(b.yuan)

/**
 * @since 0.1.0
 * @category comparisons
 */
export const greaterThan = (a: Money, b: Money): boolean => a.yuan.gt(b.yuan)

/**
 * @since 0.1.0
 * @category comparisons
 */
export const lessThanOrEqual = (a: Money, b: Money): boolean => a.yuan.lte(b.yuan)

/**
 * @since 0.1.0
 * @category comparisons
 */
export const isNegative = (a: Money): boolean => a.yuan.isNegative() && !a.yuan.isZero()

/**
 * @since 0.1.0
 * @category comparisons
 */
export const isZero = (a: Money): boolean => a.yuan.isZero()

/**
 * @since 0.1.0
 * @category comparisons
 */
export const max = (a: Money, b: Money): Money => (a.yuan.gte(b.yuan) ? a : b)

/**
 * @since 0.1.0
 * @category comparisons
 */
export const min = (a: Money, b: Money): Money => (a.yuan.lte(b.yuan) ? a : b)

/**
 * Splits a total by percentages so that the parts add up to the total exactly.
 *
 * Each part but the last is `total × percent / 100` rounded with `rounding`
 * (capped so the running sum never passes the total); the last part takes the
 * remainder. With non-negative percentages summing to 100 no part is negative.
 * This is how the balance payment absorbs the rounding of the advance.
 *
 * @since 0.1.0
 * @category combinators
 */
export const allocate = (
  total: Money,
  percents: ReadonlyArray<DecimalJs | string>,
  rounding: Rounding = defaultRounding
): Array<Money> => {
  if (percents.length === 0) return []
  const parts: Array<Money> = []
  let allocated = new Decimal(0)
  for (let i = 0; i < percents.length - 1; i++) {
    let part = percentOf(total, percents[i]!, rounding).yuan
    const left = total.yuan.minus(allocated)
    if (part.gt(left)) part = left
    if (part.isNegative()) part = new Decimal(0)
    parts.push(new Money(part))
    allocated = allocated.plus(part)
  }
  parts.push(new Money(total.yuan.minus(allocated)))
  return parts
}

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")

/**
 * Formats as `¥1,234.56` (negative amounts as `-¥1,234.56`).
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (m: Money): string => {
  const [int, frac] = m.yuan.abs().toFixed(2).split(".")
  return `${m.yuan.isNegative() && !m.yuan.isZero() ? "-" : ""}¥${groupThousands(int!)}.${frac}`
}

/**
 * Formats in 万元 with as many decimals as needed (up to six), e.g. `12.5万元`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatWan = (m: Money): string => `${toWan(m).toFixed()}万元`

/**
 * Choices the 支付结算办法 leaves open when writing a capital-letter amount.
 *
 * - `zeroAtWanOrYuan`: rule 4(三), a 0 at the 万 or 元 place (or a run of zeros
 *   that includes it) followed by a non-zero 千 or 角 digit may be written as one
 *   零 (`"write"`, the default) or left out (`"omit"`).
 * - `wholeAfterJiao`: rule 2, an amount that ends at 角 may carry 整; default `false`.
 *
 * @since 0.1.0
 * @category models
 */
export interface CapitalOptions {
  readonly zeroAtWanOrYuan?: "write" | "omit" | undefined
  readonly wholeAfterJiao?: boolean | undefined
  readonly prefix?: boolean | undefined
}

const DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"] as const
const SMALL_UNITS = ["", "拾", "佰", "仟"] as const
const BIG_UNITS = ["", "万", "亿"] as const

/**
 * The largest amount that can be written in capital letters (just under 一万亿元).
 *
 * @since 0.1.0
 * @category constants
 */
export const capitalLimit: Money = new Money(new Decimal("999999999999.99"))

/**
 * Writes an amount in capital letters following 《支付结算办法》附件一:
 * `¥325.04` → `人民币叁佰贰拾伍元零肆分`, `¥123,000.00` → `人民币壹拾贰万叁仟元整`.
 *
 * Fails for negative amounts and amounts at or above 一万亿元.
 *
 * @since 0.1.0
 * @category formatting
 */
export const capital = (m: Money, options: CapitalOptions = {}): Either.Either<string, MoneyProblem> => {
  if (isNegative(m)) return Either.left({ zh: "大写金额不能为负数", en: "a capital-letter amount cannot be negative" })
  if (m.yuan.gt(capitalLimit.yuan)) {
    return Either.left({ zh: "金额超出大写金额的书写范围", en: "amount too large for a capital-letter amount" })
  }
  const omitWanZero = options.zeroAtWanOrYuan === "omit"
  const [intText, fracText] = m.yuan.toFixed(2).split(".") as [string, string]
  const jiao = Number(fracText[0])
  const fen = Number(fracText[1])
  let out = ""
  const intDigits = intText === "0" ? "" : intText
  let pendingZero = false
  let runCrossesWan = false
  let groupHasDigit = false
  for (let i = 0; i < intDigits.length; i++) {
    const d = Number(intDigits[i])
    const p = intDigits.length - 1 - i
    if (d === 0) {
      pendingZero = true
      if (p > 0 && p % 4 === 0) runCrossesWan = true
    } else {
      if (pendingZero && !(omitWanZero && runCrossesWan && p % 4 === 3)) out += "零"
      out += DIGITS[d]! + SMALL_UNITS[p % 4]!
      pendingZero = false
      runCrossesWan = false
      groupHasDigit = true
    }
    if (p > 0 && p % 4 === 0) {
      if (groupHasDigit) out += BIG_UNITS[p / 4]!
      groupHasDigit = false
    }
  }
  const hasYuan = intDigits.length > 0
  const yuanPlaceZero = hasYuan && intDigits.endsWith("0")
  if (hasYuan) out += "元"
  if (jiao === 0 && fen === 0) {
    out = hasYuan ? out + "整" : "零元整"
  } else if (jiao !== 0) {
    if (yuanPlaceZero && !omitWanZero) out += "零"
    out += DIGITS[jiao]! + "角"
    if (fen !== 0) out += DIGITS[fen]! + "分"
    else if (options.wholeAfterJiao === true) out += "整"
  } else {
    if (hasYuan) out += "零"
    out += DIGITS[fen]! + "分"
  }
  return Either.right((options.prefix === false ? "" : "人民币") + out)
}

const decodeMoney = (input: string | number, ast: SchemaAST.AST) =>
  Either.match(fromYuan(input), {
    onLeft: (p) => ParseResult.fail(new ParseResult.Type(ast, input, p.en)),
    onRight: (m) => ParseResult.succeed(m)
  })

const MoneyFromSelf = Schema.declare(isMoney, { identifier: "Money" })

/**
 * Schema for an amount in yuan: decodes a string (`"1234.56"`, `"1,234.56"`) or
 * a number, rejects more than two decimals, encodes as a string with two decimals.
 * Negative amounts are allowed (see {@link Yuan} for the non-negative schema).
 *
 * @since 0.1.0
 * @category schemas
 */
export const SignedYuan: Schema.Schema<Money, string | number> = Schema.transformOrFail(
  Schema.Union(Schema.String, Schema.Number),
  MoneyFromSelf,
  {
    strict: true,
    decode: (input, _, ast) => decodeMoney(input, ast),
    encode: (m) => ParseResult.succeed(m.yuan.toFixed(2))
  }
).annotations({ identifier: "SignedYuan", description: "An amount in yuan, exact to the fen" })

/**
 * Schema for a non-negative amount in yuan.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Yuan: Schema.Schema<Money, string | number> = SignedYuan.pipe(
  Schema.filter((m) => !isNegative(m), bilingual("金额不能为负数", "amount must not be negative"))
).annotations({ identifier: "Yuan" })

/**
 * Schema for a non-negative amount written in 万元 (as the plan writes budgets); decodes to yuan.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Wan: Schema.Schema<Money, string | number> = Schema.transformOrFail(
  Schema.Union(Schema.String, Schema.Number),
  MoneyFromSelf,
  {
    strict: true,
    decode: (input, _, ast) =>
      Either.match(fromWan(input), {
        onLeft: (p) => ParseResult.fail(new ParseResult.Type(ast, input, p.en)),
        onRight: (m) =>
          isNegative(m)
            ? ParseResult.fail(new ParseResult.Type(ast, input, "amount must not be negative"))
            : ParseResult.succeed(m)
      }),
    encode: (m) => ParseResult.succeed(toWan(m).toFixed())
  }
).annotations({ identifier: "Wan", description: "An amount in 万元 (10,000 yuan)" })

/**
 * Schema for an exact decimal (percentages, ratios): decodes a string or number, encodes as a string.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DecimalFromInput: Schema.Schema<DecimalJs, string | number> = Schema.transformOrFail(
  Schema.Union(Schema.String, Schema.Number),
  Schema.declare((u): u is DecimalJs => DecimalJs.isDecimal(u), { identifier: "Decimal" }),
  {
    strict: true,
    decode: (input, _, ast) =>
      Either.match(parseDecimal(input), {
        onLeft: (p) => ParseResult.fail(new ParseResult.Type(ast, input, p.en)),
        onRight: (d) => ParseResult.succeed(d)
      }),
    encode: (d) => ParseResult.succeed(d.toFixed())
  }
).annotations({ identifier: "Decimal" })
