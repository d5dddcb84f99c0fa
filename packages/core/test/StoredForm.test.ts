/**
 * The stored form of events (schema version 2): the legal bases of the library's catalog by reference, the
 * evaluations that read and found nothing by their bare rule id. It decodes to the same events; a version 1 row
 * (everything whole) upcasts to exactly what version 2 writes; a basis outside the catalog is kept whole; a catalog
 * entry whose text was changed no longer resolves, so an event citing it does not decode; and a reference is the
 * hash of the canonical JSON the audit trail uses, so the chain's hash of an event covers what its bases say.
 */
import { describe, expect, it } from "@effect/vitest"
import { AuditTrail, CommandHandler, type EventStore, LegalBasis, ProjectEvent } from "@gsyf/core"
import { Either, Schema } from "effect"
import { createHash } from "node:crypto"
import { entries } from "../src/kernel/internal/legalBases.js"
import { storedBasis } from "../src/lifecycle/internal/schemas.js"
import { fullLifecycle, runCommands } from "./fixtures/seed.js"

type Raw = Record<string, unknown> & { readonly basis: Array<unknown>; readonly evaluations: Array<unknown> }
const json = (u: unknown) => JSON.parse(JSON.stringify(u)) as Raw
const { events } = runCommands(fullLifecycle())
/** What version 1 wrote: the event whole. */
const whole = events.map((e) => json(Schema.encodeSync(ProjectEvent.Event)(e)))
/** What version 2 writes. */
const compact = events.map((e) => json(Schema.encodeSync(ProjectEvent.Stored)(e)))
const decodeStored = Schema.decodeUnknownEither(ProjectEvent.Stored)

const row = (data: Raw, position: number, schemaVersion: number): EventStore.StoredEvent => ({
  streamId: "p",
  position,
  globalPosition: position,
  type: String(data._tag),
  schemaVersion,
  data,
  commandId: String(data.commandId),
  recordedAt: "2026-01-01T00:00:00.000Z",
  prevHash: "",
  hash: ""
})

