/**
 * Renders a {@link @gsyf/documents!Document.Document | Document} as a Word document (DOCX) laid out after
 * GB/T 9704-2012 《党政机关公文格式》: A4 paper with 37 mm top and 28 mm left
 * margins (type area 156 × 225 mm) and the document grid of 28 characters ×
 * 22 lines (`w:docGrid` linesAndChars, every paragraph snapped to it), the
 * title in 方正小标宋简体 2号 (22pt), body text in 仿宋_GB2312 3号 (16pt),
 * level-1 headings in 黑体 and level-2 in 楷体_GB2312, the document number
 * line, an optional red letterhead with a red separator line, bordered tables
 * with repeated header rows, the issuer centred over the 成文日期 and kept on
 * the page of the paragraph before it, and page numbers `— 1 —` in 4号, odd
 * pages right and even pages left.
 *
 * Fonts are referenced by name, not embedded. LibreOffice asks fontconfig for
 * a face it lacks, which by default answers with a sans face for every
 * Chinese name; the package ships `fontconfig/65-gsyf-gbt9704.conf`, which
 * maps each role to the nearest free face (仿宋 and 小标宋 → Noto Serif CJK SC,
 * 黑体 → Noto Sans CJK SC, 楷体 → LXGW WenKai / AR PL UKai, else serif);
 * {@link make} takes other names when a host prefers them.
 *
 * @since 0.1.0
 */
import { Block, Document, DocumentRenderer, Inline, Numbering } from "@gsyf/documents"
import {
  AlignmentType,
  BorderStyle,
  Document as DocxDocument,
  DocumentGridType,
  EmphasisMarkType,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType
} from "docx"
import * as Effect from "effect/Effect"

/**
 * The font names written into the document, by role.
 *
 * @since 0.1.0
 * @category models
 */
export interface DocxFonts {
  /** The title and the letterhead (小标宋). */
  readonly title: string
  /** Body text, tables, signature, page numbers (仿宋). */
  readonly body: string
  /** Level-1 headings, table headers, captions, classification (黑体). */
  readonly heading1: string
  /** Level-2 headings and the subtitle (楷体). */
  readonly heading2: string
}

/**
 * The GB/T 9704 fonts as Chinese Windows names them.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultFonts: DocxFonts = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading1: "黑体",
  heading2: "楷体_GB2312"
}

/**
 * Options of {@link make}.
 *
 * - `fonts`: other font names per role
 * - `redLine`: draw the red separator line under the document number even
 *   without a letterhead (default: only with `meta.letterhead`)
 *
 * @since 0.1.0
 * @category models
 */
export interface DocxOptions {
  readonly fonts?: Partial<DocxFonts> | undefined
  readonly redLine?: boolean | undefined
}

/** Twentieths of a point per millimetre. */
const mm = (value: number): number => Math.round((value * 1440) / 25.4)
/** Half-points, the unit of font sizes. */
const pt = (value: number): number => value * 2

const PAGE = { width: 11906, height: 16838 } as const
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const
const TYPE_AREA_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
const BODY_SIZE = 16
/** The grid: 22 lines in the 225 mm type area (twips), 28 characters in its 156 mm width. */
const LINE_PITCH = Math.floor(mm(225) / 22)
/**
 * Character spacing of body text, in twips: the 28-character pitch (15.79 pt) less the 16 pt character,
 * rounded down so that 28 characters fit (a document grid of characters is read differently by Word and
 * LibreOffice; a run's spacing is not).
 */
const CHAR_SPACING = Math.floor((TYPE_AREA_WIDTH / 28) - BODY_SIZE * 20)
const LINE = LINE_PITCH
const INDENT = Math.round((TYPE_AREA_WIDTH / 28) * 2)
const RED = "E60000"

const fontOf = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: "eastAsia" })

interface Ctx {
  readonly fonts: DocxFonts
}

const alignment = (a: Block.Align | undefined) =>
  a === "center"
    ? AlignmentType.CENTER
    : a === "right"
    ? AlignmentType.RIGHT
    : a === "left"
    ? AlignmentType.LEFT
    : AlignmentType.JUSTIFIED

const runs = (
  list: ReadonlyArray<Inline.Run>,
  style: {
    readonly font?: string | undefined
    readonly size?: number | undefined
    readonly bold?: boolean | undefined
  } = {}
): Array<TextRun> =>
  list.flatMap((r) =>
    r.text.split(/\r?\n/).map(
      (text, i) =>
        new TextRun({
          text,
          ...(i > 0 ? { break: 1 } : {}),
          ...(style.font !== undefined ? { font: fontOf(style.font) } : {}),
          ...(style.size !== undefined ? { size: pt(style.size) } : {}),
          ...(r.bold === true || style.bold === true ? { bold: true } : {}),
          ...(r.emphasis === true ? { emphasisMark: { type: EmphasisMarkType.DOT } } : {})
        })
    )
  )

