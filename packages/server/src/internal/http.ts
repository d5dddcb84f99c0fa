/** Request ids, problems, bodies and the outer middleware (limits, logs, last-resort problems). @internal */
import { HttpServerRequest, HttpServerResponse } from "@effect/platform"
import type { HttpApp } from "@effect/platform"
import { NodeHttpServerRequest } from "@effect/platform-node"
import { InputError } from "@gsyf/core"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Option from "effect/Option"
import { randomUUID } from "node:crypto"
import type { IncomingMessage } from "node:http"
import * as Problem from "../Problem.js"
import { duplicateKey } from "./duplicateKeys.js"

/** The id of the current request. @internal */
export const currentRequestId = FiberRef.unsafeMake<string>("")

/** The path of the current request. @internal */
export const currentPath = FiberRef.unsafeMake<string>("")

/**
 * Whether the current request has begun writing: from then on the request-time limit no longer cuts it (it runs
 * to its end and answers what happened). One cell per request, set by the outer middleware. @internal
 */
export const currentCommit = FiberRef.unsafeMake<{ started: boolean }>({ started: false })

/**
 * Runs a write that must not be cut: uninterruptible, and exempt from the request-time limit once begun. @internal
 */
export const committing = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.uninterruptible(Effect.flatMap(FiberRef.get(currentCommit), (cell) => {
    cell.started = true
    return effect
  }))

/** A problem with the request id and path filled in. @internal */
export const problem = (
  status: Problem.Status,
  zh: string,
  en: string,
  extra: Problem.Extra = {}
): Effect.Effect<Problem.Problem> => withRequest(Problem.make(status, zh, en, extra))

/** Adds the request id and path to a problem. @internal */
export const withRequest = (p: Problem.Problem): Effect.Effect<Problem.Problem> =>
  Effect.map(
    Effect.all([FiberRef.get(currentRequestId), FiberRef.get(currentPath)]),
    ([requestId, instance]) => ({ ...p, requestId, instance })
  )

/** Fails with a problem. @internal */
export const fail = <S extends Problem.Status>(
  status: S,
  zh: string,
  en: string,
  extra: Problem.Extra = {}
): Effect.Effect<never, Extract<Problem.Problem, { readonly status: S }>> =>
  Effect.flatMap(
    problem(status, zh, en, extra),
    (p) => Effect.fail(p as Extract<Problem.Problem, { readonly status: S }>)
  )

/** Limits of the outer middleware. @internal */
export interface Limits {
  readonly maxBodyBytes: number
  readonly requestTimeoutMs: number
}

/** The body of a request as JSON, within the size limit; 413 and 400 problems otherwise. @internal */
export const jsonBody = (
  limits: Limits
): Effect.Effect<unknown, Problem.Problem, HttpServerRequest.HttpServerRequest> =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    // A body sent as a form or as text (what a browser sends cross-site without asking first) is not a command.
    const declared = request.headers["content-type"]
    if (declared !== undefined && !isJsonMediaType(declared)) {
      return yield* fail(
        400,
        "请求体须为 JSON(content-type: application/json)",
        "the body must be JSON (content-type: application/json)",
        {
          kind: "unsupported-media-type",
          issues: [
            new InputError.InputIssue({
              path: "content-type",
              zh: "须为 application/json",
              en: "must be application/json"
            })
          ]
        }
      )
    }
    const text = yield* readText(NodeHttpServerRequest.toIncomingMessage(request), limits.maxBodyBytes).pipe(
      Effect.catchAll((e): Effect.Effect<never, Problem.Problem> =>
        e === "not-utf8"
          ? fail(400, "请求体不是有效的 UTF-8 文本", "the body is not valid UTF-8", { kind: "invalid-json" })
          : fail(413, `请求体超过 ${limits.maxBodyBytes} 字节`, `body larger than ${limits.maxBodyBytes} bytes`)
      )
    )
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return yield* fail(400, "请求体不是有效的 JSON", "the body is not valid JSON", { kind: "invalid-json" })
    }
    const duplicated = duplicateKey(text)
    if (duplicated !== undefined) {
      return yield* fail(400, `请求体中 ${duplicated} 重复出现`, `${duplicated} appears twice in the body`, {
        kind: "invalid-json",
        issues: [
          new InputError.InputIssue({
            path: duplicated,
            zh: "同一对象中的字段名重复",
            en: "the same name twice in one object"
          })
        ]
      })
    }
    return body
  })

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true })

/** `application/json` or a `+json` type, with any parameters (`; charset=utf-8`). */
const isJsonMediaType = (header: string): boolean => {
  const type = header.split(";")[0]!.trim().toLowerCase()
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type)
}

/**
 * Reads a request body of at most `maxBytes`. Given up (too large, or the request cut by its time limit), the rest
 * of the body is read and dropped rather than the socket destroyed, so that the problem still reaches the client.
 */
