/**
 * Every step of 实施方案 三(一)–(九), 四 and 六, pass and fail, as given / when / then
 * against the seed lifecycle. Every rejection also checks that nothing changed.
 */
import { describe, expect, it } from "@effect/vitest"
import { IsoDate, Lifecycle, Money, type ProjectEvent } from "@gsyf/core"
import { Either } from "effect"
import {
  command,
  configWith,
  errorPaths,
  findingsOf,
  given,
  type Raw,
  seedCommand,
  tagIs,
  until,
  variant
} from "./fixtures/gwt.js"
import { actors, expert, fullLifecycle, keyEnterprises, stats } from "./fixtures/seed.js"

type E<K extends ProjectEvent.Name> = Extract<ProjectEvent.Event, { _tag: K }>
const only = <K extends ProjectEvent.Name>(events: ReadonlyArray<ProjectEvent.Event>, tag: K): E<K> => {
  const found = events.filter((e): e is E<K> => e._tag === tag)
  expect(found).toHaveLength(1)
  return found[0]!
}
const d = (s: string) => IsoDate.unsafeFromString(s)
const payee = (org: string, account: string) => ({ name: org, bank: "中国工商银行示例市分行", account })
const payeeA = payee(actors.providerA.organisation, "6222 0210 0000 1234")
const payeeH = payee(actors.providerH1.organisation, "6222 0210 0000 5678")
const progressOf = (g: { config: any }, state: Lifecycle.State, itemId: string, on = "2026-10-20") =>
  Lifecycle.quotaProgress(g.config, state, d(on)).find((p) => p.itemId === itemId)!

describe("三(一) key areas", () => {
  it("ranks the statistics and adds the mandated area", () => {
    const events = given([]).when(seedCommand(tagIs("SelectKeyAreas"))).thenEvents("KeyAreasSelected")
    const e = only(events, "KeyAreasSelected")
    expect(e.selected.map((a) => a.label)).toContain("其他危险化学品相关行业")
    expect(e.selected).toHaveLength(4)
    expect(e.ranking.map((r) => r.code)).toHaveLength(5)
    const mandated = e.selected.find((a) => a.label === "其他危险化学品相关行业")!
    expect(mandated.codes).toEqual([])
    expect(mandated.basis).toContain("危险化学品")
  })

  it("rejects an unknown GB/T 4754 code, naming the field", () => {
    const r = given([])
      .when(
        command("SelectKeyAreas", actors.bureau, "2026-01-15", {
          stats: [{ ...stats[0], code: "Z99" }, ...stats.slice(1)],
          top: 3
        })
      )
      .thenRejected("InvalidInput", "input.schema")
    expect(errorPaths(r)).toContain("stats[0].code")
    expect(r.message).toContain("GB/T 4754")
  })

  it("cannot choose key areas once the plan is issued", () => {
    given(until(tagIs("ProvideKeyEnterpriseList")))
      .when(variant(seedCommand(tagIs("SelectKeyAreas"))))
      .thenRejected("OutOfOrder", "lifecycle.key-areas-before-plan")
  })
})

describe("三(二) opinions and the plan", () => {
  const opinions = until(tagIs("IssuePlan"))
  const issue = () => variant(seedCommand(tagIs("IssuePlan")))

  it("needs all 8 member units before IssuePlan", () => {
    const withoutUnion = opinions.filter((c) => (c.actor as any).unit !== "trade-union")
    const r = given(withoutUnion).when(issue()).thenRejected("RuleViolation", "plan.member-opinions")
    expect(r.message).toContain("trade-union")
    expect(errorPaths(r)).toEqual(["opinions"])
  })

  it("issues the plan with every opinion, recording the plan rules it evaluated", () => {
    const g = given(opinions)
    const e = only(g.when(issue()).thenEvents("PlanIssued"), "PlanIssued")
    expect(e.issuedOn).toBe("2026-02-10")
    expect(e.evaluations.map((x) => x.ruleId)).toEqual(
      expect.arrayContaining(["budget.split-sum", "budget.fee-cap", "payment.split-sum"])
    )
    const feeCap = e.evaluations.find((x) => x.ruleId === "budget.fee-cap")!
    expect(feeCap.reads.find((r) => r.name === "fund.priorYearContributionRevenue")!.value).toBe("¥120,000,000.00")
    // rests on the key areas and all eight opinions
    expect(e.restsOn).toHaveLength(9)
  })

  it("runs the plan rules at IssuePlan: an advance and balance not adding to 100% is rejected", () => {
    const r = given(opinions)
      .withConfig(configWith({ "payment.advancePercent": 50 }))
      .when(issue())
      .thenRejected("RuleViolation", "payment.split-sum")
    expect(r.message).toContain("110%")
  })

  it("a member-unit opinion must name its unit; the plan needs key areas first", () => {
    const r = given([])
      .when(
        command(
          "RecordMemberOpinion",
          { id: "u", name: "某单位", organisation: "某单位", role: "member-unit" },
          "2026-02-02",
          { opinion: "同意", agrees: true }
        )
      )
      .thenRejected("InvalidInput")
    expect(errorPaths(r)).toEqual(["actor.unit"])
    given([]).when(issue()).thenRejected("OutOfOrder", "lifecycle.key-areas-first")
    given(until(tagIs("ProvideKeyEnterpriseList"))).when(issue()).thenRejected("OutOfOrder", "lifecycle.plan-once")
  })
})

