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

/** Every field of `T`, none optional: a copy must name them all. */
type Copy<T> = { -readonly [K in keyof T]-?: T[K] }

// Copies with every field named: in a replay these run once per event, and an object literal of one shape costs a
// small fraction of a spread (`{ ...s, x }`). The types fail to compile when a field is added and not copied.

/** A fresh copy of the state, to be completed by its maker before anyone else sees it. */
export const copyState = (s: State): Copy<State> => ({
  version: s.version,
  commandIds: s.commandIds,
  keyAreas: s.keyAreas,
  opinions: s.opinions,
  plan: s.plan,
  keyEnterpriseList: s.keyEnterpriseList,
  budget: s.budget,
  designs: s.designs,
  subProjects: s.subProjects,
  evidenceOwner: s.evidenceOwner,
  facts: s.facts
})

/** A fresh copy of a sub-project's state, to be completed by its maker before anyone else sees it. */
export const copySub = (sp: SubProjectState): Copy<SubProjectState> => ({
  key: sp.key,
  publicity: sp.publicity,
  intention: sp.intention,
  procurement: sp.procurement,
  rounds: sp.rounds,
  award: sp.award,
  contract: sp.contract,
  payments: sp.payments,
  implementationPlan: sp.implementationPlan,
  evidence: sp.evidence,
  evidenceIndex: sp.evidenceIndex,
  briefings: sp.briefings,
  spotChecks: sp.spotChecks,
  acceptance: sp.acceptance,
  filed: sp.filed
})

/** The sub-projects with one replaced (a literal of one shape, not a spread with a computed key). */
export const withSub = (
  subs: State["subProjects"],
  key: SubProjectKey,
  sp: SubProjectState
): State["subProjects"] =>
  key === "hazchem" ? { hazchem: sp, keyAreas: subs.keyAreas } : { hazchem: subs.hazchem, keyAreas: sp }

export const setSub = (s: State, key: SubProjectKey, f: (sp: SubProjectState) => SubProjectState): State => ({
  ...s,
  subProjects: withSub(s.subProjects, key, f(s.subProjects[key]))
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
