import { describe, expect, it } from "@effect/vitest"
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Explain, InputError, Lifecycle, Parameter, Plugin, ProjectCommand, ProjectEvent, Rule } from "@gsyf/core"
import { Either, Schema } from "effect"
import { fullLifecycle, seedConfig, seedParameterFile } from "./fixtures/seed.js"

type Event = ProjectEvent.Event

const decodeCommand = InputError.decodeEither(ProjectCommand.Command, "Command")
const run = (commands: ReadonlyArray<unknown>, config: Plugin.Config) => {
  const decide = Lifecycle.decide(config)
  let state = Lifecycle.initialState
  const events: Array<Event> = []
  for (const raw of commands) {
    const result = decide(Either.getOrThrow(decodeCommand(raw)), state)
    if (Either.isLeft(result)) throw new Error(result.left.message)
    for (const e of result.right) {
      state = Lifecycle.evolve(state, e)
      events.push(e)
    }
  }
  return { state, events }
}

const config = seedConfig()
const { events } = run(fullLifecycle(), config)
const index = Explain.ruleIndex(config)
const find = <T extends Event["_tag"]>(tag: T, pred: (e: Extract<Event, { _tag: T }>) => boolean = () => true) =>
  events.find((e): e is Extract<Event, { _tag: T }> => e._tag === tag && pred(e as Extract<Event, { _tag: T }>))!
const explain = (id: string, depth?: number) =>
  Either.getOrThrowWith(
    Explain.decision(events, id, { index, ...(depth === undefined ? {} : { depth }) }),
    (e) => new Error(e.message)
  )

describe("Explain.ruleIndex", () => {
  it("indexes every rule of every stage and every quota item", () => {
    for (const stage of Object.keys(config.rules) as Array<Plugin.Stage>) {
      for (const rule of config.rules[stage]) expect(index.get(rule.id)?.title).toEqual(rule.title)
    }
    expect(index.get("payment.advance-amount")?.source).toBe("payment")
    expect(index.get(Explain.quotaRuleId("portal-articles"))?.title.zh).toBe("门户网站新闻推送")
    expect([...index.values()].filter((e) => e.source === "quota")).toHaveLength(20)
    // every rule id an event of the seed lifecycle records is known
    for (const e of events) for (const ev of e.evaluations) expect(index.has(ev.ruleId), ev.ruleId).toBe(true)
  })

  it("includes the lifecycle's guards and steps", () => {
    expect(index.get("publicity.period")?.source).toBe("guard")
    expect(index.get("acceptance.rectification-deadline")?.title.zh).toBe("整改期限")
  })

  it("still shows an evaluation of a rule it does not know, titled by its id", () => {
    const advance = find("PaymentMade", (e) => e.kind === "advance")
    const altered = {
      ...advance,
      evaluations: [...advance.evaluations, { ruleId: "gone.plugin-rule", reads: [], findings: [] }]
    } as Event
    const x = Either.getOrThrow(
      Explain.decision([...events.filter((e) => e.id !== advance.id), altered], advance.id, { index })
    )
    const gone = x.rules.find((r) => r.ruleId === "gone.plugin-rule")!
    expect([gone.known, gone.title, gone.section, gone.basis]).toEqual([
      false,
      { zh: "gone.plugin-rule", en: "gone.plugin-rule" },
      undefined,
      []
    ])
    expect(Explain.render(x, "en")).toContain("- gone.plugin-rule (not in the rule index)")
  })

  it("includes rules added by a plugin", () => {
    const extra = Rule.make<Plugin.StageInputs["payment"]>({
      id: "payment.province-extra",
      title: { zh: "省级附加付款规则", en: "Provincial extra payment rule" },
      section: "六(二)",
      basis: [],
      reads: [],
      description: "test",
      evaluate: () => []
    })
    const withPlugin = seedConfig([
      Plugin.make({ name: "p", version: "1", description: "d" }, { rules: { payment: [extra] } })
    ])
    expect(Explain.ruleIndex(withPlugin).get("payment.province-extra")?.title.en).toBe("Provincial extra payment rule")
    expect(Explain.baseIndex.has("payment.province-extra")).toBe(false)
  })
})

