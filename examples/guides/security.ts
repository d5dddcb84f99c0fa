/**
 * The code of the security guide (docs/guides/security.md pulls the `#region`s
 * below with typedoc's `{@includeCode}`), run by
 * `packages/store-sqlite/test/SecurityGuide.test.ts`.
 */
import {
  type ActorBinding,
  AuditKey,
  type Calendar,
  Checkpoint,
  Client,
  EventStore,
  type Plugin,
  ProjectService,
  ReadModels,
  SecurityLog,
  StoreAudit
} from "@gsyf/core"
import { SqliteEventStore } from "@gsyf/store-sqlite"
import { Effect, Either, Layer } from "effect"
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs"

// #region key
/**
 * The host's audit key: made once, kept in a file only the application can read,
 * never in the database or its backups. The public half goes to the auditors.
 */
export const loadOrCreateKey = (privateKeyFile: string, publicKeyFile: string): AuditKey.Signer => {
  if (!existsSync(privateKeyFile)) {
    const { privateKeyPem, publicKeyPem } = AuditKey.generate()
    writeFileSync(privateKeyFile, privateKeyPem, { mode: 0o600, flag: "wx" })
    writeFileSync(publicKeyFile, publicKeyPem)
    chmodSync(privateKeyFile, 0o600)
  }
  return Either.getOrThrow(AuditKey.signer(readFileSync(privateKeyFile, "utf8")))
}
// #endregion key

// #region store
/** The store signs a receipt for every append with the host's key. */
export const storeLayer = (config: Plugin.Config, filename: string, signer: AuditKey.Signer) =>
  SqliteEventStore.layer({ filename, projections: ReadModels.projections(config), signer })
// #endregion store

// #region checkpoint
/** A checkpoint of the whole store, written where the database's administrators cannot rewrite it. */
export const checkpointTo = (folder: string) => (signer: AuditKey.Signer) =>
  Effect.gen(function*() {
    const store = yield* EventStore.EventStore
    const checkpoint = yield* Checkpoint.take(store, signer) // refuses a store that does not verify
    yield* Checkpoint.write(checkpoint, [Checkpoint.toFile(folder)])
    return checkpoint
  })
// #endregion checkpoint

// #region audit
/**
 * The auditor's check: the store opened read-only, the latest checkpoint and the
 * public key; every finding names the stream and position or the read model.
 */
export const audit = (config: Plugin.Config, filename: string, checkpointFile: string, publicKeyPem: string) =>
  Effect.gen(function*() {
    const checkpoint = yield* Checkpoint.load(checkpointFile)
    const key = Either.getOrThrow(AuditKey.verifier(publicKeyPem))
    const store = yield* EventStore.EventStore
    const report = yield* StoreAudit.verify(store, { checkpoint, keys: [key], readModels: true })
    return report.findings.map((f) => `${f.zh} / ${f.en}`)
  }).pipe(
    Effect.provide(SqliteEventStore.layer({ filename, projections: ReadModels.projections(config), readOnly: true }))
  )
// #endregion audit

// #region principal
/** What the host knows of a signed-in person: the party they act for, looked up after authenticating them. */
export interface Session {
  readonly partyId: string
  readonly role: ActorBinding.Principal["role"]
  readonly unit?: ActorBinding.Principal["unit"]
}

/**
 * A client that refuses any command given without the party the host authenticated, and writes refused
 * attempts to a log of their own, outside the database.
 */
export const openClient = (parameters: unknown, calendar: Calendar.Service, filename: string, logFile: string) =>
  Client.make({
    parameters,
    calendar,
    store: { sqlite: filename },
    requirePrincipal: true,
    securityLog: SecurityLog.toFile(logFile)
  })

/** One request: gsyf binds the command to the session's party and refuses it in anyone else's name. */
export const handle = (client: Client.Client, session: Session, projectId: string, body: unknown) =>
  client.execute(projectId, body, { principal: { id: session.partyId, role: session.role, unit: session.unit } })
// #endregion principal

/** Runs commands through the service over the signing store (for the guide's test). */
export const runSigned = (
  config: Plugin.Config,
  filename: string,
  signer: AuditKey.Signer,
  projectId: string,
  commands: ReadonlyArray<unknown>
) =>
  Effect.gen(function*() {
    const service = yield* ProjectService.ProjectService
    for (const command of commands) yield* service.execute(projectId, command)
  }).pipe(Effect.provide(ProjectService.layer(config).pipe(Layer.provideMerge(storeLayer(config, filename, signer)))))
