/**
 * The events of a project, assembled from the sections' folders (`lifecycle/3.1-key-areas/events.ts` …) in plan
 * order. Each records who acted and when, the command it
 * answers, the rules evaluated with their findings and parameter reads, and
 * the legal basis. Nothing is edited in place: a correction is a new event
 * that names the one it corrects.
 *
 * Events carry a schema version; {@link codec} upcasts older stored versions
 * before decoding and refuses versions it does not know.
 *
 * ## The stored form
 *
 * {@link Event} is an event as the library's API gives and takes it: every legal basis whole. A store writes the
 * {@link Stored} form (schema version 2), which says the same in far fewer bytes:
 *
 * - a legal basis the library's catalog holds is written as its reference, `"lb:"` and 16 hex characters of the
 *   SHA-256 of its canonical JSON (see `LegalBasis`); any other basis (a plugin's, a city's) is written whole;
 * - an evaluation that read no parameter and found nothing is written as its bare rule id, and the others leave
 *   out their empty `reads` or `findings`.
 *
 * The audit trail hashes the stored data, so an event's hash covers its references, and each reference is the
 * hash of its basis's text: the chain still covers what the event means. Rows of version 1 (every basis and
 * evaluation whole) keep their stored bytes and hashes; {@link upcasters} turn them into version 2 when they are
 * read.
 *
 * From schema version 3 a store keeps who acted, the legal basis and the rules evaluated ({@link recordFields}) once
 * per distinct combination, in a record beside the events (`EventStore.NewEvent` `record`): a row holds the rest of
 * the event and names its record by the SHA-256 of the record's canonical JSON (`"$record"`), so the chain's hash
 * still covers what the event means. A stream of thousands of deliverables shares a handful of records, and a replay
 * decodes each record once. Rows of versions 1 and 2 hold those fields in the row and are read as before.
 *
 * @since 0.1.0
 */
import type * as Either from "effect/Either"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import * as StoredDecoder from "../kernel/internal/storedDecoder.js"
import * as LegalBasis from "../kernel/LegalBasis.js"
import * as KeyAreas from "./3.1-key-areas/events.js"
import * as Plan from "./3.2-plan/events.js"
import * as Budget from "./3.3-budget/events.js"
import * as Publicity from "./3.4-publicity/events.js"
import * as Procurement from "./3.5-procurement/events.js"
import * as Contract from "./3.6-contract/events.js"
import * as Implementation from "./3.7-implementation/events.js"
import * as Supervision from "./3.8-supervision/events.js"
import * as Acceptance from "./3.9-acceptance/events.js"
import * as Deliverables from "./4-deliverables/events.js"
import type { EventCodec } from "./Decider.js"
import * as Shared from "./internal/schemas.js"

/**
 * A rule evaluated while deciding a command: its findings and the parameter values it read.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Evaluation = Shared.Evaluation

/**
 * @since 0.1.0
 * @category models
 */
export type Evaluation = typeof Evaluation.Type

/**
 * One quota item's result as recorded at acceptance.
 *
 * @since 0.1.0
 * @category models
 */
export type QuotaResult = typeof Shared.QuotaResult.Type

/**
 * A ranked bid as recorded in the award.
 *
 * @since 0.1.0
 * @category models
 */
export type RankedBid = typeof Procurement.RankedBid.Type

/**
 * One thing a rectification order asks to put right, by its stable identifier (quota item id, target name or
 * a rule's path), with its display sentence.
 *
 * @since 0.2.0
 * @category models
 */
export type RectificationOrder = typeof Acceptance.RectificationOrder.Type

/**
 * How an award's ranking was made: the order of what it compared, how its figures are written.
 *
 * @since 0.2.0
 * @category models
 */
export type RankingBasis = typeof Procurement.RankingBasis.Type

/**
 * A tie broken in an award's ranking, by supplier id, with the equal score exact.
 *
 * @since 0.2.0
 * @category models
 */
export type TieBreak = typeof Procurement.TieBreak.Type

/**
 * All events, by plan section.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Event = Schema.Union(
  ...KeyAreas.events,
  ...Plan.events,
  ...Budget.events,
  ...Publicity.events,
  ...Procurement.events,
  ...Contract.events,
  ...Implementation.events,
  ...Supervision.events,
  ...Acceptance.events,
  ...Deliverables.events
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
 * The official Chinese name of each event type (确定重点领域, 签订合同 …), as the audit trail extract and the
 * documents print it; each section's `events.ts` names its own events.
 *
 * @since 0.2.0
 * @category constants
 */
export const names: { readonly [K in Name]: string } = {
  ...KeyAreas.names,
  ...Plan.names,
  ...Budget.names,
  ...Publicity.names,
  ...Procurement.names,
  ...Contract.names,
  ...Implementation.names,
  ...Supervision.names,
  ...Acceptance.names,
  ...Deliverables.names
}

/**
 * The event of a name.
 *
 * @since 0.2.0
 * @category models
 */
