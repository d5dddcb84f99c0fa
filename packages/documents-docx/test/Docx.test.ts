import { describe, expect, it } from "@effect/vitest"
import { Block, Document, Renderers } from "@gsyf/documents"
import { Docx } from "@gsyf/documents-docx"
import { Packer } from "docx"
import * as Effect from "effect/Effect"
import { existsSync, writeFileSync } from "node:fs"
import { beforeAll } from "vitest"
import { documentSet, runSeed } from "../../documents/test/ProjectDocumentsFixture.js"
import { expectedTexts, sampleDocument } from "../../documents/test/sample.js"
import { artifactPath, pdfText, sofficeConvert, squash, tempDir, tools } from "../../documents/test/tools.js"
import { readZip } from "./zip.js"

const documentXml = (bytes: Uint8Array): string => {
  const entry = readZip(bytes).get("word/document.xml")
  if (entry === undefined) throw new Error("word/document.xml missing")
  return entry().toString("utf8")
}

/** The text of document.xml without markup, runs joined. */
const xmlText = (xml: string): string =>
  xml
    .replace(/<w:tab\/>/g, " ")
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, "\"")
    .replace(/&amp;/g, "&")

/**
 * The body's paragraphs, table rows, cell and table properties and section, each with its attributes sorted and
 * relationship ids blanked: the structure two writers must agree on, whatever their attribute order.
 */
