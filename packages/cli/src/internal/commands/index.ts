/**
 * The subcommands of `gsyf`, in the order `gsyf --help` lists them. Adding one: write
 * `internal/commands/<name>.ts` exporting `command = Command.make("<name>", spec, action(run))` (options from
 * `../options.js`, handler `run(input): Promise<exitCode>` throwing `CliError` for failures), then add it here.
 * @internal
 */
import * as demo from "./demo.js"
import * as explain from "./explain.js"
import * as newScenario from "./new-scenario.js"
import * as ocds from "./ocds.js"
import * as plan from "./plan.js"
import * as rules from "./rules.js"
import * as serve from "./serve.js"
import * as test from "./test.js"
import * as verify from "./verify.js"

/** @internal */
export const subcommands = [
  demo.command,
  plan.command,
  test.command,
  newScenario.command,
  rules.command,
  explain.command,
  verify.command,
  ocds.command,
  serve.command
] as const
