/**
 * Runs a {@link Decider} against the {@link EventStore}: load the stream, decode
 * (upcasting older schema versions), fold, decide, encode, append at the version
 * that was read. When another writer appended in between, the append fails with
 * `VersionConflict` and the handler starts over from a fresh read, a bounded
 * number of times.
 *
 * ```ts
 * const result = yield* CommandHandler.handle(counter, counterCodec, "counter-1", { _tag: "Add", n: 2 }, commandId)
 * ```
 *
 * The decider's `authorize` runs first, on the current state: a refusal fails
 * the effect with the decider's rejection before anything else, so a command id
 * resent by someone not allowed to send it is refused, not answered from the
 * store. A rejection from `decide` fails the effect with the decider's own
 * rejection value and writes nothing. A command id already appended to the
 * stream with the same fingerprint (a retried request) returns the original
 * outcome with `result.duplicate === true`; with another fingerprint the
 * effect fails with `EventStore.CommandIdConflict`.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as InputError from "../kernel/InputError.js"
import * as StoredDecoder from "../kernel/internal/storedDecoder.js"
import type { Decider, EventCodec } from "../lifecycle/Decider.js"
import { fold, pieces } from "../lifecycle/Decider.js"
import * as EventStore from "./EventStore.js"
import { canonicalize, NotJson } from "./internal/canonicalJson.js"
import { mergeRecord, namedRecord, transientData, transientIsOwned } from "./internal/eventModel.js"
import { sha256Hex } from "./internal/sha256.js"
import * as Snapshot from "./Snapshot.js"

/**
 * A stored event could not be upcast or decoded, or a new event could not be encoded.
 *
 * @since 0.1.0
 * @category errors
 */
export class EventCodecError extends Schema.TaggedError<EventCodecError>()("EventCodecError", {
  streamId: Schema.String,
  /** Position of the stored event; 0 for a new event that failed to encode. */
  position: Schema.Number,
  type: Schema.String,
  direction: Schema.Literal("decode", "encode"),
  reason: Schema.String
}) {
  /** The failure in Chinese and English, with the event type, stream position and reason. */
  override get message(): string {
    const zh = this.direction === "decode" ? "无法解码已存储的事件" : "无法编码新事件"
    const en = this.direction === "decode" ? "cannot decode stored event" : "cannot encode new event"
    return `${zh} / ${en} ${this.type} (${this.streamId}#${this.position}): ${this.reason}`
  }
}

/**
 * A process-local cache of folded states, `streamId → { version, state }`, so
 * that {@link handle} reads and decodes only the events appended since the
 * cached version instead of the whole stream (see {@link makeCache}).
 *
 * The cache is only an optimisation: an append is always made at the version
 * the decision was based on, so a state cached by this process but overtaken by
 * another writer (another process, another host) makes the append fail with
 * `VersionConflict`, after which the handler reads the missing events and
 * decides again. Use one cache per event store: it trusts that the events up to
 * a cached version are the ones it folded. An entry is used only with the
 * decider and codec that produced it.
 *
 * Two modes ({@link CacheOptions}):
 *
 * - `"refresh"` (default): the decision that is written rests on the events
 *   after the cached version. Where the store offers `appendOrNewer`
 *   (PostgreSQL), the command is decided on the cached state (on the initial
 *   state when the stream is not cached and no snapshots are configured) and sent
 *   with one statement that appends at the cached version only when nothing
 *   follows it, and otherwise writes nothing and returns the newer events, which
 *   are folded before deciding again: one round trip per command. A decision
 *   that writes nothing (a rejection or a no-op) is checked by reading the newer
 *   events. Elsewhere: before deciding, read the events after the cached version
 *   (one query that normally returns nothing) and fold them.
 * - `"optimistic"`: decide on the cached state without reading; the append at
 *   the cached version is the check (a stream not cached is, where the store
 *   offers `appendOrNewer` and no snapshots are configured, taken to be new and
 *   sent as in `"refresh"` mode, which spares the read of a new stream). When it fails with `VersionConflict`, or
 *   when the decision writes nothing (a rejection or a no-op, which the append
 *   cannot confirm), the handler reads the newer events and decides again, so
 *   every outcome is the one a fresh read would give. One round trip per command
 *   for a process that is the only writer of its streams; a stream that other
 *   processes write often costs a failed append now and then.
 *
 * @since 0.1.0
 * @category models
 */
