/**
 * Lifecycle throughput.
 *
 * (a) Replay of a 10,000-event project including decoding: the stream is
 *     encoded to JSON once in the form stores write (`ProjectEvent.Stored`);
 *     each run times `JSON.parse` → decoding every event as the stores do
 *     (`ProjectEvent.decodeStored`, the full schema for anything it does not
 *     expect) → `Lifecycle.evolve`.
 *     Alternated with `JSON.parse` alone of the same rows (see `compare.ts`),
 *     printing the ratio. Acceptance is in `acceptance.bench.ts`.
 *
 * Prints figures; asserts nothing. Run: `npx tsx packages/core/bench/lifecycle.bench.ts`.
 */
import { Lifecycle, ProjectEvent } from "@gsyf/core"
import { Either, Schema } from "effect"
import { compare, rate } from "./compare.js"
import { buildProject } from "./project10k.js"

const fmt = (n: number) => Math.round(n).toLocaleString("en-US").padStart(14)

const t0 = performance.now()
const { state, events } = buildProject(10_000)
const json = JSON.stringify(Schema.encodeSync(Schema.Array(ProjectEvent.Stored))(events))
console.log(
  `Lifecycle, ${process.version}: ${events.length.toLocaleString("en-US")} events (${
    (json.length / 1e6).toFixed(1)
  } MB of JSON), built in ${((performance.now() - t0) / 1000).toFixed(1)} s`
)
// ── (a) replay including decoding ────────────────────────────────────────────
// `Schema.decodeUnknown(ProjectEvent.Stored)` (run synchronously as an Either), and
// `ProjectEvent.decodeStoredEither`, which picks the member schema by `_tag` first.
const unionDecode = Schema.decodeUnknownEither(ProjectEvent.Stored)
const tagDecode = (u: unknown) => ProjectEvent.decodeStoredEither(String((u as { _tag?: unknown })._tag), u)
const replayWith = (decode: (u: unknown) => Either.Either<ProjectEvent.Event, unknown>) => (): Lifecycle.State => {
  const raw = JSON.parse(json) as ReadonlyArray<unknown>
  let s = Lifecycle.initialState
  for (const r of raw) {
    const e = decode(r)
    if (Either.isLeft(e)) throw new Error(String(e.left))
    s = Lifecycle.evolve(s, e.right)
  }
  return s
}
// what the stores do with rows they wrote at the current version (falls back to the full schema)
const storedDecode = (u: unknown): Either.Either<ProjectEvent.Event, unknown> => {
  const fast = ProjectEvent.decodeStored(String((u as { _tag?: unknown })._tag), u)
  return fast === undefined ? tagDecode(u) : Either.right(fast)
}
const replay = replayWith(storedDecode)
const parseOnly = (): number => (JSON.parse(json) as ReadonlyArray<unknown>).length
const decodeOnly =
  (decode: (u: unknown) => Either.Either<ProjectEvent.Event, unknown>, raw: ReadonlyArray<unknown>) => (): number => {
    let n = 0
    for (const r of raw) if (Either.isRight(decode(r))) n++
    return n
  }
const evolveOnly = (): Lifecycle.State => {
  let s = Lifecycle.initialState
  for (const e of events) s = Lifecycle.evolve(s, e)
  return s
}

const check = replay()
if (replayWith(unionDecode)().version !== check.version) throw new Error("the two decoders disagree")
if (check.version !== state.version || Lifecycle.status(check) !== Lifecycle.status(state)) {
  throw new Error("replay differs from the decided state")
}

const parsed = JSON.parse(json) as ReadonlyArray<unknown>
const n = events.length
const replayed = compare(
  "replay: JSON.parse → stored-row decoder → evolve, vs JSON.parse alone",
  "events",
  n,
  replay,
  parseOnly
)
console.log(`    replay incl. decoding: ${fmt(replayed.gsyf).trim()} events/s (target ≥ 200,000)`)
for (
  const [name, fn] of [
    ["  replay with the full schema by _tag (untrusted input)", replayWith(tagDecode)],
    ["  stored-row decoder alone (ProjectEvent.decodeStored)", decodeOnly(storedDecode, parsed)],
    ["  decode with the union alone", decodeOnly(unionDecode, parsed)],
    ["  decode by _tag alone (ProjectEvent.decodeStoredEither)", decodeOnly(tagDecode, parsed)],
    ["  evolve alone (already decoded)", evolveOnly]
  ] as const
) console.log(`${name.padEnd(58)} ${fmt(rate(fn) * n)} events/s`)
