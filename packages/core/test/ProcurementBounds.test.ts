import { describe, expect, it } from "@effect/vitest"
import { NationalBound, Parameter } from "@gsyf/core"
import { Either } from "effect"
import { seedParameterFile } from "./fixtures/seed.js"

type File = { parameters: Record<string, unknown> }
const withParams = (patch: Record<string, unknown>): File => {
  const file = structuredClone(seedParameterFile()) as File
  Object.assign(file.parameters, patch)
  return file
}

/** Each procurement parameter national law bounds: a looser value, the bound, the law, and a stricter value. */
const cases: ReadonlyArray<readonly [string, unknown, string, string, unknown]> = [
  ["procurement.tender.documentSaleWorkingDays", 3, "不少于 5", "第三十一条", 7],
  ["procurement.tender.clarificationDays", 10, "不少于 15", "第三十一条第二款", 20],
  ["procurement.tender.minPanelSize", 3, "不少于 5", "第四十七条", 7],
  ["procurement.tender.expertShare", "1/2", "不少于 2/3", "第四十七条", "3/4"],
  ["procurement.tender.largePanelSize", 5, "不少于 7", "第四十七条", 9],
  ["procurement.tender.largePanelThreshold", 2000, "不超过 1000万元", "第四十七条", 200],
  ["procurement.tender.goodsPriceWeightFloor", "20", "不少于 30", "第五十五条", "35"],
  ["procurement.tender.servicesPriceWeightFloor", "5", "不少于 10", "第五十五条", "15"],
  ["procurement.tender.minBidders", 2, "不少于 3", "第三十六条", 4],
  ["procurement.consultation.clarificationDays", 3, "不少于 5", "第十条", 7],
  ["procurement.consultation.documentSaleWorkingDays", 3, "不少于 5", "第十条", 7],
  ["procurement.inquiry.minSuppliers", 2, "不少于 3", "第四十条", 5],
  ["procurement.inquiry.minPanelSize", 1, "不少于 3", "第四十条", 5],
  ["procurement.inquiry.expertShare", "1/3", "不少于 2/3", "第四十条", "1/1"],
  ["procurement.singleSource.publicityWorkingDays", 3, "不少于 5", "第三十八条", 10],
  ["procurement.challenge.raiseWorkingDays", 5, "不少于 7", "第五十二条", 10],
  ["procurement.challenge.answerWorkingDays", 10, "不超过 7", "第五十三条", 5],
  ["procurement.intention.leadDays", 20, "不少于 30", "财库〔2020〕10号", 45],
  ["procurement.resultNotice.workingDays", 5, "不超过 2", "第四十三条", 1]
]

describe("the procurement parameters' national bounds", () => {
  it("a looser city value fails Parameter.load, naming the parameter, the bound and the law", () => {
    for (const [name, value, bound, article] of cases) {
      const r = Parameter.load(withParams({ [name]: value }))
      expect(Either.isLeft(r), name).toBe(true)
      const issues = Either.isLeft(r)
        ? r.left.issues.filter((i): i is NationalBound.BoundIssue => i instanceof NationalBound.BoundIssue)
        : []
      expect(issues.map((i) => i.parameter)).toEqual([name])
      expect(issues[0]!.bound).toBe(bound)
      expect(issues[0]!.law).toContain(article)
      expect(issues[0]!.en).toContain("looser than national law")
    }
  })

  it("a stricter city value loads and is the value read", () => {
    for (const [name, , , , stricter] of cases) {
      const r = Parameter.load(withParams({ [name]: stricter }))
      expect(Either.isRight(r), name).toBe(true)
    }
  })
})
