/**
 * Columnar forms of plain JSON for state snapshots, read back faster than the same data as objects: a column of
 * strings with few distinct values is written once per value (a dictionary and indices), and a list of plain
 * objects is written as one column per field, the objects of each key layout ("shape") apart, with the shape of
 * each element in list order. The values held are plain JSON (no tags of `stateJson`): what is read back equals
 * what was written, key order included.
 *
 * @internal
 */

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }

/** A column: the values, or a dictionary of strings and an index into it per value. */
export type Column = ReadonlyArray<Json> | { readonly d: ReadonlyArray<string>; readonly i: ReadonlyArray<number> }

/** The values as a column: a dictionary when they are strings of at most a quarter as many distinct values. */
export const column = (values: ReadonlyArray<Json>): Column => {
  if (values.length < 8) return values
  const dictionary = new Map<string, number>()
  const indices: Array<number> = []
  for (const v of values) {
    if (typeof v !== "string") return values
    let i = dictionary.get(v)
    if (i === undefined) {
      // (given up early on a column whose first values are mostly distinct)
      if (dictionary.size * 4 >= values.length || (indices.length >= 64 && dictionary.size * 2 > indices.length)) {
        return values
      }
      i = dictionary.size
      dictionary.set(v, i)
    }
    indices.push(i)
  }
  return { d: [...dictionary.keys()], i: indices }
}

/** The values of a column. */
export const values = (c: Column): Array<unknown> => {
  if (Array.isArray(c)) return c as Array<unknown>
  const { d, i } = c as { readonly d: ReadonlyArray<string>; readonly i: ReadonlyArray<number> }
  const out = new Array<unknown>(i.length)
  for (let k = 0; k < i.length; k++) out[k] = d[i[k]!]
  return out
}

/** A key layout: each key is a leaf (its value in a column) or a nested plain object with its own layout. */
type Shape = ReadonlyArray<string | readonly [string, Shape]>

const isRecord = (u: unknown): u is { readonly [k: string]: unknown } => {
  if (typeof u !== "object" || u === null || Array.isArray(u)) return false
  const proto = Object.getPrototypeOf(u)
  return proto === Object.prototype || proto === null
}

/**
 * The key layout of a plain object as text (each key after its length, nested objects in braces), or `undefined`
 * for a key the columns cannot set back safely.
 */
const signatureOf = (o: { readonly [k: string]: unknown }): string | undefined => {
  let out = ""
  for (const k in o) {
    if (k === "__proto__") return undefined
    const v = o[k]!
    if (isRecord(v)) {
      const inner = signatureOf(v)
      if (inner === undefined) return undefined
      out += `${k.length}:${k}{${inner}}`
    } else {
      out += `${k.length}:${k}`
    }
  }
  return out
}

/** The shape of a plain object (one whose signature is known to be safe). */
const shapeOf = (o: { readonly [k: string]: unknown }): Shape => {
  const shape: Array<string | readonly [string, Shape]> = []
  for (const k in o) {
    const v = o[k]!
    shape.push(isRecord(v) ? [k, shapeOf(v)] : k)
  }
  return shape
}

const leaves = (
  o: { readonly [k: string]: unknown },
  shape: Shape,
  out: Array<Array<Json>>,
  at: number,
  leaf: (u: unknown) => Json
): number => {
  for (const s of shape) {
    if (typeof s === "string") out[at++]!.push(leaf(o[s]))
    else at = leaves(o[s[0]] as { readonly [k: string]: unknown }, s[1], out, at, leaf)
  }
  return at
}

const width = (shape: Shape): number => shape.reduce((n, s) => n + (typeof s === "string" ? 1 : width(s[1])), 0)

/**
 * A list of plain JSON objects as a table (`{ $: "t", n, s, w, c }`: the length, the shapes, the shape of each
 * row when there are several, the columns of each shape), or `undefined` when an element is not one. Each value
 * in a column is written by `leaf` (the caller checks that it wrote plain JSON).
 */
export const encode = (rows: ReadonlyArray<unknown>, leaf: (u: unknown) => Json): Json | undefined => {
  const shapes: Array<Shape> = []
  const bySignature = new Map<string, number>()
  const columns: Array<Array<Array<Json>>> = []
  const which: Array<number> = []
  for (const row of rows) {
    if (!isRecord(row)) return undefined
    const signature = signatureOf(row)
    if (signature === undefined) return undefined
    let s = bySignature.get(signature)
    if (s === undefined) {
      const shape = shapeOf(row)
      s = shapes.length
      bySignature.set(signature, s)
      shapes.push(shape)
      columns.push(Array.from({ length: width(shape) }, () => []))
    }
    which.push(s)
    leaves(row, shapes[s]!, columns[s]!, 0, leaf)
  }
  const c = columns.map((cs) => cs.map(column)) as Json
  const n = rows.length
  return shapes.length === 1 ? { $: "t", n, s: shapes as Json, c } : { $: "t", n, s: shapes as Json, w: which, c }
}

/** Builds one object of a shape from its columns at row `k`, starting at column `at`; returns the next column. */
const build = (shape: Shape, cols: ReadonlyArray<ReadonlyArray<unknown>>, k: number, at: { n: number }) => {
  const o: Record<string, unknown> = {}
  for (const s of shape) {
    if (typeof s === "string") o[s] = cols[at.n++]![k]
    else o[s[0]] = build(s[1], cols, k, at)
  }
  return o
}

/** The list a table holds (fresh objects, in list order). */
export const decode = (table: { readonly [field: string]: unknown }): Array<unknown> => {
  const shapes = table.s as ReadonlyArray<Shape>
  const cols = (table.c as ReadonlyArray<ReadonlyArray<Column>>).map((cs) => cs.map(values))
  const which = table.w as ReadonlyArray<number> | undefined
  const length = table.n as number
  const next = shapes.map(() => 0)
  const out = new Array<unknown>(length)
  const at = { n: 0 }
  for (let r = 0; r < length; r++) {
    const s = which === undefined ? 0 : which[r]!
    at.n = 0
    out[r] = build(shapes[s]!, cols[s]!, next[s]!++, at)
  }
  return out
}
