// 三(五) procurement methods as values: 评审小组评审 (the dispersed panel review of the hazardous-chemicals
// sub-project), 竞争性磋商, 公开招标 (tender.ts), 询价 (inquiry.ts) and 单一来源 (singleSource.ts), each with its
// title, basis, the guards it adds and its award path.
import * as Either from "effect/Either"
import type { IsoDate } from "../../kernel/IsoDate.js"
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import type { AwardContext, AwardPath, AwardResult, Config, ProcurementMethod } from "../Config.js"
import type { Guard, Input } from "../Guard.js"
import { basisOf, calendarFinding, runStage, single, traced, violation } from "../internal/decide.js"
import { check } from "../internal/guard.js"
import * as Parameter from "../Parameter.js"
import type { Evaluation } from "../ProjectEvent.js"
import { type Rejection, RuleViolation } from "../Rejection.js"
import { aggregation, criteriaTotal, priceWeightFixed } from "./guards.js"
import { inquiry } from "./inquiry.js"
import { onOffer } from "./internal/onOffer.js"
import { qualifiedBids } from "./internal/qualified.js"
import { awardRanking } from "./internal/ranking.js"
import * as Procurement from "./Procurement.js"
import { singleSource } from "./singleSource.js"
import { publicTender } from "./tender.js"

export { inquiry, publicTender, singleSource }

type Proc = AwardContext["procurement"]
type Panel = AwardContext["panel"]

/** The consultation rules' input at a point of the procurement. */
const consultationInput = (
  proc: Pick<Proc, "category" | "governmentPurchasedService" | "documentsIssuedOn" | "responseDeadline">,
  more: Partial<Procurement.ConsultationInput> = {}
): Procurement.ConsultationInput => ({
  category: proc.category,
  governmentPurchasedService: proc.governmentPurchasedService,
  qualifiedSuppliers: [],
  panel: [],
  documentsIssuedOn: proc.documentsIssuedOn,
  firstResponseDeadline: proc.responseDeadline,
  ...more
})

/**
 * The last day of the consultation's minimum period as the calendar counts it (rolled over rest days and
 * holidays), for `procurement.consultation.document-period`: nothing to add without roll-over, the calendar's
 * reason when it cannot count it. The parameters are looked up untraced: the rule reads them itself.
 */
const periodEndOf = (
  config: Config,
  issued: IsoDate,
  on: IsoDate
): Either.Either<Partial<Procurement.ConsultationInput>, { readonly message: string }> => {
  const days = Parameter.get(config.parameters, "procurement.consultation.minDocumentDays", on)
  if (typeof days !== "number" || Parameter.get(config.parameters, "procurement.periodRollover", on) === "none") {
    return Either.right({})
  }
  return Either.map(config.calendar.periodEnd(issued, days, "calendar-days"), (end) => ({ minimumPeriodEnd: end }))
}

/** 磋商文件 out for the minimum period, its last day rolled over as the calendar says. */
const consultationPeriod: Guard<"StartProcurement"> = check<"StartProcurement">(
  Procurement.documentPeriod,
  ({ command: c, config, on }, _f, p) => {
    const end = periodEndOf(config, c.documentsIssuedOn, on)
    return Either.isLeft(end)
      ? [calendarFinding(end.left, "firstResponseDeadline")]
      : Procurement.documentPeriod.evaluate(consultationInput(c, end.right), p)
  }
)

const reviewMembers = (members: Panel["members"]) =>
  members.map((m) => ({
    id: m.id,
    name: m.name,
    organisation: m.organisation,
    kind: m.kind,
    organisationKind: m.organisationKind ?? "other",
    ...(m.recommendedBy === undefined ? {} : { recommendedBy: m.recommendedBy })
  }))

/** A stage rule run as a guard of a procurement command, on the input the command gives it. */
const asGuard = <K extends "StartProcurement" | "AppointPanel", I>(
  rule: import("../../rules/Rule.js").Rule<I>,
  inputOf: (input: Input<K>) => I | undefined
): Guard<K> =>
  check<K>(rule, (input, _f, parameters) => {
    const i = inputOf(input)
    return i === undefined ? [] : rule.evaluate(i, parameters)
  })

const scoresOf = (proc: Proc) =>
  proc.scores.flatMap((x) =>
    x.scores.map((y) => ({
      memberId: x.memberId,
      supplierId: y.supplierId,
      criterionId: y.criterionId,
      points: y.points.toFixed()
    }))
  )

const criteriaOf = (proc: Proc) =>
  proc.criteria.map((x) => ({ id: x.id, name: x.name, maxPoints: x.maxPoints.toFixed() }))

