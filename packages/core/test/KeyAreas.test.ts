import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import * as LegalBasis from "../src/kernel/LegalBasis.js"
import * as KeyAreas from "../src/lifecycle/3.1-key-areas/KeyAreas.js"

const row = (
  code: string,
  period: "prior-year" | "first-half",
  accidents: number,
  accidentRate: string,
  occupationalDiseaseCases: number,
  deaths: number,
  disabilityGrades1to4: number,
  fundPayout: string,
  contributions: string
) => ({
  code,
  period,
  accidents,
  accidentRate,
  occupationalDiseaseCases,
  deaths,
  disabilityGrades1to4,
  fundPayout,
  contributions
})

/**
 * A small, realistic dataset: manufacturing (section C), construction (section E),
 * transport (section G) and non-ferrous metal mining (B09).
 *
 * Prior year (maxima: accidents 120, rate 6.0, disease 30, deaths 6, grades 1–4 12, 支缴率 0.9):
 *   C : 120, 2.4, 30, 3, 10, 6 000 000 / 12 000 000 = 0.5
 *   E :  80, 4.8,  5, 6, 12, 5 400 000 /  6 000 000 = 0.9
 *   G :  60, 3.6,  2, 4,  6, 2 700 000 /  4 500 000 = 0.6
 *   09:  12, 6.0, 15, 2,  3, 1 800 000 /  2 000 000 = 0.9
 * First half (maxima: 50, 2.5, 10, 3, 5, 0.8):
 *   C :  50, 1.0, 10, 1,  4, 3 000 000 / 6 000 000 = 0.5
 *   E :  40, 2.5,  2, 3,  5, 2 400 000 / 3 000 000 = 0.8
 *   G :  30, 2.0,  1, 2,  2, 1 500 000 / 2 500 000 = 0.6
 *   09:   5, 2.5,  8, 0,  1,   800 000 / 1 000 000 = 0.8
 */
const stats = [
  row("C", "prior-year", 120, "2.4", 30, 3, 10, "6000000", "12000000"),
  row("E", "prior-year", 80, "4.8", 5, 6, 12, "5400000", "6000000"),
  row("G", "prior-year", 60, "3.6", 2, 4, 6, "2700000", "4500000"),
  row("B09", "prior-year", 12, "6.0", 15, 2, 3, "1800000", "2000000"),
  row("C", "first-half", 50, "1.0", 10, 1, 4, "3000000", "6000000"),
  row("E", "first-half", 40, "2.5", 2, 3, 5, "2400000", "3000000"),
  row("G", "first-half", 30, "2.0", 1, 2, 2, "1500000", "2500000"),
  row("09", "first-half", 5, "2.5", 8, 0, 1, "800000", "1000000")
]

const right = <A, E>(e: Either.Either<A, E>): A => {
  if (Either.isLeft(e)) throw new Error(`expected Right, got ${String(e.left)}`)
  return e.right
}

