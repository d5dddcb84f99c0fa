import { describe, expect, it } from "@effect/vitest"
import { Guard, Plugin } from "@gsyf/core"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const source = readFileSync(fileURLToPath(new URL("../src/lifecycle/Lifecycle.ts", import.meta.url)), "utf8")

describe("Guard", () => {
  it("documents every rule id the lifecycle can reject or report with", () => {
    const ids = new Set<string>()
    for (const m of source.matchAll(/(?:single|outOfOrder\(\s*c\._tag,|findingsFor)\(?\s*"([a-z-]+\.[a-z0-9.-]+)"/g)) {
      ids.add(m[1]!)
    }
    for (const m of source.matchAll(/ruleId: "([a-z-]+\.[a-z0-9.-]+)"/g)) ids.add(m[1]!)
    expect(ids.size).toBeGreaterThan(40)
    const stageRules = new Set(Object.values(Plugin.baseRules).flatMap((rules) => rules.map((r) => r.id)))
    const undocumented = [...ids].filter((id) => !Guard.byId.has(id) && !stageRules.has(id))
    expect(undocumented).toEqual([])
  })

  it("gives every guard titles, a section and a basis", () => {
    for (const g of Guard.all) {
      expect(g.title.zh.length).toBeGreaterThan(1)
      expect(g.title.en.length).toBeGreaterThan(1)
      expect(g.basis.length).toBeGreaterThan(0)
      expect(g.description.length).toBeGreaterThan(5)
    }
    expect(new Set(Guard.all.map((g) => g.id)).size).toBe(Guard.all.length)
  })
})
