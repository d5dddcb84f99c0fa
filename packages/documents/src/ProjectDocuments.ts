/**
 * The official documents of a project, built from its events and its
 * `Plugin.Config` (parameters and calendar): the annual implementation plan
 * (实施方案) itself, the procurement requirement publicity notice, the
 * review / consultation scoring sheet and result, the payment request and
 * payment notice, the monthly progress briefing, the spot check and
 * key-enterprise follow-up inspection records, the acceptance report and an
 * audit trail extract.
 *
 * Each document is available as a plain function taking unknown input
 * (decoded through `InputError.decodeEither`, so a missing field or a project
 * that has not reached the step yet is a bilingual `InvalidInput`) and as a
 * {@link Templates.Template} registered by {@link layer}; a host replaces any
 * of them with `Templates.replace`.
 *
 * Events may be given decoded (`ProjectEvent.Event`, as `Project.decide`
 * returns them) or in their encoded JSON form (as stored).
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Markdown, ProjectDocuments } from "@gsyf/documents"
 * const doc = ProjectDocuments.acceptanceReport({ config, events, subProject: "keyAreas" })
 * if (Either.isRight(doc)) console.log(Markdown.toMarkdown(doc.right))
 * ```
 *
 * @since 0.1.0
 */
import { InputError, ProjectEvent } from "@gsyf/core"
import type { Plugin } from "@gsyf/core"
import * as Either from "effect/Either"
import type * as Layer from "effect/Layer"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as Document from "./Document.js"
import * as DocumentSettings from "./DocumentSettings.js"
import {
  acceptanceReady,
  acceptanceReport as buildAcceptance,
  auditExtract as buildAudit
} from "./internal/acceptanceDocuments.js"
import {
  amendmentReady,
  amendmentSummary as buildAmendment,
  settlementReady,
  terminationSettlement as buildSettlement
} from "./internal/contractDocuments.js"
import { official } from "./internal/official.js"
import {
  noticeReady,
  paymentNotice as buildPaymentNotice,
  paymentRequest as buildPaymentRequest,
  requestReady
} from "./internal/paymentDocuments.js"
import { filledPlan, implementationPlan as buildPlan } from "./internal/planDocument.js"
import {
  publicityNotice as buildPublicity,
  publicityReady,
  reviewReady,
  reviewResult as buildReview
} from "./internal/procurementDocuments.js"
import { eventsOf, latest } from "./internal/projectFacts.js"
import {
  challengeAnswer as buildChallengeAnswer,
  challengeAnswerReady,
  terminationNotice as buildTermination,
  terminationReady
} from "./internal/recoveryDocuments.js"
import {
  briefingReady,
  followUpReady,
  followUpRecord as buildFollowUp,
  monthlyBriefing as buildBriefing,
  spotCheckReady,
  spotCheckRecord as buildSpotCheck
} from "./internal/supervisionDocuments.js"
import * as PlanTemplate from "./PlanTemplate.js"
import * as Templates from "./Templates.js"

const bilingual = InputError.bilingual

const isConfig = (u: unknown): u is Plugin.Config =>
  typeof u === "object" &&
  u !== null &&
  "parameters" in u &&
  "calendar" in u &&
  "quotaItems" in u &&
  Array.isArray((u as { quotaItems: unknown }).quotaItems) &&
  (u as { parameters: { histories?: unknown } }).parameters?.histories instanceof Map

/**
 * A project configuration as returned by `Plugin.configure` (checked by shape).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConfigInput: Schema.Schema<Plugin.Config> = Schema.declare(isConfig).annotations({
  identifier: "Plugin.Config",
  ...bilingual("须为 Plugin.configure 返回的项目配置", "must be a project configuration returned by Plugin.configure")
})

/**
 * A project event, decoded or in its encoded (stored JSON) form.
 *
 * @since 0.1.0
 * @category schemas
 */
export const EventInput: Schema.Schema<ProjectEvent.Event, unknown> = Schema.Union(
  Schema.typeSchema(ProjectEvent.Event),
  ProjectEvent.Event
) as never

/**
 * A sub-project of the plan: `hazchem` (危险化学品企业工伤预防能力提升培训项目)
 * or `keyAreas` (其他重点领域工伤预防培训宣传项目).
 *
 * @since 0.1.0
 * @category schemas
 */
export const SubProject = Schema.Literal("hazchem", "keyAreas")

