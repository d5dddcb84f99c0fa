// A store written by the code at b44e1b4, event schema version 2 (test/fixtures/store-0.2, see write.ts there),
// must keep loading (its rows upcast by later code), verifying and meaning the same: the same statuses, events and
// hashes, its rows still at schema version 2 as stored, the same read models when rebuilt from its events, the same
// answers when its unfinished project goes on, and whole chains when new rows are appended after the old ones.
import { it } from "@effect/vitest"
import { EventStore, Project, Projects, ReadModels } from "@gsyf/core"
import Database from "better-sqlite3"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { expect } from "vitest"
import { actors, at, seedConfig } from "../../core/test/fixtures/seed.js"
import { SqliteEventStore } from "../src/index.js"
import { continuedStream, continueProject } from "./fixtures/store-0.1/continuation.js"

const fixture = fileURLToPath(new URL("fixtures/store-0.2/", import.meta.url))
const expected = JSON.parse(readFileSync(join(fixture, "expected.json"), "utf8")) as {
  readonly streams: Record<
    string,
    { events: number; lastHash: string; tags: Record<string, number>; status: string; schemaVersion: number }
  >
  readonly readModels: Record<string, ReadonlyArray<{ key: string; doc: unknown }>>
  readonly continued: { readonly answers: ReadonlyArray<{ readonly events?: ReadonlyArray<string> }> }
}
const config = seedConfig()
/** The project in its contract period with 300 bulk deliverables (write.ts `bulkStream`). */
const bulkStream = "sample-city-2026-bulk"

/** A fresh copy of the fixture (tests never write to the committed file). */
const copy = () => {
  const filename = join(mkdtempSync(join(tmpdir(), "gsyf-store-0.2-")), "store.sqlite")
  copyFileSync(join(fixture, "store.sqlite"), filename)
  return filename
}

/** The service over a store file. */
const over = (filename: string) => {
  const store = SqliteEventStore.layer({ filename, projections: ReadModels.projections(config) })
  return Projects.layer(config).pipe(Layer.provideMerge(store))
}

/** The service over a fresh copy of the fixture. */
const live = () => over(copy())

interface Row {
  readonly stream_id: string
  readonly position: number
  readonly schema_version: number
  readonly prev_hash: string
  readonly hash: string
}

/** The rows of a store file as stored, read with better-sqlite3 beside the store. */
const rowsOf = (filename: string): ReadonlyArray<Row> => {
  const db = new Database(filename, { readonly: true })
  try {
    return db.prepare(
      "SELECT stream_id, position, schema_version, prev_hash, hash FROM events ORDER BY global_position"
    )
      .all() as Array<Row>
  } finally {
    db.close()
  }
}

const streamRows = (rows: ReadonlyArray<Row>, id: string) => rows.filter((r) => r.stream_id === id)

it("the fixture holds the three projects, every row at event schema version 2", () => {
  expect(Object.keys(expected.streams).sort()).toEqual([
    "sample-city-2026",
    bulkStream,
    "sample-city-2026-returns"
  ].sort())
  expect(expected.streams[bulkStream]!.tags["DeliverableRecorded"]).toBeGreaterThanOrEqual(300)
  const rows = rowsOf(copy())
  for (const [id, want] of Object.entries(expected.streams)) {
    expect(want.schemaVersion).toBe(2)
    const own = streamRows(rows, id)
    expect(own.length).toBe(want.events)
    expect(new Set(own.map((r) => r.schema_version))).toEqual(new Set([2]))
    expect(own[own.length - 1]!.hash).toBe(want.lastHash)
  }
})