describe("三(三) budget", () => {
  const beforeSubmit = until(tagIs("SubmitBudget"))
  const submit = () => variant(seedCommand(tagIs("SubmitBudget")))

  it("submits within the 3% cap and records the cap", () => {
    const e = only(given(beforeSubmit).when(submit()).thenEvents("BudgetSubmitted"), "BudgetSubmitted")
    expect(e.total.toString()).toBe("3000000.00")
    expect(e.cap.toString()).toBe(Money.percentOf(Money.unsafeYuan("120000000"), "3", "down").toString())
  })

  it("rejects a budget over the cap (budget.fee-cap)", () => {
    // prior-year revenue of 9000万: 3% is 270万, below the 300万 budget
    const r = given(beforeSubmit)
      .withConfig(configWith({ "fund.priorYearContributionRevenue": "9000" }))
      .when(submit())
      .thenRejected("RuleViolation", "budget.fee-cap")
    expect(r._tag === "RuleViolation" && r.findings.find((f) => f.ruleId === "budget.fee-cap")!.expected).toBe(
      "≤ ¥2,700,000.00"
    )
  })

  it("accepts it with a recorded provincial approval raising the cap", () => {
    const approval = { document: "示人社函〔2026〕8号", approvedOn: "2026-02-20", capPercent: "3.5" }
    const events = given(beforeSubmit)
      .withConfig(configWith({ "fund.priorYearContributionRevenue": "9000", "fund.provincialCapApproval": approval }))
      .when(submit())
      .thenEvents("BudgetSubmitted")
    expect(only(events, "BudgetSubmitted").cap.toString()).toBe("3150000.00")
    const info = findingsOf(events, "budget.fee-cap")
    expect(info.map((f) => f.severity)).toEqual(["info"])
    expect(info[0]!.zh).toContain("示人社函〔2026〕8号")
  })

  it("returns with reasons, is resubmitted and approved; cannot be approved twice", () => {
    const submitted = given(beforeSubmit).and([submit()])
    submitted.when(command("ReturnBudget", actors.finance, "2026-03-05", { reasons: [] })).thenRejected(
      "RuleViolation",
      "budget.return-reasons"
    )
    const returned = submitted.and([
      command("ReturnBudget", actors.finance, "2026-03-05", { reasons: ["培训费测算依据不足"] })
    ])
    expect(returned.state.budget.status).toBe("returned")
    returned.when(command("ApproveBudget", actors.finance, "2026-03-06")).thenRejected(
      "OutOfOrder",
      "lifecycle.budget-submitted"
    )
    const approved = returned.and([submit(), command("ApproveBudget", actors.finance, "2026-03-10", { note: "同意" })])
    expect(Lifecycle.status(approved.state)).toBe("budget-approved")
    approved.when(command("ApproveBudget", actors.finance, "2026-03-11")).thenRejected(
      "OutOfOrder",
      "lifecycle.budget-submitted"
    )
    approved.when(submit()).thenRejected("OutOfOrder", "lifecycle.budget-once")
  })

  it("is submitted only after the plan is issued", () => {
    given(until(tagIs("IssuePlan"))).when(submit()).thenRejected("OutOfOrder", "lifecycle.plan-first")
  })
})

