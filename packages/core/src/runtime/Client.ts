/**
 * A plain Promise API for hosts that do not use Effect. Every method returns a
 * Promise; a rejected command resolves to `{ ok: false, rejection }` with the
 * rule ids and bilingual messages, so host code never has to catch domain
 * outcomes. Only infrastructure failures (the database is down) reject the Promise.
 *
 * @example
 * ```ts
 * import { Client, Parameter, Plugin } from "@gsyf/core"
 * import { ChinaHolidays } from "@gsyf/calendar-cn"
 * import { SqliteEventStore } from "@gsyf/store-sqlite"
 *
 * const client = await Client.make({
 *   parameters: parameterFileObject,          // what a city writes (YAML or JSON, parsed)
 *   calendar: ChinaHolidays.calendar,
 *   store: (projections) => SqliteEventStore.layer({ filename: "gsyf.db", projections })
 * })
 * const result = await client.execute("sample-city-2026", { _tag: "SubmitBudget", commandId: "c-42", actor, at })
 * if (!result.ok) console.log(result.rejection.ruleIds, result.rejection.zh)
 * await client.close()
 * ```
 *
 * @since 0.1.0
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import type * as Calendar from "../kernel/Calendar.js"
import { decode, type InputIssue } from "../kernel/InputError.js"
import * as IsoDate from "../kernel/IsoDate.js"
import type * as Quota from "../lifecycle/4-deliverables/Quota.js"
import * as Lifecycle from "../lifecycle/Lifecycle.js"
import * as Parameter from "../lifecycle/Parameter.js"
import type { Event } from "../lifecycle/ProjectEvent.js"
import * as Plugin from "../plugin/Plugin.js"
import type { Finding } from "../rules/Rule.js"
import type * as AuditTrail from "./AuditTrail.js"
import type * as EventStore from "./EventStore.js"
import * as ClientStore from "./internal/clientStore.js"
import { keyedQueue, retryConflicts } from "./internal/conflictRetry.js"
import type * as Projection from "./Projection.js"
import * as ProjectService from "./ProjectService.js"
import * as ReadModels from "./ReadModels.js"
import type * as SecurityLog from "./SecurityLog.js"

/**
 * A rejected command, flattened for non-Effect hosts.
 *
 * @since 0.1.0
 * @category models
 */
export interface RejectionInfo {
  readonly tag: Lifecycle.Rejection["_tag"]
  readonly ruleIds: ReadonlyArray<string>
  readonly zh: string
  readonly en: string
  readonly findings: ReadonlyArray<Finding>
  readonly issues: ReadonlyArray<InputIssue>
}

/**
 * @since 0.1.0
 * @category models
 */
export type ExecuteResult =
  | {
    readonly ok: true
    readonly events: ReadonlyArray<Event>
    readonly version: number
    readonly duplicate: boolean
    readonly status: Lifecycle.Status
  }
  | { readonly ok: false; readonly rejection: RejectionInfo }

/**
 * @since 0.1.0
 * @category models
 */
export interface Client {
  readonly config: Plugin.Config
  /**
   * Decodes, decides and appends a command; resolves with the new events or the rejection (never rejects for a
   * rule). `options.principal` is the party the host authenticated: the command's actor must be it (see
   * `ActorBinding`).
   */
  readonly execute: (
    projectId: string,
    command: unknown,
    options?: ProjectService.ExecuteOptions
  ) => Promise<ExecuteResult>
  /** The project's current state, folded from its events. */
  readonly state: (projectId: string) => Promise<Lifecycle.State>
  /** The project's events, oldest first. */
  readonly events: (projectId: string) => Promise<ReadonlyArray<Event>>
  /** Quota progress (done / required per item) at a date (`YYYY-MM-DD`). */
  readonly progress: (projectId: string, at: string) => Promise<ReadonlyArray<Quota.Progress>>
  /** Checks the hash chain of the project's audit trail. */
  readonly verify: (projectId: string) => Promise<AuditTrail.VerifyResult>
  /** The audit trail as JSON Lines with hashes. */
  readonly exportTrail: (projectId: string) => Promise<string>
  /** The project list read model. */
  readonly list: () => Promise<ReadonlyArray<ReadModels.ProjectDoc>>
  /** A read-model document by projection and key (`undefined` when there is none). */
  readonly readModel: (projection: string, key: string) => Promise<unknown>
  /** Releases the store and the runtime behind the client. */
  readonly close: () => Promise<void>
}

