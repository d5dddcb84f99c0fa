// The persistent map and set the folds keep their maps and command ids in: the same answers as a `Map` given the
// same writes, in the same order, and every earlier version unchanged by the writes after it (a decider may hold an
// old state).
import { describe, expect, it } from "@effect/vitest"
import { PersistentMap, PersistentSet } from "../src/lifecycle/internal/persistentMap.js"

describe("PersistentMap", () => {
  it("answers as a Map does, and keeps every earlier version as it was", () => {
    let m = PersistentMap.empty<string, number>()
    const ref = new Map<string, number>()
    const earlier: Array<readonly [PersistentMap<string, number>, Array<[string, number]>]> = []
    for (let i = 0; i < 20_000; i++) {
      const key = `bulk-${(i * 7919) % 5000}/0`
      m = m.set(key, i)
      ref.set(key, i)
      if (i % 997 === 0) earlier.push([m, [...ref]])
    }
    expect(m.size).toBe(5000)
    for (const [k, v] of ref) expect(m.get(k)).toBe(v)
    expect([...m]).toEqual([...ref])
    expect([...m.keys()]).toEqual([...ref.keys()])
    expect(m.get("bulk-5000/0")).toBeUndefined()
    expect(m.has("bulk-5000/0")).toBe(false)
    for (const [version, entries] of earlier) expect([...version]).toEqual(entries)
  })

  it("gives the same map back for a write that changes nothing, and keeps a key's place when its value changes", () => {
    const m = PersistentMap.from([["a", 1], ["b", 2], ["c", 3]])
    expect(m.set("b", 2)).toBe(m)
    expect([...m.set("a", 9)]).toEqual([["a", 9], ["b", 2], ["c", 3]])
    expect([...PersistentMap.from([["a", 1], ["b", 2], ["a", 3]])]).toEqual([["a", 3], ["b", 2]])
  })

  it("writes over a map built at once (a restored state) as over one built by writes", () => {
    const base = PersistentMap.from([["a", 1], ["b", 2]])
    const m = base.set("c", 3).set("a", 4).set("d", 5).set("a", 6).set("c", 7)
    expect([...m]).toEqual([["a", 6], ["b", 2], ["c", 7], ["d", 5]])
    expect(m.size).toBe(4)
    expect([...base]).toEqual([["a", 1], ["b", 2]])
    const written = PersistentMap.empty<string, number>().set("a", 1).set("b", 2).set("c", 3).set("a", 4)
    expect([...written]).toEqual([["a", 4], ["b", 2], ["c", 3]])
  })

  it("keeps a set's values once each, earlier versions unchanged", () => {
    let s = PersistentSet.from(["x", "y"])
    const before = s
    for (let i = 0; i < 3000; i++) s = s.add(`c${i % 1000}`)
    expect(s.add("x")).toBe(s)
    expect(s.size).toBe(1002)
    expect(s.has("c999") && s.has("y") && !s.has("c1000")).toBe(true)
    expect([...s].slice(0, 4)).toEqual(["x", "y", "c0", "c1"])
    expect([...before]).toEqual(["x", "y"])
  })
})