describe("Explain.decision on the seed lifecycle", () => {
  it("explains the key-areas advance: 40% read from the city's file, ¥872,000.00", () => {
    const advance = find("PaymentMade", (e) => e.subProject === "keyAreas" && e.kind === "advance")
    const x = explain(advance.id)
    expect(x.event).toMatchObject({ id: advance.id, type: "PaymentMade", at: "2026-04-27T10:00:00+08:00" })
    expect(x.event.actor.role).toBe("agency")
    expect(x.summary.zh).toContain("预付款 ¥872,000.00 = 合同金额 ¥2,180,000.00 × 40%")
    expect(x.summary.en).toContain("advance ¥872,000.00 = contract ¥2,180,000.00 × 40%")
    const rule = x.rules.find((r) => r.ruleId === "payment.advance-amount")!
    expect(rule.known).toBe(true)
    expect(rule.title.zh).toBe("预付款金额等于合同金额乘以预付比例")
    expect(rule.basis.map((b) => b.citation)).toEqual(["实施方案 六(二)"])
    const read = rule.reads.find((r) => r.name === "payment.advancePercent")!
    expect(read).toMatchObject({ value: "40", basis: "示例市 参数文件", effectiveFrom: undefined })
    expect(read.title?.zh).toBe("预付款比例")
    // the national default for rounding is cited as such
    expect(rule.reads.find((r) => r.name === "payment.rounding")).toMatchObject({
      value: "half-up",
      basis: "gsyf 约定"
    })
    // it rests on the contract, which rests on the award
    expect(x.restsOn[0]).toMatchObject({ type: "ContractSigned", depth: 1, via: advance.id })
    expect(x.restsOn.some((r) => r.type === "Awarded" && r.depth === 2)).toBe(true)
    const text = Explain.render(x, "zh")
    expect(text).toContain("payment.advance-amount")
    expect(text).toContain("payment.advancePercent(预付款比例) = 40")
    expect(text).toContain("示例市 参数文件")
  })

  it("explains the balance as contract minus paid, with its due date", () => {
    const balance = find("PaymentMade", (e) => e.subProject === "keyAreas" && e.kind === "balance")
    const x = explain(balance.id)
    expect(x.summary.zh).toContain("余款 ¥1,308,000.00 = 合同金额 ¥2,180,000.00 − 已付 ¥872,000.00")
    expect(x.summary.zh).toContain(`付款期限 ${balance.dueDate}`)
    expect(x.restsOn.filter((r) => r.depth === 1).map((r) => r.type)).toEqual(["ContractSigned", "AcceptancePassed"])
  })

  it("explains the publicity: 5 working days ending 2026-03-23, the synthetic rule still shown", () => {
    const publicity = find("PublicityStarted", (e) => e.subProject === "keyAreas")
    const x = explain(publicity.id)
    expect(x.summary.zh).toContain("5 个工作日")
    expect(x.summary.zh).toContain("2026-03-23")
    expect(x.summary.en).toContain("5 working days")
    const period = x.rules.find((r) => r.ruleId === "publicity.period")!
    expect(period.known).toBe(true)
    expect(period.title).toEqual({ zh: "采购需求公示期", en: "Requirement publicity period" })
    expect(period.reads.map((r) => [r.name, r.value])).toEqual([
      ["publicity.length", "5"],
      ["publicity.unit", "working-days"]
    ])
    expect(x.basis.map((b) => b.citation)).toContain("《民法典》 第二百零一条至第二百零三条")
    // it rests on the approved budget, which rests on the submitted one
    expect(x.restsOn.map((r) => [r.type, r.depth])).toEqual([
      ["BudgetApproved", 1],
      ["BudgetSubmitted", 2]
    ])
    const en = Explain.render(x, "en")
    expect(en).toContain("publicity.period Requirement publicity period [section 三(四)]")
    expect(en).toContain("read publicity.length (Procurement requirement publicity length) = 5")
  })

  it("explains the award: the consultation rules and the signing period, resting on the bids and the scores", () => {
    const award = find("Awarded", (e) => e.subProject === "keyAreas")
    const x = explain(award.id, 1)
    expect(x.summary.zh).toContain("授予 示例安康安全咨询有限公司")
    expect(x.summary.zh).toContain("¥2,180,000.00")
    expect(x.summary.zh).toContain("竞争性磋商")
    expect(x.details.zh[0]).toContain("第 1 名 示例安康安全咨询有限公司")
    const ids = x.rules.map((r) => r.ruleId)
    // no bid above the budget, the consultation's rules, then the date the contract is due (contract.signWithinDays)
    expect(ids).toEqual([
      "procurement.bids-within-budget",
      ...config.rules.consultation.map((r) => r.id),
      "contract.sign-within",
      "procurement.result-notice-period"
    ])
    expect(x.rules.every((r) => r.known)).toBe(true)
    expect(x.rules.at(-2)!.reads).toMatchObject([{ name: "contract.signWithinDays", value: "30" }])
    expect(x.rules.at(-1)!.reads).toMatchObject([{ name: "procurement.resultNotice.workingDays", value: "2" }])
    expect(x.rules.find((r) => r.ruleId === "procurement.consultation.min-suppliers")!.reads[0]).toMatchObject({
      name: "procurement.consultation.minSuppliers",
      value: "3"
    })
    const types = x.restsOn.map((r) => r.type)
    expect(types.filter((t) => t === "BidSubmitted")).toHaveLength(3)
    expect(types.filter((t) => t === "ScoresSubmitted")).toHaveLength(5)
    expect(types).toContain("PanelAppointed")
    expect(types).toContain("ProcurementStarted")
    expect(x.restsOn.every((r) => r.depth === 1)).toBe(true)
    expect(x.restsOn.find((r) => r.type === "BidSubmitted")!.summary.zh).toMatch(/报价 ¥2,\d{3},000\.00/)
  })

  it("explains the failed acceptance: the unmet portal-article quota and the rectification", () => {
    const failed = find("AcceptanceFailed")
    const x = explain(failed.id, 1)
    expect(x.summary.zh).toContain("第 1 次验收不合格")
    expect(x.summary.zh).toContain("门户网站新闻推送:完成 18篇,要求 20篇")
    expect(x.summary.en).toContain("Portal news articles: 18 of 20")
    const quotas = x.rules.find((r) => r.ruleId === "acceptance.quotas-met")!
    expect(quotas.findings).toHaveLength(1)
    expect(quotas.findings[0]!.path).toBe("items.portal-articles")
    expect(x.details.zh.filter((d) => d.startsWith("✗"))).toEqual(["✗ 门户网站新闻推送:完成 18篇,要求 20篇"])
    // it rests on the application and every deliverable in force
    expect(x.restsOn[0]!.type).toBe("AcceptanceApplied")
    expect(x.restsOn.filter((r) => r.type === "DeliverableRecorded").length).toBeGreaterThan(50)
    expect(Explain.render(x, "zh")).toContain("错误 items.portal-articles:门户网站新闻推送")
  })

  it("explains the passed hazchem acceptance and its due date", () => {
    const passed = find("AcceptancePassed", (e) => e.subProject === "hazchem")
    const x = explain(passed.id, 1)
    expect(x.summary.zh).toContain("验收合格")
    expect(x.summary.zh).toContain("¥468,000.00")
    expect(x.summary.zh).toContain("2026-11-23")
    expect(x.rules.find((r) => r.ruleId === "payment.due-date")!.reads.map((r) => [r.name, r.value, r.basis])).toEqual([
      ["payment.dueDays", "30", "《保障中小企业款项支付条例》(国务院令第802号) 第九条"],
      ["payment.dueDaysUnit", "calendar-days", "《保障中小企业款项支付条例》(国务院令第802号) 第九条"]
    ])
  })

  it("explains budgets, contracts and briefings", () => {
    const budget = explain(find("BudgetSubmitted").id)
    expect(budget.summary.zh).toContain("项目预算 ¥3,000,000.00")
    expect(budget.summary.zh).toContain("上限 ¥3,600,000.00 = 上年度征缴收入 ¥120,000,000.00 × 3%")
    expect(
      budget.rules.find((r) => r.ruleId === "budget.fee-cap")!.reads.find((r) => r.name === "fund.feeCapPercent")!.basis
    ).toBe(
      "《工伤预防费使用管理暂行办法》(人社部规〔2017〕13号) 第五条"
    )
    const contract = explain(find("ContractSigned", (e) => e.subProject === "keyAreas").id)
    expect(contract.summary.zh).toContain("预付款 ¥872,000.00,余款 ¥1,308,000.00")
    expect(contract.summary.zh).toContain("服务期至 2026-10-20")
    const briefing = explain(find("MonthlyBriefingSubmitted", (e) => e.month === "2026-07").id)
    expect(briefing.summary.zh).toContain("每月 5 日前报送")
    expect(briefing.summary.zh).toContain("按时")
  })

  it("follows restsOn to the requested depth without repeating an event", () => {
    const advance = find("PaymentMade", (e) => e.subProject === "keyAreas" && e.kind === "advance")
    expect(explain(advance.id, 0).restsOn).toEqual([])
    const one = explain(advance.id, 1).restsOn
    expect(one.map((r) => r.type)).toEqual(["ContractSigned"])
    const deep = explain(advance.id, 10).restsOn
    expect(new Set(deep.map((r) => r.id)).size).toBe(deep.length)
    expect(deep.some((r) => r.type === "KeyAreasSelected")).toBe(true)
    expect(Math.max(...deep.map((r) => r.depth))).toBeGreaterThan(3)
  })

  it("reports ids it cannot find and refuses unknown or empty ids and bad depths", () => {
    const advance = find("PaymentMade", (e) => e.subProject === "keyAreas" && e.kind === "advance")
    const partial = events.filter((e) => e._tag !== "ContractSigned")
    const x = Either.getOrThrow(Explain.decision(partial, advance.id))
    expect(x.unresolved).toEqual([find("ContractSigned", (e) => e.subProject === "keyAreas").id])
    expect(x.summary.zh).toContain("预付款 ¥872,000.00")
    const missing = Explain.decision(events, "nope/0")
    expect(Either.isLeft(missing) && missing.left.issues[0]!.path).toBe("eventId")
    const empty = Explain.decision(events, " ")
    expect(Either.isLeft(empty) && empty.left.issues[0]!.path).toBe("eventId")
    const depth = Explain.decision(events, advance.id, { depth: 1.5 })
    expect(Either.isLeft(depth) && depth.left.issues[0]!.path).toBe("depth")
  })
})

