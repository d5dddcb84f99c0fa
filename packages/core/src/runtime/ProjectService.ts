/**
 * The service a host embeds: run commands against stored projects, read their
 * state, quota progress, payments and deadlines, verify and export their audit
 * trails. It works over any {@link EventStore} adapter (memory, SQLite,
 * PostgreSQL) without a line of difference.
 *
 * @example
 * ```ts
 * import { Effect, Layer } from "effect"
 * import { EventStore, ProjectService, ReadModels } from "@gsyf/core"
 *
 * const program = Effect.gen(function*() {
 *   const projects = yield* ProjectService.ProjectService
 *   const done = yield* projects.execute("sample-city-2026", command)
 *   return done.events.map((e) => e._tag)
 * })
 * program.pipe(
 *   Effect.provide(ProjectService.layer(config).pipe(Layer.provide(EventStore.layerMemory({ projections:
 * ReadModels.projections(config) }))))
 * )
 * ```
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type * as Calendar from "../kernel/Calendar.js"
import { decodeEither, type InvalidInput } from "../kernel/InputError.js"
import type * as IsoDate from "../kernel/IsoDate.js"
import type * as Supervision from "../lifecycle/3.8-supervision/Supervision.js"
import type * as Quota from "../lifecycle/4-deliverables/Quota.js"
import * as ActorBinding from "../lifecycle/ActorBinding.js"
import * as Lifecycle from "../lifecycle/Lifecycle.js"
import { Command as CommandSchema } from "../lifecycle/ProjectCommand.js"
import type * as ProjectCommand from "../lifecycle/ProjectCommand.js"
import type { Event } from "../lifecycle/ProjectEvent.js"
import { codec } from "../lifecycle/ProjectEvent.js"
import type { Config } from "../plugin/Plugin.js"
import type * as AuditTrail from "./AuditTrail.js"
import { exportJsonl } from "./AuditTrail.js"
import * as CommandHandler from "./CommandHandler.js"
import * as EventStore from "./EventStore.js"
import type * as ReadModels from "./ReadModels.js"
import type * as SecurityLog from "./SecurityLog.js"
import * as Snapshot from "./Snapshot.js"

/**
 * The outcome of a command.
 *
 * @since 0.1.0
 * @category models
 */
export interface Executed {
  readonly events: ReadonlyArray<Event>
  readonly state: Lifecycle.State
  /** The stream version after the command. */
  readonly version: number
  /** True when the command id was already applied (nothing new was written). */
  readonly duplicate: boolean
}

/**
 * Options of one command.
 *
 * @since 0.2.0
 * @category models
 */
export interface ExecuteOptions {
  /** The party the host authenticated for this command; the command's actor is bound to it. */
  readonly principal?: ActorBinding.Principal | undefined
}

/**
 * A loaded project.
 *
 * @since 0.1.0
 * @category models
 */
export interface Loaded {
  readonly state: Lifecycle.State
  readonly events: ReadonlyArray<Event>
  readonly stored: ReadonlyArray<EventStore.StoredEvent>
}

/**
 * Errors of reading a project.
 *
 * @since 0.1.0
 * @category errors
 */
export type LoadError = EventStore.ReadError | CommandHandler.EventCodecError

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  readonly config: Config
  /**
   * Decodes, decides and appends a command; retries on concurrent writes. With `principal` (the party the host
   * authenticated, see `ActorBinding`) the command's actor must be that party, or it is refused with
   * `Unauthorized` (`actors.authenticated`) before anything else.
   */
  readonly execute: (
    projectId: string,
    command: unknown,
    options?: ExecuteOptions
  ) => Effect.Effect<Executed, Lifecycle.Rejection | CommandHandler.HandleError>
  /** The project's events and the state folded from them. */
  readonly load: (projectId: string) => Effect.Effect<Loaded, LoadError>
  /** Quota progress (done / required per item) at a date. */
  readonly progress: (projectId: string, at: IsoDate.IsoDate) => Effect.Effect<ReadonlyArray<Quota.Progress>, LoadError>
  /**
   * Monthly briefings (on time, late, missing, pending) of a sub-project at a date; fails when the calendar lacks a
   * year.
   */
  readonly briefings: (
    projectId: string,
    subProject: Lifecycle.SubProjectKey,
    asOf: IsoDate.IsoDate
  ) => Effect.Effect<ReadonlyArray<Supervision.MonthStatus>, LoadError | Calendar.CalendarYearNotCovered>
  /** Checks the hash chain of the project's audit trail. */
  readonly verify: (projectId: string) => Effect.Effect<AuditTrail.VerifyResult, EventStore.ReadError>
  /** The audit trail as JSON Lines with hashes. */
  readonly exportTrail: (projectId: string) => Effect.Effect<string, EventStore.ReadError>
  /** The project list read model (requires `ReadModels.projects` registered with the store). */
  readonly list: () => Effect.Effect<ReadonlyArray<ReadModels.ProjectDoc>, EventStore.ReadError>
  /** A read-model document by projection and key. */
  readonly readModel: (projection: string, key: string) => Effect.Effect<Option.Option<unknown>, EventStore.ReadError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class ProjectService extends Context.Tag("@gsyf/core/ProjectService")<ProjectService, Service>() {}