export type Of<K extends Name> = Extract<Event, { readonly _tag: K }>

/**
 * The shape of what a store holds of an event, beside the decoded event it stands for.
 *
 * @since 0.2.0
 * @category models
 */
export interface StoredData {
  readonly _tag: Name
  readonly basis: ReadonlyArray<string | { readonly level: string; readonly citation: string; readonly note?: string }>
  readonly evaluations: ReadonlyArray<string | { readonly ruleId: string }>
  readonly [field: string]: unknown
}

const storedMember = (member: (typeof Event.members)[number]) =>
  Schema.Struct({ ...(member.fields as Schema.Struct.Fields), ...Shared.storedMeta })

/**
 * All events as a store writes them (schema version 2): the same events as {@link Event}, with the legal bases of
 * the library's catalog by reference and the evaluations that read and found nothing as their bare rule id (see the
 * module documentation). Decodes version 2 rows and the whole bases and evaluations of version 1 alike.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Stored: Schema.Schema<Event, StoredData> = Schema.Union(...Event.members.map(storedMember))
  .annotations({ identifier: "StoredEvent" }) as unknown as Schema.Schema<Event, StoredData>

/**
 * The current schema version of every event: 3 since a store keeps the {@link recordFields} in a shared record (2
 * wrote them in every row, legal bases by reference; 1 wrote every basis whole). The data of the three versions is
 * the same once a row's record is put back, so only version 1 has upcasters.
 *
 * @since 0.1.0
 * @category constants
 */
export const currentVersion = 3

/**
 * The fields of every event that a store keeps in a shared record (see the module documentation): who acted, the
 * legal basis and the rules evaluated, which a decision repeats event after event.
 *
 * @since 0.2.0
 * @category constants
 */
export const recordFields: ReadonlyArray<"actor" | "basis" | "evaluations"> = ["actor", "basis", "evaluations"]

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

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

// A whole basis of version 1 → its catalog reference (anything else as it was: decoding reports what is wrong).
const basisV2 = (b: unknown): unknown =>
  isRecord(b) && typeof b.level === "string" && typeof b.citation === "string" &&
    (b.note === undefined || typeof b.note === "string")
    ? LegalBasis.catalog.refFor({ level: b.level, citation: b.citation, note: b.note }) ?? b
    : b

// An evaluation of version 1 → its bare rule id when it read and found nothing, else without its empty lists.
const evaluationV2 = (e: unknown): unknown => {
  if (!isRecord(e) || typeof e.ruleId !== "string" || !Array.isArray(e.reads) || !Array.isArray(e.findings)) return e
  if (e.reads.length === 0 && e.findings.length === 0) return e.ruleId
  const { findings, reads, ...rest } = e
  return { ...rest, ...(reads.length === 0 ? {} : { reads }), ...(findings.length === 0 ? {} : { findings }) }
}

const toVersion2 = (data: Record<string, unknown>): Record<string, unknown> => ({
  ...data,
  ...(Array.isArray(data.basis) ? { basis: data.basis.map(basisV2) } : {}),
  ...(Array.isArray(data.evaluations) ? { evaluations: data.evaluations.map(evaluationV2) } : {})
})

const tagOf = (ast: AST.AST): string => {
  const tag = AST.getPropertySignatures(ast).find((p) => p.name === "_tag")?.type
  if (tag === undefined || !AST.isLiteral(tag) || typeof tag.literal !== "string") {
    throw new Error("every event member has a literal _tag")
  }
  return tag.literal
}

/**
 * The library's own upcasters, registered in every codec {@link makeCodec} builds: from version 1 to 2 every event
 * type writes the legal bases of the catalog by reference and the evaluations that read and found nothing as their
 * bare rule id (the stored row keeps its bytes and its hash; only what is decoded from it goes through this).
 *
 * @since 0.2.0
 * @category constants
 */
export const upcasters: ReadonlyArray<Upcaster> = Event.members.map((member) => ({
  type: tagOf(member.ast),
  fromVersion: 1,
  upcast: toVersion2
}))

