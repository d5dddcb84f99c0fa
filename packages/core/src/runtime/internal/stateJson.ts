/**
 * A folded state as JSON text and back, for snapshots: plain objects, arrays,
 * strings, booleans and finite numbers as themselves; `undefined`, other numbers,
 * `Map`s, the lifecycle's persistent maps and sets, Effect's `Chunk`, `HashSet` and
 * `HashMap`, `Money`, decimals and legal bases as small tagged objects
 * (`{"$":"m",…}`); a plain object that has a `$` key of its own is wrapped too, so
 * nothing is read back as a tag it was not. Anything else (another class, a
 * function, a symbol) makes {@link encode} throw {@link Unsupported}: such a state
 * is never snapshotted, and the stream is replayed instead.
 *
 * The bulk of a long project's state is written in columns (see `stateTable`): a
 * chunk of plain JSON objects (the evidence lists) as a table (`t`), a map as a
 * column of keys and one of values (`P`, `M`). {@link decode} still reads the
 * forms written before them (`C`, `p`, `m`), so that snapshots stored by earlier
 * versions keep their use.
 *
 * @internal
 */
import * as Chunk from "effect/Chunk"
import * as HashMap from "effect/HashMap"
import * as HashSet from "effect/HashSet"
import { LegalBasis } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import { PersistentMap, PersistentSet } from "../../lifecycle/internal/persistentMap.js"
import * as Table from "./stateTable.js"

/** A value the encoding does not know. */
export class Unsupported extends Error {}

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }

// Set whenever a tag is written, so that a chunk whose elements hold none is written as a table (or `C`) and read back
// without a walk (the evidence lists, the bulk of a project state, are plain JSON).
let wroteTag = false
const tag = (t: Json): Json => {
  wroteTag = true
  return t
}

const entries = (it: Iterable<readonly [unknown, unknown]>): Array<Json> => {
  const out: Array<Json> = []
  for (const [k, v] of it) out.push([toJson(k), toJson(v)])
  return out
}

const values = (it: Iterable<unknown>): Array<Json> => {
  const out: Array<Json> = []
  for (const v of it) out.push(toJson(v))
  return out
}

const plain = (o: object): Json => {
  const out: Record<string, Json> = {}
  for (const k of Object.keys(o)) out[k] = toJson((o as Record<string, unknown>)[k])
  return Object.hasOwn(o, "$") ? tag({ $: "o", v: out }) : out
}

// A chunk of plain JSON objects as a table, of other plain JSON as `C`, of anything else as `c`.
const chunk = (u: Chunk.Chunk<unknown>): Json => {
  const elements = Chunk.toReadonlyArray(u)
  wroteTag = false
  const table = Table.encode(elements, toJson)
  const plainTable = table !== undefined && !wroteTag
  wroteTag = true
  if (plainTable) return table
  wroteTag = false
  const v = values(elements)
  const plainElements = !wroteTag
  wroteTag = true
  return { $: plainElements ? "C" : "c", v }
}

// A map's keys and values as two columns; `j` when they hold no tag (read back without a walk).
const keyed = (t: "P" | "M", it: Iterable<readonly [unknown, unknown]>): Json => {
  wroteTag = false
  const k: Array<Json> = []
  const v: Array<Json> = []
  for (const [key, value] of it) {
    k.push(toJson(key))
    v.push(toJson(value))
  }
  const plainColumns = !wroteTag
  wroteTag = true
  return plainColumns ? { $: t, k: Table.column(k), v: Table.column(v), j: 1 } : { $: t, k, v }
}

// Objects other than plain ones and arrays, by what they are.
const special = (u: object): Json => {
  if (Money.isMoney(u)) return tag({ $: "y", v: u.yuan.toString() })
  if (Money.Decimal.isDecimal(u)) return tag({ $: "d", v: (u as Money.Decimal).toString() })
  if (Chunk.isChunk(u)) return chunk(u)
  if (HashSet.isHashSet(u)) return tag({ $: "s", v: values(u) })
  if (HashMap.isHashMap(u)) return tag({ $: "h", v: entries(u) })
  if (u instanceof PersistentMap) return keyed("P", u)
  if (u instanceof PersistentSet) return tag({ $: "S", v: values(u) })
  if (u instanceof Map) return keyed("M", u)
  if (u instanceof LegalBasis) return tag({ $: "l", v: plain({ ...u }) })
  const name = (Object.getPrototypeOf(u) as { constructor?: { name?: string } } | null)?.constructor?.name
  throw new Unsupported(`cannot snapshot an instance of ${name ?? "an unknown class"}`)
}

