/**
 * Renders a {@link Document.Document} as one self-contained HTML page with
 * print-ready CSS following GB/T 9704-2012 《党政机关公文格式》: A4 paper,
 * margins of 37 mm (top) and 28 mm (left, binding side) around a 156 × 225 mm
 * type area, the title centred in 小标宋 (2号, 22pt), body text in 仿宋
 * (3号, 16pt) on a 28pt line, level-1 headings in 黑体, level-2 in 楷体,
 * bordered tables, the signature block right-aligned and the page number
 * printed in the footer through `@page` margin boxes (`— 1 —`).
 *
 * All text is HTML-escaped; the page loads no external resources.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Block from "./Block.js"
import * as Document from "./Document.js"
import * as DocumentRenderer from "./DocumentRenderer.js"
import type * as Inline from "./Inline.js"
import { chineseDate, headingLabels, listLabel } from "./Numbering.js"

/**
 * The CSS font stacks: the official typeface first, then common equivalents on
 * Windows and macOS, then Noto / Source Han (fonts-noto-cjk) and a generic family.
 *
 * @since 0.1.0
 * @category constants
 */
export const fontStacks = {
  /** 小标宋 for the title and the letterhead. */
  title: `"FZXiaoBiaoSong-B05S","方正小标宋简体","Noto Serif CJK SC","Source Han Serif SC",serif`,
  /** 仿宋 for the body. */
  body: `"仿宋_GB2312","FangSong_GB2312","FangSong","STFangsong","Noto Serif CJK SC",serif`,
  /** 黑体 for level-1 headings. */
  heading1: `"黑体","SimHei","STHeiti","Noto Sans CJK SC","Source Han Sans SC",sans-serif`,
  /** 楷体 for level-2 headings. */
  heading2: `"楷体_GB2312","KaiTi_GB2312","KaiTi","STKaiti","Noto Serif CJK SC",serif`
} as const

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @since 0.1.0
 * @category formatting
 */
export const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "\"" ? "&quot;" : "&#39;"
  )

const cssString = (text: string): string =>
  `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `)}"`

/** A header or footer template as CSS `content`: strings and page counters. */
const cssContent = (template: string): string => {
  const parts = template.split(/(\{pages?\})/).filter((p) => p !== "")
  if (parts.length === 0) return "none"
  return parts.map((p) => (p === "{page}" ? "counter(page)" : p === "{pages}" ? "counter(pages)" : cssString(p))).join(
    " "
  )
}

/**
 * The style sheet of the rendered page, with the page header and footer templates.
 *
 * @since 0.1.0
 * @category rendering
 */
