/**
 * The parts of a DOCX written directly as WordprocessingML text: the body (paragraphs, runs, bordered tables,
 * the signature block, page breaks), the section with its GB/T 9704 page and line grid, the page-number
 * footers and the header, the styles and the settings. Only the constructs the documents use are written,
 * in the element order of the schema, so that Word and LibreOffice read them alike.
 */
import { Block, Document, Inline, Numbering } from "@gsyf/documents"
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

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
const DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"

// XML 1.0 has no place for most control characters; they are dropped rather than make the part unreadable.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }

/** Text or an attribute value as XML character data. */
export const escape = (s: string): string => s.replace(INVALID, "").replace(/[&<>"]/g, (c) => ESCAPES[c]!)

/** The properties of a run. */
interface RunStyle {
  readonly font?: string | undefined
  readonly size?: number | undefined
  readonly bold?: boolean | undefined
  readonly emphasis?: boolean | undefined
  readonly color?: string | undefined
}

const fontCache = new Map<string, string>()

const rFonts = (name: string): string => {
  let xml = fontCache.get(name)
  if (xml === undefined) {
    const n = escape(name)
    xml = `<w:rFonts w:ascii="${n}" w:cs="${n}" w:eastAsia="${n}" w:hAnsi="${n}" w:hint="eastAsia"/>`
    fontCache.set(name, xml)
  }
  return xml
}

const size = (points: number): string => `<w:sz w:val="${pt(points)}"/><w:szCs w:val="${pt(points)}"/>`

const rPr = (s: RunStyle): string => {
  const inner = (s.font !== undefined ? rFonts(s.font) : "") +
    (s.bold === true ? "<w:b/><w:bCs/>" : "") +
    (s.color !== undefined ? `<w:color w:val="${s.color}"/>` : "") +
    (s.size !== undefined ? size(s.size) : "") +
    (s.emphasis === true ? "<w:em w:val=\"dot\"/>" : "")
  return inner === "" ? "" : `<w:rPr>${inner}</w:rPr>`
}

const t = (text: string): string => `<w:t xml:space="preserve">${escape(text)}</w:t>`

/** One run per line of the text, each after the first starting with a line break. */
const textRuns = (text: string, style: RunStyle): string => {
  const props = rPr(style)
  const lines = text.split(/\r?\n/)
  let out = ""
  for (let i = 0; i < lines.length; i++) out += `<w:r>${props}${i > 0 ? "<w:br/>" : ""}${t(lines[i]!)}</w:r>`
  return out
}

interface BaseStyle {
  readonly font?: string | undefined
  readonly size?: number | undefined
  readonly bold?: boolean | undefined
}

const runs = (list: ReadonlyArray<Inline.Run>, style: BaseStyle = {}): string => {
  let out = ""
  for (const r of list) {
    out += textRuns(r.text, {
      font: style.font,
      size: style.size,
      bold: r.bold === true || style.bold === true,
      emphasis: r.emphasis === true
    })
  }
  return out
}

const plain = (text: string, style: BaseStyle = {}): string => textRuns(text, style)

/** Paragraph properties, in schema order. */
interface ParagraphProps {
  readonly keepNext?: boolean | undefined
  readonly border?: string | undefined
  readonly spacing?: {
    readonly before?: number
    readonly after?: number
    readonly line?: number
    readonly rule?: "auto" | "exact" | "atLeast"
  } | undefined
  readonly indent?: { readonly firstLine?: number; readonly left?: number; readonly right?: number } | undefined
  readonly align?: "left" | "center" | "right" | "both" | undefined
  readonly outline?: number | undefined
}

const spacingXml = (s: NonNullable<ParagraphProps["spacing"]>): string =>
  "<w:spacing" + (s.after !== undefined ? ` w:after="${s.after}"` : "") +
  (s.before !== undefined ? ` w:before="${s.before}"` : "") + (s.line !== undefined ? ` w:line="${s.line}"` : "") +
  (s.rule !== undefined ? ` w:lineRule="${s.rule}"` : "") + "/>"

const indentXml = (i: NonNullable<ParagraphProps["indent"]>): string =>
  "<w:ind" + (i.left !== undefined ? ` w:left="${i.left}"` : "") +
  (i.right !== undefined ? ` w:right="${i.right}"` : "") +
  (i.firstLine !== undefined ? ` w:firstLine="${i.firstLine}"` : "") + "/>"

const pPr = (p: ParagraphProps): string => {
  const inner = (p.keepNext === true ? "<w:keepNext/>" : "") + (p.border ?? "") +
    (p.spacing !== undefined ? spacingXml(p.spacing) : "") + (p.indent !== undefined ? indentXml(p.indent) : "") +
    (p.align !== undefined ? `<w:jc w:val="${p.align}"/>` : "") +
    (p.outline !== undefined ? `<w:outlineLvl w:val="${p.outline}"/>` : "")
  return inner === "" ? "" : `<w:pPr>${inner}</w:pPr>`
}

const paragraph = (props: ParagraphProps, content: string): string => `<w:p>${pPr(props)}${content}</w:p>`

const jc = (a: Block.Align | undefined): NonNullable<ParagraphProps["align"]> =>
  a === "center" ? "center" : a === "right" ? "right" : a === "left" ? "left" : "both"

const CELL_SPACING = { after: 0, before: 0, line: 24 * 20, rule: "atLeast" } as const
const cellBorder = "w:val=\"single\" w:color=\"000000\" w:sz=\"4\""
const TABLE_PROPS = `<w:tblBorders><w:top ${cellBorder}/><w:left ${cellBorder}/><w:bottom ${cellBorder}/>` +
  `<w:right ${cellBorder}/><w:insideH ${cellBorder}/><w:insideV ${cellBorder}/></w:tblBorders>` +
  "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:type=\"dxa\" w:w=\"20\"/><w:left w:type=\"dxa\" w:w=\"80\"/>" +
  "<w:bottom w:type=\"dxa\" w:w=\"20\"/><w:right w:type=\"dxa\" w:w=\"80\"/></w:tblCellMar>"
/** The thin paragraph after a table, so that two tables never merge. */
const AFTER_TABLE = paragraph({ spacing: { line: 12 * 20, rule: "exact" } }, "")

const cell = (width: number, span: number, center: boolean, align: Block.Align, content: string): string =>
  `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}` +
  `${center ? "<w:vAlign w:val=\"center\"/>" : ""}</w:tcPr>` +
  `${paragraph({ spacing: CELL_SPACING, align: jc(align) }, content)}</w:tc>`

const tableXml = (widths: ReadonlyArray<number>, rows: string): string =>
  `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${TYPE_AREA_WIDTH}"/>${TABLE_PROPS}</w:tblPr><w:tblGrid>` +
  widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("") + `</w:tblGrid>${rows}</w:tbl>`

const caption = (fonts: Fonts, text: string): string =>
  paragraph(
    { keepNext: true, spacing: { after: 60, before: 120, line: 24 * 20, rule: "atLeast" }, align: "center" },
    plain(text, { font: fonts.heading1, size: TABLE_SIZE })
  )

const table = (fonts: Fonts, tb: Block.Table): string => {
  const count = Block.columnCount(tb)
  const widths = tableColumnWidths(tb)
  const headerStyle = { font: fonts.heading1, size: TABLE_SIZE }
  const bodyStyle = { size: TABLE_SIZE }
  const row = (cells: ReadonlyArray<Block.Cell>, header: boolean): string => {
    let column = 0
    let out = `<w:tr><w:trPr><w:cantSplit/>${header ? "<w:tblHeader/>" : ""}</w:trPr>`
    for (const c of cells) {
      const span = Math.min(c.colSpan ?? 1, count - column)
      const align = header ? (c.align ?? "center") : Block.cellAlign(tb, c, column)
      let width = 0
      for (let k = column; k < column + span; k++) width += widths[k] ?? 0
      column += span
      out += cell(width, span, true, align, runs(c.runs, header ? headerStyle : bodyStyle))
    }
    for (; column < count; column++) out += cell(widths[column]!, 1, false, "left", "")
    return `${out}</w:tr>`
  }
  let rows = ""
  for (const r of tb.header) rows += row(r, true)
  for (const r of tb.body) rows += row(r, false)
  return (tb.caption !== undefined ? caption(fonts, tb.caption) : "") + tableXml(widths, rows) + AFTER_TABLE
}

const keyValue = (fonts: Fonts, kv: Block.KeyValue): string => {
  const widths = columnWidths([28, 72])
  let rows = ""
  for (const r of kv.rows) {
    rows += "<w:tr><w:trPr><w:cantSplit/></w:trPr>" +
      cell(widths[0]!, 1, true, "center", plain(r.key, { font: fonts.heading1, size: TABLE_SIZE })) +
      cell(widths[1]!, 1, true, "left", runs(r.value, { size: TABLE_SIZE })) + "</w:tr>"
  }
  return (kv.caption !== undefined ? caption(fonts, kv.caption) : "") + tableXml(widths, rows) + AFTER_TABLE
}

const signature = (b: Block.Signature): string => {
  const s = signatureLayout(b)
  return paragraph({ keepNext: true }, "") +
    paragraph(
      { keepNext: s.date !== undefined, indent: { right: s.issuerRight }, align: "right" },
      plain(s.issuer)
    ) +
    (s.date !== undefined ? paragraph({ indent: { right: s.dateRight }, align: "right" }, plain(s.date)) : "")
}

const headingFont = (fonts: Fonts, level: Block.Level): BaseStyle =>
  level === 1
    ? { font: fonts.heading1 }
    : level === 2
    ? { font: fonts.heading2 }
    : { font: fonts.body, bold: level === 3 }

const BODY_INDENT = { firstLine: INDENT } as const

const block = (fonts: Fonts, b: Block.Block, label: string | undefined): string => {
  switch (b._tag) {
    case "Heading":
      return paragraph(
        { keepNext: true, indent: BODY_INDENT, align: "both", outline: b.level - 1 },
        plain(`${label ?? ""}${b.text}`, headingFont(fonts, b.level))
      )
    case "Paragraph":
      return paragraph({ indent: b.indent === false ? undefined : BODY_INDENT, align: jc(b.align) }, runs(b.runs))
    case "Table":
      return table(fonts, b)
    case "List":
      return b.items.map((item, i) =>
        paragraph(
          { indent: BODY_INDENT, align: "both" },
          plain(b.ordered ? Numbering.listLabel(i + 1) : "• ") + runs(item)
        )
      ).join("")
    case "KeyValue":
      return keyValue(fonts, b)
    case "Signature":
      return signature(b)
    case "PageBreak":
      return "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
    case "Note":
      return paragraph(
        { spacing: { before: 120, line: 24 * 20, rule: "exact" }, indent: { firstLine: 14 * 2 * 20 } },
        plain(`${b.label ?? Block.defaultNoteLabel}：`, { size: 14 }) + runs(b.runs, { size: 14 })
      )
  }
}

const front = (fonts: Fonts, doc: Document.Document, redLine: boolean): string => {
  const { meta } = doc
  let out = ""
  if (meta.classification !== undefined) out += paragraph({}, plain(meta.classification, { font: fonts.heading1 }))
  if (meta.letterhead === true && meta.issuer !== undefined) {
    out += paragraph(
      { spacing: { after: LINE_PITCH, before: LINE_PITCH, line: 50 * 20, rule: "atLeast" }, align: "center" },
      textRuns(`${meta.issuer}文件`, { font: fonts.title, size: 36, color: RED })
    )
  }
  if (meta.number !== undefined || redLine) {
    const border = redLine
      ? `<w:pBdr><w:bottom w:val="single" w:color="${RED}" w:sz="18" w:space="8"/></w:pBdr>`
      : undefined
    out += paragraph({ border, align: "center" }, meta.number !== undefined ? plain(meta.number) : "")
  }
  const title = Numbering.titleLines(meta.title, 20)
    .map((line, i) => (i > 0 ? "<w:r><w:br/></w:r>" : "") + plain(line, { font: fonts.title, size: 22 }))
    .join("")
  out += paragraph({
    spacing: {
      after: meta.subtitle === undefined ? LINE_PITCH : 0,
      before: LINE_PITCH * 2,
      line: 35 * 20,
      rule: "exact"
    },
    align: "center"
  }, title)
  if (meta.subtitle !== undefined) {
    out += paragraph(
      { spacing: { after: LINE_PITCH }, align: "center" },
      plain(meta.subtitle, { font: fonts.heading2 })
    )
  }
  const recipients = Document.recipientsLine(doc)
  if (recipients !== undefined) out += paragraph({ align: "left" }, plain(recipients))
  return out
}

/** A header or footer template as runs: text and page number fields. */
const templateRuns = (fonts: Fonts, template: string, points: number): string => {
  const props = `<w:rPr>${rFonts(fonts.body)}${size(points)}</w:rPr>`
  const field = (name: string) =>
    `<w:r>${props}<w:fldChar w:fldCharType="begin"/></w:r>` +
    `<w:r>${props}<w:instrText xml:space="preserve">${name}</w:instrText></w:r>` +
    `<w:r>${props}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${props}<w:fldChar w:fldCharType="end"/></w:r>`
  return template
    .split(/(\{pages?\})/)
    .filter((p) => p !== "")
    .map((p) => (p === "{page}" ? field("PAGE") : p === "{pages}" ? field("NUMPAGES") : `<w:r>${props}${t(p)}</w:r>`))
    .join("")
}

const NAMESPACES = `xmlns:w="${W}" xmlns:r="${R}"`

/** The footer part: 4号, one character in from the right edge (odd pages) or the left edge (even pages). */
export const footerXml = (fonts: Fonts, template: string, side: "left" | "right"): string =>
  `${DECLARATION}<w:ftr ${NAMESPACES}>` +
  paragraph(
    {
      spacing: { line: 20 * 20, rule: "atLeast" },
      indent: side === "right" ? { right: 280 } : { left: 280 },
      align: side
    },
    templateRuns(fonts, template, 14)
  ) + "</w:ftr>"

/** The header part: 五号, centred. */
export const headerXml = (fonts: Fonts, template: string): string =>
  `${DECLARATION}<w:hdr ${NAMESPACES}>` +
  paragraph({ spacing: { line: 16 * 20, rule: "atLeast" }, align: "center" }, templateRuns(fonts, template, 10.5)) +
  "</w:hdr>"

/** The relationship ids of the header and footer parts the section refers to. */
export interface SectionParts {
  readonly header?: string | undefined
  readonly footer?: { readonly odd: string; readonly even: string } | undefined
}

const section = (parts: SectionParts): string =>
  "<w:sectPr>" +
  (parts.header !== undefined ? `<w:headerReference w:type="default" r:id="${parts.header}"/>` : "") +
  (parts.footer !== undefined
    ? `<w:footerReference w:type="default" r:id="${parts.footer.odd}"/>` +
      `<w:footerReference w:type="even" r:id="${parts.footer.even}"/>`
    : "") +
  `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}" w:orient="portrait"/>` +
  `<w:pgMar w:top="${MARGIN.top}" w:right="${MARGIN.right}" w:bottom="${MARGIN.bottom}" w:left="${MARGIN.left}" ` +
  `w:header="${HEADER_DISTANCE}" w:footer="${FOOTER_DISTANCE}" w:gutter="0"/><w:pgNumType/>` +
  `<w:docGrid w:type="lines" w:linePitch="${LINE_PITCH}"/></w:sectPr>`

/** The main document part. */
export const documentXml = (fonts: Fonts, doc: Document.Document, redLine: boolean, parts: SectionParts): string => {
  const labels = Numbering.headingLabels(doc.blocks)
  let body = front(fonts, doc, redLine)
  for (let i = 0; i < doc.blocks.length; i++) body += block(fonts, doc.blocks[i]!, labels[i])
  return `${DECLARATION}<w:document ${NAMESPACES}><w:body>${body}${section(parts)}</w:body></w:document>`
}

const PARAGRAPH_DEFAULTS = "<w:spacing w:after=\"0\" w:before=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"

/**
 * The styles part. The grid's character pitch is read from the Normal style's East Asian size (LibreOffice),
 * so Normal repeats the body font, size and spacing of the defaults.
 */
export const stylesXml = (fonts: Fonts): string => {
  const body = `${rFonts(fonts.body)}<w:spacing w:val="${CHAR_SPACING}"/>${size(BODY_SIZE)}`
  return `${DECLARATION}<w:styles ${NAMESPACES}><w:docDefaults><w:rPrDefault><w:rPr>${body}` +
    "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>" +
    `<w:pPrDefault><w:pPr>${PARAGRAPH_DEFAULTS}</w:pPr></w:pPrDefault></w:docDefaults>` +
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>" +
    `<w:pPr>${PARAGRAPH_DEFAULTS}</w:pPr><w:rPr>${body}</w:rPr></w:style>` +
    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>" +
    "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>" +
    "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>" +
    "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>" +
    "</w:styles>"
}

/** The settings part: distinct even-page footers when pages are numbered. */
export const settingsXml = (evenAndOdd: boolean): string =>
  `${DECLARATION}<w:settings ${NAMESPACES}><w:defaultTabStop w:val="720"/>` +
  (evenAndOdd ? "<w:evenAndOddHeaders/>" : "") +
  "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" " +
  "w:val=\"15\"/></w:compat></w:settings>"
