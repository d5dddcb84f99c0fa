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
 * @since 0.1.0
 */
import type * as Either from "effect/Either"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import * as StoredDecoder from "../kernel/internal/storedDecoder.js"
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
    decodeStored: (type, data) => decodeStored(type, data),
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
const storedDecoders: ReadonlyMap<string, (u: unknown) => Event | undefined> = new Map(
  Event.members.map((
    member
  ) => [tagOf(member.ast), StoredDecoder.make(member as unknown as Schema.Schema<Event, unknown>)])
)

/**
 * Decodes a row that a store wrote at {@link currentVersion}: the shape is checked and the schema's own
 * transformations run (money, decimals, legal bases), but the refinements the schema checked when the event was
 * encoded are trusted, which makes replays several times faster. Gives `undefined` for anything that is not such
 * a row (decode it with {@link decodeUnknownEither}, which reports the error). Never use it for input from
 * outside the store.
 *
 * @since 0.2.0
 * @category decoding
 */
export const decodeStored = (type: string, data: unknown): Event | undefined => {
  const e = storedDecoders.get(type)?.(data)
  return e !== undefined && e._tag === type ? e : undefined
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
