/**
 * The `gsyf` command line.
 *
 * - `gsyf demo`: the seed plan's full lifecycle on the embedded SQLite store, with every document written to `./out`;
 * - `gsyf plan [file]`: validates a city's parameter file and prints the rule report;
 * - `gsyf test [files or folders]`: runs rule scenarios (`--junit file` writes JUnit XML; the plugins scenarios
 *   name come from the example packs, a `plugins.ts` found beside the scenarios, or `--registry <module>`);
 * - `gsyf rules`: lists every rule with its id, titles and legal basis;
 * - `gsyf explain <project> [event id]`: explains a decision of a stored project;
 * - `gsyf verify [project]`: checks a store's audit trail;
 * - `gsyf ocds <project>`: writes a stored project's OCDS release package (`--validate`: checks it and its
 *   compiled releases with `Ocds.validate`; `--validate --file <package.json>` checks a package file).
 *
 * Stores: `--db <file>` (SQLite, default `out/gsyf-demo.db`) or `--pg <url>` / `GSYF_DATABASE_URL` (PostgreSQL).
 *
 * @since 0.1.0
 */
import * as Args from "./internal/args.js"
import * as demo from "./internal/commands/demo.js"
import * as explain from "./internal/commands/explain.js"
import * as ocds from "./internal/commands/ocds.js"
import * as plan from "./internal/commands/plan.js"
import * as rules from "./internal/commands/rules.js"
import * as test from "./internal/commands/test.js"
import * as verify from "./internal/commands/verify.js"
import { CliError } from "./internal/context.js"
import { error, line } from "./internal/output.js"

const commands: Record<string, { readonly run: (args: Args.Args) => Promise<number>; readonly help: string }> = {
  demo: {
    run: demo.run,
    help: "运行示例方案全生命周期并输出全部文件 / run the seed plan end to end, write documents to ./out"
  },
  plan: { run: plan.run, help: "校验参数文件并输出规则报告 / validate a parameter file, print the rule report" },
  test: { run: test.run, help: "运行规则场景文件 / run rule scenario files" },
  rules: { run: rules.run, help: "列出全部规则 / list every rule" },
  explain: { run: explain.run, help: "解释已存项目的决定 / explain a decision of a stored project" },
  verify: { run: verify.run, help: "校验审计追踪 / verify audit trails" },
  ocds: { run: ocds.run, help: "导出并校验 OCDS 数据包 / write (--validate: check) an OCDS release package" }
}

const usage = (): string =>
  [
    "gsyf <command> [options]",
    "",
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.help}`),
    "",
    "  --db <file>   SQLite store (default out/gsyf-demo.db)    --pg <url>   PostgreSQL store",
    "  --plan <file> parameter file (default examples/plans/seed-2026.yaml)"
  ].join("\n")

/**
 * Runs the command line with the given arguments; resolves to the exit code.
 *
 * @since 0.1.0
 * @category running
 */
export const main = async (argv: ReadonlyArray<string>): Promise<number> => {
  const [name, ...rest] = argv
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    line(usage())
    return name === undefined ? 1 : 0
  }
  const command = commands[name]
  if (command === undefined) {
    error(`未知命令 ${name}`, `unknown command ${name}\n\n${usage()}`)
    return 2
  }
  try {
    return await command.run(Args.parse(rest, new Set(["json", "help", "validate"])))
  } catch (e) {
    if (e instanceof CliError) {
      error(e.zh, e.en)
      for (const d of e.details) process.stderr.write(`  - ${d}\n`)
      return 1
    }
    throw e
  }
}
