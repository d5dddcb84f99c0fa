import { describe, expect, it } from "@effect/vitest"
import { Money, Parameter, PlanRules, Rule, RuleSet } from "@gsyf/core"
import { Either } from "effect"
import { seedParameterFile } from "./fixtures/seed.js"

type File = { parameters: Record<string, unknown> }
const fileWith = (patch: Record<string, unknown> = {}, remove: ReadonlyArray<string> = []): File => {
  const file = structuredClone(seedParameterFile()) as File
  for (const name of remove) delete file.parameters[name]
  Object.assign(file.parameters, patch)
  return file
}
const seed = Either.getOrThrow(Parameter.load(fileWith()))

describe("RuleSet.evaluate", () => {
  it("reports the findings and traces every read with its value, effective date and basis", () => {
    const set = Either.getOrThrow(
      Parameter.load(
        fileWith({
          "payment.advancePercent": [{ from: "2022-01-01", value: 30 }, {
            from: "2026-01-01",
            value: 40,
            basis: "示人社发〔2026〕3号"
          }]
        })
      )
    )
    const report = RuleSet.evaluate(PlanRules.ruleSet, {}, set, "2026-03-02")
    expect(report.format).toBe("gsyf.trace.v1")
    expect(report.at).toBe("2026-03-02")
    expect(report.passed).toBe(true)
    const split = report.trace.find((t) => t.ruleId === "payment.split-sum")!
    expect(split.reads).toEqual([
      { name: "payment.advancePercent", value: "40", effectiveFrom: "2026-01-01", basis: "示例市 参数文件" },
      { name: "payment.balancePercent", value: "60", effectiveFrom: undefined, basis: "示例市 参数文件" }
    ])
    const cap = report.trace.find((t) => t.ruleId === "budget.fee-cap")!
    expect(cap.reads.map((r) => [r.name, r.value, r.basis])).toEqual([
      ["budget.total", "¥3,000,000.00", "示例市 参数文件"],
      ["fund.priorYearContributionRevenue", "¥120,000,000.00", "示例市 参数文件"],
      ["fund.feeCapPercent", "3", "《工伤预防费使用管理暂行办法》(人社部规〔2017〕13号) 第五条"]
    ])
    // in 2025 the older value applies: 30 + 60 ≠ 100
    const earlier = RuleSet.evaluate(PlanRules.ruleSet, {}, set, "2025-06-30")
    expect(earlier.passed).toBe(false)
    expect(earlier.findings.map((f) => [f.ruleId, f.actual])).toEqual([["payment.split-sum", "90%"]])
    expect(earlier.trace.find((t) => t.ruleId === "payment.split-sum")!.reads[0]!.effectiveFrom).toBe("2022-01-01")
  })

  it("turns a parameter with no value at the date into a parameters.missing finding, keeping the reads made before", () => {
    const set = Either.getOrThrow(Parameter.load(fileWith({}, ["budget.keyAreas"]), { requireAll: false }))
    const report = RuleSet.evaluate(PlanRules.ruleSet, {}, set, "2026-03-02")
    expect(report.passed).toBe(false)
    const split = report.trace.find((t) => t.ruleId === "budget.split-sum")!
    expect(split.reads.map((r) => r.name)).toEqual(["budget.total", "budget.hazchem"])
    expect(split.findings).toHaveLength(1)
    expect(split.findings[0]).toMatchObject({
      ruleId: "parameters.missing",
      severity: "error",
      path: "parameters.budget.keyAreas"
    })
    expect(split.findings[0]!.en).toBe(
      "rule budget.split-sum needs parameter budget.keyAreas, which has no value in force on 2026-03-02"
    )
    // a value that starts later is missing before it starts
    const later = Either.getOrThrow(
      Parameter.load(fileWith({ "budget.keyAreas": [{ from: "2026-06-01", value: "220" }] }))
    )
    expect(RuleSet.evaluateRule(PlanRules.budgetSplit, {}, later, "2026-03-02").findings[0]!.ruleId).toBe(
      "parameters.missing"
    )
    expect(RuleSet.evaluateRule(PlanRules.budgetSplit, {}, later, "2026-06-01").findings).toEqual([])
  })

  it("lets other errors of a rule through", () => {
    const broken = Rule.make<{}>({
      id: "t.broken",
      title: { zh: "t", en: "t" },
      section: "—",
      basis: [],
      reads: [],
      description: "",
      evaluate: () => {
        throw new Error("boom")
      }
    })
    expect(() => RuleSet.evaluate(RuleSet.make([broken]), {}, seed, "2026-03-02")).toThrow("boom")
  })

  it("collects findings of every rule in order and fails only on errors", () => {
    const f = Rule.findings("t.mixed")
    const warn = Rule.make<{ readonly n: number }>({
      id: "t.mixed",
      title: { zh: "t", en: "t" },
      section: "—",
      basis: [],
      reads: ["quota.parks"],
      description: "",
      evaluate: (i, p) => {
        const parks = p.read<number>("quota.parks")
        return i.n > parks
          ? [f.error("n", "多", "more", `≤ ${parks}`, String(i.n))]
          : i.n === parks
          ? [f.warning("n", "等", "equal")]
          : [f.info("n", "少", "fewer")]
      }
    })
    const set = RuleSet.make([warn, warn])
    expect(RuleSet.evaluate(set, { n: 5 }, seed, "2026-03-02")).toMatchObject({
      passed: true,
      findings: [{ severity: "warning" }, { severity: "warning" }]
    })
    const over = RuleSet.evaluate(set, { n: 6 }, seed, "2026-03-02")
    expect(over.passed).toBe(false)
    expect(over.findings[0]).toMatchObject({ ruleId: "t.mixed", severity: "error", expected: "≤ 5", actual: "6" })
    expect(RuleSet.evaluate(set, { n: 1 }, seed, "2026-03-02").findings.map((x) => x.severity)).toEqual([
      "info",
      "info"
    ])
    expect(Rule.hasErrors(over.findings)).toBe(true)
  })
})

describe("Parameter.show in traces", () => {
  it("shows money in yuan, decimals plainly and records as JSON", () => {
    expect(Parameter.show(Money.unsafeYuan("872000"))).toBe("¥872,000.00")
    expect(Parameter.show(new Money.Decimal("12.50"))).toBe("12.5")
    expect(Parameter.show("working-days")).toBe("working-days")
    expect(Parameter.show(5)).toBe("5")
    expect(Parameter.show({ min: "10", max: "30" })).toBe("{\"min\":\"10\",\"max\":\"30\"}")
    const lines = Parameter.get(seed, "budget.breakdown", "2026-01-01")!
    expect(JSON.parse(Parameter.show(lines))[0].amount).toBe("800000.00")
  })
})
