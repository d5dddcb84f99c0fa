/** `gsyf explain <project> [event id]`: lists the explainable decisions of a stored project, or explains one. @internal */
import { Explain, Projects } from "@gsyf/core"
import { Effect, Either } from "effect"
import type { Args } from "../args.js"
import { option } from "../args.js"
import { CliError, loadConfig, storeChoice, withStore } from "../context.js"
import { dim, line } from "../output.js"

/** @internal */
export const run = async (args: Args): Promise<number> => {
  const [projectId, eventId] = args.positionals
  if (projectId === undefined) {
    throw new CliError(
      "请指定项目编号",
      "name the project: gsyf explain <project> [event id] [--db file] [--lang zh|en]"
    )
  }
  const lang = option(args, "lang") === "en" ? "en" : "zh"
  const config = loadConfig(option(args, "plan") ?? "examples/plans/seed-2026.yaml")
  const choice = storeChoice(option(args, "db"), option(args, "pg"), "out/gsyf-demo.db")
  const loaded = await withStore(choice, [], true, Effect.flatMap(Projects.make(config), (p) => p.load(projectId)))
  if (loaded.events.length === 0) {
    throw new CliError(`存储中没有项目 ${projectId}`, `no project ${projectId} in this store`)
  }
  if (eventId === undefined) {
    for (const d of Explain.findDecisions(loaded.events)) {
      line(`${d.id.padEnd(22)} ${d.type.padEnd(22)} ${dim(lang === "zh" ? d.summary.zh : d.summary.en)}`)
    }
    line(dim("gsyf explain <project> <event id> 解释其中一项 / explains one"))
    return 0
  }
  const explanation = Explain.decision(loaded.events, eventId, { index: Explain.ruleIndex(config) })
  if (Either.isLeft(explanation)) throw new CliError(`无法解释 ${eventId}`, explanation.left.message)
  line(Explain.render(explanation.right, lang))
  return 0
}
