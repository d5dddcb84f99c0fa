// Replays decode each stored row as the fold reaches it (`CommandHandler.foldEvents`): the state is the one that
// decoding every row first and folding the list gives (seed, corrections, the 10,000-event project, rows of schema
// version 1 upcast on the way), and a row that does not decode fails the replay with the error naming it, with no
// state returned.
import { describe, expect, it } from "@effect/vitest"
import { AuditTrail, CommandHandler, EventStore, Lifecycle, ProjectEvent, ProjectService } from "@gsyf/core"
import { Either, Schema } from "effect"
import { buildProject } from "../bench/project10k.js"
import { seedWithCorrections } from "./fixtures/gwt.js"
import { fullLifecycle, runCommands } from "./fixtures/seed.js"

const json = (u: unknown): unknown => JSON.parse(JSON.stringify(u))

type Version = 1 | 2 | 3

/** Version 3 rows: the record fields kept in a record the data names by the SHA-256 of its canonical JSON. */
const withRecord = (data: Record<string, unknown>) => {
  const shared: Record<string, unknown> = {}
  const own: Record<string, unknown> = { ...data }
  for (const f of ProjectEvent.recordFields) {
    shared[f] = own[f]
    delete own[f]
  }
  const text = AuditTrail.canonicalize(shared)
  const ref = Either.getOrThrow(EventStore.fingerprint(shared))
  // one record object per reference, as a store keeps them
  let record = records.get(ref)
  if (record === undefined) records.set(ref, record = EventStore.readRecord(ref, text)!)
  return { data: { ...own, $record: ref }, record }
}
const records = new Map<string, EventStore.StoredRecord>()

/** Rows as a store returns them: the data column parsed, at the given schema version. */
const rowsOf = (
  events: ReadonlyArray<ProjectEvent.Event>,
  version: Version = 3
): Array<EventStore.StoredEvent> => {
  const encode: (e: ProjectEvent.Event) => unknown = version >= 2
    ? Schema.encodeSync(ProjectEvent.Stored)
    : Schema.encodeSync(ProjectEvent.Event)
  return events.map((e, i) => {
    const stored = version === 3 ? withRecord(json(encode(e)) as Record<string, unknown>) : undefined
    return {
      streamId: "p-fold",
      position: i + 1,
      globalPosition: i + 1,
      type: e._tag,
      schemaVersion: version,
      data: stored === undefined ? json(encode(e)) : stored.data,
      commandId: e.commandId,
      recordedAt: "2026-01-01T00:00:00.000Z",
      prevHash: "0".repeat(64),
      hash: "0".repeat(64),
      ...(stored === undefined ? {} : { record: stored.record })
    }
  })
}

const snapshot = (s: Lifecycle.State) => ProjectService.snapshotCodec.encode(s)

/** The old way: every row decoded into a list, then the list folded. */
const eager = (rows: ReadonlyArray<EventStore.StoredEvent>) =>
  Lifecycle.evolveAll(Lifecycle.initialState, Either.getOrThrow(CommandHandler.decodeEvents(ProjectEvent.codec, rows)))

const lazy = (rows: ReadonlyArray<EventStore.StoredEvent>) =>
  CommandHandler.foldEvents(
    ProjectEvent.codec,
    rows,
    (events) => Lifecycle.evolveAll(Lifecycle.initialState, events)
  )

const expectSameReplay = (events: ReadonlyArray<ProjectEvent.Event>, version: Version = 3) => {
  const rows = rowsOf(events, version)
  const folded = Either.getOrThrow(lazy(rows))
  const reference = eager(rows)
  expect(folded.version).toBe(events.length)
  expect(snapshot(folded)).toBe(snapshot(reference))
  expect(Lifecycle.status(folded)).toBe(Lifecycle.status(reference))
  // and the state deciding the events produced
  expect(snapshot(folded)).toBe(snapshot(Lifecycle.evolveAll(Lifecycle.initialState, events)))
}

/** The same rows as a SQL store returns them: the data column's text, parsed when read. */
const jsonRowsOf = (events: ReadonlyArray<ProjectEvent.Event>, version: Version = 3) =>
  rowsOf(events, version).map((r) =>
    EventStore.storedFromJson(
      r.streamId,
      r.position,
      r.globalPosition,
      r.type,
      r.schemaVersion,
      JSON.stringify(r.data),
      r.commandId,
      r.recordedAt,
      r.prevHash,
      r.hash,
      r.record
    )
  )

