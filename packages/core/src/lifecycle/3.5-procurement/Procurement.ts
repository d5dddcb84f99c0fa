/**
 * 实施方案 三(五): procuring the two sub-projects.
 *
 * - The key-areas training and publicity sub-project is bought by
 *   **competitive consultation** (竞争性磋商, 财库〔2014〕214号, with the
 *   two-supplier exception of 财库〔2015〕124号 for government-purchased
 *   services). {@link consultationRules} check the supplier count, the panel,
 *   the document period and the price weight; {@link scoreConsultation} runs the
 *   comprehensive scoring (综合评分法, low-price-first price score).
 * - The hazardous-chemicals training sub-project is bought **dispersedly**
 *   (分散采购): the social-insurance agency invites staff of the emergency
 *   management (应急) and human resources and social security (人社)
 *   departments, or experts those departments recommend, to a review panel
 *   that scores the proposals. {@link panelReviewRules} check the panel and
 *   that the criteria were published before scoring; {@link scorePanelReview}
 *   aggregates the panel's scores.
 *
 * Every score is computed as an exact fraction and ranked on it; the decimals
 * shown are derived from the fractions, and displayed totals are rounded
 * half-up to 2 decimals only for display.
 *
 * @since 0.1.0
 */
import type { Decimal as DecimalJs } from "decimal.js"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { type Bilingual, bilingual, decodeEither, InputIssue, InvalidInput } from "../../kernel/InputError.js"
import * as Days from "../../kernel/internal/days.js"
import * as X from "../../kernel/internal/exactInput.js"
import * as Q from "../../kernel/internal/rational.js"
import { gsyf, national, plan, texts } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import * as Rule from "../../rules/Rule.js"
import type * as Parameter from "../Parameter.js"
import * as S from "./internal/scoring.js"

type V = Parameter.Values

// ── Panels ──────────────────────────────────────────────────────────────────

/**
 * What a panel member is: a representative of the purchaser (采购人代表), an
 * evaluation expert (评审专家), or staff of a government department (部门工作人员).
 *
 * @since 0.1.0
 * @category models
 */
export const MemberKind = Schema.Literal("purchaser-representative", "expert", "department-staff")

/**
 * @since 0.1.0
 * @category models
 */
export type MemberKind = typeof MemberKind.Type

const memberFields = {
  id: X.NonEmptyText,
  name: X.NonEmptyText,
  organisation: X.NonEmptyText,
  kind: MemberKind
}

/**
 * A member of a consultation panel (磋商小组).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PanelMember = Schema.Struct(memberFields)

/**
 * @since 0.1.0
 * @category models
 */
export type PanelMember = typeof PanelMember.Type

/**
 * Where a member of the dispersed-procurement review panel comes from. The
 * plan (三(五)) names staff of the emergency management department
 * (`emergency-management`, 应急), of the human resources and social security
 * department (`human-resources-social-security`, 人社), "等" other departments,
 * or experts a department recommends (`recommended-expert`, with
 * `recommendedBy`). The kinds a city accepts are the parameter
 * `procurement.panelReview.organisationKinds`; any other kind (`other`, or a
 * department the city did not list) is refused by the rule.
 *
 * @since 0.1.0
 * @category models
 */
export const OrganisationKind = X.NonEmptyText

/**
 * @since 0.1.0
 * @category models
 */
export type OrganisationKind = typeof OrganisationKind.Type

/**
 * The organisation kinds the plan names for the review panel (the default of
 * `procurement.panelReview.organisationKinds`).
 *
 * @since 0.1.0
 * @category constants
 */
export const allowedReviewOrganisations: ReadonlyArray<OrganisationKind> = [
  "emergency-management",
  "human-resources-social-security",
  "recommended-expert"
]

/**
 * The department that recommended an expert: one of the accepted organisation kinds.
 *
 * @since 0.1.0
 * @category models
 */
export const Recommender = X.NonEmptyText

/**
 * A member of the review panel of the dispersed procurement.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PanelReviewMember = Schema.Struct({
  ...memberFields,
  organisationKind: OrganisationKind,
  recommendedBy: X.optional(Recommender)
})

/**
 * @since 0.1.0
 * @category models
 */
export type PanelReviewMember = typeof PanelReviewMember.Type

const withUniqueIds = <A extends { readonly id: string }, I>(
  schema: Schema.Schema<ReadonlyArray<A>, I>,
  zh: string,
  en: string
) =>
  schema.pipe(
    Schema.filter((items: ReadonlyArray<A>) => X.duplicates<A>(items, (m) => m.id).length === 0, bilingual(zh, en))
  )

// ── Competitive consultation: input and rules ───────────────────────────────

/**
 * A finance-department approval of a price weight outside the range
 * (财库〔2014〕214号 第二十四条: 须经本级人民政府财政部门审核同意).
 *
 * @since 0.1.0
 * @category schemas
 */
export const FinanceApproval = Schema.Struct({
  document: X.NonEmptyText,
  approvedOn: X.IsoDate,
  /** The weight approved, when the approval names one; it must then equal the weight used. */
  priceWeight: X.optional(X.Percent)
})

/**
 * What the consultation rules check.
 *
 * - `category`: goods or services (the price-weight range depends on it).
 * - `governmentPurchasedService`: the project is a 政府购买服务 project (财库〔2015〕124号).
 * - `qualifiedSuppliers`: the suppliers that meet the requirements at the stage checked.
 * - `documentsIssuedOn`, `firstResponseDeadline`: dates of the 磋商文件 and of the deadline for first responses.
 * - `priceWeight`: the price weight in percent; when absent, the parameter
 *   `procurement.consultation.priceWeight` is read.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConsultationInput = Schema.Struct({
  category: Schema.Literal("goods", "services"),
  governmentPurchasedService: X.optional(Schema.Boolean),
  qualifiedSuppliers: withUniqueIds(
    Schema.Array(Schema.Struct({ id: X.NonEmptyText, name: X.NonEmptyText })),
    "供应商不能重复",
    "a supplier must not be listed twice"
  ),
  panel: withUniqueIds(Schema.Array(PanelMember), "磋商小组成员不能重复", "a panel member must not be listed twice"),
  documentsIssuedOn: X.IsoDate,
  firstResponseDeadline: X.IsoDate,
  /**
   * The last day of the minimum period from `documentsIssuedOn` as the calendar counts it, rolled over rest days and
   * holidays (the lifecycle gives it; absent, the period's raw last day is used).
   */
  minimumPeriodEnd: X.optional(X.IsoDate),
  priceWeight: X.optional(X.Percent),
  financeApproval: X.optional(FinanceApproval)
})

/**
 * @since 0.1.0
 * @category models
 */
export type ConsultationInput = typeof ConsultationInput.Type

