/**
 * The events of a project. Each records who acted and when, the command it
 * answers, the rules evaluated with their findings and parameter reads, and
 * the legal basis. Nothing is edited in place: a correction is a new event
 * that names the one it corrects.
 *
 * Events carry a schema version; {@link codec} upcasts older stored versions
 * before decoding and refuses versions it does not know.
 *
 * @since 0.1.0
 */
import type * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { Actor, MemberUnit } from "../kernel/Actor.js"
import { IsoDate, IsoDateTime } from "../kernel/IsoDate.js"
import { LegalBasis } from "../kernel/LegalBasis.js"
import * as Money from "../kernel/Money.js"
import { Finding } from "../rules/Rule.js"
import type { EventCodec } from "./Decider.js"
import * as Deliverable from "./Deliverable.js"
import { Kind as PaymentKind, Payee } from "./Payment.js"
import { Criterion, PanelMember } from "./ProjectCommand.js"

const SubProject = Schema.Literal("hazchem", "keyAreas")
const Bilingual = Schema.Struct({ zh: Schema.String, en: Schema.String })

/**
 * A rule evaluated while deciding a command: its findings and the parameter values it read.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Evaluation = Schema.Struct({
  ruleId: Schema.String,
  reads: Schema.Array(
    Schema.Struct({
      name: Schema.String,
      value: Schema.String,
      effectiveFrom: Schema.optional(Schema.String),
      basis: Schema.String
    })
  ),
  findings: Schema.Array(Finding)
})

/**
 * @since 0.1.0
 * @category models
 */
export type Evaluation = typeof Evaluation.Type

// Every event carries a handful of citations, nearly always the same ones. Decoding
// them as a class is the dearest part of decoding an event, so they are decoded
// as their plain encoded struct (same checks, same error paths) and interned:
// equal citations decode to one shared, immutable LegalBasis. The cache is bounded.
const internedBases = new Map<string, LegalBasis>()
const internLimit = 4096
const BasisItem: Schema.Schema<LegalBasis, Schema.Schema.Encoded<typeof LegalBasis>> = Schema.transformOrFail(
  Schema.encodedSchema(LegalBasis),
  Schema.typeSchema(LegalBasis),
  {
    strict: true,
    decode: (x) => {
      const key = `${x.level}\u0000${x.citation}\u0000${x.note === undefined ? "\u0001" : x.note}`
      let basis = internedBases.get(key)
      if (basis === undefined) {
        basis = new LegalBasis(x, { disableValidation: true })
        if (internedBases.size < internLimit) internedBases.set(key, basis)
      }
      return ParseResult.succeed(basis)
    },
    encode: (b) =>
      ParseResult.succeed({ level: b.level, citation: b.citation, ...(b.note === undefined ? {} : { note: b.note }) })
  }
)

const meta = {
  /** `<commandId>/<index>`: stable, unique within the project. */
  id: Schema.String,
  commandId: Schema.String,
  actor: Actor,
  at: IsoDateTime,
  basis: Schema.Array(BasisItem),
  evaluations: Schema.Array(Evaluation),
  /** Ids of the earlier events this one rests on (for explanations). */
  restsOn: Schema.Array(Schema.String)
}

const QuotaResult = Schema.Struct({
  itemId: Schema.String,
  title: Bilingual,
  subProject: SubProject,
  unit: Schema.String,
  required: Schema.Number,
  done: Schema.Number,
  met: Schema.Boolean,
  note: Schema.optional(Bilingual)
})

/**
 * One quota item's result as recorded at acceptance.
 *
 * @since 0.1.0
 * @category models
 */
export type QuotaResult = typeof QuotaResult.Type

const Expert = Schema.Struct({ id: Schema.String, name: Schema.String, organisation: Schema.String })
const PerformanceTarget = Schema.Struct({
  name: Schema.String,
  target: Schema.String,
  actual: Schema.String,
  met: Schema.Boolean
})

const RankedBid = Schema.Struct({
  rank: Schema.Number,
  supplierId: Schema.String,
  supplierName: Schema.String,
  quote: Schema.optional(Money.Yuan),
  priceScore: Schema.optional(Schema.String),
  nonPriceScore: Schema.String,
  total: Schema.String
})

