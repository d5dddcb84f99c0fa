/**
 * Values the official documents need that a project's parameters do not
 * carry: the text of blanks of the plan template (a 文号's year and serial,
 * the years of a five-year plan, a portal's name…) and the Chinese display
 * names of identifiers that appear in events (member units, role codes,
 * suppliers, experts' organisations, actors).
 *
 * Every project document takes an optional `settings` field of this shape.
 * Defaults come from the configuration where it has the value (see
 * `PlanTemplate.blankNames` for what fills each blank); a setting always wins.
 *
 * @example
 * ```ts
 * import { ProjectDocuments } from "@gsyf/documents"
 * const plan = ProjectDocuments.implementationPlan({
 *   config,
 *   events,
 *   settings: { blanks: { 市行动计划起年: "2021", 市行动计划止年: "2025" }, names: { hr: "市人力资源和社会保障局" } }
 * })
 * ```
 *
 * @since 0.1.0
 */
import { InputError } from "@gsyf/core"
import * as Schema from "effect/Schema"
import { isBlank } from "./internal/planBlanks.js"

const bilingual = InputError.bilingual

const Text = Schema.String.pipe(
  Schema.filter(
    (s) => s.trim() !== "" && s.length <= 200 && !/[{}]/.test(s),
    bilingual("须为非空文字，至多200字，不含花括号", "must be non-empty text of at most 200 characters, without braces")
  )
)

const limited = <A, I>(schema: Schema.Schema<A, I>, max: number) =>
  schema.pipe(
    Schema.filter(
      (r) => Object.keys(r as object).length <= max,
      bilingual(`至多${max}项`, `at most ${max} entries`)
    )
  )

const BlankName = Schema.String.pipe(
  Schema.filter(
    isBlank,
    bilingual("不是实施方案模板的空格名称", "is not the name of a blank of the plan template")
  )
)

/**
 * The document settings.
 *
 * - `blanks`: plan template blank name → its text (e.g. `{ 市行动计划起年: "2021" }`); unknown names are refused
 * - `names`: identifier (member unit code, role, actor or supplier id, organisation code) → Chinese display name
 *
 * @since 0.1.0
 * @category schemas
 */
export const DocumentSettings = Schema.Struct({
  blanks: Schema.optional(limited(Schema.Record({ key: BlankName, value: Text }), 500)),
  names: Schema.optional(limited(Schema.Record({ key: Schema.String, value: Text }), 2000))
}).annotations({ identifier: "DocumentSettings" })

/**
 * @since 0.1.0
 * @category models
 */
export type DocumentSettings = typeof DocumentSettings.Type

/**
 * No settings: every value from the configuration.
 *
 * @since 0.1.0
 * @category constants
 */
export const empty: DocumentSettings = {}

/**
 * Decodes settings from unknown input (YAML or JSON already parsed).
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = InputError.decodeEither(DocumentSettings, "DocumentSettings")
