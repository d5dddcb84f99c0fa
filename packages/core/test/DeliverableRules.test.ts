import { describe, expect, it } from "@effect/vitest"
import { type Deliverable, DeliverableRules, IsoDate, RuleSet } from "@gsyf/core"
import { seedParameters } from "./fixtures/seed.js"

const params = seedParameters()
const d = IsoDate.unsafeFromString
type E = Deliverable.Evidence
const article: E = { _tag: "portal-article", date: d("2026-06-01"), portal: "示例新闻网", title: "工伤预防在行动" }
const input = (
  evidence: E,
  patch: Partial<DeliverableRules.DeliverableInput> = {}
): DeliverableRules.DeliverableInput => ({
  evidence,
  contract: { signedOn: d("2026-04-20"), periodEnd: d("2026-10-20") },
  rectificationDeadline: undefined,
  implementationPlanApproved: true,
  approvedDesigns: new Map([["design-1", "宣传横幅"]]),
  keyEnterpriseSteps: new Map(),
  keyEnterpriseList: undefined,
  customTypes: new Set(),
  ...patch
})
const run = (i: DeliverableRules.DeliverableInput) =>
  RuleSet.evaluate(DeliverableRules.ruleSet, i, params, i.evidence.date)
const brief = (i: DeliverableRules.DeliverableInput) =>
  run(i).findings.map((f) => [f.ruleId, f.severity, f.path, f.expected, f.actual])

describe("deliverable.plan-approved and deliverable.within-period", () => {
  it("record work inside the contract period after the plan is approved", () => {
    expect(run(input(article)).findings).toEqual([])
    expect(brief(input({ ...article, date: d("2026-04-20") }))).toEqual([])
    expect(brief(input({ ...article, date: d("2026-10-20") }))).toEqual([])
  })
  it("refuse work before the implementation plan is approved", () => {
    expect(brief(input(article, { implementationPlanApproved: false }))).toEqual([[
      "deliverable.plan-approved",
      "error",
      "evidence",
      undefined,
      undefined
    ]])
  })
  it("refuse work without a contract or outside its period", () => {
    expect(brief(input(article, { contract: undefined }))).toEqual([[
      "deliverable.within-period",
      "error",
      "evidence",
      undefined,
      undefined
    ]])
    expect(brief(input({ ...article, date: d("2026-04-19") }))).toEqual([[
      "deliverable.within-period",
      "error",
      "evidence.date",
      "2026-04-20 – 2026-10-20",
      "2026-04-19"
    ]])
    expect(brief(input({ ...article, date: d("2026-10-21") }))[0]![4]).toBe("2026-10-21")
  })
  it("accept rectification work up to the rectification deadline", () => {
    const late = { ...article, date: d("2026-11-10") }
    expect(brief(input(late, { rectificationDeadline: d("2026-11-13") }))).toEqual([])
    expect(brief(input(late, { rectificationDeadline: d("2026-11-09") }))[0]![3]).toBe("2026-04-20 – 2026-11-09")
  })
})

describe("deliverable.design-approved", () => {
  const banner: E = {
    _tag: "material-produced",
    date: d("2026-05-12"),
    materialType: "宣传横幅",
    designId: "design-1",
    quantity: 500
  }
  it("produces materials only from an approved design of the same type", () => {
    expect(brief(input(banner))).toEqual([])
    expect(brief(input({ ...banner, designId: "design-9" }))).toEqual([[
      "deliverable.design-approved",
      "error",
      "evidence.designId",
      undefined,
      undefined
    ]])
    expect(brief(input({ ...banner, materialType: "宣传折页" }))).toEqual([[
      "deliverable.design-approved",
      "error",
      "evidence.materialType",
      "宣传横幅",
      "宣传折页"
    ]])
  })
  it("warns about a type the plan does not list", () => {
    const r = run(
      input({ ...banner, materialType: "台历", designId: "design-2" }, {
        approvedDesigns: new Map([["design-2", "台历"]])
      })
    )
    expect(r.passed).toBe(true)
    expect(r.findings.map((f) => [f.severity, f.path, f.actual])).toEqual([[
      "warning",
      "evidence.materialType",
      "台历"
    ]])
  })
})

describe("deliverable.summary-video-length", () => {
  const video = (durationMinutes: number): E => ({
    _tag: "summary-video",
    date: d("2026-10-10"),
    title: "总结片",
    durationMinutes
  })
  it("keeps the summary video within 8–10 minutes, ends included", () => {
    expect(brief(input(video(8)))).toEqual([])
    expect(brief(input(video(10)))).toEqual([])
    expect(brief(input(video(10.5)))).toEqual([[
      "deliverable.summary-video-length",
      "error",
      "evidence.durationMinutes",
      "8–10",
      "10.5"
    ]])
    expect(brief(input(video(7)))[0]![4]).toBe("7")
  })
})

describe("deliverable.key-enterprise-order", () => {
  const step = (
    tag: "key-enterprise-survey" | "key-enterprise-training" | "key-enterprise-followup",
    enterprise = "示例重点企业1号"
  ): E =>
    tag === "key-enterprise-survey"
      ? { _tag: tag, date: d("2026-06-01"), enterprise, hazardReport: "h", researchReport: "r" }
      : tag === "key-enterprise-training"
      ? { _tag: tag, date: d("2026-07-01"), enterprise, courseware: "c", participants: 40 }
      : { _tag: tag, date: d("2026-09-01"), enterprise, inspectionReport: "i" }
  it("takes the three steps in order", () => {
    expect(brief(input(step("key-enterprise-survey")))).toEqual([])
    expect(brief(input(step("key-enterprise-training")))).toEqual([[
      "deliverable.key-enterprise-order",
      "error",
      "evidence",
      "step 1 done",
      "steps done: none"
    ]])
    expect(
      brief(
        input(step("key-enterprise-training"), { keyEnterpriseSteps: new Map([["示例重点企业1号", new Set([1])]]) })
      )
    ).toEqual([])
    expect(
      brief(
        input(step("key-enterprise-followup"), { keyEnterpriseSteps: new Map([["示例重点企业1号", new Set([1])]]) })
      )[0]![4]
    ).toBe("steps done: 1")
    expect(
      brief(
        input(step("key-enterprise-followup"), { keyEnterpriseSteps: new Map([["示例重点企业1号", new Set([1, 2])]]) })
      )
    ).toEqual([])
  })
  it("keeps to the committee's list when there is one", () => {
    const list = ["示例重点企业1号"]
    expect(brief(input(step("key-enterprise-survey"), { keyEnterpriseList: list }))).toEqual([])
    expect(brief(input(step("key-enterprise-survey", "别的企业"), { keyEnterpriseList: list }))).toEqual([[
      "deliverable.key-enterprise-order",
      "error",
      "evidence.enterprise",
      undefined,
      undefined
    ]])
  })
})

describe("deliverable.custom-type-known", () => {
  it("records custom deliverables only of registered types", () => {
    const custom: E = { _tag: "custom", date: d("2026-06-01"), customType: "safety-quiz", count: 2 }
    expect(brief(input(custom))).toEqual([[
      "deliverable.custom-type-known",
      "error",
      "evidence.customType",
      undefined,
      undefined
    ]])
    expect(brief(input(custom, { customTypes: new Set(["safety-quiz"]) }))).toEqual([])
  })
})
