import { describe, expect, it } from "@effect/vitest"
import { WrittenAmount } from "@gsyf/core"
import { Either, Schema } from "effect"

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