const plain = (text: string, style: Parameters<typeof runs>[1] = {}): Array<TextRun> => runs([Inline.text(text)], style)

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const
const tableBorders = {
  top: cellBorder,
  bottom: cellBorder,
  left: cellBorder,
  right: cellBorder,
  insideHorizontal: cellBorder,
  insideVertical: cellBorder
}

const TABLE_SIZE = 14

const cellParagraph = (children: Array<TextRun>, align: Block.Align | undefined) =>
  new Paragraph({
    children,
    alignment: alignment(align ?? "left"),
    spacing: { line: 24 * 20, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 }
  })

const columnWidths = (weights: ReadonlyArray<number>): Array<number> => {
  const total = weights.reduce((a, b) => a + b, 0)
  const widths = weights.map((w) => Math.floor((w / total) * TYPE_AREA_WIDTH))
  widths[widths.length - 1]! += TYPE_AREA_WIDTH - widths.reduce((a, b) => a + b, 0)
  return widths
}

const caption = (ctx: Ctx, text: string) =>
  new Paragraph({
    children: plain(text, { font: ctx.fonts.heading1, size: TABLE_SIZE }),
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120, after: 60, line: 24 * 20, lineRule: LineRuleType.AT_LEAST }
  })

const table = (ctx: Ctx, t: Block.Table): Array<Paragraph | Table> => {
  const count = Block.columnCount(t)
  const widths = columnWidths(Array.from({ length: count }, (_, i) => t.columns?.[i]?.width ?? 1))
  const row = (cells: ReadonlyArray<Block.Cell>, header: boolean) => {
    let column = 0
    const out = cells.map((c) => {
      const span = Math.min(c.colSpan ?? 1, count - column)
      const align = header ? (c.align ?? "center") : Block.cellAlign(t, c, column)
      const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0)
      column += span
      return new TableCell({
        children: [
          cellParagraph(
            runs(c.runs, header ? { font: ctx.fonts.heading1, size: TABLE_SIZE } : { size: TABLE_SIZE }),
            align
          )
        ],
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        ...(span > 1 ? { columnSpan: span } : {})
      })
    })
    while (column < count) {
      out.push(
        new TableCell({ children: [cellParagraph([], "left")], width: { size: widths[column]!, type: WidthType.DXA } })
      )
      column++
    }
    return new TableRow({ children: out, cantSplit: true, ...(header ? { tableHeader: true } : {}) })
  }
  const rows = [...t.header.map((r) => row(r, true)), ...t.body.map((r) => row(r, false))]
  return [
    ...(t.caption !== undefined ? [caption(ctx, t.caption)] : []),
    new Table({
      rows,
      columnWidths: widths,
      width: { size: TYPE_AREA_WIDTH, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      borders: tableBorders,
      margins: { left: 80, right: 80, top: 20, bottom: 20 }
    }),
    new Paragraph({ children: [], spacing: { line: 12 * 20, lineRule: LineRuleType.EXACT } })
  ]
}

const keyValue = (ctx: Ctx, kv: Block.KeyValue): Array<Paragraph | Table> => {
  const widths = columnWidths([28, 72])
  const rows = kv.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            children: [cellParagraph(plain(r.key, { font: ctx.fonts.heading1, size: TABLE_SIZE }), "center")],
            width: { size: widths[0]!, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER
          }),
          new TableCell({
            children: [cellParagraph(runs(r.value, { size: TABLE_SIZE }), "left")],
            width: { size: widths[1]!, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER
          })
        ]
      })
  )
  return [
    ...(kv.caption !== undefined ? [caption(ctx, kv.caption)] : []),
    new Table({
      rows,
      columnWidths: widths,
      width: { size: TYPE_AREA_WIDTH, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      borders: tableBorders,
      margins: { left: 80, right: 80, top: 20, bottom: 20 }
    }),
    new Paragraph({ children: [], spacing: { line: 12 * 20, lineRule: LineRuleType.EXACT } })
  ]
}