describe("三(四) publicity", () => {
  const beforePublicity = until(tagIs("StartPublicity"))

  it("5 working days from 2026-09-29 run over 国庆 and end on 2026-10-12", () => {
    // 9-30 (1), 10-1..10-7 holiday, 10-8 (2), 10-9 (3), Saturday 10-10 a make-up working day (4), Monday 10-12 (5)
    const e = only(
      given(beforePublicity)
        .when(command("StartPublicity", actors.agency, "2026-09-29", { subProject: "hazchem", startsOn: "2026-09-29" }))
        .thenEvents("PublicityStarted"),
      "PublicityStarted"
    )
    expect(e.endsOn).toBe("2026-10-12")
    expect([e.length, e.unit]).toEqual([5, "working-days"])
    expect(e.evaluations[0]!.reads.map((r) => r.name)).toEqual(["publicity.length", "publicity.unit"])
  })

  it("needs an approved budget", () => {
    given(until(tagIs("ApproveBudget")))
      .when(command("StartPublicity", actors.agency, "2026-03-16", { subProject: "hazchem", startsOn: "2026-03-16" }))
      .thenRejected("OutOfOrder", "lifecycle.budget-approved-first")
  })

  it("takes objections only within the window", () => {
    const g = given(until(tagIs("RecordObjection")))
    const r = g
      .when(
        command("RecordObjection", actors.employer, "2026-03-24", {
          subProject: "keyAreas",
          receivedOn: "2026-03-24",
          objection: "逾期异议"
        })
      )
      .thenRejected("RuleViolation", "publicity.objection-window")
    expect(errorPaths(r)).toEqual(["receivedOn"])
    g.when(
      command("RecordObjection", actors.employer, "2026-03-15", {
        subProject: "keyAreas",
        receivedOn: "2026-03-15",
        objection: "提前异议"
      })
    ).thenRejected(
      "RuleViolation",
      "publicity.objection-window"
    )
    const e = only(
      g.when(
        command("RecordObjection", { id: "pub-1", name: "张三", organisation: "个人", role: "public" }, "2026-03-23", {
          subProject: "keyAreas",
          receivedOn: "2026-03-23",
          objection: "最后一日的异议"
        })
      ).thenEvents("ObjectionRecorded"),
      "ObjectionRecorded"
    )
    expect(e.objectionId).toBe("keyAreas-objection-1")
  })

  it("rejects procurement during the publicity", () => {
    const start = seedCommand(tagIs("StartProcurement", "hazchem"))
    const r = given(until(tagIs("StartProcurement")))
      .when(variant(start, { date: "2026-03-20", documentsIssuedOn: "2026-03-20", responseDeadline: "2026-04-07" }))
      .thenRejected("RuleViolation", "publicity.before-procurement")
    expect(r._tag === "RuleViolation" && r.findings[0]!.expected).toBe("> 2026-03-23")
  })

  it("rejects procurement without any publicity", () => {
    given(beforePublicity).when(variant(seedCommand(tagIs("StartProcurement", "keyAreas")))).thenRejected(
      "OutOfOrder",
      "publicity.before-procurement"
    )
  })

  it("an unresolved objection blocks procurement; resolving it unblocks", () => {
    const g = given(until(tagIs("ResolveObjection")))
    const start = seedCommand(tagIs("StartProcurement", "keyAreas"))
    g.when(variant(start)).thenRejected("RuleViolation", "publicity.objections-resolved")
    g.when(
      command("ResolveObjection", actors.agency, "2026-03-20", {
        subProject: "keyAreas",
        objectionId: "keyAreas-objection-9",
        response: "无"
      })
    ).thenRejected(
      "RuleViolation",
      "publicity.objection-known"
    )
    g.and([seedCommand(tagIs("ResolveObjection"))]).when(variant(start)).thenEvents("ProcurementStarted")
  })
})

