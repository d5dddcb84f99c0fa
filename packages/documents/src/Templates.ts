/**
 * The registry of document templates: a document kind (a string id such as
 * `"acceptance-report"`) maps to a builder `(input) => Document`. gsyf's own
 * builders register here; a host can add its own kinds with {@link register}
 * or swap a built-in one with {@link replace}. Registering a second template
 * for a kind without `replace` fails with a {@link DuplicateTemplate} naming
 * both.
 *
 * A template may carry an input schema; {@link build} then decodes the input
 * through `InputError.decode` before calling the builder.
 *
 * @since 0.1.0
 */
import { InputError } from "@gsyf/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type * as Document from "./Document.js"
import { makeRegistry as make_, type RegistryService } from "./internal/registry.js"

/**
 * A document template.
 *
 * - `kind`: the registry key, e.g. `"acceptance-report"`
 * - `name`: who provides it (shown in conflict errors); defaults to the kind
 * - `description`: what the document is, for listings
 * - `input`: optional schema the input is decoded with before `build`
 *
 * @since 0.1.0
 * @category models
 */
export interface Template<I = any> {
  readonly kind: string
  readonly name?: string | undefined
  readonly description?: string | undefined
  readonly input?: Schema.Schema<I, any, never> | undefined
  /** Builds the document from the (decoded) input. */
  readonly build: (input: I) => Document.Document
}

/**
 * Defines a template; the input type follows the schema when one is given.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <I>(template: Template<I>): Template<I> => template

/**
 * Raised when a template is registered for a kind that already has one.
 *
 * @since 0.1.0
 * @category errors
 */
export class DuplicateTemplate extends Schema.TaggedError<DuplicateTemplate>()("DuplicateTemplate", {
  kind: Schema.String,
  existing: Schema.String,
  incoming: Schema.String
}) {
  /** Which template is already registered for the document kind. */
  override get message(): string {
    return (
      `a template for document kind "${this.kind}" is already registered (${this.existing}); ` +
      `${this.incoming} was not registered — use Templates.replace to swap it`
    )
  }
}

/**
 * Raised when no template is registered for a kind.
 *
 * @since 0.1.0
 * @category errors
 */
export class TemplateNotFound extends Schema.TaggedError<TemplateNotFound>()("TemplateNotFound", {
  kind: Schema.String,
  available: Schema.Array(Schema.String)
}) {
  /** The document kind asked for and the kinds available. */
  override get message(): string {
    return `no template for document kind "${this.kind}" (available: ${this.available.join(", ") || "none"})`
  }
}

/**
 * The template registry's operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface TemplatesService extends RegistryService<Template, DuplicateTemplate, TemplateNotFound> {}

/**
 * The template registry service.
 *
 * @since 0.1.0
 * @category tags
 */
export class Templates extends Context.Tag("@gsyf/documents/Templates")<Templates, TemplatesService>() {}

const describe = (t: Template): string => t.name ?? t.kind

/**
 * Builds a registry service holding the given templates.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeRegistry = (
  templates: ReadonlyArray<Template> = []
): Effect.Effect<TemplatesService, DuplicateTemplate> =>
  make_<Template, DuplicateTemplate, TemplateNotFound>({
    key: (t) => t.kind,
    duplicate: (kind, existing, incoming) =>
      new DuplicateTemplate({ kind, existing: describe(existing), incoming: describe(incoming) }),
    notFound: (kind, available) => new TemplateNotFound({ kind, available })
  }, templates)

/**
 * A layer providing {@link Templates} with the given templates.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (...templates: ReadonlyArray<Template>): Layer.Layer<Templates, DuplicateTemplate> =>
  Layer.effect(Templates, makeRegistry(templates))

/**
 * Registers a template; fails with {@link DuplicateTemplate} if the kind is taken.
 *
 * @since 0.1.0
 * @category accessors
 */
export const register = (template: Template): Effect.Effect<void, DuplicateTemplate, Templates> =>
  Effect.flatMap(Templates, (s) => s.register(template))

/**
 * Registers a template, replacing any registered for its kind; returns the replaced one.
 *
 * @since 0.1.0
 * @category accessors
 */
export const replace = (template: Template): Effect.Effect<Option.Option<Template>, never, Templates> =>
  Effect.flatMap(Templates, (s) => s.replace(template))

/**
 * The template for a kind.
 *
 * @since 0.1.0
 * @category accessors
 */
export const get = (kind: string): Effect.Effect<Template, TemplateNotFound, Templates> =>
  Effect.flatMap(Templates, (s) => s.get(kind))

/**
 * The registered kinds in registration order.
 *
 * @since 0.1.0
 * @category accessors
 */
export const kinds: Effect.Effect<ReadonlyArray<string>, never, Templates> = Effect.flatMap(
  Templates,
  (s) => Effect.map(s.all, (ts) => ts.map((t) => t.kind))
)

/**
 * Builds a document of a kind from an input, decoding the input with the
 * template's schema first when it has one.
 *
 * @since 0.1.0
 * @category accessors
 */
export const build = (
  kind: string,
  input: unknown
): Effect.Effect<Document.Document, TemplateNotFound | InputError.InvalidInput, Templates> =>
  Effect.flatMap(get(kind), (t) =>
    t.input === undefined
      ? Effect.sync(() => t.build(input))
      : Effect.map(InputError.decode(t.input, `Template ${t.kind}`)(input), (decoded) => t.build(decoded)))
