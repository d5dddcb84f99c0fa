/**
 * Writes an sfnt container (the table directory of a TrueType / OpenType
 * font) around its tables, with table checksums and the head table's
 * checkSumAdjustment.
 */

const checksum = (b: Uint8Array): number => {
  let sum = 0
  for (let i = 0; i < b.length; i += 4) {
    sum = (sum + (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0))) >>> 0
  }
  return sum
}

/** The font file: `version` (0x00010000 for TrueType, 0x4F54544F `OTTO` for CFF) and the tables by tag. */
export const writeSfnt = (version: number, tables: ReadonlyMap<string, Uint8Array>): Uint8Array => {
  const tags = [...tables.keys()].sort()
  const count = tags.length
  const headerSize = 12 + count * 16
  const size = tags.reduce((a, t) => a + ((tables.get(t)!.length + 3) & ~3), headerSize)
  const out = new Uint8Array(size)
  const dv = new DataView(out.buffer)
  const power = 2 ** Math.floor(Math.log2(count))
  dv.setUint32(0, version)
  dv.setUint16(4, count)
  dv.setUint16(6, power * 16)
  dv.setUint16(8, Math.log2(power))
  dv.setUint16(10, count * 16 - power * 16)
  let offset = headerSize
  let headAt = -1
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!
    const rec = 12 + i * 16
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k)
    if (tag === "head") {
      headAt = offset
      data.fill(0, 8, 12)
    }
    dv.setUint32(rec + 4, checksum(data))
    dv.setUint32(rec + 8, offset)
    dv.setUint32(rec + 12, data.length)
    out.set(data, offset)
    offset += (data.length + 3) & ~3
  })
  if (headAt >= 0) dv.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0)
  return out
}
