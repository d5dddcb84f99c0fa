/**
 * Lifecycle throughput.
 *
 * (a) Replay of a 10,000-event project including decoding, as a load reads and folds a stream from a SQL store:
 *     every row has its own JSON text (its `data` column, the event in the form stores write, `ProjectEvent.Stored`)
 *     and its other columns. Each run makes the stored events of the rows as the SQL stores do
 *     (`EventStore.storedFromJson`, what `readStream` returns) and folds them as `ProjectService.load` does
 *     (`CommandHandler.foldEvents` with `Lifecycle.evolveAll`; the command handler folds the same way, 500 rows at a
 *     time, see `store-sqlite/bench/replay.bench.ts`): each row's text is parsed and decoded
 *     (`ProjectEvent.decodeStored`, the full schema for anything it does not expect) as the fold reaches it.
 *     Alternated with `JSON.parse` alone of the same row texts, one by one (see `compare.ts`), printing the ratio.
 *     Acceptance is in `acceptance.bench.ts`.
 *
 * Then the replay of the same events stored at schema version 2 (before records: who acted, the legal basis and the
 * rules evaluated in every row), alternated with version 3; then on the version 2 rows the replay as it was before
 * the stores parsed lazily and the fold decoded as it went (every row parsed, then every event decoded, then the
 * list folded), the replay with the full schema, each part alone: the decoders on parsed rows, and the fold, one
 * event at a time (`Lifecycle.evolve`) and in one batch (`Lifecycle.evolveAll`).
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
// The rows of a store: the type column, the data column's JSON text (what `EventStore.prepareAppend` makes of the
// event the command handler hands over: the record fields in a record the data names) and the other columns, and
// the records, one object per reference as a store instance keeps them.
const records = new Map<string, EventStore.StoredRecord>()
const rowOf = (e: ProjectEvent.Event, i: number, version: 2 | 3) => {
  const data = encode(e) as unknown as Record<string, unknown>
  const own: Record<string, unknown> = { ...data }
  const record: Record<string, unknown> = {}
  for (const f of ProjectEvent.recordFields) {
    record[f] = own[f]
    delete own[f]
  }
  const prepared = Either.getOrThrow(
    EventStore.prepareAppend("p-bench", 0, "c", [
      version === 3 ? { type: e._tag, schemaVersion: 3, data: own, record } : { type: e._tag, schemaVersion: 2, data }
    ])
  ).events[0]!
  const ref = prepared.record?.ref
  if (ref !== undefined && !records.has(ref)) records.set(ref, EventStore.readRecord(ref, prepared.record!.json)!)
  return {
    position: i + 1,
    type: e._tag,
    schemaVersion: version,
    data: prepared.dataJson,
    commandId: e.commandId,
    recordedAt: e.at,
    prevHash: "0".repeat(64),
    hash: (i + 1).toString(16).padStart(64, "0"),
    record: ref === undefined ? undefined : records.get(ref)
  }
}
type Row = ReturnType<typeof rowOf>
const rows = events.map((e, i) => rowOf(e, i, 3))
// the same events as a store wrote them before records (schema version 2: every row whole)
const rowsV2 = events.map((e, i) => rowOf(e, i, 2))
const bytes = (rs: ReadonlyArray<Row>) => rs.reduce((n, r) => n + r.data.length, 0)
console.log(
  `Lifecycle, ${process.version}: ${events.length.toLocaleString("en-US")} events (${
    (bytes(rows) / 1e6).toFixed(1)
  } MB of JSON in ${rows.length.toLocaleString("en-US")} rows and ${records.size} records; ${
    (bytes(rowsV2) / 1e6).toFixed(1)
  } MB at schema version 2), built in ${((performance.now() - t0) / 1000).toFixed(1)} s`
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
// What the SQL stores' `readStream` returns, and what `ProjectService.load` does with it.
const replayOf = (rs: ReadonlyArray<Row>) => (): Lifecycle.State => {
  const stored = rs.map((r) =>
    EventStore.storedFromJson(
      "p-bench",
      r.position,
      r.position,
      r.type,
      r.schemaVersion,
      r.data,
      r.commandId,
      r.recordedAt,
      r.prevHash,
      r.hash,
      r.record
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
const replay = replayOf(rows)
// Before: every row parsed, then every event decoded, then the list folded (the rows of schema version 2, which hold
// every field: these decoders take the data alone).
const replayWith = (decode: Decode) => (): Lifecycle.State => {
  const parsedRows = rowsV2.map((r) => ({ type: r.type, data: JSON.parse(r.data) as unknown }))
  const decoded = new Array<ProjectEvent.Event>(rows.length)
  for (let i = 0; i < parsedRows.length; i++) {
    const row = parsedRows[i]!
    const e = decode(row.type, row.data)
    if (Either.isLeft(e)) throw new Error(String(e.left))
    decoded[i] = e.right
  }
  return Lifecycle.evolveAll(Lifecycle.initialState, decoded)
}
const parseOf = (rs: ReadonlyArray<Row>) => (): number => {
  let n = 0
  for (const row of rs) if (JSON.parse(row.data) !== null) n++
  return n
}
const parseOnly = parseOf(rows)
const parsed = rowsV2.map((r) => JSON.parse(r.data) as unknown)
const decodeOnly = (decode: Decode) => (): number => {
  let n = 0
  for (let i = 0; i < rowsV2.length; i++) if (Either.isRight(decode(rowsV2[i]!.type, parsed[i]))) n++
  return n
}
const evolveOnly = (): Lifecycle.State => {
  let s = Lifecycle.initialState
  for (const e of events) s = Lifecycle.evolve(s, e)
  return s
}
const foldOnly = (): Lifecycle.State => Lifecycle.evolveAll(Lifecycle.initialState, events)

const check = replay()
if (replayOf(rowsV2)().version !== check.version) throw new Error("the rows of versions 2 and 3 fold apart")
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
compare(
  "replay of the rows of schema version 3 (records kept once) vs the same events as version 2 rows (every row whole)",
  "events",
  n,
  replay,
  replayOf(rowsV2)
)
for (
  const [name, fn] of [
    ["  JSON.parse alone, version 2 rows", parseOf(rowsV2)],
    ["  replay before (all parsed, then all decoded, then folded)", replayWith(storedDecode)],
    ["  replay with the full schema by type (untrusted input)", replayWith(tagDecode)],
    ["  stored-row decoder alone (ProjectEvent.decodeStored)", decodeOnly(storedDecode)],
    ["  decode with the union alone", decodeOnly(unionDecode)],
    ["  decode by type alone (ProjectEvent.decodeStoredEither)", decodeOnly(tagDecode)],
    ["  evolve alone (already decoded, one by one)", evolveOnly],
    ["  evolveAll alone (already decoded, one batch)", foldOnly]
  ] as const
) console.log(`${name.padEnd(58)} ${fmt(rate(fn) * n)} events/s`)
