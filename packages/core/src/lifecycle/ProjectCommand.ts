/**
 * The commands that drive a project through the lifecycle of 实施方案 三 to 七.
 * Every command carries a command id (a retried command is recognised and not
 * applied twice), who gives it and when. Which roles may give each command is
 * listed in {@link allowedRoles}.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Actor, type Role } from "../kernel/Actor.js"
import { bilingual } from "../kernel/InputError.js"
import { IsoDate, IsoDateTime } from "../kernel/IsoDate.js"
import * as Money from "../kernel/Money.js"
import * as Deliverable from "./Deliverable.js"
import { Kind as PaymentKind, Payee } from "./Payment.js"
import * as Procurement from "./Procurement.js"

const Text = Schema.String.pipe(Schema.filter((s) => s.trim().length > 0, bilingual("不能为空", "must not be empty")))
const Id = Text
const SubProject = Schema.Literal("hazchem", "keyAreas")
const Month = Schema.String.pipe(
  Schema.filter(
    (s) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s),
    bilingual("须为 YYYY-MM 形式的年月", "must be a month as YYYY-MM")
  )
)
const Whole = Schema.Number.pipe(
  Schema.filter((n) => Number.isInteger(n) && n >= 1, bilingual("须为正整数", "must be a whole number ≥ 1"))
)

const envelope = {
  /** Unique per command; a retry with the same id is not applied twice. */
  commandId: Id,
  actor: Actor,
  /** When the command is given (ISO 8601 instant). Its date in China Standard Time is the date of the act. */
  at: IsoDateTime
}

const Decimal = Money.DecimalFromInput

/**
 * A scoring criterion published in the procurement documents.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Criterion = Procurement.Criterion

/**
 * A member of a review or consultation panel. For the dispersed review panel
 * (三(五)) `organisationKind` says which body the member comes from or was
 * recommended by.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PanelMember = Schema.Struct({
  ...Procurement.PanelMember.fields,
  organisationKind: Schema.optional(Procurement.OrganisationKind),
  recommendedBy: Schema.optional(Procurement.Recommender)
})

/**
 * All commands.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Command = Schema.Union(
  // 三(一) key areas
  Schema.TaggedStruct("SelectKeyAreas", {
    ...envelope,
    /** Per-industry statistics; checked by `KeyAreas.select` (unknown GB/T 4754 codes are rejected). */
    stats: Schema.Array(Schema.Unknown),
    top: Whole,
    weighting: Schema.optional(Schema.Unknown),
    mandated: Schema.optional(Schema.Array(Schema.Unknown))
  }),
  // 三(二) sub-projects and the plan
  Schema.TaggedStruct("RecordMemberOpinion", { ...envelope, opinion: Text, agrees: Schema.Boolean }),
  Schema.TaggedStruct("IssuePlan", { ...envelope, documentNumber: Text }),
  Schema.TaggedStruct("ProvideKeyEnterpriseList", { ...envelope, enterprises: Schema.Array(Text) }),
  // 三(三) budget
  Schema.TaggedStruct("SubmitBudget", { ...envelope, note: Schema.optional(Text) }),
  Schema.TaggedStruct("ApproveBudget", { ...envelope, note: Schema.optional(Text) }),
  Schema.TaggedStruct("ReturnBudget", { ...envelope, reasons: Schema.Array(Text) }),
  // 三(四) publicity
  Schema.TaggedStruct("StartPublicity", { ...envelope, subProject: SubProject, startsOn: IsoDate }),
  Schema.TaggedStruct("RecordObjection", { ...envelope, subProject: SubProject, receivedOn: IsoDate, objection: Text }),
  Schema.TaggedStruct("ResolveObjection", { ...envelope, subProject: SubProject, objectionId: Id, response: Text }),
  // 三(五) procurement
  Schema.TaggedStruct("StartProcurement", {
    ...envelope,
    subProject: SubProject,
    method: Text,
    documentsIssuedOn: IsoDate,
    responseDeadline: IsoDate,
    criteria: Schema.Array(Criterion),
    governmentPurchasedService: Schema.Boolean,
    /** Goods or services: the price-weight range of a consultation depends on it. */
    category: Schema.optionalWith(Schema.Literal("goods", "services"), { default: () => "services" as const })
  }),
  Schema.TaggedStruct("SubmitBid", {
    ...envelope,
    subProject: SubProject,
    supplierId: Id,
    supplierName: Text,
    quote: Money.Yuan,
    proposal: Schema.optional(Text)
  }),
  Schema.TaggedStruct("AppointPanel", { ...envelope, subProject: SubProject, members: Schema.Array(PanelMember) }),
  Schema.TaggedStruct("SubmitScores", {
    ...envelope,
    subProject: SubProject,
    scores: Schema.Array(Schema.Struct({ supplierId: Id, criterionId: Id, points: Decimal }))
  }),
  Schema.TaggedStruct("Award", {
    ...envelope,
    subProject: SubProject,
    /** A finance-department approval for a price weight outside the legal range, if any. */
    financeApproval: Schema.optional(Procurement.FinanceApproval)
  }),
  // 三(六) contract and payments
  Schema.TaggedStruct("SignContract", {
    ...envelope,
    subProject: SubProject,
    contractId: Id,
    supplierId: Id,
    amount: Money.Yuan,
    payee: Payee,
    qualityRequirements: Schema.Array(Text)
  }),
  Schema.TaggedStruct("MakePayment", {
    ...envelope,
    subProject: SubProject,
    kind: PaymentKind,
    amount: Money.Yuan,
    payee: Payee,
    voucher: Schema.optional(Text)
  }),
  // 三(七) implementation
  Schema.TaggedStruct("SubmitImplementationPlan", {
    ...envelope,
    subProject: SubProject,
    summary: Text,
    activities: Schema.Array(Text)
  }),
  Schema.TaggedStruct("ReviewImplementationPlan", {
    ...envelope,
    subProject: SubProject,
    decision: Schema.Literal("approve", "return"),
    reasons: Schema.optional(Schema.Array(Text))
  }),
  Schema.TaggedStruct("SubmitMaterialDesign", { ...envelope, designId: Id, materialType: Text, title: Text }),
  Schema.TaggedStruct("ReviewMaterialDesign", {
    ...envelope,
    designId: Id,
    decision: Schema.Literal("approve", "return"),
    reasons: Schema.optional(Schema.Array(Text))
  }),
  Schema.TaggedStruct("RecordDeliverable", { ...envelope, evidence: Deliverable.Evidence }),
  Schema.TaggedStruct("CorrectDeliverable", {
    ...envelope,
    correctsEventId: Id,
    reason: Text,
    replacement: Schema.optional(Deliverable.Evidence)
  }),
  // 三(八) supervision
  Schema.TaggedStruct("SubmitMonthlyBriefing", {
    ...envelope,
    subProject: SubProject,
    month: Month,
    plannedActivities: Schema.Array(Text),
    progress: Text
  }),
  Schema.TaggedStruct("RecordSpotCheck", {
    ...envelope,
    subProject: SubProject,
    activity: Text,
    observations: Schema.Array(Text),
    satisfactory: Schema.Boolean
  }),
  Schema.TaggedStruct("ReportProgress", { ...envelope, summary: Text }),
  // 三(九) acceptance and filing
  Schema.TaggedStruct("ApplyForAcceptance", {
    ...envelope,
    subProject: SubProject,
    receipts: Schema.Array(Schema.Struct({ number: Text, amount: Money.Yuan, issuer: Schema.optional(Text) })),
    details: Text
  }),
  Schema.TaggedStruct("EvaluateAcceptance", {
    ...envelope,
    subProject: SubProject,
    experts: Schema.Array(Schema.Struct({ id: Id, name: Text, organisation: Text })),
    performanceTargets: Schema.Array(Schema.Struct({ name: Text, target: Text, actual: Text, met: Schema.Boolean })),
    remarks: Schema.optional(Text)
  }),
  Schema.TaggedStruct("FileAcceptanceReport", { ...envelope, subProject: SubProject, reportNumber: Text })
).annotations({ identifier: "Command" })

