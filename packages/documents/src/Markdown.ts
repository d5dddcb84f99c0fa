/**
 * Renders a {@link Document.Document} as CommonMark / GitHub-flavoured
 * Markdown: the title as `#`, headings as `##`–`#####` with their official
 * labels (一、 （一） 1. ①), tables as GFM pipe tables (column spans are
 * filled with empty cells), key-value tables as lists, the signature block as
 * lines ending the document. Text is escaped so that it never turns into
 * Markdown syntax. Page headers and footers have no Markdown equivalent and are
 * left out.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Block from "./Block.js"
import * as Document from "./Document.js"
import * as DocumentRenderer from "./DocumentRenderer.js"
import type * as Inline from "./Inline.js"
import { chineseDate, headingLabels } from "./Numbering.js"

const escapeInline = (text: string): string => text.replace(/[\\`*_[\]<>|~&#]/g, (c) => `\\${c}`)

/**
 * Escapes text so that Markdown shows it literally.
 *
 * @since 0.1.0
 * @category formatting
 */
export const escape = (text: string): string =>
  escapeInline(text)
    .replace(/^(\s*)([-+=])(?=\s|$)/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2")
    .replace(/\r?\n/g, "\\\n")

const inline = (runs: ReadonlyArray<Inline.Run>): string =>
  runs
    .map((r) => {
      if (r.text === "") return ""
      let t = escape(r.text)
      if (r.emphasis === true) t = `*${t}*`
      if (r.bold === true) t = `**${t}**`
      return t
    })
    .join("")

const cellText = (runs: ReadonlyArray<Inline.Run>): string => inline(runs).replace(/\\\n/g, "<br>")

const alignRule = (a: Block.Align): string =>
  a === "center" ? ":---:" : a === "right" ? "---:" : a === "left" ? ":---" : "---"

const tableRow = (t: Block.Table, row: ReadonlyArray<Block.Cell>, width: number): string => {
  const cells: Array<string> = []
  for (const c of row) {
    cells.push(cellText(c.runs))
    for (let i = 1; i < (c.colSpan ?? 1); i++) cells.push("")
  }
  while (cells.length < width) cells.push("")
  return `| ${cells.join(" | ")} |`
}

const table = (t: Block.Table): string => {
  const width = Block.columnCount(t)
  const lines: Array<string> = []
  if (t.caption !== undefined) lines.push(`**${escape(t.caption)}**`, "")
  const [head, ...restHeader] = t.header
  lines.push(tableRow(t, head ?? [], width))
  lines.push(`| ${Array.from({ length: width }, (_, i) => alignRule(t.columns?.[i]?.align ?? "left")).join(" | ")} |`)
  for (const row of restHeader) lines.push(tableRow(t, row, width))
  for (const row of t.body) lines.push(tableRow(t, row, width))
  return lines.join("\n")
}

const block = (b: Block.Block, label: string | undefined): string => {
  switch (b._tag) {
    case "Heading":
      return `${"#".repeat(b.level + 1)} ${escapeInline(`${label ?? ""}${b.text}`)}`
    case "Paragraph":
      return inline(b.runs)
    case "Table":
      return table(b)
    case "List":
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : "-"} ${inline(item)}`).join("\n")
    case "KeyValue":
      return [
        ...(b.caption !== undefined ? [`**${escape(b.caption)}**`, ""] : []),
        ...b.rows.map((r) => `- **${escape(r.key)}**：${inline(r.value)}`)
      ].join("\n")
    case "Signature":
      return [escape(b.issuer + (b.seal ?? "")), ...(b.date !== undefined ? [chineseDate(b.date)] : [])].join("  \n")
    case "PageBreak":
      return "---"
    case "Note":
      return `> ${escape(`${b.label ?? Block.defaultNoteLabel}：`)}${inline(b.runs)}`
  }
}

/**
 * The Markdown text of a document.
 *
 * @since 0.1.0
 * @category rendering
 */
export const toMarkdown = (doc: Document.Document): string => {
  const { meta } = doc
  const parts: Array<string> = []
  if (meta.classification !== undefined) parts.push(`**${escape(meta.classification)}**`)
  if (meta.letterhead === true && meta.issuer !== undefined) parts.push(`**${escape(meta.issuer)}文件**`)
  if (meta.number !== undefined) parts.push(escape(meta.number))
  parts.push(`# ${escape(meta.title)}`)
  if (meta.subtitle !== undefined) parts.push(escape(meta.subtitle))
  const recipients = Document.recipientsLine(doc)
  if (recipients !== undefined) parts.push(escape(recipients))
  const labels = headingLabels(doc.blocks)
  doc.blocks.forEach((b, i) => parts.push(block(b, labels[i])))
  return parts.join("\n\n") + "\n"
}

/**
 * The Markdown renderer (`format: "markdown"`, `.md`, `text/markdown`).
 *
 * @since 0.1.0
 * @category renderers
 */
export const renderer: DocumentRenderer.DocumentRenderer<string> = DocumentRenderer.make({
  format: "markdown",
  extension: "md",
  mediaType: "text/markdown; charset=utf-8",
  name: "@gsyf/documents Markdown",
  render: (doc) =>
    Effect.try({
      try: () => toMarkdown(doc),
      catch: (cause) => new DocumentRenderer.RenderError({ format: "markdown", reason: String(cause), cause })
    })
})

/**
 * Renders a document as Markdown.
 *
 * @since 0.1.0
 * @category rendering
 */
export const render = renderer.render
