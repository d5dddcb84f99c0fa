// A store written by gsyf 0.1 (test/fixtures/store-0.1, see write.ts there) must keep loading, verifying and
// meaning the same: the same statuses, the same read models when rebuilt from its events by today's code, and
// the same answers when its unfinished project goes on.
import { it } from "@effect/vitest"
import { EventStore, Project, Projects, ReadModels } from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
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
