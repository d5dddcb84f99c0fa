/**
 * The HTTP API of gsyf, declared once with `@effect/platform`'s `HttpApi`: the server is built from it and its
 * OpenAPI 3.1 document is generated from it (`GET /openapi.json`, a documentation page at `/docs`). Bodies reuse
 * the library's own Schemas (the command union `ProjectCommand.Command`, the event union `ProjectEvent.Event`,
 * `Checkpoint.Checkpoint`), so the API cannot drift from the library.
 *
 * | method and path | what |
 * |---|---|
 * | `POST /projects/{projectId}/commands` | executes a command (`If-Match: "<version>"` to require the version) |
 * | `GET /projects/{projectId}/state` | the project's state and status |
 * | `GET /projects/{projectId}/events?after=&limit=` | stored events after a position, a page at a time |
 * | `GET /projects/{projectId}/stream` | committed events as Server-Sent Events, resumable with `Last-Event-ID` |
 * | `GET /projects/{projectId}/progress?at=` | quota progress at a date |
 * | `GET /projects/{projectId}/deadlines?at=` | the next deadlines after a date |
 * | `GET /projects/{projectId}/decisions[/{eventId}]` | the explainable decisions, or one explained |
 * | `GET /projects/{projectId}/verify` | the project's hash chain |
 * | `GET /projects/{projectId}/audit-trail` | the audit trail as JSON Lines |
 * | `GET /projects/{projectId}/ocds` | the OCDS release package |
 * | `GET /projects/{projectId}/documents[/{document}/{format}]` | the project's documents in md, html, docx or pdf |
 * | `POST /audit` | audits the whole store (chains, command rows, receipts, a checkpoint) |
 * | `GET /rules`, `GET /parameters`, `POST /parameters/validate` | the rules and parameters with their bases; checks a parameter file |
 * | `GET /health`, `GET /ready` | liveness; readiness (the store answers) |
 *
 * @since 0.1.0
 */
import { HttpApi, HttpApiEndpoint, HttpApiGroup, HttpApiMiddleware, HttpApiSchema, OpenApi } from "@effect/platform"
import { Actor, Checkpoint, Explain, LegalBasis, ProjectCommand, ProjectEvent, Rule, type StoreAudit } from "@gsyf/core"
import * as Context from "effect/Context"
import * as Schema from "effect/Schema"
import type * as Authentication from "./Authentication.js"
import * as Problem from "./Problem.js"

/**
 * The authenticated caller of a request (provided by the {@link Authenticated} middleware).
 *
 * @since 0.1.0
 * @category tags
 */
export class CurrentPrincipal extends Context.Tag("@gsyf/server/CurrentPrincipal")<
  CurrentPrincipal,
  Authentication.Principal
>() {}

/**
 * The middleware that authenticates every request of the project, audit and reference groups.
 *
 * @since 0.1.0
 * @category middleware
 */
export class Authenticated extends HttpApiMiddleware.Tag<Authenticated>()("@gsyf/server/Authenticated", {
  failure: Problem.Unauthenticated,
  provides: CurrentPrincipal
}) {}

const projectId = HttpApiSchema.param(
  "projectId",
  Schema.String.annotations({ description: "项目编号 / the project id" })
)

/**
 * A stored event: its place in the project's hash chain and the event itself.
 *
 * @since 0.1.0
 * @category schemas
 */
export const StoredEvent = Schema.Struct({
  position: Schema.Int,
  globalPosition: Schema.Int,
  recordedAt: Schema.String,
  commandId: Schema.String,
  prevHash: Schema.String,
  hash: Schema.String,
  event: ProjectEvent.Event
}).annotations({ identifier: "StoredEvent" })

/**
 * A page of events.
 *
 * @since 0.1.0
 * @category schemas
 */
export const EventPage = Schema.Struct({
  projectId: Schema.String,
  /** The project's version (its last position). */
  version: Schema.Int,
  events: Schema.Array(StoredEvent),
  /** Pass as `after` for the next page; absent on the last page. */
  next: Schema.optional(Schema.Int)
}).annotations({ identifier: "EventPage" })

/**
 * The outcome of a command.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Executed = Schema.Struct({
  projectId: Schema.String,
  events: Schema.Array(ProjectEvent.Event),
  /** The project's version after the command. */
  version: Schema.Int,
  /** True when the command id was already applied with the same command (nothing new was written). */
  duplicate: Schema.Boolean,
  status: Schema.String
}).annotations({ identifier: "Executed" })