describe("三(五) procurement", () => {
  const keyAreasUntilAward = () =>
    until(tagIs("Award", "keyAreas"))
      .filter((c) => !(c._tag === "SubmitBid" && c.subProject === "keyAreas" && c.supplierId === "sup-c"))
      .map((c) => (c._tag === "SubmitScores" && c.subProject === "keyAreas"
        ? {
          ...c,
          scores: (c.scores as Array<Raw>).filter((s) => s.supplierId !== "sup-c")
        }
        : c)
      )
  const award = () => variant(seedCommand(tagIs("Award", "keyAreas")))

  it("ranks the consultation by comprehensive score and awards the best value", () => {
    const e = only(given(until(tagIs("Award", "keyAreas"))).when(award()).thenEvents("Awarded"), "Awarded")
    // price score = lowest quote / quote × 20; non-price = mean of the five experts
    expect(e.ranking.map((r) => [r.supplierId, r.priceScore, r.nonPriceScore, r.total])).toEqual([
      ["sup-a", "18.81", "71.40", "90.21"],
      ["sup-c", "18.64", "69.40", "88.04"],
      ["sup-b", "20.00", "64.40", "84.40"]
    ])
    expect([e.supplierId, e.value.toString(), e.awardedOn, e.signBy]).toEqual([
      "sup-a",
      "2180000.00",
      "2026-04-09",
      "2026-05-09"
    ])
  })

  it("records the exact scores the ranking compared beside the display figures, and the ranking's basis", () => {
    const e = only(given(until(tagIs("Award", "keyAreas"))).when(award()).thenEvents("Awarded"), "Awarded")
    // base price 2 050 000 (sup-b): sup-a 2050000 / 2180000 × 20 = 2050/109, plus 357/5 = 49163/545 ≈ 90.2073
    expect(e.ranking.map((r) => [r.supplierId, r.exact, r.fourDecimals])).toEqual([
      ["sup-a", { priceScore: "2050/109", nonPriceScore: "357/5", total: "49163/545" }, {
        priceScore: "18.8073",
        nonPriceScore: "71.4000",
        total: "90.2073"
      }],
      ["sup-c", { priceScore: "205/11", nonPriceScore: "347/5", total: "4842/55" }, {
        priceScore: "18.6364",
        nonPriceScore: "69.4000",
        total: "88.0364"
      }],
      ["sup-b", { priceScore: "20", nonPriceScore: "322/5", total: "422/5" }, {
        priceScore: "20.0000",
        nonPriceScore: "64.4000",
        total: "84.4000"
      }]
    ])
    expect({ ...e.rankingBasis, basePrice: e.rankingBasis?.basePrice?.toString() }).toEqual({
      order: ["total", "final-quote", "technical-score", "registration", "supplier-id"],
      exact: "fraction",
      fourDecimals: "half-up",
      display: "half-up-2",
      basePrice: "2050000.00",
      priceWeight: "20"
    })
    expect(e.ties).toEqual([])
  })

  it("records a tie by supplier ids with the equal score exact and the step that broke it", () => {
    // sup-c quotes like sup-a and every expert scores it as sup-a: equal totals and quotes, equal technical score
    const history = until(tagIs("Award", "keyAreas")).map((c) => {
      if (c._tag === "SubmitBid" && c.subProject === "keyAreas" && c.supplierId === "sup-c") {
        return { ...c, quote: "2180000.00" }
      }
      if (c._tag !== "SubmitScores" || c.subProject !== "keyAreas") return c
      const scores = c.scores as Array<Raw>
      return {
        ...c,
        scores: scores.map((s) =>
          s.supplierId === "sup-c"
            ? { ...s, points: scores.find((x) => x.supplierId === "sup-a" && x.criterionId === s.criterionId)!.points }
            : s
        )
      }
    })
    const e = only(given(history).when(award()).thenEvents("Awarded"), "Awarded")
    expect(e.ties).toEqual([{ first: "sup-a", second: "sup-c", score: "49163/545", decidedBy: "registration" }])
    expect(e.tieBreaks).toHaveLength(1)
  })

  it("awards the dispersed panel review by trimmed mean", () => {
    const e = only(
      given(until(tagIs("Award", "hazchem"))).when(variant(seedCommand(tagIs("Award", "hazchem")))).thenEvents(
        "Awarded"
      ),
      "Awarded"
    )
    expect([e.supplierId, e.value.toString(), e.method]).toEqual(["sup-h1", "780000.00", "panel-review"])
    expect(e.rankingBasis).toEqual({
      order: ["score", "quoted-price", "registration", "supplier-id"],
      exact: "fraction",
      fourDecimals: "half-up",
      display: "half-up-2",
      aggregation: "trimmed-mean"
    })
    for (const r of e.ranking) {
      const [n, d = "1"] = r.exact!.total.split("/")
      // the display and four-decimal figures are the exact score rounded half-up
      expect(r.fourDecimals!.total).toBe(new Money.Decimal(n!).dividedBy(d).toDecimalPlaces(4, 4).toFixed(4))
      expect(r.total).toBe(new Money.Decimal(n!).dividedBy(d).toDecimalPlaces(2, 4).toFixed(2))
    }
    expect(e.evaluations.find((x) => x.ruleId === "procurement.panel-review.aggregation")!.reads[0]!.value).toBe(
      "trimmed-mean"
    )
  })

  it("allows a consultation with 2 suppliers for a government-purchased service", () => {
    const events = given(keyAreasUntilAward()).when(award()).thenEvents("Awarded")
    expect(only(events, "Awarded").ranking).toHaveLength(2)
    expect(findingsOf(events, "procurement.consultation.min-suppliers").map((f) => f.severity)).toEqual(["info"])
  })

  it("rejects 2 suppliers otherwise", () => {
    const history = keyAreasUntilAward().map((
      c
    ) => (c._tag === "StartProcurement" && c.subProject === "keyAreas"
      ? { ...c, governmentPurchasedService: false }
      : c)
    )
    given(history).when(award()).thenRejected("RuleViolation", "procurement.consultation.min-suppliers")
  })

  describe("the consultation panel", () => {
    const g = () => given(until(tagIs("AppointPanel", "keyAreas")))
    const member = (i: number, kind: string) => ({
      id: `expert-${i}`,
      name: `专家${i}`,
      organisation: "示例市评审专家库",
      kind
    })
    const appoint = (members: Array<Raw>) =>
      command("AppointPanel", actors.agency, "2026-04-07", { subProject: "keyAreas", members })

    it("rejects an even panel", () => {
      const r = g().when(
        appoint([member(1, "purchaser-representative"), member(2, "expert"), member(3, "expert"), member(4, "expert")])
      ).thenRejected(
        "RuleViolation",
        "procurement.consultation.panel"
      )
      expect(r.message).toContain("单数")
    })

    it("rejects fewer than 2/3 experts", () => {
      const r = g()
        .when(
          appoint([
            member(1, "purchaser-representative"),
            member(2, "purchaser-representative"),
            member(3, "expert"),
            member(4, "expert"),
            member(5, "expert")
          ])
        )
        .thenRejected("RuleViolation", "procurement.consultation.panel")
      expect(r._tag === "RuleViolation" && r.findings[0]!.actual).toBe("3/5")
    })
  })

  describe("scores", () => {
    const g = () => given(until(tagIs("SubmitScores", "keyAreas")))
    const tpl = seedCommand(tagIs("SubmitScores", "keyAreas"))
    const withPoints = (points: string) =>
      variant(tpl, { scores: (tpl.scores as Array<Raw>).map((s, i) => (i === 0 ? { ...s, points } : s)) })

    it("rejects points out of range, naming the entry", () => {
      const r = g().when(withPoints("51")).thenRejected("RuleViolation", "procurement.scores-valid")
      expect(errorPaths(r)).toEqual(["scores[0].points"])
      expect(errorPaths(g().when(withPoints("-1")).thenRejected("RuleViolation", "procurement.scores-valid"))).toEqual([
        "scores[0].points"
      ])
    })

    it("a scorer not on the panel is Unauthorized", () => {
      const r = g().when(variant(tpl, { actor: expert(99) })).thenRejected("Unauthorized", "roles.allowed")
      expect(r.message).toContain("expert-99")
    })

    it("scores once responses close: the deadline day itself, not the day before", () => {
      g().when(variant(tpl, { date: "2026-04-06" })).thenRejected("RuleViolation", "procurement.score-after-deadline")
      only(g().when(variant(tpl, { date: "2026-04-07" })).thenEvents("ScoresSubmitted"), "ScoresSubmitted")
    })

    it("accepts the boundary values", () => {
      only(g().when(withPoints("50")).thenEvents("ScoresSubmitted"), "ScoresSubmitted")
      only(g().when(withPoints("0")).thenEvents("ScoresSubmitted"), "ScoresSubmitted")
    })
  })
})

