/**
 * Retrying a command that lost a race: a `VersionConflict` means another writer appended first, so the command is
 * decided again on the new state after a jittered, exponentially growing pause, a bounded number of times.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"

/** How a client retries version conflicts. @internal */
export interface RetryOptions {
  /** How many times a command is retried after a version conflict before the conflict is returned (default 30). */
  readonly attempts?: number | undefined
  /** The first pause in milliseconds, doubled at each retry and jittered (default 5). */
  readonly baseDelayMs?: number | undefined
  /** The longest pause in milliseconds (default 250). */
  readonly maxDelayMs?: number | undefined
}

/** The defaults, also the documented ones. @internal */
export const defaults = { attempts: 30, baseDelayMs: 5, maxDelayMs: 250 } as const

const bounded = (value: number | undefined, fallback: number, max: number): number =>
  value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(0, Math.floor(value)))

/** The retry schedule: exponential from `baseDelayMs`, jittered, capped at `maxDelayMs`, `attempts` times. @internal */
export const schedule = (options: RetryOptions = {}) => {
  const attempts = bounded(options.attempts, defaults.attempts, 1000)
  const base = Math.max(1, bounded(options.baseDelayMs, defaults.baseDelayMs, 60_000))
  const max = Math.max(base, bounded(options.maxDelayMs, defaults.maxDelayMs, 600_000))
  return Schedule.exponential(Duration.millis(base)).pipe(
    Schedule.either(Schedule.spaced(Duration.millis(max))),
    Schedule.jittered,
    Schedule.intersect(Schedule.recurs(attempts))
  )
}

const isConflict = (e: unknown): boolean =>
  typeof e === "object" && e !== null && (e as { readonly _tag?: unknown })._tag === "VersionConflict"

/** Retries `effect` on version conflicts only. @internal */
export const retryConflicts = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
  options: RetryOptions = {}
): Effect.Effect<A, E, R> => Effect.retry(effect, { schedule: schedule(options), while: isConflict })

/**
 * One command at a time per key within a client: commands a host sends at once for the same project queue up here
 * instead of racing each other to the store (only other processes can still cause a conflict). Keys leave the map
 * when their queue is empty. @internal
 */
export const keyedQueue = () => {
  const tails = new Map<string, Promise<void>>()
  return <A>(key: string, task: () => Promise<A>): Promise<A> => {
    const previous = tails.get(key) ?? Promise.resolve()
    const result = previous.then(task)
    const tail = result.then(() => undefined, () => undefined)
    tails.set(key, tail)
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key)
    })
    return result
  }
}
