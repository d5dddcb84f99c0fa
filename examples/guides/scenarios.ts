/**
 * The code of the scenarios guide (docs/guides/scenarios.md pulls the `#region` below), run by
 * `packages/scenarios/test/Scenario.test.ts` so that what the guide shows is tested.
 */
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Scenario } from "@gsyf/scenarios"
import { Effect } from "effect"
import { registry } from "../scenarios/plugins.js"

// #region run
/** Runs every scenario under the given files and folders: the report `gsyf test` prints, JUnit XML, and the verdict. */
export const runScenarios = (paths: ReadonlyArray<string>) => {
  const options = { plugins: registry(), calendar: ChinaHolidays.calendar }
  const results = Effect.runSync(Scenario.runAll(paths, options))
  return { report: Scenario.formatResults(results), junit: Scenario.junit(results), ok: results.every((r) => r.ok) }
}
// #endregion run
