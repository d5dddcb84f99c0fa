/**
 * Every project document rendered to DOCX, converted to PDF by LibreOffice
 * with the package's fontconfig aliases (as on a machine with only Noto
 * installed), and measured like the PDF renderer's output: 28 characters on a
 * full line, at most 22 lines a page, page numbers right on odd pages and left
 * on even ones, no line ending inside an amount, serif body text. With
 * `GSYF_DOCUMENT_PNGS` set (CI), every page is kept as a PNG under
 * `test-artifacts/documents-docx/png/`.
 */
import { describe, expect, it } from "@effect/vitest"
import { Docx } from "@gsyf/documents-docx"
import * as Effect from "effect/Effect"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
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
import { artifactPath, run, runOk, tempDir, tools } from "../../documents/test/tools.js"

const soffice = tools.soffice()
const pdftotext = tools.pdftotext()
const pngs = (process.env.GSYF_DOCUMENT_PNGS ?? "") !== ""
const aliases = fileURLToPath(new URL("../fontconfig/65-gsyf-gbt9704.conf", import.meta.url))

/** Converts DOCX files to PDF in `out` with LibreOffice, in a profile of its own. */
const toPdf = async (inputs: ReadonlyArray<string>, out: string, env: NodeJS.ProcessEnv): Promise<void> => {
  const profile = `-env:UserInstallation=file://${tempDir("lo")}`
  const args = [profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", out, ...inputs]
  const r = await run(soffice.require(), args, { timeout: 280_000, env })
  if (r.status !== 0) throw new Error(`LibreOffice failed: ${r.stderr}`)
}

describe.skipIf(soffice.skip || pdftotext.skip)("DOCX layout through LibreOffice", () => {
  const converted: Array<{ name: string; pdf: string; pages: ReadonlyArray<Page> }> = []
  let fonts = ""

  beforeAll(async () => {
    const dir = tempDir("docx-layout")
    const set = documentSet(runSeed())
    const inputs: Array<string> = []
    for (const [name, doc] of set) {
      const file = artifactPath("documents-docx", "set", `${name}.docx`)
      writeFileSync(file, await Effect.runPromise(Docx.render(doc)))
      inputs.push(file)
    }
    const conf = join(dir, "fonts.conf")
    writeFileSync(
      conf,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>` +
        `<include ignore_missing="yes">/etc/fonts/fonts.conf</include><include>${aliases}</include></fontconfig>\n`
    )
    const out = artifactPath("documents-docx", "set", "pdf", ".keep").replace(/\/\.keep$/, "")
    await toPdf(inputs, out, { ...process.env, FONTCONFIG_FILE: conf })
    for (const [name] of set) {
      const pdf = join(out, `${name}.pdf`)
      converted.push({ name, pdf, pages: await readPages(pdftotext.require(), pdf) })
      if (pngs) await runOk("pdftoppm", ["-r", "60", "-png", pdf, artifactPath("documents-docx", "png", name)])
    }
    fonts = await runOk("pdffonts", [converted[0]!.pdf])
  }, 600_000)

  it("resolves the 仿宋 and 小标宋 roles to a serif face, not a sans fallback", () => {
    expect(fonts).toMatch(/NotoSerifCJK/)
  })

  it("sets 28 characters on every full line of body text", () => {
    const lines = converted.flatMap((r) => fullLines(r.pages).map((l) => ({ name: r.name, l })))
    expect(lines.length).toBeGreaterThan(60)
    expect(lines.filter(({ l }) => !onGrid(l)).map(({ name, l }) => `${name}: ${l.text}`)).toEqual([])
  })

  it("sets at most 22 lines on a page of text, 22 on full ones", () => {
    const pages = converted.flatMap((r) => textPages(r.pages).map((p) => ({ name: r.name, ...p })))
    expect(pages.filter((p) => p.lines > 22)).toEqual([])
    expect(pages.filter((p) => p.name === "implementation-plan" && p.lines === 22).length).toBeGreaterThanOrEqual(5)
  })

  it("numbers odd pages on the right and even pages on the left", () => {
    for (const r of converted) {
      const numbers = pageNumbers(r.pages)
      expect(numbers.length, r.name).toBe(r.pages.length)
      for (const n of numbers) expect(n.position, `${r.name} p.${n.page}`).toBe(n.page % 2 === 1 ? "right" : "left")
    }
  })

  it("never ends a line inside an amount, a number or a date", () => {
    expect(converted.flatMap((r) => brokenAmounts(r.pages).map((b) => `${r.name} ${b}`))).toEqual([])
  })
})

// A reader's machine without 仿宋 or the package's aliases: LibreOffice substitutes its own fonts and breaks lines
// by the runs' language. Amounts must stay whole there too, in running text and in narrow table columns.
describe.skipIf(soffice.skip || pdftotext.skip)("DOCX through LibreOffice without the fonts", () => {
  const names = ["implementation-plan", "review-result-keyAreas", "payment-notice-balance-keyAreas"]
  const converted: Array<{ name: string; pages: ReadonlyArray<Page> }> = []

  beforeAll(async () => {
    const set = new Map(documentSet(runSeed()))
    const dir = tempDir("docx-plain")
    const inputs = names.map((name) => {
      const file = join(dir, `${name}.docx`)
      writeFileSync(file, Effect.runSync(Docx.render(set.get(name)!)))
      return file
    })
    await toPdf(inputs, dir, process.env)
    for (const name of names) {
      converted.push({ name, pages: await readPages(pdftotext.require(), join(dir, `${name}.pdf`)) })
    }
  }, 600_000)

  it("never ends a line inside an amount, a number or a date", () => {
    expect(converted.map((r) => r.pages.some((p) => p.lines.some((l) => /¥2,180,000\.00/.test(l.text))))).toEqual([
      false,
      true,
      true
    ])
    expect(converted.flatMap((r) => brokenAmounts(r.pages).map((b) => `${r.name} ${b}`))).toEqual([])
  })
})
