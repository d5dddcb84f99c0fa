/**
 * Threads that hash stored rows beside the thread that verifies them. Checking a chain, unlike building one, does not
 * wait for the previous hash: each row's stored `prevHash` is compared with the stored `hash` of the row before, so
 * the hash of each row's bytes can be computed anywhere, in any order, as long as every one is compared with the hash
 * the row stores.
 *
 * The calling thread writes each row's hashed bytes and the hash it stores into a slot of shared memory and goes on
 * with the next row; a helper takes a whole slot, hashes its rows with Node's one-shot SHA-256 and writes the index
 * of the first row whose hash differs. A slot moves through four states: free, filled (the caller wrote it), claimed
 * (a helper, or the caller itself, hashes it) and done. The caller never waits on a slot nobody claimed: it hashes
 * such a slot itself, so a helper that is slow to start (or never starts) only costs the speed it would have added.
 *
 * The helpers are started on first use, shared by the process, unreferenced (they do not keep it alive) and idle on
 * an asynchronous wait between runs. Where threads cannot be started (no `worker_threads`, no shared memory, a
 * runtime that refuses), {@link HashThreads.get} gives `undefined` and verification runs on the calling thread.
 *
 * @internal
 */
import { Worker } from "node:worker_threads"
import { sha256HexOfBytes } from "./sha256.js"

/** The states of a slot. */
const free = 0
const filled = 1
const claimed = 2
const done = 3

/** Bytes of a slot: rows whose hashed bytes do not fit in one are hashed by the caller. */
export const slotBytes = 256 * 1024
/** Rows of a slot at most. */
export const slotRows = 512
/** Hex characters of a hash. */
const hashLength = 64
/** Int32 cells of a slot's header: state, rows, first bad row, spare; then start and length per row. */
const header = 4
const stride = header + 2 * slotRows
/** How long the caller waits on a claimed slot before deciding its helper is gone (ms). */
const claimTimeoutMs = 30_000
/** Helper threads at most. */
export const maxThreads = 16

/**
 * The helper's program, run with `eval` (no file to find beside the bundle, whatever the host's module format).
 * It takes any filled slot, hashes its rows and compares each digest with the stored hash.
 */
const helperSource = `
const { workerData } = require("node:worker_threads")
const crypto = require("node:crypto")
const { bytes: sharedBytes, cells: sharedCells, hashes: sharedHashes, slots, slotBytes, slotRows, stride, header } =
  workerData
const bytes = Buffer.from(sharedBytes)
const hashes = Buffer.from(sharedHashes)
const cells = new Int32Array(sharedCells)
const bell = new Int32Array(workerData.bell)
const digest = typeof crypto.hash === "function"
  ? (view) => crypto.hash("sha256", view, "hex")
  : (view) => crypto.createHash("sha256").update(view).digest("hex")
const stored = typeof hashes.latin1Slice === "function"
  ? (from) => hashes.latin1Slice(from, from + 64)
  : (from) => hashes.toString("latin1", from, from + 64)
const firstBad = (slot) => {
  const at = slot * stride
  const rows = cells[at + 1]
  const base = slot * slotBytes
  for (let i = 0; i < rows; i++) {
    const start = base + cells[at + header + 2 * i]
    const end = start + cells[at + header + 2 * i + 1]
    if (digest(bytes.subarray(start, end)) !== stored((slot * slotRows + i) * 64)) return i
  }
  return -1
}
const hashSlot = (slot) => {
  const at = slot * stride
  let bad
  try {
    bad = firstBad(slot)
  } catch (e) {
    // the slot goes back to be hashed by the caller, and this helper stops (the pool is then not used again)
    Atomics.store(cells, at, ${filled})
    Atomics.notify(cells, at)
    throw e
  }
  cells[at + 2] = bad
  Atomics.store(cells, at, ${done})
  Atomics.notify(cells, at)
  Atomics.add(bell, 1, 1)
}
const run = async () => {
  for (;;) {
    const rung = Atomics.load(bell, 0)
    for (let slot = 0; slot < slots; slot++) {
      if (Atomics.load(cells, slot * stride) === ${filled} &&
        Atomics.compareExchange(cells, slot * stride, ${filled}, ${claimed}) === ${filled}) hashSlot(slot)
    }
    const wait = Atomics.waitAsync(bell, 0, rung)
    if (wait.async) await wait.value
  }
}
// a pending asynchronous wait does not keep a thread's event loop alive; this timer does (the thread itself is
// unreferenced, so it never keeps the process alive)
setInterval(() => {}, 2 ** 30)
run()
`

// Node's UTF-8 writer without `Buffer#write`'s argument handling, where the runtime has it (the same bytes). A copy
// of the row writer's: each module reads its own constant per row (an imported binding is a slower read there).
type Utf8Write = (this: Buffer, text: string, offset: number, length: number) => number
const nodeUtf8Write = (Buffer.prototype as unknown as { readonly utf8Write?: Utf8Write }).utf8Write
const utf8Write: Utf8Write = typeof nodeUtf8Write === "function"
  ? nodeUtf8Write
  : function(this: Buffer, text, offset, length) {
    return this.write(text, offset, length, "utf8")
  }

/**
 * A pool of helper threads and the shared slots they hash. One verification at a time uses it (`busy`); a nested or
 * concurrent one on the same thread runs without helpers.
 *
 * @internal
 */
export class HashThreads {
  private static pools = new Map<number, HashThreads | null>()

