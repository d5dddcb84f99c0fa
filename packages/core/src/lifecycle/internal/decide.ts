// The kit of the sections' decide handlers: what a handler returns (steps: event drafts with their basis,
// evaluations and the events they rest on), and helpers to run a stage's rules and to trace the parameters a
// computation reads.
import * as Either from "effect/Either"
import type { PeriodUnit } from "../../kernel/Calendar.js"
import type { LegalBasis } from "../../kernel/LegalBasis.js"
import { plan } from "../../kernel/LegalBasis.js"
import { type Finding, findings as findingsFor, type ParameterReader, type Rule } from "../../rules/Rule.js"
import * as RuleSet from "../../rules/RuleSet.js"
import type { Stage, StageInputs } from "../Config.js"
import type { Input } from "../Guard.js"
import type * as ProjectCommand from "../ProjectCommand.js"
import type { Evaluation, Event } from "../ProjectEvent.js"
import { OutOfOrder, type Rejection, RuleViolation } from "../Rejection.js"
import type { Doc } from "./guard.js"

type Meta = "id" | "commandId" | "actor" | "at" | "evaluations" | "basis" | "restsOn"

/** An event without what the decider adds (id, command, actor, time, evaluations, basis, what it rests on). */
export type Draft = { readonly [K in Event["_tag"]]: Omit<Extract<Event, { _tag: K }>, Meta> }[Event["_tag"]]

/** One event a command causes. */
export interface Step {
  readonly draft: Draft
  readonly basis: ReadonlyArray<LegalBasis>
  readonly evaluations?: ReadonlyArray<Evaluation> | undefined
  readonly restsOn?: ReadonlyArray<string> | undefined
}

/** What the helpers below need of a command's input (any command's `Input` has it). */
export interface Context {
  readonly command: { readonly _tag: string }
  readonly on: string
  readonly config: Input["config"]
}

/** What a handler answers. */
export type Result = Either.Either<ReadonlyArray<Step>, Rejection>

/** Decides a command whose guards passed. */
export type Handler<K extends ProjectCommand.Name> = (input: Input<K>) => Result

/** The handlers of a section's commands. */
export type Handlers<K extends ProjectCommand.Name> = { readonly [T in K]: Handler<T> }

export const ok = (...steps: ReadonlyArray<Step>): Result => Either.right(steps)

export const violation = (command: string, findings: ReadonlyArray<Finding>): Result =>
  Either.left(new RuleViolation({ command, findings }))

export const outOfOrder = (command: string, ruleId: string, zh: string, en: string): Result =>
  Either.left(new OutOfOrder({ command, ruleId, zh, en }))

export const single = (ruleId: string, path: string, zh: string, en: string, expected?: string, actual?: string) =>
  findingsFor(ruleId).error(path, zh, en, expected, actual)

export const planBasis = (section: string, note?: string): ReadonlyArray<LegalBasis> => [plan(section, note)]

/** A rule's trace as an event records it. */
export const toEvaluation = (t: RuleSet.RuleTrace): Evaluation => ({
  ruleId: t.ruleId,
  reads: t.reads.length === 0 ? noReads : t.reads.map(recordedRead),
  findings: t.findings
})

type RecordedRead = Evaluation["reads"][number]
const noReads: ReadonlyArray<RecordedRead> = []

// A read as an event records it, one per traced read (traces share those of the same parameter read at the same
// date), so that deciding a command does not rebuild them.
const recordedRead = (r: RuleSet.TracedRead): RecordedRead => {
  let recorded = recordedReads.get(r)
  if (recorded === undefined) {
    recorded = {
      name: r.name,
      value: r.value,
      basis: r.basis,
      ...(r.effectiveFrom === undefined ? {} : { effectiveFrom: r.effectiveFrom })
    }
    recordedReads.set(r, recorded)
  }
  return recorded
}
const recordedReads = new WeakMap<RuleSet.TracedRead, RecordedRead>()

/** The bases of rules, each citation once (the same array for the same rules: a stage's are the config's). */
export const basisOf = (rules: ReadonlyArray<Rule<never>>): ReadonlyArray<LegalBasis> => {
  let bases = basesOf.get(rules)
  if (bases === undefined) {
    const seen = new Map<string, LegalBasis>()
    for (const r of rules) for (const b of r.basis) seen.set(b.citation, b)
    bases = [...seen.values()]
    basesOf.set(rules, bases)
  }
  return bases
}
const basesOf = new WeakMap<ReadonlyArray<Rule<never>>, ReadonlyArray<LegalBasis>>()

/** What running a stage's rules gave. */
export interface Checked {
  readonly rules: ReadonlyArray<Rule<never>>
  readonly evaluations: ReadonlyArray<Evaluation>
  readonly errors: ReadonlyArray<Finding>
  readonly findings: ReadonlyArray<Finding>
}

/**
 * Runs the rules of a stage (with the plugins' additions, overrides and removals) on its input, at the command's date.
 */
export const runStage = <S extends Stage>(
  input: Context,
  stage: S,
  stageInput: StageInputs[S]
): Checked => {
  const rules = input.config.rules[stage] as ReadonlyArray<Rule<StageInputs[S]>>
  const report = RuleSet.evaluate(RuleSet.make(rules), stageInput, input.config.parameters, input.on)
  return {
    rules: rules as ReadonlyArray<Rule<never>>,
    evaluations: report.trace.map(toEvaluation),
    errors: report.findings.filter((f) => f.severity === "error"),
    findings: report.findings
  }
}

/**
 * Computes something from parameters (in force at the command's date unless `at` is given) with their reads
 * traced under a documented step's id. A parameter with no value in force rejects the command
 * (`parameters.missing`).
 */
export const traced = <A>(
  input: Context,
  step: Doc,
  compute: (parameters: ParameterReader) => A,
  at: string = input.on
): Either.Either<{ readonly value: A; readonly evaluation: Evaluation }, Rejection> => {
  const t = RuleSet.traced(step.id, input.config.parameters, at, compute)
  if (!t.value.ok) return Either.left(new RuleViolation({ command: input.command._tag, findings: [t.value.finding] }))
  return Either.right({ value: t.value.value, evaluation: toEvaluation(t.trace) })
}

/**
 * A period's length as the explanations write it: "7 个工作日" / "7 working days", "20 日" / "20 days" (a count of
 * calendar days takes no 个).
 */
export const periodLength = (length: number, unit: PeriodUnit): { readonly zh: string; readonly en: string } =>
  unit === "working-days"
    ? { zh: `${length} 个工作日`, en: `${length} working days` }
    : { zh: `${length} 日`, en: `${length} days` }

/** The finding of a deadline the calendar cannot compute (a year without holiday data). */
export const calendarFinding = (e: { readonly message: string }, path: string): Finding =>
  single("calendar.covered", path, `日历无法计算:${e.message}`, `the calendar cannot compute this: ${e.message}`)
