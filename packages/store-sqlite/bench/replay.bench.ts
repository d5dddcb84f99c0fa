// Loading a project from SQLite, as a command without a cache or snapshots does (`CommandHandler.load`): the
// stream read from the store in pieces of 500 events (`readStream` with `maxCount`, on the store's direct
// connection), each row parsed, decoded and folded as the fold reaches it, the pieces folded as one batch
// (`Lifecycle.evolvePieces`). Alternated with the least any load of the same rows must do, better-sqlite3 reading
// the data column of the stream and `JSON.parse` of each row, and the ratio printed; then with the load as it was
// before the pieces, the whole stream read at once and then folded (`readStream` + `CommandHandler.foldEvents` →
// `evolveAll`). A project in its contract period with GSYF_BENCH_EVENTS events (default 10,000), stored with
// synchronous=NORMAL. Then `verify` of the same stream.
//
//   npx tsx packages/store-sqlite/bench/replay.bench.ts
//
// Prints figures; asserts nothing.
import { CommandHandler, EventStore, Lifecycle, ProjectEvent } from "@gsyf/core"
import Sqlite from "better-sqlite3"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { compareAsync } from "../../core/bench/compare.js"
import { buildOpenProject } from "../../core/bench/project10k.js"
import { SqliteEventStore } from "../src/index.js"

const EVENTS = Number(process.env.GSYF_BENCH_EVENTS ?? 10_000)
const projectId = "p-replay"
const dir = mkdtempSync(join(tmpdir(), "gsyf-replay-bench-"))
const filename = join(dir, "store.db")

const { config, events, state } = buildOpenProject(EVENTS)
const runtime = ManagedRuntime.make(SqliteEventStore.layer({ filename, synchronous: "NORMAL", projections: [] }))
await runtime.runPromise(Effect.gen(function*() {
  const store = yield* EventStore.EventStore
  for (let version = 0; version < events.length; version += 1000) {
    // the events as the command handler appends them (schema version 3: their records kept once)
    const batch = Either.getOrThrow(
      CommandHandler.encodeEvents(ProjectEvent.codec, projectId, events.slice(version, version + 1000))
    )
    yield* store.append(projectId, version, `load-${version}`, batch)
  }
}))

const decider = Lifecycle.decider(config)
const load = () =>
  runtime.runPromise(Effect.map(CommandHandler.load(decider, ProjectEvent.codec, projectId), (c) => c.state))
// the load before it read in pieces: the whole stream at once, then folded
const loadWhole = () =>
  runtime.runPromise(Effect.gen(function*() {
    const store = yield* EventStore.EventStore
    const rows = yield* store.readStream(projectId)
    const folded = CommandHandler.foldEvents(
      ProjectEvent.codec,
      rows,
      (decoded) => Lifecycle.evolveAll(Lifecycle.initialState, decoded)
    )
    if (Either.isLeft(folded)) throw new Error(folded.left.message)
    return folded.right
  }))

const bare = new Sqlite(filename, { readonly: true })
const dataOf = bare.prepare("SELECT data FROM events WHERE stream_id = ? ORDER BY position").pluck()
const readAndParse = async () => {
  let n = 0
  for (const text of dataOf.all(projectId) as Array<string>) if (JSON.parse(text) !== null) n++
  return n
}

for (const loaded of [await load(), await loadWhole()]) {
  if (loaded.version !== state.version || Lifecycle.status(loaded) !== Lifecycle.status(state)) {
    throw new Error("the loaded state differs from the decided one")
  }
}
if ((await readAndParse()) !== events.length) throw new Error("the bare read found another number of rows")

console.log(`Replay from SQLite, ${process.version}: ${events.length.toLocaleString("en-US")} events of a project`)
const replayed = await compareAsync(
  "load: CommandHandler.load (pieces of 500 events, folded as one batch), vs better-sqlite3 reading the data column + JSON.parse",
  "events",
  events.length,
  load,
  readAndParse
)
console.log(`    load from SQLite incl. decoding: ${Math.round(replayed.gsyf).toLocaleString("en-US")} events/s`)
await compareAsync(
  "load in pieces vs the whole stream read at once, then folded (readStream + CommandHandler.foldEvents → evolveAll)",
  "events",
  events.length,
  load,
  loadWhole,
  undefined,
  ["pieces", "whole"]
)

const verifyWith = (hashThreads: number) => () =>
  runtime.runPromise(Effect.flatMap(EventStore.EventStore, (store) => store.verify(projectId, { hashThreads }))).then(
    (v) => {
      if (!v.ok) throw new Error("verify failed")
      return v
    }
  )
const verifyOnce = verifyWith(0)
const verified = await compareAsync(
  "verify: the stream's hash chain over its stored rows, vs better-sqlite3 reading the data column + JSON.parse",
  "events",
  events.length,
  verifyOnce,
  readAndParse
)
console.log(`    verify from SQLite: ${Math.round(verified.gsyf).toLocaleString("en-US")} events/s`)
const onThreads = await compareAsync(
  "verify with one helper thread hashing (hashThreads: 1) vs the calling thread alone, both reading from SQLite",
  "events",
  events.length,
  verifyWith(1),
  verifyOnce,
  undefined,
  ["threads", "alone"]
)
console.log(
  `    verify from SQLite with a helper thread: ${Math.round(onThreads.gsyf).toLocaleString("en-US")} events/s`
)

bare.close()
await runtime.dispose()
rmSync(dir, { recursive: true, force: true })
