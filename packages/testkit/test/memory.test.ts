import { EventStore } from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { EventStoreSuite } from "../src/index.js"

// One store per suite; `tamper` reaches it through the memory adapter's test hook.
let memory: EventStore.MemoryService | undefined
EventStoreSuite.suite(
  "memory",
  (options) =>
    Layer.effect(
      EventStore.EventStore,
      Effect.tap(EventStore.makeMemory(options), (store) => Effect.sync(() => (memory = store)))
    ),
  { tamper: (streamId, position, data) => Effect.suspend(() => memory!.unsafeTamper(streamId, position, data)) }
)