/**
 * Options of {@link make} and {@link layer}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * How many projects' folded states the service keeps between commands
   * (default 1,000; 0 turns the cache off). With a cached state a command reads
   * and decodes only the events appended since, instead of the whole stream;
   * appends still check the stream version, so other processes writing to the
   * same store are safe (see `CommandHandler.StateCache`).
   */
  readonly stateCacheSize?: number | undefined
  /**
   * `"refresh"` (default) writes only decisions taken on the events after the
   * cached version: read before each command, or, on PostgreSQL, returned by the
   * append itself when there are any (one statement per command);
   * `"optimistic"` decides on the cached state and lets the append's version
   * check catch a stale one (one query per command for the only writer of a
   * project). See `CommandHandler.StateCache`.
   */
  readonly stateCacheMode?: CommandHandler.CacheMode | undefined
  /**
   * `true` refuses every command given without a principal (`ExecuteOptions.principal`), so that a host cannot
   * forget to say who it authenticated. Default `false`: a command without a principal is bound only by its
   * content (see `ActorBinding`).
   */
  readonly requirePrincipal?: boolean | undefined
  /** Where refused attempts are written (see `SecurityLog`); none by default. */
  readonly securityLog?: SecurityLog.Service | undefined
  /**
   * How many events apart a project's state is snapshotted (default 500; 0 turns snapshots off). A command
   * without a cached state then reads the last snapshot and the events after it instead of the whole stream; a
   * snapshot whose chain head is not the stored one, or folded by another `Lifecycle.stateVersion`, is ignored and
   * written again (see `Snapshot`). Stores without snapshots replay as before.
   */
  readonly snapshotEvery?: number | undefined
}

const encodeCommand = Schema.encodeEither(CommandSchema)
const decodePrincipal = decodeEither(ActorBinding.Principal, "Principal")

/** Hands committed events to the configured subscribers; a subscriber's failure never undoes a command. */
const notifySubscribers = (config: Config) => (stored: ReadonlyArray<EventStore.StoredEvent>) =>
  Effect.sync(() => {
    for (const subscriber of config.subscribers) {
      for (const e of stored) {
        try {
          const result = subscriber({ streamId: e.streamId, position: e.position, type: e.type, data: e.data })
          // An asynchronous hook's later rejection would otherwise be unhandled and end the host's process (Node's
          // default), so it is caught like a synchronous failure.
          if (typeof result?.then === "function") result.then(undefined, () => {})
        } catch {
          // A subscriber's failure never undoes or blocks a committed command.
        }
      }
    }
  })

/**
 * Binds the command's actor to the authenticated principal; without one, the command passes unless the service
 * requires a principal (`actors.authenticated`).
 */
const bindPrincipal = (requirePrincipal: boolean | undefined) =>
(
  command: ProjectCommand.Command,
  principal: ActorBinding.Principal | undefined
): Either.Either<void, Lifecycle.Unauthorized | InvalidInput> => {
  if (principal !== undefined) {
    return Either.flatMap(decodePrincipal(principal), (p) => ActorBinding.bind(p, command))
  }
  if (requirePrincipal !== true) return Either.void
  return Either.left(
    new Lifecycle.Unauthorized({
      command: command._tag,
      role: `${command.actor.role}:${command.actor.id}`,
      allowed: [],
      ruleId: "actors.authenticated",
      zh: "未提供经认证的发出者,命令不予执行",
      en: "no authenticated party was given with the command"
    })
  )
}

