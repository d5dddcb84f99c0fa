/**
 * The OCDS releases a step produces: the releases of the events so far that
 * the events before the step did not give (compared by release id), built
 * with `@gsyf/ocds` for a project id fixed for scenarios.
 */
import type { Plugin, ProjectEvent } from "@gsyf/core"
import { Ocds } from "@gsyf/ocds"
import * as Either from "effect/Either"

/** The project id releases of a scenario are built for (ocids `ocds-gsyf00-scenario`, `…-hazchem`, `…-keyAreas`). */
export const projectId = "scenario"

/** The releases the step's events add, in date order; a message when they cannot be built. */
export const produced = (
  config: Plugin.Config,
  before: ReadonlyArray<ProjectEvent.Event>,
  step: ReadonlyArray<ProjectEvent.Event>
): Either.Either<ReadonlyArray<Ocds.Release>, string> => {
  if (step.length === 0) return Either.right([])
  const options = { projectId, parameters: config.parameters }
  return Either.mapLeft(
    Either.gen(function*() {
      const earlier = new Set((yield* Ocds.releases(before, options)).map((r) => r.id))
      return (yield* Ocds.releases([...before, ...step], options)).filter((r) => !earlier.has(r.id))
    }),
    (e) => e.message
  )
}