/**
 * Decodes a {@link ConsultationInput} from unknown input.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeConsultationInput = decodeEither(ConsultationInput, "ConsultationInput")

const consultationBasis = (article: string, note?: string) => national(`${texts.consultation} ${article}`, note)

const pct = (d: DecimalJs): string => `${d.toFixed()}%`

/**
 * At least `procurement.consultation.minSuppliers` (3) qualified suppliers.
 * Exactly 2 may continue only for a government-purchased service when
 * `procurement.consultation.allowTwoForServices` is true (财库〔2015〕124号);
 * with 1 or none the consultation must stop and be run again.
 *
 * @since 0.1.0
 * @category rules
 */
export const minSuppliers = Rule.make<ConsultationInput>({
  id: "procurement.consultation.min-suppliers",
  title: { zh: "磋商供应商家数", en: "Number of suppliers in a consultation" },
  section: "三(五)",
  basis: [
    consultationBasis("第六条", "邀请不少于3家符合相应资格条件的供应商"),
    national(texts.consultationServices, "政府购买服务项目符合要求的供应商只有2家的,磋商可以继续进行")
  ],
  reads: ["procurement.consultation.minSuppliers", "procurement.consultation.allowTwoForServices"],
  description:
    "符合条件的供应商不少于规定家数(默认3家)。只有2家时,仅政府购买服务项目且参数允许时可以继续(财库〔2015〕124号);只有1家或没有时,必须终止磋商并重新组织采购。",
  evaluate: (input, p) => {
    const f = Rule.findings("procurement.consultation.min-suppliers")
    const min = p.read<V["procurement.consultation.minSuppliers"]>("procurement.consultation.minSuppliers")
    const n = input.qualifiedSuppliers.length
    const path = "qualifiedSuppliers"
    if (n >= min) return []
    const expected = `≥ ${min}`
    if (n <= 1) {
      return [
        f.error(
          path,
          `符合条件的供应商只有 ${n} 家,必须终止竞争性磋商,重新开展采购活动`,
          `only ${n} qualified supplier(s): the consultation must stop and be run again`,
          expected,
          String(n)
        )
      ]
    }
    if (n === 2) {
      const allowTwo = p.read<V["procurement.consultation.allowTwoForServices"]>(
        "procurement.consultation.allowTwoForServices"
      )
      const isService = input.category === "services" && input.governmentPurchasedService === true
      if (isService && allowTwo) {
        return [
          f.info(
            path,
            "政府购买服务项目符合条件的供应商只有2家,依财库〔2015〕124号磋商可以继续进行",
            "a government-purchased service with 2 qualified suppliers may continue (财库〔2015〕124号)",
            expected,
            "2"
          )
        ]
      }
      const why = !isService
        ? {
          zh: "只有政府购买服务项目在符合条件的供应商为2家时可以继续",
          en: "only a government-purchased service may continue with 2 suppliers"
        }
        : {
          zh: "参数不允许政府购买服务项目以2家继续",
          en: "the parameters do not allow services to continue with 2 suppliers"
        }
      return [
        f.error(
          path,
          `符合条件的供应商只有2家,少于 ${min} 家;${why.zh}`,
          `only 2 qualified suppliers, fewer than ${min}; ${why.en}`,
          expected,
          "2"
        )
      ]
    }
    return [
      f.error(
        path,
        `符合条件的供应商 ${n} 家,少于 ${min} 家`,
        `${n} qualified suppliers, fewer than ${min}`,
        expected,
        String(n)
      )
    ]
  }
})

const parseFraction = (s: string): readonly [number, number] => {
  const [num, den] = s.split("/").map(Number) as [number, number]
  return [num, den]
}

/**
 * The consultation panel: at least `procurement.consultation.minPanelSize` (3)
 * members, an odd number, and experts at least `procurement.consultation.expertShare`
 * (2/3) of them, compared exactly on integers (`experts × den ≥ size × num`).
 * Purchaser representatives and department staff count as non-experts.
 *
 * @since 0.1.0
 * @category rules
 */
export const consultationPanel = Rule.make<ConsultationInput>({
  id: "procurement.consultation.panel",
  title: { zh: "磋商小组组成", en: "Consultation panel composition" },
  section: "三(五)",
  basis: [
    consultationBasis("第十四条", "磋商小组由采购人代表和评审专家共3人以上单数组成,评审专家人数不得少于成员总数的2/3")
  ],
  reads: ["procurement.consultation.minPanelSize", "procurement.consultation.expertShare"],
  description: "磋商小组人数不少于规定人数(默认3人)且为单数,评审专家不少于成员总数的规定比例(默认2/3),以整数精确比较。",
  evaluate: (input, p) => {
    const f = Rule.findings("procurement.consultation.panel")
    const min = p.read<V["procurement.consultation.minPanelSize"]>("procurement.consultation.minPanelSize")
    const share = p.read<V["procurement.consultation.expertShare"]>("procurement.consultation.expertShare")
    const [num, den] = parseFraction(share)
    const size = input.panel.length
    const experts = input.panel.filter((m) => m.kind === "expert").length
    const out: Array<Rule.Finding> = []
    if (size < min) {
      out.push(
        f.error(
          "panel",
          `磋商小组 ${size} 人,少于 ${min} 人`,
          `the panel has ${size} members, fewer than ${min}`,
          `≥ ${min}`,
          String(size)
        )
      )
    }
    if (size % 2 === 0) {
      out.push(
        f.error(
          "panel",
          `磋商小组 ${size} 人,应为单数`,
          `the panel has ${size} members; it must be an odd number`,
          "odd",
          String(size)
        )
      )
    }
    if (experts * den < size * num) {
      out.push(
        f.error(
          "panel",
          `评审专家 ${experts} 人,不足成员总数 ${size} 人的 ${share}`,
          `${experts} experts of ${size} members is less than ${share}`,
          `experts ≥ ${share} × ${size}`,
          `${experts}/${size}`
        )
      )
    }
    return out
  }
})

/**
 * From the day the consultation documents are issued to the deadline for
 * first responses: at least `procurement.consultation.minDocumentDays` (10)
 * calendar days, counted as whole days between the two dates (the issue day
 * itself not counted: 2024-03-01 → 2024-03-11 is 10 days).
 *
 * @since 0.1.0
 * @category rules
 */
