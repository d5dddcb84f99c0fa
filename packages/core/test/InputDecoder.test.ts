// The compiled decoder of valid commands gives exactly what the full schema gives (the same values, the fields in
// the same order, money and decimals as the same classes) for every command of the seed lifecycle and for random
// valid commands, and gives up on anything the full schema rejects, which then reports it: what `Lifecycle.handle`
// accepts and says is unchanged.
import { describe, expect, it } from "@effect/vitest"
import { Lifecycle, ProjectCommand } from "@gsyf/core"
import { Either, Schema } from "effect"
import fc from "fast-check"
import { extraDeliverables } from "../bench/project10k.js"
import * as InputDecoder from "../src/kernel/internal/inputDecoder.js"
import { fullLifecycle } from "./fixtures/seed.js"

const fast = InputDecoder.make(ProjectCommand.Command)
const full = Schema.decodeUnknownEither(ProjectCommand.Command, InputDecoder.options)

/** The value and the order of every object's fields (`toStrictEqual` does not look at the order). */
const shape = (u: unknown): unknown =>
  Array.isArray(u)
    ? u.map(shape)
    : typeof u === "object" && u !== null
    ? [u.constructor?.name, Object.keys(u), Object.values(u).map(shape)]
    : u

const same = (input: unknown) => {
  let expected: ReturnType<typeof full>
  try {
    expected = full(input)
  } catch {
    // what the schema's parser cannot read (an object whose `toString` is not a function) the public entry refuses
    // before either decoder sees it
    expect(Either.isLeft(Lifecycle.decodeCommandInput(input))).toBe(true)
    return undefined
  }
  const got = fast(input)
  if (Either.isLeft(expected)) {
    expect(got).toBeUndefined()
  } else if (got !== undefined) {
    expect(got).toStrictEqual(expected.right)
    expect(shape(got)).toEqual(shape(expected.right))
  }
  return got
}

const commands = [...fullLifecycle(), ...extraDeliverables(50)]

describe("InputDecoder", () => {
  it("decodes every command of the seed lifecycle as the full schema does, without giving up", () => {
    expect(new Set(commands.map((c) => c._tag)).size).toBeGreaterThan(30)
    for (const c of commands) expect(same(c)).toBeDefined()
  })

  it("gives fresh objects and arrays, as the full schema does", () => {
    const c = commands.find((x) =>
      x._tag === "RecordDeliverable" && (x.evidence as { _tag: string })._tag === "hazchem-training"
    )!
    const d = fast(c) as unknown as { evidence: { trainees: Array<unknown> } }
    expect(d).not.toBe(c)
    expect(d.evidence).not.toBe(c.evidence)
    expect(d.evidence.trainees).not.toBe((c.evidence as { trainees: unknown }).trainees)
  })

  it("gives up on what the full schema rejects, which then says why", () => {
    for (const c of commands.slice(0, 80)) {
      for (const key of Object.keys(c)) {
        const { [key]: _, ...missing } = c
        same(missing)
        same({ ...c, [key]: 42 })
        same({ ...c, [key]: "" })
        same({ ...c, [key]: undefined })
        same({ ...c, [key]: { nested: true } })
      }
      same({ ...c, unexpected: 1 })
      same({ ...c, actor: { ...(c.actor as object), role: "nobody" } })
      same({ ...c, at: "2026-02-30T10:00:00+08:00" })
    }
    const bad = { ...commands[0]!, unexpected: 1 }
    const r = Lifecycle.decodeCommandInput(bad)
    expect(Either.isLeft(r) && r.left.issues.map((i) => i.path)).toContain("unexpected")
  })

  it("agrees with the full schema on random changes anywhere in the commands", () => {
    // a value replaced at a random path of a seed command (a field, an array item, a nested field)
    const paths = (u: unknown, at: ReadonlyArray<string | number> = []): Array<ReadonlyArray<string | number>> =>
      typeof u !== "object" || u === null
        ? [at]
        : [at, ...Object.entries(u).flatMap(([k, v]) => paths(v, [...at, Array.isArray(u) ? Number(k) : k]))]
    const replaced = (u: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown => {
      if (path.length === 0) return value
      const [head, ...rest] = path
      if (Array.isArray(u)) return u.map((x, i) => (i === head ? replaced(x, rest, value) : x))
      const o = u as Record<string, unknown>
      return { ...o, [head!]: replaced(o[head!], rest, value) }
    }
    const seed = fc.constantFrom(...commands).chain((c) => fc.constantFrom(...paths(c)).map((p) => [c, p] as const))
    const value = fc.oneof(
      fc.anything(),
      fc.constantFrom("", " ", "2026-02-30", "2026-06-01", "provider", "agency", -1, 0, 1.5, 1e9, null, [], {})
    )
    fc.assert(fc.property(seed, value, ([c, path], v) => void same(replaced(c, path, v))), { numRuns: 2000 })
  })
})
