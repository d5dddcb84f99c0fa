/**
 * The OCDS 1.1 merge routine for compiled releases ("Merging", schema/merging in the 1.1 documentation).
 *
 * The rules come from a release schema (with its extensions applied): a field with `omitWhenMerged` is
 * discarded; an array is replaced whole (whole list merge) when it has `wholeListMerge`, when its items are not
 * objects, or when its items are objects without an `id` property; any other array of objects is merged by the
 * `id` of its objects (identifier merge). Releases are merged in date order; `null` removes a field; an empty
 * object or an empty identifier-merged array in a release changes nothing.
 *
 * One case where the reference implementation (ocds-merge) and the text of the routine differ: when a release
 * sets a whole object to `null`, the routine removes the field, while ocds-merge keeps the fields merged before.
 * This module follows the routine.
 *
 * @internal
 */
import { clone, isObject, type Json, type JsonObject, own, put } from "./json.js"

/** @internal What the schema says about a field: discarded, or replaced whole. */
export type MergeRule = "omitWhenMerged" | "wholeListMerge"

/** @internal Rules by field path, object keys joined by `/` (array positions are not part of a path). */
export type MergeRules = ReadonlyMap<string, MergeRule>

const types = (s: JsonObject): ReadonlyArray<string> =>
  typeof s.type === "string" ? [s.type] : Array.isArray(s.type) ? (s.type as ReadonlyArray<string>) : []

/** Resolves a local `$ref` (`#/definitions/X`); other references are left alone. */
const deref = (root: JsonObject, s: JsonObject, seen: ReadonlySet<string>): [JsonObject, ReadonlySet<string>] => {
  const ref = s.$ref
  if (typeof ref !== "string" || !ref.startsWith("#/") || seen.has(ref)) return [s, seen]
  let node: Json | undefined = root
  for (const part of ref.slice(2).split("/")) node = isObject(node) ? node[part] : undefined
  return isObject(node) ? deref(root, node, new Set([...seen, ref])) : [s, seen]
}

const collect = (
  root: JsonObject,
  properties: JsonObject,
  path: string,
  seen: ReadonlySet<string>,
  out: Map<string, MergeRule>
): void => {
  for (const [key, raw] of Object.entries(properties)) {
    if (!isObject(raw)) continue
    const [value, inner] = deref(root, raw, seen)
    const at = path === "" ? key : `${path}/${key}`
    const ts = types(value)
    if (value.omitWhenMerged === true || value.mergeStrategy === "ocdsOmit") out.set(at, "omitWhenMerged")
    else if (ts.includes("array") && (value.wholeListMerge === true || value.mergeStrategy === "ocdsVersion")) {
      out.set(at, "wholeListMerge")
    } else if (ts.includes("object") && isObject(value.properties)) collect(root, value.properties, at, inner, out)
    else if (ts.includes("array") && isObject(value.items)) {
      const [items, deeper] = deref(root, value.items, inner)
      const itemTypes = types(items)
      if (itemTypes.some((t) => t !== "object")) out.set(at, "wholeListMerge")
      else if (itemTypes.includes("object") && isObject(items.properties)) {
        if (!("id" in items.properties)) out.set(at, "wholeListMerge")
        else collect(root, items.properties, at, deeper, out)
      }
    }
  }
}

/**
 * The merge rules of a (patched) release schema.
 *
 * @internal
 */
export const mergeRules = (schema: Json): MergeRules => {
  const out = new Map<string, MergeRule>()
  if (isObject(schema) && isObject(schema.properties)) collect(schema, schema.properties, "", new Set(), out)
  return out
}

const hasId = (o: JsonObject): boolean => "id" in o && o.id !== null

const sameId = (a: Json | undefined, b: Json | undefined): boolean =>
  typeof a === "object" || typeof b === "object" ? JSON.stringify(a) === JSON.stringify(b) : String(a) === String(b)

const identifierMerge = (
  rules: MergeRules,
  prior: Json | undefined,
  input: ReadonlyArray<JsonObject>,
  path: string
) => {
  const out: Array<JsonObject> = Array.isArray(prior) && prior.every(isObject) ? (prior as Array<JsonObject>) : []
  for (const item of input) {
    const at = hasId(item) ? out.findIndex((o) => hasId(o) && sameId(o.id, item.id)) : -1
    if (at !== -1) mergeInto(rules, out[at]!, item, path)
    else {
      const fresh = mergeInto(rules, {}, item, path)
      if (Object.keys(fresh).length > 0) out.push(fresh)
    }
  }
  return out
}

/** Merges one object of a release into the compiled object at `path`, in place. */
const mergeInto = (rules: MergeRules, output: JsonObject, input: JsonObject, path: string): JsonObject => {
  for (const [key, value] of Object.entries(input)) {
    const at = path === "" ? key : `${path}/${key}`
    const rule = rules.get(at)
    if (rule === "omitWhenMerged") continue
    if (value === null) delete output[key]
    else if (Array.isArray(value)) {
      if (rule === "wholeListMerge" || value.some((x) => !isObject(x))) put(output, key, clone(value))
      else if (value.length > 0) {
        const merged = identifierMerge(rules, own(output, key), value as ReadonlyArray<JsonObject>, at)
        if (merged.length > 0) put(output, key, merged)
      }
    } else if (isObject(value)) {
      const prior = own(output, key)
      if (isObject(prior)) mergeInto(rules, prior, value, at)
      else {
        const fresh = mergeInto(rules, {}, value, at)
        if (Object.keys(fresh).length > 0) put(output, key, fresh)
      }
    } else put(output, key, value)
  }
  return output
}

const time = (r: JsonObject): number => {
  const t = typeof r.date === "string" ? Date.parse(r.date) : Number.NaN
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t
}

/**
 * Releases in date order; releases of the same instant keep their order.
 *
 * @internal
 */
export const byDate = <A extends JsonObject>(releases: ReadonlyArray<A>): Array<A> =>
  releases.map((r, i) => ({ r, i, t: time(r) })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.r)

/**
 * Merges the releases of one contracting process into its compiled release: `tag` is `["compiled"]`, `date` the
 * date of the latest release and `id` `<ocid>-<date>`, as the reference implementation writes them.
 *
 * @internal
 */
export const compile = (rules: MergeRules, releases: ReadonlyArray<JsonObject>): JsonObject => {
  const sorted = byDate(releases)
  const body: JsonObject = {}
  for (const r of sorted) {
    const { tag: _, ...rest } = r
    mergeInto(rules, body, rest, "")
  }
  const last = sorted[sorted.length - 1]
  const ocid = last?.ocid ?? null
  const date = last?.date ?? null
  return {
    ...body,
    tag: ["compiled"],
    id: `${String(ocid)}-${String(date)}`,
    ...(date === null ? {} : { date }),
    ...(ocid === null ? {} : { ocid })
  }
}

/** @internal Releases by ocid, in order of first appearance. */
export const groupByOcid = (releases: ReadonlyArray<JsonObject>): Map<string, Array<JsonObject>> => {
  const groups = new Map<string, Array<JsonObject>>()
  for (const r of releases) {
    const key = String(r.ocid)
    const list = groups.get(key) ?? []
    list.push(r)
    groups.set(key, list)
  }
  return groups
}
