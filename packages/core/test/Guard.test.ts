import { describe, expect, it } from "@effect/vitest"
import { Config, Guard, Plugin } from "@gsyf/core"
import { seedConfig } from "./fixtures/seed.js"

const stageIds = new Set(Object.values(Plugin.baseRules).flatMap((rules) => rules.map((r) => r.id)))

describe("Guard", () => {
  it("documents every guard of every command, the methods' included", () => {
    const config = seedConfig()
    const guards = Object.entries(config.guards).flatMap(([command, list]) => list.map((g) => [command, g.id] as const))
    expect(guards.length).toBeGreaterThan(50)
    const undocumented = guards.filter(([, id]) => !Guard.byId.has(id) && !stageIds.has(id))
    expect(undocumented).toEqual([])
    // every command has a guard list, and the base lists are what the configuration starts from
    expect(Object.keys(config.guards).sort()).toEqual(Object.keys(Config.baseGuards).sort())
  })

  it("gives every guard and step titles, a section and a basis, each id once", () => {
    for (const g of Guard.all) {
      expect(g.title.zh.length).toBeGreaterThan(1)
      expect(g.title.en.length).toBeGreaterThan(1)
      expect(g.basis.length).toBeGreaterThan(0)
      expect(g.description.length).toBeGreaterThan(5)
    }
    expect(new Set(Guard.all.map((g) => g.id)).size).toBe(Guard.all.length)
    // a guard that shares its id with a stage rule is documented by the stage rule
    expect(Guard.all.filter((g) => stageIds.has(g.id))).toEqual([])
  })

  it("keeps the kinds: order guards reject as out of order, checks as rule violations", () => {
    const kinds = new Map(Object.values(Config.baseGuards).flat().map((g) => [g.id, g.kind]))
    expect(kinds.get("lifecycle.plan-first")).toBe("order")
    expect(kinds.get("contract.sign-within")).toBe("check")
    expect(kinds.get("roles.allowed")).toBe("authorization")
  })
})
