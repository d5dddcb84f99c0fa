/**
 * The event store port: append-only streams of events with optimistic
 * concurrency, idempotent command ids, a per-stream SHA-256 hash chain (see
 * {@link AuditTrail}) and read models updated in the same transaction (see
 * {@link Projection}).
 *
 * Adapters: {@link layerMemory} here; `@gsyf/store-sqlite` and
 * `@gsyf/store-postgres` (both built on `@gsyf/store-sql`). Every adapter passes
 * the same conformance suite, `@gsyf/testkit` `EventStoreSuite`.
 *
 * Rules every adapter keeps:
 *
 * - `append(streamId, expectedVersion, commandId, events)`: the stream must be at
 *   exactly `expectedVersion` (`0`: it must not exist); there is no "any
 *   version". Positions are 1-based per stream.
 * - An append without events writes nothing and returns the current version.
 * - A command id belongs to its stream: the same id in another stream is
 *   another command. Each command is stored with a fingerprint (`commandHash`:
 *   given by the caller, e.g. the SHA-256 of the canonical command, or else the
 *   SHA-256 of its events). An id already stored in the stream with the same
 *   fingerprint returns the original result with `duplicate: true` and writes
 *   nothing, so retries are safe; with another fingerprint the append fails
 *   with {@link CommandIdConflict}, never answering with the original events.
 * - With a `signer` (see `AuditKey`), every command row carries a receipt: the
 *   host's signature over the command and the hash of its last event.
 * - Events, their hash chain links, the command record and the read-model
 *   updates are written in one transaction, or not at all.
 * - Input is validated before anything is written; bad input fails with
 *   `InvalidInput` and never reaches a table.
 *
 * @since 0.1.0
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { createHash } from "node:crypto"
import * as InputError from "../kernel/InputError.js"
import * as AuditKey from "./AuditKey.js"
import * as AuditTrail from "./AuditTrail.js"
import { canonicalBody, canonicalize, NotJson } from "./internal/canonicalJson.js"
import * as EventModel from "./internal/eventModel.js"
import { sha256Hex } from "./internal/sha256.js"
import * as Projection from "./Projection.js"

// -----------------------------------------------------------------------------
// models
// -----------------------------------------------------------------------------

/**
 * An event to append: its type name, the schema version of its encoded form and
 * the encoded data (plain JSON, e.g. the output of `Schema.encode`).
 *
 * @since 0.1.0
 * @category models
 */
export interface NewEvent {
  readonly type: string
  readonly schemaVersion: number
  readonly data: unknown
  /**
   * Fields of the data that many events share (who acted, the legal basis, the rules evaluated), as a plain JSON
   * object kept once by the store: the stored data names it by reference (`"$record"`, the SHA-256 of its canonical
   * JSON), so the event's hash covers it, and readers get it with the event ({@link StoredEvent} `record`). Its keys
   * must not be keys of `data`.
   */
  readonly record?: unknown
}

/**
 * A record a store keeps once and the events that share it name by reference: `ref` is the SHA-256 (hex) of
 * `json`, its canonical JSON text, and `value` that text parsed.
 *
 * @since 0.2.0
 * @category models
 */
export interface StoredRecord extends EventModel.StoredRecord {}

/**
 * The key under which an event's stored data names its record.
 *
 * @since 0.2.0
 * @category models
 */
export const recordKey: "$record" = "$record"

/**
 * A stored event's data with the fields of the record it names put back (the data itself when it names none): the
 * event's data as it was appended. `undefined` when the data names a record the event does not carry.
 *
 * @since 0.2.0
 * @category records
 */
export const dataWithRecord = (event: StoredEvent): unknown => EventModel.withRecord(event.data, event.record)

/**
 * An event as stored: its place in its stream (`position`, 1-based) and in the
 * whole store (`globalPosition`), the command that wrote it, when, and its
 * links in the stream's hash chain.
 *
 * @since 0.1.0
 * @category models
 */
export interface StoredEvent extends EventModel.StoredEvent {}

/**
 * A stored event for a store that keeps the data as JSON text (the SQL stores' `data` column): `data` is parsed
 * when it is first read, and kept. It reads, spreads, serialises and compares as an event whose data was parsed up
 * front; a replay (`CommandHandler`) parses the text of each row as it decodes it without keeping the parsed data,
 * so a long stream is not held parsed in memory while it is folded. The text must be what the store wrote.
 *
 * @since 0.2.0
 * @category constructors
 */
export const storedFromJson = (
  streamId: string,
  position: number,
  globalPosition: number,
  type: string,
  schemaVersion: number,
  dataJson: string,
  commandId: string,
  recordedAt: string,
  prevHash: string,
  hash: string,
  record?: StoredRecord | undefined
): StoredEvent =>
  new EventModel.JsonStoredEvent(
    streamId,
    position,
    globalPosition,
    type,
    schemaVersion,
    dataJson,
    commandId,
    recordedAt,
    prevHash,
    hash,
    record
  )

/**
 * The outcome of an append. `version` is the stream version after the append
 * (for a duplicate: the last position the original command wrote). `events`
 * are the events written (for a duplicate: the ones the original command wrote).
 *
 * @since 0.1.0
 * @category models
 */
export interface AppendResult {
  readonly streamId: string
  readonly commandId: string
  readonly version: number
  readonly events: ReadonlyArray<StoredEvent>
  readonly duplicate: boolean
}

/**
 * A command as its row records it: the positions its events took in its stream,
 * its fingerprint and its receipt. `commandHash` and `receipt` are `undefined`
 * for commands stored before 0.2 (and `receipt` when the store signs nothing).
 *
 * @since 0.2.0
 * @category models
 */
export interface CommandRecord {
  readonly streamId: string
  readonly commandId: string
  readonly first: number
  readonly last: number
  readonly commandHash: string | undefined
  readonly receipt: string | undefined
}

/**
 * A stored command with the events it wrote (the result an idempotent retry returns).
 *
 * @since 0.2.0
 * @category models
 */
