/**
 * What the handlers share: the library's services, the limits, per-project locks, commit signals, draining. @internal
 */
import type { AuditKey, EventStore, Plugin, ProjectService } from "@gsyf/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type { Limits } from "./http.js"

/** @internal */
export interface Shared {
  readonly config: Plugin.Config
  readonly projects: ProjectService.Service
  readonly store: EventStore.Service
  readonly limits: Limits
  /** Public keys trusted for receipts and checkpoints in `POST /audit`. */
  readonly keys: ReadonlyArray<AuditKey.Verifier>
  /** Runs a command of one project after the previous one of that project. */
  readonly serialize: <A, E, R>(projectId: string, effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  /** Wakes the streams of a project after a commit. */
  readonly committed: (projectId: string) => void
  /** Waits for a commit to a project, at most `ms` milliseconds. */
  readonly nextCommit: (projectId: string, ms: number) => Effect.Effect<void>
  /** Whether the server is shutting down (new commands and readiness answer 503). */
  readonly draining: () => boolean
  /**
   * Runs a command counted as in flight, or `refused` when the server is stopping (checked and counted in one
   * step, so that no command slips in after closing has seen none in flight).
   */
  readonly admit: <A, E, R, E2>(
    effect: Effect.Effect<A, E, R>,
    refused: Effect.Effect<never, E2>
  ) => Effect.Effect<A, E | E2, R>
}

/** @internal */
export class SharedTag extends Context.Tag("@gsyf/server/internal/Shared")<SharedTag, Shared>() {}

/** Signals and locks. @internal */
export const makeSignals = () => {
  const locks = new Map<string, Effect.Semaphore>()
  const waiters = new Map<string, Set<() => void>>()
  let inFlight = 0
  let draining = false
  const lockOf = (projectId: string) => {
    let lock = locks.get(projectId)
    if (lock === undefined) {
      lock = Effect.unsafeMakeSemaphore(1)
      locks.set(projectId, lock)
    }
    return lock
  }
  return {
    serialize: <A, E, R>(projectId: string, effect: Effect.Effect<A, E, R>) => lockOf(projectId).withPermits(1)(effect),
    committed: (projectId: string) => {
      const set = waiters.get(projectId)
      waiters.delete(projectId)
      for (const wake of set ?? []) wake()
    },
    nextCommit: (projectId: string, ms: number) =>
      Effect.async<void>((resume) => {
        const wake = () => {
          clearTimeout(timer)
          resume(Effect.void)
        }
        const timer = setTimeout(() => {
          waiters.get(projectId)?.delete(wake)
          resume(Effect.void)
        }, ms)
        const set = waiters.get(projectId) ?? new Set()
        set.add(wake)
        waiters.set(projectId, set)
        return Effect.sync(() => {
          clearTimeout(timer)
          waiters.get(projectId)?.delete(wake)
        })
      }),
    draining: () => draining,
    startDraining: () => {
      draining = true
      for (const projectId of [...waiters.keys()]) {
        const set = waiters.get(projectId)
        waiters.delete(projectId)
        for (const wake of set ?? []) wake()
      }
    },
    inFlightCount: () => inFlight,
    admit: <A, E, R, E2>(effect: Effect.Effect<A, E, R>, refused: Effect.Effect<never, E2>) =>
      Effect.uninterruptibleMask((restore) =>
        Effect.suspend((): Effect.Effect<A, E | E2, R> => {
          if (draining) return refused
          inFlight++
          return Effect.ensuring(restore(effect), Effect.sync(() => inFlight--))
        })
      )
  }
}