export interface StateCache {
  readonly [StateCacheTypeId]: typeof StateCacheTypeId
  /** Most streams kept; the least recently used entry is dropped beyond it. */
  readonly capacity: number
  /**
   * Whether a command reads the newer events before deciding (`"refresh"`) or lets the append check the cached version
   * (`"optimistic"`).
   */
  readonly mode: CacheMode
  /** Streams currently cached. */
  readonly size: number
  /** The cached version of a stream (0 when it is not cached). */
  readonly versionOf: (streamId: string) => number
  /** Forgets one stream. */
  readonly invalidate: (streamId: string) => void
  /** Forgets every stream. */
  readonly clear: () => void
}

/**
 * Brand of {@link StateCache}.
 *
 * @since 0.1.0
 * @category symbols
 */
export const StateCacheTypeId: unique symbol = Symbol.for("@gsyf/core/CommandHandler/StateCache")

interface CacheEntry {
  readonly decider: Decider<any, any, any, any>
  readonly codec: EventCodec<any>
  readonly version: number
  readonly state: unknown
}

class StateCacheImpl implements StateCache {
  readonly [StateCacheTypeId]: typeof StateCacheTypeId = StateCacheTypeId
  readonly entries = new Map<string, CacheEntry>()
  constructor(readonly capacity: number, readonly mode: CacheMode) {}
  get size(): number {
    return this.entries.size
  }
  readonly versionOf = (streamId: string): number => this.entries.get(streamId)?.version ?? 0
  readonly invalidate = (streamId: string): void => {
    this.entries.delete(streamId)
  }
  readonly clear = (): void => {
    this.entries.clear()
  }
  get(streamId: string, decider: Decider<any, any, any, any>, codec: EventCodec<any>): CacheEntry | undefined {
    const entry = this.entries.get(streamId)
    if (entry === undefined) return undefined
    if (entry.decider !== decider || entry.codec !== codec) return undefined
    // Most recently used last.
    this.entries.delete(streamId)
    this.entries.set(streamId, entry)
    return entry
  }
  /** Keeps the newest version seen; a state at a given version never changes. */
  set(streamId: string, entry: CacheEntry): void {
    if (this.capacity === 0 || entry.version === 0) return
    const old = this.entries.get(streamId)
    if (
      old !== undefined && old.decider === entry.decider && old.codec === entry.codec && old.version >= entry.version
    ) return
    this.entries.delete(streamId)
    this.entries.set(streamId, entry)
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next()
      if (oldest.done === true) break
      this.entries.delete(oldest.value)
    }
  }
}

/**
 * How a {@link StateCache} is checked against the store: read the newer events
 * before deciding, or let the append's expected version do it.
 *
 * @since 0.1.0
 * @category models
 */
export type CacheMode = "refresh" | "optimistic"

/**
 * Options of {@link makeCache}.
 *
 * @since 0.1.0
 * @category models
 */
export interface CacheOptions {
  /** Most streams kept (default 1,000; 0 keeps none). */
  readonly capacity?: number | undefined
  /** Default `"refresh"`; see {@link StateCache}. */
  readonly mode?: CacheMode | undefined
}

/**
 * Makes an empty {@link StateCache}.
 *
 * ```ts
 * const cache = CommandHandler.makeCache()
 * yield* CommandHandler.handle(decider, codec, "p-1", command, commandId, { cache })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeCache = (options: CacheOptions = {}): StateCache =>
  new StateCacheImpl(
    Math.max(0, Math.floor(options.capacity ?? 1000)),
    options.mode === "optimistic" ? "optimistic" : "refresh"
  )

/**
 * Options of {@link handle}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** How many times to start over after a `VersionConflict` (default 3). */
  readonly maxRetries?: number | undefined
  /**
   * Read only the events after a cached state (see {@link StateCache}); without it the whole stream is read each time.
   */
  readonly cache?: StateCache | undefined
  /**
   * The command's fingerprint (64 hex digits), stored with it so that a reused
   * command id can be told from a retry. Default: `EventStore.fingerprint` of the
   * command when it is plain JSON; pass one when it is not (e.g. the SHA-256 of
   * its encoded form).
   */
  readonly commandHash?: string | undefined
  /**
   * Read the stream from its last snapshot and write snapshots every `every` events (see `Snapshot`); without it
   * every load without a cached state folds the whole stream.
   */
  readonly snapshots?: Snapshot.Options<any> | undefined
}

