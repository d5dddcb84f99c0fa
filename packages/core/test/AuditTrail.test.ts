import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import { execFile } from "node:child_process"
import { createHash } from "node:crypto"
import { accessSync, constants, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { delimiter, join } from "node:path"
import { promisify } from "node:util"
import * as AuditTrail from "../src/runtime/AuditTrail.js"
import { canonicalBody } from "../src/runtime/internal/canonicalJson.js"

/** Whether an executable of that name is on the PATH (looked up in the file system, no process started). */
const has = (cmd: string) =>
  (process.env["PATH"] ?? "").split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, cmd), constants.X_OK)
      return true
    } catch {
      return false
    }
  })

/** External programs run asynchronously: a test never blocks its vitest worker. */
const exec = async (file: string, args: ReadonlyArray<string>, cwd?: string): Promise<string> =>
  (await promisify(execFile)(file, [...args], { cwd, encoding: "utf8", timeout: 60_000 })).stdout

describe("canonical JSON (RFC 8785)", () => {
  it("matches the RFC 8785 §3.2.2 example", () => {
    const input = JSON.parse(
      `{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],` +
        ` "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}`
    )
    expect(AuditTrail.canonicalize(input)).toBe(
      `{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA'B\\"\\\\\\\\\\"/"}`
    )
  })

  it("sorts keys by UTF-16 code units (RFC 8785 §3.2.3)", () => {
    const keys = ["\u20ac", "\r", "\ufb33", "1", "\ud83d\ude00", "\u0080", "\u00f6"]
    const obj = Object.fromEntries(keys.map((k, i) => [k, i]))
    const out = AuditTrail.canonicalize(obj)
    expect(out).toBe(`{"\\r":1,"1":3,"\u0080":5,"\u00f6":6,"\u20ac":0,"\ud83d\ude00":4,"\ufb33":2}`)
    // Code-point order would put the emoji last; UTF-16 puts it before U+FB33.
    expect(out.indexOf("😀")).toBeLessThan(out.indexOf("\ufb33"))
  })

  it("writes Chinese text as is and nested arrays in order", () => {
    expect(AuditTrail.canonicalize({ 项目: "工伤预防", b: [[3, 2], [], [{ y: 1, x: [null] }]], a: "" })).toBe(
      `{"a":"","b":[[3,2],[],[{"x":[null],"y":1}]],"项目":"工伤预防"}`
    )
    expect(AuditTrail.canonicalize([])).toBe("[]")
    expect(AuditTrail.canonicalize({})).toBe("{}")
    expect(AuditTrail.canonicalize("a\u2028b\u0007")).toBe(`"a\u2028b\\u0007"`)
  })

  it("serialises numbers as ECMAScript does", () => {
    expect(AuditTrail.canonicalize([0, -0, 1, -1, 1.5, 1e21, 1e-7, 123456789012345680000, 9007199254740991])).toBe(
      "[0,0,1,-1,1.5,1e+21,1e-7,123456789012345680000,9007199254740991]"
    )
  })

  it("rejects what is not plain JSON, naming the path", () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    for (
      const bad of [
        undefined,
        Number.NaN,
        Infinity,
        1n,
        () => 1,
        new Date(0),
        { a: [1, { b: undefined }] },
        cyclic
      ]
    ) {
      expect(() => AuditTrail.canonicalize(bad)).toThrow(TypeError)
    }
    const problem = AuditTrail.canonicalizeEither({ a: [1, { b: undefined }] })
    expect(Either.isLeft(problem) && problem.left).toEqual({ path: "a[1].b", what: "undefined" })
    // The same object twice (not a cycle) is fine.
    const shared = { x: 1 }
    expect(AuditTrail.canonicalize({ a: shared, b: shared })).toBe(`{"a":{"x":1},"b":{"x":1}}`)
  })

  it("writes event bodies the fast way exactly as canonicalize does", () => {
    const body = {
      streamId: "项目-1",
      position: 3,
      type: "Paid",
      schemaVersion: 2,
      commandId: "c\"1",
      recordedAt: "2025-01-01T00:00:00.000Z",
      data: { z: 1, a: ["é"] }
    }
    expect(
      canonicalBody(body.streamId, 3, "Paid", 2, body.commandId, body.recordedAt, AuditTrail.canonicalize(body.data))
    ).toBe(
      AuditTrail.canonicalize(body)
    )
  })

  it("hashes a body as the SHA-256 of the previous hash and the body's canonical JSON, and names bad data", () => {
    const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex")
    const prev = "ab".repeat(32)
    const bodies: ReadonlyArray<AuditTrail.HashedBody> = [
      {
        streamId: "项目-1",
        position: 3,
        type: "Paid",
        schemaVersion: 2,
        commandId: "c\"1",
        recordedAt: "t",
        data: {
          z: 1,
          a: [{ y: -0, b: "é" }]
        }
      },
      { streamId: "s", position: 1, type: "T", schemaVersion: 1, commandId: "c", recordedAt: "t", data: null }
    ]
    for (const b of bodies) {
      expect(AuditTrail.hashEvent(prev, b)).toBe(sha(prev + AuditTrail.canonicalize(AuditTrail.bodyOf(b))))
    }
    const bad = { ...bodies[0]!, data: { a: [1, undefined] } }
    expect(() => AuditTrail.hashEvent(prev, bad)).toThrow("not JSON at data.a[1]: undefined")
    const badPosition = { ...bodies[1]!, position: Number.NaN }
    expect(() => AuditTrail.hashEvent(prev, badPosition)).toThrow("not JSON at position: non-finite number NaN")
  })
})

