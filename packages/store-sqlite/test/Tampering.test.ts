// The fourteen tamperings of a stored project (see ../../store-sql/test/tampering.ts), each on a fresh copy of
// one SQLite store written through the service a host embeds, signed with the host's key and checkpointed.
import * as SqlClient from "@effect/sql/SqlClient"
import { describe, expect, it } from "@effect/vitest"
import { AuditKey, EventStore, ProjectService, StoreAudit } from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { copyFileSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  projections,
  seedAndCheckpoint,
  serviceOver,
  type Subject,
  tamperAndAudit,
  tamperings
} from "../../store-sql/test/tampering.js"
import { SqliteEventStore } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "gsyf-sqlite-tamper-"))
const pristine = join(dir, "pristine.db")
const keys = AuditKey.generate()
const signer = Either.getOrThrow(AuditKey.signer(keys.privateKeyPem))
const verifier = Either.getOrThrow(AuditKey.verifier(keys.publicKeyPem))
const subject: Subject = { project: "sample-city-2026", other: "sample-county-2026", dialect: "sqlite" }
const tables = { events: `"events"`, commands: `"commands"`, readModels: `"read_models"`, records: `"records"` }

const checkpoint = await seedAndCheckpoint(signer).pipe(
  Effect.provide(serviceOver(SqliteEventStore.layer({ filename: pristine, projections, signer }))),
  Effect.runPromise
)

const readOnly = (filename: string) => SqliteEventStore.layer({ filename, projections, readOnly: true })

describe("tamper evidence on SQLite: a signed checkpoint kept elsewhere, receipts and read models", () => {
  it.effect("finds nothing in the untouched store", () =>
    Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      const report = yield* StoreAudit.verify(store, { checkpoint, keys: [verifier], readModels: true })
      expect(report.findings).toEqual([])
      expect(report).toMatchObject({ ok: true, streams: 2, unattested: [] })
      expect(checkpoint.streams).toBe(2)
    }).pipe(Effect.provide(readOnly(pristine))))

  tamperings.forEach((tampering, i) =>
    it.effect(`detects ${tampering.name}`, () => {
      const copy = join(dir, `tampered-${i}.db`)
      copyFileSync(pristine, copy)
      return tamperAndAudit(
        tampering,
        subject,
        tables,
        SqliteEventStore.layerClient({ filename: copy }),
        readOnly(copy),
        checkpoint,
        verifier
      )
    })
  )
})

describe("a stored row that no longer decodes, on SQLite", () => {
  const rewrite = (name: string, position: number, change: (data: string) => string) => {
    const copy = join(dir, `undecodable-${name}.db`)
    copyFileSync(pristine, copy)
    return Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const rows = yield* sql.unsafe<{ data: string; type: string }>(
        `SELECT data, type FROM "events" WHERE stream_id = ? AND position = ?`,
        [subject.project, position]
      )
      yield* sql.unsafe(`UPDATE "events" SET data = ? WHERE stream_id = ? AND position = ?`, [
        change(rows[0]!.data),
        subject.project,
        position
      ])
      return { copy, type: rows[0]!.type }
    }).pipe(Effect.provide(SqliteEventStore.layerClient({ filename: copy })), Effect.runPromise)
  }
  const cases: ReadonlyArray<[string, (data: string) => string, RegExp]> = [
    ["bad data", (data) => JSON.stringify({ ...JSON.parse(data), actor: 5 }), /actor/],
    ["not JSON", (data) => data.slice(0, -1), /not JSON/]
  ]
  for (const [name, change, reason] of cases) {
    it(`fails a load with the row's position and type (${name}), and verify still hashes the stored bytes`, async () => {
      const k = 9
      const { copy, type } = await rewrite(name.replace(/ /g, "-"), k, change)
      const loaded = await Effect.gen(function*() {
        const service = yield* ProjectService.ProjectService
        return yield* Effect.either(service.load(subject.project))
      }).pipe(Effect.provide(serviceOver(readOnly(copy))), Effect.runPromise)
      expect(Either.isLeft(loaded)).toBe(true)
      const error = (loaded as Either.Left<{ readonly _tag: string; readonly position: number }, unknown>).left
      expect(error).toMatchObject({ _tag: "EventCodecError", streamId: subject.project, position: k, type })
      expect((error as unknown as { readonly reason: string }).reason).toMatch(reason)
      // the chain over the stored bytes breaks at the rewritten row
      const verified = await Effect.flatMap(EventStore.EventStore, (store) => store.verify(subject.project)).pipe(
        Effect.provide(readOnly(copy)),
        Effect.runPromise
      )
      expect(verified).toMatchObject({ ok: false, firstBrokenPosition: k })
    })
  }
})
