/**
 * `gsyf serve`: runs the HTTP service (`@gsyf/server`) until SIGTERM or SIGINT, then stops taking commands, lets
 * those in flight finish and closes the store. Configuration from `--config <file>`, the environment and the flags
 * (see `ServerConfig`); callers authenticate with API keys (`--api-keys <file>` of hashes) or a trusted gateway
 * (`GSYF_GATEWAY_SECRET`). Prints one JSON line when it listens (`{"event":"listening","url":…}`).
 *
 * @internal
 */
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { Authentication, Server, ServerConfig } from "@gsyf/server"
import { Either, Layer, Option, Schema } from "effect"
import { resolve } from "node:path"
import { action } from "../action.js"
import { CliError, readDataFile } from "../context.js"
import { seedPlan } from "../defaults.js"
import * as Opt from "../options.js"

const optionalText = (name: string, zh: string, en: string) =>
  Options.text(name).pipe(Options.withDescription(`${zh} / ${en}`), Options.optional)

const spec = {
  config: optionalText("config", "配置文件(YAML/JSON)", "configuration file (YAML or JSON)"),
  host: optionalText("host", "监听地址(默认 127.0.0.1)", "interface to listen on (default 127.0.0.1)"),
  port: optionalText("port", "端口(默认 8080;0 为任一空闲端口)", "port (default 8080; 0 for any free port)"),
  apiKeys: optionalText("api-keys", "API 密钥文件(仅存哈希)", "file of API keys (hashes only)"),
  maxBodyBytes: optionalText("max-body-bytes", "请求体上限(字节)", "largest request body in bytes"),
  requestTimeoutMs: optionalText("request-timeout-ms", "请求时限(毫秒)", "longest request time in milliseconds"),
  plan: Opt.plan,
  json: Opt.json,
  ...Opt.store
}

type Input = Command.Command.ParseConfig<typeof spec>

const number = (o: Option.Option<string>) => Option.getOrUndefined(Option.map(o, Number))

const flags = (input: Input): Record<string, unknown> => {
  const db = Option.getOrUndefined(input.db)
  const pg = Option.getOrUndefined(input.pg)
  const placement = {
    schema: Option.getOrUndefined(input.schema),
    tablePrefix: Option.getOrUndefined(input.tablePrefix)
  }
  return {
    host: Option.getOrUndefined(input.host),
    port: number(input.port),
    plan: Option.getOrUndefined(input.plan),
    maxBodyBytes: number(input.maxBodyBytes),
    requestTimeoutMs: number(input.requestTimeoutMs),
    store: db !== undefined
      ? { sqlite: db, ...placement }
      : pg !== undefined
      ? { postgres: pg, ...placement }
      : undefined
  }
}

const decodeConfig = Schema.decodeUnknownEither(ServerConfig.ConfigFile)
const decodeKeys = Schema.decodeUnknownEither(ServerConfig.ApiKeysFile)

const resolveConfig = (input: Input): ServerConfig.ConfigFile => {
  const file = Option.match(input.config, { onNone: () => ({}), onSome: (f) => readDataFile(f) })
  const merged = ServerConfig.merge(file as Record<string, unknown>, ServerConfig.fromEnv(process.env), flags(input))
  const keysFile = Option.getOrUndefined(input.apiKeys) ?? process.env.GSYF_API_KEYS_FILE
  if (keysFile !== undefined && keysFile !== "") {
    const keys = decodeKeys(readDataFile(keysFile))
    if (Either.isLeft(keys)) throw new CliError(`API 密钥文件 ${keysFile} 无效`, `invalid API key file ${keysFile}`)
    merged["apiKeys"] = keys.right
  }
  const config = decodeConfig(merged, { errors: "all" })
  if (Either.isLeft(config)) {
    throw new CliError(
      "服务配置无效",
      `invalid server configuration: ${config.left.message.split("\n").slice(0, 6).join(" ")}`,
      [],
      2
    )
  }
  return config.right
}

const authentication = (config: ServerConfig.ConfigFile): Layer.Layer<Authentication.Authentication> => {
  if (config.gateway !== undefined) return Authentication.gateway(config.gateway)
  if (config.apiKeys !== undefined && config.apiKeys.length > 0) return Authentication.apiKeys(config.apiKeys)
  throw new CliError(
    "没有配置认证方式:请给出 API 密钥文件(--api-keys)或网关密钥(GSYF_GATEWAY_SECRET)",
    "no authentication configured: give an API key file (--api-keys) or a gateway secret (GSYF_GATEWAY_SECRET)",
    [],
    2
  )
}

const storeOf = (config: ServerConfig.ConfigFile): Server.StoreOptions => {
  const s = config.store ?? {}
  if (s.postgres !== undefined && s.sqlite === undefined) {
    return { postgres: s.postgres, schema: s.schema, tablePrefix: s.tablePrefix }
  }
  return { sqlite: resolve(s.sqlite ?? "gsyf.db"), tablePrefix: s.tablePrefix }
}

const untilSignal = (): Promise<string> =>
  new Promise((done) => {
    const on = (signal: string) => () => {
      process.off("SIGTERM", term)
      process.off("SIGINT", int)
      done(signal)
    }
    const term = on("SIGTERM")
    const int = on("SIGINT")
    process.once("SIGTERM", term)
    process.once("SIGINT", int)
  })

const say = (entry: Record<string, unknown>) =>
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), ...entry }) + "\n")

/** @internal */
export const run = async (input: Input): Promise<number> => {
  const config = resolveConfig(input)
  const server = await Server.start({
    parameters: readDataFile(config.plan ?? seedPlan()),
    store: storeOf(config),
    authentication: authentication(config),
    host: config.host,
    port: config.port,
    maxBodyBytes: config.maxBodyBytes,
    requestTimeoutMs: config.requestTimeoutMs,
    log: config.log
  }).catch((e: unknown) => {
    if (e instanceof Server.StartError) throw new CliError(e.zh, e.en)
    throw e
  })
  say({ level: "info", event: "listening", url: server.url, port: server.port })
  const signal = await untilSignal()
  say({ level: "info", event: "stopping", signal })
  await server.close()
  say({ level: "info", event: "stopped" })
  return 0
}

/** @internal */
export const command = Command.make("serve", spec, action(run)).pipe(
  Command.withDescription("以 HTTP 服务运行(OpenAPI 见 /docs)/ run the HTTP service (OpenAPI at /docs)")
)
