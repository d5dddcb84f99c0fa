import * as Either from "effect/Either"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Procurement from "../src/lifecycle/3.5-procurement/Procurement.js"
import * as Parameter from "../src/lifecycle/Parameter.js"
import type * as Rule from "../src/rules/Rule.js"
import * as RuleSet from "../src/rules/RuleSet.js"

const right = <A, E>(e: Either.Either<A, E>): A => {
  if (Either.isLeft(e)) throw new Error(`expected Right, got ${String(e.left)}`)
  return e.right
}

const params = (extra: Record<string, unknown> = {}): Parameter.ParameterSet =>
  right(
    Parameter.load(
      {
        parameters: {
          "procurement.consultation.priceWeight": "30",
          "procurement.panelReview.minPanelSize": 5,
          ...extra
        }
      },
      { requireAll: false }
    )
  )

const AT = "2024-06-01"

const findings = <I>(rule: Rule.Rule<I>, input: I, set = params()) =>
  RuleSet.evaluateRule(rule, input, set, AT).findings

const supplier = (n: number) => ({ id: `S${n}`, name: `服务机构${n}` })
const member = (id: string, kind: Procurement.MemberKind) => ({ id, name: `成员${id}`, organisation: "某单位", kind })

const consultation = (overrides: Record<string, unknown> = {}): Procurement.ConsultationInput =>
  right(
    Procurement.decodeConsultationInput({
      category: "services",
      governmentPurchasedService: true,
      qualifiedSuppliers: [supplier(1), supplier(2), supplier(3)],
      panel: [member("m1", "purchaser-representative"), member("m2", "expert"), member("m3", "expert")],
      documentsIssuedOn: "2024-03-01",
      firstResponseDeadline: "2024-03-11",
      priceWeight: "30",
      ...overrides
    })
  )

describe("procurement.consultation.min-suppliers", () => {
  const rule = Procurement.minSuppliers

  it("passes with 3 qualified suppliers", () => {
    expect(findings(rule, consultation())).toEqual([])
  })

  it("lets a government-purchased service continue with 2 (财库〔2015〕124号)", () => {
    const fs = findings(rule, consultation({ qualifiedSuppliers: [supplier(1), supplier(2)] }))
    expect(fs.map((f) => f.severity)).toEqual(["info"])
    expect(fs[0]!.zh).toContain("124号")
  })

  it("does not let goods continue with 2", () => {
    const fs = findings(
      rule,
      consultation({
        category: "goods",
        governmentPurchasedService: false,
        qualifiedSuppliers: [supplier(1), supplier(2)]
      })
    )
    expect(fs.map((f) => [f.severity, f.path, f.expected, f.actual])).toEqual([[
      "error",
      "qualifiedSuppliers",
      "≥ 3",
      "2"
    ]])
    expect(fs[0]!.en).toContain("only a government-purchased service")
  })

  it("does not let services continue with 2 when the parameter forbids it", () => {
    const set = params({ "procurement.consultation.allowTwoForServices": false })
    const fs = findings(rule, consultation({ qualifiedSuppliers: [supplier(1), supplier(2)] }), set)
    expect(fs.map((f) => f.severity)).toEqual(["error"])
  })

  it("stops the consultation with 1 supplier", () => {
    const fs = findings(rule, consultation({ qualifiedSuppliers: [supplier(1)] }))
    expect(fs.map((f) => f.severity)).toEqual(["error"])
    expect(fs[0]!.en).toContain("must stop and be run again")
    expect(fs[0]!.zh).toContain("终止")
  })

  it("records the parameters it read", () => {
    const t = RuleSet.evaluateRule(rule, consultation({ qualifiedSuppliers: [supplier(1), supplier(2)] }), params(), AT)
    expect(t.reads.map((r) => [r.name, r.value])).toEqual([
      ["procurement.consultation.minSuppliers", "3"],
      ["procurement.consultation.allowTwoForServices", "true"]
    ])
  })
})

