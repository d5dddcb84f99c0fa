/**
 * Signed checkpoints of a whole event store, as verifiable logs publish signed
 * tree heads (RFC 9162 §4.10): the head of every stream (its version, the hash
 * of its last event, a digest of its events' global positions and a digest of its
 * command rows), a Merkle tree hash (RFC 9162 §2.1) over those heads, and an
 * Ed25519 signature by the host's {@link AuditKey}.
 *
 * A checkpoint is kept **outside** the database (a file on another machine, a
 * write-once bucket, a message to the auditor: see {@link toFile} and
 * {@link Sink}). Whoever can rewrite the database cannot rewrite the checkpoint,
 * so `StoreAudit.verify` against it finds a truncated stream, a deleted stream, a
 * chain recomputed after an edit, changed global positions and edited, deleted
 * or added command rows among what the checkpoint covers; receipts (see
 * `AuditKey`) cover the appends made after it.
 *
 * ```ts
 * const checkpoint = yield* Checkpoint.take(store, signer)
 * yield* Checkpoint.write(checkpoint, [Checkpoint.toFile("/mnt/audit/checkpoints")])
 * ```
 *
 * The file is canonical JSON (RFC 8785); the signature is over the canonical
 * JSON of every field but `signature`.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { randomBytes } from "node:crypto"
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises"
import { join } from "node:path"
import * as InputError from "../kernel/InputError.js"
import * as AuditKey from "./AuditKey.js"
import * as AuditTrail from "./AuditTrail.js"
import type * as EventStore from "./EventStore.js"
import type { Finding } from "./internal/findings.js"
import * as merkle from "./internal/merkle.js"
import { scan } from "./internal/storeScan.js"

const Hex64 = Schema.String.pipe(
  Schema.pattern(/^[0-9a-f]{64}$/, InputError.bilingual("须为 64 位十六进制数", "must be 64 hexadecimal digits"))
)
const Count = Schema.Int.pipe(
  Schema.between(0, Number.MAX_SAFE_INTEGER, InputError.bilingual("须为非负整数", "must be a non-negative integer"))
)

/**
 * One stream in a checkpoint.
 *
 * @since 0.2.0
 * @category models
 */
export const StreamHead = Schema.Struct({
  streamId: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200)),
  /** The stream's version (its last position). */
  version: Count,
  /** Hash of the event at `version`. */
  head: Hex64,
  /** SHA-256 over the global positions of events 1…version, each followed by a newline. */
  globals: Hex64,
  /** SHA-256 over the canonical lines of the stream's command rows that end at or before `version`. */
  commands: Hex64,
  commandCount: Count
})

/**
 * @since 0.2.0
 * @category models
 */
export interface StreamHead extends Schema.Schema.Type<typeof StreamHead> {}

/**
 * A signed checkpoint.
 *
 * @since 0.2.0
 * @category models
 */
export const Checkpoint = Schema.Struct({
  format: Schema.Literal("gsyf-checkpoint/1"),
  /** When it was taken (ISO instant). */
  createdAt: Schema.String.pipe(Schema.maxLength(40)),
  /** The key that signed it (see `AuditKey.Signer`). */
  keyId: Schema.String.pipe(Schema.pattern(/^[0-9a-f]{32}$/)),
  /** Whether every append after this checkpoint must carry a valid receipt. */
  signedAppends: Schema.Boolean,
  streams: Count,
  events: Count,
  commands: Count,
  /** RFC 9162 Merkle tree hash over the canonical JSON of each head, ordered by stream id. */
  root: Hex64,
  heads: Schema.Array(StreamHead).pipe(Schema.maxItems(10_000_000)),
  /** Base64 Ed25519 signature over the canonical JSON of the other fields. */
  signature: Schema.String.pipe(Schema.maxLength(200))
})

/**
 * @since 0.2.0
 * @category models
 */
export interface Checkpoint extends Schema.Schema.Type<typeof Checkpoint> {}

/**
 * The store could not be checkpointed because its own audit found problems:
 * a checkpoint would otherwise sign a tampered store.
 *
 * @since 0.2.0
 * @category errors
 */
