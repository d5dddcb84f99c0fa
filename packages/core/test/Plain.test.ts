import { Money, Parameter, Plain } from "@gsyf/core"
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { seedParameterFile } from "./fixtures/seed.js"

describe("Plain: results and Promises for hosts without Effect", () => {
  it("turns a refused parameter file into issues with field paths in both languages", () => {
    const bad = Plain.result(Parameter.load({ ...(seedParameterFile() as object), "fees.capRate": "lots" }))
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.error.tag).toBe("InvalidInput")
    expect(bad.error.issues.length).toBeGreaterThan(0)
    expect(bad.error.zh).not.toEqual(bad.error.en)
    expect(Plain.result(Parameter.load(seedParameterFile())).ok).toBe(true)
  })

  it("unwraps money and capital letters, and throws a PlainError for a refused amount", () => {
    expect(Plain.unwrap(Money.capital(Money.unsafeYuan("872000")))).toBe("人民币捌拾柒万贰仟元整")
    expect(() => Plain.unwrap(Money.fromYuan("abc"))).toThrow(Plain.PlainError)
  })

  it("awaits an Effect: the value, or a rejection carrying the typed error", async () => {
    await expect(Plain.promise(Effect.succeed(new Uint8Array([1, 2])))).resolves.toEqual(new Uint8Array([1, 2]))
    const rejected = await Plain.promise(Effect.fail({ _tag: "FontNotFound", zh: "找不到字体", en: "no font" })).catch(
      (e: unknown) => e
    )
    expect(rejected).toBeInstanceOf(Plain.PlainError)
    expect(rejected).toMatchObject({ tag: "FontNotFound", zh: "找不到字体", en: "no font" })
  })
})