export const documentPeriod = Rule.make<ConsultationInput>({
  id: "procurement.consultation.document-period",
  title: { zh: "磋商文件发出至首次响应截止的期限", en: "Period from consultation documents to first responses" },
  section: "三(五)",
  basis: [
    consultationBasis("第十条", "从磋商文件发出之日起至供应商提交首次响应文件截止之日止不得少于10日"),
    national(`${texts.civilCode} 第二百零一条`, "按照日计算期间的,开始的当日不计入,自下一日开始计算"),
    national(`${texts.civilCode} 第二百零三条`, "期间的最后一日是法定休假日的,以法定休假日结束的次日为期间的最后一日")
  ],
  reads: ["procurement.consultation.minDocumentDays", "procurement.periodRollover"],
  description:
    "磋商文件发出之日与首次响应文件提交截止之日之间的自然日数(发出当日不计入)不少于规定日数(默认10日);末日是休息日或法定节假日的顺延,截止日不得早于顺延后的末日(procurement.periodRollover 为 none 时不顺延)。",
  evaluate: (input, p) => {
    const f = Rule.findings("procurement.consultation.document-period")
    const min = p.read<V["procurement.consultation.minDocumentDays"]>("procurement.consultation.minDocumentDays")
    const rolled = p.read<"calendar" | "none">("procurement.periodRollover") === "calendar"
      ? input.minimumPeriodEnd
      : undefined
    const end = rolled ?? Days.formatDayNumber(Days.dayNumberOf(input.documentsIssuedOn) + min)
    const days = Days.between(input.documentsIssuedOn, input.firstResponseDeadline)
    return input.firstResponseDeadline >= end
      ? []
      : [
        f.error(
          "firstResponseDeadline",
          `磋商文件 ${input.documentsIssuedOn} 发出,首次响应截止 ${input.firstResponseDeadline}(${days} 日),早于 ${min} 日期限的末日 ${end}`,
          `documents issued ${input.documentsIssuedOn}, first responses due ${input.firstResponseDeadline} (${days} days): before ${end}, the last day of the ${min}-day period`,
          `≥ ${end}`,
          input.firstResponseDeadline
        )
      ]
  }
})

/**
 * The price-weight range for goods consultations, 30%–60% (财库〔2014〕214号
 * 第二十四条). Services read `procurement.consultation.priceWeightRange` (10%–30%).
 *
 * @since 0.1.0
 * @category constants
 */
export const goodsPriceWeightRange: { readonly min: DecimalJs; readonly max: DecimalJs } = {
  min: new Money.Decimal(30),
  max: new Money.Decimal(60)
}

/**
 * The price weight lies within the range (services: the parameter
 * `procurement.consultation.priceWeightRange`, 10%–30% by default; goods:
 * {@link goodsPriceWeightRange}). Outside it, the input must carry a
 * finance-department approval; when the approval names a weight it must be
 * the one used. The weight is the input's `priceWeight`, else the parameter
 * `procurement.consultation.priceWeight`.
 *
 * @since 0.1.0
 * @category rules
 */
export const priceWeight = Rule.make<ConsultationInput>({
  id: "procurement.consultation.price-weight",
  title: { zh: "价格分值占比", en: "Price weight" },
  section: "三(五)",
  basis: [
    consultationBasis("第二十四条", "货物项目价格分值占比30%至60%,服务项目10%至30%;超出须经本级财政部门审核同意")
  ],
  reads: ["procurement.consultation.priceWeightRange", "procurement.consultation.priceWeight"],
  description:
    "综合评分法的价格分值占比须在范围内(服务项目默认10%至30%,货物项目30%至60%);超出范围须有本级财政部门的审核同意,并记录其文号和日期。",
  evaluate: (input, p) => {
    const f = Rule.findings("procurement.consultation.price-weight")
    const range = input.category === "goods"
      ? goodsPriceWeightRange
      : p.read<V["procurement.consultation.priceWeightRange"]>("procurement.consultation.priceWeightRange")
    const weight = input.priceWeight ??
      p.read<V["procurement.consultation.priceWeight"]>("procurement.consultation.priceWeight")
    const expected = `${pct(range.min)}–${pct(range.max)}`
    if (weight.gte(range.min) && weight.lte(range.max)) return []
    const approval = input.financeApproval
    if (approval === undefined) {
      return [
        f.error(
          "priceWeight",
          `价格分值占比 ${pct(weight)} 超出 ${expected},且没有财政部门的审核同意`,
          `price weight ${pct(weight)} is outside ${expected} and no finance-department approval is recorded`,
          expected,
          pct(weight)
        )
      ]
    }
    if (approval.priceWeight !== undefined && !approval.priceWeight.eq(weight)) {
      return [
        f.error(
          "financeApproval.priceWeight",
          `财政部门批准的价格分值占比为 ${pct(approval.priceWeight)},实际使用 ${pct(weight)}`,
          `the finance department approved ${pct(approval.priceWeight)}, but ${pct(weight)} is used`,
          pct(approval.priceWeight),
          pct(weight)
        )
      ]
    }
    return [
      f.info(
        "priceWeight",
        `价格分值占比 ${
          pct(weight)
        } 超出 ${expected},已经财政部门审核同意(${approval.document},${approval.approvedOn})`,
        `price weight ${
          pct(weight)
        } is outside ${expected}, approved by the finance department (${approval.document}, ${approval.approvedOn})`,
        expected,
        pct(weight)
      )
    ]
  }
})

/**
 * The consultation rules, in the order of the procedure.
 *
 * @since 0.1.0
 * @category rules
 */
export const consultationRules: ReadonlyArray<Rule.Rule<ConsultationInput>> = [
  minSuppliers,
  documentPeriod,
  consultationPanel,
  priceWeight
]

// ── Dispersed procurement (panel review): input and rules ───────────────────

/**
 * What the panel-review rules check: the panel, the date the scoring criteria
 * were published, and the dates the members scored.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PanelReviewInput = Schema.Struct({
  panel: withUniqueIds(
    Schema.Array(PanelReviewMember),
    "评审小组成员不能重复",
    "a panel member must not be listed twice"
  ),
  criteriaPublishedOn: X.IsoDate,
  scoreDates: Schema.Array(X.IsoDate)
})

/**
 * @since 0.1.0
 * @category models
 */
export type PanelReviewInput = typeof PanelReviewInput.Type

/**
 * Decodes a {@link PanelReviewInput} from unknown input.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodePanelReviewInput = decodeEither(PanelReviewInput, "PanelReviewInput")

const orgName: Record<string, Bilingual> = {
  "emergency-management": { zh: "应急管理部门", en: "emergency management" },
  "human-resources-social-security": { zh: "人力资源社会保障部门", en: "human resources and social security" },
  "recommended-expert": { zh: "部门推荐的专家", en: "expert recommended by a department" },
  health: { zh: "卫生健康部门", en: "health" },
  "housing-construction": { zh: "住房城乡建设部门", en: "housing and urban-rural construction" },
  transport: { zh: "交通运输部门", en: "transport" },
  other: { zh: "其他单位", en: "another organisation" }
}
const nameOf = (kind: string): Bilingual => orgName[kind] ?? { zh: kind, en: kind }

/**
 * The review panel: at least `procurement.panelReview.minPanelSize` members,
 * each of an organisation kind the city accepts
 * (`procurement.panelReview.organisationKinds`: the plan's "市应急、人社**等**部门",
 * by default emergency management, human resources and social security, and
 * experts they recommend); a recommended expert must say which accepted
 * department recommended them.
 *
 * @since 0.1.0
 * @category rules
 */
