import { describe, expect, it } from "@effect/vitest"
import { Acceptance, IsoDate, Money, Parameter, type Quota, RuleSet } from "@gsyf/core"
import { Either } from "effect"
import { fullLifecycle, runCommands, seedParameterFile, seedParameters } from "./fixtures/seed.js"

const params = seedParameters()
const d = IsoDate.unsafeFromString
const met = (itemId: string, required: number): Quota.Progress => ({
  itemId,
  title: { zh: itemId, en: itemId },
  subProject: "keyAreas",
  unit: "篇",
  required,
  done: required,
  met: true
})
const portal: Quota.Progress = {
  itemId: "portal-articles",
  title: { zh: "门户网站新闻推送", en: "Portal news articles" },
  subProject: "keyAreas",
  unit: "篇",
  required: 20,
  done: 18,
  met: false
}
const videos: Quota.Progress = {
  itemId: "warning-videos",
  title: { zh: "重点行业工伤风险警示教育片", en: "Warning videos for key industries" },
  subProject: "keyAreas",
  unit: "部",
  required: 3,
  done: 3,
  met: false,
  note: { zh: "尚未覆盖行业:邮政快递", en: "industries not yet covered: 邮政快递" }
}
const input = (patch: Partial<Acceptance.AcceptanceInput> = {}): Acceptance.AcceptanceInput => ({
  stage: "application",
  on: d("2026-10-21"),
  periodEnd: d("2026-10-20"),
  contractAmount: Money.unsafeYuan("2180000.00"),
  receiptsTotal: Money.unsafeYuan("2180000.00"),
  receiptCount: 1,
  progress: [met("deployment-meeting", 1), met("portal-articles", 20)],
  targets: [{ name: "培训满意度", target: ">85%", actual: "93%", met: true }],
  experts: 5,
  rectificationDeadline: undefined,
  ...patch
})
const guard = (i: Acceptance.AcceptanceInput) => RuleSet.evaluate(Acceptance.guardRuleSet, i, params, i.on)
const verdict = (i: Acceptance.AcceptanceInput) => RuleSet.evaluate(Acceptance.verdictRuleSet, i, params, i.on)
const brief = (r: RuleSet.Report) => r.findings.map((f) => [f.ruleId, f.severity, f.path])

describe("acceptance guards", () => {
  it("accept an application after the period with receipts", () => {
    expect(guard(input()).findings).toEqual([])
  })

  it("refuse an early application while quotas are open, but accept it once every quota is met", () => {
    const early = guard(input({ on: d("2026-10-01"), progress: [met("deployment-meeting", 1), portal] }))
    expect(brief(early)).toEqual([["acceptance.application", "error", "appliedOn"]])
    expect(early.findings[0]!.expected).toBe("≥ 2026-10-20 or all quotas met")
    expect(guard(input({ on: d("2026-10-01") })).findings).toEqual([])
  })

  it("refuse an application without receipts and warn about receipts above the contract", () => {
    expect(brief(guard(input({ receiptCount: 0, receiptsTotal: Money.zero })))).toEqual([[
      "acceptance.application",
      "error",
      "receipts"
    ]])
    const over = guard(input({ receiptsTotal: Money.unsafeYuan("2180000.01") }))
    expect(over.passed).toBe(true)
    expect(over.findings.map((f) => [f.severity, f.zh])).toEqual([[
      "warning",
      "票据合计 ¥2,180,000.01 超过合同金额 ¥2,180,000.00"
    ]])
  })

  it("during a rectification accept an early re-application, and warn when it comes after the deadline", () => {
    const rectifying = { progress: [portal], rectificationDeadline: d("2026-11-13") }
    expect(guard(input({ ...rectifying, on: d("2026-10-15") })).findings).toEqual([])
    const late = guard(input({ ...rectifying, on: d("2026-11-16") }))
    expect(late.findings.map((f) => [f.severity, f.expected, f.actual])).toEqual([[
      "warning",
      "≤ 2026-11-13",
      "2026-11-16"
    ]])
  })

  it("require at least acceptance.minExperts experts to evaluate (5 in the seed plan)", () => {
    const few = guard(input({ stage: "evaluation", experts: 4 }))
    expect(few.findings.map((f) => [f.ruleId, f.expected, f.actual])).toEqual([["acceptance.expert-panel", "≥ 5", "4"]])
    expect(few.trace.find((t) => t.ruleId === "acceptance.expert-panel")!.reads.map((r) => [r.name, r.value, r.basis]))
      .toEqual([
        ["acceptance.minExperts", "5", "示例市 参数文件"]
      ])
    expect(guard(input({ stage: "evaluation", experts: 5 })).findings).toEqual([])
    // the panel is not checked when applying, nor the application when evaluating
    expect(guard(input({ experts: 0 })).findings).toEqual([])
    expect(guard(input({ stage: "evaluation", receiptCount: 0 })).findings).toEqual([])
  })
})

