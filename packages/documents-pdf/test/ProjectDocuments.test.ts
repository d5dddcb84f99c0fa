import { describe, expect, it } from "@effect/vitest"
import { CjkFont, Pdf } from "@gsyf/documents-pdf"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { writeFileSync } from "node:fs"
import { beforeAll } from "vitest"
import { buildCase, cases, runSeed } from "../../documents/test/ProjectDocumentsFixture.js"
import { artifactPath, pdfText, squash, tools } from "../../documents/test/tools.js"

const pdftotext = tools.pdftotext()
const ci = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false"
const fonts = Effect.runSyncExit(CjkFont.resolve({ env: {} }))
const noFont = Exit.isFailure(fonts) && !ci
if (noFont) console.warn(`[gsyf tests] skipping project PDF tests: no CJK font found. ${CjkFont.installHint}`)

const seed = runSeed()
const all = cases(seed)

describe.skipIf(noFont)("ProjectDocuments as PDF", () => {
  const files = new Map<string, { readonly file: string; readonly bytes: Uint8Array }>()
  beforeAll(async () => {
    if (Exit.isFailure(fonts)) throw new Error(`no CJK font found (required in CI). ${CjkFont.installHint}`)
    const renderer = Pdf.fromFonts(fonts.value)
    for (const c of all) {
      const bytes = await Effect.runPromise(renderer.render(buildCase(c)))
      const file = artifactPath("documents-pdf", "project", `${c.file}.pdf`)
      writeFileSync(file, bytes)
      files.set(c.kind, { file, bytes })
    }
  }, 120_000)

  it("renders every project document as a PDF under 1 MB", () => {
    expect(files.size).toBe(all.length)
    for (const { bytes } of files.values()) {
      expect(new TextDecoder("latin1").decode(bytes.subarray(0, 5))).toBe("%PDF-")
      expect(bytes.byteLength).toBeLessThan(1024 * 1024)
    }
  })

  it.skipIf(pdftotext.skip)("pdftotext finds the expected Chinese, including the capital-letter amounts", async () => {
    for (const c of all) {
      const text = squash(await pdfText(pdftotext.require(), files.get(c.kind)!.file))
      for (const t of c.expected) expect(text, `${c.kind}: ${t}`).toContain(squash(t))
    }
    const notice = squash(await pdfText(pdftotext.require(), files.get("payment-notice")!.file))
    expect(notice).toContain("人民币捌拾柒万贰仟元整")
    expect(notice).toContain("¥872,000.00")
    const report = squash(await pdfText(pdftotext.require(), files.get("acceptance-report")!.file))
    expect(report).toContain("人民币贰佰壹拾捌万元整")
    const failed = seed.events.find((e) => e._tag === "AcceptanceFailed")
    const deadline = failed?._tag === "AcceptanceFailed" ? failed.rectification.deadline : "missing"
    const [y, m, d] = deadline.split("-").map(Number)
    expect(report).toContain(`${y}年${m}月${d}日前完成整改`)
  })
})
