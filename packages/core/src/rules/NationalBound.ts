/**
 * National floors and ceilings on parameters. A parameter that national law bounds (至少3家, 不少于10日,
 * 不得少于2/3, 30日内, 原则上不超过3%) declares its bound with the citation; a city or province may be
 * stricter, never looser. A file that is looser fails when it loads, with a {@link BoundIssue} naming the
 * parameter, the value, the bound and the law — unless the law allows a looser value with an approval and the
 * approval is recorded in the parameter the bound names (the fee cap's provincial approval, a price weight
 * outside 10%–30% with the finance department's approval).
 *
 * @since 0.2.0
 */
import { InputIssue } from "../kernel/InputError.js"
import type { LegalBasis } from "../kernel/LegalBasis.js"
import * as Money from "../kernel/Money.js"
import type { Title } from "./Rule.js"

/**
 * The rule id every bound violation carries.
 *
 * @since 0.2.0
 * @category constants
 */
export const ruleId = "parameter.national-bound"

/**
 * An approval the law allows for a looser value: the parameter that records it and whether the recorded approval
 * covers the value.
 *
 * @since 0.2.0
 * @category models
 */
export interface Approval<A = any> {
  /** The parameter recording the approval (for example `fund.provincialCapApproval`). */
  readonly parameter: string
  /** Who approves, as the law names it. */
  readonly by: Title
  /** Whether the recorded approval covers the value (for example the approved cap is at least the value). */
  readonly covers: (value: A, approval: any) => boolean
}

/**
 * A national floor or ceiling on a parameter.
 *
 * @since 0.2.0
 * @category models
 */
export interface NationalBound<A = any> {
  /** The bound as the law states it: `不少于 3` / `at least 3`. */
  readonly requirement: Title
  /** The text that fixes it. */
  readonly basis: LegalBasis
  /** Whether a value keeps within the bound (stricter values do). */
  readonly holds: (value: A) => boolean
  /** Present where the law allows a looser value with an approval. */
  readonly approval?: Approval<A> | undefined
}

const decimal = (value: unknown): Money.Decimal => new Money.Decimal(value as string)

const figure = (value: number | string): string => decimal(value).toFixed()

/**
 * A floor: the value must be at least `min` (a minimum number of suppliers, a minimum period).
 *
 * @since 0.2.0
 * @category constructors
 */
export const atLeast = (
  min: number | string,
  basis: LegalBasis,
  approval?: Approval<any>
): NationalBound<number | Money.Decimal> => ({
  requirement: { zh: `不少于 ${figure(min)}`, en: `at least ${figure(min)}` },
  basis,
  holds: (value) => decimal(value).gte(decimal(min)),
  approval
})

/**
 * A ceiling: the value must be at most `max` (a signing period, a payment period, a fee cap).
 *
 * @since 0.2.0
 * @category constructors
 */
export const atMost = (
  max: number | string,
  basis: LegalBasis,
  approval?: Approval<any>
): NationalBound<number | Money.Decimal> => ({
  requirement: { zh: `不超过 ${figure(max)}`, en: `at most ${figure(max)}` },
  basis,
  holds: (value) => decimal(value).lte(decimal(max)),
  approval
})

/**
 * A ceiling on an amount in 万元 (a budget from which a larger panel is needed): the amount must be at most
 * `maxWan` 万元. A lower amount is stricter.
 *
 * @since 0.2.0
 * @category constructors
 */
export const amountAtMost = (maxWan: number | string, basis: LegalBasis): NationalBound<Money.Money> => ({
  requirement: { zh: `不超过 ${figure(maxWan)}万元`, en: `at most ${figure(maxWan)} wan yuan` },
  basis,
  holds: (value) => Money.toWan(value).lte(decimal(maxWan))
})

const fraction = (text: string): readonly [bigint, bigint] => {
  const [n, d] = text.split("/")
  return [BigInt(n!), BigInt(d!)]
}

