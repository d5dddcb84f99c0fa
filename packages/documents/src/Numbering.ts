/**
 * Renderer-neutral numbering and date helpers for Chinese official documents
 * (GB/T 9704-2012 《党政机关公文格式》 7.3.3): the four heading levels are
 * numbered 一、 / （一） / 1. / ①, and dates are written 2026年3月5日.
 *
 * Every renderer numbers headings through {@link headingLabels}, so Markdown,
 * HTML, DOCX and PDF output always agree.
 *
 * @since 0.1.0
 */
import { InputError } from "@gsyf/core"
import * as Schema from "effect/Schema"

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const

/**
 * Writes a whole number in Chinese numerals as used in headings and ordinal
 * text: `1` → 一, `10` → 十, `15` → 十五, `21` → 二十一, `99` → 九十九,
 * `105` → 一百零五, `110` → 一百一十. Supports 0 to 9999; throws a `RangeError`
 * outside that range or for non-integers.
 *
 * @since 0.1.0
 * @category numbering
 */
export const chineseNumber = (n: number): string => {
  if (!Number.isInteger(n) || n < 0 || n > 9999) {
    throw new RangeError(`chineseNumber supports integers from 0 to 9999, got ${n}`)
  }
  if (n === 0) return "〇"
  if (n < 20) return n < 10 ? DIGITS[n]! : "十" + (n === 10 ? "" : DIGITS[n - 10]!)
  const units = ["", "十", "百", "千"] as const
  const digits = String(n).split("").map(Number)
  let out = ""
  let pendingZero = false
  digits.forEach((d, i) => {
    const place = digits.length - 1 - i
    if (d === 0) {
      pendingZero = out !== ""
      return
    }
    if (pendingZero) out += "零"
    pendingZero = false
    out += DIGITS[d]! + units[place]!
  })
  return out
}

const CIRCLED_1_20 = 0x2460
const CIRCLED_21_35 = 0x3251
const CIRCLED_36_50 = 0x32b1

/**
 * A circled number ① … ㊿ (1 to 50); larger numbers fall back to `(51)`.
 *
 * @since 0.1.0
 * @category numbering
 */
export const circledNumber = (n: number): string => {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`circledNumber needs a positive integer, got ${n}`)
  if (n <= 20) return String.fromCodePoint(CIRCLED_1_20 + n - 1)
  if (n <= 35) return String.fromCodePoint(CIRCLED_21_35 + n - 21)
  if (n <= 50) return String.fromCodePoint(CIRCLED_36_50 + n - 36)
  return `(${n})`
}

/**
 * A heading level of an official document: 1 一、, 2 （一）, 3 1., 4 ①.
 *
 * @since 0.1.0
 * @category models
 */
export type HeadingLevel = 1 | 2 | 3 | 4

/**
 * The label of the `index`-th heading (1-based) at a level, following
 * GB/T 9704-2012 7.3.3: `headingLabel(1, 3)` → `"三、"`, `headingLabel(2, 1)` →
 * `"（一）"`, `headingLabel(3, 2)` → `"2."`, `headingLabel(4, 1)` → `"①"`.
 * Level-2 parentheses are full-width.
 *
 * @since 0.1.0
 * @category numbering
 */
export const headingLabel = (level: HeadingLevel, index: number): string => {
  switch (level) {
    case 1:
      return `${chineseNumber(index)}、`
    case 2:
      return `（${chineseNumber(index)}）`
    case 3:
      return `${index}.`
    case 4:
      return circledNumber(index)
  }
}

/**
 * The marker of the `index`-th item (1-based) of a numbered list: `（1）`,
 * the level below 1. in an official document.
 *
 * @since 0.1.0
 * @category numbering
 */
export const listLabel = (index: number): string => `（${index}）`

/**
 * What {@link headingLabels} needs to know about a block.
 *
 * @since 0.1.0
 * @category models
 */
export interface NumberableBlock {
  readonly _tag: string
  readonly level?: HeadingLevel | undefined
  readonly label?: string | undefined
}

/**
 * Numbers the headings of a block list. Returns one entry per block: the
 * heading's label (`"一、"`, `"（二）"`…) or `undefined` for other blocks.
 *
 * Counters restart below each higher heading (a new 一、 restarts （一）). A
 * heading with an explicit `label` shows that label as given (`""` shows no
 * label) but still counts, so the next automatic heading continues the
 * sequence.
 *
 * @since 0.1.0
 * @category numbering
 */
export const headingLabels = (blocks: ReadonlyArray<NumberableBlock>): ReadonlyArray<string | undefined> => {
  const counters = [0, 0, 0, 0]
  return blocks.map((block) => {
    if (block._tag !== "Heading" || block.level === undefined) return undefined
    const level = block.level
    counters[level - 1]! += 1
    for (let i = level; i < counters.length; i++) counters[i] = 0
    return block.label ?? headingLabel(level, counters[level - 1]!)
  })
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const parseIsoDate = (text: string): readonly [number, number, number] | undefined => {
  const m = ISO_DATE.exec(text)
  if (m === null) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined
  return [y, mo, d]
}

/**
 * Schema for a calendar date written `YYYY-MM-DD` (a real date, no time zone).
 *
 * @since 0.1.0
 * @category schemas
 */
export const IsoDateString: Schema.filter<typeof Schema.String> = Schema.String.pipe(
  Schema.filter(
    (s) => parseIsoDate(s) !== undefined,
    InputError.bilingual("日期须为 YYYY-MM-DD 格式的有效日期", "must be a valid date written YYYY-MM-DD")
  )
).annotations({ identifier: "IsoDateString" })

/**
 * Writes an ISO date the way GB/T 9704-2012 7.3.5.3 prescribes for the date of
 * a document: Arabic numerals, no leading zeros — `"2026-03-05"` →
 * `"2026年3月5日"`. Throws a `RangeError` for anything that is not a valid
 * `YYYY-MM-DD` date (decode with {@link IsoDateString} first).
 *
 * @since 0.1.0
 * @category dates
 */
export const chineseDate = (isoDate: string): string => {
  const parts = parseIsoDate(isoDate)
  if (parts === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(isoDate)}`)
  return `${parts[0]}年${parts[1]}月${parts[2]}日`
}

/**
 * Fills a page header or footer template: `{page}` becomes the page number and
 * `{pages}` the page count, e.g. `"— {page} —"` → `"— 3 —"`.
 *
 * @since 0.1.0
 * @category numbering
 */
export const pageLabel = (template: string, page: number, pages?: number | undefined): string =>
  template.replaceAll("{page}", String(page)).replaceAll("{pages}", pages === undefined ? "" : String(pages))
