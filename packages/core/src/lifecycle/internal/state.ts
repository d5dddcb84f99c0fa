// Helpers of the sections' evolve folds: a fold per event type, and persistent updates of the state.
import * as Chunk from "effect/Chunk"
import type * as ProjectEvent from "../ProjectEvent.js"
import type {
  ActiveEvidence,
  Objection,
  ProcurementState,
  State,
  StatusFacts,
  SubProjectKey,
  SubProjectState
} from "../ProjectState.js"
import { newOwner, type Owner, setIn } from "./persistentMap.js"

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
export type Copy<T> = { -readonly [K in keyof T]-?: T[K] }

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
): Copy<State["subProjects"]> =>
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

// ── batch folds ─────────────────────────────────────────────────────────────
// Folding many events at once (`ProjectState.evolveAll`), the objects the batch made itself are written in place
// for the next event instead of being copied again: the state it made last, the sub-project states and their pair it
// made, and the nodes of the persistent maps and set made with its owner token (`PersistentMap.setBy`). What the
// batch started from was made before it and is never written; nothing the batch made is seen by anyone before it
// returns, so a batch gives the same state as folding the events one by one, and leaves earlier states as they were.

/** What a batch fold made, and may write in place. */
export interface Batch {
  /** The token of the batch's trie nodes and maps. */
  readonly owner: Owner
  /** The state the batch made last, if any. */
  state: Copy<State> | undefined
  /** The sub-projects' pair and states the batch made last, if any. */
  pair: Copy<State["subProjects"]> | undefined
  readonly subs: { [K in SubProjectKey]: Copy<SubProjectState> | undefined }
  /**
   * Evidence recorded in the batch's own sub-project states and not yet appended to their `evidence` (appended at
   * once by {@link flush}: a chunk appended one by one rebuilds its right edge each time).
   */
  readonly pending: { [K in SubProjectKey]: Array<ActiveEvidence> }
}

/** A new batch (its own owner token). */
export const startBatch = (): Batch => ({
  owner: newOwner(),
  state: undefined,
  pair: undefined,
  subs: { hazchem: undefined, keyAreas: undefined },
  pending: { hazchem: [], keyAreas: [] }
})

/** Appends the evidence the batch holds back to its sub-project states: before anything reads them, and at the end. */
export const flush = (batch: Batch): void => {
  for (const key of ["hazchem", "keyAreas"] as const) {
    const held = batch.pending[key]
    if (held.length === 0) continue
    const sp = batch.subs[key]!
    sp.evidence = Chunk.appendAll(sp.evidence, Chunk.unsafeFromArray(held))
    batch.pending[key] = []
  }
}

/** The state to write for the next event: the batch's own, or a copy of one it did not make. */
export const ownState = (batch: Batch, s: State): Copy<State> => {
  if (s === batch.state) return batch.state
  const mine = copyState(s)
  batch.state = mine
  return mine
}

/** A sub-project of a state the batch made, to write in place: the batch's own, or a copy put in its place. */
export const ownSub = (batch: Batch, s: Copy<State>, key: SubProjectKey): Copy<SubProjectState> => {
  const sp = s.subProjects[key]
  const made = batch.subs[key]
  if (sp === made) return made
  const mine = copySub(sp)
  batch.subs[key] = mine
  if (s.subProjects === batch.pair) batch.pair[key] = mine
  else s.subProjects = batch.pair = withSub(s.subProjects, key, mine)
  return mine
}

/** Folds one event of type `K` in place into a state the batch made (see {@link Batch}). */
export type BatchFold<K extends ProjectEvent.Name> = (s: Copy<State>, e: ProjectEvent.Of<K>, batch: Batch) => void
