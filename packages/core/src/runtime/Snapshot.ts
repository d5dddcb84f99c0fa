/**
 * Snapshots of folded states, so that loading a long stream reads one stored
 * state and the events after it instead of every event since the first.
 *
 * A snapshot is stored per stream and per fold (`StateCodec.name`) with the
 * stream version it folds, the hash of the event at that version (the chain
 * head) and the codec's `version`. It is used only when all three still hold:
 * the stream's event at that version has that hash (so the snapshot was folded
 * from this very chain, which the hash commits to), and the codec's version is
 * the one it was written with (bump it whenever the fold or the state's shape
 * changes, and older snapshots are ignored and written again). A snapshot that
 * fails any check, or that does not decode, is ignored: the stream is replayed
 * from its first event, as without snapshots. Snapshots are an optimisation
 * only; the events stay the record. The head check ties a snapshot to the chain
 * it was folded from, but the state text itself is not signed: whoever can
 * write the store's tables can write a snapshot too (as they can write rows
 * that a checkpoint or receipts then expose), so an audit reads the events.
 *
 * With `CommandHandler.handle` and `load` (option `snapshots`, see
 * {@link Options}) a snapshot is written when a command takes the stream across
 * a multiple of `every` events, and when a load had to fold `every` events or
 * more beyond the newest usable snapshot (a store written before snapshots, or
 * after the codec's version changed). Writing one never fails a command. Stores
 * without the optional `readSnapshot` / `writeSnapshot` operations simply
 * replay.
 *
 * ```ts
 * const snapshots = { codec: Snapshot.structural<CounterState>("counter", 1), every: 500 }
 * yield* CommandHandler.handle(counter, counterCodec, "counter-1", command, commandId, { snapshots })
 * ```
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as EventStore from "./EventStore.js"
import * as StateJson from "./internal/stateJson.js"

/**
 * How a fold's state is written to and read from a snapshot. `name` tells the
 * folds of one stream apart; `version` is the fold's version (see the module
 * documentation). `encode` may throw for a state it cannot write: then no
 * snapshot is written.
 *
 * @since 0.2.0
 * @category models
 */
export interface StateCodec<S> {
  readonly name: string
  readonly version: number
  /** Writes a state as the text stored in the snapshot row. */
  readonly encode: (state: S) => string
  /** Reads a stored text back into a state; throws on a text it cannot read (the snapshot is then ignored). */
  readonly decode: (text: string) => S
}

/**
 * A codec for states made of plain objects, arrays, strings, finite numbers,
 * booleans, `null` and `undefined`, `Map`s, Effect's `Chunk`, `HashSet` and
 * `HashMap`, `Money`, decimals and legal bases (the project state's parts). A
 * state holding anything else is not snapshotted.
 *
 * @since 0.2.0
 * @category constructors
 */
export const structural = <S>(name: string, version: number): StateCodec<S> => ({
  name,
  version,
  encode: (state) => StateJson.encode(state),
  decode: (text) => StateJson.decode(text) as S
})

/**
 * Snapshot options of a command handler: the state codec and how many events
 * apart snapshots are written (at least 1).
 *
 * @since 0.2.0
 * @category models
 */
export interface Options<S> {
  readonly codec: StateCodec<S>
  readonly every: number
}

/**
 * A state restored from a verified snapshot, with the stored events after it.
 *
 * @since 0.2.0
 * @category models
 */
export interface Restored<S> {
  readonly state: S
  readonly version: number
  readonly head: string
  readonly tail: ReadonlyArray<EventStore.StoredEvent>
}

const contiguousAfter = (rows: ReadonlyArray<EventStore.StoredEvent>, version: number) => {
  for (let i = 0; i < rows.length; i++) if (rows[i]!.position !== version + i + 1) return false
  return true
}

const decodeState = <S>(codec: StateCodec<S>, text: string): Option.Option<S> => {
  try {
    return Option.some(codec.decode(text))
  } catch {
    return Option.none()
  }
}