export const styleSheet = (options: { readonly header?: string | undefined; readonly footer: string }): string => `
@page {
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
  @top-center { content: ${cssContent(options.header ?? "")}; font-family: ${fontStacks.body}; font-size: 10.5pt; }
  @bottom-center { content: ${cssContent(options.footer)}; font-family: ${fontStacks.body}; font-size: 14pt; }
}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; font-family: ${fontStacks.body}; font-size: 16pt; line-height: 28pt; }
@media screen {
  body { background: #e8e8e8; padding: 8mm 0; }
  .gsyf-document { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 0 auto;
    padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 0 4mm rgba(0,0,0,.25); }
  .page-break { border-top: 1px dashed #999; margin: 14pt 0; }
}
@media print { .page-break { break-after: page; border: 0; margin: 0; } }
.gsyf-document p { margin: 0; text-align: justify; }
.classification { font-family: ${fontStacks.heading1}; }
.letterhead { font-family: ${fontStacks.title}; color: #e00; font-size: 36pt; line-height: 1.4; text-align: center !important;
  letter-spacing: .05em; margin-top: 12pt !important; }
.doc-number { text-align: center !important; }
.red-line { border: 0; border-top: 2px solid #e00; margin: 4mm 0 14pt; }
.title { font-family: ${fontStacks.title}; font-size: 22pt; line-height: 35pt; font-weight: normal; text-align: center;
  margin: 28pt 0 0; }
.subtitle { text-align: center !important; font-family: ${fontStacks.heading2}; }
.head-end { margin-bottom: 28pt; }
.recipients { text-indent: 0; }
.gsyf-document h2, .gsyf-document h3, .gsyf-document h4, .gsyf-document h5 { font-size: 16pt; line-height: 28pt;
  margin: 0; text-indent: 2em; font-weight: normal; }
.gsyf-document h2 { font-family: ${fontStacks.heading1}; }
.gsyf-document h3 { font-family: ${fontStacks.heading2}; }
.gsyf-document h4 { font-weight: bold; }
p.body { text-indent: 2em; }
p.align-left { text-align: left; } p.align-center { text-align: center; } p.align-right { text-align: right; }
strong { font-weight: bold; }
em { font-style: normal; -webkit-text-emphasis: filled dot; text-emphasis: filled dot;
  -webkit-text-emphasis-position: under; text-emphasis-position: under right; }
table { border-collapse: collapse; width: 100%; margin: 8pt 0 14pt; font-size: 14pt; line-height: 1.5; break-inside: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
caption { font-family: ${fontStacks.heading1}; font-size: 14pt; padding-bottom: 4pt; }
th, td { border: 1px solid #000; padding: 2pt 5pt; vertical-align: middle; }
th { font-family: ${fontStacks.heading1}; font-weight: normal; text-align: center; }
th.kv { width: 28%; text-align: center; }
.align-center { text-align: center; } .align-right { text-align: right; } .align-justify { text-align: justify; }
ul, ol { margin: 0; padding-left: 4em; }
ol.numbered { list-style: none; padding-left: 2em; }
.signature { text-align: right !important; margin: 28pt 4em 0 0 !important; }
.signature p { text-align: right; }
.note { font-size: 14pt; line-height: 24pt; margin-top: 8pt !important; }
`

const inline = (runs: ReadonlyArray<Inline.Run>): string =>
  runs
    .map((r) => {
      let t = escape(r.text).replace(/\r?\n/g, "<br>")
      if (r.emphasis === true) t = `<em>${t}</em>`
      if (r.bold === true) t = `<strong>${t}</strong>`
      return t
    })
    .join("")

const alignClass = (
  a: Block.Align | undefined
): string => (a === undefined || a === "left" ? "" : ` class="align-${a}"`)

const row = (t: Block.Table, cells: ReadonlyArray<Block.Cell>, tag: "th" | "td"): string => {
  let column = 0
  const out = cells.map((c) => {
    const span = c.colSpan ?? 1
    const align = tag === "th" ? c.align : Block.cellAlign(t, c, column)
    column += span
    return `<${tag}${span > 1 ? ` colspan="${span}"` : ""}${alignClass(align)}>${inline(c.runs)}</${tag}>`
  })
  return `<tr>${out.join("")}</tr>`
}

const table = (t: Block.Table): string => {
  const cols = t.columns?.some((c) => c.width !== undefined) === true ? t.columns : undefined
  const total = cols?.reduce((acc, c) => acc + (c.width ?? 1), 0) ?? 0
  return [
    "<table>",
    ...(t.caption !== undefined ? [`<caption>${escape(t.caption)}</caption>`] : []),
    ...(cols !== undefined
      ? [
        `<colgroup>${
          cols.map((c) => `<col style="width:${(((c.width ?? 1) / total) * 100).toFixed(2)}%">`).join("")
        }</colgroup>`
      ]
      : []),
    ...(t.header.length > 0 ? [`<thead>${t.header.map((r) => row(t, r, "th")).join("")}</thead>`] : []),
    `<tbody>${t.body.map((r) => row(t, r, "td")).join("")}</tbody>`,
    "</table>"
  ].join("")
}

