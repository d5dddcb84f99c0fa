/**
 * The lifecycle of a project — one city, one year, its two sub-projects — as a decider (named `Project` before
 * 0.2, which remains as a deprecated alias): `decide(command, state)` answers with events or a typed rejection,
 * `evolve(state, event)` folds them. The whole of 实施方案 三 and 四 runs through it, one folder per plan section
 * (`lifecycle/3.1-key-areas` … `lifecycle/4-deliverables`), each with its commands, events, guards, handlers and
 * folds; the decider is assembled here from exhaustive records over the command names.
 *
 * Deciding a command: a retried command id gives no events; the actor's role must be allowed; the section's input
 * checks run; then the command's guards (`Guard`, with the plugins' additions, overrides and removals) in order;
 * then its handler, which may run stage rules and traced computations. Every guard evaluation that read
 * parameters or found something is recorded in the event. A rejected command changes nothing.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import type { CalendarYearNotCovered } from "../kernel/Calendar.js"
import type { InvalidInput } from "../kernel/InputError.js"
import { checkDepth, decodeEither } from "../kernel/InputError.js"
import * as InputDecoder from "../kernel/internal/inputDecoder.js"
import * as IsoDate from "../kernel/IsoDate.js"
import type { LegalBasis } from "../kernel/LegalBasis.js"
import * as RuleSet from "../rules/RuleSet.js"
import { handlers as keyAreasHandlers } from "./3.1-key-areas/decide.js"
import { handlers as planHandlers, validate as planValidate } from "./3.2-plan/decide.js"
import { handlers as budgetHandlers } from "./3.3-budget/decide.js"
import { handlers as publicityHandlers } from "./3.4-publicity/decide.js"
import { handlers as procurementHandlers } from "./3.5-procurement/decide.js"
import { handlers as contractHandlers } from "./3.6-contract/decide.js"
import { handlers as implementationHandlers } from "./3.7-implementation/decide.js"
import { handlers as supervisionHandlers } from "./3.8-supervision/decide.js"
import * as Supervision from "./3.8-supervision/Supervision.js"
import { handlers as acceptanceHandlers } from "./3.9-acceptance/decide.js"
import { handlers as deliverableHandlers } from "./4-deliverables/decide.js"
import { quotaProgress as progressAt } from "./4-deliverables/progress.js"
import type * as Quota from "./4-deliverables/Quota.js"
import type * as ConfigModule from "./Config.js"
import type { Decider, Pieces } from "./Decider.js"
import type { Guard, Input } from "./Guard.js"
import type { Handler, Result } from "./internal/decide.js"
import { toEvaluation } from "./internal/decide.js"
import { allowedOf } from "./internal/guard.js"
import * as Parameter from "./Parameter.js"
import { allowedRoles, Command as CommandSchema } from "./ProjectCommand.js"
import type * as ProjectCommand from "./ProjectCommand.js"
import type { Evaluation, Event } from "./ProjectEvent.js"
import {
  evolve as evolveState,
  evolveAll as evolveAllStates,
  evolvePieces as evolvePiecesOf,
  initialState as initial,
  type SubProjectKey
} from "./ProjectState.js"
import { OutOfOrder, type Rejection, RuleViolation, Unauthorized } from "./Rejection.js"

export type {
  AppliedOverride,
  AppliedRemoval,
  CommittedEvent,
  Manifest,
  Stage,
  StageInputs,
  StageRules
} from "./Config.js"
export type {
  ActiveEvidence,
  Objection,
  ProcurementState,
  Status,
  StatusFacts,
  SubProjectKey,
  SubProjectState
} from "./ProjectState.js"
export { evidenceOf, stateVersion, status, statusOf, subProjectKeys, subProjectNames } from "./ProjectState.js"
export {
  /**
   * @since 0.1.0
   * @category errors
   */
  OutOfOrder,
  /**
   * @since 0.1.0
   * @category errors
   */
  RuleViolation,
  /**
   * @since 0.1.0
   * @category errors
   */
  Unauthorized
} from "./Rejection.js"
export type { Rejection } from "./Rejection.js"
export { ruleIdsOf } from "./Rejection.js"

/**
 * What a project runs with (see `Config`).
 *
 * @since 0.1.0
 * @category models
 */
export type Config = ConfigModule.Config

/**
 * The state of a project (see `ProjectState`).
 *
 * @since 0.1.0
 * @category models
 */
export type State = import("./ProjectState.js").State

/**
 * The state before any event.
 *
 * @since 0.1.0
 * @category constants
 */
export const initialState: State = initial

/**
 * Folds one event into the state (the one fold, assembled from the sections' folds in `ProjectState`).
 *
 * @since 0.1.0
 * @category evolve
 */
