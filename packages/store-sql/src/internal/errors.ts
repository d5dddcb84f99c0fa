/**
 * Driver errors mapped to the port's errors.
 *
 * @internal
 */
import { SqlError } from "@effect/sql/SqlError"
import { EventStore } from "@gsyf/core"
import * as Effect from "effect/Effect"

const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "SQLITE_BUSY",
  "SQLITE_BUSY_SNAPSHOT",
  "SQLITE_BUSY_RECOVERY",
  "SQLITE_BUSY_TIMEOUT",
  "SQLITE_LOCKED",
  "SQLITE_CANTOPEN",
  "SQLITE_IOERR",
  "SQLITE_FULL"
])

const unavailableMessage = /connect|terminat|not queryable|timeout|timed out|shutting down|Connection ended|closed/i

export const causeOf = (error: SqlError): { readonly code: string | undefined; readonly message: string } => {
  const cause = error.cause as { readonly code?: unknown; readonly message?: unknown } | undefined
  const code = typeof cause?.code === "string" ? cause.code : undefined
  const message = [error.message, typeof cause?.message === "string" ? cause.message : String(cause ?? "")]
    .filter((s) => s !== "")
    .join(": ")
  return { code, message }
}

/**
 * Whether a driver error is a unique-key violation (PostgreSQL `23505`, SQLite `SQLITE_CONSTRAINT_UNIQUE` /
 * `_PRIMARYKEY`).
 *
 * @since 0.1.0
 * @category errors
 */
export const isUniqueViolation = (error: SqlError): boolean => {
  const { code } = causeOf(error)
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY"
}

/**
 * Maps a driver error to the port's errors: lost or refused connections, a
 * database shutting down or a locked file become `StoreUnavailable`; anything
 * else `StoreError`.
 *
 * @since 0.1.0
 * @category errors
 */
export const classify = (operation: string, error: SqlError): EventStore.StoreUnavailable | EventStore.StoreError => {
  const { code, message } = causeOf(error)
  const unavailable =
    (code !== undefined && (unavailableCodes.has(code) || code.startsWith("08") || code.startsWith("SQLITE_IOERR"))) ||
    (code === undefined && unavailableMessage.test(message))
  return unavailable
    ? new EventStore.StoreUnavailable({ reason: `${operation}: ${message}${code ? ` (${code})` : ""}` })
    : new EventStore.StoreError({ operation, reason: `${message}${code ? ` (${code})` : ""}` })
}

/**
 * `SqlError`s, and the defects `@effect/sql` raises when a COMMIT or ROLLBACK
 * fails (a connection lost at the last moment), become port errors.
 */
export const mapSqlErrors = (operation: string) =>
<A, E, R>(
  effect: Effect.Effect<A, E | SqlError, R>
): Effect.Effect<A, Exclude<E, SqlError> | EventStore.StoreUnavailable | EventStore.StoreError, R> =>
  effect.pipe(
    Effect.catchIf((e): e is SqlError => e instanceof SqlError, (e) => Effect.fail(classify(operation, e))),
    Effect.catchAllDefect((defect) =>
      defect instanceof SqlError
        ? Effect.fail(
          new EventStore.StoreUnavailable({
            reason: `${operation}: ${
              causeOf(defect).message
            } (the outcome of the last commit is unknown; retry with the same command id)`
          })
        )
        : Effect.die(defect)
    )
  ) as any
