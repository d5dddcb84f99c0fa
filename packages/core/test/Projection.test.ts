import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as EventStore from "../src/runtime/EventStore.js"
import * as Projection from "../src/runtime/Projection.js"

// A toy projection: the list of open tasks per assignee.
const openTasks = Projection.make<{ readonly tasks: ReadonlyArray<string> }>({
  name: "open-tasks",
  version: 1,
  keysOf: (e) => [(e.data as { assignee: string }).assignee],
  reduce: (doc, e) => {
    const { task } = e.data as { task: string }
    const tasks = doc?.tasks ?? []
    const next = e.type === "Opened" ? [...tasks, task] : tasks.filter((t) => t !== task)
    return next.length === 0 ? null : { tasks: next }
  }
})

const ev = (type: string, assignee: string, task: string): EventStore.NewEvent => ({
  type,
  schemaVersion: 1,
  data: { assignee, task }
})

describe("Projection", () => {
  it.effect("keeps documents per key, deletes on null, and rebuilds the same", () =>
    Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      yield* store.append("t-1", 0, "c1", [ev("Opened", "王", "培训"), ev("Opened", "李", "宣传")])
      yield* store.append("t-2", 0, "c2", [ev("Opened", "王", "评估")])
      yield* store.append("t-1", 2, "c3", [ev("Closed", "李", "宣传")])
      expect(Option.getOrThrow(yield* store.readModel("open-tasks", "王")).doc).toEqual({ tasks: ["培训", "评估"] })
      expect(Option.isNone(yield* store.readModel("open-tasks", "李"))).toBe(true)
      const before = yield* store.listReadModel("open-tasks")
      expect(before.map((d) => d.key)).toEqual(["王"])
      expect(before[0]!.position).toBe(3)
      expect(yield* store.rebuild("open-tasks")).toEqual({ projection: "open-tasks", events: 4, documents: 1 })
      expect(yield* store.listReadModel("open-tasks")).toEqual(before)
    }).pipe(Effect.provide(EventStore.layerMemory({ projections: [openTasks] }))))

  it.effect("reports a projection that returns something that is not JSON", () =>
    Effect.gen(function*() {
      const bad = Projection.make<unknown>({
        name: "bad",
        version: 1,
        keysOf: () => ["k"],
        reduce: () => ({ when: new Date(0) })
      })
      const result = yield* Effect.flip(
        Projection.run([bad], [{
          streamId: "s",
          position: 1,
          globalPosition: 1,
          type: "T",
          schemaVersion: 1,
          data: {},
          commandId: "c",
          recordedAt: "",
          prevHash: "",
          hash: ""
        }], () => Effect.succeed(undefined))
      )
      expect(result).toMatchObject({ _tag: "ProjectionFailed", projection: "bad", position: 1 })
    }))

  it.effect("refuses two projections with the same name", () =>
    Effect.gen(function*() {
      const e = yield* Effect.flip(EventStore.makeMemory({ projections: [openTasks, openTasks] }))
      expect(e._tag).toBe("StoreError")
    }))
})
