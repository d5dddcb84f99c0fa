import { describe, expect, it } from "@effect/vitest"
import { createHash } from "node:crypto"
import * as AuditTrail from "../src/runtime/AuditTrail.js"
import { HashThreads, slotBytes } from "../src/runtime/internal/hashThreads.js"

type Row = AuditTrail.ChainedEvent & { readonly dataJson: string }

const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex")

/**
 * A stored trail of `n` rows over two interleaved streams, seeded: Chinese text, a record named by every third row,
 * a time per command, and a row of `bigAt` holding a data text larger than a helper's slot.
 */
const storedTrail = (n: number, bigAt = -1): Array<Row> => {
  let seed = 20261204
  const next = (k: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % k
  const recordJson = AuditTrail.canonicalize({ actor: "市人社局", basis: "工伤保险条例 第十二条" })
  const record = { ref: sha(recordJson), json: recordJson }
  const heads = new Map<string, { position: number; hash: string }>()
  const rows: Array<Row> = []
  for (let i = 0; i < n; i++) {
    const streamId = next(3) === 0 ? "project-乙" : "project-甲"
    const head = heads.get(streamId) ?? { position: 0, hash: AuditTrail.genesisHash }
    const names = i % 3 === 0
    const text = i === bigAt ? "培训资料".repeat(slotBytes / 4) : "宣传培训".repeat(next(40))
    const data = names ? { $record: record.ref, n: i, text } : { n: i, text }
    const b: AuditTrail.HashedBody = {
      streamId,
      position: head.position + 1,
      type: ["DeliverableRecorded", "BriefingFiled", "PaymentRecorded"][next(3)]!,
      schemaVersion: 3,
      commandId: `cmd-${Math.floor(i / 2)}`,
      recordedAt: new Date(Date.UTC(2026, 3, 25) + 37_000 * Math.floor(i / 2)).toISOString(),
      data
    }
    const hash = AuditTrail.hashEvent(head.hash, b)
    heads.set(streamId, { position: b.position, hash })
    rows.push({
      ...b,
      prevHash: head.hash,
      hash,
      dataJson: AuditTrail.canonicalize(data),
      ...(names ? { record } : {})
    })
  }
  return rows
}

const inPlace = (rows: Iterable<AuditTrail.ChainedEvent>) => AuditTrail.verify(rows)
const onThreads = (rows: Iterable<AuditTrail.ChainedEvent>) => AuditTrail.verify(rows, { hashThreads: 1 })

/** Verifies on threads until a helper has hashed a slot (a helper starts in the background); false after 20 s. */
const helpersAtWork = async (rows: Array<Row>): Promise<boolean> => {
  const pool = HashThreads.get(1)
  if (pool === undefined) return false
  const before = pool.slotsHashedByHelpers
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    expect(onThreads(rows)).toEqual(inPlace(rows))
    if (pool.slotsHashedByHelpers > before) return true
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return false
}

const trail = storedTrail(6_000, 4_321)

describe("AuditTrail.verify with hash threads", () => {
  it("hashes stored rows on a helper thread and gives what hashing in place gives", async () => {
    const intact = inPlace(trail)
    expect(intact).toEqual({ ok: true, count: 6_000, head: trail[5_999]!.hash })
    expect(onThreads(trail)).toEqual(intact)
    // the rows span many slots, so the ring of slots is reused within one walk
    expect(await helpersAtWork(trail)).toBe(true)
  }, 30_000)

  it("names the same first broken link as hashing in place, for every kind of tampering anywhere", async () => {
    await helpersAtWork(trail)
    const at = [0, 1, 2, 511, 512, 1_023, 2_048, 4_321, 4_322, 5_998, 5_999]
    const edits: ReadonlyArray<(rows: Array<Row>, i: number) => void> = [
      (rows, i) => void (rows[i] = { ...rows[i]!, dataJson: rows[i]!.dataJson.replace("培", "陪") }),
      (rows, i) => void (rows[i] = { ...rows[i]!, dataJson: rows[i]!.dataJson.replace(/"n":\d+/, "\"n\":-1") }),
      (rows, i) => void (rows[i] = { ...rows[i]!, hash: sha("x") }),
      (rows, i) => void (rows[i] = { ...rows[i]!, hash: "短" }),
      // characters whose low byte is the right hex digit, and the right hash with one character more
      (rows, i) =>
        void (rows[i] = {
          ...rows[i]!,
          hash: rows[i]!.hash.replace(/./, (c) => String.fromCharCode(0x100 + c.charCodeAt(0)))
        }),
      (rows, i) =>
        void (rows[i] = { ...rows[i]!, hash: rows[i]!.hash.slice(0, 63) + "\u0100" + rows[i]!.hash.slice(63) }),
      (rows, i) => void (rows[i] = { ...rows[i]!, hash: `${rows[i]!.hash}0` }),
      (rows, i) => void (rows[i] = { ...rows[i]!, prevHash: sha("y") }),
      (rows, i) => void (rows[i] = { ...rows[i]!, position: rows[i]!.position + 1 }),
      (rows, i) => void (rows[i] = { ...rows[i]!, schemaVersion: Number.NaN }),
      (rows, i) => void (rows[i] = { ...rows[i]!, record: { ref: rows[i]!.record?.ref ?? "r", json: "{}" } }),
      (rows, i) => void rows.splice(i, 1),
      (rows, i) => void (i + 1 < rows.length && rows.splice(i, 2, rows[i + 1]!, rows[i]!))
    ]
    let compared = 0
    for (const i of at) {
      // the vitest worker is given the event loop between positions: a long synchronous run would block it
      await new Promise((resolve) => setImmediate(resolve))
      for (const edit of edits) {
        const rows = [...trail]
        edit(rows, i)
        const expected = inPlace(rows)
        expect(onThreads(rows)).toEqual(expected)
        compared++
        // a second break further on: the first one is still the one named
        const later = Math.min(rows.length - 1, i + 700)
        rows[later] = { ...rows[later]!, position: rows[later]!.position + 5 }
        expect(onThreads(rows)).toEqual(inPlace(rows))
      }
    }
    expect(compared).toBe(at.length * edits.length)
    // an altered row early and a break of another kind late: the altered row is named
    const rows = [...trail]
    rows[100] = { ...rows[100]!, dataJson: rows[100]!.dataJson.replace("\"n\":", "\"m\":") }
    rows[5_500] = { ...rows[5_500]!, prevHash: AuditTrail.genesisHash }
    expect(onThreads(rows)).toMatchObject({
      ok: false,
      firstBrokenPosition: trail[100]!.position,
      reason: "hash-mismatch"
    })
    // two altered rows in slots handed out in one go: the earlier is named, whichever slot is settled last
    rows[1_500] = { ...rows[1_500]!, dataJson: rows[1_500]!.dataJson.replace("\"n\":", "\"m\":") }
    expect(onThreads(rows)).toEqual(inPlace(rows))
    expect(onThreads(rows)).toMatchObject({ firstBrokenPosition: trail[100]!.position, streamId: trail[100]!.streamId })
  }, 60_000)

  it(
    "settles what it handed out when the rows' iterator throws, and the next walk uses the helpers again",
    async () => {
      await helpersAtWork(trail)
      function* failing() {
        for (let i = 0; i < 3_000; i++) yield trail[i]!
        throw new Error("the store went away")
      }
      expect(() => onThreads(failing())).toThrow("the store went away")
      expect(HashThreads.get(1)?.usable).toBe(true)
      expect(await helpersAtWork(trail)).toBe(true)
    },
    30_000
  )

  it("hashes in place when a walk on the same thread is already using the helpers", () => {
    let inner: AuditTrail.VerifyResult | undefined
    function* nested() {
      for (const [i, row] of trail.entries()) {
        if (i === 2_000) inner = onThreads(trail.slice(0, 1_000))
        yield row
      }
    }
    expect(onThreads(nested())).toEqual(inPlace(trail))
    expect(inner).toEqual(inPlace(trail.slice(0, 1_000)))
  })

  it("takes 0 to 16 threads and refuses anything else, in Chinese and English", () => {
    expect(AuditTrail.verify(trail.slice(0, 10), { hashThreads: 0 })).toMatchObject({ ok: true, count: 10 })
    // a walk too short to fill a slot starts no thread
    expect(AuditTrail.verify(trail.slice(0, 10), { hashThreads: 16 })).toMatchObject({ ok: true, count: 10 })
    expect(HashThreads.get(16)?.helpersStarted).toBe(false)
    for (const bad of [-1, 1.5, 17, Number.NaN, "2" as unknown as number]) {
      expect(() => AuditTrail.verify(trail, { hashThreads: bad })).toThrow(/应为 0 至 16 的整数.*must be an integer/)
    }
  })
})
