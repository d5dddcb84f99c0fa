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
import { Actor } from "@gsyf/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { createHash, timingSafeEqual } from "node:crypto"

/**
 * A party a principal may act for: a role of the plan and an organisation.
 *
 * @since 0.1.0
 * @category models
 */
export const Party = Schema.Struct({
  role: Actor.Role,
  organisation: Schema.String.pipe(Schema.minLength(1))
}).annotations({ identifier: "Party" })

/**
 * @since 0.1.0
 * @category models
 */
export type Party = typeof Party.Type

/**
 * An authenticated caller.
 *
 * @since 0.1.0
 * @category models
 */
export interface Principal {
  /** The actor id the caller is (commands must name it as `actor.id`). */
  readonly subject: string
  /** The parties the caller may act for. */
  readonly parties: ReadonlyArray<Party>
  /** How the caller was authenticated (`api-key`, `gateway`, or the host's own). */
  readonly method: string
}

/**
 * Why a request is not authenticated (401).
 *
 * @since 0.1.0
 * @category errors
 */
export class Unauthenticated extends Schema.TaggedError<Unauthenticated>()("Unauthenticated", {
  zh: Schema.String,
  en: Schema.String
}) {}

/**
 * The request headers an adapter reads (lower-case names).
 *
 * @since 0.1.0
 * @category models
 */
export type Headers = Readonly<Record<string, string | undefined>>

/**
 * The port: authenticates a request from its headers.
 *
 * @since 0.1.0
 * @category tags
 */
export class Authentication extends Context.Tag("@gsyf/server/Authentication")<
  Authentication,
  { readonly authenticate: (headers: Headers) => Effect.Effect<Principal, Unauthenticated> }
>() {}

/**
 * One API key as stored in the configuration: the key's SHA-256 (hex), never the key.
 *
 * @since 0.1.0
 * @category models
 */
export const ApiKey = Schema.Struct({
  /** SHA-256 of the key, 64 hex digits (see {@link hashKey}). */
  sha256: Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/)),
  subject: Schema.String.pipe(Schema.minLength(1)),
  parties: Schema.Array(Party)
}).annotations({ identifier: "ApiKey" })

/**
 * @since 0.1.0
 * @category models
 */
export type ApiKey = typeof ApiKey.Type

/**
 * The SHA-256 of a key, as {@link ApiKey} stores it.
 *
 * @since 0.1.0
 * @category keys
 */
export const hashKey = (key: string): string => createHash("sha256").update(key, "utf8").digest("hex")

const missing = new Unauthenticated({ zh: "缺少或无法识别凭据", en: "missing or unknown credentials" })

const presentedKey = (headers: Headers): string | undefined => {
  const authorization = headers["authorization"]
  if (authorization !== undefined && /^bearer\s+/i.test(authorization)) return authorization.replace(/^bearer\s+/i, "")
  return headers["x-api-key"]
}

/**
 * API keys, stored hashed.
 *
 * @since 0.1.0
 * @category layers
 */
export const apiKeys = (keys: ReadonlyArray<ApiKey>): Layer.Layer<Authentication> => {
  const byHash = new Map(keys.map((k) => [k.sha256, k]))
  return Layer.succeed(Authentication, {
    authenticate: (headers) => {
      const key = presentedKey(headers)
      const entry = key === undefined || key.length === 0 ? undefined : byHash.get(hashKey(key))
      return entry === undefined
        ? Effect.fail(missing)
        : Effect.succeed({ subject: entry.subject, parties: entry.parties, method: "api-key" })
    }
  })
}

/**
 * Options of {@link gateway}.
 *
 * @since 0.1.0
 * @category models
 */
export interface GatewayOptions {
  /** The secret the gateway sends in `x-gsyf-gateway-secret` (requests without it are refused). */
  readonly secret: string
}

const decodeParty = Schema.decodeUnknownEither(Party)

/** `role@organisation` items, comma separated; an item that does not decode fails the whole header. */
const parseParties = (header: string): Either.Either<ReadonlyArray<Party>, void> => {
  const out: Array<Party> = []
  for (const item of header.split(",").map((s) => s.trim()).filter((s) => s.length > 0)) {
    const at = item.indexOf("@")
    if (at < 0) return Either.left(undefined)
    let organisation: string
    try {
      organisation = decodeURIComponent(item.slice(at + 1))
    } catch {
      return Either.left(undefined)
    }
    const party = decodeParty({ role: item.slice(0, at), organisation })
    if (Either.isLeft(party)) return Either.left(undefined)
    out.push(party.right)
  }
  return Either.right(out)
}

const sameSecret = (given: string | undefined, secret: string): boolean => {
  if (given === undefined) return false
  const a = createHash("sha256").update(given).digest()
  const b = createHash("sha256").update(secret).digest()
  return timingSafeEqual(a, b)
}

/**
 * A trusted identity gateway's headers.
 *
 * @since 0.1.0
 * @category layers
 */
export const gateway = (options: GatewayOptions): Layer.Layer<Authentication> =>
  Layer.succeed(Authentication, {
    authenticate: (headers) => {
      const subject = headers["x-gsyf-subject"]
      if (!sameSecret(headers["x-gsyf-gateway-secret"], options.secret) || subject === undefined || subject === "") {
        return Effect.fail(missing)
      }
      const parties = parseParties(headers["x-gsyf-parties"] ?? "")
      return Either.isLeft(parties)
        ? Effect.fail(new Unauthenticated({ zh: "网关的当事方标头无效", en: "invalid x-gsyf-parties header" }))
        : Effect.succeed({ subject, parties: parties.right, method: "gateway" })
    }
  })

/**
 * Why a principal may not give a command as its actor (403), or `undefined` when it may.
 *
 * @since 0.1.0
 * @category binding
 */
export const bind = (
  principal: Principal,
  actor: Actor.Actor
): { readonly zh: string; readonly en: string } | undefined => {
  if (actor.id !== principal.subject) {
    return {
      zh: `凭据属于 ${principal.subject},不能以 ${actor.id} 的身份发出指令`,
      en: `these credentials belong to ${principal.subject} and may not act as ${actor.id}`
    }
  }
  const party = principal.parties.some((p) => p.role === actor.role && p.organisation === actor.organisation)
  return party ? undefined : {
    zh: `凭据不能代表 ${actor.organisation}(角色 ${actor.role})`,
    en: `these credentials may not act for ${actor.organisation} as ${actor.role}`
  }
}
