/**
 * Evaluating rules: a report of findings plus a trace of every parameter value
 * read (with the date it took effect and its basis), stamped with the rule
 * set's version so a result can be explained later.
 *
 * @since 0.1.0
 */
import * as Parameter from "./ParameterSet.js"
import { type Finding, findings as findingsFor, hasErrors, type ParameterReader, type Rule } from "./Rule.js"

/**
 * A parameter read, as recorded in a trace.
 *
 * @since 0.1.0
 * @category models
 */
export interface TracedRead {
  readonly name: string
  /** The value, as shown to people (money as ¥, decimals as strings). */
  readonly value: string
  readonly effectiveFrom: string | undefined
  readonly basis: string
}

/**
 * What one rule did.
 *
 * @since 0.1.0
 * @category models
 */
export interface RuleTrace {
  readonly ruleId: string
  readonly reads: ReadonlyArray<TracedRead>
  readonly findings: ReadonlyArray<Finding>
}

/**
 * The result of evaluating a rule set.
 *
 * @since 0.1.0
 * @category models
 */
export interface Report {
  /** `gsyf.trace.v1` */
  readonly format: "gsyf.trace.v1"
  /** The date parameters were resolved at. */
  readonly at: string
  readonly passed: boolean
  readonly findings: ReadonlyArray<Finding>
  readonly trace: ReadonlyArray<RuleTrace>
}

/**
 * A set of rules over the same input, with plugin overrides already applied.
 *
 * @since 0.1.0
 * @category models
 */
export interface RuleSet<in I> {
  readonly rules: ReadonlyArray<Rule<I>>
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = <I>(rules: ReadonlyArray<Rule<I>>): RuleSet<I> => ({ rules })

class MissingParameter {
  constructor(readonly name: string) {}
}

/**
 * A reader that records what it reads. Rules that read a parameter with no
 * value at the date get a `parameters.missing` error finding.
 *
 * @since 0.1.0
 * @category constructors
 */
export const tracingReader = (set: Parameter.ParameterSet, at: string) => {
  const reader = new TracingReader(set, at)
  return { reads: reader.reads, reader }
}

// A class rather than a closure per evaluation: rule sets are evaluated many thousands of times.
class TracingReader implements ParameterReader {
  readonly reads: Array<TracedRead> = []
  constructor(
    private readonly set: Parameter.ParameterSet,
    private readonly at: string
  ) {}
  read<A>(name: string): A {
    const r = this.readOptional<A>(name)
    if (r === undefined) throw new MissingParameter(name)
    return r
  }
  readOptional<A>(name: string): A | undefined {
    const r = Parameter.resolve(this.set, name, this.at)
    if (r === undefined) return undefined
    this.reads.push(tracedRead(r))
    return r.value as A
  }
}

// The record of a read, one per resolved read (`Parameter.resolve` answers a set, a name and a date with the same
// read object), shared by every trace that makes it: a rule set evaluated per command need not rebuild it.
const tracedRead = (r: Parameter.Read): TracedRead => {
  let traced = tracedReads.get(r)
  if (traced === undefined) {
    traced = { name: r.name, value: Parameter.show(r.value), effectiveFrom: r.effectiveFrom, basis: r.basis.citation }
    tracedReads.set(r, traced)
  }
  return traced
}
const tracedReads = new WeakMap<Parameter.Read, TracedRead>()

const missing = findingsFor("parameters.missing")

const missingFinding = (ruleId: string, name: string, at: string): Finding =>
  missing.error(
    `parameters.${name}`,
    `规则 ${ruleId} 需要的参数 ${name} 在 ${at} 没有有效取值`,
    `rule ${ruleId} needs parameter ${name}, which has no value in force on ${at}`
  )

/**
 * Runs a computation that reads parameters (a deadline, a split, a sign-by date) with a tracing reader, so that
 * its reads are recorded under `ruleId` like a rule's. A parameter with no value in force ends the computation:
 * the result is then the `parameters.missing` finding instead of a value.
 *
 * @since 0.2.0
 * @category evaluation
 */
export const traced = <A>(
  ruleId: string,
  set: Parameter.ParameterSet,
  at: string,
  compute: (parameters: ParameterReader) => A
): {
  readonly trace: RuleTrace
  readonly value: { readonly ok: true; readonly value: A } | { readonly ok: false; readonly finding: Finding }
} => {
  const { reader, reads } = tracingReader(set, at)
  try {
    const value = compute(reader)
    return { trace: { ruleId, reads, findings: [] }, value: { ok: true, value } }
  } catch (e) {
    if (e instanceof MissingParameter) {
      const finding = missingFinding(ruleId, e.name, at)
      return { trace: { ruleId, reads, findings: [finding] }, value: { ok: false, finding } }
    }
    throw e
  }
}

/**
 * Evaluates one rule, capturing its reads.
 *
 * @since 0.1.0
 * @category evaluation
 */
export const evaluateRule = <I>(rule: Rule<I>, input: I, set: Parameter.ParameterSet, at: string): RuleTrace => {
  const { reader, reads } = tracingReader(set, at)
  try {
    return { ruleId: rule.id, reads, findings: rule.evaluate(input, reader) }
  } catch (e) {
    if (e instanceof MissingParameter) {
      return {
        ruleId: rule.id,
        reads,
        findings: [missingFinding(rule.id, e.name, at)]
      }
    }
    throw e
  }
}

/**
 * Evaluates every rule of a set at a date.
 *
 * @since 0.1.0
 * @category evaluation
 */
export const evaluate = <I>(ruleSet: RuleSet<I>, input: I, set: Parameter.ParameterSet, at: string): Report => {
  const trace: Array<RuleTrace> = []
  const all: Array<Finding> = []
  for (const rule of ruleSet.rules) {
    const t = evaluateRule(rule, input, set, at)
    trace.push(t)
    for (const f of t.findings) all.push(f)
  }
  return { format: "gsyf.trace.v1", at, passed: !hasErrors(all), findings: all, trace }
}
