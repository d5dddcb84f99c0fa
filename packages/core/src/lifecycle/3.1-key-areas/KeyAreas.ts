/**
 * 实施方案 三(一): choosing the year's key areas (重点领域) from the data.
 *
 * The plan asks for a data analysis of the prior year's key areas and of the
 * first half of the current year (occupational disease, safety accidents,
 * work-injury accidents), and 四(一) names what makes an industry a priority:
 * high accident and occupational-disease rates, many deaths and high-grade
 * disabilities, and a high 支缴率 (fund payout ÷ contributions). No national
 * text turns these into a formula, so gsyf ranks industries with a documented,
 * configurable {@link Weighting} (its default is a gsyf choice), then
 * {@link select}s the top ones and adds the areas a higher-level document
 * mandates (for example the hazardous-chemicals capacity programme).
 *
 * Scores are computed as exact fractions; the `Decimal` figures shown are
 * derived from them (exact when the fraction terminates, else 40 significant
 * digits), and ranking compares the exact fractions.
 *
 * @since 0.1.0
 */
import type { Decimal as DecimalJs } from "decimal.js"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Industry from "../../kernel/Industry.js"
import { type Bilingual, bilingual, decodeEither, InputIssue, InvalidInput } from "../../kernel/InputError.js"
import * as X from "../../kernel/internal/exactInput.js"
import * as Q from "../../kernel/internal/rational.js"
import { gsyf, type LegalBasis, plan } from "../../kernel/LegalBasis.js"
import { Decimal } from "../../kernel/Money.js"

/**
 * The two periods the plan analyses: the prior year (上年度) and the first half
 * of the current year (当年上半年).
 *
 * @since 0.1.0
 * @category models
 */
export const Period = Schema.Literal("prior-year", "first-half")

/**
 * @since 0.1.0
 * @category models
 */
export type Period = typeof Period.Type

/**
 * The indicators scored. `payoutRatio` (支缴率) is derived: `fundPayout ÷ contributions`.
 *
 * @since 0.1.0
 * @category models
 */
export type Indicator =
  | "accidents"
  | "accidentRate"
  | "occupationalDiseaseCases"
  | "deaths"
  | "disabilityGrades1to4"
  | "payoutRatio"

/**
 * The indicators in the order they are reported.
 *
 * @since 0.1.0
 * @category constants
 */
export const indicators: ReadonlyArray<Indicator> = [
  "accidents",
  "accidentRate",
  "occupationalDiseaseCases",
  "deaths",
  "disabilityGrades1to4",
  "payoutRatio"
]

/**
 * The periods in the order they are reported.
 *
 * @since 0.1.0
 * @category constants
 */
export const periods: ReadonlyArray<Period> = ["prior-year", "first-half"]

/**
 * Names of the indicators in both languages.
 *
 * @since 0.1.0
 * @category constants
 */
export const indicatorTitles: Readonly<Record<Indicator, Bilingual>> = {
  accidents: { zh: "工伤事故起数", en: "work-injury accidents" },
  accidentRate: { zh: "工伤事故发生率(每千名参保职工)", en: "accident rate (per 1,000 insured)" },
  occupationalDiseaseCases: { zh: "职业病病例数", en: "occupational disease cases" },
  deaths: { zh: "工亡人数", en: "deaths" },
  disabilityGrades1to4: { zh: "一至四级伤残人数", en: "disabilities of grades 1–4" },
  payoutRatio: { zh: "工伤保险基金支缴率", en: "fund payout ÷ contributions (支缴率)" }
}

/**
 * The statistics of one industry for one period.
 *
 * - `accidents`, `occupationalDiseaseCases`, `deaths`, `disabilityGrades1to4`: counts.
 * - `accidentRate`: accidents per 1,000 insured workers, a decimal string (`"3.25"`).
 * - `fundPayout`, `contributions`: yuan (`Money.Yuan`); `contributions` must be
 *   greater than 0, since 支缴率 = payout ÷ contributions.
 *
 * @since 0.1.0
 * @category schemas
 */
export const IndustryStatistics = Schema.Struct({
  code: Industry.IndustryCode,
  period: Period,
  accidents: X.Count,
  accidentRate: X.NonNegativeDecimal,
  occupationalDiseaseCases: X.Count,
  deaths: X.Count,
  disabilityGrades1to4: X.Count,
  fundPayout: X.YuanLike,
  contributions: X.PositiveYuan
})

