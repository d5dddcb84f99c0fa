/** Loading what every command needs: the plan's parameters, plugins, the calendar and a store. @internal */
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { EventStore, Parameter, Plugin, Projection, ReadModels } from "@gsyf/core"
import * as ExamplePlugins from "@gsyf/example-plugins"
import { PgEventStore } from "@gsyf/store-postgres"
import { SqliteEventStore } from "@gsyf/store-sqlite"
import { Cause, Effect, Either, Exit, Layer, Option } from "effect"
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs"
import { register } from "node:module"
import { basename, dirname, join, resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { parse as parseYaml } from "yaml"

/** A failure the CLI reports in both languages and exits with. @internal */
export class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly details: ReadonlyArray<{ readonly zh: string; readonly en: string }> = [],
    /** The exit code (1: the work failed; 2: the command line itself is wrong). */
    readonly code: number = 1
  ) {
    super(en)
  }
}

/** The default limit on a parameter or data file the command line reads, in MB. @internal */
export const defaultMaxFileMegabytes = 10

/**
 * The largest parameter or data file the command line reads, in bytes: `GSYF_MAX_FILE_MB` (a whole number of
 * MB from 1 to 1024), or {@link defaultMaxFileMegabytes}. Any other value of the variable is refused. @internal
 */
export const maxFileBytes = (): number => {
  const raw = process.env["GSYF_MAX_FILE_MB"]
  if (raw === undefined || raw.trim() === "") return defaultMaxFileMegabytes * 1024 * 1024
  const mb = /^\d{1,4}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN
  if (!(mb >= 1 && mb <= 1024)) {
    throw new CliError(
      "环境变量 GSYF_MAX_FILE_MB 应为 1 至 1024 之间的整数(单位 MB)",
      "GSYF_MAX_FILE_MB must be a whole number of MB from 1 to 1024",
      [],
      2
    )
  }
  return mb * 1024 * 1024
}

/**
 * Reads a YAML or JSON file within {@link maxFileBytes}, with aliases limited; a problem names the file and the
 * line and column, never the file's text. @internal
 */
export const readDataFile = (file: string): unknown => {
  const path = resolve(file)
  if (!existsSync(path)) throw new CliError(`找不到文件 ${file}`, `no such file: ${file}`)
  const limit = maxFileBytes()
  const text = readBoundedText(file, limit, () =>
    new CliError(
      `文件 ${file} 超过 ${limit / 1024 / 1024} MB(可用环境变量 GSYF_MAX_FILE_MB 调整)`,
      `${file} is larger than ${limit / 1024 / 1024} MB (GSYF_MAX_FILE_MB)`
    ))
  try {
    return parseYaml(text, { maxAliasCount: 100 })
  } catch (e) {
    const at = (e as { readonly linePos?: ReadonlyArray<{ readonly line: number; readonly col: number }> }).linePos?.[0]
    const where = at === undefined ? "" : `:${at.line}:${at.col}`
    throw new CliError(`文件 ${file}${where} 不是有效的 YAML/JSON`, `${file}${where} is not valid YAML or JSON`)
  }
}

/**
 * Reads a regular file of at most `maxBytes` bytes as UTF-8 text. A device, a pipe or a folder is refused before
 * anything is read (its size says nothing: `/dev/zero` has size 0 and never ends), a file that grows while read
 * stops at the limit, and bytes that are not UTF-8 are refused rather than replaced. @internal
 */