describe("acceptance verdict", () => {
  it("passes when every quota and target is met", () => {
    const r = verdict(input({ stage: "evaluation" }))
    expect([r.passed, r.findings]).toEqual([true, []])
  })

  it("fails item by item on unmet quotas, with the counts and the unmet condition", () => {
    const r = verdict(input({ stage: "evaluation", progress: [met("deployment-meeting", 1), portal, videos] }))
    expect(r.passed).toBe(false)
    expect(r.findings.map((f) => [f.ruleId, f.path, f.expected, f.actual, f.zh])).toEqual([
      ["acceptance.quotas-met", "items.portal-articles", "≥ 20", "18", "门户网站新闻推送:完成 18篇,要求 20篇"],
      [
        "acceptance.quotas-met",
        "items.warning-videos",
        "≥ 3",
        "3",
        "重点行业工伤风险警示教育片:完成 3部,要求 3部;尚未覆盖行业:邮政快递"
      ]
    ])
  })

  it("fails on an unmet performance target", () => {
    const r = verdict(
      input({ stage: "evaluation", targets: [{ name: "培训考核合格率", target: "≥90%", actual: "86%", met: false }] })
    )
    expect(r.findings.map((f) => [f.ruleId, f.path, f.expected, f.actual])).toEqual([[
      "acceptance.targets-met",
      "targets.培训考核合格率",
      "≥90%",
      "86%"
    ]])
  })

  it("gives no verdict at the application stage", () => {
    expect(verdict(input({ progress: [portal] })).findings).toEqual([])
  })
})