/**
 * @since 0.1.0
 * @category models
 */
export type IndustryStatistics = typeof IndustryStatistics.Type

const Weight = X.NonNegativeDecimal

/**
 * How indicators and periods are weighted.
 *
 * **Formula.** For industry `c`, period `p` and indicator `i`, let `x(c,p,i)`
 * be the value (the count, the rate, or 支缴率 = payout ÷ contributions) and
 * `M(p,i)` its maximum over all industries ranked. Normalisation (`"max"`, the
 * only one offered) divides each value by that maximum:
 *
 * ```
 * n(c,p,i) = x(c,p,i) / M(p,i)            (0 when M(p,i) = 0)
 * contribution(c,p,i) = periods[p] × indicators[i] × n(c,p,i)
 * score(c) = Σ over p, i of contribution(c,p,i)
 * ```
 *
 * Weights are non-negative decimals; they need not add up to 1 (when both
 * sets do, as in {@link defaultWeighting}, every score lies between 0 and 1).
 * At least one indicator and one period must weigh more than 0. Every
 * industry ranked needs statistics for every period whose weight is above 0.
 *
 * **Worked example.** Weights `accidents 0.5, deaths 0.5` (others 0),
 * `prior-year 1, first-half 0`. Industry `47` had 40 accidents and 2 deaths,
 * `13` had 20 accidents and 4 deaths, `48` had 10 accidents and 1 death. The
 * maxima are 40 and 4, so
 * `47: 0.5×40/40 + 0.5×2/4 = 0.75`, `13: 0.5×20/40 + 0.5×4/4 = 0.75`,
 * `48: 0.5×10/40 + 0.5×1/4 = 0.25`. 47 and 13 tie at 0.75; the tie is broken
 * by classification order ({@link Industry.compare}), so the ranking is
 * `13, 47, 48`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Weighting = Schema.Struct({
  indicators: Schema.Struct({
    accidents: Weight,
    accidentRate: Weight,
    occupationalDiseaseCases: Weight,
    deaths: Weight,
    disabilityGrades1to4: Weight,
    payoutRatio: Weight
  }),
  periods: Schema.Struct({ "prior-year": Weight, "first-half": Weight }),
  /** Each indicator divided by its maximum across the industries ranked. */
  normalisation: Schema.Literal("max"),
  /** Where the weights come from (a city decision, or gsyf's default). */
  basis: X.LegalBasisLike
}).pipe(
  Schema.filter(
    (w) => indicators.some((i) => w.indicators[i].gt(0)),
    bilingual("至少一个指标的权重须大于 0", "at least one indicator must weigh more than 0")
  ),
  Schema.filter(
    (w) => periods.some((p) => w.periods[p].gt(0)),
    bilingual("至少一个时段的权重须大于 0", "at least one period must weigh more than 0")
  )
)

/**
 * @since 0.1.0
 * @category models
 */
export type Weighting = typeof Weighting.Type

/**
 * The default weighting, a gsyf choice (no national formula exists):
 * accident rate 0.25; accidents, occupational disease cases, deaths,
 * disabilities of grades 1–4 and 支缴率 0.15 each; prior year 0.6, first half
 * 0.4. The rate weighs most because 四(一) puts 发生率 first and a rate is
 * comparable across industries of different size. Override it with a city's
 * own {@link Weighting}.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultWeighting: Weighting = {
  indicators: {
    accidents: new Decimal("0.15"),
    accidentRate: new Decimal("0.25"),
    occupationalDiseaseCases: new Decimal("0.15"),
    deaths: new Decimal("0.15"),
    disabilityGrades1to4: new Decimal("0.15"),
    payoutRatio: new Decimal("0.15")
  },
  periods: { "prior-year": new Decimal("0.6"), "first-half": new Decimal("0.4") },
  normalisation: "max",
  basis: gsyf(
    "重点领域排序权重:发生率0.25,事故起数、职业病、工亡、一至四级伤残、支缴率各0.15;上年度0.6、当年上半年0.4;各指标除以各行业最大值归一化。无全国统一公式,城市可改。"
  )
}

/**
 * One term of a score.
 *
 * @since 0.1.0
 * @category models
 */
