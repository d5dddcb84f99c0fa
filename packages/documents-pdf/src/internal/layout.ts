/**
 * The GB/T 9704-2012 page of the PDF renderer: A4, a 156 × 225 mm type area
 * 37 mm from the top and 28 mm from the left, body text in 3号 (16 pt) on a
 * grid of 28 characters × 22 lines, and the fonts of each role. Blocks are laid
 * out into items (a line, a table row, a forced page break), which
 * {@link paginate} places on pages.
 */
import type * as CjkFont from "../CjkFont.js"
import type { Face } from "./face.js"
import type { Atom, Line, Style } from "./lineBreak.js"

const MM = 72 / 25.4

/** Page and type area, in points from the top left. */
export const PAGE = { width: 595.28, height: 841.89 } as const
export const AREA = { top: 37 * MM, left: 28 * MM, width: 156 * MM, height: 225 * MM } as const
/** Characters per line and lines per page of body text. */
export const GRID = { chars: 28, lines: 22 } as const
export const BODY = 16
/** The distance between two characters and between two lines of body text. */
export const PITCH = AREA.width / GRID.chars
export const LINE = AREA.height / GRID.lines

/** The faces of the document, by role, and whether bold has a face of its own. */
export interface Faces {
  readonly fangsong: Face
  readonly bold: Face | undefined
  readonly xiaobiaosong: Face
  readonly heiti: Face
  readonly kaiti: Face
}

/** Something drawn on a page, at a top position given at drawing time. */
export interface Canvas {
  text(x: number, baseline: number, atoms: ReadonlyArray<Atom>, spacing: number): void
  rect(x: number, y: number, w: number, h: number): void
  rule(x1: number, y: number, x2: number, width: number, color: string): void
}

/** A unit of pagination. */
export interface Item {
  readonly height: number
  /** Placed on the body text grid (its top snapped to a grid line). */
  readonly grid: boolean
  /** Must be on the same page as the next item. */
  readonly keepWithNext: boolean
  /** Starts a new page. */
  readonly pageBreak?: boolean | undefined
  /** Items repeated before this one when it starts a page (table header rows). */
  readonly repeat?: ReadonlyArray<Item> | undefined
  readonly draw: (canvas: Canvas, top: number) => void
}

/** The advance of a character in a style, falling back to the body face when the face lacks it. */
export const advanceOf = (faces: Faces, style: Style) => (ch: string): number => {
  const cp = ch.codePointAt(0)!
  const face = style.face.has(cp) || !faces.fangsong.has(cp) ? style.face : faces.fangsong
  return (face.advance(face.glyph(cp)) * style.size) / face.unitsPerEm
}

/** The baseline of a line of text of `size` in a line box of `height`. */
export const baseline = (height: number, size: number): number => (height + size * 0.76) / 2

/** An item holding one set line. */
export const lineItem = (
  line: Line,
  options: {
    readonly x: number
    readonly width: number
    readonly spacing: number
    readonly height: number
    readonly size: number
    readonly align: "left" | "center" | "right" | "justify"
    readonly indent?: number | undefined
    readonly grid?: boolean | undefined
    readonly keepWithNext?: boolean | undefined
  }
): Item => {
  const spacing = options.spacing + line.extra
  const natural = line.atoms.reduce((a, x) => a + x.width + x.glyphs * spacing, 0)
  const indent = options.indent ?? 0
  const free = options.width - indent - natural
  const x = options.x + indent +
    (options.align === "center" ? free / 2 : options.align === "right" ? free : 0)
  return {
    height: options.height,
    grid: options.grid ?? true,
    keepWithNext: options.keepWithNext ?? false,
    draw: (canvas, top) => canvas.text(x, top + baseline(options.height, options.size), line.atoms, spacing)
  }
}

/** Places items on pages: grid items on grid lines, kept chains together, header rows repeated. */
export const paginate = (items: ReadonlyArray<Item>, start: number): Array<Array<{ item: Item; top: number }>> => {
  const pages: Array<Array<{ item: Item; top: number }>> = [[]]
  const bottom = AREA.top + AREA.height + 0.5
  let y = start
  const newPage = () => {
    pages.push([])
    y = AREA.top
  }
  const snap = () => {
    const k = Math.ceil((y - AREA.top) / LINE - 0.02)
    y = AREA.top + Math.max(0, k) * LINE
  }
  const chainHeight = (from: number): number => {
    let h = 0
    for (let j = from; j < items.length; j++) {
      h += items[j]!.height
      if (!items[j]!.keepWithNext) break
    }
    return h
  }
  items.forEach((item, i) => {
    if (item.pageBreak === true) {
      newPage()
      return
    }
    if (item.grid) snap()
    const chain = item.keepWithNext && (i === 0 || !items[i - 1]!.keepWithNext) ? chainHeight(i) : item.height
    const fresh = y <= AREA.top + 0.01
    if (!fresh && (y + item.height > bottom || (chain <= AREA.height && y + chain > bottom))) {
      newPage()
      for (const r of item.repeat ?? []) {
        pages.at(-1)!.push({ item: r, top: y })
        y += r.height
      }
    }
    pages.at(-1)!.push({ item, top: y })
    y += item.height
  })
  return pages
}

/** Faces by role from the fonts found. */
export const facesOf = (fonts: CjkFont.CjkFonts, open: (f: CjkFont.LoadedFont) => Face): Faces => {
  const fangsong = open(fonts.regular)
  const bold = fonts.bold === undefined ? undefined : open(fonts.bold)
  const role = (r: "xiaobiaosong" | "heiti" | "kaiti", fallback: Face) => {
    const f = fonts.roles?.[r]
    return f === undefined ? fallback : open(f)
  }
  return {
    fangsong,
    bold,
    xiaobiaosong: role("xiaobiaosong", bold ?? fangsong),
    heiti: role("heiti", fangsong),
    kaiti: role("kaiti", fangsong)
  }
}
