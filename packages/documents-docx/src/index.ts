/**
 * DOCX renderer for gsyf documents (GB/T 9704 layout).
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Renders a {@link @gsyf/documents!Document.Document | Document} as a Word document (DOCX) laid out after
 * GB/T 9704-2012 《党政机关公文格式》: A4 paper with 37 mm top and 28 mm left
 * margins (type area 156 × 225 mm), the title in 方正小标宋简体 2号 (22pt),
 * body text in 仿宋_GB2312 3号 (16pt) on an exact 28pt line, level-1 headings
 * in 黑体 and level-2 in 楷体_GB2312, the document number line, an optional red
 * letterhead with a red separator line, bordered tables with repeated header
 * rows, a right-aligned signature block and the page number in the footer
 * (`— 1 —`).
 *
 * Fonts are referenced by name, not embedded: Word and LibreOffice substitute
 * what is installed (see the package README for the names and fallbacks);
 * {@link make} takes other names when a host prefers them.
 *
 * @since 0.1.0
 */
export * as Docx from "./Docx.js"
