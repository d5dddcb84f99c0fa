/** `gsyf rules`: lists every rule and guard with its id, titles and legal basis. @internal */
import * as Command from "@effect/cli/Command"
import { Guard, Plugin } from "@gsyf/core"
import { Option } from "effect"
import { action } from "../action.js"
import { loadConfig, pluginNames } from "../context.js"
import { seedPlan } from "../defaults.js"
import * as Opt from "../options.js"
import { bold, dim, json, line } from "../output.js"

/** One row of the rule list. @internal */
export interface RuleRow {
  readonly id: string
  readonly stage: string
  readonly section: string
  readonly zh: string
  readonly en: string
  readonly basis: ReadonlyArray<string>
  readonly reads: ReadonlyArray<string>
}

/** Every rule of a configuration's stages, then the lifecycle guards. @internal */
export const rows = (config: Plugin.Config): ReadonlyArray<RuleRow> => {
  const out: Array<RuleRow> = []
  for (const [stage, rules] of Object.entries(config.rules)) {
    for (
      const r of rules as ReadonlyArray<
        {
          id: string
          section: string
          title: { zh: string; en: string }
          basis: ReadonlyArray<{ citation: string }>
          reads: ReadonlyArray<string>
        }
      >
    ) {
      out.push({
        id: r.id,
        stage,
        section: r.section,
        zh: r.title.zh,
        en: r.title.en,
        basis: r.basis.map((b) => b.citation),
        reads: r.reads
      })
    }
  }
  for (const g of Guard.all) {
    out.push({
      id: g.id,
      stage: "lifecycle",
      section: g.section,
      zh: g.title.zh,
      en: g.title.en,
      basis: g.basis.map((b) => b.citation),
      reads: g.reads
    })
  }
  return out
}

const spec = { plan: Opt.plan, plugins: Opt.plugins, json: Opt.json }

/** @internal */
export const run = async (input: Command.Command.ParseConfig<typeof spec>): Promise<number> => {
  const config = loadConfig(Option.getOrElse(input.plan, seedPlan), pluginNames(input.plugins))
  const list = rows(config)
  if (input.json) {
    json(list)
    return 0
  }
  let stage = ""
  for (const r of list) {
    if (r.stage !== stage) {
      stage = r.stage
      line()
      line(bold(`[${stage}]`))
    }
    line(`${r.id.padEnd(44)} ${r.zh} / ${r.en}`)
    line(dim(`${"".padEnd(44)} ${r.section} · ${r.basis.join(";")}`))
  }
  line()
  line(`${list.length} rules`)
  return 0
}

/** @internal */
export const command = Command.make("rules", spec, action(run)).pipe(
  Command.withDescription("列出全部规则:编号、标题、条款、依据 / list every rule with its id, titles and basis")
)
