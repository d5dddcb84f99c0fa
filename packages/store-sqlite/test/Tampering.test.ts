// The twelve tamperings of a stored project (see ../../store-sql/test/tampering.ts), each on a fresh copy of
// one SQLite store written through the service a host embeds, signed with the host's key and checkpointed.
import { describe, expect, it } from "@effect/vitest"
import { AuditKey, EventStore, StoreAudit } from "@gsyf/core"
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
const tables = { events: `"events"`, commands: `"commands"`, readModels: `"read_models"` }

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
