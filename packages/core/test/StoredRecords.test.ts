// Event schema version 3: who acted, the legal basis and the rules evaluated are kept once per store in records
// that the rows name by hash. The seed lifecycle through the service shares a few records among many events, every
// event decodes to what was decided, the chain covers each record through its reference (a record swapped, altered
// or missing breaks it at the first event that names it, over stored text and over decoded data alike), the JSON
// Lines export carries the records so an auditor can recheck them, and a stream of version 2 rows goes on at
// version 3.
import { describe, expect, it } from "@effect/vitest"
import { AuditTrail, CommandHandler, EventStore, Lifecycle, ProjectEvent, ProjectService } from "@gsyf/core"
import { Effect, Either, Layer, Schema } from "effect"
import { createHash } from "node:crypto"
import { fullLifecycle, planningToAward, runCommands, seedConfig } from "./fixtures/seed.js"

const config = seedConfig()
const projectId = "records-2026"
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex")

const seeded = Effect.gen(function*() {
  const projects = yield* ProjectService.ProjectService
  for (const command of fullLifecycle()) yield* projects.execute(projectId, command)
  const store = yield* EventStore.EventStore
  return yield* store.readStream(projectId)
})
const live = () => ProjectService.layer(config).pipe(Layer.provideMerge(EventStore.layerMemory()))

/** Stored events as a SQL store verifies them: each row's canonical text beside it. */
const asRows = (stored: ReadonlyArray<EventStore.StoredEvent>) =>
  stored.map((e) => ({ ...e, dataJson: AuditTrail.canonicalize(e.data) }))

