import { describe, expect, it } from "@effect/vitest"
import { LegalBasis, NationalBound, Parameter } from "@gsyf/core"
import { Either } from "effect"
import { seedParameterFile } from "./fixtures/seed.js"

type File = { city?: string; parameters: Record<string, unknown> }
const withParams = (patch: Record<string, unknown>): File => {
  const file = structuredClone(seedParameterFile()) as File
  Object.assign(file.parameters, patch)
  return file
}
const boundIssues = (input: unknown): ReadonlyArray<NationalBound.BoundIssue> => {
  const r = Parameter.load(input)
  if (Either.isRight(r)) throw new Error("expected the file to be rejected")
  return r.left.issues.filter((i): i is NationalBound.BoundIssue => i instanceof NationalBound.BoundIssue)
}

/** A city file lowering every national bound, with the law each one breaks. */
const looser: ReadonlyArray<readonly [string, unknown, string, string]> = [
  ["procurement.consultation.minSuppliers", 1, "不少于 3", "财库〔2014〕214号)"],
  ["procurement.consultation.minDocumentDays", 3, "不少于 10", "财库〔2014〕214号)"],
  ["procurement.consultation.minPanelSize", 2, "不少于 3", "财库〔2014〕214号)"],
  ["procurement.consultation.expertShare", "1/3", "不少于 2/3", "财库〔2014〕214号)"],
  ["procurement.consultation.priceWeightRange", { min: "5", max: "40" }, "在 10 至 30 之间", "财库〔2014〕214号)"],
  ["procurement.tender.minBidDays", 15, "不少于 20", "《政府采购法》"],
  ["procurement.tender.documentSaleWorkingDays", 3, "不少于 5", "(国务院令第658号)"],
  ["procurement.tender.clarificationDays", 10, "不少于 15", "(国务院令第658号)"],
  ["procurement.tender.minPanelSize", 3, "不少于 5", "(财政部令第87号)"],
  ["procurement.tender.expertShare", "1/2", "不少于 2/3", "(财政部令第87号)"],
  ["procurement.tender.largePanelSize", 5, "不少于 7", "(财政部令第87号)"],
  ["procurement.tender.largePanelThreshold", 2000, "不超过 1000万元", "(财政部令第87号)"],
  ["procurement.tender.goodsPriceWeightFloor", "20", "不少于 30", "(财政部令第87号)"],
  ["procurement.tender.servicesPriceWeightFloor", "5", "不少于 10", "(财政部令第87号)"],
  ["procurement.tender.minBidders", 2, "不少于 3", "《政府采购法》"],
  ["procurement.consultation.clarificationDays", 3, "不少于 5", "财库〔2014〕214号)"],
  ["procurement.consultation.documentSaleWorkingDays", 3, "不少于 5", "财库〔2014〕214号)"],
  ["procurement.inquiry.minSuppliers", 2, "不少于 3", "《政府采购法》"],
  ["procurement.inquiry.minPanelSize", 1, "不少于 3", "《政府采购法》"],
  ["procurement.inquiry.expertShare", "1/3", "不少于 2/3", "《政府采购法》"],
  ["procurement.singleSource.publicityWorkingDays", 3, "不少于 5", "(国务院令第658号)"],
  ["procurement.challenge.raiseWorkingDays", 5, "不少于 7", "《政府采购法》"],
  ["procurement.challenge.answerWorkingDays", 10, "不超过 7", "《政府采购法》"],
  ["procurement.intention.leadDays", 20, "不少于 30", "(财库〔2020〕10号)"],
  ["procurement.resultNotice.workingDays", 5, "不超过 2", "(国务院令第658号)"],
  ["payment.dueDays", 90, "不超过 30", "国务院令第802号)"],
  ["payment.maxAgreedDays", 90, "不超过 60", "国务院令第802号)"],
  ["payment.dueDaysUnit", "working-days", "为 calendar-days", "国务院令第802号)"],
  ["contract.signWithinDays", 90, "不超过 30", "《政府采购法》"],
  ["fund.feeCapPercent", "4", "不超过 3", "人社部规〔2017〕13号)"],
  ["payment.lateDailyPercent", "0.03", "不少于 0.05", "国务院令第802号)"],
  ["contract.supplementCapPercent", "15", "不超过 10", "《政府采购法》"],
  ["contract.publishWithinWorkingDays", 5, "不超过 2", "国务院令第658号)"],
  ["contract.fileWithinWorkingDays", 10, "不超过 7", "《政府采购法》"]
]