export class CheckpointRefused extends Schema.TaggedError<CheckpointRefused>()("CheckpointRefused", {
  findings: Schema.Array(Schema.Struct({ kind: Schema.String, zh: Schema.String, en: Schema.String }))
}) {
  /** The first findings in Chinese and English. */
  override get message(): string {
    const first = this.findings.slice(0, 3)
    return `存储未通过核验,不签署检查点:${first.map((f) => f.zh).join(";")} / ` +
      `the store does not verify, no checkpoint signed: ${first.map((f) => f.en).join("; ")}`
  }
}

const leafOf = (head: StreamHead) => merkle.leafHash(AuditTrail.canonicalize(head))

const unsigned = (c: Omit<Checkpoint, "signature">): string => {
  const { signature: _, ...rest } = c as Checkpoint
  return AuditTrail.canonicalize(rest)
}

/**
 * Options of {@link take}.
 *
 * @since 0.2.0
 * @category models
 */
export interface TakeOptions {
  /**
   * Whether appends after this checkpoint must carry receipts (default: whether
   * the store signs appends with the same key, `store.receiptKeyId === signer.keyId`).
   */
  readonly signedAppends?: boolean | undefined
  /** Further keys whose receipts are accepted (older keys after a rotation). */
  readonly previousKeys?: ReadonlyArray<AuditKey.Verifier> | undefined
}

/**
 * Reads the whole store, audits it (hash chains, command rows, receipts) and
 * signs a checkpoint of it. Refuses with {@link CheckpointRefused} when the audit
 * finds anything.
 *
 * @since 0.2.0
 * @category checkpoints
 */
export const take = (
  store: EventStore.Service,
  signer: AuditKey.Signer,
  options: TakeOptions = {}
): Effect.Effect<Checkpoint, EventStore.ReadError | CheckpointRefused> =>
  Effect.gen(function*() {
    const own = Either.getOrThrow(AuditKey.verifier(signer.publicKeyPem))
    const result = yield* scan(store, { verifiers: [own, ...(options.previousKeys ?? [])] })
    if (result.findings.length > 0) return yield* new CheckpointRefused({ findings: result.findings.map(brief) })
    const heads: Array<StreamHead> = [...result.streams.values()]
      .map((s) => ({ streamId: s.streamId, ...s.at.get(s.version)! }))
      .sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0))
    const body: Omit<Checkpoint, "signature"> = {
      format: "gsyf-checkpoint/1",
      createdAt: new Date().toISOString(),
      keyId: signer.keyId,
      signedAppends: options.signedAppends ?? store.receiptKeyId === signer.keyId,
      streams: heads.length,
      events: result.events,
      commands: result.commands.length,
      root: merkle.root(heads.map(leafOf)),
      heads
    }
    return { ...body, signature: signer.sign(unsigned(body)) }
  })

const brief = (f: Finding) => ({ kind: f.kind, zh: f.zh, en: f.en })

/**
 * Whether the checkpoint is signed by one of the keys and its root matches its heads.
 *
 * @since 0.2.0
 * @category checkpoints
 */
export const check = (
  checkpoint: Checkpoint,
  verifiers: ReadonlyArray<AuditKey.Verifier>
): "valid" | "invalid" | "unknown-key" => {
  const v = verifiers.find((x) => x.keyId === checkpoint.keyId)
  if (v === undefined) return "unknown-key"
  if (merkle.root(checkpoint.heads.map(leafOf)) !== checkpoint.root) return "invalid"
  return v.verify(unsigned(checkpoint), checkpoint.signature) ? "valid" : "invalid"
}

/**
 * The audit path of one stream's head in the checkpoint's Merkle tree (RFC 9162
 * §2.1.3), so that one project's head can be shown to be in a signed checkpoint
 * without showing the others. `undefined` when the stream is not in it.
 *
 * @since 0.2.0
 * @category proofs
 */
export const inclusionProof = (
  checkpoint: Checkpoint,
  streamId: string
): { readonly head: StreamHead; readonly index: number; readonly proof: ReadonlyArray<string> } | undefined => {
  const index = checkpoint.heads.findIndex((h) => h.streamId === streamId)
  if (index < 0) return undefined
  return { head: checkpoint.heads[index]!, index, proof: merkle.inclusionProof(checkpoint.heads.map(leafOf), index) }
}

