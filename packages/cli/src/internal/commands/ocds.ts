/**
 * `gsyf ocds <project>`: writes a stored project's OCDS release package (the store opened read-only).
 * `--validate` checks it (with its compiled releases) as `Ocds.validate` does in the tests and prints the report
 * (`--json` as JSON); the exit code is 1 when it finds an error. `gsyf ocds --validate --file <package.json>`
 * checks a package file.
 *
 * @internal
 */
import * as CliArgs from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { type Plugin, type ProjectEvent, ProjectService } from "@gsyf/core"
import { Ocds } from "@gsyf/ocds"
import { Effect, Either, Option } from "effect"
import { writeFileSync } from "node:fs"
import { action, storeFlags } from "../action.js"
import { CliError, describeStore, loadConfig, readDataFile, storeChoice, withStore } from "../context.js"
import { seedPlan } from "../defaults.js"
import * as Opt from "../options.js"
import { dim, green, json, line, red, yellow } from "../output.js"

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
const report = (input: unknown, asJson: boolean): number => {
  const result = Ocds.validate(input)
  if (Either.isLeft(result)) {
    throw new CliError("无法校验 OCDS 数据", `cannot validate the OCDS data: ${result.left.message}`)
  }
  const r = result.right
  if (asJson) {
    json(r)
    return r.valid ? 0 : 1
  }
  for (const i of r.issues) {
    const mark = i.severity === "error" ? red("✗") : yellow("!")
    line(`${mark} ${i.check} ${i.document}${i.id === "" ? "" : ` ${i.id}`} ${i.path}`)
    line(dim(`    ${i.zh}`))
    line(dim(`    ${i.en}`))
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

const spec = {
  project: Opt.positional("project", "项目编号 / project id").pipe(CliArgs.optional),
  out: Options.text("out").pipe(
    Options.withDescription("写入文件(默认输出到标准输出)/ write to this file (default: stdout)"),
    Options.optional
  ),
  validate: Options.boolean("validate").pipe(
    Options.withDescription("按 OCDS 1.1 校验导出结果 / validate the export against OCDS 1.1")
  ),
  file: Options.text("file").pipe(
    Options.withDescription("与 --validate 一起:校验此数据包文件 / with --validate: check this package file"),
    Options.optional
  ),
  plan: Opt.plan,
  json: Opt.json,
  ...Opt.store
}

/** @internal */
export const run = async (input: Command.Command.ParseConfig<typeof spec>): Promise<number> => {
  const file = Option.getOrUndefined(input.file)
  if (input.validate && file !== undefined) return report(readDataFile(file), input.json)
  const projectId = Option.getOrUndefined(input.project)
  if (projectId === undefined) {
    throw new CliError(
      "请指定项目编号,或用 --validate --file <数据包> 校验文件",
      "name the project: gsyf ocds <project>, or check a file: gsyf ocds --validate --file <package.json>",
      [],
      2
    )
  }
  const config = loadConfig(Option.getOrElse(input.plan, seedPlan))
  const choice = storeChoice(storeFlags(input), "out/gsyf-demo.db")
  const loaded = await withStore(
    choice,
    [],
    true,
    Effect.flatMap(ProjectService.make(config), (projects) => projects.load(projectId))
  )
  if (loaded.events.length === 0) {
    const where = describeStore(choice)
    throw new CliError(`在 ${where} 中没有找到项目 ${projectId}`, `project ${projectId} not found in ${where}`)
  }
  const exported = ocdsExport(loaded.events, config, projectId, loaded.stored.at(-1)!.recordedAt)
  if (Either.isLeft(exported)) {
    throw new CliError("无法生成 OCDS 数据", `cannot build the OCDS data: ${exported.left.message}`)
  }
  const out = Option.getOrUndefined(input.out)
  if (out !== undefined) {
    writeFileSync(out, JSON.stringify(exported.right.releasePackage, null, 2))
    line(`${green("✓")} ${exported.right.releasePackage.releases.length} releases → ${out}`)
  } else if (!input.validate) json(exported.right.releasePackage)
  return input.validate ? report(exported.right, input.json) : 0
}

/** @internal */
export const command = Command.make("ocds", spec, action(run)).pipe(
  Command.withDescription(
    "导出(--validate:校验)已存项目的 OCDS 数据包(只读)/ write (--validate: check) a stored project's OCDS package, read-only"
  )
)
