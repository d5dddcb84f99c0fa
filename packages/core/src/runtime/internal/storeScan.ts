/**
 * One pass over a whole store for checkpoints and audits: the command rows
 * first, then every event in global order. Checks each stream's hash chain,
 * that every event belongs to a command row that covers it, the receipts, and
 * collects per stream what a checkpoint records (version, head, digests of the
 * global positions and of the command rows) at the versions asked for.
 *
 * @internal
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { createHash, type Hash } from "node:crypto"
import * as AuditKey from "../AuditKey.js"
import * as AuditTrail from "../AuditTrail.js"
import type * as EventStore from "../EventStore.js"
import * as Projection from "../Projection.js"
import { type Finding, finding } from "./findings.js"

/** What the scan records of a stream at one version. */
export interface HeadAt {
  readonly version: number
  readonly head: string
  readonly globals: string
  readonly commands: string
  readonly commandCount: number
}

/** A stream as scanned. */
export interface ScannedStream {
  readonly streamId: string
  /** Highest position seen. */
  readonly version: number
  readonly head: string
  /** The stream at `version` and at the version the caller asked about, when reached. */
  readonly at: ReadonlyMap<number, HeadAt>
}

/** The outcome of a scan. */
export interface Scan {
  readonly streams: ReadonlyMap<string, ScannedStream>
  readonly events: number
  readonly commands: ReadonlyArray<EventStore.CommandRecord>
  readonly findings: ReadonlyArray<Finding>
  /** Per stream, positions not covered by a command row with a valid receipt (first, last), in order. */
  readonly unreceipted: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>
  /**
   * Read models rebuilt from the events, per projection and per place of a projection's rows
   * (`Projection.rowsOf`): key → canonical JSON and position.
   */
  readonly rebuilt: ReadonlyMap<string, ReadonlyMap<string, { readonly json: string; readonly position: number }>>
}

/** What to scan for. */
export interface ScanOptions {
  /** Versions at which to record each stream's head and digests (from a checkpoint). */
  readonly versionsOf?: ((streamId: string) => number | undefined) | undefined
  /** Keys that may have signed receipts; without them receipts are not checked. */
  readonly verifiers?: ReadonlyArray<AuditKey.Verifier> | undefined
  /** Rebuild every registered projection in memory. */
  readonly readModels?: boolean | undefined
  /** Called after each page of events with the events scanned so far and the store's total (for a progress bar). */
  readonly onProgress?: ((scanned: number, total: number) => void) | undefined
}

/** The canonical line of a command row in a stream's command digest. */
const commandLine = (c: EventStore.CommandRecord) =>
  AuditTrail.canonicalize([c.commandId, c.first, c.last, c.commandHash ?? null, c.receipt ?? null])

/** SHA-256 over the command rows of a stream whose last position is at most `version`, in position order. */
export const commandsDigest = (
  rows: ReadonlyArray<EventStore.CommandRecord>,
  version: number
): { readonly digest: string; readonly count: number } => {
  const h = createHash("sha256")
  let count = 0
  for (const c of rows) {
    if (c.last > version) continue
    h.update(commandLine(c) + "\n", "utf8")
    count++
  }
  return { digest: h.digest("hex"), count }
}

interface StreamState {
  position: number
  hash: string
  broken: boolean
  readonly globals: Hash
  readonly at: Map<number, HeadAt>
  readonly rows: ReadonlyArray<EventStore.CommandRecord>
  readonly byId: ReadonlyMap<string, EventStore.CommandRecord>
  readonly byLast: ReadonlyMap<number, EventStore.CommandRecord>
  readonly seen: Map<EventStore.CommandRecord, number>
  readonly unreceipted: Array<[number, number]>
  /** The records found intact (each hashed once). */
  readonly records: Set<unknown>
}

const byStream = (commands: ReadonlyArray<EventStore.CommandRecord>) => {
  const out = new Map<string, Array<EventStore.CommandRecord>>()
  for (const c of commands) {
    let rows = out.get(c.streamId)
    if (rows === undefined) out.set(c.streamId, rows = [])
    rows.push(c)
  }
  for (const rows of out.values()) rows.sort((a, b) => a.first - b.first)
  return out
}