describe("三(六) contract", () => {
  const g = () => given(until(tagIs("SignContract", "keyAreas")))
  const sign = seedCommand(tagIs("SignContract", "keyAreas"))

  it("signs with the awarded supplier and value; splits 40/60", () => {
    const e = only(g().when(variant(sign)).thenEvents("ContractSigned"), "ContractSigned")
    expect([e.advance.toString(), e.balance.toString(), e.periodEnd]).toEqual(["872000.00", "1308000.00", "2026-10-20"])
    expect(e.deliverables.find((x) => x.itemId === "portal-articles")!.required).toBe(20)
  })

  it("rejects the wrong supplier", () => {
    const r = g().when(variant(sign, { supplierId: "sup-c" })).thenRejected(
      "RuleViolation",
      "contract.awarded-supplier"
    )
    expect(errorPaths(r)).toEqual(["supplierId"])
  })

  it("rejects an amount different from the award", () => {
    g().when(variant(sign, { amount: "2100000.00" })).thenRejected("RuleViolation", "contract.award-value")
  })

  it("rejects an amount over the sub-project budget", () => {
    g()
      .withConfig(configWith({ "budget.keyAreas": "200", "budget.total": "280" }))
      .when(variant(sign))
      .thenRejected("RuleViolation", "contract.within-budget")
  })

  it("records a signing more than 30 days after the award as late, with a warning finding", () => {
    const [e] = g().when(variant(sign, { date: "2026-05-11" })).thenEvents("ContractSigned")
    expect(e).toMatchObject({ late: true, signBy: "2026-05-09", signedOn: "2026-05-11" })
    const finding = e!.evaluations.flatMap((x) => x.findings).find((f) => f.ruleId === "contract.sign-within")!
    expect([finding.severity, finding.expected, finding.actual]).toEqual(["warning", "≤ 2026-05-09", "2026-05-11"])
  })

  it("signs only after an award, once", () => {
    given(until(tagIs("Award", "keyAreas"))).when(variant(sign)).thenRejected("OutOfOrder", "lifecycle.award-first")
    given(until(tagIs("MakePayment"))).when(variant(sign)).thenRejected("OutOfOrder", "contract.once")
  })
})

describe("六(二) payments", () => {
  const pay = (
    sub: "keyAreas" | "hazchem",
    kind: string,
    amount: string,
    date: string,
    p = sub === "keyAreas" ? payeeA : payeeH
  ) => command("MakePayment", actors.agency, date, { subProject: sub, kind, amount, payee: p })
  const afterAdvances = () => given(until(tagIs("SubmitImplementationPlan")))
  const beforeHazchemBalance = () => given(until((c) => tagIs("MakePayment", "hazchem")(c) && c.kind === "balance"))

  it("no advance before signing", () => {
    given(until(tagIs("SignContract", "keyAreas"))).when(pay("keyAreas", "advance", "872000.00", "2026-04-15"))
      .thenRejected("RuleViolation", "payment.advance-after-signing")
  })

  it("the advance is exactly 40% of the contract", () => {
    const r = given(until(tagIs("MakePayment"))).when(pay("keyAreas", "advance", "900000.00", "2026-04-27"))
      .thenRejected("RuleViolation", "payment.advance-amount")
    expect(r._tag === "RuleViolation" && r.findings.find((f) => f.ruleId === "payment.advance-amount")!.expected).toBe(
      "¥872,000.00"
    )
  })

  it("one advance per contract", () => {
    afterAdvances().when(pay("keyAreas", "advance", "872000.00", "2026-04-28")).thenRejected(
      "RuleViolation",
      "payment.single-advance"
    )
  })

  it("no balance before acceptance", () => {
    afterAdvances().when(pay("keyAreas", "balance", "1308000.00", "2026-06-01")).thenRejected(
      "RuleViolation",
      "payment.balance-after-acceptance"
    )
  })

  it("the balance is the contract minus what was paid", () => {
    const r = beforeHazchemBalance().when(pay("hazchem", "balance", "468000.01", "2026-11-02")).thenRejected(
      "RuleViolation",
      "payment.balance-amount",
      "payment.not-beyond-contract"
    )
    expect(r.message).toContain("¥468,000.00")
  })

  it("pays only the contract's payee", () => {
    const r = beforeHazchemBalance()
      .when(pay("hazchem", "balance", "468000.00", "2026-11-02", { ...payeeH, account: "6222 0000 0000 0000" }))
      .thenRejected("RuleViolation", "payment.payee-matches-contract")
    expect(errorPaths(r)).toEqual(["request.payee.account"])
  })

  it("a late balance is accepted with a warning", () => {
    const g = beforeHazchemBalance()
    const events = g.when(pay("hazchem", "balance", "468000.00", "2026-11-30")).thenEvents("PaymentMade")
    const e = only(events, "PaymentMade")
    expect(e.dueDate).toBe("2026-11-23")
    const warnings = findingsOf(events, "payment.due-date")
    expect(warnings.map((f) => [f.severity, f.expected, f.actual])).toEqual([["warning", "≤ 2026-11-23", "2026-11-30"]])
    const paid = g.when(pay("hazchem", "balance", "468000.00", "2026-11-30")).state().subProjects.hazchem.payments
    expect(Money.sum(paid.map((p) => p.amount)).toString()).toBe("780000.00")
  })
})

