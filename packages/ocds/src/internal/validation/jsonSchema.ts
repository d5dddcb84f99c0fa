/**
 * JSON Schema draft 4 validation (the draft OCDS 1.1 uses) with formats, compiled once per schema.
 *
 * @internal
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv-draft-04"
import addFormats from "ajv-formats"
import type { Json } from "../json.js"
import type { Sink } from "./issue.js"

/** Keywords of the OCDS schemas that describe merging and codelists, not validity. */
const ocdsKeywords = [
  "codelist",
  "openCodelist",
  "deprecated",
  "omitWhenMerged",
  "wholeListMerge",
  "versionId",
  "mergeStrategy",
  "mergeOptions"
]

const make = () => {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    // the extension metaschema requires `en` of `name`, which it declares by pattern only
    strictRequired: false,
    validateSchema: true
  })
  addFormats(ajv)
  ajv.addVocabulary(ocdsKeywords)
  return ajv
}

const compiled = new WeakMap<object, ValidateFunction>()

/**
 * A validator for a schema object (cached by identity). Throws when the schema itself is not valid draft 4
 * (callers that check untrusted schemas use {@link schemaErrors}).
 *
 * @internal
 */
export const validator = (schema: object): ValidateFunction => {
  const hit = compiled.get(schema)
  if (hit !== undefined) return hit
  const { id: _, ...anonymous } = schema as Record<string, unknown>
  const fn = make().compile(anonymous)
  compiled.set(schema, fn)
  return fn
}

/**
 * Why a schema cannot be compiled, or `undefined` when it can.
 *
 * @internal
 */
export const schemaErrors = (schema: Json): string | undefined => {
  try {
    make().compile(schema as object)
    return undefined
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

const describe = (e: ErrorObject): string => {
  const params = e.params as Record<string, unknown>
  if (e.keyword === "enum") return `${e.message}: ${JSON.stringify(params.allowedValues)}`
  if (e.keyword === "additionalProperties") return `${e.message}: ${String(params.additionalProperty)}`
  return e.message ?? e.keyword
}

/**
 * Validates `data` and writes each error to the sink, under `prefix`.
 *
 * @internal
 */
export const check = (fn: ValidateFunction, data: unknown, out: Sink, prefix = ""): void => {
  if (fn(data)) return
  for (const e of fn.errors ?? []) {
    const path = `${prefix}${e.instancePath}`
    out.error("json-schema", path, `不符合官方模式(${e.keyword}):${describe(e)}`, describe(e))
  }
}
