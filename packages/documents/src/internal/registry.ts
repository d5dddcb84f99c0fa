/**
 * The one registry implementation behind {@link Renderers} and
 * {@link Templates}: an insertion-ordered map with case-insensitive keys and
 * the four operations both services expose (register, replace, get, all).
 * Each service supplies how to name an entry and the tagged errors it raises.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"

/** The operations of a keyed registry. @internal */
export interface RegistryService<A, Duplicate, NotFound> {
  /** Adds an entry; fails if its key is taken. */
  readonly register: (entry: A) => Effect.Effect<void, Duplicate>
  /** Adds or swaps an entry; returns the one it replaced. */
  readonly replace: (entry: A) => Effect.Effect<Option.Option<A>>
  /** The entry under a key (case-insensitive). */
  readonly get: (key: string) => Effect.Effect<A, NotFound>
  /** All entries in registration order. */
  readonly all: Effect.Effect<ReadonlyArray<A>>
}

/** How a registry names its entries and reports conflicts and misses. @internal */
export interface RegistrySpec<A, Duplicate, NotFound> {
  readonly key: (entry: A) => string
  readonly duplicate: (key: string, existing: A, incoming: A) => Duplicate
  readonly notFound: (key: string, available: ReadonlyArray<string>) => NotFound
}

/** Builds a registry holding `initial`, failing on the first duplicate key. @internal */
export const makeRegistry = <A, Duplicate, NotFound>(
  spec: RegistrySpec<A, Duplicate, NotFound>,
  initial: ReadonlyArray<A> = []
): Effect.Effect<RegistryService<A, Duplicate, NotFound>, Duplicate> =>
  Effect.suspend(() => {
    const entries = new Map<string, A>()
    const keyOf = (entry: A): string => spec.key(entry).toLowerCase()
    const service: RegistryService<A, Duplicate, NotFound> = {
      register: (entry) =>
        Effect.suspend(() => {
          const key = keyOf(entry)
          const existing = entries.get(key)
          if (existing !== undefined) return Effect.fail(spec.duplicate(key, existing, entry))
          entries.set(key, entry)
          return Effect.void
        }),
      replace: (entry) =>
        Effect.sync(() => {
          const key = keyOf(entry)
          const existing = entries.get(key)
          entries.set(key, entry)
          return Option.fromNullable(existing)
        }),
      get: (key) =>
        Effect.suspend(() => {
          const found = entries.get(key.toLowerCase())
          return found === undefined ? Effect.fail(spec.notFound(key, [...entries.keys()])) : Effect.succeed(found)
        }),
      all: Effect.sync(() => [...entries.values()])
    }
    return Effect.as(Effect.forEach(initial, service.register, { discard: true }), service)
  })