export const panelReviewPanel = Rule.make<PanelReviewInput>({
  id: "procurement.panel-review.panel",
  title: { zh: "项目方案评审小组组成", en: "Review panel composition" },
  section: "三(五)",
  basis: [plan("三(五)", "邀请市应急、人社等部门工作人员或部门推荐的相关专家组成项目方案评审小组")],
  reads: ["procurement.panelReview.minPanelSize", "procurement.panelReview.organisationKinds"],
  description:
    "评审小组人数不少于城市规定的最少人数;成员须来自参数列明的部门(默认应急、人社,方案的“等”由城市以参数增列)或为上述部门推荐的专家,推荐专家须注明推荐部门。",
  evaluate: (input, p) => {
    const f = Rule.findings("procurement.panel-review.panel")
    const min = p.read<V["procurement.panelReview.minPanelSize"]>("procurement.panelReview.minPanelSize")
    const kinds = p.read<ReadonlyArray<string>>("procurement.panelReview.organisationKinds")
    const departments = kinds.filter((k) => k !== "recommended-expert")
    const listed = kinds.map((k) => nameOf(k))
    const out: Array<Rule.Finding> = []
    const size = input.panel.length
    if (size < min) {
      out.push(
        f.error(
          "panel",
          `评审小组 ${size} 人,少于 ${min} 人`,
          `the review panel has ${size} members, fewer than ${min}`,
          `≥ ${min}`,
          String(size)
        )
      )
    }
    input.panel.forEach((m, i) => {
      const path = `panel[${i}]`
      if (!kinds.includes(m.organisationKind)) {
        out.push(
          f.error(
            `${path}.organisationKind`,
            `${m.name}(${m.organisation})来自${nameOf(m.organisationKind).zh},评审小组成员只能来自:${
              listed.map((x) => x.zh).join("、")
            }`,
            `${m.name} (${m.organisation}) is from ${nameOf(m.organisationKind).en}; the panel accepts only: ${
              listed.map((x) => x.en).join(", ")
            }`,
            kinds.join(" | "),
            m.organisationKind
          )
        )
      } else if (
        m.organisationKind === "recommended-expert" &&
        (m.recommendedBy === undefined || !departments.includes(m.recommendedBy))
      ) {
        out.push(
          f.error(
            `${path}.recommendedBy`,
            `推荐专家 ${m.name} 须注明推荐部门(${departments.map((k) => nameOf(k).zh).join("、")}之一)`,
            `recommended expert ${m.name} must name the recommending department (one of ${departments.join(", ")})`,
            departments.join(" | "),
            m.recommendedBy ?? "missing"
          )
        )
      }
    })
    return out
  }
})

/**
 * The scoring criteria must be published before anyone scores. A score dated
 * before the publication is an error; one dated the same day is a warning
 * (dates alone cannot show which came first).
 *
 * @since 0.1.0
 * @category rules
 */
export const criteriaPublished = Rule.make<PanelReviewInput>({
  id: "procurement.panel-review.criteria-published",
  title: { zh: "评分标准先公布后评审", en: "Criteria published before scoring" },
  section: "三(五)",
  basis: [
    plan("三(五)", "参照政府采购法及本单位内控制度等相关规定"),
    gsyf("评分标准应在评审打分之前公布;同日公布与打分无法仅凭日期判断先后,记为提示")
  ],
  reads: [],
  description: "评分标准的公布日期须早于每一次评审打分的日期;同一天的记为警告。",
  evaluate: (input) => {
    const f = Rule.findings("procurement.panel-review.criteria-published")
    const out: Array<Rule.Finding> = []
    input.scoreDates.forEach((d, i) => {
      const days = Days.between(input.criteriaPublishedOn, d)
      if (days < 0) {
        out.push(
          f.error(
            `scoreDates[${i}]`,
            `评审打分日期 ${d} 早于评分标准公布日期 ${input.criteriaPublishedOn}`,
            `scoring on ${d} came before the criteria were published on ${input.criteriaPublishedOn}`,
            `after ${input.criteriaPublishedOn}`,
            d
          )
        )
      } else if (days === 0) {
        out.push(
          f.warning(
            `scoreDates[${i}]`,
            `评审打分与评分标准公布同在 ${d},请记录公布在先`,
            `scoring and publication of the criteria are both on ${d}; record that publication came first`,
            `after ${input.criteriaPublishedOn}`,
            d
          )
        )
      }
    })
    return out
  }
})

/**
 * The panel-review rules.
 *
 * @since 0.1.0
 * @category rules
 */
export const panelReviewRules: ReadonlyArray<Rule.Rule<PanelReviewInput>> = [panelReviewPanel, criteriaPublished]

// ── Scoring ─────────────────────────────────────────────────────────────────

/**
 * A scoring criterion (评分因素) with its maximum points. `technical: true`
 * marks a technical criterion (技术指标) for the consultation tie-break; when
 * no criterion is marked, every non-price criterion counts as technical.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Criterion = Schema.Struct({
  id: X.NonEmptyText,
  name: X.NonEmptyText,
  maxPoints: X.PositiveDecimal,
  technical: X.optional(Schema.Boolean)
})

/**
 * @since 0.1.0
 * @category models
 */
export type Criterion = typeof Criterion.Type

/**
 * One member's points for one supplier on one criterion.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Score = Schema.Struct({
  memberId: X.NonEmptyText,
  supplierId: X.NonEmptyText,
  criterionId: X.NonEmptyText,
  points: X.NonNegativeDecimal
})

/**
 * A supplier's final quotation in a consultation. `valid: false` (the bid does
 * not meet the documents) leaves it out of the base price and of the ranking.
 * `registeredAt` (an ISO instant with offset, or a date) is the last tie-break.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Bid = Schema.Struct({
  supplierId: X.NonEmptyText,
  supplierName: X.NonEmptyText,
  finalQuote: X.PositiveYuan,
  registeredAt: X.optional(X.Instant),
  valid: X.optional(Schema.Boolean)
})

/**
 * What {@link scoreConsultation} takes. `priceWeight` is in percent of a total of 100 points.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConsultationScoringInput = Schema.Struct({
  priceWeight: X.Percent,
  criteria: Schema.Array(Criterion),
  bids: Schema.Array(Bid),
  scores: Schema.Array(Score)
})

/**
 * @since 0.1.0
 * @category models
 */
export type ConsultationScoringInput = typeof ConsultationScoringInput.Encoded

/**
 * The non-price criteria's maximum points do not add up to `100 − priceWeight`.
 *
 * @since 0.1.0
 * @category errors
 */
export class CriteriaTotalMismatch extends Schema.TaggedError<CriteriaTotalMismatch>()("CriteriaTotalMismatch", {
  expected: Schema.String,
  actual: Schema.String
}) {
  /** The mismatch in English and Chinese. */
  override get message(): string {
    return `non-price criteria add up to ${this.actual} points, expected 100 − price weight = ${this.expected} / 非价格评分因素分值合计 ${this.actual} 分,应为 ${this.expected} 分`
  }
}

/**
 * Why two suppliers with the same total are in the order they are.
 *
 * @since 0.1.0
 * @category models
 */
export interface TieBreak extends Bilingual {
  /** The supplier placed first. */
  readonly first: string
  readonly second: string
  /** The equal score, exact. */
  readonly score: DecimalJs
  /** The equal score as an exact fraction (`"256/3"`, `"85"`). */
  readonly scoreExact: string
  readonly decidedBy: "final-quote" | "quoted-price" | "technical-score" | "registration" | "supplier-id"
}

