/**
 * Renders a {@link @gsyf/documents!Document.Document | Document} as PDF with pdfkit, laid out after
 * GB/T 9704-2012: A4 with 37 mm top and 28 mm left margins around a
 * 156 × 225 mm type area, a 22pt centred title, 16pt body text on 28pt lines
 * with a two-character first-line indent, headings numbered 一、/（一）/1./①,
 * bordered tables whose header rows repeat after a page break, a right-aligned
 * signature block and the page number (`— 1 —`) under the type area.
 *
 * The text is real, selectable Chinese: a CJK font (see {@link CjkFont}) is
 * embedded and subsetted to the glyphs used, so a report of a few pages stays
 * well under 100 KB. Bold text uses the bold face when one was found and a
 * stroked outline otherwise; emphasis (着重号) is underlined.
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
import { Block, Document, DocumentRenderer, Inline, Numbering } from "@gsyf/documents"
import * as Effect from "effect/Effect"
import PDFDocument from "pdfkit"
import * as CjkFont from "./CjkFont.js"

/**
 * Options of {@link make}: where to find the fonts (see {@link CjkFont.FontOptions}).
 *
 * @since 0.1.0
 * @category models
 */
export interface PdfOptions extends CjkFont.FontOptions {}

const MM = 72 / 25.4
const PAGE_WIDTH = 595.28
const PAGE_HEIGHT = 841.89
const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } as const
const WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right
const BOTTOM = PAGE_HEIGHT - MARGIN.bottom
const BODY = 16
const LINE = 28
const TABLE = 12
const TABLE_LINE = 18
const NOTE = 14
const RED = "#E60000"
const CELL_PAD_X = 4
const CELL_PAD_Y = 3

type Doc = PDFKit.PDFDocument

interface Ctx {
  readonly pdf: Doc
  readonly hasBold: boolean
}

interface TextStyle {
  readonly size: number
  readonly line: number
  readonly bold?: boolean | undefined
  readonly color?: string | undefined
}

/** Sets font and size; returns the line gap that gives the wanted line height. */
const useFont = (ctx: Ctx, bold: boolean, size: number, line: number): number => {
  ctx.pdf.font(bold && ctx.hasBold ? "cjk-bold" : "cjk").fontSize(size)
  return Math.max(0, line - ctx.pdf.currentLineHeight(true))
}

/** Writes runs as one paragraph at the current position (or at x/y), wrapping within width. */
const writeRuns = (
  ctx: Ctx,
  runs: ReadonlyArray<Inline.Run>,
  style: TextStyle,
  layout: {
    readonly x: number
    readonly y?: number | undefined
    readonly width: number
    readonly align?: "left" | "center" | "right" | "justify" | undefined
    readonly indent?: number | undefined
  }
): void => {
  const { pdf } = ctx
  const list = runs.filter((r) => r.text !== "")
  if (list.length === 0) {
    useFont(ctx, false, style.size, style.line)
    pdf.y = (layout.y ?? pdf.y) + style.line
    return
  }
  pdf.fillColor(style.color ?? "#000000")
  list.forEach((r, i) => {
    const bold = r.bold === true || style.bold === true
    const lineGap = useFont(ctx, bold, style.size, style.line)
    const fakeBold = bold && !ctx.hasBold
    if (fakeBold) pdf.lineWidth(style.size * 0.035).strokeColor(style.color ?? "#000000")
    const options: PDFKit.Mixins.TextOptions = {
      width: layout.width,
      align: layout.align ?? "justify",
      lineGap,
      continued: i < list.length - 1,
      underline: r.emphasis === true,
      stroke: fakeBold,
      fill: true,
      ...(layout.indent !== undefined ? { indent: layout.indent } : {})
    }
    if (i === 0) pdf.text(r.text, layout.x, layout.y ?? pdf.y, options)
    else pdf.text(r.text, options)
  })
  pdf.x = MARGIN.left
}

const plain = (text: string): ReadonlyArray<Inline.Run> => [Inline.text(text)]

