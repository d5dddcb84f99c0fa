/**
 * Lays out the blocks of a document into pagination items on the GB/T 9704
 * page: the front (classification, letterhead, 文号, title, recipients),
 * headings in their role faces, body paragraphs on the 28 × 22 grid, tables
 * whose header rows repeat, and the signature block kept with the text
 * before it.
 */
import { Block, type Document, Inline, Numbering } from "@gsyf/documents"
import { advanceOf, AREA, BODY, type Faces, type Item, LINE, lineItem, PITCH } from "./layout.js"
import { type Atom, atomsOf, breakLines, type Line, type Style } from "./lineBreak.js"
import { titleLines } from "./titleBreak.js"

const RED = "#E60000"
const BLACK = "#000000"
const SPACING = PITCH - BODY
const TABLE = 12
const TABLE_LINE = 18
const PAD = { x: 4, y: 3 } as const
const NOTE = 14

/** Styles of the document's runs. */
export interface Styles {
  readonly faces: Faces
  readonly style: (face: keyof Faces | "bold", size: number, o?: { underline?: boolean; color?: string }) => Style
}

export const stylesOf = (faces: Faces): Styles => ({
  faces,
  style: (role, size, o = {}) => {
    const bold = role === "bold"
    const face = bold ? faces.bold ?? faces.fangsong : faces[role] ?? faces.fangsong
    return {
      face,
      size,
      fakeBold: bold && faces.bold === undefined,
      underline: o.underline ?? false,
      color: o.color ?? BLACK
    }
  }
})

const atoms = (s: Styles, text: string, style: Style): Array<Atom> => atomsOf(text, style, advanceOf(s.faces, style))

const runAtoms = (s: Styles, runs: ReadonlyArray<Inline.Run>, size: number, bold = false): Array<Atom> =>
  runs.flatMap((r) =>
    atoms(s, r.text, s.style(r.bold === true || bold ? "bold" : "fangsong", size, { underline: r.emphasis === true }))
  )

interface TextOptions {
  readonly size: number
  readonly align: "left" | "center" | "right" | "justify"
  readonly indent: number
  readonly x?: number | undefined
  readonly width?: number | undefined
  readonly keepWithNext?: boolean | undefined
}

/** Body-width text on the grid: one item per line. */
const textItems = (lines: ReadonlyArray<Line>, o: TextOptions): Array<Item> =>
  lines.map((line, i) =>
    lineItem(line, {
      x: o.x ?? AREA.left,
      width: o.width ?? AREA.width,
      spacing: o.size === BODY ? SPACING : 0,
      height: LINE,
      size: o.size,
      align: o.align === "justify" ? "left" : o.align,
      indent: i === 0 ? o.indent : 0,
      keepWithNext: o.keepWithNext
    })
  )

const setText = (list: ReadonlyArray<Atom>, o: TextOptions): Array<Item> => {
  const spacing = o.size === BODY ? SPACING : 0
  const width = o.width ?? AREA.width
  return textItems(breakLines(list, width - o.indent, width, spacing), o)
}

const headingFace = { 1: "heiti", 2: "kaiti", 3: "bold", 4: "fangsong" } as const

export const heading = (s: Styles, b: Block.Heading, label: string | undefined): Array<Item> =>
  setText(atoms(s, `${label ?? ""}${b.text}`, s.style(headingFace[b.level], BODY)), {
    size: BODY,
    align: "justify",
    indent: 2 * PITCH,
    keepWithNext: true
  })

export const paragraph = (s: Styles, b: Block.Paragraph): Array<Item> => {
  const align = b.align ?? "justify"
  const indent = b.indent === false || align === "center" || align === "right" ? 0 : 2 * PITCH
  return setText(runAtoms(s, b.runs, BODY), { size: BODY, align, indent })
}

export const note = (s: Styles, b: Block.Note): Array<Item> =>
  setText(runAtoms(s, [Inline.text(`${b.label ?? Block.defaultNoteLabel}：`), ...b.runs], NOTE), {
    size: NOTE,
    align: "justify",
    indent: 2 * NOTE
  })

