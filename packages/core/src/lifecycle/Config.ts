/**
 * What a project's lifecycle runs with: the parameters and the calendar, the rules of every stage
 * ({@link StageRules}), the guards of every command ({@link CommandRules}), the quota items, the deliverable types
 * and procurement methods (values with their titles, bases and award paths), and what plugins changed
 * (overrides, removals). `Plugin.configure` builds one from gsyf's defaults ({@link baseRules},
 * {@link baseGuards}, {@link baseProcurementMethods}) and the plugins.
 *
 * @since 0.2.0
 */
import type * as Either from "effect/Either"
import type * as Calendar from "../kernel/Calendar.js"
import type { InvalidInput } from "../kernel/InputError.js"
import type { LegalBasis } from "../kernel/LegalBasis.js"
import type * as Money from "../kernel/Money.js"
import type { ParameterReader, Rule, Title } from "../rules/Rule.js"
import { guards as keyAreasGuards } from "./3.1-key-areas/guards.js"
import { guards as planGuards } from "./3.2-plan/guards.js"
import * as PlanRules from "./3.2-plan/PlanRules.js"
import * as BudgetRules from "./3.3-budget/BudgetRules.js"
import { guards as budgetGuards } from "./3.3-budget/guards.js"
import { guards as publicityGuards } from "./3.4-publicity/guards.js"
import { guards as procurementGuards } from "./3.5-procurement/guards.js"
import { methods } from "./3.5-procurement/methods.js"
import * as Procurement from "./3.5-procurement/Procurement.js"
import { signingGuards } from "./3.5-procurement/recovery.js"
import { guards as contractGuards } from "./3.6-contract/guards.js"
import * as Payment from "./3.6-contract/Payment.js"
import { guards as implementationGuards } from "./3.7-implementation/guards.js"
import { guards as supervisionGuards } from "./3.8-supervision/guards.js"
import * as Acceptance from "./3.9-acceptance/Acceptance.js"
import { guards as acceptanceGuards } from "./3.9-acceptance/guards.js"
import * as DeliverableRules from "./4-deliverables/DeliverableRules.js"
import { guards as deliverableGuards } from "./4-deliverables/guards.js"
import type * as Quota from "./4-deliverables/Quota.js"
import * as ActorBinding from "./ActorBinding.js"
import type { Guard, Input } from "./Guard.js"
import type * as Parameter from "./Parameter.js"
import type * as ProjectCommand from "./ProjectCommand.js"
import type { Evaluation, RankedBid, RankingBasis, TieBreak } from "./ProjectEvent.js"
import type { ProcurementState } from "./ProjectState.js"
import type { Rejection } from "./Rejection.js"

// ── stages ──────────────────────────────────────────────────────────────────

/**
 * The stages at which rule sets run, with the input each stage's rules receive.
 *
 * @since 0.1.0
 * @category models
 */
