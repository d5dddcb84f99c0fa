/**
 * What a scenario step expects, and how it is checked against what the step
 * produced: its events, a rejection and its rules, findings, values of the
 * {@link StateView}, quota progress, payments and deadlines. Each expectation
 * that does not hold becomes a {@link Failure} with its path and line in the
 * scenario file.
 *
 * @since 0.2.0
 */
import { IsoDate, Lifecycle, Money, type Plugin, ProjectEvent, type Rule } from "@gsyf/core"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { at as valueAt, match, type Mismatch, plain, scalarEquals } from "./internal/compare.js"
import * as Deadlines from "./internal/deadlines.js"
import * as Documents from "./internal/documents.js"
import * as Matchers from "./internal/matchers.js"
import * as Releases from "./internal/releases.js"
import { formatPath, type Path, type Position } from "./internal/source.js"
import type * as StateView from "./StateView.js"

const Text = Schema.String.pipe(Schema.minLength(1, { message: () => "must not be empty" }))

const Amount = Schema.Union(Schema.String, Schema.Number).pipe(
  Schema.filter((u) => Either.isRight(Money.fromYuan(typeof u === "number" ? String(u) : u)), {
    message: (issue) =>
      `not an amount exact to the fen: ${JSON.stringify(issue.actual)} (at most two decimals, e.g. "872000.00")`
  })
)

/** A matcher (`{ capital: … }`, `{ approximately: …, tolerance: … }`, `{ contains: … }`), checked when loading. */
const MatcherObject = Schema.Record({ key: Schema.String, value: Schema.Unknown })

const AmountExpected = Schema.Union(Amount, MatcherObject)

const NullableDate = Schema.NullOr(IsoDate.IsoDate)

const PaymentsOf = Schema.Struct({
  advance: Schema.optional(AmountExpected),
  balance: Schema.optional(AmountExpected),
  total: Schema.optional(AmountExpected)
})

/** A deadline: its date, or its date and its calendar reason (a text it contains, or a matcher). */
const DeadlineExpected = Schema.Union(
  NullableDate,
  Schema.Struct({ date: NullableDate, reason: Schema.optional(Schema.Unknown) })
)
const DeadlinesOf = Schema.Struct({
  publicityEnd: Schema.optional(DeadlineExpected),
  signBy: Schema.optional(DeadlineExpected),
  balanceDue: Schema.optional(DeadlineExpected),
  rectification: Schema.optional(DeadlineExpected)
})

/**
 * A document the project produces as of the step, built with `@gsyf/documents`
 * from the configuration and the events so far: the texts it contains and does
 * not contain. Every such document must also have no blank left unfilled
 * (template blanks, placeholders such as x年, empty fields) and every amount in
 * capital letters must be a legal form that an amount in figures of the same
 * block agrees with.
 *
 * @since 0.2.0
 * @category schemas
 */
export const DocumentExpectation = Schema.Struct({
  /** The document kind (`ProjectDocuments.kinds`, the audit extract aside). */
  document: Schema.Literal(...Documents.kinds),
  /** The builder's other input: `subProject`, `kind` (advance | balance), `month`, `eventId`, `attempt`… */
  input: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  contains: Schema.optional(Schema.Array(Text)),
  excludes: Schema.optional(Schema.Array(Text))
})

/**
 * @since 0.2.0
 * @category models
 */
export type DocumentExpectation = typeof DocumentExpectation.Type