describe("三(七) implementation", () => {
  const review = (decision: string, reasons?: Array<string>) =>
    command("ReviewImplementationPlan", actors.agency, "2026-04-24", {
      subProject: "keyAreas",
      decision,
      ...(reasons === undefined ? {} : { reasons })
    })
  const g = () => given(until(tagIs("ReviewImplementationPlan", "keyAreas")))

  it("a return needs reasons; a returned plan is resubmitted and approved", () => {
    g().when(review("return")).thenRejected("RuleViolation", "implementation.return-reasons")
    const returned = g().and([review("return", ["活动安排未细化到月"])])
    expect(returned.state.subProjects.keyAreas.implementationPlan!.status).toBe("returned")
    // nothing is delivered under a returned plan
    returned
      .when(
        command("RecordDeliverable", actors.providerA, "2026-05-08", {
          evidence: { _tag: "park-event", date: "2026-05-08", park: "经开区" }
        })
      )
      .thenRejected("RuleViolation", "deliverable.plan-approved")
    const resubmitted = returned.and([
      command("SubmitImplementationPlan", actors.providerA, "2026-04-25", {
        subProject: "keyAreas",
        summary: "修改稿",
        activities: ["按月安排"]
      })
    ])
    resubmitted.when(review("approve")).thenEvents("ImplementationPlanApproved")
  })

  it("nothing to review, nothing to submit twice", () => {
    given(until(tagIs("SubmitImplementationPlan", "keyAreas"))).when(review("approve")).thenRejected(
      "OutOfOrder",
      "implementation.plan-submitted"
    )
    g().when(variant(seedCommand(tagIs("SubmitImplementationPlan", "keyAreas")))).thenRejected(
      "OutOfOrder",
      "implementation.plan-pending"
    )
  })
})

