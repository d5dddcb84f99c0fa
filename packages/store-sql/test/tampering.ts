/**
 * The fourteen ways of changing a gsyf store behind its back that an audit must
 * catch, written once in SQL for SQLite and PostgreSQL (imported by both
 * packages' `Tampering.test.ts`). The attacker here has the database (any SQL,
 * including recomputing hash chains with the published algorithm) but not the
 * host's audit key, and the host keeps a signed checkpoint elsewhere.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import {
  type AuditKey,
  AuditTrail,
  Checkpoint,
  EventStore,
  Projection,
  ProjectService,
  ReadModels,
  StoreAudit
} from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { expect } from "vitest"
import { fullLifecycle, planningToAward, seedConfig } from "../../core/test/fixtures/seed.js"

export const config = seedConfig()
export const projections = ReadModels.projections(config)

/**
 * Writes the subject through the service a host embeds: the seed plan's whole lifecycle for one project and
 * its planning-to-award commands for a second one (with the same command ids: they belong to their project),
 * interleaved so that the two projects' events alternate in the global order. Then takes a checkpoint.
 */
export const seedAndCheckpoint = (signer: AuditKey.Signer) =>
  Effect.gen(function*() {
    const service = yield* ProjectService.ProjectService
    const main = fullLifecycle()
    const other = planningToAward()
    for (let i = 0; i < main.length; i++) {
      yield* service.execute("sample-city-2026", main[i])
      if (i < other.length) yield* service.execute("sample-county-2026", other[i])
    }
    return yield* Checkpoint.take(yield* EventStore.EventStore, signer)
  })

/** The service over a store layer. */
export const serviceOver = <E, R>(store: Layer.Layer<EventStore.EventStore, E, R>) =>
  ProjectService.layer(config).pipe(Layer.provideMerge(store))

/** Applies one tampering with a raw SQL client, then audits a read-only store against the checkpoint. */
export const tamperAndAudit = <E1, E2>(
  tampering: Tampering,
  subject: Subject,
  tables: Tables,
  raw: Layer.Layer<SqlClient.SqlClient, E1>,
  readOnly: Layer.Layer<EventStore.EventStore, E2>,
  checkpoint: Checkpoint.Checkpoint,
  key: AuditKey.Verifier
) =>
  Effect.gen(function*() {
    yield* tampering.apply(tables, subject).pipe(Effect.provide(raw))
    const report = yield* Effect.flatMap(
      EventStore.EventStore,
      (store) => StoreAudit.verify(store, { checkpoint, keys: [key], readModels: true })
    ).pipe(Effect.provide(readOnly))
    yield* tampering.expect(report, subject).pipe(Effect.provide(raw))
    return report
  })

/** The quoted table names of the store under test. */
export interface Tables {
  readonly events: string
  readonly commands: string
  readonly readModels: string
  readonly records: string
}

/** What the pristine store holds: a finished project and a second, shorter one. */
export interface Subject {
  readonly project: string
  readonly other: string
  readonly dialect: "sqlite" | "pg"
}

interface Row {
  readonly global_position: number | string
  readonly stream_id: string
  readonly position: number | string
  readonly type: string
  readonly schema_version: number | string
  readonly data: string
  readonly command_id: string
  readonly recorded_at: string
  readonly record: string | null
  readonly prev_hash: string
  readonly hash: string
}

/** Runs SQL text with `?` placeholders (numbered for PostgreSQL). */
const query = <A extends object = object>(text: string, params: ReadonlyArray<unknown> = []) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => {
    let i = 0
    const numbered = sql.onDialectOrElse({ pg: () => text.replace(/\?/g, () => `$${++i}`), orElse: () => text })
    return sql.unsafe<A>(numbered, params as Array<any>)
  })

const rows = (t: Tables, streamId: string) =>
  query<Row>(
    `SELECT global_position, stream_id, position, type, schema_version, data, command_id, recorded_at, prev_hash, hash,
      record
     FROM ${t.events} WHERE stream_id = ? ORDER BY position`,
    [streamId]
  )

const bodyOf = (r: Row, data: unknown) => ({
  streamId: r.stream_id,
  position: Number(r.position),
  type: r.type,
  schemaVersion: Number(r.schema_version),
  commandId: r.command_id,
  recordedAt: r.recorded_at,
  data
})

/** The position of the first payment of a stream. */
const firstPayment = (t: Tables, streamId: string) =>
  Effect.map(rows(t, streamId), (all) => all.find((r) => r.type === "PaymentMade")!)

