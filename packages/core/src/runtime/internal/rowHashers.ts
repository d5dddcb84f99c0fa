/**
 * How a walk over stored rows checks each row's hash: at once on the calling thread ({@link HashHere}), or queued
 * in slots that helper threads hash while the walk goes on ({@link HashOnThreads}). Both write the same bytes
 * ({@link StoredBodyHash}); the walk asks each row's record name from those bytes and, at its end (or at its first
 * broken link), which queued row is the first whose hash differs.
 *
 * @internal
 */
import { HashThreads, slotBytes as sharedSlotBytes, slotRows as sharedSlotRows } from "./hashThreads.js"
import { type SlotSpace, StoredBodyHash, type StoredRow } from "./storedBodyHash.js"

// the slot sizes as this module's own constants (read per row; an imported binding is a slower read)
const slotBytes = sharedSlotBytes
const slotRows = sharedSlotRows

/** A stored row with the hash it claims. */
export interface HashedRow extends StoredRow {
  readonly hash: string
}

/** @internal */
export interface RowHasher {
  /**
   * Whether the row's hash (after `prevHash`, with `dataJson` as its data text) may be the one it stores: false when
   * it is known to differ, or when a row queued earlier was found to differ.
   */
  check(row: HashedRow, prevHash: string, dataJson: string): boolean
  /** Which record the data text of the row just checked names (see `StoredBodyHash.namesRecord`). */
  names(ref: string | undefined): "none" | "it" | "other"
  /** Waits for every queued row and gives the first whose hash differs from the one it stores, if any. */
  firstMismatch(): HashedRow | undefined
}

/** Every hash taken on the calling thread, as the row is checked. */
export class HashHere implements RowHasher {
  private readonly stored = new StoredBodyHash()

  check(row: HashedRow, prevHash: string, dataJson: string): boolean {
    return this.stored.of(prevHash, row, dataJson) === row.hash
  }

  names(ref: string | undefined): "none" | "it" | "other" {
    return this.stored.namesRecord(ref)
  }

  firstMismatch(): undefined {
    return undefined
  }
}

/**
 * Rows written into the slots of a pool of helper threads, which hash them while the walk reads on. The pool is
 * held (`busy`) from construction until {@link firstMismatch} or {@link release}, which every walk calls.
 */
export class HashOnThreads implements RowHasher {
  private readonly stored = new StoredBodyHash()
  private readonly space: SlotSpace
  // the slot being written, how many rows it holds, and the rows of every slot (to name the one that differs)
  private slot = 0
  private rows = 0
  private readonly slotRowsOf: Array<Array<HashedRow>>
  // the slots handed to the helpers and not yet settled, oldest first
  private readonly pending: Array<number> = []
  // the first row found to differ (slots are settled in the order they were handed out, so it is the earliest)
  private mismatch: HashedRow | undefined = undefined
  private released = false

  constructor(private readonly pool: HashThreads) {
    pool.busy = true
    this.space = { bytes: pool.bytes, view: pool.view, at: 0, end: slotBytes }
    this.slotRowsOf = Array.from({ length: pool.slots }, () => [])
  }

  check(row: HashedRow, prevHash: string, dataJson: string): boolean {
    if (this.mismatch !== undefined) return false
    let end = this.stored.write(prevHash, row, dataJson, this.space)
    if (end === -1 && this.rows > 0) {
      this.next()
      end = this.stored.write(prevHash, row, dataJson, this.space)
    }
    // a row larger than a slot is hashed here
    if (end === -1) return this.stored.of(prevHash, row, dataJson) === row.hash
    if (end === -2) return false
    const begin = this.space.at
    this.pool.put(this.slot, this.rows, begin, end - begin, row.hash)
    this.slotRowsOf[this.slot]![this.rows++] = row
    this.space.at = end
    if (this.rows === slotRows) this.next()
    return true
  }

  names(ref: string | undefined): "none" | "it" | "other" {
    return this.stored.namesRecord(ref)
  }

  firstMismatch(): HashedRow | undefined {
    this.release()
    return this.mismatch
  }

  /** Settles every slot handed out (waiting for the helpers) and frees the pool, once. */
  release(): void {
    if (this.released) return
    this.released = true
    if (this.rows > 0) this.publish()
    while (this.pending.length > 0) this.settle(this.pending.shift()!)
    this.pool.busy = false
  }

  /** Hands the slot being written to the helpers and moves to the next, settling what it held before. */
  private next(): void {
    this.pool.start()
    this.publish()
    const slot = (this.slot + 1) % this.pool.slots
    if (this.pending[0] === slot) this.settle(this.pending.shift()!)
    this.slot = slot
    this.space.at = slot * slotBytes
    this.space.end = this.space.at + slotBytes
  }

  private publish(): void {
    this.pool.publish(this.slot, this.rows)
    this.pending.push(this.slot)
    this.rows = 0
  }

  /** Takes the oldest slot's outcome: the first of its rows whose hash differs, kept if none was found before. */
  private settle(slot: number): void {
    const bad = this.pool.settle(slot)
    this.pool.reset(slot)
    if (bad >= 0 && this.mismatch === undefined) this.mismatch = this.slotRowsOf[slot]![bad]
  }
}

/**
 * The hasher for a walk asking for `threads` helper threads: {@link HashOnThreads} over the process's pool when it
 * can be used, {@link HashHere} otherwise (no threads asked for, none can be started, or the pool is in use by a
 * walk on this thread).
 */
export const rowHasher = (threads: number): RowHasher => {
  const pool = threads > 0 ? HashThreads.get(threads) : undefined
  return pool !== undefined && pool.usable ? new HashOnThreads(pool) : new HashHere()
}
