/**
 * The Merkle tree hash of RFC 9162 (Certificate Transparency 2.0), §2.1: leaves
 * hashed with a 0x00 prefix, interior nodes with 0x01, the tree split at the
 * largest power of two below its size; and the inclusion proofs of §2.1.3.
 *
 * @internal
 */
import { createHash } from "node:crypto"

const sha256 = (...parts: ReadonlyArray<Uint8Array>): Buffer => {
  const h = createHash("sha256")
  for (const p of parts) h.update(p)
  return h.digest()
}

const leafPrefix = Uint8Array.of(0)
const nodePrefix = Uint8Array.of(1)

/** `SHA-256(0x00 || leaf)` of a leaf's UTF-8 text. */
export const leafHash = (leaf: string): Buffer => sha256(leafPrefix, Buffer.from(leaf, "utf8"))

const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer => sha256(nodePrefix, left, right)

/** The largest power of two smaller than `n` (n ≥ 2). */
const split = (n: number): number => {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

const treeHash = (hashes: ReadonlyArray<Buffer>, from: number, to: number): Buffer => {
  const n = to - from
  if (n === 1) return hashes[from]!
  const k = split(n)
  return nodeHash(treeHash(hashes, from, from + k), treeHash(hashes, from + k, to))
}

/** MTH of the leaves' hashes, hex; the hash of the empty string for no leaves. */
export const root = (leafHashes: ReadonlyArray<Buffer>): string =>
  (leafHashes.length === 0 ? sha256() : treeHash(leafHashes, 0, leafHashes.length)).toString("hex")

/** The audit path of leaf `index` (RFC 9162 §2.1.3.1), hex, from the leaf upwards. */
export const inclusionProof = (leafHashes: ReadonlyArray<Buffer>, index: number): Array<string> => {
  const path: Array<string> = []
  const walk = (from: number, to: number, m: number): void => {
    const n = to - from
    if (n <= 1) return
    const k = split(n)
    if (m < k) {
      walk(from, from + k, m)
      path.push(treeHash(leafHashes, from + k, to).toString("hex"))
    } else {
      walk(from + k, to, m - k)
      path.push(treeHash(leafHashes, from, from + k).toString("hex"))
    }
  }
  walk(0, leafHashes.length, index)
  return path
}

/** Checks an audit path against a root (RFC 9162 §2.1.3.2). */
export const verifyInclusion = (
  leaf: Buffer,
  index: number,
  size: number,
  proof: ReadonlyArray<string>,
  expectedRoot: string
): boolean => {
  if (index < 0 || index >= size) return false
  let fn = index
  let sn = size - 1
  let r = leaf
  for (const p of proof) {
    if (sn === 0) return false
    const sibling = Buffer.from(p, "hex")
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(sibling, r)
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2)
          sn = Math.floor(sn / 2)
        }
      }
    } else {
      r = nodeHash(r, sibling)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  return sn === 0 && r.toString("hex") === expectedRoot
}
