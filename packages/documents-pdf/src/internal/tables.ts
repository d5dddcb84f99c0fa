/**
 * Tables of the PDF renderer: bordered cells, header rows repeated on every
 * page the table runs onto, short cell texts broken only between words,
 * amounts and dates never broken (a cell too narrow for one sets its text
 * smaller instead).
 */
import { Block, Inline } from "@gsyf/documents"
import { PAD, type Styles, TABLE, TABLE_LINE } from "./blocks.js"
import { advanceOf, AREA, baseline, type Canvas, type Item, LINE } from "./layout.js"
import { type Atom, atomsOf, breakLines, type Line } from "./lineBreak.js"
import { balancedLines } from "./titleBreak.js"

interface Cell {
  readonly x: number
  readonly width: number
  readonly align: Block.Align
  readonly lines: ReadonlyArray<Line>
  readonly size: number
}

const MIN_SIZE = 7

const cellAtoms = (s: Styles, runs: ReadonlyArray<Inline.Run>, size: number, bold: boolean): Array<Atom> =>
  runs.flatMap((r) => {
    const style = s.style(bold || r.bold === true ? "bold" : "fangsong", size, { underline: r.emphasis === true })
    return atomsOf(r.text, style, advanceOf(s.faces, style))
  })

/** Lays out a cell: short texts between words (or one line set smaller), amounts never broken. */
const layoutCell = (
  s: Styles,
  runs: ReadonlyArray<Inline.Run>,
  inner: number,
  bold: boolean
): Omit<Cell, "x" | "width" | "align"> => {
  const widest = Math.max(0, ...cellAtoms(s, runs, TABLE, bold).map((a) => a.width))
  const size = widest > inner ? Math.max(MIN_SIZE, Math.floor((TABLE * inner * 10) / widest) / 10) : TABLE
  const text = Inline.plainText(runs)
  const short = text !== "" && [...text].length <= 16 && runs.every((r) => r.bold === runs[0]?.bold)
  if (short) {
    const at = (sz: number) => (t: string) => cellAtoms(s, [new Inline.Run({ ...runs[0]!, text: t })], sz, bold)
    const parts = balancedLines(text, at(size), inner)
    if (parts !== undefined) return { lines: parts.map((p) => ({ atoms: at(size)(p), extra: 0 })), size }
    const width = at(size)(text).reduce((a, x) => a + x.width, 0)
    const fit = Math.floor((size * inner * 10) / width) / 10
    if (fit >= 9) return { lines: [{ atoms: at(fit)(text), extra: 0 }], size: fit }
  }
  const lines = breakLines(cellAtoms(s, runs, size, bold), inner, inner, 0)
  return { lines: lines.map((l) => ({ atoms: l.atoms, extra: 0 })), size }
}

const lineHeight = (size: number) => (TABLE_LINE * size) / TABLE

const rowItem = (row: ReadonlyArray<Cell>, repeat?: ReadonlyArray<Item>): Item => {
  const height = Math.max(TABLE_LINE, ...row.map((c) => c.lines.length * lineHeight(c.size))) + 2 * PAD.y
  return {
    height,
    grid: false,
    keepWithNext: false,
    repeat,
    draw: (canvas: Canvas, top: number) => {
      for (const c of row) {
        canvas.rect(c.x, top, c.width, height)
        const lh = lineHeight(c.size)
        const y0 = top + (height - c.lines.length * lh) / 2
        c.lines.forEach((line, i) => {
          const w = line.atoms.reduce((a, x) => a + x.width, 0)
          const free = c.width - 2 * PAD.x - w
          const dx = c.align === "center" ? free / 2 : c.align === "right" ? free : 0
          canvas.text(c.x + PAD.x + dx, y0 + i * lh + baseline(lh, c.size), line.atoms, 0)
        })
      }
    }
  }
}

const rowCells = (
  s: Styles,
  t: Block.Table,
  row: ReadonlyArray<Block.Cell>,
  geometry: { readonly xs: ReadonlyArray<number>; readonly widths: ReadonlyArray<number> },
  header: boolean,
  boldColumns: ReadonlySet<number>
): Array<Cell> => {
  const count = geometry.widths.length
  const out: Array<Cell> = []
  let column = 0
  const cells = [...row]
  while (cells.reduce((a, c) => a + (c.colSpan ?? 1), 0) < count) cells.push(Block.cell(""))
  for (const cell of cells) {
    if (column >= count) break
    const span = Math.min(cell.colSpan ?? 1, count - column)
    const width = geometry.widths.slice(column, column + span).reduce((a, b) => a + b, 0)
    const bold = header || boldColumns.has(column)
    out.push({
      x: geometry.xs[column]!,
      width,
      align: header ? (cell.align ?? "center") : Block.cellAlign(t, cell, column),
      ...layoutCell(s, cell.runs, width - 2 * PAD.x, bold)
    })
    column += span
  }
  return out
}

/** The items of a table: caption, header rows, body rows (repeating the header), and space after. */
export const table = (s: Styles, t: Block.Table, boldColumns: ReadonlySet<number> = new Set()): Array<Item> => {
  const count = Block.columnCount(t)
  const weights = Array.from({ length: count }, (_, i) => t.columns?.[i]?.width ?? 1)
  const total = weights.reduce((a, b) => a + b, 0)
  const widths = weights.map((w) => (w / total) * AREA.width)
  const xs = widths.map((_, i) => AREA.left + widths.slice(0, i).reduce((a, b) => a + b, 0))
  const geometry = { xs, widths }
  const header = t.header.map((r) => rowItem(rowCells(s, t, r, geometry, true, boldColumns)))
  const headerKept = header.map((h) => ({ ...h, keepWithNext: true }))
  const body = t.body.map((r) => rowItem(rowCells(s, t, r, geometry, false, boldColumns), header))
  const caption: Array<Item> = t.caption === undefined ? [] : [
    rowCaption(s, t.caption)
  ]
  return [...caption, ...headerKept, ...body, {
    height: LINE / 2,
    grid: false,
    keepWithNext: false,
    draw: () => undefined
  }]
}

const rowCaption = (s: Styles, caption: string): Item => {
  const style = s.style("heiti", TABLE + 2)
  const atoms = atomsOf(caption, style, advanceOf(s.faces, style))
  const width = atoms.reduce((a, x) => a + x.width, 0)
  return {
    height: LINE,
    grid: true,
    keepWithNext: true,
    draw: (canvas, top) => canvas.text(AREA.left + (AREA.width - width) / 2, top + baseline(LINE, TABLE + 2), atoms, 0)
  }
}