const readText = (message: IncomingMessage, maxBytes: number) =>
  Effect.async<string, "too-large" | "not-utf8">((resume) => {
    const chunks: Array<Buffer> = []
    let size = 0
    const stop = () => {
      message.off("data", onData)
      message.off("end", onEnd)
      message.resume()
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) return void chunks.push(chunk)
      stop()
      resume(Effect.fail("too-large"))
    }
    const onEnd = () => {
      stop()
      // bytes that are not UTF-8 are refused, not replaced with U+FFFD and stored as something never sent
      try {
        resume(Effect.succeed(utf8.decode(Buffer.concat(chunks))))
      } catch {
        resume(Effect.fail("not-utf8"))
      }
    }
    message.on("data", onData)
    message.on("end", onEnd)
    return Effect.sync(stop)
  })

const problemResponse = (p: Problem.Problem) =>
  HttpServerResponse.unsafeJson(p, { status: p.status, contentType: "application/problem+json" })

const sane = /^[A-Za-z0-9._:-]{1,100}$/

/** Structured log lines (JSON, one per line) or none. @internal */
export type Log = (entry: Record<string, unknown>) => void

/** A JSON line on standard output. @internal */
export const jsonLog: Log = (entry) => {
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), ...entry }) + "\n")
}

/**
 * The request-time limit: a 503 problem once the limit has passed, unless the request has begun writing (then it
 * is let finish, so that its answer says what was written). Only the response is timed, not a stream's body.
 */
const deadline = (limits: Limits) =>
  Effect.sleep(Duration.millis(limits.requestTimeoutMs)).pipe(
    Effect.zipRight(FiberRef.get(currentCommit)),
    Effect.flatMap((cell) =>
      cell.started
        ? Effect.never
        : Effect.fail(Problem.make(503, "请求超时", "the request took too long", { kind: "request-timeout" }))
    )
  )

const lastResort = (cause: Cause.Cause<unknown>): Problem.Problem => {
  const failure = Cause.failureOption(cause)
  const e = Option.getOrUndefined(failure) as { readonly _tag?: string } | undefined
  if (e !== undefined && Problem.isProblem(e)) return e
  if (e?._tag === "RouteNotFound") return Problem.make(404, "没有这个地址", "no such route")
  if (Cause.isInterruptedOnly(cause)) return Problem.make(503, "服务正在停止", "the service is stopping")
  return Problem.make(500, "内部错误", "internal error")
}

/**
 * The outer middleware: a request id (the caller's `x-request-id` when it is sane), the body-size limit on the
 * declared length, the request-time limit, a problem for anything the API did not answer, and a log line.
 * @internal
 */
export const outer = (limits: Limits, log: Log) => <R>(app: HttpApp.Default<never, R>): HttpApp.Default<never, R> =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const given = request.headers["x-request-id"]
    const requestId = given !== undefined && sane.test(given) ? given : randomUUID()
    const path = request.url.split("?")[0] ?? request.url
    const started = Date.now()
    const declared = Number(request.headers["content-length"] ?? "0")
    const run: Effect.Effect<HttpServerResponse.HttpServerResponse, never, R | HttpServerRequest.HttpServerRequest> =
      declared > limits.maxBodyBytes
        ? Effect.succeed(problemResponse(
          Problem.make(413, `请求体超过 ${limits.maxBodyBytes} 字节`, `body larger than ${limits.maxBodyBytes} bytes`)
        ))
        // interruptible: the server runs the outer app uninterruptibly, and the loser of the race must be cut
        : Effect.interruptible(Effect.raceFirst(app, deadline(limits))).pipe(
          Effect.catchAllCause((cause) => Effect.succeed(problemResponse(lastResort(cause)))),
          Effect.locally(currentCommit, { started: false })
        )
    const response = yield* run.pipe(
      Effect.map((r) =>
        r.status === 404 && r.body._tag === "Empty"
          ? problemResponse(Problem.make(404, "没有这个地址", "no such route"))
          : r
      ),
      Effect.flatMap((r) =>
        r.status >= 400 && r.headers["content-type"] === "application/problem+json" && r.body._tag === "Uint8Array"
          ? Effect.succeed(withId(r, requestId, path))
          : Effect.succeed(r)
      ),
      Effect.locally(currentRequestId, requestId),
      Effect.locally(currentPath, path)
    )
    log({
      level: response.status >= 500 ? "error" : response.status >= 400 ? "warn" : "info",
      requestId,
      method: request.method,
      path,
      status: response.status,
      ms: Date.now() - started
    })
    return HttpServerResponse.setHeader(response, "x-request-id", requestId)
  })

/** Fills in the request id and path of a problem that was made without them. */
const withId = (
  r: HttpServerResponse.HttpServerResponse,
  requestId: string,
  path: string
): HttpServerResponse.HttpServerResponse => {
  if (r.body._tag !== "Uint8Array") return r
  try {
    const p = JSON.parse(new TextDecoder().decode(r.body.body)) as Record<string, unknown>
    if (p["requestId"] !== undefined && p["requestId"] !== "") return r
    return HttpServerResponse.unsafeJson({ ...p, requestId, instance: p["instance"] || path }, {
      status: r.status,
      headers: r.headers,
      contentType: "application/problem+json"
    })
  } catch {
    return r
  }
}
