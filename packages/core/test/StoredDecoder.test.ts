// The decoder for rows the store wrote at the current schema version gives exactly what the full schema gives,
// for every event of the seed lifecycle (money, decimals, legal bases and findings included), and gives up on
// anything else, so that the full schema decodes it and reports the error.
import { describe, expect, it, vi } from "@effect/vitest"
import { CommandHandler, type EventStore, LegalBasis, ProjectEvent } from "@gsyf/core"
import { Either, Schema } from "effect"
import { fullLifecycle, runCommands } from "./fixtures/seed.js"

const encode = Schema.encodeSync(ProjectEvent.Stored)
const full = Schema.decodeUnknownEither(ProjectEvent.Stored)
const { events } = runCommands(fullLifecycle())
const rows = events.map((e) => JSON.parse(JSON.stringify(encode(e))) as Record<string, unknown>)
const stored = (data: Record<string, unknown>, position: number): EventStore.StoredEvent => ({
  streamId: "p",
  position,
  globalPosition: position,
  type: String(data._tag),
  schemaVersion: ProjectEvent.currentVersion,
  data,
  commandId: String(data.commandId),
  recordedAt: "2026-01-01T00:00:00.000Z",
  prevHash: "",
  hash: ""
})

describe("ProjectEvent.decodeStored", () => {
  it("decodes every stored event of the seed lifecycle as the full schema does", () => {
    expect(new Set(rows.map((r) => r._tag)).size).toBeGreaterThan(25)
    for (const row of rows) {
      const fast = ProjectEvent.decodeStored(String(row._tag), row)
      expect(fast).toBeDefined()
      expect(fast).toEqual(Either.getOrThrow(full(row)))
    }
    expect(Either.getOrThrow(CommandHandler.decodeEvents(ProjectEvent.codec, rows.map(stored)))).toEqual(events)
  })

  it("leaves a row it does not own as it was, and writes into one it owns (the same event)", () => {
    for (const row of rows) {
      const text = JSON.stringify(row)
      const copied = ProjectEvent.decodeStored(String(row._tag), row)
      expect(JSON.stringify(row)).toBe(text)
      const own = JSON.parse(text) as Record<string, unknown>
      const inPlace = ProjectEvent.decodeStored(String(row._tag), own, true)
      expect(inPlace).toEqual(copied)
      if (row.basis !== undefined && (row.basis as ReadonlyArray<unknown>).length > 0) expect(inPlace).toBe(own)
    }
  })

  it("gives up on rows that are not what the schema writes; the full schema then reports the error", () => {
    const contract = rows.find((r) => r._tag === "ContractSigned")!
    const broken: ReadonlyArray<Record<string, unknown>> = [
      { ...contract, amount: true }, // money as a boolean
      { ...contract, subProject: "other" }, // not a sub-project
      { ...contract, actor: undefined }, // a required field missing
      { ...contract, basis: "实施方案" }, // not a list
      { ...contract, basis: ["lb:0000000000000000"] }, // a reference the catalog does not hold
      { ...contract, _tag: "DeliverableRecorded" } // another event's shape
    ]
    for (const row of broken) {
      expect(ProjectEvent.decodeStored(String(row._tag), row)).toBeUndefined()
      const r = CommandHandler.decodeEvents(ProjectEvent.codec, [stored(row, 1)])
      expect(Either.isLeft(r) && r.left._tag).toBe("EventCodecError")
    }
    expect(ProjectEvent.decodeStored("NoSuchEvent", contract)).toBeUndefined()
  })

  it("decodes references to the catalog's own entries and bare rule ids to shared evaluations; whole bases too", () => {
    const deliverables = rows.filter((r) => r._tag === "DeliverableRecorded").slice(0, 2)
    expect(deliverables.length).toBe(2)
    const [a, b] = deliverables.map((r) => ProjectEvent.decodeStored("DeliverableRecorded", r)!)
    expect(a!.basis.length).toBeGreaterThan(0)
    for (const basis of a!.basis) {
      expect(LegalBasis.catalog.byRef.get(LegalBasis.catalog.refFor(basis)!)).toBe(basis)
    }
    const bareA = a!.evaluations.filter((e) => e.reads.length === 0 && e.findings.length === 0)
    expect(bareA.length).toBeGreaterThan(0)
    for (const e of bareA) {
      expect(Object.isFrozen(e)).toBe(true)
      const same = b!.evaluations.find((x) => x.ruleId === e.ruleId)
      if (same !== undefined && same.reads.length === 0 && same.findings.length === 0) expect(same).toBe(e)
    }
    // a basis written whole (not in the catalog) decodes as the full schema decodes it
    const whole = {
      ...deliverables[0]!,
      basis: [{ level: "city", citation: "示例市 另一文件" }, ...(deliverables[0]!.basis as [])]
    }
    expect(ProjectEvent.decodeStored("DeliverableRecorded", whole)).toEqual(Either.getOrThrow(full(whole)))
  })

  it("keeps a stored text as the store wrote it (in NFC: it was decoded before it was stored), checking it is text", () => {
    const deliverable = rows.find((r) => r._tag === "DeliverableRecorded" && (r.evidence as { park?: unknown }).park)!
    const evidence = deliverable.evidence as Record<string, unknown>
    const written = { ...deliverable, evidence: { ...evidence, park: "园区 Café" } }
    const fast = ProjectEvent.decodeStored("DeliverableRecorded", written) as ProjectEvent.Of<"DeliverableRecorded">
    expect(fast.evidence).toMatchObject({ park: "园区 Café" })
    expect(fast).toEqual(Either.getOrThrow(full(written)))
    // a text as anything else is not what the schema writes
    expect(ProjectEvent.decodeStored("DeliverableRecorded", { ...deliverable, evidence: { ...evidence, park: 3 } }))
      .toBeUndefined()
    // input from outside the store is normalised by the full schema
    const decomposed = { ...deliverable, evidence: { ...evidence, park: "园区 Cafe\u0301" } }
    expect((Either.getOrThrow(full(decomposed)) as ProjectEvent.Of<"DeliverableRecorded">).evidence)
      .toMatchObject({ park: "园区 Café" })
  })
})

