// 三(五) decisions of the ways back: a clarification (moving the deadline when it comes too late), a bid rejected
// by the review, a terminated round, a declined award, the award to the next-ranked candidate, challenges.
import * as Either from "effect/Either"
import { national, texts } from "../../kernel/LegalBasis.js"
import { signWithin } from "../3.6-contract/guards.js"
import { calendarFinding, type Handlers, ok, traced, violation } from "../internal/decide.js"
import { resultNoticeDue } from "./decidePublication.js"
import { challengePeriods, clarificationPeriod, nextCandidate } from "./recovery.js"

const law = (article: string, note?: string) => national(`${texts.procurementLaw} ${article}`, note)
const regulation = (article: string, note?: string) => national(`${texts.procurementRegulation} ${article}`, note)

export const handlers: Handlers<
  | "ClarifyDocuments"
  | "RejectBid"
  | "TerminateProcurement"
  | "DeclineAward"
  | "AwardNextRanked"
  | "RaiseChallenge"
  | "AnswerChallenge"
> = {
  ClarifyDocuments: (input) => {
    const { command: c, state: s, config, on } = input
    const proc = s.subProjects[c.subProject].procurement!
    const name = config.procurementMethods.get(proc.method)?.clarificationDays
    const days = name === undefined ? undefined : traced(input, clarificationPeriod, (p) => p.read<number>(name))
    if (days !== undefined && Either.isLeft(days)) return Either.left(days.left)
    let deadline = proc.responseDeadline
    if (days !== undefined) {
      const end = config.calendar.periodEnd(on, days.right.value, "calendar-days")
      if (Either.isLeft(end)) return violation(c._tag, [calendarFinding(end.left, "at")])
      if (end.right > deadline) deadline = end.right
    }
    return ok({
      draft: {
        _tag: "DocumentsClarified",
        subProject: c.subProject,
        summary: c.summary,
        clarifiedOn: on,
        previousDeadline: proc.responseDeadline,
        responseDeadline: deadline
      },
      basis: [regulation("第三十一条第二款"), national(`${texts.consultation} 第十条`)],
      evaluations: days === undefined ? [] : [days.right.evaluation],
      restsOn: [proc.eventId]
    })
  },
  RejectBid: ({ command: c, state: s }) => {
    const proc = s.subProjects[c.subProject].procurement!
    const bid = proc.bids.find((b) => b.supplierId === c.supplierId)!
    return ok({
      draft: {
        _tag: "BidRejected",
        subProject: c.subProject,
        supplierId: c.supplierId,
        supplierName: bid.supplierName,
        reason: c.reason,
        note: c.note
      },
      basis: [regulation("第四十四条"), national(`${texts.tenderMeasures} 第六十三条`)],
      restsOn: [bid.eventId]
    })
  },
  TerminateProcurement: ({ command: c, state: s }) => {
    const proc = s.subProjects[c.subProject].procurement!
    return ok({
      draft: {
        _tag: "ProcurementTerminated",
        subProject: c.subProject,
        round: proc.round,
        method: proc.method,
        reason: c.reason,
        note: c.note,
        noticePublishedOn: c.noticePublishedOn
      },
      basis: [law("第三十六条"), regulation("第四十九条")],
      restsOn: [proc.eventId]
    })
  },
  DeclineAward: ({ command: c, state: s }) => {
    const award = s.subProjects[c.subProject].award!
    return ok({
      draft: {
        _tag: "AwardDeclined",
        subProject: c.subProject,
        supplierId: c.supplierId,
        supplierName: award.supplierName,
        reason: c.reason
      },
      basis: [regulation("第四十九条")],
      restsOn: [award.eventId]
    })
  },
  AwardNextRanked: (input) => {
    const { command: c, state: s, config, on } = input
    const proc = s.subProjects[c.subProject].procurement!
    const next = nextCandidate(proc)!
    const bid = proc.bids.find((b) => b.supplierId === next.supplierId)!
    const due = traced(input, signWithin, (p) => p.read<number>("contract.signWithinDays"))
    if (Either.isLeft(due)) return Either.left(due.left)
    const signBy = config.calendar.periodEnd(on, due.right.value, "calendar-days")
    if (Either.isLeft(signBy)) return violation(c._tag, [calendarFinding(signBy.left, "at")])
    const notice = resultNoticeDue(input)
    if (Either.isLeft(notice)) return Either.left(notice.left)
    return ok({
      draft: {
        _tag: "AwardedToNextRanked",
        subProject: c.subProject,
        supplierId: next.supplierId,
        supplierName: next.supplierName,
        value: bid.quote,
        rank: next.rank,
        declined: proc.declined[proc.declined.length - 1]!,
        awardedOn: on,
        signBy: signBy.right,
        method: proc.method,
        resultNoticeBy: notice.right.date
      },
      basis: [regulation("第四十九条"), law("第四十六条")],
      evaluations: [due.right.evaluation, notice.right.evaluation],
      restsOn: [proc.closedBy!, bid.eventId]
    })
  },
  RaiseChallenge: (input) => {
    const { command: c, state: s, config } = input
    const proc = s.subProjects[c.subProject].procurement!
    const days = traced(input, challengePeriods, (p) => p.read<number>("procurement.challenge.answerWorkingDays"))
    if (Either.isLeft(days)) return Either.left(days.left)
    const answerBy = config.calendar.periodEnd(c.receivedOn, days.right.value, "working-days")
    if (Either.isLeft(answerBy)) return violation(c._tag, [calendarFinding(answerBy.left, "receivedOn")])
    return ok({
      draft: {
        _tag: "ChallengeRaised",
        subProject: c.subProject,
        challengeId: c.challengeId,
        supplierId: c.supplierId,
        supplierName: c.supplierName,
        receivedOn: c.receivedOn,
        grounds: c.grounds,
        suspendsSigning: c.suspendsSigning,
        answerBy: answerBy.right
      },
      basis: [law("第五十二条"), law("第五十三条"), ...(c.suspendsSigning ? [law("第五十四条")] : [])],
      evaluations: [days.right.evaluation],
      restsOn: [proc.closedBy ?? proc.eventId]
    })
  },
  AnswerChallenge: ({ command: c, state: s, on }) => {
    const x = s.subProjects[c.subProject].procurement!.challenges.find((y) => y.id === c.challengeId)!
    return ok({
      draft: {
        _tag: "ChallengeAnswered",
        subProject: c.subProject,
        challengeId: c.challengeId,
        answer: c.answer,
        upheld: c.upheld,
        answeredOn: on
      },
      basis: [law("第五十三条")],
      restsOn: [x.eventId]
    })
  }
}
