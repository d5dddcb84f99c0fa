/**
 * Amounts written with their unit, as a city writes them in a parameter file:
 * `"230万元"`, `"230万"`, `"2300000.01元"`, `"2,300,000.01 元"`, or a bare
 * number (or numeric text) in the unit the parameter is expressed in. The
 * result keeps what was written and how it was read, so a loader can say
 * which reading it made (`"2300000.01元" read as 2300000.01 yuan =
 * 230.000001万元`).
 *
 * Exactness is that of {@link Money}: an amount must come to whole fen
 * (at most two decimals in 元, six in 万元), and numbers are read through
 * their shortest decimal text, never through binary arithmetic.
 *
 * @since 0.2.0
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as Money from "./Money.js"

/**
 * The unit an amount is read in: yuan (元) or ten thousand yuan (万元).
 *
 * @since 0.2.0
 * @category models
 */
export type Unit = "yuan" | "wan-yuan"

/**
 * An amount as written and as read.
 *
 * @since 0.2.0
 * @category models
 */
export interface WrittenAmount {
  readonly money: Money.Money
  /** The text (or number) as written. */
  readonly written: string | number
  /** The unit it was read in. */
  readonly unit: Unit
  /** Whether the unit was written (`"230万元"`) or taken from the parameter (`230`). */
  readonly unitWritten: boolean
}

const unitWords: ReadonlyArray<readonly [string, Unit]> = [["万元", "wan-yuan"], ["万", "wan-yuan"], ["元", "yuan"]]

const fromUnit = (unit: Unit) => (unit === "yuan" ? Money.fromYuan : Money.fromWan)

/**
 * Reads an amount written with or without a unit; without one it is in
 * `defaultUnit` (the parameter's unit).
 *
 * @since 0.2.0
 * @category constructors
 */
export const parse = (
  input: string | number,
  defaultUnit: Unit
): Either.Either<WrittenAmount, Money.MoneyProblem> => {
  if (typeof input === "number") {
    return Either.map(fromUnit(defaultUnit)(input), (money) => ({
      money,
      written: input,
      unit: defaultUnit,
      unitWritten: false
    }))
  }
  const text = input.trim()
  const suffix = unitWords.find(([word]) => text.endsWith(word))
  const unit = suffix?.[1] ?? defaultUnit
  const digits = suffix === undefined ? text : text.slice(0, -suffix[0].length).trim()
  if (!/^[-+]?[\d,]+(\.\d+)?$/.test(digits)) {
    return Either.left({
      zh: `不是有效的金额:${JSON.stringify(input)}(单位只能写“元”“万元”或“万”,或只写数字,按参数的单位)`,
      en: `not a valid amount: ${
        JSON.stringify(input)
      } (write its unit as 元, 万元 or 万, or a number alone in the parameter's unit)`
    })
  }
  return Either.map(fromUnit(unit)(digits), (money) => ({
    money,
    written: input,
    unit,
    unitWritten: suffix !== undefined
  }))
}

/**
 * The amount in 万元 without trailing zeros (`230.000001`).
 *
 * @since 0.2.0
 * @category formatting
 */
export const wan = (m: Money.Money): string => Money.toWan(m).toFixed()

/**
 * How an amount was read, in both languages: `"2300000.01元" read as
 * 2300000.01 yuan (230.000001万元)`.
 *
 * @since 0.2.0
 * @category formatting
 */
export const describe = (a: WrittenAmount): { readonly zh: string; readonly en: string } => {
  const written = typeof a.written === "number" ? String(a.written) : JSON.stringify(a.written)
  const unitZh = a.unit === "yuan" ? "元" : "万元"
  const how = a.unitWritten ? `写明单位${unitZh}` : `未写单位,按参数单位${unitZh}`
  const howEn = a.unitWritten
    ? `unit written: ${a.unit === "yuan" ? "元" : "万元"}`
    : `no unit written: the parameter's unit, ${unitZh}`
  return {
    zh: `${written} 读作 ${a.money.yuan.toFixed(2)} 元(${wan(a.money)}万元;${how})`,
    en: `${written} read as ${a.money.yuan.toFixed(2)} yuan (${wan(a.money)}万元; ${howEn})`
  }
}

const MoneyFromSelf = Schema.declare(Money.isMoney, { identifier: "Money" })

/**
 * Schema for a non-negative amount parameter in `unit`, written with or
 * without a unit; encodes as a number text in `unit` (`"230"` for 万元).
 *
 * @since 0.2.0
 * @category schemas
 */
export const schema = (unit: Unit): Schema.Schema<Money.Money, string | number> =>
  Schema.transformOrFail(Schema.Union(Schema.String, Schema.Number), MoneyFromSelf, {
    strict: true,
    decode: (input, _, ast) =>
      Either.match(parse(input, unit), {
        onLeft: (p) => ParseResult.fail(new ParseResult.Type(ast, input, p.en)),
        onRight: (a) =>
          Money.isNegative(a.money)
            ? ParseResult.fail(new ParseResult.Type(ast, input, "amount must not be negative"))
            : ParseResult.succeed(a.money)
      }),
    encode: (m) => ParseResult.succeed(unit === "yuan" ? m.yuan.toFixed(2) : wan(m))
  }).annotations({
    identifier: unit === "yuan" ? "YuanWritten" : "WanWritten",
    description: unit === "yuan"
      ? "An amount in yuan, or written with its unit (元, 万元)"
      : "An amount in 万元, or written with its unit (万元, 元)"
  })