/** Starts a new page when less than `height` is left on this one. */
const ensureSpace = (ctx: Ctx, height: number): void => {
  if (ctx.pdf.y + height > BOTTOM + 0.5) {
    ctx.pdf.addPage()
    ctx.pdf.y = MARGIN.top
  }
}

const headingStyle = (level: Block.Level): TextStyle => ({ size: BODY, line: LINE, bold: level === 1 || level === 3 })

interface GridCell {
  readonly cell: Block.Cell
  readonly x: number
  readonly width: number
  readonly align: Block.Align
  readonly bold: boolean
}

const layoutRow = (
  t: Block.Table,
  row: ReadonlyArray<Block.Cell>,
  xs: ReadonlyArray<number>,
  widths: ReadonlyArray<number>,
  header: boolean,
  boldColumns: ReadonlySet<number>
): Array<GridCell> => {
  const count = widths.length
  let column = 0
  const out: Array<GridCell> = []
  const cells = [...row]
  while (cells.reduce((a, c) => a + (c.colSpan ?? 1), 0) < count) cells.push(Block.cell(""))
  for (const cell of cells) {
    if (column >= count) break
    const span = Math.min(cell.colSpan ?? 1, count - column)
    out.push({
      cell,
      x: xs[column]!,
      width: widths.slice(column, column + span).reduce((a, b) => a + b, 0),
      align: header ? (cell.align ?? "center") : Block.cellAlign(t, cell, column),
      bold: header || boldColumns.has(column)
    })
    column += span
  }
  return out
}

const cellHeight = (ctx: Ctx, g: GridCell): number => {
  const lineGap = useFont(ctx, g.bold, TABLE, TABLE_LINE)
  const text = Inline.plainText(g.cell.runs)
  const h = text === "" ? TABLE_LINE : ctx.pdf.heightOfString(text, { width: g.width - 2 * CELL_PAD_X, lineGap })
  return Math.max(TABLE_LINE, h) + 2 * CELL_PAD_Y
}

const drawRow = (ctx: Ctx, cells: ReadonlyArray<GridCell>, height: number): void => {
  const { pdf } = ctx
  const y = pdf.y
  for (const g of cells) {
    pdf.lineWidth(0.6).strokeColor("#000000").rect(g.x, y, g.width, height).stroke()
    const inner = cellHeight(ctx, g) - 2 * CELL_PAD_Y
    writeRuns(ctx, g.cell.runs, { size: TABLE, line: TABLE_LINE, bold: g.bold }, {
      x: g.x + CELL_PAD_X,
      y: y + CELL_PAD_Y + Math.max(0, (height - 2 * CELL_PAD_Y - inner) / 2),
      width: g.width - 2 * CELL_PAD_X,
      align: g.align === "justify" ? "left" : g.align
    })
  }
  pdf.x = MARGIN.left
  pdf.y = y + height
}

const drawCaption = (ctx: Ctx, caption: string | undefined): void => {
  if (caption === undefined) return
  ensureSpace(ctx, TABLE_LINE * 4)
  writeRuns(ctx, plain(caption), { size: TABLE + 1, line: TABLE_LINE + 4, bold: true }, {
    x: MARGIN.left,
    width: WIDTH,
    align: "center"
  })
}

