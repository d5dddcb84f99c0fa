/**
 * A document as the object model of the `docx` package, for hosts that post-process it before packing. The
 * renderer itself writes the same layout directly ((`wordml.ts`)); a test keeps the two alike.
 */
import { Block, Document, Inline, Numbering } from "@gsyf/documents"
import {
  AlignmentType,
  BorderStyle,
  Document as DocxDocument,
  DocumentGridType,
  EmphasisMarkType,
  Footer,
  Header,
  LineRuleType,
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
import {
  BODY_SIZE,
  CHAR_SPACING,
  columnWidths,
  type Fonts,
  FOOTER_DISTANCE,
  HEADER_DISTANCE,
  INDENT,
  LINE_PITCH,
  MARGIN,
  PAGE,
  pt,
  RED,
  signatureLayout,
  TABLE_SIZE,
  tableColumnWidths,
  TYPE_AREA_WIDTH
} from "./geometry.js"

const fontOf = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: "eastAsia" })

interface Ctx {
  readonly fonts: Fonts
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

const cellParagraph = (children: Array<TextRun>, align: Block.Align | undefined) =>
  new Paragraph({
    children,
    alignment: alignment(align ?? "left"),
    spacing: { line: 24 * 20, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 }
  })

const caption = (ctx: Ctx, text: string) =>
  new Paragraph({
    children: plain(text, { font: ctx.fonts.heading1, size: TABLE_SIZE }),
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120, after: 60, line: 24 * 20, lineRule: LineRuleType.AT_LEAST }
  })

// a bordered table of fixed layout across the type area, with its caption above and a short gap after it
const framed = (
  ctx: Ctx,
  title: string | undefined,
  rows: Array<TableRow>,
  widths: Array<number>
): Array<Paragraph | Table> => [
  ...(title !== undefined ? [caption(ctx, title)] : []),
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

const table = (ctx: Ctx, t: Block.Table): Array<Paragraph | Table> => {
  const count = Block.columnCount(t)
  const widths = tableColumnWidths(t)
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
  return framed(ctx, t.caption, rows, widths)
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
  return framed(ctx, kv.caption, rows, widths)
}

/** The issuer centred over the date, the date four characters from the right edge, kept with what comes before. */
const signature = (b: Block.Signature): Array<Paragraph> => {
  const s = signatureLayout(b)
  return [
    new Paragraph({ children: [], keepNext: true }),
    new Paragraph({
      children: plain(s.issuer),
      alignment: AlignmentType.RIGHT,
      indent: { right: s.issuerRight },
      keepNext: s.date !== undefined
    }),
    ...(s.date !== undefined
      ? [new Paragraph({ children: plain(s.date), alignment: AlignmentType.RIGHT, indent: { right: s.dateRight } })]
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
        spacing: { before: LINE_PITCH, after: LINE_PITCH, line: 50 * 20, lineRule: LineRuleType.AT_LEAST }
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
        before: LINE_PITCH * 2,
        after: meta.subtitle === undefined ? LINE_PITCH : 0,
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
        spacing: { after: LINE_PITCH }
      })
    )
  }
  const recipients = Document.recipientsLine(doc)
  if (recipients !== undefined) out.push(new Paragraph({ children: plain(recipients), alignment: AlignmentType.LEFT }))
  return out
}

/** The `docx` object model of a document, laid out as (`wordml.ts`) writes it. */
export const objectModel = (doc: Document.Document, fonts: Fonts, redLine: boolean): DocxDocument => {
  const ctx: Ctx = { fonts }
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
            language: { value: "en-US", eastAsia: "zh-CN" }
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
            margin: { ...MARGIN, header: HEADER_DISTANCE, footer: FOOTER_DISTANCE }
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
