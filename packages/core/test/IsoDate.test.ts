import { describe, expect, it } from "@effect/vitest"
import { InputError, IsoDate } from "@gsyf/core"
import { Either, Schema } from "effect"
import * as fc from "fast-check"

const d = IsoDate.unsafeFromString

/** Reference implementation through UTC `Date`, used only to cross-check the integer arithmetic. */
const viaDate = (s: string, n: number): string => {
  const t = Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) + n * 86_400_000
  return new Date(t).toISOString().slice(0, 10)
}

const arbDate = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true })
  .map((x) => d(x.toISOString().slice(0, 10)))

describe("IsoDate", () => {
  it("decodes real dates and rejects impossible ones with a bilingual message", () => {
    const decode = Schema.decodeUnknownEither(IsoDate.IsoDate)
    expect(decode("2026-02-28")).toEqual(Either.right("2026-02-28"))
    expect(decode("2024-02-29")).toEqual(Either.right("2024-02-29"))
    for (const bad of ["2026-02-30", "2025-02-29", "2026-13-01", "2026-04-31", "2026-00-10", "0000-01-01"]) {
      expect(Either.isLeft(decode(bad)), bad).toBe(true)
    }
    const result = InputError.decodeEither(Schema.Struct({ due: IsoDate.IsoDate }), "Task")({ due: "2026-02-30" })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left.issues).toHaveLength(1)
      expect(result.left.issues[0]!.path).toBe("due")
      expect(result.left.issues[0]!.zh).toContain("日期不存在")
      expect(result.left.issues[0]!.en).toContain("no such calendar date")
    }
    const shape = InputError.decodeEither(IsoDate.IsoDate, "Date")("2026/02/01")
    expect(Either.isLeft(shape) && shape.left.issues[0]!.zh).toContain("YYYY-MM-DD")
  })

  it("rejects other shapes", () => {
    for (const bad of ["2026-2-1", "20260201", "2026-02-01T00:00:00Z", " 2026-02-01", ""]) {
      expect(IsoDate.isIsoDate(bad), bad).toBe(false)
      expect(Either.isLeft(IsoDate.fromString(bad))).toBe(true)
    }
  })

  it("makes dates from parts", () => {
    expect(IsoDate.make(2026, 2, 14)).toEqual(Either.right("2026-02-14"))
    expect(Either.isLeft(IsoDate.make(2026, 2, 29))).toBe(true)
    expect(Either.isLeft(IsoDate.make(2026, 1.5, 1))).toBe(true)
    expect(() => IsoDate.unsafeMake(2026, 2, 30)).toThrow()
    expect(IsoDate.unsafeMake(5, 3, 1)).toBe("0005-03-01")
  })

  it("reads year, month, day and weekday", () => {
    const x = d("2026-10-01")
    expect([IsoDate.year(x), IsoDate.month(x), IsoDate.day(x)]).toEqual([2026, 10, 1])
    expect(IsoDate.dayOfWeek(d("2026-10-01"))).toBe(4) // Thursday
    expect(IsoDate.dayOfWeek(d("2026-02-14"))).toBe(6) // Saturday
    expect(IsoDate.dayOfWeek(d("2026-02-15"))).toBe(7) // Sunday
    expect(IsoDate.dayOfWeek(d("2025-01-26"))).toBe(7)
    expect(IsoDate.dayOfWeek(d("1970-01-01"))).toBe(4)
    expect(IsoDate.dayOfWeek(d("1969-12-29"))).toBe(1)
    expect(IsoDate.isWeekend(d("2026-03-22"))).toBe(true)
  })

  it("adds days across months, years and leap days", () => {
    expect(IsoDate.addDays(d("2026-02-28"), 1)).toBe("2026-03-01")
    expect(IsoDate.addDays(d("2024-02-28"), 1)).toBe("2024-02-29")
    expect(IsoDate.addDays(d("2026-12-31"), 1)).toBe("2027-01-01")
    expect(IsoDate.addDays(d("2026-01-01"), -1)).toBe("2025-12-31")
    expect(IsoDate.addDays(d("2000-03-01"), -1)).toBe("2000-02-29")
    expect(IsoDate.addDays(d("1900-03-01"), -1)).toBe("1900-02-28")
  })

  it("adds months clamping to the month end (民法典 第202条)", () => {
    expect(IsoDate.addMonths(d("2026-01-31"), 1)).toBe("2026-02-28")
    expect(IsoDate.addMonths(d("2024-01-31"), 1)).toBe("2024-02-29")
    expect(IsoDate.addMonths(d("2026-03-31"), -1)).toBe("2026-02-28")
    expect(IsoDate.addMonths(d("2026-05-15"), 12)).toBe("2027-05-15")
    expect(IsoDate.addMonths(d("2026-01-15"), -13)).toBe("2024-12-15")
    expect(IsoDate.addMonths(d("2026-08-31"), 1)).toBe("2026-09-30")
  })

  it("diffs, compares and bounds", () => {
    expect(IsoDate.diffDays(d("2026-01-01"), d("2026-01-11"))).toBe(10)
    expect(IsoDate.diffDays(d("2026-01-11"), d("2026-01-01"))).toBe(-10)
    expect(IsoDate.diffDays(d("2024-01-01"), d("2025-01-01"))).toBe(366)
    expect(IsoDate.compare(d("2026-01-01"), d("2026-01-02"))).toBe(-1)
    expect(IsoDate.compare(d("2026-01-02"), d("2026-01-02"))).toBe(0)
    expect(IsoDate.min(d("2026-05-01"), d("2025-05-01"))).toBe("2025-05-01")
    expect(IsoDate.max(d("2026-05-01"), d("2025-05-01"))).toBe("2026-05-01")
    expect(IsoDate.startOfMonth(d("2026-02-14"))).toBe("2026-02-01")
    expect(IsoDate.endOfMonth(d("2026-02-14"))).toBe("2026-02-28")
    expect(IsoDate.endOfMonth(d("2024-02-01"))).toBe("2024-02-29")
    expect(IsoDate.endOfMonth(d("2026-12-05"))).toBe("2026-12-31")
  })

  it("agrees with UTC Date arithmetic (property)", () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: -5000, max: 5000 }), (x, n) => {
        const y = IsoDate.addDays(x, n)
        expect(y).toBe(viaDate(x, n))
        expect(IsoDate.diffDays(x, y)).toBe(n)
        expect(IsoDate.fromDayNumber(IsoDate.toDayNumber(x))).toBe(x)
        expect(IsoDate.compare(x, y)).toBe(n === 0 ? 0 : n > 0 ? -1 : 1)
        const jsDay = new Date(`${x}T00:00:00Z`).getUTCDay()
        expect(IsoDate.dayOfWeek(x)).toBe(jsDay === 0 ? 7 : jsDay)
      })
    )
  })

  it("addMonths keeps the day or clamps to the month end (property)", () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: -240, max: 240 }), (x, n) => {
        const y = IsoDate.addMonths(x, n)
        expect(IsoDate.isIsoDate(y)).toBe(true)
        const months = (IsoDate.year(y) - IsoDate.year(x)) * 12 + IsoDate.month(y) - IsoDate.month(x)
        expect(months).toBe(n)
        expect(IsoDate.day(y)).toBe(Math.min(IsoDate.day(x), IsoDate.day(IsoDate.endOfMonth(y))))
      })
    )
  })

  it("decodes instants with an offset and finds their date in Beijing time", () => {
    const decode = Schema.decodeUnknownEither(IsoDate.IsoDateTime)
    expect(Either.isRight(decode("2026-03-02T09:30:00+08:00"))).toBe(true)
    expect(Either.isRight(decode("2026-03-02T01:30:00.123Z"))).toBe(true)
    expect(Either.isRight(decode("2026-03-02T01:30Z"))).toBe(true)
    for (
      const bad of [
        "2026-03-02T09:30:00",
        "2026-02-30T00:00:00Z",
        "2026-03-02T24:00:00Z",
        "2026-03-02 09:30:00Z",
        "2026-03-02T09:30:00+8"
      ]
    ) {
      expect(Either.isLeft(decode(bad)), bad).toBe(true)
    }
    const t = (s: string) => Schema.decodeSync(IsoDate.IsoDateTime)(s)
    expect(IsoDate.dateOf(t("2026-03-01T18:00:00Z"))).toBe("2026-03-02")
    expect(IsoDate.dateOf(t("2026-03-01T15:59:59Z"))).toBe("2026-03-01")
    expect(IsoDate.dateOf(t("2026-03-01T16:00:00Z"))).toBe("2026-03-02")
    expect(IsoDate.dateOf(t("2026-01-01T07:00:00+08:00"), Schema.decodeSync(IsoDate.UtcOffset)("Z"))).toBe("2025-12-31")
    expect(IsoDate.dateOf(t("2026-12-31T20:00:00-05:00"))).toBe("2027-01-01")
    expect(IsoDate.dateOf(t("2026-12-31T20:00:00-05:00"), Schema.decodeSync(IsoDate.UtcOffset)("-05:00"))).toBe(
      "2026-12-31"
    )
  })

  it("dateOf agrees with Date (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (when, offsetMinutes) => {
          const instant = Schema.decodeSync(IsoDate.IsoDateTime)(when.toISOString())
          const sign = offsetMinutes < 0 ? "-" : "+"
          const abs = Math.abs(offsetMinutes)
          const offset = Schema.decodeSync(IsoDate.UtcOffset)(
            `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`
          )
          const expected = new Date(when.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10)
          expect(IsoDate.dateOf(instant, offset)).toBe(expected)
        }
      )
    )
  })
})
