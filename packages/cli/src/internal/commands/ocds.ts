/** `gsyf ocds <project>`: writes a stored project's OCDS release package (and compiled release). @internal */
import { type Plugin, type ProjectEvent, Projects } from "@gsyf/core"
import { Ocds } from "@gsyf/ocds"
import { Effect, Either } from "effect"
import { writeFileSync } from "node:fs"
import type { Args } from "../args.js"
import { option } from "../args.js"
import { CliError, loadConfig, storeChoice, withStore } from "../context.js"
import { green, line } from "../output.js"

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

/** @internal */
export const run = async (args: Args): Promise<number> => {
  const projectId = args.positionals[0]
  if (projectId === undefined) {
    throw new CliError("请指定项目编号", "name the project: gsyf ocds <project> [--db file] [--out file]")
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
  if (out === undefined) line(text)
  else {
    writeFileSync(out, text)
    line(`${green("✓")} ${exported.right.releasePackage.releases.length} releases → ${out}`)
  }
  return 0
}
