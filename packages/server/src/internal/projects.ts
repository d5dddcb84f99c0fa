/** The handlers of the project endpoints. @internal */
import { HttpApiBuilder, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { Actor, Explain, InputError, IsoDate, Lifecycle, type Plugin, type ProjectEvent } from "@gsyf/core"
import { Ocds } from "@gsyf/ocds"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Authentication from "../Authentication.js"
import type * as Problem from "../Problem.js"
import {
  Api,
  type ChainVerification,
  CurrentPrincipal,
  type DecisionEntry,
  EventPage,
  Executed,
  type Explanation,
  type QuotaProgress
} from "../ServerApi.js"
import { SharedTag } from "./context.js"
import * as Documents from "./documents.js"
import { committing, fail, jsonBody } from "./http.js"
import * as Stream from "./stream.js"
import * as Views from "./views.js"

const storeProblem = (e: { readonly _tag?: string }): Effect.Effect<never, Problem.Problem> =>
  e._tag === "StoreUnavailable"
    ? fail(503, "事件存储暂时不可用,请稍后重试", "the event store is unavailable; retry later", {
      kind: "store-unavailable"
    })
    : e._tag === "StoreError"
    ? fail(503, "事件存储出错,请稍后重试", "the event store failed; retry later", { kind: "store-error" })
    : fail(500, "内部错误", "internal error")

/** The project's stored events and state; 404 when it has none. @internal */
export const loadProject = (projectId: string) =>
  Effect.gen(function*() {
    const shared = yield* SharedTag
    const loaded = yield* shared.projects.load(projectId).pipe(Effect.catchAll(storeProblem))
    if (loaded.events.length === 0) {
      return yield* fail(404, `没有项目 ${projectId}`, `no project ${projectId}`, { kind: "unknown-project" })
    }
    return loaded
  })

const rejectionProblem = (r: Lifecycle.Rejection): Effect.Effect<never, Problem.Problem> => {
  switch (r._tag) {
    case "InvalidInput":
      return fail(400, "指令无效", "invalid command", { issues: r.issues, kind: "invalid-input" }).pipe(
        Effect.catchAll((p) => Effect.fail({ ...p, zh: zhIssues(r), en: enIssues(r), detail: enIssues(r) }))
      )
    case "Unauthorized":
      return fail(403, `角色 ${r.role} 无权执行 ${r.command}`, `role ${r.role} may not give ${r.command}`, {
        kind: "role-refused",
        ruleIds: Lifecycle.ruleIdsOf(r)
      })
    case "OutOfOrder":
      return fail(422, r.zh, r.en, { ruleIds: Lifecycle.ruleIdsOf(r), findings: [], kind: "out-of-order" })
    case "RuleViolation": {
      const errors = r.findings.filter((f) => f.severity === "error")
      return fail(422, errors.map((f) => `[${f.ruleId}] ${f.zh}`).join(";"), r.message, {
        ruleIds: r.ruleIds,
        findings: r.findings,
        kind: "rule-violation"
      })
    }
  }
}

const zhIssues = (e: InputError.InvalidInput) =>
  "指令无效:" + e.issues.map((i) => `${i.path || "(根)"}:${i.zh}`).join(";")
const enIssues = (e: InputError.InvalidInput) =>
  "invalid command: " + e.issues.map((i) => `${i.path || "(root)"}: ${i.en}`).join("; ")

const executeError = (e: { readonly _tag: string }): Effect.Effect<never, Problem.Problem> => {
  switch (e._tag) {
    case "InvalidInput":
    case "Unauthorized":
    case "OutOfOrder":
    case "RuleViolation":
      return rejectionProblem(e as Lifecycle.Rejection)
    case "VersionConflict":
      return fail(409, "项目已被同时修改,请重试", "the project changed concurrently; retry", {
        kind: "version-conflict"
      })
    case "CommandIdConflict":
      return fail(409, "该指令编号已用于另一条指令", "the command id was used for another command", {
        kind: "command-id-conflict"
      })
    default:
      return storeProblem(e)
  }
}

/** The version an `If-Match` header expects: absent, a version (`3`, `"3"`, `W/"3"`), or not a version at all. */
const expectedVersion = (header: string | undefined): number | undefined | "malformed" => {
  if (header === undefined) return undefined
  const m = /^(?:W\/)?"?(\d{1,15})"?$/.exec(header.trim())
  return m === null ? "malformed" : Number(m[1])
}

const encodeExecuted = HttpServerResponse.schemaJson(Executed)

const decodeActor = Schema.decodeUnknownEither(Schema.Struct({ actor: Actor.Actor }))

/**
 * A command is admitted (or refused with 503 while the server stops) before its body is read, and counts as in
 * flight from then until its answer is made, so that closing waits for one still being uploaded.
 */
const execute = (projectId: string) =>
  Effect.flatMap(SharedTag, (shared) =>
    shared.admit(
      runCommand(projectId),
      fail(503, "服务正在停止", "the service is stopping", { kind: "draining" })
    ))

const runCommand = (projectId: string) =>
  Effect.gen(function*() {
    const shared = yield* SharedTag
    const principal = yield* CurrentPrincipal
    const request = yield* HttpServerRequest.HttpServerRequest
    const body = yield* jsonBody(shared.limits)
    // The binding needs only the actor; the library decodes the whole command once, in `execute` (an undecodable
    // actor is decoded in full here, for the field paths of every issue).
    const actor = decodeActor(body)
    if (Either.isLeft(actor)) {
      const command = Lifecycle.decodeCommandInput(body)
      return yield* rejectionProblem(
        Either.isLeft(command) ? command.left : new InputError.InvalidInput({ subject: "Command", issues: [] })
      )
    }
    const refused = Authentication.bind(principal, actor.right.actor)
    if (refused !== undefined) return yield* fail(403, refused.zh, refused.en, { kind: "actor-binding" })
    const expected = expectedVersion(request.headers["if-match"])
    if (expected === "malformed") {
      return yield* fail(400, "If-Match 须为项目版本号", "If-Match must be a project version", {
        kind: "invalid-input",
        issues: [
          new InputError.InputIssue({ path: "if-match", zh: "须为版本号,如 3", en: "must be a version, such as 3" })
        ]
      })
    }
    const run = Effect.gen(function*() {
      if (expected !== undefined) {
        const version = yield* shared.store.streamVersion(projectId).pipe(Effect.catchAll(storeProblem))
        if (version !== expected) {
          return yield* fail(
            409,
            `项目版本为 ${version},不是 ${expected}`,
            `the project is at version ${version}, not ${expected}`,
            {
              kind: "version-conflict"
            }
          )
        }
      }
      return yield* shared.projects.execute(projectId, body).pipe(Effect.catchAll(executeError))
    })
    const done = yield* shared.serialize(projectId, committing(run))
    if (!done.duplicate) shared.committed(projectId)
    return yield* encodeExecuted({
      projectId,
      events: done.events,
      version: done.version,
      duplicate: done.duplicate,
      status: Lifecycle.status(done.state)
    }).pipe(Effect.orDie)
  })

const parseCount = (name: string, value: string | undefined, fallback: number) => {
  if (value === undefined) return Effect.succeed(fallback)
  return /^\d{1,9}$/.test(value)
    ? Effect.succeed(Number(value))
    : fail(400, `${name} 须为非负整数`, `${name} must be a non-negative integer`, {
      issues: [{ path: name, zh: "须为非负整数", en: "must be a non-negative integer" } as InputError.InputIssue]
    })
}

const events = (projectId: string, after: string | undefined, limit: string | undefined) =>
  Effect.gen(function*() {
    const shared = yield* SharedTag
    const from = yield* parseCount("after", after, 0)
    const size = Math.min(1000, Math.max(1, yield* parseCount("limit", limit, 100)))
    const version = yield* shared.store.streamVersion(projectId).pipe(Effect.catchAll(storeProblem))
    if (version === 0) {
      return yield* fail(404, `没有项目 ${projectId}`, `no project ${projectId}`, { kind: "unknown-project" })
    }
    const page = yield* Stream.page(shared.store, projectId, from, size).pipe(Effect.catchAll(storeProblem))
    const last = page.at(-1)?.position ?? from
    return EventPage.make({
      projectId,
      version,
      events: page,
      ...(last < version && page.length > 0 ? { next: last } : {})
    })
  })

const decodeDate = (name: string, value: string | undefined, fallback: () => string) => {
  const text = value ?? fallback()
  return Either.isRight(IsoDate.fromString(text)) ? Effect.succeed(IsoDate.unsafeFromString(text)) : fail(
    400,
    `${name} 须为 YYYY-MM-DD 格式的日期`,
    `${name} must be a date YYYY-MM-DD`,
    {
      issues: [
        { path: name, zh: "须为 YYYY-MM-DD 格式的日期", en: "must be a date YYYY-MM-DD" } as InputError.InputIssue
      ]
    }
  )
}

const today = () => new Date().toISOString().slice(0, 10)

/** The OCDS release package of a project's events (the publisher is the city of the parameters). @internal */
export const ocdsPackage = (
  config: Plugin.Config,
  projectId: string,
  events: ReadonlyArray<ProjectEvent.Event>,
  publishedDate: string
) =>
  Ocds.fromStream(events, {
    projectId,
    parameters: config.parameters,
    uri: `urn:gsyf:ocds:${encodeURIComponent(projectId)}`,
    publishedDate,
    publisher: { name: (config.parameters.histories.get("plan.city")?.[0]?.value as string | undefined) ?? "gsyf" }
  })

const document = (projectId: string, name: string, format: string) =>
  Effect.gen(function*() {
    const shared = yield* SharedTag
    if (!Documents.isFormat(format)) {
      return yield* fail(404, `没有 ${format} 格式`, `no format ${format} (md, html, docx, pdf)`)
    }
    const loaded = yield* loadProject(projectId)
    const doc = Documents.find({ config: shared.config, projectId, events: loaded.events, stored: loaded.stored }, name)
    if (doc === undefined) {
      return yield* fail(404, `项目 ${projectId} 没有文件 ${name}`, `project ${projectId} has no document ${name}`)
    }
    const body = yield* Documents.render(doc, format).pipe(
      Effect.catchAll(() => fail(500, "无法生成文件", "cannot render the document"))
    )
    const headers = { "content-disposition": Documents.disposition(name, doc.meta.title, format) }
    const contentType = Documents.mediaTypes[format]
    return typeof body === "string"
      ? HttpServerResponse.text(body, { contentType, headers })
      : HttpServerResponse.uint8Array(body, { contentType, headers })
  })

/** @internal */
export const layer = HttpApiBuilder.group(Api, "projects", (handlers) =>
  handlers
    .handleRaw("execute", ({ path }) => execute(path.projectId))
    .handle("state", ({ path }) =>
      Effect.map(loadProject(path.projectId), ({ state }) => ({
        projectId: path.projectId,
        version: state.version,
        status: Lifecycle.status(state),
        state: Views.toJson(state) as Record<string, unknown>
      })))
    .handle("events", ({ path, urlParams }) => events(path.projectId, urlParams.after, urlParams.limit))
    .handleRaw("stream", ({ path, urlParams }) => Stream.respond(path.projectId, urlParams.after))
    .handle("progress", ({ path, urlParams }) =>
      Effect.gen(function*() {
        const shared = yield* SharedTag
        const at = yield* decodeDate("at", urlParams.at, today)
        yield* loadProject(path.projectId)
        const progress = yield* shared.projects.progress(path.projectId, at).pipe(Effect.catchAll(storeProblem))
        return Views.toJson(progress) as ReadonlyArray<typeof QuotaProgress.Type>
      }))
    .handle("deadlines", ({ path, urlParams }) =>
      Effect.gen(function*() {
        const at = yield* decodeDate("at", urlParams.at, today)
        const { state } = yield* loadProject(path.projectId)
        return Views.deadlines(state, at)
      }))
    .handle("decisions", ({ path }) =>
      Effect.map(loadProject(path.projectId), ({ events }) =>
        Views.toJson(Explain.findDecisions(events)) as ReadonlyArray<typeof DecisionEntry.Type>))
    .handle("explain", ({ path }) =>
      Effect.gen(function*() {
        const shared = yield* SharedTag
        const { events } = yield* loadProject(path.projectId)
        const explained = Explain.decision(events, path.eventId, { index: Explain.ruleIndex(shared.config) })
        if (Either.isLeft(explained)) {
          return yield* fail(404, `无法解释事件 ${path.eventId}`, `cannot explain event ${path.eventId}`)
        }
        return Views.toJson(explained.right) as typeof Explanation.Type
      }))
    .handle("verify", ({ path }) =>
      Effect.gen(function*() {
        const shared = yield* SharedTag
        yield* loadProject(path.projectId)
        const verified = yield* shared.projects.verify(path.projectId).pipe(Effect.catchAll(storeProblem))
        return verified as typeof ChainVerification.Type
      }))
    .handle("auditTrail", ({ path }) =>
      Effect.gen(function*() {
        const shared = yield* SharedTag
        yield* loadProject(path.projectId)
        return yield* shared.projects.exportTrail(path.projectId).pipe(Effect.catchAll(storeProblem))
      }))
    .handle("ocds", ({ path }) =>
      Effect.gen(function*() {
        const shared = yield* SharedTag
        const { events, stored } = yield* loadProject(path.projectId)
        const exported = ocdsPackage(shared.config, path.projectId, events, stored.at(-1)!.recordedAt)
        if (Either.isLeft(exported)) {
          return yield* fail(500, "无法生成 OCDS 数据", "cannot build the OCDS package")
        }
        return Views.toJson(exported.right.releasePackage)
      }))
    .handle("documents", ({ path }) =>
      Effect.gen(function*() {
        const shared = yield* SharedTag
        const { events, stored } = yield* loadProject(path.projectId)
        return Documents.available({ config: shared.config, projectId: path.projectId, events, stored }).map((d) => ({
          name: d.name,
          title: d.doc.meta.title,
          formats: Documents.formats,
          href: `/projects/${encodeURIComponent(path.projectId)}/documents/${d.name}/{format}`
        }))
      }))
    .handleRaw("document", ({ path }) =>
      document(path.projectId, path.document, path.format)))