const Month = Schema.String.pipe(
  Schema.filter(
    (s) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s),
    bilingual("须为 YYYY-MM 形式的年月", "must be a month written YYYY-MM")
  )
)

const IsoDateText = Schema.String.pipe(
  Schema.filter(
    (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)),
    bilingual("须为 YYYY-MM-DD 形式的日期", "must be a date written YYYY-MM-DD")
  )
)

const source = {
  config: ConfigInput,
  events: Schema.Array(EventInput),
  settings: Schema.optional(DocumentSettings.DocumentSettings)
}

const planDate = (
  i: { readonly events: ReadonlyArray<ProjectEvent.Event>; readonly date?: string | undefined }
): string => i.date ?? eventsOf(i.events, "PlanIssued").at(-1)?.issuedOn ?? latest

/**
 * Input of {@link implementationPlan}: the configuration, the events (for the
 * plan's document number and date, when issued), optional document settings,
 * the date the parameters are read at (default: the date the plan was issued,
 * else their latest values) and optionally the city's own template text
 * (`template`, named `templateFile` in messages; default: the seed plan). Every
 * blank of a required clause must have a value; problems name `file:line`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ImplementationPlanInput = Schema.Struct({
  ...source,
  date: Schema.optional(IsoDateText),
  template: Schema.optional(Schema.String),
  templateFile: Schema.optional(Schema.String.pipe(Schema.maxLength(500)))
}).pipe(
  Schema.transformOrFail(
    Schema.typeSchema(
      Schema.Struct({
        ...source,
        date: Schema.optional(IsoDateText),
        template: Schema.optional(Schema.declare((u): u is PlanTemplate.PlanTemplate => typeof u === "object"))
      })
    ),
    {
      strict: false,
      decode: ({ templateFile, ...i }, _, ast) => {
        const parsed = i.template === undefined
          ? Either.right(PlanTemplate.seed)
          : PlanTemplate.parse(i.template, templateFile ?? "template")
        const filled = Either.flatMap(
          parsed,
          (template) => Either.map(filledPlan({ ...i, template }, planDate(i)), () => ({ ...i, template }))
        )
        return Either.mapLeft(filled, (e) => new ParseResult.Type(ast, i, e.message))
      },
      encode: (i) => ParseResult.fail(new ParseResult.Forbidden(Schema.Unknown.ast, i, "one-way"))
    }
  )
)

/**
 * Input of {@link publicityNotice}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PublicityNoticeInput = Schema.Struct({ ...source, subProject: SubProject }).pipe(
  Schema.filter(
    (i) => publicityReady(i, i.subProject),
    bilingual("该子项目尚未开始采购需求公示", "the sub-project's requirement publicity has not started")
  )
)

/**
 * Input of {@link reviewResult}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ReviewResultInput = Schema.Struct({ ...source, subProject: SubProject }).pipe(
  Schema.filter(
    (i) => reviewReady(i, i.subProject),
    bilingual("该子项目尚未完成评审并确定中标(成交)供应商", "the sub-project has no award yet")
  )
)

/**
 * The kind of a payment: `advance` (预付款) or `balance` (余款).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PaymentKind = Schema.Literal("advance", "balance")

/**
 * Input of {@link paymentRequest}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PaymentRequestInput = Schema.Struct({ ...source, subProject: SubProject, kind: PaymentKind }).pipe(
  Schema.filter(
    (i) => requestReady(i, i.subProject, i.kind),
    bilingual(
      "尚不能申请该笔款项:预付款须先签订合同且合同约定预付款,余款须先验收合格",
      "the payment cannot be requested: the advance needs a signed contract with an advance, the balance a passed acceptance"
    )
  )
)

/**
 * Input of {@link paymentNotice}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PaymentNoticeInput = Schema.Struct({ ...source, subProject: SubProject, kind: PaymentKind }).pipe(
  Schema.filter(
    (i) => noticeReady(i, i.subProject, i.kind),
    bilingual("该笔款项尚未支付", "the payment has not been made")
  )
)

/**
 * Input of {@link monthlyBriefing}: the month as `YYYY-MM`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MonthlyBriefingInput = Schema.Struct({ ...source, subProject: SubProject, month: Month }).pipe(
  Schema.filter(
    (i) => briefingReady(i, i.subProject, i.month),
    bilingual("该月底前该子项目尚未签订合同", "no contract was signed for the sub-project by the end of that month")
  )
)

/**
 * Input of {@link spotCheckRecord}: one check by its event id, or all checks of the sub-project.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SpotCheckRecordInput = Schema.Struct({
  ...source,
  subProject: SubProject,
  eventId: Schema.optional(Schema.String)
}).pipe(
  Schema.filter(
    (i) => spotCheckReady(i, i.subProject, i.eventId),
    bilingual("没有该子项目的抽查记录", "no spot check recorded for the sub-project")
  )
)

/**
 * Input of {@link followUpRecord}: one key enterprise, or all of them.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FollowUpRecordInput = Schema.Struct({ ...source, enterprise: Schema.optional(Schema.String) }).pipe(
  Schema.filter(
    (i) => followUpReady(i, i.enterprise),
    bilingual("没有重点企业回访巡查(第三步)记录", "no key-enterprise follow-up (step 3) recorded")
  )
)

/**
 * Input of {@link acceptanceReport}: one attempt, or the latest evaluation.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AcceptanceReportInput = Schema.Struct({
  ...source,
  subProject: SubProject,
  attempt: Schema.optional(Schema.Int.pipe(Schema.positive()))
}).pipe(
  Schema.filter(
    (i) => acceptanceReady(i, i.subProject, i.attempt),
    bilingual("该子项目尚无(该次)验收评估结果", "the sub-project has no acceptance evaluation (for that attempt)")
  )
)

/**
 * A stored event with its hash links and the record its data names, as `EventStore` returns it.
 *
 * @since 0.1.0
 * @category schemas
 */