describe("procurement.consultation.panel", () => {
  const rule = Procurement.consultationPanel

  it("passes with 1 purchaser representative and 2 experts (2·3 ≥ 3·2)", () => {
    expect(findings(rule, consultation())).toEqual([])
  })

  it("rejects an even panel", () => {
    const panel = [
      member("r", "purchaser-representative"),
      member("e1", "expert"),
      member("e2", "expert"),
      member("e3", "expert")
    ]
    const fs = findings(rule, consultation({ panel }))
    expect(fs.map((f) => [f.path, f.expected, f.actual])).toEqual([["panel", "odd", "4"]])
  })

  it("rejects 2 experts of 4 (even, and 2·3 < 4·2)", () => {
    const panel = [
      member("r1", "purchaser-representative"),
      member("r2", "department-staff"),
      member("e1", "expert"),
      member("e2", "expert")
    ]
    const fs = findings(rule, consultation({ panel }))
    expect(fs.map((f) => f.expected)).toEqual(["odd", "experts ≥ 2/3 × 4"])
    expect(fs[1]!.actual).toBe("2/4")
  })

  it("rejects 3 experts of 5 (3·3 = 9 < 5·2 = 10)", () => {
    const panel = [
      member("r1", "purchaser-representative"),
      member("r2", "purchaser-representative"),
      member("e1", "expert"),
      member("e2", "expert"),
      member("e3", "expert")
    ]
    expect(findings(rule, consultation({ panel })).map((f) => f.actual)).toEqual(["3/5"])
  })

  it("rejects a panel smaller than the minimum", () => {
    const fs = findings(rule, consultation({ panel: [member("e1", "expert")] }))
    expect(fs.map((f) => [f.expected, f.actual])).toEqual([["≥ 3", "1"]])
  })
})

describe("procurement.consultation.document-period", () => {
  const rule = Procurement.documentPeriod

  it("accepts 10 calendar days (the issue day is not counted)", () => {
    expect(findings(rule, consultation())).toEqual([])
    // across the end of February in a leap year: 2024-02-25 → 2024-03-06 is 4 + 6 = 10 days
    expect(findings(rule, consultation({ documentsIssuedOn: "2024-02-25", firstResponseDeadline: "2024-03-06" })))
      .toEqual([])
  })

  it("rejects a 9-day period", () => {
    const fs = findings(rule, consultation({ firstResponseDeadline: "2024-03-10" }))
    expect(fs.map((f) => [f.severity, f.path, f.expected, f.actual])).toEqual([
      ["error", "firstResponseDeadline", "≥ 2024-03-11", "2024-03-10"]
    ])
    // given a last day the lifecycle rolled over (here 2024-03-12 stands for one), a deadline on the raw last
    // day is early
    const rolled = consultation({ firstResponseDeadline: "2024-03-11", minimumPeriodEnd: "2024-03-12" })
    expect(findings(rule, rolled).map((f) => f.expected)).toEqual(["≥ 2024-03-12"])
    // 2023 is not a leap year: 2023-02-25 → 2023-03-06 is 3 + 6 = 9 days
    expect(findings(rule, consultation({ documentsIssuedOn: "2023-02-25", firstResponseDeadline: "2023-03-06" })))
      .toHaveLength(1)
  })

  it("rejects a date that does not exist when decoding", () => {
    const bad = Procurement.decodeConsultationInput({ ...consultationJson(), firstResponseDeadline: "2024-02-30" })
    expect(Either.isLeft(bad) && bad.left.issues.map((i) => i.path)).toEqual(["firstResponseDeadline"])
  })
})

function consultationJson() {
  return {
    category: "services",
    qualifiedSuppliers: [supplier(1), supplier(2), supplier(3)],
    panel: [member("m1", "purchaser-representative"), member("m2", "expert"), member("m3", "expert")],
    documentsIssuedOn: "2024-03-01",
    firstResponseDeadline: "2024-03-11"
  }
}

