/**
 * The hash of a stored row, `hex(SHA-256(prevHash + canonical(body)))`, where the body's `data` is the canonical JSON
 * text the store keeps. The UTF-8 bytes of that text are written piece by piece into one buffer kept between rows and
 * hashed as a view of it: no string of the whole body is built, flattened and converted to UTF-8 again inside the
 * hash, and the row's data text is encoded once, straight into the buffer. The hash is the same as that of the text
 * (UTF-8 is what the hash definition names; a lone surrogate in a stored text becomes U+FFFD either way).
 *
 * The command id, the position and the time of recording change from row to row (every command has a time of its
 * own), so they are written byte by byte. What follows them, `,"schemaVersion":…,"streamId":…,"type":…}`, is kept per
 * type (a store holds a few dozen) for the stream and schema version of a run of rows: bound when two rows in a row
 * share them, so a stream read in order copies it in, while a trail read in global order, which moves between streams
 * from row to row, writes the schema version and the stream id byte by byte and copies only `,"type":…}`, kept per
 * type across streams. The previous hash and the data text are each written with one call into Node's UTF-8 writer,
 * and the hash reads a view of the buffer kept per body length (no view object is made per row). Which record the
 * data names is read from the bytes just written, four at a time.
 *
 * @internal
 */
import { recordKey } from "./eventModel.js"
import { sha256HexOfBytes } from "./sha256.js"

/** The columns of a stored row besides its data text and hashes. */
export interface StoredRow {
  readonly streamId: string
  readonly position: number
  readonly type: string
  readonly schemaVersion: number
  readonly commandId: string
  readonly recordedAt: string
}

// UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair, two units, takes 4).
const maxBytesPerUnit = 3
// JSON writes a UTF-16 code unit as at most 6 characters (`\u001f`).
const maxJsonUnitsPerUnit = 6
// room for the keys (about 100 bytes) and the position written around the data and the other columns
const fixedUnits = 128
const initialBytes = 16 * 1024

/**
 * Bytes to look for, with as many of them as make whole 32-bit words also read as little-endian words (compared
 * with the buffer four bytes at a time through a `DataView`).
 */
interface Words {
  readonly bytes: Uint8Array
  readonly words: Uint32Array
}

const wordsOf = (bytes: Uint8Array): Words => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length)
  const words = new Uint32Array(Math.floor(bytes.length / 4))
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(4 * i, true)
  return { bytes, words }
}

const ascii = (text: string): Uint8Array => Buffer.from(text, "latin1")
const commandIdKey = ascii(`{"commandId":`)
const dataKey = ascii(`,"data":`)
const positionKey = ascii(`,"position":`)
const recordedAtKey = ascii(`,"recordedAt":`)
const schemaVersionKey = ascii(`,"schemaVersion":`)
const streamIdKey = ascii(`,"streamId":`)
const recordPrefix = ascii(`{"${recordKey}":"`)

const recordPrefixBytes = wordsOf(recordPrefix)
const quote = 0x22

/**
 * Writes the UTF-8 of a short text at `at` and returns where it ends: ASCII code units one by one (cheaper than a
 * call into `Buffer#write` for the hashes and ids between the data texts), anything else with `Buffer#write`.
 */
const writeShort = (bytes: Buffer, text: string, at: number): number => {
  const length = text.length
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i)
    if (unit >= 0x80) return at + bytes.write(text, at)
    bytes[at + i] = unit
  }
  return at + length
}

/**
 * Writes `JSON.stringify(text)` as UTF-8: printable ASCII without quotes or backslashes (what ids are) one code unit
 * at a time, any other text through `JSON.stringify`.
 */
const writeJsonString = (bytes: Buffer, text: string, at: number): number => {
  const length = text.length
  bytes[at] = quote
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x20 || unit >= 0x80 || unit === quote || unit === 0x5c) {
      return writeShort(bytes, JSON.stringify(text), at)
    }
    bytes[at + 1 + i] = unit
  }
  bytes[at + 1 + length] = quote
  return at + length + 2
}

/** Writes `String(n)` for a positive integer: digits in integer arithmetic below 2^31, `String` beyond. */
const writePositive = (bytes: Buffer, n: number, at: number): number => {
  if (!(n < 2147483648)) return writeShort(bytes, String(n), at)
  let end = at + 1
  for (let power = 10; power <= n; power *= 10) end++
  let rest = n | 0
  for (let i = end - 1; i >= at; i--) {
    const next = (rest / 10) | 0
    bytes[i] = 0x30 + rest - 10 * next
    rest = next
  }
  return end
}

// Node's UTF-8 writer without `Buffer#write`'s argument handling, where the runtime has it (the same bytes).
type Utf8Write = (this: Buffer, text: string, offset: number, length: number) => number
const nodeUtf8Write = (Buffer.prototype as unknown as { readonly utf8Write?: Utf8Write }).utf8Write
// (kept to this module: a module's own constant is read faster in the row writer's loop than an exported one)
const utf8Write: Utf8Write = typeof nodeUtf8Write === "function"
  ? nodeUtf8Write
  : function(this: Buffer, text, offset, length) {
    return this.write(text, offset, length, "utf8")
  }

