/**
 * The rule reference quotes the text every rule rests on: each `LegalBasis` of
 * every stage rule and guard resolves to a passage of the texts copied into
 * `docs/reference/` (the national texts with their sources, the seed plan's
 * clauses), the plan's quotations are lines of the seed plan word for word,
 * a summary or a paraphrase is never presented as the wording, and each rule
 * page prints the quotation and tells its example in Chinese before English.
 * Fast: no site build (Docs.test.ts builds the site).
 */
import { LegalBasis } from "@gsyf/core"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import * as LegalTexts from "../../../scripts/legal-texts.js"
import { allRules, defaultOutDir, narrative, rulePage, scenarioExamples } from "../../../scripts/rule-pages.js"

const repo = fileURLToPath(new URL("../../../", import.meta.url))
const library = LegalTexts.load()
const seedLines = new Set(
  readFileSync(join(repo, "packages/documents/test/fixtures/seed-plan.txt"), "utf8").split("\n").map((l) => l.trim())
)

describe("the reference texts behind the rules", () => {
  it("every basis of every rule resolves to a quoted text", () => {
    const missing: Array<string> = []
    let quoted = 0
    for (const r of allRules()) {
      for (const b of r.basis) {
        const q = LegalTexts.quote(library, b)
        if ("missing" in q) missing.push(`${r.id}: ${q.missing.join(", ")}`)
        else {
          quoted++
          for (const p of q.quotation.passages) expect(p.text.trim(), `${r.id} ${b.citation}`).not.toBe("")
        }
      }
    }
    expect(missing).toEqual([])
    expect(quoted).toBeGreaterThan(150)
  })

  it("fails a citation that has no copied text, and resolves lists, ranges and paragraphs", () => {
    const cite = (citation: string) => LegalTexts.quote(library, LegalBasis.national(citation))
    expect(cite(`${LegalBasis.texts.procurementLaw} 第九十九条`)).toEqual({
      missing: [`${LegalBasis.texts.procurementLaw} 第九十九条`]
    })
    expect(cite("《不存在的办法》 第一条")).toEqual({ missing: ["《不存在的办法》 第一条"] })
    const range = cite(`${LegalBasis.texts.civilCode} 第二百零一条至第二百零三条`)
    expect("quotation" in range && range.quotation.passages.map((p) => p.label)).toEqual([
      "第二百零一条",
      "第二百零二条",
      "第二百零三条"
    ])
    const para = cite(`${LegalBasis.texts.procurementRegulation} 第三十一条第二款`)
    expect("quotation" in para && para.quotation.passages[0]!.text).toMatch(
      /^采购人或者采购代理机构可以对已发出的招标文件/
    )
    expect(LegalTexts.toChinese(203)).toBe("二百零三")
    expect(LegalTexts.fromChinese("五十五")).toBe(55)
    expect(LegalTexts.quote(library, LegalBasis.plan("九(九)"))).toEqual({ missing: ["实施方案 九(九)"] })
  })

  it("quotes the seed plan word for word", () => {
    for (const [key, clause] of Object.entries(library.plan.clauses)) {
      for (const line of clause.text.split("\n")) expect(seedLines.has(line), `${key}: ${line}`).toBe(true)
    }
  })

  it("keeps every article's source and confidence, and marks what is not the wording", () => {
    for (const doc of library.documents) {
      expect(doc.source, doc.citation).not.toBe("")
      for (
        const [label, entry] of Object.entries({ ...(doc.articles ?? {}), ...(doc.whole ? { "": doc.whole } : {}) })
      ) {
        const kind = entry.kind ?? "verbatim"
        expect(["verbatim", "excerpt", "summary", "paraphrase"], `${doc.citation} ${label}`).toContain(kind)
        // a verbatim article from the statute mirror is Chinese text only: no English of a summary slipped in
        if (kind === "verbatim") expect(entry.text, `${doc.citation} ${label}`).not.toMatch(/[A-Za-z]{3,}/)
        // whatever is not the wording says where the reading comes from
        if (kind === "paraphrase") expect(entry.source ?? doc.source).toMatch(/not in the reference notes/)
      }
    }
  })
})

describe("a rule page", () => {
  const examples = scenarioExamples()

  it("prints the quotation under each citation of its basis", () => {
    const rule = allRules().find((r) => r.id === "procurement.tender.bid-period")!
    const page = rulePage(rule, examples.get(rule.id) ?? [], defaultOutDir, library)
    const basis = page.slice(page.indexOf("## Legal basis"), page.indexOf("## Parameters read"))
    expect(basis).toContain("自招标文件开始发出之日起至投标人提交投标文件截止之日止，不得少于二十日")
    expect(basis).toContain("原文 · verbatim")
    expect(basis).toContain("LawRefBook/Laws")
    const fee = allRules().find((r) => r.id === "budget.permitted-use")!
    expect(rulePage(fee, [], defaultOutDir, library)).toContain("摘要,非原文")
  })

  it("tells every example in Chinese first, then in English", () => {
    for (const rule of allRules()) {
      const list = examples.get(rule.id) ?? []
      const page = rulePage(rule, list, defaultOutDir, library)
      for (const e of list) {
        const told = narrative(rule, e)
        expect(told.zh, rule.id).toMatch(/[\u4e00-\u9fff]/)
        expect(told.zh, rule.id).toContain(rule.title.zh)
        expect(told.en, rule.id).toContain(rule.title.en)
        const zh = page.indexOf(`**示例** ${told.zh}`)
        const en = page.indexOf(`**Example** ${told.en}`)
        expect(zh, rule.id).toBeGreaterThan(0)
        expect(en, rule.id).toBeGreaterThan(zh)
      }
    }
  })
})
