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

/** The tender of the sub-project's current round: `<sub>-tender`, then `<sub>-tender-2` … after terminations. */
const tenderId = (ctx: Ctx, sub: Of<"ProcurementStarted">["subProject"]): string => {
  const n = (ctx.state.rounds.get(sub) ?? 0) + 1
  return n === 1 ? `${sub}-tender` : `${sub}-tender-${n}`
}

const started = (e: Of<"ProcurementStarted">, ctx: Ctx) => {
  ctx.state.procurement.set(e.subProject, e)
  ctx.state.bids.set(e.subProject, [])
  const sub = e.subProject
  const d = ctx.draft(sub, e)
  const criteria = e.criteria.map((c) => `${c.name} ${c.maxPoints.toString()} 分`).join(";")
  d.publish(["tender"], {
    ...buyer(ctx.state, d),
    tender: {
      id: tenderId(ctx, sub),
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
  const round = (ctx.state.rounds.get(sub) ?? 0) + 1
  const awardId = round === 1 ? `${sub}-award` : `${sub}-award-${round}`
  const supplier = { id: e.supplierId, name: e.supplierName }
  ctx.state.award.set(sub, { id: awardId, supplier })
  const bids = ctx.state.bids.get(sub) ?? []
  const proc = ctx.state.procurement.get(sub)
  const d = ctx.draft(sub, e)
  d.publish(["award", "tender"], {
    ...buyer(ctx.state, d),
    tender: {
      id: tenderId(ctx, sub),
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

const clarified = (e: Of<"DocumentsClarified">, ctx: Ctx) => {
  const sub = e.subProject
  const d = ctx.draft(sub, e)
  const proc = ctx.state.procurement.get(sub)
  d.publish(["tenderAmendment"], {
    tender: {
      id: tenderId(ctx, sub),
      ...(proc === undefined
        ? {}
        : { tenderPeriod: { startDate: dayStart(proc.documentsIssuedOn), endDate: dayEnd(e.responseDeadline) } }),
      documents: [{
        id: `clarification-${e.id}`,
        documentType: "clarifications",
        title: "采购文件澄清或修改",
        description: e.responseDeadline === e.previousDeadline
          ? e.summary
          : `${e.summary};响应截止时间由 ${e.previousDeadline} 顺延至 ${e.responseDeadline}`,
        datePublished: dayStart(e.clarifiedOn),
        language: "zh"
      }]
    }
  })
}

const terminated = (e: Of<"ProcurementTerminated">, ctx: Ctx) => {
  const sub = e.subProject
  const d = ctx.draft(sub, e)
  const id = tenderId(ctx, sub)
  d.publish(["tenderCancellation"], {
    tender: {
      id,
      status: "cancelled",
      documents: [{
        id: `termination-${e.round}`,
        documentType: "cancellationDetails",
        title: "终止公告",
        description: `${e.note}(${basisText(e.basis)})`,
        datePublished: dayStart(e.noticePublishedOn),
        language: "zh"
      }]
    }
  })
  ctx.state.rounds.set(sub, (ctx.state.rounds.get(sub) ?? 0) + 1)
  ctx.state.award.delete(sub)
}

const declined = (e: Of<"AwardDeclined">, ctx: Ctx) => {
  const sub = e.subProject
  const award = ctx.state.award.get(sub)
  if (award === undefined) return
  const d = ctx.draft(sub, e)
  d.publish(["awardCancellation"], {
    awards: [{
      id: award.id,
      status: "cancelled",
      description: `成交供应商 ${e.supplierName} 拒绝签订合同:${e.reason}`
    }]
  })
  ctx.state.award.delete(sub)
}

const nextRanked = (e: Of<"AwardedToNextRanked">, ctx: Ctx) => {
  const sub = e.subProject
  const round = (ctx.state.rounds.get(sub) ?? 0) + 1
  const awardId = `${round === 1 ? `${sub}-award` : `${sub}-award-${round}`}-rank-${e.rank}`
  const supplier = { id: e.supplierId, name: e.supplierName }
  ctx.state.award.set(sub, { id: awardId, supplier })
  const d = ctx.draft(sub, e)
  d.publish(["award"], {
    awards: [{
      id: awardId,
      title: `${subProjectTitles[sub]}成交结果(依次确定的下一候选人)`,
      description: `原成交供应商拒绝签订合同,按评审报告的排序确定第${e.rank}名为成交供应商(${basisText(e.basis)})`,
      status: "active",
      date: dayStart(e.awardedOn),
      value: value(e.value),
      suppliers: [d.ref(supplier, "supplier")]
    }]
  })
}

/** The procurement intention (采购意向): a planning release with the planned tender and its notice. */
const intention = (e: Of<"IntentionPublished">, ctx: Ctx) => {
  const sub = e.subProject
  const d = ctx.draft(sub, e)
  d.publish(["planning"], {
    ...buyer(ctx.state, d),
    tender: {
      id: tenderId(ctx, sub),
      title: subProjectTitles[sub],
      description: e.summary,
      status: "planning",
      value: value(e.budget),
      tenderPeriod: { startDate: dayStart(e.expectedStart) },
      documents: [{
        id: "procurement-intention",
        documentType: "plannedProcurementNotice",
        title: "政府采购意向公开",
        description: `在${e.medium}公开;预计采购时间 ${e.expectedStart};采购活动不早于 ${e.earliestStart} 开始(${
          basisText(e.basis)
        })`,
        datePublished: dayStart(e.publishedOn),
        language: "zh"
      }]
    }
  })
}

/** The result notice (中标、成交结果公告): the award's notice document. */
const resultNotice = (e: Of<"ResultPublished">, ctx: Ctx) => {
  const award = ctx.state.award.get(e.subProject)
  if (award === undefined) return
  ctx.draft(e.subProject, e).publish(["award"], {
    awards: [{
      id: award.id,
      documents: [{
        id: `${award.id}-notice`,
        documentType: "awardNotice",
        title: "成交结果公告",
        description: `在${e.medium}公告:成交供应商 ${e.supplierName};质疑期限至 ${e.challengeBy}${
          e.late ? `(应于 ${e.dueOn} 前公告,逾期)` : ""
        }`,
        datePublished: dayStart(e.publishedOn),
        language: "zh"
      }]
    }]
  })
}

const challengeDocument = (ctx: Ctx, sub: Of<"ChallengeRaised">["subProject"], id: string, body: JsonObject) => ({
  tender: {
    id: tenderId(ctx, sub),
    documents: [{ id: `challenge-${id}`, documentType: "complaints", language: "zh", ...body }]
  }
})

/** @internal */
export const procurement: Builders<
  | "ProcurementStarted"
  | "BidSubmitted"
  | "PanelAppointed"
  | "ScoresSubmitted"
  | "Awarded"
  | "DocumentsClarified"
  | "BidRejected"
  | "ProcurementTerminated"
  | "AwardDeclined"
  | "AwardedToNextRanked"
  | "ChallengeRaised"
  | "ChallengeAnswered"
  | "IntentionPublished"
  | "ResultPublished"
> = {
  IntentionPublished: intention,
  ResultPublished: resultNotice,
  ProcurementStarted: started,
  BidSubmitted: (e, ctx) => {
    ctx.state.bids.set(e.subProject, [...(ctx.state.bids.get(e.subProject) ?? []), e])
  },
  PanelAppointed: unpublished,
  ScoresSubmitted: unpublished,
  Awarded: awarded,
  DocumentsClarified: clarified,
  // bids stay sealed until the award; the rejection shows in the award's ranking
  BidRejected: unpublished,
  ProcurementTerminated: terminated,
  AwardDeclined: declined,
  AwardedToNextRanked: nextRanked,
  ChallengeRaised: (e, ctx) =>
    void ctx.draft(e.subProject, e).publish(
      ["tender"],
      challengeDocument(ctx, e.subProject, e.challengeId, {
        title: "质疑",
        description: `${e.supplierName} 于 ${e.receivedOn} 提出质疑;答复期限至 ${e.answerBy}${
          e.suspendsSigning ? ";签约暂停" : ""
        }`,
        datePublished: dayStart(e.receivedOn)
      })
    ),
  ChallengeAnswered: (e, ctx) =>
    void ctx.draft(e.subProject, e).publish(
      ["tender"],
      challengeDocument(ctx, e.subProject, e.challengeId, {
        title: "质疑答复",
        description: `${e.upheld ? "质疑成立" : "质疑不成立"}:${e.answer}`,
        dateModified: dayStart(e.answeredOn)
      })
    )
}
