/**
 * Inline text of a document: runs of text that are plain, bold or emphasised.
 * Emphasis is rendered the Chinese way where the format allows it (着重号, a dot
 * under each character) rather than as italics, which CJK fonts lack.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * A run of text with uniform formatting.
 *
 * @since 0.1.0
 * @category models
 */
export class Run extends Schema.Class<Run>("@gsyf/documents/Run")({
  text: Schema.String,
  bold: Schema.optional(Schema.Boolean),
  emphasis: Schema.optional(Schema.Boolean)
}) {}

/**
 * What the constructors accept where inline text is expected: a string, a run,
 * or a list of both.
 *
 * @since 0.1.0
 * @category models
 */
export type InlineInput = string | Run | ReadonlyArray<string | Run>

/**
 * A plain run.
 *
 * @since 0.1.0
 * @category constructors
 */
export const text = (value: string): Run => new Run({ text: value })

/**
 * A bold run.
 *
 * @since 0.1.0
 * @category constructors
 */
export const bold = (value: string): Run => new Run({ text: value, bold: true })

/**
 * An emphasised run (着重号 in DOCX and HTML, underlined in PDF).
 *
 * @since 0.1.0
 * @category constructors
 */
export const emphasis = (value: string): Run => new Run({ text: value, emphasis: true })

/**
 * Normalises {@link InlineInput} to a list of runs; strings become plain runs.
 *
 * @since 0.1.0
 * @category constructors
 */
export const runs = (input: InlineInput): ReadonlyArray<Run> => {
  const list: ReadonlyArray<string | Run> = typeof input === "string" || input instanceof Run ? [input] : input
  return list.map((r) => (typeof r === "string" ? text(r) : r))
}

/**
 * The text of a list of runs without formatting.
 *
 * @since 0.1.0
 * @category getters
 */
export const plainText = (list: ReadonlyArray<Run>): string => list.map((r) => r.text).join("")
