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
 * A rejection from `decide` fails the effect with the decider's own rejection
 * value and writes nothing. A command id that was already appended (a retried
 * request) returns the original outcome with `result.duplicate === true`.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type { Decider, EventCodec } from "./Decider.js"
import { fold } from "./Decider.js"
import * as EventStore from "./EventStore.js"
import type * as InputError from "./InputError.js"

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
  override get message(): string {
    const zh = this.direction === "decode" ? "无法解码已存储的事件" : "无法编码新事件"
    const en = this.direction === "decode" ? "cannot decode stored event" : "cannot encode new event"
    return `${zh} / ${en} ${this.type} (${this.streamId}#${this.position}): ${this.reason}`
  }
}

/**
 * Options of {@link handle}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** How many times to start over after a `VersionConflict` (default 3). */
  readonly maxRetries?: number | undefined
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
  | EventStore.StoreUnavailable
  | EventStore.StoreError
  | InputError.InvalidInput
  | EventCodecError

const codecCache = new WeakMap<EventCodec<any>, {
  readonly decode: (u: unknown) => Either.Either<any, ParseResult.ParseError>
  readonly encode: (a: any) => Either.Either<any, ParseResult.ParseError>
}>()

const codecFns = <E>(codec: EventCodec<E>) => {
  let fns = codecCache.get(codec)
  if (fns === undefined) {
    fns = { decode: Schema.decodeUnknownEither(codec.schema), encode: Schema.encodeEither(codec.schema) }
    codecCache.set(codec, fns)
  }
  return fns
}

/**
 * Decodes stored events with a codec, upcasting older schema versions first.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeEvents = <E>(
  codec: EventCodec<E>,
  stored: ReadonlyArray<EventStore.StoredEvent>
): Either.Either<Array<E>, EventCodecError> => {
  const { decode } = codecFns(codec)
  const out: Array<E> = []
  for (const s of stored) {
    const fail = (reason: string) =>
      Either.left(new EventCodecError({ streamId: s.streamId, position: s.position, type: s.type, direction: "decode", reason }))
    if (s.schemaVersion > codec.currentVersion) {
      return fail(`stored with schema version ${s.schemaVersion}, this code knows up to ${codec.currentVersion}`)
    }
    let data = s.data
    if (s.schemaVersion < codec.currentVersion) {
      try {
        data = codec.upcast(s.type, s.schemaVersion, s.data)
      } catch (e) {
        return fail(`upcast from version ${s.schemaVersion} failed: ${String(e)}`)
      }
    }
    const decoded = decode(data)
    if (Either.isLeft(decoded)) return fail(ParseResult.TreeFormatter.formatErrorSync(decoded.left))
    out.push(decoded.right)
  }
  return Either.right(out)
}

const encodeEvents = <E>(
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
    out.push({ type, schemaVersion: codec.currentVersion, data: encoded.right })
  }
  return Either.right(out)
}

/**
 * Handles one command: load, decode, fold, decide, encode, append; retries on
 * `VersionConflict` up to `maxRetries` times (default 3) and then fails with the
 * last conflict.
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

    const duplicateOf = (original: EventStore.AppendResult, attempts: number) =>
      Effect.gen(function*() {
        const events = yield* decodeEvents(codec, original.events)
        const current = yield* decodeEvents(codec, yield* store.readStream(original.streamId))
        return { events, state: fold(decider, current), result: original, attempts }
      })

    for (let attempt = 1;; attempt++) {
      const stored = yield* store.readStream(streamId)
      const version = stored.length === 0 ? 0 : stored[stored.length - 1]!.position
      const state = fold(decider, yield* decodeEvents(codec, stored))
      const decided = decider.decide(command, state)
      if (Either.isLeft(decided) || decided.right.length === 0) {
        // A retried command may be rejected (or be a no-op) against the state it produced itself.
        const previous = yield* store.findCommand(commandId)
        if (Option.isSome(previous)) return yield* duplicateOf(previous.value, attempt)
        if (Either.isLeft(decided)) return yield* Effect.fail(decided.left)
        const result: EventStore.AppendResult = { streamId, commandId, version, events: [], duplicate: false }
        return { events: [], state, result, attempts: attempt }
      }
      const newEvents = yield* encodeEvents(codec, streamId, decided.right)
      const appended = yield* Effect.either(store.append(streamId, version, commandId, newEvents))
      if (Either.isRight(appended)) {
        if (appended.right.duplicate) return yield* duplicateOf(appended.right, attempt)
        return { events: decided.right, state: fold(decider, decided.right, state), result: appended.right, attempts: attempt }
      }
      const error = appended.left
      if (error._tag === "VersionConflict" && attempt <= maxRetries) continue
      return yield* Effect.fail(error)
    }
  })
