/**
 * Every blank `x` of the plan as a named, typed, documented parameter with a
 * unit, a legal basis and an effective-dated value history (OpenFisca style: a
 * value applies from its date until the next one, so a 2022 plan and a 2026
 * plan read different values from the same file).
 *
 * National defaults come with their citation. A parameter that no national
 * text fixes has no default and must be given by the city.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { bilingual, InputIssue, InvalidInput } from "../kernel/InputError.js"
import { LegalBasis, national, plan, texts } from "../kernel/LegalBasis.js"
import * as Money from "../kernel/Money.js"
import * as Param from "./internal/parameterSchemas.js"
import type { Title } from "./Rule.js"

/**
 * The unit a parameter is expressed in.
 *
 * @since 0.1.0
 * @category models
 */
export type Unit =
  | "wan-yuan"
  | "yuan"
  | "percent"
  | "calendar-days"
  | "working-days"
  | "days"
  | "months"
  | "minutes"
  | "count"
  | "people"
  | "sessions"
  | "day-of-month"
  | "year"
  | "text"
  | "choice"
  | "list"
  | "record"
  | "flag"

/**
 * The two sub-projects of the plan (三(二)).
 *
 * @since 0.1.0
 * @category models
 */
export const SubProjectKey = Schema.Literal("hazchem", "keyAreas")

/**
 * @since 0.1.0
 * @category models
 */
export type SubProjectKey = typeof SubProjectKey.Type

/**
 * The definition of one parameter.
 *
 * @since 0.1.0
 * @category models
 */
export interface Definition<A = unknown> {
  readonly name: string
  readonly title: Title
  readonly unit: Unit
  /** Plan section the blank stands in. */
  readonly section: string
  readonly description: string
  readonly schema: Schema.Schema<A, any, never>
  /** Why the parameter exists: the plan section or national text it fills in. */
  readonly basis: LegalBasis
  /** The default and the text that fixes it; absent when the city must give a value. */
  readonly default?: { readonly value: unknown; readonly basis: LegalBasis } | undefined
  /** May be left unset (for example a provincial approval that does not exist). */
  readonly optional?: boolean | undefined
  /** The sub-project the blank belongs to, if any. */
  readonly subProject?: SubProjectKey | undefined
}

const def = <A>(d: Definition<A>): Definition<A> => d

const noNational = (zh: string): string => `${zh}(无全国统一规定,由城市填写)`

/**
 * The catalogue of parameters, keyed by name.
 *
 * @since 0.1.0
 * @category constants
 */
