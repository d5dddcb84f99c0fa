/**
 * How a builder publishes a release: it names the stages the release informs, builds the body with
 * references to parties in the roles they play, and the publisher writes the release's id, date, tags and
 * parties.
 *
 * - Tags follow the releaseTag codelist: the first release of a stage in a process gets the stage's tag
 *   (`planning`, `tender`), later ones its update (`planningUpdate`, `tenderUpdate`); a release with an
 *   award or a contract not published before is `award` or `contract`, one that changes published ones
 *   `awardUpdate` or `contractUpdate`.
 *   `implementation` is for a release that adds implementation information (a transaction, milestone,
 *   document or result not published before in the process), `implementationUpdate` for one that only
 *   changes what was published. Amendments and cancellations are named by the builder.
 * - A party carries, in every release, every role it has taken in the process so far: `roles` is replaced
 *   whole when releases are merged, so the compiled release keeps all of them.
 * - A release is dated at its event's instant, or at the date of the process's release before it when the
 *   stream recorded the event after a later-dated one of the same process: within a process, releases are
 *   published (and merged) in stream order. The projection lists all releases in date order.
 *
 * @internal
 */
import { instant } from "../format.js"
import { isObject, type Json, type JsonObject } from "../json.js"
import type { Event, Ocids, Party, Process, Settings, State } from "./state.js"

/** @internal The stages a release informs, and the explicit tags of amendments and cancellations. */
export type Stage =
  | "planning"
  | "tender"
  | "award"
  | "contract"
  | "implementation"
  | "contractTermination"
  | "tenderAmendment"
  | "tenderCancellation"
  | "awardCancellation"
  | "contractAmendment"

/** @internal A release being built. */
export interface Draft {
  /** A reference to a party (`{ id, name }`), which the release's parties list with the role. */
  readonly ref: (party: Party, role: string) => { readonly id: string; readonly name: string }
  /** A party the release involves in a role, without a reference to it. */
  readonly involve: (party: Party, role: string) => void
  /** Publishes the release; returns its id. */
  readonly publish: (stages: ReadonlyArray<Stage>, body: JsonObject) => string
}

/** @internal A release as published. */
export type Release = JsonObject & {
  readonly ocid: string
  readonly id: string
  readonly date: string
  readonly tag: Array<string>
  readonly initiationType: "tender"
}

/** @internal What builders are given. */
export interface Ctx {
  readonly settings: Settings
  readonly ids: Ocids
  readonly state: State
  /** Starts a release of `process` for `event` (its id is `<ocid>-<event id>`). */
  readonly draft: (process: Process, event: Event) => Draft
  /** The id of the latest release of a process, if any. */
  readonly lastRelease: (process: Process) => string | undefined
  /** The id the release of `event` in `process` gets. */
  readonly releaseId: (process: Process, event: Event) => string
}

const implementationLists = [
  "transactions",
  "milestones",
  "documents",
  "quotaResults",
  "performanceTargets",
  "rectifications"
] as const

/** Keys of the implementation entries of a release body: `<contract>/<list>/<id>`. */
const implementationKeys = (body: JsonObject): Array<string> => {
  const contracts = Array.isArray(body.contracts) ? body.contracts : []
  return contracts.flatMap((c: Json) => {
    if (!isObject(c) || !isObject(c.implementation)) return []
    const impl = c.implementation
    return implementationLists.flatMap((list) =>
      (Array.isArray(impl[list]) ? impl[list] : []).flatMap((x: Json) =>
        isObject(x) && x.id !== undefined ? [`${String(c.id)}/${list}/${String(x.id)}`] : []
      )
    )
  })
}

/** The ids of the awards or contracts of a release body. */
const idsOf = (body: JsonObject, list: "awards" | "contracts"): Array<string> => {
  const items = body[list]
  return Array.isArray(items)
    ? items.flatMap((x: Json) => (isObject(x) && x.id !== undefined ? [String(x.id)] : []))
    : []
}