/**
 * What a step expects.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Expectation = Schema.Struct({
  /** The step's events in order: a type, or an object matched as a subset of the encoded event. */
  events: Schema.optional(
    Schema.Array(Schema.Union(Text, Schema.Record({ key: Schema.String, value: Schema.Unknown })))
  ),
  /** The command is rejected; with `rules`, each rule id is among the rejection's. */
  rejected: Schema.optional(
    Schema.Union(
      Schema.Literal(true),
      Schema.Struct({
        rules: Schema.optional(Schema.Array(Text)),
        tag: Schema.optional(Schema.Literal("Unauthorized", "OutOfOrder", "RuleViolation", "InvalidInput"))
      })
    )
  ),
  /** Values by path in the {@link StateView} as of the step's date. */
  state: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  /** Quota progress per item id. */
  quota: Schema.optional(
    Schema.Record({
      key: Schema.String,
      value: Schema.Struct({
        done: Schema.optional(Schema.Number),
        required: Schema.optional(Schema.Number),
        met: Schema.optional(Schema.Boolean)
      })
    })
  ),
  /** Sums paid by kind per sub-project, compared exactly as decimals. */
  payments: Schema.optional(
    Schema.Struct({ hazchem: Schema.optional(PaymentsOf), keyAreas: Schema.optional(PaymentsOf) })
  ),
  /** Deadlines per sub-project (`null` when there is none). */
  deadlines: Schema.optional(
    Schema.Struct({ hazchem: Schema.optional(DeadlinesOf), keyAreas: Schema.optional(DeadlinesOf) })
  ),
  /** Documents as of the step (see {@link DocumentExpectation}). */
  documents: Schema.optional(Schema.Array(DocumentExpectation)),
  /**
   * The OCDS releases the step's events produce (`@gsyf/ocds`, project id `scenario`): a list matched
   * element by element, or a matcher such as `{ contains: [{ tag: [award] }] }`.
   */
  ocds: Schema.optional(Schema.Unknown),
  /** Findings present in the step's events' evaluations (or its rejection). */
  findings: Schema.optional(
    Schema.Array(
      Schema.Struct({
        rule: Text,
        severity: Schema.optional(Schema.Literal("error", "warning", "info")),
        path: Schema.optional(Schema.String),
        /** What the finding says was expected, as it writes it (`≥ 2026-04-07`, `≤ ¥2,400,000.00` …). */
        expected: Schema.optional(Schema.String)
      })
    )
  )
}).annotations({ identifier: "Expectation" })

/**
 * @since 0.1.0
 * @category models
 */
export type Expectation = typeof Expectation.Type

/**
 * One failed expectation.
 *
 * @since 0.1.0
 * @category models
 */
export interface Failure {
  /** Path in the scenario file, e.g. `steps[3].expect.events[0].endsOn`. */
  readonly path: string
  readonly line: number
  readonly expected: unknown
  readonly actual: unknown
}

/**
 * What a step produced, and where its expectations are in the file.
 *
 * @since 0.2.0
 * @category models
 */
export interface Outcome {
  /** Path of the `expect` block in the file, e.g. `["steps", 3, "expect"]`. */
  readonly at: Path
  /** Maps a path in the scenario file to its position. */
  readonly locate: (path: Path) => Position
  /** Whether the step ran a command (a check-only step has none). */
  readonly command: boolean
  /** The events before the step (the starting point's and the earlier steps'). */
  readonly history: ReadonlyArray<ProjectEvent.Event>
  /** The events the step's command produced (none when rejected or without a command). */
  readonly events: ReadonlyArray<ProjectEvent.Event>
  /** Why the command was rejected, if it was. */
  readonly rejection: Lifecycle.Rejection | undefined
  /** The state view as of the step's date, after the step. */
  readonly view: StateView.Json
  /** The configuration the scenario runs with. */
  readonly config: Plugin.Config
}

const collectFindings = (
  events: ReadonlyArray<ProjectEvent.Event>,
  rejection: Lifecycle.Rejection | undefined
): ReadonlyArray<Rule.Finding> => [
  ...events.flatMap((e) => e.evaluations.flatMap((ev) => ev.findings)),
  ...(rejection?._tag === "RuleViolation" ? rejection.findings : [])
]

const encodeEvent = Schema.encodeSync(ProjectEvent.Event)

type Add = (path: Path, expected: unknown, actual: unknown) => void

/**
 * A rejection in one line: its tag, its rules and its message.
 *
 * @since 0.2.0
 * @category formatting
 */