describe("declared performance targets, computed from the evidence", () => {
  const file = seedParameterFile() as { parameters: Record<string, unknown> }
  const declaring = (atLeast: number) =>
    Either.getOrThrowWith(
      Parameter.load({
        ...file,
        parameters: {
          ...file.parameters,
          "acceptance.performanceTargets": [
            {
              name: "行业培训人数",
              subProject: "keyAreas",
              evidence: "training-session",
              field: "participants",
              atLeast
            },
            { name: "门户网站文章", subProject: "keyAreas", evidence: "portal-article", atLeast: 2 },
            {
              name: "三类人员培训人次",
              subProject: "hazchem",
              evidence: "hazchem-training",
              field: "trainees",
              atLeast: 999
            }
          ]
        }
      }),
      (e) => new Error(e.message)
    )
  const session = (date: string, participants: number) => ({
    _tag: "training-session" as const,
    date: d(date),
    track: "construction" as const,
    title: "建筑行业培训",
    participants
  })
  const article = (date: string) => ({
    _tag: "portal-article" as const,
    date: d(date),
    portal: "示例新闻网",
    title: "工伤预防"
  })
  const evaluation = (targets: Acceptance.AcceptanceInput["targets"] = []) =>
    input({
      stage: "evaluation",
      on: d("2026-10-23"),
      targets,
      subProject: "keyAreas",
      evidence: [
        session("2026-06-01", 120),
        session("2026-07-01", 90),
        article("2026-05-01"),
        article("2026-10-01"),
        // recorded after the evaluation date: not read
        session("2026-10-30", 500),
        article("2026-10-30")
      ] as unknown as Acceptance.AcceptanceInput["evidence"]
    })
  const run = (atLeast: number, i: Acceptance.AcceptanceInput) =>
    RuleSet.evaluate(Acceptance.verdictRuleSet, i, declaring(atLeast), i.on)

  it("pass when the evidence up to the evaluation reaches every target of the sub-project", () => {
    const r = run(210, evaluation())
    expect([r.passed, r.findings]).toEqual([true, []])
  })

  it("fail on a computed miss, with the value read from the evidence", () => {
    const r = run(211, evaluation())
    expect(r.passed).toBe(false)
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.path, f.expected, f.actual])).toEqual([
      ["acceptance.targets-met", "error", "targets.行业培训人数", "参加人数合计 ≥ 211", "210"]
    ])
    expect(r.findings[0]!.zh).toBe("绩效目标“行业培训人数”未实现:按记录计算为 210,要求 参加人数合计 ≥ 211")
  })

  it("a typed met flag that contradicts the computed value is reported and the computed value decides", () => {
    const typedMet = run(211, evaluation([{ name: "行业培训人数", target: "≥200人", actual: "300", met: true }]))
    expect(typedMet.passed).toBe(false)
    expect(typedMet.findings.map((f) => [f.severity, f.path, f.actual])).toEqual([
      ["warning", "targets.行业培训人数.met", "210"],
      ["error", "targets.行业培训人数", "210"]
    ])
    const typedMissed = run(210, evaluation([{ name: "门户网站文章", target: "≥2篇", actual: "1", met: false }]))
    expect(typedMissed.passed).toBe(true)
    expect(typedMissed.findings.map((f) => [f.severity, f.path, f.actual])).toEqual([
      ["warning", "targets.门户网站文章.met", "2"]
    ])
  })

  it("the contract's own targets are computed beside the plan's; a stricter one replaces the plan's, a looser one does not", () => {
    const agreed = (atLeast: number) => ({
      agreedTargets: [
        { name: "行业培训人数", evidence: "training-session" as const, field: "participants" as const, atLeast },
        { name: "门户网站文章条数", evidence: "portal-article" as const, atLeast: 3 }
      ]
    })
    const stricter = run(200, input({ ...evaluation(), ...agreed(211) }))
    expect(stricter.findings.map((f) => [f.path, f.expected, f.actual])).toEqual([
      ["targets.行业培训人数", "参加人数合计 ≥ 211", "210"],
      ["targets.门户网站文章条数", "门户网站网络宣传条数 ≥ 3", "2"]
    ])
    const looser = run(211, input({ ...evaluation(), ...agreed(100) }))
    expect(looser.findings.map((f) => [f.path, f.expected])).toEqual([
      ["targets.行业培训人数", "参加人数合计 ≥ 211"],
      ["targets.门户网站文章条数", "门户网站网络宣传条数 ≥ 3"]
    ])
  })

  it("a city that declares none keeps the typed flags as before", () => {
    const r = verdict(input({ stage: "evaluation", subProject: "keyAreas", evidence: [] }))
    expect([r.passed, r.findings]).toEqual([true, []])
  })
})

describe("performance targets the contract agrees, through the lifecycle", () => {
  const agreeing = (atLeast: number) =>
    fullLifecycle().map((c) =>
      c["_tag"] === "SignContract" && c["subProject"] === "hazchem"
        ? {
          ...c,
          performanceTargets: [{ name: "三类人员培训人次", evidence: "hazchem-training", field: "trainees", atLeast }]
        }
        : c
    )
  // the lifecycle up to the hazardous-chemicals evaluation (a failed one stops the balance payment after it)
  const hazchemVerdict = (atLeast: number) => {
    const all = agreeing(atLeast)
    const upTo = all.findIndex((c) => c["_tag"] === "EvaluateAcceptance" && c["subProject"] === "hazchem")
    const { events, state } = runCommands(all.slice(0, upTo + 1))
    const verdict = events.find((e) =>
      (e._tag === "AcceptancePassed" || e._tag === "AcceptanceFailed") && e.subProject === "hazchem"
    )
    return { verdict, contract: state.subProjects.hazchem.contract }
  }

  it("are kept with the contract and met by the seed's record (600 trainees against 600)", () => {
    const { contract, verdict } = hazchemVerdict(600)
    expect(contract?.performanceTargets).toEqual([
      { name: "三类人员培训人次", evidence: "hazchem-training", field: "trainees", atLeast: 600 }
    ])
    expect(verdict?._tag).toBe("AcceptancePassed")
  })

  it("fail the acceptance when the record falls short (600 against 650), naming the computed value", () => {
    const { verdict } = hazchemVerdict(650)
    expect(verdict?._tag).toBe("AcceptanceFailed")
    expect(verdict?._tag === "AcceptanceFailed" ? verdict.targets : []).toContainEqual({
      name: "三类人员培训人次",
      target: "培训人次合计 ≥ 650",
      actual: "600",
      met: false
    })
  })
})
