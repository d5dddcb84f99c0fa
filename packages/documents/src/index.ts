/**
 * `@gsyf/documents`: a format-neutral model of Chinese official documents
 * (GB/T 9704-2012) with the renderer and template registries, and the Markdown
 * and HTML renderers. DOCX and PDF renderers live in `@gsyf/documents-docx`
 * and `@gsyf/documents-pdf`.
 *
 * @since 0.1.0
 */

/**
 * Four-level headings, paragraphs, tables, lists, key-value tables, signature blocks, page breaks, notes.
 *
 * @since 0.1.0
 */
export * as Block from "./Block.js"

/**
 * The document, its meta data and page setup.
 *
 * @since 0.1.0
 */
export * as Document from "./Document.js"

/**
 * The renderer plugin interface and `RenderError`.
 *
 * @since 0.1.0
 */
export * as DocumentRenderer from "./DocumentRenderer.js"

/**
 * The HTML renderer with print-ready GB/T 9704 CSS.
 *
 * @since 0.1.0
 */
export * as Html from "./Html.js"

/**
 * Inline runs: plain, bold, emphasised text.
 *
 * @since 0.1.0
 */
export * as Inline from "./Inline.js"

/**
 * The Markdown renderer.
 *
 * @since 0.1.0
 */
export * as Markdown from "./Markdown.js"

/**
 * Heading numbering (一、 （一） 1. ①), Chinese numerals and dates.
 *
 * @since 0.1.0
 */
export * as Numbering from "./Numbering.js"

/**
 * The renderer registry service.
 *
 * @since 0.1.0
 */
export * as Renderers from "./Renderers.js"

/**
 * The document template registry service.
 *
 * @since 0.1.0
 */
export * as Templates from "./Templates.js"
