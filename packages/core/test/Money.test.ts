import { describe, expect, it } from "@effect/vitest"
import { InputError, Money } from "@gsyf/core"
import { Either, Schema } from "effect"
import * as fc from "fast-check"

const y = Money.unsafeYuan
const cap = (s: string, o?: Money.CapitalOptions) => Either.getOrThrow(Money.capital(y(s), o))

describe("Money", () => {
  it("decodes strings and numbers exactly and rejects sub-fen amounts", () => {
    const decode = Schema.decodeUnknownEither(Money.Yuan)
    expect(Either.map(decode("1,234.56"), String)).toEqual(Either.right("1234.56"))
    expect(Either.map(decode(0.1), String)).toEqual(Either.right("0.10"))
    expect(Either.isLeft(decode("1.234"))).toBe(true)
    expect(Either.isLeft(decode("-1"))).toBe(true)
    expect(Either.isLeft(decode("abc"))).toBe(true)
    expect(Either.isLeft(decode(Number.NaN))).toBe(true)
  })

  it("adds 0.1 and 0.2 exactly", () => {
    expect(Money.add(y("0.1"), y("0.2")).toString()).toBe("0.30")
  })

  it("reports bad amounts with a bilingual path", () => {
    const decode = InputError.decodeEither(Schema.Struct({ amount: Money.Yuan }), "Payment")
    const result = decode({ amount: "-5" })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left.issues[0]!.path).toBe("amount")
      expect(result.left.issues[0]!.zh).toContain("负数")
      expect(result.left.issues[0]!.en).toContain("negative")
    }
  })

  it("converts 万元 and yuan both ways", () => {
    expect(Either.getOrThrow(Money.fromWan("12.3456")).toString()).toBe("123456.00")
    expect(Either.getOrThrow(Money.fromWan("0.000001")).toString()).toBe("0.01")
    expect(Either.isLeft(Money.fromWan("0.0000001"))).toBe(true)
    expect(Money.toWan(y("1234567.89")).toFixed()).toBe("123.456789")
    expect(Money.formatWan(y("3000000"))).toBe("300万元")
  })

  it("formats with the yuan sign and thousands separators", () => {
    expect(Money.format(y("1234.5"))).toBe("¥1,234.50")
    expect(Money.format(y("1234567.89"))).toBe("¥1,234,567.89")
    expect(Money.format(y("0"))).toBe("¥0.00")
  })

  it("rounds at named points", () => {
    expect(Money.percentOf(y("100.01"), "50").toString()).toBe("50.01") // 50.005 half-up
    expect(Money.percentOf(y("100.01"), "50", "half-even").toString()).toBe("50.00")
    expect(Money.percentOf(y("100.01"), "50", "down").toString()).toBe("50.00")
    expect(Money.percentOf(y("100.03"), "50", "up").toString()).toBe("50.02")
  })

  it("allocates the advance and gives the rounding to the balance", () => {
    const [advance, balance] = Money.allocate(y("123456.79"), ["30", "70"])
    expect(advance!.toString()).toBe("37037.04")
    expect(balance!.toString()).toBe("86419.75")
  })

  it("never returns negative parts nor loses a fen (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom<Money.Rounding>("half-up", "half-even", "down", "up"),
        (fen, weights, rounding) => {
          const total = Money.fromFen(fen)
          const sumW = weights.reduce((a, b) => a + b, 0)
          fc.pre(sumW > 0)
          // percentages that add up to exactly 100 (as exact decimals)
          const percents = weights.map((w) => new Money.Decimal(w).times(100).dividedBy(sumW))
          const parts = Money.allocate(total, percents, rounding)
          expect(parts).toHaveLength(weights.length)
          expect(Money.sum(parts).toString()).toBe(total.toString())
          for (const p of parts) expect(Money.isNegative(p)).toBe(false)
        }
      )
    )
  })

  it("rounding to the fen is within half a fen for half-up (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 1, max: 6 }), (units, scale) => {
        const d = new Money.Decimal(units.toString()).dividedBy(10 ** scale)
        const r = Money.round(d, "half-up")
        expect(r.yuan.minus(d).abs().lte("0.005")).toBe(true)
        expect(r.yuan.decimalPlaces()).toBeLessThanOrEqual(2)
      })
    )
  })

  describe("capital-letter amounts (支付结算办法 附件一)", () => {
    it("writes the reference's worked examples", () => {
      expect(cap("1409.50")).toBe("人民币壹仟肆佰零玖元伍角")
      expect(cap("6007.14")).toBe("人民币陆仟零柒元壹角肆分")
      expect(cap("16409.02")).toBe("人民币壹万陆仟肆佰零玖元零贰分")
      expect(cap("325.04")).toBe("人民币叁佰贰拾伍元零肆分")
      expect(cap("123000")).toBe("人民币壹拾贰万叁仟元整")
    })

    it("offers both allowed forms where rule 4(三) leaves the 零 optional", () => {
      expect(cap("1680.32")).toBe("人民币壹仟陆佰捌拾元零叁角贰分")
      expect(cap("1680.32", { zeroAtWanOrYuan: "omit" })).toBe("人民币壹仟陆佰捌拾元叁角贰分")
      expect(cap("107000.53")).toBe("人民币壹拾万零柒仟元零伍角叁分")
      expect(cap("107000.53", { zeroAtWanOrYuan: "omit" })).toBe("人民币壹拾万柒仟元伍角叁分")
    })

    it("handles 整, lone fen and jiao, big units and runs of zeros", () => {
      expect(cap("0")).toBe("人民币零元整")
      expect(cap("0.05")).toBe("人民币伍分")
      expect(cap("0.5")).toBe("人民币伍角")
      expect(cap("0.5", { wholeAfterJiao: true })).toBe("人民币伍角整")
      expect(cap("10")).toBe("人民币壹拾元整")
      expect(cap("100000")).toBe("人民币壹拾万元整")
      expect(cap("1001")).toBe("人民币壹仟零壹元整")
      expect(cap("1010")).toBe("人民币壹仟零壹拾元整")
      expect(cap("10005")).toBe("人民币壹万零伍元整")
      expect(cap("100000001")).toBe("人民币壹亿零壹元整")
      expect(cap("100010000")).toBe("人民币壹亿零壹万元整")
      expect(cap("3000000")).toBe("人民币叁佰万元整")
      expect(cap("10.05")).toBe("人民币壹拾元零伍分")
      expect(cap("1800000.00", { prefix: false })).toBe("壹佰捌拾万元整")
    })

    it("never writes 整 after 分 and never uses lowercase digits (property)", () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: 99_999_999_999_99n }), (fen) => {
          const text = Either.getOrThrow(Money.capital(Money.fromFen(fen)))
          expect(text.startsWith("人民币")).toBe(true)
          expect(/分整/.test(text)).toBe(false)
          expect(/[一二三四五六七八九十两0-9毛另廿]/.test(text)).toBe(false)
          expect(/零零/.test(text)).toBe(false)
        })
      )
    })

    it("refuses negative and too large amounts", () => {
      expect(Either.isLeft(Money.capital(y("-1")))).toBe(true)
      expect(Either.isLeft(Money.capital(y("1000000000000")))).toBe(true)
    })
  })
})