/**
 * A project's state: status, version and what each step recorded.
 *
 * @since 0.1.0
 * @category schemas
 */
export const StateView = Schema.Struct({
  projectId: Schema.String,
  version: Schema.Int,
  status: Schema.String,
  state: Schema.Record({ key: Schema.String, value: Schema.Unknown })
}).annotations({ identifier: "StateView" })

/**
 * A deadline the project has to meet.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Deadline = Schema.Struct({
  date: Schema.String,
  kind: Schema.String,
  subProject: Schema.optional(Schema.String),
  zh: Schema.String,
  en: Schema.String
}).annotations({ identifier: "Deadline" })

/**
 * A document of a project and where to fetch it.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DocumentEntry = Schema.Struct({
  name: Schema.String,
  title: Schema.String,
  formats: Schema.Array(Schema.String),
  href: Schema.String
}).annotations({ identifier: "DocumentEntry" })

/**
 * A rule or guard with its basis.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RuleRow = Schema.Struct({
  id: Schema.String,
  stage: Schema.String,
  section: Schema.String,
  zh: Schema.String,
  en: Schema.String,
  basis: Schema.Array(Schema.String),
  reads: Schema.Array(Schema.String)
}).annotations({ identifier: "RuleRow" })

/**
 * A parameter of the catalogue with its basis and the value configured on this server.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ParameterRow = Schema.Struct({
  name: Schema.String,
  zh: Schema.String,
  en: Schema.String,
  unit: Schema.String,
  section: Schema.String,
  basis: Schema.String,
  default: Schema.optional(Schema.Unknown),
  defaultBasis: Schema.optional(Schema.String),
  values: Schema.Array(Schema.Struct({ effectiveFrom: Schema.optional(Schema.String), value: Schema.Unknown }))
}).annotations({ identifier: "ParameterRow" })

/**
 * The outcome of checking a parameter file.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ParameterReport = Schema.Struct({
  passed: Schema.Boolean,
  /** The rules' trace, as `RuleSet.evaluate` returns it. */
  report: Schema.Struct({
    format: Schema.Literal("gsyf.trace.v1"),
    at: Schema.String,
    passed: Schema.Boolean,
    findings: Schema.Array(Schema.encodedSchema(Rule.Finding)),
    trace: Schema.Array(Schema.Struct({
      ruleId: Schema.String,
      reads: Schema.Array(Schema.Struct({
        name: Schema.String,
        value: Schema.String,
        effectiveFrom: Schema.optional(Schema.String),
        basis: Schema.String
      })),
      findings: Schema.Array(Schema.encodedSchema(Rule.Finding))
    }))
  }).annotations({ identifier: "RuleTrace" })
}).annotations({ identifier: "ParameterReport" })

const auditFindingKinds = [
  "checkpoint-signature",
  "chain",
  "stream-missing",
  "stream-truncated",
  "history-rewritten",
  "global-order-changed",
  "commands-changed",
  "command-missing",
  "command-mismatch",
  "receipt-invalid",
  "receipt-unknown-key",
  "receipt-missing",
  "unattested",
  "projection-failed",
  "read-model-mismatch",
  "read-model-missing",
  "read-model-extra"
] as const satisfies ReadonlyArray<StoreAudit.FindingKind>

/**
 * The outcome of `POST /audit`: what was scanned, every finding with what it names, and the events no receipt
 * attests.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AuditReport = Schema.Struct({
  ok: Schema.Boolean,
  streams: Schema.Int,
  events: Schema.Int,
  commands: Schema.Int,
  findings: Schema.Array(Schema.Struct({
    kind: Schema.Literal(...auditFindingKinds),
    zh: Schema.String,
    en: Schema.String,
    streamId: Schema.optional(Schema.String),
    position: Schema.optional(Schema.Int),
    toPosition: Schema.optional(Schema.Int),
    commandId: Schema.optional(Schema.String),
    projection: Schema.optional(Schema.String),
    key: Schema.optional(Schema.String),
    reason: Schema.optional(Schema.Literal("position-gap", "prev-hash-mismatch", "hash-mismatch", "record-mismatch"))
  })),
  unattested: Schema.Array(Schema.Struct({ streamId: Schema.String, from: Schema.Int, to: Schema.Int }))
}).annotations({ identifier: "AuditReport" })

/**
 * What `POST /audit` checks.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AuditRequest = Schema.Struct({
  checkpoint: Schema.optional(Checkpoint.Checkpoint),
  readModels: Schema.optional(Schema.Boolean)
}).annotations({ identifier: "AuditRequest" })

/**
 * Readiness.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Health = Schema.Struct({
  status: Schema.Literal("ok", "unavailable"),
  store: Schema.optional(Schema.String)
}).annotations({ identifier: "Health" })

const Bilingual = Schema.Struct({ zh: Schema.String, en: Schema.String }).annotations({ identifier: "Bilingual" })

/**
 * Progress on one quota item of the plan at a date.
 *
 * @since 0.1.0
 * @category schemas
 */
