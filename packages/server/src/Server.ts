/**
 * Starts the HTTP service: the library (`ProjectService` over a SQLite or PostgreSQL store) behind the API of
 * `ServerApi`, with authentication (`Authentication`), a body-size and a request-time limit, a request id and a
 * JSON log line per request, the OpenAPI document at `/openapi.json` and a documentation page at `/docs`.
 *
 * ```ts
 * const server = await Server.start({
 *   parameters: cityParameterFile,
 *   store: { sqlite: "gsyf.db" },
 *   authentication: Authentication.apiKeys([{ sha256: Authentication.hashKey(key), subject: "agency-clerk", parties
 * }]),
 *   port: 8080
 * })
 * process.once("SIGTERM", () => server.close()) // in-flight commands finish first
 * ```
 *
 * @since 0.1.0
 */
import {
  HttpApiBuilder,
  HttpApiScalar,
  HttpApiSchema,
  HttpMiddleware,
  HttpServer,
  HttpServerRequest,
  HttpServerResponse,
  OpenApi
} from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { type AuditKey, EventStore, Parameter, Plugin, ProjectService, ReadModels } from "@gsyf/core"
import { PgEventStore } from "@gsyf/store-postgres"
import { SqliteEventStore } from "@gsyf/store-sqlite"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as AST from "effect/SchemaAST"
import * as Scope from "effect/Scope"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import * as Authentication from "./Authentication.js"
import { makeSignals, SharedTag } from "./internal/context.js"
import { fail, jsonLog, type Log, outer } from "./internal/http.js"
import * as Projects from "./internal/projects.js"
import * as Reference from "./internal/reference.js"
import * as Problem from "./Problem.js"
import { Api, Authenticated, documentMediaTypes } from "./ServerApi.js"

/**
 * Where the events are stored.
 *
 * @since 0.1.0
 * @category models
 */
export type StoreOptions =
  | { readonly sqlite: string; readonly tablePrefix?: string | undefined }
  | { readonly postgres: string; readonly schema?: string | undefined; readonly tablePrefix?: string | undefined }

/**
 * Options of {@link start}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The city's parameter file, parsed from YAML or JSON. */
  readonly parameters: unknown
  readonly plugins?: ReadonlyArray<Plugin.Plugin> | undefined
  readonly store: StoreOptions
  /** Who may call (`Authentication.apiKeys`, `Authentication.gateway` or the host's own layer). */
  readonly authentication: Layer.Layer<Authentication.Authentication>
  /** Interface to listen on (default `127.0.0.1`). */
  readonly host?: string | undefined
  /** Port (default 8080; 0 picks a free one). */
  readonly port?: number | undefined
  /** Largest request body in bytes (default 1 MiB); larger bodies get 413. */
  readonly maxBodyBytes?: number | undefined
  /** Longest time a request may take in milliseconds (default 30 s); then 503. Event streams are exempt. */
  readonly requestTimeoutMs?: number | undefined
  /** `json` (default): one JSON log line per request on standard output; `none`: no log. */
  readonly log?: "json" | "none" | undefined
  /** Signs a receipt for every append. */
  readonly signer?: AuditKey.Signer | undefined
  /** Public keys trusted for receipts and checkpoints by `POST /audit`. */
  readonly keys?: ReadonlyArray<AuditKey.Verifier> | undefined
  /** Longest wait for in-flight commands when closing (default 30 s). */
  readonly drainTimeoutMs?: number | undefined
}

/**
 * A running server.
 *
 * @since 0.1.0
 * @category models
 */
export interface Running {
  /** `http://host:port`. */
  readonly url: string
  readonly port: number
  /** Stops taking commands, waits for those in flight, closes the streams and the store. */
  readonly close: () => Promise<void>
}

/**
 * Why the server could not start (bad parameters, a store that cannot be opened, a port in use).
 *
 * @since 0.1.0
 * @category errors
 */
export class StartError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`${en} / ${zh}`)
    this.name = "StartError"
  }
}

/**
 * The OpenAPI 3.1 document of the API.
 *
 * @since 0.1.0
 * @category openapi
 */
export const openApi = (): OpenApi.OpenAPISpec => {
  const spec = JSON.parse(
    // Two repairs of the generated text: component names may hold only letters, digits, `.`, `-` and `_` (the
    // library's identifiers hold `/` and `@`), and the `$id` Effect gives to `unknown` and `object` schemas is
    // the same at every use, which makes the document ambiguous.
    JSON.stringify(
      OpenApi.fromApi(Api),
      (key, value: unknown) =>
        key === "$id" && typeof value === "string" && value.startsWith("/schemas/") ? undefined : value
    ).replace(/@gsyf(?:\/|~1)([a-z-]+)(?:\/|~1)([A-Za-z]+)/g, "gsyf.$1.$2")
  ) as OpenApi.OpenAPISpec
  // Every error status answers with its problem (the generator keeps one media type per status).
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item as Record<string, { responses?: Record<string, any> }>)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const name = problemNames[status]
        if (name === undefined) continue
        response.content = { "application/problem+json": { schema: { $ref: `#/components/schemas/${name}` } } }
      }
    }
  }
  // A document answers in the media type of its format (the generator keeps one).
  const document = (spec.paths as Record<string, any>)["/projects/{projectId}/documents/{document}/{format}"]?.get
  if (document !== undefined) {
    document.responses["200"].content = Object.fromEntries(
      Object.values(documentMediaTypes).map((t) => [t, { schema: { type: "string", format: "binary" } }])
    )
  }
  return spec
}

