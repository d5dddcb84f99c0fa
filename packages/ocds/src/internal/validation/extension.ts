/**
 * Checks of an OCDS extension's files, after the rules the OCDS maintainers apply to every extension:
 * `extension.json` against the extension metaschema, codelist files against the codelist schema and in
 * agreement with `extension.json` and the schema, the release schema patch applying to OCDS 1.1 as valid draft
 * 4, and every field it adds documented (title, description, type), named in camel case, and made strict the
 * way `ocdskit schema-strict` does (non-empty strings, unique non-empty arrays, objects with a property).
 *
 * @internal
 */
import { metaschemas, releaseSchema as core } from "../embedded.js"
import { isObject, type Json, type JsonObject } from "../json.js"
import { jsonProblem } from "../jsonInput.js"
import { csvRecords, mergePatch } from "../profile.js"
import { type Issue, type Sink, sink } from "./issue.js"
import { check, schemaErrors, validator } from "./jsonSchema.js"

/** @internal The files of an extension. */
export interface ExtensionFiles {
  readonly metadata: Json
  readonly releaseSchema: Json
  readonly codelists: Readonly<Record<string, string>>
  readonly readme?: string | undefined
}

const types = (s: JsonObject): ReadonlyArray<string> =>
  typeof s.type === "string" ? [s.type] : Array.isArray(s.type) ? (s.type as ReadonlyArray<string>) : []

const deref = (root: JsonObject, s: JsonObject): JsonObject => {
  if (typeof s.$ref !== "string" || !s.$ref.startsWith("#/definitions/")) return s
  const definitions = isObject(root.definitions) ? root.definitions : {}
  const target = definitions[s.$ref.slice("#/definitions/".length)]
  return isObject(target) ? target : s
}

const lowerCamel = /^[a-z][A-Za-z0-9]*$/
const upperCamel = /^[A-Z][A-Za-z0-9]*$/

/** Checks one field the patch adds or changes (`isNew`: not a core field, so it must be documented). */
const checkField = (
  patched: JsonObject,
  name: string,
  s: JsonObject,
  path: string,
  isNew: boolean,
  out: Sink
): void => {
  const where = `/release-schema.json${path}`
  if (isNew && !lowerCamel.test(name)) {
    out.error("extension", where, `字段名 ${name} 须为小驼峰`, `the field name ${name} is not lowerCamelCase`)
  }
  if (isNew) {
    for (const key of ["title", "description"] as const) {
      if (typeof s[key] !== "string") {
        out.error("extension", where, `新增字段缺少 ${key}`, `the new field has no ${key}`)
      }
    }
    if (s.type === undefined && s.$ref === undefined) {
      out.error("extension", where, "新增字段缺少 type 或 $ref", "the new field has neither type nor $ref")
    }
  }
  const ts = types(s)
  const strict = (ok: boolean, what: string) => {
    if (!ok) out.error("extension", where, `缺少严格校验属性:${what}`, `missing the strict validation property ${what}`)
  }
  if (ts.includes("string") && s.enum === undefined && s.format === undefined) strict(s.minLength === 1, "minLength 1")
  if (ts.includes("array")) strict(s.uniqueItems === true && s.minItems === 1, "uniqueItems, minItems 1")
  if (ts.includes("array") && isObject(s.items) && s.wholeListMerge !== true) {
    const items = deref(patched, s.items)
    const props = isObject(items.properties) ? items.properties : undefined
    if (props !== undefined && !("id" in props)) {
      out.error(
        "extension",
        where,
        "数组中的对象须有 id 或声明 wholeListMerge",
        "objects in an array need an id or wholeListMerge"
      )
    }
  }
}

/** Checks the definitions of the patch: names, documentation, strictness, codelists. */
const checkPatch = (
  patch: JsonObject,
  patched: JsonObject,
  codelists: ReadonlyMap<string, ReadonlyArray<string>>,
  out: Sink
) => {
  const definitions = isObject(patch.definitions) ? patch.definitions : {}
  const coreDefinitions = isObject(core) && isObject(core.definitions) ? core.definitions : {}
  for (const [defName, def] of Object.entries(definitions)) {
    if (!isObject(def)) continue
    const existing = coreDefinitions[defName]
    const base = `/definitions/${defName}`
    if (!isObject(existing) && !upperCamel.test(defName)) {
      out.error(
        "extension",
        `/release-schema.json${base}`,
        `定义名 ${defName} 须为大驼峰`,
        `the definition ${defName} is not UpperCamelCase`
      )
    }
    if (!isObject(existing) && isObject(def.properties)) {
      if (def.minProperties !== 1) {
        out.error("extension", `/release-schema.json${base}`, "缺少 minProperties 1", "missing minProperties 1")
      }
    }
    const props = isObject(def.properties) ? def.properties : {}
    const known = isObject(existing) && isObject(existing.properties) ? existing.properties : {}
    for (const [name, s] of Object.entries(props)) {
      if (isObject(s)) {
        checkField(patched, name, s, `${base}/properties/${name}`, !(name in known), out)
        checkCodelistField(s, `${base}/properties/${name}`, codelists, out)
      }
    }
  }
}