describe("四 deliverables", () => {
  const rec = (evidence: Raw, date = evidence.date as string, actor = actors.providerA) =>
    command("RecordDeliverable", actor, date, { evidence })
  const delivering = () => given(until(tagIs("RecordDeliverable")))

  it("materials need an approved design of the same type", () => {
    const produce = (designId: string, materialType = "宣传横幅") =>
      rec({ _tag: "material-produced", date: "2026-05-12", materialType, designId, quantity: 100 })
    const g = delivering()
    expect(errorPaths(g.when(produce("design-1")).thenRejected("RuleViolation", "deliverable.design-approved")))
      .toEqual(["evidence.designId"])
    const submitted = g.and([
      command("SubmitMaterialDesign", actors.providerA, "2026-05-06", {
        designId: "design-1",
        materialType: "宣传横幅",
        title: "初稿"
      })
    ])
    submitted.when(produce("design-1")).thenRejected("RuleViolation", "deliverable.design-approved")
    const returned = submitted.and([
      command("ReviewMaterialDesign", actors.agency, "2026-05-07", {
        designId: "design-1",
        decision: "return",
        reasons: ["字号过小"]
      })
    ])
    returned.when(produce("design-1")).thenRejected("RuleViolation", "deliverable.design-approved")
    const approved = returned.and([
      command("SubmitMaterialDesign", actors.providerA, "2026-05-08", {
        designId: "design-1",
        materialType: "宣传横幅",
        title: "修改稿"
      }),
      command("ReviewMaterialDesign", actors.agency, "2026-05-09", { designId: "design-1", decision: "approve" })
    ])
    expect(
      errorPaths(
        approved.when(produce("design-1", "宣传折页")).thenRejected("RuleViolation", "deliverable.design-approved")
      )
    ).toEqual(["evidence.materialType"])
    approved.when(produce("design-1")).thenEvents("DeliverableRecorded")
  })

  it("rejects work outside the contract period", () => {
    const g = delivering()
    for (const date of ["2026-04-19", "2026-10-21"]) {
      const r = g.when(rec({ _tag: "tv-report", date, outlet: "示例市电视台" })).thenRejected(
        "RuleViolation",
        "deliverable.within-period"
      )
      expect(r._tag === "RuleViolation" && r.findings.find((f) => f.ruleId === "deliverable.within-period")!.expected)
        .toBe("2026-04-20 – 2026-10-20")
    }
    g.when(rec({ _tag: "tv-report", date: "2026-10-20", outlet: "示例市电视台" })).thenEvents("DeliverableRecorded")
  })

  it("key-enterprise work goes survey → training → follow-up, for listed enterprises only", () => {
    const g = delivering()
    const e = keyEnterprises[0]!
    const survey = rec({
      _tag: "key-enterprise-survey",
      date: "2026-06-01",
      enterprise: e,
      hazardReport: "隐患排查报告",
      researchReport: "调研报告"
    })
    const training = rec({
      _tag: "key-enterprise-training",
      date: "2026-07-01",
      enterprise: e,
      courseware: "课件",
      participants: 30
    })
    const followup = rec({
      _tag: "key-enterprise-followup",
      date: "2026-09-01",
      enterprise: e,
      inspectionReport: "回访巡查报告"
    })
    g.when(training).thenRejected("RuleViolation", "deliverable.key-enterprise-order")
    g.and([survey]).when(followup).thenRejected("RuleViolation", "deliverable.key-enterprise-order")
    g.and([survey, training]).when(followup).thenEvents("DeliverableRecorded")
    const r = g
      .when(
        rec({
          _tag: "key-enterprise-survey",
          date: "2026-06-01",
          enterprise: "名单外企业",
          hazardReport: "报告",
          researchReport: "报告"
        })
      )
      .thenRejected("RuleViolation", "deliverable.key-enterprise-order")
    expect(errorPaths(r)).toEqual(["evidence.enterprise"])
  })

  it("the summary video keeps to 8–10 minutes", () => {
    const g = delivering()
    const r = g.when(rec({ _tag: "summary-video", date: "2026-10-10", title: "总结片", durationMinutes: 12 }))
      .thenRejected("RuleViolation", "deliverable.summary-video-length")
    expect(r._tag === "RuleViolation" && r.findings[0]!.expected).toBe("8–10")
    g.when(rec({ _tag: "summary-video", date: "2026-10-10", title: "总结片", durationMinutes: 10 })).thenEvents(
      "DeliverableRecorded"
    )
  })

  it("a custom type must be registered by a plugin", () => {
    delivering()
      .when(rec({ _tag: "custom", date: "2026-06-01", customType: "knowledge-contest", count: 1 }))
      .thenRejected("RuleViolation", "deliverable.custom-type-known")
  })

  describe("corrections", () => {
    const g = () => given(until(tagIs("ApplyForAcceptance")))
    const eventOf = (gv: ReturnType<typeof g>, pred: (e: E<"DeliverableRecorded">) => boolean) =>
      gv.events.find((e): e is E<"DeliverableRecorded"> => e._tag === "DeliverableRecorded" && pred(e))!

    it("a corrected deliverable stops counting; a replacement counts", () => {
      const gv = g()
      const article = eventOf(gv, (e) => e.evidence._tag === "portal-article")
      expect(progressOf(gv, gv.state, "portal-articles").done).toBe(18)
      const withdrawn = gv.when(
        command("CorrectDeliverable", actors.agency, "2026-10-15", { correctsEventId: article.id, reason: "重复登记" })
      ).state()
      expect(progressOf(gv, withdrawn, "portal-articles").done).toBe(17)
      const replaced = gv
        .when(
          command("CorrectDeliverable", actors.providerA, "2026-10-15", {
            correctsEventId: article.id,
            reason: "标题有误",
            replacement: {
              _tag: "portal-article",
              date: "2026-10-15",
              portal: "示例新闻网",
              title: "工伤预防在行动(更正)"
            }
          })
        )
        .state()
      expect(progressOf(gv, replaced, "portal-articles").done).toBe(18)
      // a corrected event cannot be corrected again
      const again = given([]).and(gv.events).and([
        command("CorrectDeliverable", actors.agency, "2026-10-15", { correctsEventId: article.id, reason: "重复登记" })
      ])
      again.when(
        command("CorrectDeliverable", actors.agency, "2026-10-16", { correctsEventId: article.id, reason: "再次" })
      ).thenRejected("RuleViolation", "deliverable.correction-target")
    })

    it("withdrawing step 1 when step 2 exists is rejected", () => {
      const gv = g()
      const survey = eventOf(gv, (e) => e.evidence._tag === "key-enterprise-survey")
      gv.when(
        command("CorrectDeliverable", actors.agency, "2026-10-15", { correctsEventId: survey.id, reason: "撤回" })
      ).thenRejected("RuleViolation", "deliverable.key-enterprise-order")
    })
  })
})

describe("三(八) monthly briefings", () => {
  const brief = (month: string, date: string) =>
    command("SubmitMonthlyBriefing", actors.providerA, date, {
      subProject: "keyAreas",
      month,
      plannedActivities: ["培训"],
      progress: "按计划推进"
    })
  const g = () => given(until(tagIs("SubmitMonthlyBriefing")))

  it("a late briefing is accepted with a warning; a month is briefed once", () => {
    // the 5th of May 2026 is a holiday: due on the next working day, 05-06
    const events = g().when(brief("2026-05", "2026-05-08")).thenEvents("MonthlyBriefingSubmitted")
    const e = only(events, "MonthlyBriefingSubmitted")
    expect([e.dueOn, e.late]).toEqual(["2026-05-06", true])
    expect(findingsOf(events, "supervision.briefing-due").map((f) => f.severity)).toEqual(["warning"])
    g().and([brief("2026-05", "2026-05-08")]).when(brief("2026-05", "2026-05-09")).thenRejected(
      "RuleViolation",
      "supervision.briefing-once"
    )
    g().when(brief("2026-12", "2026-12-01")).thenRejected("RuleViolation", "supervision.briefing-month")
  })

  it("briefingStatus shows missing and late months at a date", () => {
    const gv = g().and([brief("2026-05", "2026-05-08"), brief("2026-06", "2026-06-03")])
    const status = Either.getOrThrow(Lifecycle.briefingStatus(gv.config, gv.state, "keyAreas", d("2026-07-20")))
    expect(status.map((m) => [m.month, m.status])).toEqual([
      ["2026-05", "late"],
      ["2026-06", "on-time"],
      ["2026-07", "missing"],
      ["2026-08", "pending"],
      ["2026-09", "pending"],
      ["2026-10", "pending"]
    ])
    // 2026-07-05 is a Sunday: due Monday 07-06
    expect(status[2]!.dueOn).toBe("2026-07-06")
  })
})