/**
 * The outcome of a handled command.
 *
 * - `events`: the events the command caused (for a duplicate: the ones it caused the first time);
 * - `state`: the state after them (for a duplicate: the stream's current state);
 * - `result`: what the store returned;
 * - `attempts`: 1 unless version conflicts made the handler start over.
 *
 * @since 0.1.0
 * @category models
 */
export interface Handled<Event, State> {
  readonly events: ReadonlyArray<Event>
  readonly state: State
  readonly result: EventStore.AppendResult
  readonly attempts: number
}

/**
 * Errors of {@link handle} besides the decider's rejection.
 *
 * @since 0.1.0
 * @category errors
 */
export type HandleError =
  | EventStore.VersionConflict
  | EventStore.CommandIdConflict
  | EventStore.StoreUnavailable
  | EventStore.StoreError
  | InputError.InvalidInput
  | EventCodecError

const codecCache = new WeakMap<EventCodec<any>, {
  readonly decode: (u: unknown) => Either.Either<any, ParseResult.ParseError>
  readonly encode: (a: any) => Either.Either<any, ParseResult.ParseError>
  readonly decodeStored: (type: string, data: unknown, owned: boolean, record: unknown) => unknown
}>()

const codecFns = <E>(codec: EventCodec<E>) => {
  let fns = codecCache.get(codec)
  if (fns === undefined) {
    // without a codec's own fast path, the stored-row decoder compiled from its schema
    const compiled = codec.decodeStored === undefined ? StoredDecoder.make(codec.schema) : undefined
    fns = {
      decode: Schema.decodeUnknownEither(codec.schema),
      encode: Schema.encodeEither(codec.schema),
      // the fields of a record are shared by the events that name it: a decoder must not write into them
      decodeStored: codec.decodeStored ??
        ((_type, data, owned, record) =>
          record === undefined ? compiled!(data, owned) : compiled!(mergeRecord(data, record), false))
    }
    codecCache.set(codec, fns)
  }
  return fns
}

type CodecFns = ReturnType<typeof codecFns>

/**
 * One stored event decoded with a codec (upcast first when older): the event, or the error naming its stream,
 * position and type.
 */
const decodeRow = <E>(codec: EventCodec<E>, fns: CodecFns, s: EventStore.StoredEvent): E | EventCodecError => {
  if (s.schemaVersion > codec.currentVersion) {
    return decodeError(
      s,
      `stored with schema version ${s.schemaVersion}, this code knows up to ${codec.currentVersion}`
    )
  }
  // data held as JSON text is parsed here and not kept by the stored event: it dies with what the fold drops
  // (and, parsed for this call alone, the decoder may write the decoded values into it)
  let owned = transientIsOwned(s)
  let data: unknown
  try {
    data = transientData(s)
  } catch (e) {
    return decodeError(s, `stored data is not JSON: ${String(e)}`)
  }
  // a row that names a record is read with it (the store checked its text against the reference)
  const ref = namedRecord(data)
  let record = ref === undefined ? undefined : s.record
  if (ref !== undefined && (record === undefined || record.ref !== ref)) {
    return decodeError(s, `names the record ${String(ref)}, which the store did not give with it`)
  }
  let current = s.schemaVersion === codec.currentVersion
  if (s.schemaVersion < codec.currentVersion) {
    // upcasters see the data whole: with its record's fields (shared, so not to be written into)
    if (record !== undefined) {
      data = mergeRecord(data, record.value)
      record = undefined
      owned = false
    }
    try {
      const up = codec.upcast(s.type, s.schemaVersion, data)
      // no upcaster changed it: the type did not change since that version, and the row is read as a current one
      current = up === data
      data = up
    } catch (e) {
      return decodeError(s, `upcast from version ${s.schemaVersion} failed: ${String(e)}`)
    }
  }
  if (current) {
    const trusted = fns.decodeStored(s.type, data, owned, record?.value)
    if (trusted !== undefined) return trusted as E
    // the fast path may have written into the data before it gave up: the schema decodes it as stored
    if (owned) data = transientData(s)
  }
  const decoded = fns.decode(record === undefined ? data : mergeRecord(data, record.value))
  if (Either.isLeft(decoded)) return decodeError(s, ParseResult.TreeFormatter.formatErrorSync(decoded.left))
  return decoded.right
}

const decodeError = (s: EventStore.StoredEvent, reason: string) =>
  new EventCodecError({ streamId: s.streamId, position: s.position, type: s.type, direction: "decode", reason })

