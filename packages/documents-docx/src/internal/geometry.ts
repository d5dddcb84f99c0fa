/**
 * The GB/T 9704 page of a DOCX in Word's units (twentieths of a point, half-points for font sizes), the font
 * roles, and the measures both writers share: column widths and the indents of the signature block.
 */
import { type Block, Numbering } from "@gsyf/documents"

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
