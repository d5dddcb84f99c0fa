// Helpers of the sections' evolve folds: a fold per event type, and persistent updates of the state.
import type * as ProjectEvent from "../ProjectEvent.js"
import type {
  Objection,
  ProcurementState,
  State,
  StatusFacts,
  SubProjectKey,
  SubProjectState
} from "../ProjectState.js"
import { setIn } from "./persistentMap.js"

/** Folds one event of type `K` into the state (version, command ids and status facts are done by `evolve`). */
export type Fold<K extends ProjectEvent.Name> = (s: State, e: ProjectEvent.Of<K>) => State

/** The folds of a section's events. */
export type Folds<K extends ProjectEvent.Name> = { readonly [T in K]: Fold<T> }

/** Folds one event of type `K` into the status facts. */
export type FactFold<K extends ProjectEvent.Name> = (f: StatusFacts, e: ProjectEvent.Of<K>) => StatusFacts

/** The status-fact folds of a section's events. */
export type FactFolds<K extends ProjectEvent.Name> = { readonly [T in K]: FactFold<T> }

/** The fact fold of an event that does not change the status. */
export const unchanged = (f: StatusFacts): StatusFacts => f

/** Patches one sub-project's status facts. */
export const subFacts = (
  f: StatusFacts,
  key: SubProjectKey,
  patch: Partial<StatusFacts["subProjects"][SubProjectKey]>
): StatusFacts => ({ ...f, subProjects: { ...f.subProjects, [key]: { ...f.subProjects[key], ...patch } } })

export const setSub = (s: State, key: SubProjectKey, f: (sp: SubProjectState) => SubProjectState): State => ({
  ...s,
  subProjects: { ...s.subProjects, [key]: f(s.subProjects[key]) }
})

export const setProcurement = (s: State, key: SubProjectKey, f: (p: ProcurementState) => ProcurementState): State =>
  setSub(s, key, (sp) => (sp.procurement === undefined ? sp : { ...sp, procurement: f(sp.procurement) }))

export const setObjections = (
  s: State,
  key: SubProjectKey,
  f: (os: ReadonlyArray<Objection>) => ReadonlyArray<Objection>
): State =>
  setSub(
    s,
    key,
    (sp) => (sp.publicity === undefined
      ? sp
      : { ...sp, publicity: { ...sp.publicity, objections: f(sp.publicity.objections) } })
  )

export const setAcceptance = (sp: SubProjectState, patch: Partial<SubProjectState["acceptance"]>): SubProjectState => ({
  ...sp,
  acceptance: { ...sp.acceptance, ...patch }
})

// Persistent: a fold over thousands of events must not copy a map per event.
export const mapWith = <K, V>(m: ReadonlyMap<K, V>, k: K, v: V): ReadonlyMap<K, V> => setIn(m, k, v)
