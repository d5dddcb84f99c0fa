/**
 * A font file read in parts, as the renderer needs them. A CJK collection is 20–30 MB, nearly all of it
 * outlines of which a document uses a few hundred; reading it whole was most of the first PDF's time. The file
 * gets a buffer of its full size (zero-filled memory the system commits only where it is written), and ranges are
 * read into it on demand in 4 KB chunks, each once: the table directories and the small tables a face is opened
 * with when the file is opened, outlines when a subset needs them. Parsers keep reading one `Uint8Array` at file
 * offsets; they call {@link FontFile.ensure} before reading a range that may not be there yet.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs"

const CHUNK = 1 << 12

/** The tables a face is opened and measured with (besides the outlines), read with the directories. */
const FACE_TABLES = new Set(["head", "hhea", "maxp", "OS/2", "post", "name", "cmap", "hmtx", "loca"])

export class FontFile {
  readonly bytes: Uint8Array
  private readonly loaded: Uint8Array
  private missing: number
  /** The open file while parts are missing (closed once the file is read whole). */
  private fd: number | undefined

  private constructor(readonly path: string, fd: number, size: number) {
    this.fd = fd
    this.bytes = Buffer.alloc(size)
    this.loaded = new Uint8Array(Math.ceil(size / CHUNK))
    this.missing = this.loaded.length
  }

  /**
   * Opens a font file: its header, its faces' table directories and their small tables are read. The file stays
   * open for the parts read later (one descriptor per font file of the process).
   */
  static open(path: string): FontFile {
    const fd = openSync(path, "r")
    try {
      const file = new FontFile(path, fd, fstatSync(fd).size)
      file.readDirectories()
      return file
    } catch (e) {
      closeSync(fd)
      throw e
    }
  }

  /** Whether every byte of the file has been read. */
  get complete(): boolean {
    return this.missing === 0
  }

  /** Makes `length` bytes from `offset` (clipped to the file) present in {@link bytes}. */
  ensure(offset: number, length: number): void {
    if (this.missing === 0 || length <= 0) return
    const first = Math.max(0, Math.floor(offset / CHUNK))
    const last = Math.min(this.loaded.length - 1, Math.floor((offset + length - 1) / CHUNK))
    let c = first
    while (c <= last) {
      if (this.loaded[c] === 1) {
        c++
        continue
      }
      let end = c
      while (end + 1 <= last && this.loaded[end + 1] === 0) end++
      this.read(c * CHUNK, Math.min(this.bytes.length, (end + 1) * CHUNK))
      for (let k = c; k <= end; k++) this.loaded[k] = 1
      this.missing -= end - c + 1
      c = end + 1
    }
    if (this.missing === 0 && this.fd !== undefined) {
      closeSync(this.fd)
      this.fd = undefined
    }
  }

  /** The whole file, read if need be. */
  all(): Uint8Array {
    this.ensure(0, this.bytes.length)
    return this.bytes
  }

  private read(from: number, to: number): void {
    this.fd ??= openSync(this.path, "r")
    let at = from
    while (at < to) {
      const n = readSync(this.fd, this.bytes, at, to - at, at)
      if (n <= 0) throw new Error(`${this.path}: the file ended at ${at} bytes (changed while in use?)`)
      at += n
    }
  }

  private readDirectories(): void {
    const b = this.bytes
    const u16 = (o: number) => (b[o]! << 8) | b[o + 1]!
    const u32 = (o: number) => ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!)
    this.ensure(0, 12)
    const ttc = b[0] === 0x74 && b[1] === 0x74 && b[2] === 0x63 && b[3] === 0x66
    let faces = [0]
    if (ttc) {
      const count = u32(8)
      this.ensure(12, count * 4)
      faces = Array.from({ length: count }, (_, i) => u32(12 + i * 4))
    }
    for (const face of faces) {
      this.ensure(face, 12)
      const tables = u16(face + 4)
      this.ensure(face + 12, tables * 16)
      for (let i = 0; i < tables; i++) {
        const rec = face + 12 + i * 16
        const tag = String.fromCharCode(b[rec]!, b[rec + 1]!, b[rec + 2]!, b[rec + 3]!)
        if (FACE_TABLES.has(tag)) this.ensure(u32(rec + 8), u32(rec + 12))
      }
    }
  }
}

/** The file behind a loaded font read in parts (fonts given as bytes have none). */
export const fontFiles = new WeakMap<object, FontFile>()
