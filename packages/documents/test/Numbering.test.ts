import { describe, expect, it } from "@effect/vitest"
import { Block, Numbering } from "@gsyf/documents"

describe("Numbering", () => {
  it("writes Chinese numerals", () => {
    const cases: ReadonlyArray<readonly [number, string]> = [
      [1, "一"],
      [9, "九"],
      [10, "十"],
      [11, "十一"],
      [19, "十九"],
      [20, "二十"],
      [21, "二十一"],
      [30, "三十"],
      [99, "九十九"],
      [100, "一百"],
      [101, "一百零一"],
      [110, "一百一十"],
      [1001, "一千零一"],
      [0, "〇"]
    ]
    for (const [n, zh] of cases) expect(Numbering.chineseNumber(n)).toBe(zh)
    expect(() => Numbering.chineseNumber(1.5)).toThrow(RangeError)
    expect(() => Numbering.chineseNumber(-1)).toThrow(RangeError)
  })

  it("labels headings at the four official levels", () => {
    expect(Numbering.headingLabel(1, 1)).toBe("一、")
    expect(Numbering.headingLabel(1, 12)).toBe("十二、")
    expect(Numbering.headingLabel(2, 3)).toBe("（三）")
    expect(Numbering.headingLabel(3, 2)).toBe("2.")
    expect(Numbering.headingLabel(4, 1)).toBe("①")
    expect(Numbering.headingLabel(4, 20)).toBe("⑳")
    expect(Numbering.headingLabel(4, 21)).toBe("㉑")
    expect(Numbering.headingLabel(4, 50)).toBe("㊿")
    expect(Numbering.headingLabel(4, 51)).toBe("(51)")
  })

  it("numbers a block list, restarting lower levels and honouring explicit labels", () => {
    const blocks = [
      Block.heading(1, "a"),
      Block.heading(2, "b"),
      Block.heading(3, "c"),
      Block.heading(4, "d"),
      Block.heading(4, "e"),
      Block.paragraph("x"),
      Block.heading(3, "f"),
      Block.heading(4, "g"),
      Block.heading(2, "h"),
      Block.heading(1, "i", { label: "附件：" }),
      Block.heading(1, "j"),
      Block.heading(2, "k"),
      Block.heading(2, "l", { label: "" })
    ]
    expect(Numbering.headingLabels(blocks)).toEqual([
      "一、",
      "（一）",
      "1.",
      "①",
      "②",
      undefined,
      "2.",
      "①",
      "（二）",
      "附件：",
      "三、",
      "（一）",
      ""
    ])
  })

  it("writes dates the GB/T 9704 way", () => {
    expect(Numbering.chineseDate("2026-03-05")).toBe("2026年3月5日")
    expect(Numbering.chineseDate("2026-12-31")).toBe("2026年12月31日")
    expect(() => Numbering.chineseDate("2026-02-30")).toThrow(RangeError)
    expect(() => Numbering.chineseDate("5 March 2026")).toThrow(RangeError)
  })

  it("fills page templates", () => {
    expect(Numbering.pageLabel("— {page} —", 3)).toBe("— 3 —")
    expect(Numbering.pageLabel("第{page}页 共{pages}页", 2, 5)).toBe("第2页 共5页")
  })
})