const drawTable = (ctx: Ctx, t: Block.Table, boldColumns: ReadonlySet<number> = new Set()): void => {
  const count = Block.columnCount(t)
  const weights = Array.from({ length: count }, (_, i) => t.columns?.[i]?.width ?? 1)
  const total = weights.reduce((a, b) => a + b, 0)
  const widths = weights.map((w) => (w / total) * WIDTH)
  const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0))
  const header = t.header.map((r) => layoutRow(t, r, xs, widths, true, boldColumns))
  const headerHeights = header.map((cells) => Math.max(...cells.map((g) => cellHeight(ctx, g))))
  const headerHeight = headerHeights.reduce((a, b) => a + b, 0)
  const drawHeader = () => header.forEach((cells, i) => drawRow(ctx, cells, headerHeights[i]!))
  drawCaption(ctx, t.caption)
  const body = t.body.map((r) => layoutRow(t, r, xs, widths, false, boldColumns))
  const firstHeight = body.length > 0 ? Math.max(...body[0]!.map((g) => cellHeight(ctx, g))) : 0
  ensureSpace(ctx, headerHeight + firstHeight)
  drawHeader()
  for (const cells of body) {
    const height = Math.max(...cells.map((g) => cellHeight(ctx, g)))
    if (ctx.pdf.y + height > BOTTOM) {
      ctx.pdf.addPage()
      ctx.pdf.y = MARGIN.top
      drawHeader()
    }
    drawRow(ctx, cells, height)
  }
  ctx.pdf.y += LINE / 2
}

const drawBlock = (ctx: Ctx, b: Block.Block, label: string | undefined): void => {
  const { pdf } = ctx
  switch (b._tag) {
    case "Heading":
      ensureSpace(ctx, LINE * 2)
      writeRuns(ctx, plain(`${label ?? ""}${b.text}`), headingStyle(b.level), {
        x: MARGIN.left,
        width: WIDTH,
        indent: BODY * 2,
        align: "left"
      })
      return
    case "Paragraph":
      writeRuns(ctx, b.runs, { size: BODY, line: LINE }, {
        x: MARGIN.left,
        width: WIDTH,
        align: b.align ?? "justify",
        ...(b.indent === false ? {} : { indent: BODY * 2 })
      })
      return
    case "Table":
      drawTable(ctx, b)
      return
    case "List":
      b.items.forEach((item, i) =>
        writeRuns(ctx, [Inline.text(b.ordered ? Numbering.listLabel(i + 1) : "• "), ...item], {
          size: BODY,
          line: LINE
        }, {
          x: MARGIN.left,
          width: WIDTH,
          indent: BODY * 2
        })
      )
      return
    case "KeyValue":
      drawTable(
        ctx,
        Block.table({
          body: b.rows.map((r) => [{ text: r.key, align: "center" }, r.value]),
          widths: [28, 72],
          ...(b.caption !== undefined ? { caption: b.caption } : {})
        }),
        new Set([0])
      )
      return
    case "Signature": {
      ensureSpace(ctx, LINE * 4)
      pdf.y += LINE
      const layout = { x: MARGIN.left, width: WIDTH - BODY * 4, align: "right" as const }
      writeRuns(ctx, plain(b.issuer + (b.seal ?? "")), { size: BODY, line: LINE }, layout)
      if (b.date !== undefined) writeRuns(ctx, plain(Numbering.chineseDate(b.date)), { size: BODY, line: LINE }, layout)
      return
    }
    case "PageBreak":
      pdf.addPage()
      pdf.y = MARGIN.top
      return
    case "Note":
      pdf.y += 6
      writeRuns(ctx, [Inline.text(`${b.label ?? Block.defaultNoteLabel}：`), ...b.runs], { size: NOTE, line: 22 }, {
        x: MARGIN.left,
        width: WIDTH,
        indent: NOTE * 2
      })
      return
  }
}

