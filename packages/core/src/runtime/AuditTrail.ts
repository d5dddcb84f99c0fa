/**
 * The tamper-evident audit trail of a stream: every stored event carries the
 * SHA-256 hash of its predecessor and its own hash, so changing, removing or
 * reordering one event breaks the chain from that point on.
 *
 * ## How a hash is computed
 *
 * ```
 * hash = hex(SHA-256(prevHash + canonical(body)))
 * body = { streamId, position, type, schemaVersion, commandId, recordedAt, data }
 * ```
 *
 * - `prevHash` of the first event of a stream (position 1) is {@link genesisHash}, 64 zeros;
 *   after that it is the `hash` of the event at the previous position.
 * - `canonical` is RFC 8785 (JCS) JSON: object keys sorted by UTF-16 code units,
 *   no whitespace, ECMAScript number serialisation. gsyf keeps money and other
 *   decimals as strings, so numbers in event data are integers in practice.
 * - The hash input is the UTF-8 encoding of the 64 hex characters of `prevHash`
 *   immediately followed by the canonical JSON text (no separator).
 *
 * `data` is the event as the store wrote it (`ProjectEvent.Stored`): from schema version 2 it cites the library's
 * legal bases by reference (`"lb:"` and 16 hex characters of the SHA-256 of the basis's canonical JSON; see
 * `LegalBasis`), so the hash covers the reference and the reference covers the text. Rows of version 1 hold every
 * basis whole and keep their hashes.
 *
 * From schema version 3 the fields that many events share (who acted, the legal basis, the rules evaluated) are kept
 * once, in a record the store holds beside the events: the event's `data` names it as `"$record"`, the SHA-256 (hex)
 * of the record's canonical JSON, so the hash covers the reference and the reference covers the record. {@link verify}
 * checks both links; a record that is missing or whose text no longer hashes to its reference breaks the chain at the
 * first event that names it (`record-mismatch`).
 *
 * ## Rechecking an export without gsyf
 *
 * {@link exportJsonl} writes one JSON object per line: the seven body fields
 * plus `prevHash` and `hash`, and `record` (the record's JSON) for an event whose data names one. An outside
 * auditor can recheck a file with a few
 * lines of Python (standard library only; `json.dumps(..., sort_keys=True,
 * separators=(",", ":"), ensure_ascii=False)` is JCS for data whose keys are
 * ASCII or BMP characters and whose numbers are integers, which is what gsyf stores):
 *
 * ```python
 * import hashlib, json, sys
 * heads = {}
 * for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
 *     e = json.loads(line)
 *     body = {k: e[k] for k in ("streamId", "position", "type", "schemaVersion", "commandId", "recordedAt", "data")}
 *     prev = heads.get(e["streamId"], "0" * 64)
 *     canon = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
 *     h = hashlib.sha256((prev + canon).encode("utf-8")).hexdigest()
 *     assert e["prevHash"] == prev and e["hash"] == h, f"line {n}: chain broken at position {e['position']}"
 *     if "$record" in e["data"]:
 *         rec = json.dumps(e["record"], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
 *         assert hashlib.sha256(rec.encode("utf-8")).hexdigest() == e["data"]["$record"], f"line {n}: record altered"
 *     heads[e["streamId"]] = h
 * print("ok", len(heads), "streams")
 * ```
 *
 * or, for a single stream, with `jq` and `sha256sum` (jq's `-S -c` sorts keys
 * and drops whitespace; the same caveats about keys and numbers apply):
 *
 * ```sh
 * prev=$(printf '0%.0s' $(seq 64))
 * while IFS= read -r line; do
 *   body=$(jq -S -c '{streamId,position,type,schemaVersion,commandId,recordedAt,data}' <<<"$line")
 *   h=$(printf '%s%s' "$prev" "$body" | sha256sum | cut -d' ' -f1)
 *   [ "$h" = "$(jq -r .hash <<<"$line")" ] || { echo "broken at $(jq .position <<<"$line")"; exit 1; }
 *   prev=$h
 * done < trail.jsonl; echo ok
 * ```
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import { canonicalBody, canonicalize as canonicalizeInternal, NotJson } from "./internal/canonicalJson.js"
import { recordKey } from "./internal/eventModel.js"
import { maxThreads } from "./internal/hashThreads.js"
import { type RowHasher, rowHasher } from "./internal/rowHashers.js"
import { sha256Hex } from "./internal/sha256.js"

/**
 * A plain JSON value.
 *
 * @since 0.1.0
 * @category models
 */
export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }

/**
 * The `prevHash` of the first event of every stream: 64 zeros.
 *
 * @since 0.1.0
 * @category constants
 */
export const genesisHash: string = "0".repeat(64)