/**
 * @since 0.1.0
 * @category models
 */
export type Command = typeof Command.Type

/**
 * The name of a command.
 *
 * @since 0.1.0
 * @category models
 */
export type Name = Command["_tag"]

/**
 * Who may give each command (实施方案 二(一), 三, 七).
 *
 * @since 0.1.0
 * @category constants
 */
export const allowedRoles: { readonly [K in Name]: ReadonlyArray<Role> } = {
  SelectKeyAreas: ["hrss-bureau"],
  RecordMemberOpinion: ["member-unit"],
  IssuePlan: ["committee"],
  ProvideKeyEnterpriseList: ["committee"],
  SubmitBudget: ["hrss-bureau"],
  ApproveBudget: ["finance-bureau"],
  ReturnBudget: ["finance-bureau"],
  StartPublicity: ["agency"],
  RecordObjection: ["employer", "public", "provider", "member-unit"],
  ResolveObjection: ["agency"],
  StartProcurement: ["agency"],
  SubmitBid: ["provider"],
  AppointPanel: ["agency"],
  SubmitScores: ["expert"],
  Award: ["agency"],
  SignContract: ["agency"],
  MakePayment: ["agency"],
  SubmitImplementationPlan: ["provider"],
  ReviewImplementationPlan: ["agency"],
  SubmitMaterialDesign: ["provider"],
  ReviewMaterialDesign: ["agency"],
  RecordDeliverable: ["provider"],
  CorrectDeliverable: ["provider", "agency"],
  SubmitMonthlyBriefing: ["provider"],
  RecordSpotCheck: ["agency"],
  ReportProgress: ["agency"],
  ApplyForAcceptance: ["provider"],
  EvaluateAcceptance: ["agency"],
  FileAcceptanceReport: ["agency"]
}

/**
 * The names of all commands.
 *
 * @since 0.1.0
 * @category constants
 */
export const names: ReadonlyArray<Name> = Object.keys(allowedRoles) as Array<Name>