const drawFront = (ctx: Ctx, doc: Document.Document): void => {
  const { pdf } = ctx
  const { meta } = doc
  const full = { x: MARGIN.left, width: WIDTH }
  if (meta.classification !== undefined) {
    writeRuns(ctx, plain(meta.classification), { size: BODY, line: LINE, bold: true }, { ...full, align: "left" })
  }
  if (meta.letterhead === true && meta.issuer !== undefined) {
    pdf.y += LINE / 2
    writeRuns(ctx, plain(`${meta.issuer}文件`), { size: 30, line: 48, bold: true, color: RED }, {
      ...full,
      align: "center"
    })
  }
  if (meta.number !== undefined) {
    writeRuns(ctx, plain(meta.number), { size: BODY, line: LINE }, { ...full, align: "center" })
  }
  if (meta.letterhead === true) {
    pdf.y += 6
    pdf.moveTo(MARGIN.left, pdf.y).lineTo(MARGIN.left + WIDTH, pdf.y).lineWidth(1.5).strokeColor(RED).stroke()
    pdf.strokeColor("#000000")
    pdf.y += 6
  }
  pdf.y += LINE
  writeRuns(ctx, plain(meta.title), { size: 22, line: 35, bold: true }, { ...full, align: "center" })
  if (meta.subtitle !== undefined) {
    writeRuns(ctx, plain(meta.subtitle), { size: BODY, line: LINE }, { ...full, align: "center" })
  }
  pdf.y += LINE
  const recipients = Document.recipientsLine(doc)
  if (recipients !== undefined) {
    writeRuns(ctx, plain(recipients), { size: BODY, line: LINE }, { ...full, align: "left" })
  }
}

const drawPageFurniture = (ctx: Ctx, doc: Document.Document): void => {
  const { pdf } = ctx
  const range = pdf.bufferedPageRange()
  const footer = Document.footerTemplate(doc)
  const header = doc.page?.header
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i)
    const margins = pdf.page.margins
    pdf.page.margins = { top: 0, bottom: 0, left: 0, right: 0 }
    if (footer !== "") {
      useFont(ctx, false, 14, 20)
      pdf.fillColor("#000000").text(Numbering.pageLabel(footer, i + 1, range.count), MARGIN.left, BOTTOM + 7 * MM, {
        width: WIDTH,
        align: "center",
        lineBreak: false
      })
    }
    if (header !== undefined && header !== "") {
      useFont(ctx, false, 10.5, 14)
      pdf.fillColor("#000000").text(Numbering.pageLabel(header, i + 1, range.count), MARGIN.left, 20 * MM, {
        width: WIDTH,
        align: "center",
        lineBreak: false
      })
    }
    pdf.page.margins = margins
  }
}

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/**
 * Renders a document to PDF bytes with fonts already loaded.
 *
 * @since 0.1.0
 * @category rendering
 */
export const toPdf = (doc: Document.Document, fonts: CjkFont.CjkFonts): Promise<Uint8Array> =>
  new Promise<Uint8Array>((resolve, reject) => {
    try {
      const { meta } = doc
      const pdf = new PDFDocument({
        size: "A4",
        margins: MARGIN,
        bufferPages: true,
        autoFirstPage: true,
        lang: "zh-CN",
        displayTitle: true,
        pdfVersion: "1.7",
        info: {
          Title: meta.title,
          ...(meta.issuer !== undefined ? { Author: meta.issuer } : {}),
          ...(meta.subtitle !== undefined ? { Subject: meta.subtitle } : {}),
          Creator: "gsyf @gsyf/documents-pdf",
          ...(meta.date !== undefined ? { CreationDate: new Date(`${meta.date}T00:00:00Z`) } : {})
        }
      })
      const chunks: Array<Buffer> = []
      pdf.on("data", (c: Buffer) => chunks.push(c))
      pdf.on("end", () => {
        const out = Buffer.concat(chunks)
        resolve(new Uint8Array(out.buffer, out.byteOffset, out.byteLength))
      })
      pdf.on("error", reject)
      pdf.registerFont("cjk", asBuffer(fonts.regular.bytes), fonts.regular.face)
      if (fonts.bold !== undefined) pdf.registerFont("cjk-bold", asBuffer(fonts.bold.bytes), fonts.bold.face)
      const ctx: Ctx = { pdf, hasBold: fonts.bold !== undefined }
      pdf.x = MARGIN.left
      pdf.y = MARGIN.top
      drawFront(ctx, doc)
      const labels = Numbering.headingLabels(doc.blocks)
      doc.blocks.forEach((b, i) => drawBlock(ctx, b, labels[i]))
      drawPageFurniture(ctx, doc)
      pdf.end()
    } catch (e) {
      reject(e)
    }
  })

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
      Effect.tryPromise({
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