const newState = (rows: ReadonlyArray<EventStore.CommandRecord>): StreamState => ({
  position: 0,
  hash: AuditTrail.genesisHash,
  broken: false,
  globals: createHash("sha256"),
  at: new Map(),
  rows,
  byId: new Map(rows.map((c) => [c.commandId, c])),
  byLast: new Map(rows.map((c) => [c.last, c])),
  seen: new Map(),
  unreceipted: [],
  records: new Set()
})

const chainReason = (
  state: StreamState,
  e: EventStore.StoredEvent
): AuditTrail.BrokenReason | undefined => {
  if (e.position !== state.position + 1) return "position-gap"
  if (e.prevHash !== state.hash) return "prev-hash-mismatch"
  try {
    if (AuditTrail.hashEvent(state.hash, e) !== e.hash) return "hash-mismatch"
  } catch {
    return "hash-mismatch"
  }
  return AuditTrail.recordIntact(e, state.records) ? undefined : "record-mismatch"
}

const headAt = (state: StreamState, version: number, head: string): HeadAt => {
  const { count, digest } = commandsDigest(state.rows, version)
  return { version, head, globals: state.globals.copy().digest("hex"), commands: digest, commandCount: count }
}

const markUnreceipted = (state: StreamState, from: number, to: number) => {
  const last = state.unreceipted[state.unreceipted.length - 1]
  if (last !== undefined && last[1] === from - 1) last[1] = to
  else state.unreceipted.push([from, to])
}

/** Checks the receipt of the command row ending at this event, if any. */
const checkReceiptAt = (
  state: StreamState,
  e: EventStore.StoredEvent,
  verifiers: ReadonlyArray<AuditKey.Verifier> | undefined,
  findings: Array<Finding>
) => {
  const row = state.byLast.get(e.position)
  if (row === undefined || row.commandId !== e.commandId) return
  if (row.receipt === undefined || row.commandHash === undefined || verifiers === undefined) {
    markUnreceipted(state, row.first, row.last)
    return
  }
  const fields = { ...row, commandHash: row.commandHash, head: e.hash }
  const verdict = AuditKey.checkReceipt(verifiers, fields, row.receipt)
  if (verdict === "valid") return
  markUnreceipted(state, row.first, row.last)
  findings.push(
    verdict === "invalid"
      ? finding("receipt-invalid", { streamId: row.streamId, position: row.first, commandId: row.commandId })
      : finding("receipt-unknown-key", { streamId: row.streamId, position: row.first, commandId: row.commandId })
  )
}

/** What a scan accumulates while it reads. */
interface Scanning {
  readonly states: Map<string, StreamState>
  readonly rowsOf: ReadonlyMap<string, ReadonlyArray<EventStore.CommandRecord>>
  readonly findings: Array<Finding>
  /** Events whose command row was not in the listing (looked up again at the end). */
  readonly missing: Array<EventStore.StoredEvent>
  events: number
}

const checkChain = (scanning: Scanning, state: StreamState, e: EventStore.StoredEvent) => {
  if (state.broken) return
  const reason = chainReason(state, e)
  if (reason === undefined) return
  state.broken = true
  const position = reason === "position-gap" ? state.position + 1 : e.position
  scanning.findings.push(finding("chain", { streamId: e.streamId, position, reason }))
}

/** One event in global order: its chain link, its command row, the receipt it completes, the heads asked for. */
const visit = (scanning: Scanning, options: ScanOptions, e: EventStore.StoredEvent) => {
  scanning.events++
  let state = scanning.states.get(e.streamId)
  if (state === undefined) scanning.states.set(e.streamId, state = newState(scanning.rowsOf.get(e.streamId) ?? []))
  checkChain(scanning, state, e)
  state.globals.update(`${e.globalPosition}\n`, "utf8")
  state.position = Math.max(state.position, e.position)
  if (state.position === e.position) state.hash = e.hash
  const row = state.byId.get(e.commandId)
  if (row === undefined) scanning.missing.push(e)
  else if (e.position < row.first || e.position > row.last) {
    scanning.findings.push(
      finding("command-mismatch", { streamId: e.streamId, position: e.position, commandId: e.commandId })
    )
  } else state.seen.set(row, (state.seen.get(row) ?? 0) + 1)
  checkReceiptAt(state, e, options.verifiers, scanning.findings)
  if (options.versionsOf?.(e.streamId) === e.position) state.at.set(e.position, headAt(state, e.position, e.hash))
}

