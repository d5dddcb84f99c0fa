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

const words: ReadonlyArray<string> = [
  "关于",
  "年度",
  "自治区",
  "工伤预防",
  "工伤保险",
  "危险化学品",
  "危化",
  "重点领域",
  "重点企业",
  "能力提升",
  "培训",
  "宣传",
  "项目",
  "工作",
  "实施方案",
  "实施",
  "方案",
  "采购需求",
  "采购",
  "需求",
  "公示",
  "通知",
  "报告",
  "申请",
  "支付",
  "预付款",
  "余款",
  "简报",
  "记录",
  "验收",
  "审计追踪",
  "摘录",
  "评审",
  "磋商",
  "打分",
  "汇总表",
  "结果",
  "进展",
  "计划",
  "月度",
  "抽查",
  "回访",
  "巡查",
  "企业",
  "其他",
  "服务",
  "机构",
  "委员会",
  "办公室",
  "社会保险",
  "经办",
  "合同",
  "付款",
  "费用",
  "构成",
  "明细"
]

/**
 * Positions (in characters) where a title or a short table cell may break
 * between words: the edges of the words the project's titles are made of,
 * after punctuation and after 年 (of a year), 市 and 的; never inside a
 * number, a date or a Latin word (GB/T 9704: a title broken over lines keeps
 * its words whole).
 *
 * @since 0.1.0
 * @category formatting
 */
export const wordBreaks = (text: string): Set<number> => {
  const chars = [...text]
  const joined = chars.join("")
  const out = new Set<number>()
  for (const w of words) {
    for (let i = joined.indexOf(w); i >= 0; i = joined.indexOf(w, i + 1)) {
      out.add(i)
      out.add(i + w.length)
    }
  }
  chars.forEach((c, i) => {
    if ("，、：；）》".includes(c)) out.add(i + 1)
    if ("（《".includes(c)) out.add(i)
    if (c === "年" && /\d/.test(chars[i - 1] ?? "")) out.add(i + 1)
    if (c === "市" || c === "的") out.add(i + 1)
  })
  // never inside a number, a date or a Latin word
  chars.forEach((c, i) => {
    if (/[\d.,A-Za-z¥]/.test(c) && /[\d.,A-Za-z%]/.test(chars[i + 1] ?? "")) out.delete(i + 1)
  })
  out.delete(0)
  out.delete(chars.length)
  return out
}

/**
 * A title broken into balanced lines of at most `chars` characters, only
 * between words (see {@link wordBreaks}); the title whole when it fits or has
 * no such split.
 *
 * @since 0.1.0
 * @category formatting
 */
export const titleLines = (title: string, chars: number): ReadonlyArray<string> => {
  const all = [...title]
  if (all.length <= chars) return [title]
  const breaks = [...wordBreaks(title)].sort((a, b) => a - b)
  for (let n = 2; n <= 4; n++) {
    const target = all.length / n
    const cuts: Array<number> = []
    let from = 0
    for (let k = 1; k < n; k++) {
      const fits = breaks.filter((b) => b > from && b - from <= chars)
      if (fits.length === 0) break
      const best = fits.reduce((a, b) => (Math.abs(b - from - target) <= Math.abs(a - from - target) ? b : a))
      cuts.push(best)
      from = best
    }
    if (cuts.length === n - 1 && all.length - from <= chars) {
      const edges = [0, ...cuts, all.length]
      return edges.slice(1).map((to, i) => all.slice(edges[i], to).join(""))
    }
  }
  return [title]
}
