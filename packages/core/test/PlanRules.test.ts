import { describe, expect, it } from "@effect/vitest"
import { Parameter, PlanRules, type Rule, RuleSet } from "@gsyf/core"
import { Either } from "effect"
import { seedParameterFile } from "./fixtures/seed.js"

type File = { parameters: Record<string, unknown> }
const setWith = (patch: Record<string, unknown> = {}, remove: ReadonlyArray<string> = []): Parameter.ParameterSet => {
  const file = structuredClone(seedParameterFile()) as File
  for (const name of remove) delete file.parameters[name]
  Object.assign(file.parameters, patch)
  return Either.getOrThrowWith(Parameter.load(file), (e) => new Error(e.message))
}
const at = "2026-03-02"
const check = (rule: Rule.Rule<PlanRules.PlanInput>, set: Parameter.ParameterSet) =>
  RuleSet.evaluateRule(rule, {}, set, at).findings
const breakdown = () =>
  structuredClone((seedParameterFile() as File).parameters["budget.breakdown"]) as Array<Record<string, unknown>>

describe("the plan rules on the seed plan", () => {
  it("pass, every rule, with no finding at all", () => {
    const report = RuleSet.evaluate(PlanRules.ruleSet, {}, setWith(), at)
    expect(report.passed).toBe(true)
    expect(report.findings).toEqual([])
    expect(report.trace.map((t) => t.ruleId)).toEqual(PlanRules.rules.map((r) => r.id))
  })
})

describe("budget.split-sum", () => {
  it("fails when the sub-project budgets do not add up to the total", () => {
    const [f, ...rest] = check(PlanRules.budgetSplit, setWith({ "budget.hazchem": "90" }))
    expect(rest).toEqual([])
    expect(f).toMatchObject({
      ruleId: "budget.split-sum",
      severity: "error",
      path: "parameters.budget.total",
      expected: "¥3,000,000.00",
      actual: "¥3,100,000.00"
    })
    expect(f!.zh).toBe("子项目预算合计 310万元 与总预算 300万元 不一致")
  })
  it("passes to the fen", () => {
    expect(check(PlanRules.budgetSplit, setWith({ "budget.total": "300.0001", "budget.keyAreas": "220.0001" })))
      .toEqual([])
  })
})

describe("budget.fee-cap", () => {
  it("fails over the 3% cap: 12,000万 × 3% = 360万", () => {
    const set = setWith({ "budget.total": "361", "budget.keyAreas": "281" })
    const [f, ...rest] = check(PlanRules.feeCap, set)
    expect(rest).toEqual([])
    expect(f).toMatchObject({
      severity: "error",
      path: "parameters.budget.total",
      expected: "≤ ¥3,600,000.00",
      actual: "¥3,610,000.00"
    })
    expect(check(PlanRules.feeCap, setWith({ "budget.total": "360", "budget.keyAreas": "280" }))).toEqual([])
  })
  it("fails when the cap is raised above 3% without a provincial approval, and still caps at 3%", () => {
    const patch = { "fund.feeCapPercent": "4", "budget.total": "400", "budget.keyAreas": "320" }
    // the catalogue's national bound already refuses such a file when it loads
    expect(() => setWith(patch)).toThrow(/fund\.feeCapPercent.*looser than national law/)
    // the rule still guards a set whose definitions carry no bound (a plugin's own catalogue)
    const unbounded = new Map(
      [...Parameter.catalogue].map(([name, d]) => [name, { ...d, bound: undefined }] as const)
    )
    const file = structuredClone(seedParameterFile()) as File
    Object.assign(file.parameters, patch)
    const set = Either.getOrThrowWith(Parameter.load(file, { definitions: unbounded }), (e) => new Error(e.message))
    const findings = check(PlanRules.feeCap, set)
    expect(findings.map((f) => [f.severity, f.path])).toEqual([
      ["error", "parameters.fund.feeCapPercent"],
      ["error", "parameters.budget.total"]
    ])
    expect(findings[1]!.expected).toBe("≤ ¥3,600,000.00")
  })
  it("passes with a recorded provincial approval, with an info finding naming it", () => {
    const approval = { document: "示人社函〔2026〕9号", approvedOn: "2026-02-20", capPercent: "4" }
    const set = setWith({
      "fund.feeCapPercent": "4",
      "fund.provincialCapApproval": approval,
      "budget.total": "480",
      "budget.keyAreas": "400"
    })
    const findings = check(PlanRules.feeCap, set)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ severity: "info", path: "parameters.fund.provincialCapApproval" })
    expect(findings[0]!.zh).toBe("依据省级批准 示人社函〔2026〕9号(2026-02-20)上限提高至 4%")
    const over = check(
      PlanRules.feeCap,
      setWith({
        "fund.feeCapPercent": "4",
        "fund.provincialCapApproval": approval,
        "budget.total": "481",
        "budget.keyAreas": "401"
      })
    )
    expect(over.map((f) => [f.severity, f.expected])).toEqual([["error", "≤ ¥4,800,000.00"]])
  })
})

