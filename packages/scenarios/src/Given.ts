/**
 * A city's planning chain from a few facts. A scenario's `given:` block names
 * the city, the year and, when they differ from the seed plan's, the fund
 * revenue the 3% cap is taken on, the two sub-projects' budgets and the key
 * areas; the scenario then starts where that city's chain has got to: the key
 * areas selected from statistics that rank the given industries in the given
 * order (plus the hazardous-chemicals area the national programme mandates),
 * the eight member units' opinions, the plan issued, the key-enterprise list
 * provided and, when asked (`through`), the budget submitted and approved.
 *
 * ```yaml
 * given: { city: 某市, year: 2025, fund: 9000万元, budgets: { hazchem: 60万元, keyAreas: 200万元 }, keyAreas: [C, E, G] }
 * ```
 *
 * Every other parameter is the seed plan's (`examples/plans/seed-2026.yaml`,
 * shipped with the package), its months moved to the given year; a
 * scenario's `parameters: { overlay: … }` changes them for the case. The
 * actors are the seed plan's (`bureau`, `committee`, `finance`, `agency`,
 * `providerA`…, `expert1`…, `unit-hr`…) with the city's name in their
 * organisations. The chain's commands run through the lifecycle like any
 * step, so every rule applies to them.
 *
 * @since 0.2.0
 */
import { Actor, Industry, Money, WrittenAmount } from "@gsyf/core"
import * as Schema from "effect/Schema"
import { seedFiles } from "./internal/seedFiles.js"
import { parse } from "./internal/source.js"

/**
 * How far the chain goes, in the order of the plan.
 *
 * @since 0.2.0
 * @category models
 */
export const Through = Schema.Literal(
  "key-areas-selected",
  "opinions-recorded",
  "plan-issued",
  "key-enterprises-listed",
  "budget-submitted",
  "budget-approved"
)

/**
 * @since 0.2.0
 * @category models
 */
export type Through = typeof Through.Type

const Text = Schema.String.pipe(Schema.minLength(1, { message: () => "must not be empty" }))
const Wan = WrittenAmount.schema("wan-yuan")

/**
 * The `given:` block. Amounts are written with their unit (`"80万元"`,
 * `"800000元"`) or as numbers in 万元.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Given = Schema.Struct({
  /** The city (x市), as the plan names it. */
  city: Text,
  /** The plan's year; working-day deadlines need a holiday calendar covering it. */
  year: Schema.Int.pipe(Schema.between(2000, 2100)),
  /** The province or region (x自治区); default the seed plan's. */
  province: Schema.optional(Text),
  /** The fund's contribution revenue of the prior year, base of the 3% cap; default 12000万元. */
  fund: Schema.optional(Wan),
  /** The sub-projects' budgets; default 80万元 and 220万元. */
  budgets: Schema.optional(Schema.Struct({ hazchem: Wan, keyAreas: Wan })),
  /** GB/T 4754 codes of the key areas, ranked in this order (at most 9); default E, C, B09. */
  keyAreas: Schema.optional(Schema.Array(Industry.IndustryCode).pipe(Schema.minItems(1), Schema.maxItems(9))),
  /** How many key enterprises the committee lists (and the quota of enterprises trained); default 10. */
  keyEnterprises: Schema.optional(Schema.Int.pipe(Schema.between(1, 200))),
  /** How far the chain goes; default `key-enterprises-listed` (the budget can be submitted next). */
  through: Schema.optional(Through)
}).annotations({ identifier: "Given" })

/**
 * @since 0.2.0
 * @category models
 */
export type Given = typeof Given.Type

/**
 * One act of the chain.
 *
 * @since 0.2.0
 * @category models
 */
export interface Act {
  readonly date: string
  /** A name among the chain's actors. */
  readonly actor: string
  readonly command: string
  readonly input: Readonly<Record<string, unknown>>
}

/**
 * What a `given:` block stands for: parameters over the seed plan's, actors and acts.
 *
 * @since 0.2.0
 * @category models
 */
export interface Chain {
  /** Parameter values over the seed plan's (amounts in 万元 or yuan as the catalogue has them). */
  readonly overlay: Readonly<Record<string, unknown>>
  readonly actors: ReadonlyMap<string, Actor.Actor>
  readonly acts: ReadonlyArray<Act>
}

/**
 * The parameter file the chain's parameters start from (`examples/plans/seed-2026.yaml`).
 *
 * @since 0.2.0
 * @category constants
 */
export const seedParameters = "/plans/seed-2026.yaml"

const seedYear = 2026
const seedCity = "示例市"

const seedValue = (path: string): Record<string, unknown> => {
  const parsed = parse(path, seedFiles.get(path)!)
  if ("problem" in parsed) throw new Error(`the embedded ${path} does not parse: ${parsed.problem.en}`)
  return parsed.source.value as Record<string, unknown>
}

const seedPlanning = () => seedValue("/scenarios/seed/01-planning.yaml")

/** The seed plan's actors, the city's name in their organisations. */
const actorsOf = (city: string): ReadonlyMap<string, Actor.Actor> => {
  const stem = city.replace(/市$/, "")
  const raw = seedPlanning()["actors"] as Record<string, Actor.Actor>
  const rename = (s: string) => s.replace(seedCity, city).replace(/^示例/, stem)
  return new Map(Object.entries(raw).map(([name, a]) => [name, { ...a, organisation: rename(a.organisation) }]))
}