export interface Term {
  readonly period: Period
  readonly indicator: Indicator
  /** `x(c,p,i)`. */
  readonly value: DecimalJs
  /** `M(p,i)`, the maximum across industries. */
  readonly maximum: DecimalJs
  /** `x / M` (0 when M = 0). */
  readonly normalised: DecimalJs
  /** `periods[p] × indicators[i]`. */
  readonly weight: DecimalJs
  readonly contribution: DecimalJs
}

/**
 * One industry in a ranking.
 *
 * @since 0.1.0
 * @category models
 */
export interface RankedIndustry {
  /** 1-based position; ties are broken, so ranks are 1, 2, 3, … */
  readonly rank: number
  readonly code: string
  readonly name: string
  readonly score: DecimalJs
  /** The score as an exact fraction, e.g. `"3/4"`. */
  readonly scoreExact: string
  /** The score rounded half-up to 4 decimals, for display. */
  readonly scoreDisplay: string
  /** Contribution of each indicator, summed over the periods. */
  readonly contributions: Readonly<Record<Indicator, DecimalJs>>
  /** Every term of the score. */
  readonly terms: ReadonlyArray<Term>
  /** Other industries with exactly the same score (the tie was broken by code order). */
  readonly tiedWith: ReadonlyArray<string>
}

const StatisticsList = Schema.Array(IndustryStatistics)

const valueOf = (s: IndustryStatistics, i: Indicator): Q.Rational => {
  switch (i) {
    case "accidentRate":
      return Q.fromDecimal(s.accidentRate)
    case "payoutRatio":
      return Q.div(Q.fromDecimal(s.fundPayout.yuan), Q.fromDecimal(s.contributions.yuan))
    default:
      return Q.fromInt(s[i])
  }
}

interface Scored {
  readonly code: string
  readonly score: Q.Rational
  readonly terms: ReadonlyArray<Term & { readonly exact: Q.Rational }>
}

const subject = "IndustryStatistics"

type ByIndustry = Map<string, Map<Period, IndustryStatistics>>

/** The statistics by industry and period; a repeated (code, period) is an issue. */
const byIndustry = (
  stats: ReadonlyArray<IndustryStatistics>,
  at: (i: number) => string,
  issues: Array<InputIssue>
): ByIndustry => {
  const rows: ByIndustry = new Map()
  stats.forEach((s, i) => {
    const byPeriod = rows.get(s.code) ?? new Map<Period, IndustryStatistics>()
    if (byPeriod.has(s.period)) {
      issues.push(
        new InputIssue({
          path: at(i),
          zh: `行业 ${s.code} 的 ${s.period} 数据重复`,
          en: `statistics for industry ${s.code}, period ${s.period} given twice`
        })
      )
    }
    byPeriod.set(s.period, s)
    rows.set(s.code, byPeriod)
  })
  return rows
}

/** Every industry needs the statistics of every period that weighs above 0. */
const missingPeriods = (rows: ByIndustry, activePeriods: ReadonlyArray<Period>, path: string): Array<InputIssue> =>
  [...rows].flatMap(([code, byPeriod]) =>
    activePeriods.filter((p) => !byPeriod.has(p)).map((p) =>
      new InputIssue({
        path,
        zh: `行业 ${code} 缺少 ${p === "prior-year" ? "上年度" : "当年上半年"} 数据(该时段权重大于 0)`,
        en: `industry ${code} has no ${p} statistics (that period weighs more than 0)`
      })
    )
  )

/** `M(p,i)`: each indicator's maximum across the industries, by `period/indicator`. */
const maximaOf = (rows: ByIndustry, activePeriods: ReadonlyArray<Period>): Map<string, Q.Rational> => {
  const maxima = new Map<string, Q.Rational>()
  for (const p of activePeriods) {
    for (const i of indicators) {
      let m = Q.zero
      for (const byPeriod of rows.values()) {
        const v = valueOf(byPeriod.get(p)!, i)
        if (Q.compare(v, m) > 0) m = v
      }
      maxima.set(`${p}/${i}`, m)
    }
  }
  return maxima
}

