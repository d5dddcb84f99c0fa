import { describe, expect, it } from "@effect/vitest"
import { CommandHandler, EventStore, IsoDate, Parameter, Project, ProjectEvent } from "@gsyf/core"
import { CityPack } from "@gsyf/example-plugins"
import { Effect, Either } from "effect"
import { command, configWith, given, seedCommand, tagIs, until } from "../../core/test/fixtures/gwt.js"
import { actors, seedConfig } from "../../core/test/fixtures/seed.js"

const d = IsoDate.unsafeFromString
const panel = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `acc-${i + 1}`, name: `验收专家${i + 1}`, organisation: "示例市专家库" }))
const evaluate = (n: number) =>
  command("EvaluateAcceptance", actors.agency, "2026-10-23", {
    subProject: "hazchem",
    experts: panel(n),
    performanceTargets: [{ name: "满意度", target: ">85%", actual: "93%", met: true }]
  })
const contest = (date: string, count = 1, customType = "knowledge-contest") =>
  command("RecordDeliverable", actors.providerA, date, {
    evidence: { _tag: "custom", date, customType, count, note: "工伤预防知识竞赛" }
  })

describe("CityPack", () => {
  it("declares what it adds and overrides", () => {
    const pack = CityPack.make()
    expect(pack.manifest.adds).toEqual([
      "parameter:quota.knowledgeContests",
      "deliverable:knowledge-contest",
      "procurement-method:competitive-negotiation",
      "subscriber"
    ])
    expect(pack.manifest.overrides).toEqual([
      "parameter:supervision.briefingDueDay",
      "rule:acceptanceGuard/acceptance.expert-panel"
    ])
    const config = seedConfig([pack])
    expect(config.overrides).toEqual([{
      target: "acceptanceGuard",
      stage: "acceptanceGuard",
      ruleId: "acceptance.expert-panel",
      by: "example-city-pack",
      priority: 10,
      shadowed: ["gsyf"]
    }])
    expect(config.procurementMethods.has("competitive-negotiation")).toBe(true)
    expect(Parameter.resolve(config.parameters, "supervision.briefingDueDay", "2026-05-01")!.value).toBe(10)
  })

  it("the knowledge contest counts in Project.quotaProgress and is in the contract", () => {
    const config = seedConfig([CityPack.make()])
    const g = given(until(tagIs("RecordDeliverable")), config)
    const progress = (s: Project.State) =>
      Project.quotaProgress(config, s, d("2026-10-20"), "keyAreas").find((p) => p.itemId === "knowledge-contests")!
    expect(progress(g.state)).toMatchObject({ required: 2, done: 0, met: false, unit: "场" })
    const one = g.and([contest("2026-06-20")])
    expect(progress(one.state)).toMatchObject({ done: 1, met: false })
    const two = one.and([contest("2026-08-20")])
    expect(progress(two.state)).toMatchObject({ done: 2, met: true })
    // not a hazchem item; an unregistered custom type is still refused
    expect(Project.quotaProgress(config, two.state, d("2026-10-20"), "hazchem").map((p) => p.itemId)).not.toContain(
      "knowledge-contests"
    )
    g.when(contest("2026-06-20", 1, "quiz-night")).thenRejected("RuleViolation", "deliverable.custom-type-known")
    const signed = given(until(tagIs("SignContract", "keyAreas")), config).when({
      ...seedCommand(tagIs("SignContract", "keyAreas")),
      commandId: "c1"
    }).thenEvents("ContractSigned")
    const contract = signed[0] as Extract<ProjectEvent.Event, { _tag: "ContractSigned" }>
    expect(contract.deliverables.find((x) => x.itemId === "knowledge-contests")).toMatchObject({
      required: 2,
      unit: "场"
    })
  })

  it("briefings are due on the 10th (moved off the weekend)", () => {
    const brief = command("SubmitMonthlyBriefing", actors.providerA, "2026-05-08", {
      subProject: "keyAreas",
      month: "2026-05",
      plannedActivities: ["培训"],
      progress: "进展"
    })
    const withCity = given(until(tagIs("SubmitMonthlyBriefing")), seedConfig([CityPack.make()]))
    const [e] = withCity.when(brief).thenEvents("MonthlyBriefingSubmitted") as ReadonlyArray<
      Extract<ProjectEvent.Event, { _tag: "MonthlyBriefingSubmitted" }>
    >
    // 2026-05-10 is a Sunday
    expect([e!.dueOn, e!.late]).toEqual(["2026-05-11", false])
    const plain = given(until(tagIs("SubmitMonthlyBriefing"))).when(brief).thenEvents(
      "MonthlyBriefingSubmitted"
    )[0] as typeof e
    expect([plain!.dueOn, plain!.late]).toEqual(["2026-05-06", true])
  })

  it("overrides acceptance.expert-panel: enough experts and an odd number", () => {
    const g = given(until(tagIs("EvaluateAcceptance", "hazchem")), seedConfig([CityPack.make()]))
    const six = g.when(evaluate(6)).thenRejected("RuleViolation", "acceptance.expert-panel")
    expect(six._tag === "RuleViolation" && six.findings.map((f) => f.expected)).toEqual(["odd"])
    const four = g.when(evaluate(4)).thenRejected("RuleViolation", "acceptance.expert-panel")
    expect(four._tag === "RuleViolation" && four.findings.map((f) => f.expected)).toEqual(["≥ 5", "odd"])
    g.when(evaluate(5)).thenEvents("AcceptancePassed")
    g.when(evaluate(7)).thenEvents("AcceptancePassed")
    // the shipped rule alone takes six
    given(until(tagIs("EvaluateAcceptance", "hazchem"))).when(evaluate(6)).thenEvents("AcceptancePassed")
  })

  it("adds 竞争性谈判 as a procurement method the plan may name", () => {
    const before = until(tagIs("StartProcurement", "keyAreas"))
    const negotiation = {
      ...seedCommand(tagIs("StartProcurement", "keyAreas")),
      method: "competitive-negotiation",
      commandId: "neg"
    }
    const started = given(
      before,
      configWith({ "procurement.keyAreas.method": "competitive-negotiation" }, [CityPack.make()])
    ).when(
      negotiation
    ).thenEvents("ProcurementStarted")
    expect((started[0] as Extract<ProjectEvent.Event, { _tag: "ProcurementStarted" }>).method).toBe(
      "competitive-negotiation"
    )
    given(before, configWith({ "procurement.keyAreas.method": "competitive-negotiation" })).when(negotiation)
      .thenRejected(
        "RuleViolation",
        "procurement.method-known"
      )
    given(before, seedConfig([CityPack.make()])).when(negotiation).thenRejected(
      "RuleViolation",
      "procurement.method-as-planned"
    )
  })

  it.effect("its subscriber sees the events the command handler committed", () =>
    Effect.gen(function*() {
      const pack = CityPack.make()
      const config = seedConfig([pack])
      expect(config.subscribers).toHaveLength(1)
      const decider = Project.decider(config)
      const commands = until(tagIs("SubmitImplementationPlan"))
      for (const raw of commands) {
        const c = Either.getOrThrow(Project.decodeCommandInput(raw))
        const handled = yield* CommandHandler.handle(decider, ProjectEvent.codec, "city-2026", c, c.commandId)
        // CommandHandler does not call subscribers itself: the host passes on what was committed
        for (const e of handled.result.events) {
          for (const notify of config.subscribers) {
            notify({ streamId: e.streamId, position: e.position, type: e.type, data: e.data })
          }
        }
      }
      const inbox = pack.notifications()
      expect(inbox.map((n) => n.type)).toEqual([
        "PublicityStarted",
        "PublicityStarted",
        "Awarded",
        "Awarded",
        "ContractSigned",
        "ContractSigned",
        "PaymentMade",
        "PaymentMade"
      ])
      expect(inbox.map((n) => n.position)).toEqual([...inbox.map((n) => n.position)].sort((a, b) => a - b))
      expect(inbox[0]!.zh).toContain("2026-03-23")
      expect(inbox.find((n) => n.type === "Awarded" && n.zh.includes("keyAreas"))!.zh).toContain(
        "示例安康安全咨询有限公司"
      )
      expect(inbox.filter((n) => n.type === "PaymentMade").map((n) => n.en)).toEqual([
        "paid(keyAreas): advance ¥872000.00",
        "paid(hazchem): advance ¥312000.00"
      ])
      const store = yield* EventStore.EventStore
      const stored = yield* store.readStream("city-2026")
      expect(stored.length).toBeGreaterThan(inbox.length)
      // a second pack has its own inbox
      expect(CityPack.make().notifications()).toEqual([])
      pack.clear()
      expect(pack.notifications()).toEqual([])
    }).pipe(Effect.provide(EventStore.layerMemory())))

  it("runs the whole seed lifecycle except the key-areas acceptance, which now also wants the contests", () => {
    const config = seedConfig([CityPack.make()])
    const g = given(until(tagIs("EvaluateAcceptance", "keyAreas")), config)
    const [failed] = g.when({ ...seedCommand(tagIs("EvaluateAcceptance", "keyAreas")), commandId: "k1" }).thenEvents(
      "AcceptanceFailed"
    ) as ReadonlyArray<
      Extract<ProjectEvent.Event, { _tag: "AcceptanceFailed" }>
    >
    expect(failed!.items.filter((i) => !i.met).map((i) => i.itemId)).toEqual(["portal-articles", "knowledge-contests"])
  })
})
