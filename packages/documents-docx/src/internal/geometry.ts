/**
 * The GB/T 9704 page of a DOCX in Word's units (twentieths of a point, half-points for font sizes), the font
 * roles, and the measures both writers share: column widths and the indents of the signature block.
 */
import { Block, Numbering } from "@gsyf/documents"

/** The font names written into the document, by role. */
export interface Fonts {
  /** The title and the letterhead (小标宋). */
  readonly title: string
  /** Body text, tables, signature, page numbers (仿宋). */
  readonly body: string
  /** Level-1 headings, table headers, captions, classification (黑体). */
  readonly heading1: string
  /** Level-2 headings and the subtitle (楷体). */
  readonly heading2: string
}

/** Twentieths of a point per millimetre. */
export const mm = (value: number): number => Math.round((value * 1440) / 25.4)
/** Half-points, the unit of font sizes. */
export const pt = (value: number): number => value * 2

export const PAGE = { width: 11906, height: 16838 } as const
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const
export const HEADER_DISTANCE = mm(15)
export const FOOTER_DISTANCE = mm(24)
export const TYPE_AREA_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
export const BODY_SIZE = 16
export const TABLE_SIZE = 14
/** The grid: 22 lines in the 225 mm type area (twips), 28 characters in its 156 mm width. */
export const LINE_PITCH = Math.floor(mm(225) / 22)
/**
 * Character spacing of body text, in twips: the 28-character pitch (15.79 pt) less the 16 pt character,
 * rounded down so that 28 characters fit (a document grid of characters is read differently by Word and
 * LibreOffice; a run's spacing is not).
 */
export const CHAR_SPACING = Math.floor((TYPE_AREA_WIDTH / 28) - BODY_SIZE * 20)
/** A two-character first-line indent. */
export const INDENT = Math.round((TYPE_AREA_WIDTH / 28) * 2)
export const RED = "E60000"

/** Column widths in twips from relative weights, filling the type area exactly. */
export const columnWidths = (weights: ReadonlyArray<number>): Array<number> => {
  const total = weights.reduce((a, b) => a + b, 0)
  const widths = weights.map((w) => Math.floor((w / total) * TYPE_AREA_WIDTH))
  widths[widths.length - 1]! += TYPE_AREA_WIDTH - widths.reduce((a, b) => a + b, 0)
  return widths
}

/** Amounts, numbers and Latin words: a reader breaks none of them across lines. */
const unbreakable = /[¥￥]?[-+]?\d[\d,]*(?:\.\d+)?[%％]?|[A-Za-z][\w.@/-]*/g
/** Cell margins left and right (`w:tblCellMar`, 80 twips each) and a little slack for the font's own spacing. */
const CELL_PADDING = 2 * 80 + 40
/**
 * The width a token needs at the table size, in twips. The fonts are named, not embedded, so half-width characters
 * are taken at 0.6 em, wider than digits in 仿宋, 宋体 and the Noto CJK fonts a reader substitutes for them.
 */
const tokenWidth = (token: string): number => {
  let ems = 0
  for (const ch of token) ems += ch.charCodeAt(0) < 0x2e80 ? 0.6 : 1
  return Math.ceil(ems * TABLE_SIZE * 20) + CELL_PADDING
}

/** The most a column's tokens may widen it: 45% of the type area (a longer token is broken where it must). */
const MAX_MINIMUM = Math.floor(TYPE_AREA_WIDTH * 0.45)

/** Per column, the widest unbreakable token of its single-column cells (up to {@link MAX_MINIMUM}). */
const tokenMinimums = (t: Block.Table, count: number): Array<number> => {
  const out = Array.from({ length: count }, () => 0)
  for (const row of [...t.header, ...t.body]) {
    let column = 0
    for (const c of row) {
      const span = c.colSpan ?? 1
      if (span === 1 && column < count) {
        for (const r of c.runs) {
          // a column at its cap, or a text that could not be wider than its minimum so far (even at 1 em a
          // character), needs no scan
          if (out[column]! >= MAX_MINIMUM || r.text.length * TABLE_SIZE * 20 + CELL_PADDING <= out[column]!) continue
          for (const m of r.text.matchAll(unbreakable)) out[column] = Math.max(out[column]!, tokenWidth(m[0]))
        }
      }
      column += span
    }
  }
  return out
}

/**
 * A table's column widths in twips, filling the type area: by the columns' weights, except that no column is
 * narrower than its widest amount, number or Latin word (at most 45% of the area), the other columns giving way in
 * proportion to their weights. A reader that breaks an amount such as ¥1,050,000.00 in a narrow cell never gets
 * the chance.
 */
export const tableColumnWidths = (t: Block.Table): Array<number> => {
  const count = Block.columnCount(t)
  const weights = Array.from({ length: count }, (_, i) => t.columns?.[i]?.width ?? 1)
  const minimums = tokenMinimums(t, count).map((m) => Math.min(m, MAX_MINIMUM))
  if (minimums.reduce((a, b) => a + b, 0) > TYPE_AREA_WIDTH) return columnWidths(weights)
  const fixed = new Set<number>()
  for (;;) {
    const free = TYPE_AREA_WIDTH - [...fixed].reduce((a, i) => a + minimums[i]!, 0)
    const share = weights.reduce((a, w, i) => (fixed.has(i) ? a : a + w), 0)
    if (free <= 0 || share <= 0) return columnWidths(weights)
    const short = weights.findIndex((w, i) => !fixed.has(i) && (w / share) * free < minimums[i]!)
    if (short < 0) return columnWidths(weights.map((w, i) => (fixed.has(i) ? (minimums[i]! * share) / free : w)))
    fixed.add(short)
  }
}

/** The signature block: the issuer centred over the date, the date four characters from the right edge. */
export const signatureLayout = (b: Block.Signature): {
  readonly issuer: string
  readonly issuerRight: number
  readonly date: string | undefined
  readonly dateRight: number
} => {
  const pitch = TYPE_AREA_WIDTH / 28
  const date = b.date === undefined ? undefined : Numbering.chineseDate(b.date)
  const dateChars = date === undefined ? [...b.issuer].length : [...date].length - (date.match(/\d/g)?.length ?? 0) / 2
  const issuerChars = [...b.issuer].length
  const right = Math.round(pitch * 4 + Math.max(0, ((dateChars - issuerChars) * pitch) / 2))
  return {
    issuer: b.issuer + (b.seal ?? ""),
    issuerRight: Math.max(0, right - (b.seal === undefined ? 0 : Math.round([...b.seal].length * pitch))),
    date,
    dateRight: Math.round(pitch * 4)
  }
}
