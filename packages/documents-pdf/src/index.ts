/**
 * PDF renderer for gsyf documents with an embedded, subsetted CJK font.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Finding the CJK font the PDF renderer embeds. PDF viewers cannot be relied
 * on to have a Chinese font, so the renderer embeds one (subsetted to the
 * glyphs used, so files stay small). The font is looked for in this order:
 *
 * 1. the font the host passes in the options (`font`, and `boldFont`): a path,
 *    the bytes, or `{ path | bytes, face }`;
 * 2. the `GSYF_CJK_FONT` environment variable (and `GSYF_CJK_FONT_BOLD`): a path,
 *    optionally followed by `#` and the PostScript name of a face of a
 *    collection, e.g. `/fonts/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular`;
 * 3. the Noto CJK fonts of the system (Debian/Ubuntu `fonts-noto-cjk`, Fedora
 *    `google-noto-serif-cjk-fonts`, Arch `noto-fonts-cjk`, Alpine
 *    `font-noto-cjk`), serif first, at their usual paths;
 * 4. fontconfig: `fc-match 'Noto Serif CJK SC:lang=zh-cn'`, accepted only if
 *    the match supports Simplified Chinese.
 *
 * An explicit font (1 or 2) that cannot be read is an error, not a reason to
 * fall back. When nothing is found the error is a {@link FontNotFound} that
 * lists what was tried and what to install. In a collection (.ttc) without a
 * named face, the Simplified Chinese face (`…CJKsc-…`) is chosen.
 *
 * @since 0.1.0
 */
export * as CjkFont from "./CjkFont.js"

/**
 * Renders a {@link @gsyf/documents!Document.Document | Document} as PDF with pdfkit, laid out after
 * GB/T 9704-2012: A4 with 37 mm top and 28 mm left margins around a
 * 156 × 225 mm type area, a 22pt centred title, 16pt body text on 28pt lines
 * with a two-character first-line indent, headings numbered 一、/（一）/1./①,
 * bordered tables whose header rows repeat after a page break, a right-aligned
 * signature block and the page number (`— 1 —`) under the type area.
 *
 * The text is real, selectable Chinese: a CJK font (see {@link CjkFont}) is
 * embedded and subsetted to the glyphs used, so a report of a few pages stays
 * well under 100 KB. Bold text uses the bold face when one was found and a
 * stroked outline otherwise; emphasis (着重号) is underlined.
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
