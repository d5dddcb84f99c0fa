/**
 * Checks that walk a document alongside its schema: fields the schema does not declare (the "additional
 * fields" of the OCDS Data Review Tool), codes missing from a codelist, and fields set but empty.
 *
 * @internal
 */
import { isObject, type Json, type JsonObject, pointer } from "../json.js"
import type { Sink } from "./issue.js"

/** @internal What the field checks need from the profile. */
export interface Context {
  readonly schema: JsonObject
  readonly codelists: ReadonlyMap<string, ReadonlySet<string>>
}

const patterns = new Map<string, RegExp>()
const regex = (source: string): RegExp => {
  const hit = patterns.get(source)
  if (hit !== undefined) return hit
  const made = new RegExp(source, "u")
  patterns.set(source, made)
  return made
}

const resolve = (root: JsonObject, s: JsonObject): JsonObject => {
  let node: JsonObject = s
  for (let hops = 0; typeof node.$ref === "string" && node.$ref.startsWith("#/") && hops < 32; hops++) {
    let target: Json | undefined = root
    for (const part of node.$ref.slice(2).split("/")) target = isObject(target) ? target[part] : undefined
    if (!isObject(target)) break
    node = target
  }
  return node
}

/** Whether the schema says anything about which properties an object may have. */
const declares = (s: JsonObject): boolean =>
  isObject(s.properties) || isObject(s.patternProperties) || s.additionalProperties !== undefined

/** The schema of property `key` of an object described by `s`, if declared. */
const propertySchema = (root: JsonObject, s: JsonObject, key: string): JsonObject | undefined => {
  const props = s.properties
  if (isObject(props) && Object.hasOwn(props, key) && isObject(props[key])) return resolve(root, props[key])
  const pattern = s.patternProperties
  if (isObject(pattern)) {
    for (const [source, sub] of Object.entries(pattern)) {
      if (isObject(sub) && regex(source).test(key)) return resolve(root, sub)
    }
  }
  if (isObject(s.additionalProperties)) return resolve(root, s.additionalProperties)
  for (const combinator of ["allOf", "anyOf", "oneOf"] as const) {
    const alternatives = s[combinator]
    if (!Array.isArray(alternatives)) continue
    for (const alt of alternatives) {
      const found = isObject(alt) ? propertySchema(root, resolve(root, alt), key) : undefined
      if (found !== undefined) return found
    }
  }
  return undefined
}

const checkCodes = (ctx: Context, s: JsonObject, data: Json, path: ReadonlyArray<string | number>, out: Sink) => {
  const name = s.codelist
  if (typeof name !== "string") return
  const codes = ctx.codelists.get(name)
  const values = typeof data === "string"
    ? [data]
    : Array.isArray(data)
    ? data.filter((x) => typeof x === "string")
    : []
  if (codes === undefined) {
    out.error("codelist", pointer(path), `代码表 ${name} 不可用`, `codelist ${name} is not available`)
    return
  }
  const open = s.openCodelist === true
  for (const v of values as ReadonlyArray<string>) {
    if (codes.has(v)) continue
    // a closed codelist with an enum is enforced by the schema itself
    if (open) {
      out.warning(
        "codelist",
        pointer(path),
        `“${v}”不在开放代码表 ${name} 中`,
        `"${v}" is not in the open codelist ${name}`
      )
    } else if (!Array.isArray(s.enum)) {
      out.error(
        "codelist",
        pointer(path),
        `“${v}”不在封闭代码表 ${name} 中`,
        `"${v}" is not in the closed codelist ${name}`
      )
    }
  }
}

const isEmpty = (data: Json): boolean =>
  (typeof data === "string" && data.trim() === "") ||
  (Array.isArray(data) && data.length === 0) ||
  (isObject(data) && Object.keys(data).length === 0)

const visit = (ctx: Context, raw: JsonObject, data: Json, path: Array<string | number>, out: Sink): void => {
  const s = resolve(ctx.schema, raw)
  checkCodes(ctx, s, data, path, out)
  if (isEmpty(data)) {
    out.warning("empty-field", pointer(path), "字段已设置但为空", "the field is set but empty")
    return
  }
  if (Array.isArray(data)) {
    const items = isObject(s.items) ? s.items : {}
    data.forEach((x, i) => visit(ctx, items, x, [...path, i], out))
  } else if (isObject(data) && declares(s)) {
    for (const [key, value] of Object.entries(data)) {
      const sub = propertySchema(ctx.schema, s, key)
      if (sub === undefined) {
        out.error(
          "undeclared-field",
          pointer([...path, key]),
          "字段未在 OCDS 或所列扩展中定义",
          "the field is declared neither by OCDS nor by the extensions listed"
        )
      } else visit(ctx, sub, value, [...path, key], out)
    }
  }
}

/**
 * Walks a release (or a compiled release) with the release schema of the profile.
 *
 * @internal
 */
export const checkFields = (ctx: Context, release: Json, out: Sink): void => visit(ctx, ctx.schema, release, [], out)