/** An event whose row was not in the listing may belong to a command committed during the scan. */
const checkMissing = (store: EventStore.Service, scanning: Scanning) =>
  Effect.forEach(scanning.missing, (e) =>
    Effect.map(store.findCommand(e.streamId, e.commandId), (found) => {
      const row = Option.getOrUndefined(found)
      if (row === undefined || e.position < row.first || e.position > row.last) {
        scanning.findings.push(
          finding("command-missing", { streamId: e.streamId, position: e.position, commandId: e.commandId })
        )
      }
    }), { discard: true })

/** Every command row covers exactly the events that name it, and every stream with rows has events. */
const checkCoverage = (scanning: Scanning) => {
  const mismatch = (row: EventStore.CommandRecord) =>
    scanning.findings.push(
      finding("command-mismatch", { streamId: row.streamId, position: row.first, commandId: row.commandId })
    )
  for (const state of scanning.states.values()) {
    for (const row of state.rows) if ((state.seen.get(row) ?? 0) !== row.last - row.first + 1) mismatch(row)
  }
  for (const [streamId, rows] of scanning.rowsOf) if (!scanning.states.has(streamId)) mismatch(rows[0]!)
}

/** Scans the store (see the module documentation). */
export const scan = (
  store: EventStore.Service,
  options: ScanOptions = {}
): Effect.Effect<Scan, EventStore.ReadError> =>
  Effect.gen(function*() {
    const commands = Chunk.toReadonlyArray(yield* Stream.runCollect(store.listCommands()))
    const scanning: Scanning = { states: new Map(), rowsOf: byStream(commands), findings: [], missing: [], events: 0 }
    const projections = options.readModels === true ? store.projections : []
    const docs = new Map(projections.map((p) => [p.name, new Map<string, { json: string; position: number }>()]))
    const onProgress = options.onProgress
    const total = onProgress === undefined ? 0 : (yield* store.listStreams()).reduce((n, s) => n + s.version, 0)
    yield* Stream.runForEachChunk(store.readAll(0), (chunk) =>
      Effect.gen(function*() {
        const page = Chunk.toReadonlyArray(chunk)
        for (const e of page) visit(scanning, options, e)
        for (const p of projections) yield* rebuildPage(p, page, docs, scanning.findings)
        if (scanning.events < total) onProgress?.(scanning.events, total)
      }))
    onProgress?.(scanning.events, scanning.events) // the last call, with both equal
    yield* checkMissing(store, scanning)
    checkCoverage(scanning)
    const states = scanning.states
    for (const s of states.values()) s.at.set(s.position, headAt(s, s.position, s.hash))
    return {
      streams: new Map(
        [...states].map(([streamId, s]) => [streamId, { streamId, version: s.position, head: s.hash, at: s.at }])
      ),
      events: scanning.events,
      commands,
      findings: scanning.findings,
      unreceipted: new Map([...states].map(([streamId, s]) => [streamId, s.unreceipted])),
      rebuilt: docs
    }
  })

const rebuildPage = (
  projection: Projection.Any,
  page: ReadonlyArray<EventStore.StoredEvent>,
  docs: Map<string, Map<string, { json: string; position: number }>>,
  findings: Array<Finding>
) => {
  return Projection.run([projection], page, (name, key) => Effect.succeed(docs.get(name)?.get(key)?.json)).pipe(
    Effect.map((changes) => {
      for (const c of changes) {
        // a projection's rows are kept at places of their own (Projection.rowsOf)
        let m = docs.get(c.projection)
        if (m === undefined) docs.set(c.projection, m = new Map())
        if (c.doc === null) m.delete(c.key)
        else m.set(c.key, { json: c.doc, position: c.position })
      }
    }),
    Effect.catchTag("ProjectionFailed", (e) =>
      Effect.sync(() => {
        findings.push(
          finding("projection-failed", { projection: e.projection, streamId: e.streamId, position: e.position })
        )
      }))
  )
}
