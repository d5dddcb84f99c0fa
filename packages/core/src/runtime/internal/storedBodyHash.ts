/**
 * The hash of a stored row, `hex(SHA-256(prevHash + canonical(body)))`, where the body's `data` is the canonical JSON
 * text the store keeps. The UTF-8 bytes of that text are written piece by piece into one buffer kept between rows and
 * hashed as a view of it: no string of the whole body is built, flattened and converted to UTF-8 again inside the
 * hash, and the row's data text is encoded once, straight into the buffer. The hash is the same as that of the text
 * (UTF-8 is what the hash definition names; a lone surrogate in a stored text becomes U+FFFD either way).
 *
 * The time of recording changes with every command, so it is written byte by byte like the command id and the
 * position. The JSON of the fields after it (schema version, stream, type) is kept per type while the schema version
 * and the stream stay the same (a stream holds a few dozen types), and copied in; the previous hash and the data text
 * are each written with one call into Node's UTF-8 writer, and the hash reads a view of the buffer kept per body
 * length (no view object is made per row). Which record the data names is read from the bytes just written, four at
 * a time.
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
// room for the keys and numbers written around the data and in the tail
const fixedUnits = 64
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
const utf8Write: Utf8Write = typeof nodeUtf8Write === "function"
  ? nodeUtf8Write
  : function(this: Buffer, text, offset, length) {
    return this.write(text, offset, length, "utf8")
  }

// Bodies up to this many bytes are hashed through a view kept per length.
const maxViewLength = 64 * 1024

/** `,"schemaVersion":…,"streamId":…,"type":…}` as UTF-8 (`String(-0)` is `"0"`, as JCS wants). */
const tailText = (schemaVersion: number, streamId: unknown, type: unknown): Uint8Array =>
  Buffer.from(
    `,"schemaVersion":${String(schemaVersion)},"streamId":${JSON.stringify(streamId)},"type":${JSON.stringify(type)}}`,
    "utf8"
  )

/** @internal */
export class StoredBodyHash {
  // allocated on the first row
  private bytes: Buffer = Buffer.alloc(0)
  // views of `bytes` from its start, by length
  private views = new Map<number, Uint8Array>()
  // the fields of the last row's tail, and its bytes
  private schemaVersion = Number.NaN
  private streamId: unknown = undefined
  private type: unknown = undefined
  private tailBytes: Uint8Array = new Uint8Array(0)
  // the tails of the types seen with the present schema version and stream
  private tails = new Map<string, Uint8Array>()
  // the same bytes, read four at a time by `namesRecord`
  private dataView = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length)
  // `{"$record":"…"` for each record reference asked about, and for the last one
  private refBytes = new Map<string, Words>()
  private ref: string | undefined = undefined
  private refWords: Words = recordPrefixBytes
  // where the last row's data text starts and ends in `bytes`
  private dataStart = 0
  private dataEnd = 0

  /**
   * The hash of a row following `prevHash`; `undefined` when `schemaVersion` is not a finite number (the body has
   * no canonical text). `position` is written as `String(position)`: callers check it is a positive integer.
   */
  of(prevHash: string, row: StoredRow, dataJson: string): string | undefined {
    if (row.type !== this.type || row.schemaVersion !== this.schemaVersion || row.streamId !== this.streamId) {
      if (!Number.isFinite(row.schemaVersion)) return undefined
      this.tailBytes = this.tailOf(row)
    }
    // Columns of another type than declared are written as the template strings before this writer wrote them.
    const commandId = typeof row.commandId === "string" ? row.commandId : String(JSON.stringify(row.commandId))
    const recordedAt = typeof row.recordedAt === "string" ? row.recordedAt : String(JSON.stringify(row.recordedAt))
    const data = typeof dataJson === "string" ? dataJson : String(dataJson)
    const tail = this.tailBytes
    const bytes = this.room(
      prevHash.length + maxJsonUnitsPerUnit * (commandId.length + recordedAt.length) + data.length,
      tail.length
    )
    let end = utf8Write.call(bytes, prevHash, 0, bytes.length)
    bytes.set(commandIdKey, end)
    end += commandIdKey.length
    end = typeof row.commandId === "string" ? writeJsonString(bytes, commandId, end) : writeShort(bytes, commandId, end)
    bytes.set(dataKey, end)
    end += dataKey.length
    this.dataStart = end
    end += utf8Write.call(bytes, data, end, bytes.length - end)
    this.dataEnd = end
    bytes.set(positionKey, end)
    end = writePositive(bytes, row.position, end + positionKey.length)
    bytes.set(recordedAtKey, end)
    end += recordedAtKey.length
    end = typeof row.recordedAt === "string"
      ? writeJsonString(bytes, recordedAt, end)
      : writeShort(bytes, recordedAt, end)
    bytes.set(tail, end)
    return sha256HexOfBytes(this.view(end + tail.length))
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
    const view = this.dataView
    const { bytes, words } = expected
    for (let i = 0; i < words.length; i++) if (view.getUint32(at + 4 * i, true) !== words[i]) return false
    for (let i = 4 * words.length; i < bytes.length; i++) if (this.bytes[at + i] !== bytes[i]) return false
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
   * The bytes after the time of recording, `,"schemaVersion":…,"streamId":…,"type":…}`, kept per type while the
   * schema version and the stream stay the same.
   */
  private tailOf(row: StoredRow): Uint8Array {
    const { schemaVersion, streamId, type } = row
    if (schemaVersion !== this.schemaVersion || streamId !== this.streamId) this.tails = new Map()
    this.schemaVersion = schemaVersion
    this.streamId = streamId
    this.type = type
    if (typeof streamId !== "string" || typeof type !== "string") {
      // columns of another type than declared: their JSON, as the template this writer replaced wrote them
      return tailText(schemaVersion, streamId, type)
    }
    let tail = this.tails.get(type)
    if (tail === undefined) this.tails.set(type, tail = tailText(schemaVersion, streamId, type))
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
