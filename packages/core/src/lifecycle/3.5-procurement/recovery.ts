// The ways back of a procurement: clarifications that move the deadline, termination with its notice and a new
// round, an award the winner declines passed to the next-ranked candidate, and challenges (质疑) that may suspend
// the signing. Each is a guard of its command or a traced step of its decision.
import * as Either from "effect/Either"
import type * as Calendar from "../../kernel/Calendar.js"
import type { IsoDate } from "../../kernel/IsoDate.js"
import { national, texts } from "../../kernel/LegalBasis.js"
import type { ParameterReader } from "../../rules/Rule.js"
import type { Guard } from "../Guard.js"
import { check, type Doc, order, step } from "../internal/guard.js"
import type { RankedBid } from "../ProjectEvent.js"
import type { ProcurementState } from "../ProjectState.js"
import { isAfterDeadline, show } from "./internal/deadline.js"
import { open, started } from "./internal/order.js"

const law = (article: string, note?: string) => national(`${texts.procurementLaw} ${article}`, note)
/** When a supplier knows of a harm done by the result: when the result notice's period ends. */
const resultKnownOn = national(
  `${texts.challengeMeasures} 第十条`,
  "对中标或者成交结果提出质疑的,为中标或者成交结果公告期限届满之日"
)
const regulation = (article: string, note?: string) => national(`${texts.procurementRegulation} ${article}`, note)

/** How many days before the deadline a clarification of this method is due, and the deadline it moves to. */
export const clarificationPeriod: Doc = step(
  "procurement.clarification-period",
  "澄清或修改的提前期限",
  "Clarification period",
  "三(五)",
  [
    regulation("第三十一条第二款", "澄清或者修改应当在投标截止时间至少15日前;不足15日的,顺延投标截止时间"),
    national(`${texts.consultation} 第十条`, "澄清或者修改应当在提交首次响应文件截止时间至少5日前;不足5日的,顺延")
  ],
  "采购文件的澄清或修改距响应截止不足该方式规定的日数(公开招标15日、竞争性磋商5日)的,截止日顺延至澄清之日起满该日数。",
  ["procurement.tender.clarificationDays", "procurement.consultation.clarificationDays"]
)

/** A clarification comes before the deadline. */
const clarifyBeforeDeadline = check<"ClarifyDocuments">({
  id: "procurement.clarify-before-deadline",
  title: { zh: "截止前澄清或修改采购文件", en: "Clarify the documents before the deadline" },
  section: "三(五)",
  basis: [regulation("第三十一条第二款")],
  description: "采购文件的澄清或修改须在响应截止时间之前作出。",
  reads: []
}, ({ command: c, state }, f) => {
  const proc = state.subProjects[c.subProject].procurement!
  return isAfterDeadline(c.at, proc.responseDeadline, proc.responseDeadlineTime)
    ? [
      f.error("at", `响应已于 ${show(proc.responseDeadline, proc.responseDeadlineTime)} 截止`, "responses have closed")
    ]
    : []
})

/** A procurement is terminated before a contract is signed. */
const beforeContract = order<"TerminateProcurement">({
  id: "procurement.terminate-before-contract",
  zh: "签订合同前终止采购",
  en: "Terminate before the contract",
  section: "三(五)",
  basis: [law("第三十六条"), regulation("第四十九条")],
  description:
    "采购失败(合格供应商不足、成交供应商拒签、质疑成立等)时,在签订合同前终止本轮采购并发布终止公告,然后重新组织采购。"
}, ({ command: c, state }) =>
  state.subProjects[c.subProject].contract !== undefined
    ? ["合同已签订,不能终止采购", "the contract is signed; the procurement can no longer be terminated"]
    : undefined)

/** The termination notice is published on or after the day of the decision's facts, not before the round began. */
const noticeDated = check<"TerminateProcurement">({
  id: "procurement.termination-notice",
  title: { zh: "发布终止公告", en: "The termination notice is published" },
  section: "三(五)",
  basis: [law("第三十六条", "废标后,采购人应当将废标理由通知所有投标人"), gsyfNote()],
  description: "终止采购须发布终止公告,公告日期不早于本轮采购启动之日。",
  reads: []
}, ({ command: c, state }, f) => {
  const started = state.subProjects[c.subProject].procurement!.startedOn
  return c.noticePublishedOn >= started ? [] : [
    f.error(
      "noticePublishedOn",
      `终止公告日期 ${c.noticePublishedOn} 早于本轮采购启动日 ${started}`,
      `the notice of ${c.noticePublishedOn} comes before the round started on ${started}`,
      `≥ ${started}`,
      c.noticePublishedOn
    )
  ]
})

