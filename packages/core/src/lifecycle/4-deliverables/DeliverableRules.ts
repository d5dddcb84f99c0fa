/**
 * Guards on recording a deliverable (实施方案 三(七), 四, 五): the work falls
 * within the contract period after an approved implementation plan, materials
 * are produced only from approved designs, the summary video keeps to its
 * length, key-enterprise work follows its three steps in order and only for
 * enterprises on the committee's list.
 *
 * @since 0.1.0
 */
import type { IsoDate } from "../../kernel/IsoDate.js"
import { plan } from "../../kernel/LegalBasis.js"
import * as Rule from "../../rules/Rule.js"
import * as RuleSet from "../../rules/RuleSet.js"
import type * as Deliverable from "./Deliverable.js"

/**
 * What the deliverable rules look at.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeliverableInput {
  readonly evidence: Deliverable.Evidence
  readonly contract: { readonly signedOn: IsoDate; readonly periodEnd: IsoDate } | undefined
  /** While a rectification order runs, work may continue up to its deadline. */
  readonly rectificationDeadline: IsoDate | undefined
  readonly implementationPlanApproved: boolean
  /** Approved designs by id, with their material type. */
  readonly approvedDesigns: ReadonlyMap<string, string>
  /** Steps already done per key enterprise. */
  readonly keyEnterpriseSteps: ReadonlyMap<string, ReadonlySet<number>>
  /** The committee's key-enterprise list, when provided. */
  readonly keyEnterpriseList: ReadonlyArray<string> | undefined
  /** Custom deliverable types registered by plugins. */
  readonly customTypes: ReadonlySet<string>
}

const f = (id: string) => Rule.findings(id)

/**
 * @since 0.1.0
 * @category rules
 */
export const withinPeriod = Rule.make<DeliverableInput>({
  id: "deliverable.within-period",
  title: { zh: "在合同期内完成服务", en: "Work within the contract period" },
  section: "五(二)",
  basis: [plan("五(二)", "自合同签订之日起x个月内完成全部服务工作"), plan("三(七)")],
  reads: ["project.periodMonths"],
  description:
    "交付物的日期必须在合同签订日与合同期满日(签订日加项目周期月数)之间;验收不合格责令整改的,整改期限内完成的整改工作也予以登记。",
  evaluate: (i, p) => {
    p.read("project.periodMonths")
    if (i.contract === undefined) {
      return [
        f("deliverable.within-period").error(
          "evidence",
          "合同尚未签订,不能登记交付物",
          "no contract is signed yet; nothing can be delivered"
        )
      ]
    }
    const d = i.evidence.date
    const last = i.rectificationDeadline !== undefined && i.rectificationDeadline > i.contract.periodEnd
      ? i.rectificationDeadline
      : i.contract.periodEnd
    if (d < i.contract.signedOn || d > last) {
      return [
        f("deliverable.within-period").error(
          "evidence.date",
          `日期 ${d} 不在合同期 ${i.contract.signedOn} 至 ${last} 之内`,
          `date ${d} is outside the contract period ${i.contract.signedOn} – ${last}`,
          `${i.contract.signedOn} – ${last}`,
          d
        )
      ]
    }
    return []
  }
})

/**
 * @since 0.1.0
 * @category rules
 */
export const planApproved = Rule.make<DeliverableInput>({
  id: "deliverable.plan-approved",
  title: { zh: "实施计划审批通过后按计划实施", en: "Deliver only after the implementation plan is approved" },
  section: "三(七)",
  basis: [plan("三(七)", "实施计划报经办机构审批,审批通过后按计划开展实施")],
  reads: [],
  description: "服务机构的年度实施计划经经办机构审批通过之前,不能登记任何交付物。",
  evaluate: (i) =>
    i.implementationPlanApproved
      ? []
      : [
        f("deliverable.plan-approved").error(
          "evidence",
          "实施计划尚未审批通过",
          "the implementation plan is not approved yet"
        )
      ]
})

/**
 * @since 0.1.0
 * @category rules
 */
export const designApproved = Rule.make<DeliverableInput>({
  id: "deliverable.design-approved",
  title: { zh: "宣传材料初稿经审核后制作", en: "Materials only from approved designs" },
  section: "四(二)③",
  basis: [plan("四(二)③", "设计宣传资料初稿,报请市级社保经办机构(合同甲方)审核")],
  reads: ["quota.materialTypes"],
  description: "制作宣传材料必须引用经办机构已审核通过的设计稿,且材料种类与设计稿一致;种类应在方案列明的种类之内。",
  evaluate: (i, p) => {
    if (i.evidence._tag !== "material-produced") return []
    const e = i.evidence
    const out: Array<Rule.Finding> = []
    const approvedType = i.approvedDesigns.get(e.designId)
    if (approvedType === undefined) {
      out.push(
        f("deliverable.design-approved").error(
          "evidence.designId",
          `设计稿 ${e.designId} 未经审核通过`,
          `design ${e.designId} has not been approved`
        )
      )
    } else if (approvedType !== e.materialType) {
      out.push(
        f("deliverable.design-approved").error(
          "evidence.materialType",
          `材料种类与审核通过的设计稿不一致`,
          `material type differs from the approved design`,
          approvedType,
          e.materialType
        )
      )
    }
    const listed = p.read<ReadonlyArray<string>>("quota.materialTypes")
    if (!listed.includes(e.materialType)) {
      out.push(
        f("deliverable.design-approved").warning(
          "evidence.materialType",
          `“${e.materialType}”不在方案列明的宣传材料种类中`,
          `"${e.materialType}" is not one of the plan's material types`,
          listed.join("、"),
          e.materialType
        )
      )
    }
    return out
  }
})