describe("budget.fee-cap keeps a stricter city cap", () => {
  const approval = { document: "示人社函〔2026〕9号", approvedOn: "2026-02-20", capPercent: "4" }
  it("a city cap of 2% holds even with a provincial approval of 4%: 12,000万 × 2% = 240万", () => {
    const set = setWith({ "fund.feeCapPercent": "2", "fund.provincialCapApproval": approval })
    const findings = check(PlanRules.feeCap, set)
    expect(findings.map((f) => [f.severity, f.path, f.expected])).toEqual([
      ["error", "parameters.budget.total", "≤ ¥2,400,000.00"]
    ])
  })
  it("a raised city cap of 3.5% under an approval of 4% caps at 3.5%: 420万", () => {
    const set = setWith({
      "fund.feeCapPercent": "3.5",
      "fund.provincialCapApproval": approval,
      "budget.total": "430",
      "budget.keyAreas": "350"
    })
    expect(check(PlanRules.feeCap, set).map((f) => [f.severity, f.expected])).toEqual([["error", "≤ ¥4,200,000.00"]])
  })
})

describe("budget.permitted-use", () => {
  it("fails when expert fees are paid from the prevention fee", () => {
    const lines = breakdown()
    lines[3] = { ...lines[3], fundingSource: "prevention-fee" }
    const findings = check(PlanRules.permittedUse, setWith({ "budget.breakdown": lines }))
    expect(findings[0]).toMatchObject({
      severity: "error",
      path: "parameters.budget.breakdown[3].fundingSource",
      expected: "agency-budget",
      actual: "prevention-fee"
    })
    // and hazchem's fee lines now add up to ¥824,000.00, not its ¥800,000.00 budget
    expect(findings[1]).toMatchObject({
      path: "parameters.budget.breakdown",
      expected: "¥800,000.00",
      actual: "¥824,000.00"
    })
    expect(findings).toHaveLength(2)
  })
  it("fails on a fee line that is neither publicity nor training", () => {
    const lines = breakdown()
    lines[1] = { ...lines[1], category: "other" }
    const findings = check(PlanRules.permittedUse, setWith({ "budget.breakdown": lines }))
    expect(findings.map((f) => [f.path, f.expected, f.actual])).toEqual([[
      "parameters.budget.breakdown[1].category",
      "publicity | training",
      "other"
    ]])
  })
  it("fails when a sub-project's fee lines do not add up to its budget", () => {
    const lines = breakdown()
    lines[2] = { ...lines[2], amount: "1149999.99" }
    const findings = check(PlanRules.permittedUse, setWith({ "budget.breakdown": lines }))
    expect(findings.map((f) => [f.path, f.expected, f.actual])).toEqual([[
      "parameters.budget.breakdown",
      "¥2,200,000.00",
      "¥2,199,999.99"
    ]])
  })
  it("checks nothing without a breakdown, and lets the agency's own budget pay for anything", () => {
    expect(check(PlanRules.permittedUse, setWith({ "budget.breakdown": [] }))).toEqual([])
    const lines = [...breakdown(), {
      subProject: "keyAreas",
      item: "会务",
      category: "other",
      fundingSource: "agency-budget",
      amount: "5000.00"
    }]
    expect(check(PlanRules.permittedUse, setWith({ "budget.breakdown": lines }))).toEqual([])
  })
})

