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
 * A document with a list that grows with history can keep that list as rows of
 * its own (`rows`): each piece is written once, by the event that adds it, and
 * the document itself stays small, so that an event's writes do not grow with
 * the list. Readers (`readModel`, `listReadModel`) get the document with its
 * list whole, as if it were one document ({@link assemble}).
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
 * - `rows` (optional): the list field of each document that is kept as rows of their own. `keysOf` then names
 *   a row as {@link rowKey}`(key, id)` and `reduce` computes it like a document (`null` deletes it); the reduce
 *   of a document's own key gets, as `rows`, the current value of each of its rows the same event names (by
 *   row id, before the event changes them), so that it can read a row it withdraws. Readers get the field as
 *   the list the document holds itself followed by its rows in the order they were written ({@link assemble}).
 *
 * @since 0.1.0
 * @category models
 */
export interface Projection<Doc = unknown> {
  readonly name: string
  readonly version: number
  /** The keys of the documents the event changes. */
  readonly keysOf: (event: StoredEvent) => ReadonlyArray<string>
  /**
   * The next document for a key (`null` deletes it). `rows`: with `rows` declared, the current values of the
   * rows of `key` that the event's keys name, by row id (empty otherwise).
   */
  readonly reduce: (
    doc: Doc | undefined,
    event: StoredEvent,
    key: string,
    rows: ReadonlyMap<string, unknown>
  ) => Doc | null
  /** The list field kept as rows of their own (see the interface's documentation). @since 0.2.0 */
  readonly rows?: { readonly field: string } | undefined
}

/**
 * What separates a document's key from a row's id in a row key (U+001F; stream ids and command ids never hold
 * control characters).
 *
 * @since 0.2.0
 * @category rows
 */
export const rowSeparator = "\u001f"

/**
 * The key `keysOf` gives for one row of the document `key` (a projection with `rows`).
 *
 * @since 0.2.0
 * @category rows
 */
export const rowKey = (key: string, id: string): string => `${key}${rowSeparator}${id}`

/**
 * A row key's document key and row id, or `undefined` for a document's own key.
 *
 * @since 0.2.0
 * @category rows
 */
export const splitRowKey = (key: string): { readonly key: string; readonly id: string } | undefined => {
  const at = key.indexOf(rowSeparator)
  return at < 0 ? undefined : { key: key.slice(0, at), id: key.slice(at + 1) }
}

/**
 * Where a store keeps the rows of the document `key`: the `projection` of their entries (the row id is their
 * `key`), so that a document's rows are read by one exact lookup.
 *
 * @since 0.2.0
 * @category rows
 */
export const rowsOf = (projection: string, key: string): string => `${projection}${rowSeparator}${key}`

/**
 * The start every row place of a projection shares ({@link rowsOf}): what a store removes when it rebuilds it.
 *
 * @since 0.2.0
 * @category rows
 */
export const rowsPrefix = (projection: string): string => `${projection}${rowSeparator}`

const byWritten = (a: ReadModelEntry, b: ReadModelEntry) =>
  a.position - b.position || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/**
 * A document as readers get it: the stored entry, and for a projection with `rows`, its field holding the list
 * the document keeps itself followed by the rows' documents in the order they were written (global position,
 * then id). Every store's `readModel` and `listReadModel` return this.
 *
 * @since 0.2.0
 * @category rows
 */
export const assemble = (
  projection: Any | undefined,
  head: ReadModelEntry,
  rows: ReadonlyArray<ReadModelEntry>
): ReadModelEntry => {
  const field = projection?.rows?.field
  const doc = head.doc
  if (field === undefined || doc === null || typeof doc !== "object" || Array.isArray(doc)) return head
  const own = (doc as Record<string, unknown>)[field]
  const list = [...(Array.isArray(own) ? own : []), ...[...rows].sort(byWritten).map((r) => r.doc)]
  return { ...head, doc: { ...doc, [field]: list } }
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

interface Slot {
  /** Where the store keeps it: the projection (or a row place, {@link rowsOf}) and the key (or row id). */
  readonly projection: string
  readonly key: string
  doc: unknown
  json: string | null
  position: number
  dirty: boolean
}

const noRows: ReadonlyMap<string, unknown> = new Map()

/**
 * Runs projections over events (in order) and returns the resulting writes.
 * `load` reads a document's current canonical JSON text (`undefined` when
 * absent); each key is loaded at most once per call. A row of a projection
 * with `rows` is loaded and written at its place ({@link rowsOf}). This is the
 * piece every store adapter shares; it is public for authors of other adapters.
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
      const current = new Map<string, Slot>()
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
        const slots: Array<Slot> = []
        for (const key of keys) {
          let slot = current.get(key)
          if (slot === undefined) {
            const place = placeOf(projection, key)
            const json = yield* load(place.projection, place.key)
            slot = {
              ...place,
              doc: json === undefined ? undefined : JSON.parse(json),
              json: json ?? null,
              position: 0,
              dirty: false
            }
            current.set(key, slot)
          }
          slots.push(slot)
        }
        const rowsBefore = projection.rows === undefined ? undefined : rowsByDocument(keys, slots)
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!
          const slot = slots[i]!
          let next: unknown
          try {
            next = projection.reduce(slot.doc, event, key, rowsBefore?.get(key) ?? noRows)
          } catch (e) {
            return yield* fail(String(e))
          }
          if (next === null || next === undefined) {
            if (slot.doc === undefined) continue // nothing there to delete
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
      for (const slot of current.values()) {
        if (slot.dirty) {
          changes.push({ projection: slot.projection, key: slot.key, doc: slot.json, position: slot.position })
        }
      }
    }
    return changes
  })

/** Where a store keeps the document or row of a key. */
const placeOf = (projection: Any, key: string): { readonly projection: string; readonly key: string } => {
  const row = projection.rows === undefined ? undefined : splitRowKey(key)
  return row === undefined
    ? { projection: projection.name, key }
    : { projection: rowsOf(projection.name, row.key), key: row.id }
}

/** The rows an event names, by the key of their document and their id, as they are before it. */
const rowsByDocument = (keys: ReadonlyArray<string>, slots: ReadonlyArray<Slot>) => {
  const out = new Map<string, Map<string, unknown>>()
  for (const [i, key] of keys.entries()) {
    const row = splitRowKey(key)
    const doc = slots[i]!.doc
    if (row === undefined || doc === undefined) continue
    let rows = out.get(row.key)
    if (rows === undefined) out.set(row.key, rows = new Map())
    rows.set(row.id, doc)
  }
  return out
}