/**
 * Decodes stored events with a codec, upcasting older schema versions first. Rows at the current version go
 * through a fast path (the codec's `decodeStored`, else a decoder compiled from its schema that checks the
 * shape, runs the transformations and trusts the refinements checked when the rows were written) and through the
 * schema when it gives up. The first row that does not decode fails the whole list.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeEvents = <E>(
  codec: EventCodec<E>,
  stored: ReadonlyArray<EventStore.StoredEvent>
): Either.Either<Array<E>, EventCodecError> => {
  const fns = codecFns(codec)
  const out = new Array<E>(stored.length)
  for (let i = 0; i < stored.length; i++) {
    const e = decodeRow(codec, fns, stored[i]!)
    if (e instanceof EventCodecError) return Either.left(e)
    out[i] = e
  }
  return Either.right(out)
}

// The events of stored rows, each decoded when the fold asks for it. The first row that does not decode ends the
// iteration and is kept in `error`. One result object serves every step (`for…of` reads it before the next one).
class Decoding<E> implements IterableIterator<E> {
  private i = 0
  private readonly step: { done: boolean; value: E }
  error: EventCodecError | undefined = undefined
  constructor(
    readonly codec: EventCodec<E>,
    readonly fns: CodecFns,
    readonly stored: ReadonlyArray<EventStore.StoredEvent>,
    readonly into: Array<E> | undefined
  ) {
    this.step = { done: false, value: undefined as E }
  }
  [Symbol.iterator](): this {
    return this
  }
  next(): IteratorResult<E> {
    const step = this.step
    if (this.i >= this.stored.length || this.error !== undefined) {
      step.done = true
      step.value = undefined as E
      return step as IteratorResult<E>
    }
    const e = decodeRow(this.codec, this.fns, this.stored[this.i++]!)
    if (e instanceof EventCodecError) {
      this.error = e
      step.done = true
      step.value = undefined as E
    } else {
      step.value = e
      this.into?.push(e)
    }
    return step as IteratorResult<E>
  }
}

/**
 * Decodes stored events as `fold` consumes them (upcasting older versions first, as {@link decodeEvents}): each row
 * is decoded when the fold reaches it, so a replay does not hold every decoded event at once. The first row that
 * does not decode fails with its `EventCodecError` (its stream, position and type) and what `fold` returned is
 * dropped: no state is returned for a stream that does not decode. `fold` must not keep the events it is given
 * beyond the call unless it means to (it is handed an iterable that can be iterated once). Decoded events are
 * also pushed into `into` when given.
 *
 * ```ts
 * const state = CommandHandler.foldEvents(codec, stored, (events) => Decider.fold(decider, events))
 * ```
 *
 * @since 0.2.0
 * @category decoding
 */
export const foldEvents = <E, S>(
  codec: EventCodec<E>,
  stored: ReadonlyArray<EventStore.StoredEvent>,
  fold: (events: Iterable<E>) => S,
  into?: Array<E> | undefined
): Either.Either<S, EventCodecError> => {
  const events = new Decoding(codec, codecFns(codec), stored, into)
  const state = fold(events)
  if (events.error !== undefined) return Either.left(events.error)
  // A fold that stopped early (it should not): the rows it left are decoded, so an error among them is reported.
  for (let e = events.next(); e.done !== true; e = events.next());
  return events.error === undefined ? Either.right(state) : Either.left(events.error)
}

/**
 * The events to append for decided events, as the command handler appends them: each encoded with the codec at its
 * current version, the codec's record fields in the event's record (`EventStore.NewEvent`). For hosts that append
 * events they did not decide through {@link handle} (an import, a migration) and for benchmarks.
 *
 * @since 0.2.0
 * @category encoding
 */
export const encodeEvents = <E>(
  codec: EventCodec<E>,
  streamId: string,
  events: ReadonlyArray<E>
): Either.Either<Array<EventStore.NewEvent>, EventCodecError> => {
  const { encode } = codecFns(codec)
  const out: Array<EventStore.NewEvent> = []
  for (const e of events) {
    const type = codec.typeOf(e)
    const encoded = encode(e)
    if (Either.isLeft(encoded)) {
      return Either.left(
        new EventCodecError({
          streamId,
          position: 0,
          type,
          direction: "encode",
          reason: ParseResult.TreeFormatter.formatErrorSync(encoded.left)
        })
      )
    }
    out.push(withRecordFields(type, codec.currentVersion, encoded.right, codec.recordFields))
  }
  return Either.right(out)
}

