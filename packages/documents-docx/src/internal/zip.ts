/**
 * A ZIP archive writer for the few parts of an Office package: each part deflated on its own
 * (`deflateRawSync`), with its CRC-32, local headers, the central directory and its end record. No ZIP64, no
 * encryption, no data descriptors; names are UTF-8.
 */
import { deflateRawSync } from "node:zlib"

const CRC_TABLE = (() => {
  const table = new Int32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c
  }
  return table
})()

/** The CRC-32 (ISO 3309) of some bytes. */
export const crc32 = (bytes: Uint8Array): number => {
  let c = -1
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ -1) >>> 0
}

/** One file of the archive. */
export interface Entry {
  readonly name: string
  readonly data: string | Uint8Array
}

/** 1980-01-01 00:00, the earliest MS-DOS time: the archive does not depend on the clock. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1
const DOS_TIME = 0

/** The archive holding the entries, in order, deflated. */
export const zip = (entries: ReadonlyArray<Entry>, level = 6): Uint8Array => {
  const locals: Array<Buffer> = []
  const centrals: Array<Buffer> = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8")
    const raw = typeof entry.data === "string" ? Buffer.from(entry.data, "utf8") : entry.data
    const packed = deflateRawSync(raw, { level })
    const crc = crc32(raw)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6) // names in UTF-8
    local.writeUInt16LE(8, 8) // deflate
    local.writeUInt16LE(DOS_TIME, 10)
    local.writeUInt16LE(DOS_DATE, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(raw.length, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4) // made by: MS-DOS, 2.0
    local.copy(central, 6, 4, 30) // version needed … name length, as in the local header
    central.writeUInt16LE(0, 30) // extra length
    central.writeUInt16LE(0, 32) // comment length
    central.writeUInt16LE(0, 34) // disk
    central.writeUInt16LE(0, 36) // internal attributes
    central.writeUInt32LE(0, 38) // external attributes
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, packed)
    centrals.push(central, name)
    offset += local.length + name.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  const out = Buffer.concat([...locals, directory, end])
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}
