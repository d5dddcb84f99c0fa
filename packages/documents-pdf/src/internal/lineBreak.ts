/**
 * Line breaking for Chinese official documents: text is cut into atoms (one
 * Chinese character or punctuation mark, or a sequence that must not break —
 * an amount, a date, a 文号, a number with its unit, a Latin word), and atoms
 * are set on lines of a fixed width with the Chinese line-breaking rules
 * (禁则): no closing mark at the start of a line, no opening mark at its end. A
 * closing mark that does not fit is squeezed into the line (行尾挤进) rather than
 * carried over; full lines are justified by spreading the remainder over the
 * characters.
 */
import type { Face } from "./face.js"

/** How an atom is drawn. */
export interface Style {
  readonly face: Face
  readonly size: number
  /** Draw bold by stroking the outline (no bold face). */
  readonly fakeBold: boolean
  readonly underline: boolean
  readonly color: string
}

/** An unbreakable piece of text. */
export interface Atom {
  readonly text: string
  readonly style: Style
  /** Natural width, without letter spacing. */
  readonly width: number
  /** Number of glyphs (each gets the letter spacing). */
  readonly glyphs: number
}

/** A set line: its atoms and the extra letter spacing that justifies it. */
export interface Line {
  readonly atoms: ReadonlyArray<Atom>
  /** Letter spacing added to every glyph of the line, on top of the grid spacing. */
  readonly extra: number
}

const closing = new Set("，。、；：？！）》〉」』】〕”’…%％·—,.;:?!)]}")
const opening = new Set("（《〈「『【〔“‘([{")

/** Sequences kept on one line: dates, 文号, amounts and numbers with their unit, Latin words. */
const unbreakable = new RegExp(
  [
    "\\d{4}年\\d{1,2}月(?:\\d{1,2}日)?(?:\\d{1,2}时)?",
    "〔\\d{4}〕\\d+号",
    "[¥￥]?-?\\d[\\d,]*(?:\\.\\d+)?(?:万元|元|%|％|个工作日|个月|分钟|日|名|人|场|次|篇|部|家|个|号|条|项|分|岁)?",
    "[A-Za-z][A-Za-z0-9._@/-]*"
  ].join("|"),
  "gu"
)

/** Cuts text into atoms, given the width of one character. */
export const atomsOf = (
  text: string,
  style: Style,
  advance: (ch: string) => number
): Array<Atom> => {
  const out: Array<Atom> = []
  const push = (t: string) => {
    let width = 0
    let glyphs = 0
    for (const ch of t) {
      width += advance(ch)
      glyphs++
    }
    out.push({ text: t, style, width, glyphs })
  }
  let at = 0
  for (const m of text.matchAll(unbreakable)) {
    for (const ch of text.slice(at, m.index)) push(ch)
    push(m[0])
    at = m.index + m[0].length
  }
  for (const ch of text.slice(at)) push(ch)
  return out
}

const first = (a: Atom): string => a.text[0] ?? ""
const last = (a: Atom): string => a.text.at(-1) ?? ""

/** Whether a line may end between two atoms. */
export const canBreak = (before: Atom, after: Atom): boolean =>
  !closing.has(first(after)) && !opening.has(last(before)) && !(first(after) === " " && before.text === " ")

/**
 * Sets atoms on lines: the first `firstWidth` wide, the others `width`, each
 * glyph followed by `spacing` (the grid's letter spacing). Only the last line
 * is left unjustified.
 */
export const breakLines = (
  atoms: ReadonlyArray<Atom>,
  firstWidth: number,
  width: number,
  spacing: number
): Array<Line> => {
  const lines: Array<Array<Atom>> = []
  let line: Array<Atom> = []
  let used = 0
  const avail = () => (lines.length === 0 ? firstWidth : width)
  const w = (a: Atom) => a.width + a.glyphs * spacing
  const close = () => {
    lines.push(line)
    line = []
    used = 0
  }
  for (const atom of atoms) {
    const size = w(atom)
    if (line.length === 0 || used + size <= avail() + 0.01) {
      line.push(atom)
      used += size
      continue
    }
    if (closing.has(first(atom)) && atom.glyphs === 1 && used + size <= avail() + size + 0.01) {
      line.push(atom)
      close()
      continue
    }
    let k = line.length
    while (k > 0 && !canBreak(line[k - 1]!, k === line.length ? atom : line[k]!)) k--
    if (k === 0) k = line.length
    const carried = line.slice(k)
    line = line.slice(0, k)
    close()
    line = [...carried, atom]
    used = line.reduce((a, x) => a + w(x), 0)
  }
  if (line.length > 0) lines.push(line)
  return lines.map((atoms, i) => {
    const natural = atoms.reduce((a, x) => a + w(x), 0)
    const glyphs = atoms.reduce((a, x) => a + x.glyphs, 0)
    const room = (i === 0 ? firstWidth : width) - natural
    const justify = i < lines.length - 1 && glyphs > 1 && Math.abs(room) < width / 4
    return { atoms, extra: justify ? room / glyphs : 0 }
  })
}

/** The width of a set line, letter spacing included. */
export const lineWidth = (line: Line, spacing: number): number =>
  line.atoms.reduce((a, x) => a + x.width + x.glyphs * (spacing + line.extra), 0)
