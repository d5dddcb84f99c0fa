/**
 * The state of a project as the decider sees it, its status, and the one fold of events into it ({@link evolve}),
 * assembled from the folds of the sections (`lifecycle/3.1-key-areas/evolve.ts` …): the compiler names every
 * event a section must fold.
 *
 * @since 0.2.0
 */
import * as Chunk from "effect/Chunk"
import type { MemberUnit } from "../kernel/Actor.js"
import type * as IsoDate from "../kernel/IsoDate.js"
import type * as Money from "../kernel/Money.js"
import * as keyAreas from "./3.1-key-areas/evolve.js"
import * as plan from "./3.2-plan/evolve.js"
import * as budget from "./3.3-budget/evolve.js"
import * as publicity from "./3.4-publicity/evolve.js"
import * as procurement from "./3.5-procurement/evolve.js"
import type * as Procurement from "./3.5-procurement/Procurement.js"
import * as contract from "./3.6-contract/evolve.js"
import type * as Payment from "./3.6-contract/Payment.js"
import * as implementation from "./3.7-implementation/evolve.js"
import * as supervision from "./3.8-supervision/evolve.js"
import * as acceptance from "./3.9-acceptance/evolve.js"
import type * as PerformanceTarget from "./3.9-acceptance/PerformanceTarget.js"
import type * as Deliverable from "./4-deliverables/Deliverable.js"
import * as deliverables from "./4-deliverables/evolve.js"
import type * as Decider from "./Decider.js"
import type { DeadlineStep, OpenDeadlines } from "./internal/deadlines.js"
import * as EvidenceIndex from "./internal/evidenceIndex.js"
import { addTo, PersistentSet } from "./internal/persistentMap.js"
import type { SubProject } from "./internal/schemas.js"
import {
  type Batch,
  type BatchFold,
  copyState,
  type FactFold,
  flush,
  type Fold,
  ownState,
  startBatch
} from "./internal/state.js"
import type { PanelMember } from "./ProjectCommand.js"
import type { Event, QuotaResult, RankedBid } from "./ProjectEvent.js"

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * The sub-projects of the plan.
 *
 * @since 0.1.0
 * @category models
 */
export type SubProjectKey = typeof SubProject.Type

/**
 * The sub-project keys in plan order.
 *
 * @since 0.1.0
 * @category constants
 */
export const subProjectKeys: ReadonlyArray<SubProjectKey> = ["hazchem", "keyAreas"]

/**
 * The plan's names of the sub-projects.
 *
 * @since 0.1.0
 * @category constants
 */
export const subProjectNames: Record<SubProjectKey, string> = {
  hazchem: "危险化学品企业工伤预防能力提升培训项目",
  keyAreas: "其他重点领域工伤预防培训宣传项目"
}

/**
 * A recorded piece of evidence still in force (not corrected away).
 *
 * @since 0.1.0
 * @category models
 */
