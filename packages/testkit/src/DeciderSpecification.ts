/**
 * Given / when / then for a decider, in the style of Emmett's
 * `DeciderSpecification`: given the events a project already has, when a
 * command arrives, then exactly these events (whole, every field compared) or
 * a rejection naming these rule ids. A rejection is also checked to change
 * nothing: the state it was decided on is the same afterwards (compared as a
 * structural snapshot) and deciding the command again gives the same answer.
 *
 * ```ts
 * import { Lifecycle } from "@gsyf/core"
 * import { DeciderSpecification } from "@gsyf/testkit"
 *
 * const spec = DeciderSpecification.lifecycle(config) // or DeciderSpecification.make(anyDecider)
 * spec.given([keyAreasSelected]).when(opinionCommand).then([opinionRecorded])
 * spec.given([]).when(issuePlan).thenRejected({ _tag: "OutOfOrder", ruleIds: ["lifecycle.key-areas-first"] })
 * ```
 *
 * Runs under vitest (its `expect` gives the diffs).
 *
 * @since 0.2.0
 */
import { type Decider, Lifecycle, type Plugin, type ProjectEvent } from "@gsyf/core"
import * as Either from "effect/Either"
import { expect } from "vitest"

/**
 * What a specification needs of a rejection besides the decider: the rule ids
 * it names and its kind. Both are optional; without them `thenRejected` can
 * only check with a function.
 *
 * @since 0.2.0
 * @category models
 */
export interface Options<S, R> {
  /** The rule ids a rejection names. */
  readonly ruleIdsOf?: ((rejection: R) => ReadonlyArray<string>) | undefined
  /** What of a state is compared before and after a rejection (default: {@link snapshot} of the whole state). */
  readonly snapshot?: ((state: S) => unknown) | undefined
}

/**
 * A rejection as a test expects it: its `_tag`, and rule ids it must name (at
 * least these; `exactly: true` for these and no other).
 *
 * @since 0.2.0
 * @category models
 */
export interface ExpectedRejection {
  readonly _tag?: string | undefined
  readonly ruleIds?: ReadonlyArray<string> | undefined
  readonly exactly?: boolean | undefined
}

/**
 * The answer to one command, to assert on.
 *
 * @since 0.2.0
 * @category models
 */
export interface Then<E, S, R> {
  /** What the decider answered. */
  readonly result: Either.Either<ReadonlyArray<E>, R>
  /** The state the command was decided on. */
  readonly state: S
  /**
   * Asserts the command was accepted with exactly these events, every field
   * compared; a function instead receives the events to assert on. Returns
   * the events.
   */
  readonly then: (expected: ReadonlyArray<E> | ((events: ReadonlyArray<E>) => void)) => ReadonlyArray<E>
  /** Asserts the command was accepted and caused no event (a resent command, say). */
  readonly thenNothingHappened: () => void
  /**
   * Asserts a rejection of this kind naming these rule ids (or checked by a
   * function), and that the rejection changed nothing. Returns the rejection.
   */
  readonly thenRejected: (expected: ExpectedRejection | ((rejection: R) => void)) => R
  /** The state after the accepted command's events (fails on a rejection). */
  readonly stateAfter: () => S
}

/**
 * A project's history, to send a command to.
 *
 * @since 0.2.0
 * @category models
 */
export interface Given<C, E, S, R> {
  readonly events: ReadonlyArray<E>
  /** The history folded from the decider's initial state. */
  readonly state: S
  /** More history. */
  readonly and: (events: ReadonlyArray<E>) => Given<C, E, S, R>
  /** Decides the command on the state the given events fold to. */
  readonly when: (command: C) => Then<E, S, R>
}

/**
 * A specification of one decider.
 *
 * @since 0.2.0
 * @category models
 */
