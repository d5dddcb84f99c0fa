/**
 * gsyf as an HTTP service: the same commands, read models, audit trail, documents and OCDS over HTTP, with an OpenAPI 3.1 description.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Who is calling the service: a port (`Authentication`) the host can replace, with two adapters.
 *
 * - {@link apiKeys}: API keys, stored only as SHA-256 hashes, each mapped to an actor id and the parties (role and
 *   organisation) it may act for. The key comes in `Authorization: Bearer <key>` or `x-api-key`.
 * - {@link gateway}: a trusted identity gateway in front of the service sets `x-gsyf-subject` (the actor id) and
 *   `x-gsyf-parties` (`role@organisation`, comma separated; organisations percent-encoded), and proves itself with
 *   a shared secret in `x-gsyf-gateway-secret`.
 *
 * Both give a {@link Principal}; the service then binds the command's actor to it ({@link bind}): the actor's id
 * must be the principal's subject and its role and organisation one of the principal's parties. The library's own
 * role check (`Lifecycle.authorize`) runs after that on the bound actor.
 *
 * @since 0.1.0
 */
export * as Authentication from "./Authentication.js"

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
export * as Problem from "./Problem.js"

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
export * as Server from "./Server.js"

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
export * as ServerApi from "./ServerApi.js"

/**
 * The configuration of `gsyf serve`, from a file (YAML or JSON), the environment and the command line; a value
 * given on the command line wins over the environment, which wins over the file.
 *
 * | file key | environment | flag |
 * |---|---|---|
 * | `host` | `GSYF_HOST` | `--host` |
 * | `port` | `GSYF_PORT` | `--port` |
 * | `plan` | `GSYF_PLAN` | `--plan` |
 * | `store.sqlite` / `store.postgres` / `store.schema` | `GSYF_DATABASE_URL` | `--db` / `--pg` / `--schema` |
 * | `apiKeys` (hashed) | `GSYF_API_KEYS_FILE` | `--api-keys` (a file) |
 * | `gateway.secret` | `GSYF_GATEWAY_SECRET` | |
 * | `maxBodyBytes`, `requestTimeoutMs` | `GSYF_MAX_BODY_BYTES`, `GSYF_REQUEST_TIMEOUT_MS` | `--max-body-bytes`, `--request-timeout-ms` |
 * | `log` (`json`, `none`) | `GSYF_LOG` | |
 *
 * @since 0.1.0
 */
export * as ServerConfig from "./ServerConfig.js"
