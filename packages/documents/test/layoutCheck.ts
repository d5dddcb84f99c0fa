/**
 * Reads a PDF's text with its positions (`pdftotext -bbox-layout`, run
 * asynchronously) and checks it against GB/T 9704-2012 as a clerk would with
 * a ruler: 28 characters on a full line of body text, 22 lines on a full page,
 * page numbers right on odd pages and left on even ones, and no line ending
 * inside an amount or a date. Shared by the PDF and the DOCX (through
 * LibreOffice) layout tests.
 */
import { runOk } from "./tools.js"

const MM = 72 / 25.4
/** The type area of GB/T 9704: 156 × 225 mm, 37 mm from the top, 28 mm from the left (points). */
export const AREA = { left: 28 * MM, top: 37 * MM, right: 28 * MM + 156 * MM, bottom: 37 * MM + 225 * MM } as const
const PITCH = (156 * MM) / 28

export interface TextLine {
  readonly text: string
  readonly xMin: number
  readonly xMax: number
  readonly yMin: number
  readonly yMax: number
  readonly block: number
}

export interface Page {
  readonly number: number
  readonly lines: ReadonlyArray<TextLine>
}

const attr = (tag: string, name: string): number => Number(new RegExp(`${name}="([\\d.-]+)"`).exec(tag)?.[1] ?? NaN)

const decode = (s: string): string =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/&amp;/g, "&")

/** The pages of a PDF with their lines and positions. */
export const readPages = async (pdftotext: string, file: string): Promise<ReadonlyArray<Page>> => {
  const html = await runOk(pdftotext, ["-enc", "UTF-8", "-bbox-layout", file, "-"], { timeout: 60_000 })
  let block = 0
  return html.split("<page ").slice(1).map((chunk, i) => ({
    number: i + 1,
    lines: chunk.split("<block ").slice(1).flatMap((b) => {
      block++
      return [...b.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map((m) => ({
        text: decode([...m[2]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join("")),
        xMin: attr(m[1]!, "xMin"),
        xMax: attr(m[1]!, "xMax"),
        yMin: attr(m[1]!, "yMin"),
        yMax: attr(m[1]!, "yMax"),
        block
      }))
    })
  }))
}

const chinese = /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…·]+$/u
const closing = /[，。、；：？！）》〉」』】〕”’]$/u

/** A line of 3号 (16 pt) text: its box is about 23 pt high (12 pt table text about 17). */
const isBody = (l: TextLine): boolean => l.yMax - l.yMin > 20 && l.yMax - l.yMin < 27
const inArea = (l: TextLine): boolean => l.yMin >= AREA.top - 4 && l.yMax <= AREA.bottom + 4

/**
 * Lines of body text running from the left edge to the right edge of the type
 * area, all Chinese, each with the text of the line after it.
 */
export const fullLines = (pages: ReadonlyArray<Page>): ReadonlyArray<TextLine & { readonly next: string }> =>
  pages.flatMap((p) =>
    p.lines.flatMap((l, i) =>
      isBody(l) && inArea(l) && chinese.test(l.text) && l.xMin < AREA.left + PITCH / 2 &&
        l.xMax > AREA.right - PITCH / 2
        ? [{ ...l, next: p.lines[i + 1]?.text ?? "" }]
        : []
    )
  )

/**
 * Whether a full line holds the grid's 28 characters: a closing mark squeezed in
 * at its end does not count; a line holds fewer, spread over its width, when
 * what follows is a piece that cannot be broken (a number with its unit, an
 * amount, a Latin word) carried whole to the next line, and 27 when an opening
 * mark was carried, or a character carried with the closing mark that follows it
 * (a closing mark may not start a line).
 */
export const onGrid = (l: TextLine & { readonly next: string }): boolean => {
  const n = [...l.text].length
  if (n === 28 || (n === 29 && closing.test(l.text))) return true
  if (n < 28 && /^[\d¥￥A-Za-z]/.test(l.next)) return true
  return n === 27 &&
    (/^[（《〈“‘]/.test(l.next) || /^[^，。、；：？！）》〉」』】〕”’][，。、；：？！）》〉」』】〕”’]/u.test(l.next))
}

/** Pages holding only body text (no title, no table), with the number of lines in the type area. */
export const textPages = (pages: ReadonlyArray<Page>): ReadonlyArray<{ page: number; lines: number }> =>
  pages.flatMap((p) => {
    const area = p.lines.filter(inArea)
    return area.length > 0 && area.every(isBody) ? [{ page: p.number, lines: area.length }] : []
  })

/** The page-number line of each page and where it stands: `right`, `left` or `elsewhere`. */
export const pageNumbers = (
  pages: ReadonlyArray<Page>
): ReadonlyArray<{ page: number; text: string; position: "right" | "left" | "elsewhere" }> =>
  pages.flatMap((p) => {
    const l = p.lines.find((x) => x.yMin > AREA.bottom && /^—\s*\d+(\s*\/\s*\d+)?\s*—$/.test(x.text))
    if (l === undefined) return []
    const position = Math.abs(l.xMax - (AREA.right - 14)) < 6
      ? "right"
      : Math.abs(l.xMin - (AREA.left + 14)) < 6
      ? "left"
      : "elsewhere"
    return [{ page: p.number, text: l.text, position }]
  })

/** A line ending in a yuan amount that is not whole (`¥800,000.0`, `¥1,050,000.`, `¥3,000,00`). */
const cutAmount = (text: string): boolean => {
  const tail = /[¥￥][\d,.]*$/.exec(text)?.[0]
  // a whole amount may run on into the number of the next cell (pdftotext joins cells of one row)
  return tail !== undefined && !/^[¥￥]\d{1,3}(?:,\d{3})*\.\d{2}/.test(tail)
}

/**
 * Places where a line ends inside an amount, a number or a date: the next line of the same block goes on with it,
 * or the line ends in a yuan amount that is not whole (a table cell's next line may be a block of its own).
 */
export const brokenAmounts = (pages: ReadonlyArray<Page>): ReadonlyArray<string> =>
  pages.flatMap((p) =>
    p.lines.flatMap((l, i) => {
      const next = p.lines[i + 1]
      if (cutAmount(l.text)) return [`page ${p.number}: "${l.text.slice(-12)}" | "${next?.text.slice(0, 12) ?? ""}"`]
      if (next === undefined || next.block !== l.block) return []
      const cut = /[\d¥￥,.]$/.test(l.text) && /^[\d,.%％]|^[年月日元号万]/.test(next.text)
      return cut ? [`page ${p.number}: "${l.text.slice(-12)}" | "${next.text.slice(0, 12)}"`] : []
    })
  )
