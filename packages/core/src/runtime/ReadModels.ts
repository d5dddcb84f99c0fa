/**
 * The read models a host needs, kept by the event store in the same
 * transaction as the events and rebuildable from them:
 *
 * - `gsyf.projects` (key: project id): status, last event, next deadline;
 * - `gsyf.payment-ledger` (key: `<project>/<sub-project>`, one contract each): contract amount, advance and balance,
 * payments, outstanding;
 * - `gsyf.quota-progress` (key: `<project>/<sub-project>`): done / required per quota item;
 * - `gsyf.briefings` (key: `<project>/<sub-project>`): briefing months submitted, due dates, lateness;
 * - `gsyf.audit` (key: project id): length and head hash of the project's chain, for the audit export;
 * - `gsyf.acceptance-reports` (key: project id): the filed acceptance reports with every quota result, which
 *   三(九) makes the basis of next year's project.
 *
 * Projections read the stored (encoded) events and, for quota progress, the
 * parameters and quota items of the configuration; register them with
 * `projections(config)` when building the store layer.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as StoredDecoder from "../kernel/internal/storedDecoder.js"
import * as IsoDate from "../kernel/IsoDate.js"
import * as Money from "../kernel/Money.js"
import * as Deliverable from "../lifecycle/4-deliverables/Deliverable.js"
import { progressFrom, readsCounters } from "../lifecycle/4-deliverables/progress.js"
import * as Quota from "../lifecycle/4-deliverables/Quota.js"
import * as EvidenceIndex from "../lifecycle/internal/evidenceIndex.js"
import * as Parameter from "../lifecycle/Parameter.js"
import * as ProjectEvent from "../lifecycle/ProjectEvent.js"
import { Event } from "../lifecycle/ProjectEvent.js"
import * as ProjectState from "../lifecycle/ProjectState.js"
import type { Config } from "../plugin/Plugin.js"
import { mergeRecord, namedRecord } from "./internal/eventModel.js"
import * as Projection from "./Projection.js"

type Stored = Parameters<Projection.Projection["reduce"]>[1]

// A stored event decoded: rows the store wrote at the current version, or at an older one that no upcaster changes,
// take the stored-row decoder (with the record the row names); anything else is upcast and decoded with the full
// schema. `null` for a row that does not decode (or names a record it does not come with).
const decodeOnce = (e: Stored): ProjectEvent.Event | null => {
  const ref = namedRecord(e.data)
  const record = ref === undefined ? undefined : e.record
  if (ref !== undefined && record?.ref !== ref) return null
  try {
    let data = e.data
    if (e.schemaVersion < ProjectEvent.currentVersion) {
      const whole = record === undefined ? data : mergeRecord(data, record.value)
      data = ProjectEvent.codec.upcast(e.type, e.schemaVersion, whole)
      if (data !== whole) return orNull(ProjectEvent.decodeStoredEither(e.type, data))
    }
    return ProjectEvent.decodeStored(e.type, data, false, data === e.data ? record?.value : undefined) ??
      orNull(ProjectEvent.decodeStoredEither(e.type, record === undefined ? data : mergeRecord(data, record.value)))
  } catch {
    return null // a version this library does not know
  }
}

const orNull = <A>(r: Either.Either<A, unknown>): A | null => (Either.isRight(r) ? r.right : null)

// Every projection sees the same stored event objects: decode each once.
const decodedCache = new WeakMap<Stored, ProjectEvent.Event | null>()
const decoded = (e: Stored): ProjectEvent.Event | undefined => {
  let hit = decodedCache.get(e)
  if (hit === undefined) {
    hit = decodeOnce(e)
    decodedCache.set(e, hit)
  }
  return hit ?? undefined
}

/**
 * A deadline still open for a project.
 *
 * @since 0.1.0
 * @category models
 */
