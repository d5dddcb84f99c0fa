/**
 * `gsyf test <files or folders>`: runs scenario files, prints a diff for each failed expectation, can write JUnit XML.
 * @internal
 */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Scenario } from "@gsyf/scenarios"
import { Effect, Option } from "effect"
import { existsSync, type FSWatcher, readdirSync, statSync, watch as fsWatch, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { action } from "../action.js"
import { CliError, loadRegistry } from "../context.js"
import { exampleScenarios } from "../defaults.js"
import * as Opt from "../options.js"
import { green, json, line, progress, red } from "../output.js"

/**
 * A `plugins.ts` module beside scenarios (in a folder given or one below it, or beside a file given) names the
 * plugins they use. @internal
 */
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
  for (const p of paths) {
    if (!existsSync(p)) continue
    // a folder: its registry and those below it; a file: the registry beside it
    if (statSync(p).isDirectory()) walk(p, 2)
    else walk(dirname(p), 0)
  }
  return [...new Set(out)]
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
  watch: Options.boolean("watch").pipe(
    Options.withDescription("监视文件,更改后重新运行 / watch the files and rerun what changes")
  ),
  json: Opt.json
}

interface Run {
  readonly input: Command.Command.ParseConfig<typeof spec>
  readonly registries: ReadonlyArray<string>
}

/** Runs scenario files and prints their results; resolves to the number failed. */
const runFiles = async (files: ReadonlyArray<string>, r: Run, fresh = false): Promise<number> => {
  const plugins = await loadRegistry(r.registries, { fresh })
  const results: Array<Scenario.Result> = []
  for (const [i, file] of files.entries()) {
    progress(i, files.length, file)
    results.push(...(await Effect.runPromise(Scenario.runAll([file], { plugins, calendar: ChinaHolidays.calendar }))))
  }
  progress(files.length, files.length, "")
  const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined && !r.input.json
  let failed = 0
  for (const result of results) {
    if (result.ok) {
      line(`${green("✓")} ${result.name} ${result.file}`)
      for (const x of result.readings ?? []) line(`    ${x.path} (line ${x.line}): ${x.zh} / ${x.en}`)
    } else {
      failed++
      line(Scenario.formatResult(result, { color }))
    }
  }
  const junit = Option.getOrUndefined(r.input.junit)
  if (junit !== undefined) writeFileSync(junit, Scenario.junit(results))
  if (r.input.json) json({ passed: results.length - failed, failed, results })
  line()
  line(
    failed === 0
      ? green(`${results.length} passed, 0 failed`)
      : red(`${results.length - failed} passed, ${failed} failed`)
  )
  return failed
}

const scenarioFile = /\.(ya?ml|json)$/
const registryFile = /(^|[\\/])plugins\.(m?ts|m?js)$/

let stop: (() => void) | undefined

/**
 * Ends a `gsyf test --watch` running in this process (its promise resolves with the last run's exit code). @internal
 */
export const stopWatching = (): void => stop?.()

/**
 * Watches the paths and reruns what changed: a scenario file changed alone, everything when a plugin registry
 * changed (loaded afresh). Runs until the process is stopped (or {@link stopWatching}).
 */
const watch = (paths: ReadonlyArray<string>, r: Run, failedFirst: number): Promise<number> =>
  new Promise((resolve) => {
    let failed = failedFirst
    const watchers: Array<FSWatcher> = []
    stop = () => {
      for (const w of watchers) w.close()
      if (timer !== undefined) clearTimeout(timer)
      stop = undefined
      void running.then(() => resolve(failed === 0 ? 0 : 1))
    }
    const changed = new Set<string>()
    let timer: ReturnType<typeof setTimeout> | undefined
    let running = Promise.resolve()
    const rerun = () => {
      const batch = [...changed]
      changed.clear()
      running = running.then(async () => {
        const all = batch.some((f) => registryFile.test(f))
        const files = all ? Scenario.collect(paths) : batch.filter((f) => existsSync(f))
        if (files.length === 0) return
        line(
          `\n${all ? "插件已更改,全部重新运行" : "已更改"} / ${all ? "plugins changed, rerunning all" : "changed"}: ${
            batch.join(" ")
          }`
        )
        failed = await runFiles(files, r, true).catch((e: unknown) => {
          line(red(String((e as Error).message ?? e)))
          return 1
        })
        line("监视中,按 Ctrl-C 结束 / watching, Ctrl-C to stop")
      })
    }
    const note = (file: string) => {
      if (!scenarioFile.test(file) && !registryFile.test(file)) return
      changed.add(file)
      if (timer !== undefined) clearTimeout(timer)
      timer = setTimeout(rerun, 200)
    }
    for (const p of paths) {
      const folder = statSync(p).isDirectory()
      watchers.push(fsWatch(p, { recursive: folder }, (_event, name) => {
        if (name !== null) note(folder ? join(p, name.toString()) : p)
      }))
    }
    line("监视中,按 Ctrl-C 结束 / watching, Ctrl-C to stop")
  })

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
  const r: Run = { input, registries }
  const failed = await runFiles(files, r)
  if (input.watch) return watch(paths, r, failed)
  return failed === 0 ? 0 : 1
}

/** @internal */
export const command = Command.make("test", spec, action(run)).pipe(
  Command.withDescription("运行规则场景文件 / run rule scenario files")
)
