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
import { type Document, DocumentRenderer } from "@gsyf/documents"
import type { Document as DocxDocument } from "docx"
import * as Effect from "effect/Effect"
import { docxBytes } from "./internal/docxPackage.js"
import { objectModel } from "./internal/objectModel.js"

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

/**
 * Builds the `docx` document object for a document (for hosts that want to
 * post-process it before packing).
 *
 * @since 0.1.0
 * @category rendering
 */
export const toDocx = (doc: Document.Document, options: DocxOptions = {}): DocxDocument =>
  objectModel(doc, { ...defaultFonts, ...options.fonts }, options.redLine ?? doc.meta.letterhead === true)

/**
 * Builds a DOCX renderer with the given options.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: DocxOptions = {}): DocumentRenderer.DocumentRenderer<Uint8Array> => {
  const fonts: DocxFonts = { ...defaultFonts, ...options.fonts }
  return DocumentRenderer.make({
    format: "docx",
    extension: "docx",
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    name: "@gsyf/documents-docx",
    render: (doc) =>
      Effect.try({
        try: () => docxBytes(doc, fonts, options.redLine ?? doc.meta.letterhead === true),
        catch: (cause) => new DocumentRenderer.RenderError({ format: "docx", reason: String(cause), cause })
      })
  })
}

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