const bodyElements = (xml: string): Array<string> => {
  const body = xml.slice(xml.indexOf("<w:body>"))
  const sortAttributes = (tag: string) =>
    tag.replace(/<([\w:]+)((?:\s+[\w:]+="[^"]*")*)\s*(\/?)>/g, (_, name: string, attrs: string, close: string) => {
      const sorted = [...attrs.matchAll(/[\w:]+="[^"]*"/g)].map((m) => m[0]).sort()
      return `<${name}${sorted.map((a) => ` ${a}`).join("")}${close}>`
    })
  return [
    ...body.matchAll(
      /<w:p>.*?<\/w:p>|<w:p\/>|<w:tblPr>.*?<\/w:tblGrid>|<w:tr>.*?<\/w:trPr>|<w:tcPr>.*?<\/w:tcPr>|<w:sectPr>.*?<\/w:sectPr>/g
    )
  ]
    .map((m) => sortAttributes(m[0]).replace(/r:id="rId\d+"/g, "r:id=\"\"").replace(/^<w:p\/>$/, "<w:p></w:p>"))
}

describe("Docx", () => {
  it("writes a DOCX whose document.xml holds the text, fonts and layout", async () => {
    const bytes = await Effect.runPromise(Docx.render(sampleDocument()))
    expect(bytes[0]).toBe(0x50)
    expect(bytes[1]).toBe(0x4b)
    const zip = readZip(bytes)
    expect([...zip.keys()]).toEqual(
      expect.arrayContaining(["word/document.xml", "word/styles.xml", "[Content_Types].xml"])
    )
    const xml = documentXml(bytes)
    const text = squash(xmlText(xml))
    for (const t of expectedTexts) expect(text).toContain(squash(t))
    expect(text).toContain("宣传资料印制<A&B>")
    expect(xml).toContain("w:eastAsia=\"方正小标宋简体\"")
    expect(xml).toContain("w:eastAsia=\"黑体\"")
    expect(xml).toContain("w:eastAsia=\"楷体_GB2312\"")
    expect(xml).toContain("<w:pgSz w:w=\"11906\" w:h=\"16838\"")
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/)
    expect(xml).toContain("<w:gridSpan w:val=\"3\"/>")
    expect(xml).toContain("<w:tblHeader/>")
    expect(xml).toContain("<w:em w:val=\"dot\"/>")
    const styles = zip.get("word/styles.xml")!().toString("utf8")
    expect(styles).toContain("w:eastAsia=\"仿宋_GB2312\"")
    expect(styles).toContain("<w:sz w:val=\"32\"/>")
    // single spacing snapped to a 22-line grid; body characters drawn 5 twips closer: 28 to a line
    expect(styles).toContain("<w:spacing w:val=\"-5\"/>")
    expect(xml).toContain("<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/>")
    const footers = [...zip.keys()].filter((k) => /^word\/footer\d*\.xml$/.test(k)).map((k) =>
      zip.get(k)!().toString("utf8")
    )
    expect(footers.length).toBe(2)
    for (const footer of footers) {
      expect(footer).toContain("PAGE")
      expect(footer).toContain("— ")
    }
    expect(footers.map((f) => /<w:jc w:val="(left|right)"\/>/.exec(f)?.[1]).sort()).toEqual(["left", "right"])
    expect(zip.get("word/settings.xml")!().toString("utf8")).toContain("<w:evenAndOddHeaders")
  })

  it("draws the red letterhead and separator line", async () => {
    const doc = Document.make({
      title: "关于印发方案的通知",
      issuer: "x市人力资源和社会保障局",
      number: "x人社发〔2026〕1号",
      letterhead: true,
      blocks: [Block.paragraph("正文")]
    })
    const xml = documentXml(await Effect.runPromise(Docx.render(doc)))
    expect(xml).toContain("x市人力资源和社会保障局文件")
    expect(xml).toMatch(/<w:bottom w:val="single" w:color="E60000"/)
    expect(xml).toContain("<w:color w:val=\"E60000\"/>")
  })

  it("widens a column to its widest amount, the others giving way, and sets Latin text as en-US", async () => {
    const doc = Document.make({
      title: "金额表",
      blocks: [
        Block.table({
          header: [["项目", "说明", "金额（元）"]],
          body: [["培训", "三类人员能力提升培训", "¥12,345,678.90"], ["宣传", "部署会", "¥800.00"]],
          widths: [2, 8, 1]
        })
      ]
    })
    for (const bytes of [await Effect.runPromise(Docx.render(doc)), await Packer.toBuffer(Docx.toDocx(doc))]) {
      const xml = documentXml(new Uint8Array(bytes))
      const cols = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))
      // 14 characters at 0.6 em of 14 pt, plus the cell margins: 14 × 168 + 200 twips (the last column takes the
      // twips the others' rounding leaves); the type area is 8,845
      expect(cols[2]! - (14 * 168 + 200)).toBeGreaterThanOrEqual(0)
      expect(cols[2]! - (14 * 168 + 200)).toBeLessThan(3)
      expect(cols.reduce((a, b) => a + b, 0)).toBe(8845)
      expect(cols[1]! / cols[0]!).toBeCloseTo(4, 2)
      const styles = readZip(new Uint8Array(bytes)).get("word/styles.xml")!().toString("utf8")
      expect(styles).toMatch(/<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>/)
    }
  })

  it("widens a column for a long token at most to 45% of the line, and keeps the weights when tokens cannot fit", async () => {
    const gridOf = async (body: ReadonlyArray<ReadonlyArray<string>>, widths: ReadonlyArray<number>) =>
      [
        ...documentXml(
          await Effect.runPromise(Docx.render(Document.make({
            title: "表",
            blocks: [Block.table({ body, widths })]
          })))
        ).matchAll(/<w:gridCol w:w="(\d+)"\/>/g)
      ].map((m) => Number(m[1]))
    const hash = "9f".repeat(32)
    expect(await gridOf([["事件", hash]], [9, 1])).toEqual([8845 - 3980, 3980])
    const amount = "¥1,234,567,890.00"
    expect(await gridOf([[amount, amount, amount, "备注"]], [1, 1, 1, 9])).toEqual([737, 737, 737, 6634])
  })

  it("writes the same body as the docx object model of Docx.toDocx, element for element", async () => {
    const docs = [sampleDocument(), ...documentSet(runSeed()).map(([, doc]) => doc)]
    for (const doc of docs) {
      const direct = bodyElements(documentXml(await Effect.runPromise(Docx.render(doc))))
      const model = bodyElements(documentXml(new Uint8Array(await Packer.toBuffer(Docx.toDocx(doc)))))
      expect(direct.length, doc.meta.title).toBeGreaterThan(10)
      expect(direct, doc.meta.title).toEqual(model)
    }
  }, 120_000)

  it("writes a well-formed package: every part the content types and relationships name is in the archive", async () => {
    const zip = readZip(await Effect.runPromise(Docx.render(sampleDocument())))
    const types = zip.get("[Content_Types].xml")!().toString("utf8")
    const overrides = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]!)
    expect(overrides).toEqual(expect.arrayContaining(["word/document.xml", "word/styles.xml", "word/settings.xml"]))
    for (const part of overrides) expect(zip.has(part), part).toBe(true)
    const rels = zip.get("word/_rels/document.xml.rels")!().toString("utf8")
    for (const m of rels.matchAll(/Target="([^"]+)"/g)) expect(zip.has(`word/${m[1]}`), m[1]).toBe(true)
    const xml = documentXml(await Effect.runPromise(Docx.render(sampleDocument())))
    for (const m of xml.matchAll(/r:id="(rId\d+)"/g)) expect(rels).toContain(`Id="${m[1]}"`)
  })

  it.effect("registers as the docx renderer", () =>
    Effect.gen(function*() {
      const bytes = yield* Renderers.render("docx", sampleDocument())
      expect(bytes).toBeInstanceOf(Uint8Array)
    }).pipe(Effect.provide(Renderers.layer(Docx.renderer))))
})

const soffice = tools.soffice()
const pdftotext = tools.pdftotext()

describe.skipIf(soffice.skip || pdftotext.skip)("Docx in LibreOffice", () => {
  let pdfFile = ""
  beforeAll(async () => {
    const bin = soffice.require()
    const bytes = await Effect.runPromise(Docx.render(sampleDocument()))
    const docx = artifactPath("documents-docx", "sample.docx")
    writeFileSync(docx, bytes)
    pdfFile = await sofficeConvert(bin, docx, "pdf", tempDir("docx-pdf"))
  }, 120_000)

  it("converts to PDF without error, with the Chinese text intact", async () => {
    expect(existsSync(pdfFile)).toBe(true)
    const text = squash(await pdfText(pdftotext.require(), pdfFile))
    for (const t of expectedTexts) expect(text).toContain(squash(t))
    expect(text).toContain("—1—")
    expect(text).toContain("—2—")
  }, 120_000)
})
