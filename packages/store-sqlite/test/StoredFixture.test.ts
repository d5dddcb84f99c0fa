// A store written by gsyf 0.1 (test/fixtures/store-0.1, see write.ts there) must keep loading, verifying and
// meaning the same: the same statuses, the same read models when rebuilt from its events by today's code, and
// the same answers when its unfinished project goes on.
import { it } from "@effect/vitest"
import { EventStore, Project, ProjectEvent, Projects, ReadModels } from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { expect } from "vitest"
import { seedConfig } from "../../core/test/fixtures/seed.js"
import { SqliteEventStore } from "../src/index.js"
import { continueProject } from "./fixtures/store-0.1/continuation.js"

const fixture = fileURLToPath(new URL("fixtures/store-0.1/", import.meta.url))
const expected = JSON.parse(readFileSync(join(fixture, "expected.json"), "utf8")) as {
  readonly streams: Record<string, { events: number; lastHash: string; tags: Record<string, number>; status: string }>
  readonly readModels: Record<string, ReadonlyArray<{ key: string; doc: unknown }>>
  readonly continued: unknown
}
const config = seedConfig()

/** The service over a fresh copy of the fixture (tests never write to the committed file). */
const live = () => {
  const filename = join(mkdtempSync(join(tmpdir(), "gsyf-store-0.1-")), "store.sqlite")
  copyFileSync(join(fixture, "store.sqlite"), filename)
  const store = SqliteEventStore.layer({ filename, projections: ReadModels.projections(config) })
  return Projects.layer(config).pipe(Layer.provideMerge(store))
}

it.effect("every stored project verifies and folds to the status it had", () =>
  Effect.gen(function*() {
    const projects = yield* Projects.Projects
    for (const [id, want] of Object.entries(expected.streams)) {
      const verified = yield* projects.verify(id)
      expect(verified).toMatchObject({ ok: true })
      const { state, stored } = yield* projects.load(id)
      expect(stored.length).toBe(want.events)
      expect(stored[stored.length - 1]!.hash).toBe(want.lastHash)
      const tags: Record<string, number> = {}
      for (const e of stored) tags[e.type] = (tags[e.type] ?? 0) + 1
      expect(tags).toEqual(want.tags)
      expect(Project.status(state)).toBe(want.status)
    }
  }).pipe(Effect.provide(live())))

// 0.2 added exact scores and the ranking basis to Awarded and identified rectification orders to AcceptanceFailed,
// all optional: the events 0.1 stored decode without them and keep their display texts.
it.effect("awards and rectifications stored by 0.1 decode without the fields added since", () =>
  Effect.gen(function*() {
    const projects = yield* Projects.Projects
    const { stored } = yield* projects.load("sample-city-2026")
    const events = stored.map((s) => Schema.decodeUnknownSync(ProjectEvent.Event)(s.data))
    const awards = events.filter((e) => e._tag === "Awarded")
    expect(awards.map((a) => [a.subProject, a.supplierId, a.rankingBasis, a.ties])).toEqual([
      ["keyAreas", "sup-a", undefined, undefined],
      ["hazchem", "sup-h1", undefined, undefined]
    ])
    expect(awards.flatMap((a) => a.ranking.map((r) => [r.total, r.exact, r.fourDecimals]))).toContainEqual([
      "90.21",
      undefined,
      undefined
    ])
    const failed = events.find((e) => e._tag === "AcceptanceFailed")!
    expect(failed.rectification.orders).toBeUndefined()
    expect(failed.rectification.items.join()).toContain("门户网站")
  }).pipe(Effect.provide(live())))

// A projection whose version changed since 0.1 is rebuilt when the store opens; its documents may gain fields,
// never change the ones 0.1 wrote.
it.effect("read models rebuilt from the stored events keep every field 0.1 wrote", () =>
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

it.effect("the unfinished project goes on with the answers 0.1 gave", () =>
  Effect.gen(function*() {
    const continued = yield* continueProject
    expect(continued).toEqual(expected.continued)
  }).pipe(Effect.provide(live())))
