/**
 * Pieces several sections' releases share.
 *
 * @internal
 */
import type { LegalBasis, ProjectEvent } from "@gsyf/core"
import type { Json, JsonObject } from "../json.js"
import type { Draft } from "./publish.js"
import type { State, SubProject } from "./state.js"

/** @internal Legal bases as one line of text. */
export const basisText = (b: ReadonlyArray<LegalBasis.LegalBasis>): string =>
  b.map((x) => (x.note === undefined ? x.citation : `${x.citation}(${x.note})`)).join(";")

/**
 * The body of a release about a sub-project's contract: `contracts[0]` with the contract's id and award, and
 * `fields`; `undefined` before the contract is signed.
 *
 * @internal
 */
export const contractBody = (
  state: State,
  sub: SubProject,
  fields: JsonObject,
  extra: JsonObject = {}
): JsonObject | undefined => {
  const c = state.contract.get(sub)
  if (c === undefined) return undefined
  return { ...extra, contracts: [{ id: c.id, awardID: c.awardID, ...fields }] }
}

/** @internal The buyer reference of a sub-project's releases: the agency, once known. */
export const buyer = (state: State, d: Draft): JsonObject =>
  state.agency === undefined ? {} : { buyer: d.ref(state.agency, "buyer") }

/** @internal The agency as procuring entity, once known. */
export const procuringEntity = (state: State, d: Draft): JsonObject =>
  state.agency === undefined ? {} : { procuringEntity: d.ref(state.agency, "procuringEntity") }

/** @internal One quota item's result (with its English title and note as `title_en`, `note_en`). */
export const quotaResults = (items: ReadonlyArray<ProjectEvent.QuotaResult>, assessed: string): Json =>
  items.map((q) => ({
    id: q.itemId,
    title: q.title.zh,
    title_en: q.title.en,
    unit: q.unit,
    required: q.required,
    achieved: q.done,
    met: q.met,
    dateAssessed: assessed,
    ...(q.note === undefined ? {} : { note: q.note.zh, note_en: q.note.en })
  }))
