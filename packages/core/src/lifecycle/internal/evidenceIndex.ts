// The evidence of a sub-project as counters kept by the deliverable folds, so that quota progress and the
// deliverable rules read a few counters instead of scanning every recorded piece of evidence. Each piece of
// evidence adds weights to (family, value) cells; a correction subtracts them again (a cell at zero stays, at
// zero), and each family keeps the number of its distinct values in force. One flat persistent map of cells (one
// walk per cell) keeps the fold cheap: replays fold every recorded deliverable through it.
import type * as Deliverable from "../4-deliverables/Deliverable.js"
import { type Owner, PersistentMap } from "./persistentMap.js"

/** Counters by family and value (`park` + `园区3` → 2), and the number of distinct values per family. */
export interface EvidenceIndex {
  readonly cells: PersistentMap<string, number>
  readonly distinct: { readonly [family: string]: number }
  /**
   * The values seen per iterated family (summary lengths, key-enterprise steps), first seen first (some may be at zero
   * now).
   */
  readonly values: { readonly [family: string]: ReadonlyArray<string> }
}

export const empty: EvidenceIndex = { cells: PersistentMap.empty(), distinct: {}, values: {} }

/** What a piece of evidence adds to one counter. */
export type Cell = readonly [family: string, value: string, weight: number]

type Of<K extends Deliverable.Evidence["_tag"]> = Extract<Deliverable.Evidence, { readonly _tag: K }>
type Cells = { readonly [K in Deliverable.Evidence["_tag"]]: (e: Of<K>) => ReadonlyArray<Cell> }

// What one piece of evidence counts towards, besides its kind (exhaustive: a new kind must say).
const cells: Cells = {
  "deployment-meeting": () => [],
  "park-event": (e) => [["park", e.park.trim(), 1]],
  "material-produced": (e) => [["material", e.materialType, 1]],
  "warning-video": (e) => [["industry", e.industry, 1]],
  "summary-video": (e) => [["summary", String(e.durationMinutes), 1]],
  // a county station's report is kept apart from the 市级电视台 count (no level: a city station, as before 0.2.0)
  "tv-report": (e) => [["tv", e.level === "county" ? "county" : "city-or-higher", 1]],
  "newspaper-report": (e) => [["newspaper", e.level === "city" ? "city" : "higher", 1]],
  "portal-article": () => [],
  "hazchem-training": (e) => [["trainees", "", e.trainees.reduce((m, g) => m + g.count, 0)]],
  "training-session": (e) => [["sessions", e.track, 1], ["people", e.track, e.participants]],
  "key-enterprise-survey": (e) => [["ke1", e.enterprise, 1]],
  "key-enterprise-training": (e) => [["ke2", e.enterprise, 1]],
  "key-enterprise-followup": (e) => [["ke3", e.enterprise, 1]],
  custom: (e) => [["custom", e.customType, e.count]]
}

/** The counters one piece of evidence adds to. */
export const cellsOf = (e: Deliverable.Evidence): ReadonlyArray<Cell> => [
  ["kind", e._tag, 1],
  ...(cells[e._tag] as (e: Deliverable.Evidence) => ReadonlyArray<Cell>)(e)
]

// The families whose values are listed (small: lengths of summary videos, enterprises on the committee's list).
const iterated = new Set(["summary", "ke1", "ke2", "ke3"])

// The keys made so far, per family and value: a cell's key is looked up, not concatenated and hashed anew per piece
// of evidence (a replay bumps a few cells per deliverable, nearly always the same ones). Bounded per family.
const keys = new Map<string, Map<string, string>>()
const keysPerFamily = 4096
const keyOf = (family: string, value: string): string => {
  let byValue = keys.get(family)
  if (byValue === undefined) keys.set(family, byValue = new Map())
  let key = byValue.get(value)
  if (key === undefined) {
    key = `${family}\u0001${value}`
    if (byValue.size < keysPerFamily) byValue.set(value, key)
  }
  return key
}

/** The index with one cell moved by `delta` (its cells written in place when `owner` made them). */
const bumpCell = (
  index: EvidenceIndex,
  family: string,
  value: string,
  delta: number,
  owner: Owner | undefined
): EvidenceIndex => {
  const key = keyOf(family, value)
  const before = index.cells.get(key) ?? 0
  const after = before + delta
  const cells = index.cells.setBy(owner, key, after)
  if (before === 0 && after !== 0) {
    const seen = iterated.has(family) ? index.values[family] ?? [] : undefined
    return {
      cells,
      distinct: { ...index.distinct, [family]: (index.distinct[family] ?? 0) + 1 },
      values: seen === undefined || seen.includes(value)
        ? index.values
        : { ...index.values, [family]: [...seen, value] }
    }
  }
  if (before !== 0 && after === 0) {
    return { cells, distinct: { ...index.distinct, [family]: (index.distinct[family] ?? 0) - 1 }, values: index.values }
  }
  return cells === index.cells ? index : { cells, distinct: index.distinct, values: index.values }
}

const bump = (
  index: EvidenceIndex,
  e: Deliverable.Evidence,
  sign: 1 | -1,
  owner: Owner | undefined
): EvidenceIndex => {
  let next = bumpCell(index, "kind", e._tag, sign, owner)
  for (const [family, value, weight] of (cells[e._tag] as (e: Deliverable.Evidence) => ReadonlyArray<Cell>)(e)) {
    next = bumpCell(next, family, value, sign * weight, owner)
  }
  return next
}

