import { describe, expect, it } from "@effect/vitest"
import { AuditKey, Checkpoint, EventStore, StoreAudit } from "@gsyf/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { generateKeyPairSync } from "node:crypto"
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as merkle from "../src/runtime/internal/merkle.js"

const keys = AuditKey.generate()
const signer = Either.getOrThrow(AuditKey.signer(keys.privateKeyPem))
const verifier = Either.getOrThrow(AuditKey.verifier(keys.publicKeyPem))
const added = (n: number): EventStore.NewEvent => ({ type: "Added", schemaVersion: 1, data: { n } })

describe("Merkle tree hash (RFC 9162 §2.1)", () => {
  // The leaves and roots of the Certificate Transparency reference test data.
  const leaves = ["", "\x00", "\x10", "\x20\x21", "\x30\x31", "\x40\x41\x42\x43", "PQRSTUVW", "`abcdefghijklmno"]

  it("gives the reference roots", () => {
    const hashes = leaves.map(merkle.leafHash)
    expect(merkle.root([])).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    expect(merkle.root(hashes.slice(0, 1))).toBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
    expect(merkle.root(hashes.slice(0, 2))).toBe("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")
    expect(merkle.root(hashes)).toBe("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
  })

  it("proves the inclusion of every leaf of every tree up to 33 leaves, and nothing else", () => {
    const hashes = Array.from({ length: 33 }, (_, i) => merkle.leafHash(`leaf ${i}`))
    for (let size = 1; size <= hashes.length; size++) {
      const tree = hashes.slice(0, size)
      const root = merkle.root(tree)
      for (let index = 0; index < size; index++) {
        const proof = merkle.inclusionProof(tree, index)
        expect(merkle.verifyInclusion(tree[index]!, index, size, proof, root)).toBe(true)
        expect(merkle.verifyInclusion(merkle.leafHash("other"), index, size, proof, root)).toBe(false)
        if (size > 1) expect(merkle.verifyInclusion(tree[index]!, (index + 1) % size, size, proof, root)).toBe(false)
      }
    }
  })
})

describe("AuditKey", () => {
  it("signs and checks receipts, and names the key that signed", () => {
    const fields = {
      streamId: "p",
      commandId: "c-1",
      commandHash: "a".repeat(64),
      first: 1,
      last: 3,
      head: "b".repeat(64)
    }
    const receipt = AuditKey.signReceipt(signer, fields)
    expect(receipt.startsWith(`${signer.keyId}:`)).toBe(true)
    expect(signer.keyId).toBe(verifier.keyId)
    expect(AuditKey.checkReceipt([verifier], fields, receipt)).toBe("valid")
    expect(AuditKey.checkReceipt([verifier], { ...fields, head: "c".repeat(64) }, receipt)).toBe("invalid")
    expect(AuditKey.checkReceipt([verifier], fields, "garbage")).toBe("invalid")
    expect(AuditKey.checkReceipt([verifier], fields, `${signer.keyId}:AAAA`)).toBe("invalid")
  })

  it("refuses keys it cannot use, in both languages", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey
    const refused: ReadonlyArray<Either.Either<unknown, AuditKey.InvalidKey>> = [
      AuditKey.signer("not a key"),
      AuditKey.signer(keys.publicKeyPem),
      AuditKey.signer(rsa),
      AuditKey.verifier("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")
    ]
    for (const e of refused) {
      expect(Either.isLeft(e)).toBe(true)
      if (Either.isLeft(e)) expect(e.left.message).toMatch(/审计密钥无法使用.*\/ unusable audit key/)
    }
    // A verifier may be built from the private key (it derives the public half).
    expect(Either.getOrThrow(AuditKey.verifier(keys.privateKeyPem)).keyId).toBe(signer.keyId)
  })
})

const store = () => EventStore.makeMemory({ signer })

