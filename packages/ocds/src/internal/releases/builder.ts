/**
 * The shape of a release builder: what one event publishes.
 *
 * @internal
 */
import type { Ctx } from "./publish.js"
import type { Of, Tag } from "./state.js"

/** @internal Publishes the releases of one event (or none). */
export type Builder<K extends Tag> = (event: Of<K>, ctx: Ctx) => void

/** @internal The builders of a set of event types, one per type. */
export type Builders<K extends Tag> = { readonly [T in K]: Builder<T> }

/** @internal A builder for events that publish nothing (what they record is not public, or not yet). */
export const unpublished = (): void => {}
