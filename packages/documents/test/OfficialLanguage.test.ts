/**
 * Every project document speaks official Chinese: no English word or
 * identifier (only document codes such as a contract number, hash values and
 * the name of the hash algorithm), no unfilled `x` blank of the seed, no ISO
 * date in running text, full-width punctuation next to Chinese text.
 */
import { describe, expect, it } from "@effect/vitest"
import { Actor, Parameter, type ProjectEvent } from "@gsyf/core"
import { Markdown, ProjectDocuments } from "@gsyf/documents"
import * as Either from "effect/Either"
import { seedParameterFile } from "../../core/test/fixtures/seed.js"
import { documentSet, runSeed, storedTrail } from "./ProjectDocumentsFixture.js"

const seed = runSeed()
const texts = documentSet(seed).map(([name, doc]) => ({
  name,
  doc,
  text: Markdown.toMarkdown(doc).replace(/\\(.)/g, "$1").replace(/[*#|>-]{2,}|\*\*/g, " ")
}))

/** Latin words a Chinese official document may hold: document codes, hash values, SHA-256. */
const allowed = (word: string): boolean =>
  /^[A-Z]{1,4}(-[A-Z0-9]+)+$/.test(word) || /^[0-9a-f]{8,}$/.test(word) || word === "SHA-256"

describe("Official language in every project document", () => {
  it("has no English word or identifier", () => {
    const found = texts.flatMap(({ name, text }) =>
      [...text.matchAll(/[A-Za-z0-9][A-Za-z0-9_./#-]*/g)]
        .map((m) => m[0].replace(/[.]$/, ""))
        .filter((w) => /[A-Za-z]/.test(w) && !allowed(w))
        .map((w) => `${name}: ${w}`)
    )
    expect(found).toEqual([])
  })

  it("leaves no x blank of the seed unfilled", () => {
    const found = texts.flatMap(({ name, text }) =>
      [...text.matchAll(/.{0,8}(?<![A-Za-z0-9])x(?![A-Za-z0-9]).{0,8}/g)].map((m) => `${name}: ${m[0]}`)
    )
    expect(found).toEqual([])
  })

  it("writes dates in Chinese, never as ISO dates in running text", () => {
    const found = texts.flatMap(({ name, text }) =>
      [...text.matchAll(/.{0,6}\d{4}-\d{2}-\d{2}.{0,6}/g)].map((m) => `${name}: ${m[0]}`)
    )
    expect(found).toEqual([])
    expect(texts.find((t) => t.name === "implementation-plan")!.text).toContain("2026年2月10日")
  })

  it("uses full-width punctuation next to Chinese text", () => {
    const found = texts.flatMap(({ name, text }) =>
      [...text.matchAll(/[\u4e00-\u9fff][(),:;?!]|[(),:;?!][\u4e00-\u9fff]/g)].map((m) => `${name}: ${m[0]}`)
    )
    expect(found).toEqual([])
  })

  it("closes each bracket in the width it was opened in, and cites an article right after the book title", () => {
    const found = texts.flatMap(({ name, text }) =>
      [...text.matchAll(/（[^（）()\n]*\)|\([^（）()\n]*）|》 +[\u4e00-\u9fff]/g)].map((m) => `${name}: ${m[0]}`)
    )
    expect(found).toEqual([])
    expect(texts.find((t) => t.name.startsWith("review-result"))!.text).toMatch(/技术分 \d+\.\d{2}）/)
  })

  it("names actors by their Chinese names in the audit extract, each row dated by its business date", () => {
    const audit = texts.find((t) => t.name === "audit-trail-extract")!.text
    expect(audit).toContain("示例市人力资源和社会保障局")
    expect(audit).toContain("示例市工业和信息化局")
    expect(audit).toContain("2026年1月15日")
    expect(audit).not.toMatch(/示例市[a-z]/)
  })

  it("names a city's own member unit in the audit extract by the name the committee lists it under", () => {
    const units = [
      ...Actor.SeedMemberUnit.literals.map((id) => ({ id, name: Actor.memberUnitNames[id] })),
      { id: "medical-security", name: "示例市医疗保障局" }
    ]
    const parameters = Either.getOrThrow(Parameter.load({
      ...(seedParameterFile() as object),
      parameters: { ...(seedParameterFile() as { parameters: object }).parameters, "committee.memberUnits": units }
    }))
    const config = { ...seed.config, parameters }
    // the opinion of the last seed unit, given instead by the city's own unit
    const last = seed.events.map((e) => e._tag).lastIndexOf("MemberOpinionRecorded")
    const events = seed.events.map((e, i) =>
      i === last ? { ...e, actor: { ...e.actor, unit: "medical-security" } } as ProjectEvent.Event : e
    )
    const extract = Either.getOrThrow(ProjectDocuments.auditExtract({ events: storedTrail(events), config }))
    const text = Markdown.toMarkdown(extract)
    expect(text).toMatch(/成员单位意见 \| [^|]+ \| 示例市医疗保障局 \|/)
    expect(text).not.toContain("| 委员会成员单位 |")
  })
})