const checkCodelistField = (
  s: JsonObject,
  path: string,
  codelists: ReadonlyMap<string, ReadonlyArray<string>>,
  out: Sink
) => {
  if (typeof s.codelist !== "string") return
  const codes = codelists.get(s.codelist)
  const where = `/release-schema.json${path}`
  if (codes === undefined) {
    out.error(
      "extension",
      where,
      `代码表 ${s.codelist} 未随扩展提供`,
      `the codelist ${s.codelist} is not in the extension`
    )
    return
  }
  if (s.openCodelist !== false) return
  const expected = [...codes, ...(types(s).includes("null") ? [null] : [])]
  const actual = Array.isArray(s.enum) ? s.enum : []
  if (JSON.stringify([...actual].sort()) !== JSON.stringify([...expected].sort())) {
    out.error(
      "extension",
      where,
      "封闭代码表的 enum 须与代码表一致",
      "the enum of a closed codelist field must list its codes"
    )
  }
}

const referencedCodelists = (node: Json, out: Set<string>): Set<string> => {
  if (Array.isArray(node)) node.forEach((x) => referencedCodelists(x, out))
  else if (isObject(node)) {
    if (typeof node.codelist === "string") out.add(node.codelist)
    Object.values(node).forEach((x) => referencedCodelists(x, out))
  }
  return out
}

/** The codelist files: each valid against the codelist schema; the list matches extension.json and the patch. */
const checkCodelists = (files: ExtensionFiles, out: Sink): Map<string, ReadonlyArray<string>> => {
  const codes = new Map<string, ReadonlyArray<string>>()
  const rowSchema = validator(metaschemas.codelist as object)
  for (const [file, text] of Object.entries(files.codelists)) {
    const rows = csvRecords(text)
    check(rowSchema, rows, out, `/codelists/${file}`)
    if (!file.startsWith("+") && !file.startsWith("-")) codes.set(file, rows.map((r) => r["Code"] ?? ""))
  }
  const listed = isObject(files.metadata) && Array.isArray(files.metadata.codelists) ? files.metadata.codelists : []
  const present = Object.keys(files.codelists)
  for (const f of present) {
    if (!listed.includes(f)) {
      out.error(
        "extension",
        `/codelists/${f}`,
        "代码表未列入 extension.json",
        "the codelist file is not listed in extension.json"
      )
    }
  }
  for (const f of listed) {
    if (typeof f === "string" && !present.includes(f)) {
      out.error("extension", "/extension.json/codelists", `缺少代码表文件 ${f}`, `the listed codelist ${f} is missing`)
    }
  }
  for (const name of referencedCodelists(files.releaseSchema, new Set())) {
    if (!codes.has(name) && !isCoreCodelist(name)) {
      out.error(
        "extension",
        "/release-schema.json",
        `模式引用的代码表 ${name} 不存在`,
        `the schema refers to a missing codelist ${name}`
      )
    }
  }
  return codes
}

const isCoreCodelist = (name: string): boolean => referencedCodelists(core, new Set()).has(name)

/**
 * Checks an extension's files.
 *
 * @internal
 */
export const checkExtension = (files: ExtensionFiles, out: Sink): void => {
  check(validator(metaschemas.extension as object), files.metadata, out, "/extension.json")
  const codes = checkCodelists(files, out)
  if (!isObject(files.releaseSchema)) {
    out.error("extension", "/release-schema.json", "发布模式补丁须为对象", "the release schema patch is not an object")
    return
  }
  const patched = mergePatch(core, files.releaseSchema)
  const problem = schemaErrors(patched)
  if (problem !== undefined) {
    out.error(
      "extension",
      "/release-schema.json",
      `应用补丁后的模式无效:${problem}`,
      `the patched schema is invalid: ${problem}`
    )
  }
  checkPatch(files.releaseSchema, patched as JsonObject, codes, out)
  if (files.readme !== undefined && files.readme.trim() === "") {
    out.error("extension", "/README.md", "扩展须有 README", "the extension needs a README")
  }
}

const parseFile = (files: Readonly<Record<string, string>>, path: string, out: Sink): Json => {
  let parsed: Json
  try {
    parsed = JSON.parse(files[path] ?? "null") as Json
  } catch {
    out.error("extension", `/${path}`, "不是有效的 JSON", "not valid JSON")
    return null
  }
  const problem = jsonProblem(parsed)
  if (problem === undefined) return parsed
  out.error("extension", `/${path}${problem.path}`, problem.zh, problem.en)
  return null
}

/**
 * Checks an extension given as files by path (`extension.json`, `release-schema.json`, `codelists/*.csv`,
 * `README.md`).
 *
 * @internal
 */
export const checkExtensionFiles = (files: Readonly<Record<string, string>>): Array<Issue> => {
  const issues: Array<Issue> = []
  const out = sink(issues, "extension", "")
  const codelists = Object.fromEntries(
    Object.entries(files).filter(([p]) => p.startsWith("codelists/")).map(([p, t]) => [p.slice("codelists/".length), t])
  )
  const metadata = parseFile(files, "extension.json", out)
  const releaseSchema = parseFile(files, "release-schema.json", out)
  checkExtension({ metadata, releaseSchema, codelists, readme: files["README.md"] ?? "" }, out)
  return issues
}