export const evolve: (state: State, event: Event) => State = evolveState

/**
 * Folds events into the state, in order: the state {@link evolve} gives folding them one by one, at a fraction of
 * the cost (the batch writes in place what it made itself, and leaves `state` and every earlier state as they were).
 *
 * @since 0.2.0
 * @category evolve
 */
export const evolveAll: (state: State, events: Iterable<Event>) => State = evolveAllStates

/**
 * Folds events that arrive in pieces as one {@link evolveAll} (a replay that reads a long stream a piece at a
 * time); see `Decider.Pieces`.
 *
 * @since 0.2.0
 * @category evolve
 */
export const evolvePieces: (state: State) => Pieces<Event, State> = evolvePiecesOf

// ── reads for hosts ─────────────────────────────────────────────────────────

/**
 * Quota progress (done / required per item) at a date.
 *
 * @since 0.1.0
 * @category getters
 */
export const quotaProgress: (
  config: Config,
  s: State,
  at: IsoDate.IsoDate,
  key?: SubProjectKey
) => ReadonlyArray<Quota.Progress> = progressAt

/**
 * Monthly briefing status of a sub-project as of a date (empty before the contract); `CalendarYearNotCovered`
 * when the calendar lacks a year of the contract period.
 *
 * @since 0.1.0
 * @category getters
 */
export const briefingStatus = (
  config: Config,
  s: State,
  key: SubProjectKey,
  asOf: IsoDate.IsoDate
): Either.Either<ReadonlyArray<Supervision.MonthStatus>, CalendarYearNotCovered> => {
  const sp = s.subProjects[key]
  if (sp.contract === undefined) return Either.right([])
  const dueDay = Parameter.resolve(config.parameters, "supervision.briefingDueDay", asOf)?.value as number | undefined
  if (dueDay === undefined) return Either.right([])
  return Supervision.status({
    signedOn: sp.contract.signedOn,
    periodEnd: sp.contract.periodEnd,
    dueDay,
    submitted: sp.briefings,
    asOf,
    calendar: config.calendar
  })
}

// ── decide ──────────────────────────────────────────────────────────────────

type Name = ProjectCommand.Name

// Exhaustive: a new command does not compile until a section handles it.
const handlers: { readonly [K in Name]: Handler<K> } = {
  ...keyAreasHandlers,
  ...planHandlers,
  ...budgetHandlers,
  ...publicityHandlers,
  ...procurementHandlers,
  ...contractHandlers,
  ...implementationHandlers,
  ...supervisionHandlers,
  ...acceptanceHandlers,
  ...deliverableHandlers
}

const validators: { readonly [K in Name]?: (command: ProjectCommand.Of<K>) => InvalidInput | undefined } = {
  ...planValidate
}

/** The rejection of an authorisation guard's error: a binding names its rule and says why. */
const unauthorizedBy = (
  ruleId: string,
  command: string,
  role: string,
  error: import("../rules/Rule.js").Finding
): Unauthorized =>
  ruleId === "roles.allowed"
    ? new Unauthorized({ command, role: error.actual ?? role, allowed: allowedOf(error) })
    : new Unauthorized({
      command,
      role: error.actual ?? role,
      allowed: allowedOf(error),
      ruleId,
      zh: error.zh,
      en: error.en
    })

/**
 * Runs a command's guards in order: an order or authorisation error stops at once (unless checks already found
 * errors, which then reject the command), check errors accumulate. Gives the evaluations to record.
 */
const runGuards = <K extends Name>(
  input: Input<K>,
  guards: ReadonlyArray<Guard<K>>
): Either.Either<ReadonlyArray<Evaluation>, Rejection> => {
  const recorded: Array<Evaluation> = []
  const findings: Array<import("../rules/Rule.js").Finding> = []
  let failed = false
  const command = input.command._tag
  for (const guard of guards) {
    const trace = RuleSet.evaluateRule(guard, input, input.config.parameters, input.on)
    const error = trace.findings.find((f) => f.severity === "error" && f.ruleId === guard.id)
    const kind = guard.kind ?? "check"
    if (error !== undefined && kind !== "check") {
      if (failed) break
      if (kind === "order") {
        return Either.left(new OutOfOrder({ command, ruleId: guard.id, zh: error.zh, en: error.en }))
      }
      return Either.left(unauthorizedBy(guard.id, command, input.command.actor.role, error))
    }
    if (trace.findings.some((f) => f.severity === "error")) failed = true
    findings.push(...trace.findings)
    if (trace.reads.length > 0 || trace.findings.length > 0) recorded.push(toEvaluation(trace))
  }
  return failed ? Either.left(new RuleViolation({ command, findings })) : Either.right(recorded)
}

