// 三(五) summaries: how `Explain` tells each event of the section, in Chinese and English.
import * as Money from "../../kernel/Money.js"
import type { TagsOf } from "../internal/schemas.js"
import {
  type Bilingual,
  type Context,
  method,
  type Of,
  sub,
  subName,
  type Summaries,
  type Told,
  told
} from "../internal/summary.js"
import type { events } from "./events.js"

const rejectionNames: Record<"over-budget" | "missing-qualification" | "non-conforming", Bilingual> = {
  "over-budget": { zh: "报价超过采购预算", en: "over the budget" },
  "missing-qualification": { zh: "不符合资格条件", en: "missing a qualification" },
  "non-conforming": { zh: "未实质性响应采购文件", en: "not conforming to the documents" }
}

const explainAward = (e: Of<"Awarded">, ctx: Context): Told => {
  const sub = subName[e.subProject]
  const m = method(e.method, ctx)
  const top = e.ranking[0]
  const score = top === undefined ? "" : `,综合得分 ${top.total}`
  const scoreEn = top === undefined ? "" : `, total score ${top.total}`
  const zh: Array<string> = []
  const en: Array<string> = []
  for (const r of e.ranking) {
    const quote = r.quote === undefined ? "" : ` 报价 ${Money.format(r.quote)}`
    const price = r.priceScore === undefined ? "" : ` = 价格分 ${r.priceScore} + 技术分 ${r.nonPriceScore}`
    const priceEn = r.priceScore === undefined ? "" : ` = price ${r.priceScore} + other ${r.nonPriceScore}`
    zh.push(`第 ${r.rank} 名 ${r.supplierName}${quote}:${r.total} 分${price}`)
    en.push(
      `#${r.rank} ${r.supplierName}${quote === "" ? "" : `, quote ${Money.format(r.quote!)}`}: ${r.total}${priceEn}`
    )
  }
  for (const t of e.tieBreaks) zh.push(`并列处理:${t}`)
  for (const t of e.tieBreaks) en.push(`tie-break: ${t}`)
  for (const r of e.reasons) zh.push(`理由:${r}`)
  for (const r of e.reasons) en.push(`reason: ${r}`)
  return told(
    `${sub.zh}成交:授予 ${e.supplierName},成交金额 ${
      Money.format(e.value)
    }(${m.zh},${e.ranking.length} 家参与排名${score});应于 ${e.signBy} 前签订合同`,
    `${sub.en} awarded to ${e.supplierName} for ${
      Money.format(e.value)
    } (${m.en}, ${e.ranking.length} ranked${scoreEn}); the contract is due by ${e.signBy}`,
    { zh, en }
  )
}

