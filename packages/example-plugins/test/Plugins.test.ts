import { describe, expect, it } from "@effect/vitest"
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Acceptance, IsoDate, LegalBasis, Money, Parameter, Plugin, Rule, RuleSet } from "@gsyf/core"
import { CityPack, ProvincePack } from "@gsyf/example-plugins"
import { Either } from "effect"
import { seedParameters } from "../../core/test/fixtures/seed.js"

const load = (plugins: ReadonlyArray<Plugin.Plugin>) =>
  Plugin.configure({ parameters: seedParameters(), calendar: ChinaHolidays.calendar, plugins })
const conflictOf = (plugins: ReadonlyArray<Plugin.Plugin>) => {
  const r = load(plugins)
  if (Either.isRight(r)) throw new Error("expected a conflict")
  expect(r.left._tag).toBe("PluginConflict")
  return r.left as Plugin.PluginConflict
}
/** A rule with the id of acceptance.expert-panel that wants at least `n` experts. */
const atLeast = (n: number) =>
  Rule.make<Acceptance.AcceptanceInput>({
    ...Acceptance.expertPanel,
    reads: [],
    evaluate: (i) =>
      i.stage === "evaluation" && i.experts < n
        ? [
          Rule.findings("acceptance.expert-panel").error(
            "experts",
            `少于 ${n} 人`,
            `fewer than ${n}`,
            `≥ ${n}`,
            String(i.experts)
          )
        ]
        : []
  })
const overriding = (name: string, priority: number | undefined, n = 7) =>
  Plugin.make({ name, version: "0.0.1", description: "test override" }, {
    overrides: [{ stage: "acceptanceGuard", priority, rule: atLeast(n) }]
  })
const input = (experts: number): Acceptance.AcceptanceInput => ({
  stage: "evaluation",
  on: IsoDate.unsafeFromString("2026-10-23"),
  periodEnd: IsoDate.unsafeFromString("2026-10-20"),
  contractAmount: Money.unsafeYuan("780000"),
  receiptsTotal: Money.zero,
  receiptCount: 0,
  progress: [],
  targets: [],
  experts,
  rectificationDeadline: undefined
})
const expertRule = (config: Plugin.Config) =>
  config.rules.acceptanceGuard.find((r) => r.id === "acceptance.expert-panel")!
const errorsOf = (config: Plugin.Config, experts: number) =>
  RuleSet.evaluateRule(expertRule(config), input(experts), config.parameters, "2026-10-23").findings.filter((f) =>
    f.severity === "error"
  ).length

describe("loading the example plugins", () => {
  it("loads both packs together", () => {
    const config = Either.getOrThrow(load([ProvincePack.plugin, CityPack.make()]))
    expect(config.plugins.map((m) => m.name)).toEqual(["example-province-pack", "example-city-pack"])
    expect(Parameter.resolve(config.parameters, "publicity.length", "2026-03-16")!.value).toBe(7)
    expect(Parameter.resolve(config.parameters, "supervision.briefingDueDay", "2026-05-01")!.value).toBe(10)
    expect(config.rules.plan.map((r) => r.id)).toContain("procurement.province.public-tender")
    expect(config.quotaItems.map((i) => i.id)).toContain("knowledge-contests")
    expect(errorsOf(config, 6)).toBe(1)
    expect(config.subscribers).toHaveLength(1)
  })

  it("two overrides of one rule without distinct priorities fail at load, naming both", () => {
    const same = conflictOf([CityPack.make({ priority: 10 }), overriding("strict-panel", 10)])
    expect(same.target).toBe("rule:acceptanceGuard/acceptance.expert-panel")
    expect(same.plugins).toEqual(["example-city-pack", "strict-panel"])
    expect(same.message).toContain("example-city-pack")
    expect(same.message).toContain("strict-panel")
    const missing = conflictOf([overriding("strict-panel", undefined), CityPack.make()])
    expect(missing.plugins).toEqual(["strict-panel", "example-city-pack"])
  })

  it("distinct priorities pick the higher, whatever the load order", () => {
    for (
      const plugins of [
        [CityPack.make({ priority: 10 }), overriding("strict-panel", 20)],
        [overriding("strict-panel", 20), CityPack.make({ priority: 10 })]
      ]
    ) {
      const config = Either.getOrThrow(load(plugins))
      expect(config.overrides).toEqual([
        expect.objectContaining({
          ruleId: "acceptance.expert-panel",
          by: "strict-panel",
          priority: 20,
          shadowed: ["gsyf", "example-city-pack"]
        })
      ])
      // the winner wants 7: six experts fail, even though six is enough for the base rule and odd-ness is the loser's
      // rule
      expect(errorsOf(config, 6)).toBe(1)
      expect(errorsOf(config, 7)).toBe(0)
    }
    const cityWins = Either.getOrThrow(load([CityPack.make({ priority: 30 }), overriding("strict-panel", 20)]))
    expect(cityWins.overrides[0]!.by).toBe("example-city-pack")
    expect(errorsOf(cityWins, 7)).toBe(0)
    expect(errorsOf(cityWins, 6)).toBe(1)
  })

  it("two plugins setting the same parameter conflict", () => {
    const other = Plugin.make(
      { name: "other-province", version: "0.0.1", description: "sets publicity too" },
      { parameters: { values: { "publicity.length": 10 }, basis: LegalBasis.gsyf("test") } }
    )
    const c = conflictOf([ProvincePack.plugin, other])
    expect([c.target, c.plugins]).toEqual(["parameter:publicity.length", ["example-province-pack", "other-province"]])
  })

  it("a rule added twice, a type added twice and a plugin loaded twice conflict", () => {
    const copy = Plugin.make({ name: "copy", version: "0.0.1", description: "adds a rule that exists" }, {
      rules: { budget: [ProvincePack.feeSplit] }
    })
    expect(conflictOf([ProvincePack.plugin, copy]).plugins).toEqual(["example-province-pack", "copy"])
    const contests = Plugin.make({ name: "contests", version: "0.0.1", description: "same type" }, {
      deliverableTypes: [{ id: "knowledge-contest", title: { zh: "竞赛", en: "contest" } }]
    })
    expect(conflictOf([CityPack.make(), contests]).target).toBe("deliverable:knowledge-contest")
    expect(conflictOf([CityPack.make(), CityPack.make()]).target).toBe("plugin:example-city-pack")
  })
})
