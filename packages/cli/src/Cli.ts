/**
 * The `gsyf` command line, on `@effect/cli`.
 *
 * - `gsyf demo`: the seed plan's full lifecycle on a store (SQLite in `./out` by default), every document written;
 * - `gsyf plan [file]`: validates a city's parameter file and prints the rule report;
 * - `gsyf test [files or folders]`: runs rule scenarios (`--junit file` writes JUnit XML; plugins come from the
 *   example packs, a `plugins.ts`/`.mjs`/`.js` beside the scenarios, or `--registry <module>`);
 * - `gsyf rules`: lists every rule with its id, titles and legal basis;
 * - `gsyf explain <project> [event id]`: explains a decision of a stored project;
 * - `gsyf verify [project]`: checks a store's audit trail, read-only;
 * - `gsyf ocds <project>`: writes a stored project's OCDS release package (`--validate`: checks it and its
 *   compiled releases with `Ocds.validate`; `--validate --file <package.json>` checks a package file).
 *
 * Every command takes `--help` (which runs nothing) and `--json` (machine output on stdout, messages on stderr);
 * `gsyf --version` prints the version. Stores: `--db <file>` (SQLite, default `out/gsyf-demo.db`) or `--pg <url>` /
 * `GSYF_DATABASE_URL` (PostgreSQL), with `--schema` and `--table-prefix`. Without a file argument the commands use
 * the seed plan and example scenarios shipped in the package. Exit codes: 0 done, 1 the work failed (a rule, a
 * broken chain, a project not found), 2 the command line is wrong (unknown flag, missing value), 70 an internal
 * error.
 *
 * @since 0.1.0
 */
import * as Command from "@effect/cli/Command"
import * as ValidationError from "@effect/cli/ValidationError"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import { lastExitCode, resetExitCode } from "./internal/action.js"
import { subcommands } from "./internal/commands/index.js"
import { CliError } from "./internal/context.js"
import { version } from "./internal/defaults.js"
import { clean, error, setMachineOutput } from "./internal/output.js"
import { environment } from "./internal/terminal.js"

const root = Command.make("gsyf").pipe(
  Command.withDescription("工伤预防项目规则即代码 / work-injury prevention projects as rules as code"),
  Command.withSubcommands(subcommands)
)

const cli = Command.run(root, { name: "gsyf", version: version() })

/** Chinese for each kind of command-line mistake (the parser's own text follows in English). */
const mistakes: Record<ValidationError.ValidationError["_tag"], string> = {
  CommandMismatch: "未知命令",
  CorrectedFlag: "未知选项(可能是拼写错误)",
  HelpRequested: "请求帮助",
  InvalidArgument: "参数无效",
  InvalidValue: "选项的值无效或未知选项",
  MissingValue: "缺少选项或参数的值",
  MissingFlag: "缺少选项",
  MultipleValuesDetected: "同一选项给了多个值",
  MissingSubcommand: "缺少子命令",
  NoBuiltInMatch: "内置选项不匹配",
  UnclusteredFlag: "选项无法合并"
}

/**
 * Runs `effect` with the parser's console output taken in hand: help goes to standard output without colour codes,
 * and the parser's own error text (English) is kept to follow the Chinese message instead of preceding it.
 */
const withConsole = async <A>(effect: () => Promise<A>): Promise<{ readonly value: A; readonly errors: string }> => {
  const original = { log: console.log, error: console.error }
  const errors: Array<string> = []
  console.log = (...parts: Array<unknown>) => void process.stdout.write(clean(parts.map(String).join(" ")) + "\n")
  console.error = (...parts: Array<unknown>) => void errors.push(clean(parts.map(String).join(" ")))
  try {
    return { value: await effect(), errors: errors.join(" ").replace(/\s+/g, " ").trim() }
  } finally {
    console.log = original.log
    console.error = original.error
  }
}

/**
 * Runs the command line with the given arguments (without `node` and the script); resolves to the exit code.
 *
 * @since 0.1.0
 * @category running
 */
export const main = async (argv: ReadonlyArray<string>): Promise<number> => {
  resetExitCode()
  setMachineOutput(false)
  if (argv.length === 0) argv = ["--help"]
  const { value: exit, errors } = await withConsole(() =>
    Effect.runPromiseExit(cli(["node", "gsyf", ...argv.map(clean)]).pipe(Effect.provide(environment)))
  )
  if (Exit.isSuccess(exit)) return lastExitCode()
  const failure = Cause.failureOption(exit.cause)
  const e = Option.isSome(failure) ? failure.value : Cause.squash(exit.cause)
  if (ValidationError.isValidationError(e)) {
    if (ValidationError.isHelpRequested(e)) return 0
    error(
      `命令行有误:${mistakes[e._tag]}(见 gsyf --help)`,
      `invalid command line: ${errors || e._tag} (see gsyf --help)`
    )
    return 2
  }
  if (e instanceof CliError) {
    error(e.zh, e.en, e.details)
    return e.code
  }
  const message = e instanceof Error ? e.message : String(e)
  error("内部错误,请报告此问题", `internal error: ${message.split("\n")[0]}`)
  return 70
}