/**
 * @since 0.1.0
 * @category rules
 */
export const summaryVideoLength = Rule.make<DeliverableInput>({
  id: "deliverable.summary-video-length",
  title: { zh: "总结片时长在规定范围内", en: "Summary video within its length range" },
  section: "四(二)⑤",
  basis: [plan("四(二)⑤", "制作一部x-x分钟的年度工伤预防工作总结片")],
  reads: ["quota.summaryVideo.minMinutes", "quota.summaryVideo.maxMinutes"],
  description: "年度工作总结片的时长必须在参数规定的最短与最长时长之间(含端点)。",
  evaluate: (i, p) => {
    if (i.evidence._tag !== "summary-video") return []
    const min = p.read<number>("quota.summaryVideo.minMinutes")
    const max = p.read<number>("quota.summaryVideo.maxMinutes")
    const d = i.evidence.durationMinutes
    return d >= min && d <= max
      ? []
      : [
        f("deliverable.summary-video-length").error(
          "evidence.durationMinutes",
          `总结片时长 ${d} 分钟,应为 ${min}-${max} 分钟`,
          `summary video runs ${d} min; it must be ${min}–${max} min`,
          `${min}–${max}`,
          String(d)
        )
      ]
  }
})

/**
 * @since 0.1.0
 * @category rules
 */
export const keyEnterpriseOrder = Rule.make<DeliverableInput>({
  id: "deliverable.key-enterprise-order",
  title: { zh: "重点企业精准培训按三步顺序开展", en: "Key-enterprise work in its three steps, in order" },
  section: "四(二) 一是",
  basis: [
    plan("四(二)", "第一步调研,第二步定制化培训,第三步回访巡查"),
    plan("四(二)", "具体企业名单由市工伤预防委员会研究提供")
  ],
  reads: [],
  description:
    "对每家重点企业,第二步(定制化培训)须在第一步(调研并形成隐患排查报告和调研报告)之后,第三步(回访巡查)须在第二步之后;委员会已提供名单的,企业须在名单内。",
  evaluate: (i) => {
    const e = i.evidence
    const step = e._tag === "key-enterprise-survey"
      ? 1
      : e._tag === "key-enterprise-training"
      ? 2
      : e._tag === "key-enterprise-followup"
      ? 3
      : 0
    if (step === 0) return []
    const name = (e as { enterprise: string }).enterprise
    const out: Array<Rule.Finding> = []
    if (i.keyEnterpriseList !== undefined && !i.keyEnterpriseList.includes(name)) {
      out.push(
        f("deliverable.key-enterprise-order").error(
          "evidence.enterprise",
          `“${name}”不在委员会提供的重点企业名单中`,
          `"${name}" is not on the committee's key-enterprise list`
        )
      )
    }
    const done = i.keyEnterpriseSteps.get(name) ?? new Set<number>()
    if (step > 1 && !done.has(step - 1)) {
      out.push(
        f("deliverable.key-enterprise-order").error(
          "evidence",
          `“${name}”尚未完成第${step - 1}步,不能开展第${step}步`,
          `"${name}" has not done step ${step - 1}; step ${step} cannot come first`,
          `step ${step - 1} done`,
          `steps done: ${[...done].sort().join(",") || "none"}`
        )
      )
    }
    return out
  }
})

/**
 * @since 0.1.0
 * @category rules
 */
export const customTypeKnown = Rule.make<DeliverableInput>({
  id: "deliverable.custom-type-known",
  title: { zh: "其他交付物类型须已登记", en: "Custom deliverable types must be registered" },
  section: "四",
  basis: [plan("四")],
  reads: [],
  description: "方案之外的交付物类型必须由插件登记后才能记录。",
  evaluate: (i) =>
    i.evidence._tag === "custom" && !i.customTypes.has(i.evidence.customType)
      ? [
        f("deliverable.custom-type-known").error(
          "evidence.customType",
          `未登记的交付物类型“${i.evidence.customType}”`,
          `unregistered deliverable type "${i.evidence.customType}"`
        )
      ]
      : []
})

/**
 * The deliverable rules in evaluation order.
 *
 * @since 0.1.0
 * @category rules
 */
export const rules: ReadonlyArray<Rule.Rule<DeliverableInput>> = [
  planApproved,
  withinPeriod,
  designApproved,
  summaryVideoLength,
  keyEnterpriseOrder,
  customTypeKnown
]

/**
 * @since 0.1.0
 * @category rules
 */
export const ruleSet: RuleSet.RuleSet<DeliverableInput> = RuleSet.make(rules)
