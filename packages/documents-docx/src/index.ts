/**
 * DOCX renderer for gsyf documents (GB/T 9704 layout).
 *
 * @packageDocumentation
 * @since 0.1.0
 */

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
export * as Docx from "./Docx.js"