/** Statistics ranking the codes in the given order: the first has the highest figure of every indicator. */
const statistics = (codes: ReadonlyArray<string>) =>
  codes.flatMap((code, r) =>
    (["prior-year", "first-half"] as const).map((period) => {
      const half = period === "first-half" ? 2 : 1
      return {
        code,
        period,
        accidents: (100 - 10 * r) / half,
        accidentRate: (5 - 0.5 * r).toFixed(1),
        occupationalDiseaseCases: 10 - r,
        deaths: 10 - r,
        disabilityGrades1to4: 10 - r,
        fundPayout: String(5_000_000 - 500_000 * r),
        contributions: "50000000"
      }
    })
  )

const memberUnits = [
  "unit-hr",
  "unit-industry-it",
  "unit-finance",
  "unit-emergency-management",
  "unit-health",
  "unit-housing-construction",
  "unit-transport",
  "unit-trade-union"
]

const yuan = (m: Money.Money) => m.yuan.toFixed(2)

const overlayOf = (g: Given, hazchem: Money.Money, keyAreas: Money.Money): Record<string, unknown> => {
  const seed = seedValue(seedParameters)["parameters"] as Record<string, unknown>
  const year = (s: string) => s.replace(String(seedYear), String(g.year))
  const schedule = JSON.parse(year(JSON.stringify(seed["plan.schedule"]))) as unknown
  const province = g.province ?? (seed["plan.province"] as string)
  const documents = (seed["plan.provincialDocuments"] as ReadonlyArray<string>).map((d) =>
    d.replaceAll(seed["plan.province"] as string, province)
  )
  return {
    "plan.fiscalYear": g.year,
    "plan.city": g.city,
    "plan.province": province,
    "plan.provincialDocuments": documents,
    "plan.schedule": schedule,
    "project.serviceArea": g.city,
    "budget.total": WrittenAmount.wan(Money.add(hazchem, keyAreas)),
    "budget.hazchem": WrittenAmount.wan(hazchem),
    "budget.keyAreas": WrittenAmount.wan(keyAreas),
    "budget.breakdown": [
      {
        subProject: "hazchem",
        item: "三类人员能力提升培训",
        category: "training",
        fundingSource: "prevention-fee",
        amount: yuan(hazchem)
      },
      {
        subProject: "keyAreas",
        item: "重点领域宣传与培训",
        category: "publicity",
        fundingSource: "prevention-fee",
        amount: yuan(keyAreas)
      },
      {
        subProject: "hazchem",
        item: "方案评审及验收专家劳务费",
        category: "expert-fee",
        fundingSource: "agency-budget",
        amount: "24000.00"
      }
    ],
    ...(g.fund === undefined ? {} : { "fund.priorYearContributionRevenue": WrittenAmount.wan(g.fund) }),
    ...(g.keyEnterprises === undefined ? {} : { "quota.keyEnterprises": g.keyEnterprises })
  }
}

const actsOf = (g: Given): ReadonlyArray<Act> => {
  const seedSelect = (seedPlanning()["steps"] as ReadonlyArray<Record<string, Record<string, unknown>>>)[0]!
  const on = (monthDay: string) => `${g.year}-${monthDay}`
  const stem = g.city.replace(/市$/, "")
  const codes = g.keyAreas ?? ["E", "C", "B09"]
  const listed = Array.from({ length: g.keyEnterprises ?? 10 }, (_, i) => `${stem}重点企业${i + 1}号`)
  const acts: ReadonlyArray<readonly [Through | undefined, Act]> = [
    ["key-areas-selected", {
      date: on("01-15"),
      actor: "bureau",
      command: "SelectKeyAreas",
      input: { stats: statistics(codes), top: codes.length, mandated: seedSelect["input"]!["mandated"] }
    }],
    ...memberUnits.map((actor, i): readonly [Through | undefined, Act] => [
      i === memberUnits.length - 1 ? "opinions-recorded" : undefined,
      {
        date: on(`02-0${2 + (i % 4)}`),
        actor,
        command: "RecordMemberOpinion",
        input: { opinion: "同意实施方案", agrees: true }
      }
    ]),
    ["plan-issued", {
      date: on("02-10"),
      actor: "committee",
      command: "IssuePlan",
      input: { documentNumber: `${stem.slice(0, 1)}工伤预防委〔${g.year}〕1号` }
    }],
    ["key-enterprises-listed", {
      date: on("02-12"),
      actor: "committee",
      command: "ProvideKeyEnterpriseList",
      input: { enterprises: listed }
    }],
    ["budget-submitted", { date: on("03-02"), actor: "bureau", command: "SubmitBudget", input: {} }],
    ["budget-approved", { date: on("03-10"), actor: "finance", command: "ApproveBudget", input: { note: "同意" } }]
  ]
  const end = acts.findIndex(([t]) => t === (g.through ?? "key-enterprises-listed"))
  return acts.slice(0, end + 1).map(([, act]) => act)
}

/**
 * The parameters, actors and acts a `given:` block stands for.
 *
 * @since 0.2.0
 * @category constructors
 */
export const chain = (g: Given): Chain => {
  const hazchem = g.budgets?.hazchem ?? Money.unsafeYuan("800000")
  const keyAreas = g.budgets?.keyAreas ?? Money.unsafeYuan("2200000")
  return { overlay: overlayOf(g, hazchem, keyAreas), actors: actorsOf(g.city), acts: actsOf(g) }
}