export interface StoredCommand extends AppendResult, CommandRecord {}

/**
 * Options of an append.
 *
 * @since 0.2.0
 * @category models
 */
export interface AppendOptions {
  /**
   * The command's fingerprint: 64 lowercase hex digits, e.g. {@link fingerprint}
   * of the canonical command. Default: the fingerprint of the events appended.
   */
  readonly commandHash?: string | undefined
}

/**
 * What {@link Service} `appendOrNewer` did: appended (the result `append` gives), or found the stream past the
 * expected version, wrote nothing, and returned the events after that version (all of them, in position order).
 *
 * @since 0.2.0
 * @category models
 */
export type AppendOrNewer =
  | { readonly _tag: "Appended"; readonly result: AppendResult }
  | { readonly _tag: "Newer"; readonly events: ReadonlyArray<StoredEvent> }

/**
 * Options of {@link EventStore} `readStream`: where to start (`fromPosition`, default 1) and how many events to give
 * at most (`maxCount`, default all). A replay that folds a long stream piece by piece reads it with `maxCount`, so
 * that what it read last is dropped before the next piece is read.
 *
 * @since 0.2.0
 * @category models
 */
export interface ReadStreamOptions {
  /** The position of the first event to give (default 1). */
  readonly fromPosition?: number | undefined
  /** How many events to give at most (default all; see {@link readLimit}). */
  readonly maxCount?: number | undefined
}

/**
 * How many events a `readStream` with these options gives at most: `maxCount` rounded down, none for a count below
 * 1 or not a number, all (`Infinity`) when it is not given. Every store applies this rule.
 *
 * @since 0.2.0
 * @category reading
 */