/** Writes a refused attempt (unauthorised, or a command id reused) to the security log, when there is one. */
const recordRefusal = (log: SecurityLog.Service | undefined) =>
(
  projectId: string,
  command: ProjectCommand.Command,
  principal: ActorBinding.Principal | undefined,
  error: unknown
): Effect.Effect<void> => {
  const tag = (error as { readonly _tag?: unknown })._tag
  if (log === undefined || (tag !== "Unauthorized" && tag !== "CommandIdConflict")) return Effect.void
  const e = error as Lifecycle.Unauthorized | EventStore.CommandIdConflict
  const message = e.message.split(" / ")
  return log.record({
    kind: tag === "Unauthorized" ? "unauthorized" : "command-id-conflict",
    at: new Date().toISOString(),
    projectId,
    commandId: command.commandId,
    command: command._tag,
    actor: { id: command.actor.id, role: command.actor.role, unit: command.actor.unit },
    principal,
    ruleIds: e._tag === "Unauthorized" ? e.ruleIds : ["commands.id-reused"],
    zh: message[0] ?? e.message,
    en: message.slice(1).join(" / ") || e.message
  })
}

/** A project's whole stream, decoded and folded (no cache: what is stored, read now). */
const loadFrom = (store: EventStore.Service) => (projectId: string): Effect.Effect<Loaded, LoadError> =>
  Effect.gen(function*() {
    const stored = yield* store.readStream(projectId)
    const events: Array<Event> = []
    // decoded as the fold reaches them (and kept for the caller)
    const state = yield* CommandHandler.foldEvents(
      codec,
      stored,
      (decoded) => Lifecycle.evolveAll(Lifecycle.initialState, decoded),
      events
    )
    return { state, events, stored }
  })

/**
 * The codec of project snapshots: the lifecycle's state, versioned by `Lifecycle.stateVersion`.
 *
 * @since 0.2.0
 * @category snapshots
 */
export const snapshotCodec: Snapshot.StateCodec<Lifecycle.State> = Snapshot.structural(
  "gsyf.project",
  Lifecycle.stateVersion
)

const snapshotOptions = (every: number | undefined): Snapshot.Options<Lifecycle.State> | undefined => {
  const n = Math.floor(every ?? 500)
  return n >= 1 ? { codec: snapshotCodec, every: n } : undefined
}

/**
 * Builds the service over the event store in context.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (config: Config, options: Options = {}): Effect.Effect<Service, never, EventStore.EventStore> =>
  Effect.gen(function*() {
    const store = yield* EventStore.EventStore
    const decider = Lifecycle.decider(config)
    const provide = Effect.provideService(EventStore.EventStore, store)
    const cache = CommandHandler.makeCache({ capacity: options.stateCacheSize ?? 1000, mode: options.stateCacheMode })
    const snapshots = snapshotOptions(options.snapshotEvery)
    const current = (projectId: string) => provide(CommandHandler.load(decider, codec, projectId, { cache, snapshots }))
    const notify = notifySubscribers(config)
    const bound = bindPrincipal(options.requirePrincipal)
    const refused = recordRefusal(options.securityLog)

    return ProjectService.of({
      config,
      execute: (projectId, input, executeOptions = {}) =>
        Effect.gen(function*() {
          const command = yield* Lifecycle.decodeCommandInput(input)
          const refusal = (e: unknown) => refused(projectId, command, executeOptions.principal, e)
          yield* Effect.tapError(bound(command, executeOptions.principal), refusal)
          // The fingerprint of the decoded command in its encoded form: spellings that decode alike match.
          const commandHash = Either.getOrUndefined(
            Either.flatMap(encodeCommand(command), (encoded) => EventStore.fingerprint(encoded))
          )
          const handled = yield* provide(
            CommandHandler.handle(decider, codec, projectId, command, command.commandId, {
              cache,
              commandHash,
              snapshots
            })
          ).pipe(Effect.tapError(refusal))
          if (!handled.result.duplicate && handled.result.events.length > 0) yield* notify(handled.result.events)
          return {
            events: handled.events,
            state: handled.state,
            version: handled.result.version,
            duplicate: handled.result.duplicate
          }
        }),
      load: loadFrom(store),
      progress: (projectId, at) =>
        Effect.map(current(projectId), ({ state }) => Lifecycle.quotaProgress(config, state, at)),
      briefings: (projectId, subProject, asOf) =>
        Effect.flatMap(current(projectId), ({ state }) => Lifecycle.briefingStatus(config, state, subProject, asOf)),
      verify: (projectId) => store.verify(projectId),
      exportTrail: (projectId) => Effect.map(store.readStream(projectId), exportJsonl),
      list: () =>
        Effect.map(
          store.listReadModel("gsyf.projects"),
          (entries) => entries.map((e) => e.doc as ReadModels.ProjectDoc)
        ),
      readModel: (projection, key) => Effect.map(store.readModel(projection, key), Option.map((e) => e.doc))
    })
  })

/**
 * The service as a layer over an event store layer.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  config: Config,
  options: Options = {}
): Layer.Layer<ProjectService, never, EventStore.EventStore> => Layer.effect(ProjectService, make(config, options))
