// Snapshots in a SQLite file altered behind the store's back: a snapshot row whose chain head was changed, and an
// event row at the snapshot's version whose hash was changed, are both ignored; the project is replayed from its
// events and means what it meant.
import { describe, expect, it } from "@effect/vitest"
import { EventStore, type Lifecycle, ProjectService } from "@gsyf/core"
import Database from "better-sqlite3"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fullLifecycle, seedConfig } from "../../core/test/fixtures/seed.js"
import { SqliteEventStore } from "../src/index.js"

const config = seedConfig()
const projectId = "sample-city-2026"
const name = ProjectService.snapshotCodec.name

const withService = <A, E>(
  filename: string,
  options: ProjectService.Options,
  body: (projects: ProjectService.Service, store: EventStore.Service) => Effect.Effect<A, E>
) =>
  Effect.gen(function*() {
    return yield* body(yield* ProjectService.ProjectService, yield* EventStore.EventStore)
  }).pipe(
    Effect.provide(
      ProjectService.layer(config, options).pipe(Layer.provideMerge(SqliteEventStore.layer({ filename })))
    ),
    Effect.runPromise
  )

/** The state a full replay of the stored events gives. */
const replayedState = (filename: string) =>
  withService(
    filename,
    { stateCacheSize: 0, snapshotEvery: 0 },
    (projects) => Effect.map(projects.load(projectId), (l) => l.state)
  )

describe("snapshots in a SQLite store altered behind its back", () => {
  const dir = mkdtempSync(join(tmpdir(), "gsyf-sqlite-snapshots-"))
  const filename = join(dir, "store.db")

  it("writes snapshots with the project's commands", async () => {
    const written = await withService(
      filename,
      { stateCacheSize: 0, snapshotEvery: 10 },
      (projects, store) =>
        Effect.gen(function*() {
          for (const command of fullLifecycle().slice(0, 35)) yield* projects.execute(projectId, command)
          return Option.getOrThrow(yield* store.readSnapshot!(projectId, name))
        })
    )
    expect(written.version).toBeGreaterThanOrEqual(10)
    expect(written.stateVersion).toBe(ProjectService.snapshotCodec.version)
  })

  it("ignores a snapshot row whose chain head was changed", async () => {
    const db = new Database(filename)
    // the state altered too: were the snapshot used, the project would claim 9,999 events
    const row = db.prepare("SELECT state FROM snapshots WHERE stream_id = ? AND name = ?").get(projectId, name) as {
      state: string
    }
    const forged = ProjectService.snapshotCodec.encode({
      ...(ProjectService.snapshotCodec.decode(row.state) as Lifecycle.State),
      version: 9999
    })
    db.prepare("UPDATE snapshots SET head = ?, state = ? WHERE stream_id = ?").run("e".repeat(64), forged, projectId)
    db.close()
    const replayed = await replayedState(filename)
    const next = await withService(
      filename,
      { stateCacheSize: 0, snapshotEvery: 10 },
      (projects) => projects.execute(projectId, fullLifecycle()[35]!)
    )
    expect(next.state.version).toBe(replayed.version + next.events.length)
    expect(next.state.version).toBeLessThan(9999)
  })

  it("ignores a snapshot when the event at its version no longer has its hash", async () => {
    // a fresh snapshot first (the forged one above was replaced on the replay that ignored it)
    const snapshot = await withService(
      filename,
      { stateCacheSize: 0, snapshotEvery: 1 },
      (_projects, store) => Effect.map(store.readSnapshot!(projectId, name), Option.getOrThrow)
    )
    const db = new Database(filename)
    const forged = ProjectService.snapshotCodec.encode({
      ...(ProjectService.snapshotCodec.decode(snapshot.state) as Lifecycle.State),
      version: 9999
    })
    db.prepare("UPDATE snapshots SET state = ? WHERE stream_id = ?").run(forged, projectId)
    db.prepare("UPDATE events SET hash = ? WHERE stream_id = ? AND position = ?").run(
      "d".repeat(64),
      projectId,
      snapshot.version
    )
    db.close()
    const result = await withService(
      filename,
      { stateCacheSize: 0, snapshotEvery: 10 },
      (projects, store) =>
        Effect.gen(function*() {
          const executed = yield* projects.execute(projectId, fullLifecycle()[36]!)
          const verified = yield* store.verify(projectId)
          return { version: executed.state.version, verified }
        })
    )
    expect(result.version).toBeLessThan(9999)
    expect(result.verified.ok).toBe(false)
  })
})
