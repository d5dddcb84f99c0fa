import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import * as Industry from "../src/kernel/Industry.js"
import { decodeEither } from "../src/kernel/InputError.js"

describe("Industry (GB/T 4754-2017)", () => {
  it("knows all 20 sections and all 97 divisions", () => {
    const sections = Industry.all.filter((i) => i.level === "section")
    const divisions = Industry.all.filter((i) => i.level === "division")
    expect(sections.map((s) => s.code).join("")).toBe("ABCDEFGHIJKLMNOPQRST")
    expect(divisions).toHaveLength(97)
    expect(divisions.map((d) => d.code)).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, "0")))
  })

  it("uses the 2017 names, not the 2011 ones", () => {
    expect(Industry.lookup("11")?.name).toBe("开采专业及辅助性活动")
    expect(Industry.lookup("25")?.name).toBe("石油、煤炭及其他燃料加工业")
    expect(Industry.lookup("58")?.name).toBe("多式联运和运输代理业")
    expect(Industry.lookup("59")?.name).toBe("装卸搬运和仓储业")
    expect(Industry.lookup("79")?.name).toBe("土地管理业")
    expect(Industry.lookup("97")).toEqual({ code: "97", name: "国际组织", level: "division", section: "T" })
    expect(Industry.lookup("50")?.name).toBe("建筑装饰、装修和其他建筑业")
  })

  it("places divisions in their sections", () => {
    expect(Industry.sectionOf("09")).toBe("B")
    expect(Industry.sectionOf("13")).toBe("C")
    expect(Industry.sectionOf("43")).toBe("C")
    expect(Industry.sectionOf("47")).toBe("E")
    expect(Industry.sectionOf("60")).toBe("G")
    expect(Industry.sectionOf("96")).toBe("S")
    expect(Industry.sectionOf("5942")).toBe("G")
    expect(Industry.sectionOf("C")).toBe("C")
    expect(Industry.sectionOf("98")).toBeUndefined()
  })

  it("knows the hazardous-chemicals, mining and transport groups and classes", () => {
    expect(Industry.lookup("267")).toEqual({
      code: "267",
      name: "炸药、火工及焰火产品制造",
      level: "group",
      section: "C"
    })
    expect(Industry.lookup("5942")?.name).toBe("危险化学品仓储")
    expect(Industry.lookup("5435")?.name).toBe("危险货物道路运输")
    expect(Industry.lookup("5169")?.name).toBe("其他化工产品批发")
    expect(Industry.lookup("2521")?.name).toBe("炼焦")
    expect(Industry.lookup("093")?.name).toBe("稀有稀土金属矿采选")
    expect(Industry.isKnown("2611")).toBe(false) // not listed by gsyf
  })

  it("finds parents up to the section", () => {
    expect(Industry.parentOf("5942")).toBe("594")
    expect(Industry.parentOf("594")).toBe("59")
    expect(Industry.parentOf("59")).toBe("G")
    expect(Industry.parentOf("G")).toBeUndefined()
    expect(Industry.parentOf("2521")).toBe("252")
    expect(Industry.parentOf("5435")).toBe("543")
    expect(Industry.parentOf("nope")).toBeUndefined()
    expect(Industry.ancestry("5942").map((i) => i.code)).toEqual(["G", "59", "594", "5942"])
    expect(Industry.isWithin("267", "C")).toBe(true)
    expect(Industry.isWithin("267", "B")).toBe(false)
  })

  it("normalises section-prefixed codes", () => {
    expect(Industry.normalize("B09")).toBe("09")
    expect(Industry.normalize(" g5942 ")).toBe("5942")
    expect(Industry.normalize("c")).toBe("C")
    expect(Industry.isKnown("C09")).toBe(false) // 09 is in B, not C
    expect(Industry.label("26")).toBe("C26 化学原料和化学制品制造业")
    expect(Industry.label("E")).toBe("E 建筑业")
  })

  it("orders codes as the classification does", () => {
    const codes = ["13", "C", "091", "B", "10", "09", "A"]
    expect([...codes].sort(Industry.compare)).toEqual(["A", "B", "09", "091", "10", "C", "13"])
  })

  it("spans hazardous chemicals over several categories", () => {
    expect(Industry.hazardousChemicalsCodes).toEqual([
      "25",
      "26",
      "5162",
      "5166",
      "5167",
      "5169",
      "5265",
      "5435",
      "594"
    ])
    expect(Industry.hazardousChemicalsCodes.every(Industry.isKnown)).toBe(true)
    expect(Industry.isHazardousChemicals("5942")).toBe(true)
    expect(Industry.isHazardousChemicals("267")).toBe(true)
    expect(Industry.isHazardousChemicals("47")).toBe(false)
    expect(Industry.hazardousChemicalsNote.zh).toContain("不是")
  })

  it("the IndustryCode schema rejects unknown codes with a bilingual message at the path", () => {
    const decode = decodeEither(Schema.Struct({ areas: Schema.Array(Industry.IndustryCode) }), "Areas")
    expect(decode({ areas: ["B09", "47"] })).toEqual(Either.right({ areas: ["09", "47"] }))
    const bad = decode({ areas: ["47", "99"] })
    expect(Either.isLeft(bad)).toBe(true)
    if (Either.isLeft(bad)) {
      expect(bad.left.issues).toHaveLength(1)
      expect(bad.left.issues[0]!.path).toBe("areas[1]")
      expect(bad.left.issues[0]!.zh).toContain("GB/T 4754-2017")
      expect(bad.left.issues[0]!.en).toContain("not a known GB/T 4754-2017 industry code")
    }
  })
})