/**
 * The counters as plain JSON (the `gsyf.quota-progress` read model's documents keep them): cells by key
 * (`family` U+0001 `value`), distinct values per family, the values seen per iterated family.
 */
export interface Plain {
  readonly cells: { readonly [key: string]: number }
  readonly distinct: { readonly [family: string]: number }
  readonly values: { readonly [family: string]: ReadonlyArray<string> }
}

export const emptyPlain: Plain = { cells: {}, distinct: {}, values: {} }

/** The plain counters with the cells of one piece of evidence added (`1`) or taken away (`-1`), as `add`/`remove`. */
export const bumpPlain = (index: Plain, cells: ReadonlyArray<Cell>, sign: 1 | -1): Plain => {
  const counts = { ...index.cells }
  const distinct = { ...index.distinct }
  const values = { ...index.values }
  for (const [family, value, weight] of cells) {
    const key = keyOf(family, value)
    const before = Object.hasOwn(counts, key) ? counts[key]! : 0
    const after = before + sign * weight
    if (after === 0) delete counts[key]
    else counts[key] = after
    if (before === 0 && after !== 0) {
      distinct[family] = (distinct[family] ?? 0) + 1
      const seen = iterated.has(family) ? values[family] ?? [] : undefined
      if (seen !== undefined && !seen.includes(value)) values[family] = [...seen, value]
    } else if (before !== 0 && after === 0) {
      distinct[family] = (distinct[family] ?? 0) - 1
    }
  }
  return { cells: counts, distinct, values }
}

/** The index the plain counters hold. */
export const fromPlain = (index: Plain): EvidenceIndex => ({
  cells: PersistentMap.from(Object.entries(index.cells)),
  distinct: index.distinct,
  values: index.values
})

/**
 * The index with one more piece of evidence in force (its counters written in place when `owner`, a batch fold,
 * made them: see `PersistentMap.setBy`).
 */
export const add = (index: EvidenceIndex, e: Deliverable.Evidence, owner?: Owner): EvidenceIndex =>
  bump(index, e, 1, owner)

/** The index without one piece of evidence in force (found by the caller among the evidence in force). */
export const remove = (index: EvidenceIndex, e: Deliverable.Evidence, owner?: Owner): EvidenceIndex =>
  bump(index, e, -1, owner)

/** The total weight of one cell. */
export const count = (index: EvidenceIndex, family: string, value: string): number =>
  index.cells.get(readKey(family, value)) ?? 0

// The keys of the cells read (quota progress and the deliverable rules read the same few per command), built once:
// a key built per read is a new string to hash each time. Bounded: values come from the evidence.
const readKeys = new Map<string, Map<string, string>>()
let readKeyCount = 0
const readKey = (family: string, value: string): string => {
  let byValue = readKeys.get(family)
  if (byValue === undefined) readKeys.set(family, byValue = new Map())
  let key = byValue.get(value)
  if (key === undefined) {
    if (readKeyCount >= 4096) {
      readKeys.clear()
      readKeys.set(family, byValue = new Map())
      readKeyCount = 0
    }
    key = keyOf(family, value)
    byValue.set(value, key)
    readKeyCount++
  }
  return key
}

/** How many distinct values of a family are in force. */
export const distinct = (index: EvidenceIndex, family: string): number => index.distinct[family] ?? 0

/** The values seen of an iterated family, first seen first (some may be at zero now). */
export const valuesOf = (index: EvidenceIndex, family: string): ReadonlyArray<string> => index.values[family] ?? []

/** The values of a family in force, with their weights. */
export const entries = (index: EvidenceIndex, family: string): ReadonlyArray<readonly [string, number]> =>
  (index.values[family] ?? []).map((v) => [v, count(index, family, v)] as const).filter(([, n]) => n !== 0)

const keFamilies = [[1, "ke1"], [2, "ke2"], [3, "ke3"]] as const

/** The key-enterprise steps done per enterprise. */
export const keyEnterpriseSteps = (index: EvidenceIndex): ReadonlyMap<string, ReadonlySet<number>> => {
  const steps = new Map<string, Set<number>>()
  for (const [step, family] of keFamilies) {
    for (const [enterprise] of entries(index, family)) {
      const set = steps.get(enterprise) ?? new Set<number>()
      set.add(step)
      steps.set(enterprise, set)
    }
  }
  return steps
}

/** The key-enterprise steps one enterprise has done (as {@link keyEnterpriseSteps} holds them), if any. */
export const keyEnterpriseStepsOf = (index: EvidenceIndex, enterprise: string): ReadonlySet<number> | undefined => {
  let steps: Set<number> | undefined
  for (const [step, family] of keFamilies) {
    if (count(index, family, enterprise) !== 0) (steps ??= new Set<number>()).add(step)
  }
  return steps
}

/** How many enterprises have done all three key-enterprise steps. */
export const completedKeyEnterprises = (index: EvidenceIndex): number => {
  let n = 0
  for (const enterprise of index.values["ke3"] ?? []) {
    if (
      count(index, "ke3", enterprise) !== 0 && count(index, "ke1", enterprise) > 0 &&
      count(index, "ke2", enterprise) > 0
    ) n++
  }
  return n
}
