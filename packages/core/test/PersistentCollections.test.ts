// The lifecycle's persistent map and set: what a `Map` / `Set` would hold after the same operations, whether built
// one entry at a time or at once (as a restored snapshot builds them) and changed after.
import { describe, expect, it } from "@effect/vitest"
import { Equal } from "effect"
import { PersistentMap, PersistentSet } from "../src/lifecycle/internal/persistentMap.js"

const ops: ReadonlyArray<readonly [string, number]> = [["a", 1], ["b", 2], ["a", 3], ["c", 4], ["b", 5], ["d", 6]]

describe("PersistentMap", () => {
  it("holds what a Map holds, in its order, built one by one or at once and set after", () => {
    const reference = new Map<string, number>()
    let oneByOne = PersistentMap.empty<string, number>()
    for (const [k, v] of ops) {
      reference.set(k, v)
      oneByOne = oneByOne.set(k, v)
    }
    const atOnce = PersistentMap.from(ops.slice(0, 3))
    const thenSet = ops.slice(3).reduce((m, [k, v]) => m.set(k, v), atOnce)
    for (const m of [oneByOne, thenSet]) {
      expect([...m]).toEqual([...reference])
      expect(m.size).toBe(reference.size)
      expect(["a", "b", "c", "d", "e"].map((k) => [m.has(k), m.get(k)])).toEqual(
        ["a", "b", "c", "d", "e"].map((k) => [reference.has(k), reference.get(k)])
      )
    }
    expect(Equal.equals(oneByOne, thenSet)).toBe(true)
    expect(Equal.equals(oneByOne, thenSet.set("a", 9))).toBe(false)
    // the map it was set from is left as it was
    expect([...atOnce]).toEqual([["a", 3], ["b", 2]])
  })
})

describe("PersistentSet", () => {
  it("holds what a Set holds, built one by one or at once and added to after", () => {
    const values = ["x", "y", "x", "z", "y", "w"]
    const oneByOne = values.reduce((s, v) => s.add(v), PersistentSet.empty<string>())
    const atOnce = PersistentSet.from(values.slice(0, 3))
    const thenAdded = values.slice(3).reduce((s, v) => s.add(v), atOnce)
    for (const s of [oneByOne, thenAdded]) {
      expect(new Set(s)).toEqual(new Set(values))
      expect(s.size).toBe(4)
      expect(["x", "w", "v"].map((v) => s.has(v))).toEqual([true, true, false])
    }
    expect(atOnce.add("x")).toBe(atOnce)
    expect(Equal.equals(oneByOne, thenAdded)).toBe(true)
    expect(Equal.equals(oneByOne, thenAdded.add("v"))).toBe(false)
    expect([...atOnce]).toEqual(["x", "y"])
  })
})
