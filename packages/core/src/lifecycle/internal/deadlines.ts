// Helpers of the sections' deadline steps: which deadlines an event opens or closes, kept by the `gsyf.projects`
// read model by name (`publicity:hazchem`, `sign:keyAreas` …).
import type * as ProjectEvent from "../ProjectEvent.js"

/** An open deadline: what is due, for which sub-project, by when. */
export interface OpenDeadline {
  readonly what: string
  readonly subProject: string | undefined
  readonly date: string
}

/** The open deadlines of a project by name; a step changes them in place. */
export type OpenDeadlines = Record<string, OpenDeadline>

/** What one event of type `K` does to the open deadlines. */
export type DeadlineStep<K extends ProjectEvent.Name> = (deadlines: OpenDeadlines, e: ProjectEvent.Of<K>) => void

/** The deadline steps of a section's events. */
export type DeadlineSteps<K extends ProjectEvent.Name> = { readonly [T in K]: DeadlineStep<T> }

export const openDeadline = (d: OpenDeadlines, name: string, what: string, subProject: string, date: string) => {
  d[`${name}:${subProject}`] = { what, subProject, date }
}

export const closeDeadline = (d: OpenDeadlines, name: string, subProject: string) => {
  delete d[`${name}:${subProject}`]
}

/** The step of an event that opens and closes nothing. */
export const noDeadline = () => {}
