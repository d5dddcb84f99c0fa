/**
 * Plain values and Promises for hosts that do not use Effect. Functions across gsyf return `Either` (parameters,
 * money and capitals, documents, OCDS) or `Effect` (rendering to bytes); these helpers turn either into a plain
 * result object, a value or a Promise, so a host needs no `effect` import of its own:
 *
 * @example
 * ```ts
 * import { Money, Parameter, Plain } from "@gsyf/core"
 *
 * const parameters = Plain.result(Parameter.load(cityFile))        // { ok: true, value } | { ok: false, error }
 * if (!parameters.ok) console.log(parameters.error.issues)         // every bad field path, zh and en
 * const words = Plain.unwrap(Money.capital(Money.unsafeYuan("872000"))) // "人民币捌拾柒万贰仟元整"
 * const pdf: Uint8Array = await Plain.promise(Pdf.render(document))     // an Effect, awaited
 * ```
 *
 * @since 0.2.0
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import type { InputIssue } from "../kernel/InputError.js"

/**
 * Why a call failed, flattened: the error's tag, its text in Chinese and in English, and the input issues (field
 * path, Chinese, English) when the input was refused.
 *
 * @since 0.2.0
 * @category models
 */
export interface Failure {
  readonly tag: string
  readonly zh: string
  readonly en: string
  readonly issues: ReadonlyArray<InputIssue>
  /** The original error value, for hosts that want its other fields. */
  readonly cause: unknown
}

/**
 * A plain result: the value, or why there is none.
 *
 * @since 0.2.0
 * @category models
 */
export type Result<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly error: Failure }

/**
 * What {@link unwrap} throws and {@link promise} rejects with: an `Error` carrying the {@link Failure}.
 *
 * @since 0.2.0
 * @category errors
 */
export class PlainError extends Error implements Failure {
  readonly tag: string
  readonly zh: string
  readonly en: string
  readonly issues: ReadonlyArray<InputIssue>
  override readonly cause: unknown
  constructor(failure: Failure) {
    super(failure.zh === failure.en ? failure.en : `${failure.en} / ${failure.zh}`)
    this.name = "PlainError"
    this.tag = failure.tag
    this.zh = failure.zh
    this.en = failure.en
    this.issues = failure.issues
    this.cause = failure.cause
  }
}

const field = (e: unknown, name: string): unknown =>
  typeof e === "object" && e !== null ? (e as Record<string, unknown>)[name] : undefined

const text = (e: unknown, name: "zh" | "en"): string => {
  const own = field(e, name)
  if (typeof own === "string") return own
  const issues = field(e, "issues")
  if (Array.isArray(issues) && issues.length > 0) {
    return (issues as ReadonlyArray<InputIssue>).map((i) => `${i.path || "(root)"}: ${i[name]}`).join(
      name === "zh" ? ";" : "; "
    )
  }
  return e instanceof Error ? e.message : String(e)
}

/**
 * The {@link Failure} of any error value gsyf returns.
 *
 * @since 0.2.0
 * @category conversions
 */
export const failure = (e: unknown): Failure => {
  const tag = field(e, "_tag")
  const issues = field(e, "issues")
  return {
    tag: typeof tag === "string" ? tag : e instanceof Error ? e.name : "Error",
    zh: text(e, "zh"),
    en: text(e, "en"),
    issues: Array.isArray(issues) ? (issues as ReadonlyArray<InputIssue>) : [],
    cause: e
  }
}

/**
 * An `Either` as a plain result object.
 *
 * @since 0.2.0
 * @category conversions
 */
export const result = <A, E>(either: Either.Either<A, E>): Result<A> =>
  Either.isRight(either) ? { ok: true, value: either.right } : { ok: false, error: failure(either.left) }

/**
 * The value of an `Either`, or a thrown {@link PlainError}.
 *
 * @since 0.2.0
 * @category conversions
 */
export const unwrap = <A, E>(either: Either.Either<A, E>): A => {
  if (Either.isRight(either)) return either.right
  throw new PlainError(failure(either.left))
}

/**
 * Runs an `Effect` that needs nothing (or takes an `Either`) and resolves with its value; a failure rejects with a
 * {@link PlainError}, a defect with the defect itself.
 *
 * @since 0.2.0
 * @category conversions
 */
export const promise = async <A, E>(value: Effect.Effect<A, E> | Either.Either<A, E>): Promise<A> => {
  if (Either.isEither(value)) return unwrap(value)
  const exit = await Effect.runPromiseExit(value)
  if (Exit.isSuccess(exit)) return exit.value
  const failed = Cause.failureOption(exit.cause)
  if (failed._tag === "Some") throw new PlainError(failure(failed.value))
  throw Cause.squash(exit.cause)
}