export const StoredEventInput = Schema.Struct({
  streamId: Schema.String,
  position: Schema.Int,
  globalPosition: Schema.optional(Schema.Int),
  type: Schema.String,
  schemaVersion: Schema.Int,
  data: Schema.Unknown,
  commandId: Schema.String,
  recordedAt: Schema.String,
  prevHash: Schema.String,
  hash: Schema.String,
  /** The record the data names (who acted, the legal basis, the rules evaluated), as the store gives it. */
  record: Schema.optional(
    Schema.Struct({ ref: Schema.String, json: Schema.String, value: Schema.optional(Schema.Unknown) })
  )
})

/**
 * Input of {@link auditExtract}: the stored events (every stream from position
 * 1, so that the chain can be verified), the range to list, and optional
 * subject, issuer and date.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AuditExtractInput = Schema.Struct({
  events: Schema.Array(StoredEventInput),
  streamId: Schema.optional(Schema.String),
  fromPosition: Schema.optional(Schema.Int),
  toPosition: Schema.optional(Schema.Int),
  subject: Schema.optional(Schema.String),
  issuer: Schema.optional(Schema.String),
  date: Schema.optional(IsoDateText),
  settings: Schema.optional(DocumentSettings.DocumentSettings),
  config: Schema.optional(ConfigInput)
})

const builder =
  <A, I>(schema: Schema.Schema<A, I, never>, subject: string, build: (a: A) => Document.Document) =>
  (input: unknown): Either.Either<Document.Document, InputError.InvalidInput> =>
    Either.map(InputError.decodeEither(schema, subject)(input), (a) => official(build(a)))

/**
 * The annual implementation plan (实施方案) with every section of the seed
 * plan (开头, 一 to 七) filled in from the parameters.
 *
 * @since 0.1.0
 * @category builders
 */
export const implementationPlan = builder(
  ImplementationPlanInput,
  "ProjectDocuments.implementationPlan",
  (i) => buildPlan(i, planDate(i))
)

/**
 * Input of {@link terminationNotice}.
 *
 * @since 0.2.0
 * @category schemas
 */
export const TerminationNoticeInput = Schema.Struct({ ...source, subProject: SubProject }).pipe(
  Schema.filter(
    (i) => terminationReady(i, i.subProject),
    bilingual("该子项目没有终止的采购", "the sub-project has no terminated procurement")
  )
)

/**
 * Input of {@link challengeAnswer}.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ChallengeAnswerInput = Schema.Struct({ ...source, subProject: SubProject }).pipe(
  Schema.filter(
    (i) => challengeAnswerReady(i, i.subProject),
    bilingual("该子项目没有已答复的质疑", "the sub-project has no answered challenge")
  )
)

/**
 * The termination notice (终止公告) of the sub-project's last terminated procurement round (三(五)).
 *
 * @since 0.2.0
 * @category builders
 */