/** A finding of this kind naming this stream (and position, when given) is in the report. */
const expectFinding = (
  report: StoreAudit.Report,
  kind: StoreAudit.FindingKind,
  streamId: string,
  position?: number
) => {
  expect(report.ok).toBe(false)
  const hit = report.findings.find((f) =>
    f.kind === kind && f.streamId === streamId && (position === undefined || f.position === position)
  )
  expect(hit, `${kind} ${streamId} ${position ?? ""} in ${JSON.stringify(report.findings.map((f) => f.en))}`)
    .toBeDefined()
  expect(hit!.zh).toContain(streamId)
  expect(hit!.en).toContain(streamId)
}

/** One way of tampering: what the attacker does, and what the audit must report. */
export interface Tampering {
  readonly name: string
  readonly apply: (t: Tables, s: Subject) => Effect.Effect<void, unknown, SqlClient.SqlClient>
  readonly expect: (report: StoreAudit.Report, s: Subject) => Effect.Effect<void, unknown, SqlClient.SqlClient>
}

const positionOf = (r: Row) => Number(r.position)

/** Remembers positions chosen while tampering, for the expectations. */
const noted = new Map<string, number>()

/** Changes the record the first payment of the project names (altered or deleted); notes the first event naming it. */
const tamperRecord = (
  t: Tables,
  s: Subject,
  change: (ref: string, json: string) => Effect.Effect<void, unknown, SqlClient.SqlClient>
) =>
  Effect.gen(function*() {
    const all = yield* rows(t, s.project)
    const ref = all.find((r) => r.type === "PaymentMade")!.record!
    noted.set("record", positionOf(all.find((r) => r.record === ref)!))
    const [row] = yield* query<{ json: string }>(`SELECT json FROM ${t.records} WHERE ref = ?`, [ref])
    yield* change(ref, row!.json)
  })