/** Per-process publishing memory. */
interface Memory {
  readonly tags: Set<string>
  /** `awards/<id>` and `contracts/<id>` published. */
  readonly entities: Set<string>
  readonly implementation: Set<string>
  readonly roles: Map<string, Array<string>>
  last: string | undefined
  /** The latest release date of the process (ms and text). */
  latest: readonly [number, string]
}

const stageTag = (memory: Memory, stage: Stage, body: JsonObject): string => {
  switch (stage) {
    case "planning":
    case "tender":
      return memory.tags.has(stage) ? `${stage}Update` : stage
    case "award":
    case "contract": {
      const list = stage === "award" ? "awards" : "contracts"
      const fresh = idsOf(body, list).some((id) => !memory.entities.has(`${list}/${id}`))
      return fresh || !memory.tags.has(stage) ? stage : `${stage}Update`
    }
    case "implementation": {
      const fresh = implementationKeys(body).some((k) => !memory.implementation.has(k))
      return fresh || !memory.tags.has("implementation") ? "implementation" : "implementationUpdate"
    }
    case "contractTermination":
    case "tenderAmendment":
    case "tenderCancellation":
    case "awardCancellation":
    case "contractAmendment":
      return stage
    default: {
      const unknown: never = stage
      return unknown
    }
  }
}

/** The planning process every sub-project's process refers to. */
const planningLink = (ids: Ocids) => [
  {
    id: "planning",
    relationship: ["planning"],
    title: "工伤预防项目年度实施方案与预算",
    scheme: "ocid",
    identifier: ids.project
  }
]

/**
 * A publisher writing into `out`.
 *
 * @internal
 */
export const publisher = (settings: Settings, ids: Ocids, state: State, out: Array<Release>): Ctx => {
  const memories = new Map<Process, Memory>()
  const memory = (p: Process): Memory => {
    const hit = memories.get(p)
    if (hit !== undefined) return hit
    const made: Memory = {
      tags: new Set(),
      entities: new Set(),
      implementation: new Set(),
      roles: new Map(),
      last: undefined,
      latest: [Number.NEGATIVE_INFINITY, ""]
    }
    memories.set(p, made)
    return made
  }
  const releaseId = (process: Process, e: Event) => `${ids[process]}-${e.id}`
  const dated = (m: Memory, e: Event): string => {
    const at = instant(e.at)
    const t = Date.parse(at)
    if (t >= m.latest[0]) m.latest = [t, at]
    return m.latest[1]
  }
  const draft = (process: Process, e: Event): Draft => {
    const m = memory(process)
    const involved = new Map<string, Party>()
    const involve = (party: Party, role: string) => {
      involved.set(party.id, party)
      const roles = m.roles.get(party.id) ?? []
      if (!roles.includes(role)) m.roles.set(party.id, [...roles, role])
    }
    return {
      involve,
      ref: (party, role) => {
        involve(party, role)
        return { id: party.id, name: party.name }
      },
      publish: (stages, body) => {
        const id = releaseId(process, e)
        const tag = [...new Set(stages.map((s) => stageTag(m, s, body)))]
        const parties = [...involved.values()].map((p) => ({ id: p.id, name: p.name, roles: [...m.roles.get(p.id)!] }))
        out.push({
          ocid: ids[process],
          id,
          date: dated(m, e),
          tag,
          initiationType: "tender",
          language: "zh",
          ...(process === "project" ? {} : { relatedProcesses: planningLink(ids) }),
          ...(parties.length === 0 ? {} : { parties }),
          ...body
        })
        for (const t of tag) m.tags.add(t)
        for (const k of implementationKeys(body)) m.implementation.add(k)
        for (const list of ["awards", "contracts"] as const) {
          for (const id of idsOf(body, list)) m.entities.add(`${list}/${id}`)
        }
        m.last = id
        return id
      }
    }
  }
  return { settings, ids, state, draft, releaseId, lastRelease: (p) => memory(p).last }
}
