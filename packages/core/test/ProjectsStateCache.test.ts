import { describe, expect, it } from "@effect/vitest"
import { EventStore, IsoDate, Lifecycle, ProjectService, ReadModels } from "@gsyf/core"
import { Effect } from "effect"
import { fullLifecycle, seedConfig } from "./fixtures/seed.js"

const projectId = "sample-city-2026"
const endOfYear = IsoDate.unsafeFromString("2026-12-31")

describe("Projects with the state cache", () => {
  const config = seedConfig()
  const service = (store: EventStore.Service, options?: ProjectService.Options) =>
    ProjectService.make(config, options).pipe(Effect.provideService(EventStore.EventStore, store))

  it.effect.each(["refresh", "optimistic"] as const)(
    "two services with their own caches (%s) on one store interleave the seed lifecycle",
    (mode) =>
      Effect.gen(function*() {
        const shared = yield* EventStore.makeMemory({ projections: ReadModels.projections(config) })
        const a = yield* service(shared, { stateCacheMode: mode })
        const b = yield* service(shared)
        const commands = fullLifecycle()
        let last: ProjectService.Executed | undefined
        // Every step needs the one before it, so each service must see the other's events.
        for (const [i, command] of commands.entries()) last = yield* (i % 2 === 0 ? a : b).execute(projectId, command)

        // the same lifecycle through one service without a cache, on its own store
        const alone = yield* EventStore.makeMemory({ projections: ReadModels.projections(config) })
        const cold = yield* service(alone, { stateCacheSize: 0 })
        for (const command of commands) yield* cold.execute(projectId, command)

        const replayed = (yield* a.load(projectId)).state
        const reference = (yield* cold.load(projectId)).state
        expect(Lifecycle.status(replayed)).toBe("filed")
        expect(last!.version).toBe(replayed.version)
        expect(replayed).toEqual(reference)
        expect(last!.state).toEqual(reference)
        expect(yield* a.progress(projectId, endOfYear)).toEqual(yield* cold.progress(projectId, endOfYear))
        expect(yield* b.briefings(projectId, "hazchem", endOfYear)).toEqual(
          yield* cold.briefings(projectId, "hazchem", endOfYear)
        )
        expect((yield* shared.verify(projectId)).ok).toBe(true)
      })
  )

  it.effect("a retried command id answers from the store whichever service receives it", () =>
    Effect.gen(function*() {
      const shared = yield* EventStore.makeMemory({ projections: ReadModels.projections(config) })
      const a = yield* service(shared)
      const b = yield* service(shared)
      const [first, second] = fullLifecycle()
      const done = yield* a.execute(projectId, first)
      yield* b.execute(projectId, second)
      const again = yield* a.execute(projectId, first)
      expect(again).toMatchObject({ duplicate: true, version: done.version })
      expect(again.events).toEqual(done.events)
      expect(again.state.version).toBe(2)
      expect(yield* shared.streamVersion(projectId)).toBe(2)
    }))
})