/** One industry's score: the sum over the active periods and the indicators of weight × normalised value. */
const scoreOf = (
  weighting: Weighting,
  activePeriods: ReadonlyArray<Period>,
  maxima: Map<string, Q.Rational>
) =>
(code: string, byPeriod: Map<Period, IndustryStatistics>): Scored => {
  const terms = activePeriods.flatMap((p) =>
    indicators.map((i): Term & { exact: Q.Rational } => {
      const x = valueOf(byPeriod.get(p)!, i)
      const m = maxima.get(`${p}/${i}`)!
      const n = Q.isZero(m) ? Q.zero : Q.div(x, m)
      const w = Q.mul(Q.fromDecimal(weighting.periods[p]), Q.fromDecimal(weighting.indicators[i]))
      const c = Q.mul(w, n)
      return {
        period: p,
        indicator: i,
        value: Q.toDecimal(x),
        maximum: Q.toDecimal(m),
        normalised: Q.toDecimal(n),
        weight: Q.toDecimal(w),
        contribution: Q.toDecimal(c),
        exact: c
      }
    })
  )
  return { code, score: Q.sum(terms.map((t) => t.exact)), terms }
}

/** A scored industry at its place in the ranking, with its contributions by indicator and its ties. */
const rankedOf = (scored: ReadonlyArray<Scored>) => (s: Scored, k: number): RankedIndustry => {
  const contributions = Object.fromEntries(
    indicators.map((i) => [i, Q.toDecimal(Q.sum(s.terms.filter((t) => t.indicator === i).map((t) => t.exact)))])
  ) as Record<Indicator, DecimalJs>
  return {
    rank: k + 1,
    code: s.code,
    name: Industry.lookup(s.code)!.name,
    score: Q.toDecimal(s.score),
    scoreExact: Q.toFraction(s.score),
    scoreDisplay: Q.toFixedHalfUp(s.score, 4),
    contributions,
    terms: s.terms.map(({ exact: _, ...t }) => t),
    tiedWith: scored.filter((o) => o.code !== s.code && Q.equals(o.score, s.score)).map((o) => o.code)
  }
}

const computeRanking = (
  stats: ReadonlyArray<IndustryStatistics>,
  weighting: Weighting,
  pathPrefix: string
): Either.Either<ReadonlyArray<RankedIndustry>, InvalidInput> => {
  const issues: Array<InputIssue> = []
  if (stats.length === 0) {
    issues.push(new InputIssue({ path: pathPrefix, zh: "没有行业统计数据", en: "no industry statistics given" }))
  }
  const rows = byIndustry(stats, (i) => `${pathPrefix}[${i}]`, issues)
  const activePeriods = periods.filter((p) => weighting.periods[p].gt(0))
  issues.push(...missingPeriods(rows, activePeriods, pathPrefix))
  if (issues.length > 0) return Either.left(new InvalidInput({ subject, issues }))

  const score = scoreOf(weighting, activePeriods, maximaOf(rows, activePeriods))
  const scored = [...rows].map(([code, byPeriod]) => score(code, byPeriod))
  scored.sort((a, b) => Q.compare(b.score, a.score) || Industry.compare(a.code, b.code))
  return Either.right(scored.map(rankedOf(scored)))
}

const decodeWeighting = decodeEither(Weighting, "Weighting")

/**
 * Ranks industries by the weighted score of {@link Weighting}. Highest score
 * first; an exact tie is broken by classification order (`Industry.compare`:
 * section, then code, parent before child), and each tied entry lists the
 * others in `tiedWith`.
 *
 * `stats` is decoded with {@link IndustryStatistics} (an unknown code is an
 * `InvalidInput` naming its path, e.g. `[3].code`). Fails too when a
 * (code, period) repeats or an industry lacks a period that weighs above 0.
 *
 * @since 0.1.0
 * @category scoring
 */
export const rank = (
  stats: unknown,
  weighting: unknown = defaultWeighting
): Either.Either<ReadonlyArray<RankedIndustry>, InvalidInput> =>
  Either.flatMap(
    decodeWeighting(weighting),
    (w) => Either.flatMap(decodeEither(StatisticsList, subject)(stats), (s) => computeRanking(s, w, ""))
  )

/**
 * An area a higher-level document requires, whatever the data say: a GB/T
 * 4754 `code`, or a `label` for an area that is no single category (such as
 * "其他危险化学品相关行业", see `Industry.hazardousChemicalsCodes`), or both.
 * `reason` is a text (used for both languages) or `{ zh, en }`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Mandated = Schema.Struct({
  code: X.optional(Industry.IndustryCode),
  label: X.optional(X.NonEmptyText),
  reason: Schema.Union(X.NonEmptyText, Schema.Struct({ zh: X.NonEmptyText, en: X.NonEmptyText })),
  basis: X.LegalBasisLike
}).pipe(
  Schema.filter(
    (m) => m.code !== undefined || m.label !== undefined,
    bilingual("须给出行业代码 code 或名称 label", "needs a code or a label")
  )
)

/**
 * @since 0.1.0
 * @category models
 */