/**
 * RFC 8785 canonical JSON of a plain JSON value. Throws a `TypeError` naming the
 * offending path for values that are not plain JSON (undefined, NaN, bigint,
 * class instances, cycles); use {@link canonicalizeEither} to get the problem as a value.
 *
 * @since 0.1.0
 * @category canonical json
 */
export const canonicalize = (value: unknown): string => {
  try {
    return canonicalizeInternal(value)
  } catch (e) {
    if (e instanceof NotJson) throw new TypeError(e.message)
    throw e
  }
}

/**
 * Why a value cannot be canonicalised: the path of the offending field and what was found there.
 *
 * @since 0.1.0
 * @category canonical json
 */
export interface NotJsonProblem {
  readonly path: string
  readonly what: string
}

/**
 * {@link canonicalize} returning the problem instead of throwing.
 *
 * @since 0.1.0
 * @category canonical json
 */
export const canonicalizeEither = (value: unknown): Either.Either<string, NotJsonProblem> => {
  try {
    return Either.right(canonicalizeInternal(value))
  } catch (e) {
    if (e instanceof NotJson) return Either.left({ path: e.path, what: e.what })
    if (e instanceof RangeError) return Either.left({ path: "", what: "nested too deeply" })
    throw e
  }
}

/**
 * The fields of a stored event that are hashed.
 *
 * @since 0.1.0
 * @category models
 */
export interface HashedBody {
  readonly streamId: string
  readonly position: number
  readonly type: string
  readonly schemaVersion: number
  readonly commandId: string
  readonly recordedAt: string
  readonly data: unknown
}

/**
 * A hashed body with its place in the chain.
 *
 * @since 0.1.0
 * @category models
 */
export interface ChainedEvent extends HashedBody {
  readonly prevHash: string
  readonly hash: string
  /**
   * The canonical JSON text of `data` exactly as a store holds it. When present it is
   * what {@link verify} hashes (the store's own bytes, without re-serialising `data`);
   * a row whose text was altered in the database no longer matches its hash.
   */
  readonly dataJson?: string | undefined
  /** The record the data names (`"$record"`): its reference and canonical JSON text as the store holds them. */
  readonly record?: { readonly ref: string; readonly json: string; readonly value?: unknown } | undefined
}

/**
 * The body of an event as it is hashed (only the seven hashed fields, in a fresh object).
 *
 * @since 0.1.0
 * @category hashing
 */
export const bodyOf = (event: HashedBody): HashedBody => ({
  streamId: event.streamId,
  position: event.position,
  type: event.type,
  schemaVersion: event.schemaVersion,
  commandId: event.commandId,
  recordedAt: event.recordedAt,
  data: event.data
})

/**
 * `hex(SHA-256(prevHash + canonical(body)))`.
 *
 * @since 0.1.0
 * @category hashing
 */
export const hashEvent = (prevHash: string, body: HashedBody): string => {
  const text = bodyText(body)
  return sha256Hex(prevHash + (text === undefined ? canonicalize(bodyOf(body)) : text))
}

/**
 * The canonical body written directly (the seven keys in JCS order, the data canonicalised on its own) when every
 * field has its expected type; `undefined` otherwise, and the general path (which names any problem) writes it.
 */
const bodyText = (body: HashedBody): string | undefined => {
  const { commandId, data, position, recordedAt, schemaVersion, streamId, type } = body
  if (
    typeof streamId !== "string" || typeof type !== "string" || typeof commandId !== "string" ||
    typeof recordedAt !== "string" || typeof position !== "number" || !Number.isFinite(position) ||
    typeof schemaVersion !== "number" || !Number.isFinite(schemaVersion)
  ) return undefined
  let dataJson: string
  try {
    dataJson = canonicalizeInternal(data)
  } catch {
    return undefined
  }
  return canonicalBody(streamId, position, type, schemaVersion, commandId, recordedAt, dataJson)
}

/** The hash of a decoded event, or `undefined` when its data is not plain JSON. */
const hashDecoded = (prevHash: string, e: HashedBody): string | undefined => {
  try {
    return hashEvent(prevHash, e)
  } catch {
    return undefined
  }
}

/**
 * Why a chain does not verify.
 *
 * - `position-gap`: positions of a stream do not run 1, 2, 3, … without gaps.
 * - `prev-hash-mismatch`: `prevHash` is not the hash of the previous event (or genesis).
 * - `hash-mismatch`: the stored hash is not the hash of the stored body (the event was altered).
 * - `record-mismatch`: the data names a record (`"$record"`) that is missing, or whose text does not hash to the
 *   reference (the record was altered).
 *
 * @since 0.1.0
 * @category verification
 */
