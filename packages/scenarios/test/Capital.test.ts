/** Capital-letter amounts as the banking rules allow them, and the document checks built on them. */
import { describe, expect, it } from "@effect/vitest"
import { Money } from "@gsyf/core"
import { Block, Document, Inline } from "@gsyf/documents"
import * as Capital from "../src/internal/capital.js"
import * as Documents from "../src/internal/documents.js"

const y = Money.unsafeYuan

describe("legal forms (支付结算办法 附件一)", () => {
  it("the rules' own examples are forms of their amounts", () => {
    const cases: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
      ["1409.50", ["壹仟肆佰零玖元伍角", "壹仟肆佰零玖元伍角整"]],
      ["6007.14", ["陆仟零柒元壹角肆分"]],
      ["1680.32", ["壹仟陆佰捌拾元零叁角贰分", "壹仟陆佰捌拾元叁角贰分"]],
      ["107000.53", [
        "壹拾万柒仟元零伍角叁分",
        "壹拾万零柒仟元伍角叁分",
        "壹拾万零柒仟元零伍角叁分",
        "壹拾万柒仟元伍角叁分"
      ]],
      ["16409.02", ["壹万陆仟肆佰零玖元零贰分"]],
      ["325.04", ["叁佰贰拾伍元零肆分"]],
      ["123000.00", ["壹拾贰万叁仟元整", "壹拾贰万叁仟元正", "壹拾贰万叁仟圆整"]],
      ["902715.75", ["玖拾万贰仟柒佰壹拾伍元柒角伍分"]]
    ]
    for (const [amount, forms] of cases) {
      for (const f of forms) {
        expect(Capital.isFormOf(f, y(amount)), `${amount} ${f}`).toBe(true)
        expect(Capital.isFormOf(`人民币${f}`, y(amount)), `${amount} 人民币${f}`).toBe(true)
        expect(Capital.parse(f), f).toBe(Money.toFen(y(amount)))
      }
    }
  })

  it("forms the rules forbid are refused", () => {
    expect(Capital.isFormOf("人民币拾贰万叁仟元整", y("123000"))).toBe(false) // 壹拾, not 拾
    expect(Capital.isFormOf("人民币壹拾贰万叁仟元", y("123000"))).toBe(false) // 整 after 元
    expect(Capital.isFormOf("人民币叁佰贰拾伍元零肆分整", y("325.04"))).toBe(false) // never 整 after 分
    expect(Capital.isFormOf("人民币叁佰贰拾伍元肆分", y("325.04"))).toBe(false) // 零 before 分 when 角 is 0
    expect(Capital.isFormOf("人民币陆仟零零柒元壹角肆分", y("6007.14"))).toBe(false) // one 零 for a run
    expect(Capital.isFormOf("人民币玖拾万贰仟柒佰壹拾伍元柒角伍分", y("902715.76"))).toBe(false)
  })

  it("a named form is that form only", () => {
    expect(Capital.named(y("107000.53"), { zeroAtWanOrYuan: "omit" }, true)).toBe("人民币壹拾万柒仟元伍角叁分")
    expect(Capital.named(y("1409.50"), { wholeAfterJiao: true }, false)).toBe("壹仟肆佰零玖元伍角整")
  })

  it("capital and figure amounts are found in text", () => {
    const text = "支付¥872,000.00（人民币捌拾柒万贰仟元整），预算80万元，另付1500.5元。"
    expect(Capital.findCapitals(text)).toEqual(["人民币捌拾柒万贰仟元整"])
    expect(Capital.findFigures(text)).toEqual([87_200_000n, 80_000_000n, 150_050n])
  })
})

describe("document checks", () => {
  const doc = (runs: ReadonlyArray<string | Inline.Run>, rows: ReadonlyArray<readonly [string, string]> = []) =>
    Document.make({
      title: "关于支付项目预付款的通知",
      blocks: [Block.paragraph([...runs]), ...(rows.length > 0 ? [Block.keyValue(rows.map(([k, v]) => [k, v]))] : [])]
    })

  it("figures and capitals that agree, in a paragraph or in one table", () => {
    expect(Documents.disagreements(doc(["支付", Inline.bold("¥872,000.00"), "（人民币捌拾柒万贰仟元整）"]))).toEqual([])
    expect(Documents.disagreements(doc(["见下表"], [["小写", "¥872,000.00"], ["大写", "人民币捌拾柒万贰仟元整"]])))
      .toEqual([])
  })

  it("a capital that differs from its figure, or is no legal form, is reported", () => {
    const wrong = Documents.disagreements(doc(["支付¥872,000.00（人民币捌拾柒万贰仟零壹元整）"]))
    expect(wrong).toHaveLength(1)
    expect(wrong[0]).toContain("872001.00")
    const illegal = Documents.disagreements(doc(["支付¥100,000.00（人民币拾万元整）"]))
    expect(illegal[0]).toContain("not a legal form")
  })

  it("blanks: template blanks, x placeholders, empty fields", () => {
    expect(Documents.blanks(doc(["本项目于2026年开展"]))).toEqual([])
    expect(Documents.blanks(doc(["为期x日公示"]))).toHaveLength(1)
    expect(Documents.blanks(doc(["{城市}工伤预防项目"]))).toHaveLength(1)
    expect(Documents.blanks(doc(["文号：示人社发〔〕1号"]))).toHaveLength(1)
    expect(Documents.blanks(doc(["见下表"], [["付款期限", "—"]]))).toEqual(["付款期限：—"])
    expect(Documents.blanks(doc(["联系人：______"]))).toHaveLength(1)
  })
})
