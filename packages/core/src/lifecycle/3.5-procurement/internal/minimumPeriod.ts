// The last day of a minimum procurement period counted in days (等标期 20日, 磋商 10日), the issue day not counted:
// with `procurement.periodRollover` `calendar` (the default) it moves past rest days and holidays as the calendar's
// roll-over rule says (《民法典》第二百零三条), with `none` it is the raw day. A deadline before it is too early.
import * as Either from "effect/Either"
import type * as Calendar from "../../../kernel/Calendar.js"
import * as Days from "../../../kernel/internal/days.js"
import type { IsoDate } from "../../../kernel/IsoDate.js"
import type { ParameterReader } from "../../../rules/Rule.js"

/** The earliest deadline a minimum period of `days` from `issued` allows, or why the calendar cannot say. */
export const minimumEnd = (
  calendar: Calendar.Service,
  p: ParameterReader,
  issued: IsoDate,
  days: number
): Either.Either<string, { readonly message: string }> =>
  p.read<"calendar" | "none">("procurement.periodRollover") === "none"
    ? Either.right(Days.formatDayNumber(Days.dayNumberOf(issued) + days))
    : calendar.periodEnd(issued, days, "calendar-days")
