/**
 * A CFF subsetter for PDF embedding (FontFile3 / CIDFontType0C): keeps the
 * charstrings of the glyphs a document uses, renumbered 0…n-1 (CID = new
 * glyph id), the font dicts they use, and only the global and local subrs
 * their charstrings call (the others emptied, so subr numbers stay valid).
 * Name-keyed fonts come out CID-keyed with one font dict. Charstrings are
 * scanned, never decoded into outlines, so a subset of a 65,535-glyph CJK
 * font takes milliseconds.
 */
import type { Face } from "./face.js"

/** A CFF INDEX read in place: entries are cut on access, a CJK font's 65,535 charstrings never all at once. */
interface Index {
  readonly count: number
  /** Entry `i`, or undefined outside the index. */
  readonly get: (i: number) => Uint8Array | undefined
  /** Every entry (small indexes only: names, strings, dicts). */
  readonly all: () => Array<Uint8Array>
  readonly end: number
}

const EMPTY_INDEX: Omit<Index, "end"> = { count: 0, get: () => undefined, all: () => [] }

/** Makes a range of the CFF table present (see `FontFile`). */
type Need = (at: number, length: number) => void

const readIndex = (b: Uint8Array, at: number, need: Need): Index => {
  need(at, 3)
  const count = (b[at]! << 8) | b[at + 1]!
  if (count === 0) return { ...EMPTY_INDEX, end: at + 2 }
  const offSize = b[at + 2]!
  need(at + 3, (count + 1) * offSize)
  const off = (i: number) => {
    let v = 0
    for (let k = 0; k < offSize; k++) v = v * 256 + b[at + 3 + i * offSize + k]!
    return v
  }
  const data = at + 3 + (count + 1) * offSize - 1
  const get = (i: number) => {
    if (i < 0 || i >= count) return undefined
    const start = data + off(i)
    const end = data + off(i + 1)
    need(start, end - start)
    return b.subarray(start, end)
  }
  return { count, get, all: () => Array.from({ length: count }, (_, i) => get(i)!), end: data + off(count) }
}

/** An index holding the entries of `source` whose number is in `used`, every other entry empty. */
const writeSparseIndex = (source: Index, used: ReadonlySet<number>): Uint8Array => {
  if (source.count === 0) return new Uint8Array([0, 0])
  const kept = [...used].filter((i) => i >= 0 && i < source.count).sort((a, b) => a - b)
  const items = kept.map((i) => source.get(i)!)
  const total = items.reduce((a, i) => a + i.length, 0) + 1
  const offSize = total < 0x100 ? 1 : total < 0x10000 ? 2 : total < 0x1000000 ? 3 : 4
  const count = source.count
  const out = new Uint8Array(3 + (count + 1) * offSize + total - 1)
  out[0] = count >> 8
  out[1] = count & 0xff
  out[2] = offSize
  const put = (i: number, v: number) => {
    for (let k = offSize - 1; k >= 0; k--) out[3 + i * offSize + k] = (v >> ((offSize - 1 - k) * 8)) & 0xff
  }
  let offset = 1
  let data = 3 + (count + 1) * offSize
  let next = 0
  for (let i = 0; i < count; i++) {
    put(i, offset)
    if (kept[next] === i) {
      const item = items[next++]!
      out.set(item, data)
      data += item.length
      offset += item.length
    }
  }
  put(count, offset)
  return out
}

const writeIndex = (items: ReadonlyArray<Uint8Array>): Uint8Array => {
  if (items.length === 0) return new Uint8Array([0, 0])
  const total = items.reduce((a, i) => a + i.length, 0) + 1
  const offSize = total < 0x100 ? 1 : total < 0x10000 ? 2 : total < 0x1000000 ? 3 : 4
  const out = new Uint8Array(3 + (items.length + 1) * offSize + total - 1)
  out[0] = items.length >> 8
  out[1] = items.length & 0xff
  out[2] = offSize
  let offset = 1
  let data = 3 + (items.length + 1) * offSize
  const put = (i: number, v: number) => {
    for (let k = offSize - 1; k >= 0; k--) out[3 + i * offSize + k] = (v >> ((offSize - 1 - k) * 8)) & 0xff
  }
  items.forEach((item, i) => {
    put(i, offset)
    out.set(item, data)
    data += item.length
    offset += item.length
  })
  put(items.length, offset)
  return out
}