describe("procurement.consultation.price-weight", () => {
  const rule = Procurement.priceWeight

  it("accepts 30% and 10% for services", () => {
    expect(findings(rule, consultation({ priceWeight: "30" }))).toEqual([])
    expect(findings(rule, consultation({ priceWeight: 10 }))).toEqual([])
  })

  it("rejects 35% for services without a finance-department approval", () => {
    const fs = findings(rule, consultation({ priceWeight: "35" }))
    expect(fs.map((f) => [f.severity, f.path, f.expected, f.actual])).toEqual([[
      "error",
      "priceWeight",
      "10%–30%",
      "35%"
    ]])
  })

  it("accepts 35% with a recorded approval, and rejects an approval of another weight", () => {
    const approval = { document: "x财采〔2024〕5号", approvedOn: "2024-02-20" }
    const ok = findings(rule, consultation({ priceWeight: "35", financeApproval: { ...approval, priceWeight: "35" } }))
    expect(ok.map((f) => f.severity)).toEqual(["info"])
    expect(ok[0]!.zh).toContain("x财采〔2024〕5号")
    const other = findings(
      rule,
      consultation({ priceWeight: "35", financeApproval: { ...approval, priceWeight: "40" } })
    )
    expect(other.map((f) => [f.severity, f.path])).toEqual([["error", "financeApproval.priceWeight"]])
  })

  it("uses the goods range 30%–60% for goods", () => {
    expect(findings(rule, consultation({ category: "goods", priceWeight: "40" }))).toEqual([])
    expect(findings(rule, consultation({ category: "goods", priceWeight: "25" })).map((f) => f.expected)).toEqual([
      "30%–60%"
    ])
  })

  it("reads the chosen weight from the parameters when the input has none", () => {
    const input = right(Procurement.decodeConsultationInput(consultationJson()))
    expect(findings(rule, input, params({ "procurement.consultation.priceWeight": "35" })).map((f) => f.actual))
      .toEqual(["35%"])
    const set = right(Parameter.load({ parameters: {} }, { requireAll: false }))
    expect(findings(rule, input, set).map((f) => f.ruleId)).toEqual(["parameters.missing"])
  })

  it("exports the consultation rules with stable ids", () => {
    expect(Procurement.consultationRules.map((r) => r.id)).toEqual([
      "procurement.consultation.min-suppliers",
      "procurement.consultation.document-period",
      "procurement.consultation.panel",
      "procurement.consultation.price-weight"
    ])
    const report = RuleSet.evaluate(RuleSet.make(Procurement.consultationRules), consultation(), params(), AT)
    expect(report.passed).toBe(true)
    for (const r of Procurement.consultationRules) {
      for (const name of r.reads) expect(Parameter.catalogue.has(name)).toBe(true)
    }
  })
})

// ── Panel review rules ──────────────────────────────────────────────────────

const reviewer = (id: string, organisationKind: Procurement.OrganisationKind, extra: Record<string, unknown> = {}) => ({
  id,
  name: `评审${id}`,
  organisation: organisationKind === "emergency-management" ? "市应急管理局" : "市人社局",
  kind: organisationKind === "recommended-expert" ? "expert" : "department-staff",
  organisationKind,
  ...extra
})

const review = (overrides: Record<string, unknown> = {}): Procurement.PanelReviewInput =>
  right(
    Procurement.decodePanelReviewInput({
      panel: [
        reviewer("a", "emergency-management"),
        reviewer("b", "emergency-management"),
        reviewer("c", "human-resources-social-security"),
        reviewer("d", "recommended-expert", { recommendedBy: "emergency-management" }),
        reviewer("e", "recommended-expert", { recommendedBy: "human-resources-social-security" })
      ],
      criteriaPublishedOn: "2024-05-01",
      scoreDates: ["2024-05-10", "2024-05-11"],
      ...overrides
    })
  )

describe("procurement.panel-review.panel", () => {
  const rule = Procurement.panelReviewPanel

  it("passes with 5 members from 应急, 人社 and recommended experts", () => {
    expect(findings(rule, review())).toEqual([])
  })

  it("rejects a panel below procurement.panelReview.minPanelSize", () => {
    const fs = findings(
      rule,
      review({ panel: [reviewer("a", "emergency-management"), reviewer("c", "human-resources-social-security")] })
    )
    expect(fs.map((f) => [f.path, f.expected, f.actual])).toEqual([["panel", "≥ 5", "2"]])
  })

  it("rejects a member from another organisation and an expert without a recommender", () => {
    const base = review()
    const panel = [...base.panel.slice(0, 3), reviewer("x", "other"), reviewer("y", "recommended-expert")]
    const fs = findings(rule, review({ panel }))
    expect(fs.map((f) => f.path)).toEqual(["panel[3].organisationKind", "panel[4].recommendedBy"])
  })

  it("reports a missing city parameter", () => {
    const set = right(Parameter.load({ parameters: {} }, { requireAll: false }))
    expect(findings(rule, review(), set).map((f) => f.ruleId)).toEqual(["parameters.missing"])
  })
})