export const definitions = {
  // ── 总体 ───────────────────────────────────────────────────────────────
  "plan.fiscalYear": def({
    name: "plan.fiscalYear",
    title: { zh: "项目年度", en: "Fiscal year" },
    unit: "year",
    section: "总则",
    description: noNational("实施方案所属年度 (x年度)"),
    schema: Param.Year,
    basis: plan("总则", "x年度x市工伤预防项目")
  }),
  "plan.city": def({
    name: "plan.city",
    title: { zh: "城市", en: "City" },
    unit: "text",
    section: "总则",
    description: "实施方案所属的统筹地区城市名称 (x市)",
    schema: Param.NonEmptyText,
    basis: plan("总则")
  }),
  "plan.province": def({
    name: "plan.province",
    title: { zh: "省(自治区)", en: "Province or region" },
    unit: "text",
    section: "总则",
    description: "城市所在的省级行政区,用于引用省级文件 (x自治区)",
    schema: Param.NonEmptyText,
    basis: plan("总则"),
    optional: true
  }),
  "plan.provincialDocuments": def({
    name: "plan.provincialDocuments",
    title: { zh: "依据的省级文件", en: "Provincial documents relied on" },
    unit: "list",
    section: "总则",
    description: "方案开头引用的省级五年行动计划、工伤预防费使用管理办法等文件的名称和文号",
    schema: Schema.Array(Param.NonEmptyText),
    basis: plan("总则"),
    default: { value: [], basis: plan("总则") }
  }),
  "plan.hazchemCityDocument": def({
    name: "plan.hazchemCityDocument",
    title: { zh: "危化培训工程市级文件", en: "City document on the hazardous-chemicals training programme" },
    unit: "text",
    section: "四(二)",
    description: "市人社局、市应急管理局关于危险化学品企业工伤预防能力提升工程实施方案的通知文号 (x人社函〔x〕x号)",
    schema: Param.NonEmptyText,
    basis: plan("四(二)"),
    optional: true,
    subProject: "hazchem"
  }),
  "plan.schedule": def({
    name: "plan.schedule",
    title: { zh: "各步骤计划时间", en: "Planned month of each step" },
    unit: "record",
    section: "三",
    description: "三(一)至三(九)各步骤括注的计划年月 (x年x月 或 x月-x月)",
    schema: Param.Schedule,
    basis: plan("三"),
    optional: true
  }),
  "project.periodMonths": def({
    name: "project.periodMonths",
    title: { zh: "项目周期(月)", en: "Project period (months)" },
    unit: "months",
    section: "五(一)(二)",
    description: noNational("自合同签订之日起完成全部服务工作的月数 (x个月)"),
    schema: Param.PositiveInt,
    basis: plan("五(二)", "自合同签订之日起,x个月内完成各子项目的全部服务工作")
  }),
  "project.serviceArea": def({
    name: "project.serviceArea",
    title: { zh: "服务范围", en: "Service area" },
    unit: "text",
    section: "五(三)",
    description: "服务范围,通常为本市 (x市)",
    schema: Param.NonEmptyText,
    basis: plan("五(三)"),
    optional: true
  }),
  // ── 预算与费用 ───────────────────────────────────────────────────────────
  "budget.total": def({
    name: "budget.total",
    title: { zh: "项目总预算", en: "Total budget" },
    unit: "wan-yuan",
    section: "三(三)",
    description: noNational("年度工伤预防项目预算 (x万元)"),
    schema: Money.Wan,
    basis: plan("三(三)", "x年x市工伤预防项目预算x万元")
  }),
  "budget.hazchem": def({
    name: "budget.hazchem",
    title: { zh: "危化企业能力提升培训项目预算", en: "Budget: hazardous-chemicals training sub-project" },
    unit: "wan-yuan",
    section: "三(三)",
    description: noNational("危险化学品企业工伤预防能力提升培训项目预算 (x万元)"),
    schema: Money.Wan,
    basis: plan("六(一)"),
    subProject: "hazchem"
  }),
  "budget.keyAreas": def({
    name: "budget.keyAreas",
    title: { zh: "其他重点领域培训宣传项目预算", en: "Budget: other key areas training and publicity sub-project" },
    unit: "wan-yuan",
    section: "三(三)",
    description: noNational("其他重点领域工伤预防培训宣传项目预算 (x万元)"),
    schema: Money.Wan,
    basis: plan("六(一)"),
    subProject: "keyAreas"
  }),
  "budget.breakdown": def({
    name: "budget.breakdown",
    title: { zh: "费用构成明细", en: "Fee breakdown" },
    unit: "list",
    section: "三(三)",
    description: "报财政审核的工伤预防费用构成明细:子项目、费用项、类别(宣传/培训/专家劳务/其他)、资金来源和金额(元)",
    schema: Schema.Array(Param.BreakdownLine),
    basis: plan("三(三)"),
    default: { value: [], basis: plan("三(三)") }
  }),
  "fund.priorYearContributionRevenue": def({
    name: "fund.priorYearContributionRevenue",
    title: { zh: "上年度工伤保险基金征缴收入", en: "Prior-year work-injury fund contribution revenue" },
    unit: "wan-yuan",
    section: "六(一)",
    description: "统筹地区上年度工伤保险基金征缴收入,工伤预防费上限的基数",
    schema: Money.Wan,
    basis: national(`${texts.feeMeasures} 第五条`)
  }),
  "fund.feeCapPercent": def({
    name: "fund.feeCapPercent",
    title: { zh: "工伤预防费使用上限比例", en: "Fee cap (% of prior-year contributions)" },
    unit: "percent",
    section: "六(一)",
    description:
      "工伤预防费使用原则上不得超过上年度工伤保险基金征缴收入的3%;提高须经省级人社和财政部门同意(见 fund.provincialCapApproval)",
    schema: Param.Percent,
    basis: national(`${texts.feeMeasures} 第五条`),
    default: { value: "3", basis: national(`${texts.feeMeasures} 第五条`, "原则上不得超过3%") }
  }),
  "fund.provincialCapApproval": def({
    name: "fund.provincialCapApproval",
    title: { zh: "省级提高上限的批准", en: "Provincial approval raising the cap" },
    unit: "record",
    section: "六(一)",
    description: "省级人力资源社会保障部门和财政部门同意适当提高上限的文件、日期和批准的比例",
    schema: Param.CapApproval,
    basis: national(`${texts.feeMeasures} 第五条`, "经省级人社和财政部门同意,可以适当提高"),
    optional: true
  }),
  // ── 支付 ───────────────────────────────────────────────────────────────
  "payment.advancePercent": def({
    name: "payment.advancePercent",
    title: { zh: "预付款比例", en: "Advance payment (% of contract)" },
    unit: "percent",
    section: "六(二)",
    description: noNational("合同签订后先行支付项目总额x%的预付款"),
    schema: Param.Percent,
    basis: plan("六(二)")
  }),
  "payment.balancePercent": def({
    name: "payment.balancePercent",
    title: { zh: "余款比例", en: "Balance payment (% of contract)" },
    unit: "percent",
    section: "六(二)",
    description: noNational("验收合格后再行支付项目总额x%的余款;与预付款比例合计须为100%"),
    schema: Param.Percent,
    basis: plan("六(二)")
  }),
  "payment.dueDays": def({
    name: "payment.dueDays",
    title: { zh: "验收后付款期限", en: "Payment deadline after acceptance" },
    unit: "days",
    section: "六(二)",
    description: "以验收为付款条件的,自验收合格之日起的付款期限;中小企业法定为30日(合同另有约定最长60日)",
    schema: Param.PositiveInt,
    basis: national(`${texts.smePayment} 第九条、第十条`),
    default: {
      value: 30,
      basis: national(`${texts.smePayment} 第九条`, "自货物、工程、服务交付(验收)之日起30日内支付")
    }
  }),
  "payment.dueDaysUnit": def({
    name: "payment.dueDaysUnit",
    title: { zh: "付款期限计算方式", en: "How the payment deadline is counted" },
    unit: "choice",
    section: "六(二)",
    description: "付款期限按自然日还是工作日计算",
    schema: Param.DayUnit,
    basis: national(`${texts.smePayment} 第九条`),
    default: { value: "calendar-days", basis: national(`${texts.smePayment} 第九条`, "以日计") }
  }),
  "payment.rounding": def({
    name: "payment.rounding",
    title: { zh: "预付款舍入方式", en: "Rounding of the advance payment" },
    unit: "choice",
    section: "六(二)",
    description: "预付款按比例计算后精确到分的舍入方式;余款取合同金额减已付金额,吸收舍入差",
    schema: Param.RoundingMode,
    basis: plan("六(二)"),
    default: { value: "half-up", basis: new LegalBasis({ level: "gsyf", citation: "gsyf 约定", note: "四舍五入到分" }) }
  }),
  // ── 公示与采购 ─────────────────────────────────────────────────────────
  "publicity.length": def({
    name: "publicity.length",
    title: { zh: "采购需求公示期", en: "Procurement requirement publicity length" },
    unit: "days",
    section: "三(四)",
    description: noNational("对采购需求进行为期x日公示"),
    schema: Param.PositiveInt,
    basis: plan("三(四)")
  }),
  "publicity.unit": def({
    name: "publicity.unit",
    title: { zh: "公示期计算方式", en: "Publicity counted in calendar or working days" },
    unit: "choice",
    section: "三(四)",
    description: noNational("公示期按自然日还是工作日计算"),
    schema: Param.DayUnit,
    basis: plan("三(四)")
  }),
  "procurement.hazchem.method": def({
    name: "procurement.hazchem.method",
    title: { zh: "危化培训项目采购方式", en: "Procurement method: hazardous-chemicals sub-project" },
    unit: "choice",
    section: "三(五)",
    description: "方案规定对危化培训项目进行分散采购,由评审小组评审打分",
    schema: Param.ProcurementMethod,
    basis: plan("三(五)"),
    default: { value: "panel-review", basis: plan("三(五)", "分散采购,评审小组打分") },
    subProject: "hazchem"
  }),
  "procurement.keyAreas.method": def({
    name: "procurement.keyAreas.method",
    title: { zh: "其他重点领域项目采购方式", en: "Procurement method: key areas sub-project" },
    unit: "choice",
    section: "三(五)",
    description: "方案规定对其他重点领域培训宣传项目采用竞争性磋商方式",
    schema: Param.ProcurementMethod,
    basis: plan("三(五)"),
    default: { value: "competitive-consultation", basis: plan("三(五)", "采用竞争性磋商方式") },
    subProject: "keyAreas"
  }),
  "procurement.consultation.minSuppliers": def({
    name: "procurement.consultation.minSuppliers",
    title: { zh: "磋商供应商最少家数", en: "Minimum suppliers in a consultation" },
    unit: "count",
    section: "三(五)",
    description: "竞争性磋商邀请不少于3家符合条件的供应商",
    schema: Param.PositiveInt,
    basis: national(`${texts.consultation} 第六条`),
    default: { value: 3, basis: national(`${texts.consultation} 第六条`) }
  }),
  "procurement.consultation.allowTwoForServices": def({
    name: "procurement.consultation.allowTwoForServices",
    title: { zh: "政府购买服务项目允许两家", en: "Two suppliers allowed for government-purchased services" },
    unit: "flag",
    section: "三(五)",
    description: "政府购买服务项目符合条件的供应商只有2家的,磋商可以继续进行",
    schema: Schema.Boolean,
    basis: national(texts.consultationServices),
    default: { value: true, basis: national(texts.consultationServices) }
  }),
  "procurement.consultation.minDocumentDays": def({
    name: "procurement.consultation.minDocumentDays",
    title: { zh: "磋商文件发出至首次提交响应文件最短日数", en: "Days from consultation documents to first responses" },
    unit: "calendar-days",
    section: "三(五)",
    description: "从磋商文件发出之日起至供应商提交首次响应文件截止之日止不得少于10日",
    schema: Param.PositiveInt,
    basis: national(`${texts.consultation} 第十条`),
    default: { value: 10, basis: national(`${texts.consultation} 第十条`) }
  }),
  "procurement.consultation.minPanelSize": def({
    name: "procurement.consultation.minPanelSize",
    title: { zh: "磋商小组最少人数", en: "Minimum consultation panel size" },
    unit: "count",
    section: "三(五)",
    description: "磋商小组由采购人代表和评审专家共3人以上单数组成",
    schema: Param.PositiveInt,
    basis: national(`${texts.consultation} 第十四条`),
    default: { value: 3, basis: national(`${texts.consultation} 第十四条`) }
  }),
  "procurement.consultation.expertShare": def({
    name: "procurement.consultation.expertShare",
    title: { zh: "评审专家最低占比", en: "Minimum share of experts on the panel" },
    unit: "record",
    section: "三(五)",
    description: "评审专家人数不得少于磋商小组成员总数的2/3",
    schema: Param.Fraction,
    basis: national(`${texts.consultation} 第十四条`),
    default: { value: "2/3", basis: national(`${texts.consultation} 第十四条`) }
  }),
  "procurement.consultation.priceWeightRange": def({
    name: "procurement.consultation.priceWeightRange",
    title: { zh: "服务项目价格分值占比范围", en: "Price weight range for services" },
    unit: "record",
    section: "三(五)",
    description: "综合评分法中服务项目的价格分值占总分值的比重为10%至30%;超出须经本级财政部门批准",
    schema: Param.PercentRange,
    basis: national(`${texts.consultation} 第二十四条`),
    default: { value: { min: "10", max: "30" }, basis: national(`${texts.consultation} 第二十四条`) }
  }),
  "procurement.consultation.priceWeight": def({
    name: "procurement.consultation.priceWeight",
    title: { zh: "磋商价格分值占比", en: "Price weight chosen for the consultation" },
    unit: "percent",
    section: "三(五)",
    description: noNational("磋商文件规定的价格分值占总分值的比重"),
    schema: Param.Percent,
    basis: national(`${texts.consultation} 第二十四条`),
    subProject: "keyAreas"
  }),
  "procurement.panelReview.minPanelSize": def({
    name: "procurement.panelReview.minPanelSize",
    title: { zh: "方案评审小组最少人数", en: "Minimum review panel size" },
    unit: "count",
    section: "三(五)",
    description: noNational("由应急、人社等部门工作人员或推荐专家组成的项目方案评审小组的最少人数"),
    schema: Param.PositiveInt,
    basis: plan("三(五)"),
    subProject: "hazchem"
  }),
  "procurement.panelReview.aggregation": def({
    name: "procurement.panelReview.aggregation",
    title: { zh: "评审得分汇总方法", en: "How panel scores are aggregated" },
    unit: "choice",
    section: "三(五)",
    description: noNational(
      "评审小组成员打分的汇总方法:算术平均(mean)或去掉一个最高分和一个最低分后平均(trimmed-mean)"
    ),
    schema: Param.Aggregation,
    basis: plan("三(五)"),
    subProject: "hazchem"
  }),
  "procurement.tender.minBidDays": def({
    name: "procurement.tender.minBidDays",
    title: { zh: "公开招标等标期", en: "Minimum bid period for public tender" },
    unit: "calendar-days",
    section: "三(五)",
    description: "自招标文件开始发出之日起至投标人提交投标文件截止之日止,不得少于二十日",
    schema: Param.PositiveInt,
    basis: national(`${texts.procurementLaw} 第三十五条`),
    default: { value: 20, basis: national(`${texts.procurementLaw} 第三十五条`) }
  }),
  "contract.signWithinDays": def({
    name: "contract.signWithinDays",
    title: { zh: "成交通知后签订合同期限", en: "Days to sign the contract after the award notice" },
    unit: "calendar-days",
    section: "三(六)",
    description: "自中标、成交通知书发出之日起三十日内签订政府采购合同",
    schema: Param.PositiveInt,
    basis: national(`${texts.procurementLaw} 第四十六条`),
    default: { value: 30, basis: national(`${texts.procurementLaw} 第四十六条`) }
  }),
  // ── 过程监督、验收 ──────────────────────────────────────────────────────
  "supervision.briefingDueDay": def({
    name: "supervision.briefingDueDay",
    title: { zh: "月度简报报送日", en: "Monthly briefing due day" },
    unit: "day-of-month",
    section: "三(八)",
    description: noNational("服务机构每月向经办机构提交月度计划及进展简报的截止日(每月x日前)"),
    schema: Param.DayOfMonth,
    basis: plan("三(八)")
  }),
  "acceptance.rectificationDays": def({
    name: "acceptance.rectificationDays",
    title: { zh: "整改期限", en: "Rectification deadline" },
    unit: "days",
    section: "三(九)",
    description: noNational("验收不合格的,督促整改的期限"),
    schema: Param.PositiveInt,
    basis: plan("三(九)")
  }),
  "acceptance.rectificationUnit": def({
    name: "acceptance.rectificationUnit",
    title: { zh: "整改期限计算方式", en: "Rectification deadline counted in" },
    unit: "choice",
    section: "三(九)",
    description: noNational("整改期限按自然日还是工作日计算"),
    schema: Param.DayUnit,
    basis: plan("三(九)")
  }),
  "acceptance.minExperts": def({
    name: "acceptance.minExperts",
    title: { zh: "验收专家最少人数", en: "Minimum experts at acceptance" },
    unit: "count",
    section: "三(九)",
    description: noNational("经办机构组织相关专家评估验收的最少专家人数"),
    schema: Param.PositiveInt,
    basis: plan("三(九)")
  }),
  // ── 宣传培训指标 (四) ───────────────────────────────────────────────────
  "quota.deploymentMeetings": def({
    name: "quota.deploymentMeetings",
    title: { zh: "年度项目部署会", en: "Annual deployment meeting" },
    unit: "count",
    section: "四(二)①",
    description: "第三方服务机构组织年度工伤预防项目部署会",
    schema: Param.Count,
    basis: plan("四(二)①"),
    default: { value: 1, basis: plan("四(二)①", "年度部署会一次") },
    subProject: "keyAreas"
  }),
  "quota.parkEvents": def({
    name: "quota.parkEvents",
    title: { zh: "园区大型宣传活动场次", en: "Large park publicity events" },
    unit: "count",
    section: "四(二)②",
    description: noNational("在x个企业园区开展x场大型宣传活动"),
    schema: Param.Count,
    basis: plan("四(二)②"),
    subProject: "keyAreas"
  }),
  "quota.parks": def({
    name: "quota.parks",
    title: { zh: "开展活动的企业园区数", en: "Distinct parks with events" },
    unit: "count",
    section: "四(二)②",
    description: noNational("开展大型宣传活动的不同企业园区个数"),
    schema: Param.Count,
    basis: plan("四(二)②"),
    subProject: "keyAreas"
  }),
  "quota.materialTypes": def({
    name: "quota.materialTypes",
    title: { zh: "宣传材料种类", en: "Publicity material types" },
    unit: "list",
    section: "四(二)③",
    description: "宣传材料包括宣传横幅、宣传折页、宣传展板、企业宣传海报、喷绘、问卷调查表等,初稿须报经办机构审核",
    schema: Param.NonEmptyTextList,
    basis: plan("四(二)③"),
    default: {
      value: ["宣传横幅", "宣传折页", "宣传展板", "企业宣传海报", "喷绘", "问卷调查表"],
      basis: plan("四(二)③")
    },
    subProject: "keyAreas"
  }),
  "quota.warningVideos": def({
    name: "quota.warningVideos",
    title: { zh: "重点行业工伤风险警示教育片", en: "Warning videos for key industries" },
    unit: "count",
    section: "四(二)④",
    description: noNational("面向重点行业制作x部工伤风险警示教育片"),
    schema: Param.Count,
    basis: plan("四(二)④"),
    subProject: "keyAreas"
  }),
  "quota.warningVideoIndustries": def({
    name: "quota.warningVideoIndustries",
    title: { zh: "警示教育片面向的行业", en: "Industries the warning videos cover" },
    unit: "list",
    section: "四(二)④",
    description: "分别针对交通运输、邮政快递业和职业病重点行业",
    schema: Param.NonEmptyTextList,
    basis: plan("四(二)④"),
    default: { value: ["交通运输", "邮政快递", "职业病重点行业"], basis: plan("四(二)④") },
    subProject: "keyAreas"
  }),
  "quota.summaryVideo.minMinutes": def({
    name: "quota.summaryVideo.minMinutes",
    title: { zh: "工作总结片最短时长", en: "Summary video minimum length" },
    unit: "minutes",
    section: "四(二)⑤",
    description: noNational("制作一部x-x分钟的年度工伤预防工作总结片(下限)"),
    schema: Param.PositiveInt,
    basis: plan("四(二)⑤"),
    subProject: "keyAreas"
  }),
  "quota.summaryVideo.maxMinutes": def({
    name: "quota.summaryVideo.maxMinutes",
    title: { zh: "工作总结片最长时长", en: "Summary video maximum length" },
    unit: "minutes",
    section: "四(二)⑤",
    description: noNational("制作一部x-x分钟的年度工伤预防工作总结片(上限)"),
    schema: Param.PositiveInt,
    basis: plan("四(二)⑤"),
    subProject: "keyAreas"
  }),
  "quota.cityTvReports": def({
    name: "quota.cityTvReports",
    title: { zh: "市级电视台报道", en: "City TV reports" },
    unit: "count",
    section: "四(二)⑥",
    description: noNational("市级电视台新闻报道不低于x次"),
    schema: Param.Count,
    basis: plan("四(二)⑥"),
    subProject: "keyAreas"
  }),
  "quota.cityNewspaperReports": def({
    name: "quota.cityNewspaperReports",
    title: { zh: "市级报纸报道", en: "City newspaper reports" },
    unit: "count",
    section: "四(二)⑦",
    description: noNational("在市级报纸刊登播报不低于x次"),
    schema: Param.Count,
    basis: plan("四(二)⑦"),
    subProject: "keyAreas"
  }),
  "quota.provincialNewspaperReports": def({
    name: "quota.provincialNewspaperReports",
    title: { zh: "省级以上报刊报道", en: "Provincial-or-higher newspaper reports" },
    unit: "count",
    section: "四(二)⑦",
    description: noNational("省级以上报纸刊物刊登不少于x次"),
    schema: Param.Count,
    basis: plan("四(二)⑦"),
    subProject: "keyAreas"
  }),
  "quota.portalArticles": def({
    name: "quota.portalArticles",
    title: { zh: "门户网站新闻推送", en: "Portal news articles" },
    unit: "count",
    section: "四(二)⑧",
    description: noNational("选取热门网络门户网站宣传,全年不低于x篇新闻推送"),
    schema: Param.Count,
    basis: plan("四(二)⑧"),
    subProject: "keyAreas"
  }),
  "quota.hazchemTrainees": def({
    name: "quota.hazchemTrainees",
    title: { zh: "危化企业“三类人员”培训人数", en: "Hazardous-chemicals trainees (three roles)" },
    unit: "people",
    section: "四(二)",
    description: noNational(
      "对危险化学品重大危险源企业x名“三类人员”(安全生产分管负责人、专职安全管理人员、班组长)开展能力提升培训"
    ),
    schema: Param.Count,
    basis: national(texts.hazchemTraining, "三类人员:安全生产分管负责人、专职安全管理人员、班组长"),
    subProject: "hazchem"
  }),
  "quota.keyEnterprises": def({
    name: "quota.keyEnterprises",
    title: { zh: "精准培训重点企业数", en: "Key enterprises for targeted training" },
    unit: "count",
    section: "四(二)",
    description: noNational("选取x家重点企业开展“两降两增”精准培训(调研→定制化培训→回访巡查)"),
    schema: Param.Count,
    basis: plan("四(二)"),
    subProject: "keyAreas"
  }),
  "quota.training.manufacturing.sessions": def({
    name: "quota.training.manufacturing.sessions",
    title: { zh: "制造行业安全管理人员能力提升培训场次", en: "Training (manufacturing safety managers): sessions" },
    unit: "sessions",
    section: "四(二)",
    description: noNational("二是开展制造行业安全管理人员能力提升培训,不低于x场"),
    schema: Param.Count,
    basis: plan("四(二)", "二是"),
    subProject: "keyAreas"
  }),
  "quota.training.manufacturing.people": def({
    name: "quota.training.manufacturing.people",
    title: { zh: "制造行业安全管理人员能力提升培训人数", en: "Training (manufacturing safety managers): people" },
    unit: "people",
    section: "四(二)",
    description: noNational("二是开展制造行业安全管理人员能力提升培训,不少于x人"),
    schema: Param.Count,
    basis: plan("四(二)", "二是"),
    subProject: "keyAreas"
  }),
  "quota.training.construction.sessions": def({
    name: "quota.training.construction.sessions",
    title: { zh: "建筑行业安全管理人员能力提升培训场次", en: "Training (construction safety managers): sessions" },
    unit: "sessions",
    section: "四(二)",
    description: noNational("三是开展建筑行业安全管理人员能力提升培训,不低于x场"),
    schema: Param.Count,
    basis: plan("四(二)", "三是"),
    subProject: "keyAreas"
  }),
  "quota.training.construction.people": def({
    name: "quota.training.construction.people",
    title: { zh: "建筑行业安全管理人员能力提升培训人数", en: "Training (construction safety managers): people" },
    unit: "people",
    section: "四(二)",
    description: noNational("三是开展建筑行业安全管理人员能力提升培训,不少于x人"),
    schema: Param.Count,
    basis: plan("四(二)", "三是"),
    subProject: "keyAreas"
  }),
  "quota.training.occupationalDisease.sessions": def({
    name: "quota.training.occupationalDisease.sessions",
    title: {
      zh: "尘肺病等职业病大型外部培训场次",
      en: "Training (pneumoconiosis and other occupational diseases): sessions"
    },
    unit: "sessions",
    section: "四(二)",
    description: noNational("四是开展尘肺病等职业病大型外部培训,不低于x场"),
    schema: Param.Count,
    basis: plan("四(二)", "四是"),
    subProject: "keyAreas"
  }),
  "quota.training.occupationalDisease.people": def({
    name: "quota.training.occupationalDisease.people",
    title: {
      zh: "尘肺病等职业病大型外部培训人数",
      en: "Training (pneumoconiosis and other occupational diseases): people"
    },
    unit: "people",
    section: "四(二)",
    description: noNational("四是开展尘肺病等职业病大型外部培训,不少于x人"),
    schema: Param.Count,
    basis: plan("四(二)", "四是"),
    subProject: "keyAreas"
  }),
  "quota.training.transportPostal.sessions": def({
    name: "quota.training.transportPostal.sessions",
    title: { zh: "交通运输、邮政快递行业大型外部培训场次", en: "Training (transport and postal/express): sessions" },
    unit: "sessions",
    section: "四(二)",
    description: noNational("五是开展交通运输、邮政快递行业大型外部培训,不低于x场"),
    schema: Param.Count,
    basis: plan("四(二)", "五是"),
    subProject: "keyAreas"
  }),
  "quota.training.transportPostal.people": def({
    name: "quota.training.transportPostal.people",
    title: { zh: "交通运输、邮政快递行业大型外部培训人数", en: "Training (transport and postal/express): people" },
    unit: "people",
    section: "四(二)",
    description: noNational("五是开展交通运输、邮政快递行业大型外部培训,不少于x人"),
    schema: Param.Count,
    basis: plan("四(二)", "五是"),
    subProject: "keyAreas"
  })
} as const