/** A new event with the codec's record fields (those the data has) moved into its record. */
const withRecordFields = (
  type: string,
  schemaVersion: number,
  data: unknown,
  fields: ReadonlyArray<string> | undefined
): EventStore.NewEvent => {
  if (fields === undefined || typeof data !== "object" || data === null || Array.isArray(data)) {
    return { type, schemaVersion, data }
  }
  const own: Record<string, unknown> = { ...data }
  const record: Record<string, unknown> = {}
  let shared = false
  for (const f of fields) {
    if (Object.hasOwn(own, f)) {
      record[f] = own[f]
      delete own[f]
      shared = true
    }
  }
  return shared ? { type, schemaVersion, data: own, record } : { type, schemaVersion, data }
}

/**
 * A stream's folded state and its version.
 *
 * @since 0.1.0
 * @category models
 */
export interface Current<S> {
  readonly state: S
  readonly version: number
}

const isContiguous = (stored: ReadonlyArray<EventStore.StoredEvent>, after: number) => {
  for (let i = 0; i < stored.length; i++) if (stored[i]!.position !== after + i + 1) return false
  return true
}

/**
 * Reads a stream's current state: from the cached state onwards when `cache`
 * holds the stream (reading and decoding only the newer events), from the start
 * otherwise; the cache is updated with what was read.
 *
 * @since 0.1.0
 * @category handling
 */
export const load = <C, E, S, Rej>(
  decider: Decider<C, E, S, Rej>,
  codec: EventCodec<E>,
  streamId: string,
  options: { readonly cache?: StateCache | undefined; readonly snapshots?: Snapshot.Options<S> | undefined } = {}
): Effect.Effect<Current<S>, EventStore.ReadError | EventCodecError, EventStore.EventStore> =>
  Effect.flatMap(
    EventStore.EventStore,
    (store) =>
      loadWith({
        store,
        decider,
        codec,
        cache: options.cache as StateCacheImpl | undefined,
        snapshots: options.snapshots
      })(
        streamId
      )
  )

interface HandlerContext<C, E, S, Rej> {
  readonly store: EventStore.Service
  readonly decider: Decider<C, E, S, Rej>
  readonly codec: EventCodec<E>
  readonly cache: StateCacheImpl | undefined
  readonly snapshots: Snapshot.Options<S> | undefined
}

/**
 * The events after the cached state folded onto it (and cached); `undefined` when they do not follow the cached
 * version, i.e. the cache cannot serve the stream.
 */
const foldTail = <C, E, S, Rej>(
  ctx: HandlerContext<C, E, S, Rej>,
  streamId: string,
  entry: CacheEntry,
  tail: ReadonlyArray<EventStore.StoredEvent>
): Either.Either<Current<S> | undefined, EventCodecError> => {
  const { cache, codec, decider } = ctx
  if (tail.length === 0) return Either.right({ state: entry.state as S, version: entry.version })
  if (!isContiguous(tail, entry.version)) {
    // Not the stream this entry was folded from (a cache shared between stores): start over.
    cache!.invalidate(streamId)
    return Either.right(undefined)
  }
  const folded = foldEvents(codec, tail, (events) => fold(decider, events, entry.state as S))
  if (Either.isLeft(folded)) return Either.left(folded.left)
  const state = folded.right
  const version = entry.version + tail.length
  cache!.set(streamId, { decider, codec, version, state })
  return Either.right({ state, version })
}

/**
 * A folded state at the last of the events read (or at the snapshot, when there were none): cached, and snapshotted
 * when it folded at least `every` events past the snapshot it started from.
 */
const settle = <C, E, S, Rej>(
  ctx: HandlerContext<C, E, S, Rej>,
  streamId: string,
  base: Snapshot.Restored<S> | undefined,
  state: S,
  last: EventStore.StoredEvent | undefined
): Effect.Effect<Current<S>> => {
  const { codec, decider, snapshots } = ctx
  const version = last?.position ?? base?.version ?? 0
  const current: Current<S> = { state, version }
  const keep = () => ctx.cache?.set(streamId, { decider, codec, version, state })
  if (snapshots !== undefined && version - (base?.version ?? 0) >= Math.max(1, snapshots.every)) {
    const save = Snapshot.save(ctx.store, streamId, snapshots, { state, version, head: last?.hash ?? base!.head })
    return Effect.map(save, () => {
      keep()
      return current
    })
  }
  keep()
  return Effect.succeed(current)
}