/** One DICT entry: its operator (escaped ones as 1200 + b1), operand values and raw operand bytes. */
interface Entry {
  readonly op: number
  readonly values: ReadonlyArray<number>
  readonly raw: Uint8Array
}

const readReal = (b: Uint8Array, at: number): number => {
  let s = ""
  const chars = "0123456789.EE-?-"
  for (;;) {
    const byte = b[at++]!
    for (const nib of [byte >> 4, byte & 0xf]) {
      if (nib === 0xf) return Number(s)
      s += nib === 0xc ? "E-" : chars[nib]
    }
  }
}

const readDict = (b: Uint8Array): Array<Entry> => {
  const out: Array<Entry> = []
  let values: Array<number> = []
  let start = 0
  let i = 0
  while (i < b.length) {
    const b0 = b[i]!
    if (b0 <= 21) {
      const op = b0 === 12 ? 1200 + b[i + 1]! : b0
      out.push({ op, values, raw: b.subarray(start, i) })
      i += b0 === 12 ? 2 : 1
      start = i
      values = []
    } else if (b0 === 28) {
      values.push(((b[i + 1]! << 24) | (b[i + 2]! << 16)) >> 16)
      i += 3
    } else if (b0 === 29) {
      values.push((b[i + 1]! << 24) | (b[i + 2]! << 16) | (b[i + 3]! << 8) | b[i + 4]!)
      i += 5
    } else if (b0 === 30) {
      values.push(readReal(b, i + 1))
      i++
      while ((b[i]! & 0xf) !== 0xf && (b[i]! >> 4) !== 0xf) i++
      i++
    } else if (b0 >= 32 && b0 <= 246) {
      values.push(b0 - 139)
      i++
    } else if (b0 >= 247 && b0 <= 250) {
      values.push((b0 - 247) * 256 + b[i + 1]! + 108)
      i += 2
    } else if (b0 >= 251 && b0 <= 254) {
      values.push(-(b0 - 251) * 256 - b[i + 1]! - 108)
      i += 2
    } else {
      i++
    }
  }
  return out
}