const body = (position: number, data: unknown, streamId = "project-2025-001"): AuditTrail.HashedBody => ({
  streamId,
  position,
  type: position === 1 ? "ProjectFiled" : "PaymentRecorded",
  schemaVersion: 1,
  commandId: `cmd-${streamId}-${position}`,
  recordedAt: `2025-03-0${position}T08:00:00.000Z`,
  data
})

const trail = AuditTrail.chain(AuditTrail.genesisHash, [
  body(1, { 名称: "建筑施工企业工伤预防培训", budget: "300000.00" }),
  body(2, { amount: "90000.00", stage: "首付" }),
  body(3, { amount: "150000.00", stage: "中期", tags: ["现场", "😀"] })
])

describe.each([0, 1])("hash chain (hash threads: %i)", (hashThreads) => {
  const verify = (events: Iterable<AuditTrail.ChainedEvent>) => AuditTrail.verify(events, { hashThreads })

  it("hashes prevHash + canonical(body) with SHA-256", () => {
    const b = body(1, { a: 1 })
    const expected = createHash("sha256")
      .update("0".repeat(64) + AuditTrail.canonicalize(b))
      .digest("hex")
    expect(AuditTrail.hashEvent(AuditTrail.genesisHash, b)).toBe(expected)
    expect(AuditTrail.genesisHash).toBe("0".repeat(64))
    // Extra fields are not hashed.
    expect(AuditTrail.hashEvent(AuditTrail.genesisHash, { ...b, extra: 1 } as AuditTrail.HashedBody)).toBe(expected)
  })

  it("verifies an intact trail and names the first broken position", () => {
    expect(verify(trail)).toEqual({ ok: true, count: 3, head: trail[2]!.hash })
    expect(verify([])).toEqual({ ok: true, count: 0, head: AuditTrail.genesisHash })

    const altered = trail.map((e) => (e.position === 2 ? { ...e, data: { amount: "99000.00", stage: "首付" } } : e))
    expect(verify(altered)).toMatchObject({ ok: false, firstBrokenPosition: 2, reason: "hash-mismatch" })

    const rehashed = [trail[0]!, { ...altered[1]!, hash: AuditTrail.hashEvent(trail[0]!.hash, altered[1]!) }, trail[2]!]
    expect(verify(rehashed)).toMatchObject({
      ok: false,
      firstBrokenPosition: 3,
      reason: "prev-hash-mismatch"
    })

    expect(verify([trail[0]!, trail[2]!])).toMatchObject({
      ok: false,
      firstBrokenPosition: 2,
      reason: "position-gap"
    })
    expect(verify(trail.slice(1))).toMatchObject({
      ok: false,
      firstBrokenPosition: 1,
      reason: "position-gap"
    })
  })

  it("verifies stored rows by their canonical text, catching an altered row", () => {
    const rows = trail.map((e) => ({ ...e, data: undefined, dataJson: AuditTrail.canonicalize(e.data) }))
    expect(verify(rows)).toEqual({ ok: true, count: 3, head: trail[2]!.hash })
    const edited = rows.map((
      e
    ) => (e.position === 2 ? { ...e, dataJson: e.dataJson.replace(/"[^"]*"}$/, "\"改\"}") } : e))
    expect(edited[1]!.dataJson).not.toBe(rows[1]!.dataJson)
    expect(verify(edited)).toMatchObject({ ok: false, firstBrokenPosition: 2, reason: "hash-mismatch" })
    // the same JSON written with other spacing is other bytes: the chain binds the stored text
    const spaced = rows.map((e) => (e.position === 3 ? { ...e, dataJson: e.dataJson.replace(":", ": ") } : e))
    expect(verify(spaced)).toMatchObject({ ok: false, firstBrokenPosition: 3, reason: "hash-mismatch" })
  })

  it("catches an altered field in stored rows that share their command's fields", () => {
    // events 2–4 come from one command: same command id, instant, type and schema version
    const shared = { commandId: "cmd-batch", recordedAt: "2025-03-02T08:00:00.000Z" }
    const batch = AuditTrail.chain(AuditTrail.genesisHash, [
      body(1, { 名称: "培训" }),
      { ...body(2, { n: 1 }), ...shared },
      { ...body(3, { n: 2 }), ...shared },
      { ...body(4, { n: 3 }), ...shared }
    ])
    const rows = batch.map((e) => ({ ...e, dataJson: AuditTrail.canonicalize(e.data) }))
    expect(verify(rows)).toEqual({ ok: true, count: 4, head: batch[3]!.hash })
    const edits: ReadonlyArray<Partial<AuditTrail.ChainedEvent>> = [
      { commandId: "cmd-other" },
      { recordedAt: "2025-03-02T08:00:00.001Z" },
      { type: "Changed" },
      { schemaVersion: 2 },
      { schemaVersion: Number.NaN },
      { schemaVersion: Number.POSITIVE_INFINITY },
      { dataJson: "{\"n\":3}" }
    ]
    for (const edit of edits) {
      const edited = rows.map((e) => (e.position === 3 ? { ...e, ...edit } : e))
      expect(verify(edited)).toMatchObject({ ok: false, firstBrokenPosition: 3, reason: "hash-mismatch" })
    }
    // a stream moved under another id is a new chain for that id, which must start at position 1
    const moved = rows.map((e) => (e.position === 3 ? { ...e, streamId: "s-2" } : e))
    expect(verify(moved)).toMatchObject({ ok: false, streamId: "s-2", reason: "position-gap" })
  })

  it("hashes stored rows as the UTF-8 of their text: non-ASCII, escapes, surrogate pairs and long texts", () => {
    const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex")
    const long = "工伤预防".repeat(30_000) // 360 KB of UTF-8, more than the buffer starts with
    const bodies: ReadonlyArray<AuditTrail.HashedBody> = [
      { ...body(1, { 名称: "培训", q: "say \"hi\"\\ \n\t\u0000\u001f", e: "😀é" }), commandId: "命令-1" },
      { ...body(2, { long }), streamId: "project-2025-001", type: "类型", recordedAt: "时刻" },
      { ...body(3, { n: 1 }), commandId: "c\"\\\u2028" },
      { ...body(4, "only ASCII"), schemaVersion: 12 },
      { ...body(5, null), commandId: "命令-1" }
    ]
    const chained = AuditTrail.chain(AuditTrail.genesisHash, bodies)
    const rows = chained.map((e) => ({ ...e, data: undefined, dataJson: AuditTrail.canonicalize(e.data) }))
    expect(verify(rows)).toEqual({ ok: true, count: 5, head: chained[4]!.hash })
    // another stream, with escapes and non-ASCII in its id, interleaved
    const other = AuditTrail.chain(AuditTrail.genesisHash, [body(1, [1], "流\"\\\t"), body(2, ["é"], "流\"\\\t")])
      .map((e) => ({ ...e, dataJson: AuditTrail.canonicalize(e.data) }))
    expect(verify([other[0]!, ...rows, other[1]!])).toMatchObject({
      ok: true,
      count: 7,
      head: other[1]!.hash
    })
    let prev = AuditTrail.genesisHash
    for (const e of chained) {
      expect(e.hash).toBe(sha(prev + AuditTrail.canonicalize(AuditTrail.bodyOf(e))))
      prev = e.hash
    }
    // a long row between short ones, and short rows after it
    const edited = rows.map((e) => (e.position === 4 ? { ...e, dataJson: "\"only ASCIi\"" } : e))
    expect(verify(edited)).toMatchObject({ ok: false, firstBrokenPosition: 4, reason: "hash-mismatch" })
    for (
      const edit of [{ position: 3 }, { prevHash: rows[2]!.hash }, { type: "PaymentRecorded" }, { dataJson: "{}" }]
    ) {
      const moved = rows.map((e) => (e.position === 2 ? { ...e, ...edit } : e))
      expect(verify(moved)).toMatchObject({ ok: false, firstBrokenPosition: 2 })
    }
  })

  it("hashes rows of one length alike before and after a long row", () => {
    // the rows of the same length before and after the writer grows for a long one are hashed from its new bytes
    const bodies = [body(1, { n: 0 }), body(2, { n: 1 }), body(3, { long: "长".repeat(100_000) }), body(4, { n: 2 })]
    const chained = AuditTrail.chain(AuditTrail.genesisHash, bodies)
    const rows = chained.map((e) => ({ ...e, dataJson: AuditTrail.canonicalize(e.data) }))
    expect(verify(rows)).toEqual({ ok: true, count: 4, head: chained[3]!.hash })
    const edited = rows.map((e) => (e.position === 4 ? { ...e, dataJson: "{\"n\":1}" } : e))
    expect(verify(edited)).toMatchObject({ ok: false, firstBrokenPosition: 4, reason: "hash-mismatch" })
  })

  it("hashes stored rows whose columns are not of their declared types as their JSON", () => {
    // a command id read back as a number is written as JSON, as `hashEvent` writes it
    const odd = { ...body(1, { n: 1 }), commandId: 7 as unknown as string }
    const oddType = { ...body(2, { n: 2 }), type: 5 as unknown as string }
    const chained = AuditTrail.chain(AuditTrail.genesisHash, [odd, oddType, body(3, { n: 3 })])
    expect(chained[0]!.hash).toBe(
      createHash("sha256").update(AuditTrail.genesisHash + AuditTrail.canonicalize(odd)).digest("hex")
    )
    const rows = chained.map((e) => ({ ...e, dataJson: AuditTrail.canonicalize(e.data) }))
    expect(verify(rows)).toEqual({ ok: true, count: 3, head: chained[2]!.hash })
    expect(verify(rows.map((e) => (e.position === 2 ? { ...e, type: "5" } : e)))).toMatchObject({
      ok: false,
      firstBrokenPosition: 2
    })
  })

  it("refuses stored rows whose schema version is not a finite number, even hashed as a template would write them", () => {
    // JSON has no Infinity: such a body has no canonical text, however its hash was made
    const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex")
    const rows: Array<AuditTrail.ChainedEvent & { readonly dataJson: string }> = []
    let prevHash = AuditTrail.genesisHash
    for (const position of [1, 2, 3, 4]) {
      const b = { ...body(position, { n: position }), schemaVersion: position === 1 ? 1 : Number.POSITIVE_INFINITY }
      const dataJson = AuditTrail.canonicalize(b.data)
      const text = `{"commandId":${JSON.stringify(b.commandId)},"data":${dataJson},"position":${position},` +
        `"recordedAt":${JSON.stringify(b.recordedAt)},"schemaVersion":${b.schemaVersion},` +
        `"streamId":${JSON.stringify(b.streamId)},"type":${JSON.stringify(b.type)}}`
      const hash = position === 1 ? AuditTrail.hashEvent(prevHash, b) : sha(prevHash + text)
      rows.push({ ...b, prevHash, hash, dataJson })
      prevHash = hash
    }
    expect(verify(rows.slice(0, 1))).toMatchObject({ ok: true })
    expect(verify(rows)).toMatchObject({ ok: false, firstBrokenPosition: 2, reason: "hash-mismatch" })
    expect(verify([rows[0]!, { ...rows[1]!, schemaVersion: 1 }, ...rows.slice(2)])).toMatchObject({
      ok: false,
      firstBrokenPosition: 2
    })
  })

  it("hashes a stored text holding a lone surrogate as its UTF-8 (U+FFFD), as hashing the text does", () => {
    // canonical JSON escapes lone surrogates, but a store's text may hold one: it is hashed, never refused
    const dataJson = "\"a\ud800b\""
    const b = body(1, undefined)
    const text = AuditTrail.genesisHash + canonicalBody(
      b.streamId,
      b.position,
      b.type,
      b.schemaVersion,
      b.commandId,
      b.recordedAt,
      dataJson
    )
    expect(Buffer.from(text, "utf8").includes(Buffer.from("a\u{fffd}b", "utf8"))).toBe(true)
    const hash = createHash("sha256").update(text, "utf8").digest("hex")
    const row = { ...b, prevHash: AuditTrail.genesisHash, hash, dataJson }
    expect(verify([row])).toEqual({ ok: true, count: 1, head: hash })
    expect(verify([{ ...row, dataJson: "\"a\ufffdb\"" }])).toMatchObject({ ok: true })
    expect(verify([{ ...row, dataJson: "\"a\udc00b\"" }])).toMatchObject({ ok: true })
    expect(verify([{ ...row, dataJson: "\"ab\"" }])).toMatchObject({ ok: false, reason: "hash-mismatch" })
  })

  it("hashes stored rows of many types, times, versions and streams in any order as hashEvent does", () => {
    // seeded and repeatable: types come back after others, the schema version changes under a type already seen,
    // two streams interleave, every command has its own time, and a few columns are not of their declared type
    let seed = 20261203
    const next = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n
    const types = ["ProjectFiled", "DeliverableRecorded", "类型\"引号\"", "PaymentRecorded", "Tab\tType"]
    const times = (i: number) =>
      next(9) === 0 ? 1_700_000_000_000 + i : new Date(Date.UTC(2026, 3, 25) + i * 37_000 + next(999)).toISOString()
    const positions = new Map<string, number>()
    const heads = new Map<string, string>()
    const rows: Array<AuditTrail.ChainedEvent & { readonly dataJson: string }> = []
    for (let i = 0; i < 600; i++) {
      const streamId = next(4) === 0 ? "s-二" : "s-1"
      const position = (positions.get(streamId) ?? 0) + 1
      positions.set(streamId, position)
      const b: AuditTrail.HashedBody = {
        streamId,
        position,
        type: next(40) === 0 ? (next(2) as unknown as string) : types[next(types.length)]!,
        schemaVersion: next(10) === 0 ? 2 : 3,
        commandId: `cmd-${i}`,
        recordedAt: times(i) as string,
        data: { n: i, 名称: "培训".repeat(next(5)) }
      }
      const prevHash = heads.get(streamId) ?? AuditTrail.genesisHash
      const hash = AuditTrail.hashEvent(prevHash, b)
      heads.set(streamId, hash)
      rows.push({ ...b, prevHash, hash, dataJson: AuditTrail.canonicalize(b.data) })
    }
    expect(verify(rows)).toEqual({ ok: true, count: 600, head: rows[599]!.hash })
    // one field of one row changed, for rows whose type, version and stream the writer has seen before
    const edits: ReadonlyArray<(e: AuditTrail.ChainedEvent) => Partial<AuditTrail.ChainedEvent>> = [
      (e) => ({ type: e.type === types[1] ? types[3]! : types[1]! }),
      (e) => ({ schemaVersion: e.schemaVersion === 3 ? 2 : 3 }),
      (e) => ({ recordedAt: typeof e.recordedAt === "string" ? e.recordedAt.replace(/Z$/, "+00:00") : "x" }),
      () => ({ commandId: "cmd-x" })
    ]
    for (const at of [40, 41, 200, 333, 598]) {
      for (const edit of edits) {
        const row = rows[at]!
        const edited = rows.map((e) => (e === row ? { ...e, ...edit(e) } : e))
        expect(verify(edited)).toMatchObject({
          ok: false,
          streamId: row.streamId,
          firstBrokenPosition: row.position,
          reason: "hash-mismatch"
        })
      }
    }
  })

  it("checks interleaved streams each on its own", () => {
    const other = AuditTrail.chain(AuditTrail.genesisHash, [body(1, { x: 1 }, "s-2"), body(2, { x: 2 }, "s-2")])
    const interleaved = [trail[0]!, other[0]!, trail[1]!, other[1]!, trail[2]!]
    expect(verify(interleaved)).toMatchObject({ ok: true, count: 5 })
    const broken = [...interleaved]
    broken[3] = { ...other[1]!, type: "Changed" }
    expect(verify(broken)).toMatchObject({ ok: false, streamId: "s-2", firstBrokenPosition: 2 })
  })
})