/**
 * Events a replay from the first event reads and folds at a time. What one piece read is dropped before the next is
 * read, so the rows and their texts die young instead of all being held until the fold ends (a 10,000-event stream
 * held whole outgrows the young generation of the garbage collector, which then copies and promotes it).
 */
const replayPiece = 500

/** What a load found already read: events from where it starts, and whether more may follow them. */
interface Read {
  readonly events: ReadonlyArray<EventStore.StoredEvent>
  readonly more: boolean
}

/**
 * A stream folded from a restored snapshot (or its first event), read in pieces of at most {@link replayPiece}
 * events and folded as one fold (`Decider.pieces`); the first piece is `first` when the load read it already. A
 * piece shorter than asked is the stream's end (a store that gives more than asked gave the rest). Snapshots a long
 * replay.
 */
const replay = <C, E, S, Rej>(
  ctx: HandlerContext<C, E, S, Rej>,
  streamId: string,
  base: Snapshot.Restored<S> | undefined,
  first: Read | undefined
): Effect.Effect<Current<S>, EventStore.ReadError | EventCodecError> => {
  const { codec, decider, store } = ctx
  const folding = pieces(decider, base?.state ?? decider.initialState)
  const read = (from: number) =>
    Effect.map(
      store.readStream(streamId, { fromPosition: from, maxCount: replayPiece }),
      (events): Read => ({ events, more: events.length === replayPiece })
    )
  const piece = (
    { events, more }: Read,
    last: EventStore.StoredEvent | undefined
  ): Effect.Effect<Current<S>, EventStore.ReadError | EventCodecError> => {
    const folded = foldEvents(codec, events, folding.add)
    if (Either.isLeft(folded)) return Effect.fail(folded.left)
    const end = events[events.length - 1] ?? last
    if (!more || end === undefined) return settle(ctx, streamId, base, folding.state(), end)
    return Effect.flatMap(read(end.position + 1), (next) => piece(next, end))
  }
  if (first !== undefined) return piece(first, undefined)
  return Effect.flatMap(read((base?.version ?? 0) + 1), (next) => piece(next, undefined))
}

/** From the last usable snapshot (or the first event), folding what follows; snapshots a long replay. */
const loadStored = <C, E, S, Rej>(
  ctx: HandlerContext<C, E, S, Rej>,
  streamId: string
): Effect.Effect<Current<S>, EventStore.ReadError | EventCodecError> => {
  const { snapshots, store } = ctx
  if (snapshots === undefined) return replay(ctx, streamId, undefined, undefined)
  return Effect.flatMap(Snapshot.start(store, streamId, snapshots, { maxCount: replayPiece }), (start) => {
    const base = Option.getOrUndefined(start.restored)
    const events = base?.tail ?? start.stream
    return replay(ctx, streamId, base, events === undefined ? undefined : { events, more: start.more })
  })
}

const loadWith = <C, E, S, Rej>(ctx: HandlerContext<C, E, S, Rej>) =>
(
  streamId: string
): Effect.Effect<Current<S>, EventStore.ReadError | EventCodecError> => {
  const entry = ctx.cache?.get(streamId, ctx.decider, ctx.codec)
  if (entry === undefined) return loadStored(ctx, streamId)
  return Effect.flatMap(ctx.store.readStream(streamId, { fromPosition: entry.version + 1 }), (tail) => {
    const folded = foldTail(ctx, streamId, entry, tail)
    if (Either.isLeft(folded)) return Effect.fail(folded.left)
    return folded.right === undefined ? loadStored(ctx, streamId) : Effect.succeed(folded.right)
  })
}

/**
 * After an append: caches, and snapshots when the append crossed a multiple of `every`, what a fresh read would
 * fold (the stored events decoded, not the decider's own objects). Done on the spot; `undefined` unless there is a
 * snapshot to write or the written events do not decode.
 */
const remember = <C, E, S, Rej>(
  ctx: HandlerContext<C, E, S, Rej>,
  state: S,
  version: number,
  result: EventStore.AppendResult
): Effect.Effect<void, EventCodecError> | undefined => {
  const { cache, codec, decider, snapshots } = ctx
  const written = result.events
  const snapshot = snapshots !== undefined && Snapshot.crosses(snapshots.every, version, result.version)
  if ((cache === undefined && !snapshot) || written.length === 0 || !isContiguous(written, version)) return undefined
  const refolded = foldEvents(codec, written, (events) => fold(decider, events, state))
  if (Either.isLeft(refolded)) return Effect.fail(refolded.left)
  const folded = refolded.right
  cache?.set(result.streamId, { decider, codec, version: result.version, state: folded })
  if (!snapshot) return undefined
  const head = written[written.length - 1]!.hash
  return Snapshot.save(ctx.store, result.streamId, snapshots!, { state: folded, version: result.version, head })
}

