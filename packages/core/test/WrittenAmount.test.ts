import { describe, expect, it } from "@effect/vitest"
import { Parameter, WrittenAmount } from "@gsyf/core"
import { Either, Schema } from "effect"
import { seedParameterFile } from "./fixtures/seed.js"

const read = (input: string | number, unit: WrittenAmount.Unit = "wan-yuan") =>
  Either.getOrThrowWith(WrittenAmount.parse(input, unit), (p) => new Error(p.en))
const problem = (input: string | number, unit: WrittenAmount.Unit = "wan-yuan") =>
  Either.match(WrittenAmount.parse(input, unit), { onLeft: (p) => p, onRight: () => undefined })

describe("WrittenAmount.parse", () => {
  it("reads 万元, 万 and 元 whatever the parameter's unit", () => {
    for (const unit of ["wan-yuan", "yuan"] as const) {
      expect(read("230万元", unit).money.toString()).toBe("2300000.00")
      expect(read("230万", unit).money.toString()).toBe("2300000.00")
      expect(read("2300000.01元", unit).money.toString()).toBe("2300000.01")
      expect(read(" 2,300,000.01 元 ", unit).money.toString()).toBe("2300000.01")
      expect(read("230万元", unit)).toMatchObject({ unit: "wan-yuan", unitWritten: true })
      expect(read("2300000.01元", unit)).toMatchObject({ unit: "yuan", unitWritten: true })
    }
  })

  it("a number or numeric text without a unit is in the parameter's unit", () => {
    expect(read(230).money.toString()).toBe("2300000.00")
    expect(read("230.000001").money.toString()).toBe("2300000.01")
    expect(read(230, "yuan").money.toString()).toBe("230.00")
    expect(read(230)).toMatchObject({ unit: "wan-yuan", unitWritten: false, written: 230 })
  })

  it("an amount must come to whole fen in the unit it is read in", () => {
    expect(problem("2300000.001元")?.en).toContain("exact to the fen")
    expect(problem("230.0000001万元")?.en).toContain("exact to the fen")
    expect(problem(0.001, "yuan")?.en).toContain("exact to the fen")
  })

  it("other units and words are refused, naming the units accepted", () => {
    expect(problem("2.3百万")?.zh).toContain("万元")
    expect(problem("230 dollars")?.en).toContain("元, 万元 or 万")
    expect(problem("2.3亿元")?.en).toContain("not a valid amount")
    expect(problem("元")?.en).toContain("not a valid amount")
  })

  it("says how it read an amount, in both languages", () => {
    expect(WrittenAmount.describe(read("2300000.01元"))).toEqual({
      zh: "\"2300000.01元\" 读作 2300000.01 元(230.000001万元;写明单位元)",
      en: "\"2300000.01元\" read as 2300000.01 yuan (230.000001万元; unit written: 元)"
    })
    expect(WrittenAmount.describe(read(230)).en).toBe(
      "230 read as 2300000.00 yuan (230万元; no unit written: the parameter's unit, 万元)"
    )
  })
})

describe("WrittenAmount.schema", () => {
  const wan = WrittenAmount.schema("wan-yuan")
  it("decodes every written form and encodes in the parameter's unit", () => {
    const decode = Schema.decodeUnknownSync(wan)
    const encode = Schema.encodeSync(wan)
    expect(encode(decode("2300000.01元"))).toBe("230.000001")
    expect(encode(decode("80万元"))).toBe("80")
    expect(encode(decode(80))).toBe("80")
    expect(Schema.encodeSync(WrittenAmount.schema("yuan"))(decode("1万元"))).toBe("10000.00")
  })

  it("refuses negative amounts", () => {
    expect(Either.isLeft(Schema.decodeUnknownEither(wan)("-1万元"))).toBe(true)
  })
})

describe("amount parameters written with their unit", () => {
  const plan = seedParameterFile() as { readonly parameters: Record<string, unknown> }
  const withBudget = (budget: Record<string, unknown>) =>
    Either.getOrThrowWith(
      Parameter.load({ ...plan, parameters: { ...plan.parameters, ...budget } }),
      (e) => new Error(e.message)
    )

  it("the budget and the fund revenue accept 万元, 元 or a number in 万元, and the loader says how it read each", () => {
    const set = withBudget({
      "budget.total": "3000000.01元",
      "budget.hazchem": "80万元",
      "budget.keyAreas": 220.000001,
      "fund.priorYearContributionRevenue": "12000万"
    })
    const at = "2026-03-02"
    expect(Parameter.get(set, "budget.total", at)?.toString()).toBe("3000000.01")
    expect(Parameter.get(set, "budget.hazchem", at)?.toString()).toBe("800000.00")
    expect(Parameter.get(set, "budget.keyAreas", at)?.toString()).toBe("2200000.01")
    expect(Parameter.get(set, "fund.priorYearContributionRevenue", at)?.toString()).toBe("120000000.00")
    expect(Parameter.readings(set, ["budget.total", "budget.hazchem", "budget.keyAreas"]).map((r) => [r.name, r.en]))
      .toEqual([
        ["budget.total", "\"3000000.01元\" read as 3000000.01 yuan (300.000001万元; unit written: 元)"],
        ["budget.hazchem", "\"80万元\" read as 800000.00 yuan (80万元; unit written: 万元)"],
        [
          "budget.keyAreas",
          "220.000001 read as 2200000.01 yuan (220.000001万元; no unit written: the parameter's unit, 万元)"
        ]
      ])
  })

  it("an amount in another unit is refused with the parameter's path", () => {
    const r = Parameter.load({ ...plan, parameters: { ...plan.parameters, "budget.total": "3百万" } })
    expect(Either.isLeft(r) && r.left.issues.map((i) => [i.path, i.en])).toEqual([
      ["parameters.budget.total", expect.stringContaining("元, 万元 or 万")]
    ])
  })
})
