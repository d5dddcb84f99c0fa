/**
 * Audits a whole event store, optionally against a signed {@link Checkpoint}
 * kept outside the database and with the rebuilt read models compared to the
 * stored ones. Each problem is a finding that names the stream and position,
 * the command or the read-model key, in Chinese and English.
 *
 * What is checked:
 *
 * - every stream's hash chain (`AuditTrail`): an edited payload, timestamp or
 *   link, a deleted or moved event;
 * - every event belongs to a command row covering its position, every row to
 *   its events (edited or deleted command rows);
 * - receipts (`AuditKey`), given the public keys: a chain recomputed after an
 *   edit, a forged or edited command row, a forged append;
 * - against a checkpoint: a stream gone or cut short, a head that changed (an
 *   edit with the chain recomputed forward), changed global positions, command
 *   rows edited, deleted or added, the checkpoint's own signature; events after
 *   the checkpoint without a valid receipt when the checkpoint says appends are
 *   signed (a forged append);
 * - with `readModels: true`: every registered projection rebuilt in memory from
 *   the events and compared document by document with the stored read models
 *   (including `gsyf.audit`, the stored head of each project's chain).
 *
 * ```ts
 * const report = yield* StoreAudit.verify(store, { checkpoint, keys: [verifier], readModels: true })
 * if (!report.ok) for (const f of report.findings) console.log(f.zh, f.en)
 * ```
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as AuditKey from "./AuditKey.js"
import * as AuditTrail from "./AuditTrail.js"
import * as Checkpoint from "./Checkpoint.js"
import type * as EventStore from "./EventStore.js"
import * as findings from "./internal/findings.js"
import { type Scan, scan } from "./internal/storeScan.js"
import * as Projection from "./Projection.js"

/**
 * One problem found: its kind, what it names, and a sentence in each language.
 *
 * @since 0.2.0
 * @category models
 */
export interface Finding extends findings.Finding {}

/**
 * The kinds of findings.
 *
 * @since 0.2.0
 * @category models
 */
export type FindingKind = findings.FindingKind

/**
 * Events after the checkpoint (or all, without one) that no valid receipt covers,
 * when appends are not required to be signed: not a finding, but not attested either.
 *
 * @since 0.2.0
 * @category models
 */
export interface Unattested {
  readonly streamId: string
  readonly from: number
  readonly to: number
}

/**
 * The outcome of {@link verify}.
 *
 * @since 0.2.0
 * @category models
 */
export interface Report {
  readonly ok: boolean
  readonly streams: number
  readonly events: number
  readonly commands: number
  readonly findings: ReadonlyArray<Finding>
  readonly unattested: ReadonlyArray<Unattested>
}

/**
 * Options of {@link verify}.
 *
 * @since 0.2.0
 * @category models
 */
export interface Options {
  /** A checkpoint taken earlier and kept outside the database. */
  readonly checkpoint?: Checkpoint.Checkpoint | undefined
  /** Public keys trusted for checkpoints and receipts. */
  readonly keys?: ReadonlyArray<AuditKey.Verifier> | undefined
  /**
   * Require a valid receipt on every append not covered by the checkpoint (default: the checkpoint's `signedAppends`).
   */
  readonly requireReceipts?: boolean | undefined
  /** Rebuild every registered projection and compare it with the stored read models (default `false`). */
  readonly readModels?: boolean | undefined
  /**
   * Called as the scan goes with the events read so far and the store's total, for a progress display (the last call
   * has both equal).
   */
  readonly onProgress?: ((scanned: number, total: number) => void) | undefined
}

/**
 * Audits the store (see the module documentation).
 *
 * @since 0.2.0
 * @category verification
 */
