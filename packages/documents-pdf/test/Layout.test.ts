/**
 * Every project document rendered to PDF on a machine without system fonts
 * (the npm faces only), read back with `pdftotext -bbox-layout` and measured:
 * 28 characters on a full line, 22 lines on a full page of text, page numbers
 * right on odd pages and left on even ones, no line ending inside an amount.
 * With `GSYF_DOCUMENT_PNGS` set (CI), every page is also kept as a PNG under
 * `test-artifacts/documents-pdf/png/` for a person to look at.
 */
import { describe, expect, it } from "@effect/vitest"
import { CjkFont, Pdf } from "@gsyf/documents-pdf"
import * as Effect from "effect/Effect"
import { writeFileSync } from "node:fs"
import { beforeAll } from "vitest"
import {
  brokenAmounts,
  fullLines,
  onGrid,
  type Page,
  pageNumbers,
  readPages,
  textPages
} from "../../documents/test/layoutCheck.js"
import { documentSet, runSeed } from "../../documents/test/ProjectDocumentsFixture.js"
import { artifactPath, runOk, tools } from "../../documents/test/tools.js"

const pdftotext = tools.pdftotext()
const pngs = (process.env.GSYF_DOCUMENT_PNGS ?? "") !== ""

describe.skipIf(pdftotext.skip)("PDF layout of every project document (no system fonts)", () => {
  const rendered: Array<{ name: string; file: string; pages: ReadonlyArray<Page> }> = []

  beforeAll(async () => {
    const fonts = await Effect.runPromise(CjkFont.resolve({ system: false, env: {} }))
    expect(fonts.regular.origin).toBe("package")
    const renderer = Pdf.fromFonts(fonts)
    for (const [name, doc] of documentSet(runSeed())) {
      const file = artifactPath("documents-pdf", "set", `${name}.pdf`)
      writeFileSync(file, await Effect.runPromise(renderer.render(doc)))
      rendered.push({ name, file, pages: await readPages(pdftotext.require(), file) })
      if (pngs) {
        await runOk("pdftoppm", ["-r", "60", "-png", file, artifactPath("documents-pdf", "png", name)], {
          timeout: 120_000
        })
      }
    }
  }, 300_000)

  it("sets 28 characters on every full line of body text", () => {
    const lines = rendered.flatMap((r) => fullLines(r.pages).map((l) => ({ name: r.name, l })))
    expect(lines.length).toBeGreaterThan(60)
    const wrong = lines.filter(({ l }) => !onGrid(l)).map(({ name, l }) => `${name}: ${l.text}`)
    expect(wrong).toEqual([])
  })

  it("sets 22 lines on a full page of text and never more", () => {
    const pages = rendered.flatMap((r) => textPages(r.pages).map((p) => ({ name: r.name, ...p })))
    expect(pages.filter((p) => p.lines > 22)).toEqual([])
    const plan = pages.filter((p) => p.name === "implementation-plan")
    expect(plan.filter((p) => p.lines === 22).length).toBeGreaterThanOrEqual(5)
  })

  it("numbers odd pages on the right and even pages on the left, every page", () => {
    for (const r of rendered) {
      const numbers = pageNumbers(r.pages)
      expect(numbers.map((n) => n.page), r.name).toEqual(r.pages.map((p) => p.number))
      for (const n of numbers) expect(n.position, `${r.name} p.${n.page}`).toBe(n.page % 2 === 1 ? "right" : "left")
    }
  })

  it("never ends a line inside an amount, a number or a date", () => {
    expect(rendered.flatMap((r) => brokenAmounts(r.pages).map((b) => `${r.name} ${b}`))).toEqual([])
  })

  it("keeps the signature with the text before it and the attachment on its own page", () => {
    const plan = rendered.find((r) => r.name === "implementation-plan")!
    const signed = plan.pages.find((p) => p.lines.some((l) => l.text === "2026年2月10日"))!
    expect(signed.lines.filter((l) => l.text !== "" && !/^—/.test(l.text)).length).toBeGreaterThan(3)
    expect(signed.lines.some((l) => l.text === "附件：工伤预防费用构成明细")).toBe(true)
    const last = plan.pages.at(-1)!
    expect(last.lines[0]!.text).toBe("附件")
    expect(last.lines[1]!.text).toBe("工伤预防费用构成明细")
  })
})