describe("三(九) acceptance and filing", () => {
  const panel = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => ({ id: `acc-${i + 1}`, name: `验收专家${i + 1}`, organisation: "示例市专家库" })
    )
  const targets = [{ name: "培训满意度", target: ">85%", actual: "93%", met: true }]
  const evaluate = (sub: "hazchem" | "keyAreas", date: string, experts = 5) =>
    command("EvaluateAcceptance", actors.agency, date, {
      subProject: sub,
      experts: panel(experts),
      performanceTargets: targets
    })
  const apply = (date: string) =>
    command("ApplyForAcceptance", actors.providerA, date, {
      subProject: "keyAreas",
      receipts: [{ number: "FP-K-001", amount: "2180000.00" }],
      details: "明细"
    })

  it("an early application with open quotas is rejected", () => {
    const r = given(until(tagIs("ApplyForAcceptance"))).when(apply("2026-09-01")).thenRejected(
      "RuleViolation",
      "acceptance.application"
    )
    expect(errorPaths(r)).toEqual(["appliedOn"])
  })

  it("too few experts are rejected", () => {
    const r = given(until(tagIs("EvaluateAcceptance", "hazchem"))).when(evaluate("hazchem", "2026-10-23", 3))
      .thenRejected("RuleViolation", "acceptance.expert-panel")
    expect(r._tag === "RuleViolation" && r.findings[0]!.actual).toBe("3")
  })

  it("fail → rectification deadline in working days → re-application → pass → balance due", () => {
    const g = given(until(tagIs("EvaluateAcceptance", "keyAreas")))
    const failed = only(g.when(evaluate("keyAreas", "2026-10-23")).thenEvents("AcceptanceFailed"), "AcceptanceFailed")
    // 15 working days from Friday 2026-10-23: 10-26 … 11-13
    expect(failed.rectification.deadline).toBe("2026-11-13")
    expect(failed.items.find((i) => i.itemId === "portal-articles")).toMatchObject({
      done: 18,
      required: 20,
      met: false
    })
    expect(failed.rectification.items).toHaveLength(1)
    // the order names the quota item by its id with both values; the sentence stays for display
    expect(failed.rectification.orders).toEqual([{
      kind: "quota",
      rule: "acceptance.quotas-met",
      itemId: "portal-articles",
      unit: "篇",
      required: 20,
      delivered: 18,
      text: failed.rectification.items[0]
    }])

    const rectifying = g.and([evaluate("keyAreas", "2026-10-23")])
    expect(rectifying.state.subProjects.keyAreas.acceptance.rectificationDeadline).toBe("2026-11-13")
    // evidence after the contract period is taken up to the rectification deadline, not after it
    const article = (date: string, n: number) =>
      command("RecordDeliverable", actors.providerA, date, {
        evidence: { _tag: "portal-article", date, portal: "示例新闻网", title: `补充(${n})` }
      })
    rectifying.when(article("2026-11-16", 0)).thenRejected("RuleViolation", "deliverable.within-period")
    const rectified = rectifying.and([article("2026-10-27", 1), article("2026-10-28", 2), apply("2026-10-30")])
    expect(rectified.state.subProjects.keyAreas.acceptance).toMatchObject({ status: "applied", attempts: 2 })
    const passed = only(
      rectified.when(evaluate("keyAreas", "2026-11-04")).thenEvents("AcceptancePassed"),
      "AcceptancePassed"
    )
    expect([passed.attempt, passed.dueDate, passed.balanceDue.toString()]).toEqual([2, "2026-12-04", "1308000.00"])
    expect(passed.items.every((i) => i.met)).toBe(true)
  })

  it("files only a passed report, once", () => {
    const file = (date: string) =>
      command("FileAcceptanceReport", actors.agency, date, {
        subProject: "hazchem",
        reportNumber: "示社保验〔2026〕1号"
      })
    given(until(tagIs("EvaluateAcceptance", "hazchem"))).when(file("2026-10-22")).thenRejected(
      "OutOfOrder",
      "acceptance.passed-first"
    )
    const filed = given(until(tagIs("ApplyForAcceptance", "keyAreas")))
    expect(filed.state.subProjects.hazchem.filed?.reportNumber).toBe("示社保验〔2026〕1号")
    filed.when(file("2026-11-06")).thenRejected("OutOfOrder", "filing.once")
    const all = given(fullLifecycle())
    expect(Lifecycle.status(all.state)).toBe("filed")
  })
})
