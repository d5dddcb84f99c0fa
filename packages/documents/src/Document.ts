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
import { InputError } from "@gsyf/core"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { Block } from "./Block.js"
import { IsoDateString } from "./Numbering.js"

/**
 * The meta data of a document.
 *
 * - `number`: the document number (发文字号, 文号), e.g. `x人社发〔2026〕12号`
 * - `issuer`: the issuing body (发文机关)
 * - `recipients`: the main recipients (主送机关), written before the body
 * - `date`: the date of the document (成文日期), `YYYY-MM-DD`
 * - `classification`: security classification or circulation (密级 / 内部)
 * - `letterhead`: print the issuer as a red 发文机关标志 with a red line under
 *   the document number (GB/T 9704 7.2), where the format can
 *
 * @since 0.1.0
 * @category models
 */
export class Meta extends Schema.Class<Meta>("@gsyf/documents/Meta")({
  title: Schema.NonEmptyTrimmedString,
  subtitle: Schema.optional(Schema.String),
  number: Schema.optional(Schema.String),
  issuer: Schema.optional(Schema.String),
  recipients: Schema.optional(Schema.Array(Schema.String)),
  date: Schema.optional(IsoDateString),
  classification: Schema.optional(Schema.String),
  letterhead: Schema.optional(Schema.Boolean)
}) {}

/**
 * The default footer: the page number between em dashes, as GB/T 9704 7.5.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultFooter = "— {page} —"

/**
 * Page header and footer text. `{page}` is replaced by the page number and
 * `{pages}` by the page count. `footer` defaults to {@link defaultFooter};
 * `""` prints no footer.
 *
 * @since 0.1.0
 * @category models
 */
export class PageSetup extends Schema.Class<PageSetup>("@gsyf/documents/PageSetup")({
  header: Schema.optional(Schema.String),
  footer: Schema.optional(Schema.String)
}) {}

/**
 * A document.
 *
 * @since 0.1.0
 * @category models
 */
export class Document extends Schema.Class<Document>("@gsyf/documents/Document")({
  meta: Meta,
  blocks: Schema.Array(Block),
  page: Schema.optional(PageSetup)
}) {}

/**
 * Options of {@link make}: the meta fields, the blocks and the page setup.
 *
 * @since 0.1.0
 * @category models
 */
export interface MakeOptions {
  readonly title: string
  readonly subtitle?: string | undefined
  readonly number?: string | undefined
  readonly issuer?: string | undefined
  readonly recipients?: ReadonlyArray<string> | undefined
  readonly date?: string | undefined
  readonly classification?: string | undefined
  readonly letterhead?: boolean | undefined
  readonly header?: string | undefined
  readonly footer?: string | undefined
  readonly blocks: ReadonlyArray<Block>
}

const defined = <A extends object>(o: A): { [K in keyof A]: Exclude<A[K], undefined> } =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never

/**
 * Builds a document; fields are validated (a malformed date throws a `ParseError`,
 * use {@link decode} for untrusted input).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: MakeOptions): Document => {
  const { blocks, header, footer, ...meta } = options
  const page = header === undefined && footer === undefined ? undefined : new PageSetup(defined({ header, footer }))
  return new Document({
    meta: new Meta(defined({ ...meta, recipients: meta.recipients === undefined ? undefined : [...meta.recipients] })),
    blocks: [...blocks],
    ...(page !== undefined ? { page } : {})
  })
}

/**
 * Decodes a document from its JSON form (as produced by {@link encode}),
 * reporting every bad field as an `InvalidInput`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode: (input: unknown) => Effect.Effect<Document, InputError.InvalidInput> = InputError.decode(
  Document,
  "Document"
)

/**
 * Encodes a document to plain JSON-compatible data.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encode: (doc: Document) => typeof Document.Encoded = Schema.encodeSync(Document)

/**
 * The footer template of a document (its own or {@link defaultFooter}).
 *
 * @since 0.1.0
 * @category getters
 */
export const footerTemplate = (doc: Document): string => doc.page?.footer ?? defaultFooter

/**
 * The recipients line: names joined with 、 and followed by a full-width colon,
 * e.g. `x市工伤预防委员会办公室、x市财政局：`; `undefined` without recipients.
 *
 * @since 0.1.0
 * @category getters
 */
export const recipientsLine = (doc: Document): string | undefined =>
  doc.meta.recipients === undefined || doc.meta.recipients.length === 0
    ? undefined
    : `${doc.meta.recipients.join("、")}：`