/**
 * A floor on a fraction written `n/d` (the experts' share of a panel).
 *
 * @since 0.2.0
 * @category constructors
 */
export const fractionAtLeast = (min: string, basis: LegalBasis): NationalBound<string> => ({
  requirement: { zh: `不少于 ${min}`, en: `at least ${min}` },
  basis,
  holds: (value) => {
    const [n, d] = fraction(value)
    const [mn, md] = fraction(min)
    return n * md >= mn * d
  }
})

/**
 * A range that must lie within `[min, max]` (a price weight range of 10%–30%).
 *
 * @since 0.2.0
 * @category constructors
 */
export const rangeWithin = (
  min: number | string,
  max: number | string,
  basis: LegalBasis,
  approval?: Approval<any>
): NationalBound<{ readonly min: Money.Decimal; readonly max: Money.Decimal }> => ({
  requirement: { zh: `在 ${figure(min)} 至 ${figure(max)} 之间`, en: `within ${figure(min)}–${figure(max)}` },
  basis,
  holds: (range) => range.min.gte(decimal(min)) && range.max.lte(decimal(max)),
  approval
})

/**
 * One value that is looser than the national bound: a typed input issue (its `path` is the parameter's) that
 * names the parameter, the value, the bound and the law.
 *
 * @since 0.2.0
 * @category errors
 */
export class BoundIssue extends InputIssue {
  /** Always {@link ruleId}. */
  readonly ruleId: typeof ruleId = ruleId
  /** The parameter's name. */
  readonly parameter: string
  /** The value as written. */
  readonly value: string
  /** The bound, as the law states it (in Chinese). */
  readonly bound: string
  /** The citation of the law. */
  readonly law: string
  constructor(fields: {
    readonly path: string
    readonly zh: string
    readonly en: string
    readonly parameter: string
    readonly value: string
    readonly bound: string
    readonly law: string
  }) {
    super({ path: fields.path, zh: fields.zh, en: fields.en })
    this.parameter = fields.parameter
    this.value = fields.value
    this.bound = fields.bound
    this.law = fields.law
  }
}

const citationOf = (basis: LegalBasis): string => basis.citation

/**
 * A fixed choice: the value must be `expected` (a period the law counts in calendar days may not be counted in
 * working days, which would lengthen it).
 *
 * @since 0.2.0
 * @category constructors
 */
export const equals = (expected: string, basis: LegalBasis): NationalBound<string> => ({
  requirement: { zh: `为 ${expected}`, en: `${expected}` },
  basis,
  holds: (value) => value === expected
})

/**
 * The issue for a value outside its bound.
 *
 * @since 0.2.0
 * @category constructors
 */
export const issue = (options: {
  readonly parameter: string
  readonly title: Title
  readonly path: string
  readonly shown: string
  readonly bound: NationalBound
  readonly from: string | undefined
}): BoundIssue => {
  const { bound, parameter, shown, title } = options
  const law = citationOf(bound.basis)
  const since = options.from === undefined
    ? { zh: "", en: "" }
    : { zh: `(自 ${options.from} 起)`, en: ` (from ${options.from})` }
  const approval = bound.approval === undefined
    ? { zh: "", en: "" }
    : {
      zh: `;放宽须经${bound.approval.by.zh}批准并记录于 ${bound.approval.parameter}`,
      en: `; a looser value needs the approval of ${bound.approval.by.en}, recorded in ${bound.approval.parameter}`
    }
  return new BoundIssue({
    path: options.path,
    parameter,
    value: shown,
    bound: bound.requirement.zh,
    law,
    zh:
      `参数 ${parameter}(${title.zh})取值 ${shown}${since.zh},比全国规定宽松:依据${law},应${bound.requirement.zh}${approval.zh};城市、省份只能更严,不能更宽`,
    en:
      `parameter ${parameter} (${title.en}) is ${shown}${since.en}, looser than national law: ${law} requires ${bound.requirement.en}${approval.en}; a city or province may be stricter, never looser`
  })
}
