// A procurement's response deadline as a moment: a date and, when the documents name one, a time of day in
// China Standard Time (without a time the deadline is 24:00 of the day, 《民法典》第二百零三条). A response is
// in time up to the moment; evaluation may start at it, the same day.
import * as Schema from "effect/Schema"
import { bilingual } from "../../../kernel/InputError.js"
import * as Days from "../../../kernel/internal/days.js"
import type { IsoDate } from "../../../kernel/IsoDate.js"

/** A time of day, `HH:MM` (China Standard Time). */
export const TimeOfDay = Schema.String.pipe(
  Schema.filter(
    (s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s),
    bilingual("时间须为 HH:MM 形式(北京时间)", "a time of day must be HH:MM (China Standard Time)")
  )
)

const cst = 8 * 60

/** The minute of the day of an instant in China Standard Time, and its date's day number. */
const localMinute = (instant: string): { readonly day: number; readonly minute: number } => {
  const p = Days.parseInstant(instant)!
  const m = p.dayNumber * 1440 + p.minuteOfDay - p.offsetMinutes + cst
  return { day: Math.floor(m / 1440), minute: ((m % 1440) + 1440) % 1440 }
}

const minuteOf = (time: string | undefined): number =>
  time === undefined ? 1440 : Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

/** Whether an instant comes after the deadline (date, optional time). */
export const isAfterDeadline = (instant: string, date: IsoDate, time: string | undefined): boolean => {
  const at = localMinute(instant)
  const day = Days.dayNumberOf(date)
  return at.day > day || (at.day === day && at.minute > minuteOf(time))
}

/** Whether an instant comes before the deadline's moment (on its day, before its time if it has one). */
export const isBeforeDeadline = (instant: string, date: IsoDate, time: string | undefined): boolean => {
  const at = localMinute(instant)
  const day = Days.dayNumberOf(date)
  return at.day < day || (at.day === day && time !== undefined && at.minute < minuteOf(time))
}

/** The deadline as written: `2026-04-07 09:30`, or the date alone. */
export const show = (date: IsoDate, time: string | undefined): string => time === undefined ? date : `${date} ${time}`