describe("the stored form of events", () => {
  it("writes the catalog's bases by reference and bare evaluations, in far fewer characters", () => {
    const bases = compact.flatMap((d) => d.basis)
    expect(bases.length).toBeGreaterThan(500)
    // the seed cites only the library's own texts: every one is a reference
    for (const b of bases) expect(b).toMatch(/^lb:[0-9a-f]{16}$/)
    compact.forEach((d, i) => {
      whole[i]!.evaluations.forEach((w, j) => {
        const e = w as { ruleId: string; reads: Array<unknown>; findings: Array<unknown> }
        const c = d.evaluations[j]
        if (e.reads.length === 0 && e.findings.length === 0) expect(c).toBe(e.ruleId)
        else {expect(c).toEqual({
            ruleId: e.ruleId,
            ...(e.reads.length > 0 ? { reads: e.reads } : {}),
            ...(e.findings.length > 0 ? { findings: e.findings } : {})
          })}
      })
      expect(Either.getOrThrow(decodeStored(d))).toEqual(events[i])
    })
    const size = (ds: ReadonlyArray<Raw>) => ds.reduce((n, d) => n + JSON.stringify(d).length, 0)
    // a quarter less over the seed lifecycle, a third less for the deliverables a project records by the thousand
    // (in characters: the bases' Chinese texts are three bytes each in UTF-8, so more in bytes)
    expect(size(compact)).toBeLessThan(size(whole) * 0.8)
    const deliverables = (ds: ReadonlyArray<Raw>) => ds.filter((d) => d._tag === "DeliverableRecorded")
    expect(size(deliverables(compact))).toBeLessThan(size(deliverables(whole)) * 0.7)
  })

  it("upcasts a version 1 row to what version 2 writes; both decode to the same event", () => {
    whole.forEach((w, i) => expect(ProjectEvent.codec.upcast(String(w._tag), 1, w)).toEqual(compact[i]))
    const v1 = CommandHandler.decodeEvents(ProjectEvent.codec, whole.map((d, i) => row(d, i + 1, 1)))
    const v2 = CommandHandler.decodeEvents(ProjectEvent.codec, compact.map((d, i) => row(d, i + 1, 2)))
    expect(Either.getOrThrow(v1)).toEqual(events)
    expect(Either.getOrThrow(v2)).toEqual(events)
    // the upcaster does not touch the row it is given (a stored row keeps its bytes and its hash)
    expect(whole[0]!.basis.every((b) => typeof b === "object")).toBe(true)
  })

  it("keeps a basis outside the catalog whole, and decodes it", () => {
    const city = new LegalBasis.LegalBasis({ level: "city", citation: "示例市 工伤预防项目管理办法 第八条" })
    expect(LegalBasis.catalog.refFor(city)).toBeUndefined()
    const event = { ...events[0]!, basis: [city, ...events[0]!.basis] }
    const stored = json(Schema.encodeSync(ProjectEvent.Stored)(event))
    expect(stored.basis[0]).toEqual({ level: "city", citation: "示例市 工伤预防项目管理办法 第八条" })
    expect(stored.basis.slice(1)).toEqual(compact[0]!.basis)
    expect(Either.getOrThrow(decodeStored(stored))).toEqual(event)
  })

  it("resolves every catalog entry; an altered entry or an unknown reference does not resolve", () => {
    expect(LegalBasis.catalog.altered.size).toBe(0)
    expect(LegalBasis.catalog.byRef.size).toBe(entries.length)
    for (const [ref, level, citation, note] of entries) {
      const r = LegalBasis.resolve(ref)
      expect("basis" in r && LegalBasis.refOf(r.basis)).toBe(ref)
      expect("basis" in r && [r.basis.level, r.basis.citation, r.basis.note]).toEqual([level, citation, note])
    }
    // someone changes the text of the entry an event cites
    const cited = String(compact[0]!.basis[0])
    const tampered = LegalBasis.makeCatalog(
      entries.map((e): LegalBasis.Entry => (e[0] === cited ? [e[0], e[1], `${e[2]} 第一款`] : e))
    )
    expect(tampered.altered.has(cited)).toBe(true)
    const r = LegalBasis.resolve(cited, tampered)
    expect("unresolved" in r && r.unresolved.en).toMatch(/catalog entry of lb:[0-9a-f]{16} was altered/)
    const refused = Schema.decodeUnknownEither(storedBasis(tampered))(cited)
    expect(Either.isLeft(refused) && refused.left.message).toMatch(/was altered/)
    // the library's catalog refuses a reference it does not hold, and the event citing it does not decode
    const unknown: Raw = { ...compact[0]!, basis: ["lb:0123456789abcdef"] }
    expect(ProjectEvent.decodeStored(String(unknown._tag), unknown)).toBeUndefined()
    const failed = CommandHandler.decodeEvents(ProjectEvent.codec, [row(unknown, 1, 2)])
    expect(Either.isLeft(failed) && failed.left.reason).toMatch(/lb:0123456789abcdef is not in the catalog/)
  })

  it("a reference is the hash of the canonical JSON the audit trail hashes", () => {
    for (const b of [...LegalBasis.catalog.byRef.values()].slice(0, 20)) {
      const canon = AuditTrail.canonicalize({ ...b })
      expect(LegalBasis.canonical(b)).toBe(canon)
      expect(LegalBasis.refOf(b)).toBe("lb:" + createHash("sha256").update(canon, "utf8").digest("hex").slice(0, 16))
    }
    // two bases that differ only in their note are two references: the event's hash sees the difference
    const a = LegalBasis.plan("三(四)")
    const b = LegalBasis.plan("三(四)", "对采购需求进行为期x日公示")
    expect(LegalBasis.refOf(a)).not.toBe(LegalBasis.refOf(b))
  })
})