describe("national floors and ceilings", () => {
  it("a city file that loosens each national bound fails, naming the parameter, value, bound and law", () => {
    const issues = boundIssues(withParams(Object.fromEntries(looser.map(([name, value]) => [name, value]))))
    expect(issues.map((i) => i.parameter).sort()).toEqual(looser.map(([name]) => name).sort())
    for (const [name, , bound, law] of looser) {
      const issue = issues.find((i) => i.parameter === name)!
      expect(issue.path).toBe(`parameters.${name}`)
      expect(issue.ruleId).toBe("parameter.national-bound")
      expect(issue.bound).toBe(bound)
      expect(issue.law).toContain(law)
      expect(issue.zh).toContain(name)
      expect(issue.zh).toContain(issue.value)
      expect(issue.en).toContain("looser than national law")
    }
    const suppliers = issues.find((i) => i.parameter === "procurement.consultation.minSuppliers")!
    expect(suppliers.zh).toBe(
      "参数 procurement.consultation.minSuppliers(磋商供应商最少家数)取值 1,比全国规定宽松:依据《政府采购竞争性磋商采购方式管理暂行办法》(财库〔2014〕214号) 第六条,应不少于 3;城市、省份只能更严,不能更宽"
    )
    expect(suppliers.en).toBe(
      "parameter procurement.consultation.minSuppliers (Minimum suppliers in a consultation) is 1, looser than national law: 《政府采购竞争性磋商采购方式管理暂行办法》(财库〔2014〕214号) 第六条 requires at least 3; a city or province may be stricter, never looser"
    )
  })

  it("each looser value alone fails with its parameter named", () => {
    for (const [name, value] of looser) {
      expect(boundIssues(withParams({ [name]: value })).map((i) => i.parameter)).toEqual([name])
    }
  })

  it("a stricter city file loads, and its values are read", () => {
    const stricter = withParams({
      "procurement.consultation.minSuppliers": 5,
      "procurement.consultation.minDocumentDays": 15,
      "procurement.consultation.minPanelSize": 5,
      "procurement.consultation.expertShare": "4/5",
      "procurement.consultation.priceWeightRange": { min: "15", max: "25" },
      "procurement.tender.minBidDays": 25,
      "payment.dueDays": 15,
      "contract.signWithinDays": 20,
      "fund.feeCapPercent": "2.5"
    })
    const set = Either.getOrThrowWith(Parameter.load(stricter), (e) => new Error(e.message))
    expect(Parameter.get(set, "procurement.consultation.minSuppliers", "2026-03-01")).toBe(5)
    expect(Parameter.get(set, "payment.dueDays", "2026-03-01")).toBe(15)
    expect(Parameter.show(Parameter.get(set, "fund.feeCapPercent", "2026-03-01"))).toBe("2.5")
  })

  it("the bounds themselves hold exactly at the national figure", () => {
    const exact = withParams({
      "procurement.consultation.minSuppliers": 3,
      "procurement.consultation.expertShare": "4/6",
      "payment.dueDays": 30,
      "contract.signWithinDays": 30
    })
    expect(Either.isRight(Parameter.load(exact))).toBe(true)
  })

  it("the payment term of a contract that agrees none is at most the statutory 30 days (第九条)", () => {
    // a longer term is only for a contract that agrees it (paymentTermDays, at most payment.maxAgreedDays = 60)
    const [issue, ...rest] = boundIssues(withParams({ "payment.dueDays": 45 }))
    expect(rest).toEqual([])
    expect(issue!.parameter).toBe("payment.dueDays")
    expect(issue!.bound).toBe("不超过 30")
  })

  it("a raised fee cap loads with a provincial approval that covers it, and not with one that does not", () => {
    const approval = (capPercent: string) => ({ document: "示人社函〔2026〕9号", approvedOn: "2026-02-20", capPercent })
    expect(
      Either.isRight(
        Parameter.load(withParams({ "fund.feeCapPercent": "4", "fund.provincialCapApproval": approval("4") }))
      )
    ).toBe(true)
    const [issue, ...rest] = boundIssues(
      withParams({ "fund.feeCapPercent": "4", "fund.provincialCapApproval": approval("3.5") })
    )
    expect(rest).toEqual([])
    expect(issue!.parameter).toBe("fund.feeCapPercent")
    expect(issue!.zh).toContain("放宽须经省级人力资源社会保障部门和财政部门批准并记录于 fund.provincialCapApproval")
  })

  it("a price weight range outside 10%–30% loads with the finance department's approval", () => {
    const range = { min: "5", max: "35" }
    const approval = { document: "示财采函〔2026〕3号", approvedOn: "2026-03-01", range: { min: "5", max: "35" } }
    expect(
      Either.isRight(
        Parameter.load(
          withParams({
            "procurement.consultation.priceWeightRange": range,
            "procurement.consultation.priceWeightApproval": approval
          })
        )
      )
    ).toBe(true)
    const narrower = { ...approval, range: { min: "10", max: "35" } }
    expect(
      boundIssues(
        withParams({
          "procurement.consultation.priceWeightRange": range,
          "procurement.consultation.priceWeightApproval": narrower
        })
      ).map((i) => i.parameter)
    ).toEqual(["procurement.consultation.priceWeightRange"])
  })

  it("checks every dated value of a history, naming the entry", () => {
    const [issue, ...rest] = boundIssues(
      withParams({
        "contract.signWithinDays": [{ from: "2026-01-01", value: 30 }, { from: "2027-01-01", value: 45 }]
      })
    )
    expect(rest).toEqual([])
    expect(issue!.path).toBe("parameters.contract.signWithinDays[1].value")
    expect(issue!.zh).toContain("(自 2027-01-01 起)")
  })

  it("an overlay (a scenario's or a plugin's values) may not loosen a bound either", () => {
    const set = Either.getOrThrowWith(Parameter.load(seedParameterFile()), (e) => new Error(e.message))
    const source = LegalBasis.gsyf("test overlay")
    const r = Parameter.overlay(set, { "procurement.consultation.minSuppliers": 2 }, source)
    expect(Either.isLeft(r) && r.left.issues.map((i) => i.path)).toEqual([
      "parameters.procurement.consultation.minSuppliers"
    ])
    expect(Either.isRight(Parameter.overlay(set, { "procurement.consultation.minSuppliers": 4 }, source))).toBe(true)
  })

  it("every bounded parameter's default keeps within its own bound, and every bound cites a national text", () => {
    const bounded = [...Parameter.catalogue.values()].filter((d) => d.bound !== undefined)
    expect(bounded.map((d) => d.name).sort()).toEqual(looser.map(([name]) => name).sort())
    for (const d of bounded) {
      expect(d.bound!.basis.level).toBe("national")
      const set = Either.getOrThrowWith(Parameter.load(seedParameterFile()), (e) => new Error(e.message))
      expect(d.bound!.holds(Parameter.resolve(set, d.name, "2026-01-01")!.value)).toBe(true)
    }
  })
})
