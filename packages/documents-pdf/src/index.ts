/**
 * PDF renderer for gsyf documents with an embedded, subsetted CJK font.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Finding the CJK faces the PDF renderer embeds, one per font role of GB/T
 * 9704-2012: 仿宋 (body), 小标宋 (title), 黑体 (level-1 headings), 楷体
 * (level-2 headings), plus a bold face. PDF viewers cannot be relied on to
 * have a Chinese font, so the renderer embeds them (subsetted to the glyphs
 * used, so files stay small). Fonts are looked for in this order:
 *
 * 1. the font the host passes in the options (`font`, and `boldFont`): a path,
 *    the bytes, or `{ path | bytes, face }` — used for every role;
 * 2. the `GSYF_CJK_FONT` environment variable (and `GSYF_CJK_FONT_BOLD`): a path,
 *    optionally followed by `#` and the PostScript name of a face of a
 *    collection, e.g. `/fonts/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular`;
 * 3. the faces of the system, role by role: the official faces when installed
 *    (仿宋_GB2312 / FangSong, 方正小标宋, 黑体 / SimHei, 楷体_GB2312 / KaiTi), then
 *    free faces that play the roles (LXGW WenKai or AR PL UKai for 楷体, the Noto
 *    CJK fonts for the others), and fontconfig for the body face;
 * 4. the fonts the package depends on (npm, SIL Open Font License 1.1):
 *    Noto Serif SC Regular for 仿宋, Noto Serif SC Bold for 小标宋 and bold,
 *    Noto Sans SC Medium for 黑体. The npm registry has no free 仿宋 or 楷体 face
 *    of full coverage, so without a system one the body is set in a Song
 *    (Noto Serif) face and level-2 headings in the body face.
 *
 * Step 3 is skipped with `system: false` or `GSYF_NO_SYSTEM_FONTS=1`, which
 * gives the same PDFs on every machine. An explicit font (1 or 2) that cannot be
 * read is an error, not a reason to fall back. In a collection (.ttc) without a
 * named face, the Simplified Chinese face (`…CJKsc-…`) is chosen. Font files
 * are read and parsed once per process.
 *
 * @since 0.1.0
 */
export * as CjkFont from "./CjkFont.js"

/**
 * Renders a {@link @gsyf/documents!Document.Document | Document} as PDF, laid out after
 * GB/T 9704-2012: A4 with 37 mm top and 28 mm left margins around a
 * 156 × 225 mm type area; body text in 3号 (16 pt) on a grid of 28 characters
 * × 22 lines with a two-character first-line indent; the title in the 小标宋
 * face (22 pt, centred, broken between words), level-1 headings in 黑体,
 * level-2 in 楷体; the Chinese line-breaking rules, with amounts, dates and
 * 文号 never broken; bordered tables whose header rows repeat after a page
 * break; the issuer centred over the 成文日期 and kept on the page of the text
 * before it; page numbers `— 1 —` in 4号 under the type area, odd pages
 * right, even pages left.
 *
 * The text is real, selectable Chinese: the faces (see {@link CjkFont}) are
 * embedded and subsetted to the glyphs used, so a report of a few pages stays
 * well under 100 KB. Bold text uses the bold face when one was found and a
 * stroked outline otherwise; emphasis (着重号) is underlined. Fonts are read and
 * parsed once per process; each render writes only its own subsets.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Renderers } from "@gsyf/documents"
 * import { Pdf } from "@gsyf/documents-pdf"
 * const RenderersLive = Renderers.layer(Pdf.make({ font: "/srv/fonts/NotoSerifCJKsc-Regular.otf" }))
 * ```
 *
 * @since 0.1.0
 */
export * as Pdf from "./Pdf.js"