export type BrokenReason = "position-gap" | "prev-hash-mismatch" | "hash-mismatch" | "record-mismatch"

/**
 * Result of {@link verify}.
 *
 * @since 0.1.0
 * @category verification
 */
export type VerifyResult =
  | { readonly ok: true; readonly count: number; readonly head: string }
  | {
    readonly ok: false
    readonly streamId: string
    readonly firstBrokenPosition: number
    readonly reason: BrokenReason
    readonly zh: string
    readonly en: string
  }

const reasonText: Record<BrokenReason, { readonly zh: string; readonly en: string }> = {
  "position-gap": { zh: "事件序号不连续", en: "positions are not consecutive" },
  "prev-hash-mismatch": { zh: "前序哈希与上一事件的哈希不符", en: "prevHash is not the hash of the previous event" },
  "hash-mismatch": { zh: "事件内容已被改动(哈希不符)", en: "event content was altered (hash mismatch)" },
  "record-mismatch": {
    zh: "事件引用的共享记录缺失或已被改动",
    en: "the record the event names is missing or was altered"
  }
}

/**
 * Options of {@link verify}.
 *
 * @since 0.2.0
 * @category verification
 */
export interface VerifyOptions {
  /**
   * Helper threads that hash stored rows (events with `dataJson`) while the calling thread reads and checks them
   * (default 0: every hash is taken on the calling thread). An integer from 0 to 16. Checking a chain does not wait
   * for the previous hash (each row's `prevHash` is compared with the stored hash of the row before), so the hashes
   * can be taken elsewhere; the outcome is the same as with none, the first broken link in the trail's order.
   *
   * The helpers are Node worker threads started on first use and shared by the process; they do not keep it alive.
   * Where they cannot be started, or a walk on the same thread is already using them, the walk hashes on the calling
   * thread. One helper pays off from a few thousand rows on a machine with a core to spare.
   */
  readonly hashThreads?: number | undefined
}

/**
 * Walks a trail and checks every link. Events of several streams may be
 * interleaved (e.g. in global order); each stream's chain is checked on its own
 * and must start at position 1. `head` is the hash of the last event checked
 * ({@link genesisHash} for an empty trail).
 *
 * Throws a `RangeError` when `options.hashThreads` is not an integer from 0 to 16.
 *
 * @since 0.1.0
 * @category verification
 */
export const verify = (events: Iterable<ChainedEvent>, options?: VerifyOptions): VerifyResult => {
  const hasher = rowHasher(hashThreadsOf(options))
  try {
    return walk(events, hasher)
  } finally {
    // a walk ended by a throwing iterator still settles what it handed to the helpers
    hasher.firstMismatch()
  }
}

const hashThreadsOf = (options: VerifyOptions | undefined): number => {
  const threads = options?.hashThreads ?? 0
  if (!Number.isInteger(threads) || threads < 0 || threads > maxThreads) {
    throw new RangeError(
      `hashThreads 应为 0 至 ${maxThreads} 的整数 / hashThreads must be an integer from 0 to ${maxThreads}, got ${
        String(threads)
      }`
    )
  }
  return threads
}

const walk = (events: Iterable<ChainedEvent>, hasher: RowHasher): VerifyResult => {
  const heads = new Map<string, { position: number; hash: string }>()
  let count = 0
  // The stream of the previous event and its head, kept in locals: a stream's events usually come together.
  let stream: string | undefined
  let position = 0
  let prevHash = genesisHash
  const records = new Set<unknown>()
  for (const e of events) {
    // Each field read once: a trail's events may come in many object shapes (a store's rows, decoded events, copies),
    // and every read of a field at a site that has seen many of them is a lookup.
    const { dataJson, hash, record, streamId } = e
    if (streamId !== stream) {
      if (stream !== undefined) heads.set(stream, { position, hash: prevHash })
      const known = heads.get(streamId)
      stream = streamId
      position = known?.position ?? 0
      prevHash = known?.hash ?? genesisHash
    }
    if (e.position !== position + 1) return settle(hasher, broken(e, position + 1, "position-gap"))
    if (e.prevHash !== prevHash) return settle(hasher, broken(e, position + 1, "prev-hash-mismatch"))
    position++
    // `position` is the event's position here, a positive integer.
    const intact = dataJson === undefined ? hashDecoded(prevHash, e) === hash : hasher.check(e, prevHash, dataJson)
    if (!intact) return settle(hasher, broken(e, position, "hash-mismatch"))
    // the reference the stored text names, read from the bytes just written
    const names = dataJson === undefined ? namesDecoded(e.data, record) : hasher.names(record?.ref)
    if (names !== "none" && (names === "other" || !recordHashes(record!, records))) {
      return settle(hasher, broken(e, position, "record-mismatch"))
    }
    prevHash = hash
    count++
  }
  // the last event's hash (the loop moves to another stream only before an event)
  return settle(hasher, { ok: true, count, head: count === 0 ? genesisHash : prevHash })
}