/**
 * A ranked bid as recorded in the award.
 *
 * @since 0.1.0
 * @category models
 */
export type RankedBid = typeof RankedBid.Type

/**
 * All events.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Event = Schema.Union(
  Schema.TaggedStruct("KeyAreasSelected", {
    ...meta,
    ranking: Schema.Array(
      Schema.Struct({ rank: Schema.Number, code: Schema.String, label: Schema.String, score: Schema.String })
    ),
    selected: Schema.Array(
      Schema.Struct({
        label: Schema.String,
        codes: Schema.Array(Schema.String),
        reason: Schema.String,
        basis: Schema.String
      })
    ),
    weighting: Schema.String
  }),
  Schema.TaggedStruct("MemberOpinionRecorded", {
    ...meta,
    unit: MemberUnit,
    opinion: Schema.String,
    agrees: Schema.Boolean
  }),
  Schema.TaggedStruct("PlanIssued", { ...meta, documentNumber: Schema.String, issuedOn: IsoDate }),
  Schema.TaggedStruct("KeyEnterpriseListProvided", { ...meta, enterprises: Schema.Array(Schema.String) }),
  Schema.TaggedStruct("BudgetSubmitted", {
    ...meta,
    total: Money.Yuan,
    hazchem: Money.Yuan,
    keyAreas: Money.Yuan,
    cap: Money.Yuan
  }),
  Schema.TaggedStruct("BudgetApproved", { ...meta, approvedOn: IsoDate, note: Schema.optional(Schema.String) }),
  Schema.TaggedStruct("BudgetReturned", { ...meta, reasons: Schema.Array(Schema.String) }),
  Schema.TaggedStruct("PublicityStarted", {
    ...meta,
    subProject: SubProject,
    startsOn: IsoDate,
    endsOn: IsoDate,
    length: Schema.Number,
    unit: Schema.Literal("calendar-days", "working-days"),
    explanation: Bilingual
  }),
  Schema.TaggedStruct("ObjectionRecorded", {
    ...meta,
    subProject: SubProject,
    objectionId: Schema.String,
    receivedOn: IsoDate,
    objection: Schema.String
  }),
  Schema.TaggedStruct("ObjectionResolved", {
    ...meta,
    subProject: SubProject,
    objectionId: Schema.String,
    response: Schema.String
  }),
  Schema.TaggedStruct("ProcurementStarted", {
    ...meta,
    subProject: SubProject,
    method: Schema.String,
    documentsIssuedOn: IsoDate,
    responseDeadline: IsoDate,
    criteria: Schema.Array(Criterion),
    governmentPurchasedService: Schema.Boolean,
    category: Schema.Literal("goods", "services"),
    priceWeight: Schema.optional(Money.DecimalFromInput)
  }),
  Schema.TaggedStruct("BidSubmitted", {
    ...meta,
    subProject: SubProject,
    supplierId: Schema.String,
    supplierName: Schema.String,
    quote: Money.Yuan,
    proposal: Schema.optional(Schema.String)
  }),
  Schema.TaggedStruct("PanelAppointed", { ...meta, subProject: SubProject, members: Schema.Array(PanelMember) }),
  Schema.TaggedStruct("ScoresSubmitted", {
    ...meta,
    subProject: SubProject,
    memberId: Schema.String,
    scores: Schema.Array(
      Schema.Struct({ supplierId: Schema.String, criterionId: Schema.String, points: Money.DecimalFromInput })
    )
  }),
  Schema.TaggedStruct("Awarded", {
    ...meta,
    subProject: SubProject,
    supplierId: Schema.String,
    supplierName: Schema.String,
    value: Money.Yuan,
    awardedOn: IsoDate,
    signBy: IsoDate,
    method: Schema.String,
    ranking: Schema.Array(RankedBid),
    tieBreaks: Schema.Array(Schema.String),
    reasons: Schema.Array(Schema.String)
  }),
  Schema.TaggedStruct("ContractSigned", {
    ...meta,
    subProject: SubProject,
    contractId: Schema.String,
    supplierId: Schema.String,
    supplierName: Schema.String,
    amount: Money.Yuan,
    payee: Payee,
    signedOn: IsoDate,
    periodEnd: IsoDate,
    deliverables: Schema.Array(
      Schema.Struct({ itemId: Schema.String, title: Schema.String, required: Schema.Number, unit: Schema.String })
    ),
    qualityRequirements: Schema.Array(Schema.String),
    acceptanceStandards: Schema.Array(Schema.String),
    advance: Money.Yuan,
    balance: Money.Yuan
  }),
  Schema.TaggedStruct("PaymentMade", {
    ...meta,
    subProject: SubProject,
    contractId: Schema.String,
    kind: PaymentKind,
    amount: Money.Yuan,
    payee: Payee,
    paidOn: IsoDate,
    dueDate: Schema.optional(IsoDate),
    voucher: Schema.optional(Schema.String)
  }),
  Schema.TaggedStruct("ImplementationPlanSubmitted", {
    ...meta,
    subProject: SubProject,
    summary: Schema.String,
    activities: Schema.Array(Schema.String)
  }),
  Schema.TaggedStruct("ImplementationPlanApproved", { ...meta, subProject: SubProject }),
  Schema.TaggedStruct("ImplementationPlanReturned", {
    ...meta,
    subProject: SubProject,
    reasons: Schema.Array(Schema.String)
  }),
  Schema.TaggedStruct("MaterialDesignSubmitted", {
    ...meta,
    designId: Schema.String,
    materialType: Schema.String,
    title: Schema.String
  }),
  Schema.TaggedStruct("MaterialDesignApproved", { ...meta, designId: Schema.String }),
  Schema.TaggedStruct("MaterialDesignReturned", {
    ...meta,
    designId: Schema.String,
    reasons: Schema.Array(Schema.String)
  }),
  Schema.TaggedStruct("DeliverableRecorded", { ...meta, subProject: SubProject, evidence: Deliverable.Evidence }),
  Schema.TaggedStruct("DeliverableCorrected", {
    ...meta,
    corrects: Schema.String,
    reason: Schema.String,
    replacement: Schema.optional(Deliverable.Evidence)
  }),
  Schema.TaggedStruct("MonthlyBriefingSubmitted", {
    ...meta,
    subProject: SubProject,
    month: Schema.String,
    dueOn: IsoDate,
    submittedOn: IsoDate,
    late: Schema.Boolean,
    plannedActivities: Schema.Array(Schema.String),
    progress: Schema.String
  }),
  Schema.TaggedStruct("SpotCheckRecorded", {
    ...meta,
    subProject: SubProject,
    activity: Schema.String,
    checkedOn: IsoDate,
    observations: Schema.Array(Schema.String),
    satisfactory: Schema.Boolean
  }),
  Schema.TaggedStruct("ProgressReported", {
    ...meta,
    summary: Schema.String,
    reportedOn: IsoDate,
    quotas: Schema.Array(QuotaResult)
  }),
  Schema.TaggedStruct("AcceptanceApplied", {
    ...meta,
    subProject: SubProject,
    appliedOn: IsoDate,
    attempt: Schema.Number,
    receipts: Schema.Array(
      Schema.Struct({ number: Schema.String, amount: Money.Yuan, issuer: Schema.optional(Schema.String) })
    ),
    receiptsTotal: Money.Yuan,
    details: Schema.String
  }),
  Schema.TaggedStruct("AcceptancePassed", {
    ...meta,
    subProject: SubProject,
    evaluatedOn: IsoDate,
    attempt: Schema.Number,
    experts: Schema.Array(Expert),
    items: Schema.Array(QuotaResult),
    targets: Schema.Array(PerformanceTarget),
    balanceDue: Money.Yuan,
    dueDate: IsoDate,
    dueExplanation: Bilingual,
    remarks: Schema.optional(Schema.String)
  }),
  Schema.TaggedStruct("AcceptanceFailed", {
    ...meta,
    subProject: SubProject,
    evaluatedOn: IsoDate,
    attempt: Schema.Number,
    experts: Schema.Array(Expert),
    items: Schema.Array(QuotaResult),
    targets: Schema.Array(PerformanceTarget),
    rectification: Schema.Struct({ items: Schema.Array(Schema.String), deadline: IsoDate, explanation: Bilingual }),
    remarks: Schema.optional(Schema.String)
  }),
  Schema.TaggedStruct("AcceptanceReportFiled", {
    ...meta,
    subProject: SubProject,
    reportNumber: Schema.String,
    filedOn: IsoDate
  })
).annotations({ identifier: "Event" })

/**
 * @since 0.1.0
 * @category models
 */