describe("Explain.findDecisions and decodeEvents", () => {
  it("lists the explainable decisions of the seed lifecycle", () => {
    const decisions = Explain.findDecisions(events)
    const count = (t: string) => decisions.filter((d) => d.type === t).length
    expect(count("BudgetSubmitted")).toBe(1)
    expect(count("PublicityStarted")).toBe(2)
    expect(count("Awarded")).toBe(2)
    expect(count("ContractSigned")).toBe(2)
    expect(count("PaymentMade")).toBe(4)
    expect(count("MonthlyBriefingSubmitted")).toBe(12)
    expect(count("AcceptancePassed")).toBe(2)
    expect(count("AcceptanceFailed")).toBe(1)
    expect(decisions).toHaveLength(26)
    const ids = decisions.map((d) => d.id)
    expect(ids).toEqual(events.filter((e) => ids.includes(e.id)).map((e) => e.id))
    for (const d of decisions) expect(Either.isRight(Explain.decision(events, d.id))).toBe(true)
  })

  it("decodes an encoded stream and explains it the same way", () => {
    const encoded = JSON.parse(JSON.stringify(Schema.encodeSync(Schema.Array(ProjectEvent.Event))(events)))
    const decoded = Either.getOrThrow(Explain.decodeEvents(encoded))
    const award = find("Awarded", (e) => e.subProject === "hazchem")
    const a = Either.getOrThrow(Explain.decision(decoded, award.id))
    const b = Either.getOrThrow(Explain.decision(events, award.id))
    expect(Explain.render(a, "en")).toBe(Explain.render(b, "en"))
    const bad = Explain.decodeEvents([{ ...encoded[0], at: "yesterday" }])
    expect(Either.isLeft(bad)).toBe(true)
  })
})

