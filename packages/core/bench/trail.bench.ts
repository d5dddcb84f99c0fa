/**
 * Audit trail throughput: `AuditTrail.verify` over the 10,000 stored events of
 * a project (the seed lifecycle plus thousands of deliverables, appended to the
 * in-memory event store one command at a time, each at its own time: the store's
 * clock moves 37 seconds per command, as in a store that ran for months), against raw `node:crypto`
 * SHA-256 chaining over the same bytes (`prevHash + canonical(body)`, the body
 * text computed once beforehand, hashed with the same one-shot call), in turns
 * in one process (see `compare.ts`). Prints events per second and the ratio
 * verify ÷ raw (target ≥ 0.9 over stored rows, against the bodies ready-made), and the same against a raw chaining
 * that, like verify, writes each body's text from the row's columns (checking nothing). Two more lines size what
 * is left for verify's own work: the floor of any verify that rebuilds the hashed bytes from a row (the previous
 * hash and the data text written into one buffer, that buffer hashed at the body's length; no header written,
 * nothing checked) against verify and against the raw chaining. The floor's own rate over the raw chaining's is the
 * most verify could reach by cutting its header writing and checks to nothing.
 *
 * Verify is measured twice: with one helper thread hashing the rows the calling thread writes and checks (checking a
 * chain does not wait for the previous hash, so the hashes can be taken on another core; this is the target's line)
 * and on the calling thread alone. The raw chaining cannot be split so: each hash is the next one's input.
 *
 * Prints figures; asserts nothing. Run: `npx tsx packages/core/bench/trail.bench.ts`.
 */
import { AuditTrail, CommandHandler, EventStore, ProjectEvent } from "@gsyf/core"
import { Clock, Effect, Either } from "effect"
import * as crypto from "node:crypto"
import { compare } from "./compare.js"
import { buildProject } from "./project10k.js"

const { events } = buildProject(10_000)
// what a store writes: the stored form (legal bases by reference)
const streamId = "project-2026"
// a clock that reads the given instant, for the store to record each command at its own time
const clockAt = (millis: number): Clock.Clock => ({
  [Clock.ClockTypeId]: Clock.ClockTypeId,
  unsafeCurrentTimeMillis: () => millis,
  currentTimeMillis: Effect.succeed(millis),
  unsafeCurrentTimeNanos: () => BigInt(millis) * 1_000_000n,
  currentTimeNanos: Effect.sync(() => BigInt(millis) * 1_000_000n),
  sleep: () => Effect.void
})
const firstCommandAt = Date.UTC(2026, 3, 25, 1)

const stored = Effect.runSync(
  Effect.gen(function*() {
    const store = yield* EventStore.makeMemory()
    let version = 0
    let i = 0
    while (i < events.length) {
      const commandId = events[i]!.commandId
      const decided: Array<ProjectEvent.Event> = []
      while (i < events.length && events[i]!.commandId === commandId) decided.push(events[i++]!)
      // the events as the command handler appends them (schema version 3: their records kept once)
      const batch = Either.getOrThrow(CommandHandler.encodeEvents(ProjectEvent.codec, streamId, decided))
      const at = clockAt(firstCommandAt + 37_000 * version)
      version = (yield* store.append(streamId, version, commandId, batch).pipe(Effect.withClock(at))).version
    }
    return yield* store.readStream(streamId)
  })
)

const first = AuditTrail.verify(stored)
if (!first.ok) throw new Error(`the stored trail should verify: ${first.en}`)
// the exact bytes verify hashes, prepared once for the raw baseline
const bodies = stored.map((e) => AuditTrail.canonicalize(AuditTrail.bodyOf(e)))
const bytes = bodies.reduce((n, b) => n + Buffer.byteLength(b, "utf8") + 64, 0)
// The peer hashes with the primitive verify uses: Node's one-shot `crypto.hash` where there is one.
const oneShot = (crypto as {
  readonly hash?: (algorithm: string, data: string | Uint8Array, encoding: "hex") => string
}).hash
const sha256Hex = oneShot === undefined
  ? (text: string) => crypto.createHash("sha256").update(text, "utf8").digest("hex")
  : (text: string) => oneShot("sha256", text, "hex")
const raw = (): string => {
  let prev = AuditTrail.genesisHash
  for (const body of bodies) prev = sha256Hex(prev + body)
  return prev
}
if (raw() !== first.head) throw new Error("the raw chain should end at the verified head")