export type Event = typeof Event.Type

/**
 * The name of an event.
 *
 * @since 0.1.0
 * @category models
 */
export type Name = Event["_tag"]

/**
 * The current schema version of every event.
 *
 * @since 0.1.0
 * @category constants
 */
export const currentVersion = 1

/**
 * An upcaster: turns the stored data of one event type at one schema version
 * into the data of the next version. Event types without an upcaster at a
 * version are unchanged by it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Upcaster {
  readonly type: string
  readonly fromVersion: number
  /** Turns data of `fromVersion` into data of the next version. */
  readonly upcast: (data: Record<string, unknown>) => Record<string, unknown>
}

/**
 * A stored event has a schema version newer than this library knows.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnknownEventVersion extends Schema.TaggedError<UnknownEventVersion>()("UnknownEventVersion", {
  type: Schema.String,
  schemaVersion: Schema.Number,
  known: Schema.Number
}) {
  /** The unknown version in Chinese and English. */
  override get message(): string {
    return `事件 ${this.type} 的版本 ${this.schemaVersion} 未知(当前支持 ${this.known}) / event ${this.type} has unknown schema version ${this.schemaVersion} (this library knows ${this.known})`
  }
}

/**
 * Builds the event codec with the given upcasters (plugins and hosts may add
 * their own for their stored history).
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeCodec = (
  options: { readonly version?: number | undefined; readonly upcasters?: ReadonlyArray<Upcaster> | undefined } = {}
): EventCodec<Event> => {
  const version = options.version ?? currentVersion
  const upcasters = options.upcasters ?? []
  return {
    schema: Event,
    typeOf: (e) => e._tag,
    currentVersion: version,
    upcast: (type, schemaVersion, data) => {
      if (!Number.isInteger(schemaVersion) || schemaVersion > version || schemaVersion < 1) {
        throw new UnknownEventVersion({ type, schemaVersion, known: version })
      }
      let current = data as Record<string, unknown>
      for (let v = schemaVersion; v < version; v++) {
        // A type without an upcaster at a version did not change at that version.
        const step = upcasters.find((u) => u.type === type && u.fromVersion === v)
        if (step !== undefined) current = step.upcast(current)
      }
      return current
    }
  }
}

/**
 * The codec of the current library.
 *
 * @since 0.1.0
 * @category constants
 */
