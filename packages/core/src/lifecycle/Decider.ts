/**
 * The decider pattern: a pure state machine that answers a command with events
 * or a rejection, and folds events into state. The project lifecycle is a
 * decider; the event store's command handler runs any decider.
 *
 * @since 0.1.0
 */
import type * as Either from "effect/Either"
import type * as Schema from "effect/Schema"

/**
 * @since 0.1.0
 * @category models
 */
export interface Decider<Command, Event, State, Rejection> {
  readonly initialState: State
  /**
   * Whether the command's sender may send it at all, checked before anything
   * else: before a resent command id is answered from the store, so that someone
   * not allowed to send a command cannot read the stored outcome of one by
   * reusing its id. Pure; optional (everything is allowed without it).
   */
  readonly authorize?: ((command: Command, state: State) => Either.Either<void, Rejection>) | undefined
  /** Answers a command: the events it causes, or why it is rejected. Pure. */
  readonly decide: (command: Command, state: State) => Either.Either<ReadonlyArray<Event>, Rejection>
  /** Folds one event into the state. Pure. */
  readonly evolve: (state: State, event: Event) => State
  /**
   * Folds many events at once: the state `evolve` gives one by one, faster (a replay's fold). Pure: the state
   * given and every earlier state stay as they were. Optional ({@link fold} uses `evolve` without it).
   */
  readonly evolveAll?: ((state: State, events: Iterable<Event>) => State) | undefined
  /**
   * A fold of events that arrive in pieces, as fast as one `evolveAll` over all of them (see {@link Pieces}).
   * Optional ({@link pieces} folds each piece with {@link fold} without it).
   */
  readonly evolvePieces?: ((state: State) => Pieces<Event, State>) | undefined
}

/**
 * A fold of events that arrive in pieces, from a given state: `add` folds a piece, `state` gives the state after
 * every piece added so far. What a replay uses that reads a long stream a piece at a time, so that the rows of one
 * piece are dropped before the next is read. The states between pieces belong to the fold alone; `add` after `state`
 * goes on from the state given without changing it.
 *
 * @since 0.2.0
 * @category models
 */
export interface Pieces<Event, State> {
  /** Folds the next piece of events (an iterable read once) after the ones added before. */
  readonly add: (events: Iterable<Event>) => void
  /** The state after every event added so far. */
  readonly state: () => State
}

/**
 * How a decider's events are written to and read from a store: an event type
 * name, a schema version and a Schema codec. `upcast` brings an older stored
 * version to the current encoded shape before decoding.
 *
 * @since 0.1.0
 * @category models
 */
export interface EventCodec<Event> {
  readonly schema: Schema.Schema<Event, any, never>
  /** The stored type name of an event. */
  readonly typeOf: (event: Event) => string
  readonly currentVersion: number
  /** Brings stored data of an older schema version to the current encoded shape. */
  readonly upcast: (type: string, schemaVersion: number, data: unknown) => unknown
  /**
   * Optional fast path for rows a store wrote at `currentVersion`: the decoded event, or `undefined` to decode
   * with `schema` instead (which then reports any error). Only stored rows of the current version come here;
   * commands, imports and upcast rows always go through `schema`. `owned`: the data was parsed for this call alone
   * (nothing else holds it), so the decoder may write decoded values into it instead of copying; the caller parses
   * the row again for `schema` when it gives up.
   */
  readonly decodeStored?:
    | ((type: string, data: unknown, owned?: boolean, record?: unknown) => Event | undefined)
    | undefined
  /**
   * Fields of the encoded data that many events share (who acted, the legal basis, the rules evaluated): written
   * once per store as a record the event names (`EventStore.NewEvent` `record`) instead of in every event. Rows that
   * name a record are read with it: `decodeStored` gets the data without those fields and the record's value; the
   * schema gets the data with the record's fields put back.
   */
  readonly recordFields?: ReadonlyArray<string> | undefined
}

/**
 * Folds a list of events into a state (with the decider's `evolveAll` when it has one).
 *
 * @since 0.1.0
 * @category combinators
 */
export const fold = <C, E, S, R>(
  decider: Decider<C, E, S, R>,
  events: Iterable<E>,
  from: S = decider.initialState
): S => {
  if (decider.evolveAll !== undefined) return decider.evolveAll(from, events)
  let state = from
  for (const e of events) state = decider.evolve(state, e)
  return state
}

/**
 * A fold of events in pieces from `from` (the decider's initial state by default): the decider's own
 * `evolvePieces` when it has one, else each piece folded with {@link fold}.
 *
 * @since 0.2.0
 * @category combinators
 */
export const pieces = <C, E, S, R>(decider: Decider<C, E, S, R>, from: S = decider.initialState): Pieces<E, S> => {
  if (decider.evolvePieces !== undefined) return decider.evolvePieces(from)
  let state = from
  return {
    add: (events) => {
      state = fold(decider, events, state)
    },
    state: () => state
  }
}
