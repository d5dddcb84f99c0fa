import { describe, expect, it } from "@effect/vitest"
import { LegalBasis, Parameter, type Plugin, Project, type ProjectEvent } from "@gsyf/core"
import { ProvincePack } from "@gsyf/example-plugins"
import { Either } from "effect"
import { command, configWith, findingsOf, given, seedCommand, tagIs, until } from "../../core/test/fixtures/gwt.js"
import { actors, seedConfig } from "../../core/test/fixtures/seed.js"

const line = (
  subProject: string,
  item: string,
  category: string,
  amount: string,
  fundingSource = "prevention-fee"
) => ({ subProject, item, category, fundingSource, amount })
/** 70% training, 30% publicity; both sub-projects by public tender. */
const compliant = {
  "budget.breakdown": [
    line("hazchem", "三类人员培训", "training", "800000.00"),
    line("keyAreas", "宣传活动与媒体", "publicity", "900000.00"),
    line("keyAreas", "重点企业及行业培训", "training", "1300000.00"),
    line("hazchem", "专家劳务费", "expert-fee", "24000.00", "agency-budget")
  ],
  "procurement.hazchem.method": "public-tender",
  "procurement.keyAreas.method": "public-tender"
}
const withProvince = (values: Record<string, unknown> = compliant) => configWith(values, [ProvincePack.plugin])
/** Sets the pack's own parameters (unknown to the city's file until the pack is loaded). */
const overlay = (config: Plugin.Config, values: Record<string, unknown>): Plugin.Config => ({
  ...config,
  parameters: Either.getOrThrow(Parameter.overlay(config.parameters, values, LegalBasis.gsyf("test")))
})
const issue = () => command("IssuePlan", actors.committee, "2026-02-10", { documentNumber: "示工伤预防委〔2026〕1号" })
const opinions = () => until(tagIs("IssuePlan"))

