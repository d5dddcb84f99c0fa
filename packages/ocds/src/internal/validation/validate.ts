/**
 * The validation of a release package and its compiled releases, as the OCDS tools check a publication:
 * the official release package and release schemas with the extensions the package lists (Budget Breakdown,
 * gsyf), the extensions themselves against the extension metaschema, undeclared fields, codelists, empty
 * fields, party references, budget breakdowns, release ids, date and tag order, ocid prefixes, and compiled
 * releases equal to the merge of their releases.
 *
 * @internal
 */
import { releasePackageSchema } from "../embedded.js"
import { isObject, type Json, type JsonObject } from "../json.js"
import { compile, groupByOcid } from "../merge.js"
import { extensions, type KnownExtension, type Profile, profile } from "../profile.js"
import { checkExtension } from "./extension.js"
import { checkFields } from "./fields.js"
import { type DocumentKind, type Issue, sink } from "./issue.js"
import { check, validator } from "./jsonSchema.js"
import { checkBudget, checkReferences } from "./parties.js"
import { checkCompiled, checkOcids, checkSequence } from "./sequence.js"

/** @internal */
export interface Input {
  readonly releasePackage: JsonObject
  readonly compiled: ReadonlyArray<Json> | undefined
  readonly extensionUrls: Readonly<Record<KnownExtension, string>>
  readonly defaultPrefix: string
}

/** @internal */
export interface Report {
  readonly valid: boolean
  readonly releases: number
  readonly compiledReleases: number
  readonly extensions: ReadonlyArray<KnownExtension>
  readonly issues: ReadonlyArray<Issue>
}

let packageSchema: object | undefined
/** The package schema without its releases' schema (releases are checked one by one, with the extensions). */
const packageOnly = (): object => {
  if (packageSchema !== undefined) return packageSchema
  const s = structuredClone(releasePackageSchema) as JsonObject
  const props = s.properties as JsonObject
  props.releases = { ...(props.releases as JsonObject), items: { type: "object" } }
  packageSchema = s
  return s
}

/** The known extensions the package lists; other URLs are reported. */
const listed = (input: Input, issues: Array<Issue>): Array<KnownExtension> => {
  const urls = Array.isArray(input.releasePackage.extensions) ? input.releasePackage.extensions : []
  const known = new Map(Object.entries(input.extensionUrls).map(([k, url]) => [url, k as KnownExtension]))
  const out: Array<KnownExtension> = []
  urls.forEach((url, i) => {
    const ext = typeof url === "string" ? known.get(url) : undefined
    if (ext !== undefined) out.push(ext)
    else {
      sink(issues, "package", "").warning(
        "extension",
        `/extensions/${i}`,
        "未知扩展:其字段按未定义字段报告",
        "an extension this validator does not know: its fields are reported as undeclared"
      )
    }
  })
  return out
}

const checked = new Map<KnownExtension, ReadonlyArray<Issue>>()
/** The issues of an embedded extension (they never change, so they are found once). */
const extensionIssues = (ext: KnownExtension): ReadonlyArray<Issue> => {
  const hit = checked.get(ext)
  if (hit !== undefined) return hit
  const found: Array<Issue> = []
  checkExtension({ ...extensions[ext], readme: undefined }, sink(found, "extension", ext))
  checked.set(ext, found)
  return found
}

const checkRelease = (p: Profile, release: Json, document: DocumentKind, id: string, issues: Array<Issue>) => {
  const out = sink(issues, document, id)
  check(validator(p.schema), release, out)
  if (!isObject(release)) return
  checkFields(p, release, out)
  checkReferences(release, out)
  checkBudget(release, out)
}

const idOf = (r: Json, i: number): string => (isObject(r) && typeof r.id === "string" ? r.id : `#${i}`)

/** @internal */
export const validate = (input: Input): Report => {
  const issues: Array<Issue> = []
  check(validator(packageOnly()), input.releasePackage, sink(issues, "package", ""))
  const applied = listed(input, issues)
  for (const ext of applied) issues.push(...extensionIssues(ext))
  const p = profile(applied)
  const all = Array.isArray(input.releasePackage.releases) ? input.releasePackage.releases : []
  all.forEach((r, i) => checkRelease(p, r, "release", idOf(r, i), issues))
  const releases = all.filter(isObject)
  checkSequence(releases, (id) => sink(issues, "release", id))
  checkOcids(releases, input.defaultPrefix, (id) => sink(issues, "release", id))
  const compiled = input.compiled ?? [...groupByOcid(releases).values()].map((rs) => compile(p.rules, rs))
  compiled.forEach((c) => checkRelease(p, c, "compiled", isObject(c) ? String(c.ocid) : "", issues))
  checkCompiled(p.rules, releases, compiled.filter(isObject), (ocid) => sink(issues, "compiled", ocid))
  return {
    valid: issues.every((i) => i.severity !== "error"),
    releases: all.length,
    compiledReleases: compiled.length,
    extensions: applied,
    issues
  }
}