function gsyfNote() {
  return national(
    `${texts.procurementRegulation} 第四十三条`,
    "中标、成交结果及终止情况在省级以上财政部门指定的媒体上公告"
  )
}

/** Only the awarded supplier declines, before signing. */
const declinerAwarded = check<"DeclineAward">({
  id: "procurement.decline-awarded",
  title: { zh: "成交供应商拒签", en: "The awarded supplier declines" },
  section: "三(五)",
  basis: [regulation("第四十九条")],
  description: "拒绝签订合同的须为当前成交供应商,且合同尚未签订。",
  reads: []
}, ({ command: c, state }, f) => {
  const sp = state.subProjects[c.subProject]
  if (sp.award === undefined) return [f.error("supplierId", "当前没有成交供应商", "there is no award to decline")]
  if (sp.contract !== undefined) return [f.error("supplierId", "合同已签订", "the contract is already signed")]
  return sp.award.supplierId === c.supplierId ? [] : [
    f.error(
      "supplierId",
      `成交供应商为 ${sp.award.supplierName}`,
      `the award went to ${sp.award.supplierId}`,
      sp.award.supplierId,
      c.supplierId
    )
  ]
})

/** The next candidate of the ranking: not declined, not rejected. */
export const nextCandidate = (proc: ProcurementState): RankedBid | undefined => {
  const rejected = new Set(proc.bids.filter((b) => b.rejected !== undefined).map((b) => b.supplierId))
  return proc.ranking.find((r) => !proc.declined.includes(r.supplierId) && !rejected.has(r.supplierId))
}

/** An award passes to the next-ranked candidate only after the winner declined, and only if one remains. */
const nextRankedAvailable = check<"AwardNextRanked">({
  id: "procurement.next-ranked",
  title: { zh: "依次确定下一候选人", en: "Award to the next-ranked candidate" },
  section: "三(五)",
  basis: [
    regulation(
      "第四十九条",
      "中标或者成交供应商拒绝与采购人签订合同的,采购人可以按照评审报告推荐的中标或者成交候选人名单排序,确定下一候选人为中标或者成交供应商,也可以重新开展政府采购活动"
    )
  ],
  description: "成交供应商拒签后,按评审报告的排序确定下一候选人;没有候选人的,终止本轮采购并重新组织。",
  reads: []
}, ({ command: c, state }, f) => {
  const sp = state.subProjects[c.subProject]
  const proc = sp.procurement!
  if (sp.award !== undefined || proc.declined.length === 0) {
    return [f.error("", "当前成交供应商未拒签", "the current award has not been declined")]
  }
  return nextCandidate(proc) !== undefined ? [] : [
    f.error(
      "",
      "评审报告的候选人名单已无可确定的候选人,应终止本轮采购并重新组织",
      "no candidate remains in the evaluation's ranking: terminate the round and procure again"
    )
  ]
})

const awarded = order<"RaiseChallenge">({
  id: "procurement.challenge-after-result",
  zh: "结果公告后质疑",
  en: "A challenge of the result follows the award",
  section: "三(五)",
  basis: [law("第五十二条")],
  description: "对中标、成交结果的质疑在确定成交供应商(结果公告)之后提出。"
}, ({ command: c, state }) =>
  state.subProjects[c.subProject].procurement?.closedBy === undefined
    ? ["尚未确定成交供应商", "there is no result to challenge yet"]
    : undefined)

/** The periods of a challenge. */
export const challengePeriods: Doc = step(
  "procurement.challenge-periods",
  "质疑及答复期限",
  "Challenge periods",
  "三(五)",
  [law("第五十二条"), law("第五十三条"), resultKnownOn],
  "对结果的质疑应在结果公告期限(全国为1个工作日)届满之日起参数规定的工作日内(全国为7个工作日)提出;采购人在收到质疑后参数规定的工作日内(全国为7个工作日)答复。",
  [
    "procurement.resultNotice.periodWorkingDays",
    "procurement.challenge.raiseWorkingDays",
    "procurement.challenge.answerWorkingDays"
  ]
)