describe("CommandHandler.foldEvents", () => {
  it("folds the seed lifecycle to the state of decoding every row first", () => {
    expectSameReplay(runCommands(fullLifecycle()).events)
  })

  it("folds a stream of corrections to the same state", () => {
    const { base, corrections } = seedWithCorrections()
    expectSameReplay(runCommands([...base, ...corrections]).events)
  })

  it("folds the 10,000-event project to the same state", () => {
    expectSameReplay(buildProject(10_000).events)
  }, 60_000)

  it("upcasts rows of schema version 1 on the way, and reads rows of version 2 as they are", () => {
    expectSameReplay(runCommands(fullLifecycle()).events, 1)
    expectSameReplay(runCommands(fullLifecycle()).events, 2)
  })

  it("folds rows whose data is JSON text (EventStore.storedFromJson) to the same state, version 1 rows too", () => {
    for (const version of [1, 2, 3] as const) {
      const events = runCommands(fullLifecycle()).events
      const folded = Either.getOrThrow(lazy(jsonRowsOf(events, version)))
      expect(snapshot(folded)).toBe(snapshot(eager(rowsOf(events, version))))
    }
    const big = buildProject(10_000).events
    expect(snapshot(Either.getOrThrow(lazy(jsonRowsOf(big))))).toBe(
      snapshot(Lifecycle.evolveAll(Lifecycle.initialState, big))
    )
  }, 60_000)

  it("keeps the decoded events when asked to", () => {
    const events = runCommands(fullLifecycle()).events
    const rows = rowsOf(events)
    const kept: Array<ProjectEvent.Event> = []
    Either.getOrThrow(
      CommandHandler.foldEvents(ProjectEvent.codec, rows, (es) => Lifecycle.evolveAll(Lifecycle.initialState, es), kept)
    )
    expect(kept).toEqual(Either.getOrThrow(CommandHandler.decodeEvents(ProjectEvent.codec, rows)))
  })

  describe("a row that does not decode", () => {
    const events = runCommands(fullLifecycle()).events
    const k = 17
    const broken = (change: (row: EventStore.StoredEvent) => EventStore.StoredEvent) =>
      rowsOf(events, 2).map((row) => (row.position === k ? change(row) : row))
    const cases: ReadonlyArray<[string, (row: EventStore.StoredEvent) => EventStore.StoredEvent, RegExp]> = [
      ["bad data", (row) => ({ ...row, data: { ...(row.data as object), actor: 5 } }), /actor/],
      ["a newer schema version", (row) => ({ ...row, schemaVersion: 4 }), /schema version 4/],
      ["an old version that does not upcast", (row) => ({ ...row, schemaVersion: 0 }), /upcast from version 0/]
    ]
    for (const [name, change, reason] of cases) {
      it(`fails the replay at its position (${name}), with no state`, () => {
        const rows = broken(change)
        let folded = 0
        const result = CommandHandler.foldEvents(ProjectEvent.codec, rows, (es) => {
          let s = Lifecycle.initialState
          for (const e of es) {
            s = Lifecycle.evolve(s, e)
            folded++
          }
          return s
        })
        expect(Either.isLeft(result)).toBe(true)
        const error = Either.getLeft(result).pipe((o) => (o._tag === "Some" ? o.value : undefined))!
        expect(error._tag).toBe("EventCodecError")
        expect(error.position).toBe(k)
        expect(error.streamId).toBe("p-fold")
        expect(error.type).toBe(events[k - 1]!._tag)
        expect(error.direction).toBe("decode")
        expect(error.reason).toMatch(reason)
        // the rows before it were folded, nothing after it
        expect(folded).toBe(k - 1)
        // the same error as decoding the whole list first
        expect(CommandHandler.decodeEvents(ProjectEvent.codec, rows)).toEqual(Either.left(error))
      })
    }

    it("is reported even when the fold stops before it", () => {
      const rows = broken((row) => ({ ...row, schemaVersion: 4 }))
      const result = CommandHandler.foldEvents(ProjectEvent.codec, rows, (es) => {
        for (const _ of es) break
        return Lifecycle.initialState
      })
      expect(Either.isLeft(result) && result.left.position).toBe(k)
    })
  })
})