export const readLimit = (options?: ReadStreamOptions | undefined): number => {
  const max = options?.maxCount
  if (max === undefined || max === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY
  return max >= 1 ? Math.floor(max) : 0
}

/**
 * The events of a stream held in memory as `readStream` gives them with these options.
 */
const sliceStream = (
  stream: ReadonlyArray<StoredEvent>,
  options?: ReadStreamOptions | undefined
): Array<StoredEvent> => {
  const start = Math.max(0, (options?.fromPosition ?? 1) - 1)
  const limit = readLimit(options)
  return stream.slice(start, limit === Number.POSITIVE_INFINITY ? undefined : start + limit)
}

/**
 * A stream and its current version.
 *
 * @since 0.1.0
 * @category models
 */
export interface StreamInfo {
  readonly streamId: string
  readonly version: number
}

/**
 * Outcome of {@link EventStore} `rebuild`.
 *
 * @since 0.1.0
 * @category models
 */
export interface RebuildResult {
  readonly projection: string
  readonly events: number
  readonly documents: number
}

/**
 * A stored snapshot of a stream's folded state (see `Snapshot`): the fold it
 * belongs to (`name`), the stream version it folds, the hash of the event at that
 * version, the version of the fold's codec and the encoded state.
 *
 * @since 0.2.0
 * @category models
 */
export interface Snapshot {
  readonly streamId: string
  readonly name: string
  readonly version: number
  readonly head: string
  readonly stateVersion: number
  readonly state: string
}

/**
 * A stream's snapshot of one fold and its events from the snapshot's version on (every event when there is none);
 * see {@link Service} `readWithSnapshot`.
 *
 * @since 0.2.0
 * @category models
 */
export interface WithSnapshot {
  readonly snapshot: Option.Option<Snapshot>
  readonly events: ReadonlyArray<StoredEvent>
}

// -----------------------------------------------------------------------------
// errors
// -----------------------------------------------------------------------------

/**
 * The stream is not at the expected version: someone else appended first
 * (or the stream does not exist yet / already exists).
 *
 * @since 0.1.0
 * @category errors
 */
export class VersionConflict extends Schema.TaggedError<VersionConflict>()("VersionConflict", {
  streamId: Schema.String,
  expected: Schema.Number,
  actual: Schema.Number
}) {
  /** The conflict in Chinese and English, with the expected and actual versions. */
  override get message(): string {
    return `版本冲突:流 ${this.streamId} 期望版本 ${this.expected},实际版本 ${this.actual} / ` +
      `version conflict on stream ${this.streamId}: expected ${this.expected}, actual ${this.actual}`
  }
}

/**
 * The store cannot be reached (connection refused or lost, database shutting
 * down, file locked). Transient: the same call may succeed later. When raised by
 * an append, the append may or may not have been committed; retry with the same
 * command id to find out safely.
 *
 * @since 0.1.0
 * @category errors
 */
export class StoreUnavailable extends Schema.TaggedError<StoreUnavailable>()("StoreUnavailable", {
  reason: Schema.String
}) {
  /** The reason the store is unavailable, in Chinese and English. */
  override get message(): string {
    return `事件存储暂不可用 / event store unavailable: ${this.reason}`
  }
}

/**
 * Any other failure of the store (a bug, a corrupt database, a projection that
 * threw). Not expected to go away by retrying.
 *
 * @since 0.1.0
 * @category errors
 */
export class StoreError extends Schema.TaggedError<StoreError>()("StoreError", {
  operation: Schema.String,
  reason: Schema.String
}) {
  /** The failed operation and its reason, in Chinese and English. */
  override get message(): string {
    return `事件存储错误(${this.operation}) / event store error (${this.operation}): ${this.reason}`
  }
}

/**
 * A command id already stored in the stream for a different command (another
 * fingerprint). Nothing was written and nothing of the stored command is returned.
 *
 * @since 0.2.0
 * @category errors
 */
export class CommandIdConflict extends Schema.TaggedError<CommandIdConflict>()("CommandIdConflict", {
  streamId: Schema.String,
  commandId: Schema.String
}) {
  /** The conflict in Chinese and English. */
  override get message(): string {
    return `命令标识 ${this.commandId} 已在流 ${this.streamId} 中用于另一条内容不同的命令;请使用新的命令标识 / ` +
      `command id ${this.commandId} was already used in stream ${this.streamId} for a different command; ` +
      `use a new command id`
  }
}

/**
 * Errors of the reading operations.
 *
 * @since 0.1.0
 * @category errors
 */
export type ReadError = StoreUnavailable | StoreError

/**
 * Errors of {@link EventStore} `append`.
 *
 * @since 0.1.0
 * @category errors
 */
export type AppendError =
  | VersionConflict
  | CommandIdConflict
  | StoreUnavailable
  | StoreError
  | InputError.InvalidInput

// -----------------------------------------------------------------------------
// port
// -----------------------------------------------------------------------------

/**
 * The operations of an event store.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The projections registered with this store. */
  readonly projections: ReadonlyArray<Projection.Any>
  /** Appends events to a stream at exactly `expectedVersion` (0: the stream must not exist). */
  readonly append: (
    streamId: string,
    expectedVersion: number,
    commandId: string,
    events: ReadonlyArray<NewEvent>,
    options?: AppendOptions | undefined
  ) => Effect.Effect<AppendResult, AppendError>
  /**
   * `append` when the stream is at `expectedVersion`; when it has moved past it, writes nothing (not even the command
   * row, so a retried command id is not answered) and returns the events after `expectedVersion` instead of failing
   * with `VersionConflict` (optional; one round trip where the store can: the read and the append in one statement).
   * A stream behind `expectedVersion` still fails with `VersionConflict`, and every other outcome is `append`'s.
   */
  readonly appendOrNewer?:
    | ((
      streamId: string,
      expectedVersion: number,
      commandId: string,
      events: ReadonlyArray<NewEvent>,
      options?: AppendOptions | undefined
    ) => Effect.Effect<AppendOrNewer, AppendError>)
    | undefined
  /**
   * The events of a stream in position order (from `fromPosition`, default 1), at most `maxCount` of them (default:
   * all; see {@link readLimit}), fewer only when the stream ends first; empty when it does not exist.
   */
  readonly readStream: (
    streamId: string,
    options?: ReadStreamOptions | undefined
  ) => Effect.Effect<ReadonlyArray<StoredEvent>, ReadError>
  /** The current version of a stream (0 when it does not exist). */
  readonly streamVersion: (streamId: string) => Effect.Effect<number, ReadError>
  /** Every event with a global position greater than `fromGlobalPosition` (default 0), read in pages. */
  readonly readAll: (
    fromGlobalPosition?: number | undefined,
    options?: { readonly pageSize?: number | undefined } | undefined
  ) => Stream.Stream<StoredEvent, ReadError>
  /**
   * Checks a stream's hash chain. `options.hashThreads` asks for helper threads to hash the rows (see
   * `AuditTrail.VerifyOptions`; a store that hands over its rows' stored text uses them, others verify in place).
   */
  readonly verify: (
    streamId: string,
    options?: AuditTrail.VerifyOptions | undefined
  ) => Effect.Effect<AuditTrail.VerifyResult, ReadError>
  /** Every stream with its version, ordered by stream id. */
  readonly listStreams: () => Effect.Effect<ReadonlyArray<StreamInfo>, ReadError>
  /** A command stored in a stream, with its events, if it was appended there. */
  readonly findCommand: (
    streamId: string,
    commandId: string
  ) => Effect.Effect<Option.Option<StoredCommand>, ReadError>
  /** Every command row, ordered by stream id and first position, read in pages. */
  readonly listCommands: () => Stream.Stream<CommandRecord, ReadError>
  /** The key id receipts are signed with (`undefined` when the store signs nothing). */
  readonly receiptKeyId: string | undefined
  /** One read-model document (with its rows, for a projection that keeps some: `Projection.assemble`). */
  readonly readModel: (
    projection: string,
    key: string
  ) => Effect.Effect<Option.Option<Projection.ReadModelEntry>, ReadError>
  /** Every document of a projection, ordered by key (each with its rows, as `readModel` gives it). */
  readonly listReadModel: (projection: string) => Effect.Effect<ReadonlyArray<Projection.ReadModelEntry>, ReadError>
  /** Drops a registered projection's documents and recomputes them from all events. */
  readonly rebuild: (projection: string) => Effect.Effect<RebuildResult, ReadError | InputError.InvalidInput>
  /**
   * The snapshot of a stream's fold stored last, as written (optional: a store without it has no snapshots; the
   * reader checks it against the stream, see `Snapshot.restore`).
   */
  readonly readSnapshot?:
    | ((streamId: string, name: string) => Effect.Effect<Option.Option<Snapshot>, ReadError>)
    | undefined
  /**
   * The stream's snapshot of a fold (as `readSnapshot`) with the stream's events from the snapshot's version on (the
   * event it ends at first), or every event of the stream when there is no snapshot: one round trip where the store
   * can (optional; without it `Snapshot` reads the two apart). At most `maxCount` events (as `readStream`).
   */
  readonly readWithSnapshot?:
    | ((
      streamId: string,
      name: string,
      options?: { readonly maxCount?: number | undefined } | undefined
    ) => Effect.Effect<WithSnapshot, ReadError>)
    | undefined
  /**
   * Stores a snapshot, replacing the stream's one of the same fold (optional, with `readSnapshot`). Invalid input
   * (a version below 1, a head that is not 64 hex digits) fails with `InvalidInput`.
   */
  readonly writeSnapshot?:
    | ((snapshot: Snapshot) => Effect.Effect<void, ReadError | InputError.InvalidInput>)
    | undefined
}

/**
 * The event store service.
 *
 * @since 0.1.0
 * @category tags
 */
export class EventStore extends Context.Tag("@gsyf/core/EventStore")<EventStore, Service>() {}

/**
 * Options shared by every adapter's layer.
 *
 * @since 0.1.0
 * @category models
 */
export interface StoreOptions {
  /** Projections kept in the same transaction as the events. */
  readonly projections?: ReadonlyArray<Projection.Any> | undefined
  /**
   * The host's audit key: sign a receipt for every append (see `AuditKey`). The
   * private key stays with the host; only signatures reach the database.
   */
  readonly signer?: AuditKey.Signer | undefined
}