/**
 * A SQLite store by file name (install `@gsyf/store-sqlite` next to `@gsyf/core`).
 *
 * @since 0.2.0
 * @category models
 */
export interface SqliteStore {
  /** Path of the database file; created and migrated when missing (unless `readOnly`). */
  readonly sqlite: string
  /** A prefix for the store's table names (`[a-z_][a-z0-9_]*`), for a file shared with other tables. */
  readonly tablePrefix?: string | undefined
  /** Open without writing anything; a file that is not a gsyf store is refused. */
  readonly readOnly?: boolean | undefined
}

/**
 * A PostgreSQL store by URL (install `@gsyf/store-postgres` next to `@gsyf/core`).
 *
 * @since 0.2.0
 * @category models
 */
export interface PostgresStore {
  /** Connection URL, e.g. `postgres://gsyf@db.internal:5432/city`. */
  readonly postgres: string
  /** The schema that holds the store's tables (created when missing, unless `readOnly`). */
  readonly schema?: string | undefined
  /** A prefix for the store's table names (`[a-z_][a-z0-9_]*`). */
  readonly tablePrefix?: string | undefined
  /** Open without writing anything; connections are read-only. */
  readonly readOnly?: boolean | undefined
}

/**
 * How `execute` retries a command that lost a race with another writer (`VersionConflict`): it decides the command
 * again on the new state after a pause that starts at `baseDelayMs`, doubles each time, is jittered and never
 * exceeds `maxDelayMs`; after `attempts` retries the conflict rejects the Promise.
 *
 * @since 0.2.0
 * @category models
 */
export interface RetryOptions {
  /** Retries after a version conflict (default 30, at most 1,000). */
  readonly attempts?: number | undefined
  /** First pause in milliseconds (default 5). */
  readonly baseDelayMs?: number | undefined
  /** Longest pause in milliseconds (default 250). */
  readonly maxDelayMs?: number | undefined
}

/**
 * Options of {@link make}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The city's parameter file (already parsed from YAML or JSON). */
  readonly parameters: unknown
  readonly calendar: Calendar.Service
  readonly plugins?: ReadonlyArray<Plugin.Plugin> | undefined
  /**
   * The event store: `{ sqlite: file }`, `{ postgres: url, schema }`, or a function that receives the read-model
   * projections to register and returns an Effect layer (for hosts that build their own).
   */
  readonly store:
    | SqliteStore
    | PostgresStore
    | ((projections: ReadonlyArray<Projection.Any>) => Layer.Layer<EventStore.EventStore, unknown>)
  /** Retrying of version conflicts in `execute` (see {@link RetryOptions}). */
  readonly retry?: RetryOptions | undefined
  /** Refuse every command given without `options.principal` (see `ProjectService.Options`). */
  readonly requirePrincipal?: boolean | undefined
  /** Where refused attempts are written (see `SecurityLog`). */
  readonly securityLog?: SecurityLog.Service | undefined
}

/**
 * Why the store could not be opened (no such adapter, unreachable database, a file that is not a gsyf store,
 * tables in the way). `reason` is the adapter's own bilingual message.
 *
 * @since 0.2.0
 * @category errors
 */
export class StoreOpenError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly reason: string
  ) {
    super(`${en} / ${zh}: ${reason}`)
    this.name = "StoreOpenError"
  }
}

/**
 * Why a client could not be made (bad parameters or conflicting plugins).
 *
 * @since 0.1.0
 * @category errors
 */
export class ConfigurationError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly issues: ReadonlyArray<InputIssue>
  ) {
    super(`${en} / ${zh}`)
    this.name = "ConfigurationError"
  }
}

const decodeDate = decode(IsoDate.IsoDate, "date")

const describe = (r: Lifecycle.Rejection): RejectionInfo => {
  const base = { tag: r._tag, ruleIds: Lifecycle.ruleIdsOf(r) }
  switch (r._tag) {
    case "RuleViolation": {
      const errors = r.findings.filter((f) => f.severity === "error")
      return {
        ...base,
        zh: errors.map((f) => f.zh).join(";"),
        en: errors.map((f) => f.en).join("; "),
        findings: r.findings,
        issues: []
      }
    }
    case "InvalidInput":
      return {
        ...base,
        zh: r.issues.map((i) => `${i.path}:${i.zh}`).join(";"),
        en: r.issues.map((i) => `${i.path}: ${i.en}`).join("; "),
        findings: [],
        issues: r.issues
      }
    case "OutOfOrder":
      return { ...base, zh: r.zh, en: r.en, findings: [], issues: [] }
    case "Unauthorized":
      return {
        ...base,
        zh: r.zh ?? `角色 ${r.role} 无权执行 ${r.command}`,
        en: r.en ?? `role ${r.role} may not give ${r.command}`,
        findings: [],
        issues: []
      }
  }
}