/** How an award's figures are written: exact fractions, four decimals and the display, each rounded half-up. */
const writtenAs = { exact: "fraction", fourDecimals: "half-up", display: "half-up-2" } as const

const tiesOf = (ties: ReadonlyArray<Procurement.TieBreak>) =>
  ties.map((t) => ({ first: t.first, second: t.second, score: t.scoreExact, decidedBy: t.decidedBy }))

const consultationAward: AwardPath = ({ input, panel, procurement: proc }) => {
  const c = input.command
  const checked = runStage(input, "consultation", {
    ...consultationInput(proc, {
      qualifiedSuppliers: qualifiedBids(proc).map((b) => ({ id: b.supplierId, name: b.supplierName })),
      panel: panel.members.map((m) => ({ id: m.id, name: m.name, organisation: m.organisation, kind: m.kind }))
    }),
    ...(proc.priceWeight === undefined ? {} : { priceWeight: proc.priceWeight }),
    ...(c.financeApproval === undefined ? {} : { financeApproval: c.financeApproval })
  })
  if (checked.errors.length > 0) return violation(c._tag, checked.findings) as Either.Either<never, RuleViolation>
  const weight: Either.Either<{ readonly value: Money.Decimal; readonly evaluation?: Evaluation }, Rejection> =
    proc.priceWeight === undefined
      ? traced(input, priceWeightFixed, (p) => p.read<Money.Decimal>("procurement.consultation.priceWeight"))
      : Either.right({ value: proc.priceWeight })
  if (Either.isLeft(weight)) return Either.left(weight.left)
  const result = Procurement.scoreConsultation({
    priceWeight: weight.right.value.toFixed(),
    criteria: criteriaOf(proc),
    bids: qualifiedBids(proc).map((b) => ({
      supplierId: b.supplierId,
      supplierName: b.supplierName,
      finalQuote: b.quote.toString(),
      registeredAt: b.at
    })),
    scores: scoresOf(proc)
  })
  if (Either.isLeft(result)) {
    const e = result.left
    if (e._tag === "InvalidInput") return Either.left(e)
    return Either.left(
      new RuleViolation({
        command: c._tag,
        findings: [single(criteriaTotal.id, "criteria", e.message, e.message, e.expected, e.actual)]
      })
    )
  }
  const r = result.right
  return Either.right<AwardResult>({
    supplierId: r.recommended.supplierId,
    supplierName: r.recommended.supplierName,
    value: r.ranking[0]!.finalQuote,
    ranking: awardRanking(r.ranking),
    tieBreaks: r.tieBreaks.map((t) => t.zh),
    reasons: r.recommended.reasons.map((x) => x.zh),
    rankingBasis: {
      ...writtenAs,
      order: r.rankedBy,
      basePrice: r.basePrice,
      priceWeight: r.priceWeight.toFixed()
    },
    ties: tiesOf(r.tieBreaks),
    basis: [...basisOf(checked.rules), national(`${texts.consultation} 第二十四条`, "综合评分法,低价优先法计算价格分")],
    evaluations: [...checked.evaluations, ...(weight.right.evaluation === undefined ? [] : [weight.right.evaluation])]
  })
}

const panelReviewAward: AwardPath = ({ input, panel, procurement: proc }) => {
  const c = input.command
  const settings = traced(input, aggregation, (p) => ({
    aggregation: p.read<Procurement.PanelReviewScoringInput["aggregation"]>("procurement.panelReview.aggregation"),
    minPanelSize: p.read<number>("procurement.panelReview.minPanelSize")
  }))
  if (Either.isLeft(settings)) return Either.left(settings.left)
  const decoded = Procurement.decodePanelReviewInput({
    panel: reviewMembers(panel.members),
    criteriaPublishedOn: proc.documentsIssuedOn,
    scoreDates: proc.scores.map((x) => x.on)
  })
  if (Either.isLeft(decoded)) return Either.left(decoded.left)
  const checked = runStage(input, "panelReview", decoded.right)
  if (checked.errors.length > 0) return violation(c._tag, checked.findings) as Either.Either<never, RuleViolation>
  const result = Procurement.scorePanelReview({
    criteria: criteriaOf(proc),
    proposals: qualifiedBids(proc).map((b) => ({
      supplierId: b.supplierId,
      supplierName: b.supplierName,
      quotedPrice: b.quote.toString(),
      registeredAt: b.at
    })),
    scores: scoresOf(proc),
    aggregation: settings.right.value.aggregation,
    minPanelSize: settings.right.value.minPanelSize
  })
  if (Either.isLeft(result)) return Either.left(result.left)
  const r = result.right
  const winner = proc.bids.find((b) => b.supplierId === r.recommended.supplierId)!
  return Either.right<AwardResult>({
    supplierId: r.recommended.supplierId,
    supplierName: r.recommended.supplierName,
    value: winner.quote,
    ranking: r.ranking.map((x) => ({
      rank: x.rank,
      supplierId: x.supplierId,
      supplierName: x.supplierName,
      ...(x.quotedPrice === undefined ? {} : { quote: x.quotedPrice }),
      nonPriceScore: x.scoreDisplay,
      total: x.scoreDisplay,
      exact: { nonPriceScore: x.scoreExact, total: x.scoreExact },
      fourDecimals: { nonPriceScore: x.scoreFourDecimals, total: x.scoreFourDecimals }
    })),
    tieBreaks: r.tieBreaks.map((t) => t.zh),
    reasons: r.recommended.reasons.map((x) => x.zh),
    rankingBasis: { ...writtenAs, order: r.rankedBy, aggregation: r.aggregation },
    ties: tiesOf(r.tieBreaks),
    basis: [...basisOf(checked.rules), plan("三(五)", "参照政府采购法及本单位内控制度选定服务机构")],
    evaluations: [...checked.evaluations, settings.right.evaluation]
  })
}

