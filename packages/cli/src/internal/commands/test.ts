/** `gsyf test <files or folders>`: runs scenario files, prints a diff for each failed expectation, can write JUnit XML. @internal */
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Scenario } from "@gsyf/scenarios"
import { Effect } from "effect"
import { writeFileSync } from "node:fs"
import { existsSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import type { Args } from "../args.js"
import { option } from "../args.js"
import { CliError, loadRegistry } from "../context.js"
import { green, line, red } from "../output.js"

/** A `plugins.ts` module beside scenarios (in a folder given, or one below it) names the plugins they use. @internal */
const findRegistries = (paths: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out: Array<string> = []
  const walk = (dir: string, depth: number) => {
    const candidate = join(dir, "plugins.ts")
    if (existsSync(candidate)) out.push(candidate)
    if (depth === 0) return
    for (const entry of readdirSync(dir)) {
      if (entry.startsWith(".") || entry === "node_modules") continue
      const child = join(dir, entry)
      if (statSync(child).isDirectory()) walk(child, depth - 1)
    }
  }
  for (const p of paths) if (existsSync(p) && statSync(p).isDirectory()) walk(p, 2)
  return out
}

/** @internal */
export const run = async (args: Args): Promise<number> => {
  const paths = args.positionals.length > 0 ? args.positionals : ["examples/scenarios"]
  const files = Scenario.collect(paths)
  if (files.length === 0) {
    throw new CliError(
      `在 ${paths.join(" ")} 中找不到场景文件`,
      `no scenario files (.yaml, .yml, .json) in ${paths.join(" ")}`
    )
  }
  const registries = [option(args, "registry"), ...findRegistries(paths)].filter((f): f is string => f !== undefined)
  const plugins = await loadRegistry(registries)
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
  line(
    failed === 0
      ? green(`${results.length} passed, 0 failed`)
      : red(`${results.length - failed} passed, ${failed} failed`)
  )
  return failed === 0 ? 0 : 1
}