export const QuotaProgress = Schema.Struct({
  itemId: Schema.String,
  title: Bilingual,
  subProject: Schema.Literal("hazchem", "keyAreas"),
  unit: Schema.String,
  required: Schema.Number,
  done: Schema.Number,
  met: Schema.Boolean,
  /** An extra condition not yet met. */
  note: Schema.optional(Bilingual)
}).annotations({ identifier: "QuotaProgress" })

/**
 * The verdict on a project's hash chain: intact (with its length and head), or where and why it breaks.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ChainVerification = Schema.Union(
  Schema.Struct({ ok: Schema.Literal(true), count: Schema.Int, head: Schema.String }),
  Schema.Struct({
    ok: Schema.Literal(false),
    streamId: Schema.String,
    firstBrokenPosition: Schema.Int,
    reason: Schema.Literal("position-gap", "prev-hash-mismatch", "hash-mismatch", "record-mismatch"),
    zh: Schema.String,
    en: Schema.String
  })
).annotations({ identifier: "ChainVerification" })

/**
 * A decision of a project that can be explained.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DecisionEntry = Schema.Struct({
  id: Schema.String,
  type: Schema.Literal(...Explain.decisionTypes),
  at: Schema.String,
  summary: Bilingual
}).annotations({ identifier: "DecisionEntry" })

const Basis = Schema.encodedSchema(LegalBasis.LegalBasis)

/**
 * One decision explained: what was decided, the rules evaluated with their findings and the parameter values they
 * read, the legal basis, and the earlier events it rests on.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Explanation = Schema.Struct({
  event: Schema.Struct({
    id: Schema.String,
    type: Schema.String,
    at: Schema.String,
    actor: Schema.encodedSchema(Actor.Actor)
  }),
  summary: Bilingual,
  details: Schema.Struct({ zh: Schema.Array(Schema.String), en: Schema.Array(Schema.String) }),
  rules: Schema.Array(Schema.Struct({
    ruleId: Schema.String,
    known: Schema.Boolean,
    title: Bilingual,
    section: Schema.optional(Schema.String),
    basis: Schema.Array(Basis),
    findings: Schema.Array(Schema.encodedSchema(Rule.Finding)),
    reads: Schema.Array(Schema.Struct({
      name: Schema.String,
      title: Schema.optional(Bilingual),
      value: Schema.String,
      effectiveFrom: Schema.optional(Schema.String),
      basis: Schema.String
    })),
    overriddenBy: Schema.optional(Schema.Struct({ plugin: Schema.String, priority: Schema.optional(Schema.Number) }))
  })),
  basis: Schema.Array(Basis),
  restsOn: Schema.Array(Schema.Struct({
    id: Schema.String,
    type: Schema.String,
    at: Schema.String,
    summary: Bilingual,
    depth: Schema.Int,
    via: Schema.String
  })),
  unresolved: Schema.Array(Schema.String)
}).annotations({ identifier: "Explanation" })

const text = (contentType: string, description: string) =>
  HttpApiSchema.withEncoding(Schema.String, { kind: "Text", contentType }).annotations({ description })

const documentTypes = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf"
} as const

/**
 * The media type of each document format.
 *
 * @since 0.1.0
 * @category constants
 */
export const documentMediaTypes: Readonly<Record<keyof typeof documentTypes, string>> = documentTypes

const bytes = (contentType: string) =>
  HttpApiSchema.withEncoding(Schema.Uint8ArrayFromSelf, { kind: "Uint8Array", contentType })

/**
 * The project endpoints.
 *
 * @since 0.1.0
 * @category groups
 */