describe("JSON Lines export", () => {
  const jsonl = AuditTrail.exportJsonl(trail)

  it("writes one canonical line per event with prevHash and hash", () => {
    const lines = jsonl.split("\n")
    expect(lines.length).toBe(4)
    expect(lines[3]).toBe("")
    expect(JSON.parse(lines[1]!)).toMatchObject({ position: 2, prevHash: trail[0]!.hash, hash: trail[1]!.hash })
  })

  // The auditor's recipe, restated with nothing from gsyf: parse each line, pick
  // the seven fields, sort keys, no whitespace, SHA-256 over prevHash + text.
  const recheck = (text: string): string => {
    const sortKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sortKeys)
        : v !== null && typeof v === "object"
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]))
        : v
    const heads = new Map<string, string>()
    for (const [i, line] of text.split("\n").filter((l) => l !== "").entries()) {
      const e = JSON.parse(line)
      const picked = Object.fromEntries(
        ["streamId", "position", "type", "schemaVersion", "commandId", "recordedAt", "data"].map((k) => [k, e[k]])
      )
      const prev = heads.get(e.streamId) ?? "0".repeat(64)
      const h = createHash("sha256").update(prev + JSON.stringify(sortKeys(picked)), "utf8").digest("hex")
      if (e.prevHash !== prev || e.hash !== h) return `broken at line ${i + 1}`
      heads.set(e.streamId, h)
    }
    return "ok"
  }

  it("can be rechecked from the text alone", () => {
    expect(recheck(jsonl)).toBe("ok")
    expect(recheck(jsonl.replace("90000.00", "90001.00"))).toBe("broken at line 2")
  })

  const dir = mkdtempSync(join(tmpdir(), "gsyf-audit-"))
  const file = join(dir, "trail.jsonl")
  writeFileSync(file, jsonl)
  const tamperedFile = join(dir, "tampered.jsonl")
  writeFileSync(tamperedFile, jsonl.replace("150000.00", "150001.00"))

  it.skipIf(!has("python3"))("passes the documented Python recipe", async () => {
    const doc = /```python\n([\s\S]*?)```/.exec(AuditTrailSource())![1]!.replace(/^ \* ?/gm, "")
    const script = join(dir, "recheck.py")
    writeFileSync(script, doc)
    expect((await exec("python3", [script, file])).trim()).toBe("ok 1 streams")
    await expect(exec("python3", [script, tamperedFile])).rejects.toThrow(/position 3/)
  })

  it.skipIf(!has("jq") || !has("sha256sum") || !has("bash"))("passes the documented jq/sha256sum recipe", async () => {
    const doc = /```sh\n([\s\S]*?)```/.exec(AuditTrailSource())![1]!.replace(/^ \* ?/gm, "")
    const script = join(dir, "recheck.sh")
    writeFileSync(script, doc)
    expect((await exec("bash", [script], dir)).trim()).toBe("ok")
    writeFileSync(file, jsonl.replace("150000.00", "150001.00"))
    const failed = await exec("bash", [script], dir).then(
      () => "passed",
      (e: { readonly stdout: string }) => String(e.stdout)
    )
    expect(failed.trim()).toBe("broken at 3")
  })
})

import { readFileSync } from "node:fs"
function AuditTrailSource(): string {
  return readFileSync(new URL("../src/runtime/AuditTrail.ts", import.meta.url), "utf8")
}
