/** `gsyf new-scenario <checkpoint>`: writes a scenario file that starts at a checkpoint of the seed plan. @internal */
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { Checkpoint } from "@gsyf/scenarios"
import { Either, Option } from "effect"
import { existsSync, writeFileSync } from "node:fs"
import { action } from "../action.js"
import { CliError } from "../context.js"
import * as Opt from "../options.js"
import { json, line } from "../output.js"

const spec = {
  checkpoint: Opt.positional(
    "checkpoint",
    "种子计划的检查点,如 budget-approved 或 seed@budget-approved / a checkpoint of the seed plan"
  ),
  out: Options.text("out").pipe(
    Options.withDescription("写入的文件(默认:<检查点>.yaml,不覆盖已有文件)/ file to write (default <checkpoint>.yaml)"),
    Options.optional
  ),
  json: Opt.json
}

/** @internal */
export const run = async (input: Command.Command.ParseConfig<typeof spec>): Promise<number> => {
  const text = Checkpoint.template(input.checkpoint)
  if (Either.isLeft(text)) throw new CliError(text.left.zh, text.left.en, [], 2)
  const name = input.checkpoint.replace(/^seed@/, "")
  const out = Option.getOrElse(input.out, () => `${name}.yaml`)
  if (existsSync(out)) {
    throw new CliError(`${out} 已存在,未覆盖`, `${out} exists; it was not overwritten (choose another with --out)`)
  }
  writeFileSync(out, text.right)
  if (input.json) json({ file: out, from: `seed@${name}` })
  line(`已写入 ${out}(从 seed@${name} 开始)/ wrote ${out} (starts at seed@${name}); run it with: gsyf test ${out}`)
  return 0
}

/** @internal */
export const command = Command.make("new-scenario", spec, action(run)).pipe(
  Command.withDescription("从种子计划的检查点新建场景文件 / write a scenario file starting at a seed checkpoint")
)
