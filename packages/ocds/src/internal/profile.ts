/**
 * The release schema a package is checked and merged against: OCDS 1.1 with the extensions the package lists
 * applied as JSON Merge Patches (RFC 7386), and the codelists as the extensions change them.
 *
 * @internal
 */
import { budgetBreakdown, codelists as coreCodelists, gsyf, releaseSchema } from "./embedded.js"
import { isObject, type Json, type JsonObject } from "./json.js"
import { type MergeRules, mergeRules } from "./merge.js"

/** @internal The extensions this package knows (and embeds). */
export type KnownExtension = "budgetBreakdown" | "gsyf"

/** @internal An extension: its release schema patch and its codelist files. */
export interface Extension {
  readonly metadata: Json
  readonly releaseSchema: Json
  readonly codelists: Readonly<Record<string, string>>
}

/** @internal */
export const extensions: Readonly<Record<KnownExtension, Extension>> = { budgetBreakdown, gsyf }

/** @internal RFC 7386 JSON Merge Patch. */
export const mergePatch = (target: Json | undefined, patch: Json): Json => {
  if (!isObject(patch)) return patch
  const out: JsonObject = isObject(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = mergePatch(out[k], v)
  }
  return out
}

/**
 * A CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF line ends) as rows of fields.
 *
 * @internal
 */
export const parseCsv = (text: string): Array<Array<string>> => {
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let field = ""
  let quoted = false
  const endField = () => {
    row.push(field)
    field = ""
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted && c === "\"" && text[i + 1] === "\"") {
      field += c
      i++
    } else if (c === "\"") quoted = !quoted
    else if (quoted || (c !== "," && c !== "\n" && c !== "\r")) field += c
    else if (c === ",") endField()
    else {
      if (c === "\r" && text[i + 1] === "\n") i++
      endField()
      rows.push(row)
      row = []
    }
  }
  if (field !== "" || row.length > 0) {
    endField()
    rows.push(row)
  }
  return rows
}

/** @internal A codelist CSV as records keyed by its header. */
export const csvRecords = (text: string): Array<Record<string, string>> => {
  const [header, ...rows] = parseCsv(text)
  if (header === undefined) return []
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])))
}

const codesOf = (text: string): Array<string> => csvRecords(text).map((r) => r["Code"] ?? "")

/** @internal The schema, merge rules and codelists for a set of extensions. */
export interface Profile {
  readonly extensions: ReadonlyArray<KnownExtension>
  readonly schema: JsonObject
  readonly rules: MergeRules
  readonly codelists: ReadonlyMap<string, ReadonlySet<string>>
}

const buildCodelists = (exts: ReadonlyArray<KnownExtension>): Map<string, Set<string>> => {
  const out = new Map(Object.entries(coreCodelists).map(([name, text]) => [name, new Set(codesOf(text))]))
  for (const ext of exts) {
    for (const [file, text] of Object.entries(extensions[ext].codelists)) {
      const name = file.replace(/^[+-]/, "")
      if (file.startsWith("+")) { for (const c of codesOf(text)) out.get(name)?.add(c) }
      else if (file.startsWith("-")) { for (const c of codesOf(text)) out.get(name)?.delete(c) }
      else out.set(name, new Set(codesOf(text)))
    }
  }
  return out
}

const cache = new Map<string, Profile>()

/**
 * The profile of a set of known extensions (in a fixed order, so the same set gives the same schema).
 *
 * @internal
 */
export const profile = (exts: Iterable<KnownExtension>): Profile => {
  const list = (["budgetBreakdown", "gsyf"] as const).filter((e) => new Set(exts).has(e))
  const key = list.join("+")
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  const schema = list.reduce<Json>((s, e) => mergePatch(s, extensions[e].releaseSchema), releaseSchema) as JsonObject
  const made: Profile = { extensions: list, schema, rules: mergeRules(schema), codelists: buildCodelists(list) }
  cache.set(key, made)
  return made
}

/** @internal The profile of the releases this package writes: OCDS 1.1, Budget Breakdown and gsyf. */
export const full = (): Profile => profile(["budgetBreakdown", "gsyf"])