export const summaries: Summaries<TagsOf<typeof events>> = {
  ProcurementStarted: (e, ctx) =>
    told(
      `${sub(e).zh}启动采购(${
        method(e.method, ctx).zh
      }),${e.documentsIssuedOn} 发出采购文件,响应截止 ${e.responseDeadline}`,
      `procurement of the ${sub(e).en} started (${
        method(e.method, ctx).en
      }): documents ${e.documentsIssuedOn}, responses by ${e.responseDeadline}`
    ),
  BidSubmitted: (e) =>
    told(
      `${e.supplierName} 提交响应文件,报价 ${Money.format(e.quote)}`,
      `${e.supplierName} responded with a quote of ${Money.format(e.quote)}`
    ),
  PanelAppointed: (e) =>
    told(
      `${sub(e).zh}评审小组组建,${e.members.length} 人`,
      `panel of ${e.members.length} appointed for the ${sub(e).en}`
    ),
  ScoresSubmitted: (e) =>
    told(
      `评审成员 ${e.memberId} 提交评分(${e.scores.length} 项)`,
      `panel member ${e.memberId} submitted ${e.scores.length} scores`
    ),
  Awarded: (e, ctx) => explainAward(e, ctx),
  DocumentsClarified: (e) =>
    told(
      `${sub(e).zh}采购文件澄清或修改(${e.clarifiedOn}):${e.summary}${
        e.responseDeadline === e.previousDeadline
          ? ""
          : `;响应截止由 ${e.previousDeadline} 顺延至 ${e.responseDeadline}`
      }`,
      `documents of the ${sub(e).en} clarified on ${e.clarifiedOn}: ${e.summary}${
        e.responseDeadline === e.previousDeadline
          ? ""
          : `; deadline moved from ${e.previousDeadline} to ${e.responseDeadline}`
      }`
    ),
  BidRejected: (e) =>
    told(
      `${e.supplierName} 的响应经审查认定无效(${rejectionNames[e.reason].zh}):${e.note}`,
      `the response of ${e.supplierName} was rejected by the review (${rejectionNames[e.reason].en}): ${e.note}`
    ),
  ProcurementTerminated: (e, ctx) =>
    told(
      `${sub(e).zh}第 ${e.round} 轮采购(${method(e.method, ctx).zh})终止,${e.noticePublishedOn} 发布终止公告:${e.note}`,
      `round ${e.round} of the ${sub(e).en} procurement (${
        method(e.method, ctx).en
      }) terminated, notice published ${e.noticePublishedOn}: ${e.note}`
    ),
  AwardDeclined: (e) =>
    told(
      `成交供应商 ${e.supplierName} 拒绝签订合同:${e.reason}`,
      `the awarded supplier ${e.supplierName} declined to sign: ${e.reason}`
    ),
  AwardedToNextRanked: (e) =>
    told(
      `按评审报告排序确定第 ${e.rank} 名 ${e.supplierName} 为成交供应商,成交金额 ${
        Money.format(e.value)
      },应于 ${e.signBy} 前签订合同`,
      `the award passed to the rank-${e.rank} candidate ${e.supplierName} at ${
        Money.format(e.value)
      }; sign by ${e.signBy}`
    ),
  ChallengeRaised: (e) =>
    told(
      `${e.supplierName} 提出质疑(${e.receivedOn} 收到):${e.grounds};应于 ${e.answerBy} 前答复${
        e.suspendsSigning ? ",签约暂停" : ""
      }`,
      `${e.supplierName} challenged the result (received ${e.receivedOn}): ${e.grounds}; answer due by ${e.answerBy}${
        e.suspendsSigning ? "; signing suspended" : ""
      }`
    ),
  ChallengeAnswered: (e) =>
    told(
      `质疑 ${e.challengeId} 已于 ${e.answeredOn} 答复(${e.upheld ? "质疑成立" : "质疑不成立"}):${e.answer}`,
      `challenge ${e.challengeId} answered on ${e.answeredOn} (${e.upheld ? "upheld" : "not upheld"}): ${e.answer}`
    ),
  IntentionPublished: (e) =>
    told(
      `${sub(e).zh}于 ${e.publishedOn} 在${e.medium}公开采购意向(预算 ${
        Money.format(e.budget)
      },预计 ${e.expectedStart} 采购),采购活动不早于 ${e.earliestStart} 开始`,
      `${sub(e).en}: procurement intention published on ${e.publishedOn} in ${e.medium} (budget ${
        Money.format(e.budget)
      }, expected ${e.expectedStart}); the procurement may start from ${e.earliestStart}`
    ),
  ResultPublished: (e) =>
    told(
      `${e.publishedOn} 在${e.medium}公告成交结果:${e.supplierName},${Money.format(e.value)}(应于 ${e.dueOn} 前公告${
        e.late ? ",已逾期" : ""
      });质疑期至 ${e.challengeBy}`,
      `result published on ${e.publishedOn} in ${e.medium}: ${e.supplierName}, ${
        Money.format(e.value)
      } (due by ${e.dueOn}${e.late ? ", late" : ""}); challenges until ${e.challengeBy}`
    )
}