/**
 * The name of a parameter in the catalogue.
 *
 * @since 0.1.0
 * @category models
 */
export type Name = keyof typeof definitions

/**
 * The decoded type of each parameter.
 *
 * @since 0.1.0
 * @category models
 */
export type Values = { readonly [K in Name]: Schema.Schema.Type<(typeof definitions)[K]["schema"]> }

/**
 * One value of a parameter's history.
 *
 * @since 0.1.0
 * @category models
 */
export interface Dated<A = unknown> {
  /** First day the value applies (`undefined`: from the beginning). */
  readonly from: string | undefined
  readonly value: A
  /** Where the value comes from: the default's citation, or what the city wrote. */
  readonly basis: LegalBasis
}

/**
 * A validated parameter set: for every parameter, its dated history (sorted by date).
 *
 * @since 0.1.0
 * @category models
 */
export interface ParameterSet {
  readonly city: string | undefined
  readonly histories: ReadonlyMap<string, ReadonlyArray<Dated>>
  /** Definitions in force (the catalogue plus those added by plugins). */
  readonly definitions: ReadonlyMap<string, Definition>
}

/**
 * A resolved read: value, the date it took effect and its basis.
 *
 * @since 0.1.0
 * @category models
 */
export interface Read<A = unknown> {
  readonly name: string
  readonly value: A
  readonly effectiveFrom: string | undefined
  readonly basis: LegalBasis
}

