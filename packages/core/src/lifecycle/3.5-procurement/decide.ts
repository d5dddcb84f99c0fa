// 三(五) decisions: the procurement started by its method, bids, the panel, scores, and the award by the
// method's own award path, with the date the contract is due.
import * as Either from "effect/Either"
import { plan } from "../../kernel/LegalBasis.js"
import type * as Money from "../../kernel/Money.js"
import { signWithin } from "../3.6-contract/guards.js"
import { calendarFinding, type Handlers, ok, planBasis, single, traced, violation } from "../internal/decide.js"
import type { Evaluation } from "../ProjectEvent.js"
import type { Rejection } from "../Rejection.js"
import { handlers as publication, resultNoticeDue } from "./decidePublication.js"
import { handlers as recovery } from "./decideRecovery.js"
import { priceWeightFixed } from "./guards.js"

const unknownMethod = (command: string, method: string) =>
  violation(command, [
    single("procurement.method-known", "method", `未知的采购方式 ${method}`, `unknown procurement method ${method}`)
  ])

export const handlers: Handlers<
  | "StartProcurement"
  | "SubmitBid"
  | "AppointPanel"
  | "SubmitScores"
  | "Award"
  | keyof typeof recovery
  | keyof typeof publication
> = {
  ...recovery,
  ...publication,
  StartProcurement: (input) => {
    const { command: c, state: s, config } = input
    const method = config.procurementMethods.get(c.method)
    if (method === undefined) return unknownMethod(c._tag, c.method)
    const onStart = method.onStart
    const fixed: Either.Either<
      { readonly value: { readonly priceWeight?: Money.Decimal | undefined }; readonly evaluation?: Evaluation },
      Rejection
    > = onStart === undefined ? Either.right({ value: {} }) : traced(input, priceWeightFixed, (p) => onStart(p))
    if (Either.isLeft(fixed)) return Either.left(fixed.left)
    const priceWeight = c.priceWeight ?? fixed.right.value.priceWeight
    const evaluation = fixed.right.evaluation
    return ok({
      draft: {
        _tag: "ProcurementStarted",
        subProject: c.subProject,
        method: c.method,
        documentsIssuedOn: c.documentsIssuedOn,
        responseDeadline: c.responseDeadline,
        criteria: c.criteria,
        governmentPurchasedService: c.governmentPurchasedService,
        category: c.category,
        ...(priceWeight === undefined ? {} : { priceWeight }),
        ...(c.responseDeadlineTime === undefined ? {} : { responseDeadlineTime: c.responseDeadlineTime }),
        ...(c.documentsOnSaleUntil === undefined ? {} : { documentsOnSaleUntil: c.documentsOnSaleUntil }),
        ...(c.singleSource === undefined ? {} : { singleSource: c.singleSource })
      },
      basis: method.startBasis ?? [plan("三(五)")],
      evaluations: evaluation === undefined || evaluation.reads.length === 0 ? [] : [evaluation],
      restsOn: [s.subProjects[c.subProject].publicity!.eventId]
    })
  },
  SubmitBid: ({ command: c, state: s }) =>
    ok({
      draft: {
        _tag: "BidSubmitted",
        subProject: c.subProject,
        supplierId: c.supplierId,
        supplierName: c.supplierName,
        quote: c.quote,
        ...(c.proposal === undefined ? {} : { proposal: c.proposal })
      },
      basis: planBasis("三(五)"),
      restsOn: [s.subProjects[c.subProject].procurement!.eventId]
    }),
  AppointPanel: (input) => {
    const { command: c, state: s, config } = input
    const proc = s.subProjects[c.subProject].procurement!
    const method = config.procurementMethods.get(proc.method)
    const invalid = method?.checkPanel?.(input)
    if (invalid !== undefined) return Either.left(invalid)
    return ok({
      draft: { _tag: "PanelAppointed", subProject: c.subProject, members: c.members },
      basis: method?.panelBasis ?? method?.basis ?? planBasis("三(五)"),
      restsOn: [proc.eventId]
    })
  },
  SubmitScores: ({ command: c, state: s }) => {
    const panel = s.subProjects[c.subProject].procurement!.panel!
    return ok({
      draft: { _tag: "ScoresSubmitted", subProject: c.subProject, memberId: c.actor.id, scores: c.scores },
      basis: planBasis("三(五)", "对相关服务机构提交的方案进行评审打分"),
      restsOn: [panel.eventId]
    })
  },
  Award: (input) => {
    const { command: c, state: s, config, on } = input
    const proc = s.subProjects[c.subProject].procurement!
    // a method without a panel (单一来源) awards with an empty one
    const panel = proc.panel ?? { eventId: proc.eventId, members: [] }
    const method = config.procurementMethods.get(proc.method)
    if (method === undefined) return unknownMethod(c._tag, proc.method)
    const due = traced(input, signWithin, (p) => p.read<number>("contract.signWithinDays"))
    if (Either.isLeft(due)) return Either.left(due.left)
    const signBy = config.calendar.periodEnd(on, due.right.value, "calendar-days")
    if (Either.isLeft(signBy)) return violation(c._tag, [calendarFinding(signBy.left, "at")])
    const notice = resultNoticeDue(input)
    if (Either.isLeft(notice)) return Either.left(notice.left)
    const award = method.award({ input, procurement: proc, panel })
    if (Either.isLeft(award)) return Either.left(award.left)
    const a = award.right
    return ok({
      draft: {
        _tag: "Awarded",
        subProject: c.subProject,
        supplierId: a.supplierId,
        supplierName: a.supplierName,
        value: a.value,
        awardedOn: on,
        signBy: signBy.right,
        method: proc.method,
        ranking: a.ranking,
        tieBreaks: a.tieBreaks,
        reasons: a.reasons,
        ...(a.rankingBasis === undefined ? {} : { rankingBasis: a.rankingBasis }),
        ...(a.ties === undefined ? {} : { ties: a.ties }),
        resultNoticeBy: notice.right.date
      },
      basis: a.basis,
      evaluations: [...a.evaluations, due.right.evaluation, notice.right.evaluation],
      restsOn: [
        ...new Set([
          proc.eventId,
          panel.eventId,
          ...proc.bids.map((b) => b.eventId),
          ...proc.scores.map((x) => x.eventId)
        ])
      ]
    })
  }
}