describe("KeyAreas.rank", () => {
  it("ranks the realistic dataset with the default weighting, exactly", () => {
    // Default weights: rate 0.25, the other five 0.15; prior year 0.6, first half 0.4.
    // Prior-year sums (Σ indicator weight × value / maximum):
    //   C : .15·1 + .25·.4 + .15·1 + .15·.5 + .15·(10/12) + .15·(.5/.9) = 41/60
    //   E : .15·(2/3) + .25·.8 + .15·(1/6) + .15 + .15 + .15            = .775
    //   G : .15·.5 + .25·.6 + .15·(1/15) + .15·(2/3) + .15·.5 + .15·(2/3) = .51
    //   09: .15·.1 + .25·1 + .15·.5 + .15·(1/3) + .15·.25 + .15·1        = .5775
    // First-half sums:
    //   C : .15 + .25·.4 + .15 + .15·(1/3) + .15·.8 + .15·.625 = .66375
    //   E : .15·.8 + .25 + .15·.2 + .15 + .15 + .15            = .85
    //   G : .15·.6 + .25·.8 + .15·.1 + .15·(2/3) + .15·.4 + .15·.75 = .5775
    //   09: .15·.1 + .25 + .15·.8 + 0 + .15·.2 + .15           = .565
    // Scores = .6 · prior + .4 · first half:
    //   E .465 + .34 = .805; C .41 + .2655 = .6755; 09 .3465 + .226 = .5725; G .306 + .231 = .537
    const ranking = right(KeyAreas.rank(stats))
    expect(ranking.map((r) => [r.rank, r.code, r.score.toFixed()])).toEqual([
      [1, "E", "0.805"],
      [2, "C", "0.6755"],
      [3, "09", "0.5725"],
      [4, "G", "0.537"]
    ])
    const c = ranking[1]!
    expect(c.name).toBe("制造业")
    expect(c.scoreExact).toBe("1351/2000")
    // C's accidents are the maximum in both periods: .6·.15 + .4·.15 = .15
    expect(c.contributions.accidents.toFixed()).toBe("0.15")
    // C's 支缴率 0.5 of max 0.9 (prior) and 0.5 of 0.8 (first half): .6·.15·5/9 + .4·.15·.625 = .05 + .0375
    expect(c.contributions.payoutRatio.toFixed()).toBe("0.0875")
    expect(c.terms).toHaveLength(12)
    const term = c.terms.find((t) => t.period === "prior-year" && t.indicator === "payoutRatio")!
    expect(term.value.toFixed()).toBe("0.5")
    expect(term.maximum.toFixed()).toBe("0.9")
    expect(term.weight.toFixed()).toBe("0.09")
    expect(term.contribution.toFixed()).toBe("0.05")
    // contributions add up to the score exactly
    const sum = Object.values(c.contributions).reduce((a, b) => a.plus(b))
    expect(sum.eq(c.score)).toBe(true)
    expect(ranking.every((r) => r.tiedWith.length === 0)).toBe(true)
  })

  it("follows the documented worked example, breaking the tie by code order", () => {
    const weighting = {
      indicators: {
        accidents: "0.5",
        accidentRate: "0",
        occupationalDiseaseCases: "0",
        deaths: "0.5",
        disabilityGrades1to4: "0",
        payoutRatio: "0"
      },
      periods: { "prior-year": "1", "first-half": "0" },
      normalisation: "max",
      basis: { level: "city", citation: "市工伤预防委员会 2024 年第 1 次会议纪要" }
    }
    const data = [
      row("47", "prior-year", 40, "1", 0, 2, 0, "0", "1"),
      row("13", "prior-year", 20, "1", 0, 4, 0, "0", "1"),
      row("48", "prior-year", 10, "1", 0, 1, 0, "0", "1")
    ]
    // 47: .5·40/40 + .5·2/4 = .75; 13: .5·20/40 + .5·4/4 = .75; 48: .5·10/40 + .5·1/4 = .25
    for (const order of [data, [...data].reverse()]) {
      const ranking = right(KeyAreas.rank(order, weighting))
      expect(ranking.map((r) => [r.code, r.score.toFixed()])).toEqual([
        ["13", "0.75"],
        ["47", "0.75"],
        ["48", "0.25"]
      ])
      expect(ranking[0]!.tiedWith).toEqual(["47"])
      expect(ranking[1]!.tiedWith).toEqual(["13"])
    }
  })

  it("rejects an unknown industry code, naming its path", () => {
    const bad = KeyAreas.rank([stats[0], stats[1], { ...stats[2]!, code: "99" }])
    expect(Either.isLeft(bad)).toBe(true)
    if (Either.isLeft(bad)) {
      expect(bad.left._tag).toBe("InvalidInput")
      expect(bad.left.issues.map((i) => i.path)).toEqual(["[2].code"])
      expect(bad.left.issues[0]!.en).toContain("GB/T 4754-2017")
    }
  })

  it("rejects a missing period, a repeated row and zero contributions", () => {
    const missing = KeyAreas.rank(stats.slice(0, 7))
    expect(Either.isLeft(missing) && missing.left.issues[0]!.en).toContain("industry 09 has no first-half statistics")
    const twice = KeyAreas.rank([...stats, stats[0]])
    expect(Either.isLeft(twice) && twice.left.issues[0]!.path).toBe("[8]")
    const zero = KeyAreas.rank([{ ...stats[0]!, contributions: "0" }])
    expect(Either.isLeft(zero) && zero.left.issues[0]!.path).toBe("[0].contributions")
  })

  it("rejects a weighting where nothing weighs", () => {
    const w = {
      ...KeyAreas.defaultWeighting,
      periods: { "prior-year": "0", "first-half": "0" }
    }
    const r = KeyAreas.rank(stats, w)
    expect(Either.isLeft(r) && r.left.subject).toBe("Weighting")
  })

  it("marks the default weighting as a gsyf choice", () => {
    expect(KeyAreas.defaultWeighting.basis.level).toBe("gsyf")
    const total = Object.values(KeyAreas.defaultWeighting.indicators).reduce((a, b) => a.plus(b))
    expect(total.toFixed()).toBe("1")
  })
})

