/** Scenario files written for a test into a fresh temporary folder, and running them. */
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Scenario } from "@gsyf/scenarios"
import { Effect, Either } from "effect"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

/** A folder of its own and a `write(text, name?)` that puts a file in it (named `case-<n>.yaml` by default). */
export const scratch = (prefix: string) => {
  const folder = mkdtempSync(join(tmpdir(), `gsyf-${prefix}-`))
  let n = 0
  const write = (text: string | Buffer, name = `case-${++n}.yaml`): string => {
    const file = join(folder, name)
    writeFileSync(file, text)
    return file
  }
  return { folder, write }
}

/** Run options with the China holiday calendar. */
export const withCalendar: Scenario.RunOptions = { calendar: ChinaHolidays.calendar }

/** Loads and runs a file: its result, or its load or configuration error. */
export const runEither = (file: string, options: Scenario.RunOptions = withCalendar) =>
  Effect.runSync(Effect.either(Effect.flatMap(Scenario.load(file, options), (s) => Scenario.run(s, options))))

/** The load error of a file (throws when it loads). */
export const loadError = (file: string, options: Scenario.LoadOptions = {}): Scenario.ScenarioError => {
  const r = Effect.runSync(Effect.either(Scenario.load(file, options)))
  if (Either.isRight(r)) throw new Error(`expected ${file} not to load`)
  return r.left
}