// -----------------------------------------------------------------------------
// input validation (shared by every adapter)
// -----------------------------------------------------------------------------

const Name = (what: string, zh: string) =>
  Schema.String.pipe(
    Schema.filter(
      (s) => s.length > 0 && s.length <= 200 && !/[\u0000-\u001f\u007f]/.test(s) && InputError.isWellFormed(s),
      {
        ...InputError.bilingual(
          `${zh}须为 1 到 200 个字符且不含控制字符或孤立的代理码元`,
          `${what} must be 1 to 200 characters without control characters or lone surrogates`
        )
      }
    )
  )

const JsonData = Schema.Unknown.pipe(
  Schema.filter(
    (u) => {
      try {
        canonicalize(u)
        return true
      } catch (e) {
        if (e instanceof NotJson || e instanceof RangeError) return false
        throw e
      }
    },
    InputError.bilingual(
      "事件数据必须是普通 JSON(不含 undefined、NaN、bigint 或类实例)",
      "event data must be plain JSON (no undefined, NaN, bigint or class instances)"
    )
  )
)

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

// A problem with an event's record at `path` under the event, in both languages.
const recordIssue = (path: readonly [string, ...Array<string>], actual: unknown, zh: string, en: string) =>
  new ParseResult.Pointer(
    path,
    actual,
    new ParseResult.Type(Schema.Unknown.annotations(InputError.bilingual(zh, en)).ast, actual)
  )

const recordFits = (e: { readonly data: unknown; readonly record?: unknown }) => {
  if (e.record === undefined) {
    return isPlainObject(e.data) && Object.hasOwn(e.data, recordKey)
      ? recordIssue(
        ["data", recordKey],
        e.data[recordKey],
        "数据的 $record 键留给共享记录的引用",
        "the data key $record is reserved for the reference of a record"
      )
      : true
  }
  if (!isPlainObject(e.record)) {
    return recordIssue(["record"], e.record, "共享记录须为 JSON 对象", "a record must be a JSON object")
  }
  if (!isPlainObject(e.data) || Object.hasOwn(e.data, recordKey)) {
    return recordIssue(
      ["data"],
      e.data,
      "带共享记录的事件数据须为 JSON 对象且不含 $record 键",
      "the data of an event with a record must be a JSON object without a $record key"
    )
  }
  const data = e.data
  const shared = Object.keys(e.record).find((k) => Object.hasOwn(data, k))
  return shared === undefined
    ? true
    : recordIssue(
      ["record", shared],
      e.record[shared],
      "共享记录的键与事件数据的键重复",
      "a record's key is also a key of the data"
    )
}

const NewEventInput = Schema.Struct({
  type: Name("type", "事件类型"),
  schemaVersion: Schema.Int.pipe(
    Schema.greaterThanOrEqualTo(
      1,
      InputError.bilingual("模式版本须为正整数", "schemaVersion must be a positive integer")
    )
  ),
  data: JsonData,
  record: Schema.optional(JsonData)
}).pipe(Schema.filter(recordFits))

const AppendInput = Schema.Struct({
  streamId: Name("streamId", "流标识"),
  expectedVersion: Schema.Int.pipe(
    Schema.greaterThanOrEqualTo(
      0,
      InputError.bilingual("期望版本须为非负整数", "expectedVersion must be a non-negative integer")
    )
  ),
  commandId: Name("commandId", "命令标识"),
  events: Schema.Array(NewEventInput).pipe(
    Schema.maxItems(10_000, InputError.bilingual("一次最多追加 10000 个事件", "at most 10000 events per append"))
  ),
  commandHash: Schema.optional(
    Schema.String.pipe(
      Schema.pattern(
        /^[0-9a-f]{64}$/,
        InputError.bilingual("命令指纹须为 64 位小写十六进制数", "commandHash must be 64 lowercase hex digits")
      )
    )
  )
})

const decodeAppendInput = InputError.decodeEither(AppendInput, "EventStore.append")

/**
 * A validated append: every event's data is held as canonical JSON text.
 *
 * @since 0.1.0
 * @category adapters
 */
export interface PreparedAppend {
  readonly streamId: string
  readonly expectedVersion: number
  readonly commandId: string
  readonly events: ReadonlyArray<PreparedEvent>
  /** The command's fingerprint: the one given, or the fingerprint of the events. */
  readonly commandHash: string
}

/**
 * A validated event: its data as canonical JSON text (naming its record, when it has one) and its record.
 *
 * @since 0.2.0
 * @category adapters
 */
export interface PreparedEvent {
  readonly type: string
  readonly schemaVersion: number
  readonly dataJson: string
  readonly record?: { readonly ref: string; readonly json: string } | undefined
}

/**
 * The canonical JSON of an event's data and of its record, the data naming the record by the SHA-256 of its text;
 * `undefined` when the two do not fit together (checked before: objects, no shared keys). Throws `NotJson`.
 */
const withRecordJson = (data: Record<string, unknown>, record: Record<string, unknown>) => {
  const json = canonicalize(record)
  const ref = sha256Hex(json)
  return { dataJson: canonicalize({ ...data, [recordKey]: ref }), record: { ref, json } }
}

/** Whether an event's data and record fit together (see `NewEvent.record`). */
const fitsRecord = (data: unknown, record: unknown): boolean => {
  if (record === undefined) return !(isPlainObject(data) && Object.hasOwn(data, recordKey))
  if (!isPlainObject(data) || !isPlainObject(record) || Object.hasOwn(data, recordKey)) return false
  for (const k in record) if (Object.hasOwn(data, k)) return false
  return true
}

const preparedEvent = (type: string, schemaVersion: number, data: unknown, record: unknown): PreparedEvent =>
  record === undefined
    ? { type, schemaVersion, dataJson: canonicalize(data) }
    : { type, schemaVersion, ...withRecordJson(data as Record<string, unknown>, record as Record<string, unknown>) }

