import { describe, expect, it } from "@effect/vitest"
import { LegalBasis, Money, Parameter } from "@gsyf/core"
import { Either, Schema } from "effect"
import { seedParameterFile } from "./fixtures/seed.js"

type File = { city?: string; parameters: Record<string, unknown> }
const seedFile = (): File => structuredClone(seedParameterFile()) as File
const withParams = (patch: Record<string, unknown>, remove: ReadonlyArray<string> = []): File => {
  const file = seedFile()
  for (const name of remove) delete file.parameters[name]
  Object.assign(file.parameters, patch)
  return file
}
const issuesOf = (input: unknown) => {
  const r = Parameter.load(input)
  if (Either.isRight(r)) throw new Error("expected the file to be rejected")
  return r.left.issues
}
const load = (input: unknown) => Either.getOrThrowWith(Parameter.load(input), (e) => new Error(e.message))

describe("Parameter.load", () => {
  it("loads the sample city's file, values decoded with their city basis", () => {
    const set = load(seedFile())
    expect(set.city).toBe("示例市")
    const advance = Parameter.resolve(set, "payment.advancePercent", "2026-04-27")!
    expect(advance.value).toBeInstanceOf(Money.Decimal)
    expect(Parameter.show(advance.value)).toBe("40")
    expect(advance.basis.level).toBe("city")
    expect(advance.basis.citation).toBe("示例市 参数文件")
    expect(advance.effectiveFrom).toBeUndefined()
    expect(Money.format(Parameter.get(set, "budget.total", "2026-03-02")!)).toBe("¥3,000,000.00")
    expect(Parameter.get(set, "publicity.unit", "2026-03-16")).toBe("working-days")
  })

  it("names an unknown parameter with its path", () => {
    const issues = issuesOf(withParams({ "budget.totl": "300" }))
    expect(issues.map((i) => [i.path, i.zh, i.en])).toEqual([[
      "parameters.budget.totl",
      "未知参数",
      "unknown parameter"
    ]])
  })

  it("reports wrong types at the parameter's path, every one of them", () => {
    const issues = issuesOf(
      withParams({
        "publicity.length": 0,
        "payment.advancePercent": "forty",
        "publicity.unit": "weeks",
        "supervision.briefingDueDay": 31
      })
    )
    const paths = issues.map((i) => i.path)
    expect(paths).toContain("parameters.publicity.length")
    expect(paths).toContain("parameters.payment.advancePercent")
    expect(paths).toContain("parameters.publicity.unit")
    expect(paths).toContain("parameters.supervision.briefingDueDay")
    expect(issues.find((i) => i.path === "parameters.publicity.length")!.zh).toBe("须为正整数")
    expect(issues.find((i) => i.path === "parameters.supervision.briefingDueDay")!.en).toContain("1 to 28")
  })

  it("takes 360, 365 or 366 days per year for an agreed interest rate, nothing else, in one issue", () => {
    const issues = issuesOf(withParams({ "payment.interestDayBasis": 1, "publicity.unit": "weeks" }))
    expect(issues.map((i) => [i.path, i.zh, i.en])).toEqual([
      [
        "parameters.publicity.unit",
        "取值无效,应为 \"calendar-days\"、\"working-days\" 之一",
        "expected one of \"calendar-days\", \"working-days\", got \"weeks\""
      ],
      [
        "parameters.payment.interestDayBasis",
        "取值无效,应为 360、365、366 之一",
        "expected one of 360, 365, 366, got 1"
      ]
    ])
    expect(
      Parameter.get(load(withParams({ "payment.interestDayBasis": 360 })), "payment.interestDayBasis", "2026-05-01")
    )
      .toBe(360)
  })

  it("reports a bad field inside a structured value with its full path", () => {
    const file = seedFile()
    const breakdown = file.parameters["budget.breakdown"] as Array<Record<string, unknown>>
    breakdown[1] = { ...breakdown[1], category: "catering" }
    const issues = issuesOf(file)
    expect(issues.length).toBeGreaterThan(0)
    for (const i of issues) {
      expect(i.path).toBe("parameters.budget.breakdown[1].category")
      expect(i.en).toContain("got \"catering\"")
    }
  })

  it("names a missing required parameter (no national default) and accepts missing optional ones", () => {
    const issues = issuesOf(withParams({}, ["budget.total", "publicity.length", "plan.province", "plan.schedule"]))
    expect(issues.map((i) => i.path).sort()).toEqual(["parameters.budget.total", "parameters.publicity.length"])
    const total = issues.find((i) => i.path === "parameters.budget.total")!
    expect(total.zh).toContain("项目总预算")
    expect(total.en).toBe("missing required parameter \"Total budget\" (no national default; the city must give it)")
  })

  it("rejects unknown top-level fields of the file", () => {
    const r = Parameter.load({ ...seedFile(), extra: 1 })
    expect(Either.isLeft(r) && r.left.issues.map((i) => i.path)).toEqual(["extra"])
  })

  it("resolves dated histories at dates: a 2022 value and a 2026 value from one file", () => {
    const set = load(
      withParams({
        "publicity.length": [
          { from: "2026-01-01", value: 5, basis: "示人社发〔2026〕3号" },
          { from: "2022-01-01", value: 7 }
        ]
      })
    )
    expect(Parameter.resolve(set, "publicity.length", "2021-12-31")).toBeUndefined()
    const r2022 = Parameter.resolve(set, "publicity.length", "2022-06-01")!
    expect([r2022.value, r2022.effectiveFrom, r2022.basis.note]).toEqual([7, "2022-01-01", undefined])
    expect(Parameter.get(set, "publicity.length", "2025-12-31")).toBe(7)
    const r2026 = Parameter.resolve(set, "publicity.length", "2026-01-01")!
    expect([r2026.value, r2026.effectiveFrom, r2026.basis.note, r2026.basis.citation]).toEqual([
      5,
      "2026-01-01",
      "示人社发〔2026〕3号",
      "示例市 参数文件"
    ])
    expect(Parameter.get(set, "publicity.length", "2030-01-01")).toBe(5)
  })

  it("rejects two values taking effect on one date, and a bad value inside a history with its index", () => {
    const twice = issuesOf(
      withParams({ "publicity.length": [{ from: "2026-01-01", value: 5 }, { from: "2026-01-01", value: 6 }] })
    )
    expect(twice.map((i) => [i.path, i.en])).toEqual([[
      "parameters.publicity.length",
      "two values take effect on 2026-01-01"
    ]])
    const bad = issuesOf(
      withParams({ "publicity.length": [{ from: "2022-01-01", value: 7 }, { from: "2026-01-01", value: -1 }] })
    )
    expect(bad.map((i) => i.path)).toEqual(["parameters.publicity.length[1].value"])
  })

  it("gives the national defaults with their citations", () => {
    const set = load(withParams({}))
    const expectDefault = (name: string, shown: string, citation: RegExp) => {
      const r = Parameter.resolve(set, name, "2026-03-01")!
      expect(Parameter.show(r.value)).toBe(shown)
      expect(r.basis.level).toBe("national")
      expect(r.basis.citation).toMatch(citation)
    }
    expectDefault("fund.feeCapPercent", "3", /人社部规〔2017〕13号\) 第五条$/)
    expectDefault("procurement.consultation.minSuppliers", "3", /财库〔2014〕214号\) 第六条$/)
    expectDefault("procurement.consultation.minDocumentDays", "10", /214号\) 第十条$/)
    expectDefault("procurement.consultation.minPanelSize", "3", /214号\) 第十四条$/)
    expectDefault("procurement.consultation.priceWeightRange", "{\"min\":\"10\",\"max\":\"30\"}", /214号\) 第二十四条$/)
    expectDefault("contract.signWithinDays", "30", /《政府采购法》 第四十六条$/)
    expectDefault("payment.dueDays", "30", /国务院令第802号\) 第九条$/)
    expectDefault("procurement.consultation.expertShare", "2/3", /第十四条$/)
    expect(Parameter.catalogue.get("fund.feeCapPercent")!.default!.basis.note).toBe("原则上不得超过3%")
  })

  it("has no default for a parameter no national text fixes", () => {
    const noNational = [...Parameter.catalogue.values()].filter((d) => d.description.includes("无全国统一规定"))
    expect(noNational.length).toBeGreaterThan(25)
    for (const d of noNational) expect(d.default, d.name).toBeUndefined()
    for (
      const name of [
        "budget.total",
        "payment.advancePercent",
        "publicity.length",
        "project.periodMonths",
        "supervision.briefingDueDay"
      ]
    ) {
      expect(Parameter.catalogue.get(name)!.default, name).toBeUndefined()
    }
    const sparse = Either.getOrThrow(Parameter.load({ parameters: {} }, { requireAll: false }))
    expect(Parameter.resolve(sparse, "budget.total", "2026-01-01")).toBeUndefined()
    expect(Parameter.get(sparse, "payment.dueDays", "2026-01-01")).toBe(30)
  })

  it("a dated default holds from its day only: the one-year LPR of 3.0% from 2025-05-20", () => {
    const sparse = Either.getOrThrow(Parameter.load({ parameters: {} }, { requireAll: false }))
    expect(String(Parameter.get(sparse, "payment.lprOneYear", "2025-05-20"))).toBe("3")
    // a contract signed the day before needs the rate of its day from the city's file
    expect(Parameter.resolve(sparse, "payment.lprOneYear", "2025-05-19")).toBeUndefined()
    const given = Either.getOrThrow(Parameter.load({
      parameters: {
        "payment.lprOneYear": [{ from: "2024-10-21", value: "3.1" }, { from: "2025-05-20", value: "3.0" }]
      }
    }, { requireAll: false }))
    expect(String(Parameter.get(given, "payment.lprOneYear", "2025-05-19"))).toBe("3.1")
  })
})