/**
 * Builds the event codec with the library's {@link upcasters} and the given ones (plugins and hosts may add their
 * own for their stored history). At each version the upcasters of an event type run in order, the library's first.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeCodec = (
  options: { readonly version?: number | undefined; readonly upcasters?: ReadonlyArray<Upcaster> | undefined } = {}
): EventCodec<Event> => {
  const version = options.version ?? currentVersion
  const steps = [...upcasters, ...(options.upcasters ?? [])]
  return {
    schema: Stored,
    typeOf: (e) => e._tag,
    currentVersion: version,
    recordFields,
    decodeStored: (type, data, owned, record) => decodeStored(type, data, owned, record),
    upcast: (type, schemaVersion, data) => {
      if (!Number.isInteger(schemaVersion) || schemaVersion > version || schemaVersion < 1) {
        throw new UnknownEventVersion({ type, schemaVersion, known: version })
      }
      let current = data as Record<string, unknown>
      for (let v = schemaVersion; v < version; v++) {
        // A type without an upcaster at a version did not change at that version.
        for (const step of steps) if (step.type === type && step.fromVersion === v) current = step.upcast(current)
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

const byTag = <A>(members: ReadonlyArray<Schema.Schema.Any>, f: (member: Schema.Schema<Event, unknown>) => A) =>
  new Map(members.map((member) => [tagOf(member.ast), f(member as unknown as Schema.Schema<Event, unknown>)]))
const memberDecoders = byTag(Event.members, Schema.decodeUnknownEither)
const unionDecoder = Schema.decodeUnknownEither(Event)
const storedMembers = (Stored.ast as AST.Union).types.map((ast) => Schema.make(ast))
const storedDecoders = byTag(storedMembers, StoredDecoder.make)
const storedFullDecoders = byTag(storedMembers, Schema.decodeUnknownEither)
const storedUnionDecoder = Schema.decodeUnknownEither(Stored)

/**
 * Decodes a row that a store wrote at {@link currentVersion} (the {@link Stored} form): the shape is checked and
 * the schema's own transformations run (money, decimals, legal bases by reference), but the refinements the schema
 * checked when the event was encoded are trusted, which makes replays several times faster. Gives `undefined` for
 * anything that is not such a row (decode it with {@link decodeStoredEither}, which reports the error). Never use
 * it for input from outside the store. With `owned`, the data was parsed for this call alone: the decoded values
 * are written into it instead of a copy, and when it gives up the data may have been written to (decode a fresh
 * parse of the row then). With `record`, the row is of version 3 and names that record (the value a store keeps for
 * its reference, see {@link recordFields}): the record's fields are decoded once per record object and shared by the
 * events that name it, and a row that holds one of them as well is not such a row.
 *
 * @since 0.2.0
 * @category decoding
 */
export const decodeStored = (type: string, data: unknown, owned?: boolean, record?: unknown): Event | undefined => {
  const e = record === undefined ? storedDecoders.get(type)?.(data, owned) : withRecord(type, data, owned, record)
  return e !== undefined && e._tag === type ? e : undefined
}

// The schemas of the record's fields, as a store writes them.
const recordSchemas = { actor: Shared.meta.actor, ...Shared.storedMeta } satisfies Record<
  (typeof recordFields)[number],
  Schema.Schema.Any
>

// A record's fields decoded once (the events that name it share them): by the record's value, which the stores
// keep once per record.
const StoredRecord = Schema.Struct(recordSchemas)
const decodeRecord = StoredDecoder.make(StoredRecord)
const decodedRecords = new WeakMap<object, typeof StoredRecord.Type | null>()
const recordOf = (value: unknown): typeof StoredRecord.Type | undefined => {
  if (typeof value !== "object" || value === null) return undefined
  let d = decodedRecords.get(value)
  if (d === undefined) decodedRecords.set(value, d = decodeRecord(value) ?? null)
  return d ?? undefined
}

// The members with the record's fields taken as decoded, each decoded into a new event (the row's reference left out).
const asDecoded = Object.fromEntries(recordFields.map((field) => [field, Schema.Unknown])) as Record<
  (typeof recordFields)[number],
  typeof Schema.Unknown
>
const recordMember = (member: (typeof Event.members)[number]) =>
  Schema.Struct({ ...(member.fields as Schema.Struct.Fields), ...asDecoded })
const recordDecoders = new Map(
  Event.members.map((member) => [tagOf(member.ast), StoredDecoder.make(recordMember(member), { fresh: true })])
)

const withRecord = (type: string, data: unknown, owned: boolean | undefined, record: unknown) => {
  const shared = recordOf(record)
  const decode = recordDecoders.get(type)
  if (shared === undefined || decode === undefined || typeof data !== "object" || data === null) return undefined
  // a row that holds a field of its record as well is not what a store writes: the schema reports it
  const own = data as Record<string, unknown>
  for (const field of recordFields) if (own[field] !== undefined) return undefined
  // the event is a new object (the fields it takes from the row and the record); what the row holds is written into
  // only when it is the caller's own
  const row = (owned === true ? data : { ...data }) as Record<string, unknown>
  for (const field of recordFields) row[field] = shared[field]
  return decode(row, owned) as Event | undefined
}

/**
 * Decodes the data of a stored row of type `type` in the {@link Stored} form with the full schema (every
 * refinement checked): the member schema is picked by the type; an unknown type goes through the union, so its
 * error is the union's. Rows of an older version are upcast first (`codec.upcast`).
 *
 * @since 0.2.0
 * @category decoding
 */
export const decodeStoredEither = (type: string, data: unknown): Either.Either<Event, ParseResult.ParseError> => {
  const member = storedFullDecoders.get(type)
  return member === undefined ? storedUnionDecoder(data) : member(data)
}

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