const DateString = Schema.String.pipe(
  Schema.pattern(/^\d{4}-\d{2}-\d{2}$/),
  Schema.annotations({ identifier: "IsoDate" })
)

const HistoryEntry = Schema.Struct({
  from: DateString,
  value: Schema.Unknown,
  basis: Schema.optional(Schema.String)
})

/**
 * The file a city writes: its parameter values, each either a plain value or
 * a dated history.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ParameterFile = Schema.Struct({
  city: Schema.optional(Schema.String),
  description: Schema.optional(Schema.String),
  parameters: Schema.Record({
    key: Schema.String,
    value: Schema.Union(Schema.Array(HistoryEntry), Schema.Unknown)
  })
})

/**
 * @since 0.1.0
 * @category models
 */
export type ParameterFile = typeof ParameterFile.Type

const allDefinitions: ReadonlyMap<string, Definition> = new Map(
  Object.entries(definitions) as Array<[string, Definition]>
)

const isHistory = (u: unknown): u is ReadonlyArray<typeof HistoryEntry.Type> =>
  Array.isArray(u) && u.length > 0 && u.every((e) => typeof e === "object" && e !== null && "from" in e && "value" in e)

/**
 * Validates a city's parameter file: unknown names, wrong types and missing
 * required parameters are reported with their path. Later values override
 * earlier ones from their date on.
 *
 * @since 0.1.0
 * @category constructors
 */