/** The snapshot restored when `rows` (the stream from its version on) begin with its head, and its state decodes. */
const check = <S>(
  options: Options<S>,
  snapshot: EventStore.Snapshot,
  rows: ReadonlyArray<EventStore.StoredEvent>
): Option.Option<Restored<S>> => {
  if (snapshot.stateVersion !== options.codec.version) return Option.none()
  const head = rows[0]
  if (head === undefined || head.position !== snapshot.version || head.hash !== snapshot.head) return Option.none()
  const tail = rows.slice(1)
  if (!contiguousAfter(tail, snapshot.version)) return Option.none()
  return Option.map(
    decodeState(options.codec, snapshot.state),
    (state): Restored<S> => ({ state, version: snapshot.version, head: snapshot.head, tail })
  )
}

/**
 * Where a load starts: the restored snapshot, or else the whole stream when it was read on the way (`undefined`
 * when it still has to be read). `more`: the read was limited (`maxCount`) and came back full, so events may follow
 * the ones it holds.
 *
 * @since 0.2.0
 * @category models
 */
export interface Start<S> {
  readonly restored: Option.Option<Restored<S>>
  readonly stream: ReadonlyArray<EventStore.StoredEvent> | undefined
  readonly more: boolean
}

/**
 * The newest usable snapshot of a stream with the events after it, read in one round trip when the store reads a
 * snapshot with the events from its version (`readWithSnapshot`; when the stream has no snapshot, that read is the
 * whole stream and is returned as `stream`), else with `readSnapshot` and then the events from its version. No
 * snapshot is restored when there is none, it is of another codec version, its chain head is not the stored one,
 * or its state does not decode. A failure of `readSnapshot` counts as none (the stream is then read whole). With
 * `maxCount`, at most that many events are read (the snapshot's own event counts), and `more` tells whether the
 * read came back full.
 *
 * @since 0.2.0
 * @category loading
 */
export const start = <S>(
  store: EventStore.Service,
  streamId: string,
  options: Options<S>,
  read: { readonly maxCount?: number | undefined } = {}
): Effect.Effect<Start<S>, EventStore.ReadError> =>
  Effect.gen(function*() {
    const none: Start<S> = { restored: Option.none(), stream: undefined, more: false }
    const full = (events: ReadonlyArray<EventStore.StoredEvent>) => events.length === EventStore.readLimit(read)
    if (store.readWithSnapshot !== undefined) {
      const found = yield* store.readWithSnapshot(streamId, options.codec.name, read)
      const more = full(found.events)
      if (Option.isNone(found.snapshot)) return { restored: Option.none(), stream: found.events, more }
      return { restored: check(options, found.snapshot.value, found.events), stream: undefined, more }
    }
    if (store.readSnapshot === undefined) return none
    const found = yield* Effect.orElseSucceed(store.readSnapshot(streamId, options.codec.name), Option.none)
    if (Option.isNone(found) || found.value.stateVersion !== options.codec.version) return none
    const rows = yield* store.readStream(streamId, { fromPosition: found.value.version, maxCount: read.maxCount })
    return { restored: check(options, found.value, rows), stream: undefined, more: full(rows) }
  })

/**
 * The newest usable snapshot of a stream with the events after it (see {@link start}), or `None`.
 *
 * @since 0.2.0
 * @category loading
 */
export const restore = <S>(
  store: EventStore.Service,
  streamId: string,
  options: Options<S>
): Effect.Effect<Option.Option<Restored<S>>, EventStore.ReadError> =>
  Effect.map(start(store, streamId, options), (s) => s.restored)

/**
 * Whether going from version `from` to `to` crosses a multiple of `every`.
 *
 * @since 0.2.0
 * @category policies
 */
export const crosses = (every: number, from: number, to: number): boolean =>
  every >= 1 && Math.floor(to / every) > Math.floor(from / every)

/**
 * Writes a snapshot of `state` at `version` (whose event has hash `head`).
 * Never fails: a state the codec cannot write, a read-only store or a store
 * without snapshots leaves things as they were.
 *
 * @since 0.2.0
 * @category saving
 */
export const save = <S>(
  store: EventStore.Service,
  streamId: string,
  options: Options<S>,
  at: { readonly state: S; readonly version: number; readonly head: string }
): Effect.Effect<void> => {
  const write = store.writeSnapshot
  if (write === undefined || at.version < 1) return Effect.void
  return Effect.suspend(() => {
    let text: string
    try {
      text = options.codec.encode(at.state)
    } catch {
      return Effect.void
    }
    return write({
      streamId,
      name: options.codec.name,
      version: at.version,
      head: at.head,
      stateVersion: options.codec.version,
      state: text
    })
  }).pipe(Effect.ignore)
}