/**
 * One supplier's figures in a consultation.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConsultationEntry {
  readonly rank: number
  readonly supplierId: string
  readonly supplierName: string
  readonly finalQuote: Money.Money
  /** `base / finalQuote × priceWeight`. */
  readonly priceScore: DecimalJs
  /** Mean over the members of each member's sum over the non-price criteria. */
  readonly nonPriceScore: DecimalJs
  /** The part of `nonPriceScore` from technical criteria (all non-price criteria when none is marked). */
  readonly technicalScore: DecimalJs
  readonly total: DecimalJs
  /** The total as an exact fraction, e.g. `"1703/20"`. */
  readonly totalExact: string
  /** The price and non-price scores as exact fractions. */
  readonly priceScoreExact: string
  readonly nonPriceScoreExact: string
  /**
   * The total, price and non-price scores rounded half-up to 4 decimals (the audit figures; still not the ranking
   * basis).
   */
  readonly totalFourDecimals: string
  readonly priceScoreFourDecimals: string
  readonly nonPriceScoreFourDecimals: string
  /** The total rounded half-up to 2 decimals (display only; ranking uses the exact total). */
  readonly totalDisplay: string
  readonly priceScoreDisplay: string
  readonly nonPriceScoreDisplay: string
  /** Each member's sum over the non-price criteria. */
  readonly memberTotals: ReadonlyArray<{ readonly memberId: string; readonly total: DecimalJs }>
  /** Mean points per criterion, by criterion id. */
  readonly criterionMeans: Readonly<Record<string, DecimalJs>>
}

/**
 * The outcome of {@link scoreConsultation}.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConsultationResult {
  /** 磋商基准价: the lowest valid final quote. */
  readonly basePrice: Money.Money
  readonly priceWeight: DecimalJs
  readonly ranking: ReadonlyArray<ConsultationEntry>
  /** What the ranking compares, in order: the exact total, then each tie-break step (`consultationOrder`). */
  readonly rankedBy: ReadonlyArray<string>
  readonly tieBreaks: ReadonlyArray<TieBreak>
  readonly recommended: {
    readonly supplierId: string
    readonly supplierName: string
    readonly reasons: ReadonlyArray<Bilingual>
  }
  /** Bids left out (marked not valid). */
  readonly excluded: ReadonlyArray<{ readonly supplierId: string; readonly supplierName: string }>
}

interface ConsultationRow {
  readonly bid: typeof Bid.Type
  readonly price: Q.Rational
  readonly nonPrice: Q.Rational
  readonly technical: Q.Rational
  readonly total: Q.Rational
  readonly memberTotals: ReadonlyArray<{ readonly memberId: string; readonly total: Q.Rational }>
  readonly criterionMeans: Record<string, Q.Rational>
}

const fmt2 = (q: Q.Rational) => Q.toFixedHalfUp(q, 2)
const fmt4 = (q: Q.Rational) => Q.toFixedHalfUp(q, 4)

const consultationSteps: ReadonlyArray<S.TieStep<ConsultationRow>> = [
  {
    name: "final-quote",
    compare: (a, b) => Money.compare(a.bid.finalQuote, b.bid.finalQuote),
    explain: (a, b) => ({
      zh: `总分相同,${a.bid.supplierName} 最后报价 ${Money.format(a.bid.finalQuote)} 低于 ${b.bid.supplierName} 的 ${
        Money.format(b.bid.finalQuote)
      },排序在前`,
      en: `equal totals; ${a.bid.supplierId} quoted ${
        Money.format(a.bid.finalQuote)
      }, lower than ${b.bid.supplierId}'s ${Money.format(b.bid.finalQuote)}`
    })
  },
  {
    name: "technical-score",
    compare: (a, b) => Q.compare(b.technical, a.technical),
    explain: (a, b) => ({
      zh: `总分和报价相同,${a.bid.supplierName} 技术得分 ${fmt2(a.technical)} 高于 ${b.bid.supplierName} 的 ${
        fmt2(b.technical)
      },排序在前`,
      en: `equal totals and quotes; ${a.bid.supplierId} has the higher technical score, ${fmt2(a.technical)} against ${
        fmt2(b.technical)
      }`
    })
  },
  {
    name: "registration",
    compare: (a, b) => S.compareRegistration(a.bid.registeredAt, b.bid.registeredAt),
    explain: (a, b) => ({
      zh: `总分、报价和技术得分均相同,${a.bid.supplierName} 报名在先(${b.bid.supplierName} 之前),排序在前(gsyf 约定)`,
      en:
        `equal totals, quotes and technical scores; ${a.bid.supplierId} registered before ${b.bid.supplierId} (gsyf convention)`
    })
  },
  {
    name: "supplier-id",
    compare: (a, b) => S.compareIds(a.bid.supplierId, b.bid.supplierId),
    explain: (a, b) => ({
      zh: `各项均相同,按供应商编号排序:${a.bid.supplierId} 在 ${b.bid.supplierId} 之前(gsyf 约定)`,
      en: `everything equal; ordered by supplier id, ${a.bid.supplierId} before ${b.bid.supplierId} (gsyf convention)`
    })
  }
]

/**
 * What a consultation's ranking compares, in order: the exact total (higher first), then the tie-break steps.
 *
 * @since 0.2.0
 * @category scoring
 */
export const consultationOrder: ReadonlyArray<string> = ["total", ...consultationSteps.map((s) => s.name)]

const tieBreaksOf = <A>(
  ordered: ReadonlyArray<A>,
  score: (a: A) => Q.Rational,
  id: (a: A) => string,
  steps: ReadonlyArray<S.TieStep<A>>
): Array<TieBreak> => {
  const out: Array<TieBreak> = []
  for (let k = 1; k < ordered.length; k++) {
    const a = ordered[k - 1]!
    const b = ordered[k]!
    if (!Q.equals(score(a), score(b))) continue
    const step = S.decidingStep(a, b, steps)
    if (step === undefined) continue
    out.push({
      first: id(a),
      second: id(b),
      score: Q.toDecimal(score(a)),
      scoreExact: Q.toFraction(score(a)),
      decidedBy: step.name as TieBreak["decidedBy"],
      ...step.explain(a, b)
    })
  }
  return out
}

const uniqueIssues = <A>(
  items: ReadonlyArray<A>,
  key: (a: A) => string,
  path: (i: number) => string,
  what: Bilingual
): Array<InputIssue> =>
  X.duplicates(items, key).map((i) => new InputIssue({ path: path(i), zh: `${what.zh}重复`, en: `${what.en} repeats` }))

