// A former inline guard of the decider, the contract signing period (contract.sign-within), overridden by a
// city's stricter rule — visible in the event's trace and in Explain — and then removed by a plugin that states
// its legal reason; with the load-time conflicts of both.
import { describe, expect, it } from "@effect/vitest"
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Explain, LegalBasis, Plugin, type ProjectEvent } from "@gsyf/core"
import { CityPack } from "@gsyf/example-plugins"
import { Either } from "effect"
import { given, seedCommand, tagIs, until, variant } from "../../core/test/fixtures/gwt.js"
import { seedConfig, seedParameters } from "../../core/test/fixtures/seed.js"

// the key-areas award is notified on 2026-04-09; the seed signs on 04-20
const beforeSigning = () => until(tagIs("SignContract", "keyAreas"))
const signOn = (date: string) => variant(seedCommand(tagIs("SignContract", "keyAreas")), { date })
type Signed = Extract<ProjectEvent.Event, { _tag: "ContractSigned" }>

const reason = new LegalBasis.LegalBasis({
  level: "city",
  citation: "示例市政府采购合同管理办法 第九条",
  note: "示例:合同签订期限改由市政府采购合同管理系统在签约时校验,不再由本系统重复校验"
})
const removal = Plugin.make(
  { name: "example-contract-system", version: "0.1.0", description: "合同签订期限由合同管理系统校验" },
  { removals: [{ command: "SignContract", ruleId: "contract.sign-within", reason }] }
)

describe("the contract signing period as a rule plugins can reach", () => {
  it("gsyf's guard: 30 days after the award, traced when it finds the contract late", () => {
    const g = given(beforeSigning())
    g.when(signOn("2026-05-05")).thenEvents("ContractSigned")
    // a late signing is recorded, with a warning finding naming the period
    const [late] = g.when(signOn("2026-05-12")).thenEvents("ContractSigned")
    const finding = late!.evaluations.flatMap((e) => e.findings).find((f) => f.ruleId === "contract.sign-within")!
    expect(finding.severity).toBe("warning")
    expect(finding.zh).toContain("成交通知后30日内")
  })

  // #region override
  it("a city overrides it with its 20 days: in the trace of the event and in Explain", () => {
    const config = seedConfig([CityPack.signingPeriod()])
    expect(config.overrides).toEqual([
      expect.objectContaining({
        target: "SignContract",
        ruleId: "contract.sign-within",
        by: "example-city-signing-period",
        priority: 10,
        shadowed: ["gsyf"]
      })
    ])
    const g = given(beforeSigning(), config)
    // 2026-05-05 is within the national 30 days but not within the city's 20
    const late = g.when(signOn("2026-05-05")).thenRejected("RuleViolation", "contract.sign-within")
    expect(late.message).toContain("成交通知后20日内(2026-04-29 前)")
    const [signed] = g.when(signOn("2026-04-20")).thenEvents("ContractSigned") as [Signed]
    const trace = signed.evaluations.find((e) => e.ruleId === "contract.sign-within")!
    expect(trace.reads.map((r) => [r.name, r.value])).toEqual([
      ["city.contractSignWithinDays", "20"],
      ["contract.signWithinDays", "30"]
    ])
    const x = Either.getOrThrow(Explain.decision([...g.events, signed], signed.id, { config }))
    const rule = x.rules.find((r) => r.ruleId === "contract.sign-within")!
    expect(rule.title.zh).toBe("按本市期限签订合同")
    expect(rule.overriddenBy).toEqual({ plugin: "example-city-signing-period", priority: 10 })
    expect(Explain.render(x, "en")).toContain("overridden by plugin example-city-signing-period (priority 10)")
    expect(Explain.render(x, "zh")).toContain("由插件覆盖: example-city-signing-period")
  })
  // #endregion override

  it("a plugin removes it, stating the legal reason in its manifest and the configuration", () => {
    expect(removal.manifest.removes).toEqual([{ rule: "rule:SignContract/contract.sign-within", reason }])
    const config = seedConfig([removal])
    expect(config.removals).toEqual([{
      target: "SignContract",
      ruleId: "contract.sign-within",
      by: "example-contract-system",
      reason
    }])
    expect(config.guards.SignContract.map((g) => g.id)).not.toContain("contract.sign-within")
    // 40 days after the award: signed, and nothing about the period in the trace
    const [signed] = given(beforeSigning(), config).when(signOn("2026-05-19")).thenEvents("ContractSigned") as [Signed]
    expect(signed.evaluations.map((e) => e.ruleId)).not.toContain("contract.sign-within")
  })

  it("conflicts at load time: an override and a removal of one rule, a removal of no rule or without a reason", () => {
    const load = (plugins: ReadonlyArray<Plugin.Plugin>) =>
      Plugin.configure({ parameters: seedParameters(), calendar: ChinaHolidays.calendar, plugins })
    const both = load([CityPack.signingPeriod(), removal])
    expect(Either.isLeft(both) && both.left).toMatchObject({
      _tag: "PluginConflict",
      target: "rule:SignContract/contract.sign-within",
      plugins: ["example-city-signing-period", "example-contract-system"]
    })
    const nothing = Plugin.make({ name: "nothing", version: "0", description: "" }, {
      removals: [{ command: "SignContract", ruleId: "contract.no-such-rule", reason }]
    })
    expect(Either.isLeft(load([nothing]))).toBe(true)
    const unreasoned = Plugin.make({ name: "unreasoned", version: "0", description: "" }, {
      removals: [{ command: "SignContract", ruleId: "contract.sign-within", reason: {} as LegalBasis.LegalBasis }]
    })
    const r = load([unreasoned])
    expect(Either.isLeft(r) && r.left.message).toContain("needs a stated legal reason")
  })
})
