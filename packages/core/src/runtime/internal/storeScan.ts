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
  /** Read models rebuilt from the events, per projection: key → canonical JSON and position. */
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
  unreceipted: []
})

const chainReason = (
  state: StreamState,
  e: EventStore.StoredEvent
): AuditTrail.BrokenReason | undefined => {
  if (e.position !== state.position + 1) return "position-gap"
  if (e.prevHash !== state.hash) return "prev-hash-mismatch"
  try {
    return AuditTrail.hashEvent(state.hash, e) === e.hash ? undefined : "hash-mismatch"
  } catch {
    return "hash-mismatch"
  }
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

/** Scans the store (see the module documentation). */
export const scan = (
  store: EventStore.Service,
  options: ScanOptions = {}
): Effect.Effect<Scan, EventStore.ReadError> =>
  Effect.gen(function*() {
    const commands = Chunk.toReadonlyArray(yield* Stream.runCollect(store.listCommands()))
    const rowsOf = byStream(commands)
    const states = new Map<string, StreamState>()
    const findings: Array<Finding> = []
    const missing: Array<EventStore.StoredEvent> = []
    const projections = options.readModels === true ? store.projections : []
    const docs = new Map(projections.map((p) => [p.name, new Map<string, { json: string; position: number }>()]))
    let events = 0

    const visit = (e: EventStore.StoredEvent) => {
      events++
      let state = states.get(e.streamId)
      if (state === undefined) states.set(e.streamId, state = newState(rowsOf.get(e.streamId) ?? []))
      if (!state.broken) {
        const reason = chainReason(state, e)
        if (reason !== undefined) {
          state.broken = true
          const position = reason === "position-gap" ? state.position + 1 : e.position
          findings.push(finding("chain", { streamId: e.streamId, position, reason }))
        }
      }
      state.globals.update(`${e.globalPosition}\n`, "utf8")
      state.position = Math.max(state.position, e.position)
      if (state.position === e.position) state.hash = e.hash
      const row = state.byId.get(e.commandId)
      if (row === undefined) missing.push(e)
      else if (e.position < row.first || e.position > row.last) {
        findings.push(
          finding("command-mismatch", { streamId: e.streamId, position: e.position, commandId: e.commandId })
        )
      } else state.seen.set(row, (state.seen.get(row) ?? 0) + 1)
      checkReceiptAt(state, e, options.verifiers, findings)
      if (options.versionsOf?.(e.streamId) === e.position) state.at.set(e.position, headAt(state, e.position, e.hash))
    }

    yield* Stream.runForEachChunk(store.readAll(0), (chunk) =>
      Effect.gen(function*() {
        const page = Chunk.toReadonlyArray(chunk)
        for (const e of page) visit(e)
        for (const p of projections) yield* rebuildPage(p, page, docs, findings)
      }))

    // An event whose row was not in the listing may belong to a command committed during the scan.
    for (const e of missing) {
      const found = yield* store.findCommand(e.streamId, e.commandId)
      const row = Option.getOrUndefined(found)
      if (row === undefined || e.position < row.first || e.position > row.last) {
        findings.push(
          finding("command-missing", { streamId: e.streamId, position: e.position, commandId: e.commandId })
        )
      }
    }
    for (const state of states.values()) {
      for (const row of state.rows) {
        if ((state.seen.get(row) ?? 0) !== row.last - row.first + 1) {
          findings.push(
            finding("command-mismatch", { streamId: row.streamId, position: row.first, commandId: row.commandId })
          )
        }
      }
    }
    for (const [streamId, rows] of rowsOf) {
      if (!states.has(streamId)) {
        findings.push(
          finding("command-mismatch", { streamId, position: rows[0]!.first, commandId: rows[0]!.commandId })
        )
      }
    }
    for (const s of states.values()) s.at.set(s.position, headAt(s, s.position, s.hash))
    return {
      streams: new Map(
        [...states].map(([streamId, s]) => [streamId, { streamId, version: s.position, head: s.hash, at: s.at }])
      ),
      events,
      commands,
      findings,
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
  const m = docs.get(projection.name)!
  return Projection.run([projection], page, (_, key) => Effect.succeed(m.get(key)?.json)).pipe(
    Effect.map((changes) => {
      for (const c of changes) {
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
