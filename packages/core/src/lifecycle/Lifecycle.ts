/**
 * The lifecycle of a project — one city, one year, its two sub-projects — as a decider (named `Project` before
 * 0.2, which remains as a deprecated alias):
 * `decide(command, state)` answers with events or a typed rejection,
 * `evolve(state, event)` folds them. The whole of 实施方案 三 to 七 runs
 * through it: key areas, the plan and its opinions, budget approval,
 * requirement publicity, procurement, contract and payments, implementation,
 * supervision, deliverables, acceptance with rectification, filing.
 *
 * Every guard is a rule with an id; a rejected command changes nothing.
 *
 * @since 0.1.0
 */
import * as Chunk from "effect/Chunk"
import * as Either from "effect/Either"
import * as HashSet from "effect/HashSet"
import * as Schema from "effect/Schema"
import { type MemberUnit, MemberUnit as MemberUnitSchema } from "../kernel/Actor.js"
import type * as Calendar from "../kernel/Calendar.js"
import * as Industry from "../kernel/Industry.js"
import { decodeEither, InputIssue, InvalidInput } from "../kernel/InputError.js"
import * as IsoDate from "../kernel/IsoDate.js"
import { LegalBasis, national, plan, texts } from "../kernel/LegalBasis.js"
import * as Money from "../kernel/Money.js"
import * as Parameter from "../rules/Parameter.js"
import { Finding, findings as findingsFor, type Rule } from "../rules/Rule.js"
import * as RuleSet from "../rules/RuleSet.js"
import * as Acceptance from "./Acceptance.js"
import type { AcceptanceInput } from "./Acceptance.js"
import type { Decider } from "./Decider.js"
import * as Deliverable from "./Deliverable.js"
import type { DeliverableInput } from "./DeliverableRules.js"
import { setIn } from "./internal/persistentMap.js"
import * as KeyAreas from "./KeyAreas.js"
import type { PaymentInput } from "./Payment.js"
import * as Payment from "./Payment.js"
import type { PlanInput } from "./PlanRules.js"
import type { ConsultationInput, PanelReviewInput } from "./Procurement.js"
import * as Procurement from "./Procurement.js"
import { allowedRoles, type Command, Command as CommandSchema, type PanelMember } from "./ProjectCommand.js"
import type { Evaluation, Event, QuotaResult, RankedBid } from "./ProjectEvent.js"
import * as Quota from "./Quota.js"
import * as Supervision from "./Supervision.js"

// ── Configuration ─────────────────────────────────────────────────────────

/**
 * The stages at which rules run, with the input each stage's rules receive.
 *
 * @since 0.1.0
 * @category models
 */
export interface StageInputs {
  /** The plan as a whole: evaluated when the plan is issued and the budget submitted. */
  readonly plan: PlanInput
  readonly consultation: ConsultationInput
  readonly panelReview: PanelReviewInput
  readonly payment: PaymentInput
  readonly deliverable: DeliverableInput
  readonly acceptanceGuard: AcceptanceInput
  readonly acceptanceVerdict: AcceptanceInput
}

/**
 * @since 0.1.0
 * @category models
 */
export type Stage = keyof StageInputs

/**
 * The rules of every stage.
 *
 * @since 0.1.0
 * @category models
 */
export type StageRules = { readonly [S in Stage]: ReadonlyArray<Rule<StageInputs[S]>> }

/**
 * A committed event as a subscriber sees it.
 *
 * @since 0.1.0
 * @category models
 */
export interface CommittedEvent {
  readonly streamId: string
  readonly position: number
  readonly type: string
  readonly data: unknown
}

/**
 * A plugin's manifest: who it is and what it adds and overrides (computed from
 * its contents by `Plugin.make`, so it cannot disagree with them).
 *
 * @since 0.1.0
 * @category models
 */
export interface Manifest {
  readonly name: string
  readonly version: string
  readonly description: string
  readonly adds: ReadonlyArray<string>
  readonly overrides: ReadonlyArray<string>
}

/**
 * An applied override, for the rule reference and explanations.
 *
 * @since 0.1.0
 * @category models
 */
export interface AppliedOverride {
  readonly stage: Stage
  readonly ruleId: string
  readonly by: string
  readonly priority: number | undefined
  readonly shadowed: ReadonlyArray<string>
}

/**
 * Everything a project runs with: parameters (with plugin values applied),
 * the calendar, the rules of each stage, the quota items, the known
 * deliverable types and procurement methods, and the subscribers.
 *
 * @since 0.1.0
 * @category models
 */
export interface Config {
  readonly parameters: Parameter.ParameterSet
  readonly calendar: Calendar.Service
  readonly rules: StageRules
  readonly quotaItems: ReadonlyArray<Quota.Item>
  readonly deliverableTypes: ReadonlySet<string>
  readonly procurementMethods: ReadonlySet<string>
  readonly plugins: ReadonlyArray<Manifest>
  readonly overrides: ReadonlyArray<AppliedOverride>
  /** The `onEvent` hooks of the plugins, in load order. */
  readonly subscribers: ReadonlyArray<(event: CommittedEvent) => void>
}

// ── Rejections ─────────────────────────────────────────────────────────────

/**
 * The actor's role may not give this command. Nothing is recorded.
 *
 * @since 0.1.0
 * @category errors
 */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", {
  command: Schema.String,
  role: Schema.String,
  allowed: Schema.Array(Schema.String)
}) {
  /** Rule ids behind the rejection. */
  get ruleIds(): ReadonlyArray<string> {
    return ["roles.allowed"]
  }
  /** Who may not give which command, and who may, in Chinese and English. */
  override get message(): string {
    return `角色 ${this.role} 无权执行 ${this.command}(允许:${
      this.allowed.join("、")
    }) / role ${this.role} may not give ${this.command} (allowed: ${this.allowed.join(", ")})`
  }
}

/**
 * The command comes at the wrong point of the lifecycle.
 *
 * @since 0.1.0
 * @category errors
 */
export class OutOfOrder extends Schema.TaggedError<OutOfOrder>()("OutOfOrder", {
  command: Schema.String,
  ruleId: Schema.String,
  zh: Schema.String,
  en: Schema.String
}) {
  /** Rule ids behind the rejection: the guard that found the step out of order. */
  get ruleIds(): ReadonlyArray<string> {
    return [this.ruleId]
  }
  /** Why the command is out of order, in Chinese and English. */
  override get message(): string {
    return `${this.zh} / ${this.en}`
  }
}

/**
 * One or more rules found errors.
 *
 * @since 0.1.0
 * @category errors
 */
export class RuleViolation extends Schema.TaggedError<RuleViolation>()("RuleViolation", {
  command: Schema.String,
  findings: Schema.Array(Finding)
}) {
  /** Rule ids behind the rejection: every rule with an error finding, once each. */
  get ruleIds(): ReadonlyArray<string> {
    return [...new Set(this.findings.filter((f) => f.severity === "error").map((f) => f.ruleId))]
  }
  /** Each error finding as `[rule id] zh / en`, joined by `; `. */
  override get message(): string {
    return this.findings
      .filter((f) => f.severity === "error")
      .map((f) => `[${f.ruleId}] ${f.zh} / ${f.en}`)
      .join("; ")
  }
}

/**
 * Why a command was rejected.
 *
 * @since 0.1.0
 * @category models
 */
export type Rejection = Unauthorized | OutOfOrder | RuleViolation | InvalidInput

/**
 * The rule ids behind a rejection (`InvalidInput` has none of its own: `input.schema`).
 *
 * @since 0.1.0
 * @category getters
 */
export const ruleIdsOf = (
  r: Rejection
): ReadonlyArray<string> => (r._tag === "InvalidInput" ? ["input.schema"] : r.ruleIds)

// ── State ──────────────────────────────────────────────────────────────────

/**
 * The sub-projects of the plan.
 *
 * @since 0.1.0
 * @category models
 */