describe("procurement.panel-review.criteria-published", () => {
  const rule = Procurement.criteriaPublished

  it("passes when every scoring is after publication", () => {
    expect(findings(rule, review())).toEqual([])
  })

  it("rejects scoring before publication and warns on the same day", () => {
    const fs = findings(rule, review({ scoreDates: ["2024-04-30", "2024-05-01", "2024-05-02"] }))
    expect(fs.map((f) => [f.severity, f.path])).toEqual([
      ["error", "scoreDates[0]"],
      ["warning", "scoreDates[1]"]
    ])
  })

  it("exports the panel-review rules", () => {
    expect(Procurement.panelReviewRules.map((r) => r.id)).toEqual([
      "procurement.panel-review.panel",
      "procurement.panel-review.criteria-published"
    ])
  })
})

// ── Consultation scoring ─────────────────────────────────────────────────────

const criteria = [
  { id: "plan", name: "服务方案", maxPoints: "40", technical: true },
  { id: "team", name: "团队与业绩", maxPoints: "30" }
]

const sheet = (rows: ReadonlyArray<readonly [string, string, number, number]>) =>
  rows.flatMap(([memberId, supplierId, plan, team]) => [
    { memberId, supplierId, criterionId: "plan", points: plan },
    { memberId, supplierId, criterionId: "team", points: team }
  ])