describe("KeyAreas.select", () => {
  const hazchem = {
    label: "其他危险化学品相关行业",
    reason: {
      zh: "上级文件对危险化学品企业工伤预防能力提升的要求",
      en: "the higher-level hazardous-chemicals capacity programme"
    },
    basis: LegalBasis.national(LegalBasis.texts.hazchemTraining)
  }

  it("takes the top industries with their rank and score, then the mandated areas", () => {
    const selection = right(
      KeyAreas.select({
        stats,
        top: 3,
        mandated: [hazchem, {
          code: "E",
          reason: "市重点产业项目发展需要",
          basis: { level: "city", citation: "市重点产业项目清单" }
        }]
      })
    )
    expect(selection.areas.map((a) => a.label)).toEqual([
      "E 建筑业",
      "C 制造业",
      "B09 有色金属矿采选业",
      "其他危险化学品相关行业"
    ])
    const e = selection.areas[0]!
    expect(e.reasons.map((r) => [r.source, r.en])).toEqual([
      ["ranked", "rank 1, score 0.8050"],
      ["mandated", "市重点产业项目发展需要"]
    ])
    expect(e.reasons[0]!.zh).toBe("排名第 1,得分 0.8050")
    expect(e.reasons[0]!.basis.citation).toBe("实施方案 三(一)")
    const h = selection.areas[3]!
    expect(h.code).toBeUndefined()
    expect(h.rank).toBeUndefined()
    expect(h.reasons[0]!.basis.citation).toContain("危险化学品企业工伤预防能力提升培训工程")
    expect(selection.ranking).toHaveLength(4)
    expect(selection.weighting.basis.level).toBe("gsyf")
  })

  it("adds a mandated industry that ranked below the cut with its rank", () => {
    const selection = right(
      KeyAreas.select({
        stats,
        top: 2,
        mandated: [{
          code: "G",
          reason: "交通运输、邮政快递重点行业",
          basis: { level: "plan", citation: "实施方案 四(二)" }
        }]
      })
    )
    expect(selection.areas.map((a) => [a.code, a.rank])).toEqual([
      ["E", 1],
      ["C", 2],
      ["G", 4]
    ])
  })

  it("names the path of an unknown code in stats and in mandated", () => {
    const bad = KeyAreas.select({
      stats: [stats[0], { ...stats[4]!, code: "C99" }],
      top: 1,
      mandated: [{ code: "Z", reason: "x", basis: { level: "plan", citation: "实施方案 三(一)" } }]
    })
    expect(Either.isLeft(bad)).toBe(true)
    if (Either.isLeft(bad)) {
      expect(bad.left.issues.map((i) => i.path)).toEqual(["stats[1].code", "mandated[0].code"])
    }
  })

  it("needs a code or a label for a mandated area", () => {
    const bad = KeyAreas.select({
      stats,
      top: 1,
      mandated: [{ reason: "x", basis: { level: "plan", citation: "实施方案 三(一)" } }]
    })
    expect(Either.isLeft(bad) && bad.left.issues[0]!.path).toBe("mandated[0]")
  })
})