/**
 * The default fingerprint of a command (`EventStore.fingerprint`: the SHA-256 of its canonical JSON), `undefined`
 * when it is not plain JSON.
 */
const fingerprintOf = (command: unknown): string | undefined => {
  let text: string
  try {
    text = canonicalize(command)
  } catch (e) {
    if (e instanceof NotJson || e instanceof RangeError) return undefined
    throw e
  }
  return sha256Hex(text)
}

/**
 * The state a decision may rest on before anything is read: the cached one, else (when `assumeNew`, and there are no
 * snapshots to start from) the initial state of a new stream.
 */
const speculative = <C, E, S, Rej>(
  ctx: HandlerContext<C, E, S, Rej>,
  streamId: string,
  assumeNew: boolean
): Current<S> | undefined => {
  const cached = ctx.cache!.get(streamId, ctx.decider, ctx.codec)
  if (cached !== undefined) return { state: cached.state as S, version: cached.version }
  return assumeNew && ctx.snapshots === undefined ? { state: ctx.decider.initialState, version: 0 } : undefined
}

/**
 * The newer events an append returned instead of writing, folded onto the state they follow (and cached);
 * `undefined` when they do not follow it.
 */
const catchUp = <C, E, S, Rej>(
  ctx: HandlerContext<C, E, S, Rej>,
  streamId: string,
  current: Current<S>,
  newer: ReadonlyArray<EventStore.StoredEvent>
): Either.Either<Current<S> | undefined, EventCodecError> =>
  foldTail(ctx, streamId, { decider: ctx.decider, codec: ctx.codec, ...current }, newer)

/** The original outcome of a command id already stored, with the stream's current state. */
const duplicateOf = <C, E, S, Rej>(
  ctx: HandlerContext<C, E, S, Rej>,
  original: EventStore.AppendResult,
  attempts: number
): Effect.Effect<Handled<E, S>, EventStore.ReadError | EventCodecError> =>
  Effect.flatMap(
    decodeEvents(ctx.codec, original.events),
    (events) =>
      Effect.map(loadWith(ctx)(original.streamId), (current) => ({
        events,
        state: current.state,
        result: original,
        attempts
      }))
  )

/**
 * A decision that writes nothing (a rejection or no events), taken on the current state: a command id already stored
 * is answered from the store (a retried command may be rejected, or be a no-op, against the state it produced);
 * otherwise the rejection, or the unchanged state.
 */
const writesNothing = <C, E, S, Rej>(
  ctx: HandlerContext<C, E, S, Rej>,
  request: { readonly streamId: string; readonly commandId: string; readonly commandHash: string | undefined },
  decided: Either.Either<ReadonlyArray<E>, Rej>,
  current: Current<S>,
  attempts: number
): Effect.Effect<Handled<E, S>, Rej | HandleError> => {
  const { commandHash, commandId, streamId } = request
  return Effect.flatMap(
    ctx.store.findCommand(streamId, commandId),
    (previous): Effect.Effect<Handled<E, S>, Rej | HandleError> => {
      if (Option.isSome(previous)) {
        // Without a fingerprint of its own the command cannot be compared: answered as a retry.
        const answer = commandHash === undefined
          ? Either.right(previous.value)
          : EventStore.duplicateOf(previous.value, commandHash)
        if (Either.isLeft(answer)) return Effect.fail(answer.left)
        return duplicateOf(ctx, answer.right, attempts)
      }
      if (Either.isLeft(decided)) return Effect.fail(decided.left)
      const result: EventStore.AppendResult = {
        streamId,
        commandId,
        version: current.version,
        events: [],
        duplicate: false
      }
      return Effect.succeed({ events: [], state: current.state, result, attempts })
    }
  )
}

/**
 * Handles one command: load (only the events after the cached state when
 * `options.cache` is given), decode, fold, decide, encode, append at the
 * version the decision was based on; retries on `VersionConflict` up to
 * `maxRetries` times (default 3) and then fails with the last conflict.
 *
 * @since 0.1.0
 * @category handling
 */
