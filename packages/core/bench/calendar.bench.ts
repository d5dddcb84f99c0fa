/**
 * Calendar throughput: addWorkingDays, workingDaysBetween and periodEnd over the
 * 2015–2026 China calendar. Prints operations per second; asserts nothing.
 *
 * Run: `npx tsx packages/core/bench/calendar.bench.ts` (or `pnpm bench`).
 */
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { IsoDate } from "@gsyf/core"

const cal = ChinaHolidays.calendar
const first = IsoDate.toDayNumber(IsoDate.unsafeFromString("2015-01-01"))
const span = IsoDate.toDayNumber(IsoDate.unsafeFromString("2026-10-31")) - first
const dates = Array.from({ length: 4096 }, (_, i) => IsoDate.fromDayNumber(first + ((i * 7919) % span)))

let sink = 0
const bench = (name: string, fn: (date: IsoDate.IsoDate, i: number) => unknown): void => {
  for (let i = 0; i < 20_000; i++) fn(dates[i & 4095]!, i) // warm-up
  const budgetMs = 500
  let ops = 0
  const t0 = performance.now()
  let elapsed = 0
  while (elapsed < budgetMs) {
    for (let i = 0; i < 1000; i++, ops++) if (fn(dates[ops & 4095]!, ops) !== undefined) sink++
    elapsed = performance.now() - t0
  }
  const perSec = Math.round((ops / elapsed) * 1000)
  console.log(`${name.padEnd(44)} ${perSec.toLocaleString("en-US").padStart(14)} ops/sec`)
}

console.log(`Calendar (${cal.years[0]}–${cal.years[cal.years.length - 1]}), ${process.version}`)
bench("dayKind", (d) => cal.dayKind(d))
bench("addWorkingDays(d, 5)", (d) => cal.addWorkingDays(d, 5))
bench("addWorkingDays(d, 30)", (d) => cal.addWorkingDays(d, 30))
bench("addWorkingDays(d, -20)", (d) => cal.addWorkingDays(d, -20))
bench("workingDaysBetween(d, d + 60)", (d) => cal.workingDaysBetween(d, IsoDate.addDays(d, 60)))
bench("periodEnd(d, 10, calendar-days)", (d) => cal.periodEnd(d, 10, "calendar-days"))
bench("periodEnd(d, 15, working-days)", (d) => cal.periodEnd(d, 15, "working-days"))
bench("deadline(d, 20, calendar-days)", (d) => cal.deadline(d, 20, "calendar-days"))
if (sink < 0) console.log(sink)