export type SubProjectKey = "hazchem" | "keyAreas"

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
  readonly bids: ReadonlyArray<
    {
      readonly eventId: string
      readonly supplierId: string
      readonly supplierName: string
      readonly quote: Money.Money
      readonly at: string
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
  readonly procurement: ProcurementState | undefined
  readonly award:
    | {
      readonly eventId: string
      readonly supplierId: string
      readonly supplierName: string
      readonly value: Money.Money
      readonly awardedOn: IsoDate.IsoDate
      readonly signBy: IsoDate.IsoDate
      readonly ranking: ReadonlyArray<RankedBid>
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
  readonly commandIds: HashSet.HashSet<string>
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
}

const emptySubProject = (key: SubProjectKey): SubProjectState => ({
  key,
  publicity: undefined,
  procurement: undefined,
  award: undefined,
  contract: undefined,
  payments: [],
  implementationPlan: undefined,
  evidence: Chunk.empty(),
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
 * The state before any event.
 *
 * @since 0.1.0
 * @category constants
 */
export const initialState: State = {
  version: 0,
  commandIds: HashSet.empty(),
  keyAreas: undefined,
  opinions: new Map(),
  plan: undefined,
  keyEnterpriseList: undefined,
  budget: { status: "none", eventId: undefined },
  designs: new Map(),
  subProjects: { hazchem: emptySubProject("hazchem"), keyAreas: emptySubProject("keyAreas") },
  evidenceOwner: new Map()
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
 * The status of a project.
 *
 * @since 0.1.0
 * @category getters
 */
export const status = (s: State): Status => {
  const subs = subProjectKeys.map((k) => s.subProjects[k])
  if (subs.every((p) => p.filed !== undefined)) return "filed"
  if (subs.every((p) => p.acceptance.status === "passed")) return "accepted"
  if (subs.some((p) => p.acceptance.status !== "none")) return "acceptance"
  if (subs.some((p) => p.contract !== undefined)) return "implementation"
  if (subs.some((p) => p.publicity !== undefined)) return "procurement"
  if (s.budget.status === "approved") return "budget-approved"
  if (s.budget.status === "submitted") return "budget-submitted"
  if (s.plan !== undefined) return "plan-issued"
  if (s.keyAreas !== undefined) return "key-areas-selected"
  return "new"
}

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

/**
 * Quota progress (done / required per item) at a date.
 *
 * @since 0.1.0
 * @category getters
 */
export const quotaProgress = (
  config: Config,
  s: State,
  at: IsoDate.IsoDate,
  key?: SubProjectKey
): ReadonlyArray<Quota.Progress> => {
  const items = config.quotaItems.filter((i) => key === undefined || i.subProject === key)
  const ctx: Quota.Context = { read: (name) => Parameter.resolve(config.parameters, name, at)?.value }
  return Quota.progress(items, evidenceOf(s, key), ctx)
}

/**
 * Monthly briefing status of a sub-project as of a date (empty before the contract).
 *
 * @since 0.1.0
 * @category getters
 */
export const briefingStatus = (
  config: Config,
  s: State,
  key: SubProjectKey,
  asOf: IsoDate.IsoDate
): ReadonlyArray<Supervision.MonthStatus> => {
  const sp = s.subProjects[key]
  if (sp.contract === undefined) return []
  const dueDay = Parameter.resolve(config.parameters, "supervision.briefingDueDay", asOf)?.value as number | undefined
  if (dueDay === undefined) return []
  return Supervision.status({
    signedOn: sp.contract.signedOn,
    periodEnd: sp.contract.periodEnd,
    dueDay,
    submitted: sp.briefings,
    asOf,
    calendar: config.calendar
  })
}

// ── Evolve ─────────────────────────────────────────────────────────────────

const setSub = (s: State, key: SubProjectKey, f: (sp: SubProjectState) => SubProjectState): State => ({
  ...s,
  subProjects: { ...s.subProjects, [key]: f(s.subProjects[key]) }
})

const setProcurement = (s: State, key: SubProjectKey, f: (p: ProcurementState) => ProcurementState): State =>
  setSub(s, key, (sp) => (sp.procurement === undefined ? sp : { ...sp, procurement: f(sp.procurement) }))

const setObjections = (
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

const setAcceptance = (sp: SubProjectState, patch: Partial<SubProjectState["acceptance"]>): SubProjectState => ({
  ...sp,
  acceptance: { ...sp.acceptance, ...patch }
})

// Persistent: a fold over thousands of events must not copy a map per event.
const mapWith = <K, V>(m: ReadonlyMap<K, V>, k: K, v: V): ReadonlyMap<K, V> => setIn(m, k, v)

/**
 * Folds one event into the state.
 *
 * @since 0.1.0
 * @category evolve
 */
export const evolve = (state: State, e: Event): State => {
  const s: State = { ...state, version: state.version + 1, commandIds: HashSet.add(state.commandIds, e.commandId) }
  switch (e._tag) {
    case "KeyAreasSelected":
      return { ...s, keyAreas: { eventId: e.id, selected: e.selected.map((a) => a.label) } }
    case "MemberOpinionRecorded":
      return { ...s, opinions: mapWith(s.opinions, e.unit, { agrees: e.agrees, eventId: e.id }) }
    case "PlanIssued":
      return { ...s, plan: { documentNumber: e.documentNumber, issuedOn: e.issuedOn, eventId: e.id } }
    case "KeyEnterpriseListProvided":
      return { ...s, keyEnterpriseList: e.enterprises }
    case "BudgetSubmitted":
      return { ...s, budget: { status: "submitted", eventId: e.id } }
    case "BudgetApproved":
      return { ...s, budget: { status: "approved", eventId: e.id } }
    case "BudgetReturned":
      return { ...s, budget: { status: "returned", eventId: e.id } }
    case "PublicityStarted":
      return setSub(
        s,
        e.subProject,
        (sp) => ({ ...sp, publicity: { eventId: e.id, startsOn: e.startsOn, endsOn: e.endsOn, objections: [] } })
      )
    case "ObjectionRecorded":
      return setObjections(s, e.subProject, (os) => [
        ...os,
        { id: e.objectionId, eventId: e.id, receivedOn: e.receivedOn, objection: e.objection, response: undefined }
      ])
    case "ObjectionResolved":
      return setObjections(
        s,
        e.subProject,
        (os) => os.map((o) => (o.id === e.objectionId ? { ...o, response: e.response } : o))
      )
    case "ProcurementStarted":
      return setSub(s, e.subProject, (sp) => ({
        ...sp,
        procurement: {
          eventId: e.id,
          method: e.method,
          startedOn: IsoDate.dateOf(e.at),
          documentsIssuedOn: e.documentsIssuedOn,
          responseDeadline: e.responseDeadline,
          criteria: e.criteria,
          governmentPurchasedService: e.governmentPurchasedService,
          category: e.category,
          priceWeight: e.priceWeight,
          bids: [],
          panel: undefined,
          scores: []
        }
      }))
    case "BidSubmitted":
      return setProcurement(s, e.subProject, (p) => ({
        ...p,
        bids: [...p.bids, {
          eventId: e.id,
          supplierId: e.supplierId,
          supplierName: e.supplierName,
          quote: e.quote,
          at: e.at
        }]
      }))
    case "PanelAppointed":
      return setProcurement(s, e.subProject, (p) => ({ ...p, panel: { eventId: e.id, members: e.members } }))
    case "ScoresSubmitted":
      return setProcurement(s, e.subProject, (p) => ({
        ...p,
        scores: [...p.scores.filter((x) => x.memberId !== e.memberId), {
          eventId: e.id,
          memberId: e.memberId,
          on: IsoDate.dateOf(e.at),
          scores: e.scores
        }]
      }))
    case "Awarded":
      return setSub(s, e.subProject, (sp) => ({
        ...sp,
        award: {
          eventId: e.id,
          supplierId: e.supplierId,
          supplierName: e.supplierName,
          value: e.value,
          awardedOn: e.awardedOn,
          signBy: e.signBy,
          ranking: e.ranking
        }
      }))
    case "ContractSigned":
      return setSub(s, e.subProject, (sp) => ({
        ...sp,
        contract: {
          eventId: e.id,
          contractId: e.contractId,
          supplierId: e.supplierId,
          supplierName: e.supplierName,
          amount: e.amount,
          payee: e.payee,
          signedOn: e.signedOn,
          periodEnd: e.periodEnd,
          advance: e.advance,
          balance: e.balance
        }
      }))
    case "PaymentMade":
      return setSub(
        s,
        e.subProject,
        (sp) => ({
          ...sp,
          payments: [...sp.payments, { eventId: e.id, kind: e.kind, amount: e.amount, paidOn: e.paidOn }]
        })
      )
    case "ImplementationPlanSubmitted":
      return setSub(s, e.subProject, (sp) => ({ ...sp, implementationPlan: { status: "submitted", eventId: e.id } }))
    case "ImplementationPlanApproved":
      return setSub(s, e.subProject, (sp) => ({ ...sp, implementationPlan: { status: "approved", eventId: e.id } }))
    case "ImplementationPlanReturned":
      return setSub(s, e.subProject, (sp) => ({ ...sp, implementationPlan: { status: "returned", eventId: e.id } }))
    case "MaterialDesignSubmitted":
      return { ...s, designs: mapWith(s.designs, e.designId, { materialType: e.materialType, status: "submitted" }) }
    case "MaterialDesignApproved":
    case "MaterialDesignReturned": {
      const d = s.designs.get(e.designId)
      if (d === undefined) return s
      return {
        ...s,
        designs: mapWith(s.designs, e.designId, {
          ...d,
          status: e._tag === "MaterialDesignApproved" ? "approved" : "returned"
        })
      }
    }
    case "DeliverableRecorded":
      return {
        ...setSub(
          s,
          e.subProject,
          (sp) => ({ ...sp, evidence: Chunk.append(sp.evidence, { eventId: e.id, evidence: e.evidence }) })
        ),
        evidenceOwner: mapWith(s.evidenceOwner, e.id, e.subProject)
      }
    case "DeliverableCorrected": {
      const owner = s.evidenceOwner.get(e.corrects)
      if (owner === undefined) return s
      const removed = setSub(
        s,
        owner,
        (sp) => ({ ...sp, evidence: Chunk.filter(sp.evidence, (x) => x.eventId !== e.corrects) })
      )
      if (e.replacement === undefined) return removed
      const target = Deliverable.subProjectOf(e.replacement)
      return {
        ...setSub(
          removed,
          target,
          (sp) => ({ ...sp, evidence: Chunk.append(sp.evidence, { eventId: e.id, evidence: e.replacement! }) })
        ),
        evidenceOwner: mapWith(removed.evidenceOwner, e.id, target)
      }
    }
    case "MonthlyBriefingSubmitted":
      return setSub(s, e.subProject, (sp) => ({ ...sp, briefings: mapWith(sp.briefings, e.month, e.submittedOn) }))
    case "SpotCheckRecorded":
      return setSub(s, e.subProject, (sp) => ({ ...sp, spotChecks: sp.spotChecks + 1 }))
    case "ProgressReported":
      return s
    case "AcceptanceApplied":
      return setSub(
        s,
        e.subProject,
        (sp) => setAcceptance(sp, { status: "applied", attempts: e.attempt, appliedEventId: e.id })
      )
    case "AcceptancePassed":
      return setSub(
        s,
        e.subProject,
        (sp) =>
          setAcceptance(sp, {
            status: "passed",
            passedOn: e.evaluatedOn,
            passedEventId: e.id,
            dueDate: e.dueDate,
            lastItems: e.items,
            rectificationDeadline: undefined
          })
      )
    case "AcceptanceFailed":
      return setSub(
        s,
        e.subProject,
        (sp) =>
          setAcceptance(sp, { status: "failed", rectificationDeadline: e.rectification.deadline, lastItems: e.items })
      )
    case "AcceptanceReportFiled":
      return setSub(
        s,
        e.subProject,
        (sp) => ({ ...sp, filed: { reportNumber: e.reportNumber, filedOn: e.filedOn, eventId: e.id } })
      )
  }
}

// ── Decide ─────────────────────────────────────────────────────────────────

type Draft = {
  readonly [K in Event["_tag"]]: Omit<
    Extract<Event, { _tag: K }>,
    "id" | "commandId" | "actor" | "at" | "evaluations" | "basis" | "restsOn"
  >
}[Event["_tag"]]

interface Step {
  readonly draft: Draft
  readonly basis: ReadonlyArray<LegalBasis>
  readonly evaluations?: ReadonlyArray<Evaluation> | undefined
  readonly restsOn?: ReadonlyArray<string> | undefined
}

type Result = Either.Either<ReadonlyArray<Step>, Rejection>

/** A parameter read as an evaluation records it. */
const traced = (r: Parameter.Read): Evaluation["reads"][number] => ({
  name: r.name,
  value: Parameter.show(r.value),
  basis: r.basis.citation,
  ...(r.effectiveFrom === undefined ? {} : { effectiveFrom: r.effectiveFrom })
})

/** An evaluation made inline by a lifecycle guard: the parameters it read and its findings. */
const inline = (
  ruleId: string,
  reads: ReadonlyArray<Parameter.Read>,
  findings: ReadonlyArray<Finding> = []
): Evaluation => ({
  ruleId,
  reads: reads.map(traced),
  findings
})

const toEvaluation = (t: RuleSet.RuleTrace): Evaluation => ({
  ruleId: t.ruleId,
  reads: t.reads.map((r) => ({
    name: r.name,
    value: r.value,
    basis: r.basis,
    ...(r.effectiveFrom === undefined ? {} : { effectiveFrom: r.effectiveFrom })
  })),
  findings: t.findings
})

interface Checked {
  readonly evaluations: ReadonlyArray<Evaluation>
  readonly errors: ReadonlyArray<Finding>
  readonly findings: ReadonlyArray<Finding>
}

const runRules = <I>(
  rules: ReadonlyArray<Rule<I>>,
  input: I,
  params: Parameter.ParameterSet,
  at: IsoDate.IsoDate
): Checked => {
  const report = RuleSet.evaluate(RuleSet.make(rules), input, params, at)
  return {
    evaluations: report.trace.map(toEvaluation),
    errors: report.findings.filter((f) => f.severity === "error"),
    findings: report.findings
  }
}

const stageRules = <S extends Stage>(config: Config, stage: S): ReadonlyArray<Rule<StageInputs[S]>> =>
  config.rules[stage] as ReadonlyArray<Rule<StageInputs[S]>>

const outOfOrder = (command: string, ruleId: string, zh: string, en: string): Result =>
  Either.left(new OutOfOrder({ command, ruleId, zh, en }))

const violation = (command: string, findings: ReadonlyArray<Finding>): Result =>
  Either.left(new RuleViolation({ command, findings }))

const single = (ruleId: string, path: string, zh: string, en: string, expected?: string, actual?: string): Finding =>
  findingsFor(ruleId).error(path, zh, en, expected, actual)

const ok = (...steps: ReadonlyArray<Step>): Result => Either.right(steps)

const read = <K extends Parameter.Name>(
  config: Config,
  name: K,
  at: IsoDate.IsoDate
): Parameter.Values[K] | undefined => Parameter.get(config.parameters, name, at)

const calendarFinding = (e: { readonly message: string }, path: string): Finding =>
  single("calendar.covered", path, `日历无法计算:${e.message}`, `the calendar cannot compute this: ${e.message}`)

const basisOf = (rules: ReadonlyArray<Rule<any>>): ReadonlyArray<LegalBasis> => {
  const seen = new Map<string, LegalBasis>()
  for (const r of rules) for (const b of r.basis) seen.set(b.citation, b)
  return [...seen.values()]
}

const planBasis = (section: string, note?: string) => [plan(section, note)]

const deliverableInput = (
  config: Config,
  s: State,
  evidence: Deliverable.Evidence,
  excluding?: string
): DeliverableInput => {
  const key = Deliverable.subProjectOf(evidence)
  const sp = s.subProjects[key]
  const steps = new Map<string, Set<number>>()
  for (const x of Chunk.toReadonlyArray(sp.evidence)) {
    if (x.eventId === excluding) continue
    const step = Deliverable.keyEnterpriseStep(x.evidence)
    if (step === undefined) continue
    const name = (x.evidence as { enterprise: string }).enterprise
    const set = steps.get(name) ?? new Set<number>()
    set.add(step)
    steps.set(name, set)
  }
  const approvedDesigns = new Map<string, string>()
  for (const [id, d] of s.designs) if (d.status === "approved") approvedDesigns.set(id, d.materialType)
  return {
    evidence,
    contract: sp.contract === undefined
      ? undefined
      : { signedOn: sp.contract.signedOn, periodEnd: sp.contract.periodEnd },
    rectificationDeadline: sp.acceptance.status === "failed" ? sp.acceptance.rectificationDeadline : undefined,
    implementationPlanApproved: sp.implementationPlan?.status === "approved",
    approvedDesigns,
    keyEnterpriseSteps: steps,
    keyEnterpriseList: s.keyEnterpriseList,
    customTypes: config.deliverableTypes
  }
}

const toQuotaResult = (p: Quota.Progress): QuotaResult => ({
  itemId: p.itemId,
  title: p.title,
  subProject: p.subProject,
  unit: p.unit,
  required: p.required,
  done: p.done,
  met: p.met,
  ...(p.note === undefined ? {} : { note: p.note })
})

const memberUnits: ReadonlyArray<MemberUnit> = MemberUnitSchema.literals

const decideCommand = (config: Config, s: State, c: Command): Result => {
  const on = IsoDate.dateOf(c.at)
  const P = config.parameters
  switch (c._tag) {
    // 三(一)
    case "SelectKeyAreas": {
      if (s.plan !== undefined) {
        return outOfOrder(
          c._tag,
          "lifecycle.key-areas-before-plan",
          "实施方案已印发,不能再确定重点领域",
          "the plan is issued; key areas can no longer be chosen"
        )
      }
      const selection = KeyAreas.select({
        stats: c.stats,
        top: c.top,
        ...(c.weighting === undefined ? {} : { weighting: c.weighting }),
        ...(c.mandated === undefined ? {} : { mandated: c.mandated })
      })
      if (Either.isLeft(selection)) return Either.left(selection.left)
      const sel = selection.right
      return ok({
        draft: {
          _tag: "KeyAreasSelected",
          ranking: sel.ranking.map((r) => ({
            rank: r.rank,
            code: r.code,
            label: Industry.label(r.code),
            score: r.scoreDisplay
          })),
          selected: sel.areas.map((a) => ({
            label: a.label,
            codes: a.code === undefined ? [] : [a.code],
            reason: a.reasons.map((r) => r.zh).join(";"),
            basis: a.reasons.map((r) => r.basis.citation).join(";")
          })),
          weighting: JSON.stringify(Schema.encodeSync(KeyAreas.Weighting)(sel.weighting))
        },
        basis: [
          plan("三(一)"),
          national(`${texts.feeMeasures} 第七条`, "人社部门会同有关部门确定重点领域"),
          Industry.basis
        ]
      })
    }
    // 三(二)
    case "RecordMemberOpinion": {
      if (c.actor.unit === undefined) {
        return Either.left(
          new InvalidInput({
            subject: "Command",
            issues: [
              new InputIssue({
                path: "actor.unit",
                zh: "成员单位须注明所属单位",
                en: "a member-unit actor must name its unit"
              })
            ]
          })
        )
      }
      if (s.plan !== undefined) {
        return outOfOrder(
          c._tag,
          "lifecycle.opinions-before-plan",
          "实施方案已印发,征求意见阶段已结束",
          "the plan is issued; the consultation of member units is over"
        )
      }
      return ok({
        draft: { _tag: "MemberOpinionRecorded", unit: c.actor.unit, opinion: c.opinion, agrees: c.agrees },
        basis: planBasis("三(二)", "征求工伤预防委员会各成员单位意见")
      })
    }
    case "IssuePlan": {
      if (s.plan !== undefined) {
        return outOfOrder(c._tag, "lifecycle.plan-once", "实施方案已经印发", "the plan is already issued")
      }
      if (s.keyAreas === undefined) {
        return outOfOrder(
          c._tag,
          "lifecycle.key-areas-first",
          "须先确定工伤预防重点领域",
          "key areas must be chosen first"
        )
      }
      const missing = memberUnits.filter((u) => !s.opinions.has(u))
      const findings: Array<Finding> = []
      if (missing.length > 0) {
        findings.push(
          single(
            "plan.member-opinions",
            "opinions",
            `尚未征求以下成员单位意见:${missing.join("、")}`,
            `opinions still missing from: ${missing.join(", ")}`,
            memberUnits.join(","),
            [...s.opinions.keys()].join(",")
          )
        )
      }
      const rules = stageRules(config, "plan")
      const checked = runRules(rules, {}, P, on)
      const errors = [...findings, ...checked.errors]
      if (errors.length > 0) return violation(c._tag, [...findings, ...checked.findings])
      return ok({
        draft: { _tag: "PlanIssued", documentNumber: c.documentNumber, issuedOn: on },
        basis: [plan("三(二)", "以市工伤预防委员会名义印发"), ...basisOf(rules)],
        evaluations: checked.evaluations,
        restsOn: [s.keyAreas.eventId, ...[...s.opinions.values()].map((o) => o.eventId)]
      })
    }
    case "ProvideKeyEnterpriseList": {
      const started = subProjectKeys.some((k) =>
        Chunk.some(s.subProjects[k].evidence, (x) => Deliverable.keyEnterpriseStep(x.evidence) !== undefined)
      )
      if (started) {
        return outOfOrder(
          c._tag,
          "lifecycle.key-enterprise-list-first",
          "重点企业工作已开始,名单须在开始前提供",
          "key-enterprise work has started; the list comes first"
        )
      }
      const quota = read(config, "quota.keyEnterprises", on)
      if (quota !== undefined && c.enterprises.length < quota) {
        return violation(c._tag, [
          single(
            "plan.key-enterprise-list",
            "enterprises",
            `名单 ${c.enterprises.length} 家,少于指标 ${quota} 家`,
            `the list has ${c.enterprises.length} enterprises, fewer than the quota of ${quota}`,
            `≥ ${quota}`,
            String(c.enterprises.length)
          )
        ])
      }
      return ok({
        draft: { _tag: "KeyEnterpriseListProvided", enterprises: c.enterprises },
        basis: planBasis("四(二)", "具体企业名单由市工伤预防委员会研究提供")
      })
    }
    // 三(三)
    case "SubmitBudget": {
      if (s.plan === undefined) {
        return outOfOrder(
          c._tag,
          "lifecycle.plan-first",
          "实施方案印发后方可报送预算",
          "the budget follows the issued plan"
        )
      }
      if (s.budget.status === "submitted" || s.budget.status === "approved") {
        return outOfOrder(
          c._tag,
          "lifecycle.budget-once",
          "预算已报送或已批准",
          "the budget is already submitted or approved"
        )
      }
      const rules = stageRules(config, "plan").filter((r) =>
        r.id.startsWith("budget.") || r.id.startsWith("payment.split")
      )
      const checked = runRules(rules, {}, P, on)
      if (checked.errors.length > 0) return violation(c._tag, checked.findings)
      const total = read(config, "budget.total", on)!
      const revenue = read(config, "fund.priorYearContributionRevenue", on)!
      const approval = read(config, "fund.provincialCapApproval", on)
      const capPercent = approval?.capPercent ?? read(config, "fund.feeCapPercent", on)!
      return ok({
        draft: {
          _tag: "BudgetSubmitted",
          total,
          hazchem: read(config, "budget.hazchem", on)!,
          keyAreas: read(config, "budget.keyAreas", on)!,
          cap: Money.percentOf(revenue, capPercent, "down")
        },
        basis: [plan("三(三)", "编制工伤预防费用构成明细报财政审核"), ...basisOf(rules)],
        evaluations: checked.evaluations,
        restsOn: [s.plan.eventId]
      })
    }
    case "ApproveBudget":
    case "ReturnBudget": {
      if (s.budget.status !== "submitted") {
        return outOfOrder(
          c._tag,
          "lifecycle.budget-submitted",
          "没有待审核的预算",
          "there is no submitted budget to review"
        )
      }
      if (c._tag === "ReturnBudget") {
        if (c.reasons.length === 0) {
          return violation(c._tag, [
            single("budget.return-reasons", "reasons", "退回预算须说明理由", "a returned budget needs reasons")
          ])
        }
        return ok({
          draft: { _tag: "BudgetReturned", reasons: c.reasons },
          basis: planBasis("三(三)"),
          restsOn: [s.budget.eventId!]
        })
      }
      return ok({
        draft: { _tag: "BudgetApproved", approvedOn: on, ...(c.note === undefined ? {} : { note: c.note }) },
        basis: planBasis("三(三)", "预算审核通过后,启动项目招标采购"),
        restsOn: [s.budget.eventId!]
      })
    }
    // 三(四)
    case "StartPublicity": {
      if (s.budget.status !== "approved") {
        return outOfOrder(
          c._tag,
          "lifecycle.budget-approved-first",
          "预算审核通过后方可公示采购需求",
          "requirement publicity follows budget approval"
        )
      }
      const sp = s.subProjects[c.subProject]
      if (sp.publicity !== undefined) {
        return outOfOrder(
          c._tag,
          "publicity.once",
          "该子项目的采购需求已经公示",
          "this sub-project's requirements were already publicised"
        )
      }
      const length = read(config, "publicity.length", c.startsOn)
      const unit = read(config, "publicity.unit", c.startsOn)
      if (length === undefined || unit === undefined) {
        return violation(c._tag, [
          single(
            "parameters.missing",
            "parameters.publicity.length",
            "公示期参数在该日期没有取值",
            "publicity parameters have no value on that date"
          )
        ])
      }
      const deadline = config.calendar.deadline(c.startsOn, length, unit)
      if (Either.isLeft(deadline)) return violation(c._tag, [calendarFinding(deadline.left, "startsOn")])
      const d = deadline.right
      const lengthRead = Parameter.resolve(P, "publicity.length", c.startsOn)!
      const unitRead = Parameter.resolve(P, "publicity.unit", c.startsOn)!
      const explanation = {
        zh: `自 ${c.startsOn} 起公示 ${length} 个${unit === "working-days" ? "工作日" : "日"}(开始当日不计入),${
          d.moved ? `原定 ${d.rawEnd} 截止,${d.reason?.zh ?? "顺延"},` : ""
        }至 ${d.end} 24时止`,
        en: `publicised from ${c.startsOn} for ${length} ${
          unit === "working-days" ? "working days" : "days"
        } (the first day not counted)${d.moved ? `; ${d.rawEnd} ${d.reason?.en ?? "moved"}` : ""}; ends ${d.end} 24:00`
      }
      return ok({
        draft: {
          _tag: "PublicityStarted",
          subProject: c.subProject,
          startsOn: c.startsOn,
          endsOn: d.end,
          length,
          unit,
          explanation
        },
        basis: [
          plan("三(四)", "对采购需求进行为期x日公示"),
          national(`${texts.civilCode} 第二百零一条至第二百零三条`, "期间计算")
        ],
        evaluations: [
          inline("publicity.period", [lengthRead, unitRead])
        ],
        restsOn: [s.budget.eventId!]
      })
    }
    case "RecordObjection": {
      const pub = s.subProjects[c.subProject].publicity
      if (pub === undefined) {
        return outOfOrder(c._tag, "publicity.started", "采购需求尚未公示", "the requirements are not being publicised")
      }
      if (c.receivedOn < pub.startsOn || c.receivedOn > pub.endsOn) {
        return violation(c._tag, [
          single(
            "publicity.objection-window",
            "receivedOn",
            `异议应在公示期 ${pub.startsOn} 至 ${pub.endsOn} 内提出`,
            `objections are taken during the publicity, ${pub.startsOn} to ${pub.endsOn}`,
            `${pub.startsOn} – ${pub.endsOn}`,
            c.receivedOn
          )
        ])
      }
      return ok({
        draft: {
          _tag: "ObjectionRecorded",
          subProject: c.subProject,
          objectionId: `${c.subProject}-objection-${pub.objections.length + 1}`,
          receivedOn: c.receivedOn,
          objection: c.objection
        },
        basis: planBasis("三(四)"),
        restsOn: [pub.eventId]
      })
    }
    case "ResolveObjection": {
      const pub = s.subProjects[c.subProject].publicity
      const o = pub?.objections.find((x) => x.id === c.objectionId)
      if (o === undefined) {
        return violation(c._tag, [
          single(
            "publicity.objection-known",
            "objectionId",
            `没有编号为 ${c.objectionId} 的异议`,
            `no objection ${c.objectionId}`
          )
        ])
      }
      if (o.response !== undefined) {
        return outOfOrder(c._tag, "publicity.objection-once", "该异议已经答复", "the objection was already answered")
      }
      return ok({
        draft: {
          _tag: "ObjectionResolved",
          subProject: c.subProject,
          objectionId: c.objectionId,
          response: c.response
        },
        basis: planBasis("三(四)"),
        restsOn: [o.eventId]
      })
    }
    // 三(五)
    case "StartProcurement":
    case "SubmitBid":
    case "AppointPanel":
    case "SubmitScores":
    case "Award":
      return decideProcurement(config, s, c, on)
    // 三(六)
    case "SignContract": {
      const sp = s.subProjects[c.subProject]
      if (sp.award === undefined) {
        return outOfOrder(c._tag, "lifecycle.award-first", "尚未确定成交供应商", "no supplier has been awarded yet")
      }
      if (sp.contract !== undefined) {
        return outOfOrder(c._tag, "contract.once", "该子项目已签订合同", "this sub-project already has a contract")
      }
      const findings: Array<Finding> = []
      if (c.supplierId !== sp.award.supplierId) {
        findings.push(
          single(
            "contract.awarded-supplier",
            "supplierId",
            "合同供应商与成交供应商不一致",
            "the contract's supplier is not the awarded one",
            sp.award.supplierId,
            c.supplierId
          )
        )
      }
      if (!Money.equals(c.amount, sp.award.value)) {
        findings.push(
          single(
            "contract.award-value",
            "amount",
            "合同金额应与成交金额一致",
            "the contract amount must equal the awarded value",
            Money.format(sp.award.value),
            Money.format(c.amount)
          )
        )
      }
      const budget = read(config, c.subProject === "hazchem" ? "budget.hazchem" : "budget.keyAreas", on)
      if (budget !== undefined && Money.greaterThan(c.amount, budget)) {
        findings.push(
          single(
            "contract.within-budget",
            "amount",
            `合同金额超过子项目预算 ${Money.format(budget)}`,
            `the contract exceeds the sub-project budget of ${Money.format(budget)}`,
            `≤ ${Money.format(budget)}`,
            Money.format(c.amount)
          )
        )
      }
      if (on > sp.award.signBy) {
        findings.push(
          single(
            "contract.sign-within",
            "at",
            `应在 ${sp.award.signBy} 前签订合同(成交通知后30日内)`,
            `the contract was due by ${sp.award.signBy} (30 days after the award notice)`,
            `≤ ${sp.award.signBy}`,
            on
          )
        )
      }
      if (findings.length > 0) return violation(c._tag, findings)
      const months = read(config, "project.periodMonths", on)!
      const advancePercent = Parameter.resolve(P, "payment.advancePercent", on)!
      const balancePercent = Parameter.resolve(P, "payment.balancePercent", on)!
      const rounding = Parameter.resolve(P, "payment.rounding", on)!
      const split = Payment.split(
        c.amount,
        advancePercent.value as Money.Decimal,
        balancePercent.value as Money.Decimal,
        rounding.value as Money.Rounding
      )
      const progress = quotaProgress(config, s, on, c.subProject)
      return ok({
        draft: {
          _tag: "ContractSigned",
          subProject: c.subProject,
          contractId: c.contractId,
          supplierId: c.supplierId,
          supplierName: sp.award.supplierName,
          amount: c.amount,
          payee: c.payee,
          signedOn: on,
          periodEnd: IsoDate.addMonths(on, months),
          deliverables: progress.map((p) => ({
            itemId: p.itemId,
            title: p.title.zh,
            required: p.required,
            unit: p.unit
          })),
          qualityRequirements: c.qualityRequirements,
          acceptanceStandards: progress.map((p) => `${p.title.zh}不少于${p.required}${p.unit}`),
          advance: split.advance,
          balance: split.balance
        },
        basis: [
          plan("三(六)", "明确开展项目的数量、质量要求及验收评估标准"),
          plan("五(二)"),
          national(`${texts.procurementLaw} 第四十六条`)
        ],
        evaluations: [
          inline("contract.payment-split", [advancePercent, balancePercent, rounding])
        ],
        restsOn: [sp.award.eventId]
      })
    }
    case "MakePayment": {
      const sp = s.subProjects[c.subProject]
      if (sp.contract === undefined) {
        return violation(c._tag, [
          single(
            "payment.advance-after-signing",
            "kind",
            "合同尚未签订,不能付款",
            "no contract is signed; nothing can be paid"
          )
        ])
      }
      const input: Payment.PaymentInput = {
        contract: {
          id: sp.contract.contractId,
          amount: sp.contract.amount,
          payee: sp.contract.payee,
          signedOn: sp.contract.signedOn
        },
        acceptancePassedOn: sp.acceptance.passedOn,
        paid: sp.payments,
        request: { kind: c.kind, amount: c.amount, payee: c.payee, paidOn: on },
        dueDate: sp.acceptance.dueDate
      }
      const rules = stageRules(config, "payment")
      const checked = runRules(rules, input, P, on)
      if (checked.errors.length > 0) return violation(c._tag, checked.findings)
      return ok({
        draft: {
          _tag: "PaymentMade",
          subProject: c.subProject,
          contractId: sp.contract.contractId,
          kind: c.kind,
          amount: c.amount,
          payee: c.payee,
          paidOn: on,
          ...(c.kind === "balance" && sp.acceptance.dueDate !== undefined ? { dueDate: sp.acceptance.dueDate } : {}),
          ...(c.voucher === undefined ? {} : { voucher: c.voucher })
        },
        basis: basisOf(rules),
        evaluations: checked.evaluations,
        restsOn: [
          sp.contract.eventId,
          ...(c.kind === "balance" && sp.acceptance.passedEventId !== undefined ? [sp.acceptance.passedEventId] : [])
        ]
      })
    }
    // 三(七)
    case "SubmitImplementationPlan": {
      const sp = s.subProjects[c.subProject]
      if (sp.contract === undefined) {
        return outOfOrder(
          c._tag,
          "lifecycle.contract-first",
          "合同签订后方可报送实施计划",
          "the implementation plan follows the contract"
        )
      }
      if (sp.implementationPlan !== undefined && sp.implementationPlan.status !== "returned") {
        return outOfOrder(
          c._tag,
          "implementation.plan-pending",
          "实施计划已报送,等待审批或已通过",
          "an implementation plan is already pending or approved"
        )
      }
      return ok({
        draft: {
          _tag: "ImplementationPlanSubmitted",
          subProject: c.subProject,
          summary: c.summary,
          activities: c.activities
        },
        basis: planBasis("三(七)", "编制年度工伤预防项目实施计划报市级社会保险经办机构审批"),
        restsOn: [sp.contract.eventId]
      })
    }
    case "ReviewImplementationPlan": {
      const sp = s.subProjects[c.subProject]
      if (sp.implementationPlan?.status !== "submitted") {
        return outOfOrder(
          c._tag,
          "implementation.plan-submitted",
          "没有待审批的实施计划",
          "there is no implementation plan to review"
        )
      }
      if (c.decision === "return") {
        if ((c.reasons ?? []).length === 0) {
          return violation(c._tag, [
            single("implementation.return-reasons", "reasons", "退回须说明理由", "a return needs reasons")
          ])
        }
        return ok({
          draft: { _tag: "ImplementationPlanReturned", subProject: c.subProject, reasons: c.reasons ?? [] },
          basis: planBasis("三(七)"),
          restsOn: [sp.implementationPlan.eventId]
        })
      }
      return ok({
        draft: { _tag: "ImplementationPlanApproved", subProject: c.subProject },
        basis: planBasis("三(七)", "审批通过后按计划开展实施"),
        restsOn: [sp.implementationPlan.eventId]
      })
    }
    case "SubmitMaterialDesign": {
      if (s.subProjects.keyAreas.contract === undefined) {
        return outOfOrder(
          c._tag,
          "lifecycle.contract-first",
          "合同签订后方可报送宣传材料设计稿",
          "material designs follow the contract"
        )
      }
      const d = s.designs.get(c.designId)
      if (d !== undefined && d.status !== "returned") {
        return outOfOrder(c._tag, "materials.design-once", "该设计稿已报送", "this design was already submitted")
      }
      return ok({
        draft: { _tag: "MaterialDesignSubmitted", designId: c.designId, materialType: c.materialType, title: c.title },
        basis: planBasis("四(二)③", "设计宣传资料初稿,报请合同甲方审核")
      })
    }
    case "ReviewMaterialDesign": {
      const d = s.designs.get(c.designId)
      if (d?.status !== "submitted") {
        return outOfOrder(
          c._tag,
          "materials.design-submitted",
          "没有待审核的该设计稿",
          "there is no such design awaiting review"
        )
      }
      if (c.decision === "return") {
        return ok({
          draft: { _tag: "MaterialDesignReturned", designId: c.designId, reasons: c.reasons ?? [] },
          basis: planBasis("四(二)③")
        })
      }
      return ok({ draft: { _tag: "MaterialDesignApproved", designId: c.designId }, basis: planBasis("四(二)③") })
    }
    case "RecordDeliverable": {
      const key = Deliverable.subProjectOf(c.evidence)
      const rules = stageRules(config, "deliverable")
      const checked = runRules(rules, deliverableInput(config, s, c.evidence), P, on)
      if (checked.errors.length > 0) return violation(c._tag, checked.findings)
      const sp = s.subProjects[key]
      return ok({
        draft: { _tag: "DeliverableRecorded", subProject: key, evidence: c.evidence },
        basis: [plan("四"), ...basisOf(rules)],
        evaluations: checked.evaluations,
        restsOn: [sp.contract!.eventId, ...(sp.implementationPlan ? [sp.implementationPlan.eventId] : [])]
      })
    }
    case "CorrectDeliverable": {
      const owner = s.evidenceOwner.get(c.correctsEventId)
      const active = owner !== undefined &&
        Chunk.some(s.subProjects[owner].evidence, (x) => x.eventId === c.correctsEventId)
      if (!active) {
        return violation(c._tag, [
          single(
            "deliverable.correction-target",
            "correctsEventId",
            `没有可更正的交付物事件 ${c.correctsEventId}`,
            `no deliverable event ${c.correctsEventId} to correct`
          )
        ])
      }
      let evaluations: ReadonlyArray<Evaluation> = []
      if (c.replacement !== undefined) {
        const checked = runRules(
          stageRules(config, "deliverable"),
          deliverableInput(config, s, c.replacement, c.correctsEventId),
          P,
          on
        )
        if (checked.errors.length > 0) return violation(c._tag, checked.findings)
        evaluations = checked.evaluations
      } else {
        // withdrawing a step that later steps depend on would break the order
        const x = Chunk.findFirst(s.subProjects[owner!].evidence, (e) => e.eventId === c.correctsEventId)
        if (x._tag === "Some") {
          const step = Deliverable.keyEnterpriseStep(x.value.evidence)
          if (step !== undefined && step < 3) {
            const name = (x.value.evidence as { enterprise: string }).enterprise
            const later = Chunk.some(
              s.subProjects[owner!].evidence,
              (e) =>
                (Deliverable.keyEnterpriseStep(e.evidence) ?? 0) > step &&
                (e.evidence as { enterprise?: string }).enterprise === name
            )
            if (later) {
              return violation(c._tag, [
                single(
                  "deliverable.key-enterprise-order",
                  "correctsEventId",
                  `“${name}”已有后续步骤,不能撤回第${step}步`,
                  `"${name}" has later steps; step ${step} cannot be withdrawn`
                )
              ])
            }
          }
        }
      }
      return ok({
        draft: {
          _tag: "DeliverableCorrected",
          corrects: c.correctsEventId,
          reason: c.reason,
          ...(c.replacement === undefined ? {} : { replacement: c.replacement })
        },
        basis: planBasis("四", "更正以新事件记录,原事件不修改"),
        evaluations,
        restsOn: [c.correctsEventId]
      })
    }
    // 三(八)
    case "SubmitMonthlyBriefing": {
      const sp = s.subProjects[c.subProject]
      if (sp.contract === undefined) {
        return outOfOrder(
          c._tag,
          "lifecycle.contract-first",
          "合同签订后方可报送月度简报",
          "monthly briefings follow the contract"
        )
      }
      const months = Supervision.months(sp.contract.signedOn, sp.contract.periodEnd)
      if (!months.includes(c.month)) {
        return violation(c._tag, [
          single(
            "supervision.briefing-month",
            "month",
            `${c.month} 不在需报送简报的月份内`,
            `${c.month} is not a briefing month`,
            `${months[0]} – ${months[months.length - 1]}`,
            c.month
          )
        ])
      }
      if (sp.briefings.has(c.month)) {
        return violation(c._tag, [
          single(
            "supervision.briefing-once",
            "month",
            `${c.month} 的简报已经报送`,
            `the briefing for ${c.month} was already submitted`
          )
        ])
      }
      const dueDayRead = Parameter.resolve(P, "supervision.briefingDueDay", on)
      if (dueDayRead === undefined) {
        return violation(c._tag, [
          single(
            "parameters.missing",
            "parameters.supervision.briefingDueDay",
            "缺少月度简报报送日参数",
            "the briefing due day is not set"
          )
        ])
      }
      const dueOn = Supervision.dueOn(c.month, dueDayRead.value as number, config.calendar)
      const late = on > dueOn
      const findings = late
        ? [
          findingsFor("supervision.briefing-due").warning(
            "at",
            `${c.month} 简报应于 ${dueOn} 前报送,迟报`,
            `the ${c.month} briefing was due by ${dueOn}; it is late`,
            `≤ ${dueOn}`,
            on
          )
        ]
        : []
      return ok({
        draft: {
          _tag: "MonthlyBriefingSubmitted",
          subProject: c.subProject,
          month: c.month,
          dueOn,
          submittedOn: on,
          late,
          plannedActivities: c.plannedActivities,
          progress: c.progress
        },
        basis: planBasis("三(八)", "每月定期提交月度项目计划及进展简报"),
        evaluations: [
          inline("supervision.briefing-due", [dueDayRead], findings)
        ],
        restsOn: [sp.contract.eventId]
      })
    }
    case "RecordSpotCheck": {
      const sp = s.subProjects[c.subProject]
      if (sp.contract === undefined) {
        return outOfOrder(c._tag, "lifecycle.contract-first", "合同签订后方可抽查", "spot checks follow the contract")
      }
      return ok({
        draft: {
          _tag: "SpotCheckRecorded",
          subProject: c.subProject,
          activity: c.activity,
          checkedOn: on,
          observations: c.observations,
          satisfactory: c.satisfactory
        },
        basis: [plan("三(八)", "可选择性地对月度计划开展的项目进行抽查"), plan("七(二)")],
        restsOn: [sp.contract.eventId]
      })
    }
    case "ReportProgress": {
      if (s.plan === undefined) {
        return outOfOrder(
          c._tag,
          "lifecycle.plan-first",
          "实施方案印发后方可反馈进展",
          "progress reports follow the issued plan"
        )
      }
      return ok({
        draft: {
          _tag: "ProgressReported",
          summary: c.summary,
          reportedOn: on,
          quotas: quotaProgress(config, s, on).map(toQuotaResult)
        },
        basis: planBasis("三(八)", "定期向市工伤预防委员会反馈项目进展情况")
      })
    }
    // 三(九)
    case "ApplyForAcceptance":
    case "EvaluateAcceptance":
    case "FileAcceptanceReport":
      return decideAcceptance(config, s, c, on)
  }
}

const decideProcurement = (
  config: Config,
  s: State,
  c: Extract<Command, { _tag: "StartProcurement" | "SubmitBid" | "AppointPanel" | "SubmitScores" | "Award" }>,
  on: IsoDate.IsoDate
): Result => {
  const P = config.parameters
  const sp = s.subProjects[c.subProject]
  const methodParam = c.subProject === "hazchem" ? "procurement.hazchem.method" : "procurement.keyAreas.method"
  if (c._tag === "StartProcurement") {
    if (sp.publicity === undefined) {
      return outOfOrder(
        c._tag,
        "publicity.before-procurement",
        "采购需求尚未公示,不能启动采购",
        "requirements must be publicised before procurement starts"
      )
    }
    if (sp.procurement !== undefined) {
      return outOfOrder(
        c._tag,
        "procurement.once",
        "该子项目已启动采购",
        "procurement of this sub-project has already started"
      )
    }
    const findings: Array<Finding> = []
    const end = sp.publicity.endsOn
    if (on <= end || c.documentsIssuedOn <= end) {
      findings.push(
        single(
          "publicity.before-procurement",
          on <= end ? "at" : "documentsIssuedOn",
          `公示期至 ${end} 结束,采购须在公示期满后启动`,
          `the publicity runs to ${end}; procurement starts only after it ends`,
          `> ${end}`,
          on <= end ? on : c.documentsIssuedOn
        )
      )
    }
    if (c.responseDeadline < c.documentsIssuedOn) {
      findings.push(
        single(
          "procurement.response-deadline",
          "responseDeadline",
          "响应截止日不能早于采购文件发出日",
          "the response deadline cannot come before the documents are issued",
          `≥ ${c.documentsIssuedOn}`,
          c.responseDeadline
        )
      )
    }
    const open = sp.publicity.objections.filter((o) => o.response === undefined)
    if (open.length > 0) {
      findings.push(
        single(
          "publicity.objections-resolved",
          "objections",
          `尚有 ${open.length} 项公示异议未答复`,
          `${open.length} objection(s) raised during publicity are unanswered`
        )
      )
    }
    const planned = Parameter.resolve(P, methodParam, on)
    if (planned !== undefined && planned.value !== c.method) {
      findings.push(
        single(
          "procurement.method-as-planned",
          "method",
          "采购方式与实施方案规定不一致",
          "the procurement method differs from the plan",
          String(planned.value),
          c.method
        )
      )
    }
    if (!config.procurementMethods.has(c.method)) {
      findings.push(
        single(
          "procurement.method-known",
          "method",
          `未知的采购方式 ${c.method}`,
          `unknown procurement method ${c.method}`,
          [...config.procurementMethods].join(" | "),
          c.method
        )
      )
    }
    const evaluations: Array<Evaluation> = []
    if (c.method === "competitive-consultation") {
      const rule = config.rules.consultation.find((r) => r.id === "procurement.consultation.document-period")
      if (rule !== undefined) {
        const t = RuleSet.evaluateRule(
          rule,
          {
            category: c.category,
            governmentPurchasedService: c.governmentPurchasedService,
            qualifiedSuppliers: [],
            panel: [],
            documentsIssuedOn: c.documentsIssuedOn,
            firstResponseDeadline: c.responseDeadline
          },
          P,
          on
        )
        findings.push(...t.findings)
        evaluations.push(toEvaluation(t))
      }
    }
    if (findings.some((f) => f.severity === "error")) return violation(c._tag, findings)
    const priceWeight = c.method === "competitive-consultation"
      ? (Parameter.get(P, "procurement.consultation.priceWeight", on) as Money.Decimal | undefined)
      : undefined
    return ok({
      draft: {
        _tag: "ProcurementStarted",
        subProject: c.subProject,
        method: c.method,
        documentsIssuedOn: c.documentsIssuedOn,
        responseDeadline: c.responseDeadline,
        criteria: c.criteria,
        governmentPurchasedService: c.governmentPurchasedService,
        category: c.category,
        ...(priceWeight === undefined ? {} : { priceWeight })
      },
      basis: [
        plan("三(五)"),
        ...(c.method === "competitive-consultation" ? [national(`${texts.consultation} 第十条`)] : [])
      ],
      evaluations,
      restsOn: [sp.publicity.eventId]
    })
  }
  const proc = sp.procurement
  if (proc === undefined) {
    return outOfOrder(
      c._tag,
      "lifecycle.procurement-started",
      "该子项目尚未启动采购",
      "procurement of this sub-project has not started"
    )
  }
  if (sp.award !== undefined) {
    return outOfOrder(c._tag, "procurement.closed", "该子项目已确定成交供应商", "this sub-project is already awarded")
  }
  switch (c._tag) {
    case "SubmitBid": {
      if (on > proc.responseDeadline) {
        return violation(c._tag, [
          single(
            "procurement.response-deadline",
            "at",
            `响应文件提交截止于 ${proc.responseDeadline}`,
            `responses closed on ${proc.responseDeadline}`,
            `≤ ${proc.responseDeadline}`,
            on
          )
        ])
      }
      if (on < proc.documentsIssuedOn) {
        return violation(c._tag, [
          single(
            "procurement.response-deadline",
            "at",
            "采购文件发出前不能提交响应",
            "no response before the documents are issued",
            `≥ ${proc.documentsIssuedOn}`,
            on
          )
        ])
      }
      if (proc.bids.some((b) => b.supplierId === c.supplierId)) {
        return violation(c._tag, [
          single("procurement.one-bid", "supplierId", "该供应商已提交响应文件", "this supplier has already responded")
        ])
      }
      return ok({
        draft: {
          _tag: "BidSubmitted",
          subProject: c.subProject,
          supplierId: c.supplierId,
          supplierName: c.supplierName,
          quote: c.quote,
          ...(c.proposal === undefined ? {} : { proposal: c.proposal })
        },
        basis: planBasis("三(五)"),
        restsOn: [proc.eventId]
      })
    }
    case "AppointPanel": {
      if (proc.panel !== undefined) {
        return outOfOrder(c._tag, "procurement.panel-once", "评审小组已组建", "the panel is already appointed")
      }
      const checked = proc.method === "panel-review"
        ? (() => {
          const decoded = Procurement.decodePanelReviewInput({
            panel: c.members.map((m) => ({
              id: m.id,
              name: m.name,
              organisation: m.organisation,
              kind: m.kind,
              organisationKind: m.organisationKind ?? "other",
              ...(m.recommendedBy === undefined ? {} : { recommendedBy: m.recommendedBy })
            })),
            criteriaPublishedOn: proc.documentsIssuedOn,
            scoreDates: []
          })
          if (Either.isLeft(decoded)) return Either.left(decoded.left)
          return Either.right(
            runRules(
              config.rules.panelReview.filter((r) => r.id === "procurement.panel-review.panel"),
              decoded.right,
              P,
              on
            )
          )
        })()
        : proc.method === "competitive-consultation"
        ? Either.right(
          runRules(
            config.rules.consultation.filter((r) => r.id === "procurement.consultation.panel"),
            {
              category: proc.category,
              governmentPurchasedService: proc.governmentPurchasedService,
              qualifiedSuppliers: [],
              panel: c.members.map((m) => ({ id: m.id, name: m.name, organisation: m.organisation, kind: m.kind })),
              documentsIssuedOn: proc.documentsIssuedOn,
              firstResponseDeadline: proc.responseDeadline
            },
            P,
            on
          )
        )
        : Either.right<Checked>({ evaluations: [], errors: [], findings: [] })
      if (Either.isLeft(checked)) return Either.left(checked.left)
      if (checked.right.errors.length > 0) return violation(c._tag, checked.right.findings)
      return ok({
        draft: { _tag: "PanelAppointed", subProject: c.subProject, members: c.members },
        basis: proc.method === "competitive-consultation"
          ? [national(`${texts.consultation} 第十四条`)]
          : planBasis("三(五)", "邀请市应急、人社等部门工作人员或推荐专家组成评审小组"),
        evaluations: checked.right.evaluations,
        restsOn: [proc.eventId]
      })
    }
    case "SubmitScores": {
      const panel = proc.panel
      if (panel === undefined) {
        return outOfOrder(c._tag, "procurement.panel-first", "评审小组尚未组建", "the panel is not appointed yet")
      }
      const member = panel.members.find((m) => m.id === c.actor.id)
      if (member === undefined) {
        return Either.left(
          new Unauthorized({
            command: c._tag,
            role: `${c.actor.role}:${c.actor.id}`,
            allowed: panel.members.map((m) => `expert:${m.id}`)
          })
        )
      }
      if (on <= proc.responseDeadline) {
        return violation(c._tag, [
          single(
            "procurement.score-after-deadline",
            "at",
            `响应截止 ${proc.responseDeadline} 后方可评审`,
            `scoring starts after responses close on ${proc.responseDeadline}`,
            `> ${proc.responseDeadline}`,
            on
          )
        ])
      }
      const findings: Array<Finding> = []
      const criteria = new Map(proc.criteria.map((x) => [x.id, x]))
      const suppliers = new Set(proc.bids.map((b) => b.supplierId))
      c.scores.forEach((x, i) => {
        const crit = criteria.get(x.criterionId)
        if (!suppliers.has(x.supplierId)) {
          findings.push(
            single(
              "procurement.scores-valid",
              `scores[${i}].supplierId`,
              "该供应商没有提交响应",
              "this supplier did not respond"
            )
          )
        }
        if (crit === undefined) {
          findings.push(
            single(
              "procurement.scores-valid",
              `scores[${i}].criterionId`,
              "未公布的评分因素",
              "not a published criterion"
            )
          )
        } else if (x.points.lt(0) || x.points.gt(crit.maxPoints)) {
          findings.push(
            single(
              "procurement.scores-valid",
              `scores[${i}].points`,
              `分值须在 0 至 ${crit.maxPoints.toFixed()} 之间`,
              `points must be within 0–${crit.maxPoints.toFixed()}`,
              `0–${crit.maxPoints.toFixed()}`,
              x.points.toFixed()
            )
          )
        }
      })
      for (const sup of suppliers) {
        for (const crit of proc.criteria) {
          if (!c.scores.some((x) => x.supplierId === sup && x.criterionId === crit.id)) {
            findings.push(
              single(
                "procurement.scores-valid",
                "scores",
                `缺少对 ${sup} 的“${crit.name}”评分`,
                `missing points for ${sup} on "${crit.name}"`
              )
            )
          }
        }
      }
      if (findings.length > 0) return violation(c._tag, findings)
      return ok({
        draft: { _tag: "ScoresSubmitted", subProject: c.subProject, memberId: member.id, scores: c.scores },
        basis: planBasis("三(五)", "对相关服务机构提交的方案进行评审打分"),
        restsOn: [panel.eventId]
      })
    }
    case "Award":
      return decideAward(config, s, c, on)
  }
}

const decideAward = (config: Config, s: State, c: Extract<Command, { _tag: "Award" }>, on: IsoDate.IsoDate): Result => {
  const P = config.parameters
  const sp = s.subProjects[c.subProject]
  const proc = sp.procurement!
  const panel = proc.panel
  if (panel === undefined) {
    return outOfOrder(c._tag, "procurement.panel-first", "评审小组尚未组建", "the panel is not appointed yet")
  }
  const scoredBy = new Set(proc.scores.map((x) => x.memberId))
  const unscored = panel.members.filter((m) => !scoredBy.has(m.id))
  if (unscored.length > 0) {
    return violation(c._tag, [
      single(
        "procurement.all-scored",
        "scores",
        `以下成员尚未评分:${unscored.map((m) => m.name).join("、")}`,
        `members yet to score: ${unscored.map((m) => m.id).join(", ")}`
      )
    ])
  }
  const scores = proc.scores.flatMap((x) =>
    x.scores.map((y) => ({
      memberId: x.memberId,
      supplierId: y.supplierId,
      criterionId: y.criterionId,
      points: y.points.toFixed()
    }))
  )
  const criteria = proc.criteria.map((x) => ({ id: x.id, name: x.name, maxPoints: x.maxPoints.toFixed() }))
  const restsOn = [
    proc.eventId,
    panel.eventId,
    ...proc.bids.map((b) => b.eventId),
    ...proc.scores.map((x) => x.eventId)
  ]
  const signDays = Parameter.resolve(P, "contract.signWithinDays", on)
  const signBy = signDays === undefined
    ? IsoDate.addDays(on, 30)
    : Either.getOrElse(
      config.calendar.periodEnd(on, signDays.value as number, "calendar-days"),
      () => IsoDate.addDays(on, signDays.value as number)
    )
  if (proc.method === "competitive-consultation") {
    const input: Procurement.ConsultationInput = {
      category: proc.category,
      governmentPurchasedService: proc.governmentPurchasedService,
      qualifiedSuppliers: proc.bids.map((b) => ({ id: b.supplierId, name: b.supplierName })),
      panel: panel.members.map((m) => ({ id: m.id, name: m.name, organisation: m.organisation, kind: m.kind })),
      documentsIssuedOn: proc.documentsIssuedOn,
      firstResponseDeadline: proc.responseDeadline,
      ...(proc.priceWeight === undefined ? {} : { priceWeight: proc.priceWeight }),
      ...(c.financeApproval === undefined ? {} : { financeApproval: c.financeApproval })
    }
    const rules = config.rules.consultation
    const checked = runRules(rules, input, P, on)
    if (checked.errors.length > 0) return violation(c._tag, checked.findings)
    const result = Procurement.scoreConsultation({
      priceWeight:
        (proc.priceWeight ?? Parameter.get(P, "procurement.consultation.priceWeight", on) ?? new Money.Decimal(0))
          .toFixed(),
      criteria,
      bids: proc.bids.map((b) => ({
        supplierId: b.supplierId,
        supplierName: b.supplierName,
        finalQuote: b.quote.toString(),
        registeredAt: b.at
      })),
      scores
    })
    if (Either.isLeft(result)) {
      const e = result.left
      return e._tag === "InvalidInput"
        ? Either.left(e)
        : violation(c._tag, [
          single("procurement.criteria-total", "criteria", e.message, e.message, e.expected, e.actual)
        ])
    }
    const r = result.right
    return ok({
      draft: {
        _tag: "Awarded",
        subProject: c.subProject,
        supplierId: r.recommended.supplierId,
        supplierName: r.recommended.supplierName,
        value: r.ranking[0]!.finalQuote,
        awardedOn: on,
        signBy,
        method: proc.method,
        ranking: r.ranking.map((x) => ({
          rank: x.rank,
          supplierId: x.supplierId,
          supplierName: x.supplierName,
          quote: x.finalQuote,
          priceScore: x.priceScoreDisplay,
          nonPriceScore: x.nonPriceScoreDisplay,
          total: x.totalDisplay
        })),
        tieBreaks: r.tieBreaks.map((t) => t.zh),
        reasons: r.recommended.reasons.map((x) => x.zh)
      },
      basis: [...basisOf(rules), national(`${texts.consultation} 第二十四条`, "综合评分法,低价优先法计算价格分")],
      evaluations: checked.evaluations,
      restsOn
    })
  }
  // panel review (dispersed procurement) and other methods scored by the panel
  const minPanel = Parameter.get(P, "procurement.panelReview.minPanelSize", on) ?? 1
  const aggregation = Parameter.get(P, "procurement.panelReview.aggregation", on) ?? "mean"
  const reviewInput = {
    panel: panel.members.map((m) => ({
      id: m.id,
      name: m.name,
      organisation: m.organisation,
      kind: m.kind,
      organisationKind: m.organisationKind ?? "other",
      ...(m.recommendedBy === undefined ? {} : { recommendedBy: m.recommendedBy })
    })),
    criteriaPublishedOn: proc.documentsIssuedOn,
    scoreDates: proc.scores.map((x) => x.on)
  }
  const decodedReview = Procurement.decodePanelReviewInput(reviewInput)
  if (Either.isLeft(decodedReview)) return Either.left(decodedReview.left)
  const rules = config.rules.panelReview
  const checked = runRules(rules, decodedReview.right, P, on)
  if (checked.errors.length > 0) return violation(c._tag, checked.findings)
  const result = Procurement.scorePanelReview({
    criteria,
    proposals: proc.bids.map((b) => ({
      supplierId: b.supplierId,
      supplierName: b.supplierName,
      quotedPrice: b.quote.toString(),
      registeredAt: b.at
    })),
    scores,
    aggregation,
    minPanelSize: minPanel
  })
  if (Either.isLeft(result)) return Either.left(result.left)
  const r = result.right
  const winner = proc.bids.find((b) => b.supplierId === r.recommended.supplierId)!
  return ok({
    draft: {
      _tag: "Awarded",
      subProject: c.subProject,
      supplierId: r.recommended.supplierId,
      supplierName: r.recommended.supplierName,
      value: winner.quote,
      awardedOn: on,
      signBy,
      method: proc.method,
      ranking: r.ranking.map((x) => ({
        rank: x.rank,
        supplierId: x.supplierId,
        supplierName: x.supplierName,
        ...(x.quotedPrice === undefined ? {} : { quote: x.quotedPrice }),
        nonPriceScore: x.scoreDisplay,
        total: x.scoreDisplay
      })),
      tieBreaks: r.tieBreaks.map((t) => t.zh),
      reasons: r.recommended.reasons.map((x) => x.zh)
    },
    basis: [...basisOf(rules), plan("三(五)", "参照政府采购法及本单位内控制度选定服务机构")],
    evaluations: [
      ...checked.evaluations,
      inline(
        "procurement.panel-review.aggregation",
        (["procurement.panelReview.aggregation", "procurement.panelReview.minPanelSize"] as const).flatMap((n) => {
          const x = Parameter.resolve(P, n, on)
          return x === undefined ? [] : [x]
        })
      )
    ],
    restsOn
  })
}

const decideAcceptance = (
  config: Config,
  s: State,
  c: Extract<Command, { _tag: "ApplyForAcceptance" | "EvaluateAcceptance" | "FileAcceptanceReport" }>,
  on: IsoDate.IsoDate
): Result => {
  const P = config.parameters
  const sp = s.subProjects[c.subProject]
  if (sp.contract === undefined) {
    return outOfOrder(c._tag, "lifecycle.contract-first", "合同尚未签订", "there is no contract yet")
  }
  const contract = sp.contract
  switch (c._tag) {
    case "ApplyForAcceptance": {
      if (sp.implementationPlan?.status !== "approved") {
        return outOfOrder(
          c._tag,
          "lifecycle.implementation-first",
          "实施计划未审批通过,不能申请验收",
          "no approved implementation plan; acceptance cannot be requested"
        )
      }
      if (sp.acceptance.status === "applied" || sp.acceptance.status === "passed") {
        return outOfOrder(
          c._tag,
          "acceptance.pending",
          "验收申请已在处理或已通过",
          "an acceptance application is pending or has passed"
        )
      }
      const receiptsTotal = Money.sum(c.receipts.map((r) => r.amount))
      const input: Acceptance.AcceptanceInput = {
        stage: "application",
        on,
        periodEnd: contract.periodEnd,
        contractAmount: contract.amount,
        receiptsTotal,
        receiptCount: c.receipts.length,
        progress: quotaProgress(config, s, on, c.subProject),
        targets: [],
        experts: 0,
        rectificationDeadline: sp.acceptance.rectificationDeadline
      }
      const rules = stageRules(config, "acceptanceGuard")
      const checked = runRules(rules, input, P, on)
      if (checked.errors.length > 0) return violation(c._tag, checked.findings)
      return ok({
        draft: {
          _tag: "AcceptanceApplied",
          subProject: c.subProject,
          appliedOn: on,
          attempt: sp.acceptance.attempts + 1,
          receipts: c.receipts,
          receiptsTotal,
          details: c.details
        },
        basis: [plan("三(九)", "提出项目验收申请"), plan("六(二)", "附费用票据、项目实施有关明细等财务资料")],
        evaluations: checked.evaluations,
        restsOn: [contract.eventId]
      })
    }
    case "EvaluateAcceptance": {
      if (sp.acceptance.status !== "applied") {
        return outOfOrder(
          c._tag,
          "acceptance.applied-first",
          "没有待评估的验收申请",
          "there is no acceptance application to evaluate"
        )
      }
      const progress = quotaProgress(config, s, on, c.subProject)
      const input: Acceptance.AcceptanceInput = {
        stage: "evaluation",
        on,
        periodEnd: contract.periodEnd,
        contractAmount: contract.amount,
        receiptsTotal: Money.zero,
        receiptCount: 0,
        progress,
        targets: c.performanceTargets,
        experts: c.experts.length,
        rectificationDeadline: sp.acceptance.rectificationDeadline
      }
      const guards = runRules(stageRules(config, "acceptanceGuard"), input, P, on)
      if (guards.errors.length > 0) return violation(c._tag, guards.findings)
      const verdictRules = stageRules(config, "acceptanceVerdict")
      const verdict = runRules(verdictRules, input, P, on)
      const items = progress.map(toQuotaResult)
      const restsOn = [sp.acceptance.appliedEventId!, ...Chunk.toReadonlyArray(sp.evidence).map((x) => x.eventId)]
      const basis = [
        plan("三(九)", "组织相关专家对项目实施情况和绩效目标实现情况进行评估验收"),
        ...basisOf(verdictRules)
      ]
      const evaluations = [...guards.evaluations, ...verdict.evaluations]
      if (verdict.errors.length === 0) {
        const dueDays = Parameter.resolve(P, "payment.dueDays", on)!
        const dueUnit = Parameter.resolve(P, "payment.dueDaysUnit", on)!
        const deadline = config.calendar.deadline(
          on,
          dueDays.value as number,
          dueUnit.value as "calendar-days" | "working-days"
        )
        if (Either.isLeft(deadline)) return violation(c._tag, [calendarFinding(deadline.left, "at")])
        const d = deadline.right
        return ok({
          draft: {
            _tag: "AcceptancePassed",
            subProject: c.subProject,
            evaluatedOn: on,
            attempt: sp.acceptance.attempts,
            experts: c.experts,
            items,
            targets: c.performanceTargets,
            balanceDue: Payment.balanceAmount(contract.amount, sp.payments),
            dueDate: d.end,
            dueExplanation: {
              zh: `验收合格之日 ${on} 起 ${dueDays.value} ${
                dueUnit.value === "working-days" ? "个工作日" : "日"
              }内支付余款,${d.moved ? `截止日顺延至 ${d.end}` : `至 ${d.end}`}`,
              en: `balance due within ${dueDays.value} ${
                dueUnit.value === "working-days" ? "working days" : "days"
              } of acceptance on ${on}: by ${d.end}`
            },
            ...(c.remarks === undefined ? {} : { remarks: c.remarks })
          },
          basis: [...basis, national(`${texts.smePayment} 第九条`)],
          evaluations: [
            ...evaluations,
            inline("payment.due-date", [dueDays, dueUnit])
          ],
          restsOn
        })
      }
      const days = Parameter.resolve(P, "acceptance.rectificationDays", on)
      const unit = Parameter.resolve(P, "acceptance.rectificationUnit", on)
      if (days === undefined || unit === undefined) {
        return violation(c._tag, [
          single(
            "parameters.missing",
            "parameters.acceptance.rectificationDays",
            "缺少整改期限参数",
            "the rectification deadline is not set"
          )
        ])
      }
      const deadline = config.calendar.deadline(
        on,
        days.value as number,
        unit.value as "calendar-days" | "working-days"
      )
      if (Either.isLeft(deadline)) return violation(c._tag, [calendarFinding(deadline.left, "at")])
      return ok({
        draft: {
          _tag: "AcceptanceFailed",
          subProject: c.subProject,
          evaluatedOn: on,
          attempt: sp.acceptance.attempts,
          experts: c.experts,
          items,
          targets: c.performanceTargets,
          rectification: {
            items: verdict.errors.map((f) => f.zh),
            deadline: deadline.right.end,
            explanation: {
              zh: `自 ${on} 起 ${days.value} 个${
                unit.value === "working-days" ? "工作日" : "日"
              }内完成整改,至 ${deadline.right.end} 止`,
              en: `rectify within ${days.value} ${
                unit.value === "working-days" ? "working days" : "days"
              } of ${on}: by ${deadline.right.end}`
            }
          },
          ...(c.remarks === undefined ? {} : { remarks: c.remarks })
        },
        basis: [...basis, plan("三(九)", "对评估验收不合格的,督促进行整改")],
        evaluations: [
          ...evaluations,
          inline("acceptance.rectification-deadline", [days, unit])
        ],
        restsOn
      })
    }
    case "FileAcceptanceReport": {
      if (sp.acceptance.status !== "passed") {
        return outOfOrder(
          c._tag,
          "acceptance.passed-first",
          "验收合格后方可备案验收报告",
          "only a passed acceptance report is filed"
        )
      }
      if (sp.filed !== undefined) {
        return outOfOrder(c._tag, "filing.once", "验收报告已经备案", "the report is already filed")
      }
      return ok({
        draft: { _tag: "AcceptanceReportFiled", subProject: c.subProject, reportNumber: c.reportNumber, filedOn: on },
        basis: planBasis("三(九)", "评估验收报告报委员会办公室备案并作为开展下一年度项目重要依据"),
        restsOn: [sp.acceptance.passedEventId!]
      })
    }
  }
}

/**
 * Whether the command's actor may send it: the role check, made before
 * anything else (before a resent command id is recognised), so that a role not
 * allowed to send a command is refused even when it reuses a stored command's id.
 *
 * @since 0.2.0
 * @category decide
 */
export const authorize = (command: Command, _state: State): Either.Either<void, Rejection> => {
  const allowed = allowedRoles[command._tag]
  return allowed.includes(command.actor.role)
    ? Either.void
    : Either.left(new Unauthorized({ command: command._tag, role: command.actor.role, allowed }))
}

/**
 * Decides a command against a state: the events it causes, or why it is
 * rejected. The actor is authorized first; then a command id already applied
 * gives no events (a retry).
 *
 * @since 0.1.0
 * @category decide
 */
export const decide =
  (config: Config) => (command: Command, state: State): Either.Either<ReadonlyArray<Event>, Rejection> => {
    const authorized = authorize(command, state)
    if (Either.isLeft(authorized)) return Either.left(authorized.left)
    if (HashSet.has(state.commandIds, command.commandId)) return Either.right([])
    return Either.map(decideCommand(config, state, command), (steps) =>
      steps.map(
        (step, i) =>
          ({
            ...step.draft,
            id: `${command.commandId}/${i}`,
            commandId: command.commandId,
            actor: command.actor,
            at: command.at,
            basis: step.basis,
            evaluations: step.evaluations ?? [],
            restsOn: step.restsOn ?? []
          }) as Event
      ))
  }

/**
 * The project decider for a configuration.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decider = (config: Config): Decider<Command, Event, State, Rejection> => ({
  initialState,
  authorize,
  decide: decide(config),
  evolve
})

/**
 * Re-exported so hosts need not reach into LegalBasis to build findings.
 *
 * @since 0.1.0
 * @category models
 */
export type Basis = LegalBasis

/**
 * Decodes an unknown command (unknown fields and commands are rejected with
 * their paths) and decides it.
 *
 * @since 0.1.0
 * @category decide
 */
export const handle =
  (config: Config) => (input: unknown, state: State): Either.Either<ReadonlyArray<Event>, Rejection> =>
    Either.flatMap(decodeCommandInput(input), (command) => decide(config)(command, state))

/**
 * Decodes an unknown command.
 *
 * @since 0.1.0
 * @category decide
 */
export const decodeCommandInput: (input: unknown) => Either.Either<Command, InvalidInput> = decodeEither(
  CommandSchema,
  "Command"
)
