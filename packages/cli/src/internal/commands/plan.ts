/** `gsyf plan <file>`: validates a city's parameter file and prints the plan rule report. @internal */
import { PlanRules, RuleSet } from "@gsyf/core"
import type { Args } from "../args.js"
import { flag, option } from "../args.js"
import { CliError, loadConfig } from "../context.js"
import { bold, dim, green, line, red, yellow } from "../output.js"

/** @internal */
export const run = async (args: Args): Promise<number> => {
  const file = args.positionals[0] ?? "examples/plans/seed-2026.yaml"
  const plugins = (option(args, "plugins") ?? "").split(",").filter((s) => s.length > 0)
  const config = loadConfig(file, plugins)
  const year = config.parameters.histories.get("plan.fiscalYear")?.[0]?.value as number | undefined
  const at = option(args, "at") ?? `${year ?? new Date().getFullYear()}-01-01`
  if (!/^\d{4}-\d{2}-\d{2}$/.test(at)) throw new CliError(`日期 ${at} 无效`, `invalid date ${at}`)
  const report = RuleSet.evaluate(
    RuleSet.make(config.rules.plan),
    {} satisfies PlanRules.PlanInput,
    config.parameters,
    at
  )
  if (flag(args, "json")) {
    line(JSON.stringify(report, null, 2))
    return report.passed ? 0 : 1
  }
  line(bold(`实施方案参数校验 / plan rule report — ${file} (${at})`))
  for (const t of report.trace) {
    const rule = config.rules.plan.find((r) => r.id === t.ruleId)!
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
