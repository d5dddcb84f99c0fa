/**
 * `gsyf ocds <project>`: writes a stored project's OCDS release package. `--validate` checks it (with its
 * compiled releases) as `Ocds.validate` does in the tests and prints the report (`--json` as JSON); the exit
 * code is 1 when it finds an error. `gsyf ocds --validate --file <package.json>` checks a package file.
 *
 * @internal
 */
import { type Plugin, type ProjectEvent, Projects } from "@gsyf/core"
import { Ocds } from "@gsyf/ocds"
import { Effect, Either } from "effect"
import { readFileSync, writeFileSync } from "node:fs"
import type { Args } from "../args.js"
import { flag, option } from "../args.js"
import { CliError, loadConfig, storeChoice, withStore } from "../context.js"
import { dim, green, line, red, yellow } from "../output.js"

/** The release package and compiled release of a project's events. @internal */
export const ocdsExport = (
  events: ReadonlyArray<ProjectEvent.Event>,
  config: Plugin.Config,
  projectId: string,
  publishedDate: string
) =>
  Ocds.fromStream(events, {
    projectId,
    parameters: config.parameters,
    uri: `https://example.invalid/gsyf/ocds/${encodeURIComponent(projectId)}.json`,
    publishedDate,
    publisher: { name: (config.parameters.histories.get("plan.city")?.[0]?.value as string | undefined) ?? "gsyf" }
  })

/** Prints a validation report; the exit code. */
const report = (input: unknown, json: boolean): number => {
  const result = Ocds.validate(input)
  if (Either.isLeft(result)) throw new CliError("无法校验 OCDS 数据", result.left.message)
  const r = result.right
  if (json) {
    line(JSON.stringify(r, null, 2))
    return r.valid ? 0 : 1
  }
  for (const i of r.issues) {
    const mark = i.severity === "error" ? red("✗") : yellow("!")
    line(`${mark} ${i.check} ${i.document}${i.id === "" ? "" : ` ${i.id}`} ${i.path}`)
    line(dim(`    ${i.zh} / ${i.en}`))
  }
  const errors = r.issues.filter((i) => i.severity === "error").length
  const counts = `${r.releases} releases, ${r.compiledReleases} compiled, extensions: ${r.extensions.join(", ") || "-"}`
  line(
    r.valid
      ? `${green("✓")} OCDS 校验通过 / valid (${counts}; ${r.issues.length} warnings)`
      : `${red("✗")} OCDS 校验未通过 / invalid: ${errors} errors (${counts})`
  )
  return r.valid ? 0 : 1
}

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, "utf8"))
  } catch (e) {
    throw new CliError(`无法读取 ${file}`, `cannot read ${file} as JSON: ${e instanceof Error ? e.message : String(e)}`)
  }
}

/** @internal */
export const run = async (args: Args): Promise<number> => {
  const file = option(args, "file")
  if (flag(args, "validate") && file !== undefined) return report(readJson(file), flag(args, "json"))
  const projectId = args.positionals[0]
  if (projectId === undefined) {
    throw new CliError(
      "请指定项目编号",
      "name the project: gsyf ocds <project> [--db file] [--out file] [--validate [--json]], or gsyf ocds --validate --file <package.json>"
    )
  }
  const config = loadConfig(option(args, "plan") ?? "examples/plans/seed-2026.yaml")
  const choice = storeChoice(option(args, "db"), option(args, "pg"), "out/gsyf-demo.db")
  const loaded = await withStore(
    choice,
    [],
    true,
    Effect.gen(function*() {
      const projects = yield* Projects.make(config)
      return yield* projects.load(projectId)
    })
  )
  if (loaded.events.length === 0) {
    throw new CliError(`存储中没有项目 ${projectId}`, `no project ${projectId} in this store`)
  }
  const exported = ocdsExport(loaded.events, config, projectId, loaded.stored.at(-1)!.recordedAt)
  if (Either.isLeft(exported)) throw new CliError("无法生成 OCDS 数据", exported.left.message)
  const text = JSON.stringify(exported.right.releasePackage, null, 2)
  const out = option(args, "out")
  if (out !== undefined) {
    writeFileSync(out, text)
    line(`${green("✓")} ${exported.right.releasePackage.releases.length} releases → ${out}`)
  } else if (!flag(args, "validate")) line(text)
  return flag(args, "validate") ? report(exported.right, flag(args, "json")) : 0
}
