/**
 * Process supervision (实施方案 三(八)): the provider's monthly plan and
 * progress briefing is due by a set day of each month; missing and late months
 * can be read at any date.
 *
 * The briefing for month M (its plan for M and its progress so far) is due on
 * day `supervision.briefingDueDay` of M. Months run from the month after the
 * contract is signed to the month in which the contract period ends. A due
 * day that is a rest day moves to the next working day (民法典 第二百零三条).
 * A calendar that does not cover the year answers `CalendarYearNotCovered`:
 * the day as written is never taken for a working day.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import type * as Calendar from "../../kernel/Calendar.js"
import * as IsoDate from "../../kernel/IsoDate.js"

/**
 * The state of one month's briefing.
 *
 * @since 0.1.0
 * @category models
 */
export interface MonthStatus {
  readonly month: string
  readonly dueOn: IsoDate.IsoDate
  readonly status: "on-time" | "late" | "missing" | "pending"
  readonly submittedOn?: IsoDate.IsoDate | undefined
}

/**
 * The months a briefing is due for.
 *
 * @since 0.1.0
 * @category getters
 */
export const months = (signedOn: IsoDate.IsoDate, periodEnd: IsoDate.IsoDate): ReadonlyArray<string> => {
  const out: Array<string> = []
  let cursor = IsoDate.startOfMonth(IsoDate.addMonths(IsoDate.startOfMonth(signedOn), 1))
  const last = periodEnd.slice(0, 7)
  while (cursor.slice(0, 7) <= last) {
    out.push(cursor.slice(0, 7))
    cursor = IsoDate.addMonths(cursor, 1)
  }
  return out
}

/**
 * The due date of the briefing for a month, moved past rest days. Fails with
 * `CalendarYearNotCovered` when the calendar lacks a year the search reaches;
 * without a calendar (`undefined`, an explicit choice) the day is kept as written.
 *
 * @since 0.1.0
 * @category getters
 */
export const dueOn = (
  month: string,
  dueDay: number,
  calendar: Calendar.Service | undefined
): Either.Either<IsoDate.IsoDate, Calendar.CalendarYearNotCovered> => {
  let date = IsoDate.unsafeFromString(`${month}-${String(dueDay).padStart(2, "0")}`)
  if (calendar === undefined) return Either.right(date)
  for (let i = 0; i < 31; i++) {
    const working = calendar.isWorkingDay(date)
    if (Either.isLeft(working)) return Either.left(working.left)
    if (working.right) return Either.right(date)
    date = IsoDate.addDays(date, 1)
  }
  return Either.right(date)
}

/**
 * The status of every briefing month as of a date; `CalendarYearNotCovered`
 * when the calendar lacks a year of the contract period.
 *
 * @since 0.1.0
 * @category getters
 */
export const status = (options: {
  readonly signedOn: IsoDate.IsoDate
  readonly periodEnd: IsoDate.IsoDate
  readonly dueDay: number
  readonly submitted: ReadonlyMap<string, IsoDate.IsoDate>
  readonly asOf: IsoDate.IsoDate
  readonly calendar?: Calendar.Service | undefined
}): Either.Either<ReadonlyArray<MonthStatus>, Calendar.CalendarYearNotCovered> =>
  Either.all(
    months(options.signedOn, options.periodEnd).map((month) =>
      Either.map(dueOn(month, options.dueDay, options.calendar), (due): MonthStatus => {
        const submittedOn = options.submitted.get(month)
        if (submittedOn !== undefined) {
          return { month, dueOn: due, submittedOn, status: submittedOn <= due ? "on-time" : "late" }
        }
        return { month, dueOn: due, status: options.asOf > due ? "missing" : "pending" }
      })
    )
  )