export interface StageInputs {
  /** The plan's parameters as a whole: evaluated when the plan is issued. */
  readonly plan: PlanRules.PlanInput
  /** The budget's figures: evaluated when the plan is issued and again when the budget is submitted. */
  readonly budget: PlanRules.PlanInput
  /** A competitive consultation, when it is awarded. */
  readonly consultation: Procurement.ConsultationInput
  /** A panel review, when it is awarded. */
  readonly panelReview: Procurement.PanelReviewInput
  readonly payment: Payment.PaymentInput
  readonly deliverable: DeliverableRules.DeliverableInput
  readonly acceptanceGuard: Acceptance.AcceptanceInput
  readonly acceptanceVerdict: Acceptance.AcceptanceInput
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
 * The stages in the order the rule reference lists them.
 *
 * @since 0.2.0
 * @category constants
 */
export const stages: ReadonlyArray<Stage> = [
  "plan",
  "budget",
  "consultation",
  "panelReview",
  "payment",
  "deliverable",
  "acceptanceGuard",
  "acceptanceVerdict"
]

/**
 * The rules gsyf ships, by stage.
 *
 * @since 0.1.0
 * @category constants
 */
export const baseRules: StageRules = {
  plan: PlanRules.planRules,
  budget: BudgetRules.rules,
  consultation: Procurement.consultationRules,
  panelReview: Procurement.panelReviewRules,
  payment: Payment.rules,
  deliverable: DeliverableRules.rules,
  acceptanceGuard: Acceptance.guardRules,
  acceptanceVerdict: Acceptance.verdictRules
}

// ── guards ──────────────────────────────────────────────────────────────────

/**
 * The guards of every command, in the order they run.
 *
 * @since 0.2.0
 * @category models
 */
export type CommandRules = { readonly [K in ProjectCommand.Name]: ReadonlyArray<Guard<K>> }

/** The actor bindings (`ActorBinding.guards`) first: who a command acts for is settled before anything else. */
function withBindings(sections: CommandRules): CommandRules {
  const out: Record<string, ReadonlyArray<unknown>> = {}
  for (const [name, list] of Object.entries(sections)) {
    out[name] = [...(ActorBinding.guards[name as ProjectCommand.Name] ?? []), ...list]
  }
  return out as unknown as CommandRules
}

/**
 * The guards gsyf ships, by command (exhaustive: a new command does not compile until its section lists its
 * guards).
 *
 * @since 0.2.0
 * @category constants
 */
export const baseGuards: CommandRules = withBindings({
  ...keyAreasGuards,
  ...planGuards,
  ...budgetGuards,
  ...publicityGuards,
  ...procurementGuards,
  ...contractGuards,
  SignContract: [...contractGuards.SignContract, ...signingGuards],
  ...implementationGuards,
  ...supervisionGuards,
  ...acceptanceGuards,
  ...deliverableGuards
})

// ── procurement methods ─────────────────────────────────────────────────────

/**
 * The commands of a procurement (三(五)) at which a method may add guards.
 *
 * @since 0.2.0
 * @category models
 */
export type ProcurementCommand = "StartProcurement" | "SubmitBid" | "AppointPanel" | "SubmitScores" | "Award"

/**
 * What an award path is given: the `Award` command's input and the procurement it closes (with its panel).
 *
 * @since 0.2.0
 * @category models
 */
export interface AwardContext {
  readonly input: Input<"Award">
  readonly procurement: ProcurementState
  readonly panel: NonNullable<ProcurementState["panel"]>
}

/**
 * What an award path decides: the supplier, the value, the ranking and why, with the rules it evaluated and the
 * legal basis of the award.
 *
 * @since 0.2.0
 * @category models
 */
export interface AwardResult {
  readonly supplierId: string
  readonly supplierName: string
  readonly value: Money.Money
  readonly ranking: ReadonlyArray<RankedBid>
  readonly tieBreaks: ReadonlyArray<string>
  readonly reasons: ReadonlyArray<string>
  /** How the ranking was made (recorded in the `Awarded` event). */
  readonly rankingBasis?: RankingBasis | undefined
  /** The ties broken, by supplier id. */
  readonly ties?: ReadonlyArray<TieBreak> | undefined
  readonly basis: ReadonlyArray<LegalBasis>
  readonly evaluations: ReadonlyArray<Evaluation>
}

/**
 * How a method turns the bids and the panel's scores into an award, or why it cannot.
 *
 * @since 0.2.0
 * @category models
 */
export type AwardPath = (context: AwardContext) => Either.Either<AwardResult, Rejection>

/**
 * A procurement method as a value: its title and legal basis (shown in explanations and documents), the guards
 * it adds to the procurement commands (they run only for procurements by this method), what it fixes when the
 * procurement starts, the basis of its panel and its own award path.
 *
 * @since 0.2.0
 * @category models
 */
export interface ProcurementMethod {
  readonly id: string
  readonly title: Title
  readonly basis: ReadonlyArray<LegalBasis>
  /** Guards added to the procurement commands, run after the command's own for procurements by this method. */
  readonly guards?: { readonly [K in ProcurementCommand]?: ReadonlyArray<Guard<K>> } | undefined
  /** What the method fixes when the procurement starts (a consultation's price weight), read from parameters. */
  readonly onStart?:
    | ((parameters: ParameterReader) => { readonly priceWeight?: Money.Decimal | undefined })
    | undefined
  /** The basis recorded when the procurement starts (default: the plan's 三(五)). */
  readonly startBasis?: ReadonlyArray<LegalBasis> | undefined
  /** Input checks of a panel this method needs beyond the command's schema (a review panel's members). */
  readonly checkPanel?: ((input: Input<"AppointPanel">) => InvalidInput | undefined) | undefined
  /** The basis recorded when its panel is appointed (default: {@link ProcurementMethod.basis}). */
  readonly panelBasis?: ReadonlyArray<LegalBasis> | undefined
  /** Whether the method has a panel (`required`, the default) or none (单一来源: no `AppointPanel`). */
  readonly panel?: "required" | "none" | undefined
  /** The parameter of the days before the deadline a clarification is due; a later one moves the deadline. */
  readonly clarificationDays?: string | undefined
  /** Whether the panel scores the bids (default `true`; 询价's panel checks and compares prices instead). */
  readonly scored?: boolean | undefined
  readonly award: AwardPath
}

/**
 * The procurement methods gsyf ships: 评审小组评审 (`panel-review`, the hazardous-chemicals sub-project's dispersed
 * procurement), 竞争性磋商 (`competitive-consultation`), 公开招标 (`public-tender`), 询价 (`inquiry`) and 单一来源
 * (`single-source`). A province or city adds its own with a plugin (`Plugin.ProcurementMethod`).
 *
 * @since 0.2.0
 * @category constants
 */
export const baseProcurementMethods: ReadonlyArray<ProcurementMethod> = methods

// ── configuration ───────────────────────────────────────────────────────────

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
 * A plugin's manifest: who it is and what it adds, overrides and removes (computed from its contents by
 * `Plugin.make`, so it cannot disagree with them).
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
  /** The rules the plugin removes (`rule:<stage or command>/<id>`), each with the legal reason it states. */
  readonly removes: ReadonlyArray<{ readonly rule: string; readonly reason: LegalBasis }>
}

