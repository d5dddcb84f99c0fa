import { describe, expect, it } from "@effect/vitest"
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Actor, Parameter, Plugin } from "@gsyf/core"
import { Block, type Document, DocumentSettings, Inline, PlanTemplate, ProjectDocuments } from "@gsyf/documents"
import * as Either from "effect/Either"
import { readFileSync } from "node:fs"
import { seedParameterFile } from "../../core/test/fixtures/seed.js"
import { runSeed } from "./ProjectDocumentsFixture.js"

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")

/** The seed as published (a web page): its clauses are the lines from the opening to 七(三). */
const seedClauses = (): ReadonlyArray<string> => {
  const lines = fixture("seed-plan.txt").split("\n").map((l) => l.trim())
  const from = lines.findIndex((l) => l.startsWith("为推进"))
  const to = lines.findIndex((l) => l.startsWith("(三)及时总结宣传"))
  return lines.slice(from, to + 1).filter((l) => l !== "")
}

/** The seed's half-width punctuation in its full-width form, the only change made to the seed's text. */
const fullWidth = (s: string): string =>
  s
    .replace(/[,:;()<>﹝﹞]/g, (c) =>
      ({ ",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "<": "〈", ">": "〉", "﹝": "〔", "﹞": "〕" })[c]!)
    .replace(/(?<=[\u4e00-\u9fff）])\./g, "。")

/** The key areas the seed lists in 三(一), where the template has the areas the project selected. */
const seedKeyAreas = "制造业；建筑业；交通运输、仓储和邮政业、有色金属矿采选业；其他危险化学品相关行业"

/** What the seed writes where the template has a blank that is not an x of the seed. */
const seedWording: Readonly<Record<string, string>> = {
  重点领域: seedKeyAreas,
  成员单位: "人社、工信、财政、应急、卫健、住建、交通、工会",
  省级称谓: "自治区",
  省行动计划通知: "x自治区人力资源和社会保障厅等x部门关于印发x自治区工伤预防五年行动计划（x—x年）实施方案的通知",
  管理办法通知: "关于印发〈x自治区工伤预防费使用管理办法〉的通知"
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** A clause with blanks (`x` in the seed, `{名称}` in a template) as a pattern its filled text must match whole. */
const clausePattern = (clause: string, blank: RegExp): RegExp =>
  new RegExp(`^${clause.split(blank).map(escape).join("([^x{}]+?)")}$`)

/** The text of each block of the plan's body, up to the 附件说明 / signature. */
const bodyTexts = (doc: Document.Document): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (const b of doc.blocks) {
    if (b._tag === "Heading") out.push(b.text)
    else if (b._tag === "Paragraph") out.push(Inline.plainText(b.runs))
    else break
  }
  return out.filter((t) => !t.startsWith("附件："))
}

const seed = runSeed()
const src = { config: seed.config, events: seed.events }

describe("PlanTemplate: the seed plan", () => {
  it("holds the seed clause by clause: with each blank written x, every clause is the seed's own text", () => {
    const template = PlanTemplate.seed.clauses.filter((c) => c.kind !== "title")
    const seedText = seedClauses().map(fullWidth)
    expect(template.length).toBe(seedText.length)
    template.forEach((c, i) => {
      const asSeed = c.text.replace(/\{[^}]*\}/g, (b) => seedWording[b.slice(1, -1)] ?? "x").replace("｜", "")
      expect(asSeed, `template line ${c.line}`).toBe(seedText[i])
    })
  })

  it("renders every clause verbatim once filled: the seed's x blanks match the rendered clause, nothing else differs", () => {
    const doc = Either.getOrThrow(ProjectDocuments.implementationPlan(src))
    const rendered = bodyTexts(doc)
    const seedText = seedClauses().map(fullWidth)
    expect(rendered.length).toBe(seedText.length)
    seedText.forEach((clause, i) => {
      const pattern = clausePattern(clause.replace(seedKeyAreas, "x"), /x/)
      expect(rendered[i], `clause ${i + 1}: ${clause}`).toMatch(pattern)
    })
    expect(rendered).toContain(
      "根据我市公布的2025年工伤预防重点领域及2025年上半年职业病发生、安全生产事故和工伤事故发生情况进行数据分析，同时根据2022年上级文件对危险化学品企业工伤预防能力提升的要求，并结合我市重点产业项目发展需要，确定我市2026年工伤预防重点领域为：建筑业；制造业；有色金属矿采选业；其他危险化学品相关行业。"
    )
    expect(rendered.join("")).not.toMatch(/x|\{|\}/)
    expect(doc.meta.title).toBe("2026年关于全市工伤预防项目工作实施方案")
  })

  it("fills the blanks the seed's readers asked for: co-issuing departments, 文号, years, the local portal", () => {
    const text = bodyTexts(Either.getOrThrow(ProjectDocuments.implementationPlan(src))).join("\n")
    expect(text).toContain(
      "根据《示例自治区人力资源和社会保障厅等8部门关于印发示例自治区工伤预防五年行动计划（2021—2025年）实施方案的通知》（示人社发〔2021〕12号）（以下简称“自治区工伤预防五年行动计划”）"
    )
    expect(text).toContain(
      "示例自治区安全生产监督管理局《关于印发〈示例自治区工伤预防费使用管理办法〉的通知》（示人社规〔2019〕3号）"
    )
    expect(text).toContain("依据《示例市工伤预防五年行动计划（2021——2025）实施方案》部署")
    expect(text).toContain("工伤保险费支缴率高")
    expect(text).toContain("进行公开招标采购，采用竞争性磋商方式")
    expect(text).toContain("示例快乐网等），全年不低于20篇新闻推送")
    expect(text).toContain("对采购需求进行为期5个工作日公示")
    expect(text).toContain("（七）项目实施（2026年4月-2026年10月）。")
  })

  it("takes document settings over the configuration, and refuses unknown blank names in them", () => {
    const settings = { blanks: { 市行动计划起年: "2022", 市行动计划止年: "2026", 地方快乐网名称: "塞上" } }
    const text = bodyTexts(Either.getOrThrow(ProjectDocuments.implementationPlan({ ...src, settings }))).join("\n")
    expect(text).toContain("《示例市工伤预防五年行动计划（2022——2026）实施方案》")
    expect(text).toContain("塞上快乐网")
    const bad = DocumentSettings.decode({ blanks: { 城镇: "甲" } })
    expect(Either.isLeft(bad) && bad.left.issues[0]!.path).toBe("blanks.城镇")
  })

  it("the attachment has its 附件说明 before the signature and its own page after it", () => {
    const doc = Either.getOrThrow(ProjectDocuments.implementationPlan(src))
    const tags = doc.blocks.map((b) => b._tag)
    const signature = tags.indexOf("Signature")
    const note = doc.blocks[signature - 1]!
    expect(note._tag === "Paragraph" && Inline.plainText(note.runs)).toBe("附件：工伤预防费用构成明细")
    expect(tags.slice(signature + 1, signature + 5)).toEqual(["PageBreak", "Paragraph", "Paragraph", "Table"])
  })
})

const secondCityConfig = () => {
  const file = seedParameterFile() as { parameters: Record<string, unknown> }
  const parameters = {
    ...file.parameters,
    "plan.city": "东川市",
    "plan.province": "西江省",
    "project.serviceArea": "东川市",
    "plan.hazchemCityDocument": undefined
  }
  const set = Either.getOrThrowWith(
    Parameter.load({ ...file, city: "东川市", parameters: JSON.parse(JSON.stringify(parameters)) }),
    (e) => new Error(e.message)
  )
  return Either.getOrThrowWith(
    Plugin.configure({ parameters: set, calendar: ChinaHolidays.calendar }),
    (e) => new Error(e.message)
  )
}

describe("PlanTemplate: a city's own template", () => {
  const text = fixture("second-city.plan.txt")
  const config = secondCityConfig()
  const input = { config, events: [], template: text, templateFile: "second-city.plan.txt" }

  it("renders the city's wording clause by clause, each verbatim once filled; an optional clause without values goes whole", () => {
    const template = Either.getOrThrow(PlanTemplate.parse(text, "second-city.plan.txt"))
    const built = ProjectDocuments.implementationPlan(input)
    if (Either.isLeft(built)) throw new Error(built.left.message)
    const doc = built.right
    const rendered = bodyTexts(doc)
    const kept = template.clauses.filter((c) => c.kind !== "title" && !c.optional)
    expect(rendered.length).toBe(kept.length)
    kept.forEach((c, i) => {
      expect(rendered[i], `second-city.plan.txt:${c.line}`).toMatch(
        clausePattern(c.text.replace("｜", ""), /\{[^}]*\}/)
      )
    })
    expect(doc.meta.title).toBe("2026年度东川市工伤预防项目实施方案")
    expect(rendered).toContain("为做好2026年度东川市工伤预防工作，依据西江省有关文件精神，结合本市实际，制定本方案。")
    expect(rendered.join("")).not.toContain("危险化学品企业工伤预防能力提升工程")
  })

  it("keeps the optional clause when its blanks have values", () => {
    const settings = { blanks: { 市文号代字: "东", 危化文件文号年: "2024", 危化文件文号序号: "7" } }
    const rendered = bodyTexts(Either.getOrThrow(ProjectDocuments.implementationPlan({ ...input, settings })))
    expect(rendered).toContain(
      "本方案同时执行《东川市危险化学品企业工伤预防能力提升工程实施方案》（东人社函〔2024〕7号）。"
    )
  })

  it("reports unknown and unfilled blanks and bad lines with file:line", () => {
    const broken = [
      "【标题】{年度}年方案",
      "【正文】在{城镇}开展宣传。",
      "【段落】不认识的类型",
      "【正文】预算{项目预算万元",
      "【要点】没有分隔符"
    ].join("\n")
    const parsed = PlanTemplate.parse(broken, "city.txt")
    expect(Either.isLeft(parsed)).toBe(true)
    const paths = Either.isLeft(parsed) ? parsed.left.issues.map((i) => i.path) : []
    expect(paths).toEqual(["city.txt:2", "city.txt:3", "city.txt:4", "city.txt:5"])
    expect(Either.isLeft(parsed) && parsed.left.message).toContain("unknown blank {城镇}")

    const unfilled = ProjectDocuments.implementationPlan({
      ...input,
      template: "【标题】{年度}年方案\n\n【正文】依据{危化文件文号年}年文件。",
      templateFile: "city.txt"
    })
    expect(Either.isLeft(unfilled) && unfilled.left.message).toContain(
      "city.txt:3: blank {危化文件文号年} has no value"
    )
  })
})

describe("PlanTemplate: the seed plan for other cities", () => {
  const configWith = (parameters: Record<string, unknown>) => {
    const file = seedParameterFile() as { parameters: Record<string, unknown> }
    return Either.getOrThrow(Plugin.configure({
      parameters: Either.getOrThrow(Parameter.load({ ...file, parameters: { ...file.parameters, ...parameters } })),
      calendar: ChinaHolidays.calendar,
      plugins: []
    }))
  }
  const planOf = (parameters: Record<string, unknown>) =>
    ProjectDocuments.implementationPlan({ config: configWith(parameters), events: seed.events })

  it("names a province's departments with 省, quotes the notices as cited, lists the city's own member units", () => {
    const doc = Either.getOrThrow(planOf({
      "plan.city": "遵义市",
      "plan.province": "贵州省",
      "plan.provincialDocuments": [
        "《贵州省人力资源和社会保障厅、贵州省财政厅等8部门关于印发贵州省工伤预防五年行动计划(2021—2025年)实施方案的通知》(黔人社发〔2021〕12号)",
        "《关于印发<贵州省工伤预防费使用管理办法>的通知》(黔人社规〔2019〕3号)"
      ],
      "plan.hazchemCityDocument": "遵人社函〔2022〕45号",
      "committee.memberUnits": [
        ...Actor.SeedMemberUnit.literals.map((id) => ({ id, name: Actor.memberUnitNames[id] })),
        { id: "medical-security", name: "医保" }
      ]
    }))
    const text = bodyTexts(doc).join("\n")
    expect(text).not.toContain("自治区")
    expect(text).toContain(
      "根据《贵州省人力资源和社会保障厅、贵州省财政厅等8部门关于印发贵州省工伤预防五年行动计划（2021—2025年）实施方案的通知》（黔人社发〔2021〕12号）（以下简称“省工伤预防五年行动计划”）和贵州省人力资源和社会保障厅、贵州省财政厅"
    )
    expect(text).toContain("《关于印发〈贵州省工伤预防费使用管理办法〉的通知》（黔人社规〔2019〕3号）")
    expect(text).toContain("各成员单位人社、工信、财政、应急、卫健、住建、交通、工会、医保部门要加强协调配合")
  })

  it("says which blank a city's name leaves empty, once, with what fills it", () => {
    const r = planOf({ "plan.city": "黔东南苗族侗族自治州" })
    const message = Either.isLeft(r) ? r.left.message : ""
    expect(message).toContain(
      "seed-plan.txt:5: blank {市} has no value (also lines 10, 17, 19, 23, 29, 31, 34, 36, 41, 43, 47, 49, 57, 58, 59, 61, 65, 66, 67, 69, 71, 73, 75, 81, 83, 87) / 空格{市}（城市名称去掉“市”字（plan.city；种子方案按“x市”行文，自治州、盟、地区须用本地模板））没有值，另见第10、17、"
    )
    expect(message).toContain("seed-plan.txt:55: blank {地方快乐网名称} has no value / 空格{地方快乐网名称}")
    expect(message).not.toContain("{市}{市}")
  })
})

describe("PlanTemplate.quote", () => {
  it("quotes a sentence of a section as the rendered plan has it", () => {
    const template = PlanTemplate.seed
    const plan = Either.getOrThrow(
      PlanTemplate.fill(template, (name) => (name === "市" ? "示例" : "1"))
    )
    expect(PlanTemplate.quote(plan, "三（八）", "抽查")).toBe(
      "市级社会保险经办机构可选择性的对月度计划开展的项目进行抽查，监督执行过程质量，并定期向示例市工伤预防委员会反馈项目进展情况。"
    )
    expect(PlanTemplate.quote(plan, "六（二）", "预付款")).toContain("先行支付项目总额1%的预付款。")
    expect(PlanTemplate.quote(plan, "三（八）", "不存在的话")).toBeUndefined()
    expect(Block.attachmentNote(["甲", "乙"]).map((p) => Inline.plainText(p.runs))).toEqual([
      "附件：1．甲",
      "　　　2．乙"
    ])
  })
})