/**
 * The last day to challenge a result published on `published`: the notice runs
 * `procurement.resultNotice.periodWorkingDays` (1 working day), and the challenge period of
 * `procurement.challenge.raiseWorkingDays` (7) counts from the day the notice ends (财政部令第94号 第十条).
 */
export const challengeEnd = (
  calendar: Calendar.Service,
  days: ChallengeDays,
  published: IsoDate
): Either.Either<IsoDate, { readonly message: string }> =>
  Either.flatMap(
    calendar.periodEnd(published, days.notice, "working-days"),
    (noticeEnds) => calendar.periodEnd(noticeEnds, days.raise, "working-days")
  )

/** The working days a result notice runs and the working days to challenge after it. */
export interface ChallengeDays {
  readonly notice: number
  readonly raise: number
}

/** Reads {@link ChallengeDays} from the parameters, each once. */
export const challengeDays = (p: ParameterReader): ChallengeDays => ({
  notice: p.read<number>("procurement.resultNotice.periodWorkingDays"),
  raise: p.read<number>("procurement.challenge.raiseWorkingDays")
})

/** Each challenge once; an answer to a known, unanswered challenge. */
const challengeKnown = <K extends "RaiseChallenge" | "AnswerChallenge">(): Guard<K> =>
  check<K>({
    id: "procurement.challenge-known",
    title: { zh: "质疑编号有效", en: "A known challenge" },
    section: "三(五)",
    basis: [law("第五十三条")],
    description: "同一质疑只登记一次;答复须针对已登记、尚未答复的质疑。",
    reads: []
  }, ({ command, state }, f) => {
    const c = command as unknown as {
      readonly _tag: K
      readonly subProject: "hazchem" | "keyAreas"
      readonly challengeId: string
    }
    const list = state.subProjects[c.subProject].procurement!.challenges
    const found = list.find((x) => x.id === c.challengeId)
    if (c._tag === "RaiseChallenge") {
      return found === undefined ? [] : [f.error("challengeId", "该质疑已登记", "this challenge is already recorded")]
    }
    if (found === undefined) return [f.error("challengeId", "未登记的质疑", "no such challenge")]
    return found.answer === undefined
      ? []
      : [f.error("challengeId", "该质疑已答复", "this challenge is already answered")]
  })

/**
 * A challenge is raised within the working days after the result notice's own period ends (not the award: the
 * period starts with the published result). Before the notice is published the period has not begun, so a
 * challenge received after the award is in time.
 */
const raisedInTime = check<"RaiseChallenge">({
  id: "procurement.challenge-within",
  title: { zh: "在质疑期限内提出", en: "A challenge within its period" },
  section: "三(五)",
  basis: [law("第五十二条", "在知道或者应知其权益受到损害之日起七个工作日内,以书面形式提出质疑"), resultKnownOn],
  description:
    "对结果的质疑须在结果公告期限(全国为1个工作日)届满之日起参数规定的工作日内(全国为7个工作日,当日不计入)收到;结果尚未公告的,质疑期尚未起算,确定成交后收到的质疑均在期内;收到日不得早于确定成交之日,不得晚于登记日。",
  reads: ["procurement.resultNotice.periodWorkingDays", "procurement.challenge.raiseWorkingDays"]
}, ({ command: c, state, config, on }, f, p) => {
  const days = challengeDays(p)
  const n = days.raise
  const sp = state.subProjects[c.subProject]
  const awardedOn = sp.award?.awardedOn ?? sp.procurement!.startedOn
  const published = sp.award?.resultNotice?.publishedOn
  const notice = published ?? awardedOn
  const end = challengeEnd(config.calendar, days, notice)
  if (Either.isLeft(end)) {
    return [
      f.error("receivedOn", `日历无法计算:${end.left.message}`, `the calendar cannot compute this: ${end.left.message}`)
    ]
  }
  if (c.receivedOn > on) {
    return [
      f.error("receivedOn", "收到日期晚于登记日期", "received after the day it is recorded", `≤ ${on}`, c.receivedOn)
    ]
  }
  if (c.receivedOn < awardedOn) {
    return [
      f.error(
        "receivedOn",
        `收到日期早于确定成交之日 ${awardedOn}`,
        `received before the award of ${awardedOn}`,
        `≥ ${awardedOn}`,
        c.receivedOn
      )
    ]
  }
  return published === undefined || c.receivedOn <= end.right ? [] : [
    f.error(
      "receivedOn",
      `质疑于 ${c.receivedOn} 收到,已过结果公告(${notice})期满后 ${n} 个工作日的质疑期(至 ${end.right})`,
      `received on ${c.receivedOn}, after the ${n} working days from the end of the result notice of ${notice} (to ${end.right})`,
      `≤ ${end.right}`,
      c.receivedOn
    )
  ]
})

