// 三(五) guards: a procurement starts after the publicity and its objections, by the planned and a known method;
// bids within the response period, one per supplier; one panel; scores by its members after the deadline,
// complete and in range; the award once every member has scored. The methods add their own (see methods.ts).
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import type { Guard, Input } from "../Guard.js"
import { authorization, check, type Doc, order, step } from "../internal/guard.js"
import { isAfterDeadline, isBeforeDeadline, show } from "./internal/deadline.js"
import { methodOf, open, procurementOf, type Started, started } from "./internal/order.js"
import { qualifiedBids } from "./internal/qualified.js"
import * as Publication from "./publication.js"
import * as Recovery from "./recovery.js"
import * as Review from "./review.js"

const beforeProcurementDoc = {
  id: "publicity.before-procurement",
  title: { zh: "公示期满后方可采购", en: "Procurement starts after the publicity ends" },
  section: "三(四)(五)",
  basis: [plan("三(四)"), plan("三(五)")],
  description: "采购须在公示截止日之后启动,采购文件也须在截止日之后发出。",
  reads: []
} as const

const publicised = order<"StartProcurement">({
  id: beforeProcurementDoc.id,
  zh: beforeProcurementDoc.title.zh,
  en: beforeProcurementDoc.title.en,
  section: beforeProcurementDoc.section,
  basis: beforeProcurementDoc.basis,
  description: beforeProcurementDoc.description
}, ({ command: c, state }) =>
  state.subProjects[c.subProject].publicity === undefined
    ? ["采购需求尚未公示,不能启动采购", "requirements must be publicised before procurement starts"]
    : undefined)

const procurementOnce = order<"StartProcurement">({
  id: "procurement.once",
  zh: "每个子项目同时一轮采购",
  en: "One procurement round at a time per sub-project",
  section: "三(五)",
  description: "同一子项目同时只进行一轮采购;一轮采购终止并发布终止公告后,方可重新组织采购(新一轮)。"
}, ({ command: c, state }) =>
  state.subProjects[c.subProject].procurement !== undefined
    ? [
      "该子项目已启动采购;如采购失败,须先终止本轮采购再重新组织",
      "procurement of this sub-project has already started; a failed one is terminated before a new round"
    ]
    : undefined)

const afterPublicity = check<"StartProcurement">(beforeProcurementDoc, ({ command: c, state, on }, f) => {
  const end = state.subProjects[c.subProject].publicity!.endsOn
  if (on > end && c.documentsIssuedOn > end) return []
  return [
    f.error(
      on <= end ? "at" : "documentsIssuedOn",
      `公示期至 ${end} 结束,采购须在公示期满后启动`,
      `the publicity runs to ${end}; procurement starts only after it ends`,
      `> ${end}`,
      on <= end ? on : c.documentsIssuedOn
    )
  ]
})

const responseDeadlineDoc: Doc = {
  id: "procurement.response-deadline",
  title: { zh: "在响应期内提交响应文件", en: "Responses within the response period" },
  section: "三(五)",
  basis: [national(`${texts.consultation} 第十条`)],
  description:
    "响应截止日不得早于采购文件发出日;响应文件须在采购文件发出后、响应截止时间前提交(载明时间的,截止于该日该时;未载明的,截止于该日二十四时)。",
  reads: []
}

const deadlineAfterDocuments = check<"StartProcurement">(
  responseDeadlineDoc,
  ({ command: c }, f) =>
    c.responseDeadline < c.documentsIssuedOn
      ? [
        f.error(
          "responseDeadline",
          "响应截止日不能早于采购文件发出日",
          "the response deadline cannot come before the documents are issued",
          `≥ ${c.documentsIssuedOn}`,
          c.responseDeadline
        )
      ]
      : []
)

