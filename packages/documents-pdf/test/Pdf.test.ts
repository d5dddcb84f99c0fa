import { describe, expect, it } from "@effect/vitest"
import { Block, Document, Renderers } from "@gsyf/documents"
import { CjkFont, Pdf } from "@gsyf/documents-pdf"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { readFileSync, writeFileSync } from "node:fs"
import { beforeAll } from "vitest"
import { expectedTexts, sampleDocument, totalCapital } from "../../documents/test/sample.js"
import { artifactPath, pdfText, squash, tools } from "../../documents/test/tools.js"

const pdftotext = tools.pdftotext()
const ci = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false"
const fonts = Effect.runSyncExit(CjkFont.resolve({ env: {} }))
const noFont = Exit.isFailure(fonts) && !ci
if (noFont) console.warn(`[gsyf tests] skipping PDF rendering tests: no CJK font found. ${CjkFont.installHint}`)
const loaded = (): CjkFont.CjkFonts => {
  if (Exit.isFailure(fonts)) throw new Error(`no CJK font found (required in CI). ${CjkFont.installHint}`)
  return fonts.value
}

describe("CjkFont", () => {
  it.effect("fails with FontNotFound naming what was tried and what to install", () =>
    Effect.gen(function*() {
      const err = yield* Effect.flip(CjkFont.resolve({ env: {}, system: false, packages: false }))
      expect(err._tag).toBe("FontNotFound")
      expect(err.tried).toContain("GSYF_CJK_FONT: not set")
      expect(err.message).toContain("fonts-noto-cjk")
      expect(err.message).toContain("GSYF_CJK_FONT")
    }))

  it.effect("without system fonts, takes every face from the npm font packages it depends on", () =>
    Effect.gen(function*() {
      for (const off of [{ system: false }, { env: { GSYF_NO_SYSTEM_FONTS: "1" } }]) {
        const fonts = yield* CjkFont.resolve({ env: {}, ...off })
        expect(fonts.regular.origin).toBe("package")
        expect(fonts.regular.source).toContain("NotoSerifSC_400Regular.ttf")
        expect(fonts.bold?.source).toContain("NotoSerifSC_700Bold.ttf")
        expect(CjkFont.faceFor(fonts, "xiaobiaosong").source).toContain("NotoSerifSC_700Bold.ttf")
        expect(CjkFont.faceFor(fonts, "heiti").source).toContain("NotoSansSC_500Medium.ttf")
        expect(CjkFont.faceFor(fonts, "kaiti")).toBe(fonts.regular)
      }
    }))

  it.effect("treats an unusable explicit font as an error, not a reason to fall back", () =>
    Effect.gen(function*() {
      const missing = yield* Effect.flip(CjkFont.resolve({ font: "/nonexistent/font.otf" }))
      expect(missing.tried.join()).toContain("/nonexistent/font.otf: cannot be read (ENOENT)")
      const notAFont = yield* Effect.flip(
        CjkFont.resolve({ font: new TextEncoder().encode("hello, this is not a font") })
      )
      expect(notAFont.tried.join()).toContain("not an OpenType/TrueType font")
      const fromEnv = yield* Effect.flip(CjkFont.resolve({ env: { GSYF_CJK_FONT: "/nonexistent/env.ttc" } }))
      expect(fromEnv.reason).toContain("GSYF_CJK_FONT")
    }))

  it.skipIf(noFont)(
    "reads a font file in parts: the same PDF as from the whole file, and the whole bytes on demand",
    () => {
      const f = loaded()
      const doc = sampleDocument()
      const inParts = Pdf.toPdf(doc, f)
      const copies = new Map<Uint8Array, Uint8Array>()
      const whole = (font: CjkFont.LoadedFont): CjkFont.LoadedFont => {
        const copy = copies.get(font.bytes) ?? new Uint8Array(font.bytes)
        copies.set(font.bytes, copy)
        return { ...font, bytes: copy }
      }
      const roles = Object.fromEntries(Object.entries(f.roles ?? {}).map(([role, font]) => [role, whole(font)]))
      const fromBytes = Pdf.toPdf(doc, {
        regular: whole(f.regular),
        bold: f.bold === undefined ? undefined : whole(f.bold),
        roles
      })
      expect(inParts.byteLength).toBeGreaterThan(10_000)
      expect(Buffer.from(inParts).equals(Buffer.from(fromBytes))).toBe(true)
      const path = f.regular.source.replace(/#[^#]*$/, "")
      expect(Buffer.from(f.regular.bytes).equals(readFileSync(path))).toBe(true)
    }
  )

  it.skipIf(noFont)("finds the system Noto CJK font and picks the Simplified Chinese face", () => {
    const f = loaded()
    expect(["system", "fontconfig"]).toContain(f.regular.origin)
    expect(f.regular.face ?? f.regular.source).toMatch(/sc|SC/)
  })

  it.skipIf(noFont)(
    "takes a font from the options (bytes with a face) and from GSYF_CJK_FONT (path#face)",
    () =>
      Effect.gen(function*() {
        const system = loaded().regular
        const path = system.source.split("#")[0]!
        const fromOptions = yield* CjkFont.resolve({ font: { bytes: readFileSync(path), face: system.face } })
        expect(fromOptions.regular.origin).toBe("option")
        expect(fromOptions.regular.face).toBe(system.face)
        const fromEnv = yield* CjkFont.resolve({ env: { GSYF_CJK_FONT: system.source } })
        expect(fromEnv.regular.origin).toBe("env")
        expect(fromEnv.regular.face).toBe(system.face)
        expect(fromEnv.bold).toBeUndefined()
        if (path.endsWith(".ttc")) {
          const wrongFace = yield* Effect.flip(CjkFont.resolve({ font: `${path}#NoSuchFace` }))
          expect(wrongFace.tried.join()).toContain("no face NoSuchFace")
        }
      }).pipe(Effect.runPromise)
  )
})

describe.skipIf(noFont)("Pdf", () => {
  let bytes: Uint8Array = new Uint8Array()
  let file = ""
  beforeAll(async () => {
    const renderer = Pdf.fromFonts(loaded())
    bytes = await Effect.runPromise(renderer.render(sampleDocument()))
    file = artifactPath("documents-pdf", "sample.pdf")
    writeFileSync(file, bytes)
  }, 60_000)

  it("writes a small PDF with an embedded, subsetted font", () => {
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, 8))
    expect(head).toBe("%PDF-1.7")
    expect(bytes.byteLength).toBeLessThan(1024 * 1024)
    const text = new TextDecoder("latin1").decode(bytes)
    // Subsetted fonts get a six-letter tag: /BaseFont /ABCDEF+NotoSerifCJKsc-Regular
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+/)
    expect(text).toContain("/Lang (zh-CN)")
  })

  it.skipIf(pdftotext.skip)("holds real, selectable Chinese text", async () => {
    const text = squash(await pdfText(pdftotext.require(), file))
    for (const t of expectedTexts) expect(text).toContain(squash(t))
    expect(text).toContain(totalCapital)
    expect(text).toContain("人民币壹拾贰万叁仟元整")
    expect(text).toContain("宣传资料印制<A&B>")
    expect(text).toContain("—1—")
    expect(text).toContain("—2—")
    // The table header repeats on the page after a break.
    expect(text.split("序号项目内容单位金额（元）").length - 1).toBeGreaterThanOrEqual(2)
  })

  it.skipIf(pdftotext.skip)("draws the letterhead, explicit labels and page templates", async () => {
    const doc = Document.make({
      title: "关于印发方案的通知",
      issuer: "x市人力资源和社会保障局",
      number: "x人社发〔2026〕1号",
      letterhead: true,
      footer: "第{page}页 共{pages}页",
      blocks: [
        Block.heading(1, "附件", { label: "" }),
        Block.paragraph("正文"),
        Block.pageBreak(),
        Block.paragraph("第二页")
      ]
    })
    const out = await Effect.runPromise(Pdf.fromFonts(loaded()).render(doc))
    const f = artifactPath("documents-pdf", "letterhead.pdf")
    writeFileSync(f, out)
    const text = squash(await pdfText(pdftotext.require(), f))
    expect(text).toContain("x市人力资源和社会保障局文件")
    expect(text).toContain("第1页共2页")
    expect(text).toContain("第2页共2页")
    expect(text).toContain("附件正文")
  })

  it.effect("registers as the pdf renderer", () =>
    Effect.gen(function*() {
      const out = yield* Renderers.render("pdf", Document.make({ title: "测试", blocks: [Block.paragraph("正文")] }))
      expect(out).toBeInstanceOf(Uint8Array)
      expect(yield* Renderers.formats).toEqual(["pdf"])
    }).pipe(Effect.provide(Renderers.layer(Pdf.make()))))
})