/**
 * The walk's outcome once every queued hash is compared: a row hashed on a helper thread whose hash differs comes
 * before the link the walk stopped at (or, for a record that does not match, is that row), so it is the first broken.
 */
const settle = (hasher: RowHasher, outcome: VerifyResult): VerifyResult => {
  const e = hasher.firstMismatch() as ChainedEvent | undefined
  return e === undefined ? outcome : broken(e, e.position, "hash-mismatch")
}

const recordPrefix = `{"${recordKey}":"`

/**
 * Whether an event carries the record its data names (`"$record"`) and the record's text hashes to that reference;
 * true for an event that names none. `checked` keeps the records found good, so that a walk hashes each distinct
 * record once.
 *
 * @since 0.2.0
 * @category verification
 */
export const recordIntact = (e: ChainedEvent, checked?: Set<unknown>): boolean => {
  const r = e.record
  const names = e.dataJson === undefined ? namesDecoded(e.data, r) : namesStored(e.dataJson, r)
  return names === "none" || (names === "it" && recordHashes(r!, checked))
}

/** Whether a record's text hashes to its reference; each record object (and reference) hashed once per walk. */
const recordHashes = (r: NonNullable<ChainedEvent["record"]>, checked: Set<unknown> | undefined): boolean => {
  if (checked !== undefined && (checked.has(r) || checked.has(r.ref))) return true
  if (sha256Hex(r.json) !== r.ref) return false
  checked?.add(r).add(r.ref)
  return true
}

/**
 * Whether stored text names no record, the record given, or another one (read in place: canonical JSON puts the key
 * first, and the reference is the text up to the next quote). Compared as slices: a slice of a flat text is a view,
 * and comparing it is one call however the two texts are stored (`startsWith` and a loop over `charCodeAt` take slow
 * paths when the text holds characters beyond Latin-1, as an event's data in Chinese does, and the part does not).
 */
const namesStored = (dataJson: string, r: ChainedEvent["record"]): "none" | "it" | "other" => {
  // a column of another type than declared is read as the text it would be hashed as
  const text = typeof dataJson === "string" ? dataJson : String(dataJson)
  const at = recordPrefix.length
  if (text.charCodeAt(2) !== 0x24 || text.slice(0, at) !== recordPrefix) return "none"
  const ref = r?.ref
  return typeof ref === "string" && text.slice(at, at + ref.length) === ref && text.charCodeAt(at + ref.length) === 0x22
    ? "it"
    : "other"
}

/** The same for decoded data. */
const namesDecoded = (data: unknown, r: ChainedEvent["record"]): "none" | "it" | "other" => {
  const ref = typeof data === "object" && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)[recordKey]
    : undefined
  return ref === undefined ? "none" : r !== undefined && r.ref === ref ? "it" : "other"
}

const broken = (e: ChainedEvent, firstBrokenPosition: number, reason: BrokenReason): VerifyResult => ({
  ok: false,
  streamId: e.streamId,
  firstBrokenPosition,
  reason,
  zh: `流 ${e.streamId} 第 ${e.position} 号事件:${reasonText[reason].zh}`,
  en: `stream ${e.streamId} position ${e.position}: ${reasonText[reason].en}`
})

/**
 * Computes `prevHash` and `hash` for consecutive bodies of one stream, starting from `prevHash`.
 *
 * @since 0.1.0
 * @category hashing
 */
export const chain = <B extends HashedBody>(
  prevHash: string,
  bodies: ReadonlyArray<B>
): Array<B & { readonly prevHash: string; readonly hash: string }> => {
  const out: Array<B & { readonly prevHash: string; readonly hash: string }> = []
  let prev = prevHash
  for (const body of bodies) {
    const hash = hashEvent(prev, body)
    out.push({ ...body, prevHash: prev, hash })
    prev = hash
  }
  return out
}

/**
 * JSON Lines export of a trail: one canonical JSON object per line with the
 * seven hashed fields plus `prevHash` and `hash`; every line ends with `\n`.
 * See the module documentation for how to recheck it with standard tools.
 *
 * @since 0.1.0
 * @category export
 */
export const exportJsonl = (events: Iterable<ChainedEvent>): string => {
  let out = ""
  for (const e of events) {
    const record = e.record === undefined ? {} : { record: JSON.parse(e.record.json) as unknown }
    out += canonicalize({ ...bodyOf(e), prevHash: e.prevHash, hash: e.hash, ...record }) + "\n"
  }
  return out
}
