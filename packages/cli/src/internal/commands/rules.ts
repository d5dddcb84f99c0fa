/** `gsyf rules`: lists every rule and guard with its id, titles and legal basis. @internal */
import { Guard, Plugin } from "@gsyf/core"
import type { Args } from "../args.js"
import { flag, option } from "../args.js"
import { loadConfig } from "../context.js"
import { bold, dim, line } from "../output.js"

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

/** @internal */
export const run = async (args: Args): Promise<number> => {
  const plugins = (option(args, "plugins") ?? "").split(",").filter((s) => s.length > 0)
  const config = loadConfig(option(args, "plan") ?? "examples/plans/seed-2026.yaml", plugins)
  const list = rows(config)
  if (flag(args, "json")) {
    line(JSON.stringify(list, null, 2))
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
