/**
 * The lifecycle's own guards: the checks the project decider makes inline
 * (order of the steps, publicity before procurement, contract terms, briefing
 * months, corrections …), each with a stable id, titles, plan section and
 * legal basis. Together with the rule values of each stage (see
 * `Plugin.baseRules`) they are every rule id a rejection or finding can carry.
 *
 * @since 0.1.0
 */
import { gsyf, LegalBasis, national, plan, texts } from "../kernel/LegalBasis.js"
import type { Title } from "../rules/Rule.js"

/**
 * A documented guard.
 *
 * @since 0.1.0
 * @category models
 */
export interface Guard {
  readonly id: string
  readonly title: Title
  readonly section: string
  readonly basis: ReadonlyArray<LegalBasis>
  readonly description: string
  /** Parameters the guard reads, if any. */
  readonly reads: ReadonlyArray<string>
}

const g = (
  id: string,
  zh: string,
  en: string,
  section: string,
  basis: ReadonlyArray<LegalBasis>,
  description: string,
  reads: ReadonlyArray<string> = []
): Guard => ({ id, title: { zh, en }, section, basis, description, reads })

const order = (id: string, zh: string, en: string, section: string, description: string) =>
  g(id, zh, en, section, [plan(section)], description)

/**
 * Every guard of the lifecycle, in plan order.
 *
 * @since 0.1.0
 * @category constants
 */