export const load = (
  input: unknown,
  options: {
    readonly definitions?: ReadonlyMap<string, Definition> | undefined
    readonly requireAll?: boolean | undefined
  } = {}
): Either.Either<ParameterSet, InvalidInput> => {
  const defs = options.definitions ?? allDefinitions
  const file = Schema.decodeUnknownEither(ParameterFile, { errors: "all", onExcessProperty: "error" })(input)
  if (Either.isLeft(file)) {
    return Either.left(
      new InvalidInput({ subject: "ParameterFile", issues: collectIssues(file.left) })
    )
  }
  const issues: Array<InputIssue> = []
  const histories = new Map<string, Array<Dated>>()
  const cityBasis = (note: string | undefined) =>
    new LegalBasis({
      level: "city",
      citation: file.right.city ? `${file.right.city} 参数文件` : "城市参数文件",
      ...(note === undefined ? {} : { note })
    })
  for (const [name, raw] of Object.entries(file.right.parameters)) {
    const definition = defs.get(name)
    const path = `parameters.${name}`
    if (definition === undefined) {
      issues.push(new InputIssue({ path, zh: "未知参数", en: "unknown parameter" }))
      continue
    }
    const decode = Schema.decodeUnknownEither(definition.schema, { errors: "all", onExcessProperty: "error" })
    const entries = isHistory(raw) ? raw : [{ from: undefined, value: raw, basis: undefined }]
    const dated: Array<Dated> = []
    entries.forEach((entry, i) => {
      const entryPath = isHistory(raw) ? `${path}[${i}].value` : path
      const decoded = decode(entry.value)
      if (Either.isLeft(decoded)) {
        for (const issue of collectIssues(decoded.left)) {
          const sub = issue.path === "" ? "" : issue.path.startsWith("[") ? issue.path : `.${issue.path}`
          issues.push(new InputIssue({ path: `${entryPath}${sub}`, zh: issue.zh, en: issue.en }))
        }
        return
      }
      dated.push({ from: entry.from, value: decoded.right, basis: cityBasis(entry.basis) })
    })
    dated.sort((a, b) => (a.from ?? "").localeCompare(b.from ?? ""))
    for (let i = 1; i < dated.length; i++) {
      if (dated[i]!.from === dated[i - 1]!.from) {
        issues.push(
          new InputIssue({
            path,
            zh: `同一生效日期 ${dated[i]!.from} 有两个取值`,
            en: `two values take effect on ${dated[i]!.from}`
          })
        )
      }
    }
    histories.set(name, dated)
  }
  for (const [name, definition] of defs) {
    if (histories.has(name)) continue
    if (definition.default !== undefined) {
      const decoded = Schema.decodeUnknownEither(definition.schema)(definition.default.value)
      if (Either.isRight(decoded)) {
        histories.set(name, [{ from: undefined, value: decoded.right, basis: definition.default.basis }])
      }
      continue
    }
    if (definition.optional === true || options.requireAll === false) continue
    issues.push(
      new InputIssue({
        path: `parameters.${name}`,
        zh: `缺少必填参数“${definition.title.zh}”(无全国统一默认值,须由城市填写)`,
        en: `missing required parameter "${definition.title.en}" (no national default; the city must give it)`
      })
    )
  }
  if (issues.length > 0) return Either.left(new InvalidInput({ subject: "ParameterFile", issues }))
  return Either.right({ city: file.right.city, histories, definitions: defs })
}

