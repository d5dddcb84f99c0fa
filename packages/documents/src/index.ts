/**
 * Format-neutral document model for gsyf official documents, with Markdown and HTML renderers.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The blocks a document body is made of: headings (four levels, numbered
 * 一、/（一）/1./① by the renderers), paragraphs, tables, lists, key-value
 * tables, signature blocks, page breaks and notes. Each block is a
 * `Schema.TaggedClass`, so a whole document can be decoded from JSON and
 * encoded back; the lower-case constructors (`heading`, `paragraph`, `table`…)
 * make building one in code pleasant.
 *
 * @since 0.1.0
 */
export * as Block from "./Block.js"

/**
 * A format-neutral official document: its meta data (title, 文号, issuing body,
 * 主送 recipients, date, 密级), page header and footer, and a list of blocks.
 * Renderers (Markdown, HTML, DOCX, PDF) turn a {@link Document} into bytes or
 * text; the same document always gives the same numbering and wording in each.
 *
 * @example
 * ```ts
 * import { Block, Document, Inline } from "@gsyf/documents"
 * const doc = Document.make({
 *   title: "关于2026年度工伤预防项目验收情况的报告",
 *   number: "x人社发〔2026〕12号",
 *   recipients: ["x市工伤预防委员会办公室"],
 *   blocks: [
 *     Block.heading(1, "项目基本情况"),
 *     Block.paragraph(["项目总金额为", Inline.bold("人民币壹拾贰万叁仟元整"), "。"]),
 *     Block.signature({ issuer: "x市社会保险事业管理中心", date: "2026-03-05", seal: true })
 *   ]
 * })
 * ```
 *
 * @since 0.1.0
 */
export * as Document from "./Document.js"

/**
 * The renderer plugin interface. A renderer turns a {@link Document.Document}
 * into one output format; gsyf ships Markdown and HTML here, DOCX in
 * `@gsyf/documents-docx` and PDF in `@gsyf/documents-pdf`, and a host can add
 * or replace any of them through the {@link Renderers} registry.
 *
 * @since 0.1.0
 */
export * as DocumentRenderer from "./DocumentRenderer.js"

/**
 * Values the official documents need that a project's parameters do not
 * carry: the text of blanks of the plan template (a 文号's year and serial,
 * the years of a five-year plan, a portal's name…) and the Chinese display
 * names of identifiers that appear in events (member units, role codes,
 * suppliers, experts' organisations, actors).
 *
 * Every project document takes an optional `settings` field of this shape.
 * Defaults come from the configuration where it has the value (see
 * `PlanTemplate.blankNames` for what fills each blank); a setting always wins.
 *
 * @example
 * ```ts
 * import { ProjectDocuments } from "@gsyf/documents"
 * const plan = ProjectDocuments.implementationPlan({
 *   config,
 *   events,
 *   settings: { blanks: { 市行动计划起年: "2021", 市行动计划止年: "2025" }, names: { hr: "市人力资源和社会保障局" } }
 * })
 * ```
 *
 * @since 0.1.0
 */
export * as DocumentSettings from "./DocumentSettings.js"

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
export * as Html from "./Html.js"

/**
 * Inline text of a document: runs of text that are plain, bold or emphasised.
 * Emphasis is rendered the Chinese way where the format allows it (着重号, a dot
 * under each character) rather than as italics, which CJK fonts lack.
 *
 * @since 0.1.0
 */
export * as Inline from "./Inline.js"

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
export * as Markdown from "./Markdown.js"

/**
 * Renderer-neutral numbering and date helpers for Chinese official documents
 * (GB/T 9704-2012 《党政机关公文格式》 7.3.3): the four heading levels are
 * numbered 一、 / （一） / 1. / ①, and dates are written 2026年3月5日.
 *
 * Every renderer numbers headings through {@link headingLabels}, so Markdown,
 * HTML, DOCX and PDF output always agree.
 *
 * @since 0.1.0
 */
export * as Numbering from "./Numbering.js"

