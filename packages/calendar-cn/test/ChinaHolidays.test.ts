import { describe, expect, it } from "@effect/vitest"
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Calendar, IsoDate } from "@gsyf/core"
import { Effect, Either, Schema } from "effect"
import * as fc from "fast-check"

const d = IsoDate.unsafeFromString
const cal = ChinaHolidays.calendar
const ok = <A, E>(e: Either.Either<A, E>): A => Either.getOrThrowWith(e, (err) => new Error(String(err)))
const kind = (s: string) => ok(cal.dayKind(d(s))).kind
const each = (from: string, to: string): Array<IsoDate.IsoDate> => {
  const out: Array<IsoDate.IsoDate> = []
  for (let x = d(from); x <= to; x = IsoDate.addDays(x, 1)) out.push(x)
  return out
}
const byYear = new Map(ChinaHolidays.years.map((y) => [y.year, y]))
const holidayDates = (y: Calendar.HolidayYear) => y.holidays.flatMap((h) => h.dates)

/**
 * Holiday days that fall Monday–Friday minus make-up working days = the statutory
 * days a notice grants: 11 under the 2013 rules, 13 from 2025; 2015 adds the one-off
 * 9月3日; 2020 adds the two days of the COVID-19 extension of 春节 (1/31 off, 2/1 not worked).
 */
const expectedNetDaysOff: Record<number, number> = {
  2015: 12,
  2016: 11,
  2017: 11,
  2018: 11,
  2019: 11,
  2020: 13,
  2021: 11,
  2022: 11,
  2023: 11,
  2024: 11,
  2025: 13,
  2026: 13
}