export const terminationNotice = builder(
  TerminationNoticeInput,
  "ProjectDocuments.terminationNotice",
  (i) => buildTermination(i, i.subProject)
)

/**
 * The answer to a supplier's challenge (质疑答复) of the sub-project's result (三(五)).
 *
 * @since 0.2.0
 * @category builders
 */
export const challengeAnswer = builder(
  ChallengeAnswerInput,
  "ProjectDocuments.challengeAnswer",
  (i) => buildChallengeAnswer(i, i.subProject)
)

/**
 * Input of {@link amendmentSummary}.
 *
 * @since 0.2.0
 * @category schemas
 */
export const AmendmentSummaryInput = Schema.Struct({ ...source, subProject: SubProject }).pipe(
  Schema.filter(
    (i) => amendmentReady(i, i.subProject),
    bilingual("该子项目没有补充合同", "the sub-project has no supplementary contract")
  )
)

/**
 * Input of {@link terminationSettlement}.
 *
 * @since 0.2.0
 * @category schemas
 */
export const TerminationSettlementInput = Schema.Struct({ ...source, subProject: SubProject }).pipe(
  Schema.filter(
    (i) => settlementReady(i, i.subProject),
    bilingual("该子项目的合同没有解除", "the sub-project's contract is not terminated")
  )
)

/**
 * The summary of the sub-project's last supplementary contract (补充合同摘要): the original amount, this
 * supplement, the total of all supplements and its share of the original (政府采购法 第四十九条).
 *
 * @since 0.2.0
 * @category builders
 */
export const amendmentSummary = builder(
  AmendmentSummaryInput,
  "ProjectDocuments.amendmentSummary",
  (i) => buildAmendment(i, i.subProject)
)

/**
 * The settlement of the sub-project's terminated contract (合同终止结算单): what was paid, the work value, what is
 * still owed or to be refunded (民法典 第五百六十六条).
 *
 * @since 0.2.0
 * @category builders
 */
export const terminationSettlement = builder(
  TerminationSettlementInput,
  "ProjectDocuments.terminationSettlement",
  (i) => buildSettlement(i, i.subProject)
)

/**
 * The procurement requirement publicity notice (三(四)) with its computed
 * start and end dates, day by day.
 *
 * @since 0.1.0
 * @category builders
 */
export const publicityNotice = builder(
  PublicityNoticeInput,
  "ProjectDocuments.publicityNotice",
  (i) => buildPublicity(i, i.subProject)
)

/**
 * The review / consultation scoring sheet and result (三(五)): panel, criteria,
 * each member's scores, the ranking with price and non-price scores, tie-breaks and reasons.
 *
 * @since 0.1.0
 * @category builders
 */
export const reviewResult = builder(
  ReviewResultInput,
  "ProjectDocuments.reviewResult",
  (i) => buildReview(i, i.subProject)
)

/**
 * The service provider's request for the advance or the balance (六(二)).
 *
 * @since 0.1.0
 * @category builders
 */
export const paymentRequest = builder(
  PaymentRequestInput,
  "ProjectDocuments.paymentRequest",
  (i) => buildPaymentRequest(i, i.subProject, i.kind)
)

/**
 * The agency's payment notice for the advance or the balance: amount in
 * figures and capital letters, payee, contract, checks and legal basis.
 *
 * @since 0.1.0
 * @category builders
 */
export const paymentNotice = builder(
  PaymentNoticeInput,
  "ProjectDocuments.paymentNotice",
  (i) => buildPaymentNotice(i, i.subProject, i.kind)
)

/**
 * The monthly plan and progress briefing (三(八)) with quota progress at the end of the month.
 *
 * @since 0.1.0
 * @category builders
 */
export const monthlyBriefing = builder(
  MonthlyBriefingInput,
  "ProjectDocuments.monthlyBriefing",
  (i) => buildBriefing(i, i.subProject, i.month)
)

/**
 * The agency's spot check record (三(八)).
 *
 * @since 0.1.0
 * @category builders
 */
export const spotCheckRecord = builder(
  SpotCheckRecordInput,
  "ProjectDocuments.spotCheckRecord",
  (i) => buildSpotCheck(i, i.subProject, i.eventId)
)

/**
 * The key-enterprise follow-up inspection record (四(二) 一是 第三步).
 *
 * @since 0.1.0
 * @category builders
 */
export const followUpRecord = builder(
  FollowUpRecordInput,
  "ProjectDocuments.followUpRecord",
  (i) => buildFollowUp(i, i.enterprise)
)

