/**
 * The host's audit key: an Ed25519 key pair (`node:crypto`) whose private half
 * the host keeps outside the database (a file readable only by the application,
 * a secrets manager, an HSM-backed signer). With it gsyf signs
 *
 * - **receipts**: one signature per append, stored in the command row, over the
 *   stream, the command id, the command's fingerprint, its positions and the hash
 *   of its last event (the promise, like a certificate log's signed timestamp,
 *   that this command was appended by a holder of the key);
 * - **checkpoints** (see `Checkpoint`): signed heads of every stream and of the
 *   whole store, kept outside the database.
 *
 * Someone who can write to the database but does not hold the key can change
 * rows and recompute hash chains, but cannot make a receipt or a checkpoint that
 * verifies, so `StoreAudit.verify` finds the change. The public key is all a
 * verifier needs.
 *
 * ```ts
 * const { privateKeyPem, publicKeyPem } = AuditKey.generate()
 * const signer = Either.getOrThrow(AuditKey.signer(privateKeyPem))
 * const StoreLive = SqliteEventStore.layer({ filename, projections, signer })
 * ```
 *
 * @since 0.2.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify
} from "node:crypto"
import * as AuditTrail from "./AuditTrail.js"

/**
 * A key that cannot be used: not PEM, not Ed25519, or a public key where the private one is needed.
 *
 * @since 0.2.0
 * @category errors
 */
export class InvalidKey extends Schema.TaggedError<InvalidKey>()("InvalidKey", {
  reason: Schema.String
}) {
  /** The problem in Chinese and English. */
  override get message(): string {
    return `审计密钥无法使用 / unusable audit key: ${this.reason}`
  }
}

/**
 * Signs with the host's private key. `keyId` names the key pair in receipts and
 * checkpoints (32 hex digits of the SHA-256 of the raw public key).
 *
 * @since 0.2.0
 * @category models
 */
export interface Signer {
  /** 32 hex digits naming the key pair. */
  readonly keyId: string
  /** The public half, to give to verifiers. */
  readonly publicKeyPem: string
  /** Base64 Ed25519 signature of the UTF-8 text. */
  readonly sign: (message: string) => string
}

/**
 * Checks signatures made with one key pair.
 *
 * @since 0.2.0
 * @category models
 */
export interface Verifier {
  readonly keyId: string
  /** Whether the base64 signature is this key's Ed25519 signature of the UTF-8 text. */
  readonly verify: (message: string, signature: string) => boolean
}

/**
 * A new Ed25519 key pair as PEM text (PKCS#8 private key, SPKI public key).
 *
 * @since 0.2.0
 * @category keys
 */
export const generate = (): { readonly privateKeyPem: string; readonly publicKeyPem: string } => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519")
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString()
  }
}

const keyIdOf = (publicKey: KeyObject): string => {
  // The SPKI DER of an Ed25519 key is a 12-byte header followed by the 32-byte key.
  const raw = publicKey.export({ type: "spki", format: "der" }).subarray(12)
  return createHash("sha256").update(raw).digest("hex").slice(0, 32)
}

const ed25519 = (key: KeyObject, expected: "private" | "public"): Either.Either<KeyObject, InvalidKey> => {
  if (key.asymmetricKeyType !== "ed25519") {
    return Either.left(new InvalidKey({ reason: `不是 Ed25519 密钥 / not an Ed25519 key (${key.asymmetricKeyType})` }))
  }
  if (key.type !== expected) {
    return Either.left(
      new InvalidKey({ reason: `须为${expected === "private" ? "私钥" : "公钥"} / a ${expected} key is needed` })
    )
  }
  return Either.right(key)
}

const load = <A>(f: () => A): Either.Either<A, InvalidKey> => {
  try {
    return Either.right(f())
  } catch {
    return Either.left(new InvalidKey({ reason: "无法读取的 PEM 密钥 / unreadable PEM key" }))
  }
}

/**
 * A signer from the private key (PEM text or a `KeyObject`).
 *
 * @since 0.2.0
 * @category keys
 */
export const signer = (privateKey: string | KeyObject): Either.Either<Signer, InvalidKey> =>
  Either.flatMap(
    load(() => (typeof privateKey === "string" ? createPrivateKey(privateKey) : privateKey)),
    (key) =>
      Either.map(ed25519(key, "private"), (k) => {
        const publicKey = createPublicKey(k)
        return {
          keyId: keyIdOf(publicKey),
          publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
          sign: (message) => sign(null, Buffer.from(message, "utf8"), k).toString("base64")
        }
      })
  )

/**
 * A verifier from the public key (PEM text or a `KeyObject`; a private key is accepted too).
 *
 * @since 0.2.0
 * @category keys
 */
export const verifier = (publicKey: string | KeyObject): Either.Either<Verifier, InvalidKey> =>
  Either.flatMap(load(() => createPublicKey(publicKey)), (key) =>
    Either.map(ed25519(key, "public"), (k) => ({
      keyId: keyIdOf(k),
      verify: (message, signature) => {
        try {
          return verify(null, Buffer.from(message, "utf8"), k, Buffer.from(signature, "base64"))
        } catch {
          return false
        }
      }
    })))

// -----------------------------------------------------------------------------
// receipts
// -----------------------------------------------------------------------------

/**
 * What a receipt signs: the command's place in its stream and the hash of its
 * last event (which chains every event of the stream up to it).
 *
 * @since 0.2.0
 * @category receipts
 */
export interface ReceiptFields {
  readonly streamId: string
  readonly commandId: string
  /** The command's fingerprint (see `EventStore.AppendOptions`). */
  readonly commandHash: string
  readonly first: number
  readonly last: number
  /** Hash of the event at `last`. */
  readonly head: string
}

/**
 * The signed text of a receipt: canonical JSON of the fields with `v: "gsyf-receipt/1"`.
 *
 * @since 0.2.0
 * @category receipts
 */
export const receiptMessage = (fields: ReceiptFields): string =>
  AuditTrail.canonicalize({
    v: "gsyf-receipt/1",
    streamId: fields.streamId,
    commandId: fields.commandId,
    commandHash: fields.commandHash,
    first: fields.first,
    last: fields.last,
    head: fields.head
  })

/**
 * A receipt as stored: `<keyId>:<base64 signature>`.
 *
 * @since 0.2.0
 * @category receipts
 */
export const signReceipt = (signer: Signer, fields: ReceiptFields): string =>
  `${signer.keyId}:${signer.sign(receiptMessage(fields))}`

/**
 * Whether a stored receipt is a valid signature of the fields by one of the
 * given keys: `"valid"`, `"invalid"` (wrong signature or malformed), or
 * `"unknown-key"` (signed by a key the verifier was not given).
 *
 * @since 0.2.0
 * @category receipts
 */
export const checkReceipt = (
  verifiers: ReadonlyArray<Verifier>,
  fields: ReceiptFields,
  receipt: string
): "valid" | "invalid" | "unknown-key" => {
  const colon = receipt.indexOf(":")
  if (colon <= 0) return "invalid"
  const keyId = receipt.slice(0, colon)
  const v = verifiers.find((x) => x.keyId === keyId)
  if (v === undefined) return "unknown-key"
  return v.verify(receiptMessage(fields), receipt.slice(colon + 1)) ? "valid" : "invalid"
}
