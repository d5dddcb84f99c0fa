/**
 * Audit trail throughput: `AuditTrail.verify` over the 10,000 stored events of
 * a project (the seed lifecycle plus thousands of deliverables, appended to the
 * in-memory event store one command at a time), against raw `node:crypto`
 * SHA-256 chaining over the same bytes (`prevHash + canonical(body)`, computed
 * once beforehand). Prints events per second and the ratio verify ÷ raw
 * (target ≥ 0.5: canonicalising must not cost more than hashing).
 *
 * Prints figures; asserts nothing. Run: `npx tsx packages/core/bench/trail.bench.ts`.
 */
import { AuditTrail, EventStore, ProjectEvent } from "@gsyf/core"
import { Effect, Schema } from "effect"
import { createHash } from "node:crypto"
import { buildProject } from "./project10k.js"

const { events } = buildProject(10_000)
const encode = Schema.encodeSync(ProjectEvent.Event)
const streamId = "project-2026"

const stored = Effect.runSync(
  Effect.gen(function*() {
    const store = yield* EventStore.makeMemory()
    let version = 0
    let i = 0
    while (i < events.length) {
      const commandId = events[i]!.commandId
      const batch: Array<EventStore.NewEvent> = []
      while (i < events.length && events[i]!.commandId === commandId) {
        const e = events[i++]!
        batch.push({ type: e._tag, schemaVersion: ProjectEvent.currentVersion, data: encode(e) })
      }
      version = (yield* store.append(streamId, version, commandId, batch)).version
    }
    return yield* store.readStream(streamId)
  })
)

const first = AuditTrail.verify(stored)
if (!first.ok) throw new Error(`the stored trail should verify: ${first.en}`)
// the exact bytes verify hashes, prepared once for the raw baseline
const bodies = stored.map((e) => AuditTrail.canonicalize(AuditTrail.bodyOf(e)))
const bytes = bodies.reduce((n, b) => n + Buffer.byteLength(b, "utf8") + 64, 0)
const raw = (): string => {
  let prev = AuditTrail.genesisHash
  for (const body of bodies) prev = createHash("sha256").update(prev + body, "utf8").digest("hex")
  return prev
}
if (raw() !== first.head) throw new Error("the raw chain should end at the verified head")

const perSecond = (fn: () => unknown, budgetMs = 3000): number => {
  fn()
  fn()
  let runs = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < budgetMs || runs < 3) {
    fn()
    runs++
    elapsed = performance.now() - start
  }
  return (runs * stored.length * 1000) / elapsed
}

console.log(
  `Audit trail, ${process.version}: ${stored.length.toLocaleString("en-US")} stored events, ${
    (bytes / 1e6).toFixed(1)
  } MB hashed per pass`
)
// What the SQL stores verify: each row's stored canonical text (no re-serialising of parsed data).
const rows = stored.map((e) => ({ ...e, dataJson: AuditTrail.canonicalize(e.data) }))
const fromRows = AuditTrail.verify(rows)
if (!fromRows.ok || fromRows.head !== first.head) throw new Error("verifying the stored text should give the same head")
const verifyRate = perSecond(() => AuditTrail.verify(stored))
const verifyRowsRate = perSecond(() => AuditTrail.verify(rows))
const rawRate = perSecond(raw)
const fmt = (n: number) => Math.round(n).toLocaleString("en-US").padStart(12)
console.log(
  `${"AuditTrail.verify, stored rows (SQL stores: hash the stored text)".padEnd(66)} ${fmt(verifyRowsRate)} events/s`
)
console.log(
  `${"AuditTrail.verify, decoded data (memory store: canonicalise + hash)".padEnd(66)} ${fmt(verifyRate)} events/s`
)
console.log(`${"raw SHA-256 chaining over the same bytes".padEnd(66)} ${fmt(rawRate)} events/s`)
console.log(
  `${"ratio verify (stored rows) / raw (target ≥ 0.5)".padEnd(66)} ${
    (verifyRowsRate / rawRate).toFixed(2).padStart(12)
  }`
)
console.log(`${"ratio verify (decoded data) / raw".padEnd(66)} ${(verifyRate / rawRate).toFixed(2).padStart(12)}`)