/** An answer after the answer period is recorded with a warning: late, but still the answer. */
const answeredInTime = check<"AnswerChallenge">({
  id: "procurement.challenge-answer-within",
  title: { zh: "在答复期限内答复质疑", en: "A challenge answered in time" },
  section: "三(五)",
  basis: [law("第五十三条", "采购人应当在收到供应商的书面质疑后七个工作日内作出答复")],
  description: "质疑应在收到后参数规定的工作日内答复(登记质疑时算出答复截止日);逾期答复仍予记录,并记为警告。",
  reads: []
}, ({ command: c, state, on }, f) => {
  const x = state.subProjects[c.subProject].procurement!.challenges.find((y) => y.id === c.challengeId)
  return x === undefined || on <= x.answerBy ? [] : [
    f.warning(
      "at",
      `质疑 ${x.id} 应于 ${x.answerBy} 前答复,${on} 答复已逾期`,
      `challenge ${x.id} was due an answer by ${x.answerBy}; answered late on ${on}`,
      `≤ ${x.answerBy}`,
      on
    )
  ]
})

/** A challenge of the result is not signed over: an unanswered one that suspends signing, or one upheld. */
export const challengeSuspends = check<"SignContract">({
  id: "procurement.challenge-suspends-signing",
  title: { zh: "质疑处理期间暂停签约", en: "A pending or upheld challenge holds the signing" },
  section: "三(五)",
  basis: [
    law("第五十四条", "采购人可以在质疑处理期间暂停采购活动"),
    national(
      "《政府采购质疑和投诉办法》(财政部令第94号) 第三十二条",
      "质疑成立,影响中标、成交结果的,另行确定或重新开展采购"
    )
  ],
  description: "决定暂停的质疑答复前不签订合同;质疑成立的,须另行确定成交供应商或终止后重新采购,不按原结果签约。",
  reads: []
}, ({ command: c, state }, f) => {
  const challenges = state.subProjects[c.subProject].procurement?.challenges ?? []
  return challenges.flatMap((x) => {
    if (x.answer === undefined && x.suspendsSigning) {
      return [
        f.error(
          "challenges",
          `${x.supplierName} 的质疑(${x.id})尚未答复,签约已暂停`,
          `the challenge ${x.id} by ${x.supplierId} is unanswered and the signing is suspended`
        )
      ]
    }
    return x.answer?.upheld === true
      ? [
        f.error(
          "challenges",
          `质疑 ${x.id} 成立,不能按原结果签约`,
          `challenge ${x.id} was upheld; the result cannot be signed`
        )
      ]
      : []
  })
})

export const guards: {
  readonly [
    K in
      | "ClarifyDocuments"
      | "TerminateProcurement"
      | "DeclineAward"
      | "AwardNextRanked"
      | "RaiseChallenge"
      | "AnswerChallenge"
  ]: ReadonlyArray<Guard<K>>
} = {
  ClarifyDocuments: [started(), open(), clarifyBeforeDeadline],
  TerminateProcurement: [started(), beforeContract, noticeDated],
  DeclineAward: [started(), declinerAwarded],
  AwardNextRanked: [started(), nextRankedAvailable],
  RaiseChallenge: [started(), awarded, challengeKnown(), raisedInTime],
  AnswerChallenge: [started(), challengeKnown(), answeredInTime]
}

/** The guards the procurement adds to the contract's signing. */
export const signingGuards: ReadonlyArray<Guard<"SignContract">> = [challengeSuspends]

export const steps: ReadonlyArray<Doc> = [clarificationPeriod, challengePeriods]
