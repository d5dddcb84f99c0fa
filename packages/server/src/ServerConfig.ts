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
import * as Schema from "effect/Schema"
import { ApiKey } from "./Authentication.js"

const Port = Schema.Int.pipe(Schema.between(0, 65535))
const Positive = Schema.Int.pipe(Schema.positive())

/**
 * The configuration file.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConfigFile = Schema.Struct({
  host: Schema.optional(Schema.String),
  port: Schema.optional(Port),
  plan: Schema.optional(Schema.String),
  store: Schema.optional(Schema.Struct({
    sqlite: Schema.optional(Schema.String),
    postgres: Schema.optional(Schema.String),
    schema: Schema.optional(Schema.String),
    tablePrefix: Schema.optional(Schema.String)
  })),
  apiKeys: Schema.optional(Schema.Array(ApiKey)),
  gateway: Schema.optional(Schema.Struct({ secret: Schema.String.pipe(Schema.minLength(16)) })),
  maxBodyBytes: Schema.optional(Positive),
  requestTimeoutMs: Schema.optional(Positive),
  log: Schema.optional(Schema.Literal("json", "none"))
}).annotations({ identifier: "ServerConfigFile" })

/**
 * @since 0.1.0
 * @category models
 */
export type ConfigFile = typeof ConfigFile.Type

/**
 * A file of API keys: a list of {@link ApiKey} (hashes, never keys).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ApiKeysFile = Schema.Array(ApiKey)

/**
 * The configuration from the environment (the variables of the table above).
 *
 * @since 0.1.0
 * @category sources
 */
export const fromEnv = (env: Readonly<Record<string, string | undefined>>): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== "") out[key] = value
  }
  set("host", env["GSYF_HOST"])
  set("port", env["GSYF_PORT"] === undefined ? undefined : Number(env["GSYF_PORT"]))
  set("plan", env["GSYF_PLAN"])
  if (env["GSYF_DATABASE_URL"]) out["store"] = { postgres: env["GSYF_DATABASE_URL"] }
  if (env["GSYF_GATEWAY_SECRET"]) out["gateway"] = { secret: env["GSYF_GATEWAY_SECRET"] }
  set("maxBodyBytes", env["GSYF_MAX_BODY_BYTES"] === undefined ? undefined : Number(env["GSYF_MAX_BODY_BYTES"]))
  set(
    "requestTimeoutMs",
    env["GSYF_REQUEST_TIMEOUT_MS"] === undefined ? undefined : Number(env["GSYF_REQUEST_TIMEOUT_MS"])
  )
  set("log", env["GSYF_LOG"])
  return out
}

/**
 * Merges sources, later ones winning key by key (`store` as a whole: a store named later replaces an earlier one).
 *
 * @since 0.1.0
 * @category sources
 */
export const merge = (...sources: ReadonlyArray<Record<string, unknown>>): Record<string, unknown> =>
  Object.assign({}, ...sources.map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined))))
