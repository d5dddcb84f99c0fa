// 公开招标 (《政府采购法》第二十六条、第三十五条、第三十六条; 实施条例 第三十一条; 财政部令第87号 第四十七条、第五十五条):
// the bid period, the documents on offer, the evaluation committee, the price weight's floor, at least three
// qualified bidders, and the award by 综合评分法 with price score = 评标基准价 / 投标报价 × 价格权值 × 100.
import * as Either from "effect/Either"
import * as Days from "../../kernel/internal/days.js"
import { national, texts } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import type { AwardPath, AwardResult, ProcurementMethod } from "../Config.js"
import { calendarFinding, single } from "../internal/decide.js"
import { check } from "../internal/guard.js"
import { type Rejection, RuleViolation } from "../Rejection.js"
import { criteriaTotal } from "./guards.js"
import { minimumEnd } from "./internal/minimumPeriod.js"
import { onOffer } from "./internal/onOffer.js"
import { composition } from "./internal/panel.js"
import { qualifiedBids } from "./internal/qualified.js"
import { awardRanking } from "./internal/ranking.js"
import * as Procurement from "./Procurement.js"

const law = (article: string, note?: string) => national(`${texts.procurementLaw} ${article}`, note)
const regulation = (article: string, note?: string) => national(`${texts.procurementRegulation} ${article}`, note)
const measures = (article: string, note?: string) => national(`${texts.tenderMeasures} ${article}`, note)

/**
 * 等标期: from the documents to the bid deadline at least `procurement.tender.minBidDays` (20) days, the last day
 * rolled over rest days and holidays unless `procurement.periodRollover` is `none`.
 */
export const bidPeriod = check<"StartProcurement">({
  id: "procurement.tender.bid-period",
  title: { zh: "公开招标等标期", en: "Bid period of a public tender" },
  section: "三(五)",
  basis: [
    law("第三十五条", "自招标文件开始发出之日起至投标人提交投标文件截止之日止,不得少于二十日"),
    national(`${texts.civilCode} 第二百零三条`, "期间的最后一日是法定休假日的,以法定休假日结束的次日为期间的最后一日")
  ],
  description:
    "招标文件发出之日至投标截止日的自然日数(发出当日不计入)不少于参数规定的日数(全国为20日);末日是休息日或法定节假日的顺延,截止日不得早于顺延后的末日(procurement.periodRollover 为 none 时不顺延)。",
  reads: ["procurement.tender.minBidDays", "procurement.periodRollover"]
}, ({ command: c, config }, f, p) => {
  const min = p.read<number>("procurement.tender.minBidDays")
  const end = minimumEnd(config.calendar, p, c.documentsIssuedOn, min)
  if (Either.isLeft(end)) return [calendarFinding(end.left, "responseDeadline")]
  const days = Days.between(c.documentsIssuedOn, c.responseDeadline)
  return c.responseDeadline >= end.right ? [] : [
    f.error(
      "responseDeadline",
      `招标文件 ${c.documentsIssuedOn} 发出,投标截止 ${c.responseDeadline}(${days} 日),早于 ${min} 日等标期的末日 ${end.right}`,
      `documents issued ${c.documentsIssuedOn}, bids due ${c.responseDeadline} (${days} days): before ${end.right}, the last day of the ${min}-day bid period`,
      `≥ ${end.right}`,
      c.responseDeadline
    )
  ]
})

/** The tender documents are on offer at least `procurement.tender.documentSaleWorkingDays` (5) working days. */
export const documentSale = onOffer({
  id: "procurement.tender.document-sale",
  title: { zh: "招标文件提供期限", en: "Tender documents on offer long enough" },
  basis: [regulation("第三十一条", "招标文件的提供期限自招标文件开始发出之日起不得少于5个工作日")],
  description:
    "招标文件须载明提供期限的最后一日,自发出之日起(当日不计入)不少于参数规定的工作日数(全国为5个工作日),按国务院办公厅放假安排计算工作日。",
  parameter: "procurement.tender.documentSaleWorkingDays",
  documents: "招标文件",
  required: true
})

/** The price weight of the tender's 综合评分法 is stated and not below its floor for goods or services. */
export const priceWeightFloor = check<"StartProcurement">({
  id: "procurement.tender.price-weight",
  title: { zh: "公开招标价格分值占比下限", en: "Price weight floor of a public tender" },
  section: "三(五)",
  basis: [
    measures("第五十五条", "货物项目的价格分值占总分值的比重不得低于30%;服务项目的价格分值占总分值的比重不得低于10%")
  ],
  description: "招标文件须载明综合评分法的价格分值占比,货物项目不低于30%,服务项目不低于10%(参数,城市可以更高)。",
  reads: ["procurement.tender.goodsPriceWeightFloor", "procurement.tender.servicesPriceWeightFloor"]
}, ({ command: c }, f, p) => {
  const floor = p.read<Money.Decimal>(
    c.category === "goods" ? "procurement.tender.goodsPriceWeightFloor" : "procurement.tender.servicesPriceWeightFloor"
  )
  const kind = c.category === "goods" ? { zh: "货物", en: "goods" } : { zh: "服务", en: "services" }
  if (c.priceWeight === undefined) {
    return [
      f.error(
        "priceWeight",
        "招标文件须载明价格分值占比",
        "the tender documents state the price weight",
        `≥ ${floor.toFixed()}%`,
        "missing"
      )
    ]
  }
  return c.priceWeight.gte(floor) ? [] : [
    f.error(
      "priceWeight",
      `${kind.zh}项目价格分值占比 ${c.priceWeight.toFixed()}%,低于 ${floor.toFixed()}%`,
      `a price weight of ${c.priceWeight.toFixed()}% for ${kind.en} is below ${floor.toFixed()}%`,
      `≥ ${floor.toFixed()}%`,
      `${c.priceWeight.toFixed()}%`
    )
  ]
})

