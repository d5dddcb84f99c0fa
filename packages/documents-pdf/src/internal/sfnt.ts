/**
 * Just enough of the OpenType / TrueType container format to tell a font file
 * from anything else and to list the PostScript names of the faces of a
 * collection (.ttc), so that a face can be chosen without loading the font.
 */

/** The kind of font file, from its first four bytes. */
export type FontKind = "ttc" | "sfnt" | "woff" | "woff2"

export const fontKind = (bytes: Uint8Array): FontKind | undefined => {
  if (bytes.length < 12) return undefined
  const tag = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!)
  if (tag === "ttcf") return "ttc"
  if (tag === "OTTO" || tag === "true" || tag === "typ1") return "sfnt"
  if (bytes[0] === 0 && bytes[1] === 1 && bytes[2] === 0 && bytes[3] === 0) return "sfnt"
  if (tag === "wOFF") return "woff"
  if (tag === "wOF2") return "woff2"
  return undefined
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/** The PostScript name (name ID 6) of the sfnt whose table directory starts at `offset`. */
export const postscriptName = (bytes: Uint8Array, offset: number): string | undefined => {
  const dv = view(bytes)
  const numTables = dv.getUint16(offset + 4)
  for (let i = 0; i < numTables; i++) {
    const rec = offset + 12 + i * 16
    const tag = String.fromCharCode(bytes[rec]!, bytes[rec + 1]!, bytes[rec + 2]!, bytes[rec + 3]!)
    if (tag !== "name") continue
    const table = dv.getUint32(rec + 8)
    const count = dv.getUint16(table + 2)
    const strings = table + dv.getUint16(table + 4)
    let fallback: string | undefined
    for (let r = 0; r < count; r++) {
      const n = table + 6 + r * 12
      const platform = dv.getUint16(n)
      const nameId = dv.getUint16(n + 6)
      if (nameId !== 6) continue
      const length = dv.getUint16(n + 8)
      const start = strings + dv.getUint16(n + 10)
      const raw = bytes.subarray(start, start + length)
      if (platform === 3 || platform === 0) {
        let s = ""
        for (let k = 0; k + 1 < raw.length; k += 2) s += String.fromCharCode((raw[k]! << 8) | raw[k + 1]!)
        return s
      }
      if (platform === 1) fallback = String.fromCharCode(...raw)
    }
    return fallback
  }
  return undefined
}

/** The PostScript names of the faces of a font file (one for a single font, several for a collection). */
export const faceNames = (bytes: Uint8Array): Array<string> => {
  const kind = fontKind(bytes)
  try {
    if (kind === "sfnt") {
      const name = postscriptName(bytes, 0)
      return name === undefined ? [] : [name]
    }
    if (kind === "ttc") {
      const dv = view(bytes)
      const count = dv.getUint32(8)
      const out: Array<string> = []
      for (let i = 0; i < count; i++) {
        const name = postscriptName(bytes, dv.getUint32(12 + i * 4))
        if (name !== undefined) out.push(name)
      }
      return out
    }
  } catch {
    return []
  }
  return []
}

/** Picks the Simplified Chinese face of a collection: `…CJKsc-…`, `…SC-…`, `…GB…`, else the first. */
export const preferredFace = (names: ReadonlyArray<string>): string | undefined =>
  names.find((n) => /CJKsc|[-_]?SC[-_]|SC$|GB/.test(n)) ?? names[0]
