import { describe, expect, it } from "@effect/vitest"
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { IsoDate, Supervision } from "@gsyf/core"
import { Either } from "effect"

const d = IsoDate.unsafeFromString
const calendar = ChinaHolidays.calendar

describe("Supervision.months and dueOn", () => {
  it("runs from the month after signing to the month the period ends", () => {
    expect(Supervision.months(d("2026-04-20"), d("2026-10-20"))).toEqual([
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10"
    ])
    expect(Supervision.months(d("2026-11-30"), d("2027-02-28"))).toEqual(["2026-12", "2027-01", "2027-02"])
    expect(Supervision.months(d("2026-04-20"), d("2026-04-30"))).toEqual([])
  })

  it("moves a due day past weekends and holidays when the calendar knows the year", () => {
    expect(Supervision.dueOn("2026-06", 5, calendar)).toEqual(Either.right("2026-06-05")) // a Friday
    expect(Supervision.dueOn("2026-07", 5, calendar)).toEqual(Either.right("2026-07-06")) // Sunday → Monday
    expect(Supervision.dueOn("2026-09", 5, calendar)).toEqual(Either.right("2026-09-07")) // Saturday → Monday
    expect(Supervision.dueOn("2026-05", 5, calendar)).toEqual(Either.right("2026-05-06")) // Labour Day holiday to 5 May
    expect(Supervision.dueOn("2026-10", 5, calendar)).toEqual(Either.right("2026-10-08")) // National Day holiday
    expect(Supervision.dueOn("2026-07", 5, undefined)).toEqual(Either.right("2026-07-05"))
    // a year the calendar does not cover is an error, not the day as written
    expect(Either.getLeft(Supervision.dueOn("2031-06", 1, calendar)).pipe((l) => l._tag === "Some" && l.value.year))
      .toBe(2031)
  })
})

describe("Supervision.status", () => {
  const base = { signedOn: d("2026-04-20"), periodEnd: d("2026-10-20"), dueDay: 5, calendar }

  it("tells on-time, late, missing and pending months apart", () => {
    const submitted = new Map([
      ["2026-05", d("2026-05-06")], // due 6 May after the holiday: on time
      ["2026-06", d("2026-06-08")], // due 5 June: late
      ["2026-07", d("2026-07-06")] // due Monday 6 July: on time
    ])
    const status = Either.getOrThrow(Supervision.status({ ...base, submitted, asOf: d("2026-09-07") }))
    expect(status.map((m) => [m.month, m.dueOn, m.status, m.submittedOn])).toEqual([
      ["2026-05", "2026-05-06", "on-time", "2026-05-06"],
      ["2026-06", "2026-06-05", "late", "2026-06-08"],
      ["2026-07", "2026-07-06", "on-time", "2026-07-06"],
      ["2026-08", "2026-08-05", "missing", undefined],
      ["2026-09", "2026-09-07", "pending", undefined], // due today: not missing yet
      ["2026-10", "2026-10-08", "pending", undefined]
    ])
    const nextDay = Either.getOrThrow(Supervision.status({ ...base, submitted, asOf: d("2026-09-08") }))
    expect(nextDay[4]!.status).toBe("missing")
  })

  it("without a calendar counts the written day", () => {
    const status = Either.getOrThrow(Supervision.status({
      signedOn: base.signedOn,
      periodEnd: base.periodEnd,
      dueDay: 5,
      submitted: new Map([["2026-07", d("2026-07-06")]]),
      asOf: d("2026-07-31")
    }))
    expect(status[2]).toMatchObject({ month: "2026-07", dueOn: "2026-07-05", status: "late" })
  })
})