export interface Specification<C, E, S, R> {
  /** Starts a case from the events already recorded (none for a new stream). */
  readonly given: (events: ReadonlyArray<E>) => Given<C, E, S, R>
  /**
   * The events of commands decided one after another from the initial state
   * (each must be accepted): a short history written as commands.
   */
  readonly eventsOf: (commands: ReadonlyArray<C>, from?: ReadonlyArray<E>) => ReadonlyArray<E>
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

const plainOf = (u: object): unknown => {
  const json = (u as { toJSON?: unknown }).toJSON
  if (typeof json === "function") return (json as () => unknown).call(u)
  if (u instanceof Map) return [...u.entries()].map(([k, v]) => [snapshot(k), snapshot(v)])
  if (Symbol.iterator in u && typeof u !== "string") return [...(u as Iterable<unknown>)].map(snapshot)
  return Object.fromEntries(Object.keys(u).sort().map((k) => [k, snapshot((u as Record<string, unknown>)[k])]))
}

/**
 * A plain, comparable copy of a value: maps as entry lists, other iterables
 * (sets, Effect's `HashSet` and `Chunk`) as arrays, values with `toJSON`
 * (decimals, dates) as their JSON, objects with their keys sorted.
 *
 * @since 0.2.0
 * @category utils
 */
export const snapshot = (value: unknown): unknown => {
  if (typeof value === "bigint") return `${value}n`
  if (!isRecord(value)) return value
  return plainOf(value)
}

const run = <C, E, S, R>(
  decider: Decider.Decider<C, E, S, R>,
  command: C,
  state: S
): Either.Either<ReadonlyArray<E>, R> => {
  const authorized = decider.authorize?.(command, state) ?? Either.void
  return Either.isLeft(authorized) ? Either.left(authorized.left) : decider.decide(command, state)
}

const describeRejection = (r: unknown): string =>
  isRecord(r) ? `${String(r._tag)}: ${typeof r.message === "string" ? r.message : JSON.stringify(r)}` : String(r)

const checkRejection = <R>(rejection: R, expected: ExpectedRejection, ruleIdsOf: Options<never, R>["ruleIdsOf"]) => {
  if (expected._tag !== undefined) expect((rejection as { _tag?: unknown })._tag).toBe(expected._tag)
  if (expected.ruleIds === undefined) return
  if (ruleIdsOf === undefined) throw new Error("thenRejected: rule ids need options.ruleIdsOf")
  const ids = ruleIdsOf(rejection)
  if (expected.exactly === true) expect([...ids].sort()).toEqual([...expected.ruleIds].sort())
  else for (const id of expected.ruleIds) expect(ids, `rule ids of ${describeRejection(rejection)}`).toContain(id)
}

const makeThen = <C, E, S, R>(
  decider: Decider.Decider<C, E, S, R>,
  options: Options<S, R>,
  state: S,
  command: C
): Then<E, S, R> => {
  const view = options.snapshot ?? snapshot
  const before = view(state)
  const result = run(decider, command, state)
  const accepted = (what: string): ReadonlyArray<E> => {
    if (Either.isLeft(result)) throw new Error(`${what}: expected events, got ${describeRejection(result.left)}`)
    return result.right
  }
  return {
    result,
    state,
    then: (expected) => {
      const events = accepted("then")
      if (typeof expected === "function") expected(events)
      else expect(events).toEqual(expected)
      return events
    },
    thenNothingHappened: () => expect(accepted("thenNothingHappened")).toEqual([]),
    thenRejected: (expected) => {
      if (Either.isRight(result)) {
        throw new Error(`thenRejected: expected a rejection, got events ${JSON.stringify(result.right.map(tagOf))}`)
      }
      if (typeof expected === "function") expected(result.left)
      else checkRejection(result.left, expected, options.ruleIdsOf)
      // a rejection changes nothing: the state is as it was, and the same command is answered alike
      expect(view(state), "the state a rejected command was decided on").toEqual(before)
      expect(snapshot(run(decider, command, state))).toEqual(snapshot(result))
      return result.left
    },
    stateAfter: () => accepted("stateAfter").reduce(decider.evolve, state)
  }
}

const tagOf = (e: unknown): unknown => (isRecord(e) ? e._tag : e)

const makeGiven = <C, E, S, R>(
  decider: Decider.Decider<C, E, S, R>,
  options: Options<S, R>,
  events: ReadonlyArray<E>
): Given<C, E, S, R> => {
  const state = events.reduce(decider.evolve, decider.initialState)
  return {
    events,
    state,
    and: (more) => makeGiven(decider, options, [...events, ...more]),
    when: (command) => makeThen(decider, options, state, command)
  }
}

/**
 * The specification of any decider.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = <C, E, S, R>(
  decider: Decider.Decider<C, E, S, R>,
  options: Options<S, R> = {}
): Specification<C, E, S, R> => ({
  given: (events) => makeGiven(decider, options, events),
  eventsOf: (commands, from = []) => {
    const out: Array<E> = [...from]
    let state = from.reduce(decider.evolve, decider.initialState)
    for (const command of commands) {
      const result = run(decider, command, state)
      if (Either.isLeft(result)) throw new Error(`eventsOf: a command was rejected (${describeRejection(result.left)})`)
      for (const e of result.right) {
        state = decider.evolve(state, e)
        out.push(e)
      }
    }
    return out
  }
})

/**
 * The specification of the project lifecycle under a configuration (with its
 * plugins): commands are given as unknown input (decoded as a host's would
 * be), rejections name their rule ids as `Lifecycle.ruleIdsOf` gives them.
 *
 * @since 0.2.0
 * @category constructors
 */
export const lifecycle = (
  config: Plugin.Config
): Specification<unknown, ProjectEvent.Event, Lifecycle.State, Lifecycle.Rejection> =>
  make(
    {
      initialState: Lifecycle.initialState,
      decide: Lifecycle.handle(config),
      evolve: Lifecycle.evolve
    },
    { ruleIdsOf: Lifecycle.ruleIdsOf }
  )
