/**
 * `gsyf verify [project]`: checks the audit trail of every project (or one) in a store. The store is opened
 * read-only (nothing is created, a file that is not a gsyf store is refused); a project that is not in the store
 * and a store without projects both answer "not found" with exit code 1. @internal
 */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import { type AuditTrail, EventStore } from "@gsyf/core"
import { Effect, Option } from "effect"
import { action, storeFlags } from "../action.js"
import { CliError, describeStore, storeChoice, withStore } from "../context.js"
import * as Opt from "../options.js"
import { green, json as printJson, line, red } from "../output.js"

const spec = {
  project: Opt.positional("project", "项目编号 / project id").pipe(Args.optional),
  json: Opt.json,
  ...Opt.store
}

/** @internal */
export const run = async (input: Command.Command.ParseConfig<typeof spec>): Promise<number> => {
  const choice = storeChoice(storeFlags(input), "out/gsyf-demo.db")
  const only = Option.getOrUndefined(input.project)
  const results = await withStore(
    choice,
    [],
    true,
    Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      const streams = (yield* store.listStreams()).map((s) => s.streamId)
      const chosen = only === undefined ? streams : streams.filter((s) => s === only)
      const out: Array<{ readonly streamId: string; readonly result: AuditTrail.VerifyResult }> = []
      for (const streamId of chosen) out.push({ streamId, result: yield* store.verify(streamId) })
      return out
    })
  )
  if (results.length === 0) {
    const where = describeStore(choice)
    if (input.json) printJson({ ok: false, found: false, project: only ?? null, store: where })
    throw only === undefined
      ? new CliError(`在 ${where} 中没有找到任何项目`, `no project: not found in ${where}`)
      : new CliError(`在 ${where} 中没有找到项目 ${only}`, `project ${only} not found in ${where}`)
  }
  const ok = results.every((r) => r.result.ok)
  if (input.json) {
    printJson({ ok, found: true, projects: results.map((r) => ({ project: r.streamId, ...r.result })) })
    return ok ? 0 : 1
  }
  for (const { streamId, result } of results) {
    if (result.ok) line(`${green("✓")} ${streamId}: ${result.count} events, head ${result.head}`)
    else {
      line(`${red("✗")} ${streamId}: 第 ${result.firstBrokenPosition} 条起哈希链断裂(${result.reason})`)
      line(`  chain broken at position ${result.firstBrokenPosition} (${result.reason})`)
    }
  }
  return ok ? 0 : 1
}

/** @internal */
export const command = Command.make("verify", spec, action(run)).pipe(
  Command.withDescription("只读校验审计追踪的哈希链 / verify the audit trails, read-only")
)