  /** The process's pool of `threads` helpers, started on first use; `undefined` where threads cannot be started. */
  static get(threads: number): HashThreads | undefined {
    const known = HashThreads.pools.get(threads)
    if (known !== undefined) return known ?? undefined
    let pool: HashThreads | null = null
    if (
      typeof SharedArrayBuffer === "function" && typeof (Atomics as { waitAsync?: unknown }).waitAsync === "function"
    ) {
      try {
        pool = new HashThreads(threads)
      } catch {
        // no shared memory to be had: every walk hashes on its own thread
      }
    }
    HashThreads.pools.set(threads, pool)
    return pool ?? undefined
  }

  readonly slots: number
  readonly bytes: Buffer
  readonly view: DataView
  private readonly cells: Int32Array
  private readonly hashes: Buffer
  private readonly bell: Int32Array
  /** Whether a verification is using the pool. */
  busy = false
  /** Set when a helper failed or a claimed slot was never finished: the pool is not used again. */
  private broken = false
  private readonly threads: number
  // what each helper is started with: the shared memory and its layout
  private readonly workerData: Record<string, unknown>
  private started = false

  private constructor(threads: number) {
    this.threads = threads
    this.slots = 2 * threads + 2
    const sharedBytes = new SharedArrayBuffer(this.slots * slotBytes)
    const sharedCells = new SharedArrayBuffer(this.slots * stride * 4)
    const sharedHashes = new SharedArrayBuffer(this.slots * slotRows * hashLength)
    const bell = new SharedArrayBuffer(8)
    this.bytes = Buffer.from(sharedBytes)
    this.view = new DataView(sharedBytes)
    this.cells = new Int32Array(sharedCells)
    this.hashes = Buffer.from(sharedHashes)
    this.bell = new Int32Array(bell)
    this.workerData = {
      bytes: sharedBytes,
      cells: sharedCells,
      hashes: sharedHashes,
      bell,
      slots: this.slots,
      slotBytes,
      slotRows,
      stride,
      header
    }
  }

  /** Starts the helpers (once): a walk does so when it fills its first slot, so a short walk starts none. */
  start(): void {
    if (this.started) return
    this.started = true
    try {
      for (let i = 0; i < this.threads; i++) {
        // no inherited flags or loaders: the helper needs nothing but Node's own modules
        const worker = new Worker(helperSource, { eval: true, workerData: this.workerData, execArgv: [] })
        worker.on("error", () => {
          this.broken = true
        })
        worker.unref()
      }
    } catch {
      // a runtime that refuses threads: the walks hash every slot themselves
      this.broken = true
    }
  }

  /** How many slots the helpers have hashed since the pool started. */
  get slotsHashedByHelpers(): number {
    return Atomics.load(this.bell, 1)
  }

  /** Whether the helpers were started. */
  get helpersStarted(): boolean {
    return this.started
  }

  /** Whether the pool can be used for a new verification. */
  get usable(): boolean {
    return !this.busy && !this.broken
  }

  /** Marks a slot free for writing (its previous rows' outcome already taken). */
  reset(slot: number): void {
    Atomics.store(this.cells, slot * stride, free)
  }

  /** Records row `row` of a slot: its bytes from `start` (in the shared buffer) for `length`, and its stored hash. */
  put(slot: number, row: number, start: number, length: number, hash: string): void {
    const at = slot * stride + header + 2 * row
    this.cells[at] = start - slot * slotBytes
    this.cells[at + 1] = length
    const from = (slot * slotRows + row) * hashLength
    // A stored hash that is not 64 ASCII characters cannot match: written as 64 bytes that no digest is. (Any other
    // character is written as bytes from 0x80 up, which no hex digit is, or, cut off, leaves fewer than 64 written.)
    if (
      typeof hash !== "string" || hash.length !== hashLength ||
      utf8Write.call(this.hashes, hash, from, hashLength) !== hashLength
    ) {
      this.hashes.fill(0x2d, from, from + hashLength)
    }
  }

  /** Hands a slot of `rows` rows to the helpers. */
  publish(slot: number, rows: number): void {
    this.cells[slot * stride + 1] = rows
    Atomics.store(this.cells, slot * stride, filled)
    Atomics.add(this.bell, 0, 1)
    Atomics.notify(this.bell, 0)
  }

  /**
   * Waits until a published slot is done (hashing it on this thread if no helper took it) and returns the index of
   * its first row whose hash differs from the stored one, or -1.
   */
  settle(slot: number): number {
    const at = slot * stride
    for (;;) {
      const state = Atomics.load(this.cells, at)
      if (state === done) return this.cells[at + 2]!
      if (state === free) return -1
      if (state === filled && Atomics.compareExchange(this.cells, at, filled, claimed) === filled) {
        return this.hashHere(slot)
      }
      if (state === claimed && Atomics.wait(this.cells, at, claimed, claimTimeoutMs) === "timed-out") {
        // a helper took the slot and never finished it: hash it here and stop using the pool
        this.broken = true
        return this.hashHere(slot)
      }
    }
  }

  private hashHere(slot: number): number {
    const at = slot * stride
    const rows = this.cells[at + 1]!
    const base = slot * slotBytes
    let bad = -1
    for (let i = 0; i < rows; i++) {
      const start = base + this.cells[at + header + 2 * i]!
      const end = start + this.cells[at + header + 2 * i + 1]!
      const from = (slot * slotRows + i) * hashLength
      if (
        sha256HexOfBytes(this.bytes.subarray(start, end)) !== this.hashes.toString("latin1", from, from + hashLength)
      ) {
        bad = i
        break
      }
    }
    this.cells[at + 2] = bad
    Atomics.store(this.cells, at, done)
    return bad
  }
}
