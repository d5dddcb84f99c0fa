/**
 * The registry of document renderers, keyed by format. A host builds it with
 * {@link layer} from the renderers it wants (plain renderers, or effects that
 * build one, such as the PDF renderer that first finds a font), then adds its
 * own with {@link register} or swaps one with {@link replace}. Registering a
 * second renderer for a format without `replace` fails with a
 * {@link DuplicateRenderer} that names both.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Html, Markdown, Renderers } from "@gsyf/documents"
 * const program = Renderers.render("html", doc).pipe(
 *   Effect.provide(Renderers.layer(Markdown.renderer, Html.renderer))
 * )
 * ```
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type * as Document from "./Document.js"
import { describe, type DocumentRenderer, type RenderError } from "./DocumentRenderer.js"
import { makeRegistry, type RegistryService } from "./internal/registry.js"

/**
 * Raised when a renderer is registered for a format that already has one.
 *
 * @since 0.1.0
 * @category errors
 */
export class DuplicateRenderer extends Schema.TaggedError<DuplicateRenderer>()("DuplicateRenderer", {
  format: Schema.String,
  /** The renderer already registered. */
  existing: Schema.String,
  /** The renderer that was refused. */
  incoming: Schema.String
}) {
  /** Which renderer is already registered for the format. */
  override get message(): string {
    return (
      `a renderer for format "${this.format}" is already registered (${this.existing}); ` +
      `${this.incoming} was not registered — use Renderers.replace to swap it`
    )
  }
}

/**
 * Raised when no renderer is registered for a format.
 *
 * @since 0.1.0
 * @category errors
 */
export class RendererNotFound extends Schema.TaggedError<RendererNotFound>()("RendererNotFound", {
  format: Schema.String,
  available: Schema.Array(Schema.String)
}) {
  /** The format asked for and the formats available. */
  override get message(): string {
    return `no renderer for format "${this.format}" (available: ${this.available.join(", ") || "none"})`
  }
}

/**
 * The registry's operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface RenderersService extends RegistryService<DocumentRenderer, DuplicateRenderer, RendererNotFound> {}

/**
 * The renderer registry service.
 *
 * @since 0.1.0
 * @category tags
 */
export class Renderers extends Context.Tag("@gsyf/documents/Renderers")<Renderers, RenderersService>() {}

/**
 * A renderer, or an effect that builds one (e.g. after locating a font).
 *
 * @since 0.1.0
 * @category models
 */
export type RendererSource = DocumentRenderer | Effect.Effect<DocumentRenderer, any, any>

type ErrorOf<S> = S extends Effect.Effect<any, infer E, any> ? E : never
type ContextOf<S> = S extends Effect.Effect<any, any, infer R> ? R : never

/**
 * Builds a registry service holding the given renderers.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  renderers: ReadonlyArray<DocumentRenderer> = []
): Effect.Effect<RenderersService, DuplicateRenderer> =>
  makeRegistry<DocumentRenderer, DuplicateRenderer, RendererNotFound>({
    key: (r) => r.format,
    duplicate: (format, existing, incoming) =>
      new DuplicateRenderer({ format, existing: describe(existing), incoming: describe(incoming) }),
    notFound: (format, available) => new RendererNotFound({ format, available })
  }, renderers)

const isEffect = (u: RendererSource): u is Effect.Effect<DocumentRenderer, any, any> => Effect.isEffect(u)

/**
 * A layer providing {@link Renderers} with the given renderers, in order.
 * Effects among them are run when the layer is built; their errors and
 * requirements become the layer's. Two renderers for one format fail the layer
 * with {@link DuplicateRenderer}.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = <const Sources extends ReadonlyArray<RendererSource>>(
  ...sources: Sources
): Layer.Layer<Renderers, DuplicateRenderer | ErrorOf<Sources[number]>, ContextOf<Sources[number]>> =>
  Layer.effect(
    Renderers,
    Effect.gen(function*() {
      const renderers: Array<DocumentRenderer> = []
      for (const s of sources) renderers.push(isEffect(s) ? yield* s : s)
      return yield* make(renderers)
    })
  ) as never

/**
 * Registers a renderer; fails with {@link DuplicateRenderer} if the format is taken.
 *
 * @since 0.1.0
 * @category accessors
 */
export const register = (renderer: DocumentRenderer): Effect.Effect<void, DuplicateRenderer, Renderers> =>
  Effect.flatMap(Renderers, (s) => s.register(renderer))

/**
 * Registers a renderer, replacing any registered for its format; returns the replaced one.
 *
 * @since 0.1.0
 * @category accessors
 */
export const replace = (renderer: DocumentRenderer): Effect.Effect<Option.Option<DocumentRenderer>, never, Renderers> =>
  Effect.flatMap(Renderers, (s) => s.replace(renderer))

/**
 * The renderer for a format.
 *
 * @since 0.1.0
 * @category accessors
 */
export const get = (format: string): Effect.Effect<DocumentRenderer, RendererNotFound, Renderers> =>
  Effect.flatMap(Renderers, (s) => s.get(format))

/**
 * The registered formats in registration order.
 *
 * @since 0.1.0
 * @category accessors
 */
export const formats: Effect.Effect<ReadonlyArray<string>, never, Renderers> = Effect.flatMap(
  Renderers,
  (s) => Effect.map(s.all, (rs) => rs.map((r) => r.format))
)

/**
 * Renders a document with the renderer registered for a format.
 *
 * @since 0.1.0
 * @category accessors
 */
export const render = (
  format: string,
  doc: Document.Document
): Effect.Effect<Uint8Array | string, RendererNotFound | RenderError, Renderers> =>
  Effect.flatMap(get(format), (r) => r.render(doc))
