/** `gsyf test <files or folders>`: runs scenario files, prints a diff for each failed expectation, can write JUnit XML. @internal */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Scenario } from "@gsyf/scenarios"
import { Effect, Option } from "effect"
import { writeFileSync } from "node:fs"
import { existsSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { action } from "../action.js"
import { CliError, loadRegistry } from "../context.js"
import { exampleScenarios } from "../defaults.js"
import * as Opt from "../options.js"
import { green, json, line, progress, red } from "../output.js"

/** A `plugins.ts` module beside scenarios (in a folder given, or one below it) names the plugins they use. @internal */
const findRegistries = (paths: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out: Array<string> = []
  const walk = (dir: string, depth: number) => {
    const candidate = ["plugins.ts", "plugins.mts", "plugins.mjs", "plugins.js"].map((f) => join(dir, f)).find(
      existsSync
    )
    if (candidate !== undefined) out.push(candidate)
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

const spec = {
  paths: Opt.positional(
    "path",
    "场景文件或文件夹(默认:随包附带的示例场景)/ scenario files or folders (default: the bundled examples)"
  )
    .pipe(Args.repeated),
  junit: Options.text("junit").pipe(Options.withDescription("写入 JUnit XML / write JUnit XML"), Options.optional),
  registry: Options.text("registry").pipe(
    Options.withDescription("插件注册模块(.js/.mjs/.ts)/ plugin registry module (.js, .mjs or .ts)"),
    Options.optional
  ),
  json: Opt.json
}

/** @internal */
export const run = async (input: Command.Command.ParseConfig<typeof spec>): Promise<number> => {
  const paths = input.paths.length > 0 ? input.paths : [exampleScenarios()]
  const files = Scenario.collect(paths)
  if (files.length === 0) {
    throw new CliError(
      `在 ${paths.join(" ")} 中找不到场景文件`,
      `no scenario files (.yaml, .yml, .json) in ${paths.join(" ")}`
    )
  }
  const registries = [Option.getOrUndefined(input.registry), ...findRegistries(paths)].filter((f): f is string =>
    f !== undefined
  )
  const plugins = await loadRegistry(registries)
  const results: Array<Scenario.Result> = []
  for (const [i, file] of files.entries()) {
    progress(i, files.length, file)
    results.push(...(await Effect.runPromise(Scenario.runAll([file], { plugins, calendar: ChinaHolidays.calendar }))))
  }
  progress(files.length, files.length, "")
  const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined && !input.json
  let failed = 0
  for (const r of results) {
    if (r.ok) line(`${green("✓")} ${r.name} ${r.file}`)
    else {
      failed++
      line(Scenario.formatResult(r, { color }))
    }
  }
  const junit = Option.getOrUndefined(input.junit)
  if (junit !== undefined) writeFileSync(junit, Scenario.junit(results))
  if (input.json) json({ passed: results.length - failed, failed, results })
  line()
  line(
    failed === 0
      ? green(`${results.length} passed, 0 failed`)
      : red(`${results.length - failed} passed, ${failed} failed`)
  )
  return failed === 0 ? 0 : 1
}

/** @internal */
export const command = Command.make("test", spec, action(run)).pipe(
  Command.withDescription("运行规则场景文件 / run rule scenario files")
)
