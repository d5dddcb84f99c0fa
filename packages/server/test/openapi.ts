/**
 * Checks an OpenAPI document with an OpenAPI validator, and responses against the document's response schemas
 * (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
 */
import { Validator } from "@seriousme/openapi-schema-validator"
import addFormats from "ajv-formats"
import Ajv2020 from "ajv/dist/2020.js"

export interface Recorded {
  readonly method: string
  readonly path: string
  readonly status: number
  readonly contentType: string
  readonly body: unknown
}

export type Doc = {
  readonly openapi: string
  readonly paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >
  readonly components: object
}

/** The validator's verdict on a document. */
export const validateDocument = async (doc: unknown) => {
  const validator = new Validator()
  const result = await validator.validate(doc as never)
  return { valid: result.valid, errors: result.errors, version: validator.version }
}

const matches = (template: string, path: string) =>
  new RegExp("^" + template.replace(/\{[^}]+\}/g, "[^/]+") + "$").test(path.split("?")[0]!)

/**
 * Problems with recorded responses: each must be documented (path, method, status, media type) and match its schema.
 */
export const checkResponses = (doc: Doc, recorded: ReadonlyArray<Recorded>): Array<string> => {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  ;(addFormats as unknown as (a: unknown) => void)(ajv)
  ajv.addSchema({ $id: "urn:gsyf:openapi", components: doc.components } as object)
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>()
  const problems: Array<string> = []
  for (const r of recorded) {
    const template = Object.keys(doc.paths).find((t) => matches(t, r.path) && doc.paths[t]![r.method.toLowerCase()])
    if (template === undefined) {
      problems.push(`${r.method} ${r.path}: not in the document`)
      continue
    }
    const response = doc.paths[template]![r.method.toLowerCase()]!.responses[String(r.status)]
    if (response === undefined) {
      problems.push(`${r.method} ${r.path}: status ${r.status} not documented`)
      continue
    }
    const mediaType = r.contentType.split(";")[0]!.trim()
    const content = Object.entries(response.content ?? {}).find(([t]) => t.split(";")[0]!.trim() === mediaType)
    if (content === undefined) {
      problems.push(`${r.method} ${r.path} ${r.status}: media type ${mediaType} not documented`)
      continue
    }
    if (r.body === null || r.body === undefined) continue
    const text = JSON.stringify(content[1].schema).replaceAll("\"#/components/", "\"urn:gsyf:openapi#/components/")
    const validate = compiled.get(text) ?? ajv.compile(JSON.parse(text))
    compiled.set(text, validate)
    if (!validate(r.body)) {
      problems.push(`${r.method} ${r.path} ${r.status}: ${ajv.errorsText(validate.errors).slice(0, 300)}`)
    }
  }
  return problems
}