/**
 * The SHA-256 (hex) of the canonical JSON (RFC 8785) of a plain JSON value: the
 * fingerprint of a command, to pass as `AppendOptions.commandHash`.
 *
 * @since 0.2.0
 * @category fingerprints
 */
export const fingerprint = (value: unknown): Either.Either<string, AuditTrail.NotJsonProblem> =>
  Either.map(AuditTrail.canonicalizeEither(value), sha256Hex)

/** The default fingerprint: SHA-256 of the canonical JSON array of the events (`data`, `schemaVersion`, `type`). */
const eventsFingerprint = (events: PreparedAppend["events"]): string => {
  const h = createHash("sha256").update("[", "utf8")
  events.forEach((e, i) =>
    h.update(
      `${i === 0 ? "" : ","}{"data":${e.dataJson},"schemaVersion":${e.schemaVersion},"type":${JSON.stringify(e.type)}}`,
      "utf8"
    )
  )
  return h.update("]", "utf8").digest("hex")
}

/**
 * The answer to an append whose command id is already stored in the stream (for
 * adapter authors): the stored result when the fingerprints agree, otherwise
 * {@link CommandIdConflict}. A command stored before fingerprints existed (0.1)
 * cannot be matched and is a conflict too.
 *
 * @since 0.2.0
 * @category adapters
 */
export const duplicateOf = (
  stored: StoredCommand,
  commandHash: string
): Either.Either<AppendResult, CommandIdConflict> =>
  stored.commandHash !== undefined && stored.commandHash === commandHash
    ? Either.right({
      streamId: stored.streamId,
      commandId: stored.commandId,
      version: stored.version,
      events: stored.events,
      duplicate: true
    })
    : Either.left(new CommandIdConflict({ streamId: stored.streamId, commandId: stored.commandId }))

/**
 * Validates the arguments of an append (for adapter authors). Fails with
 * `InvalidInput` listing every bad field.
 *
 * @since 0.1.0
 * @category adapters
 */
export const prepareAppend = (
  streamId: string,
  expectedVersion: number,
  commandId: string,
  events: ReadonlyArray<NewEvent>,
  options?: AppendOptions | undefined
): Either.Either<PreparedAppend, InputError.InvalidInput> => {
  const commandHash = options?.commandHash
  const fast = prepareValid(streamId, expectedVersion, commandId, events, commandHash)
  if (fast !== undefined) return Either.right(fast)
  // Something is wrong (or unusual): the schema names every bad field.
  const input = { streamId, expectedVersion, commandId, events, ...(commandHash === undefined ? {} : { commandHash }) }
  return Either.map(decodeAppendInput(input), (input) => {
    const prepared = input.events.map((e) => preparedEvent(e.type, e.schemaVersion, e.data, e.record))
    return {
      streamId: input.streamId,
      expectedVersion: input.expectedVersion,
      commandId: input.commandId,
      events: prepared,
      commandHash: input.commandHash ?? eventsFingerprint(prepared)
    }
  })
}

// The same checks as `AppendInput`, written out for the common all-valid case (appends are the
// hot path, and the schema would also canonicalize every event's data twice). Returns `undefined`
// whenever anything fails, leaving the reporting to the schema.
const isName = (u: unknown): u is string => {
  if (typeof u !== "string" || u.length === 0 || u.length > 200) return false
  let surrogates = false
  for (let i = 0; i < u.length; i++) {
    const c = u.charCodeAt(i)
    if (c <= 0x1f || c === 0x7f) return false
    if (c >= 0xd800 && c <= 0xdfff) surrogates = true
  }
  return !surrogates || InputError.isWellFormed(u)
}

const isFingerprint = (u: unknown): u is string => typeof u === "string" && /^[0-9a-f]{64}$/.test(u)

const prepareValid = (
  streamId: unknown,
  expectedVersion: unknown,
  commandId: unknown,
  events: unknown,
  commandHash: unknown
): PreparedAppend | undefined => {
  if (!isName(streamId) || !isName(commandId)) return undefined
  if (commandHash !== undefined && !isFingerprint(commandHash)) return undefined
  if (typeof expectedVersion !== "number" || !Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
    return undefined
  }
  if (!Array.isArray(events) || events.length > 10_000) return undefined
  const out: Array<PreparedEvent> = []
  for (const e of events as ReadonlyArray<unknown>) {
    if (typeof e !== "object" || e === null) return undefined
    const { data, record, schemaVersion, type } = e as Record<string, unknown>
    if (
      !isName(type) || typeof schemaVersion !== "number" || !Number.isSafeInteger(schemaVersion) || schemaVersion < 1
    ) return undefined
    if (!fitsRecord(data, record)) return undefined
    try {
      out.push(preparedEvent(type, schemaVersion, data, record))
    } catch {
      return undefined
    }
  }
  return {
    streamId,
    expectedVersion,
    commandId,
    events: out,
    commandHash: commandHash === undefined ? eventsFingerprint(out) : commandHash
  }
}

/**
 * A validated event with its position and hash links, not yet given a global position.
 *
 * @since 0.1.0
 * @category adapters
 */
export interface SealedEvent extends Omit<StoredEvent, "globalPosition" | "data"> {
  readonly dataJson: string
}

/**
 * A sealed event as the in-memory store keeps it: frozen, its data parsed and frozen. Written field by field in one
 * order, so that a store's events share one object shape (a spread of the sealed event gave most of them a shape of
 * their own once frozen, and every read of their fields a lookup).
 */
const memoryEvent = (e: SealedEvent, globalPosition: number): StoredEvent => {
  if (e.record !== undefined) deepFreeze(e.record)
  return Object.freeze({
    streamId: e.streamId,
    position: e.position,
    type: e.type,
    schemaVersion: e.schemaVersion,
    commandId: e.commandId,
    recordedAt: e.recordedAt,
    prevHash: e.prevHash,
    hash: e.hash,
    ...(e.record === undefined ? {} : { record: e.record }),
    globalPosition,
    data: deepFreeze(JSON.parse(e.dataJson) as unknown)
  })
}