/**
 * Comprehensive scoring of a competitive consultation (综合评分法).
 *
 * **Formula** (财库〔2014〕214号 第二十四条, low-price-first): the base price
 * `B` is the lowest final quote among valid bids; with the price weight `P`
 * in percent of 100 points,
 *
 * ```
 * price(s)    = B / quote(s) × P
 * nonPrice(s) = (Σ over members m of Σ over criteria c of points(m, s, c)) / (number of members)
 * total(s)    = price(s) + nonPrice(s)
 * ```
 *
 * The non-price criteria's maximum points must add up to `100 − P`
 * (otherwise {@link CriteriaTotalMismatch}); each member's points on a
 * criterion lie in `[0, max]`; every member scores every criterion of every
 * valid bid (otherwise `InvalidInput` naming the path). All figures are exact
 * fractions; `totalDisplay` rounds half-up to 2 decimals for display only.
 *
 * **Order.** Higher exact total first; equal totals → lower final quote
 * first; equal quotes → higher technical score first (214号 practice: 按照技术
 * 指标优劣顺序; the criteria marked `technical`, or all non-price criteria when
 * none is marked — then this step cannot decide, since equal totals and
 * quotes mean equal non-price scores); still equal → earlier registration (a registered supplier before
 * an unregistered one), then supplier id in code-unit order (gsyf's
 * deterministic fallback). Each tie broken is explained in `tieBreaks`.
 *
 * Worked example: P = 30, criteria "plan" 40 + "team" 30 = 70 = 100 − 30;
 * quotes A 400 000, B 500 000, so B = 400 000: price A = 30, price B = 24.
 * Two members give A 30+20 and 34+22 (mean 53), B 36+28 and 38+26 (mean 64):
 * totals A 83, B 88, so B ranks first.
 *
 * @since 0.1.0
 * @category scoring
 */
export const scoreConsultation = (
  input: unknown
): Either.Either<ConsultationResult, InvalidInput | CriteriaTotalMismatch> =>
  Either.flatMap(
    decodeEither(ConsultationScoringInput, "ConsultationScoring")(input),
    (d): Either.Either<ConsultationResult, InvalidInput | CriteriaTotalMismatch> => {
      const mismatch = criteriaTotalMismatch(d)
      if (mismatch !== undefined) return Either.left(mismatch)
      const valid = d.bids.filter((b) => b.valid !== false)
      const excluded = d.bids.filter((b) => b.valid === false)
      const issues = consultationIssues(d, valid)
      const sheet = S.checkSheet(
        d.criteria,
        valid.map((b) => b.supplierId),
        new Set(excluded.map((b) => b.supplierId)),
        d.scores,
        issues
      )
      if (d.criteria.length > 0 && sheet.members.length === 0 && valid.length > 0) {
        issues.push(new InputIssue({ path: "scores", zh: "没有评审打分", en: "no scores given" }))
      }
      if (issues.length > 0) return Either.left(new InvalidInput({ subject: "ConsultationScoring", issues }))

      const base = valid.reduce((m, b) => Money.min(m, b.finalQuote), valid[0]!.finalQuote)
      const rows = valid.map(consultationRow(d, sheet, base))
      const ordered = S.orderBy(rows, (a, b) => Q.compare(b.total, a.total), consultationSteps)
      const tieBreaks = tieBreaksOf(ordered, (r) => r.total, (r) => r.bid.supplierId, consultationSteps)
      const top = ordered[0]!
      return Either.right({
        basePrice: base,
        priceWeight: d.priceWeight,
        ranking: ordered.map(consultationEntry),
        rankedBy: consultationOrder,
        tieBreaks,
        recommended: {
          supplierId: top.bid.supplierId,
          supplierName: top.bid.supplierName,
          reasons: consultationReasons(top, base, d.priceWeight, tieBreaks)
        },
        excluded: excluded.map((b) => ({ supplierId: b.supplierId, supplierName: b.supplierName }))
      })
    }
  )

type ConsultationScoring = typeof ConsultationScoringInput.Type

/** The non-price criteria must leave exactly the price weight of the 100 points. */
const criteriaTotalMismatch = (d: ConsultationScoring): CriteriaTotalMismatch | undefined => {
  const maxSum = Q.sum(d.criteria.map((c) => Q.fromDecimal(c.maxPoints)))
  const expected = Q.sub(Q.fromInt(100), Q.fromDecimal(d.priceWeight))
  return Q.equals(maxSum, expected) ? undefined : new CriteriaTotalMismatch({
    expected: Q.toDecimal(expected).toFixed(),
    actual: Q.toDecimal(maxSum).toFixed()
  })
}

/** Repeated criterion or supplier ids, and no valid bid at all; the score sheet's issues are added after. */
const consultationIssues = (
  d: ConsultationScoring,
  valid: ReadonlyArray<typeof Bid.Type>
): Array<InputIssue> => {
  const issues: Array<InputIssue> = [
    ...uniqueIssues(d.criteria, (c) => c.id, (i) => `criteria[${i}].id`, { zh: "评分因素编号", en: "criterion id" }),
    ...uniqueIssues(d.bids, (b) => b.supplierId, (i) => `bids[${i}].supplierId`, {
      zh: "供应商编号",
      en: "supplier id"
    })
  ]
  if (valid.length === 0) issues.push(new InputIssue({ path: "bids", zh: "没有有效的响应", en: "no valid bid" }))
  return issues
}

/** One valid bid's exact figures: price score against the base price, and the members' mean non-price points. */
const consultationRow = (d: ConsultationScoring, sheet: S.Sheet, base: Money.Money) => {
  const baseQ = Q.fromDecimal(base.yuan)
  const weightQ = Q.fromDecimal(d.priceWeight)
  const memberCount = Q.fromInt(Math.max(sheet.members.length, 1))
  const marked = d.criteria.filter((c) => c.technical === true)
  const technicalIds = (marked.length > 0 ? marked : d.criteria).map((c) => c.id)
  return (bid: typeof Bid.Type): ConsultationRow => {
    const points = (m: string, criterionId: string) => sheet.points(m, bid.supplierId, criterionId)
    const price = Q.mul(Q.div(baseQ, Q.fromDecimal(bid.finalQuote.yuan)), weightQ)
    const memberTotals = sheet.members.map((m) => ({
      memberId: m,
      total: Q.sum(d.criteria.map((c) => points(m, c.id)))
    }))
    const nonPrice = Q.div(Q.sum(memberTotals.map((t) => t.total)), memberCount)
    const criterionMeans = Object.fromEntries(
      d.criteria.map((c) => [c.id, Q.div(Q.sum(sheet.members.map((m) => points(m, c.id))), memberCount)])
    )
    const technical = Q.sum(technicalIds.map((id) => criterionMeans[id]!))
    return { bid, price, nonPrice, technical, total: Q.add(price, nonPrice), memberTotals, criterionMeans }
  }
}

