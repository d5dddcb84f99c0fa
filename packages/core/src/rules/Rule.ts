/**
 * Rules as values. A rule has a stable id (`budget.split-sum`), titles in
 * Chinese and English, the plan section it belongs to, its legal basis, the
 * parameters it reads, and a pure evaluation that returns structured
 * {@link Finding}s — never a bare boolean.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { LegalBasis } from "../kernel/LegalBasis.js"

/**
 * How serious a finding is. `error` blocks the step it guards; `warning` is
 * recorded and shown; `info` explains.
 *
 * @since 0.1.0
 * @category models
 */
export const Severity = Schema.Literal("error", "warning", "info")

/**
 * @since 0.1.0
 * @category models
 */
export type Severity = typeof Severity.Type

/**
 * The result of checking one thing.
 *
 * @since 0.1.0
 * @category models
 */
export class Finding extends Schema.Class<Finding>("@gsyf/core/Finding")({
  ruleId: Schema.String,
  severity: Severity,
  /** Where in the input the problem is, e.g. `budget.hazchem` or `payments[2].amount`. */
  path: Schema.String,
  expected: Schema.optional(Schema.String),
  actual: Schema.optional(Schema.String),
  zh: Schema.String,
  en: Schema.String
}) {}

/**
 * @since 0.1.0
 * @category models
 */
export interface Title {
  readonly zh: string
  readonly en: string
}

/**
 * Reads a parameter while recording the read in the trace. Rules get one from
 * the evaluator; they never look parameters up on their own.
 *
 * @since 0.1.0
 * @category models
 */
export interface ParameterReader {
  /**
   * The value of a parameter at the evaluation date, recorded in the trace; a parameter with no value in force fails
   * the rule with `parameters.missing`.
   */
  readonly read: <A = unknown>(name: string) => A
  /** The value of an optional parameter (one a city may leave unset), recorded in the trace when it has one. */
  readonly readOptional: <A = unknown>(name: string) => A | undefined
}

/**
 * A rule over some input `I`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Rule<in I> {
  readonly id: string
  readonly title: Title
  /** The plan section it belongs to, e.g. `三(三)`, for grouping in the rule reference. */
  readonly section: string
  readonly basis: ReadonlyArray<LegalBasis>
  /** Names of the parameters the rule reads. */
  readonly reads: ReadonlyArray<string>
  /** A sentence on what the rule checks and how (rendered in the rule reference). */
  readonly description: string
  /** Pure check of the input; never throws, returns findings (none when all is well). */
  readonly evaluate: (input: I, parameters: ParameterReader) => ReadonlyArray<Finding>
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = <I>(rule: Rule<I>): Rule<I> => rule

/**
 * Builds findings for one rule without repeating its id.
 *
 * @since 0.1.0
 * @category constructors
 */
export const findings = (ruleId: string): FindingsOf => {
  // rules call this on every evaluation; the builders of an id are made once
  let builders = builderCache.get(ruleId)
  if (builders === undefined) {
    builders = {
      error: (path, zh, en, expected, actual) => finding(ruleId, "error", path, zh, en, expected, actual),
      warning: (path, zh, en, expected, actual) => finding(ruleId, "warning", path, zh, en, expected, actual),
      info: (path, zh, en, expected, actual) => finding(ruleId, "info", path, zh, en, expected, actual)
    }
    if (builderCache.size < 10_000) builderCache.set(ruleId, builders)
  }
  return builders
}

/**
 * The finding builders of one rule.
 *
 * @since 0.1.0
 * @category models
 */
export interface FindingsOf {
  /** A finding that blocks the step. */
  readonly error: (path: string, zh: string, en: string, expected?: string, actual?: string) => Finding
  /** A finding recorded and shown, not blocking. */
  readonly warning: (path: string, zh: string, en: string, expected?: string, actual?: string) => Finding
  /** A finding that explains. */
  readonly info: (path: string, zh: string, en: string, expected?: string, actual?: string) => Finding
}

const builderCache = new Map<string, FindingsOf>()

const finding = (
  ruleId: string,
  severity: Severity,
  path: string,
  zh: string,
  en: string,
  expected: string | undefined,
  actual: string | undefined
): Finding =>
  new Finding({
    ruleId,
    severity,
    path,
    zh,
    en,
    ...(expected === undefined ? {} : { expected }),
    ...(actual === undefined ? {} : { actual })
  })

/**
 * True when any finding is an error.
 *
 * @since 0.1.0
 * @category guards
 */
export const hasErrors = (fs: ReadonlyArray<Finding>): boolean => fs.some((f) => f.severity === "error")