const objectionsResolved = check<"StartProcurement">({
  id: "publicity.objections-resolved",
  title: { zh: "异议答复后方可采购", en: "Objections answered before procurement" },
  section: "三(四)",
  basis: [plan("三(四)"), national(`${texts.procurementLaw} 第五十二条、第五十三条`, "质疑与答复")],
  description: "公示期间提出的异议全部答复后方可启动采购。",
  reads: []
}, ({ command: c, state }, f) => {
  const open = state.subProjects[c.subProject].publicity!.objections.filter((o) => o.response === undefined)
  return open.length === 0 ? [] : [
    f.error(
      "objections",
      `尚有 ${open.length} 项公示异议未答复`,
      `${open.length} objection(s) raised during publicity are unanswered`
    )
  ]
})

const methodAsPlanned = check<"StartProcurement">({
  id: "procurement.method-as-planned",
  title: { zh: "按方案规定的方式采购", en: "Procure by the method of the plan" },
  section: "三(五)",
  basis: [plan("三(五)", "危化项目分散采购;其他重点领域项目竞争性磋商")],
  description: "各子项目的采购方式须与参数(实施方案)规定一致。",
  reads: ["procurement.hazchem.method", "procurement.keyAreas.method"]
}, ({ command: c }, f, p) => {
  const planned = p.readOptional<string>(`procurement.${c.subProject}.method`)
  return planned === undefined || planned === c.method
    ? []
    : [
      f.error(
        "method",
        "采购方式与实施方案规定不一致",
        "the procurement method differs from the plan",
        planned,
        c.method
      )
    ]
})

const methodKnown = check<"StartProcurement">({
  id: "procurement.method-known",
  title: { zh: "采购方式已知", en: "Known procurement method" },
  section: "三(五)",
  basis: [national(`${texts.procurementLaw} 第二十六条`)],
  description: "采购方式须为 gsyf 或插件登记的方式。",
  reads: []
}, ({ command: c, config }, f) =>
  config.procurementMethods.has(c.method)
    ? []
    : [
      f.error(
        "method",
        `未知的采购方式 ${c.method}`,
        `unknown procurement method ${c.method}`,
        [...config.procurementMethods.keys()].join(" | "),
        c.method
      )
    ])

const withinResponsePeriod = check<"SubmitBid">(responseDeadlineDoc, (input, f) => {
  const proc = procurementOf(input)!
  const time = proc.responseDeadlineTime
  if (isAfterDeadline(input.command.at, proc.responseDeadline, time)) {
    const deadline = show(proc.responseDeadline, time)
    return [
      f.error(
        "at",
        `响应文件提交截止于 ${deadline}`,
        `responses closed at ${deadline}`,
        `≤ ${deadline}`,
        input.command.at
      )
    ]
  }
  if (input.on < proc.documentsIssuedOn) {
    return [
      f.error(
        "at",
        "采购文件发出前不能提交响应",
        "no response before the documents are issued",
        `≥ ${proc.documentsIssuedOn}`,
        input.on
      )
    ]
  }
  return []
})

const oneBid = check<"SubmitBid">({
  id: "procurement.one-bid",
  title: { zh: "每家供应商一份响应", en: "One response per supplier" },
  section: "三(五)",
  basis: [plan("三(五)")],
  description: "同一供应商只能提交一份响应文件。",
  reads: []
}, (input, f) =>
  procurementOf(input)!.bids.some((b) => b.supplierId === input.command.supplierId)
    ? [f.error("supplierId", "该供应商已提交响应文件", "this supplier has already responded")]
    : [])

const panelOnce = order<"AppointPanel">(
  {
    id: "procurement.panel-once",
    zh: "评审小组组建一次",
    en: "The panel is appointed once",
    section: "三(五)",
    description: "评审(磋商)小组只组建一次。"
  },
  (
    input
  ) => (procurementOf(input)!.panel !== undefined ? ["评审小组已组建", "the panel is already appointed"] : undefined)
)