describe("explanations of periods counted in calendar days", () => {
  // a city that counts its publicity and its rectification in calendar days: "7 日", never "7 个日"
  const file = seedParameterFile() as { parameters: Record<string, unknown> }
  const calendarDays = Either.getOrThrow(Plugin.configure({
    parameters: Either.getOrThrow(Parameter.load({
      ...file,
      parameters: {
        ...file.parameters,
        "publicity.length": 7,
        "publicity.unit": "calendar-days",
        "acceptance.rectificationDays": 20,
        "acceptance.rectificationUnit": "calendar-days"
      }
    })),
    calendar: ChinaHolidays.calendar,
    plugins: []
  }))
  const { events: days } = run(fullLifecycle(), calendarDays)
  const first = <T extends Event["_tag"]>(tag: T) => days.find((e): e is Extract<Event, { _tag: T }> => e._tag === tag)!

  it("writes the publicity as 7 日 and the rectification as 20 日内", () => {
    expect(first("PublicityStarted").explanation.zh).toMatch(/^自 2026-03-16 起公示 7 日\(开始当日不计入\),/)
    expect(first("PublicityStarted").explanation.en).toContain("for 7 days (the first day not counted)")
    expect(first("AcceptanceFailed").rectification.explanation.zh).toMatch(
      /起 20 日内完成整改,至 \d{4}-\d{2}-\d{2} 止$/
    )
  })

  it("keeps 个 for working days", () => {
    expect(find("PublicityStarted").explanation.zh).toContain("起公示 5 个工作日(开始当日不计入)")
    expect(find("AcceptanceFailed").rectification.explanation.zh).toMatch(/起 \d+ 个工作日内完成整改/)
  })
})
