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
import * as Schema from "effect/Schema"
import * as Inline from "./Inline.js"
import { IsoDateString } from "./Numbering.js"

/**
 * Horizontal alignment of a paragraph or a table column.
 *
 * @since 0.1.0
 * @category models
 */
export const Align = Schema.Literal("left", "center", "right", "justify")

/**
 * @since 0.1.0
 * @category models
 */
export type Align = typeof Align.Type

/**
 * The four heading levels of an official document.
 *
 * @since 0.1.0
 * @category models
 */
export const Level = Schema.Literal(1, 2, 3, 4)

/**
 * @since 0.1.0
 * @category models
 */
export type Level = typeof Level.Type

/**
 * A heading. Without `label` the renderer numbers it (一、, （一）, 1., ①) with
 * {@link Numbering.headingLabels}; with `label` that text is shown instead
 * (`""` for none).
 *
 * @since 0.1.0
 * @category models
 */
export class Heading extends Schema.TaggedClass<Heading>()("Heading", {
  level: Level,
  text: Schema.String,
  label: Schema.optional(Schema.String)
}) {}

/**
 * A paragraph of inline runs. Body paragraphs are indented by two characters
 * (`indent` defaults to `true`) and justified.
 *
 * @since 0.1.0
 * @category models
 */
export class Paragraph extends Schema.TaggedClass<Paragraph>()("Paragraph", {
  runs: Schema.Array(Inline.Run),
  align: Schema.optional(Align),
  indent: Schema.optional(Schema.Boolean)
}) {}

/**
 * A table cell. `colSpan` merges it with the cells to its right.
 *
 * @since 0.1.0
 * @category models
 */
export class Cell extends Schema.Class<Cell>("@gsyf/documents/Cell")({
  runs: Schema.Array(Inline.Run),
  colSpan: Schema.optional(Schema.Int.pipe(Schema.between(1, 64))),
  align: Schema.optional(Align)
}) {}

/**
 * A table column: its alignment and relative width (weights, not units).
 *
 * @since 0.1.0
 * @category models
 */
export class Column extends Schema.Class<Column>("@gsyf/documents/Column")({
  align: Schema.optional(Align),
  width: Schema.optional(Schema.Number.pipe(Schema.positive()))
}) {}

/**
 * A table with header rows (repeated on each page where the format allows),
 * body rows, per-column alignment and widths, and an optional caption shown
 * above it.
 *
 * @since 0.1.0
 * @category models
 */
export class Table extends Schema.TaggedClass<Table>()("Table", {
  caption: Schema.optional(Schema.String),
  columns: Schema.optional(Schema.Array(Column)),
  header: Schema.Array(Schema.Array(Cell)),
  body: Schema.Array(Schema.Array(Cell))
}) {}

/**
 * A bulleted (`ordered: false`) or numbered list; numbered items are labelled
 * （1）, （2）… (Markdown uses `1.` list syntax).
 *
 * @since 0.1.0
 * @category models
 */
export class List extends Schema.TaggedClass<List>()("List", {
  ordered: Schema.Boolean,
  items: Schema.Array(Schema.Array(Inline.Run))
}) {}

/**
 * One row of a key-value table.
 *
 * @since 0.1.0
 * @category models
 */
export class KeyValueRow extends Schema.Class<KeyValueRow>("@gsyf/documents/KeyValueRow")({
  key: Schema.String,
  value: Schema.Array(Inline.Run)
}) {}

/**
 * A two-column table of labels and values (项目名称 | …).
 *
 * @since 0.1.0
 * @category models
 */
export class KeyValue extends Schema.TaggedClass<KeyValue>()("KeyValue", {
  caption: Schema.optional(Schema.String),
  rows: Schema.Array(KeyValueRow)
}) {}

/**
 * The signature block at the end of a document, right-aligned: issuer (with
 * the seal text such as `（盖章）` after it) and date.
 *
 * @since 0.1.0
 * @category models
 */
export class Signature extends Schema.TaggedClass<Signature>()("Signature", {
  issuer: Schema.String,
  date: Schema.optional(IsoDateString),
  seal: Schema.optional(Schema.String)
}) {}

/**
 * Starts a new page.
 *
 * @since 0.1.0
 * @category models
 */