export interface Deadline {
  readonly what: string
  readonly subProject: string | undefined
  readonly date: string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface ProjectDoc {
  readonly projectId: string
  readonly status: string
  readonly version: number
  readonly lastEvent: string
  readonly lastAt: string
  /** Open deadlines by name (`publicity:hazchem`, `sign:keyAreas`, `period:…`, `rectification:…`, `balance:…`). */
  readonly deadlines: Readonly<Record<string, Deadline>>
  /** The earliest open deadline. */
  readonly nextDeadline: Deadline | null
  /** Sub-projects whose acceptance passed. */
  readonly accepted: ReadonlyArray<string>
  /** Sub-projects whose acceptance report is filed. */
  readonly filed: ReadonlyArray<string>
  /** What the status is derived from (see `ProjectState.StatusFacts`). */
  readonly facts: ProjectState.StatusFacts
}

const earliest = (deadlines: Readonly<Record<string, Deadline>>): Deadline | null =>
  Object.values(deadlines).reduce<Deadline | null>((min, d) => (min === null || d.date < min.date ? d : min), null)

type Deadlines = Record<string, Deadline>

const subsWhere = (
  facts: ProjectState.StatusFacts,
  pred: (s: ProjectState.StatusFacts["subProjects"]["hazchem"]) => boolean
) => ProjectState.subProjectKeys.filter((k) => pred(facts.subProjects[k]))

/**
 * Project list with status and next deadline. The status is the decider's own (`ProjectState.statusOf` over the
 * status facts the document keeps, folded by `ProjectState.foldFacts`).
 *
 * @since 0.1.0
 * @category projections
 */
export const projects: Projection.Projection<ProjectDoc> = Projection.make<ProjectDoc>({
  name: "gsyf.projects",
  version: 2,
  keysOf: (e) => [e.streamId],
  reduce: (doc, stored) => {
    const e = decoded(stored)
    const deadlines: Deadlines = { ...(doc?.deadlines ?? {}) }
    let facts = doc?.facts ?? ProjectState.initialFacts
    if (e !== undefined) {
      ProjectState.foldDeadlines(deadlines, e)
      facts = ProjectState.foldFacts(facts, e)
    }
    return {
      projectId: stored.streamId,
      status: ProjectState.statusOf(facts),
      version: stored.position,
      lastEvent: stored.type,
      lastAt: stored.recordedAt,
      deadlines,
      nextDeadline: earliest(deadlines),
      accepted: subsWhere(facts, (s) => s.acceptance === "passed"),
      filed: subsWhere(facts, (s) => s.filed),
      facts
    }
  }
})

/**
 * @since 0.1.0
 * @category models
 */
export interface LedgerDoc {
  readonly projectId: string
  readonly contractId: string
  readonly subProject: string
  readonly supplier: string
  readonly amount: string
  readonly advance: string
  readonly balance: string
  readonly payments: ReadonlyArray<
    { readonly kind: string; readonly amount: string; readonly paidOn: string; readonly eventId: string }
  >
  readonly paid: string
  readonly outstanding: string
  readonly balanceDue: string | null
}

/**
 * Payment ledger per contract, keyed `<project>/<sub-project>` (amounts as exact decimal strings in yuan).
 *
 * @since 0.1.0
 * @category projections
 */
export const paymentLedger: Projection.Projection<LedgerDoc> = Projection.make<LedgerDoc>({
  name: "gsyf.payment-ledger",
  version: 1,
  keysOf: (e) => {
    if (e.type !== "ContractSigned" && e.type !== "PaymentMade" && e.type !== "AcceptancePassed") return []
    return [`${e.streamId}/${(e.data as { subProject: string }).subProject}`]
  },
  reduce: (doc, stored) => {
    const e = decoded(stored)
    if (e === undefined) return doc ?? null
    if (e._tag === "ContractSigned") {
      return {
        projectId: stored.streamId,
        contractId: e.contractId,
        subProject: e.subProject,
        supplier: e.supplierName,
        amount: e.amount.toString(),
        advance: e.advance.toString(),
        balance: e.balance.toString(),
        payments: [],
        paid: "0.00",
        outstanding: e.amount.toString(),
        balanceDue: null
      }
    }
    if (doc === undefined) return null
    if (e._tag === "PaymentMade") {
      const payments = [...doc.payments, { kind: e.kind, amount: e.amount.toString(), paidOn: e.paidOn, eventId: e.id }]
      const paid = Money.sum(payments.map((p) => Money.unsafeYuan(p.amount)))
      return {
        ...doc,
        payments,
        paid: paid.toString(),
        outstanding: Money.subtract(Money.unsafeYuan(doc.amount), paid).toString()
      }
    }
    if (e._tag === "AcceptancePassed") return { ...doc, balanceDue: e.dueDate }
    return doc
  }
})

/**
 * Counters over the evidence in force of a sub-project: weights by cell (`family` U+0001 `value`), distinct values
 * per family, the values seen per listed family (summary lengths, key-enterprise steps).
 *
 * @since 0.2.0
 * @category models
 */
export interface QuotaCounters {
  readonly cells: { readonly [key: string]: number }
  readonly distinct: { readonly [family: string]: number }
  readonly values: { readonly [family: string]: ReadonlyArray<string> }
}

/**
 * @since 0.1.0
 * @category models
 */
export interface QuotaDoc {
  readonly projectId: string
  readonly subProject: string
  readonly asOf: string
  readonly items: ReadonlyArray<
    {
      readonly itemId: string
      readonly title: string
      readonly unit: string
      readonly required: number
      readonly done: number
      readonly met: boolean
    }
  >
  /**
   * The evidence in force, by event id, in the order it was recorded (corrections remove or replace). Readers get
   * it whole; the store keeps each piece as a row of its own (see {@link quotaProgress}).
   */
  readonly evidence: ReadonlyArray<{ readonly eventId: string; readonly evidence: unknown }>
  /** Counters over the evidence in force, updated by each deliverable and correction (the items read them). */
  readonly counters: QuotaCounters
}

/** The document as stored: without the rows it is read with (`evidence` only as a list it keeps itself). */
type StoredQuotaDoc = Omit<QuotaDoc, "evidence"> & { readonly evidence?: EvidenceList }

const encodeEvidence = Schema.encodeSync(Event)

type EvidenceList = QuotaDoc["evidence"]
type EvidenceRow = EvidenceList[number]

interface Counted {
  /** The evidence the document keeps in itself: all of it when a plugin's item counts over the list. */
  readonly listed: EvidenceList
  readonly counters: QuotaCounters
}

type Corrected = Extract<ProjectEvent.Event, { readonly _tag: "DeliverableCorrected" }>
type Recorded = Extract<ProjectEvent.Event, { readonly _tag: "DeliverableRecorded" }>

const subProjects = ["hazchem", "keyAreas"] as const

/** The encoded evidence of a deliverable or a correction's replacement, as rows and lists keep it. */
const rowOf = (e: Recorded | Corrected): EvidenceRow => ({
  eventId: e.id,
  evidence: e._tag === "DeliverableRecorded"
    ? (encodeEvidence(e) as { evidence: unknown }).evidence
    : (encodeEvidence(e) as { replacement: unknown }).replacement
})

const bump = (counters: QuotaCounters, row: EvidenceRow | undefined, by: 1 | -1) => {
  // (evidence that does not decode was never counted)
  const evidence = row === undefined ? undefined : decodeEvidenceItem(row.evidence)
  return evidence === undefined ? counters : EvidenceIndex.bumpPlain(counters, EvidenceIndex.cellsOf(evidence), by)
}

/**
 * A correction's change to one sub-project's evidence and counters, or `undefined` when it leaves them alone. The
 * withdrawn evidence is in the document's own list or among its rows the correction names.
 */
const corrected = (
  before: Counted,
  e: Corrected,
  subProject: string,
  rows: ReadonlyMap<string, unknown>,
  listed: boolean
): Counted | undefined => {
  let { counters, listed: list } = before
  const at = list.findIndex((x) => x.eventId === e.corrects)
  const withdrawn = at >= 0 ? list[at] : rows.get(e.corrects) as EvidenceRow | undefined
  if (withdrawn !== undefined) counters = bump(counters, withdrawn, -1)
  if (at >= 0) list = [...list.slice(0, at), ...list.slice(at + 1)]
  if (e.replacement === undefined) return withdrawn === undefined ? undefined : { counters, listed: list }
  if (Deliverable.subProjectOf(e.replacement) === subProject) {
    counters = EvidenceIndex.bumpPlain(counters, EvidenceIndex.cellsOf(e.replacement), 1)
    if (listed) list = [...list, rowOf(e)]
  }
  return { counters, listed: list }
}

/**
 * The next evidence and counters of a sub-project, or `undefined` when the event leaves them alone. A document
 * written before counters (version 1) has them counted once from its list; one written before rows (versions 1
 * and 2) keeps its list, and the evidence recorded after it goes to rows.
 */
const changed = (
  doc: StoredQuotaDoc | undefined,
  e: ProjectEvent.Event,
  subProject: string,
  rows: ReadonlyMap<string, unknown>,
  listed: boolean
): Counted | undefined => {
  const list = doc?.evidence ?? []
  const before: Counted = { listed: list, counters: doc?.counters ?? countersOf(list) }
  if (e._tag === "DeliverableCorrected") return corrected(before, e, subProject, rows, listed)
  if (e._tag !== "DeliverableRecorded") return before
  return {
    listed: listed ? [...list, rowOf(e)] : list,
    counters: EvidenceIndex.bumpPlain(before.counters, EvidenceIndex.cellsOf(e.evidence), 1)
  }
}

/** A row of a sub-project's evidence: written by its deliverable or correction, deleted by a correction. */
const nextRow = (row: unknown, e: ProjectEvent.Event, id: string, subProject: string): EvidenceRow | null => {
  if (e._tag === "DeliverableRecorded") return e.id === id ? rowOf(e) : (row as EvidenceRow | undefined) ?? null
  if (e._tag !== "DeliverableCorrected" || id === e.corrects) return null
  const r = e.replacement
  return id === e.id && r !== undefined && Deliverable.subProjectOf(r) === subProject ? rowOf(e) : null
}

const subProjectOfKey = (key: string) => key.slice(key.lastIndexOf("/") + 1)

/**
 * Quota progress per sub-project, from the recorded evidence and the configuration's quota items. The document
 * keeps counters over the evidence in force that each deliverable and correction updates, and the plan's items
 * read them (as `Lifecycle.quotaProgress` reads the state's); each piece of evidence is a row of its own
 * (`Projection.rows`), written once by the event that records it and deleted by the correction that withdraws
 * it, so that a deliverable writes the same few hundred bytes at any length of history. Readers get the document
 * with its `evidence` whole. A sub-project with an item a plugin adds or replaces (it counts over the list) keeps
 * the list in its document instead; after a change of plugins, rebuild the projection.
 *
 * @since 0.1.0
 * @category projections
 */
export const quotaProgress = (config: Config): Projection.Projection<QuotaDoc> => {
  // the sub-projects whose items all read counters keep their evidence as rows
  const inRows = new Set<string>(
    subProjects.filter((k) => config.quotaItems.every((i) => i.subProject !== k || readsCounters(i)))
  )
  const keyOf = (streamId: string, subProject: string) => `${streamId}/${subProject}`
  const rowKeys = (streamId: string, subProject: string, ids: ReadonlyArray<string>) =>
    inRows.has(subProject) ? ids.map((id) => Projection.rowKey(keyOf(streamId, subProject), id)) : []
  return Projection.make<QuotaDoc>({
    name: "gsyf.quota-progress",
    version: 3,
    rows: { field: "evidence" },
    keysOf: (e) => {
      const data = e.data as { subProject: string; id: string; corrects: string; replacement?: Deliverable.Evidence }
      if (e.type === "ContractSigned") return [keyOf(e.streamId, data.subProject)]
      if (e.type === "DeliverableRecorded") {
        return [keyOf(e.streamId, data.subProject), ...rowKeys(e.streamId, data.subProject, [data.id])]
      }
      if (e.type !== "DeliverableCorrected") return []
      // the withdrawn evidence's sub-project is not in the event: its row is looked for in both
      const target = data.replacement === undefined ? undefined : Deliverable.subProjectOf(data.replacement)
      return [
        ...subProjects.map((k) => keyOf(e.streamId, k)),
        ...subProjects.flatMap((k) => rowKeys(e.streamId, k, k === target ? [data.corrects, data.id] : [data.corrects]))
      ]
    },
    reduce: (doc, stored, key, rows) => {
      const e = decoded(stored)
      if (e === undefined) return doc ?? null
      const row = Projection.splitRowKey(key)
      if (row !== undefined) return nextRow(doc, e, row.id, subProjectOfKey(row.key)) as unknown as QuotaDoc | null
      const subProject = subProjectOfKey(key)
      const listed = !inRows.has(subProject)
      const next = changed(doc as StoredQuotaDoc | undefined, e, subProject, rows, listed)
      if (next === undefined) return doc ?? null
      const at = IsoDate.dateOf(e.at)
      const ctx: Quota.Context = { read: (name) => Parameter.resolve(config.parameters, name, at)?.value }
      const index = EvidenceIndex.fromPlain(next.counters)
      const items = progressFrom(
        config.quotaItems.filter((i) => i.subProject === subProject),
        () => index,
        () => decodeEvidence(next.listed),
        ctx
      ).map((p) => ({
        itemId: p.itemId,
        title: p.title.zh,
        unit: p.unit,
        required: p.required,
        done: p.done,
        met: p.met
      }))
      const out: StoredQuotaDoc = {
        projectId: stored.streamId,
        subProject,
        asOf: at,
        items,
        counters: next.counters,
        ...(listed || next.listed.length > 0 ? { evidence: next.listed } : {})
      }
      return out as QuotaDoc
    }
  })
}

const decodeEvidenceSchema = Schema.decodeUnknownEither(Deliverable.Evidence)
const decodeEvidenceStored = StoredDecoder.make(Deliverable.Evidence)
// The evidence in a document this projection wrote: the stored-row decoder, else the full schema.
const decodeEvidenceItem = (u: unknown): Deliverable.Evidence | undefined => {
  const fast = decodeEvidenceStored(u)
  if (fast !== undefined) return fast
  const r = decodeEvidenceSchema(u)
  return Either.isRight(r) ? r.right : undefined
}

const decodeEvidence = (list: EvidenceList): Array<Deliverable.Evidence> =>
  list.map((x) => decodeEvidenceItem(x.evidence)).filter((x): x is Deliverable.Evidence => x !== undefined)

/** Counters over a list of evidence (a document written before them). */
const countersOf = (list: EvidenceList): QuotaCounters =>
  decodeEvidence(list).reduce<QuotaCounters>(
    (counters, e) => EvidenceIndex.bumpPlain(counters, EvidenceIndex.cellsOf(e), 1),
    EvidenceIndex.emptyPlain
  )

/**
 * @since 0.1.0
 * @category models
 */
export interface BriefingDoc {
  readonly projectId: string
  readonly subProject: string
  readonly signedOn: string | null
  readonly periodEnd: string | null
  readonly months: Readonly<
    Record<string, { readonly dueOn: string; readonly submittedOn: string; readonly late: boolean }>
  >
}

/**
 * Monthly briefing status per sub-project: what was submitted, when it was due,
 * whether it was late. Missing months at a date come from `Supervision.status`
 * over this document and the due day.
 *
 * @since 0.1.0
 * @category projections
 */
export const briefings: Projection.Projection<BriefingDoc> = Projection.make<BriefingDoc>({
  name: "gsyf.briefings",
  version: 1,
  keysOf: (e) =>
    e.type === "ContractSigned" || e.type === "MonthlyBriefingSubmitted"
      ? [`${e.streamId}/${(e.data as { subProject: string }).subProject}`]
      : [],
  reduce: (doc, stored, key) => {
    const e = decoded(stored)
    const base: BriefingDoc = doc ??
      {
        projectId: stored.streamId,
        subProject: key.slice(key.lastIndexOf("/") + 1),
        signedOn: null,
        periodEnd: null,
        months: {}
      }
    if (e?._tag === "ContractSigned") return { ...base, signedOn: e.signedOn, periodEnd: e.periodEnd }
    if (e?._tag === "MonthlyBriefingSubmitted") {
      return {
        ...base,
        months: { ...base.months, [e.month]: { dueOn: e.dueOn, submittedOn: e.submittedOn, late: e.late } }
      }
    }
    return base
  }
})

/**
 * @since 0.1.0
 * @category models
 */
export interface AuditDoc {
  readonly projectId: string
  readonly length: number
  readonly head: string
  readonly lastRecordedAt: string
}

/**
 * The head of each project's hash chain, for the audit export and quick checks.
 *
 * @since 0.1.0
 * @category projections
 */
export const audit: Projection.Projection<AuditDoc> = Projection.make<AuditDoc>({
  name: "gsyf.audit",
  version: 1,
  keysOf: (e) => [e.streamId],
  reduce: (_doc, e) => ({ projectId: e.streamId, length: e.position, head: e.hash, lastRecordedAt: e.recordedAt })
})

/**
 * @since 0.1.0
 * @category models
 */
export interface AcceptanceReportsDoc {
  readonly projectId: string
  readonly city: string | null
  readonly fiscalYear: number | null
  readonly reports: Readonly<
    Record<
      string,
      {
        readonly passedOn: string
        readonly attempts: number
        readonly items: ReadonlyArray<
          {
            readonly itemId: string
            readonly title: string
            readonly required: number
            readonly done: number
            readonly met: boolean
          }
        >
        readonly targets: ReadonlyArray<
          { readonly name: string; readonly target: string; readonly actual: string; readonly met: boolean }
        >
        readonly reportNumber: string | null
        readonly filedOn: string | null
      }
    >
  >
}

/**
 * The acceptance reports filed with the committee office (三(九)): "报委员会办公室备案并作为开展下一年度项目重要依据".
 * Next year's project reads them by the previous project's id.
 *
 * @since 0.1.0
 * @category projections
 */
export const acceptanceReports = (config: Config): Projection.Projection<AcceptanceReportsDoc> =>
  Projection.make<AcceptanceReportsDoc>({
    name: "gsyf.acceptance-reports",
    version: 1,
    keysOf: (e) => (e.type === "AcceptancePassed" || e.type === "AcceptanceReportFiled" ? [e.streamId] : []),
    reduce: (doc, stored) => {
      const e = decoded(stored)
      const at = e === undefined ? undefined : IsoDate.dateOf(e.at)
      const base: AcceptanceReportsDoc = doc ?? {
        projectId: stored.streamId,
        city: (at && (Parameter.resolve(config.parameters, "plan.city", at)?.value as string | undefined)) ?? null,
        fiscalYear:
          (at && (Parameter.resolve(config.parameters, "plan.fiscalYear", at)?.value as number | undefined)) ?? null,
        reports: {}
      }
      if (e?._tag === "AcceptancePassed") {
        return {
          ...base,
          reports: {
            ...base.reports,
            [e.subProject]: {
              passedOn: e.evaluatedOn,
              attempts: e.attempt,
              items: e.items.map((i) => ({
                itemId: i.itemId,
                title: i.title.zh,
                required: i.required,
                done: i.done,
                met: i.met
              })),
              targets: e.targets,
              reportNumber: null,
              filedOn: null
            }
          }
        }
      }
      if (e?._tag === "AcceptanceReportFiled") {
        const report = base.reports[e.subProject]
        if (report === undefined) return base
        return {
          ...base,
          reports: { ...base.reports, [e.subProject]: { ...report, reportNumber: e.reportNumber, filedOn: e.filedOn } }
        }
      }
      return base
    }
  })

/**
 * All read models for a configuration, ready for an event store layer's `projections` option.
 *
 * @since 0.1.0
 * @category projections
 */
export const projections = (config: Config): ReadonlyArray<Projection.Any> => [
  projects,
  paymentLedger,
  quotaProgress(config),
  briefings,
  audit,
  acceptanceReports(config)
]