describe("Procurement.scoreConsultation", () => {
  it("computes the worked example exactly", () => {
    // P = 30; base = lowest quote = 400 000.
    // A: price 400000/400000 × 30 = 30;         non-price ((30+20) + (34+22)) / 2 = 53;  total 83
    // B: price 400000/500000 × 30 = 24;         non-price ((36+28) + (38+26)) / 2 = 64;  total 88
    // C: price 400000/450000 × 30 = 80/3;       non-price ((35+25) + (33+27)) / 2 = 60;  total 260/3 ≈ 86.67
    const result = right(
      Procurement.scoreConsultation({
        priceWeight: "30",
        criteria,
        bids: [
          { supplierId: "A", supplierName: "甲公司", finalQuote: "400000" },
          { supplierId: "B", supplierName: "乙公司", finalQuote: "500000" },
          { supplierId: "C", supplierName: "丙公司", finalQuote: "450000.00" }
        ],
        scores: sheet([
          ["m1", "A", 30, 20],
          ["m2", "A", 34, 22],
          ["m1", "B", 36, 28],
          ["m2", "B", 38, 26],
          ["m1", "C", 35, 25],
          ["m2", "C", 33, 27]
        ])
      })
    )
    expect(result.basePrice.toString()).toBe("400000.00")
    expect(
      result.ranking.map((
        r
      ) => [r.rank, r.supplierId, r.priceScore.toFixed(), r.nonPriceScore.toFixed(), r.totalExact, r.totalDisplay])
    ).toEqual([
      [1, "B", "24", "64", "88", "88.00"],
      [2, "C", "26.66666666666666666666666666666666666667", "60", "260/3", "86.67"],
      [3, "A", "30", "53", "83", "83.00"]
    ])
    expect(result.ranking[0]!.criterionMeans.plan!.toFixed()).toBe("37")
    expect(result.ranking[0]!.technicalScore.toFixed()).toBe("37")
    expect(result.ranking[0]!.memberTotals.map((m) => [m.memberId, m.total.toFixed()])).toEqual([
      ["m1", "64"],
      ["m2", "64"]
    ])
    expect(result.tieBreaks).toEqual([])
    expect(result.recommended.supplierId).toBe("B")
    expect(result.recommended.reasons[0]!.zh).toContain("88.00")
    expect(result.recommended.reasons[0]!.en).toContain("base price ¥400,000.00, price weight 30%")
  })

  it("rounds the displayed total half-up but ranks on the exact value", () => {
    // X: price 1000/1000 × 30 = 30, non-price (41 + 42 + 42) / 3 = 125/3 → total 215/3 = 71.666…, shown 71.67
    // Y: same non-price, price 1000/1001 × 30 = 30000/1001 ≈ 29.970 → total 215125/3003 = 71.636…, shown 71.64
    const result = right(
      Procurement.scoreConsultation({
        priceWeight: "30",
        criteria,
        bids: [
          { supplierId: "Y", supplierName: "乙", finalQuote: "1001" },
          { supplierId: "X", supplierName: "甲", finalQuote: "1000" }
        ],
        scores: sheet([
          ["m1", "X", 21, 20],
          ["m2", "X", 22, 20],
          ["m3", "X", 22, 20],
          ["m1", "Y", 21, 20],
          ["m2", "Y", 22, 20],
          ["m3", "Y", 22, 20]
        ])
      })
    )
    // X 215/3 = 71.6667 → "71.67"; Y 30000/1001 + 125/3 = 215125/3003 = 71.6367… → "71.64"
    expect(result.ranking.map((r) => [r.supplierId, r.totalExact, r.totalDisplay])).toEqual([
      ["X", "215/3", "71.67"],
      ["Y", "215125/3003", "71.64"]
    ])
  })

  it("breaks an equal total by the lower final quote, whatever the order of the bids", () => {
    // A: 30 + 58 = 88 (quote 400 000); B: 24 + 64 = 88 (quote 500 000) → A first although B scored higher on non-price
    const bids = [
      { supplierId: "B", supplierName: "乙公司", finalQuote: "500000" },
      { supplierId: "A", supplierName: "甲公司", finalQuote: "400000" }
    ]
    const scores = sheet([
      ["m1", "A", 30, 28],
      ["m1", "B", 36, 28]
    ])
    for (const order of [bids, [...bids].reverse()]) {
      const result = right(Procurement.scoreConsultation({ priceWeight: "30", criteria, bids: order, scores }))
      expect(result.ranking.map((r) => [r.supplierId, r.totalExact])).toEqual([
        ["A", "88"],
        ["B", "88"]
      ])
      expect(result.tieBreaks.map((t) => [t.first, t.second, t.decidedBy, t.score.toFixed()])).toEqual([[
        "A",
        "B",
        "final-quote",
        "88"
      ]])
      expect(result.recommended.reasons).toHaveLength(2)
      expect(result.recommended.reasons[1]!.en).toContain("A quoted ¥400,000.00, lower than B's ¥500,000.00")
    }
  })

  it("breaks equal totals and quotes by the technical score, then registration, then supplier id", () => {
    const bid = (id: string, registeredAt?: string) => ({
      supplierId: id,
      supplierName: `公司${id}`,
      finalQuote: "400000",
      ...(registeredAt === undefined ? {} : { registeredAt })
    })
    // Z: plan 38 + team 20 = 58; Y: plan 30 + team 28 = 58 → equal totals (88) and quotes; Z has the higher technical
    // score
    const technical = right(
      Procurement.scoreConsultation({
        priceWeight: "30",
        criteria,
        bids: [bid("Y"), bid("Z")],
        scores: sheet([
          ["m1", "Y", 30, 28],
          ["m1", "Z", 38, 20]
        ])
      })
    )
    expect(technical.ranking.map((r) => r.supplierId)).toEqual(["Z", "Y"])
    expect(technical.tieBreaks.map((t) => t.decidedBy)).toEqual(["technical-score"])

    // Everything equal: the earlier registration wins (Z registered first although its id sorts later) …
    const same = sheet([
      ["m1", "Y", 30, 28],
      ["m1", "Z", 30, 28]
    ])
    const registered = right(
      Procurement.scoreConsultation({
        priceWeight: "30",
        criteria,
        bids: [bid("Y", "2024-03-02T10:00:00+08:00"), bid("Z", "2024-03-02T09:30:00+08:00")],
        scores: same
      })
    )
    expect(registered.ranking.map((r) => r.supplierId)).toEqual(["Z", "Y"])
    expect(registered.tieBreaks.map((t) => t.decidedBy)).toEqual(["registration"])
    // … a registered supplier before an unregistered one …
    const oneRegistered = right(
      Procurement.scoreConsultation({
        priceWeight: "30",
        criteria,
        bids: [bid("Y"), bid("Z", "2024-03-05")],
        scores: same
      })
    )
    expect(oneRegistered.ranking.map((r) => r.supplierId)).toEqual(["Z", "Y"])
    // … and without registration times, the supplier id decides
    for (
      const bids of [
        [bid("Y"), bid("Z")],
        [bid("Z"), bid("Y")]
      ]
    ) {
      const byId = right(Procurement.scoreConsultation({ priceWeight: "30", criteria, bids, scores: same }))
      expect(byId.ranking.map((r) => r.supplierId)).toEqual(["Y", "Z"])
      expect(byId.tieBreaks.map((t) => t.decidedBy)).toEqual(["supplier-id"])
    }
  })

  it("leaves invalid bids out of the base price and the ranking", () => {
    const result = right(
      Procurement.scoreConsultation({
        priceWeight: "30",
        criteria,
        bids: [
          { supplierId: "A", supplierName: "甲", finalQuote: "300000", valid: false },
          { supplierId: "B", supplierName: "乙", finalQuote: "500000" }
        ],
        scores: sheet([["m1", "B", 30, 20]])
      })
    )
    expect(result.basePrice.toString()).toBe("500000.00")
    expect(result.ranking.map((r) => [r.supplierId, r.priceScore.toFixed()])).toEqual([["B", "30"]])
    expect(result.excluded.map((e) => e.supplierId)).toEqual(["A"])
  })

  it("fails with CriteriaTotalMismatch when non-price points do not add up to 100 − price weight", () => {
    const r = Procurement.scoreConsultation({
      priceWeight: "30",
      criteria: [{ id: "plan", name: "服务方案", maxPoints: "60" }],
      bids: [{ supplierId: "A", supplierName: "甲", finalQuote: "1" }],
      scores: []
    })
    expect(Either.isLeft(r)).toBe(true)
    if (Either.isLeft(r)) {
      expect(r.left._tag).toBe("CriteriaTotalMismatch")
      expect(r.left).toMatchObject({ expected: "70", actual: "60" })
    }
  })

  it("rejects points outside [0, max], unknown references, repeats and missing scores with their paths", () => {
    const r = Procurement.scoreConsultation({
      priceWeight: "30",
      criteria,
      bids: [
        { supplierId: "A", supplierName: "甲", finalQuote: "400000" },
        { supplierId: "B", supplierName: "乙", finalQuote: "500000" }
      ],
      scores: [
        { memberId: "m1", supplierId: "A", criterionId: "plan", points: "41" },
        { memberId: "m1", supplierId: "A", criterionId: "team", points: "20" },
        { memberId: "m1", supplierId: "Q", criterionId: "team", points: "20" },
        { memberId: "m1", supplierId: "B", criterionId: "price", points: "20" },
        { memberId: "m1", supplierId: "A", criterionId: "team", points: "10" },
        { memberId: "m1", supplierId: "B", criterionId: "team", points: "-1" }
      ]
    })
    expect(Either.isLeft(r)).toBe(true)
    if (Either.isLeft(r) && r.left._tag === "InvalidInput") {
      expect(r.left.issues.map((i) => i.path)).toEqual(["scores[5].points"])
    }
    const r2 = Procurement.scoreConsultation({
      priceWeight: "30",
      criteria,
      bids: [
        { supplierId: "A", supplierName: "甲", finalQuote: "400000" },
        { supplierId: "B", supplierName: "乙", finalQuote: "500000" }
      ],
      scores: [
        { memberId: "m1", supplierId: "A", criterionId: "plan", points: "41" },
        { memberId: "m1", supplierId: "A", criterionId: "team", points: "20" },
        { memberId: "m1", supplierId: "Q", criterionId: "team", points: "20" },
        { memberId: "m1", supplierId: "B", criterionId: "price", points: "20" },
        { memberId: "m1", supplierId: "A", criterionId: "team", points: "10" }
      ]
    })
    expect(Either.isLeft(r2)).toBe(true)
    if (Either.isLeft(r2) && r2.left._tag === "InvalidInput") {
      expect(r2.left.issues.map((i) => i.path)).toEqual([
        "scores[0].points",
        "scores[2].supplierId",
        "scores[3].criterionId",
        "scores[4]",
        "scores",
        "scores",
        "scores"
      ])
      expect(r2.left.issues[0]!.zh).toContain("0–40")
    }
  })

  it("reports one bilingual issue per bad number or amount", () => {
    const r = Procurement.scoreConsultation({
      priceWeight: "3x",
      criteria: [{ id: "a", name: "A", maxPoints: {} }],
      bids: [{ supplierId: "A", supplierName: "甲", finalQuote: "1.234" }],
      scores: []
    })
    expect(Either.isLeft(r)).toBe(true)
    if (Either.isLeft(r) && r.left._tag === "InvalidInput") {
      expect(r.left.issues.map((i) => i.path)).toEqual(["priceWeight", "criteria[0].maxPoints", "bids[0].finalQuote"])
      expect(r.left.issues[0]!.zh).toContain("十进制数值")
      expect(r.left.issues[2]!.en).toContain("exact to the fen")
    }
  })

  it("never changes the ranking when the bids or the scores are permuted", () => {
    const quotes = ["400000", "450000", "500000"]
    const scenario = fc
      .integer({ min: 2, max: 6 })
      .chain((n) =>
        fc.record({
          bids: fc.tuple(
            ...Array.from({ length: n }, (_, i) =>
              fc.record({
                supplierId: fc.constant(`S${i}`),
                supplierName: fc.constant(`供应商${i}`),
                finalQuote: fc.constantFrom(...quotes),
                registeredAt: fc.option(fc.constantFrom("2024-03-01", "2024-03-02"), { nil: undefined })
              }))
          ),
          points: fc.array(fc.tuple(fc.integer({ min: 25, max: 40 }), fc.integer({ min: 20, max: 30 })), {
            minLength: n * 3,
            maxLength: n * 3
          })
        })
      )
    fc.assert(
      fc.property(scenario, fc.infiniteStream(fc.nat()), ({ bids, points }, randoms) => {
        const cleanBids = bids.map((
          { registeredAt, ...b }
        ) => (registeredAt === undefined ? b : { ...b, registeredAt }))
        const scores = sheet(
          cleanBids.flatMap((b, i) =>
            ["m1", "m2", "m3"].map((m, j) => [m, b.supplierId, points[i * 3 + j]![0], points[i * 3 + j]![1]] as const)
          )
        )
        const shuffle = <A>(xs: ReadonlyArray<A>): Array<A> => {
          const out = [...xs]
          const it = randoms[Symbol.iterator]()
          for (let i = out.length - 1; i > 0; i--) {
            const j = it.next().value! % (i + 1)
            ;[out[i], out[j]] = [out[j]!, out[i]!]
          }
          return out
        }
        const a = right(Procurement.scoreConsultation({ priceWeight: "30", criteria, bids: cleanBids, scores }))
        const b = right(
          Procurement.scoreConsultation({
            priceWeight: "30",
            criteria,
            bids: shuffle(cleanBids),
            scores: shuffle(scores)
          })
        )
        expect(b.ranking.map((r) => [r.supplierId, r.totalExact])).toEqual(
          a.ranking.map((r) => [r.supplierId, r.totalExact])
        )
        expect(b.tieBreaks).toEqual(a.tieBreaks)
      }),
      { numRuns: 200 }
    )
  })
})

