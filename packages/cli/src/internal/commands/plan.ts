/** `gsyf plan <file>`: validates a city's parameter file and prints the plan rule report. @internal */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { PlanRules, RuleSet } from "@gsyf/core"
import { Option } from "effect"
import { action } from "../action.js"
import { CliError, loadConfig, pluginNames } from "../context.js"
import { seedPlan } from "../defaults.js"
import * as Opt from "../options.js"
import { bold, dim, green, json, line, red, yellow } from "../output.js"

const spec = {
  file: Opt.positional("file", "参数文件(默认:随包附带的示例方案)/ parameter file (default: the bundled seed plan)")
    .pipe(
      Args.optional
    ),
  plugins: Opt.plugins,
  at: Options.text("at").pipe(Options.withDescription("评估日期 YYYY-MM-DD / evaluation date"), Options.optional),
  json: Opt.json
}

/** @internal */
export const run = async (input: Command.Command.ParseConfig<typeof spec>): Promise<number> => {
  const file = Option.getOrElse(input.file, seedPlan)
  let loaded: ReturnType<typeof loadConfig>
  try {
    loaded = loadConfig(file, pluginNames(input.plugins))
  } catch (e) {
    if (input.json && e instanceof CliError) json({ passed: false, file, problems: e.details })
    throw e
  }
  const config = loaded
  const year = config.parameters.histories.get("plan.fiscalYear")?.[0]?.value as number | undefined
  const at = Option.getOrElse(input.at, () => `${year ?? new Date().getFullYear()}-01-01`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(at)) throw new CliError(`日期 ${at} 无效`, `invalid date ${at}`, [], 2)
  // what issuing the plan checks: the budget's rules, then the plan's own
  const rules = [...config.rules.budget, ...config.rules.plan]
  const report = RuleSet.evaluate(
    RuleSet.make(rules),
    {} satisfies PlanRules.PlanInput,
    config.parameters,
    at
  )
  if (input.json) {
    json(report)
    return report.passed ? 0 : 1
  }
  line(bold(`实施方案参数校验 / plan rule report — ${file} (${at})`))
  for (const t of report.trace) {
    const rule = rules.find((r) => r.id === t.ruleId)!
    const errors = t.findings.filter((f) => f.severity === "error").length
    const warnings = t.findings.filter((f) => f.severity === "warning").length
    const mark = errors > 0 ? red("✗") : warnings > 0 ? yellow("!") : green("✓")
    line(
      `${mark} ${t.ruleId}  ${rule.title.zh} / ${rule.title.en}  ${dim(rule.basis.map((b) => b.citation).join(";"))}`
    )
    for (const f of t.findings) {
      const sev = f.severity === "error"
        ? red(f.severity)
        : f.severity === "warning"
        ? yellow(f.severity)
        : dim(f.severity)
      line(`    ${sev} ${f.path}: ${f.zh}`)
      line(
        `    ${" ".repeat(f.severity.length)} ${dim(f.en)}${
          f.expected !== undefined ? dim(` (expected ${f.expected}, actual ${f.actual ?? "?"})`) : ""
        }`
      )
    }
    for (const r of t.reads) {
      line(dim(`      读取 ${r.name} = ${r.value}${r.effectiveFrom ? ` (自 ${r.effectiveFrom})` : ""} — ${r.basis}`))
    }
  }
  const errors = report.findings.filter((f) => f.severity === "error").length
  line()
  line(
    report.passed
      ? green(`通过 / passed: ${report.trace.length} rules, 0 errors`)
      : red(`未通过 / failed: ${errors} error(s)`)
  )
  return report.passed ? 0 : 1
}

/** @internal */
export const command = Command.make("plan", spec, action(run)).pipe(
  Command.withDescription("校验参数文件并输出规则报告 / validate a parameter file, print the rule report")
)