export const readBoundedText = (file: string, maxBytes: number, tooLarge: () => CliError): string => {
  const path = resolve(file)
  const notRegular = () =>
    new CliError(`${file} 不是普通文件(设备、管道或文件夹)`, `${file} is not a regular file (a device, pipe or folder)`)
  let fd: number
  try {
    const st = statSync(path)
    if (!st.isFile()) throw notRegular()
    if (st.size > maxBytes) throw tooLarge()
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (e) {
    if (e instanceof CliError) throw e
    throw new CliError(`无法读取文件 ${file}`, `cannot read ${file}`)
  }
  try {
    if (!fstatSync(fd).isFile()) throw notRegular()
    const chunks: Array<Buffer> = []
    let total = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024)
      const n = readSync(fd, chunk, 0, chunk.length, null)
      if (n === 0) break
      total += n
      if (total > maxBytes) throw tooLarge()
      chunks.push(chunk.subarray(0, n))
    }
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks, total))
    } catch {
      throw new CliError(`${file} 不是有效的 UTF-8 文本`, `${file} is not valid UTF-8 text`)
    }
  } catch (e) {
    if (e instanceof CliError) throw e
    throw new CliError(`无法读取文件 ${file}`, `cannot read ${file}`)
  } finally {
    closeSync(fd)
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

let fallbackRegistered = false

/**
 * Lets a plugin module import gsyf (and effect) when the folder it lives in has no `node_modules` of its own, as with
 * a global install (`npm install -g @gsyf/cli`) or `npx @gsyf/cli`: a bare `@gsyf/…` or `effect` specifier that
 * does not resolve from the module is resolved from the command line's own installation. A module whose folder
 * has these packages keeps its own. @internal
 */
const registerFallbackResolution = (): void => {
  if (fallbackRegistered || typeof register !== "function") return
  fallbackRegistered = true
  const from = JSON.stringify(import.meta.url)
  const hooks = `export async function resolve(specifier, context, next) {
  try { return await next(specifier, context) } catch (e) {
    if (e && e.code === "ERR_MODULE_NOT_FOUND" && /^(@gsyf\\/|effect(\\/|$))/.test(specifier) && context.parentURL !== ${from}) {
      return next(specifier, { ...context, parentURL: ${from} })
    }
    throw e
  }
}`
  try {
    register(`data:text/javascript,${encodeURIComponent(hooks)}`)
  } catch {
    // no module hooks here: the plugin module must then find the packages from its own folder
  }
}

/**
 * Imports a plugin module: `.js`/`.mjs` as they are; `.ts`/`.mts` as they are where the runtime strips types (tsx,
 * vitest), else with the types stripped by esbuild into a temporary `.mjs` beside the source (so its own imports
 * resolve from the same folder), removed once loaded. @internal
 */
export const importModule = async (
  path: string,
  options: { readonly native?: boolean; readonly fresh?: boolean } = {}
): Promise<unknown> => {
  registerFallbackResolution()
  const url = pathToFileURL(path).href
  // a fresh import (`gsyf test --watch` after a change) gets its own URL, so the module is read again
  if (!/\.m?ts$/.test(path)) return import(options.fresh === true ? `${url}?t=${Date.now()}` : url)
  if (options.native !== false && options.fresh !== true) {
    try {
      return await import(url)
    } catch (e) {
      if ((e as { readonly code?: unknown }).code !== "ERR_UNKNOWN_FILE_EXTENSION") throw e
    }
  }
  const { transform } = await import("esbuild")
  const stripped = await transform(readFileSync(path, "utf8"), {
    loader: "ts",
    format: "esm",
    target: "node20",
    sourcefile: basename(path)
  }).catch(() => {
    throw new CliError(`插件文件 ${basename(path)} 不是有效的 TypeScript`, `${basename(path)} is not valid TypeScript`)
  })
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.mjs`)
  try {
    writeFileSync(temporary, stripped.code)
  } catch {
    throw new CliError(
      `无法在 ${dirname(path)} 写入临时文件,请先将 ${basename(path)} 编译为 .js`,
      `cannot write a temporary file in ${dirname(path)}: compile ${basename(path)} to .js first`
    )
  }
  try {
    return await import(pathToFileURL(temporary).href)
  } finally {
    rmSync(temporary, { force: true })
  }
}

/**
 * Adds the plugins of registry modules (each exporting `registry()` returning a
 * `Map` of names to plugins, like `examples/scenarios/plugins.ts`). @internal
 */
export const loadRegistry = async (
  files: ReadonlyArray<string>,
  options: { readonly fresh?: boolean } = {}
): Promise<Map<string, Plugin.Plugin>> => {
  const plugins = knownPlugins()
  for (const file of files) {
    const path = resolve(file)
    if (!existsSync(path)) throw new CliError(`找不到插件注册文件 ${file}`, `no such plugin registry module: ${file}`)
    const mod = (await importModule(path, { fresh: options.fresh === true })) as {
      registry?: () => ReadonlyMap<string, Plugin.Plugin>
    }
    if (typeof mod.registry !== "function") {
      throw new CliError(`${file} 没有导出 registry()`, `${file} does not export registry()`)
    }
    for (const [name, p] of mod.registry()) plugins.set(name, p)
  }
  return plugins
}

/** `--plugins a,b` as a list of names. @internal */
export const pluginNames = (option: Option.Option<string>): ReadonlyArray<string> =>
  Option.getOrElse(option, () => "").split(",").map((s) => s.trim()).filter((s) => s.length > 0)

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
      parameters.left.issues.map((i) => ({ zh: `${i.path}:${i.zh}`, en: `${i.path}: ${i.en}` }))
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
        e.issues.map((i) => ({ zh: `${i.path}:${i.zh}`, en: `${i.path}: ${i.en}` }))
      )
    }
    throw new CliError(e.zh, e.en)
  }
  return configured.right
}

/** Where events are stored, and where the store's tables are. @internal */
export type StoreChoice =
  & (
    | { readonly kind: "sqlite"; readonly file: string }
    | { readonly kind: "postgres"; readonly url: string }
  )
  & { readonly schema?: string | undefined; readonly tablePrefix?: string | undefined }

/** The store options of a command line, as parsed. @internal */
export interface StoreFlags {
  readonly db?: string | undefined
  readonly pg?: string | undefined
  readonly schema?: string | undefined
  readonly tablePrefix?: string | undefined
}

/** Chooses the store from `--db <file>` or `--pg <url>` (or `GSYF_DATABASE_URL`). @internal */
export const storeChoice = (flags: StoreFlags, fallback: string): StoreChoice => {
  const url = flags.pg ?? (process.env.GSYF_DATABASE_URL || undefined)
  const placement = { schema: flags.schema, tablePrefix: flags.tablePrefix }
  if (url !== undefined && flags.db === undefined) return { kind: "postgres", url, ...placement }
  if (flags.schema !== undefined) {
    throw new CliError("--schema 仅适用于 PostgreSQL(--pg)", "--schema applies to PostgreSQL (--pg) only")
  }
  return { kind: "sqlite", file: resolve(flags.db ?? fallback), ...placement }
}

/** Where a store is, for messages (a PostgreSQL password is never shown). @internal */
export const describeStore = (choice: StoreChoice): string =>
  choice.kind === "sqlite" ? choice.file : choice.url.replace(/:[^:@/]*@/, ":***@")

/**
 * The store layer. `readOnly` (every command but `demo`) opens without writing anything: no file, table or WAL
 * switch is created, and a file or database that holds no gsyf store is refused. @internal
 */
export const storeLayer = (
  choice: StoreChoice,
  projections: ReadonlyArray<Projection.Any>,
  readOnly: boolean
): Layer.Layer<EventStore.EventStore, Layer.Layer.Error<ReturnType<typeof SqliteEventStore.layer>>> => {
  const common = { projections, readOnly, tablePrefix: choice.tablePrefix }
  if (choice.kind === "postgres") return PgEventStore.layer({ url: choice.url, schema: choice.schema, ...common })
  return SqliteEventStore.layer({ filename: choice.file, ...common })
}

/** Read models for a configuration. @internal */
export const readModels = (config: Plugin.Config) => ReadModels.projections(config)

const halves = (message: string): { readonly zh: string; readonly en: string } => {
  const cut = message.indexOf(" / ")
  return cut < 0 ? { zh: message, en: message } : { zh: message.slice(0, cut), en: message.slice(cut + 3) }
}

/** A store failure as a CliError: Chinese, then English. @internal */
export const storeFailure = (choice: StoreChoice, e: unknown): CliError | undefined => {
  const tagged = e as { readonly _tag?: string; readonly reason?: string; readonly message?: string }
  const where = describeStore(choice)
  if (tagged._tag === "UnusableStore") {
    const m = halves(tagged.message ?? "")
    return new CliError(`无法使用数据库 ${where}:${m.zh}`, `cannot use the database ${where}: ${m.en}`)
  }
  if (tagged._tag === "StoreUnavailable" || tagged._tag === "StoreError") {
    return new CliError(`无法使用数据库 ${where}`, `cannot use the database ${where}: ${tagged.reason ?? ""}`)
  }
  return undefined
}

/** Runs an effect that needs the store, turning store failures into CliErrors. @internal */
export const withStore = <A, E>(
  choice: StoreChoice,
  projections: ReadonlyArray<Projection.Any>,
  readOnly: boolean,
  effect: Effect.Effect<A, E, EventStore.EventStore>
): Promise<A> =>
  Effect.runPromiseExit(
    effect.pipe(
      Effect.provide(storeLayer(choice, projections, readOnly)),
      Effect.catchAll((e: unknown) => Effect.fail(storeFailure(choice, e) ?? e))
    )
  ).then((exit) => {
    if (Exit.isSuccess(exit)) return exit.value
    throw Cause.squash(exit.cause)
  })