// ── Panel review scoring ─────────────────────────────────────────────────────

const reviewCriteria = [{ id: "q", name: "方案质量", maxPoints: "100" }]
const reviewScores = (rows: Record<string, ReadonlyArray<number>>) =>
  Object.entries(rows).flatMap(([supplierId, totals]) =>
    totals.map((points, i) => ({ memberId: `r${i + 1}`, supplierId, criterionId: "q", points }))
  )

describe("Procurement.scorePanelReview", () => {
  it("drops one highest and one lowest total for the trimmed mean", () => {
    // P1: 80, 86, 90, 75, 95 → drop 75 and 95 → (80 + 86 + 90) / 3 = 256/3 ≈ 85.33 (plain mean 426/5 = 85.2)
    // P2: 84, 85, 86, 85, 60 → drop 60 and 86 → (84 + 85 + 85) / 3 = 254/3 ≈ 84.67 (plain mean 400/5 = 80)
    const input = {
      criteria: reviewCriteria,
      proposals: [
        { supplierId: "P1", supplierName: "方案一" },
        { supplierId: "P2", supplierName: "方案二" }
      ],
      scores: reviewScores({ P1: [80, 86, 90, 75, 95], P2: [84, 85, 86, 85, 60] }),
      minPanelSize: 5
    }
    const trimmed = right(Procurement.scorePanelReview({ ...input, aggregation: "trimmed-mean" }))
    expect(trimmed.ranking.map((r) => [r.supplierId, r.scoreExact, r.scoreDisplay])).toEqual([
      ["P1", "256/3", "85.33"],
      ["P2", "254/3", "84.67"]
    ])
    expect(trimmed.ranking[0]!.memberTotals.map((m) => m.dropped)).toEqual([
      undefined,
      undefined,
      undefined,
      "lowest",
      "highest"
    ])
    expect(trimmed.members).toEqual(["r1", "r2", "r3", "r4", "r5"])
    const mean = right(Procurement.scorePanelReview({ ...input, aggregation: "mean" }))
    expect(mean.ranking.map((r) => [r.supplierId, r.score.toFixed()])).toEqual([
      ["P1", "85.2"],
      ["P2", "80"]
    ])
    expect(mean.recommended.reasons[0]!.en).toBe("highest score: 85.20 (5 panel members, mean)")
  })

  it("needs 3 members for a trimmed mean and minPanelSize members in all", () => {
    const base = {
      criteria: reviewCriteria,
      proposals: [{ supplierId: "P1", supplierName: "方案一" }],
      scores: reviewScores({ P1: [80, 90] })
    }
    const r = Procurement.scorePanelReview({ ...base, aggregation: "trimmed-mean", minPanelSize: 2 })
    expect(Either.isLeft(r) && r.left.issues.map((i) => i.path)).toEqual(["aggregation"])
    const r2 = Procurement.scorePanelReview({ ...base, aggregation: "mean", minPanelSize: 3 })
    expect(Either.isLeft(r2) && r2.left.issues.map((i) => i.path)).toEqual(["scores"])
  })

  it("breaks ties by quoted price, then registration, then id, in either input order", () => {
    const scores = reviewScores({ A: [80, 80, 80], B: [80, 80, 80], C: [80, 80, 80] })
    const proposals = [
      { supplierId: "A", supplierName: "甲", quotedPrice: "300000" },
      { supplierId: "B", supplierName: "乙", quotedPrice: "280000" },
      { supplierId: "C", supplierName: "丙", quotedPrice: "280000" }
    ]
    for (const order of [proposals, [...proposals].reverse()]) {
      const r = right(
        Procurement.scorePanelReview({
          criteria: reviewCriteria,
          proposals: order,
          scores,
          aggregation: "mean",
          minPanelSize: 3
        })
      )
      expect(r.ranking.map((e) => e.supplierId)).toEqual(["B", "C", "A"])
      expect(r.tieBreaks.map((t) => [t.first, t.second, t.decidedBy])).toEqual([
        ["B", "C", "supplier-id"],
        ["C", "A", "quoted-price"]
      ])
    }
    const withRegistration = proposals.map((
      p
    ) => (p.supplierId === "C" ? { ...p, registeredAt: "2024-05-02T08:00:00Z" } : p))
    const r = right(
      Procurement.scorePanelReview({
        criteria: reviewCriteria,
        proposals: withRegistration,
        scores,
        aggregation: "mean",
        minPanelSize: 3
      })
    )
    expect(r.ranking.map((e) => e.supplierId)).toEqual(["C", "B", "A"])
    expect(r.tieBreaks[0]!.decidedBy).toBe("registration")
    expect(r.recommended.reasons.map((x) => x.en)).toHaveLength(2)
  })
})