/**
 * The annual implementation plan (实施方案) as data: a template holding the
 * plan's text clause by clause with named blanks, which rendering fills from
 * the parameters and document settings and otherwise leaves word for word as
 * written. The seed plan ships as {@link seed}; a city adopts its own wording
 * by supplying its own template in the same format.
 *
 * ## Format
 *
 * A UTF-8 text file, one clause a line: `【类型】条款原文`. Types: `标题` (the
 * title, exactly once), `正文` (a paragraph), `要点` (a paragraph whose lead-in
 * heading ends at `｜`, e.g. `【要点】（一）政府主导，专业运作。｜工伤预防工作由…`),
 * `一级` to `四级` (headings, written with their own numbering: `一、`,
 * `（一）`, `①`…). `·可选` after the type (`【正文·可选】`) marks a clause that
 * is removed whole when one of its blanks has no value; a required clause with
 * an unfilled blank is an error. Blanks are `{名称}` with a name from
 * {@link blankNames}. Empty lines and lines starting with `#` are ignored.
 * Problems are reported as `file:line`.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { PlanTemplate } from "@gsyf/documents"
 * const mine = PlanTemplate.parse(readFileSync("plan.txt", "utf8"), "plan.txt")
 * if (Either.isLeft(mine)) console.error(mine.left.message) // plan.txt:12: unknown blank {城镇} / 未知的空格{城镇}
 * ```
 *
 * @since 0.1.0
 */
export * as PlanTemplate from "./PlanTemplate.js"

/**
 * The official documents of a project, built from its events and its
 * `Plugin.Config` (parameters and calendar): the annual implementation plan
 * (实施方案) itself, the procurement requirement publicity notice, the
 * review / consultation scoring sheet and result, the payment request and
 * payment notice, the monthly progress briefing, the spot check and
 * key-enterprise follow-up inspection records, the acceptance report and an
 * audit trail extract.
 *
 * Each document is available as a plain function taking unknown input
 * (decoded through `InputError.decodeEither`, so a missing field or a project
 * that has not reached the step yet is a bilingual `InvalidInput`) and as a
 * {@link Templates.Template} registered by {@link layer}; a host replaces any
 * of them with `Templates.replace`.
 *
 * Events may be given decoded (`ProjectEvent.Event`, as `Project.decide`
 * returns them) or in their encoded JSON form (as stored).
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Markdown, ProjectDocuments } from "@gsyf/documents"
 * const doc = ProjectDocuments.acceptanceReport({ config, events, subProject: "keyAreas" })
 * if (Either.isRight(doc)) console.log(Markdown.toMarkdown(doc.right))
 * ```
 *
 * @since 0.1.0
 */
export * as ProjectDocuments from "./ProjectDocuments.js"

/**
 * The registry of document renderers, keyed by format. A host builds it with
 * {@link layer} from the renderers it wants (plain renderers, or effects that
 * build one, such as the PDF renderer that first finds a font), then adds its
 * own with {@link register} or swaps one with {@link replace}. Registering a
 * second renderer for a format without `replace` fails with a
 * {@link DuplicateRenderer} that names both.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Html, Markdown, Renderers } from "@gsyf/documents"
 * const program = Renderers.render("html", doc).pipe(
 *   Effect.provide(Renderers.layer(Markdown.renderer, Html.renderer))
 * )
 * ```
 *
 * @since 0.1.0
 */
export * as Renderers from "./Renderers.js"

/**
 * The registry of document templates: a document kind (a string id such as
 * `"acceptance-report"`) maps to a builder `(input) => Document`. gsyf's own
 * builders register here; a host can add its own kinds with {@link register}
 * or swap a built-in one with {@link replace}. Registering a second template
 * for a kind without `replace` fails with a {@link DuplicateTemplate} naming
 * both.
 *
 * A template may carry an input schema; {@link build} then decodes the input
 * through `InputError.decode` before calling the builder.
 *
 * @since 0.1.0
 */
export * as Templates from "./Templates.js"
