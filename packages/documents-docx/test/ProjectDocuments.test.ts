import { describe, expect, it } from "@effect/vitest"
import { Docx } from "@gsyf/documents-docx"
import * as Effect from "effect/Effect"
import { existsSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll } from "vitest"
import { buildCase, cases, runSeed } from "../../documents/test/ProjectDocumentsFixture.js"
import { artifactPath, pdfText, sofficeConvertAll, squash, tempDir, tools } from "../../documents/test/tools.js"
import { readZip } from "./zip.js"

const seed = runSeed()
const all = cases(seed)
const soffice = tools.soffice()
const pdftotext = tools.pdftotext()

const rendered = new Map<string, Uint8Array>()

beforeAll(async () => {
  for (const c of all) rendered.set(c.file, await Effect.runPromise(Docx.render(buildCase(c))))
}, 60_000)

/** The text of document.xml without markup. */
const docxText = (bytes: Uint8Array): string =>
  squash(
    readZip(bytes)
      .get("word/document.xml")!()
      .toString("utf8")
      .replace(/<[^>]+>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, "\"")
      .replace(/&amp;/g, "&")
  )

describe("ProjectDocuments as DOCX", () => {
  it("writes every project document as a DOCX holding its text", () => {
    expect(rendered.size).toBe(all.length)
    for (const c of all) {
      const bytes = rendered.get(c.file)!
      expect(bytes[0]).toBe(0x50)
      const text = docxText(bytes)
      for (const t of c.expected) expect(text, `${c.kind}: ${t}`).toContain(squash(t))
    }
  })

  it.skipIf(soffice.skip || pdftotext.skip)(
    "every DOCX opens in LibreOffice headless and converts to PDF with the expected text (one soffice call)",
    async () => {
      const dir = tempDir("project-docx")
      const out = artifactPath("documents-docx", "project", ".keep")
      const outDir = join(out, "..")
      const inputs = all.map((c) => {
        const file = join(dir, `${c.file}.docx`)
        writeFileSync(file, rendered.get(c.file)!)
        writeFileSync(join(outDir, `${c.file}.docx`), rendered.get(c.file)!)
        return file
      })
      await sofficeConvertAll(soffice.require(), inputs, "pdf", outDir)
      for (const c of all) {
        const pdf = join(outDir, `${c.file}.pdf`)
        expect(existsSync(pdf), `${c.kind}: ${pdf}`).toBe(true)
        const text = squash(await pdfText(pdftotext.require(), pdf))
        for (const t of c.expected) expect(text, `${c.kind} via LibreOffice: ${t}`).toContain(squash(t))
      }
    },
    180_000
  )
})