const collectIssues = (error: import("effect/ParseResult").ParseError): ReadonlyArray<InputIssue> =>
  Param.issuesOf(error)

/**
 * Resolves a parameter at a date: the latest value whose date is on or before it.
 *
 * @since 0.1.0
 * @category getters
 */
export const resolve = (set: ParameterSet, name: string, at: string): Read | undefined => {
  // Memoised per set and date: rule sets read the same parameters at the same date over and
  // over. Sets are immutable values (load, overlay and extend build new ones), so a cached read
  // never goes stale; the cache lives as long as the set and is bounded.
  let byDate = resolveCache.get(set)
  if (byDate === undefined) {
    byDate = new Map()
    resolveCache.set(set, byDate)
  }
  let byName = byDate.get(at)
  if (byName === undefined) {
    if (byDate.size >= resolveCacheDates) byDate.clear()
    byName = new Map()
    byDate.set(at, byName)
  }
  const cached = byName.get(name)
  if (cached !== undefined || byName.has(name)) return cached
  const read = resolveUncached(set, name, at)
  byName.set(name, read)
  return read
}

const resolveCache = new WeakMap<ParameterSet, Map<string, Map<string, Read | undefined>>>()
const resolveCacheDates = 1024

const resolveUncached = (set: ParameterSet, name: string, at: string): Read | undefined => {
  const history = set.histories.get(name)
  if (history === undefined) return undefined
  let found: Dated | undefined
  for (const entry of history) {
    if (entry.from === undefined || entry.from <= at) found = entry
    else break
  }
  return found === undefined ? undefined : { name, value: found.value, effectiveFrom: found.from, basis: found.basis }
}

