/**
 * One face of an OpenType / TrueType font, read directly from its bytes: the
 * metrics a PDF font descriptor needs, the glyph of a code point (cmap
 * formats 4 and 12), advance widths (hmtx), and a subset of the outlines
 * (TrueType `glyf` or CFF) holding only the glyphs a document uses. Parsed
 * once per font file and reused by every render; lookups are cached.
 */
import { subsetCff } from "./cffSubset.js"
import { subsetTrueType } from "./ttfSubset.js"

/** A table of the font: where it starts and how long it is. */
export interface TableRecord {
  readonly offset: number
  readonly length: number
}

/** The outline format of a face. */
export type Outlines = "truetype" | "cff"

/** A subset font program and the widths of its glyphs, by new glyph id. */
export interface SubsetFont {
  readonly bytes: Uint8Array
  readonly outlines: Outlines
}

const tag4 = (b: Uint8Array, o: number): string => String.fromCharCode(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!)

/** A parsed face. */
export class Face {
  readonly dv: DataView
  readonly tables: ReadonlyMap<string, TableRecord>
  readonly unitsPerEm: number
  readonly ascent: number
  readonly descent: number
  readonly capHeight: number
  readonly bbox: readonly [number, number, number, number]
  readonly italicAngle: number
  readonly numGlyphs: number
  readonly outlines: Outlines
  private readonly numberOfHMetrics: number
  private readonly glyphCache = new Map<number, number>()
  private readonly lookup: (cp: number) => number

  constructor(
    readonly bytes: Uint8Array,
    readonly offset: number,
    readonly postscriptName: string,
    /** Makes a range of `bytes` present (a font file read in parts); the tables of the directory are. */
    readonly ensure: (offset: number, length: number) => void = () => undefined
  ) {
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const dv = this.dv
    const count = dv.getUint16(offset + 4)
    const tables = new Map<string, TableRecord>()
    for (let i = 0; i < count; i++) {
      const rec = offset + 12 + i * 16
      tables.set(tag4(bytes, rec), { offset: dv.getUint32(rec + 8), length: dv.getUint32(rec + 12) })
    }
    this.tables = tables
    const head = this.table("head").offset
    const hhea = this.table("hhea").offset
    this.unitsPerEm = dv.getUint16(head + 18)
    this.bbox = [dv.getInt16(head + 36), dv.getInt16(head + 38), dv.getInt16(head + 40), dv.getInt16(head + 42)]
    this.ascent = dv.getInt16(hhea + 4)
    this.descent = dv.getInt16(hhea + 6)
    this.numberOfHMetrics = dv.getUint16(hhea + 34)
    this.numGlyphs = dv.getUint16(this.table("maxp").offset + 4)
    const os2 = tables.get("OS/2")
    this.capHeight = os2 !== undefined && dv.getUint16(os2.offset) >= 2 ? dv.getInt16(os2.offset + 88) : this.ascent
    const post = tables.get("post")
    this.italicAngle = post === undefined ? 0 : dv.getInt32(post.offset + 4) / 65536
    this.outlines = tables.has("CFF ") ? "cff" : "truetype"
    if (!tables.has("glyf") && !tables.has("CFF ")) throw new Error("the font has neither glyf nor CFF outlines")
    this.lookup = cmapLookup(this)
  }

  /** A table that must exist. */
  table(tag: string): TableRecord {
    const t = this.tables.get(tag)
    if (t === undefined) throw new Error(`the font has no ${tag.trim()} table`)
    return t
  }

  /** The glyph of a code point; 0 (.notdef) when the face has none. */
  glyph(cp: number): number {
    let g = this.glyphCache.get(cp)
    if (g === undefined) {
      g = this.lookup(cp)
      this.glyphCache.set(cp, g)
    }
    return g
  }

  /** Whether the face has a glyph for a code point. */
  has(cp: number): boolean {
    return this.glyph(cp) !== 0
  }

  /** The advance width of a glyph, in font units. */
  advance(gid: number): number {
    const hmtx = this.table("hmtx").offset
    const i = Math.min(gid, this.numberOfHMetrics - 1)
    return this.dv.getUint16(hmtx + i * 4)
  }

  /** A font program holding `gids` (sorted, starting with 0) as glyphs 0…n-1. */
  subset(gids: ReadonlyArray<number>): SubsetFont {
    // TrueType outlines are copied with the tables around them: the whole file is read once
    if (this.outlines === "truetype") this.ensure(0, this.bytes.length)
    return this.outlines === "cff"
      ? { bytes: subsetCff(this, gids), outlines: "cff" }
      : { bytes: subsetTrueType(this, gids), outlines: "truetype" }
  }
}

/** The best Unicode cmap subtable (format 12 over 4) as a lookup function. */
const cmapLookup = (face: Face): (cp: number) => number => {
  const { dv } = face
  const cmap = face.table("cmap").offset
  const count = dv.getUint16(cmap + 2)
  let f4: number | undefined
  let f12: number | undefined
  for (let i = 0; i < count; i++) {
    const rec = cmap + 4 + i * 8
    const platform = dv.getUint16(rec)
    const encoding = dv.getUint16(rec + 2)
    const sub = cmap + dv.getUint32(rec + 4)
    const format = dv.getUint16(sub)
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))
    if (!unicode) continue
    if (format === 12) f12 ??= sub
    if (format === 4) f4 ??= sub
  }
  if (f12 !== undefined) return format12(dv, f12)
  if (f4 !== undefined) return format4(dv, f4)
  throw new Error("the font has no Unicode cmap")
}

const format12 = (dv: DataView, sub: number) => {
  const groups = dv.getUint32(sub + 12)
  return (cp: number): number => {
    let lo = 0
    let hi = groups - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const g = sub + 16 + mid * 12
      const start = dv.getUint32(g)
      const end = dv.getUint32(g + 4)
      if (cp < start) hi = mid - 1
      else if (cp > end) lo = mid + 1
      else return dv.getUint32(g + 8) + (cp - start)
    }
    return 0
  }
}

const format4 = (dv: DataView, sub: number) => {
  const segX2 = dv.getUint16(sub + 6)
  const ends = sub + 14
  const starts = ends + segX2 + 2
  const deltas = starts + segX2
  const ranges = deltas + segX2
  return (cp: number): number => {
    if (cp > 0xffff) return 0
    for (let i = 0; i < segX2; i += 2) {
      if (cp > dv.getUint16(ends + i)) continue
      const start = dv.getUint16(starts + i)
      if (cp < start) return 0
      const delta = dv.getUint16(deltas + i)
      const rangeOffset = dv.getUint16(ranges + i)
      if (rangeOffset === 0) return (cp + delta) & 0xffff
      const g = dv.getUint16(ranges + i + rangeOffset + (cp - start) * 2)
      return g === 0 ? 0 : (g + delta) & 0xffff
    }
    return 0
  }
}

/** Opens a face of a font file (a collection needs the PostScript name of the face). */
export const openFace = (
  bytes: Uint8Array,
  name: (offset: number) => string | undefined,
  wanted?: string,
  ensure?: (offset: number, length: number) => void
): Face => {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (tag4(bytes, 0) !== "ttcf") return new Face(bytes, 0, name(0) ?? "Font", ensure)
  const count = dv.getUint32(8)
  const offsets = Array.from({ length: count }, (_, i) => dv.getUint32(12 + i * 4))
  const offset = offsets.find((o) => wanted === undefined || name(o) === wanted) ?? offsets[0]!
  return new Face(bytes, offset, name(offset) ?? "Font", ensure)
}