const deepFreeze = <A>(value: A): A => {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

/**
 * A stored record of its reference and text (the text parsed once per distinct record in `records`).
 *
 * @since 0.2.0
 * @category adapters
 */
export const sharedRecord = (
  records: Map<string, StoredRecord>,
  record: { readonly ref: string; readonly json: string }
): StoredRecord => {
  let r = records.get(record.ref)
  if (r === undefined) {
    r = deepFreeze({ ref: record.ref, json: record.json, value: JSON.parse(record.json) as unknown })
    records.set(record.ref, r)
  }
  return r
}

/**
 * A record as a store reads it back (for adapter authors): its text checked against its reference (the SHA-256 of
 * the text) and parsed; `undefined` when the text does not hash to the reference or is not JSON, so that an altered
 * record never reaches a reader (its events then fail to decode, and `verify` names the first of them).
 *
 * @since 0.2.0
 * @category adapters
 */
export const readRecord = (ref: string, json: string): StoredRecord | undefined => {
  if (sha256Hex(json) !== ref) return undefined
  try {
    return deepFreeze({ ref, json, value: JSON.parse(json) as unknown })
  } catch {
    return undefined
  }
}

/**
 * Gives prepared events their positions (after `expectedVersion`) and chains
 * their hashes from `prevHash` (for adapter authors). The records the events name are taken from `records` when it
 * holds them, else made once and kept there (so that a store's events share one object per record).
 *
 * @since 0.1.0
 * @category adapters
 */
export const seal = (
  prepared: PreparedAppend,
  prevHash: string,
  recordedAt: string,
  records: Map<string, StoredRecord> = new Map()
): Array<SealedEvent> => {
  const out: Array<SealedEvent> = []
  let prev = prevHash
  let position = prepared.expectedVersion
  for (const e of prepared.events) {
    position++
    const body = canonicalBody(
      prepared.streamId,
      position,
      e.type,
      e.schemaVersion,
      prepared.commandId,
      recordedAt,
      e.dataJson
    )
    const hash = sha256Hex(prev + body)
    out.push({
      streamId: prepared.streamId,
      position,
      type: e.type,
      schemaVersion: e.schemaVersion,
      commandId: prepared.commandId,
      recordedAt,
      dataJson: e.dataJson,
      prevHash: prev,
      hash,
      ...(e.record === undefined ? {} : { record: sharedRecord(records, e.record) })
    })
    prev = hash
  }
  return out
}

/**
 * The current time as an ISO-8601 instant, from Effect's `Clock` (so tests can use `TestClock`).
 *
 * @since 0.1.0
 * @category adapters
 */
export const now: Effect.Effect<string> = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())

const projectionFailedToStoreError = (e: Projection.ProjectionFailed) =>
  new StoreError({ operation: "append", reason: e.message })

/**
 * Maps {@link Projection.ProjectionFailed} to {@link StoreError} (for adapter authors).
 *
 * @since 0.1.0
 * @category adapters
 */
export const fromProjectionFailed: (e: Projection.ProjectionFailed) => StoreError = projectionFailedToStoreError

/**
 * Checks that projection names are unique (for adapter authors).
 *
 * @since 0.1.0
 * @category adapters
 */
export const checkProjections = (projections: ReadonlyArray<Projection.Any>): Either.Either<void, StoreError> => {
  const seen = new Set<string>()
  for (const p of projections) {
    if (seen.has(p.name)) {
      return Either.left(new StoreError({ operation: "layer", reason: `projection ${p.name} is registered twice` }))
    }
    if (p.name.includes(Projection.rowSeparator)) {
      return Either.left(
        new StoreError({ operation: "layer", reason: `projection name ${JSON.stringify(p.name)} holds U+001F` })
      )
    }
    seen.add(p.name)
  }
  return Either.void
}

/**
 * An `InvalidInput` for an unknown projection name (for adapter authors).
 *
 * @since 0.1.0
 * @category adapters
 */
export const unknownProjection = (name: string): InputError.InvalidInput =>
  InputError.single("EventStore.rebuild", "projection", `未注册的投影:${name}`, `projection not registered: ${name}`)

/**
 * Checks a snapshot before it is stored (for adapter authors): ids as for an
 * append, a version of at least 1, a head of 64 lowercase hex digits, a
 * non-negative integer state version and a string state.
 *
 * @since 0.2.0
 * @category adapters
 */
export const checkSnapshot = (snapshot: Snapshot): Either.Either<Snapshot, InputError.InvalidInput> => {
  const bad = (field: string, zh: string, en: string) =>
    Either.left(InputError.single("EventStore.writeSnapshot", field, zh, en))
  if (!isName(snapshot.streamId)) {
    return bad("streamId", "流标识须为 1 到 200 个字符", "streamId must be 1 to 200 characters")
  }
  if (!isName(snapshot.name)) return bad("name", "快照名称须为 1 到 200 个字符", "name must be 1 to 200 characters")
  if (!Number.isSafeInteger(snapshot.version) || snapshot.version < 1) {
    return bad("version", "快照版本须为正整数", "version must be a positive integer")
  }
  if (!isFingerprint(snapshot.head)) {
    return bad("head", "链头须为 64 位小写十六进制数", "head must be 64 lowercase hex digits")
  }
  if (!Number.isSafeInteger(snapshot.stateVersion) || snapshot.stateVersion < 0) {
    return bad("stateVersion", "状态版本须为非负整数", "stateVersion must be a non-negative integer")
  }
  if (typeof snapshot.state !== "string") return bad("state", "快照状态须为文本", "state must be a string")
  return Either.right(snapshot)
}

// -----------------------------------------------------------------------------
// in-memory adapter
// -----------------------------------------------------------------------------

type Doc = { json: string; position: number }

interface MemoryState {
  readonly all: Array<StoredEvent>
  readonly streams: Map<string, Array<StoredEvent>>
  /** Per stream: command id → its row. */
  readonly commands: Map<string, Map<string, CommandRecord>>
  readonly readModels: Map<string, Map<string, Doc>>
  /** Per stream and fold name. */
  readonly snapshots: Map<string, Snapshot>
  /** The records events name, one object per reference. */
  readonly records: Map<string, StoredRecord>
}