const int5 = (v: number): Array<number> => [29, (v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]
const opBytes = (op: number): Array<number> => (op >= 1200 ? [12, op - 1200] : [op])

const writeDict = (entries: ReadonlyArray<{ readonly op: number; readonly operands: ArrayLike<number> }>) => {
  const out: Array<number> = []
  for (const e of entries) out.push(...Array.from(e.operands), ...opBytes(e.op))
  return new Uint8Array(out)
}

const copied = (entries: ReadonlyArray<Entry>, drop: ReadonlySet<number>) =>
  entries.filter((e) => !drop.has(e.op)).map((e) => ({ op: e.op, operands: e.raw }))

const bias = (count: number): number => (count < 1240 ? 107 : count < 33900 ? 1131 : 32768)

/** Marks the subrs a charstring calls, directly or through other subrs. */
const scanCharstring = (
  cs: Uint8Array,
  global: { readonly items: Index; readonly used: Set<number> },
  local: { readonly items: Index; readonly used: Set<number> } | undefined
): void => {
  const stack: Array<number> = []
  let stems = 0
  let done = false
  const run = (b: Uint8Array, depth: number): void => {
    let i = 0
    while (i < b.length && !done) {
      const b0 = b[i]!
      if (b0 >= 32 || b0 === 28) {
        if (b0 === 28) stack.push(((b[i + 1]! << 24) | (b[i + 2]! << 16)) >> 16), (i += 3)
        else if (b0 <= 246) stack.push(b0 - 139), i++
        else if (b0 <= 250) stack.push((b0 - 247) * 256 + b[i + 1]! + 108), (i += 2)
        else if (b0 <= 254) stack.push(-(b0 - 251) * 256 - b[i + 1]! - 108), (i += 2)
        else stack.push(0), (i += 5)
        continue
      }
      i++
      if (b0 === 1 || b0 === 3 || b0 === 18 || b0 === 23) {
        stems += stack.length >> 1
        stack.length = 0
      } else if (b0 === 19 || b0 === 20) {
        stems += stack.length >> 1
        stack.length = 0
        i += (stems + 7) >> 3
      } else if (b0 === 10 || b0 === 29) {
        const subrs = b0 === 10 ? local : global
        const n = (stack.pop() ?? 0) + bias(subrs?.items.count ?? 0)
        const body = subrs?.items.get(n)
        if (subrs !== undefined && body !== undefined && depth < 10) {
          subrs.used.add(n)
          run(body, depth + 1)
        }
      } else if (b0 === 11) {
        return
      } else if (b0 === 14) {
        done = true
      } else {
        if (b0 === 12) i++
        stack.length = 0
      }
    }
  }
  run(cs, 0)
}

interface FontDict {
  readonly entries: ReadonlyArray<Entry>
  readonly privateDict: ReadonlyArray<Entry>
  readonly subrs: Index
}

const fontDict = (cff: Uint8Array, entries: ReadonlyArray<Entry>, need: Need): FontDict => {
  const priv = entries.find((e) => e.op === 18)
  if (priv === undefined) return { entries, privateDict: [], subrs: { ...EMPTY_INDEX, end: 0 } }
  const [size, offset] = priv.values as [number, number]
  need(offset, size)
  const privateDict = readDict(cff.subarray(offset, offset + size))
  const subrsAt = privateDict.find((e) => e.op === 19)?.values[0]
  const subrs = subrsAt === undefined ? { ...EMPTY_INDEX, end: 0 } : readIndex(cff, offset + subrsAt, need)
  return { entries, privateDict, subrs }
}

const fdSelectOf = (cff: Uint8Array, at: number | undefined, glyphs: number, need: Need): (gid: number) => number => {
  if (at === undefined) return () => 0
  need(at, 3)
  if (cff[at] === 0) {
    need(at + 1, glyphs)
    return (gid) => cff[at + 1 + gid]!
  }
  const ranges = (cff[at + 1]! << 8) | cff[at + 2]!
  need(at + 3, ranges * 3 + 2)
  const first = (r: number) => (cff[at + 3 + r * 3]! << 8) | cff[at + 4 + r * 3]!
  return (gid) => {
    for (let r = ranges - 1; r >= 0; r--) if (gid >= first(r)) return cff[at + 5 + r * 3]!
    return 0
  }
}

/** The parsed structure of a face's CFF table, parsed once per face. */
interface Parsed {
  readonly names: Index
  readonly strings: Index
  readonly gsubrs: Index
  readonly top: ReadonlyArray<Entry>
  readonly charStrings: Index
  readonly fds: ReadonlyArray<FontDict>
  readonly fdOf: (gid: number) => number
}

const parsed = new WeakMap<Face, Parsed>()

const parse = (face: Face): Parsed => {
  const cached = parsed.get(face)
  if (cached !== undefined) return cached
  const table = face.table("CFF ")
  const cff = face.bytes.subarray(table.offset, table.offset + table.length)
  const need: Need = (at, length) => face.ensure(table.offset + at, Math.min(length, table.length - at))
  need(0, 4)
  const names = readIndex(cff, cff[2]!, need)
  const tops = readIndex(cff, names.end, need)
  const strings = readIndex(cff, tops.end, need)
  const gsubrs = readIndex(cff, strings.end, need)
  const top = readDict(tops.get(0)!)
  const value = (op: number) => top.find((e) => e.op === op)?.values
  const isCid = value(1230) !== undefined
  const charStrings = readIndex(cff, value(17)![0]!, need)
  const result: Parsed = {
    names,
    strings,
    gsubrs,
    top,
    charStrings,
    fds: isCid
      ? readIndex(cff, value(1236)![0]!, need).all().map((d) => fontDict(cff, readDict(d), need))
      : [fontDict(cff, top.filter((e) => e.op === 18), need)],
    fdOf: fdSelectOf(cff, isCid ? value(1237)?.[0] : undefined, charStrings.count, need)
  }
  parsed.set(face, result)
  return result
}

/** A CID-keyed CFF holding `gids` as glyphs (and CIDs) 0…n-1. */
export const subsetCff = (face: Face, gids: ReadonlyArray<number>): Uint8Array => {
  const { names, strings, gsubrs, top, charStrings, fds, fdOf } = parse(face)
  const global = { items: gsubrs, used: new Set<number>() }
  const locals = fds.map((fd) => ({ items: fd.subrs, used: new Set<number>() }))
  const fdUsed = new Map<number, number>()
  const select = gids.map((gid) => {
    const fd = fdOf(gid)
    if (!fdUsed.has(fd)) fdUsed.set(fd, fdUsed.size)
    scanCharstring(charStrings.get(gid) ?? new Uint8Array([14]), global, locals[fd])
    return fdUsed.get(fd)!
  })
  const keptFds = [...fdUsed.keys()]
  const sid = 391 + strings.count
  const encoder = new TextEncoder()
  const stringIndex = writeIndex([...strings.all(), encoder.encode("Adobe"), encoder.encode("Identity")])
  const nameIndex = writeIndex(names.all())
  const gsubrIndex = writeSparseIndex(gsubrs, global.used)
  const charset = new Uint8Array(1 + 2 * (gids.length - 1))
  for (let i = 1; i < gids.length; i++) charset[2 * i - 1] = i >> 8, charset[2 * i] = i & 0xff
  const fdSelect = new Uint8Array([0, ...select])
  const charStringIndex = writeIndex(gids.map((g) => charStrings.get(g) ?? new Uint8Array([14])))
  const privates = keptFds.map((fd) => {
    const { privateDict } = fds[fd]!
    const base = writeDict(copied(privateDict, new Set([19])))
    const subrs = locals[fd]!.items.count > 0 ? writeSparseIndex(locals[fd]!.items, locals[fd]!.used) : undefined
    const dict = subrs === undefined ? base : new Uint8Array([...base, ...int5(base.length + 6), 19])
    return { dict, subrs }
  })
  const fdEntries = (at: ReadonlyArray<number>) =>
    keptFds.map((fd, i) =>
      writeDict([
        ...copied(fds[fd]!.entries, new Set([18])),
        { op: 18, operands: [...int5(privates[i]!.dict.length), ...int5(at[i]!)] }
      ])
    )
  const topDict = (o: { charset: number; fdSelect: number; charStrings: number; fdArray: number }) =>
    writeDict([
      { op: 1230, operands: [...int5(sid), ...int5(sid + 1), ...int5(0)] },
      ...copied(top, new Set([1230, 15, 16, 17, 18, 1236, 1237, 1234])),
      { op: 1234, operands: int5(gids.length) },
      { op: 15, operands: int5(o.charset) },
      { op: 17, operands: int5(o.charStrings) },
      { op: 1237, operands: int5(o.fdSelect) },
      { op: 1236, operands: int5(o.fdArray) }
    ])
  const zero = { charset: 0, fdSelect: 0, charStrings: 0, fdArray: 0 }
  const topSize = writeIndex([topDict(zero)]).length
  const header = new Uint8Array([1, 0, 4, 4])
  const charsetAt = header.length + nameIndex.length + topSize + stringIndex.length + gsubrIndex.length
  const fdSelectAt = charsetAt + charset.length
  const charStringsAt = fdSelectAt + fdSelect.length
  const fdArrayAt = charStringsAt + charStringIndex.length
  const fdArraySize = writeIndex(fdEntries(keptFds.map(() => 0))).length
  const privateAt: Array<number> = []
  let at = fdArrayAt + fdArraySize
  for (const p of privates) {
    privateAt.push(at)
    at += p.dict.length + (p.subrs?.length ?? 0)
  }
  const parts = [
    header,
    nameIndex,
    writeIndex([
      topDict({ charset: charsetAt, fdSelect: fdSelectAt, charStrings: charStringsAt, fdArray: fdArrayAt })
    ]),
    stringIndex,
    gsubrIndex,
    charset,
    fdSelect,
    charStringIndex,
    writeIndex(fdEntries(privateAt)),
    ...privates.flatMap((p) => (p.subrs === undefined ? [p.dict] : [p.dict, p.subrs]))
  ]
  // one byte of padding: readers refuse an INDEX whose (empty) data would start at the end of the font
  const out = new Uint8Array(at + 1)
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}
