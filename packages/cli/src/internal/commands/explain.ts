/**
 * `gsyf explain <project> [event id]`: lists the explainable decisions of a stored project, or explains one. @internal
 */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { Explain, ProjectService } from "@gsyf/core"
import { Effect, Either, Option } from "effect"
import { action, storeFlags } from "../action.js"
import { CliError, describeStore, loadConfig, storeChoice, withStore } from "../context.js"
import { seedPlan } from "../defaults.js"
import * as Opt from "../options.js"
import { dim, json, line } from "../output.js"

const spec = {
  project: Opt.positional("project", "项目编号 / project id"),
  event: Opt.positional("event", "事件编号 / event id").pipe(Args.optional),
  lang: Options.choice("lang", ["zh", "en"]).pipe(
    Options.withDescription("输出语言 / language of the explanation"),
    Options.withDefault("zh" as const)
  ),
  plan: Opt.plan,
  json: Opt.json,
  ...Opt.store
}

/** @internal */
export const run = async (input: Command.Command.ParseConfig<typeof spec>): Promise<number> => {
  const projectId = input.project
  const eventId = Option.getOrUndefined(input.event)
  const config = loadConfig(Option.getOrElse(input.plan, seedPlan))
  const choice = storeChoice(storeFlags(input), "out/gsyf-demo.db")
  const loaded = await withStore(
    choice,
    [],
    true,
    Effect.flatMap(ProjectService.make(config), (p) => p.load(projectId))
  )
  if (loaded.events.length === 0) {
    const where = describeStore(choice)
    throw new CliError(`在 ${where} 中没有找到项目 ${projectId}`, `project ${projectId} not found in ${where}`)
  }
  if (eventId === undefined) {
    const decisions = Explain.findDecisions(loaded.events)
    if (input.json) {
      json(decisions)
      return 0
    }
    for (const d of decisions) {
      line(`${d.id.padEnd(22)} ${d.type.padEnd(22)} ${dim(input.lang === "zh" ? d.summary.zh : d.summary.en)}`)
    }
    line(
      dim(
        input.lang === "zh"
          ? "gsyf explain <项目> <事件编号> 解释其中一项"
          : "gsyf explain <project> <event id> explains one"
      )
    )
    return 0
  }
  const explanation = Explain.decision(loaded.events, eventId, { index: Explain.ruleIndex(config) })
  if (Either.isLeft(explanation)) {
    throw new CliError(`无法解释事件 ${eventId}`, `cannot explain event ${eventId}: ${explanation.left.message}`)
  }
  if (input.json) json(explanation.right)
  else line(Explain.render(explanation.right, input.lang))
  return 0
}

/** @internal */
export const command = Command.make("explain", spec, action(run)).pipe(
  Command.withDescription("解释已存项目的决定(只读)/ explain a decision of a stored project, read-only")
)