export const rejectionSummary = (r: Lifecycle.Rejection): string =>
  r._tag === "RuleViolation"
    ? `RuleViolation: ${r.message}`
    : `${r._tag} [${Lifecycle.ruleIdsOf(r).join(", ")}]: ${r.message}`

const checkRejection = (e: Expectation, o: Outcome, add: Add) => {
  if (!o.command) return
  const { events, rejection } = o
  if (e.rejected === undefined) {
    if (rejection !== undefined) add(["rejected"], "accepted", rejectionSummary(rejection))
  } else if (rejection === undefined) {
    add(
      ["rejected"],
      e.rejected === true ? "rejected" : plain(e.rejected),
      `accepted: [${events.map((x) => x._tag).join(", ")}]`
    )
  } else if (e.rejected !== true) {
    if (e.rejected.tag !== undefined && e.rejected.tag !== rejection._tag) {
      add(["rejected", "tag"], e.rejected.tag, rejection._tag)
    }
    const ids = Lifecycle.ruleIdsOf(rejection)
    ;(e.rejected.rules ?? []).forEach((r, i) => {
      if (!ids.includes(r)) add(["rejected", "rules", i], r, rejectionSummary(rejection))
    })
  }
}

const checkEvents = (e: Expectation, o: Outcome, add: Add, addAll: (p: Path, ms: ReadonlyArray<Mismatch>) => void) => {
  if (e.events === undefined) return
  const types = o.events.map((x) => x._tag)
  if (e.events.length !== o.events.length) {
    add(["events"], e.events.map((x) => (typeof x === "string" ? x : (x["_tag"] ?? x))), types)
    return
  }
  e.events.forEach((x, i) => {
    const actual = o.events[i]!
    if (typeof x === "string") {
      if (x !== actual._tag) add(["events", i], x, actual._tag)
    } else addAll(["events", i], match(x, encodeEvent(actual)))
  })
}

const checkFindings = (e: Expectation, o: Outcome, add: Add) => {
  if (e.findings === undefined) return
  const present = collectFindings(o.events, o.rejection)
  e.findings.forEach((x, i) => {
    const found = present.some((f) =>
      f.ruleId === x.rule && (x.severity === undefined || f.severity === x.severity) &&
      (x.path === undefined || f.path === x.path) && (x.expected === undefined || f.expected === x.expected)
    )
    if (!found) {
      add(
        ["findings", i],
        plain(x),
        present.map((f) => `${f.ruleId} (${f.severity}) ${f.path}${f.expected === undefined ? "" : ` ${f.expected}`}`)
      )
    }
  })
}

const checkView = (e: Expectation, o: Outcome, add: Add, addAll: (p: Path, ms: ReadonlyArray<Mismatch>) => void) => {
  for (const [path, expected] of Object.entries(e.state ?? {})) {
    addAll(["state", path], match(expected, valueAt(o.view, path)))
  }
  for (const [itemId, expected] of Object.entries(e.quota ?? {})) {
    const hazchem = valueAt(o.view, `subProjects.hazchem.quota`) as Record<string, unknown>
    const keyAreas = valueAt(o.view, `subProjects.keyAreas.quota`) as Record<string, unknown>
    addAll(["quota", itemId], match(expected, hazchem[itemId] ?? keyAreas[itemId]))
  }
  for (const key of ["hazchem", "keyAreas"] as const) {
    for (const [kind, expected] of Object.entries(e.payments?.[key] ?? {})) {
      if (expected === undefined) continue
      addAll(["payments", key, kind], match(expected, valueAt(o.view, `subProjects.${key}.payments.${kind}`)))
    }
    for (const [kind, expected] of Object.entries(e.deadlines?.[key] ?? {})) {
      if (expected === undefined) continue
      checkDeadline(o, add, addAll, key, kind as Deadlines.Kind, expected)
    }
  }
}

