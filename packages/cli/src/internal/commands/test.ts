/** `gsyf test <files or folders>`: runs scenario files, prints a diff for each failed expectation, can write JUnit XML. @internal */
import { writeFileSync } from "node:fs"
import { Effect } from "effect"
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Scenario } from "@gsyf/scenarios"
import type { Args } from "../args.js"
import { option } from "../args.js"
import { CliError, loadRegistry } from "../context.js"
import { green, line, red } from "../output.js"

/** @internal */
export const run = async (args: Args): Promise<number> => {
  const paths = args.positionals.length > 0 ? args.positionals : ["examples/scenarios"]
  const files = Scenario.collect(paths)
  if (files.length === 0) throw new CliError(`在 ${paths.join(" ")} 中找不到场景文件`, `no scenario files (.yaml, .yml, .json) in ${paths.join(" ")}`)
  const plugins = await loadRegistry(option(args, "registry"))
  const results = await Effect.runPromise(Scenario.runAll(paths, { plugins, calendar: ChinaHolidays.calendar }))
  const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined
  let failed = 0
  for (const r of results) {
    if (r.ok) line(`${green("✓")} ${r.name} ${r.file}`)
    else {
      failed++
      line(Scenario.formatResult(r, { color }))
    }
  }
  const junit = option(args, "junit")
  if (junit !== undefined) writeFileSync(junit, Scenario.junit(results))
  line()
  line(failed === 0 ? green(`${results.length} passed, 0 failed`) : red(`${results.length - failed} passed, ${failed} failed`))
  return failed === 0 ? 0 : 1
}