export interface ActiveEvidence {
  readonly eventId: string
  readonly evidence: Deliverable.Evidence
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Objection {
  readonly id: string
  readonly eventId: string
  readonly receivedOn: IsoDate.IsoDate
  readonly objection: string
  readonly response: string | undefined
}

/**
 * The state of a procurement.
 *
 * @since 0.1.0
 * @category models
 */
export interface ProcurementState {
  readonly eventId: string
  readonly method: string
  readonly startedOn: IsoDate.IsoDate
  readonly documentsIssuedOn: IsoDate.IsoDate
  readonly responseDeadline: IsoDate.IsoDate
  readonly criteria: ReadonlyArray<Procurement.Criterion>
  readonly governmentPurchasedService: boolean
  readonly category: "goods" | "services"
  readonly priceWeight: Money.Decimal | undefined
  /** The time of day of the response deadline (China Standard Time), when the documents name one. */
  readonly responseDeadlineTime?: string | undefined
  readonly documentsOnSaleUntil?: IsoDate.IsoDate | undefined
  readonly singleSource?:
    | {
      readonly supplierId: string
      readonly supplierName: string
      readonly publicityStartsOn: IsoDate.IsoDate
      readonly publicityEndsOn: IsoDate.IsoDate
    }
    | undefined
  readonly bids: ReadonlyArray<
    {
      readonly eventId: string
      readonly supplierId: string
      readonly supplierName: string
      readonly quote: Money.Money
      readonly at: string
      /** Why the review rejected the bid, when it did. */
      readonly rejected?: { readonly eventId: string; readonly reason: string; readonly note: string } | undefined
    }
  >
  readonly panel: { readonly eventId: string; readonly members: ReadonlyArray<typeof PanelMember.Type> } | undefined
  readonly scores: ReadonlyArray<
    {
      readonly eventId: string
      readonly memberId: string
      readonly on: IsoDate.IsoDate
      readonly scores: ReadonlyArray<
        { readonly supplierId: string; readonly criterionId: string; readonly points: Money.Decimal }
      >
    }
  >
  /** The round of the sub-project's procurement: 1, then one more after each termination. */
  readonly round: number
  /** The award event that closed the procurement to responses and scores, once awarded. */
  readonly closedBy: string | undefined
  /** The evaluation's ranking, kept for an award passed to the next-ranked candidate. */
  readonly ranking: ReadonlyArray<RankedBid>
  /** Suppliers who declined an award of this round. */
  readonly declined: ReadonlyArray<string>
  readonly challenges: ReadonlyArray<Challenge>
}

/**
 * A supplier's challenge (质疑) and its answer.
 *
 * @since 0.2.0
 * @category models
 */
export interface Challenge {
  readonly id: string
  readonly eventId: string
  readonly supplierId: string
  readonly supplierName: string
  readonly receivedOn: IsoDate.IsoDate
  readonly answerBy: IsoDate.IsoDate
  readonly suspendsSigning: boolean
  readonly answer:
    | { readonly eventId: string; readonly upheld: boolean; readonly answeredOn: IsoDate.IsoDate }
    | undefined
}

/**
 * A terminated procurement round, kept with why it ended and its notice.
 *
 * @since 0.2.0
 * @category models
 */
export interface TerminatedRound {
  readonly procurement: ProcurementState
  readonly eventId: string
  readonly reason: string
  readonly note: string
  readonly noticePublishedOn: IsoDate.IsoDate
}

/**
 * The state of one sub-project.
 *
 * @since 0.1.0
 * @category models
 */
export interface SubProjectState {
  readonly key: SubProjectKey
  readonly publicity:
    | {
      readonly eventId: string
      readonly startsOn: IsoDate.IsoDate
      readonly endsOn: IsoDate.IsoDate
      readonly objections: ReadonlyArray<Objection>
    }
    | undefined
  /** The procurement intention (采购意向) published before the procurement (财库〔2020〕10号). */
  readonly intention?:
    | {
      readonly eventId: string
      readonly publishedOn: IsoDate.IsoDate
      readonly earliestStart: IsoDate.IsoDate
    }
    | undefined
  readonly procurement: ProcurementState | undefined
  /** Earlier procurement rounds, terminated (the audit trail keeps their events too). */
  readonly rounds: ReadonlyArray<TerminatedRound>
  readonly award:
    | {
      readonly eventId: string
      readonly supplierId: string
      readonly supplierName: string
      readonly value: Money.Money
      readonly awardedOn: IsoDate.IsoDate
      readonly signBy: IsoDate.IsoDate
      readonly ranking: ReadonlyArray<RankedBid>
      /** The last day to publish the result notice (absent for awards recorded before 0.2.0). */
      readonly resultNoticeBy?: IsoDate.IsoDate | undefined
      /** The result notice, once published: the challenge period counts from it. */
      readonly resultNotice?: { readonly eventId: string; readonly publishedOn: IsoDate.IsoDate } | undefined
    }
    | undefined
  readonly contract:
    | {
      readonly eventId: string
      readonly contractId: string
      readonly supplierId: string
      readonly supplierName: string
      readonly amount: Money.Money
      readonly payee: Payment.Payee
      readonly signedOn: IsoDate.IsoDate
      readonly periodEnd: IsoDate.IsoDate
      readonly advance: Money.Money
      readonly balance: Money.Money
      /** The amount signed, before any supplementary contract (`amount` includes them). */
      readonly originalAmount?: Money.Money | undefined
      readonly supplements?: ReadonlyArray<{ readonly supplementId: string; readonly amount: Money.Money }> | undefined
      readonly terminated?:
        | { readonly on: IsoDate.IsoDate; readonly owed: Money.Money; readonly eventId: string }
        | undefined
      readonly sme?: boolean | undefined
      readonly lateInterestRate?: Money.Decimal | undefined
      /** The payment term the contract agrees, in days from the acceptance. */
      readonly paymentTermDays?: number | undefined
      /** The performance targets the contract agrees for its sub-project. */
      readonly performanceTargets?: ReadonlyArray<PerformanceTarget.Agreed> | undefined
      readonly publishBy?: IsoDate.IsoDate | undefined
      readonly fileBy?: IsoDate.IsoDate | undefined
      readonly publishedOn?: IsoDate.IsoDate | undefined
      readonly filedOn?: IsoDate.IsoDate | undefined
    }
    | undefined
  readonly payments: ReadonlyArray<
    {
      readonly eventId: string
      readonly kind: Payment.Kind
      readonly amount: Money.Money
      readonly paidOn: IsoDate.IsoDate
    }
  >
  readonly implementationPlan:
    | { readonly status: "submitted" | "approved" | "returned"; readonly eventId: string }
    | undefined
  readonly evidence: Chunk.Chunk<ActiveEvidence>
  /**
   * Counters over the evidence in force (kinds, tracks, parks, key-enterprise steps…), kept by the deliverable
   * folds so that quota progress and the deliverable rules cost the same at any length of history.
   */
  readonly evidenceIndex: EvidenceIndex.EvidenceIndex
  readonly briefings: ReadonlyMap<string, IsoDate.IsoDate>
  readonly spotChecks: number
  readonly acceptance: {
    readonly status: "none" | "applied" | "passed" | "failed"
    readonly attempts: number
    readonly appliedEventId: string | undefined
    readonly passedOn: IsoDate.IsoDate | undefined
    readonly passedEventId: string | undefined
    readonly dueDate: IsoDate.IsoDate | undefined
    readonly rectificationDeadline: IsoDate.IsoDate | undefined
    readonly lastItems: ReadonlyArray<QuotaResult>
  }
  readonly filed:
    | { readonly reportNumber: string; readonly filedOn: IsoDate.IsoDate; readonly eventId: string }
    | undefined
}

/**
 * The state of a project.
 *
 * @since 0.1.0
 * @category models
 */
export interface State {
  /** Number of events folded. */
  readonly version: number
  /** The ids of the commands applied (a persistent set: adding one shares the rest). */
  readonly commandIds: ReadonlySet<string>
  readonly keyAreas: { readonly eventId: string; readonly selected: ReadonlyArray<string> } | undefined
  readonly opinions: ReadonlyMap<MemberUnit, { readonly agrees: boolean; readonly eventId: string }>
  readonly plan:
    | { readonly documentNumber: string; readonly issuedOn: IsoDate.IsoDate; readonly eventId: string }
    | undefined
  readonly keyEnterpriseList: ReadonlyArray<string> | undefined
  readonly budget: {
    readonly status: "none" | "submitted" | "approved" | "returned"
    readonly eventId: string | undefined
  }
  readonly designs: ReadonlyMap<
    string,
    { readonly materialType: string; readonly status: "submitted" | "approved" | "returned" }
  >
  readonly subProjects: { readonly [K in SubProjectKey]: SubProjectState }
  /** Event ids of every event, by id, to find corrections' targets. */
  readonly evidenceOwner: ReadonlyMap<string, SubProjectKey>
  /** What the status is derived from (see {@link status}). */
  readonly facts: StatusFacts
}

/**
 * What the status of a project is derived from: a handful of facts that the state keeps (`State.facts`) and
 * that a read model can keep without the whole state (see {@link foldFacts}).
 *
 * @since 0.2.0
 * @category models
 */
export interface StatusFacts {
  readonly keyAreas: boolean
  readonly plan: boolean
  readonly budget: "none" | "submitted" | "approved" | "returned"
  readonly subProjects: {
    readonly [K in SubProjectKey]: {
      readonly publicity: boolean
      readonly contract: boolean
      readonly acceptance: "none" | "applied" | "passed" | "failed"
      readonly filed: boolean
    }
  }
}

const noSubFacts: StatusFacts["subProjects"][SubProjectKey] = {
  publicity: false,
  contract: false,
  acceptance: "none",
  filed: false
}

/**
 * The facts of a project before any event.
 *
 * @since 0.2.0
 * @category constants
 */
export const initialFacts: StatusFacts = {
  keyAreas: false,
  plan: false,
  budget: "none",
  subProjects: { hazchem: noSubFacts, keyAreas: noSubFacts }
}

// Exhaustive: a new event type does not compile until its section says whether it changes the status.
const factFolds: { readonly [K in Event["_tag"]]: FactFold<K> } = {
  ...keyAreas.facts,
  ...plan.facts,
  ...budget.facts,
  ...publicity.facts,
  ...procurement.facts,
  ...contract.facts,
  ...implementation.facts,
  ...supervision.facts,
  ...acceptance.facts,
  ...deliverables.facts
}

/**
 * Folds one event into the status facts (what {@link evolve} does to `State.facts`, and what the
 * `gsyf.projects` read model keeps).
 *
 * @since 0.2.0
 * @category evolve
 */
export const foldFacts = (f: StatusFacts, e: Event): StatusFacts => (factFolds[e._tag] as FactFold<Event["_tag"]>)(f, e)

// Exhaustive: a new event type does not compile until its section says which deadlines it opens or closes.
const deadlineSteps: { readonly [K in Event["_tag"]]: DeadlineStep<K> } = {
  ...keyAreas.deadlines,
  ...plan.deadlines,
  ...budget.deadlines,
  ...publicity.deadlines,
  ...procurement.deadlines,
  ...contract.deadlines,
  ...implementation.deadlines,
  ...supervision.deadlines,
  ...acceptance.deadlines,
  ...deliverables.deadlines
}

/**
 * Opens and closes, in place, the deadlines an event sets (what the `gsyf.projects` read model keeps, by name:
 * `publicity:hazchem`, `sign:keyAreas`, `period:…`, `rectification:…`, `balance:…`).
 *
 * @since 0.2.0
 * @category evolve
 */
export const foldDeadlines = (deadlines: OpenDeadlines, e: Event): void =>
  (deadlineSteps[e._tag] as DeadlineStep<Event["_tag"]>)(deadlines, e)

const emptySubProject = (key: SubProjectKey): SubProjectState => ({
  key,
  publicity: undefined,
  procurement: undefined,
  rounds: [],
  award: undefined,
  contract: undefined,
  payments: [],
  implementationPlan: undefined,
  evidence: Chunk.empty(),
  evidenceIndex: EvidenceIndex.empty,
  briefings: new Map(),
  spotChecks: 0,
  acceptance: {
    status: "none",
    attempts: 0,
    appliedEventId: undefined,
    passedOn: undefined,
    passedEventId: undefined,
    dueDate: undefined,
    rectificationDeadline: undefined,
    lastItems: []
  },
  filed: undefined
})

/**
 * The version of the fold: bump it whenever {@link evolve} or the shape of {@link State} changes, so that
 * snapshots of states folded by the code before are ignored and written again (see `Snapshot`).
 *
 * @since 0.2.0
 * @category constants
 */
export const stateVersion = 5

/**
 * The state before any event.
 *
 * @since 0.1.0
 * @category constants
 */
export const initialState: State = {
  version: 0,
  commandIds: PersistentSet.empty(),
  keyAreas: undefined,
  opinions: new Map(),
  plan: undefined,
  keyEnterpriseList: undefined,
  budget: { status: "none", eventId: undefined },
  designs: new Map(),
  subProjects: { hazchem: emptySubProject("hazchem"), keyAreas: emptySubProject("keyAreas") },
  evidenceOwner: new Map(),
  facts: initialFacts
}

/**
 * Where a project stands, derived from its state.
 *
 * @since 0.1.0
 * @category models
 */
export type Status =
  | "new"
  | "key-areas-selected"
  | "plan-issued"
  | "budget-submitted"
  | "budget-approved"
  | "procurement"
  | "implementation"
  | "acceptance"
  | "accepted"
  | "filed"

/**
 * The status the facts mean: the one derivation of a project's status.
 *
 * @since 0.2.0
 * @category getters
 */
export const statusOf = (f: StatusFacts): Status => {
  const subs = subProjectKeys.map((k) => f.subProjects[k])
  if (subs.every((p) => p.filed)) return "filed"
  if (subs.every((p) => p.acceptance === "passed")) return "accepted"
  if (subs.some((p) => p.acceptance !== "none")) return "acceptance"
  if (subs.some((p) => p.contract)) return "implementation"
  if (subs.some((p) => p.publicity)) return "procurement"
  if (f.budget === "approved") return "budget-approved"
  if (f.budget === "submitted") return "budget-submitted"
  if (f.plan) return "plan-issued"
  if (f.keyAreas) return "key-areas-selected"
  return "new"
}

/**
 * The status of a project.
 *
 * @since 0.1.0
 * @category getters
 */
export const status = (s: State): Status => statusOf(s.facts)

/**
 * The evidence in force for a sub-project (or both).
 *
 * @since 0.1.0
 * @category getters
 */
export const evidenceOf = (s: State, key?: SubProjectKey): ReadonlyArray<Deliverable.Evidence> =>
  (key === undefined ? subProjectKeys : [key]).flatMap((k) =>
    Chunk.toReadonlyArray(s.subProjects[k].evidence).map((e) => e.evidence)
  )

// Exhaustive: a new event type does not compile until a section folds it.
const folds: { readonly [K in Event["_tag"]]: Fold<K> } = {
  ...keyAreas.folds,
  ...plan.folds,
  ...budget.folds,
  ...publicity.folds,
  ...procurement.folds,
  ...contract.folds,
  ...implementation.folds,
  ...supervision.folds,
  ...acceptance.folds,
  ...deliverables.folds
}

/**
 * Folds one event into the state.
 *
 * @since 0.1.0
 * @category evolve
 */
export const evolve = (state: State, e: Event): State => {
  const folded = (folds[e._tag] as Fold<Event["_tag"]>)(state, e)
  // A fold that changed the state gave a new object that nothing else holds yet: completed in place, it saves
  // copying the state a second time per event. (The folds read neither the version, the command ids nor the facts.)
  const next: Mutable<State> = folded === state ? copyState(state) : folded
  next.version = state.version + 1
  next.commandIds = addTo(state.commandIds, e.commandId)
  next.facts = foldFacts(state.facts, e)
  return next
}

// The folds a batch runs in place (the others it runs as `evolve` does).
const batchFolds: { readonly [K in Event["_tag"]]?: BatchFold<K> } = deliverables.batchFolds

/**
 * Folds events into the state, in order: the state {@link evolve} gives folding them one by one, without the
 * copies of the state, its maps and its sub-projects that each intermediate state would need (what the batch made
 * itself it writes in place for the next event; see `internal/state.ts`). `state` and every state before it stay
 * as they were. What replays, snapshot restores and read-side folds use.
 *
 * @since 0.2.0
 * @category evolve
 */
export const evolveAll = (state: State, events: Iterable<Event>): State => {
  const batch = startBatch()
  const s = foldInto(batch, state, events)
  flush(batch)
  return s
}

/** The events folded into `state` by a batch that may go on after them (see {@link evolveAll}). */
const foldInto = (batch: Batch, state: State, events: Iterable<Event>): State => {
  let s = state
  for (const e of events) {
    const version = s.version + 1
    const facts = foldFacts(s.facts, e)
    const inPlace = batchFolds[e._tag] as BatchFold<Event["_tag"]> | undefined
    let next: Mutable<State>
    if (inPlace !== undefined) {
      next = ownState(batch, s)
      inPlace(next, e, batch)
    } else {
      flush(batch)
      const folded = (folds[e._tag] as Fold<Event["_tag"]>)(s, e)
      next = folded === s ? ownState(batch, s) : (batch.state = folded as ReturnType<typeof copyState>)
    }
    next.version = version
    next.commandIds = addTo(next.commandIds, e.commandId, batch.owner)
    next.facts = facts
    s = next
  }
  return s
}

/**
 * A fold of events that arrive in pieces (a replay reading a long stream a piece at a time), as one batch of
 * {@link evolveAll}: `add` folds a piece, `state` ends the batch and gives the state. The states between pieces are
 * never handed out, so the batch may keep writing in place what it made across pieces; after `state`, a further
 * `add` starts a new batch from the state given.
 *
 * @since 0.2.0
 * @category evolve
 */
export const evolvePieces = (state: State): Decider.Pieces<Event, State> => {
  let batch: Batch | undefined = undefined
  let s = state
  return {
    add: (events) => {
      s = foldInto(batch ??= startBatch(), s, events)
    },
    state: () => {
      if (batch !== undefined) flush(batch)
      batch = undefined
      return s
    }
  }
}
