import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { bilingual, fromParseError, type InputIssue } from "../../kernel/InputError.js"
import * as Money from "../../kernel/Money.js"
import { Text } from "../../kernel/Text.js"

/** @internal */
export const Year = Schema.Int.pipe(
  Schema.filter(
    (n) => n >= 2000 && n <= 2100,
    bilingual("年度须在 2000 至 2100 之间", "year must be between 2000 and 2100")
  )
)

/** @internal */
export const NonEmptyText = Text

/**
 * The largest whole number a period (in days or months) or a count of a city's annual project may be: no
 * period or quota comes near it, and a larger value is a typing error or an attack (`1e308` days).
 *
 * @internal
 */
export const maxWhole = 1_000_000

/** @internal */
export const NonEmptyTextList = Schema.Array(NonEmptyText).pipe(
  Schema.filter((a) => a.length > 0, bilingual("至少需要一项", "needs at least one item")),
  Schema.filter((a) => new Set(a).size === a.length, bilingual("不能有重复项", "must not repeat an item"))
)

/** @internal */
export const PositiveInt = Schema.Number.pipe(
  Schema.filter((n) => Number.isInteger(n) && n >= 1, bilingual("须为正整数", "must be a whole number ≥ 1")),
  Schema.filter((n) => n <= maxWhole, bilingual("不能超过 1000000", "must not exceed 1,000,000"))
)

/** @internal */
export const Count = Schema.Number.pipe(
  Schema.filter((n) => Number.isInteger(n) && n >= 0, bilingual("须为非负整数", "must be a whole number ≥ 0")),
  Schema.filter((n) => n <= maxWhole, bilingual("不能超过 1000000", "must not exceed 1,000,000"))
)

/** @internal */
export const DayOfMonth = Schema.Number.pipe(
  Schema.filter(
    (n) => Number.isInteger(n) && n >= 1 && n <= 28,
    bilingual(
      "须为 1 至 28 之间的整数(每个月都有的日子)",
      "must be a whole number from 1 to 28 (a day every month has)"
    )
  )
)

/** @internal */
export const Percent = Money.DecimalFromInput.pipe(
  Schema.filter(
    (d) => d.gte(0) && d.lte(100),
    bilingual("百分比须在 0 到 100 之间", "a percentage must be between 0 and 100")
  )
)

/** @internal */
export const PercentRange = Schema.Struct({ min: Percent, max: Percent }).pipe(
  Schema.filter((r) => r.min.lte(r.max), bilingual("下限不能大于上限", "min must not exceed max"))
)

/** @internal */
export type PercentRangeType = typeof PercentRange.Type

/** @internal */
export const PercentRangeApproval = Schema.Struct({
  document: NonEmptyText,
  approvedOn: Schema.String.pipe(Schema.pattern(/^\d{4}-\d{2}-\d{2}$/)),
  range: PercentRange
})

/** @internal */
export type PercentRangeApprovalType = typeof PercentRangeApproval.Type

/** @internal */
export const Fraction = Schema.String.pipe(
  Schema.filter((s) => {
    const m = /^(\d+)\/(\d+)$/.exec(s)
    return m !== null && Number(m[2]) > 0 && Number(m[1]) <= Number(m[2])
  }, bilingual("须为形如 2/3 的分数,且不大于 1", "must be a fraction such as 2/3, at most 1"))
)

/** @internal */
export const DayUnit = Schema.Literal("calendar-days", "working-days")

/** @internal */
export const RoundingMode = Schema.Literal("half-up", "half-even", "down", "up")

/**
 * The built-in methods (panel-review, competitive-consultation, public-tender) or one a plugin registers
 * (checked against the configuration's methods when procurement starts: `procurement.method-known`).
 *
 * @internal
 */
export const ProcurementMethod = Schema.String.pipe(
  Schema.filter(
    (s) => /^[a-z][a-z0-9-]*$/.test(s),
    bilingual(
      "须为采购方式标识,如 panel-review、competitive-consultation、public-tender 或插件登记的方式",
      "must be a procurement method id: panel-review, competitive-consultation, public-tender or one a plugin registers"
    )
  )
)

/** @internal */
export const Aggregation = Schema.Literal("mean", "trimmed-mean")

const Month = Schema.String.pipe(
  Schema.filter(
    (s) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s),
    bilingual("须为 YYYY-MM 形式的年月", "must be a month as YYYY-MM")
  )
)

/** @internal */
export const MonthRange = Schema.Struct({ from: Month, to: Schema.optional(Month) }).pipe(
  Schema.filter(
    (r) => r.to === undefined || r.from <= r.to,
    bilingual("起始月份不能晚于结束月份", "from must not be after to")
  )
)

/** @internal */
export const Schedule = Schema.partial(
  Schema.Struct({
    keyAreas: MonthRange,
    subProjects: MonthRange,
    budgetApproval: MonthRange,
    publicity: MonthRange,
    procurement: MonthRange,
    contract: MonthRange,
    implementation: MonthRange,
    supervision: MonthRange,
    acceptance: MonthRange
  })
)

/** @internal */
export const CapApproval = Schema.Struct({
  document: NonEmptyText,
  approvedOn: Schema.String.pipe(Schema.pattern(/^\d{4}-\d{2}-\d{2}$/)),
  capPercent: Percent
})

/** @internal */
export const issuesOf = (error: ParseResult.ParseError): ReadonlyArray<InputIssue> => fromParseError("", error).issues
