/**
 * Renders a {@link @gsyf/documents!Document.Document | Document} as PDF, laid out after
 * GB/T 9704-2012: A4 with 37 mm top and 28 mm left margins around a
 * 156 × 225 mm type area; body text in 3号 (16 pt) on a grid of 28 characters
 * × 22 lines with a two-character first-line indent; the title in the 小标宋
 * face (22 pt, centred, broken between words), level-1 headings in 黑体,
 * level-2 in 楷体; the Chinese line-breaking rules, with amounts, dates and
 * 文号 never broken; bordered tables whose header rows repeat after a page
 * break; the issuer centred over the 成文日期 and kept on the page of the text
 * before it; page numbers `— 1 —` in 4号 under the type area, odd pages
 * right, even pages left.
 *
 * The text is real, selectable Chinese: the faces (see {@link CjkFont}) are
 * embedded and subsetted to the glyphs used, so a report of a few pages stays
 * well under 100 KB. Bold text uses the bold face when one was found and a
 * stroked outline otherwise; emphasis (着重号) is underlined. Fonts are read and
 * parsed once per process; each render writes only its own subsets.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Renderers } from "@gsyf/documents"
 * import { Pdf } from "@gsyf/documents-pdf"
 * const RenderersLive = Renderers.layer(Pdf.make({ font: "/srv/fonts/NotoSerifCJKsc-Regular.otf" }))
 * ```
 *
 * @since 0.1.0
 */
import { Block, Document, DocumentRenderer, Numbering } from "@gsyf/documents"
import * as Effect from "effect/Effect"
import * as CjkFont from "./CjkFont.js"
import * as Blocks from "./internal/blocks.js"
import { type Face, openFace } from "./internal/face.js"
import { fontFiles } from "./internal/fontFile.js"
import { AREA, type Canvas, type Faces, facesOf, type Item, PAGE, paginate } from "./internal/layout.js"
import { type Atom, atomsOf } from "./internal/lineBreak.js"
import { PdfWriter, textString } from "./internal/pdfWriter.js"
import { postscriptName } from "./internal/sfnt.js"
import { table } from "./internal/tables.js"

/**
 * Options of {@link make}: where to find the fonts (see {@link CjkFont.FontOptions}).
 *
 * @since 0.1.0
 * @category models
 */
export interface PdfOptions extends CjkFont.FontOptions {}

const faces = new WeakMap<Uint8Array, Map<string, Face>>()

/** The parsed face of a loaded font, parsed once per process. */
const faceOf = (font: CjkFont.LoadedFont): Face => {
  const file = fontFiles.get(font)
  const bytes = file?.bytes ?? font.bytes
  let byName = faces.get(bytes)
  if (byName === undefined) {
    byName = new Map()
    faces.set(bytes, byName)
  }
  const key = font.face ?? ""
  let face = byName.get(key)
  if (face === undefined) {
    face = openFace(
      bytes,
      (o) => postscriptName(bytes, o),
      font.face,
      file === undefined ? undefined : (o, l) => file.ensure(o, l)
    )
    byName.set(key, face)
  }
  return face
}

const rgb = (hex: string): string => {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff].map((v) => (v / 255).toFixed(3)).join(" ")
}

const f = (n: number): string => n.toFixed(2)

/** A page's content operators, written through the document's fonts. */
const pageCanvas = (writer: PdfWriter, faceSet: Faces) => {
  const ops: Array<string> = []
  const show = (face: Face, atom: Atom, text: string, x: number, y: number, spacing: number) => {
    const { style } = atom
    const bold = style.fakeBold ? ` 2 Tr ${f(style.size * 0.035)} w ${rgb(style.color)} RG` : " 0 Tr"
    ops.push(
      `BT /${writer.fontName(face)} ${f(style.size)} Tf ${f(spacing)} Tc${bold} ${rgb(style.color)} rg ` +
        `1 0 0 1 ${f(x)} ${f(PAGE.height - y)} Tm ${writer.encode(face, text)} Tj ET`
    )
  }
  const canvas: Canvas = {
    text: (x, y, atoms, spacing) => {
      let cx = x
      for (const atom of atoms) {
        const start = cx
        let run = ""
        let runFace: Face | undefined
        let runX = cx
        for (const ch of atom.text) {
          const cp = ch.codePointAt(0)!
          const face = atom.style.face.has(cp) || !faceSet.fangsong.has(cp) ? atom.style.face : faceSet.fangsong
          if (face !== runFace) {
            if (runFace !== undefined) show(runFace, atom, run, runX, y, spacing)
            run = ""
            runFace = face
            runX = cx
          }
          run += ch
          cx += (face.advance(face.glyph(cp)) * atom.style.size) / face.unitsPerEm + spacing
        }
        if (runFace !== undefined) show(runFace, atom, run, runX, y, spacing)
        if (atom.style.underline) canvas.rule(start, y + atom.style.size * 0.15, cx - spacing, 0.6, atom.style.color)
      }
    },
    rect: (x, y, w, h) => ops.push(`0.6 w 0 0 0 RG ${f(x)} ${f(PAGE.height - y - h)} ${f(w)} ${f(h)} re S`),
    rule: (x1, y, x2, width, color) =>
      ops.push(`${f(width)} w ${rgb(color)} RG ${f(x1)} ${f(PAGE.height - y)} m ${f(x2)} ${f(PAGE.height - y)} l S`)
  }
  return { canvas, content: () => ops.join("\n") }
}