/**
 * Typed lookup of a catalogue parameter at a date.
 *
 * @since 0.1.0
 * @category getters
 */
export const get = <K extends Name>(set: ParameterSet, name: K, at: string): Values[K] | undefined =>
  resolve(set, name, at)?.value as Values[K] | undefined

/**
 * Overlays values on a parameter set (a scenario's or a plugin's overrides).
 * Each overlay value replaces the whole history of that parameter unless it is itself a history.
 *
 * @since 0.1.0
 * @category combinators
 */
export const overlay = (
  set: ParameterSet,
  input: unknown,
  source: LegalBasis
): Either.Either<ParameterSet, InvalidInput> => {
  const parsed = load({ parameters: input }, { definitions: set.definitions, requireAll: false })
  return Either.map(parsed, (extra) => {
    const histories = new Map(set.histories)
    for (const [name, entries] of extra.histories) {
      if (input === null || typeof input !== "object" || !(name in input)) continue
      histories.set(name, entries.map((e) => ({ ...e, basis: source })))
    }
    return { ...set, histories }
  })
}

/**
 * Adds definitions (a plugin's new parameters) to a set; their defaults apply.
 *
 * @since 0.1.0
 * @category combinators
 */
export const extend = (set: ParameterSet, added: ReadonlyArray<Definition>): ParameterSet => {
  const definitions = new Map(set.definitions)
  const histories = new Map(set.histories)
  for (const d of added) {
    definitions.set(d.name, d)
    if (!histories.has(d.name) && d.default !== undefined) {
      const decoded = Schema.decodeUnknownEither(d.schema)(d.default.value)
      if (Either.isRight(decoded)) {
        histories.set(d.name, [{ from: undefined, value: decoded.right, basis: d.default.basis }])
      }
    }
  }
  return { ...set, definitions, histories }
}

