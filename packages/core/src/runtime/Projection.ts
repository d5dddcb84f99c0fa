/**
 * Read models kept in the same transaction as the events they are computed
 * from, and rebuildable from those events at any time.
 *
 * A projection names the documents an event touches ({@link Projection.keysOf})
 * and computes each document's next value ({@link Projection.reduce}); the store
 * keeps one JSON document per `(projection, key)` in its `read_models` table,
 * together with the global position of the last event applied. Because the
 * documents are written inside the append transaction, a reader never sees an
 * event without its read models or the other way round.
 *
 * Projections are registered when the store layer is built:
 *
 * ```ts
 * import { EventStore, Projection } from "@gsyf/core"
 *
 * const countByType = Projection.make<{ readonly count: number }>({
 *   name: "count-by-type",
 *   version: 1,
 *   keysOf: (event) => [event.type],
 *   reduce: (doc, _event) => ({ count: (doc?.count ?? 0) + 1 })
 * })
 *
 * const StoreLive = EventStore.layerMemory({ projections: [countByType] })
 * // or SqliteEventStore.layer({ filename, projections: [countByType] })
 * // or PgEventStore.layer({ url, projections: [countByType] })
 * ```
 *
 * When a projection's `version` changes, the SQL stores rebuild it from the
 * events when the layer starts; `EventStore.rebuild(name)` does it on demand.
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import { canonicalize } from "./internal/canonicalJson.js"
import type { StoredEvent } from "./internal/eventModel.js"

/**
 * A projection from events to JSON documents.
 *
 * - `name`: stable identifier, the `projection` column of `read_models`.
 * - `version`: bump it when `keysOf` or `reduce` change meaning; the stores then rebuild.
 * - `keysOf`: the keys of the documents an event changes (none for events it ignores).
 * - `reduce`: the next document for a key, from the current one (`undefined` if there is
 *   none yet); `null` deletes the document. Must be pure and return plain JSON.
 *
 * @since 0.1.0
 * @category models
 */
export interface Projection<Doc = unknown> {
  readonly name: string
  readonly version: number
  /** The keys of the documents the event changes. */
  readonly keysOf: (event: StoredEvent) => ReadonlyArray<string>
  /** The next document for a key (`null` deletes it). */
  readonly reduce: (doc: Doc | undefined, event: StoredEvent, key: string) => Doc | null
}

/**
 * Any projection, whatever its document type.
 *
 * @since 0.1.0
 * @category models
 */
export type Any = Projection<any>

/**
 * Identity helper that infers the document type.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <Doc>(projection: Projection<Doc>): Projection<Doc> => projection

/**
 * A stored read-model document.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReadModelEntry {
  readonly projection: string
  readonly key: string
  readonly doc: unknown
  /** Global position of the last event applied to this document. */
  readonly position: number
}

/**
 * One write an adapter must perform: upsert `doc` (canonical JSON text) or delete when `doc` is `null`.
 *
 * @since 0.1.0
 * @category adapters
 */
export interface ReadModelChange {
  readonly projection: string
  readonly key: string
  readonly doc: string | null
  readonly position: number
}

/**
 * A projection threw or returned something that is not JSON. The append that
 * caused it is not written.
 *
 * @since 0.1.0
 * @category errors
 */
export class ProjectionFailed extends Data.TaggedError("ProjectionFailed")<{
  readonly projection: string
  readonly streamId: string
  readonly position: number
  readonly detail: string
}> {
  /** The failure in Chinese and English, with the stream position and detail. */
  override get message(): string {
    return `投影 ${this.projection} 处理 ${this.streamId}#${this.position} 失败 / projection ${this.projection} failed on ${this.streamId}#${this.position}: ${this.detail}`
  }
}

/**
 * Runs projections over events (in order) and returns the resulting writes.
 * `load` reads a document's current canonical JSON text (`undefined` when
 * absent); each key is loaded at most once per call. This is the piece every
 * store adapter shares; it is public for authors of other adapters.
 *
 * @since 0.1.0
 * @category adapters
 */
export const run = <E, R>(
  projections: ReadonlyArray<Any>,
  events: ReadonlyArray<StoredEvent>,
  load: (projection: string, key: string) => Effect.Effect<string | undefined, E, R>
): Effect.Effect<ReadonlyArray<ReadModelChange>, E | ProjectionFailed, R> =>
  Effect.gen(function*() {
    const changes: Array<ReadModelChange> = []
    for (const projection of projections) {
      const current = new Map<string, { doc: unknown; json: string | null; position: number; dirty: boolean }>()
      for (const event of events) {
        const fail = (detail: string) =>
          new ProjectionFailed({
            projection: projection.name,
            streamId: event.streamId,
            position: event.position,
            detail
          })
        let keys: ReadonlyArray<string>
        try {
          keys = projection.keysOf(event)
        } catch (e) {
          return yield* fail(String(e))
        }
        for (const key of keys) {
          let slot = current.get(key)
          if (slot === undefined) {
            const json = yield* load(projection.name, key)
            slot = {
              doc: json === undefined ? undefined : JSON.parse(json),
              json: json ?? null,
              position: 0,
              dirty: false
            }
            current.set(key, slot)
          }
          let next: unknown
          try {
            next = projection.reduce(slot.doc, event, key)
          } catch (e) {
            return yield* fail(String(e))
          }
          if (next === null || next === undefined) {
            slot.doc = undefined
            slot.json = null
          } else {
            let json: string
            try {
              json = canonicalize(next)
            } catch (e) {
              return yield* fail(`document is not JSON: ${e instanceof Error ? e.message : String(e)}`)
            }
            // Keep the projection's own value out of reach of later mutation.
            slot.doc = JSON.parse(json)
            slot.json = json
          }
          slot.position = event.globalPosition
          slot.dirty = true
        }
      }
      for (const [key, slot] of current) {
        if (slot.dirty) changes.push({ projection: projection.name, key, doc: slot.json, position: slot.position })
      }
    }
    return changes
  })