describe("ProvincePack", () => {
  it("loads over the seed plan with a manifest computed from its contents", () => {
    const config = withProvince()
    expect(ProvincePack.plugin.manifest.adds).toEqual(
      expect.arrayContaining([
        "rule:budget/budget.province.fee-split",
        "rule:plan/procurement.province.public-tender",
        "parameter:province.capCeilingPercent"
      ])
    )
    expect(ProvincePack.plugin.manifest.overrides).toEqual(["parameter:publicity.length", "parameter:publicity.unit"])
    expect(config.rules.plan.map((r) => r.id)).toEqual(expect.arrayContaining(ProvincePack.planRules.map((r) => r.id)))
    expect(config.rules.budget.map((r) => r.id)).toEqual(
      expect.arrayContaining(ProvincePack.budgetRules.map((r) => r.id))
    )
    expect(Parameter.resolve(config.parameters, "publicity.length", "2026-03-16")!.value).toBe(7)
    for (const rule of ProvincePack.rules) expect(rule.basis[0]!.level).toBe("provincial")
    expect(ProvincePack.rules.every((r) => r.basis[0]!.note!.includes("新闻摘要"))).toBe(true)
  })

  it("the seed plan breaks two provincial rules: the 70/30 split and public tender from 50万元", () => {
    const r = given(opinions(), configWith({}, [ProvincePack.plugin])).when(issue()).thenRejected(
      "RuleViolation",
      "budget.province.fee-split",
      "procurement.province.public-tender"
    )
    expect(r.message).toContain("65%")
    if (r._tag === "RuleViolation") {
      expect(r.findings.filter((f) => f.ruleId === "procurement.province.public-tender").map((f) => f.path)).toEqual([
        "parameters.procurement.hazchem.method",
        "parameters.procurement.keyAreas.method"
      ])
    }
  })

  it("a compliant plan is issued, its evaluations citing the provincial text", () => {
    const events = given(opinions(), withProvince()).when(issue()).thenEvents("PlanIssued")
    const e = events[0]!
    for (const rule of ProvincePack.rules) expect(e.evaluations.map((x) => x.ruleId)).toContain(rule.id)
    expect(e.basis.map((b) => b.citation)).toEqual(expect.arrayContaining([ProvincePack.source("费用结构").citation]))
    const split = e.evaluations.find((x) => x.ruleId === "budget.province.fee-split")!
    expect(split.reads.find((r) => r.name === "province.trainingMinPercent")).toMatchObject({
      value: "70",
      basis: ProvincePack.source("费用结构").citation
    })
  })

  it("splits exactly: one fen more publicity breaks both limits", () => {
    const values = {
      ...compliant,
      "budget.breakdown": [
        line("hazchem", "培训", "training", "800000.00"),
        line("keyAreas", "宣传", "publicity", "900000.01"),
        line("keyAreas", "培训", "training", "1299999.99")
      ]
    }
    const r = given(opinions(), withProvince(values)).when(issue()).thenRejected(
      "RuleViolation",
      "budget.province.fee-split"
    )
    expect(
      r._tag === "RuleViolation" &&
        r.findings.filter((f) => f.ruleId === "budget.province.fee-split").map((f) => f.expected)
    ).toEqual(["≥ 70%", "≤ 30%"])
  })

  it("caps a project open to society or SMEs at 10万元", () => {
    const open = overlay(withProvince(), { "province.openProjects": ["hazchem"] })
    const r = given(opinions(), open).when(issue()).thenRejected("RuleViolation", "budget.province.open-project-cap")
    expect(r._tag === "RuleViolation" && r.findings.find((f) => f.ruleId === "budget.province.open-project-cap")!.path)
      .toBe("parameters.budget.hazchem")
    given(opinions(), overlay(open, { "province.openProjectCap": "80" })).when(issue()).thenEvents("PlanIssued")
  })

  it("a raised cap stays at or below 5%, checked again when the budget is submitted", () => {
    const g = given(until(tagIs("SubmitBudget")), withProvince())
    const approval = (capPercent: string) => ({ document: "示人社函〔2026〕8号", approvedOn: "2026-02-20", capPercent })
    const submit = () => command("SubmitBudget", actors.bureau, "2026-03-02")
    const r = g.withConfig(withProvince({ ...compliant, "fund.provincialCapApproval": approval("6") })).when(submit())
      .thenRejected("RuleViolation", "budget.province.cap-ceiling")
    expect(r._tag === "RuleViolation" && r.findings.find((f) => f.ruleId === "budget.province.cap-ceiling")!.actual)
      .toBe("6%")
    const ok = g.withConfig(withProvince({ ...compliant, "fund.provincialCapApproval": approval("5") })).when(submit())
      .thenEvents("BudgetSubmitted")
    expect(findingsOf(ok, "budget.province.cap-ceiling")).toEqual([])
    expect(ok[0]!.evaluations.map((x) => x.ruleId)).toEqual(
      expect.arrayContaining(["budget.province.fee-split", "budget.province.cap-ceiling"])
    )
  })

  it("publicises for 7 working days: from 2026-09-29 over 国庆 to 2026-10-14", () => {
    const g = given(until(tagIs("StartPublicity")), withProvince())
    const [e] = g.when(
      command("StartPublicity", actors.agency, "2026-09-29", { subProject: "hazchem", startsOn: "2026-09-29" })
    ).thenEvents("PublicityStarted") as ReadonlyArray<
      Extract<ProjectEvent.Event, { _tag: "PublicityStarted" }>
    >
    expect([e!.length, e!.endsOn]).toEqual([7, "2026-10-14"])
    expect(e!.evaluations[0]!.reads[0]!.basis).toBe("示例省规则包 示例取值")
    // the seed's own start on 2026-03-16 now ends on 03-25 instead of 03-23
    const seed = g.when({ ...seedCommand(tagIs("StartPublicity")), commandId: "province-publicity" }).state()
    expect(seed.subProjects.hazchem.publicity!.endsOn).toBe("2026-03-25")
    // a different length is a parameter of the pack
    const five = given(
      until(tagIs("StartPublicity")),
      configWith(compliant, [ProvincePack.make({ publicityWorkingDays: 5 })])
    )
    expect(
      five.when({ ...seedCommand(tagIs("StartPublicity")), commandId: "p5" }).state().subProjects.hazchem.publicity!
        .endsOn
    ).toBe("2026-03-23")
  })

  it("without the pack the same seed plan is issued and publicity runs 5 working days", () => {
    const g = given(opinions(), seedConfig())
    const events = g.when(issue()).thenEvents("PlanIssued")
    expect(events[0]!.evaluations.map((x) => x.ruleId)).not.toContain("budget.province.fee-split")
    const s = given(until(tagIs("StartPublicity")), seedConfig()).when({
      ...seedCommand(tagIs("StartPublicity")),
      commandId: "plain"
    }).state()
    expect(Project.status(s)).toBe("procurement")
    expect(s.subProjects.hazchem.publicity!.endsOn).toBe("2026-03-23")
  })
})