describe("records kept once (event schema version 3)", () => {
  it.effect("the seed lifecycle shares a few records, and decodes to the events decided", () =>
    Effect.gen(function*() {
      const stored = yield* seeded
      expect(stored.every((e) => e.schemaVersion === 3 && e.record !== undefined)).toBe(true)
      const refs = new Set(stored.map((e) => e.record!.ref))
      expect(refs.size).toBeLessThan(stored.length / 2)
      for (const e of stored) {
        expect(e.data).toMatchObject({ $record: e.record!.ref })
        expect(Object.keys(e.data as object)).not.toContain("actor")
        expect(sha256(e.record!.json)).toBe(e.record!.ref)
      }
      const decoded = Either.getOrThrow(CommandHandler.decodeEvents(ProjectEvent.codec, stored))
      expect(decoded).toEqual(runCommands(fullLifecycle()).events)
      // the in-memory store's events, their data and their records cannot be changed by whoever reads them
      const frozen = (value: unknown): boolean =>
        typeof value !== "object" || value === null ||
        (Object.isFrozen(value) && Object.values(value).every(frozen))
      expect(stored.every(frozen)).toBe(true)
      expect(Object.keys(stored[0]!)).toEqual([
        "streamId",
        "position",
        "type",
        "schemaVersion",
        "commandId",
        "recordedAt",
        "prevHash",
        "hash",
        "record",
        "globalPosition",
        "data"
      ])
      // the rows take far fewer bytes than the events whole
      const rowBytes = stored.reduce((n, e) => n + AuditTrail.canonicalize(e.data).length, 0)
      const wholeBytes = stored.reduce((n, e) => n + AuditTrail.canonicalize(EventStore.dataWithRecord(e)).length, 0)
      expect(rowBytes).toBeLessThan(wholeBytes * 0.75)
    }).pipe(Effect.provide(live())))

  it.effect("a record swapped, altered or missing breaks the chain at the first event naming it", () =>
    Effect.gen(function*() {
      const stored = yield* seeded
      for (const events of [stored, asRows(stored)]) {
        expect(AuditTrail.verify(events)).toMatchObject({ ok: true, count: stored.length })
        const k = 40
        const target = events[k - 1]!
        const other = events.find((e) => e.record!.ref !== target.record!.ref)!.record!
        const altered = { ...target.record!, json: target.record!.json.replace("}", ",\"x\":1}") }
        const changes = [
          { ...target, record: other },
          { ...target, record: altered },
          { ...target, record: undefined }
        ]
        for (const changed of changes) {
          const result = AuditTrail.verify(events.map((e, i) => (i === k - 1 ? changed : e)))
          expect(result).toMatchObject({ ok: false, firstBrokenPosition: k, reason: "record-mismatch" })
        }
        // the event that first names an altered record is the one reported, even if later ones name it too
        const ref = target.record!.ref
        const first = events.findIndex((e) => e.record!.ref === ref) + 1
        const result = AuditTrail.verify(
          events.map((e) => (e.record!.ref === ref ? { ...e, record: { ...e.record!, json: altered.json } } : e))
        )
        expect(result).toMatchObject({ ok: false, firstBrokenPosition: first, reason: "record-mismatch" })
      }
    }).pipe(Effect.provide(live())))

  it.effect("a row that names another reference than its record's breaks, whatever character differs", () =>
    Effect.gen(function*() {
      // Whoever rewrites a row's data can rehash the chain from there on (anchoring the head is what catches that);
      // the record check must still see that the data names one record and the row carries another, valid one.
      const stored = yield* seeded
      const k = 25
      const ref = stored[k - 1]!.record!.ref
      const flip = (c: string) => (c === "0" ? "1" : "0")
      const near = [
        ...[0, 1, 3, 4, 31, 60, 62, 63].map((p) => ref.slice(0, p) + flip(ref[p]!) + ref.slice(p + 1)),
        ref.slice(0, 63),
        ref + "0"
      ]
      for (const named of near) {
        const data = { ...(stored[k - 1]!.data as object), $record: named }
        const rechained = AuditTrail.chain(stored[k - 2]!.hash, [
          { ...stored[k - 1]!, data },
          ...stored.slice(k)
        ])
        const events = [...stored.slice(0, k - 1), ...rechained]
        for (const trail of [events, asRows(events)]) {
          expect(AuditTrail.verify(trail)).toMatchObject({
            ok: false,
            firstBrokenPosition: k,
            reason: "record-mismatch"
          })
          expect(AuditTrail.recordIntact(trail[k - 1]!)).toBe(false)
        }
      }
      // the same rows naming their own record verify
      const rechained = [...stored.slice(0, k - 1), ...AuditTrail.chain(stored[k - 2]!.hash, stored.slice(k - 1))]
      expect(AuditTrail.verify(asRows(rechained))).toMatchObject({ ok: true, count: stored.length })
    }).pipe(Effect.provide(live())))

  it.effect("the JSON Lines export carries each record, which hashes to the reference its event names", () =>
    Effect.gen(function*() {
      const stored = yield* seeded
      const lines = AuditTrail.exportJsonl(stored).trimEnd().split("\n").map((l) => JSON.parse(l))
      expect(lines).toHaveLength(stored.length)
      for (const line of lines) {
        expect(sha256(AuditTrail.canonicalize(line.record))).toBe(line.data.$record)
        const body = { ...line }
        delete body.prevHash
        delete body.hash
        delete body.record
        expect(sha256(line.prevHash + AuditTrail.canonicalize(body))).toBe(line.hash)
      }
    }).pipe(Effect.provide(live())))

  it.effect("a stream written at version 2 goes on at version 3 and verifies whole", () =>
    Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      const projects = yield* ProjectService.ProjectService
      const encode = Schema.encodeSync(ProjectEvent.Stored)
      const earlier = runCommands(planningToAward()).events
      let version = 0
      for (const e of earlier) {
        version = (yield* store.append(projectId, version, e.commandId, [
          { type: e._tag, schemaVersion: 2, data: encode(e) }
        ])).version
      }
      const next = fullLifecycle()[planningToAward().length]!
      yield* projects.execute(projectId, next)
      const stored = yield* store.readStream(projectId)
      expect(stored.map((e) => e.schemaVersion)).toEqual([...earlier.map(() => 2), 3])
      expect(stored.at(-1)!.record).toBeDefined()
      expect(yield* store.verify(projectId)).toMatchObject({ ok: true, count: earlier.length + 1 })
      const { state } = yield* projects.load(projectId)
      expect(Lifecycle.status(state)).toBe(
        Lifecycle.status(runCommands([...planningToAward(), next]).state)
      )
    }).pipe(Effect.provide(live())))
})