/**
 * The acceptance report (三(九)): every quota item with required, delivered
 * and verdict, the performance targets, the conclusion, the rectification
 * order with its deadline when failed, and the signature block.
 *
 * @since 0.1.0
 * @category builders
 */
export const acceptanceReport = builder(
  AcceptanceReportInput,
  "ProjectDocuments.acceptanceReport",
  (i) => buildAcceptance(i, i.subProject, i.attempt)
)

/**
 * An extract of the audit trail with its verification status (`AuditTrail.verify`).
 *
 * @since 0.1.0
 * @category builders
 */
export const auditExtract = builder(AuditExtractInput, "ProjectDocuments.auditExtract", buildAudit)

/**
 * The template kinds of the project documents.
 *
 * @since 0.1.0
 * @category constants
 */
export const kinds = {
  implementationPlan: "implementation-plan",
  publicityNotice: "publicity-notice",
  reviewResult: "review-result",
  terminationNotice: "termination-notice",
  challengeAnswer: "challenge-answer",
  amendmentSummary: "amendment-summary",
  terminationSettlement: "termination-settlement",
  paymentRequest: "payment-request",
  paymentNotice: "payment-notice",
  monthlyBriefing: "monthly-briefing",
  spotCheckRecord: "spot-check-record",
  followUpRecord: "follow-up-inspection-record",
  acceptanceReport: "acceptance-report",
  auditExtract: "audit-trail-extract"
} as const

const name = "@gsyf/documents ProjectDocuments"

const template = <A, I>(
  kind: string,
  description: string,
  input: Schema.Schema<A, I, never>,
  build: (a: A) => Document.Document
): Templates.Template<A> => Templates.make({ kind, name, description, input, build: (a) => official(build(a)) })

/**
 * The templates of the project documents, in the order of the lifecycle.
 *
 * @since 0.1.0
 * @category templates
 */
export const templates: ReadonlyArray<Templates.Template> = [
  template(
    kinds.implementationPlan,
    "年度工伤预防项目工作实施方案",
    ImplementationPlanInput,
    (i) => buildPlan(i, planDate(i))
  ),
  template(kinds.publicityNotice, "采购需求公示", PublicityNoticeInput, (i) => buildPublicity(i, i.subProject)),
  template(kinds.reviewResult, "评审(磋商)打分汇总表及结果", ReviewResultInput, (i) => buildReview(i, i.subProject)),
  template(kinds.terminationNotice, "终止公告", TerminationNoticeInput, (i) => buildTermination(i, i.subProject)),
  template(kinds.challengeAnswer, "质疑答复", ChallengeAnswerInput, (i) => buildChallengeAnswer(i, i.subProject)),
  template(kinds.amendmentSummary, "补充合同摘要", AmendmentSummaryInput, (i) => buildAmendment(i, i.subProject)),
  template(
    kinds.terminationSettlement,
    "合同终止结算单",
    TerminationSettlementInput,
    (i) => buildSettlement(i, i.subProject)
  ),
  template(kinds.paymentRequest, "付款申请", PaymentRequestInput, (i) => buildPaymentRequest(i, i.subProject, i.kind)),
  template(kinds.paymentNotice, "支付通知", PaymentNoticeInput, (i) => buildPaymentNotice(i, i.subProject, i.kind)),
  template(
    kinds.monthlyBriefing,
    "月度项目计划及进展简报",
    MonthlyBriefingInput,
    (i) => buildBriefing(i, i.subProject, i.month)
  ),
  template(kinds.spotCheckRecord, "抽查记录", SpotCheckRecordInput, (i) => buildSpotCheck(i, i.subProject, i.eventId)),
  template(kinds.followUpRecord, "重点企业回访巡查记录", FollowUpRecordInput, (i) => buildFollowUp(i, i.enterprise)),
  template(
    kinds.acceptanceReport,
    "验收报告",
    AcceptanceReportInput,
    (i) => buildAcceptance(i, i.subProject, i.attempt)
  ),
  template(kinds.auditExtract, "审计追踪摘录", AuditExtractInput, buildAudit)
]

/**
 * A {@link Templates.Templates} layer holding the project document templates
 * (plus any extra templates given); replace one with `Templates.replace`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  ...extra: ReadonlyArray<Templates.Template>
): Layer.Layer<Templates.Templates, Templates.DuplicateTemplate> => Templates.layer(...templates, ...extra)