export const handle = <C, E, S, Rej>(
  decider: Decider<C, E, S, Rej>,
  codec: EventCodec<E>,
  streamId: string,
  command: C,
  commandId: string,
  options: Options = {}
): Effect.Effect<Handled<E, S>, Rej | HandleError, EventStore.EventStore> =>
  Effect.gen(function*() {
    const store = yield* EventStore.EventStore
    const maxRetries = Math.max(0, options.maxRetries ?? 3)
    const cache = options.cache as StateCacheImpl | undefined
    const ctx: HandlerContext<C, E, S, Rej> = { store, decider, codec, cache, snapshots: options.snapshots }

    const commandHash = options.commandHash ?? fingerprintOf(command)
    const appendOptions = commandHash === undefined ? undefined : { commandHash }

    let retries = 0
    // With a cache, the first decision may rest on the cached state alone (unverified): in optimistic mode the
    // append at its version checks it; in refresh mode too when the store appends or else returns the newer events
    // in one round trip (`appendOrNewer`), which are folded before deciding again.
    // A stream not cached is then taken to be new (without snapshots to start from): the append at version 0 returns
    // the stream's events when it is not.
    // In optimistic mode it carries only the appends decided on a stream taken to be new (not cached): the read
    // that would otherwise come first is skipped.
    const appendOrNewer = cache === undefined ? undefined : store.appendOrNewer
    const refresh = cache?.mode === "refresh"
    let trustCache = cache !== undefined && (cache.mode === "optimistic" || appendOrNewer !== undefined)
    // The stream's current state, known without reading again (the newer events an append returned, folded).
    let known: Current<S> | undefined
    for (let attempt = 1;; attempt++) {
      let current = trustCache ? speculative(ctx, streamId, appendOrNewer !== undefined) : undefined
      const verified = current === undefined
      trustCache = false
      if (current === undefined) current = known
      if (current === undefined) current = yield* loadWith(ctx)(streamId)
      known = undefined
      const { state, version } = current
      // Authorization comes first: a sender not allowed to send the command learns nothing,
      // not even the stored outcome of a command id someone else used.
      const authorized = decider.authorize === undefined ? Either.void : decider.authorize(command, state)
      const decided = Either.isLeft(authorized) ? undefined : decider.decide(command, state)
      if (decided === undefined || Either.isLeft(decided) || decided.right.length === 0) {
        // Nothing to append means nothing checks the cached version: read the newer events, decide again on them.
        if (!verified) {
          const fresh = yield* loadWith(ctx)(streamId)
          if (fresh.version !== version) {
            known = fresh
            continue
          }
        }
        if (Either.isLeft(authorized)) return yield* Effect.fail(authorized.left)
        return yield* writesNothing(ctx, { streamId, commandId, commandHash }, decided!, current, attempt)
      }
      const newEvents = encodeEvents(codec, streamId, decided.right)
      if (Either.isLeft(newEvents)) return yield* Effect.fail(newEvents.left)
      // (A cached entry is never at version 0: an unverified state at 0 is a stream taken to be new.)
      const appending = refresh || (!verified && version === 0) ? appendOrNewer : undefined
      const appended = yield* Effect.either(
        appending === undefined
          ? store.append(streamId, version, commandId, newEvents.right, appendOptions)
          : Effect.flatMap(appending(streamId, version, commandId, newEvents.right, appendOptions), (
            outcome
          ): Effect.Effect<EventStore.AppendResult, EventStore.VersionConflict | EventCodecError> => {
            if (outcome._tag === "Appended") return Effect.succeed(outcome.result)
            const folded = catchUp(ctx, streamId, current, outcome.events)
            if (Either.isLeft(folded)) return Effect.fail(folded.left)
            known = folded.right
            return Effect.fail(
              new EventStore.VersionConflict({ streamId, expected: version, actual: version + outcome.events.length })
            )
          })
      )
      if (Either.isRight(appended)) {
        if (appended.right.duplicate) return yield* duplicateOf(ctx, appended.right, attempt)
        const after = fold(decider, decided.right, state)
        const saving = remember(ctx, state, version, appended.right)
        if (saving !== undefined) yield* saving
        return { events: decided.right, state: after, result: appended.right, attempts: attempt }
      }
      const error = appended.left
      if (error._tag === "VersionConflict") {
        // A stream behind the cached version is not the one the cache saw: read it from the start.
        if (error.actual < error.expected) cache?.invalidate(streamId)
        // A conflict on an unverified cached state is not a race lost to another writer.
        if (!verified) continue
        if (++retries <= maxRetries) continue
      }
      return yield* Effect.fail(error)
    }
  })