it.effect("every stored project verifies and folds to the status, events and hashes it had", () =>
  Effect.gen(function*() {
    const projects = yield* Projects.Projects
    for (const [id, want] of Object.entries(expected.streams)) {
      const verified = yield* projects.verify(id)
      expect(verified).toMatchObject({ ok: true, count: want.events, head: want.lastHash })
      const { events, state, stored } = yield* projects.load(id)
      expect(stored.length).toBe(want.events)
      expect(events.length).toBe(want.events)
      expect(stored[stored.length - 1]!.hash).toBe(want.lastHash)
      const tags: Record<string, number> = {}
      for (const e of stored) tags[e.type] = (tags[e.type] ?? 0) + 1
      expect(tags).toEqual(want.tags)
      expect(Project.status(state)).toBe(want.status)
    }
  }).pipe(Effect.provide(live())))

// Loading upcasts the old rows as they are read: the store keeps them as they were written.
it.effect("loading the stored projects leaves their rows at schema version 2 as stored", () => {
  const filename = copy()
  const before = rowsOf(filename)
  return Effect.gen(function*() {
    const projects = yield* Projects.Projects
    for (const id of Object.keys(expected.streams)) yield* projects.load(id)
    expect(rowsOf(filename)).toEqual(before)
  }).pipe(Effect.provide(over(filename)))
})

// A projection whose version changed since is rebuilt when the store opens; its documents may gain fields, never
// change the ones written at schema version 2.
it.effect("read models rebuilt from the stored events keep every field written at schema version 2", () =>
  Effect.gen(function*() {
    const store = yield* EventStore.EventStore
    for (const [name, docs] of Object.entries(expected.readModels)) {
      const stored = yield* store.listReadModel(name)
      expect(stored.map((e) => ({ key: e.key, doc: e.doc }))).toMatchObject(docs)
      yield* store.rebuild(name)
      const rebuilt = yield* store.listReadModel(name)
      expect(rebuilt.map((e) => ({ key: e.key, doc: e.doc }))).toMatchObject(docs)
      expect(rebuilt.length).toBe(docs.length)
    }
  }).pipe(Effect.provide(live())))

it.effect("the unfinished project goes on with the answers given at schema version 2, and its chain verifies", () =>
  Effect.gen(function*() {
    const continued = yield* continueProject
    expect(continued).toEqual(expected.continued)
    const added = expected.continued.answers.reduce((n, a) => n + (a.events?.length ?? 0), 0)
    const projects = yield* Projects.Projects
    const verified = yield* projects.verify(continuedStream)
    expect(verified).toMatchObject({ ok: true, count: expected.streams[continuedStream]!.events + added })
  }).pipe(Effect.provide(live())))

// New rows (at whatever schema version the code writes) chain onto the old ones: the whole stream verifies.
it.effect("a command appended to a stored stream chains onto its old rows and the whole stream verifies", () => {
  const filename = copy()
  const want = expected.streams[bulkStream]!
  return Effect.gen(function*() {
    const projects = yield* Projects.Projects
    yield* projects.execute(bulkStream, {
      _tag: "RecordDeliverable",
      commandId: "after-0.2-001",
      actor: actors.providerA,
      at: at("2026-10-19", "15:00"),
      evidence: { _tag: "tv-report", date: "2026-10-19", outlet: "示例市电视台", title: "工伤预防专题报道 续" }
    })
    const verified = yield* projects.verify(bulkStream)
    expect(verified).toMatchObject({ ok: true, count: want.events + 1 })
    const { events, state, stored } = yield* projects.load(bulkStream)
    expect(stored.length).toBe(want.events + 1)
    expect(stored[want.events - 1]!.hash).toBe(want.lastHash)
    expect(stored[want.events]!.prevHash).toBe(want.lastHash)
    expect(stored[want.events]!.type).toBe("DeliverableRecorded")
    expect(events[want.events]!._tag).toBe("DeliverableRecorded")
    expect(Project.status(state)).toBe(want.status)
    const rows = streamRows(rowsOf(filename), bulkStream)
    expect(rows.length).toBe(want.events + 1)
    expect(new Set(rows.slice(0, want.events).map((r) => r.schema_version))).toEqual(new Set([2]))
    expect(rows[want.events]).toMatchObject({ position: want.events + 1, prev_hash: want.lastHash })
  }).pipe(Effect.provide(over(filename)))
})