export const all: ReadonlyArray<Guard> = [
  g(
    "roles.allowed",
    "按角色授权",
    "Only the roles allowed may give a command",
    "二、三、七",
    [plan("二(一)"), plan("三")],
    "每条命令列明可执行的角色(人社局、委员会、成员单位、财政局、经办机构、服务机构、专家、用人单位、公众);其他角色执行时拒绝并不作任何记录。"
  ),
  g(
    "input.schema",
    "输入符合格式",
    "Input matches its schema",
    "—",
    [gsyf("所有公开入口按 Schema 解码输入")],
    "命令的字段、类型和取值必须符合命令的 Schema;不符时按字段路径给出中英文说明,不写入任何内容。"
  ),
  order(
    "lifecycle.key-areas-before-plan",
    "重点领域在方案印发前确定",
    "Key areas are chosen before the plan is issued",
    "三(一)",
    "实施方案印发后不能再确定或更改重点领域。"
  ),
  order(
    "lifecycle.key-areas-first",
    "先确定重点领域",
    "Key areas come first",
    "三(一)",
    "印发实施方案前须已确定工伤预防重点领域。"
  ),
  order(
    "lifecycle.opinions-before-plan",
    "征求意见在方案印发前",
    "Opinions are gathered before the plan is issued",
    "三(二)",
    "成员单位意见须在方案印发前征求。"
  ),
  g("plan.member-opinions", "征求全部成员单位意见", "Opinions of every member unit", "三(二)", [
    plan("三(二)", "经征求各成员单位意见后印发"),
    plan("七(一)", "人社、工信、财政、应急、卫健、住建、交通、工会")
  ], "以委员会名义印发实施方案前,须记录全部八个成员单位的意见。"),
  order(
    "lifecycle.plan-once",
    "实施方案只印发一次",
    "The plan is issued once",
    "三(二)",
    "同一项目的实施方案只印发一次。"
  ),
  g(
    "plan.key-enterprise-list",
    "重点企业名单不少于指标",
    "Key-enterprise list covers the quota",
    "四(二)",
    [plan("四(二)", "具体企业名单由市工伤预防委员会研究提供")],
    "委员会提供的重点企业名单不得少于重点企业指标数。",
    ["quota.keyEnterprises"]
  ),
  order(
    "lifecycle.key-enterprise-list-first",
    "名单在重点企业工作开始前提供",
    "The list precedes key-enterprise work",
    "四(二)",
    "重点企业工作开始后不能再提供名单。"
  ),
  order(
    "lifecycle.plan-first",
    "方案印发后报送预算",
    "The budget follows the plan",
    "三(三)",
    "实施方案印发后方可报送费用构成明细和反馈进展。"
  ),
  order(
    "lifecycle.budget-once",
    "预算不重复报送",
    "No second budget while one is pending",
    "三(三)",
    "预算已报送或已批准时不能再次报送。"
  ),
  order(
    "lifecycle.budget-submitted",
    "审核已报送的预算",
    "Only a submitted budget is reviewed",
    "三(三)",
    "财政部门只能审核已报送的预算。"
  ),
  g(
    "budget.return-reasons",
    "退回预算说明理由",
    "A returned budget states its reasons",
    "三(三)",
    [plan("三(三)")],
    "财政部门退回预算时须说明理由。"
  ),
  order(
    "lifecycle.budget-approved-first",
    "预算审核通过后公示采购需求",
    "Publicity follows budget approval",
    "三(四)",
    "预算审核通过后,启动采购需求公示和项目采购。"
  ),
  g(
    "publicity.period",
    "采购需求公示期",
    "Requirement publicity period",
    "三(四)",
    [
      plan("三(四)", "对采购需求进行为期x日公示"),
      national(`${texts.civilCode} 第二百零一条至第二百零三条`, "开始当日不计入;最后一日为法定休假日的顺延")
    ],
    "按参数规定的日数和计算方式(自然日或工作日)计算公示截止日;开始当日不计入,截止日遇休息日顺延至下一个工作日。",
    ["publicity.length", "publicity.unit"]
  ),
  order(
    "publicity.once",
    "每个子项目公示一次",
    "One publicity per sub-project",
    "三(四)",
    "同一子项目的采购需求只公示一次。"
  ),
  order(
    "publicity.started",
    "公示期间方可提出异议",
    "Objections need a running publicity",
    "三(四)",
    "采购需求尚未公示时不能登记异议。"
  ),
  g(
    "publicity.objection-window",
    "异议在公示期内提出",
    "Objections within the publicity",
    "三(四)",
    [plan("三(四)")],
    "异议的收到日期须在公示期起止日之间。"
  ),
  g(
    "publicity.objection-known",
    "答复已登记的异议",
    "Answer a recorded objection",
    "三(四)",
    [plan("三(四)")],
    "只能答复已登记的异议。"
  ),
  order(
    "publicity.objection-once",
    "异议只答复一次",
    "An objection is answered once",
    "三(四)",
    "已答复的异议不能再次答复。"
  ),
  g("publicity.before-procurement", "公示期满后方可采购", "Procurement starts after the publicity ends", "三(四)(五)", [
    plan("三(四)"),
    plan("三(五)")
  ], "采购须在公示截止日之后启动,采购文件也须在截止日之后发出。"),
  g("publicity.objections-resolved", "异议答复后方可采购", "Objections answered before procurement", "三(四)", [
    plan("三(四)"),
    national(`${texts.procurementLaw} 第五十二条、第五十三条`, "质疑与答复")
  ], "公示期间提出的异议全部答复后方可启动采购。"),
  g(
    "procurement.method-as-planned",
    "按方案规定的方式采购",
    "Procure by the method of the plan",
    "三(五)",
    [plan("三(五)", "危化项目分散采购;其他重点领域项目竞争性磋商")],
    "各子项目的采购方式须与参数(实施方案)规定一致。",
    ["procurement.hazchem.method", "procurement.keyAreas.method"]
  ),
  g("procurement.method-known", "采购方式已知", "Known procurement method", "三(五)", [
    national(`${texts.procurementLaw} 第二十六条`)
  ], "采购方式须为 gsyf 或插件登记的方式。"),
  order(
    "procurement.once",
    "每个子项目采购一次",
    "One procurement per sub-project",
    "三(五)",
    "同一子项目只启动一次采购。"
  ),
  order(
    "lifecycle.procurement-started",
    "先启动采购",
    "Procurement must have started",
    "三(五)",
    "提交响应、组建评审小组、评分和确定成交前须已启动采购。"
  ),
  order(
    "procurement.closed",
    "成交后采购结束",
    "Procurement closes at the award",
    "三(五)",
    "确定成交供应商后不能再提交响应或评分。"
  ),
  g("procurement.response-deadline", "在响应期内提交响应文件", "Responses within the response period", "三(五)", [
    national(`${texts.consultation} 第十条`)
  ], "响应截止日不得早于采购文件发出日;响应文件须在采购文件发出后、响应截止日(含)前提交。"),
  g(
    "procurement.one-bid",
    "每家供应商一份响应",
    "One response per supplier",
    "三(五)",
    [plan("三(五)")],
    "同一供应商只能提交一份响应文件。"
  ),
  order(
    "procurement.panel-once",
    "评审小组组建一次",
    "The panel is appointed once",
    "三(五)",
    "评审(磋商)小组只组建一次。"
  ),
  order(
    "procurement.panel-first",
    "先组建评审小组",
    "The panel comes first",
    "三(五)",
    "评分和确定成交前须已组建评审小组。"
  ),
  g("procurement.score-after-deadline", "响应截止后评审", "Scoring after responses close", "三(五)", [
    national(`${texts.consultation} 第十条`)
  ], "评审打分须在响应截止日之后。"),
  g("procurement.scores-valid", "评分完整且在分值范围内", "Scores complete and within range", "三(五)", [
    national(`${texts.consultation} 第二十四条`, "综合评分法")
  ], "评审成员须对每家供应商的每个已公布评分因素打分,分值在 0 至该因素满分之间。"),
  g("procurement.all-scored", "全体成员评分后确定成交", "Every member scores before the award", "三(五)", [
    plan("三(五)")
  ], "评审小组全体成员提交评分后方可汇总排序、确定成交。"),
  g("procurement.criteria-total", "非价格因素分值合计", "Non-price criteria add up", "三(五)", [
    national(`${texts.consultation} 第二十四条`)
  ], "磋商中非价格评分因素的满分合计须等于 100 减价格分值。"),
  g(
    "procurement.panel-review.aggregation",
    "评审得分汇总方法",
    "Panel score aggregation",
    "三(五)",
    [plan("三(五)")],
    "分散采购评审小组得分按参数规定的方法(算术平均或去掉最高最低分后平均)汇总。",
    ["procurement.panelReview.aggregation", "procurement.panelReview.minPanelSize"]
  ),
  order(
    "lifecycle.award-first",
    "确定成交后签订合同",
    "The contract follows the award",
    "三(六)",
    "签订合同前须已确定成交供应商。"
  ),
  order("contract.once", "每个子项目一份合同", "One contract per sub-project", "三(六)", "同一子项目只签订一份合同。"),
  g("contract.awarded-supplier", "与成交供应商签订合同", "Contract with the awarded supplier", "三(六)", [
    plan("三(六)", "与中标的工伤预防服务机构签订合同"),
    national(`${texts.procurementLaw} 第四十六条`)
  ], "合同供应商须为成交供应商。"),
  g("contract.award-value", "合同金额与成交金额一致", "Contract amount equals the award", "三(六)", [
    national(`${texts.procurementLaw} 第四十六条`, "按照采购文件确定的事项签订合同")
  ], "合同金额须等于成交金额(最后报价)。"),
  g(
    "contract.within-budget",
    "合同金额不超过子项目预算",
    "Contract within the sub-project budget",
    "三(六)",
    [plan("六(一)")],
    "合同金额不得超过该子项目预算。",
    ["budget.hazchem", "budget.keyAreas"]
  ),
  g(
    "contract.sign-within",
    "成交通知后30日内签订合同",
    "Sign within 30 days of the award",
    "三(六)",
    [national(`${texts.procurementLaw} 第四十六条`)],
    "自成交通知发出之日起,在参数规定的日数(全国为30日)内签订合同。",
    ["contract.signWithinDays"]
  ),
  g(
    "contract.payment-split",
    "合同的预付款与余款",
    "The contract's advance and balance",
    "六(二)",
    [plan("六(二)")],
    "签订合同时按预付款比例计算预付款,余款为合同金额减预付款(吸收舍入差)。",
    ["payment.advancePercent", "payment.balancePercent", "payment.rounding"]
  ),
  order(
    "lifecycle.contract-first",
    "合同签订后开展实施",
    "Implementation follows the contract",
    "三(七)",
    "实施计划、设计稿、月度简报、抽查、付款和验收均须在合同签订之后。"
  ),
  order(
    "implementation.plan-pending",
    "实施计划不重复报送",
    "No second implementation plan pending",
    "三(七)",
    "实施计划待审批或已通过时不能再次报送。"
  ),
  order(
    "implementation.plan-submitted",
    "审批已报送的实施计划",
    "Review a submitted plan",
    "三(七)",
    "经办机构只能审批已报送的实施计划。"
  ),
  g("implementation.return-reasons", "退回实施计划说明理由", "A returned plan states its reasons", "三(七)", [
    plan("三(七)")
  ], "退回实施计划须说明理由。"),
  order(
    "materials.design-once",
    "设计稿不重复报送",
    "A design is submitted once",
    "四(二)③",
    "待审核或已通过的设计稿不能再次报送。"
  ),
  order(
    "materials.design-submitted",
    "审核已报送的设计稿",
    "Review a submitted design",
    "四(二)③",
    "只能审核已报送的设计稿。"
  ),
  g(
    "deliverable.correction-target",
    "更正有效的交付物记录",
    "Correct a deliverable in force",
    "四",
    [plan("四")],
    "更正须指向一条仍然有效的交付物事件;原事件不修改,更正以新事件记录。"
  ),
  g(
    "supervision.briefing-month",
    "按月报送简报",
    "Briefings for the contract's months",
    "三(八)",
    [plan("三(八)")],
    "月度简报的月份须在合同签订次月至合同期满当月之间。"
  ),
  g(
    "supervision.briefing-once",
    "每月简报报送一次",
    "One briefing a month",
    "三(八)",
    [plan("三(八)")],
    "同一月份的简报只报送一次。"
  ),
  g(
    "supervision.briefing-due",
    "月度简报按时报送",
    "Monthly briefing on time",
    "三(八)",
    [plan("三(八)", "每月定期提交月度项目计划及进展简报"), national(`${texts.civilCode} 第二百零三条`)],
    "每月简报应在参数规定的当月报送日(遇休息日顺延)前报送;迟报记为警告。",
    ["supervision.briefingDueDay"]
  ),
  order(
    "lifecycle.implementation-first",
    "实施计划通过后申请验收",
    "Acceptance follows an approved plan",
    "三(九)",
    "没有审批通过的实施计划不能申请验收。"
  ),
  order(
    "acceptance.pending",
    "验收申请不重复",
    "No second application pending",
    "三(九)",
    "验收申请待评估或已通过时不能再次申请。"
  ),
  order(
    "acceptance.applied-first",
    "先申请后评估",
    "Evaluation follows an application",
    "三(九)",
    "没有待评估的验收申请时不能组织评估。"
  ),
  g(
    "acceptance.rectification-deadline",
    "整改期限",
    "Rectification deadline",
    "三(九)",
    [plan("三(九)", "对评估验收不合格的,督促进行整改")],
    "验收不合格时,按参数规定的日数和计算方式确定整改期限。",
    ["acceptance.rectificationDays", "acceptance.rectificationUnit"]
  ),
  order(
    "acceptance.passed-first",
    "验收合格后备案",
    "Only a passed acceptance is filed",
    "三(九)",
    "验收合格后方可将验收报告报委员会办公室备案。"
  ),
  order("filing.once", "验收报告备案一次", "The report is filed once", "三(九)", "验收报告只备案一次。"),
  g("calendar.covered", "日历覆盖所涉年份", "The calendar covers the year", "三(四)", [
    national(texts.holidays),
    gsyf("没有该年度放假安排时不作推测")
  ], "涉及工作日或顺延的期限须有该年度国务院办公厅放假安排;缺少时拒绝而不推测(可由插件补充)。"),
  g(
    "parameters.missing",
    "所需参数有有效取值",
    "Parameters in force",
    "—",
    [gsyf("无全国默认值的参数须由城市填写")],
    "规则读取的参数在当日须有有效取值。"
  )
]

/**
 * A guard by id.
 *
 * @since 0.1.0
 * @category getters
 */
export const byId: ReadonlyMap<string, Guard> = new Map(all.map((x) => [x.id, x]))