export const codec: EventCodec<Event> = makeCodec()

const tagOf = (ast: AST.AST): string => {
  const tag = AST.getPropertySignatures(ast).find((p) => p.name === "_tag")?.type
  if (tag === undefined || !AST.isLiteral(tag) || typeof tag.literal !== "string") {
    throw new Error("every event member has a literal _tag")
  }
  return tag.literal
}
const memberDecoders: ReadonlyMap<string, (u: unknown) => Either.Either<Event, ParseResult.ParseError>> = new Map(
  Event.members.map((
    member
  ) => [tagOf(member.ast), Schema.decodeUnknownEither(member as unknown as Schema.Schema<Event, unknown>)])
)
const unionDecoder = Schema.decodeUnknownEither(Event)

/**
 * Decodes one event: the same result and errors as decoding with {@link Event},
 * but the member schema is picked by the `_tag` discriminator first (replays
 * decode thousands of events; this skips the union's candidate search). Input
 * without a known `_tag` goes through the union, so its error is the union's.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeUnknownEither = (input: unknown): Either.Either<Event, ParseResult.ParseError> => {
  const tag = typeof input === "object" && input !== null ? (input as { readonly _tag?: unknown })._tag : undefined
  const member = typeof tag === "string" ? memberDecoders.get(tag) : undefined
  if (member === undefined) return unionDecoder(input)
  const result = member(input)
  // a member's failure is re-run through the union so the error reads exactly as before
  return result._tag === "Right" ? result : unionDecoder(input)
}