const open = async (runtime: ManagedRuntime.ManagedRuntime<ProjectService.ProjectService, unknown>) => {
  const exit = await Effect.runPromiseExit(runtime.runtimeEffect)
  if (Exit.isSuccess(exit)) return
  await runtime.dispose()
  const failure = Cause.squash(exit.cause)
  const reason = failure instanceof Error ? failure.message : String(failure)
  throw new StoreOpenError("无法打开事件存储", "cannot open the event store", reason)
}

const isRejection = (e: unknown): e is Lifecycle.Rejection =>
  typeof e === "object" &&
  e !== null &&
  "_tag" in e &&
  (e._tag === "RuleViolation" || e._tag === "InvalidInput" || e._tag === "OutOfOrder" || e._tag === "Unauthorized")

/**
 * Opens a client: validates the parameters, loads the plugins, opens the store and migrates it. Rejects with
 * {@link ConfigurationError} for bad parameters or plugins and with {@link StoreOpenError} when the store cannot
 * be opened, so a client that resolves is ready to use.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = async (options: Options): Promise<Client> => {
  const parameters = Parameter.load(options.parameters)
  if (Either.isLeft(parameters)) {
    throw new ConfigurationError("参数文件无效", "invalid parameter file", parameters.left.issues)
  }
  const configured = Plugin.configure({
    parameters: parameters.right,
    calendar: options.calendar,
    plugins: options.plugins
  })
  if (Either.isLeft(configured)) {
    const e = configured.left
    throw e._tag === "InvalidInput"
      ? new ConfigurationError("插件参数无效", "invalid plugin parameters", e.issues)
      : new ConfigurationError(e.zh, e.en, [])
  }
  const config = configured.right
  const store = ClientStore.factory(options.store)(ReadModels.projections(config))
  const service = ProjectService.layer(config, {
    requirePrincipal: options.requirePrincipal,
    securityLog: options.securityLog
  })
  const runtime = ManagedRuntime.make(service.pipe(Layer.provide(store)))
  await open(runtime)
  const run = async <A, E>(effect: Effect.Effect<A, E, ProjectService.ProjectService>): Promise<A> => {
    const exit = await runtime.runPromiseExit(effect)
    if (Exit.isSuccess(exit)) return exit.value
    throw Cause.squash(exit.cause)
  }
  const svc = ProjectService.ProjectService
  const queue = keyedQueue()
  return {
    config,
    execute: async (projectId, command, executeOptions) => {
      const exit = await queue(projectId, () =>
        runtime.runPromiseExit(
          retryConflicts(Effect.flatMap(svc, (p) => p.execute(projectId, command, executeOptions)), options.retry)
        ))
      if (Exit.isSuccess(exit)) {
        const v = exit.value
        return {
          ok: true,
          events: v.events,
          version: v.version,
          duplicate: v.duplicate,
          status: Lifecycle.status(v.state)
        }
      }
      const failure = Cause.failureOption(exit.cause)
      if (Option.isSome(failure) && isRejection(failure.value)) return { ok: false, rejection: describe(failure.value) }
      throw Cause.squash(exit.cause)
    },
    state: (projectId) => run(Effect.flatMap(svc, (p) => Effect.map(p.load(projectId), (l) => l.state))),
    events: (projectId) => run(Effect.flatMap(svc, (p) => Effect.map(p.load(projectId), (l) => l.events))),
    progress: (projectId, at) =>
      run(Effect.flatMap(svc, (p) => Effect.flatMap(decodeDate(at), (date) => p.progress(projectId, date)))),
    verify: (projectId) => run(Effect.flatMap(svc, (p) => p.verify(projectId))),
    exportTrail: (projectId) => run(Effect.flatMap(svc, (p) => p.exportTrail(projectId))),
    list: () => run(Effect.flatMap(svc, (p) => p.list())),
    readModel: (projection, key) =>
      run(Effect.flatMap(svc, (p) => Effect.map(p.readModel(projection, key), Option.getOrUndefined))),
    close: () => runtime.dispose()
  }
}