describe("Parameter.overlay and extend", () => {
  const set = load(seedFile())
  const province = LegalBasis.national("示例自治区公示办法", "公示期 10 日")

  it("replaces a parameter's history with the overlay's source as basis, leaving the rest and the original alone", () => {
    const over = Either.getOrThrow(
      Parameter.overlay(set, { "publicity.length": 10, "publicity.unit": "calendar-days" }, province)
    )
    const r = Parameter.resolve(over, "publicity.length", "2026-03-16")!
    expect([r.value, r.basis.citation]).toEqual([10, "示例自治区公示办法"])
    expect(Parameter.get(over, "publicity.unit", "2026-03-16")).toBe("calendar-days")
    expect(Parameter.get(over, "payment.advancePercent", "2026-03-16")!.toFixed()).toBe("40")
    expect(Parameter.get(set, "publicity.length", "2026-03-16")).toBe(5)
  })

  it("takes dated histories and rejects unknown names and bad values", () => {
    const over = Either.getOrThrow(
      Parameter.overlay(set, { "publicity.length": [{ from: "2026-07-01", value: 7 }] }, province)
    )
    expect(Parameter.resolve(over, "publicity.length", "2026-03-16")).toBeUndefined()
    expect(Parameter.resolve(over, "publicity.length", "2026-07-01")!.effectiveFrom).toBe("2026-07-01")
    const unknown = Parameter.overlay(set, { "publicity.lenght": 7 }, province)
    expect(Either.isLeft(unknown) && unknown.left.issues[0]!.path).toBe("parameters.publicity.lenght")
    const bad = Parameter.overlay(set, { "publicity.length": "long" }, province)
    expect(Either.isLeft(bad)).toBe(true)
  })

  it("extends a set with a plugin's parameter and its default", () => {
    const extended = Parameter.extend(set, [
      {
        name: "province.trainingShare",
        title: { zh: "培训占比下限", en: "Minimum training share" },
        unit: "percent",
        section: "六(一)",
        description: "test",
        schema: Schema.Number as Schema.Schema<unknown, any>,
        basis: province,
        default: { value: 50, basis: province }
      }
    ])
    expect(Parameter.get(extended as never, "province.trainingShare" as never, "2026-01-01")).toBe(50)
    expect(extended.definitions.has("province.trainingShare")).toBe(true)
    expect(set.definitions.has("province.trainingShare")).toBe(false)
  })
})
