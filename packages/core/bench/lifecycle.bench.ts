/**
 * Lifecycle throughput.
 *
 * (a) Replay of a 10,000-event project including decoding, as a load reads and folds a stream from a SQL store:
 *     every row has its own JSON text (its `data` column, the event in the form stores write, `ProjectEvent.Stored`)
 *     and its other columns. Each run makes the stored events of the rows as the SQL stores do
 *     (`EventStore.storedFromJson`, what `readStream` returns) and folds them as the command handler and
 *     `ProjectService.load` do (`CommandHandler.foldEvents` with `Lifecycle.evolveAll`): each row's text is parsed
 *     and decoded (`ProjectEvent.decodeStored`, the full schema for anything it does not expect) as the fold reaches
 *     it. Alternated with `JSON.parse` alone of the same row texts, one by one (see `compare.ts`), printing the
 *     ratio. Acceptance is in `acceptance.bench.ts`.
 *
 * Then the replay as it was before the stores parsed lazily and the fold decoded as it went (every row parsed,
 * then every event decoded, then the list folded), the replay with the full schema, each part alone: the decoders
 * on parsed rows, and the fold, one event at a time (`Lifecycle.evolve`) and in one batch (`Lifecycle.evolveAll`).
 *
 * Prints figures; asserts nothing. Run: `npx tsx packages/core/bench/lifecycle.bench.ts`.
 */
import { CommandHandler, EventStore, Lifecycle, ProjectEvent } from "@gsyf/core"
import { Either, Schema } from "effect"
import { compare, rate } from "./compare.js"
import { buildProject } from "./project10k.js"

const fmt = (n: number) => Math.round(n).toLocaleString("en-US").padStart(14)

const t0 = performance.now()
const { state, events } = buildProject(10_000)
const encode = Schema.encodeSync(ProjectEvent.Stored)
// the rows of a store: the type column, the data column's JSON text and the other columns
const rows = events.map((e, i) => ({
  position: i + 1,
  type: e._tag,
  data: JSON.stringify(encode(e)),
  commandId: e.commandId,
  recordedAt: e.at,
  prevHash: "0".repeat(64),
  hash: (i + 1).toString(16).padStart(64, "0")
}))
const bytes = rows.reduce((n, r) => n + r.data.length, 0)
console.log(
  `Lifecycle, ${process.version}: ${events.length.toLocaleString("en-US")} events (${
    (bytes / 1e6).toFixed(1)
  } MB of JSON in ${rows.length.toLocaleString("en-US")} rows), built in ${
    ((performance.now() - t0) / 1000).toFixed(1)
  } s`
)
// ── (a) replay including decoding ────────────────────────────────────────────
type Decode = (type: string, u: unknown) => Either.Either<ProjectEvent.Event, unknown>
// `Schema.decodeUnknown(ProjectEvent.Stored)` (run synchronously as an Either), and
// `ProjectEvent.decodeStoredEither`, which picks the member schema by the row's type first.
const unionDecode: Decode = (_type, u) => Schema.decodeUnknownEither(ProjectEvent.Stored)(u)
const tagDecode: Decode = (type, u) => ProjectEvent.decodeStoredEither(type, u)
// what the stores do with rows they wrote at the current version (falls back to the full schema)
const storedDecode: Decode = (type, u) => {
  const fast = ProjectEvent.decodeStored(type, u)
  return fast === undefined ? tagDecode(type, u) : Either.right(fast)
}
// What the SQL stores' `readStream` returns, and what the command handler and `ProjectService.load` do with it.
const replay = (): Lifecycle.State => {
  const stored = rows.map((r) =>
    EventStore.storedFromJson(
      "p-bench",
      r.position,
      r.position,
      r.type,
      ProjectEvent.currentVersion,
      r.data,
      r.commandId,
      r.recordedAt,
      r.prevHash,
      r.hash
    )
  )
  const folded = CommandHandler.foldEvents(
    ProjectEvent.codec,
    stored,
    (decoded) => Lifecycle.evolveAll(Lifecycle.initialState, decoded)
  )
  if (Either.isLeft(folded)) throw new Error(String(folded.left))
  return folded.right
}
// Before: every row parsed, then every event decoded, then the list folded.
const replayWith = (decode: Decode) => (): Lifecycle.State => {
  const parsedRows = rows.map((r) => ({ type: r.type, data: JSON.parse(r.data) as unknown }))
  const decoded = new Array<ProjectEvent.Event>(rows.length)
  for (let i = 0; i < parsedRows.length; i++) {
    const row = parsedRows[i]!
    const e = decode(row.type, row.data)
    if (Either.isLeft(e)) throw new Error(String(e.left))
    decoded[i] = e.right
  }
  return Lifecycle.evolveAll(Lifecycle.initialState, decoded)
}
const parseOnly = (): number => {
  let n = 0
  for (const row of rows) if (JSON.parse(row.data) !== null) n++
  return n
}
const parsed = rows.map((r) => JSON.parse(r.data) as unknown)
const decodeOnly = (decode: Decode) => (): number => {
  let n = 0
  for (let i = 0; i < rows.length; i++) if (Either.isRight(decode(rows[i]!.type, parsed[i]))) n++
  return n
}
const evolveOnly = (): Lifecycle.State => {
  let s = Lifecycle.initialState
  for (const e of events) s = Lifecycle.evolve(s, e)
  return s
}
const foldOnly = (): Lifecycle.State => Lifecycle.evolveAll(Lifecycle.initialState, events)

const check = replay()
if (replayWith(unionDecode)().version !== check.version) throw new Error("the two decoders disagree")
if (replayWith(storedDecode)().version !== check.version) throw new Error("the two replays disagree")
if (check.version !== state.version || Lifecycle.status(check) !== Lifecycle.status(state)) {
  throw new Error("replay differs from the decided state")
}

const n = events.length
const replayed = compare(
  "replay: rows as the SQL stores return them, each parsed and decoded as CommandHandler.foldEvents → evolveAll reaches it, vs per row JSON.parse alone",
  "events",
  n,
  replay,
  parseOnly
)
console.log(`    replay incl. decoding: ${fmt(replayed.gsyf).trim()} events/s (target ≥ 200,000)`)
for (
  const [name, fn] of [
    ["  replay before (all parsed, then all decoded, then folded)", replayWith(storedDecode)],
    ["  replay with the full schema by type (untrusted input)", replayWith(tagDecode)],
    ["  stored-row decoder alone (ProjectEvent.decodeStored)", decodeOnly(storedDecode)],
    ["  decode with the union alone", decodeOnly(unionDecode)],
    ["  decode by type alone (ProjectEvent.decodeStoredEither)", decodeOnly(tagDecode)],
    ["  evolve alone (already decoded, one by one)", evolveOnly],
    ["  evolveAll alone (already decoded, one batch)", foldOnly]
  ] as const
) console.log(`${name.padEnd(58)} ${fmt(rate(fn) * n)} events/s`)