/** A ranked row as published: decimals, exact fractions, four-decimal audit figures and display figures. */
const consultationEntry = (r: ConsultationRow, k: number): ConsultationEntry => ({
  rank: k + 1,
  supplierId: r.bid.supplierId,
  supplierName: r.bid.supplierName,
  finalQuote: r.bid.finalQuote,
  priceScore: Q.toDecimal(r.price),
  nonPriceScore: Q.toDecimal(r.nonPrice),
  technicalScore: Q.toDecimal(r.technical),
  total: Q.toDecimal(r.total),
  totalExact: Q.toFraction(r.total),
  priceScoreExact: Q.toFraction(r.price),
  nonPriceScoreExact: Q.toFraction(r.nonPrice),
  totalFourDecimals: fmt4(r.total),
  priceScoreFourDecimals: fmt4(r.price),
  nonPriceScoreFourDecimals: fmt4(r.nonPrice),
  totalDisplay: fmt2(r.total),
  priceScoreDisplay: fmt2(r.price),
  nonPriceScoreDisplay: fmt2(r.nonPrice),
  memberTotals: r.memberTotals.map((t) => ({ memberId: t.memberId, total: Q.toDecimal(t.total) })),
  criterionMeans: Object.fromEntries(Object.entries(r.criterionMeans).map(([k2, v]) => [k2, Q.toDecimal(v)]))
})

/** Why the first-ranked bid is recommended: its total and how it is made up, then any tie it won. */
const consultationReasons = (
  top: ConsultationRow,
  base: Money.Money,
  weight: DecimalJs,
  tieBreaks: ReadonlyArray<TieBreak>
): Array<Bilingual> => [
  {
    zh: `综合得分最高:${fmt2(top.total)} 分(价格分 ${fmt2(top.price)} + 技术分 ${fmt2(top.nonPrice)}),磋商基准价 ${
      Money.format(base)
    },价格权值 ${pct(weight)}`,
    en: `highest total: ${fmt2(top.total)} (price ${fmt2(top.price)} + non-price ${fmt2(top.nonPrice)}); base price ${
      Money.format(base)
    }, price weight ${pct(weight)}`
  },
  ...tieBreaks.filter((t) => t.first === top.bid.supplierId).map(({ zh, en }) => ({ zh, en }))
]

/**
 * How the review panel's totals are combined for a proposal: the plain mean
 * (`mean`), or the mean after dropping one highest and one lowest member
 * total (`trimmed-mean`, which needs at least 3 members; with exactly 3 it is
 * the median).
 *
 * @since 0.1.0
 * @category models
 */
export const Aggregation = Schema.Literal("mean", "trimmed-mean")

/**
 * A proposal (培训项目方案) in the dispersed procurement.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Proposal = Schema.Struct({
  supplierId: X.NonEmptyText,
  supplierName: X.NonEmptyText,
  quotedPrice: X.optional(X.PositiveYuan),
  registeredAt: X.optional(X.Instant)
})

/**
 * What {@link scorePanelReview} takes. The criteria's maximum points need not
 * add up to 100; scores are out of their sum.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PanelReviewScoringInput = Schema.Struct({
  criteria: Schema.Array(Criterion),
  proposals: Schema.Array(Proposal),
  scores: Schema.Array(Score),
  aggregation: Aggregation,
  minPanelSize: X.PositiveInt
})

/**
 * @since 0.1.0
 * @category models
 */
export type PanelReviewScoringInput = typeof PanelReviewScoringInput.Encoded

/**
 * One proposal's figures in a panel review.
 *
 * @since 0.1.0
 * @category models
 */
export interface PanelReviewEntry {
  readonly rank: number
  readonly supplierId: string
  readonly supplierName: string
  readonly quotedPrice: Money.Money | undefined
  readonly score: DecimalJs
  readonly scoreExact: string
  /** Rounded half-up to 4 decimals (the audit figure; the ranking uses the exact score). */
  readonly scoreFourDecimals: string
  /** Rounded half-up to 2 decimals, display only. */
  readonly scoreDisplay: string
  /** Each member's total; `dropped` marks the totals a trimmed mean left out. */
  readonly memberTotals: ReadonlyArray<{
    readonly memberId: string
    readonly total: DecimalJs
    readonly dropped: "highest" | "lowest" | undefined
  }>
}

/**
 * The outcome of {@link scorePanelReview}.
 *
 * @since 0.1.0
 * @category models
 */
export interface PanelReviewResult {
  readonly aggregation: typeof Aggregation.Type
  readonly members: ReadonlyArray<string>
  readonly ranking: ReadonlyArray<PanelReviewEntry>
  /** What the ranking compares, in order: the exact score, then each tie-break step (`panelReviewOrder`). */
  readonly rankedBy: ReadonlyArray<string>
  readonly tieBreaks: ReadonlyArray<TieBreak>
  readonly recommended: {
    readonly supplierId: string
    readonly supplierName: string
    readonly reasons: ReadonlyArray<Bilingual>
  }
}

interface ReviewRow {
  readonly proposal: typeof Proposal.Type
  readonly score: Q.Rational
  readonly memberTotals: ReadonlyArray<
    { readonly memberId: string; readonly total: Q.Rational; readonly dropped: "highest" | "lowest" | undefined }
  >
}

const reviewSteps: ReadonlyArray<S.TieStep<ReviewRow>> = [
  {
    name: "quoted-price",
    compare: (a, b) =>
      a.proposal.quotedPrice !== undefined && b.proposal.quotedPrice !== undefined
        ? Money.compare(a.proposal.quotedPrice, b.proposal.quotedPrice)
        : 0,
    explain: (a, b) => ({
      zh: `得分相同,${a.proposal.supplierName} 报价 ${
        Money.format(a.proposal.quotedPrice!)
      } 低于 ${b.proposal.supplierName} 的 ${Money.format(b.proposal.quotedPrice!)},排序在前`,
      en: `equal scores; ${a.proposal.supplierId} quoted ${
        Money.format(a.proposal.quotedPrice!)
      }, lower than ${b.proposal.supplierId}'s ${Money.format(b.proposal.quotedPrice!)}`
    })
  },
  {
    name: "registration",
    compare: (a, b) => S.compareRegistration(a.proposal.registeredAt, b.proposal.registeredAt),
    explain: (a, b) => ({
      zh:
        `得分相同且报价无法区分,${a.proposal.supplierName} 报名在先(${b.proposal.supplierName} 之前),排序在前(gsyf 约定)`,
      en:
        `equal scores and no lower quote; ${a.proposal.supplierId} registered before ${b.proposal.supplierId} (gsyf convention)`
    })
  },
  {
    name: "supplier-id",
    compare: (a, b) => S.compareIds(a.proposal.supplierId, b.proposal.supplierId),
    explain: (a, b) => ({
      zh: `各项均相同,按供应商编号排序:${a.proposal.supplierId} 在 ${b.proposal.supplierId} 之前(gsyf 约定)`,
      en:
        `everything equal; ordered by supplier id, ${a.proposal.supplierId} before ${b.proposal.supplierId} (gsyf convention)`
    })
  }
]

/**
 * What a panel review's ranking compares, in order: the exact score (higher first), then the tie-break steps.
 *
 * @since 0.2.0
 * @category scoring
 */
export const panelReviewOrder: ReadonlyArray<string> = ["score", ...reviewSteps.map((s) => s.name)]

