/**
 * A small PDF 1.7 writer: numbered objects, compressed page content streams,
 * and Type0 / Identity-H fonts that embed a subset of each face used (CIDFontType2
 * for TrueType outlines, CIDFontType0C for CFF) with a ToUnicode map, so the
 * text stays selectable and searchable. Page content is given in PDF operators;
 * text is encoded here glyph by glyph.
 */
import { deflateSync } from "node:zlib"
import type { Face } from "./face.js"

interface FontSlot {
  readonly face: Face
  readonly name: string
  /** Original glyph id of each new glyph id. */
  readonly gids: Array<number>
  readonly index: Map<number, number>
  readonly text: Map<number, string>
}

const hex4 = (n: number): string => n.toString(16).padStart(4, "0")

/** A PDF text string: UTF-16BE with a byte order mark, in hex. */
export const textString = (s: string): string => {
  let out = "<FEFF"
  for (let i = 0; i < s.length; i++) out += hex4(s.charCodeAt(i))
  return `${out}>`
}

const num = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(3).replace(/\.?0+$/, ""))

/** The objects of one PDF being written. */
export class PdfWriter {
  private readonly objects: Array<Buffer | undefined> = [undefined]
  private readonly fonts = new Map<Face, FontSlot>()
  private readonly pages: Array<{ readonly content: string }> = []

  private reserve(): number {
    this.objects.push(undefined)
    return this.objects.length - 1
  }

  private put(ref: number, body: string | Buffer): void {
    const head = Buffer.from(`${ref} 0 obj\n`, "latin1")
    const tail = Buffer.from("\nendobj\n", "latin1")
    this.objects[ref] = Buffer.concat([head, typeof body === "string" ? Buffer.from(body, "latin1") : body, tail])
  }

  private stream(ref: number, dict: string, data: Uint8Array, compress = true): void {
    const bytes = compress ? deflateSync(data) : Buffer.from(data)
    const filter = compress ? " /Filter /FlateDecode" : ""
    this.put(
      ref,
      Buffer.concat([
        Buffer.from(`<<${dict}${filter} /Length ${bytes.length}>>\nstream\n`, "latin1"),
        bytes,
        Buffer.from("\nendstream", "latin1")
      ])
    )
  }

  /** The resource name of a face, registering it on first use. */
  fontName(face: Face): string {
    return this.slot(face).name
  }

  private slot(face: Face): FontSlot {
    let slot = this.fonts.get(face)
    if (slot === undefined) {
      slot = { face, name: `F${this.fonts.size + 1}`, gids: [0], index: new Map([[0, 0]]), text: new Map() }
      this.fonts.set(face, slot)
    }
    return slot
  }

  /** The hex string showing `text` in `face` (each code point to its glyph in the subset). */
  encode(face: Face, text: string): string {
    const slot = this.slot(face)
    let out = "<"
    for (const ch of text) {
      const gid = face.glyph(ch.codePointAt(0)!)
      let id = slot.index.get(gid)
      if (id === undefined) {
        id = slot.gids.length
        slot.gids.push(gid)
        slot.index.set(gid, id)
      }
      if (!slot.text.has(id)) slot.text.set(id, ch)
      out += hex4(id)
    }
    return `${out}>`
  }

  /** Adds a page (A4 in points) with its content operators. */
  addPage(content: string): void {
    this.pages.push({ content })
  }