export const list = (s: Styles, b: Block.List): Array<Item> =>
  b.items.flatMap((item, i) =>
    setText(runAtoms(s, [Inline.text(b.ordered ? Numbering.listLabel(i + 1) : "・"), ...item], BODY), {
      size: BODY,
      align: "justify",
      indent: 2 * PITCH
    })
  )

/** The signature: the issuer centred over the date, the date 4 characters from the right edge (GB/T 9704 7.3.5). */
export const signature = (s: Styles, b: Block.Signature): Array<Item> => {
  const style = s.style("fangsong", BODY)
  const measure = (t: string) => atoms(s, t, style)
  const one = (list: Array<Atom>): Line => ({ atoms: list, extra: 0 })
  const width = (list: ReadonlyArray<Atom>) => list.reduce((a, x) => a + x.width + x.glyphs * SPACING, 0)
  const right = AREA.left + AREA.width - 4 * PITCH
  const date = b.date === undefined ? undefined : measure(Numbering.chineseDate(b.date))
  const issuer = measure(b.issuer)
  const seal = b.seal === undefined ? [] : measure(b.seal)
  const dateWidth = date === undefined ? width(issuer) : width(date)
  const centre = right - dateWidth / 2
  const issuerX = Math.min(centre - width(issuer) / 2, right - width(issuer))
  const at = (x: number, list: Array<Atom>, keep: boolean): Item =>
    lineItem(one(list), {
      x,
      width: AREA.width,
      spacing: SPACING,
      height: LINE,
      size: BODY,
      align: "left",
      keepWithNext: keep
    })
  return [
    { height: LINE, grid: true, keepWithNext: true, draw: () => undefined },
    at(issuerX, [...issuer, ...seal], date !== undefined),
    ...(date === undefined ? [] : [at(right - dateWidth, date, false)])
  ]
}

/** The title block: 小标宋 22 pt, centred, broken between words into balanced lines. */
export const front = (s: Styles, doc: Document.Document): Array<Item> => {
  const { meta } = doc
  const out: Array<Item> = []
  const line = (text: string, style: Style, keep = true) =>
    out.push(...setText(atoms(s, text, style), { size: style.size, align: "center", indent: 0, keepWithNext: keep }))
  if (meta.classification !== undefined) {
    out.push(
      ...setText(atoms(s, meta.classification, s.style("heiti", BODY)), { size: BODY, align: "left", indent: 0 })
    )
  }
  if (meta.letterhead === true && meta.issuer !== undefined) {
    line(`${meta.issuer}文件`, s.style("xiaobiaosong", 30, { color: RED }))
  }
  if (meta.number !== undefined) line(meta.number, s.style("fangsong", BODY))
  if (meta.letterhead === true) {
    out.push({
      height: 12,
      grid: false,
      keepWithNext: true,
      draw: (c, top) => c.rule(AREA.left, top + 6, AREA.left + AREA.width, 1.5, RED)
    })
  }
  out.push({ height: LINE, grid: true, keepWithNext: true, draw: () => undefined })
  const title = s.style("xiaobiaosong", 22)
  for (const text of titleLines(meta.title, (t) => atoms(s, t, title), AREA.width)) {
    out.push(...setText(atoms(s, text, title), { size: 22, align: "center", indent: 0, keepWithNext: true }))
  }
  if (meta.subtitle !== undefined) line(meta.subtitle, s.style("kaiti", BODY))
  out.push({ height: LINE, grid: true, keepWithNext: true, draw: () => undefined })
  const recipients = doc.meta.recipients
  if (recipients !== undefined && recipients.length > 0) {
    out.push(...setText(atoms(s, `${recipients.join("、")}：`, s.style("fangsong", BODY)), {
      size: BODY,
      align: "left",
      indent: 0
    }))
  }
  return out
}

export { PAD, TABLE, TABLE_LINE }
