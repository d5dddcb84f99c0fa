/**
 * The hash of a stored row, `hex(SHA-256(prevHash + canonical(body)))`, where the body's `data` is the canonical JSON
 * text the store keeps. The UTF-8 bytes of that text are written piece by piece into one buffer kept between rows and
 * hashed as a view of it: no string of the whole body is built, flattened and converted to UTF-8 again inside the
 * hash, and the row's data text is encoded once, straight into the buffer. The hash is the same as that of the text
 * (UTF-8 is what the hash definition names; a lone surrogate in a stored text becomes U+FFFD either way).
 *
 * The JSON of the fields after `position` is rewritten only when they change, which in a stream read in order is
 * about once per command; the previous hash, the command id and the position are written byte by byte (no strings
 * are built for them), the data text with one call into `Buffer#write`.
 *
 * @internal
 */
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

const ascii = (text: string): Uint8Array => Buffer.from(text, "latin1")
const commandIdKey = ascii(`{"commandId":`)
const dataKey = ascii(`,"data":`)
const positionKey = ascii(`,"position":`)
const recordedAtKey = ascii(`,"recordedAt":`)
const schemaVersionKey = ascii(`,"schemaVersion":`)
const streamIdKey = ascii(`,"streamId":`)
const typeKey = ascii(`,"type":`)
const recordPrefix = ascii(`{"$record":"`)
const closingBrace = 0x7d
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

/** Writes `String(n)` for a positive integer: digits for integers below 10^15, `String` beyond. */
const writePositive = (bytes: Buffer, n: number, at: number): number => {
  if (!(n < 1e15)) return writeShort(bytes, String(n), at)
  let end = at + 1
  for (let power = 10; power <= n; power *= 10) end++
  let rest = n
  for (let i = end - 1; i >= at; i--) {
    const next = Math.floor(rest / 10)
    bytes[i] = 0x30 + rest - 10 * next
    rest = next
  }
  return end
}

/** @internal */
export class StoredBodyHash {
  // allocated on the first row
  private bytes: Buffer = Buffer.alloc(0)
  private recordedAt: string | undefined = undefined
  private schemaVersion = Number.NaN
  private streamId: string | undefined = undefined
  private type: string | undefined = undefined
  private tailBytes: Uint8Array = new Uint8Array(0)
  // where the tail is written when it changes (`tailBytes` is a view of it)
  private tailSpace: Buffer = Buffer.alloc(0)
  // where the last row's data text starts and ends in `bytes`
  private dataStart = 0
  private dataEnd = 0

  /**
   * The hash of a row following `prevHash`; `undefined` when `schemaVersion` is not a finite number (the body has
   * no canonical text). `position` is written as `String(position)`: callers check it is a positive integer.
   */
  of(prevHash: string, row: StoredRow, dataJson: string): string | undefined {
    if (
      row.recordedAt !== this.recordedAt || row.schemaVersion !== this.schemaVersion ||
      row.streamId !== this.streamId || row.type !== this.type
    ) {
      if (!Number.isFinite(row.schemaVersion)) return undefined
      this.recordedAt = row.recordedAt
      this.schemaVersion = row.schemaVersion
      this.streamId = row.streamId
      this.type = row.type
      this.tailBytes = this.tailOf(row)
    }
    // Columns of another type than declared are written as the template strings before this writer wrote them.
    const commandId = typeof row.commandId === "string" ? row.commandId : String(JSON.stringify(row.commandId))
    const data = typeof dataJson === "string" ? dataJson : String(dataJson)
    const tail = this.tailBytes
    const bytes = this.room(prevHash.length + maxJsonUnitsPerUnit * commandId.length + data.length, tail.length)
    let end = writeShort(bytes, prevHash, 0)
    bytes.set(commandIdKey, end)
    end = typeof row.commandId === "string"
      ? writeJsonString(bytes, commandId, end + commandIdKey.length)
      : writeShort(bytes, commandId, end + commandIdKey.length)
    bytes.set(dataKey, end)
    end += dataKey.length
    this.dataStart = end
    end += bytes.write(data, end)
    this.dataEnd = end
    bytes.set(positionKey, end)
    end = writePositive(bytes, row.position, end + positionKey.length)
    bytes.set(tail, end)
    return sha256HexOfBytes(bytes.subarray(0, end + tail.length))
  }

  /**
   * Whether the data text of the last row hashed names no record (`"none"`), the record `ref` (`"it"`), or another
   * one, read from its UTF-8 bytes (canonical JSON puts the key first; the reference is ASCII).
   */
  namesRecord(ref: string | undefined): "none" | "it" | "other" {
    const bytes = this.bytes
    const start = this.dataStart
    if (this.dataEnd - start < recordPrefix.length) return "none"
    for (let i = 0; i < recordPrefix.length; i++) if (bytes[start + i] !== recordPrefix[i]) return "none"
    if (ref === undefined) return "other"
    const at = start + recordPrefix.length
    if (this.dataEnd - at <= ref.length) return "other"
    for (let i = 0; i < ref.length; i++) if (bytes[at + i] !== ref.charCodeAt(i)) return "other"
    return bytes[at + ref.length] === quote ? "it" : "other"
  }

  /** The bytes after the position: `,"recordedAt":…,"schemaVersion":…,"streamId":…,"type":…}`. */
  private tailOf(row: StoredRow): Uint8Array {
    const { recordedAt, schemaVersion, streamId, type } = row
    if (typeof recordedAt !== "string" || typeof streamId !== "string" || typeof type !== "string") {
      // columns of another type than declared: their JSON, as the template this writer replaced wrote them
      return Buffer.from(
        `,"recordedAt":${JSON.stringify(recordedAt)},"schemaVersion":${String(schemaVersion)},` +
          `"streamId":${JSON.stringify(streamId)},"type":${JSON.stringify(type)}}`,
        "utf8"
      )
    }
    const needed = maxBytesPerUnit *
      (maxJsonUnitsPerUnit * (recordedAt.length + streamId.length + type.length) + fixedUnits)
    if (needed > this.tailSpace.length) {
      this.tailSpace = Buffer.allocUnsafeSlow(Math.max(needed, 2 * this.tailSpace.length))
    }
    const tail = this.tailSpace
    tail.set(recordedAtKey, 0)
    let end = writeJsonString(tail, recordedAt, recordedAtKey.length)
    tail.set(schemaVersionKey, end)
    // String(-0) is "0", as JCS wants.
    end = writeShort(tail, String(schemaVersion), end + schemaVersionKey.length)
    tail.set(streamIdKey, end)
    end = writeJsonString(tail, streamId, end + streamIdKey.length)
    tail.set(typeKey, end)
    end = writeJsonString(tail, type, end + typeKey.length)
    tail[end] = closingBrace
    return tail.subarray(0, end + 1)
  }

  /** The buffer, grown to hold the UTF-8 of `units` UTF-16 code units, the keys, a position and `more` bytes. */
  private room(units: number, more: number): Buffer {
    const needed = maxBytesPerUnit * (units + fixedUnits) + more
    if (needed > this.bytes.length) {
      this.bytes = Buffer.allocUnsafeSlow(Math.max(needed, 2 * this.bytes.length, initialBytes))
    }
    return this.bytes
  }
}
