/**
 * 三(五) Procurement: the tender becomes active with its method, period, criteria and documents; bids stay
 * sealed until the award, which publishes the tenderers, the supplier and a summary of the ranking. Panels
 * and individual scores are not published.
 *
 * @internal
 */
import { dayEnd, dayStart, value } from "../../format.js"
import type { JsonObject } from "../../json.js"
import { type Builders, unpublished } from "../builder.js"
import { basisText, buyer, procuringEntity } from "../common.js"
import type { Ctx } from "../publish.js"
import { type Of, subProjectTitles } from "../state.js"

const method = (ctx: Ctx, e: Of<"ProcurementStarted">): JsonObject => {
  const mapping = ctx.settings.methods[e.method]
  if (mapping === undefined) return { procurementMethodDetails: `采购方式 ${e.method}(未映射到 OCDS method 代码表)` }
  return {
    procurementMethod: mapping.method,
    procurementMethodDetails: mapping.details,
    ...(mapping.rationale === undefined ? {} : { procurementMethodRationale: mapping.rationale })
  }
}

const started = (e: Of<"ProcurementStarted">, ctx: Ctx) => {
  ctx.state.procurement.set(e.subProject, e)
  const sub = e.subProject
  const d = ctx.draft(sub, e)
  const criteria = e.criteria.map((c) => `${c.name} ${c.maxPoints.toString()} 分`).join(";")
  d.publish(["tender"], {
    ...buyer(ctx.state, d),
    tender: {
      id: `${sub}-tender`,
      title: subProjectTitles[sub],
      status: "active",
      ...procuringEntity(ctx.state, d),
      ...method(ctx, e),
      mainProcurementCategory: e.category,
      awardCriteria: e.priceWeight === undefined ? "qualityOnly" : "ratedCriteria",
      awardCriteriaDetails: e.priceWeight === undefined
        ? `方案评审打分:${criteria}`
        : `综合评分:${criteria};价格 ${e.priceWeight.toFixed()} 分`,
      submissionMethod: ["written"],
      tenderPeriod: { startDate: dayStart(e.documentsIssuedOn), endDate: dayEnd(e.responseDeadline) },
      documents: [
        {
          id: "procurement-documents",
          documentType: "biddingDocuments",
          title: e.method === "competitive-consultation" ? "竞争性磋商文件" : "采购文件",
          description: `${basisText(e.basis)}${e.governmentPurchasedService ? ";政府购买服务" : ""}`,
          datePublished: dayStart(e.documentsIssuedOn),
          language: "zh"
        }
      ]
    }
  })
}

const ranking = (e: Of<"Awarded">): string =>
  e.ranking
    .map((r) =>
      `第${r.rank}名 ${r.supplierName}:综合得分 ${r.total}${
        r.priceScore === undefined ? "" : `(价格 ${r.priceScore},其他 ${r.nonPriceScore})`
      }${r.quote === undefined ? "" : `,报价 ${r.quote.toString()} 元`}`
    )
    .join(";")

const awarded = (e: Of<"Awarded">, ctx: Ctx) => {
  const sub = e.subProject
  const awardId = `${sub}-award`
  const supplier = { id: e.supplierId, name: e.supplierName }
  ctx.state.award.set(sub, { id: awardId, supplier })
  const bids = ctx.state.bids.get(sub) ?? []
  const proc = ctx.state.procurement.get(sub)
  const d = ctx.draft(sub, e)
  d.publish(["award", "tender"], {
    ...buyer(ctx.state, d),
    tender: {
      id: `${sub}-tender`,
      status: "complete",
      numberOfTenderers: bids.length,
      tenderers: bids.map((b) => d.ref({ id: b.supplierId, name: b.supplierName }, "tenderer")),
      awardPeriod: {
        ...(proc === undefined ? {} : { startDate: dayStart(proc.responseDeadline) }),
        endDate: dayEnd(e.awardedOn)
      }
    },
    awards: [
      {
        id: awardId,
        title: `${subProjectTitles[sub]}成交结果`,
        description: `评审结果:${ranking(e)}${e.tieBreaks.length === 0 ? "" : `。并列处理:${e.tieBreaks.join(";")}`}`,
        status: "active",
        date: dayStart(e.awardedOn),
        value: value(e.value),
        suppliers: [d.ref(supplier, "supplier")]
      }
    ]
  })
}

/** @internal */
export const procurement: Builders<
  "ProcurementStarted" | "BidSubmitted" | "PanelAppointed" | "ScoresSubmitted" | "Awarded"
> = {
  ProcurementStarted: started,
  BidSubmitted: (e, ctx) => {
    ctx.state.bids.set(e.subProject, [...(ctx.state.bids.get(e.subProject) ?? []), e])
  },
  PanelAppointed: unpublished,
  ScoresSubmitted: unpublished,
  Awarded: awarded
}
