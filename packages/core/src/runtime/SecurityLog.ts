/**
 * The security log: refused attempts — a command its actor may not give, a command given in another party's
 * name, a command id reused for another command — written where the host can read them, outside the project's
 * audit trail (a refused command never enters the project's chain). `ProjectService` and `Client` write to it
 * when they are given one.
 *
 * ```ts
 * const log = SecurityLog.memory()
 * const projects = yield* ProjectService.make(config, { securityLog: log })
 * // … later
 * log.entries() // [{ kind: "unauthorized", ruleIds: ["actors.own-bid"], … }]
 * ```
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { appendFile } from "node:fs/promises"

/**
 * One refused attempt.
 *
 * - `kind`: `unauthorized` (a role or a binding refused the actor) or `command-id-conflict` (a command id reused
 *   for another command);
 * - `at`: when it was refused (the host's clock, ISO 8601 UTC);
 * - `actor`: who the command claimed to come from; `principal`: who the host authenticated, if it said;
 * - `ruleIds`, `zh`, `en`: why.
 *
 * @since 0.2.0
 * @category models
 */
export interface Entry {
  readonly kind: "unauthorized" | "command-id-conflict"
  readonly at: string
  readonly projectId: string
  readonly commandId: string
  readonly command: string
  readonly actor: { readonly id: string; readonly role: string; readonly unit?: string | undefined }
  readonly principal?: { readonly id: string; readonly role: string; readonly unit?: string | undefined } | undefined
  readonly ruleIds: ReadonlyArray<string>
  readonly zh: string
  readonly en: string
}

/**
 * Where refused attempts go. `record` must not fail the command's answer: its failures are the log's own.
 *
 * @since 0.2.0
 * @category models
 */
export interface Service {
  /** Keeps one refused attempt. */
  readonly record: (entry: Entry) => Effect.Effect<void>
}

/**
 * @since 0.2.0
 * @category tags
 */
export class SecurityLog extends Context.Tag("@gsyf/core/SecurityLog")<SecurityLog, Service>() {}

/**
 * A log kept in memory, with its entries readable (tests, a host that ships them elsewhere itself).
 *
 * @since 0.2.0
 * @category constructors
 */
export const memory = (): Service & {
  /** The refused attempts recorded so far, oldest first. */
  readonly entries: () => ReadonlyArray<Entry>
} => {
  const entries: Array<Entry> = []
  return {
    record: (entry) => Effect.sync(() => void entries.push(entry)),
    entries: () => [...entries]
  }
}

/**
 * A log appended to a file as JSON Lines (one entry a line), created with mode 0600. Keep it outside the
 * database and away from the people it watches. A failed write is reported to `onError` (default: ignored).
 *
 * @since 0.2.0
 * @category constructors
 */
export const toFile = (path: string, onError: (error: unknown) => void = () => undefined): Service => ({
  record: (entry) =>
    Effect.tryPromise(() => appendFile(path, JSON.stringify(entry) + "\n", { encoding: "utf8", mode: 0o600 })).pipe(
      Effect.catchAll((e) => Effect.sync(() => onError(e.error)))
    )
})

/**
 * Any function as a log (a message queue, a SIEM client).
 *
 * @since 0.2.0
 * @category constructors
 */
export const fromFunction = (record: (entry: Entry) => void): Service => ({
  record: (entry) => Effect.sync(() => record(entry)).pipe(Effect.catchAllDefect(() => Effect.void))
})

/**
 * A log as a layer.
 *
 * @since 0.2.0
 * @category layers
 */
export const layer = (log: Service): Layer.Layer<SecurityLog> => Layer.succeed(SecurityLog, log)