export class PageBreak extends Schema.TaggedClass<PageBreak>()("PageBreak", {}) {}

/**
 * A note in smaller type, introduced by its label (default `注`).
 *
 * @since 0.1.0
 * @category models
 */
export class Note extends Schema.TaggedClass<Note>()("Note", {
  label: Schema.optional(Schema.String),
  runs: Schema.Array(Inline.Run)
}) {}

/**
 * Any block.
 *
 * @since 0.1.0
 * @category models
 */
export const Block = Schema.Union(Heading, Paragraph, Table, List, KeyValue, Signature, PageBreak, Note)

/**
 * @since 0.1.0
 * @category models
 */
export type Block = typeof Block.Type

/**
 * The seal text used when {@link signature} is given `seal: true`.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultSeal = "（盖章）"

/**
 * The default label of a {@link Note}.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultNoteLabel = "注"

/**
 * A heading at level 1–4, numbered automatically unless `label` is given.
 *
 * @since 0.1.0
 * @category constructors
 */
export const heading = (level: Level, text: string, options: { readonly label?: string | undefined } = {}): Heading =>
  new Heading(options.label === undefined ? { level, text } : { level, text, label: options.label })

/**
 * A body paragraph: `paragraph("text")`, `paragraph(["合计", Inline.bold("12.3万元")])`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const paragraph = (
  content: Inline.InlineInput,
  options: { readonly align?: Align | undefined; readonly indent?: boolean | undefined } = {}
): Paragraph =>
  new Paragraph({
    runs: Inline.runs(content),
    ...(options.align !== undefined ? { align: options.align } : {}),
    ...(options.indent !== undefined ? { indent: options.indent } : {})
  })

/**
 * What {@link table} accepts for a cell: text, runs, or a cell with options.
 *
 * @since 0.1.0
 * @category models
 */
export type CellInput =
  | Inline.InlineInput
  | Cell
  | {
    readonly text: Inline.InlineInput
    readonly colSpan?: number | undefined
    readonly align?: Align | undefined
  }

/**
 * Builds a cell from {@link CellInput}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const cell = (input: CellInput): Cell => {
  if (input instanceof Cell) return input
  if (typeof input === "object" && !Array.isArray(input) && !(input instanceof Inline.Run) && "text" in input) {
    const o = input as {
      readonly text: Inline.InlineInput
      readonly colSpan?: number | undefined
      readonly align?: Align | undefined
    }
    return new Cell({
      runs: Inline.runs(o.text),
      ...(o.colSpan !== undefined ? { colSpan: o.colSpan } : {}),
      ...(o.align !== undefined ? { align: o.align } : {})
    })
  }
  return new Cell({ runs: Inline.runs(input as Inline.InlineInput) })
}

/**
 * A table. `align` and `widths` describe the columns by position.
 *
 * @example
 * ```ts
 * import { Block } from "@gsyf/documents"
 * Block.table({
 *   header: [["序号", "项目", "金额（元）"]],
 *   body: [["1", "培训", "80,000.00"], [{ text: "合计", colSpan: 2 }, "80,000.00"]],
 *   align: ["center", "left", "right"]
 * })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const table = (options: {
  readonly header?: ReadonlyArray<ReadonlyArray<CellInput>> | undefined
  readonly body: ReadonlyArray<ReadonlyArray<CellInput>>
  readonly caption?: string | undefined
  readonly align?: ReadonlyArray<Align> | undefined
  readonly widths?: ReadonlyArray<number> | undefined
}): Table => {
  const count = Math.max(options.align?.length ?? 0, options.widths?.length ?? 0)
  const columns = count === 0
    ? undefined
    : Array.from({ length: count }, (_, i) => {
      const align = options.align?.[i]
      const width = options.widths?.[i]
      return new Column({
        ...(align !== undefined ? { align } : {}),
        ...(width !== undefined ? { width } : {})
      })
    })
  return new Table({
    header: (options.header ?? []).map((row) => row.map(cell)),
    body: options.body.map((row) => row.map(cell)),
    ...(options.caption !== undefined ? { caption: options.caption } : {}),
    ...(columns !== undefined ? { columns } : {})
  })
}

/**
 * A bulleted list.
 *
 * @since 0.1.0
 * @category constructors
 */