const blockItems = (s: Blocks.Styles, b: Block.Block, label: string | undefined): Array<Item> => {
  switch (b._tag) {
    case "Heading":
      return Blocks.heading(s, b, label)
    case "Paragraph":
      return Blocks.paragraph(s, b)
    case "Table":
      return table(s, b)
    case "List":
      return Blocks.list(s, b)
    case "KeyValue":
      return table(
        s,
        Block.table({
          body: b.rows.map((r) => [{ text: r.key, align: "center" as const }, r.value]),
          widths: [28, 72],
          caption: b.caption
        }),
        new Set([0])
      )
    case "Signature":
      return Blocks.signature(s, b)
    case "PageBreak":
      return [{ height: 0, grid: false, keepWithNext: false, pageBreak: true, draw: () => undefined }]
    case "Note":
      return Blocks.note(s, b)
  }
}

/** Every item of the document; the two lines before the signature are kept with it. */
const documentItems = (s: Blocks.Styles, doc: Document.Document): Array<Item> => {
  const labels = Numbering.headingLabels(doc.blocks)
  const items: Array<Item> = Blocks.front(s, doc)
  doc.blocks.forEach((b, i) => {
    const next = blockItems(s, b, labels[i])
    if (b._tag === "Signature") {
      for (let k = Math.max(0, items.length - 2); k < items.length; k++) {
        items[k] = { ...items[k]!, keepWithNext: true }
      }
    }
    items.push(...next)
  })
  return items
}

const pageNumber = (s: Blocks.Styles, template: string, page: number, pages: number, canvas: Canvas): void => {
  const style = s.style("fangsong", 14)
  const atoms = atomsOf(
    Numbering.pageLabel(template, page, pages),
    style,
    (ch) => (style.face.advance(style.face.glyph(ch.codePointAt(0)!)) * 14) / style.face.unitsPerEm
  )
  const width = atoms.reduce((a, x) => a + x.width, 0)
  const odd = page % 2 === 1
  const x = odd ? AREA.left + AREA.width - 14 - width : AREA.left + 14
  canvas.text(x, AREA.top + AREA.height + 7 * (72 / 25.4) + 14 * 0.8, atoms, 0)
}

const header = (s: Blocks.Styles, template: string, page: number, pages: number, canvas: Canvas): void => {
  const style = s.style("fangsong", 10.5)
  const atoms = atomsOf(
    Numbering.pageLabel(template, page, pages),
    style,
    (ch) => (style.face.advance(style.face.glyph(ch.codePointAt(0)!)) * 10.5) / style.face.unitsPerEm
  )
  const width = atoms.reduce((a, x) => a + x.width, 0)
  canvas.text(AREA.left + (AREA.width - width) / 2, 20 * (72 / 25.4), atoms, 0)
}

const info = (doc: Document.Document): Record<string, string> => {
  const { meta } = doc
  const date = meta.date === undefined ? undefined : `(D:${meta.date.replace(/-/g, "")}000000+08'00')`
  return {
    Title: textString(meta.title),
    ...(meta.issuer !== undefined ? { Author: textString(meta.issuer) } : {}),
    ...(meta.subtitle !== undefined ? { Subject: textString(meta.subtitle) } : {}),
    Creator: "(gsyf @gsyf/documents-pdf)",
    Producer: "(gsyf @gsyf/documents-pdf)",
    ...(date !== undefined ? { CreationDate: date } : {})
  }
}

/**
 * Renders a document to PDF bytes with fonts already loaded.
 *
 * @since 0.1.0
 * @category rendering
 */
export const toPdf = (doc: Document.Document, fonts: CjkFont.CjkFonts): Uint8Array => {
  const faceSet = facesOf(fonts, faceOf)
  const styles = Blocks.stylesOf(faceSet)
  const pages = paginate(documentItems(styles, doc), AREA.top)
  const writer = new PdfWriter()
  const footer = Document.footerTemplate(doc)
  const top = doc.page?.header
  pages.forEach((placed, i) => {
    const { canvas, content } = pageCanvas(writer, faceSet)
    for (const { item, top: y } of placed) item.draw(canvas, y)
    if (footer !== "") pageNumber(styles, footer, i + 1, pages.length, canvas)
    if (top !== undefined && top !== "") header(styles, top, i + 1, pages.length, canvas)
    writer.addPage(content())
  })
  return writer.finish(info(doc), "zh-CN")
}

/**
 * Builds a PDF renderer: finds and loads the fonts once (failing with
 * {@link CjkFont.FontNotFound}), then renders any number of documents.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: PdfOptions = {}
): Effect.Effect<DocumentRenderer.DocumentRenderer<Uint8Array>, CjkFont.FontNotFound> =>
  Effect.map(CjkFont.resolve(options), (fonts) => fromFonts(fonts))

/**
 * Builds a PDF renderer from fonts already loaded.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromFonts = (fonts: CjkFont.CjkFonts): DocumentRenderer.DocumentRenderer<Uint8Array> =>
  DocumentRenderer.make({
    format: "pdf",
    extension: "pdf",
    mediaType: "application/pdf",
    name: "@gsyf/documents-pdf",
    render: (doc) =>
      Effect.try({
        try: () => toPdf(doc, fonts),
        catch: (cause) =>
          new DocumentRenderer.RenderError({
            format: "pdf",
            reason: `${cause instanceof Error ? cause.message : String(cause)} (font: ${fonts.regular.source})`,
            cause
          })
      })
  })

/**
 * Renders one document, finding the fonts first. To render many, build a
 * renderer once with {@link make}.
 *
 * @since 0.1.0
 * @category rendering
 */
export const render = (
  doc: Document.Document,
  options: PdfOptions = {}
): Effect.Effect<Uint8Array, CjkFont.FontNotFound | DocumentRenderer.RenderError> =>
  Effect.flatMap(make(options), (r) => r.render(doc))
