/**
 * A folded state as JSON text and back, for snapshots: plain objects, arrays,
 * strings, booleans and finite numbers as themselves; `undefined`, other numbers,
 * `Map`s, the lifecycle's persistent maps, Effect's `Chunk`, `HashSet` and
 * `HashMap`, `Money`, decimals and legal bases as small tagged objects
 * (`{"$":"m",…}`); a plain object that has a `$` key of its own is wrapped too, so
 * nothing is read back as a tag it was not. Anything else (another class, a
 * function, a symbol) makes {@link encode} throw {@link Unsupported}: such a state
 * is never snapshotted, and the stream is replayed instead.
 *
 * @internal
 */
import * as Chunk from "effect/Chunk"
import * as HashMap from "effect/HashMap"
import * as HashSet from "effect/HashSet"
import { LegalBasis } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import { PersistentMap } from "../../lifecycle/internal/persistentMap.js"

/** A value the encoding does not know. */
export class Unsupported extends Error {}

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }

// Set whenever a tag is written, so that a chunk whose elements hold none is marked plain (`C`) and read back
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

const chunk = (u: Chunk.Chunk<unknown>): Json => {
  wroteTag = false
  const v = values(Chunk.toReadonlyArray(u))
  const plainElements = !wroteTag
  wroteTag = true
  return { $: plainElements ? "C" : "c", v }
}

// Objects other than plain ones and arrays, by what they are.
const special = (u: object): Json => {
  if (Money.isMoney(u)) return tag({ $: "y", v: u.yuan.toString() })
  if (Money.Decimal.isDecimal(u)) return tag({ $: "d", v: (u as Money.Decimal).toString() })
  if (Chunk.isChunk(u)) return chunk(u)
  if (HashSet.isHashSet(u)) return tag({ $: "s", v: values(u) })
  if (HashMap.isHashMap(u)) return tag({ $: "h", v: entries(u) })
  if (u instanceof PersistentMap) return tag({ $: "p", v: entries(u) })
  if (u instanceof Map) return tag({ $: "m", v: entries(u) })
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

// Every tag `toJson` writes (exhaustive over the encoding's letters).
const tagged: { readonly [tag: string]: (v: unknown) => unknown } = {
  u: () => undefined,
  n: (v) => Number(v),
  o: (v) => revivePlain(v as Record<string, unknown>),
  y: (v) => new Money.Money(new Money.Decimal(v as string)),
  d: (v) => new Money.Decimal(v as string),
  c: (v) => Chunk.unsafeFromArray(items(v)),
  C: (v) => Chunk.unsafeFromArray(v as Array<unknown>),
  s: (v) => HashSet.fromIterable(items(v)),
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
  const revive = typeof tag === "string" ? tagged[tag] : undefined
  if (revive === undefined) throw new Unsupported(`unknown tag ${String(tag)} in a snapshot`)
  return revive((u as { readonly v?: unknown }).v)
}

/** The state from {@link encode}'s text; throws on text it did not write. */
export const decode = (text: string): unknown => fromJson(JSON.parse(text))
