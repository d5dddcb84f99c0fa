// The fourteen tamperings of a stored project (see ../../store-sql/test/tampering.ts), each on a fresh copy
// (CREATE DATABASE … TEMPLATE) of one PostgreSQL store written through the service a host embeds, signed with
// the host's key and checkpointed.
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { AuditKey, type Checkpoint, EventStore, StoreAudit } from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Scope from "effect/Scope"
import {
  projections,
  seedAndCheckpoint,
  serviceOver,
  type Subject,
  tamperAndAudit,
  tamperings
} from "../../store-sql/test/tampering.js"
import { PgEventStore } from "../src/index.js"
import { pg, testDatabase } from "./testDatabase.js"

const keys = AuditKey.generate()
const signer = Either.getOrThrow(AuditKey.signer(keys.privateKeyPem))
const verifier = Either.getOrThrow(AuditKey.verifier(keys.publicKeyPem))
const subject: Subject = { project: "sample-city-2026", other: "sample-county-2026", dialect: "pg" }
// The store in a schema of its own, with a prefix: the tamperings name the tables as the attacker sees them.
const placement = { schema: "audit", tablePrefix: "g_" }
const tables = {
  events: `"audit"."g_events"`,
  commands: `"audit"."g_commands"`,
  readModels: `"audit"."g_read_models"`,
  records: `"audit"."g_records"`
}
const connection = (database: string) => ({ host: pg.host, port: pg.port, username: pg.username, database })

let scope: Scope.CloseableScope
let pristine: string
let checkpoint: Checkpoint.Checkpoint
beforeAll(async () => {
  scope = await Effect.runPromise(Scope.make())
  pristine = await Effect.runPromise(Scope.extend(testDatabase("tamper_pristine"), scope))
  checkpoint = await seedAndCheckpoint(signer).pipe(
    Effect.provide(serviceOver(PgEventStore.layer({ ...connection(pristine), ...placement, projections, signer }))),
    Effect.runPromise
  )
}, 120_000)
afterAll(async () => {
  await Effect.runPromise(Scope.close(scope, Exit.void))
}, 60_000)

const readOnly = (database: string) =>
  PgEventStore.layer({ ...connection(database), ...placement, projections, readOnly: true })

describe("tamper evidence on PostgreSQL: a signed checkpoint kept elsewhere, receipts and read models", () => {
  it.scoped("finds nothing in the untouched store", () =>
    Effect.gen(function*() {
      const copy = yield* testDatabase("tamper_clean", pristine)
      const report = yield* Effect.flatMap(
        EventStore.EventStore,
        (store) => StoreAudit.verify(store, { checkpoint, keys: [verifier], readModels: true })
      ).pipe(Effect.provide(readOnly(copy)))
      expect(report.findings).toEqual([])
      expect(report).toMatchObject({ ok: true, streams: 2, unattested: [] })
    }), 60_000)

  tamperings.forEach((tampering, i) =>
    it.scoped(`detects ${tampering.name}`, () =>
      Effect.gen(function*() {
        const copy = yield* testDatabase(`tamper_${i}`, pristine)
        yield* tamperAndAudit(
          tampering,
          subject,
          tables,
          PgEventStore.layerClient(connection(copy)),
          readOnly(copy),
          checkpoint,
          verifier
        )
      }), 60_000)
  )
})
