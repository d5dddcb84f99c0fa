/**
 * Errors of the HTTP service as RFC 9457 problem details (`application/problem+json`). Every problem carries the
 * RFC's members (`type`, `title`, `status`, `detail`, `instance`) and gsyf's own: the message in Chinese and
 * English, the request id, and where they apply the rule ids and findings of a rejection (422) or the field paths
 * of undecodable input (400). A problem never contains a stack trace or a database message.
 *
 * | status | when |
 * |---|---|
 * | 400 | the body is not UTF-8 JSON or is sent as another type, or it does not decode (each bad field path, in Chinese and English) |
 * | 401 | no credentials, or unknown credentials |
 * | 403 | the credentials may not act for the command's actor, or the actor's role may not give the command |
 * | 404 | no such project, document or route |
 * | 409 | the project is not at the version the request expects (`If-Match`), or the command id was used for another command |
 * | 413 | the body is larger than the limit |
 * | 422 | a rule of the plan or of national law rejects the command (rule ids and findings) |
 * | 503 | the store is unavailable, the request took too long, or the server is shutting down |
 *
 * @since 0.1.0
 */
import { HttpApiSchema } from "@effect/platform"
import { InputError, Rule } from "@gsyf/core"
import * as Schema from "effect/Schema"

const IssueJson = Schema.encodedSchema(InputError.InputIssue)
const FindingJson = Schema.encodedSchema(Rule.Finding)

const members = {
  /** A URI naming the kind of problem (`urn:gsyf:problem:<kind>`). */
  type: Schema.String,
  /** A short English summary of the kind of problem. */
  title: Schema.String,
  /** A human-readable explanation in English. */
  detail: Schema.String,
  /** The request path. */
  instance: Schema.optional(Schema.String),
  /** The explanation in Chinese. */
  zh: Schema.String,
  /** The explanation in English (as `detail`). */
  en: Schema.String,
  /** The id of the request (also the `x-request-id` response header and the log lines). */
  requestId: Schema.optional(Schema.String),
  /** The rules behind a rejection. */
  ruleIds: Schema.optional(Schema.Array(Schema.String)),
  /** The findings of a rejection, each with its rule id, path and bilingual message. */
  findings: Schema.optional(Schema.Array(FindingJson)),
  /** The bad fields of undecodable input, each with its path and bilingual message. */
  issues: Schema.optional(Schema.Array(IssueJson))
}

const problemOf = <S extends number>(status: S, identifier: string, description: string) =>
  Schema.Struct({ ...members, status: Schema.Literal(status) }).pipe(
    HttpApiSchema.withEncoding({ kind: "Json", contentType: "application/problem+json" }),
    (s) => s.annotations({ ...HttpApiSchema.annotations({ status }), identifier, description })
  )

/**
 * 400: undecodable input.
 *
 * @since 0.1.0
 * @category schemas
 */
export const BadRequest = problemOf(400, "BadRequestProblem", "The input is not JSON or does not decode")

/**
 * 401: no or unknown credentials.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Unauthenticated = problemOf(401, "UnauthenticatedProblem", "No credentials, or unknown credentials")

/**
 * 403: the credentials may not act for the actor, or the role may not give the command.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Forbidden = problemOf(403, "ForbiddenProblem", "Not allowed for these credentials or this role")

/**
 * 404: no such project, document or route.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NotFound = problemOf(404, "NotFoundProblem", "No such project, document or route")

/**
 * 409: a version or command-id conflict.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Conflict = problemOf(409, "ConflictProblem", "A version or command-id conflict")

/**
 * 413: the body is too large.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PayloadTooLarge = problemOf(413, "PayloadTooLargeProblem", "The body is larger than the limit")

/**
 * 422: a rule rejects the command.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Rejected = problemOf(422, "RejectedProblem", "A rule rejects the command")

/**
 * 500: an internal error (never with its details).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Internal = problemOf(500, "InternalProblem", "An internal error")

/**
 * 503: the store is unavailable, the request took too long, or the server is stopping.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Unavailable = problemOf(503, "UnavailableProblem", "The service cannot answer now; retry later")

/**
 * Every problem schema, for an API's errors.
 *
 * @since 0.1.0
 * @category schemas
 */
export const all = [
  BadRequest,
  Unauthenticated,
  Forbidden,
  NotFound,
  Conflict,
  PayloadTooLarge,
  Rejected,
  Internal,
  Unavailable
] as const

/**
 * A problem of any status.
 *
 * @since 0.1.0
 * @category models
 */
export type Problem = typeof all[number]["Type"]

/**
 * The statuses a problem can have.
 *
 * @since 0.1.0
 * @category models
 */
export type Status = Problem["status"]

const titles: Record<Status, readonly [kind: string, title: string]> = {
  400: ["bad-request", "Bad request"],
  401: ["unauthenticated", "Unauthenticated"],
  403: ["forbidden", "Forbidden"],
  404: ["not-found", "Not found"],
  409: ["conflict", "Conflict"],
  413: ["payload-too-large", "Payload too large"],
  422: ["rejected", "Rejected by a rule"],
  500: ["internal", "Internal error"],
  503: ["unavailable", "Service unavailable"]
}

/**
 * Extra members of a problem.
 *
 * @since 0.1.0
 * @category models
 */
export interface Extra {
  readonly ruleIds?: ReadonlyArray<string> | undefined
  readonly findings?: ReadonlyArray<Rule.Finding> | undefined
  readonly issues?: ReadonlyArray<InputError.InputIssue> | undefined
  /** A more precise kind than the status's (`urn:gsyf:problem:<kind>`). */
  readonly kind?: string | undefined
}

const plain = <A extends object>(a: A): A => ({ ...a })

/**
 * Makes a problem with its bilingual message.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <S extends Status>(status: S, zh: string, en: string, extra: Extra = {}): Problem => {
  const [kind, title] = titles[status]
  return {
    type: `urn:gsyf:problem:${extra.kind ?? kind}`,
    title,
    status,
    detail: en,
    zh,
    en,
    ...(extra.ruleIds === undefined ? {} : { ruleIds: extra.ruleIds }),
    ...(extra.findings === undefined ? {} : { findings: extra.findings.map(plain) }),
    ...(extra.issues === undefined ? {} : { issues: extra.issues.map(plain) })
  } as Problem
}

/**
 * Undecodable input as a 400 problem naming each field path.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromInvalidInput = (e: InputError.InvalidInput): Problem =>
  make(
    400,
    `输入无效(${e.subject}):` + e.issues.map((i) => `${i.path || "(根)"}:${i.zh}`).join(";"),
    `invalid input (${e.subject}): ` + e.issues.map((i) => `${i.path || "(root)"}: ${i.en}`).join("; "),
    { issues: e.issues, kind: "invalid-input" }
  )

/**
 * Whether a value is a problem made by {@link make}.
 *
 * @since 0.1.0
 * @category guards
 */
export const isProblem = (u: unknown): u is Problem =>
  typeof u === "object" && u !== null && "type" in u && "status" in u && "zh" in u &&
  typeof (u as { type: unknown }).type === "string" && (u as { type: string }).type.startsWith("urn:gsyf:problem:")