const decideCommand = <K extends Name>(
  config: Config,
  state: State,
  command: ProjectCommand.Of<K>,
  on: IsoDate.IsoDate
): Result => {
  const validate = validators[command._tag as K] as ((c: ProjectCommand.Of<K>) => InvalidInput | undefined) | undefined
  const invalid = validate?.(command)
  if (invalid !== undefined) return Either.left(invalid)
  const input: Input<K> = { command, state, on, config }
  const guarded = runGuards(input, config.guards[command._tag as K] as ReadonlyArray<Guard<K>>)
  if (Either.isLeft(guarded)) return Either.left(guarded.left)
  const handler = handlers[command._tag as K] as Handler<K>
  const result = handler(input)
  if (Either.isLeft(result) || guarded.right.length === 0) return result
  const [first, ...rest] = result.right
  return Either.right([{ ...first!, evaluations: [...guarded.right, ...(first!.evaluations ?? [])] }, ...rest])
}

/**
 * Whether the command's actor may send it: the role check, made before
 * anything else (before a resent command id is recognised), so that a role not
 * allowed to send a command is refused even when it reuses a stored command's id.
 *
 * @since 0.2.0
 * @category decide
 */
export const authorize = (command: ProjectCommand.Command, _state: State): Either.Either<void, Rejection> => {
  const allowed = allowedRoles[command._tag]
  return allowed.includes(command.actor.role)
    ? Either.void
    : Either.left(new Unauthorized({ command: command._tag, role: command.actor.role, allowed }))
}

/**
 * The role check, then the command's authorisation guards (the actor bindings of `ActorBinding`, the panel
 * membership of a scorer, and those plugins add): what the decider checks before a resent command id is
 * recognised, so that a party cannot read another's stored command by reusing its id. A guard that cannot judge
 * the command at this point of the lifecycle is left to the ordered guards.
 *
 * @since 0.2.0
 * @category decide
 */
export const authorizeWith =
  (config: Config) => (command: ProjectCommand.Command, state: State): Either.Either<void, Rejection> =>
    authorizeAt(config, command, state, IsoDate.dateOf(command.at))

const authorizeAt = (
  config: Config,
  command: ProjectCommand.Command,
  state: State,
  on: IsoDate.IsoDate
): Either.Either<void, Rejection> => {
  const role = authorize(command, state)
  if (Either.isLeft(role)) return role
  const input: Input<Name> = { command, state, on, config }
  const guards = config.guards[command._tag] as ReadonlyArray<Guard<Name>>
  for (const guard of guards) {
    if (guard.kind !== "authorization") continue
    let trace: RuleSet.RuleTrace
    try {
      trace = RuleSet.evaluateRule(guard, input, config.parameters, input.on)
    } catch {
      continue // state the guard needs is not there yet: the ordered guards answer first
    }
    const error = trace.findings.find((f) => f.severity === "error" && f.ruleId === guard.id)
    if (error !== undefined) return Either.left(unauthorizedBy(guard.id, command._tag, command.actor.role, error))
  }
  return Either.void
}

/**
 * Decides a command against a state: the events it causes, or why it is
 * rejected. The actor is authorized first; then a command id already applied
 * gives no events (a retry).
 *
 * @since 0.1.0
 * @category decide
 */
export const decide = (config: Config) =>
(
  command: ProjectCommand.Command,
  state: State
): Either.Either<ReadonlyArray<Event>, Rejection> => {
  // the date of the act, computed once for the authorisation guards and the others
  const on = IsoDate.dateOf(command.at)
  const authorized = authorizeAt(config, command, state, on)
  if (Either.isLeft(authorized)) return Either.left(authorized.left)
  if (state.commandIds.has(command.commandId)) return Either.right([])
  return Either.map(decideCommand(config, state, command, on), (steps) =>
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
export const decider = (config: Config): Decider<ProjectCommand.Command, Event, State, Rejection> => ({
  initialState,
  authorize: authorizeWith(config),
  decide: decide(config),
  evolve,
  evolveAll,
  evolvePieces
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

const decodeCommand = decodeEither(CommandSchema, "Command")
const decodeValidCommand = InputDecoder.make(CommandSchema)

/**
 * Decodes an unknown command.
 *
 * @since 0.1.0
 * @category decide
 */
export const decodeCommandInput = (input: unknown): Either.Either<ProjectCommand.Command, InvalidInput> => {
  const depth = checkDepth("Command", input)
  if (Either.isLeft(depth)) return Either.left(depth.left)
  // A valid command decodes without the parser's intermediate results; anything else (or anything the compiled
  // decoder is not sure of) goes through the full schema, which gives the same value or says what is wrong.
  const valid = decodeValidCommand(input)
  return valid === undefined ? decodeCommand(input) : Either.right(valid)
}