/**
 * Aggregates the review panel's scores of the hazardous-chemicals training
 * proposals (实施方案 三(五), dispersed procurement).
 *
 * Each member's total for a proposal is the sum of their points over the
 * criteria (each within `[0, max]`, every criterion scored). The proposal's
 * score is the `mean` of the member totals, or the `trimmed-mean`: sort the
 * member totals (equal totals by member id), drop the first (lowest) and the
 * last (highest), and average the rest; this needs at least 3 members. The
 * panel must have at least `minPanelSize` members who scored.
 *
 * Order: higher exact score first; equal scores → lower quoted price first
 * when both proposals have one; then earlier registration (a registered
 * supplier before an unregistered one); then supplier id (gsyf's
 * deterministic fallback). Ties broken are explained in `tieBreaks`.
 *
 * Worked example (trimmed mean): five members give a proposal 80, 86, 90, 75
 * and 95; dropping 75 and 95 leaves (80 + 86 + 90) / 3 = 256/3 ≈ 85.33.
 *
 * @since 0.1.0
 * @category scoring
 */
export const scorePanelReview = (input: unknown): Either.Either<PanelReviewResult, InvalidInput> =>
  Either.flatMap(decodeEither(PanelReviewScoringInput, "PanelReviewScoring")(input), (d) => {
    const issues = panelReviewIssues(d)
    const sheet = S.checkSheet(
      d.criteria,
      d.proposals.map((p) => p.supplierId),
      new Set(),
      d.scores,
      issues
    )
    issues.push(...panelSizeIssues(d, sheet.members.length))
    if (issues.length > 0) return Either.left(new InvalidInput({ subject: "PanelReviewScoring", issues }))

    const rows = d.proposals.map(reviewRow(d, sheet))
    const ordered = S.orderBy(rows, (a, b) => Q.compare(b.score, a.score), reviewSteps)
    const tieBreaks = tieBreaksOf(ordered, (r) => r.score, (r) => r.proposal.supplierId, reviewSteps)
    const top = ordered[0]!
    return Either.right({
      aggregation: d.aggregation,
      members: sheet.members,
      rankedBy: panelReviewOrder,
      ranking: ordered.map(panelReviewEntry),
      tieBreaks,
      recommended: {
        supplierId: top.proposal.supplierId,
        supplierName: top.proposal.supplierName,
        reasons: panelReviewReasons(top, sheet.members.length, d.aggregation, tieBreaks)
      }
    })
  })

type PanelReviewScoring = typeof PanelReviewScoringInput.Type

/** Repeated ids, and no criteria or no proposals; the score sheet's issues are added after. */
const panelReviewIssues = (d: PanelReviewScoring): Array<InputIssue> => {
  const issues: Array<InputIssue> = [
    ...uniqueIssues(d.criteria, (c) => c.id, (i) => `criteria[${i}].id`, { zh: "评分因素编号", en: "criterion id" }),
    ...uniqueIssues(d.proposals, (p) => p.supplierId, (i) => `proposals[${i}].supplierId`, {
      zh: "供应商编号",
      en: "supplier id"
    })
  ]
  if (d.criteria.length === 0) {
    issues.push(new InputIssue({ path: "criteria", zh: "没有评分因素", en: "no criteria" }))
  }
  if (d.proposals.length === 0) {
    issues.push(new InputIssue({ path: "proposals", zh: "没有参评方案", en: "no proposals" }))
  }
  return issues
}

/** Enough members scored for the panel, and for a trimmed mean (which drops two of them). */
const panelSizeIssues = (d: PanelReviewScoring, n: number): Array<InputIssue> => [
  ...(n < d.minPanelSize
    ? [
      new InputIssue({
        path: "scores",
        zh: `只有 ${n} 名评审成员打分,少于 ${d.minPanelSize} 人`,
        en: `only ${n} panel members scored, fewer than ${d.minPanelSize}`
      })
    ]
    : []),
  ...(d.aggregation === "trimmed-mean" && n < 3
    ? [
      new InputIssue({
        path: "aggregation",
        zh: `去掉最高分和最低分需要至少 3 名评审成员,实际 ${n} 名`,
        en: `a trimmed mean needs at least 3 panel members, got ${n}`
      })
    ]
    : [])
]

/** One proposal's score: the mean of the member totals, or their mean without the lowest and the highest. */
const reviewRow = (d: PanelReviewScoring, sheet: S.Sheet) => (proposal: typeof Proposal.Type): ReviewRow => {
  const totals = sheet.members.map((m) => ({
    memberId: m,
    total: Q.sum(d.criteria.map((c) => sheet.points(m, proposal.supplierId, c.id)))
  }))
  if (d.aggregation === "mean") {
    return {
      proposal,
      score: Q.div(Q.sum(totals.map((t) => t.total)), Q.fromInt(sheet.members.length)),
      memberTotals: totals.map((t) => ({ ...t, dropped: undefined }))
    }
  }
  const sorted = [...totals].sort((a, b) => Q.compare(a.total, b.total) || S.compareIds(a.memberId, b.memberId))
  const lowest = sorted[0]!.memberId
  const highest = sorted[sorted.length - 1]!.memberId
  const kept = sorted.slice(1, -1)
  const dropped = (memberId: string) =>
    memberId === lowest ? ("lowest" as const) : memberId === highest ? ("highest" as const) : undefined
  return {
    proposal,
    score: Q.div(Q.sum(kept.map((t) => t.total)), Q.fromInt(kept.length)),
    memberTotals: totals.map((t) => ({ ...t, dropped: dropped(t.memberId) }))
  }
}

/** A ranked proposal as published: decimal, exact fraction, four-decimal audit figure and display figure. */
const panelReviewEntry = (r: ReviewRow, k: number): PanelReviewEntry => ({
  rank: k + 1,
  supplierId: r.proposal.supplierId,
  supplierName: r.proposal.supplierName,
  quotedPrice: r.proposal.quotedPrice,
  score: Q.toDecimal(r.score),
  scoreExact: Q.toFraction(r.score),
  scoreFourDecimals: fmt4(r.score),
  scoreDisplay: fmt2(r.score),
  memberTotals: r.memberTotals.map((t) => ({ memberId: t.memberId, total: Q.toDecimal(t.total), dropped: t.dropped }))
})

/** Why the first-ranked proposal is recommended: its score, the panel's size and aggregation, any tie it won. */
const panelReviewReasons = (
  top: ReviewRow,
  n: number,
  aggregation: typeof Aggregation.Type,
  tieBreaks: ReadonlyArray<TieBreak>
): Array<Bilingual> => {
  const how = aggregation === "mean"
    ? { zh: "算术平均", en: "mean" }
    : { zh: "去掉一个最高分和一个最低分后平均", en: "trimmed mean" }
  return [
    {
      zh: `评审得分最高:${fmt2(top.score)} 分(${n} 名评审成员,${how.zh})`,
      en: `highest score: ${fmt2(top.score)} (${n} panel members, ${how.en})`
    },
    ...tieBreaks.filter((t) => t.first === top.proposal.supplierId).map(({ zh, en }) => ({ zh, en }))
  ]
}