const byKey = <A>(a: readonly [string, A], b: readonly [string, A]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)

/**
 * The in-memory store with a test hook.
 *
 * @since 0.1.0
 * @category models
 */
export interface MemoryService extends Service {
  /** Overwrites the data of a stored event without fixing its hash, to test tamper detection. */
  readonly unsafeTamper: (streamId: string, position: number, data: unknown) => Effect.Effect<void>
}

const resultOf = (state: MemoryState, streamId: string, commandId: string): Option.Option<StoredCommand> => {
  const c = state.commands.get(streamId)?.get(commandId)
  if (c === undefined) return Option.none()
  const stream = state.streams.get(streamId) ?? []
  return Option.some({ ...c, version: c.last, events: stream.slice(c.first - 1, c.last), duplicate: true })
}

const recordCommand = (
  signer: AuditKey.Signer | undefined,
  prepared: PreparedAppend,
  stored: ReadonlyArray<StoredEvent>
): CommandRecord => {
  const first = stored[0]!.position
  const last = stored[stored.length - 1]!
  const fields = { streamId: prepared.streamId, commandId: prepared.commandId, commandHash: prepared.commandHash }
  const receipt = signer === undefined
    ? undefined
    : AuditKey.signReceipt(signer, { ...fields, first, last: last.position, head: last.hash })
  return { ...fields, first, last: last.position, receipt }
}

const modelsOf = (state: Pick<MemoryState, "readModels">, name: string) => {
  let m = state.readModels.get(name)
  if (m === undefined) state.readModels.set(name, m = new Map())
  return m
}

const applyChanges = (state: Pick<MemoryState, "readModels">, changes: ReadonlyArray<Projection.ReadModelChange>) => {
  for (const c of changes) {
    if (c.doc === null) modelsOf(state, c.projection).delete(c.key)
    else modelsOf(state, c.projection).set(c.key, { json: c.doc, position: c.position })
  }
}

/** Appends under the store's lock: checks, seals, projects, then commits (nothing is touched before). */
const memoryCommit = (
  state: MemoryState,
  options: StoreOptions,
  prepared: PreparedAppend,
  recordedAt: string
): Effect.Effect<AppendResult, AppendError> =>
  Effect.gen(function*() {
    const { commandId, streamId } = prepared
    const stream = state.streams.get(streamId) ?? []
    if (prepared.events.length === 0) {
      return { streamId, commandId, version: stream.length, events: [], duplicate: false }
    }
    const dup = resultOf(state, streamId, commandId)
    if (Option.isSome(dup)) return yield* duplicateOf(dup.value, prepared.commandHash)
    if (stream.length !== prepared.expectedVersion) {
      return yield* new VersionConflict({ streamId, expected: prepared.expectedVersion, actual: stream.length })
    }
    const prevHash = stream.length === 0 ? AuditTrail.genesisHash : stream[stream.length - 1]!.hash
    const stored: Array<StoredEvent> = seal(prepared, prevHash, recordedAt, state.records).map((e, i) =>
      memoryEvent(e, state.all.length + i + 1)
    )
    const loadDoc = (name: string, key: string) => Effect.sync(() => state.readModels.get(name)?.get(key)?.json)
    const changes = yield* Projection.run(options.projections ?? [], stored, loadDoc).pipe(
      Effect.mapError(projectionFailedToStoreError)
    )
    state.all.push(...stored)
    state.streams.set(streamId, [...stream, ...stored])
    let rows = state.commands.get(streamId)
    if (rows === undefined) state.commands.set(streamId, rows = new Map())
    rows.set(commandId, recordCommand(options.signer, prepared, stored))
    applyChanges(state, changes)
    return { streamId, commandId, version: stream.length + stored.length, events: stored, duplicate: false }
  })

const memoryReadAll = (state: MemoryState): Service["readAll"] => (from = 0, options) => {
  const pageSize = Math.max(1, options?.pageSize ?? 1000)
  return Stream.paginateEffect(from, (after: number) =>
    Effect.sync(() => {
      const page: ReadonlyArray<StoredEvent> = state.all.slice(after, after + pageSize)
      return [page, page.length < pageSize ? Option.none<number>() : Option.some(after + page.length)] as const
    })).pipe(Stream.flattenIterables)
}

/**
 * Rebuilds one projection page by page: memory holds the documents, not every change at once. The documents and
 * their rows' places ({@link Projection.rowsOf}) replace the old ones.
 */
const memoryRebuild = (state: MemoryState, projection: Projection.Any) =>
  Effect.gen(function*() {
    const fresh = new Map<string, Map<string, Doc>>([[projection.name, new Map()]])
    const pageSize = 1000
    for (let from = 0; from < state.all.length; from += pageSize) {
      const page = state.all.slice(from, from + pageSize)
      const changes = yield* Projection.run(
        [projection],
        page,
        (name, key) => Effect.succeed(fresh.get(name)?.get(key)?.json)
      ).pipe(Effect.mapError((e) => new StoreError({ operation: "rebuild", reason: e.message })))
      applyChanges({ readModels: fresh }, changes)
    }
    const rows = Projection.rowsPrefix(projection.name)
    for (const name of [...state.readModels.keys()]) {
      if (name === projection.name || name.startsWith(rows)) state.readModels.delete(name)
    }
    for (const [name, docs] of fresh) state.readModels.set(name, docs)
    return { projection: projection.name, events: state.all.length, documents: fresh.get(projection.name)!.size }
  })

const entry = (projection: string, key: string, v: Doc): Projection.ReadModelEntry => ({
  projection,
  key,
  doc: JSON.parse(v.json),
  position: v.position
})

const snapshotKey = (streamId: string, name: string) => JSON.stringify([streamId, name])

