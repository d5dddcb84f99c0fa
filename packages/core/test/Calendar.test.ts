import { describe, expect, it } from "@effect/vitest"
import { Calendar, IsoDate } from "@gsyf/core"
import { Effect, Either, Schema } from "effect"
import * as fc from "fast-check"

const d = IsoDate.unsafeFromString
const span = (from: string, to: string): [string, ...Array<string>] => {
  const out: [string, ...Array<string>] = [from]
  for (let x = d(from); x < to;) {
    x = IsoDate.addDays(x, 1)
    out.push(x)
  }
  return out
}

// 2025 and 2026 exactly as in regulations.md §5 (the full data lives in @gsyf/calendar-cn).
const fixture: ReadonlyArray<Calendar.HolidayYearEncoded> = [
  {
    year: 2025,
    source: {
      title: "国务院办公厅关于2025年部分节假日安排的通知",
      number: "国办发明电〔2024〕12号",
      issued: "2024-11-12"
    },
    holidays: [
      { name: "元旦", nameEn: "New Year's Day", dates: ["2025-01-01"] },
      { name: "春节", nameEn: "Spring Festival", dates: span("2025-01-28", "2025-02-04") },
      { name: "清明节", nameEn: "Qingming Festival", dates: span("2025-04-04", "2025-04-06") },
      { name: "劳动节", nameEn: "Labour Day", dates: span("2025-05-01", "2025-05-05") },
      { name: "端午节", nameEn: "Dragon Boat Festival", dates: span("2025-05-31", "2025-06-02") },
      {
        name: "国庆节、中秋节",
        nameEn: "National Day and Mid-Autumn Festival",
        dates: span("2025-10-01", "2025-10-08")
      }
    ],
    makeupWorkdays: [
      { date: "2025-01-26", holiday: "春节" },
      { date: "2025-02-08", holiday: "春节" },
      { date: "2025-04-27", holiday: "劳动节" },
      { date: "2025-09-28", holiday: "国庆节、中秋节" },
      { date: "2025-10-11", holiday: "国庆节、中秋节" }
    ]
  },
  {
    year: 2026,
    source: { title: "国务院办公厅关于2026年部分节假日安排的通知", issued: "2025-11-04" },
    holidays: [
      { name: "元旦", nameEn: "New Year's Day", dates: span("2026-01-01", "2026-01-03") },
      { name: "春节", nameEn: "Spring Festival", dates: span("2026-02-15", "2026-02-23") },
      { name: "清明节", nameEn: "Qingming Festival", dates: span("2026-04-04", "2026-04-06") },
      { name: "劳动节", nameEn: "Labour Day", dates: span("2026-05-01", "2026-05-05") },
      { name: "端午节", nameEn: "Dragon Boat Festival", dates: span("2026-06-19", "2026-06-21") },
      { name: "中秋节", nameEn: "Mid-Autumn Festival", dates: span("2026-09-25", "2026-09-27") },
      { name: "国庆节", nameEn: "National Day", dates: span("2026-10-01", "2026-10-07") }
    ],
    makeupWorkdays: [
      { date: "2026-01-04", holiday: "元旦" },
      { date: "2026-02-14", holiday: "春节" },
      { date: "2026-02-28", holiday: "春节" },
      { date: "2026-05-09", holiday: "劳动节" },
      { date: "2026-09-20", holiday: "国庆节" },
      { date: "2026-10-10", holiday: "国庆节" }
    ]
  }
]

const years = Schema.decodeUnknownSync(Schema.Array(Calendar.HolidayYear))(fixture)
const cal = Either.getOrThrow(Calendar.make(years))
const ok = <A, E>(e: Either.Either<A, E>): A => Either.getOrThrowWith(e, (err) => new Error(String(err)))

const FIRST = IsoDate.toDayNumber(d("2025-01-01"))
const LAST = IsoDate.toDayNumber(d("2026-12-31"))
const arbCovered = fc.integer({ min: FIRST, max: LAST }).map(IsoDate.fromDayNumber)

