/**
 * Input schemas shared by KeyAreas and Procurement: decimals and amounts that
 * decode from JSON text or numbers *and* accept values already decoded (so a
 * decoded weighting or a `Money` can be passed back in), dates, counts.
 *
 * @internal
 */
import { Decimal as DecimalJs } from "decimal.js"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { bilingual } from "../InputError.js"
import { LegalBasis } from "../LegalBasis.js"
import * as Money from "../Money.js"
import * as Days from "./days.js"

const DecimalFromSelf = Schema.declare((u): u is DecimalJs => DecimalJs.isDecimal(u), { identifier: "Decimal" })

/** A decimal from a string, a number or a decimal.js value. @internal */
export const DecimalLike: Schema.Schema<DecimalJs, string | number | DecimalJs> = Schema.transformOrFail(
  Schema.Unknown as Schema.Schema<string | number | DecimalJs>,
  DecimalFromSelf,
  {
    strict: true,
    decode: (input, _, ast) => {
      if (DecimalJs.isDecimal(input)) return ParseResult.succeed(new Money.Decimal(input))
      const text = typeof input === "number"
        ? Number.isFinite(input) ? String(input) : ""
        : typeof input === "string"
        ? input.trim().replace(/,/g, "")
        : ""
      return /^[-+]?\d+(\.\d+)?$/.test(text)
        ? ParseResult.succeed(new Money.Decimal(text))
        : ParseResult.fail(new ParseResult.Type(ast, input, `not a decimal number: ${JSON.stringify(input)}`))
    },
    // Encodes to JSON text so stored events stay plain JSON.
    encode: (d) => ParseResult.succeed(d.toFixed())
  }
).annotations({
  identifier: "Decimal",
  ...bilingual(
    "须为十进制数值(如 \"12.5\"),不能用科学计数法",
    "must be a decimal number such as \"12.5\" (no exponent)"
  )
})

/** @internal */
export const NonNegativeDecimal = DecimalLike.pipe(
  Schema.filter((d) => d.gte(0), bilingual("不能为负数", "must not be negative"))
)

/** @internal */
export const PositiveDecimal = DecimalLike.pipe(
  Schema.filter((d) => d.gt(0), bilingual("须大于 0", "must be greater than 0"))
)

/** A percentage in [0, 100]. @internal */
export const Percent = DecimalLike.pipe(
  Schema.filter(
    (d) => d.gte(0) && d.lte(100),
    bilingual("百分比须在 0 到 100 之间", "a percentage must be between 0 and 100")
  )
)

const MoneyFromSelf = Schema.declare(Money.isMoney, { identifier: "Money" })

/** A non-negative amount in yuan, from text, a number or a `Money`. @internal */
export const YuanLike: Schema.Schema<Money.Money, string | number | Money.Money> = Schema.transformOrFail(
  Schema.Unknown as Schema.Schema<string | number | Money.Money>,
  MoneyFromSelf,
  {
    strict: true,
    decode: (input, _, ast) => {
      if (Money.isMoney(input)) return ParseResult.succeed(input)
      if (typeof input !== "string" && typeof input !== "number") {
        return ParseResult.fail(new ParseResult.Type(ast, input, "expected an amount in yuan (text or number)"))
      }
      const parsed = Money.fromYuan(input)
      return parsed._tag === "Left"
        ? ParseResult.fail(new ParseResult.Type(ast, input, parsed.left.en))
        : ParseResult.succeed(parsed.right)
    },
    encode: (m) => ParseResult.succeed(m.toString())
  }
).pipe(Schema.filter((m) => !Money.isNegative(m), bilingual("金额不能为负数", "amount must not be negative")))
  .annotations({ identifier: "Yuan" })

/** A positive amount in yuan. @internal */
export const PositiveYuan = YuanLike.pipe(
  Schema.filter((m) => !Money.isZero(m), bilingual("金额须大于 0", "amount must be greater than 0"))
)

// A whole number above 2^53 − 1 has already been rounded by the JSON reader (9007199254740993 reads as …992):
// it is refused rather than taken as a count nobody sent.
const exact = bilingual("超过 9007199254740991,无法精确表示", "is above 9007199254740991 and cannot be held exactly")

/** @internal */
export const Count = Schema.Number.pipe(
  Schema.filter((n) => Number.isInteger(n) && n >= 0, bilingual("须为非负整数", "must be a whole number ≥ 0")),
  Schema.filter(Number.isSafeInteger, exact)
)

/** @internal */
export const PositiveInt = Schema.Number.pipe(
  Schema.filter((n) => Number.isInteger(n) && n >= 1, bilingual("须为正整数", "must be a whole number ≥ 1")),
  Schema.filter(Number.isSafeInteger, exact)
)

/** @internal */
export const NonEmptyText = Schema.String.pipe(
  Schema.filter((s) => s.trim().length > 0, bilingual("不能为空", "must not be empty"))
)

/** A calendar date `YYYY-MM-DD` that exists. @internal */
export const IsoDate = Schema.String.pipe(
  Schema.filter(
    (s: string) => Days.parseYmd(s) !== undefined,
    bilingual("须为存在的日期,格式 YYYY-MM-DD", "must be a real date written YYYY-MM-DD")
  )
).annotations({ identifier: "IsoDate" })

/**
 * An instant (ISO 8601 with an offset, e.g. `2024-03-01T09:30:00+08:00`) or a date, read to UTC milliseconds. @internal
 */
export const Instant: Schema.Schema<number, string> = Schema.transformOrFail(Schema.String, Schema.Number, {
  strict: true,
  decode: (s, _, ast) => {
    const parts = Days.parseYmd(s)
    if (parts !== undefined) {
      return ParseResult.succeed(Days.toDayNumber(...parts) * 86_400_000)
    }
    const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s)
    const ms = ok ? Date.parse(s) : Number.NaN
    return Number.isFinite(ms)
      ? ParseResult.succeed(ms)
      : ParseResult.fail(new ParseResult.Type(ast, s, "must be an ISO 8601 instant with an offset, or a date"))
  },
  encode: (ms) => ParseResult.succeed(new Date(ms).toISOString())
}).annotations({
  identifier: "Instant",
  ...bilingual(
    "须为带时区的 ISO 8601 时刻(如 2024-03-01T09:30:00+08:00)或日期",
    "must be an ISO 8601 instant with an offset (e.g. 2024-03-01T09:30:00+08:00) or a date"
  )
})

/** A legal basis as JSON (`{ level, citation, note? }`) or a `LegalBasis` value. @internal */
export const LegalBasisLike: Schema.Schema<LegalBasis, unknown> = Schema.Union(
  Schema.instanceOf(LegalBasis),
  LegalBasis
) as unknown as Schema.Schema<LegalBasis, unknown>

/** Items whose `key` repeats, with their indexes. @internal */
export const duplicates = <A>(items: ReadonlyArray<A>, key: (a: A) => string): ReadonlyArray<number> => {
  const seen = new Set<string>()
  const out: Array<number> = []
  items.forEach((a, i) => {
    const k = key(a)
    if (seen.has(k)) out.push(i)
    seen.add(k)
  })
  return out
}

/**
 * An optional field that, when present, must decode as `schema` (`undefined`
 * is not accepted). Unlike `Schema.optional`, a bad value reports one issue
 * at its path instead of also "expected undefined". @internal
 */
export const optional = <S extends Schema.Schema.All>(schema: S) => Schema.optionalWith(schema, { exact: true })