const methodHasPanel = order<"AppointPanel">({
  id: "procurement.method-panel",
  zh: "采购方式设有评审小组",
  en: "The method has a panel",
  section: "三(五)",
  basis: [national(`${texts.procurementLaw} 第三十九条`)],
  description: "不设评审小组的采购方式(如单一来源采购,由采购人与供应商协商)不组建评审小组。"
}, (input) =>
  methodOf(input)?.panel === "none"
    ? ["该采购方式不组建评审小组", "this procurement method has no panel"]
    : undefined)

const methodScored = order<"SubmitScores">({
  id: "procurement.method-scored",
  zh: "采购方式设有评分",
  en: "The method is scored",
  section: "三(五)",
  basis: [national(`${texts.procurementLaw} 第四十条`)],
  description: "不评分的采购方式(询价按最低报价成交、单一来源协商定价)不提交评分。"
}, (input) =>
  methodOf(input)?.scored === false
    ? ["该采购方式不评分", "this procurement method is not scored"]
    : undefined)

const panelFirst = <K extends "SubmitScores" | "Award">(): Guard<K> =>
  order<K>({
    id: "procurement.panel-first",
    zh: "先组建评审小组",
    en: "The panel comes first",
    section: "三(五)",
    description: "评分和确定成交前须已组建评审小组。"
  }, (input) => {
    const i = input as unknown as Input<"SubmitScores" | "Award">
    return procurementOf(i)!.panel === undefined && methodOf(i)?.panel !== "none"
      ? ["评审小组尚未组建", "the panel is not appointed yet"]
      : undefined
  })

const panelMember = authorization<"SubmitScores">({
  id: "roles.allowed",
  title: { zh: "评审小组成员方可评分", en: "Only panel members score" },
  section: "三(五)",
  basis: [plan("三(五)")],
  description: "评审打分只能由评审小组成员进行。",
  reads: []
}, (input) => {
  const panel = procurementOf(input)!.panel!
  const actor = input.command.actor
  return panel.members.some((m) => m.id === actor.id)
    ? undefined
    : { role: `${actor.role}:${actor.id}`, allowed: panel.members.map((m) => `expert:${m.id}`) }
})

const scoreAfterDeadline = check<"SubmitScores">({
  id: "procurement.score-after-deadline",
  title: { zh: "响应截止后评审", en: "Scoring once responses close" },
  section: "三(五)",
  basis: [
    national(`${texts.consultation} 第十条`),
    national(`${texts.tenderMeasures} 第三十九条`, "开标应当在招标文件确定的提交投标文件截止时间的同一时间进行")
  ],
  description: "评审打分不得早于响应截止时间;开标、磋商和评审可以在截止时间当日进行(载明时间的,不早于该时)。",
  reads: []
}, (input, f) => {
  const proc = procurementOf(input)!
  const deadline = show(proc.responseDeadline, proc.responseDeadlineTime)
  return isBeforeDeadline(input.command.at, proc.responseDeadline, proc.responseDeadlineTime)
    ? [
      f.error(
        "at",
        `响应截止 ${deadline} 后方可评审`,
        `scoring starts once responses close at ${deadline}`,
        `≥ ${deadline}`,
        input.command.at
      )
    ]
    : []
})

const scoresValid = check<"SubmitScores">({
  id: "procurement.scores-valid",
  title: { zh: "评分完整且在分值范围内", en: "Scores complete and within range" },
  section: "三(五)",
  basis: [national(`${texts.consultation} 第二十四条`, "综合评分法")],
  description: "评审成员须对每家供应商的每个已公布评分因素打分,分值在 0 至该因素满分之间。",
  reads: []
}, (input, f) => {
  const proc = procurementOf(input)!
  const out: Array<ReturnType<typeof f.error>> = []
  const criteria = new Map(proc.criteria.map((x) => [x.id, x]))
  const suppliers = new Set(qualifiedBids(proc).map((b) => b.supplierId))
  input.command.scores.forEach((x, i) => {
    const crit = criteria.get(x.criterionId)
    if (!suppliers.has(x.supplierId)) {
      out.push(
        f.error(
          `scores[${i}].supplierId`,
          "该供应商没有通过审查的响应",
          "this supplier has no response that passed the review"
        )
      )
    }
    if (crit === undefined) {
      out.push(f.error(`scores[${i}].criterionId`, "未公布的评分因素", "not a published criterion"))
    } else if (x.points.lt(0) || x.points.gt(crit.maxPoints)) {
      const max = crit.maxPoints.toFixed()
      out.push(
        f.error(
          `scores[${i}].points`,
          `分值须在 0 至 ${max} 之间`,
          `points must be within 0–${max}`,
          `0–${max}`,
          x.points.toFixed()
        )
      )
    }
  })
  for (const sup of suppliers) {
    for (const crit of proc.criteria) {
      if (!input.command.scores.some((x) => x.supplierId === sup && x.criterionId === crit.id)) {
        out.push(f.error("scores", `缺少对 ${sup} 的“${crit.name}”评分`, `missing points for ${sup} on "${crit.name}"`))
      }
    }
  }
  return out
})