/** A document as readers get it: with its rows, for a projection that keeps some ({@link Projection.assemble}). */
const assembled = (
  state: MemoryState,
  projections: ReadonlyArray<Projection.Any>,
  projection: string,
  key: string,
  v: Doc
): Projection.ReadModelEntry => {
  const p = projections.find((x) => x.name === projection)
  const head = entry(projection, key, v)
  if (p?.rows === undefined) return head
  const place = Projection.rowsOf(projection, key)
  const rows = [...(state.readModels.get(place) ?? new Map<string, Doc>()).entries()].map(([id, r]) =>
    entry(place, id, r)
  )
  return Projection.assemble(p, head, rows)
}

/** The read operations and the snapshots of the in-memory store. */
const memoryReads = (state: MemoryState, projections: ReadonlyArray<Projection.Any>) => ({
  readStream:
    ((streamId, options) =>
      Effect.sync(() => sliceStream(state.streams.get(streamId) ?? [], options))) satisfies Service["readStream"],
  streamVersion: ((streamId) => Effect.sync(() => state.streams.get(streamId)?.length ?? 0)) satisfies Service[
    "streamVersion"
  ],
  readAll: memoryReadAll(state),
  listStreams:
    (() =>
      Effect.sync(() =>
        [...state.streams.entries()].sort(byKey).map(([streamId, events]) => ({ streamId, version: events.length }))
      )) satisfies Service["listStreams"],
  findCommand: ((streamId, commandId) => Effect.sync(() => resultOf(state, streamId, commandId))) satisfies Service[
    "findCommand"
  ],
  listCommands: (() =>
    Stream.fromIterableEffect(
      Effect.sync(() =>
        [...state.commands.entries()].sort(byKey).flatMap(([, rows]) =>
          [...rows.values()].sort((a, b) => a.first - b.first)
        )
      )
    )) satisfies Service["listCommands"],
  readModel: ((projection, key) =>
    Effect.sync(() =>
      Option.map(
        Option.fromNullable(state.readModels.get(projection)?.get(key)),
        (v) => assembled(state, projections, projection, key, v)
      )
    )) satisfies Service["readModel"],
  listReadModel:
    ((projection) =>
      Effect.sync(() =>
        [...(state.readModels.get(projection) ?? new Map<string, Doc>()).entries()]
          .sort(byKey)
          .map(([key, v]) => assembled(state, projections, projection, key, v))
      )) satisfies Service["listReadModel"],
  readSnapshot:
    ((streamId, name) =>
      Effect.sync(() => Option.fromNullable(state.snapshots.get(snapshotKey(streamId, name))))) satisfies NonNullable<
        Service["readSnapshot"]
      >,
  readWithSnapshot: ((streamId, name, options) =>
    Effect.sync(() => {
      const snapshot = Option.fromNullable(state.snapshots.get(snapshotKey(streamId, name)))
      const from = Option.match(snapshot, { onNone: () => 1, onSome: (s) => s.version })
      return { snapshot, events: sliceStream(state.streams.get(streamId) ?? [], { ...options, fromPosition: from }) }
    })) satisfies NonNullable<Service["readWithSnapshot"]>
})

/**
 * Builds an in-memory event store (for tests, demos and single-process tools).
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeMemory = (options: StoreOptions = {}): Effect.Effect<MemoryService, StoreError> =>
  Effect.gen(function*() {
    const projections = options.projections ?? []
    yield* checkProjections(projections)
    const state: MemoryState = {
      all: [],
      streams: new Map(),
      commands: new Map(),
      readModels: new Map(),
      snapshots: new Map(),
      records: new Map()
    }
    // Appends, rebuilds and tamper run under this lock; reads see a consistent state between them.
    const lock = yield* Effect.makeSemaphore(1)
    const reads = memoryReads(state, projections)
    const service: MemoryService = {
      ...reads,
      projections,
      append: (streamId, expectedVersion, commandId, events, appendOptions) =>
        Effect.gen(function*() {
          const prepared = yield* prepareAppend(streamId, expectedVersion, commandId, events, appendOptions)
          const recordedAt = yield* now
          return yield* lock.withPermits(1)(memoryCommit(state, options, prepared, recordedAt))
        }),
      appendOrNewer: (streamId, expectedVersion, commandId, events, appendOptions) =>
        Effect.gen(function*() {
          const prepared = yield* prepareAppend(streamId, expectedVersion, commandId, events, appendOptions)
          const recordedAt = yield* now
          return yield* lock.withPermits(1)(Effect.suspend((): Effect.Effect<AppendOrNewer, AppendError> => {
            const stream = state.streams.get(prepared.streamId) ?? []
            if (stream.length > prepared.expectedVersion) {
              return Effect.succeed({ _tag: "Newer", events: stream.slice(prepared.expectedVersion) })
            }
            return Effect.map(
              memoryCommit(state, options, prepared, recordedAt),
              (result) => ({ _tag: "Appended", result }) as const
            )
          }))
        }),
      verify: (streamId, options) =>
        Effect.map(reads.readStream(streamId, undefined), (events) => AuditTrail.verify(events, options)),
      receiptKeyId: options.signer?.keyId,
      rebuild: (name) => {
        const projection = projections.find((p) => p.name === name)
        return projection === undefined
          ? Effect.fail(unknownProjection(name))
          : lock.withPermits(1)(memoryRebuild(state, projection))
      },
      writeSnapshot: (snapshot) =>
        Effect.map(checkSnapshot(snapshot), (s) => {
          state.snapshots.set(snapshotKey(s.streamId, s.name), { ...s })
        }),
      unsafeTamper: (streamId, position, data) =>
        lock.withPermits(1)(Effect.sync(() => {
          const stream = state.streams.get(streamId)
          const old = stream?.[position - 1]
          if (stream === undefined || old === undefined) return
          const tampered = deepFreeze({ ...old, data: JSON.parse(JSON.stringify(data)) })
          stream[position - 1] = tampered
          state.all[old.globalPosition - 1] = tampered
        }))
    }
    return service
  })

/**
 * An in-memory event store layer.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory = (options: StoreOptions = {}): Layer.Layer<EventStore, StoreError> =>
  Layer.effect(EventStore, makeMemory(options))