const panelReviewBasis = [plan("三(五)", "邀请市应急、人社等部门工作人员或推荐专家组成评审小组")]

/** The panel review's input checks: the panel must decode as a review panel. */
const reviewPanelInput = (input: Input<"AppointPanel">) => {
  const proc = input.state.subProjects[input.command.subProject].procurement!
  return Procurement.decodePanelReviewInput({
    panel: reviewMembers(input.command.members),
    criteriaPublishedOn: proc.documentsIssuedOn,
    scoreDates: []
  })
}

/** 评审小组评审: the hazardous-chemicals sub-project's dispersed procurement (三(五)). */
export const panelReview: ProcurementMethod = {
  id: "panel-review",
  title: { zh: "评审小组评审", en: "panel review" },
  basis: [plan("三(五)", "分散采购,邀请部门工作人员或推荐专家组成评审小组评审打分")],
  guards: {
    AppointPanel: [
      asGuard<"AppointPanel", Procurement.PanelReviewInput>(
        Procurement.panelReviewPanel,
        (input) => Either.getOrUndefined(reviewPanelInput(input))
      )
    ]
  },
  checkPanel: (input) => Either.match(reviewPanelInput(input), { onLeft: (e) => e, onRight: () => undefined }),
  panelBasis: panelReviewBasis,
  award: panelReviewAward
}

/**
 * The consultation documents, when the command states until when they are on offer, are on offer at least
 * `procurement.consultation.documentSaleWorkingDays` (5) working days (财库〔2014〕214号 第十条).
 */
export const consultationDocumentSale = onOffer({
  id: "procurement.consultation.document-sale",
  title: { zh: "磋商文件发售期限", en: "Consultation documents on offer long enough" },
  basis: [national(`${texts.consultation} 第十条`, "磋商文件的发售期限自开始之日起不得少于5个工作日")],
  description:
    "载明磋商文件发售期限的,自发出之日起(当日不计入)不少于参数规定的工作日数(全国为5个工作日),按国务院办公厅放假安排计算工作日。",
  parameter: "procurement.consultation.documentSaleWorkingDays",
  documents: "磋商文件",
  required: false
})

/** 竞争性磋商 (财库〔2014〕214号, 财库〔2015〕124号). */
export const competitiveConsultation: ProcurementMethod = {
  id: "competitive-consultation",
  title: { zh: "竞争性磋商", en: "competitive consultation" },
  basis: [national(texts.consultation), national(texts.consultationServices)],
  guards: {
    StartProcurement: [consultationPeriod, consultationDocumentSale],
    AppointPanel: [
      asGuard<"AppointPanel", Procurement.ConsultationInput>(Procurement.consultationPanel, (input) => {
        const proc = input.state.subProjects[input.command.subProject].procurement!
        return consultationInput(proc, {
          panel: input.command.members.map((m) => ({
            id: m.id,
            name: m.name,
            organisation: m.organisation,
            kind: m.kind
          }))
        })
      })
    ]
  },
  onStart: (p) => ({ priceWeight: p.readOptional<Money.Decimal>("procurement.consultation.priceWeight") }),
  clarificationDays: "procurement.consultation.clarificationDays",
  startBasis: [plan("三(五)"), national(`${texts.consultation} 第十条`)],
  panelBasis: [national(`${texts.consultation} 第十四条`)],
  award: consultationAward
}

export const methods: ReadonlyArray<ProcurementMethod> = [
  panelReview,
  competitiveConsultation,
  publicTender,
  inquiry,
  singleSource
]