describe("CommandHandler.decodeEvents without a codec fast path", () => {
  const Added = Schema.TaggedStruct("Added", { n: Schema.Int, amount: Schema.NumberFromString })
  const codec = {
    schema: Added,
    typeOf: () => "Added",
    currentVersion: 1,
    upcast: (_t: string, _v: number, d: unknown) => d
  }
  const row = (data: unknown, position: number): EventStore.StoredEvent => ({
    ...stored({ _tag: "Added" }, position),
    type: "Added",
    schemaVersion: 1,
    data
  })

  it("decodes current rows with a decoder compiled from the schema (transformations run)", () => {
    const r = CommandHandler.decodeEvents(codec, [row({ _tag: "Added", n: 1, amount: "2.5" }, 1)])
    expect(Either.getOrThrow(r)).toEqual([{ _tag: "Added", n: 1, amount: 2.5 }])
  })

  it("falls back to the schema, and its error, for rows of another shape", () => {
    const r = CommandHandler.decodeEvents(codec, [row({ _tag: "Added", n: "one", amount: "2.5" }, 1)])
    expect(Either.isLeft(r) && r.left.reason).toContain("n")
  })
})

describe("the stored-row decoder where code generation from strings is refused", () => {
  it("decodes with its loop instead of generated code, to the same events", () => {
    // a codec without a fast path of its own: the handler compiles a decoder from its schema on first use
    const codec = { ...ProjectEvent.codec, decodeStored: undefined }
    const refused = vi.fn(() => {
      throw new EvalError("Code generation from strings disallowed for this context")
    })
    vi.stubGlobal("Function", refused)
    try {
      const decoded = CommandHandler.decodeEvents(codec, rows.map(stored))
      expect(refused).toHaveBeenCalled()
      expect(Either.getOrThrow(decoded)).toEqual(events)
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
