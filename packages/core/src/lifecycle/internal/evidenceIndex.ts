// The evidence of a sub-project as counters kept by the deliverable folds, so that quota progress and the
// deliverable rules read a few counters instead of scanning every recorded piece of evidence. Each piece of
// evidence adds weights to (family, value) cells; a correction subtracts them again. Cells at zero are dropped,
// so the size of a family is the number of distinct values in force.
import * as HashMap from "effect/HashMap"
import * as Option from "effect/Option"
import type * as Deliverable from "../4-deliverables/Deliverable.js"

/** Counters by family and value (e.g. `park` → `园区3` → 2), and the evidence in force by event id. */
export interface EvidenceIndex {
  readonly families: HashMap.HashMap<string, HashMap.HashMap<string, number>>
  readonly byId: HashMap.HashMap<string, Deliverable.Evidence>
}

export const empty: EvidenceIndex = { families: HashMap.empty(), byId: HashMap.empty() }

type Cell = readonly [family: string, value: string, weight: number]

type Of<K extends Deliverable.Evidence["_tag"]> = Extract<Deliverable.Evidence, { readonly _tag: K }>
type Cells = { readonly [K in Deliverable.Evidence["_tag"]]: (e: Of<K>) => ReadonlyArray<Cell> }

// What one piece of evidence counts towards, besides its kind (exhaustive: a new kind must say).
const cells: Cells = {
  "deployment-meeting": () => [],
  "park-event": (e) => [["park", e.park.trim(), 1]],
  "material-produced": (e) => [["material", e.materialType, 1]],
  "warning-video": (e) => [["industry", e.industry, 1]],
  "summary-video": (e) => [["summary", String(e.durationMinutes), 1]],
  "tv-report": () => [],
  "newspaper-report": (e) => [["newspaper", e.level === "city" ? "city" : "higher", 1]],
  "portal-article": () => [],
  "hazchem-training": (e) => [["trainees", "", e.trainees.reduce((m, g) => m + g.count, 0)]],
  "training-session": (e) => [["sessions", e.track, 1], ["people", e.track, e.participants]],
  "key-enterprise-survey": (e) => [["ke1", e.enterprise, 1]],
  "key-enterprise-training": (e) => [["ke2", e.enterprise, 1]],
  "key-enterprise-followup": (e) => [["ke3", e.enterprise, 1]],
  custom: (e) => [["custom", e.customType, e.count]]
}

const cellsOf = (e: Deliverable.Evidence): ReadonlyArray<Cell> => [
  ["kind", e._tag, 1],
  ...(cells[e._tag] as (e: Deliverable.Evidence) => ReadonlyArray<Cell>)(e)
]

const bump = (index: EvidenceIndex, cells: ReadonlyArray<Cell>, sign: 1 | -1): EvidenceIndex["families"] => {
  let families = index.families
  for (const [family, value, weight] of cells) {
    const inner = Option.getOrElse(HashMap.get(families, family), () => HashMap.empty<string, number>())
    const next = Option.getOrElse(HashMap.get(inner, value), () => 0) + sign * weight
    families = HashMap.set(
      families,
      family,
      next === 0 ? HashMap.remove(inner, value) : HashMap.set(inner, value, next)
    )
  }
  return families
}

/** The index with one more piece of evidence in force. */
export const add = (index: EvidenceIndex, eventId: string, e: Deliverable.Evidence): EvidenceIndex => ({
  families: bump(index, cellsOf(e), 1),
  byId: HashMap.set(index.byId, eventId, e)
})

/** The index without the evidence of `eventId` (unchanged when it is not in force here). */
export const remove = (index: EvidenceIndex, eventId: string): EvidenceIndex => {
  const e = HashMap.get(index.byId, eventId)
  if (Option.isNone(e)) return index
  return { families: bump(index, cellsOf(e.value), -1), byId: HashMap.remove(index.byId, eventId) }
}

/** The evidence in force recorded by `eventId`, if any. */
export const get = (index: EvidenceIndex, eventId: string): Deliverable.Evidence | undefined =>
  Option.getOrUndefined(HashMap.get(index.byId, eventId))

const family = (index: EvidenceIndex, name: string): HashMap.HashMap<string, number> =>
  Option.getOrElse(HashMap.get(index.families, name), () => HashMap.empty<string, number>())

/** The total weight of one cell. */
export const count = (index: EvidenceIndex, name: string, value: string): number =>
  Option.getOrElse(HashMap.get(family(index, name), value), () => 0)

/** How many distinct values of a family are in force. */
export const distinct = (index: EvidenceIndex, name: string): number => HashMap.size(family(index, name))

/** The values of a family in force, with their weights. */
export const entries = (index: EvidenceIndex, name: string): Iterable<readonly [string, number]> => family(index, name)

/** The key-enterprise steps done per enterprise. */
export const keyEnterpriseSteps = (index: EvidenceIndex): ReadonlyMap<string, ReadonlySet<number>> => {
  const steps = new Map<string, Set<number>>()
  for (const [step, name] of [[1, "ke1"], [2, "ke2"], [3, "ke3"]] as const) {
    for (const [enterprise] of family(index, name)) {
      const set = steps.get(enterprise) ?? new Set<number>()
      set.add(step)
      steps.set(enterprise, set)
    }
  }
  return steps
}

/** How many enterprises have done all three key-enterprise steps. */
export const completedKeyEnterprises = (index: EvidenceIndex): number => {
  let n = 0
  for (const [enterprise] of family(index, "ke3")) {
    if (count(index, "ke1", enterprise) > 0 && count(index, "ke2", enterprise) > 0) n++
  }
  return n
}
