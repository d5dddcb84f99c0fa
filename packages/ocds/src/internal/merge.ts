/**
 * The OCDS merge routine (OCDS 1.1 "Merging") for the parts this package emits.
 *
 * @internal
 */

/** @internal */
export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }

type JsonObject = { [k: string]: Json }

const isObject = (u: unknown): u is JsonObject => typeof u === "object" && u !== null && !Array.isArray(u)

/** Fields omitted when releases are merged (`omitWhenMerged` in the release schema). */
const omitted = new Set(["id", "date", "tag"])

/**
 * An array is "identified" when every item is an object with an `id`: such
 * arrays merge item by item on the id; any other array is replaced whole.
 */
const identified = (a: ReadonlyArray<Json>): a is ReadonlyArray<JsonObject & { id: string | number }> =>
  a.length > 0 && a.every((x) => isObject(x) && (typeof x.id === "string" || typeof x.id === "number"))

const mergeArray = (prior: Json | undefined, next: ReadonlyArray<Json>): Json => {
  if (!identified(next) || !(Array.isArray(prior) && (prior.length === 0 || identified(prior)))) return clone(next)
  const out: Array<JsonObject> = (prior as ReadonlyArray<JsonObject>).map((x) => clone(x) as JsonObject)
  for (const item of next) {
    const at = out.findIndex((x) => String(x.id) === String(item.id))
    if (at === -1) out.push(clone(item) as JsonObject)
    else out[at] = mergeObject(out[at]!, item)
  }
  return out
}

const clone = (j: Json): Json => JSON.parse(JSON.stringify(j)) as Json

/** Latest value wins per field; `null` removes a field; objects merge recursively. */
const mergeObject = (prior: JsonObject, next: { readonly [k: string]: Json }): JsonObject => {
  const out: JsonObject = { ...prior }
  for (const [k, v] of Object.entries(next)) {
    if (v === null) delete out[k]
    else if (Array.isArray(v)) out[k] = mergeArray(out[k], v)
    else if (isObject(v)) out[k] = mergeObject(isObject(out[k]) ? (out[k] as JsonObject) : {}, v)
    else out[k] = v
  }
  return out
}

/**
 * Merges the releases of one contracting process, in date order (stable for
 * equal dates), into a compiled release.
 *
 * @internal
 */
export const compile = (releases: ReadonlyArray<{ readonly [k: string]: Json }>): JsonObject => {
  const sorted = releases
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const da = Date.parse(String(a.r.date))
      const db = Date.parse(String(b.r.date))
      return da !== db ? da - db : a.i - b.i
    })
    .map((x) => x.r)
  let body: JsonObject = {}
  for (const r of sorted) {
    const rest: JsonObject = {}
    for (const [k, v] of Object.entries(r)) if (!omitted.has(k)) rest[k] = v
    body = mergeObject(body, rest)
  }
  const last = sorted[sorted.length - 1]!
  const { ocid, ...others } = body
  return {
    ocid: ocid ?? last.ocid!,
    id: `${String(last.ocid)}-compiled`,
    date: last.date!,
    tag: ["compiled"],
    ...others
  }
}