export const tamperings: ReadonlyArray<Tampering> = [
  {
    name: "a shared record altered (who made the payments)",
    apply: (t, s) =>
      tamperRecord(t, s, (ref, json) => {
        const record = JSON.parse(json)
        const altered = { ...record, actor: { ...record.actor, name: "冒名者" } }
        return query(`UPDATE ${t.records} SET json = ? WHERE ref = ?`, [AuditTrail.canonicalize(altered), ref])
      }),
    expect: (report, s) => Effect.sync(() => expectFinding(report, "chain", s.project, noted.get("record")))
  },
  {
    name: "a shared record deleted",
    apply: (t, s) => tamperRecord(t, s, (ref) => query(`DELETE FROM ${t.records} WHERE ref = ?`, [ref])),
    expect: (report, s) => Effect.sync(() => expectFinding(report, "chain", s.project, noted.get("record")))
  },
  {
    name: "an edited payload (a payment's amount)",
    apply: (t, s) =>
      Effect.gen(function*() {
        const p = yield* firstPayment(t, s.project)
        noted.set("payload", positionOf(p))
        const data = { ...JSON.parse(p.data), amount: "8720000.00" }
        yield* query(`UPDATE ${t.events} SET data = ? WHERE stream_id = ? AND position = ?`, [
          AuditTrail.canonicalize(data),
          s.project,
          positionOf(p)
        ])
      }),
    expect: (report, s) => Effect.sync(() => expectFinding(report, "chain", s.project, noted.get("payload")))
  },
  {
    name: "an edited timestamp",
    apply: (t, s) =>
      query(`UPDATE ${t.events} SET recorded_at = ? WHERE stream_id = ? AND position = ?`, [
        "2026-01-01T00:00:00.000Z",
        s.project,
        5
      ]),
    expect: (report, s) => Effect.sync(() => expectFinding(report, "chain", s.project, 5))
  },
  {
    name: "an edited previous hash",
    apply: (t, s) =>
      query(`UPDATE ${t.events} SET prev_hash = ? WHERE stream_id = ? AND position = ?`, [
        "f".repeat(64),
        s.project,
        7
      ]),
    expect: (report, s) => Effect.sync(() => expectFinding(report, "chain", s.project, 7))
  },
  {
    name: "a deleted middle row",
    apply: (t, s) => query(`DELETE FROM ${t.events} WHERE stream_id = ? AND position = ?`, [s.project, 9]),
    expect: (report, s) => Effect.sync(() => expectFinding(report, "chain", s.project, 9))
  },
  {
    name: "two swapped positions",
    apply: (t, s) =>
      Effect.gen(function*() {
        const where = `WHERE stream_id = ? AND position = ?`
        yield* query(`UPDATE ${t.events} SET position = 100000 ${where}`, [s.project, 11])
        yield* query(`UPDATE ${t.events} SET position = 11 ${where}`, [s.project, 12])
        yield* query(`UPDATE ${t.events} SET position = 12 ${where}`, [s.project, 100000])
      }),
    expect: (report, s) => Effect.sync(() => expectFinding(report, "chain", s.project, 11))
  },
  {
    name: "a truncated tail (events and their command rows)",
    apply: (t, s) =>
      Effect.gen(function*() {
        // Cut at a command boundary, three commands before the end, as a careful attacker would.
        const firsts = yield* query<{ first_position: number | string }>(
          `SELECT first_position FROM ${t.commands} WHERE stream_id = ? ORDER BY first_position DESC`,
          [s.project]
        )
        const cut = Number(firsts[2]!.first_position)
        noted.set("truncated", cut)
        yield* query(`DELETE FROM ${t.events} WHERE stream_id = ? AND position >= ?`, [s.project, cut])
        yield* query(`DELETE FROM ${t.commands} WHERE stream_id = ? AND first_position >= ?`, [s.project, cut])
      }),
    expect: (report, s) =>
      Effect.sync(() => expectFinding(report, "stream-truncated", s.project, noted.get("truncated")))
  },
  {
    name: "a deleted stream (events, command rows and read models)",
    apply: (t, s) =>
      Effect.gen(function*() {
        yield* query(`DELETE FROM ${t.events} WHERE stream_id = ?`, [s.other])
        yield* query(`DELETE FROM ${t.commands} WHERE stream_id = ?`, [s.other])
        yield* query(`DELETE FROM ${t.readModels} WHERE key = ?`, [s.other])
      }),
    expect: (report, s) => Effect.sync(() => expectFinding(report, "stream-missing", s.other))
  },
  {
    name: "an edit with the hash chain recomputed forward",
    apply: (t, s) =>
      Effect.gen(function*() {
        const all = yield* rows(t, s.project)
        const p = all.find((r) => r.type === "PaymentMade")!
        noted.set("recomputed", positionOf(p))
        let prev = p.prev_hash
        for (const r of all.slice(all.indexOf(p))) {
          const data = r === p ? { ...JSON.parse(r.data), amount: "8720000.00" } : JSON.parse(r.data)
          const hash = AuditTrail.hashEvent(prev, bodyOf(r, data))
          yield* query(
            `UPDATE ${t.events} SET data = ?, prev_hash = ?, hash = ? WHERE stream_id = ? AND position = ?`,
            [
              AuditTrail.canonicalize(data),
              prev,
              hash,
              s.project,
              positionOf(r)
            ]
          )
          prev = hash
        }
      }),
    expect: (report, s) =>
      Effect.gen(function*() {
        expect(report.findings.filter((f) => f.kind === "chain")).toEqual([])
        expectFinding(report, "history-rewritten", s.project)
        // The receipt of the command that wrote the edited payment names its position.
        expectFinding(report, "receipt-invalid", s.project, noted.get("recomputed"))
      })
  },
  {
    name: "a forged payment appended with a correct chain link and a command row",
    apply: (t, s) =>
      Effect.gen(function*() {
        const all = yield* rows(t, s.project)
        const payment = all.find((r) => r.type === "PaymentMade")!
        const last = all[all.length - 1]!
        const position = positionOf(last) + 1
        noted.set("forged", position)
        const data = { ...JSON.parse(payment.data), id: "forged-1/0", commandId: "forged-1", amount: "872000.00" }
        const body = { ...bodyOf(payment, data), position, commandId: "forged-1", recordedAt: last.recorded_at }
        const hash = AuditTrail.hashEvent(last.hash, body)
        yield* query(
          `INSERT INTO ${t.events} (stream_id, position, type, schema_version, data, command_id, recorded_at, prev_hash, hash,
             record)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            s.project,
            position,
            "PaymentMade",
            body.schemaVersion,
            AuditTrail.canonicalize(data),
            "forged-1",
            body.recordedAt,
            last.hash,
            hash,
            payment.record
          ]
        )
        yield* query(
          `INSERT INTO ${t.commands} (stream_id, command_id, first_position, last_position, command_hash)
           VALUES (?, ?, ?, ?, ?)`,
          [s.project, "forged-1", position, position, "0".repeat(64)]
        )
      }),
    expect: (report, s) =>
      Effect.sync(() => {
        expect(report.findings.filter((f) => f.kind === "chain")).toEqual([])
        expectFinding(report, "unattested", s.project, noted.get("forged"))
      })
  },
  {
    name: "edited read models (the payment ledger, the gsyf.audit head, a row of quota progress's evidence)",
    apply: (t, s) =>
      Effect.gen(function*() {
        const docs = yield* query<{ projection: string; key: string; doc: string }>(
          `SELECT projection, key, doc FROM ${t.readModels}
           WHERE (projection = 'gsyf.audit' AND key = ?) OR (projection = 'gsyf.payment-ledger' AND key = ?)`,
          [s.project, `${s.project}/keyAreas`]
        )
        expect(docs.length).toBe(2)
        for (const d of docs) {
          const doc = JSON.parse(d.doc)
          // The audit head made to agree with a rewritten chain; the ledger without its first payment.
          const changed = d.projection === "gsyf.audit"
            ? { ...doc, head: "e".repeat(64) }
            : { ...doc, payments: doc.payments.slice(1) }
          yield* query(`UPDATE ${t.readModels} SET doc = ? WHERE projection = ? AND key = ?`, [
            AuditTrail.canonicalize(changed),
            d.projection,
            d.key
          ])
        }
        // a piece of evidence withdrawn behind the events' back: a row of the document's own (Projection.rowsOf)
        const rows = Projection.rowsOf("gsyf.quota-progress", `${s.project}/keyAreas`)
        const evidence = yield* query<{ key: string }>(
          `SELECT key FROM ${t.readModels} WHERE projection = ? ORDER BY key`,
          [rows]
        )
        expect(evidence.length).toBeGreaterThan(0)
        yield* query(`DELETE FROM ${t.readModels} WHERE projection = ? AND key = ?`, [rows, evidence[0]!.key])
      }),
    expect: (report, s) =>
      Effect.sync(() => {
        const mismatched = report.findings.filter((f) => f.kind === "read-model-mismatch")
        expect(mismatched.map((f) => `${f.projection} ${f.key}`).sort()).toEqual([
          `gsyf.audit ${s.project}`,
          `gsyf.payment-ledger ${s.project}/keyAreas`,
          `gsyf.quota-progress ${s.project}/keyAreas`
        ])
        for (const f of mismatched) expect(f.zh).toContain(s.project)
      })
  },
  {
    name: "edited command rows (a command's fingerprint, another's first position)",
    apply: (t, s) =>
      Effect.gen(function*() {
        const commands = yield* query<{ command_id: string; first_position: number | string }>(
          `SELECT command_id, first_position FROM ${t.commands} WHERE stream_id = ? ORDER BY first_position`,
          [s.project]
        )
        noted.set("command-a", Number(commands[3]!.first_position))
        noted.set("command-b", Number(commands[6]!.first_position))
        yield* query(`UPDATE ${t.commands} SET command_hash = ? WHERE stream_id = ? AND command_id = ?`, [
          "1".repeat(64),
          s.project,
          commands[3]!.command_id
        ])
        yield* query(
          `UPDATE ${t.commands} SET first_position = first_position + 1 WHERE stream_id = ? AND command_id = ?`,
          [s.project, commands[6]!.command_id]
        )
      }),
    expect: (report, s) =>
      Effect.sync(() => {
        expectFinding(report, "receipt-invalid", s.project, noted.get("command-a"))
        expectFinding(report, "command-mismatch", s.project, noted.get("command-b"))
        expectFinding(report, "commands-changed", s.project)
      })
  },
  {
    name: "two swapped global positions (neighbouring events of the two projects)",
    apply: (t, s) =>
      Effect.gen(function*() {
        // Neighbours in the global order from different streams: swapping them keeps each stream's own
        // order (so every chain still verifies) and changes only how the streams interleave.
        const order = yield* query<{ global_position: number | string; stream_id: string; position: number | string }>(
          `SELECT global_position, stream_id, position FROM ${t.events} ORDER BY global_position`
        )
        const i = order.findIndex((r, k) => k > 0 && r.stream_id !== order[k - 1]!.stream_id)
        const [a, b] = [order[i - 1]!, order[i]!]
        if (s.dialect === "pg") {
          // The identity column refuses updates until a database owner relaxes it.
          yield* query(`ALTER TABLE ${t.events} ALTER COLUMN global_position SET GENERATED BY DEFAULT`)
        }
        const set = `UPDATE ${t.events} SET global_position = ? WHERE stream_id = ? AND position = ?`
        yield* query(set, [-1, a.stream_id, Number(a.position)])
        yield* query(set, [Number(a.global_position), b.stream_id, Number(b.position)])
        yield* query(set, [Number(b.global_position), a.stream_id, Number(a.position)])
      }),
    expect: (report, s) =>
      Effect.sync(() => {
        expect(report.findings.filter((f) => f.kind === "chain")).toEqual([])
        expectFinding(report, "global-order-changed", s.project)
        expectFinding(report, "global-order-changed", s.other)
      })
  }
]