// Bodies up to this many bytes are hashed through a view kept per length.
const maxViewLength = 64 * 1024

/** `,"type":…}` as UTF-8 (a type column of another type than declared: its JSON, as a template string writes it). */
const typeTail = (type: unknown): Uint8Array => Buffer.from(`,"type":${JSON.stringify(type)}}`, "utf8")

/** `,"schemaVersion":…,"streamId":…` and {@link typeTail} as UTF-8 (`String(-0)` is `"0"`, as JCS wants). */
const tailText = (schemaVersion: number, streamId: string, type: unknown): Uint8Array =>
  Buffer.concat([
    Buffer.from(`,"schemaVersion":${String(schemaVersion)},"streamId":${JSON.stringify(streamId)}`, "utf8"),
    typeTail(type)
  ])

/** No type: the last type of a run is forgotten when the run's stream or schema version changes. */
const noType: unique symbol = Symbol("noType")

/** Writes a column's JSON: a text's through {@link writeJsonString}, anything else's as a template string does. */
const writeJson = (bytes: Buffer, value: unknown, at: number): number =>
  typeof value === "string" ? writeJsonString(bytes, value, at) : writeShort(bytes, String(JSON.stringify(value)), at)

/** UTF-16 code units of a column's JSON at most (a text's, or what {@link writeJson} writes for anything else). */
const jsonUnits = (value: unknown): number =>
  typeof value === "string" ? maxJsonUnitsPerUnit * value.length : String(JSON.stringify(value)).length

/** Where a row's bytes go: a buffer (and a view of it) and the range of it still free. */
export interface SlotSpace {
  readonly bytes: Buffer
  readonly view: DataView
  at: number
  end: number
}