const problemNames: Record<string, string> = Object.fromEntries(
  Problem.all.map((
    p
  ) => [String(HttpApiSchema.getStatusError(p)), String(AST.getIdentifierAnnotation(p.ast).pipe(Option.getOrThrow))])
)

const openApiRoute = HttpApiBuilder.Router.use((router) =>
  Effect.gen(function*() {
    const document = openApi()
    yield* router.get("/openapi.json", Effect.sync(() => HttpServerResponse.unsafeJson(document)))
  })
)

const configure = (options: Options): Plugin.Config => {
  const parameters = Parameter.load(options.parameters)
  if (Either.isLeft(parameters)) {
    throw new StartError(
      "参数文件无效:" + parameters.left.issues.map((i) => `${i.path}:${i.zh}`).join(";"),
      "invalid parameter file: " + parameters.left.issues.map((i) => `${i.path}: ${i.en}`).join("; ")
    )
  }
  const configured = Plugin.configure({
    parameters: parameters.right,
    calendar: ChinaHolidays.calendar,
    plugins: options.plugins
  })
  if (Either.isLeft(configured)) throw new StartError("插件配置无效", `invalid plugins: ${configured.left.message}`)
  return configured.right
}

const storeLayer = (options: Options, config: Plugin.Config) => {
  const common = { projections: ReadModels.projections(config), signer: options.signer }
  const s = options.store
  return "sqlite" in s
    ? SqliteEventStore.layer({ filename: s.sqlite, tablePrefix: s.tablePrefix, ...common })
    : PgEventStore.layer({ url: s.postgres, schema: s.schema, tablePrefix: s.tablePrefix, ...common })
}

// The first non-empty message along an error's causes: `@effect/platform`'s `ServeError` has an empty message and
// carries the listen error (EADDRINUSE, EACCES…) as its `cause`.
const reasonOf = (e: unknown, depth = 0): string => {
  const o = (typeof e === "object" && e !== null ? e : {}) as { readonly message?: unknown; readonly cause?: unknown }
  if (typeof o.message === "string" && o.message.length > 0) return o.message
  if (o.cause !== undefined && o.cause !== e && depth < 5) return reasonOf(o.cause, depth + 1)
  const text = String(e)
  return text === "[object Object]" || text === "" ? "unknown error" : text
}

/**
 * Starts the server; resolves when it listens.
 *
 * @since 0.1.0
 * @category constructors
 */
export const start = async (options: Options): Promise<Running> => {
  const config = configure(options)
  const signals = makeSignals()
  const limits = {
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000
  }
  const log: Log = options.log === "none" ? () => {} : jsonLog
  const server = createServer()
  const shared = Layer.effect(
    SharedTag,
    Effect.gen(function*() {
      const projects = yield* ProjectService.ProjectService
      const store = yield* EventStore.EventStore
      return { config, projects, store, limits, keys: options.keys ?? [], ...signals }
    })
  )
  const library = ProjectService.layer(config).pipe(Layer.provideMerge(storeLayer(options, config)))
  const authenticated = Layer.effect(
    Authenticated,
    Effect.map(Authentication.Authentication, (auth) =>
      Effect.gen(function*() {
        const request = yield* HttpServerRequest.HttpServerRequest
        return yield* auth.authenticate(request.headers).pipe(
          Effect.catchAll((e) => fail(401, e.zh, e.en, { kind: "unauthenticated" }))
        )
      }) as never)
  ).pipe(Layer.provide(options.authentication))
  const api = HttpApiBuilder.api(Api).pipe(
    Layer.provide([Projects.layer, Reference.referenceLayer, Reference.auditLayer, Reference.operationsLayer]),
    Layer.provide(authenticated),
    Layer.provide(shared),
    Layer.provide(library)
  )
  // the documentation routes are added to the router before the app is made from it
  const app = HttpApiBuilder.httpApp.pipe(
    Effect.map((httpApp) => HttpServer.serve(outer(limits, log)(httpApp))),
    Layer.unwrapEffect,
    // No span per request: nothing exports them, and the request id and log line already trace a request.
    HttpMiddleware.withTracerDisabledWhen(() => true),
    Layer.provide(Layer.mergeAll(HttpApiScalar.layer({ path: "/docs" }), openApiRoute)),
    Layer.provide(api),
    Layer.provide([HttpApiBuilder.Router.Live, HttpApiBuilder.Middleware.layer]),
    Layer.provide(NodeHttpServer.layer(() => server, { port: options.port ?? 8080, host: options.host ?? "127.0.0.1" }))
  )
  const scope = Effect.runSync(Scope.make())
  const built = await Effect.runPromiseExit(Layer.buildWithScope(app, scope))
  if (Exit.isFailure(built)) {
    await Effect.runPromise(Scope.close(scope, Exit.void))
    throw new StartError(
      "无法启动服务",
      `cannot start the service: ${reasonOf(Cause.squash(built.cause)).split("\n")[0]}`
    )
  }
  const address = server.address() as AddressInfo
  const host = options.host ?? "127.0.0.1"
  let closing: Promise<void> | undefined
  const close = async () => {
    signals.startDraining()
    const deadline = Date.now() + (options.drainTimeoutMs ?? 30_000)
    while (signals.inFlightCount() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
    server.closeIdleConnections()
    setTimeout(() => server.closeAllConnections(), 1000).unref()
    await Effect.runPromise(Scope.close(scope, Exit.void))
  }
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`,
    port: address.port,
    close: () => (closing ??= close())
  }
}
