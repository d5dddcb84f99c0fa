import { describe, expect, it } from "@effect/vitest"
import { InputError, Money } from "@gsyf/core"
import { Either, Schema } from "effect"

const Payment = Schema.Struct({
  amount: Money.Yuan,
  note: Schema.optional(Schema.String),
  items: Schema.Array(
    Schema.Struct({
      count: Schema.Number.pipe(Schema.filter((n) => n >= 1, InputError.bilingual("至少为 1", "at least 1")))
    })
  )
})
const decode = InputError.decodeEither(Payment, "Payment")

describe("InputError", () => {
  it("names every bad field by path in Chinese and English", () => {
    const result = decode({ amount: "1.234", note: 5, items: [{ count: 1 }, { count: 0 }], extra: true })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isRight(result)) return
    const byPath = new Map(result.left.issues.map((i) => [i.path, i]))
    expect([...byPath.keys()].sort()).toEqual(["amount", "extra", "items[1].count", "note"])
    expect(byPath.get("items[1].count")!.zh).toBe("至少为 1")
    expect(byPath.get("items[1].count")!.en).toBe("at least 1")
    expect(byPath.get("extra")!.en).toContain("not an allowed field")
    expect(byPath.get("note")!.en).not.toContain("undefined")
    expect(result.left.subject).toBe("Payment")
    expect(result.left.message).toContain("amount")
  })

  it("reports a missing field", () => {
    const result = decode({ items: [] })
    expect(Either.isLeft(result) && result.left.issues.map((i) => i.path)).toEqual(["amount"])
    expect(Either.isLeft(result) && result.left.issues[0]!.zh).toBe("缺少必填字段")
  })

  it("passes good input through", () => {
    const result = decode({ amount: "12.30", items: [{ count: 2 }] })
    expect(Either.isRight(result) && result.right.amount.toString()).toBe("12.30")
  })
})