export const verify = (
  store: EventStore.Service,
  options: Options = {}
): Effect.Effect<Report, EventStore.ReadError> =>
  Effect.gen(function*() {
    const checkpoint = options.checkpoint
    const keys = options.keys ?? []
    const out: Array<Finding> = []
    if (checkpoint !== undefined && Checkpoint.check(checkpoint, keys) !== "valid") {
      out.push(findings.finding("checkpoint-signature"))
    }
    const versions = new Map(checkpoint?.heads.map((h) => [h.streamId, h.version]) ?? [])
    const result = yield* scan(store, {
      versionsOf: (streamId) => versions.get(streamId),
      verifiers: keys.length > 0 ? keys : undefined,
      readModels: options.readModels === true,
      onProgress: options.onProgress
    })
    out.push(...result.findings)
    if (checkpoint !== undefined) out.push(...againstCheckpoint(checkpoint, result))
    const requireReceipts = options.requireReceipts ?? checkpoint?.signedAppends ?? false
    const unattested = unattestedAfter(result, versions)
    if (requireReceipts) {
      for (const u of unattested) {
        out.push(findings.finding("unattested", { streamId: u.streamId, position: u.from, toPosition: u.to }))
      }
    }
    if (options.readModels === true) out.push(...yield* compareReadModels(store, result))
    return {
      ok: out.length === 0,
      streams: result.streams.size,
      events: result.events,
      commands: result.commands.length,
      findings: out,
      unattested: requireReceipts ? [] : unattested
    }
  })

const againstCheckpoint = (checkpoint: Checkpoint.Checkpoint, result: Scan): Array<Finding> => {
  const out: Array<Finding> = []
  for (const h of checkpoint.heads) {
    const s = result.streams.get(h.streamId)
    if (s === undefined) {
      out.push(findings.finding("stream-missing", { streamId: h.streamId }))
      continue
    }
    if (s.version < h.version) {
      out.push(
        findings.finding("stream-truncated", { streamId: h.streamId, position: s.version + 1, toPosition: h.version })
      )
      continue
    }
    const at = s.at.get(h.version)
    if (at === undefined || at.head !== h.head) {
      out.push(findings.finding("history-rewritten", { streamId: h.streamId, toPosition: h.version }))
    }
    if (at !== undefined && at.globals !== h.globals) {
      out.push(findings.finding("global-order-changed", { streamId: h.streamId }))
    }
    if (at === undefined || at.commands !== h.commands || at.commandCount !== h.commandCount) {
      out.push(findings.finding("commands-changed", { streamId: h.streamId }))
    }
  }
  return out
}

/** Unreceipted positions beyond each stream's checkpointed version. */
const unattestedAfter = (result: Scan, versions: ReadonlyMap<string, number>): Array<Unattested> => {
  const out: Array<Unattested> = []
  for (const [streamId, ranges] of result.unreceipted) {
    const covered = versions.get(streamId) ?? 0
    for (const [from, to] of ranges) {
      if (to <= covered) continue
      out.push({ streamId, from: Math.max(from, covered + 1), to })
    }
  }
  return out
}

const compareReadModels = (store: EventStore.Service, result: Scan) =>
  Effect.gen(function*() {
    const out: Array<Finding> = []
    for (const p of store.projections) {
      const rebuilt = result.rebuilt.get(p.name) ?? new Map()
      const stored = yield* store.listReadModel(p.name)
      const seen = new Set<string>()
      for (const entry of stored) {
        seen.add(entry.key)
        const expected = rebuilt.get(entry.key)
        const place = { projection: p.name, key: entry.key }
        if (expected === undefined) out.push(findings.finding("read-model-extra", place))
        else if (
          expectedJson(p, result, entry.key, expected) !== canonical(entry.doc) || expected.position !== entry.position
        ) {
          out.push(findings.finding("read-model-mismatch", place))
        }
      }
      for (const key of rebuilt.keys()) {
        if (!seen.has(key)) out.push(findings.finding("read-model-missing", { projection: p.name, key }))
      }
    }
    return out
  })

/** The rebuilt document as a reader gets it: with its rows, for a projection that keeps some. */
const expectedJson = (
  p: Projection.Any,
  result: Scan,
  key: string,
  expected: { readonly json: string; readonly position: number }
): string => {
  if (p.rows === undefined) return expected.json
  const place = Projection.rowsOf(p.name, key)
  const rows = [...(result.rebuilt.get(place) ?? new Map()).entries()].map(([id, r]) => ({
    projection: place,
    key: id,
    doc: JSON.parse(r.json) as unknown,
    position: r.position
  }))
  const head = { projection: p.name, key, doc: JSON.parse(expected.json) as unknown, position: expected.position }
  return canonical(Projection.assemble(p, head, rows).doc)
}

const canonical = (doc: unknown): string => Either.getOrElse(AuditTrail.canonicalizeEither(doc), () => "")