const allScored = check<"Award">({
  id: "procurement.all-scored",
  title: { zh: "全体成员评分后确定成交", en: "Every member scores before the award" },
  section: "三(五)",
  basis: [plan("三(五)")],
  description: "评审小组全体成员提交评分后方可汇总排序、确定成交。",
  reads: []
}, (input, f) => {
  const proc = procurementOf(input)!
  if (methodOf(input)?.scored === false) return []
  const scoredBy = new Set(proc.scores.map((x) => x.memberId))
  const unscored = proc.panel!.members.filter((m) => !scoredBy.has(m.id))
  return unscored.length === 0 ? [] : [
    f.error(
      "scores",
      `以下成员尚未评分:${unscored.map((m) => m.name).join("、")}`,
      `members yet to score: ${unscored.map((m) => m.id).join(", ")}`
    )
  ]
})

export const guards: {
  readonly [K in "StartProcurement" | "PublishIntention" | "PublishResult" | Started]: ReadonlyArray<Guard<K>>
} = {
  StartProcurement: [
    publicised,
    procurementOnce,
    afterPublicity,
    deadlineAfterDocuments,
    objectionsResolved,
    methodAsPlanned,
    methodKnown,
    Publication.intentionBeforeStart
  ],
  SubmitBid: [started(), open(), withinResponsePeriod, oneBid],
  AppointPanel: [started(), open(), methodHasPanel, panelOnce],
  SubmitScores: [
    started(),
    open(),
    methodScored,
    panelFirst(),
    panelMember,
    scoreAfterDeadline,
    scoresValid,
    Review.withinBudget()
  ],
  Award: [started(), open(), panelFirst(), allScored, Review.withinBudget()],
  ...Review.guards,
  ...Recovery.guards,
  ...Publication.guards
}

/** The price weight a consultation fixes in its documents. */
export const priceWeightFixed = step(
  "procurement.consultation.price-weight",
  "价格分值占比",
  "Price weight",
  "三(五)",
  [national(`${texts.consultation} 第二十四条`)],
  "磋商文件载明的价格分值占比取自参数,评审时按此计算价格分。",
  ["procurement.consultation.priceWeight"]
)

/** How a panel review's scores are aggregated. */
export const aggregation = step(
  "procurement.panel-review.aggregation",
  "评审得分汇总方法",
  "Panel score aggregation",
  "三(五)",
  [plan("三(五)")],
  "分散采购评审小组得分按参数规定的方法(算术平均或去掉最高最低分后平均)汇总。",
  ["procurement.panelReview.aggregation", "procurement.panelReview.minPanelSize"]
)

/** Consultation criteria that do not add up. */
export const criteriaTotal = step(
  "procurement.criteria-total",
  "非价格因素分值合计",
  "Non-price criteria add up",
  "三(五)",
  [national(`${texts.consultation} 第二十四条`)],
  "磋商中非价格评分因素的满分合计须等于 100 减价格分值。"
)

export const steps: ReadonlyArray<Doc> = [aggregation, criteriaTotal, ...Recovery.steps, ...Publication.steps]
