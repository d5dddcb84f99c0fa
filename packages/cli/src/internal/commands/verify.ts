/** `gsyf verify`: checks the audit trail of every project (or one) in a store. @internal */
import { EventStore } from "@gsyf/core"
import { Effect } from "effect"
import type { Args } from "../args.js"
import { option } from "../args.js"
import { storeChoice, withStore } from "../context.js"
import { green, line, red } from "../output.js"

/** @internal */
export const run = async (args: Args): Promise<number> => {
  const choice = storeChoice(option(args, "db"), option(args, "pg"), "out/gsyf-demo.db")
  const only = args.positionals[0]
  const results = await withStore(
    choice,
    [],
    true,
    Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      const streams = only === undefined ? (yield* store.listStreams()).map((s) => s.streamId) : [only]
      const out: Array<{ streamId: string; result: Awaited<ReturnType<typeof Effect.runPromise<any, any>>> }> = []
      for (const streamId of streams) out.push({ streamId, result: yield* store.verify(streamId) })
      return out
    })
  )
  if (results.length === 0) {
    line("没有项目 / no projects in this store")
    return 1
  }
  let ok = true
  for (const { streamId, result } of results) {
    if (result.ok) line(`${green("✓")} ${streamId}: ${result.count} events, head ${result.head}`)
    else {
      ok = false
      line(
        `${
          red("✗")
        } ${streamId}: 第 ${result.firstBrokenPosition} 条起哈希链断裂 / chain broken at position ${result.firstBrokenPosition} (${result.reason})`
      )
    }
  }
  return ok ? 0 : 1
}
