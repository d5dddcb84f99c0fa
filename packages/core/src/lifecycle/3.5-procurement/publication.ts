// The procurement's publications: the procurement intention (采购意向, 财库〔2020〕10号) at least 30 days before
// the procurement starts, and the result notice (中标、成交结果公告, 实施条例 第四十三条) within 2 working days of
// the award, from which the challenge period counts.
import { national, texts } from "../../kernel/LegalBasis.js"
import type { Guard } from "../Guard.js"
import { check, type Doc, order, step } from "../internal/guard.js"

const intentionBasis = (note?: string) => national(`${texts.intentionNotice} 三`, note)
const resultBasis = (note?: string) => national(`${texts.procurementRegulation} 第四十三条`, note)

/** The first day a procurement may start after its intention: `procurement.intention.leadDays` later. */
export const intentionLead: Doc = step(
  "procurement.intention-lead-days",
  "采购意向提前公开日数",
  "Lead of the procurement intention",
  "三(五)",
  [intentionBasis("原则上不得晚于采购活动开始前30日公开采购意向")],
  "采购意向公开之日起满参数规定的日数(全国为30日,按日历计算)后,方可按期启动采购活动。",
  ["procurement.intention.leadDays"]
)

/** The last day to publish the result notice: `procurement.resultNotice.workingDays` after the award. */
export const resultNoticePeriod: Doc = step(
  "procurement.result-notice-period",
  "结果公告期限",
  "Result notice period",
  "三(五)",
  [resultBasis("自中标、成交供应商确定之日起2个工作日内公告中标、成交结果")],
  "确定成交供应商之日起参数规定的工作日内(全国为2个工作日)在指定媒体上公告结果。",
  ["procurement.resultNotice.workingDays"]
)

/** An intention comes once per sub-project, after the plan and before its procurement starts. */
const intentionFirst = order<"PublishIntention">({
  id: "procurement.intention-before-procurement",
  zh: "采购活动开始前公开采购意向",
  en: "The intention is published before the procurement",
  section: "三(五)",
  basis: [intentionBasis()],
  description: "采购意向在实施方案印发后、本子项目采购活动开始前公开,每个子项目公开一次(重新组织采购的不再公开)。"
}, ({ command: c, state }) => {
  const sp = state.subProjects[c.subProject]
  if (state.plan === undefined) return ["实施方案尚未印发,不能公开采购意向", "the plan is not issued yet"]
  if (sp.intention !== undefined) {
    return [
      `采购意向已于 ${sp.intention.publishedOn} 公开`,
      `the intention was published on ${sp.intention.publishedOn}`
    ]
  }
  return sp.procurement !== undefined || sp.rounds.length > 0
    ? ["采购活动已开始,不再公开采购意向", "the procurement has started; the intention came too late"]
    : undefined
})

/**
 * `procurement.intention-lead`: a procurement starts at least `procurement.intention.leadDays` days after its
 * intention was published. The notice says "原则上" (as a rule): a procurement without an intention, or started
 * sooner, is recorded with a warning finding, not refused.
 */
export const intentionBeforeStart = check<"StartProcurement">({
  id: "procurement.intention-lead",
  title: { zh: "采购意向提前30日公开", en: "The intention precedes the procurement by 30 days" },
  section: "三(五)",
  basis: [intentionBasis("采购意向公开时间应当尽量提前,原则上不得晚于采购活动开始前30日")],
  description:
    "采购活动开始之日距采购意向公开之日不少于参数规定的日数(全国为30日,本市可更长);未公开采购意向或提前不足的,采购照常启动,记为警告。",
  reads: ["procurement.intention.leadDays"]
}, ({ command: c, state, on }, f, p) => {
  const days = p.read<number>("procurement.intention.leadDays")
  const intention = state.subProjects[c.subProject].intention
  if (intention === undefined) {
    return [
      f.warning(
        "intention",
        `本子项目未公开采购意向(应在采购活动开始前${days}日公开)`,
        `no procurement intention was published for this sub-project (due ${days} days before the procurement)`
      )
    ]
  }
  return on >= intention.earliestStart ? [] : [
    f.warning(
      "at",
      `采购意向于 ${intention.publishedOn} 公开,采购活动应不早于 ${intention.earliestStart} 开始(提前${days}日)`,
      `the intention was published on ${intention.publishedOn}: the procurement was due to start on or after ${intention.earliestStart} (${days} days later)`,
      `≥ ${intention.earliestStart}`,
      on
    )
  ]
})

/** The result is published once per award, after the award. */
const resultAfterAward = order<"PublishResult">({
  id: "procurement.result-after-award",
  zh: "确定成交后公告结果",
  en: "The result is published after the award",
  section: "三(五)",
  basis: [resultBasis()],
  description: "中标、成交结果在确定成交供应商后公告,每次确定(含依次确定下一候选人)公告一次。"
}, ({ command: c, state }) => {
  const award = state.subProjects[c.subProject].award
  if (award === undefined) return ["尚未确定成交供应商", "there is no award to publish"]
  return award.resultNotice === undefined ? undefined : [
    `成交结果已于 ${award.resultNotice.publishedOn} 公告`,
    `the result was published on ${award.resultNotice.publishedOn}`
  ]
})

/** A result notice after its period is recorded with a warning: late, but the notice it is. */
const resultInTime = check<"PublishResult">({
  id: "procurement.result-notice-due",
  title: { zh: "按期公告成交结果", en: "The result published in time" },
  section: "三(五)",
  basis: [resultBasis("自中标、成交供应商确定之日起2个工作日内公告中标、成交结果")],
  description: "结果公告应在确定成交之日起参数规定的工作日内发布(确定成交时算出截止日);逾期公告仍予记录,记为警告。",
  reads: []
}, ({ command: c, state, on }, f) => {
  const due = state.subProjects[c.subProject].award?.resultNoticeBy
  return due === undefined || on <= due ? [] : [
    f.warning(
      "at",
      `成交结果应于 ${due} 前公告,${on} 公告已逾期`,
      `the result was due to be published by ${due}; published late on ${on}`,
      `≤ ${due}`,
      on
    )
  ]
})

export const guards: {
  readonly PublishIntention: ReadonlyArray<Guard<"PublishIntention">>
  readonly PublishResult: ReadonlyArray<Guard<"PublishResult">>
} = {
  PublishIntention: [intentionFirst],
  PublishResult: [resultAfterAward, resultInTime]
}

export const steps: ReadonlyArray<Doc> = [intentionLead, resultNoticePeriod]