/** The issuer centred over the date, the date four characters from the right edge, kept with what comes before. */
const signature = (b: Block.Signature): Array<Paragraph> => {
  const pitch = TYPE_AREA_WIDTH / 28
  const date = b.date === undefined ? undefined : Numbering.chineseDate(b.date)
  const dateChars = date === undefined ? [...b.issuer].length : [...date].length - (date.match(/\d/g)?.length ?? 0) / 2
  const issuerChars = [...b.issuer].length
  const right = Math.round(pitch * 4 + Math.max(0, ((dateChars - issuerChars) * pitch) / 2))
  return [
    new Paragraph({ children: [], keepNext: true }),
    new Paragraph({
      children: plain(b.issuer + (b.seal ?? "")),
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.max(0, right - (b.seal === undefined ? 0 : Math.round([...b.seal].length * pitch))) },
      keepNext: date !== undefined
    }),
    ...(date !== undefined
      ? [
        new Paragraph({
          children: plain(date),
          alignment: AlignmentType.RIGHT,
          indent: { right: Math.round(pitch * 4) }
        })
      ]
      : [])
  ]
}

const headingFont = (ctx: Ctx, level: Block.Level): { font: string; bold: boolean } =>
  level === 1
    ? { font: ctx.fonts.heading1, bold: false }
    : level === 2
    ? { font: ctx.fonts.heading2, bold: false }
    : { font: ctx.fonts.body, bold: level === 3 }

const block = (ctx: Ctx, b: Block.Block, label: string | undefined): Array<Paragraph | Table> => {
  switch (b._tag) {
    case "Heading": {
      const f = headingFont(ctx, b.level)
      return [
        new Paragraph({
          children: plain(`${label ?? ""}${b.text}`, f),
          indent: { firstLine: INDENT },
          outlineLevel: b.level - 1,
          keepNext: true,
          alignment: AlignmentType.JUSTIFIED
        })
      ]
    }
    case "Paragraph":
      return [
        new Paragraph({
          children: runs(b.runs),
          alignment: alignment(b.align),
          ...(b.indent === false ? {} : { indent: { firstLine: INDENT } })
        })
      ]
    case "Table":
      return table(ctx, b)
    case "List":
      return b.items.map(
        (item, i) =>
          new Paragraph({
            children: [...plain(b.ordered ? Numbering.listLabel(i + 1) : "• "), ...runs(item)],
            indent: { firstLine: INDENT },
            alignment: AlignmentType.JUSTIFIED
          })
      )
    case "KeyValue":
      return keyValue(ctx, b)
    case "Signature":
      return signature(b)
    case "PageBreak":
      return [new Paragraph({ children: [new PageBreak()] })]
    case "Note":
      return [
        new Paragraph({
          children: [...plain(`${b.label ?? Block.defaultNoteLabel}：`, { size: 14 }), ...runs(b.runs, { size: 14 })],
          indent: { firstLine: 14 * 2 * 20 },
          spacing: { before: 120, line: 24 * 20, lineRule: LineRuleType.EXACT }
        })
      ]
  }
}

/** The page-number footer: 4号, one character in from the right edge (odd pages) or the left edge (even pages). */
const pageNumber = (ctx: Ctx, template: string, side: "left" | "right"): Footer =>
  new Footer({
    children: [
      new Paragraph({
        children: templateRuns(ctx, template, 14),
        alignment: side === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "right" ? { right: 280 } : { left: 280 },
        spacing: { line: 20 * 20, lineRule: LineRuleType.AT_LEAST }
      })
    ]
  })

/** A header or footer template as runs: text and page number fields. */
const templateRuns = (ctx: Ctx, template: string, size: number): Array<TextRun> =>
  template
    .split(/(\{pages?\})/)
    .filter((p) => p !== "")
    .map(
      (p) =>
        new TextRun({
          font: fontOf(ctx.fonts.body),
          size: pt(size),
          children: [p === "{page}" ? PageNumber.CURRENT : p === "{pages}" ? PageNumber.TOTAL_PAGES : p]
        })
    )

