/**
 * The renderer plugin interface. A renderer turns a {@link Document.Document}
 * into one output format; gsyf ships Markdown and HTML here, DOCX in
 * `@gsyf/documents-docx` and PDF in `@gsyf/documents-pdf`, and a host can add
 * or replace any of them through the {@link Renderers} registry.
 *
 * @since 0.1.0
 */
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type * as Document from "./Document.js"

/**
 * Raised when a renderer cannot produce its output.
 *
 * @since 0.1.0
 * @category errors
 */
export class RenderError extends Schema.TaggedError<RenderError>()("RenderError", {
  /** The format being rendered, e.g. `"pdf"`. */
  format: Schema.String,
  /** What went wrong, in plain words. */
  reason: Schema.String,
  cause: Schema.optional(Schema.Defect)
}) {
  /** The format and the reason. */
  override get message(): string {
    return `cannot render ${this.format}: ${this.reason}`
  }
}

/**
 * A renderer for one output format.
 *
 * - `format`: the registry key, lower case (`"markdown"`, `"html"`, `"docx"`, `"pdf"`)
 * - `extension`: the file extension without dot (`"md"`, `"docx"`)
 * - `mediaType`: the MIME type of the output
 * - `name`: who provides it (shown in conflict errors); defaults to the format
 * - `render`: text for text formats, bytes for binary ones
 *
 * @since 0.1.0
 * @category models
 */
export interface DocumentRenderer<Out extends Uint8Array | string = Uint8Array | string> {
  readonly format: string
  readonly extension: string
  readonly mediaType: string
  readonly name?: string | undefined
  /** Renders a document to bytes or text in this format. */
  readonly render: (doc: Document.Document) => Effect.Effect<Out, RenderError>
}

/**
 * The name shown for a renderer in messages: its `name`, else its format.
 *
 * @since 0.1.0
 * @category getters
 */
export const describe = (renderer: DocumentRenderer): string => renderer.name ?? renderer.format

/**
 * Builds a renderer, normalising the format to lower case.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <Out extends Uint8Array | string>(renderer: DocumentRenderer<Out>): DocumentRenderer<Out> => ({
  ...renderer,
  format: renderer.format.toLowerCase()
})