describe("payment.split-sum", () => {
  it("fails when advance and balance do not make 100%", () => {
    const [f, ...rest] = check(PlanRules.paymentSplit, setWith({ "payment.balancePercent": "50" }))
    expect(rest).toEqual([])
    expect(f).toMatchObject({ path: "parameters.payment.balancePercent", expected: "100%", actual: "90%" })
    expect(
      check(PlanRules.paymentSplit, setWith({ "payment.advancePercent": "30.5", "payment.balancePercent": "69.5" }))
    ).toEqual([])
  })
})

describe("parameters.price-weight-range", () => {
  it("fails outside 10%–30% and passes at both ends", () => {
    const [f] = check(PlanRules.priceWeightInRange, setWith({ "procurement.consultation.priceWeight": "35" }))
    expect(f).toMatchObject({
      path: "parameters.procurement.consultation.priceWeight",
      expected: "10%–30%",
      actual: "35%"
    })
    expect(check(PlanRules.priceWeightInRange, setWith({ "procurement.consultation.priceWeight": "9.99" })))
      .toHaveLength(1)
    expect(check(PlanRules.priceWeightInRange, setWith({ "procurement.consultation.priceWeight": "10" }))).toEqual([])
    expect(check(PlanRules.priceWeightInRange, setWith({ "procurement.consultation.priceWeight": "30" }))).toEqual([])
  })
  it("follows a range the city narrows", () => {
    const set = setWith({ "procurement.consultation.priceWeightRange": { min: "15", max: "25" } })
    expect(check(PlanRules.priceWeightInRange, set)).toEqual([])
    expect(
      check(
        PlanRules.priceWeightInRange,
        setWith({ "procurement.consultation.priceWeightRange": { min: "25", max: "30" } })
      )[0]!.expected
    ).toBe("25%–30%")
  })
})

describe("the ranges and orders of the plan's blanks", () => {
  it("fails when the summary video's minimum exceeds its maximum", () => {
    const [f] = check(PlanRules.summaryVideoRange, setWith({ "quota.summaryVideo.minMinutes": 12 }))
    expect(f).toMatchObject({ path: "parameters.quota.summaryVideo.minMinutes", expected: "≤ 10", actual: "12" })
    expect(check(PlanRules.summaryVideoRange, setWith({ "quota.summaryVideo.minMinutes": 10 }))).toEqual([])
  })
  it("fails when parks outnumber park events", () => {
    const [f] = check(PlanRules.parksAndEvents, setWith({ "quota.parks": 7 }))
    expect(f).toMatchObject({
      path: "parameters.quota.parks",
      expected: "≤ 6",
      actual: "7",
      en: "7 parks but only 6 events"
    })
    expect(check(PlanRules.parksAndEvents, setWith({ "quota.parks": 6 }))).toEqual([])
  })
  it("warns, without failing the plan, when the period exceeds 24 months", () => {
    const report = RuleSet.evaluate(PlanRules.ruleSet, {}, setWith({ "project.periodMonths": 25 }), at)
    expect(report.passed).toBe(true)
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.actual])).toEqual([[
      "parameters.project-period",
      "warning",
      "25"
    ]])
    expect(check(PlanRules.projectPeriod, setWith({ "project.periodMonths": 24 }))).toEqual([])
  })
  it("warns when a step of section 三 is planned before the one it follows", () => {
    const schedule = {
      ...((seedParameterFile() as File).parameters["plan.schedule"] as object),
      procurement: { from: "2026-02" }
    }
    const findings = check(PlanRules.scheduleOrder, setWith({ "plan.schedule": schedule }))
    expect(findings.map((f) => [f.severity, f.path])).toEqual([["warning", "parameters.plan.schedule.procurement"]])
    expect(findings[0]!.en).toBe("procurement is planned for 2026-02, before the previous step publicity (2026-03)")
    expect(check(PlanRules.scheduleOrder, setWith({}, ["plan.schedule"]))).toEqual([])
  })
})
