/**
 * The records a store's events share (`EventStore.NewEvent` `record`), as one store instance knows them: the ones it
 * read back (their text checked against their reference) and the ones its committed appends wrote. Reads take the
 * records of their rows from here and fetch the ones it lacks; appends write only the records it does not know to
 * be stored.
 *
 * @internal
 */
import { EventStore } from "@gsyf/core"

/** How many records an instance keeps before it starts again (a store of distinct records per event stays bounded). */
const limit = 10_000

/** A row of the records table. */
export interface RecordRow {
  readonly ref: string
  readonly json: string
}

export class RecordBook {
  private readonly known = new Map<string, EventStore.StoredRecord>()

  /**
   * The records this instance knows among the references of some rows (`found`), and the distinct references it does
   * not know (`missing`, to fetch and pass to {@link read}).
   */
  lookup(
    refs: Iterable<unknown>
  ): { readonly found: Map<string, EventStore.StoredRecord>; readonly missing: Array<string> } {
    const found = new Map<string, EventStore.StoredRecord>()
    const missing = new Set<string>()
    for (const ref of refs) {
      if (typeof ref !== "string" || found.has(ref)) continue
      const r = this.known.get(ref)
      if (r === undefined) missing.add(ref)
      else found.set(ref, r)
    }
    return { found, missing: [...missing] }
  }

  /** Records fetched from the store, into `found` and this instance: each only when its text hashes to its ref. */
  read(rows: Iterable<RecordRow>, found: Map<string, EventStore.StoredRecord>): void {
    for (const row of rows) {
      const record = EventStore.readRecord(row.ref, row.json)
      if (record === undefined) continue
      found.set(record.ref, record)
      this.keep(record)
    }
  }

  /** Keeps the records of events an append committed. */
  written(events: ReadonlyArray<{ readonly record?: EventStore.StoredRecord | undefined }>): void {
    for (const e of events) if (e.record !== undefined) this.keep(e.record)
  }

  /** The distinct records of prepared events that this instance does not know to be stored. */
  unknown(prepared: EventStore.PreparedAppend): Array<RecordRow> {
    let out: Map<string, RecordRow> | undefined
    for (const e of prepared.events) {
      if (e.record !== undefined && !this.known.has(e.record.ref)) (out ??= new Map()).set(e.record.ref, e.record)
    }
    return out === undefined ? [] : [...out.values()]
  }

  private keep(record: EventStore.StoredRecord): void {
    if (this.known.size >= limit && !this.known.has(record.ref)) this.known.clear()
    this.known.set(record.ref, record)
  }
}
