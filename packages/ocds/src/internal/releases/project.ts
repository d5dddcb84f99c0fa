/**
 * The projection from a project's events, in stream order, to OCDS releases.
 *
 * @internal
 */
import { byDate } from "../merge.js"
import type { Builder } from "./builder.js"
import { builders } from "./builders.js"
import { publisher, type Release } from "./publish.js"
import { emptyState, type Event, ocids, type Settings, type Tag } from "./state.js"

/** @internal The releases of the events, in date order (releases of the same instant in stream order). */
export const project = (settings: Settings, events: ReadonlyArray<Event>): Array<Release> => {
  const out: Array<Release> = []
  const state = emptyState()
  const ctx = publisher(settings, ocids(settings), state, out)
  for (const e of events) {
    if (state.agency === undefined && e.actor.role === "agency") {
      state.agency = { id: e.actor.id, name: e.actor.organisation }
    }
    const build = builders[e._tag] as Builder<Tag>
    build(e, ctx)
  }
  return byDate(out)
}