describe("Checkpoint", () => {
  it.effect("signs the heads of a store, survives a file round trip, and is refused once edited", () =>
    Effect.gen(function*() {
      const s = yield* store()
      yield* s.append("b", 0, "c-1", [added(1), added(2)])
      yield* s.append("a", 0, "c-2", [added(3)])
      const checkpoint = yield* Checkpoint.take(s, signer)
      expect(checkpoint.heads.map((h) => [h.streamId, h.version, h.commandCount])).toEqual([["a", 1, 1], ["b", 2, 1]])
      expect(checkpoint).toMatchObject({ streams: 2, events: 3, commands: 2, signedAppends: true })

      const folder = mkdtempSync(join(tmpdir(), "gsyf-checkpoints-"))
      yield* Checkpoint.write(checkpoint, [Checkpoint.toFile(folder)])
      const [file] = readdirSync(folder)
      expect(file).toMatch(/^checkpoint-.*\.json$/)
      const loaded = yield* Checkpoint.load(join(folder, file!))
      expect(loaded).toEqual(checkpoint)
      expect(Checkpoint.check(loaded, [verifier])).toBe("valid")

      // Lowering a version in the file breaks the signature (and the root).
      const text = readFileSync(join(folder, file!), "utf8").replace(`"version":2`, `"version":1`)
      writeFileSync(join(folder, "edited.json"), text)
      const edited = yield* Checkpoint.load(join(folder, "edited.json"))
      expect(Checkpoint.check(edited, [verifier])).toBe("invalid")
      const report = yield* StoreAudit.verify(s, { checkpoint: edited, keys: [verifier] })
      expect(report.findings.map((f) => f.kind)).toContain("checkpoint-signature")
    }))

  it("names the bad fields of a checkpoint file in both languages", () => {
    const bad = Checkpoint.decode({ format: "gsyf-checkpoint/1", root: "xyz" })
    expect(Either.isLeft(bad)).toBe(true)
    if (Either.isLeft(bad)) {
      const paths = bad.left.issues.map((i) => i.path)
      expect(paths).toContain("root")
      expect(paths).toContain("heads")
    }
    const notJson = Checkpoint.decode("{")
    expect(Either.isLeft(notJson) && notJson.left.issues[0]!.zh).toBe("不是 JSON 文本")
  })

  it.effect("never reads a device as a checkpoint file (it would be read without end)", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Checkpoint.load("/dev/zero"))
      expect(error.issues[0]!.en).toBe("cannot read the checkpoint file /dev/zero")
    }))

  it.effect("refuses to sign a store whose audit finds something", () =>
    Effect.gen(function*() {
      const s = yield* store()
      yield* s.append("p", 0, "c-1", [added(1), added(2)])
      yield* s.unsafeTamper("p", 2, { n: 200 })
      const e = yield* Effect.flip(Checkpoint.take(s, signer))
      expect(e._tag).toBe("CheckpointRefused")
      expect(e.message).toMatch(/不签署检查点.*流 p 第 2 号事件.*\/ the store does not verify/)
    }))

  it.effect("reports appends after the checkpoint that carry no receipt: unattested, or findings when required", () =>
    Effect.gen(function*() {
      const unsigned = yield* EventStore.makeMemory()
      yield* unsigned.append("p", 0, "c-1", [added(1)])
      const checkpoint = yield* Checkpoint.take(unsigned, signer)
      expect(checkpoint.signedAppends).toBe(false)
      yield* unsigned.append("p", 1, "c-2", [added(2), added(3)])
      const relaxed = yield* StoreAudit.verify(unsigned, { checkpoint, keys: [verifier] })
      expect(relaxed).toMatchObject({ ok: true, unattested: [{ streamId: "p", from: 2, to: 3 }] })
      const strict = yield* StoreAudit.verify(unsigned, { checkpoint, keys: [verifier], requireReceipts: true })
      expect(strict.ok).toBe(false)
      expect(strict.findings[0]).toMatchObject({ kind: "unattested", streamId: "p", position: 2, toPosition: 3 })
      expect(strict.findings[0]!.zh).toContain("流 p 第 2 号事件")
    }))

  it.effect("gives one project's head with a proof that it is in the signed checkpoint", () =>
    Effect.gen(function*() {
      const s = yield* store()
      for (let i = 0; i < 7; i++) yield* s.append(`p-${i}`, 0, "c", [added(i)])
      const checkpoint = yield* Checkpoint.take(s, signer)
      const proof = Checkpoint.inclusionProof(checkpoint, "p-5")!
      expect(Checkpoint.verifyInclusion(proof.head, proof.index, proof.proof, checkpoint.root, checkpoint.streams))
        .toBe(
          true
        )
      const forged = { ...proof.head, version: 2 }
      expect(Checkpoint.verifyInclusion(forged, proof.index, proof.proof, checkpoint.root, checkpoint.streams)).toBe(
        false
      )
      expect(Checkpoint.inclusionProof(checkpoint, "absent")).toBeUndefined()
    }))
})