  private embed(slot: FontSlot): number {
    const { face } = slot
    const scale = 1000 / face.unitsPerEm
    const subset = face.subset(slot.gids)
    const file = this.reserve()
    const cff = subset.outlines === "cff"
    this.stream(file, cff ? " /Subtype /CIDFontType0C" : ` /Length1 ${subset.bytes.length}`, subset.bytes)
    const tag = slot.name.padStart(6, "A").replace(/\d/g, (d) => String.fromCharCode(65 + Number(d)))
    const fontName = `/${tag}+${face.postscriptName.replace(/[^A-Za-z0-9-]/g, "")}`
    const [x0, y0, x1, y1] = face.bbox.map((v) => Math.round(v * scale))
    const descriptor = this.reserve()
    this.put(
      descriptor,
      `<</Type /FontDescriptor /FontName ${fontName} /Flags 4 /FontBBox [${x0} ${y0} ${x1} ${y1}] ` +
        `/ItalicAngle ${num(face.italicAngle)} /Ascent ${Math.round(face.ascent * scale)} ` +
        `/Descent ${Math.round(face.descent * scale)} /CapHeight ${Math.round(face.capHeight * scale)} /StemV 80 ` +
        `/${cff ? "FontFile3" : "FontFile2"} ${file} 0 R>>`
    )
    const widths = slot.gids.map((g) => num(face.advance(g) * scale)).join(" ")
    const cid = this.reserve()
    this.put(
      cid,
      `<</Type /Font /Subtype /${cff ? "CIDFontType0" : "CIDFontType2"} /BaseFont ${fontName} ` +
        `/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor ${descriptor} 0 R ` +
        `/W [0 [${widths}]]${cff ? "" : " /CIDToGIDMap /Identity"}>>`
    )
    const toUnicode = this.reserve()
    this.stream(toUnicode, "", Buffer.from(unicodeMap(slot.text), "latin1"))
    const font = this.reserve()
    this.put(
      font,
      `<</Type /Font /Subtype /Type0 /BaseFont ${fontName} /Encoding /Identity-H ` +
        `/DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R>>`
    )
    return font
  }

  /** The finished file. `info` gives the document information (title, author…). */
  finish(info: Readonly<Record<string, string>>, lang: string): Uint8Array {
    const catalog = this.reserve()
    const pagesRef = this.reserve()
    const fontRefs = [...this.fonts.values()].map((s) => `/${s.name} ${this.embed(s)} 0 R`).join(" ")
    const kids: Array<number> = []
    for (const page of this.pages) {
      const content = this.reserve()
      this.stream(content, "", Buffer.from(page.content, "latin1"))
      const ref = this.reserve()
      this.put(
        ref,
        `<</Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 595.28 841.89] ` +
          `/Resources <</Font <<${fontRefs}>> /ProcSet [/PDF /Text]>> /Contents ${content} 0 R>>`
      )
      kids.push(ref)
    }
    this.put(pagesRef, `<</Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length}>>`)
    this.put(
      catalog,
      `<</Type /Catalog /Pages ${pagesRef} 0 R /Lang (${lang}) /ViewerPreferences <</DisplayDocTitle true>>>>`
    )
    const infoRef = this.reserve()
    this.put(infoRef, `<<${Object.entries(info).map(([k, v]) => `/${k} ${v}`).join(" ")}>>`)
    return this.serialise(catalog, infoRef)
  }

  private serialise(root: number, info: number): Uint8Array {
    const header = Buffer.from("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "latin1")
    const parts: Array<Buffer> = [header]
    const offsets: Array<number> = []
    let at = header.length
    for (let i = 1; i < this.objects.length; i++) {
      const o = this.objects[i] ?? Buffer.from(`${i} 0 obj\nnull\nendobj\n`, "latin1")
      offsets.push(at)
      parts.push(o)
      at += o.length
    }
    const xref = [`xref\n0 ${this.objects.length}\n0000000000 65535 f \n`]
    for (const o of offsets) xref.push(`${String(o).padStart(10, "0")} 00000 n \n`)
    xref.push(
      `trailer\n<</Size ${this.objects.length} /Root ${root} 0 R /Info ${info} 0 R>>\nstartxref\n${at}\n%%EOF\n`
    )
    parts.push(Buffer.from(xref.join(""), "latin1"))
    const out = Buffer.concat(parts)
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
  }
}

/** The ToUnicode CMap of a font's glyphs. */
const unicodeMap = (text: ReadonlyMap<number, string>): string => {
  const entries = [...text.entries()].sort((a, b) => a[0] - b[0])
  const chunks: Array<string> = []
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100)
    const lines = part.map(([id, ch]) => {
      let u = ""
      for (let k = 0; k < ch.length; k++) u += hex4(ch.charCodeAt(k))
      return `<${hex4(id)}> <${u}>`
    })
    chunks.push(`${part.length} beginbfchar\n${lines.join("\n")}\nendbfchar`)
  }
  return (
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
    "/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
    `${chunks.join("\n")}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`
  )
}
