/**
 * SHA-256 of a text as lowercase hex: one call into OpenSSL with Node's one-shot
 * `crypto.hash` (Node 20.12+, 21.7+), a `Hash` object on older versions.
 *
 * @internal
 */
import * as crypto from "node:crypto"

type OneShot = (algorithm: string, data: string | Uint8Array, outputEncoding: "hex") => string

const oneShot = (crypto as { readonly hash?: OneShot }).hash

/** @internal */
export const sha256Hex: (text: string) => string = typeof oneShot === "function"
  ? (text) => oneShot("sha256", text, "hex")
  : (text) => crypto.createHash("sha256").update(text, "utf8").digest("hex")

/**
 * SHA-256 of bytes as lowercase hex, with the same one-shot call as {@link sha256Hex}: hashing the UTF-8 bytes of a
 * text gives that text's hash.
 *
 * @internal
 */
export const sha256HexOfBytes: (bytes: Uint8Array) => string = typeof oneShot === "function"
  ? (bytes) => oneShot("sha256", bytes, "hex")
  : (bytes) => crypto.createHash("sha256").update(bytes).digest("hex")
