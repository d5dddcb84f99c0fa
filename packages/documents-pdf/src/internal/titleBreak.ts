/**
 * Breaking a title (or a short table cell) between words: GB/T 9704 asks that
 * a title broken over lines keep its words whole and its lines balanced. Break
 * points are the edges of the words the project's titles are made of and the
 * places after punctuation; among them, the lines closest to equal length win.
 */
import { Numbering } from "@gsyf/documents"
import type { Atom } from "./lineBreak.js"

const { wordBreaks } = Numbering

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