const toJson = (u: unknown): Json => {
  switch (typeof u) {
    case "string":
    case "boolean":
      return u
    case "number":
      return Number.isFinite(u) ? u : tag({ $: "n", v: String(u) })
    case "undefined":
      return tag({ $: "u" })
    case "object": {
      if (u === null) return null
      if (Array.isArray(u)) return values(u)
      const proto = Object.getPrototypeOf(u)
      return proto === Object.prototype || proto === null ? plain(u) : special(u)
    }
    default:
      throw new Unsupported(`cannot snapshot a ${typeof u}`)
  }
}

/** The state as JSON text; throws {@link Unsupported} for a value it does not know. */
export const encode = (state: unknown): string => {
  wroteTag = false
  return JSON.stringify(toJson(state))
}

const pairs = (v: unknown): Array<readonly [unknown, unknown]> => {
  const out: Array<readonly [unknown, unknown]> = []
  for (const p of v as ReadonlyArray<[unknown, unknown]>) out.push([fromJson(p[0]), fromJson(p[1])])
  return out
}

const items = (v: unknown): Array<unknown> => {
  const a = v as Array<unknown>
  for (let i = 0; i < a.length; i++) a[i] = fromJson(a[i])
  return a
}

/** The keys and values of a `P` or `M` map. */
const columns = (u: Tagged): Array<readonly [unknown, unknown]> => {
  const plainColumns = u.j === 1
  const k = Table.values(u.k as Table.Column)
  const v = Table.values(u.v as Table.Column)
  const out = new Array<readonly [unknown, unknown]>(k.length)
  for (let i = 0; i < k.length; i++) out[i] = plainColumns ? [k[i], v[i]] : [fromJson(k[i]), fromJson(v[i])]
  return out
}

interface Tagged {
  readonly $: string
  readonly [field: string]: unknown
}

// The tags whose value is spread over other keys than `v`.
const taggedWhole: { readonly [tag: string]: (u: Tagged) => unknown } = {
  t: (u) => Chunk.unsafeFromArray(Table.decode(u)),
  P: (u) => PersistentMap.from(columns(u)),
  M: (u) => new Map(columns(u))
}

// Every other tag `toJson` writes, and those it wrote before columns (`C`, `p`, `m`).
const tagged: { readonly [tag: string]: (v: unknown) => unknown } = {
  u: () => undefined,
  n: (v) => Number(v),
  o: (v) => revivePlain(v as Record<string, unknown>),
  y: (v) => new Money.Money(new Money.Decimal(v as string)),
  d: (v) => new Money.Decimal(v as string),
  c: (v) => Chunk.unsafeFromArray(items(v)),
  C: (v) => Chunk.unsafeFromArray(v as Array<unknown>),
  s: (v) => HashSet.fromIterable(items(v)),
  S: (v) => PersistentSet.from(items(v)),
  h: (v) => HashMap.fromIterable(pairs(v)),
  p: (v) => PersistentMap.from(pairs(v)),
  m: (v) => new Map(pairs(v)),
  l: (v) => new LegalBasis(revivePlain(v as Record<string, unknown>) as ConstructorParameters<typeof LegalBasis>[0])
}

// The parsed objects are fresh: revived in place.
const revivePlain = (o: Record<string, unknown>): Record<string, unknown> => {
  for (const k in o) o[k] = fromJson(o[k])
  return o
}

const fromJson = (u: unknown): unknown => {
  if (typeof u !== "object" || u === null) return u
  if (Array.isArray(u)) return items(u)
  const tag = (u as { readonly $?: unknown }).$
  if (tag === undefined) return revivePlain(u as Record<string, unknown>)
  if (typeof tag !== "string") throw new Unsupported(`unknown tag ${String(tag)} in a snapshot`)
  const whole = Object.hasOwn(taggedWhole, tag) ? taggedWhole[tag] : undefined
  if (whole !== undefined) return whole(u as Tagged)
  const revive = Object.hasOwn(tagged, tag) ? tagged[tag] : undefined
  if (revive === undefined) throw new Unsupported(`unknown tag ${tag} in a snapshot`)
  return revive((u as Tagged).v)
}

/** The state from {@link encode}'s text; throws on text it did not write. */
export const decode = (text: string): unknown => fromJson(JSON.parse(text))