console.log(
  `Audit trail, ${process.version}: ${stored.length.toLocaleString("en-US")} stored events, ${
    (bytes / 1e6).toFixed(1)
  } MB hashed per pass`
)
// What the SQL stores verify: each row's stored canonical text (no re-serialising of parsed data).
const rows = stored.map((e) => ({ ...e, dataJson: AuditTrail.canonicalize(e.data) }))
// texts as a store hands them over: flat, as the bodies of the raw chaining are once measured above
for (const row of rows) Buffer.byteLength(row.dataJson, "utf8")
const fromRows = AuditTrail.verify(rows)
if (!fromRows.ok || fromRows.head !== first.head) throw new Error("verifying the stored text should give the same head")
const onThreads = AuditTrail.verify(rows, { hashThreads: 1 })
if (!onThreads.ok || onThreads.head !== first.head) throw new Error("verifying on threads should give the same head")
// A second peer that starts where verify starts, from the rows: each body's text written from the row's columns and
// its stored data text (a template string, keys in canonical order), then hashed; nothing checked.
const rawFromRows = (): string => {
  let prev = AuditTrail.genesisHash
  for (const r of rows) {
    prev = sha256Hex(
      `${prev}{"commandId":${JSON.stringify(r.commandId)},"data":${r.dataJson},"position":${r.position},` +
        `"recordedAt":${JSON.stringify(r.recordedAt)},"schemaVersion":${r.schemaVersion},` +
        `"streamId":${JSON.stringify(r.streamId)},"type":${JSON.stringify(r.type)}}`
    )
  }
  return prev
}
if (rawFromRows() !== first.head) throw new Error("the raw chain from the rows should end at the verified head")
// The floor: per row, the two writes and the one hash that rebuilding a row's hashed bytes cannot do without.
const bytesHash = oneShot === undefined
  ? (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex")
  : (bytes: Uint8Array) => oneShot("sha256", bytes, "hex")
type Utf8Write = (this: Buffer, text: string, offset: number, length: number) => number
const utf8Write = (Buffer.prototype as unknown as { readonly utf8Write?: Utf8Write }).utf8Write ??
  function(this: Buffer, text, offset, length) {
    return this.write(text, offset, length, "utf8")
  }
// the bytes of each body around its data text (keys, ids, position, tail), hashed but not written
const headerBytes = rows.map((r, i) => Buffer.byteLength(bodies[i]!, "utf8") - Buffer.byteLength(r.dataJson, "utf8"))
const buffer = Buffer.allocUnsafeSlow(4 * Math.max(...bodies.map((b) => b.length)) + 1024)
const floorViews = new Map<number, Uint8Array>()
const floorView = (length: number) => {
  let view = floorViews.get(length)
  if (view === undefined) floorViews.set(length, view = buffer.subarray(0, length))
  return view
}
const floor = (): string => {
  let last = ""
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!
    const end = utf8Write.call(buffer, r.prevHash, 0, buffer.length)
    const data = utf8Write.call(buffer, r.dataJson, end + 40, buffer.length - end - 40)
    last = bytesHash(floorView(end + data + headerBytes[i]!))
  }
  return last
}
const n = stored.length
compare(
  "AuditTrail.verify over stored rows, one helper thread hashing (hashThreads: 1) vs raw SHA-256 chaining (bodies ready-made)",
  "events",
  n,
  () => AuditTrail.verify(rows, { hashThreads: 1 }),
  raw,
  0.9
)
compare(
  "AuditTrail.verify over stored rows on the calling thread alone (hashThreads: 0) vs raw SHA-256 chaining (bodies ready-made)",
  "events",
  n,
  () => AuditTrail.verify(rows),
  raw
)
compare(
  "AuditTrail.verify over stored rows vs raw SHA-256 chaining that writes each body from the row's columns",
  "events",
  n,
  () => AuditTrail.verify(rows),
  rawFromRows
)
compare(
  "AuditTrail.verify over decoded data (canonicalise + hash) vs raw SHA-256 chaining",
  "events",
  n,
  () => AuditTrail.verify(stored),
  raw
)
compare(
  "AuditTrail.verify over stored rows vs the floor of a rebuild (previous hash and data text written, hashed at the body's length)",
  "events",
  n,
  () => AuditTrail.verify(rows),
  floor,
  undefined,
  ["verify", "floor"]
)
compare(
  "The floor of a rebuild vs raw SHA-256 chaining (bodies ready-made): the most verify could reach with no header and no checks",
  "events",
  n,
  floor,
  raw,
  undefined,
  ["floor", "raw"]
)