describe("Calendar", () => {
  it("classifies days", () => {
    expect(ok(cal.dayKind(d("2026-02-14")))).toEqual({
      kind: "makeup-workday",
      holiday: "春节",
      holidayEn: "Spring Festival"
    })
    expect(ok(cal.dayKind(d("2026-02-16")))).toEqual({ kind: "holiday", holiday: "春节", holidayEn: "Spring Festival" })
    expect(ok(cal.dayKind(d("2026-03-02")))).toEqual({ kind: "workday" })
    expect(ok(cal.dayKind(d("2026-03-01")))).toEqual({ kind: "weekend" })
    for (const x of span("2026-10-01", "2026-10-07")) expect(ok(cal.dayKind(d(x))).kind).toBe("holiday")
    for (const x of span("2025-10-01", "2025-10-08")) expect(ok(cal.dayKind(d(x))).holiday).toBe("国庆节、中秋节")
    expect(ok(cal.dayKind(d("2025-01-26"))).kind).toBe("makeup-workday")
    expect(ok(cal.isWorkingDay(d("2025-01-26")))).toBe(true)
    expect(ok(cal.isWorkingDay(d("2026-10-08")))).toBe(true)
    expect(ok(cal.isWorkingDay(d("2026-10-11")))).toBe(false)
    expect(cal.years).toEqual([2025, 2026])
    expect(cal.covers(d("2026-06-01"))).toBe(true)
    expect(cal.covers(d("2027-01-04"))).toBe(false)
  })

  it("refuses to guess about a year without data", () => {
    const result = cal.dayKind(d("2027-01-04"))
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left).toBeInstanceOf(Calendar.CalendarYearNotCovered)
      expect(result.left._tag).toBe("CalendarYearNotCovered")
      expect(result.left.year).toBe(2027)
      expect(result.left.covered).toEqual([2025, 2026])
      expect(result.left.zh).toContain("2027年")
      expect(result.left.en).toContain("2027")
      expect(result.left.message).toContain("2025–2026")
    }
    const walk = cal.addWorkingDays(d("2026-12-28"), 5)
    expect(Either.isLeft(walk) && walk.left._tag === "CalendarYearNotCovered" && walk.left.year).toBe(2027)
    const back = cal.addWorkingDays(d("2025-01-03"), -5)
    expect(Either.isLeft(back) && back.left._tag === "CalendarYearNotCovered" && back.left.year).toBe(2024)
    const between = cal.workingDaysBetween(d("2026-06-01"), d("2027-02-01"))
    expect(Either.isLeft(between) && between.left.year).toBe(2027)
    // a period ending on 2026-12-31 (Thursday) is fine; one ending in 2027 is not.
    expect(ok(cal.periodEnd(d("2026-12-21"), 10, "calendar-days"))).toBe("2026-12-31")
    expect(Either.isLeft(cal.periodEnd(d("2026-12-25"), 10, "calendar-days"))).toBe(true)
  })

  it("counts working days with the start day excluded, skipping a whole holiday", () => {
    // A 5-working-day publicity starting 2026-09-29 (Tue): 9/30, [10/1–10/7 off], 10/8, 10/9, 10/10 (make-up Sat),
    // 10/12.
    expect(ok(cal.addWorkingDays(d("2026-09-29"), 5))).toBe("2026-10-12")
    expect(ok(cal.periodEnd(d("2026-09-29"), 5, "working-days"))).toBe("2026-10-12")
    expect(ok(cal.workingDaysBetween(d("2026-09-29"), d("2026-10-12")))).toBe(5)
    expect(ok(cal.addWorkingDays(d("2026-09-30"), 1))).toBe("2026-10-08")
    expect(ok(cal.addWorkingDays(d("2026-10-08"), -1))).toBe("2026-09-30")
    expect(ok(cal.addWorkingDays(d("2026-10-04"), 0))).toBe("2026-10-04")
    expect(ok(cal.addWorkingDays(d("2026-02-13"), 1))).toBe("2026-02-14")
    expect(ok(cal.workingDaysBetween(d("2026-10-12"), d("2026-09-29")))).toBe(-5)
    expect(ok(cal.workingDaysBetween(d("2026-03-02"), d("2026-03-02")))).toBe(0)
    const bad = cal.addWorkingDays(d("2026-03-02"), 1.5)
    expect(Either.isLeft(bad) && bad.left._tag).toBe("InvalidInput")
  })

  it("rolls a calendar-day period ending on a rest day to the next working day (民法典 第203条)", () => {
    // 2026-03-12 + 10 days = 2026-03-22, a Sunday → Monday 2026-03-23.
    const sunday = ok(cal.deadline(d("2026-03-12"), 10, "calendar-days"))
    expect(sunday.rawEnd).toBe("2026-03-22")
    expect(sunday.rawEndKind.kind).toBe("weekend")
    expect(sunday.end).toBe("2026-03-23")
    expect(sunday.moved).toBe(true)
    expect(sunday.movedBy).toBe(1)
    expect(sunday.reason?.zh).toContain("休息日")
    expect(sunday.basis.zh).toContain("第二百零三条")
    // 2026-09-21 + 10 = 2026-10-01, 国庆节 → first working day after it, 2026-10-08.
    const holiday = ok(cal.deadline(d("2026-09-21"), 10, "calendar-days"))
    expect(holiday.rawEnd).toBe("2026-10-01")
    expect(holiday.end).toBe("2026-10-08")
    expect(holiday.reason?.zh).toContain("国庆节")
    expect(holiday.reason?.en).toContain("National Day")
    // Ending on a make-up Saturday: a working day, no move.
    const makeup = ok(cal.deadline(d("2026-02-04"), 10, "calendar-days"))
    expect(makeup.end).toBe("2026-02-14")
    expect(makeup.moved).toBe(false)
    expect(makeup.reason).toBeUndefined()
    // Ending on a weekday.
    expect(ok(cal.periodEnd(d("2026-03-02"), 10, "calendar-days"))).toBe("2026-03-12")
    // 2026-10-03 is inside the holiday; 10/4 a holiday Sunday: both go to 10/8.
    expect(ok(cal.periodEnd(d("2026-09-23"), 10, "calendar-days"))).toBe("2026-10-08")
  })

  it("lets the roll-over rule be only statutory holidays", () => {
    const strict = Either.getOrThrow(Calendar.make(years, { rollover: "statutory-holidays-only" }))
    expect(strict.rollover).toBe("statutory-holidays-only")
    expect(ok(strict.periodEnd(d("2026-03-12"), 10, "calendar-days"))).toBe("2026-03-22")
    expect(ok(strict.periodEnd(d("2026-09-21"), 10, "calendar-days"))).toBe("2026-10-08")
    // 2026-01-03 (Sat, 元旦) → 2026-01-04, the make-up Sunday.
    expect(ok(strict.periodEnd(d("2025-12-24"), 10, "calendar-days"))).toBe("2026-01-04")
    // and per call:
    expect(ok(cal.periodEnd(d("2026-03-12"), 10, "calendar-days", { rollover: "statutory-holidays-only" }))).toBe(
      "2026-03-22"
    )
    const neg = cal.periodEnd(d("2026-03-12"), -1, "calendar-days")
    expect(Either.isLeft(neg) && neg.left._tag).toBe("InvalidInput")
  })

  it("deadline is a Schema value that round-trips", () => {
    const x = ok(cal.deadline(d("2026-09-21"), 10, "calendar-days"))
    const encoded = Schema.encodeSync(Calendar.Deadline)(x)
    expect(Schema.decodeUnknownSync(Calendar.Deadline)(JSON.parse(JSON.stringify(encoded)))).toEqual(x)
  })

  it("validates holiday data", () => {
    const base = fixture[1]!
    const weekdayMakeup = { ...base, makeupWorkdays: [{ date: "2026-03-02" }] }
    const farDate = { ...base, holidays: [{ name: "x", nameEn: "x", dates: ["2028-01-01"] }] }
    const both = { ...base, makeupWorkdays: [{ date: "2026-02-15" }] }
    const badDate = { ...base, holidays: [{ name: "x", nameEn: "x", dates: ["2026-02-30"] }] }
    for (const input of [weekdayMakeup, farDate, both, badDate]) {
      const r = Calendar.decodeHolidayYear(input)
      expect(Either.isLeft(r)).toBe(true)
      if (Either.isLeft(r)) expect(r.left.issues[0]!.zh.length).toBeGreaterThan(0)
    }
    const r = Calendar.decodeHolidayYear(weekdayMakeup)
    expect(Either.isLeft(r) && r.left.issues[0]!.zh).toContain("星期六或星期日")
    expect(Either.isRight(Calendar.decodeHolidayYear(base))).toBe(true)
  })

  it("extends with more years, refusing conflicting duplicates unless replacing", () => {
    const only2025 = Either.getOrThrow(Calendar.make([years[0]!]))
    expect(Either.isLeft(only2025.dayKind(d("2026-02-14")))).toBe(true)
    const both = Either.getOrThrow(Calendar.extend(only2025, [years[1]!]))
    expect(ok(both.dayKind(d("2026-02-14"))).kind).toBe("makeup-workday")
    // identical again: fine
    expect(Either.isRight(Calendar.extend(both, [years[1]!]))).toBe(true)
    expect(Either.isRight(Calendar.make([years[1]!, years[1]!]))).toBe(true)
    // different content for 2026: a conflict unless replacing
    const changed: Calendar.HolidayYear = { ...years[1]!, makeupWorkdays: years[1]!.makeupWorkdays.slice(1) }
    const conflict = Calendar.extend(both, [changed])
    expect(Either.isLeft(conflict) && conflict.left._tag).toBe("CalendarConflict")
    if (Either.isLeft(conflict) && conflict.left._tag === "CalendarConflict") {
      expect(conflict.left.year).toBe(2026)
      expect(conflict.left.message).toContain("replace")
    }
    expect(Either.isLeft(Calendar.make([years[1]!, changed]))).toBe(true)
    const replaced = Either.getOrThrow(Calendar.extend(both, [changed], { replace: true }))
    expect(ok(replaced.dayKind(d("2026-01-04"))).kind).toBe("weekend")
    expect(replaced.data.find((y) => y.year === 2026)).toEqual(changed)
    // two years disagreeing about one date
    const clash: Calendar.HolidayYear = {
      ...years[0]!,
      year: 2025,
      holidays: [...years[0]!.holidays, { name: "x", nameEn: "x", dates: [d("2026-01-04")] }]
    }
    const r = Calendar.make([clash, years[1]!])
    expect(Either.isLeft(r) && r.left._tag === "CalendarConflict" && r.left.date).toBe("2026-01-04")
  })

  it.effect("is provided as a service through a layer", () =>
    Effect.gen(function*() {
      const c = yield* Calendar.Calendar
      expect(c.years).toEqual([2025, 2026])
      expect(Either.getOrThrow(c.addWorkingDays(d("2026-09-29"), 5))).toBe("2026-10-12")
    }).pipe(Effect.provide(Calendar.layer(years))))

  it("addWorkingDays lands on a working day and agrees with workingDaysBetween (property)", () => {
    fc.assert(
      fc.property(arbCovered, fc.integer({ min: -400, max: 400 }), (start, n) => {
        const r = cal.addWorkingDays(start, n)
        if (Either.isLeft(r)) {
          expect(r.left._tag).toBe("CalendarYearNotCovered")
          if (r.left._tag === "CalendarYearNotCovered") expect([2024, 2027]).toContain(r.left.year)
          return
        }
        const end = r.right
        if (n !== 0) expect(ok(cal.isWorkingDay(end))).toBe(true)
        expect(ok(cal.workingDaysBetween(start, end))).toBe(n)
        expect(Math.sign(IsoDate.diffDays(start, end))).toBe(Math.sign(n))
      }),
      { numRuns: 500 }
    )
  })

  it("workingDaysBetween matches a day-by-day count (property)", () => {
    fc.assert(
      fc.property(arbCovered, arbCovered, (a, b) => {
        let count = 0
        if (a < b) {
          for (let x = IsoDate.addDays(a, 1); x <= b; x = IsoDate.addDays(x, 1)) {
            count += ok(cal.isWorkingDay(x))
              ? 1
              : 0
          }
        } else for (let x = b; x < a; x = IsoDate.addDays(x, 1)) count -= ok(cal.isWorkingDay(x)) ? 1 : 0
        expect(ok(cal.workingDaysBetween(a, b))).toBe(count)
      }),
      { numRuns: 200 }
    )
  })

  it("periodEnd never ends on a rest day and only skips rest days (property)", () => {
    fc.assert(
      fc.property(arbCovered, fc.integer({ min: 0, max: 60 }), (start, length) => {
        const r = cal.deadline(start, length, "calendar-days")
        if (Either.isLeft(r)) return
        const x = r.right
        expect(x.rawEnd).toBe(IsoDate.addDays(start, length))
        expect(ok(cal.isWorkingDay(x.end))).toBe(true)
        for (let y = x.rawEnd; y < x.end; y = IsoDate.addDays(y, 1)) expect(ok(cal.isWorkingDay(y))).toBe(false)
      }),
      { numRuns: 300 }
    )
  })
})