/**
 * An applied override, for the rule reference, explanations and traces.
 *
 * @since 0.1.0
 * @category models
 */
export interface AppliedOverride {
  /** The stage or command whose rule is replaced. */
  readonly target: Stage | ProjectCommand.Name
  /** Same as `target` (the 0.1 name of the field, when only stages had rules). */
  readonly stage: Stage | ProjectCommand.Name
  readonly ruleId: string
  readonly by: string
  readonly priority: number | undefined
  readonly shadowed: ReadonlyArray<string>
}

/**
 * A rule a plugin removed, with the legal reason it states.
 *
 * @since 0.2.0
 * @category models
 */
export interface AppliedRemoval {
  readonly target: Stage | ProjectCommand.Name
  readonly ruleId: string
  readonly by: string
  readonly reason: LegalBasis
}

/**
 * Everything a project runs with: parameters (with plugin values applied), the calendar, the rules of each stage
 * and the guards of each command (with plugin additions, overrides and removals applied), the quota items, the
 * known deliverable types and procurement methods, and the subscribers.
 *
 * @since 0.1.0
 * @category models
 */
export interface Config {
  readonly parameters: Parameter.ParameterSet
  readonly calendar: Calendar.Service
  readonly rules: StageRules
  readonly guards: CommandRules
  readonly quotaItems: ReadonlyArray<Quota.Item>
  readonly deliverableTypes: ReadonlySet<string>
  /** The procurement methods by id (gsyf's and the plugins'). */
  readonly procurementMethods: ReadonlyMap<string, ProcurementMethod>
  readonly plugins: ReadonlyArray<Manifest>
  readonly overrides: ReadonlyArray<AppliedOverride>
  readonly removals: ReadonlyArray<AppliedRemoval>
  /** The `onEvent` hooks of the plugins, in load order. */
  readonly subscribers: ReadonlyArray<(event: CommittedEvent) => void | PromiseLike<void>>
}

const methodOf = (input: Input<ProcurementCommand>): string | undefined =>
  input.command._tag === "StartProcurement"
    ? input.command.method
    : input.state.subProjects[input.command.subProject].procurement?.method

/**
 * The guards the methods add, by procurement command, each wrapped to run only for procurements by its method
 * (same id, titles and basis; no findings for other methods).
 *
 * @since 0.2.0
 * @category constructors
 */
export const methodGuards = (
  methods: ReadonlyArray<ProcurementMethod>
): { readonly [K in ProcurementCommand]: ReadonlyArray<Guard<K>> } => {
  const out: { [K in ProcurementCommand]: Array<Guard<K>> } = {
    StartProcurement: [],
    SubmitBid: [],
    AppointPanel: [],
    SubmitScores: [],
    Award: []
  }
  for (const m of methods) {
    for (const k of Object.keys(out) as Array<ProcurementCommand>) {
      for (const g of (m.guards?.[k] ?? []) as ReadonlyArray<Guard<ProcurementCommand>>) {
        ;(out[k] as Array<Guard<ProcurementCommand>>).push({
          ...g,
          evaluate: (input, parameters) => (methodOf(input) === m.id ? g.evaluate(input, parameters) : [])
        })
      }
    }
  }
  return out
}