export class Projects extends HttpApiGroup.make("projects")
  .add(
    HttpApiEndpoint.post("execute")`/projects/${projectId}/commands`
      .setPayload(ProjectCommand.Command)
      .setHeaders(Schema.Struct({ "if-match": Schema.optional(Schema.String) }))
      .addSuccess(Executed)
  )
  .add(HttpApiEndpoint.get("state")`/projects/${projectId}/state`.addSuccess(StateView))
  .add(
    HttpApiEndpoint.get("events")`/projects/${projectId}/events`
      .setUrlParams(Schema.Struct({ after: Schema.optional(Schema.String), limit: Schema.optional(Schema.String) }))
      .addSuccess(EventPage)
  )
  .add(
    HttpApiEndpoint.get("stream")`/projects/${projectId}/stream`
      .setUrlParams(Schema.Struct({ after: Schema.optional(Schema.String) }))
      .addSuccess(text("text/event-stream", "committed events; each `id:` is the event's position"))
  )
  .add(
    HttpApiEndpoint.get("progress")`/projects/${projectId}/progress`
      .setUrlParams(Schema.Struct({ at: Schema.optional(Schema.String) }))
      .addSuccess(Schema.Array(QuotaProgress))
  )
  .add(
    HttpApiEndpoint.get("deadlines")`/projects/${projectId}/deadlines`
      .setUrlParams(Schema.Struct({ at: Schema.optional(Schema.String) }))
      .addSuccess(Schema.Array(Deadline))
  )
  .add(HttpApiEndpoint.get("decisions")`/projects/${projectId}/decisions`.addSuccess(Schema.Array(DecisionEntry)))
  .add(
    HttpApiEndpoint.get("explain")`/projects/${projectId}/decisions/${HttpApiSchema.param("eventId", Schema.String)}`
      .addSuccess(Explanation)
  )
  .add(HttpApiEndpoint.get("verify")`/projects/${projectId}/verify`.addSuccess(ChainVerification))
  .add(
    HttpApiEndpoint.get("auditTrail")`/projects/${projectId}/audit-trail`
      .addSuccess(text("application/jsonl; charset=utf-8", "one stored event per line, with its hashes"))
  )
  .add(HttpApiEndpoint.get("ocds")`/projects/${projectId}/ocds`.addSuccess(Schema.Unknown))
  .add(HttpApiEndpoint.get("documents")`/projects/${projectId}/documents`.addSuccess(Schema.Array(DocumentEntry)))
  .add(
    HttpApiEndpoint.get("document")`/projects/${projectId}/documents/${
      HttpApiSchema.param("document", Schema.String)
    }/${HttpApiSchema.param("format", Schema.String)}`
      .addSuccess(bytes(documentTypes.pdf))
      .addSuccess(bytes(documentTypes.docx))
      .addSuccess(text(documentTypes.html, "HTML"))
      .addSuccess(text(documentTypes.md, "Markdown"))
  )
  .middleware(Authenticated)
{}

/**
 * The store-wide audit.
 *
 * @since 0.1.0
 * @category groups
 */
export class Audit extends HttpApiGroup.make("audit")
  .add(HttpApiEndpoint.post("audit")`/audit`.setPayload(AuditRequest).addSuccess(AuditReport))
  .middleware(Authenticated)
{}

/**
 * Rules and parameters.
 *
 * @since 0.1.0
 * @category groups
 */
export class Reference extends HttpApiGroup.make("reference")
  .add(HttpApiEndpoint.get("rules")`/rules`.addSuccess(Schema.Array(RuleRow)))
  .add(HttpApiEndpoint.get("parameters")`/parameters`.addSuccess(Schema.Array(ParameterRow)))
  .add(
    HttpApiEndpoint.post("validateParameters")`/parameters/validate`.setPayload(Schema.Unknown).addSuccess(
      ParameterReport
    )
  )
  .middleware(Authenticated)
{}

/**
 * Health and readiness (no credentials needed).
 *
 * @since 0.1.0
 * @category groups
 */
export class Operations extends HttpApiGroup.make("operations")
  .add(HttpApiEndpoint.get("health")`/health`.addSuccess(Health))
  .add(HttpApiEndpoint.get("ready")`/ready`.addSuccess(Health))
{}

/**
 * The API.
 *
 * @since 0.1.0
 * @category api
 */
export class Api extends HttpApi.make("gsyf")
  .annotate(OpenApi.Title, "gsyf")
  .annotate(OpenApi.Version, "0.1.0")
  .annotate(OpenApi.Description, "工伤预防项目规则即代码 / a city's work-injury prevention project as rules as code")
  .add(Projects)
  .add(Audit)
  .add(Reference)
  .add(Operations)
  .addError(Problem.BadRequest)
  .addError(Problem.Forbidden)
  .addError(Problem.NotFound)
  .addError(Problem.Conflict)
  .addError(Problem.PayloadTooLarge)
  .addError(Problem.Rejected)
  .addError(Problem.Internal)
  .addError(Problem.Unavailable)
{}
