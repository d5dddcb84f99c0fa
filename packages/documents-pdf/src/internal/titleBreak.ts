/**
 * Breaking a title (or a short table cell) between words: GB/T 9704 asks that
 * a title broken over lines keep its words whole and its lines balanced. Break
 * points are the edges of the words the project's titles are made of and the
 * places after punctuation; among them, the lines closest to equal length win.
 */
import type { Atom } from "./lineBreak.js"

const words = [
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

/** Positions (in characters) where the text may break between words. */
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
 * Splits `text` into the fewest lines of at most `width` whose breaks are all
 * between words, the most balanced first; `undefined` when no such split exists.
 */
export const balancedLines = (
  text: string,
  measure: (t: string) => ReadonlyArray<Atom>,
  width: number,
  spacing = 0
): Array<string> | undefined => {
  const chars = [...text]
  const w = (from: number, to: number) =>
    measure(chars.slice(from, to).join("")).reduce((a, x) => a + x.width + x.glyphs * spacing, 0)
  const total = w(0, chars.length)
  if (total <= width + 0.01) return [text]
  const breaks = [...wordBreaks(text)].sort((a, b) => a - b)
  for (let n = 2; n <= 4; n++) {
    const target = total / n
    const cuts: Array<number> = []
    let from = 0
    for (let k = 1; k < n; k++) {
      const fits = breaks.filter((b) => b > from && w(from, b) <= width + 0.01)
      if (fits.length === 0) break
      const best = fits.reduce((a, b) => (Math.abs(w(from, b) - target) <= Math.abs(w(from, a) - target) ? b : a))
      cuts.push(best)
      from = best
    }
    if (cuts.length === n - 1 && w(from, chars.length) <= width + 0.01) {
      const edges = [0, ...cuts, chars.length]
      return edges.slice(1).map((to, i) => chars.slice(edges[i], to).join(""))
    }
  }
  return undefined
}

/** The lines of a title: between words when possible, else as the line breaker sets them. */
export const titleLines = (
  text: string,
  measure: (t: string) => ReadonlyArray<Atom>,
  width: number
): ReadonlyArray<string> => balancedLines(text, measure, width) ?? [text]