describe("ChinaHolidays data", () => {
  it("decodes with the HolidayYear schema and covers every year 2015–2026", () => {
    const decoded = Schema.decodeUnknownEither(Schema.Array(Calendar.HolidayYear), {
      errors: "all",
      onExcessProperty: "error"
    })(
      ChinaHolidays.data
    )
    expect(Either.isRight(decoded)).toBe(true)
    expect(ChinaHolidays.years.map((y) => y.year)).toEqual([
      2015,
      2016,
      2017,
      2018,
      2019,
      2020,
      2021,
      2022,
      2023,
      2024,
      2025,
      2026
    ])
    expect(cal.years).toEqual(ChinaHolidays.years.map((y) => y.year))
  })

  it("cites each year's notice, issued before the year begins", () => {
    for (const y of ChinaHolidays.years) {
      expect(y.source.title).toBe(`国务院办公厅关于${y.year}年部分节假日安排的通知`)
      expect(y.source.issued < `${y.year}-01-01`).toBe(true)
      expect(y.source.issued > `${y.year - 2}-10-01`).toBe(true)
      if (y.source.number !== undefined) {
        expect(y.source.number).toMatch(new RegExp(`^国办发明电〔${y.year - 1}〕\\d+号$`))
      }
    }
    expect(byYear.get(2025)!.source.number).toBe("国办发明电〔2024〕12号")
    expect(byYear.get(2025)!.source.issued).toBe("2024-11-12")
    expect(byYear.get(2026)!.source.issued).toBe("2025-11-04")
    expect(byYear.get(2026)!.source.number).toBeUndefined()
  })

  it("has plausible totals every year", () => {
    for (const y of ChinaHolidays.years) {
      const holidays = holidayDates(y)
      const makeups = y.makeupWorkdays.map((m) => m.date)
      // make-up days are Saturdays or Sundays, and never holidays
      for (const m of makeups) expect([6, 7], `${y.year} ${m}`).toContain(IsoDate.dayOfWeek(m))
      for (const m of makeups) expect(holidays, `${y.year} ${m}`).not.toContain(m)
      expect(new Set(holidays).size).toBe(holidays.length)
      // every holiday named after the notice's items, with at least one day
      expect(y.holidays.length).toBeGreaterThanOrEqual(6)
      for (const h of y.holidays) expect(h.dates.length).toBeGreaterThan(0)
      // make-up days name a holiday of the same notice
      const names = new Set(y.holidays.map((h) => h.name))
      for (const m of y.makeupWorkdays) expect(names.has(m.holiday ?? "")).toBe(true)
      // weekday days off minus make-up days = statutory days
      const weekdayOff = holidays.filter((x) => IsoDate.dayOfWeek(x) <= 5).length
      expect(weekdayOff - makeups.length, String(y.year)).toBe(expectedNetDaysOff[y.year])
      // 春节 always gives 7–9 consecutive days off, 国庆 7–8
      const spring = y.holidays.find((h) => h.name === "春节")!
      expect(spring.dates.length).toBeGreaterThanOrEqual(7)
      expect(spring.dates.length).toBeLessThanOrEqual(10)
    }
  })

  it("gives every calendar year 2015–2026 between 240 and 252 working days", () => {
    for (let year = 2015; year <= 2026; year++) {
      const n = ok(cal.workingDaysBetween(d(`${year - 1}-12-31`), d(`${year}-12-31`)))
      expect(n, String(year)).toBeGreaterThanOrEqual(240)
      expect(n, String(year)).toBeLessThanOrEqual(252)
    }
  })

  it("never has more than 7 working days in a row, nor more than 9 days off in a row", () => {
    let work = 0
    let off = 0
    let maxWork = 0
    let maxOff = 0
    for (const x of each("2015-01-01", "2026-12-31")) {
      if (ok(cal.isWorkingDay(x))) {
        work++
        off = 0
      } else {
        off++
        work = 0
      }
      maxWork = Math.max(maxWork, work)
      maxOff = Math.max(maxOff, off)
    }
    expect(maxWork).toBeLessThanOrEqual(7)
    expect(maxOff).toBeLessThanOrEqual(10) // 2020 春节 with the COVID-19 extension: 1/24–2/2
  })

  it("matches regulations.md §5 for 2025 exactly", () => {
    const y = byYear.get(2025)!
    expect(holidayDates(y)).toEqual([
      "2025-01-01",
      ...each("2025-01-28", "2025-02-04"),
      ...each("2025-04-04", "2025-04-06"),
      ...each("2025-05-01", "2025-05-05"),
      ...each("2025-05-31", "2025-06-02"),
      ...each("2025-10-01", "2025-10-08")
    ])
    expect(y.makeupWorkdays.map((m) => m.date)).toEqual([
      "2025-01-26",
      "2025-02-08",
      "2025-04-27",
      "2025-09-28",
      "2025-10-11"
    ])
    expect(kind("2025-01-26")).toBe("makeup-workday")
    for (const x of each("2025-10-01", "2025-10-08")) expect(kind(x)).toBe("holiday")
    expect(y.note).toContain("13天")
  })

  it("matches regulations.md §5 for 2026 exactly", () => {
    const y = byYear.get(2026)!
    expect(holidayDates(y)).toEqual([
      ...each("2026-01-01", "2026-01-03"),
      ...each("2026-02-15", "2026-02-23"),
      ...each("2026-04-04", "2026-04-06"),
      ...each("2026-05-01", "2026-05-05"),
      ...each("2026-06-19", "2026-06-21"),
      ...each("2026-09-25", "2026-09-27"),
      ...each("2026-10-01", "2026-10-07")
    ])
    expect(y.makeupWorkdays.map((m) => m.date)).toEqual([
      "2026-01-04",
      "2026-02-14",
      "2026-02-28",
      "2026-05-09",
      "2026-09-20",
      "2026-10-10"
    ])
    expect(ok(cal.dayKind(d("2026-02-14")))).toEqual({
      kind: "makeup-workday",
      holiday: "春节",
      holidayEn: "Spring Festival"
    })
    expect(IsoDate.dayOfWeek(d("2026-02-14"))).toBe(6)
    for (const x of each("2026-10-01", "2026-10-07")) expect(ok(cal.dayKind(x)).holiday).toBe("国庆节")
  })

  it("handles the special years", () => {
    // 2015: one-off holiday for the 70th anniversary, 9/6 (Sunday) worked
    for (const x of ["2015-09-03", "2015-09-04", "2015-09-05"]) {
      expect(ok(cal.dayKind(d(x))).holiday).toBe("中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日")
    }
    expect(kind("2015-09-06")).toBe("makeup-workday")
    expect(byYear.get(2015)!.amendments![0]!.number).toBe("国发明电〔2015〕1号")
    // 2019 元旦 reaches back into 2018; 劳动节 amended to four days
    expect(kind("2018-12-29")).toBe("makeup-workday")
    expect(ok(cal.dayKind(d("2018-12-31")))).toMatchObject({ kind: "holiday", holiday: "元旦" })
    expect(kind("2019-05-04")).toBe("holiday")
    expect(kind("2019-05-05")).toBe("makeup-workday")
    // 2020 春节 extended to 2/2: 1/31 off, 2/1 (Saturday) no longer worked
    expect(kind("2020-01-31")).toBe("holiday")
    expect(kind("2020-02-01")).toBe("holiday")
    expect(kind("2020-02-03")).toBe("workday")
    // 2023 元旦 starts on 2022-12-31
    expect(kind("2022-12-31")).toBe("holiday")
    // 2024 除夕 (2/9) is not a day off
    expect(kind("2024-02-09")).toBe("workday")
  })

  it("refuses 2027 and 2014 with a typed error", () => {
    for (const [date, year] of [["2027-01-04", 2027], ["2014-12-31", 2014]] as const) {
      const r = cal.dayKind(d(date))
      expect(Either.isLeft(r)).toBe(true)
      if (Either.isLeft(r)) {
        expect(r.left).toBeInstanceOf(Calendar.CalendarYearNotCovered)
        expect(r.left.year).toBe(year)
        expect(r.left.zh).toContain("2015–2026")
      }
    }
    const r = cal.periodEnd(d("2026-12-28"), 5, "working-days")
    expect(Either.isLeft(r) && r.left._tag).toBe("CalendarYearNotCovered")
  })

  it("skips the whole 国庆 holiday in a 5-working-day publicity", () => {
    const x = ok(cal.deadline(d("2026-09-29"), 5, "working-days"))
    expect(x.end).toBe("2026-10-12")
    expect(x.moved).toBe(false)
    expect(ok(cal.periodEnd(d("2026-09-30"), 5, "working-days"))).toBe("2026-10-13")
  })

  it("rolls a 10-calendar-day period ending on a Sunday or a holiday to the next working day", () => {
    expect(ok(cal.periodEnd(d("2026-03-12"), 10, "calendar-days"))).toBe("2026-03-23")
    expect(ok(cal.periodEnd(d("2026-09-21"), 10, "calendar-days"))).toBe("2026-10-08")
    expect(ok(cal.periodEnd(d("2026-02-05"), 10, "calendar-days"))).toBe("2026-02-24")
    const strict = ChinaHolidays.calendarWith({ rollover: "statutory-holidays-only" })
    expect(ok(strict.periodEnd(d("2026-03-12"), 10, "calendar-days"))).toBe("2026-03-22")
    expect(ok(strict.periodEnd(d("2026-02-05"), 10, "calendar-days"))).toBe("2026-02-24")
  })

  it.effect("provides the calendar as a layer", () =>
    Effect.gen(function*() {
      const c = yield* Calendar.Calendar
      expect(c.years.length).toBe(12)
    }).pipe(Effect.provide(ChinaHolidays.layer)))

  it("a host can add next year's notice", () => {
    const next = Calendar.decodeHolidayYear({
      year: 2027,
      source: { title: "国务院办公厅关于2027年部分节假日安排的通知", issued: "2026-11-01" },
      holidays: [{ name: "元旦", nameEn: "New Year's Day", dates: ["2027-01-01"] }],
      makeupWorkdays: []
    })
    const extended = Either.getOrThrow(Calendar.extend(cal, [Either.getOrThrow(next)]))
    expect(ok(extended.dayKind(d("2027-01-01"))).kind).toBe("holiday")
    expect(ok(extended.addWorkingDays(d("2026-12-28"), 5))).toBe("2027-01-05")
  })

  it("addWorkingDays is a working day and agrees with workingDaysBetween over 2015–2026 (property)", () => {
    const first = IsoDate.toDayNumber(d("2015-01-01"))
    const last = IsoDate.toDayNumber(d("2026-12-31"))
    fc.assert(
      fc.property(
        fc.integer({ min: first, max: last }).map(IsoDate.fromDayNumber),
        fc.integer({ min: -60, max: 60 }),
        (start, n) => {
          const r = cal.addWorkingDays(start, n)
          if (Either.isLeft(r)) {
            expect(r.left._tag).toBe("CalendarYearNotCovered")
            return
          }
          if (n !== 0) expect(ok(cal.isWorkingDay(r.right))).toBe(true)
          expect(ok(cal.workingDaysBetween(start, r.right))).toBe(n)
        }
      ),
      { numRuns: 1000 }
    )
  })
})
