// The lifecycle's persistent map and set: what a `Map` / `Set` would hold after the same operations, whether built
// one entry at a time or at once (as a restored snapshot builds them) and changed after.
import { describe, expect, it } from "@effect/vitest"
import { Equal } from "effect"
import { newOwner, PersistentMap, PersistentSet } from "../src/lifecycle/internal/persistentMap.js"

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

// A batch writes what it made itself later than it says it does (each map and set keeps the batch's writes in order
// and applies them before anything reads it): reads in the middle of a batch, after it and from maps that share
// its entries see every write, in order, and the maps it started from stay as they were.
describe("a batch's own maps and sets", () => {
  const keys = Array.from({ length: 200 }, (_, i) => `k${i % 150}`)

  it("hold what a Map holds, read in the middle of the batch, after it and when shared", () => {
    const owner = newOwner()
    const reference = new Map<string, number>()
    const start = PersistentMap.from([["k0", -1]])
    let m = start
    keys.forEach((k, i) => {
      reference.set(k, i)
      m = m.setBy(owner, k, i)
      // a read now and then in the middle of the batch, then more writes
      if (i % 61 === 60) expect([m.get(k), m.size]).toEqual([i, reference.size])
    })
    expect([...m]).toEqual([...reference])
    expect(m.has("k149")).toBe(true)
    expect(m.get("k3")).toBe(153)
    // after the batch: a write shares the entries, and what it shares is complete
    const after = m.set("new", 1)
    expect([...after]).toEqual([...reference, ["new", 1]])
    expect(m.has("new")).toBe(false)
    expect([...start]).toEqual([["k0", -1]])
    expect(Equal.equals(m, PersistentMap.from(reference))).toBe(true)
  })

  it("hold what a Set holds, with each value once", () => {
    const owner = newOwner()
    const start = PersistentSet.from(["k0"])
    const s = keys.reduce((acc, k) => acc.addBy(owner, k), start)
    // iterated first, then asked its size
    expect([...s]).toEqual([...new Set(["k0", ...keys])])
    expect(s.size).toBe(150)
    expect(s.add("k7")).toBe(s)
    expect([...s.add("new")].slice(-2)).toEqual(["k149", "new"])
    expect([...start]).toEqual(["k0"])
    // a set nothing read yet, shared by a later write, holds every value the batch added
    const unread = keys.reduce((acc, k) => acc.addBy(owner, k), PersistentSet.from(["z"]))
    const shared = unread.add("last")
    expect(shared.size).toBe(152)
    expect(shared.has("k149") && shared.has("z") && !unread.has("last")).toBe(true)
  })
})