/** 评标委员会: 5 or more, odd, experts at least 2/3; 7 or more when the budget reaches the threshold. */
export const panel = check<"AppointPanel">({
  id: "procurement.tender.panel",
  title: { zh: "评标委员会组成", en: "Evaluation committee of a public tender" },
  section: "三(五)",
  basis: [
    measures(
      "第四十七条",
      "评标委员会成员人数应当为5人以上单数,评审专家不得少于成员总数的三分之二;采购预算金额在1000万元以上的,为7人以上单数"
    )
  ],
  description:
    "评标委员会人数不少于参数规定的人数(全国为5人)且为单数,评审专家不少于三分之二;子项目预算达到参数规定的金额(全国为1000万元)的,不少于7人。",
  reads: [
    "procurement.tender.minPanelSize",
    "procurement.tender.expertShare",
    "procurement.tender.largePanelThreshold",
    "procurement.tender.largePanelSize",
    "budget.hazchem",
    "budget.keyAreas"
  ]
}, ({ command: c }, f, p) => {
  const budget = p.read<Money.Money>(`budget.${c.subProject}`)
  const threshold = p.read<Money.Money>("procurement.tender.largePanelThreshold")
  const large = !Money.greaterThan(threshold, budget)
  const min = p.read<number>(large ? "procurement.tender.largePanelSize" : "procurement.tender.minPanelSize")
  return composition(f, c.members, {
    min,
    share: p.read<string>("procurement.tender.expertShare"),
    name: { zh: "评标委员会", en: "evaluation committee" }
  })
})

/** Fewer than three qualified bidders: the tender fails (废标) and is procured again. */
export const minBidders = check<"Award">({
  id: "procurement.tender.min-bidders",
  title: { zh: "公开招标合格投标人不少于三家", en: "At least three qualified bidders in a tender" },
  section: "三(五)",
  basis: [law("第三十六条", "符合专业条件的供应商或者对招标文件作实质响应的供应商不足三家的,应予废标")],
  description:
    "资格审查和符合性审查后合格的投标人不少于参数规定的家数(全国为3家);不足的应予废标,终止本次招标并重新组织采购。",
  reads: ["procurement.tender.minBidders"]
}, ({ command: c, state }, f, p) => {
  const min = p.read<number>("procurement.tender.minBidders")
  const n = qualifiedBids(state.subProjects[c.subProject].procurement!).length
  return n >= min ? [] : [
    f.error(
      "bids",
      `合格投标人只有 ${n} 家,不足 ${min} 家,应予废标:终止本次招标并重新组织采购`,
      `only ${n} qualified bidder(s), fewer than ${min}: the tender fails; terminate it and procure again`,
      `≥ ${min}`,
      String(n)
    )
  ]
})

const award: AwardPath = ({ input, procurement: proc }) => {
  const c = input.command
  const weight = proc.priceWeight!
  const result = Procurement.scoreConsultation({
    priceWeight: weight.toFixed(),
    criteria: proc.criteria.map((x) => ({ id: x.id, name: x.name, maxPoints: x.maxPoints.toFixed() })),
    bids: qualifiedBids(proc).map((b) => ({
      supplierId: b.supplierId,
      supplierName: b.supplierName,
      finalQuote: b.quote.toString(),
      registeredAt: b.at
    })),
    scores: proc.scores.flatMap((x) =>
      x.scores.map((y) => ({
        memberId: x.memberId,
        supplierId: y.supplierId,
        criterionId: y.criterionId,
        points: y.points.toFixed()
      }))
    )
  })
  if (Either.isLeft(result)) {
    const e = result.left
    if (e._tag === "InvalidInput") return Either.left<Rejection>(e)
    return Either.left(
      new RuleViolation({
        command: c._tag,
        findings: [single(criteriaTotal.id, "criteria", e.message, e.message, e.expected, e.actual)]
      })
    )
  }
  const r = result.right
  // the scoring speaks of a consultation's base price; a tender's is the 评标基准价
  const tenderWords = (s: string) => s.replace("磋商基准价", "评标基准价")
  return Either.right<AwardResult>({
    supplierId: r.recommended.supplierId,
    supplierName: r.recommended.supplierName,
    value: r.ranking[0]!.finalQuote,
    ranking: awardRanking(r.ranking),
    tieBreaks: r.tieBreaks.map((t) => tenderWords(t.zh)),
    reasons: r.recommended.reasons.map((x) => tenderWords(x.zh)),
    rankingBasis: {
      exact: "fraction",
      fourDecimals: "half-up",
      display: "half-up-2",
      order: r.rankedBy,
      basePrice: r.basePrice,
      priceWeight: r.priceWeight.toFixed()
    },
    ties: r.tieBreaks.map((t) => ({ first: t.first, second: t.second, score: t.scoreExact, decidedBy: t.decidedBy })),
    basis: [
      law("第三十六条"),
      measures(
        "第五十五条",
        "综合评分法:价格分 = 评标基准价 / 投标报价 × 价格权值 × 100,评标基准价为满足招标文件要求且投标价格最低的投标报价"
      )
    ],
    evaluations: []
  })
}

/** 公开招标. */
export const publicTender: ProcurementMethod = {
  id: "public-tender",
  title: { zh: "公开招标", en: "public tender" },
  basis: [law("第二十六条"), national(texts.tenderMeasures)],
  guards: { StartProcurement: [bidPeriod, documentSale, priceWeightFloor], AppointPanel: [panel], Award: [minBidders] },
  startBasis: [law("第三十五条"), regulation("第三十一条")],
  panelBasis: [measures("第四十七条")],
  clarificationDays: "procurement.tender.clarificationDays",
  award
}