const checkDeadline = (
  o: Outcome,
  add: Add,
  addAll: (p: Path, ms: ReadonlyArray<Mismatch>) => void,
  key: "hazchem" | "keyAreas",
  kind: Deadlines.Kind,
  expected: typeof DeadlineExpected.Type
) => {
  const actual = valueAt(o.view, `subProjects.${key}.deadlines.${kind}`)
  const date = expected !== null && typeof expected === "object" ? expected.date : expected
  const at: Path = expected !== null && typeof expected === "object" ? ["deadlines", key, kind, "date"] : [
    "deadlines",
    key,
    kind
  ]
  if (!scalarEquals(date, actual)) add(at, date, actual)
  if (expected === null || typeof expected !== "object" || expected.reason === undefined) return
  const reason = Deadlines.reason(o.config, [...o.history, ...o.events], key, kind)
  const where: Path = ["deadlines", key, kind, "reason"]
  if (reason === undefined) add(where, expected.reason, null)
  else if (typeof expected.reason === "string") {
    if (!reason.includes(expected.reason)) add(where, expected.reason, reason)
  } else addAll(where, match(expected.reason, reason))
}

const checkDocuments = (e: Expectation, o: Outcome, add: Add) => {
  ;(e.documents ?? []).forEach((d, i) => {
    const at: Path = ["documents", i]
    const built = Documents.build(d.document, o.config, [...o.history, ...o.events], d.input ?? {})
    if (Either.isLeft(built)) {
      add([...at, "document"], `${d.document} built`, built.left)
      return
    }
    const text = Documents.texts(built.right).join("\n")
    ;(d.contains ?? []).forEach((t, j) => {
      if (!text.includes(t)) add([...at, "contains", j], t, text)
    })
    ;(d.excludes ?? []).forEach((t, j) => {
      if (text.includes(t)) add([...at, "excludes", j], { not: t }, text)
    })
    const blanks = Documents.blanks(built.right)
    if (blanks.length > 0) add([...at, "document"], "no blank left", blanks)
    const disagreements = Documents.disagreements(built.right)
    if (disagreements.length > 0) add([...at, "document"], "figures and capitals agree", disagreements)
  })
}

const checkOcds = (e: Expectation, o: Outcome, add: Add, addAll: (p: Path, ms: ReadonlyArray<Mismatch>) => void) => {
  if (e.ocds === undefined) return
  const produced = Releases.produced(o.config, o.history, o.events)
  if (Either.isLeft(produced)) add(["ocds"], plain(e.ocds), produced.left)
  else addAll(["ocds"], match(e.ocds, produced.right))
}

/**
 * Problems in how the matchers of an expectation are written (a tolerance
 * missing, a capital that is no amount…), with their paths in the expectation.
 *
 * @since 0.2.0
 * @category checking
 */
export const matcherProblems = (e: Expectation): ReadonlyArray<Matchers.MatcherProblem> => [
  ...Matchers.problems(e.events ?? [], ["events"]),
  ...Matchers.problems(e.state ?? {}, ["state"]),
  ...Matchers.problems(e.payments ?? {}, ["payments"]),
  ...Matchers.problems(e.deadlines ?? {}, ["deadlines"]),
  ...Matchers.problems(e.ocds, ["ocds"])
]

/**
 * Checks a step's expectations against its outcome.
 *
 * @since 0.2.0
 * @category checking
 */
export const check = (expectation: Expectation, outcome: Outcome): ReadonlyArray<Failure> => {
  const failures: Array<Failure> = []
  const add: Add = (path, expected, actual) =>
    failures.push({
      path: formatPath([...outcome.at, ...path]),
      line: outcome.locate([...outcome.at, ...path]).line,
      expected,
      actual
    })
  const addAll = (prefix: Path, ms: ReadonlyArray<Mismatch>) =>
    ms.forEach((m) => add([...prefix, ...m.path], m.expected, m.actual))
  checkRejection(expectation, outcome, add)
  checkEvents(expectation, outcome, add, addAll)
  checkFindings(expectation, outcome, add)
  checkView(expectation, outcome, add, addAll)
  checkDocuments(expectation, outcome, add)
  checkOcds(expectation, outcome, add, addAll)
  return failures
}