const block = (b: Block.Block, label: string | undefined): string => {
  switch (b._tag) {
    case "Heading": {
      const tag = `h${b.level + 1}`
      return `<${tag}>${label ? `<span class="label">${escape(label)}</span>` : ""}${escape(b.text)}</${tag}>`
    }
    case "Paragraph": {
      const classes = [b.indent === false ? undefined : "body", b.align !== undefined ? `align-${b.align}` : undefined]
        .filter((c) => c !== undefined)
        .join(" ")
      return `<p${classes ? ` class="${classes}"` : ""}>${inline(b.runs)}</p>`
    }
    case "Table":
      return table(b)
    case "List":
      return b.ordered
        ? `<ol class="numbered">${
          b.items.map((item, i) => `<li>${escape(listLabel(i + 1))}${inline(item)}</li>`).join("")
        }</ol>`
        : `<ul>${b.items.map((item) => `<li>${inline(item)}</li>`).join("")}</ul>`
    case "KeyValue":
      return [
        "<table class=\"key-value\">",
        ...(b.caption !== undefined ? [`<caption>${escape(b.caption)}</caption>`] : []),
        `<tbody>${
          b.rows.map((r) => `<tr><th class="kv" scope="row">${escape(r.key)}</th><td>${inline(r.value)}</td></tr>`)
            .join("")
        }</tbody>`,
        "</table>"
      ].join("")
    case "Signature":
      return [
        "<div class=\"signature\">",
        `<p class="issuer">${escape(b.issuer)}${
          b.seal !== undefined ? `<span class="seal">${escape(b.seal)}</span>` : ""
        }</p>`,
        ...(b.date !== undefined
          ? [`<p class="date"><time datetime="${escape(b.date)}">${escape(chineseDate(b.date))}</time></p>`]
          : []),
        "</div>"
      ].join("")
    case "PageBreak":
      return "<div class=\"page-break\" role=\"separator\"></div>"
    case "Note":
      return `<p class="note body">${escape(`${b.label ?? Block.defaultNoteLabel}：`)}${inline(b.runs)}</p>`
  }
}

/**
 * The HTML page of a document.
 *
 * @since 0.1.0
 * @category rendering
 */
export const toHtml = (doc: Document.Document): string => {
  const { meta } = doc
  const head: Array<string> = []
  if (meta.classification !== undefined) head.push(`<p class="classification">${escape(meta.classification)}</p>`)
  if (meta.letterhead === true && meta.issuer !== undefined) {
    head.push(`<p class="letterhead">${escape(meta.issuer)}文件</p>`)
  }
  if (meta.number !== undefined) head.push(`<p class="doc-number">${escape(meta.number)}</p>`)
  if (meta.letterhead === true) head.push("<hr class=\"red-line\">")
  head.push(`<h1 class="title">${escape(meta.title)}</h1>`)
  if (meta.subtitle !== undefined) head.push(`<p class="subtitle">${escape(meta.subtitle)}</p>`)
  const recipients = Document.recipientsLine(doc)
  const labels = headingLabels(doc.blocks)
  const body = doc.blocks.map((b, i) => block(b, labels[i]))
  return [
    "<!DOCTYPE html>",
    "<html lang=\"zh-CN\">",
    "<head>",
    "<meta charset=\"utf-8\">",
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
    `<meta name="generator" content="gsyf">`,
    `<title>${escape(meta.title)}</title>`,
    `<style>${styleSheet({ header: doc.page?.header, footer: Document.footerTemplate(doc) })}</style>`,
    "</head>",
    "<body>",
    "<article class=\"gsyf-document\">",
    `<header class="head-end">${head.join("")}</header>`,
    ...(recipients !== undefined ? [`<p class="recipients">${escape(recipients)}</p>`] : []),
    ...body,
    "</article>",
    "</body>",
    "</html>",
    ""
  ].join("\n")
}

/**
 * The HTML renderer (`format: "html"`, `.html`, `text/html`).
 *
 * @since 0.1.0
 * @category renderers
 */
export const renderer: DocumentRenderer.DocumentRenderer<string> = DocumentRenderer.make({
  format: "html",
  extension: "html",
  mediaType: "text/html; charset=utf-8",
  name: "@gsyf/documents HTML",
  render: (doc) =>
    Effect.try({
      try: () => toHtml(doc),
      catch: (cause) => new DocumentRenderer.RenderError({ format: "html", reason: String(cause), cause })
    })
})

/**
 * Renders a document as HTML.
 *
 * @since 0.1.0
 * @category rendering
 */
export const render = renderer.render
