/**
 * What the projection from events to releases knows: the settings, the processes of a project, and the facts
 * earlier events left for later releases.
 *
 * @internal
 */
import type { Money, Parameter, ProjectEvent } from "@gsyf/core"

/** @internal */
export type Event = ProjectEvent.Event

/** @internal */
export type Tag = Event["_tag"]

/** @internal The event of one type. */
export type Of<T extends Tag> = Extract<Event, { _tag: T }>

/** @internal */
export type SubProject = "hazchem" | "keyAreas"

/** @internal The project's own (planning) process or a sub-project's contracting process. */
export type Process = "project" | SubProject

/** @internal */
export const subProjects: ReadonlyArray<SubProject> = ["hazchem", "keyAreas"]

/** @internal The sub-projects as the plan names them (实施方案 五(四)). */
export const subProjectTitles: Readonly<Record<SubProject, string>> = {
  hazchem: "危险化学品企业工伤预防能力提升培训项目",
  keyAreas: "其他重点领域工伤预防培训宣传项目"
}

/** @internal */
export interface MethodMapping {
  readonly method: "open" | "selective" | "limited" | "direct"
  readonly details: string
  readonly rationale?: string | undefined
}

/** @internal */
export interface Settings {
  readonly projectId: string
  readonly ocidPrefix: string
  readonly parameters: Parameter.ParameterSet
  readonly methods: Readonly<Record<string, MethodMapping>>
}

/** @internal An organization as releases name it. */
export interface Party {
  readonly id: string
  readonly name: string
}

/** @internal The ocid of each process. */
export type Ocids = Readonly<Record<Process, string>>

/** @internal The ocid of the project's own (planning) process and of each sub-project's contracting process. */
export const ocids = (s: { readonly ocidPrefix: string; readonly projectId: string }): Ocids => {
  const project = `${s.ocidPrefix}-${s.projectId}`
  return { project, hazchem: `${project}-hazchem`, keyAreas: `${project}-keyAreas` }
}

/** @internal A contract as later releases refer to it. */
export interface ContractRef {
  readonly id: string
  readonly awardID: string
  readonly supplier: Party
}

/** @internal Facts earlier events leave for later releases. */
export interface State {
  /** The social insurance agency: the first actor with the agency role. */
  agency: Party | undefined
  readonly budgets: Map<SubProject, Money.Money>
  readonly bids: Map<SubProject, Array<Of<"BidSubmitted">>>
  readonly procurement: Map<SubProject, Of<"ProcurementStarted">>
  readonly award: Map<SubProject, { readonly id: string; readonly supplier: Party }>
  /** Procurement rounds terminated so far, by sub-project (a new round publishes a new tender id). */
  readonly rounds: Map<SubProject, number>
  readonly contract: Map<SubProject, ContractRef>
  /** Deliverable and correction event ids: their sub-project and the milestone that shows them. */
  readonly evidence: Map<string, { readonly sub: SubProject; readonly milestone: string }>
  /** Failed acceptance evaluations and the releases that published them. */
  readonly failed: Map<SubProject, ReadonlyArray<{ readonly attempt: number; readonly releaseId: string }>>
}

/** @internal */
export const emptyState = (): State => ({
  agency: undefined,
  budgets: new Map(),
  bids: new Map(),
  procurement: new Map(),
  award: new Map(),
  rounds: new Map(),
  contract: new Map(),
  evidence: new Map(),
  failed: new Map()
})

/** @internal A party from an event's actor: the actor's organisation. */
export const actorParty = (e: Event): Party => ({ id: e.actor.id, name: e.actor.organisation })
