// Every calendar consumer answers CalendarYearNotCovered for a year the calendar lacks: no silent fallback to
// the day as written or to plain day arithmetic.
import { describe, expect, it } from "@effect/vitest"
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Calendar, IsoDate, Lifecycle, type Plugin, Supervision } from "@gsyf/core"
import { Either } from "effect"
import { fullLifecycle, runCommands, seedConfig } from "./fixtures/seed.js"

const d = IsoDate.unsafeFromString
const calendar = ChinaHolidays.calendar // 2015–2026
/** The same calendar without 2026, the year of the seed lifecycle. */
const without2026 = Either.getOrThrow(Calendar.make(ChinaHolidays.years.filter((y) => y.year !== 2026)))

const notCovered = (result: Either.Either<unknown, unknown>, year: number) => {
  expect(Either.isLeft(result)).toBe(true)
  const left = Either.isLeft(result) ? (result.left as { readonly _tag?: string; readonly year?: number }) : {}
  expect(left._tag).toBe("CalendarYearNotCovered")
  expect(left.year).toBe(year)
}

describe("calendar consumers in a year the calendar does not cover", () => {
  it("the calendar's own functions", () => {
    notCovered(calendar.dayKind(d("2027-01-02")), 2027)
    notCovered(calendar.isWorkingDay(d("2027-01-02")), 2027)
    notCovered(calendar.addWorkingDays(d("2027-01-04"), 3), 2027)
    notCovered(calendar.workingDaysBetween(d("2026-12-01"), d("2027-01-10")), 2027)
    notCovered(calendar.periodEnd(d("2026-12-20"), 30, "calendar-days"), 2027)
    notCovered(calendar.periodEnd(d("2027-01-04"), 5, "working-days"), 2027)
    notCovered(calendar.deadline(d("2026-12-20"), 30, "calendar-days"), 2027)
    notCovered(calendar.deadline(d("2027-01-04"), 5, "working-days"), 2027)
  })

  it("Supervision.dueOn: 2 January 2027 (a Saturday) is not taken for the due day", () => {
    notCovered(Supervision.dueOn("2027-01", 2, calendar), 2027)
    // a covered year still rolls over: Saturday 5 September 2026 → Monday 7 September
    expect(Supervision.dueOn("2026-09", 5, calendar)).toEqual(Either.right("2026-09-07"))
  })

  it("Supervision.status and Lifecycle.briefingStatus of a contract running into 2027", () => {
    notCovered(
      Supervision.status({
        signedOn: d("2026-10-20"),
        periodEnd: d("2027-03-31"),
        dueDay: 5,
        submitted: new Map(),
        asOf: d("2026-12-01"),
        calendar
      }),
      2027
    )
    const { config, state } = runCommands(fullLifecycle())
    const contract = state.subProjects.keyAreas.contract!
    const into2027: Lifecycle.State = {
      ...state,
      subProjects: {
        ...state.subProjects,
        keyAreas: { ...state.subProjects.keyAreas, contract: { ...contract, periodEnd: d("2027-02-28") } }
      }
    }
    notCovered(Lifecycle.briefingStatus(config, into2027, "keyAreas", d("2026-12-01")), 2027)
    expect(Either.isRight(Lifecycle.briefingStatus(config, state, "keyAreas", d("2026-12-01")))).toBe(true)
  })

  it("every command of the seed lifecycle, decided with a calendar without 2026: the same events or calendar.covered", () => {
    const full = seedConfig()
    const narrow: Plugin.Config = { ...full, calendar: without2026 }
    const handleFull = Lifecycle.handle(full)
    const handleNarrow = Lifecycle.handle(narrow)
    let state = Lifecycle.initialState
    const refused = new Set<string>()
    for (const raw of fullLifecycle()) {
      const expected = Either.getOrThrow(handleFull(raw, state))
      const got = handleNarrow(raw, state)
      if (Either.isLeft(got)) {
        // Only the calendar may make the difference, and it says so.
        expect(got.left._tag).toBe("RuleViolation")
        expect(Lifecycle.ruleIdsOf(got.left)).toEqual(["calendar.covered"])
        expect(got.left.message).toContain("2026")
        refused.add(String((raw as { readonly _tag: string })._tag))
      } else {
        // A command that does not consult the calendar decides alike: nothing computed from a guessed day.
        expect(got.right).toEqual(expected)
      }
      for (const e of expected) state = Lifecycle.evolve(state, e)
    }
    // The consumers: the publicity period, the sign-by deadline of an award, the briefings' due days and the
    // acceptance deadlines.
    expect([...refused].sort()).toEqual(
      expect.arrayContaining(["Award", "StartPublicity", "SubmitMonthlyBriefing"])
    )
    expect([...refused].some((t) => /Accept/.test(t))).toBe(true)
  })
})