/**
 * The catalogue as a map (for documentation and plugins).
 *
 * @since 0.1.0
 * @category constants
 */
export const catalogue: ReadonlyMap<string, Definition> = allDefinitions

/**
 * Encodes a value of a parameter for display or export (Money as a string in yuan, decimals as strings).
 *
 * @since 0.1.0
 * @category formatting
 */
export const show = (value: unknown): string => {
  if (typeof value !== "object" || value === null) return showUncached(value)
  // decoded parameter values are immutable, so their text is computed once
  const cached = shown.get(value)
  if (cached !== undefined) return cached
  const text = showUncached(value)
  shown.set(value, text)
  return text
}

const shown = new WeakMap<object, string>()

const showUncached = (value: unknown): string => {
  if (Money.isMoney(value)) return Money.format(value)
  if (
    value instanceof Money.Decimal ||
    (typeof value === "object" && value !== null && "toFixed" in value && "d" in value)
  ) {
    return (value as Money.Decimal).toFixed()
  }
  if (typeof value === "string") return value
  return JSON.stringify(value, (_k, v) => (Money.isMoney(v) ? v.toString() : v))
}

/**
 * A refinement helper for plugin authors: a whole number at least `min`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const intAtLeast = (min: number) =>
  Schema.Int.pipe(
    Schema.filter((n) => n >= min, bilingual(`须为不小于 ${min} 的整数`, `must be a whole number ≥ ${min}`))
  )
