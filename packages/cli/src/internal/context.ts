/** Loading what every command needs: the plan's parameters, plugins, the calendar and a store. @internal */
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { EventStore, Parameter, Plugin, Projection, ReadModels } from "@gsyf/core"
import * as ExamplePlugins from "@gsyf/example-plugins"
import { PgEventStore } from "@gsyf/store-postgres"
import { SqliteEventStore } from "@gsyf/store-sqlite"
import { Cause, Effect, Either, Exit, Layer } from "effect"
import { existsSync, readFileSync } from "node:fs"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { parse as parseYaml } from "yaml"

/** A failure the CLI reports in both languages and exits with. @internal */
export class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly details: ReadonlyArray<string> = []
  ) {
    super(en)
  }
}

/** Reads a YAML or JSON file, with clear messages for a missing or unreadable file. @internal */
export const readDataFile = (file: string): unknown => {
  const path = resolve(file)
  if (!existsSync(path)) throw new CliError(`找不到文件 ${file}`, `no such file: ${file}`)
  let text: string
  try {
    text = readFileSync(path, "utf8")
  } catch (e) {
    throw new CliError(`无法读取文件 ${file}`, `cannot read ${file}: ${String(e)}`)
  }
  try {
    return parseYaml(text)
  } catch (e) {
    throw new CliError(
      `文件 ${file} 不是有效的 YAML/JSON`,
      `${file} is not valid YAML or JSON: ${(e as Error).message}`
    )
  }
}

/** The plugins the CLI knows by name: the example packs, by manifest name and by export name. @internal */
export const knownPlugins = (): Map<string, Plugin.Plugin> => {
  const out = new Map<string, Plugin.Plugin>()
  const province = ExamplePlugins.ProvincePack.plugin
  const city = ExamplePlugins.CityPack.make()
  for (const [name, plugin] of [["ProvincePack", province], ["CityPack", city]] as const) {
    out.set(name, plugin)
    out.set(plugin.manifest.name, plugin)
  }
  return out
}

/**
 * Adds the plugins of registry modules (each exporting `registry()` returning a
 * `Map` of names to plugins, like `examples/scenarios/plugins.ts`). @internal
 */
export const loadRegistry = async (files: ReadonlyArray<string>): Promise<Map<string, Plugin.Plugin>> => {
  const plugins = knownPlugins()
  for (const file of files) {
    const path = resolve(file)
    if (!existsSync(path)) throw new CliError(`找不到插件注册文件 ${file}`, `no such plugin registry module: ${file}`)
    const mod = (await import(pathToFileURL(path).href)) as { registry?: () => ReadonlyMap<string, Plugin.Plugin> }
    if (typeof mod.registry !== "function") {
      throw new CliError(`${file} 没有导出 registry()`, `${file} does not export registry()`)
    }
    for (const [name, p] of mod.registry()) plugins.set(name, p)
  }
  return plugins
}

/** Loads and validates a parameter file, then the plugins; throws a CliError listing every problem. @internal */
export const loadConfig = (
  planFile: string,
  pluginNames: ReadonlyArray<string> = [],
  registry: ReadonlyMap<string, Plugin.Plugin> = knownPlugins()
): Plugin.Config => {
  const data = readDataFile(planFile)
  const parameters = Parameter.load(data)
  if (Either.isLeft(parameters)) {
    throw new CliError(
      `参数文件 ${planFile} 有 ${parameters.left.issues.length} 处问题`,
      `parameter file ${planFile} has ${parameters.left.issues.length} problem(s)`,
      parameters.left.issues.map((i) => `${i.path}: ${i.zh} / ${i.en}`)
    )
  }
  const plugins = pluginNames.map((name) => {
    const p = registry.get(name)
    if (p === undefined) {
      throw new CliError(
        `未知插件 ${name}`,
        `unknown plugin ${name} (known: ${[...registry.keys()].join(", ") || "none"})`
      )
    }
    return p
  })
  const configured = Plugin.configure({ parameters: parameters.right, calendar: ChinaHolidays.calendar, plugins })
  if (Either.isLeft(configured)) {
    const e = configured.left
    if (e._tag === "InvalidInput") {
      throw new CliError(
        "插件参数无效",
        "invalid plugin parameters",
        e.issues.map((i) => `${i.path}: ${i.zh} / ${i.en}`)
      )
    }
    throw new CliError(e.zh, e.en)
  }
  return configured.right
}

/** Where events are stored. @internal */
export type StoreChoice = { readonly kind: "sqlite"; readonly file: string } | {
  readonly kind: "postgres"
  readonly url: string
}

/** Chooses the store from `--db <file>` or `--pg <url>` (or `GSYF_DATABASE_URL`). @internal */
export const storeChoice = (db: string | undefined, pg: string | undefined, fallback: string): StoreChoice => {
  const url = pg ?? process.env.GSYF_DATABASE_URL
  if (url !== undefined && db === undefined) return { kind: "postgres", url }
  return { kind: "sqlite", file: resolve(db ?? fallback) }
}

/** The store layer; `mustExist` refuses to create a new SQLite file (for read-only commands). @internal */
export const storeLayer = (
  choice: StoreChoice,
  projections: ReadonlyArray<Projection.Any>,
  mustExist: boolean
): Layer.Layer<EventStore.EventStore, Layer.Layer.Error<ReturnType<typeof SqliteEventStore.layer>>> => {
  if (choice.kind === "postgres") return PgEventStore.layer({ url: choice.url, projections })
  if (mustExist && !existsSync(choice.file)) {
    return Layer.fail(new EventStore.StoreUnavailable({ reason: `no such database file: ${choice.file}` }))
  }
  return SqliteEventStore.layer({ filename: choice.file, projections })
}

/** Read models for a configuration. @internal */
export const readModels = (config: Plugin.Config) => ReadModels.projections(config)

/** Runs an effect that needs the store, turning store failures into CliErrors. @internal */
export const withStore = <A, E>(
  choice: StoreChoice,
  projections: ReadonlyArray<Projection.Any>,
  mustExist: boolean,
  effect: Effect.Effect<A, E, EventStore.EventStore>
): Promise<A> =>
  Effect.runPromiseExit(
    effect.pipe(
      Effect.provide(storeLayer(choice, projections, mustExist)),
      Effect.catchAll((e: unknown) => {
        const tagged = e as { _tag?: string; reason?: string; message?: string }
        const where = choice.kind === "sqlite" ? choice.file : choice.url.replace(/:[^:@/]*@/, ":***@")
        if (tagged._tag === "StoreUnavailable" || tagged._tag === "StoreError" || tagged._tag === "UnusableStore") {
          return Effect.fail(
            new CliError(
              `无法使用数据库 ${where}`,
              `cannot use the database ${where}: ${
                (tagged._tag === "UnusableStore" ? tagged.message : tagged.reason) ?? tagged.message ?? ""
              }`
            )
          )
        }
        return Effect.fail(e)
      })
    )
  ).then((exit) => {
    if (Exit.isSuccess(exit)) return exit.value
    throw Cause.squash(exit.cause)
  })