/** @internal */
export class StoredBodyHash {
  // allocated on the first row
  private bytes: Buffer = Buffer.alloc(0)
  // views of `bytes` from its start, by length
  private views = new Map<number, Uint8Array>()
  // the previous row's stream and schema version
  private lastStream: unknown = undefined
  private lastVersion = Number.NaN
  // the run's stream and schema version, its tails by type, and the last type asked for with its tail
  private runStream: string | undefined = undefined
  private runVersion = Number.NaN
  private runTails = new Map<string, Uint8Array>()
  private type: unknown = noType
  private tailBytes: Uint8Array = new Uint8Array(0)
  // `,"type":…}` by type, for rows outside a run
  private types = new Map<string, Uint8Array>()
  // the same bytes, read four at a time by `namesRecord`
  private dataView = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length)
  // `{"$record":"…"` for each record reference asked about, and for the last one
  private refBytes = new Map<string, Words>()
  private ref: string | undefined = undefined
  private refWords: Words = recordPrefixBytes
  // the buffer the last row was written into (this writer's own, or a slot's) and a view of it
  private target: Buffer = this.bytes
  private targetView: DataView = this.dataView
  // where the last row's data text starts and ends in `target`
  private dataStart = 0
  private dataEnd = 0

  /**
   * The hash of a row following `prevHash`; `undefined` when `schemaVersion` is not a finite number (the body has
   * no canonical text). `position` is written as `String(position)`: callers check it is a positive integer.
   */
  of(prevHash: string, row: StoredRow, dataJson: string): string | undefined {
    const { commandId, recordedAt, schemaVersion, streamId, type } = row
    if (!Number.isFinite(schemaVersion)) return undefined
    const tail = this.runTail(streamId, schemaVersion, type)
    // Columns of another type than declared are written as the template strings before this writer wrote them.
    const data = typeof dataJson === "string" ? dataJson : String(dataJson)
    const typeBytes = tail === undefined ? this.typeTailOf(type) : tail
    // outside a run: the schema version's digits (at most 24) and the stream id's JSON as well
    const outside = tail === undefined ? 32 + jsonUnits(streamId) : 0
    const bytes = this.room(
      prevHash.length + jsonUnits(commandId) + jsonUnits(recordedAt) + outside + data.length,
      typeBytes.length
    )
    this.target = bytes
    this.targetView = this.dataView
    return sha256HexOfBytes(this.view(this.body(bytes, 0, prevHash, row, data, tail, typeBytes)))
  }

  /**
   * Writes the bytes a row's hash is taken of into `space` (from `space.at`), as {@link of} hashes them, and returns
   * where they end; -1 when they may not fit before `space.end` (nothing written), -2 when `schemaVersion` is not a
   * finite number.
   */
  write(prevHash: string, row: StoredRow, dataJson: string, space: SlotSpace): number {
    const { commandId, recordedAt, schemaVersion, streamId, type } = row
    if (!Number.isFinite(schemaVersion)) return -2
    const data = typeof dataJson === "string" ? dataJson : String(dataJson)
    const units = prevHash.length + jsonUnits(commandId) + jsonUnits(recordedAt) + data.length +
      32 + jsonUnits(streamId) + jsonUnits(type)
    if (space.at + maxBytesPerUnit * (units + fixedUnits) > space.end) return -1
    const tail = this.runTail(streamId, schemaVersion, type)
    const typeBytes = tail === undefined ? this.typeTailOf(type) : tail
    this.target = space.bytes
    this.targetView = space.view
    return this.body(space.bytes, space.at, prevHash, row, data, tail, typeBytes)
  }

  /** Writes a row's hashed bytes from `at` (room checked by the caller) and returns where they end. */
  private body(
    bytes: Buffer,
    at: number,
    prevHash: string,
    row: StoredRow,
    data: string,
    tail: Uint8Array | undefined,
    typeBytes: Uint8Array
  ): number {
    const { commandId, recordedAt } = row
    let end = at + utf8Write.call(bytes, prevHash, at, bytes.length - at)
    bytes.set(commandIdKey, end)
    end = writeJson(bytes, commandId, end + commandIdKey.length)
    bytes.set(dataKey, end)
    end += dataKey.length
    this.dataStart = end
    end += utf8Write.call(bytes, data, end, bytes.length - end)
    this.dataEnd = end
    bytes.set(positionKey, end)
    end = writePositive(bytes, row.position, end + positionKey.length)
    bytes.set(recordedAtKey, end)
    end = writeJson(bytes, recordedAt, end + recordedAtKey.length)
    if (tail === undefined) {
      bytes.set(schemaVersionKey, end)
      end = writeShort(bytes, String(row.schemaVersion), end + schemaVersionKey.length)
      bytes.set(streamIdKey, end)
      end = writeJson(bytes, row.streamId, end + streamIdKey.length)
    }
    bytes.set(typeBytes, end)
    return end + typeBytes.length
  }

  /**
   * Whether the data text of the last row hashed names no record (`"none"`), the record `ref` (`"it"`), or another
   * one, read from its UTF-8 bytes (canonical JSON puts the key first) four bytes at a time.
   */
  namesRecord(ref: string | undefined): "none" | "it" | "other" {
    const start = this.dataStart
    const length = this.dataEnd - start
    if (ref !== undefined) {
      if (ref !== this.ref) {
        let expected = this.refBytes.get(ref)
        if (expected === undefined) {
          this.refBytes.set(ref, expected = wordsOf(Buffer.from(`{"${recordKey}":"${ref}"`, "utf8")))
        }
        this.ref = ref
        this.refWords = expected
      }
      const expected = this.refWords
      if (length >= expected.bytes.length && this.holds(start, expected)) return "it"
    }
    return length >= recordPrefix.length && this.holds(start, recordPrefixBytes) ? "other" : "none"
  }

  /** Whether the buffer holds `expected` at `at` (the caller checks it fits before the data's end). */
  private holds(at: number, expected: Words): boolean {
    const view = this.targetView
    const target = this.target
    const { bytes, words } = expected
    for (let i = 0; i < words.length; i++) if (view.getUint32(at + 4 * i, true) !== words[i]) return false
    for (let i = 4 * words.length; i < bytes.length; i++) if (target[at + i] !== bytes[i]) return false
    return true
  }

  /** A view of the first `length` bytes of the buffer. */
  private view(length: number): Uint8Array {
    if (length > maxViewLength) return this.bytes.subarray(0, length)
    let view = this.views.get(length)
    if (view === undefined) this.views.set(length, view = this.bytes.subarray(0, length))
    return view
  }

  /**
   * The tail after the time of recording for a row in a run (its stream and schema version those of the run, or of
   * the previous row, which starts a run), kept per type; `undefined` for a row outside a run.
   */
  private runTail(streamId: unknown, schemaVersion: number, type: unknown): Uint8Array | undefined {
    const inRun = streamId === this.runStream && schemaVersion === this.runVersion
    const starts = !inRun && streamId === this.lastStream && schemaVersion === this.lastVersion &&
      typeof streamId === "string"
    this.lastStream = streamId
    this.lastVersion = schemaVersion
    if (starts) {
      this.runStream = streamId
      this.runVersion = schemaVersion
      this.runTails = new Map()
      this.type = noType
    } else if (!inRun) {
      return undefined
    }
    if (type === this.type) return this.tailBytes
    let tail = typeof type === "string" ? this.runTails.get(type) : undefined
    if (tail === undefined) {
      tail = tailText(schemaVersion, this.runStream!, type)
      if (typeof type === "string") this.runTails.set(type, tail)
    }
    this.type = type
    this.tailBytes = tail
    return tail
  }

  /** `,"type":…}`, kept per type given as a text. */
  private typeTailOf(type: unknown): Uint8Array {
    if (typeof type !== "string") return typeTail(type)
    let tail = this.types.get(type)
    if (tail === undefined) this.types.set(type, tail = typeTail(type))
    return tail
  }

  /** The buffer, grown to hold the UTF-8 of `units` UTF-16 code units, the keys, a position and `more` bytes. */
  private room(units: number, more: number): Buffer {
    const needed = maxBytesPerUnit * (units + fixedUnits) + more
    if (needed > this.bytes.length) {
      this.bytes = Buffer.allocUnsafeSlow(Math.max(needed, 2 * this.bytes.length, initialBytes))
      this.views = new Map()
      this.dataView = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length)
    }
    return this.bytes
  }
}