describe("rows parsed for the decoder alone (written into in place)", () => {
  const events = runCommands(fullLifecycle()).events
  const rows = rowsOf(events, 2)
  const asJson = (r: EventStore.StoredEvent, data: unknown = r.data, type = r.type) =>
    EventStore.storedFromJson(
      r.streamId,
      r.position,
      r.globalPosition,
      type,
      r.schemaVersion,
      JSON.stringify(data),
      r.commandId,
      r.recordedAt,
      r.prevHash,
      r.hash
    )
  const deliverable = rows.find((r) => r.type === "DeliverableRecorded")!
  const d = deliverable.data as Record<string, unknown>
  // the fast path writes the bases and evaluations in place, then gives up: the schema gets the row as stored
  const variants: ReadonlyArray<[string, unknown, string?]> = [
    ["evidence of no known kind", { ...d, evidence: { _tag: "rumour" } }],
    ["a missing field after the bases", { ...d, restsOn: undefined }],
    ["a type column that is not the data's tag", d, "DeliverableCorrected"],
    ["data of another event under its type", { ...d, _tag: "DeliverableCorrected" }]
  ]
  const contract = rows.find((r) => r.type === "ContractSigned")!
  const c = contract.data as Record<string, unknown>
  // the amount (money) decoded in place before the field that gives up: the schema must get the stored text
  it("decode as rows parsed up front do (a bad field after the money)", () => {
    const data = { ...c, fileBy: true }
    const parsed = { ...contract, data: json(data) }
    const result = CommandHandler.decodeEvents(ProjectEvent.codec, [asJson(contract, data)])
    expect(result).toEqual(CommandHandler.decodeEvents(ProjectEvent.codec, [parsed]))
    expect(Either.isLeft(result) && result.left.reason).toMatch(/fileBy/)
  })
  for (const [name, data, type] of variants) {
    it(`decode as rows parsed up front do (${name})`, () => {
      const parsed = { ...deliverable, data: json(data), ...(type === undefined ? {} : { type }) }
      expect(CommandHandler.decodeEvents(ProjectEvent.codec, [asJson(deliverable, data, type)])).toEqual(
        CommandHandler.decodeEvents(ProjectEvent.codec, [parsed])
      )
    })
  }
  it("leave the stored event's data as stored", () => {
    const stored = rows.map((r) => asJson(r))
    Either.getOrThrow(CommandHandler.decodeEvents(ProjectEvent.codec, stored))
    expect(stored.map((e) => e.data)).toEqual(rows.map((r) => r.data))
  })
})

describe("rows that name a record (schema version 3)", () => {
  const events = runCommands(fullLifecycle()).events
  const rows = rowsOf(events)
  const at = rows.findIndex((r) => r.type === "DeliverableRecorded")
  const failsAt = (changed: ReadonlyArray<EventStore.StoredEvent>, reason: RegExp) => {
    const result = CommandHandler.decodeEvents(ProjectEvent.codec, changed)
    expect(Either.isLeft(result) && result.left.position).toBe(at + 1)
    expect(Either.isLeft(result) && result.left.reason).toMatch(reason)
    // and a replay stops there, with no state
    expect(Either.isLeft(lazy(changed))).toBe(true)
  }
  const replace = (f: (r: EventStore.StoredEvent) => EventStore.StoredEvent) =>
    rows.map((r, i) => (i === at ? f(r) : r))

  it("decode to the events that were stored, sharing each record's fields", () => {
    const decoded = Either.getOrThrow(CommandHandler.decodeEvents(ProjectEvent.codec, rows))
    expect(decoded).toEqual(events)
    // the events of one record share its decoded legal basis
    const deliverables = decoded.filter((e) => e._tag === "DeliverableRecorded")
    const byRecord = new Map<string, ProjectEvent.Event>()
    for (const [i, e] of decoded.entries()) {
      const ref = rows[i]!.record!.ref
      const first = byRecord.get(ref)
      if (first === undefined) byRecord.set(ref, e)
      else expect(e.basis).toBe(first.basis)
    }
    expect(byRecord.size).toBeLessThan(deliverables.length)
  })

  it("fail at the row whose record is missing, or is another record", () => {
    failsAt(replace(({ record: _, ...r }) => r), /names the record/)
    const other = rows.find((r) => r.record!.ref !== rows[at]!.record!.ref)!.record
    failsAt(replace((r) => ({ ...r, record: other })), /names the record/)
  })

  it("fail at a row whose data holds a field of its record as well, as the schema reports it", () => {
    failsAt(replace((r) => ({ ...r, data: { ...(r.data as object), actor: 5 } })), /actor/)
  })
})

describe("EventStore.storedFromJson", () => {
  const events = runCommands(fullLifecycle()).events.slice(0, 5)
  it("reads, spreads, serialises and compares as an event whose data was parsed up front", () => {
    const parsed = rowsOf(events)
    const json = jsonRowsOf(events)
    expect(json).toEqual(parsed)
    expect(json.map((e) => ({ ...e }))).toStrictEqual(parsed)
    expect(JSON.stringify(json)).toBe(JSON.stringify(parsed))
    expect(Object.keys(json[0]!)).toEqual(Object.keys(parsed[0]!))
    // the data is parsed once and kept once read
    expect(json[1]!.data).toBe(json[1]!.data)
    expect(json[1]!.data).toEqual(parsed[1]!.data)
  })
  it("decodes to the events of rows parsed up front, before and after their data was read", () => {
    const json = jsonRowsOf(events)
    const want = Either.getOrThrow(CommandHandler.decodeEvents(ProjectEvent.codec, rowsOf(events)))
    expect(Either.getOrThrow(CommandHandler.decodeEvents(ProjectEvent.codec, json))).toEqual(want)
    for (const e of json) void e.data
    expect(Either.getOrThrow(CommandHandler.decodeEvents(ProjectEvent.codec, json))).toEqual(want)
  })
})