const front = (ctx: Ctx, doc: Document.Document, redLine: boolean): Array<Paragraph> => {
  const { meta } = doc
  const out: Array<Paragraph> = []
  if (meta.classification !== undefined) {
    out.push(new Paragraph({ children: plain(meta.classification, { font: ctx.fonts.heading1 }) }))
  }
  if (meta.letterhead === true && meta.issuer !== undefined) {
    out.push(
      new Paragraph({
        children: [
          new TextRun({ text: `${meta.issuer}文件`, font: fontOf(ctx.fonts.title), size: pt(36), color: RED })
        ],
        alignment: AlignmentType.CENTER,
        spacing: { before: LINE, after: LINE, line: 50 * 20, lineRule: LineRuleType.AT_LEAST }
      })
    )
  }
  if (meta.number !== undefined || redLine) {
    out.push(
      new Paragraph({
        children: meta.number !== undefined ? plain(meta.number) : [],
        alignment: AlignmentType.CENTER,
        ...(redLine ? { border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } } } : {})
      })
    )
  }
  out.push(
    new Paragraph({
      children: Numbering.titleLines(meta.title, 20).flatMap((line, i) => [
        ...(i > 0 ? [new TextRun({ break: 1 })] : []),
        ...plain(line, { font: ctx.fonts.title, size: 22 })
      ]),
      alignment: AlignmentType.CENTER,
      spacing: {
        before: LINE * 2,
        after: meta.subtitle === undefined ? LINE : 0,
        line: 35 * 20,
        lineRule: LineRuleType.EXACT
      }
    })
  )
  if (meta.subtitle !== undefined) {
    out.push(
      new Paragraph({
        children: plain(meta.subtitle, { font: ctx.fonts.heading2 }),
        alignment: AlignmentType.CENTER,
        spacing: { after: LINE }
      })
    )
  }
  const recipients = Document.recipientsLine(doc)
  if (recipients !== undefined) out.push(new Paragraph({ children: plain(recipients), alignment: AlignmentType.LEFT }))
  return out
}

/**
 * Builds the `docx` document object for a document (for hosts that want to
 * post-process it before packing).
 *
 * @since 0.1.0
 * @category rendering
 */
export const toDocx = (doc: Document.Document, options: DocxOptions = {}): DocxDocument => {
  const ctx: Ctx = { fonts: { ...defaultFonts, ...options.fonts } }
  const redLine = options.redLine ?? doc.meta.letterhead === true
  const labels = Numbering.headingLabels(doc.blocks)
  const footer = Document.footerTemplate(doc)
  const header = doc.page?.header
  return new DocxDocument({
    title: doc.meta.title,
    ...(doc.meta.issuer !== undefined ? { creator: doc.meta.issuer } : {}),
    ...(doc.meta.subtitle !== undefined ? { subject: doc.meta.subtitle } : {}),
    description: "gsyf",
    evenAndOddHeaderAndFooters: footer !== "",
    styles: {
      default: {
        document: {
          run: {
            font: fontOf(ctx.fonts.body),
            size: pt(BODY_SIZE),
            characterSpacing: CHAR_SPACING,
            language: { value: "zh-CN", eastAsia: "zh-CN" }
          },
          paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } }
        }
      },
      // the grid's character pitch is read from the Normal style's East Asian size (LibreOffice)
      paragraphStyles: [{
        id: "Normal",
        name: "Normal",
        run: { font: fontOf(ctx.fonts.body), size: pt(BODY_SIZE), characterSpacing: CHAR_SPACING },
        paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } }
      }]
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: mm(15), footer: mm(24) }
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH }
        },
        ...(header !== undefined && header !== ""
          ? {
            headers: {
              default: new Header({
                children: [
                  new Paragraph({
                    children: templateRuns(ctx, header, 10.5),
                    alignment: AlignmentType.CENTER,
                    spacing: { line: 16 * 20, lineRule: LineRuleType.AT_LEAST }
                  })
                ]
              })
            }
          }
          : {}),
        ...(footer !== ""
          ? { footers: { default: pageNumber(ctx, footer, "right"), even: pageNumber(ctx, footer, "left") } }
          : {}),
        children: [...front(ctx, doc, redLine), ...doc.blocks.flatMap((b, i) => block(ctx, b, labels[i]))]
      }
    ]
  })
}

/**
 * Builds a DOCX renderer with the given options.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: DocxOptions = {}): DocumentRenderer.DocumentRenderer<Uint8Array> =>
  DocumentRenderer.make({
    format: "docx",
    extension: "docx",
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    name: "@gsyf/documents-docx",
    render: (doc) =>
      Effect.tryPromise({
        try: async () => new Uint8Array(await Packer.toBuffer(toDocx(doc, options))),
        catch: (cause) => new DocumentRenderer.RenderError({ format: "docx", reason: String(cause), cause })
      })
  })

/**
 * The DOCX renderer with the default GB/T 9704 fonts.
 *
 * @since 0.1.0
 * @category renderers
 */
export const renderer: DocumentRenderer.DocumentRenderer<Uint8Array> = make()

/**
 * Renders a document as DOCX bytes.
 *
 * @since 0.1.0
 * @category rendering
 */
export const render = renderer.render