export const bullets = (items: ReadonlyArray<Inline.InlineInput>): List =>
  new List({ ordered: false, items: items.map(Inline.runs) })

/**
 * A numbered list, items labelled （1）, （2）….
 *
 * @since 0.1.0
 * @category constructors
 */
export const numbered = (items: ReadonlyArray<Inline.InlineInput>): List =>
  new List({ ordered: true, items: items.map(Inline.runs) })

/**
 * A key-value table from pairs or from an object (keys in insertion order).
 *
 * @since 0.1.0
 * @category constructors
 */
export const keyValue = (
  rows:
    | ReadonlyArray<readonly [string, Inline.InlineInput]>
    | { readonly [key: string]: Inline.InlineInput },
  options: { readonly caption?: string | undefined } = {}
): KeyValue => {
  const pairs: ReadonlyArray<readonly [string, Inline.InlineInput]> = Array.isArray(rows)
    ? (rows as ReadonlyArray<readonly [string, Inline.InlineInput]>)
    : Object.entries(rows)
  return new KeyValue({
    rows: pairs.map(([key, value]) => new KeyValueRow({ key, value: Inline.runs(value) })),
    ...(options.caption !== undefined ? { caption: options.caption } : {})
  })
}

/**
 * A signature block. `seal: true` writes {@link defaultSeal} (`（盖章）`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const signature = (options: {
  readonly issuer: string
  readonly date?: string | undefined
  readonly seal?: boolean | string | undefined
}): Signature => {
  const seal = options.seal === true ? defaultSeal : typeof options.seal === "string" ? options.seal : undefined
  return new Signature({
    issuer: options.issuer,
    ...(options.date !== undefined ? { date: options.date } : {}),
    ...(seal !== undefined ? { seal } : {})
  })
}

/**
 * A page break.
 *
 * @since 0.1.0
 * @category constructors
 */
export const pageBreak = (): PageBreak => new PageBreak()

/**
 * A note (`注：…`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const note = (content: Inline.InlineInput, options: { readonly label?: string | undefined } = {}): Note =>
  new Note({ runs: Inline.runs(content), ...(options.label !== undefined ? { label: options.label } : {}) })

/**
 * The number of grid columns of a table: the widest row, counting spans.
 *
 * @since 0.1.0
 * @category getters
 */
export const columnCount = (t: Table): number => {
  let n = t.columns?.length ?? 0
  for (const row of [...t.header, ...t.body]) {
    n = Math.max(n, row.reduce((acc, c) => acc + (c.colSpan ?? 1), 0))
  }
  return Math.max(n, 1)
}

/**
 * The alignment of a cell: its own, else its column's, else `left`.
 *
 * @since 0.1.0
 * @category getters
 */
export const cellAlign = (t: Table, c: Cell, column: number): Align => c.align ?? t.columns?.[column]?.align ?? "left"

/**
 * The 附件说明 (GB/T 9704-2012 7.3.3) placed after the body and before the
 * signature: `附件：工伤预防费用构成明细` for one attachment, numbered
 * `附件：1.…` then `2.…` under it for several.
 *
 * @since 0.1.0
 * @category constructors
 */
export const attachmentNote = (titles: ReadonlyArray<string>): ReadonlyArray<Paragraph> =>
  titles.length === 1
    ? [paragraph(`附件：${titles[0]}`)]
    : titles.map((t, i) => paragraph(`${i === 0 ? "附件：" : "　　　"}${i + 1}．${t}`))

/**
 * An attachment on pages of its own (GB/T 9704-2012 8): a page break, `附件`
 * (with its number when there are several) at the top left, the attachment's
 * title centred, then its blocks.
 *
 * @since 0.1.0
 * @category constructors
 */
export const attachmentPages = (
  title: string,
  blocks: ReadonlyArray<Block>,
  options: { readonly number?: number | undefined } = {}
): ReadonlyArray<Block> => [
  pageBreak(),
  paragraph([Inline.bold(options.number === undefined ? "附件" : `附件${options.number}`)], {
    indent: false,
    align: "left"
  }),
  paragraph([Inline.bold(title)], { indent: false, align: "center" }),
  ...blocks
]
