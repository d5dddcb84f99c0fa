/**
 * Pages of stored events and the Server-Sent Events stream of a project. Each SSE event is one stored event:
 * `id:` its position, `event:` its type, `data:` the stored event as JSON. A client that reconnects sends the last
 * id it saw (`Last-Event-ID`, or `?after=`) and gets the events after it; nothing is skipped or repeated. A commit
 * in this process wakes the stream at once; commits by other processes are seen within a second.
 * @internal
 */
import { HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { CommandHandler, type EventStore, ProjectEvent } from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as EffectStream from "effect/Stream"
import { StoredEvent } from "../ServerApi.js"
import { SharedTag } from "./context.js"
import { fail } from "./http.js"

type Envelope = typeof StoredEvent.Type

/** Stored events after a position, at most `size`, with their decoded events. @internal */
export const page = (
  store: EventStore.Service,
  projectId: string,
  after: number,
  size: number
): Effect.Effect<ReadonlyArray<Envelope>, EventStore.ReadError | CommandHandler.EventCodecError> =>
  Effect.gen(function*() {
    const stored = yield* store.readStream(projectId, { fromPosition: after + 1, maxCount: size })
    const events = CommandHandler.decodeEvents(ProjectEvent.codec, stored)
    if (Either.isLeft(events)) return yield* Effect.fail(events.left)
    return stored.map((s, i) => ({
      position: s.position,
      globalPosition: s.globalPosition,
      recordedAt: s.recordedAt,
      commandId: s.commandId,
      prevHash: s.prevHash,
      hash: s.hash,
      event: events.right[i]!
    }))
  })

const encode = Schema.encodeSync(StoredEvent)
const encoder = new TextEncoder()

const frame = (e: Envelope): Uint8Array =>
  encoder.encode(`id: ${e.position}\nevent: ${e.event._tag}\ndata: ${JSON.stringify(encode(e))}\n\n`)

const heartbeatMs = 15_000

/** The SSE response of a project from a position. @internal */
export const respond = (projectId: string, afterParam: string | undefined) =>
  Effect.gen(function*() {
    const shared = yield* SharedTag
    const request = yield* HttpServerRequest.HttpServerRequest
    const resume = request.headers["last-event-id"] ?? afterParam ?? "0"
    if (!/^\d{1,9}$/.test(resume)) {
      return yield* fail(400, "Last-Event-ID 须为事件位置", "Last-Event-ID must be an event position")
    }
    let position = Number(resume)
    let quiet = 0
    const poll = Effect.gen(function*() {
      if (shared.draining()) return yield* Effect.fail(Option.none())
      const events = yield* page(shared.store, projectId, position, 500).pipe(
        Effect.catchAll(() => Effect.succeed([] as ReadonlyArray<Envelope>))
      )
      if (events.length > 0) {
        position = events.at(-1)!.position
        quiet = 0
        return events.map(frame)
      }
      yield* shared.nextCommit(projectId, 1000)
      quiet += 1000
      if (quiet < heartbeatMs) return []
      quiet = 0
      return [encoder.encode(": keep-alive\n\n")]
    })
    const body = EffectStream.concat(
      EffectStream.make(encoder.encode(`retry: 2000\n: ${projectId}\n\n`)),
      EffectStream.repeatEffectOption(poll).pipe(EffectStream.flatMap((chunks) => EffectStream.fromIterable(chunks)))
    )
    return HttpServerResponse.stream(body, {
      contentType: "text/event-stream",
      headers: { "cache-control": "no-cache", "x-accel-buffering": "no" }
    })
  })