/**
 * Checks an audit path from {@link inclusionProof} against a checkpoint's root and size.
 *
 * @since 0.2.0
 * @category proofs
 */
export const verifyInclusion = (
  head: StreamHead,
  index: number,
  proof: ReadonlyArray<string>,
  root: string,
  size: number
): boolean => merkle.verifyInclusion(leafOf(head), index, size, proof, root)

// -----------------------------------------------------------------------------
// files and sinks
// -----------------------------------------------------------------------------

/**
 * The checkpoint as a file's text: canonical JSON and a newline.
 *
 * @since 0.2.0
 * @category encoding
 */
export const encode = (checkpoint: Checkpoint): string => AuditTrail.canonicalize(checkpoint) + "\n"

/**
 * Decodes a checkpoint (parsed JSON or the text of a file) with bilingual errors naming the field.
 *
 * @since 0.2.0
 * @category encoding
 */
export const decode = (input: unknown): Either.Either<Checkpoint, InputError.InvalidInput> => {
  if (typeof input === "string") {
    try {
      return decode(JSON.parse(input))
    } catch {
      return Either.left(InputError.single("Checkpoint", "", "不是 JSON 文本", "not JSON text"))
    }
  }
  return InputError.decodeEither(Checkpoint, "Checkpoint")(input)
}

/**
 * Where checkpoints go: any effect that keeps the text somewhere the database's
 * writers cannot reach.
 *
 * @since 0.2.0
 * @category sinks
 */
export type Sink<E = never> = (checkpoint: Checkpoint, text: string) => Effect.Effect<void, E>

/**
 * A checkpoint could not be written to a sink.
 *
 * @since 0.2.0
 * @category errors
 */
export class SinkFailed
  extends Schema.TaggedError<SinkFailed>()("SinkFailed", { target: Schema.String, reason: Schema.String })
{
  /** The target and the reason in Chinese and English. */
  override get message(): string {
    return `检查点无法写入 ${this.target} / cannot write the checkpoint to ${this.target}: ${this.reason}`
  }
}

/**
 * A sink writing each checkpoint to its own file in a folder (created if
 * missing): `checkpoint-<createdAt>-<root prefix>.json`, written to a temporary
 * name and renamed, so a reader never sees half a file.
 *
 * @since 0.2.0
 * @category sinks
 */
export const toFile = (folder: string): Sink<SinkFailed> => (checkpoint, text) =>
  Effect.tryPromise({
    try: async () => {
      await mkdir(folder, { recursive: true })
      const name = `checkpoint-${checkpoint.createdAt.replace(/[:.]/g, "-")}-${checkpoint.root.slice(0, 12)}.json`
      const temp = join(folder, `.${name}.${randomBytes(6).toString("hex")}.tmp`)
      await writeFile(temp, text, { flag: "wx" })
      await rename(temp, join(folder, name))
    },
    catch: (e) => new SinkFailed({ target: folder, reason: e instanceof Error ? e.message : String(e) })
  })

/**
 * Writes a checkpoint to every sink (in order; the first failure stops).
 *
 * @since 0.2.0
 * @category sinks
 */
export const write = <E>(checkpoint: Checkpoint, sinks: ReadonlyArray<Sink<E>>): Effect.Effect<void, E> => {
  const text = encode(checkpoint)
  return Effect.forEach(sinks, (sink) => sink(checkpoint, text), { discard: true })
}

/**
 * Reads and decodes a checkpoint file.
 *
 * @since 0.2.0
 * @category encoding
 */
export const load = (path: string): Effect.Effect<Checkpoint, InputError.InvalidInput> =>
  Effect.flatMap(
    Effect.tryPromise({
      // A device or a pipe (`/dev/zero`) is never read: it would be read without end.
      try: () =>
        stat(path).then((st) => {
          if (!st.isFile()) throw new Error("not a regular file")
          return readFile(path, "utf8")
        }),
      catch: () =>
        InputError.single("Checkpoint", "", `无法读取检查点文件 ${path}`, `cannot read the checkpoint file ${path}`)
    }),
    (text) => decode(text)
  )