export type Mandated = typeof Mandated.Type

/**
 * What {@link select} takes. `weighting` defaults to {@link defaultWeighting};
 * `top` is how many ranked industries to take.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SelectionInput = Schema.Struct({
  stats: StatisticsList,
  weighting: X.optional(Weighting),
  top: X.PositiveInt,
  mandated: X.optional(Schema.Array(Mandated))
})

/**
 * @since 0.1.0
 * @category models
 */
export type SelectionInput = typeof SelectionInput.Encoded

/**
 * Why an area was selected.
 *
 * @since 0.1.0
 * @category models
 */
export interface Reason extends Bilingual {
  readonly source: "ranked" | "mandated"
  readonly basis: LegalBasis
}

/**
 * One selected key area.
 *
 * @since 0.1.0
 * @category models
 */
export interface SelectedArea {
  /** The GB/T 4754 code, when the area is one category. */
  readonly code: string | undefined
  /** `"C 制造业"`, or the label given for a mandated area. */
  readonly label: string
  /** Rank and score when the area was ranked. */
  readonly rank: number | undefined
  readonly score: DecimalJs | undefined
  readonly reasons: ReadonlyArray<Reason>
}

/**
 * The result of {@link select}: the areas (ranked ones first, in rank order,
 * then mandated ones in the order given), the full ranking and the weighting used.
 *
 * @since 0.1.0
 * @category models
 */
export interface Selection {
  readonly areas: ReadonlyArray<SelectedArea>
  readonly ranking: ReadonlyArray<RankedIndustry>
  readonly weighting: Weighting
}

const rankedBasis = plan("三(一)", "根据上年度重点领域及当年上半年职业病、安全生产事故和工伤事故情况进行数据分析")

/**
 * Selects the key areas: the `top` industries of the ranking, each with the
 * reason "rank k, score s" (s rounded half-up to 4 decimals; the exact score
 * is in `score`), plus every mandated area with its own reason and basis. A
 * mandated code already among the top keeps one entry with both reasons.
 *
 * @example
 * ```ts
 * import { Industry, KeyAreas, LegalBasis } from "@gsyf/core"
 * KeyAreas.select({
 *   stats,
 *   top: 3,
 *   mandated: [{
 *     label: "其他危险化学品相关行业",
 *     reason: "上级文件对危险化学品企业工伤预防能力提升的要求",
 *     basis: LegalBasis.national(LegalBasis.texts.hazchemTraining)
 *   }]
 * })
 * ```
 *
 * @since 0.1.0
 * @category scoring
 */
export const select = (input: unknown): Either.Either<Selection, InvalidInput> =>
  Either.flatMap(decodeEither(SelectionInput, "KeyAreaSelection")(input), (decoded) => {
    const weighting = decoded.weighting ?? defaultWeighting
    return Either.map(computeRanking(decoded.stats, weighting, "stats"), (ranking): Selection => {
      const areas: Array<{ -readonly [K in keyof SelectedArea]: SelectedArea[K] } & { reasons: Array<Reason> }> = []
      for (const r of ranking.slice(0, decoded.top)) {
        areas.push({
          code: r.code,
          label: Industry.label(r.code),
          rank: r.rank,
          score: r.score,
          reasons: [
            {
              source: "ranked",
              zh: `排名第 ${r.rank},得分 ${r.scoreDisplay}`,
              en: `rank ${r.rank}, score ${r.scoreDisplay}`,
              basis: rankedBasis
            }
          ]
        })
      }
      for (const m of decoded.mandated ?? []) {
        const reason: Reason = {
          source: "mandated",
          ...(typeof m.reason === "string" ? { zh: m.reason, en: m.reason } : m.reason),
          basis: m.basis
        }
        const existing = m.code === undefined ? undefined : areas.find((a) => a.code === m.code)
        if (existing !== undefined) {
          existing.reasons.push(reason)
          continue
        }
        const ranked = m.code === undefined ? undefined : ranking.find((r) => r.code === m.code)
        areas.push({
          code: m.code,
          label: m.label ?? Industry.label(m.code!),
          rank: ranked?.rank,
          score: ranked?.score,
          reasons: [reason]
        })
      }
      return { areas, ranking, weighting }
    })
  })
