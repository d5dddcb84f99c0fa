/**
 * The annual implementation plan (实施方案) written out from the parameters,
 * following the seed plan section by section (开头, 一 to 七) with every blank
 * filled in for the city and year.
 *
 * @internal
 */
import { Money } from "@gsyf/core"
import * as Block from "../Block.js"
import * as Document from "../Document.js"
import * as Inline from "../Inline.js"
import {
  cityYear,
  committeeName,
  eventsOf,
  param,
  paramOr,
  percent,
  type Source,
  subProjectTitle,
  wan,
  zhMonthRange
} from "./projectFacts.js"

type Range = { readonly from: string; readonly to?: string | undefined }
type Schedule = Partial<
  Record<
    | "keyAreas"
    | "subProjects"
    | "budgetApproval"
    | "publicity"
    | "procurement"
    | "contract"
    | "implementation"
    | "supervision"
    | "acceptance",
    Range
  >
>

/** Whether the parameters give everything the plan needs. @internal */
export const planReady = (src: Source, at: string): boolean =>
  [
    "plan.city",
    "plan.fiscalYear",
    "budget.total",
    "budget.hazchem",
    "budget.keyAreas",
    "payment.advancePercent",
    "payment.balancePercent",
    "publicity.length",
    "project.periodMonths"
  ].every(
    (n) => param(src.config, n, at) !== undefined
  )

/** Builds the plan. @internal */
export const implementationPlan = (src: Source, at: string): Document.Document => {
  const c = src.config
  const p = <A>(name: string): A => param<A>(c, name, at) as A
  const { city, year } = cityYear(c, at)
  const province = paramOr(c, "plan.province", at, "省（自治区）")
  const schedule = paramOr<Schedule>(c, "plan.schedule", at, {})
  const when = (k: keyof Schedule): string => {
    const r = schedule[k]
    return r === undefined ? "" : `（${zhMonthRange(r)}）`
  }
  const hz = subProjectTitle(c, "hazchem", at)
  const ka = subProjectTitle(c, "keyAreas", at)
  const q = (name: string): number => p<number>(`quota.${name}`)
  const provincial = paramOr<ReadonlyArray<string>>(c, "plan.provincialDocuments", at, [])
  const hazchemDoc = param<string>(c, "plan.hazchemCityDocument", at)
  const issued = eventsOf(src.events, "PlanIssued").at(-1)
  const keyAreas = eventsOf(src.events, "KeyAreasSelected").at(-1)
  const areaLabels = keyAreas?.selected.map((a) => a.label.replace(/^[A-Z]\d*\s+/, "")) ?? []
  const publicityLength = p<number>("publicity.length")
  const publicityUnit = paramOr<string>(c, "publicity.unit", at, "calendar-days")
  const period = p<number>("project.periodMonths")
  const serviceArea = paramOr(c, "project.serviceArea", at, city)
  const total = p<Money.Money>("budget.total")
  const hzBudget = p<Money.Money>("budget.hazchem")
  const kaBudget = p<Money.Money>("budget.keyAreas")
  const committee = issued?.actor.organisation ?? committeeName(src)
  const videoMin = p<number>("quota.summaryVideo.minMinutes")
  const videoMax = p<number>("quota.summaryVideo.maxMinutes")
  const industries = paramOr<ReadonlyArray<string>>(c, "quota.warningVideoIndustries", at, [])
  const materials = paramOr<ReadonlyArray<string>>(c, "quota.materialTypes", at, [])
  const track = (name: string) => [q(`training.${name}.sessions`), q(`training.${name}.people`)] as const
  const [mfgS, mfgP] = track("manufacturing")
  const [conS, conP] = track("construction")
  const [odS, odP] = track("occupationalDisease")
  const [tpS, tpP] = track("transportPostal")
  const enterprises = q("keyEnterprises")
  const para = (text: Inline.InlineInput) => Block.paragraph(text)
  const lead = (label: string, text: string) => Block.paragraph([Inline.bold(label), text])
  const h4 = (text: string) => Block.heading(4, text)

  const opening =
    `为推进${year}年度${city}工伤预防项目的实施，认真贯彻落实习近平总书记关于完善覆盖全民的社会保障体系的重要讲话精神，` +
    (provincial.length > 0
      ? `根据${provincial.join("和")}等文件精神，`
      : `根据${province}工伤预防五年行动计划和工伤预防费使用管理办法等文件精神，`) +
    `依据《${city}工伤预防五年行动计划实施方案》的部署，结合我市实际，制定本实施方案。`

  const blocks: Array<Block.Block> = [
    para(opening),
    Block.heading(1, "总体目标"),
    para(
      "通过实施工伤预防项目，加大工伤预防宣传和培训力度，减少工伤事故和职业病的发生，保障职工的生命安全和身体健康；" +
        "推动用人单位落实安全生产管理和职业病防治主体责任，增强职工的安全生产和职业卫生防护意识，从源头上减少工伤事故和职业病，" +
        `建立健全“预防、补偿、康复”三位一体的工伤保险制度体系，确保我市工伤保险事业持续健康发展。`
    ),
    Block.heading(1, "工作原则"),
    lead(
      "（一）政府主导，专业运作。",
      "工伤预防工作由市级人社部门牵头负责，市工伤预防相关部门按照各自职能做好相关工作，共同推进。" +
        "工伤预防项目参照政府采购法等相关规定，通过项目采购从具备相应条件的社会、经济组织中选定工伤预防服务机构，实行专业化运作。"
    ),
    lead(
      "（二）循序渐进，突出重点。",
      `在${year - 1}年度${city}工伤预防项目实施的基础上，按照“循序渐进、突出重点”的工作方式，坚持问题导向，` +
        "通过数据分析和当年重点工作任务确定重点宣传培训对象，精准施策，确保我市工伤预防工作取得实际成效。"
    ),
    lead(
      "（三）公开透明，依规实施。",
      "工伤预防项目的实施遵循依法依规、公开竞争、公正透明的原则，实行项目管理，依照有关规定确定项目、采购方式、项目实施及费用支付等工作。"
    ),
    lead(
      "（四）规范管理，确保安全。",
      "严格按照《工伤保险条例》和工伤预防费使用管理办法等有关规定和要求，明确流程，规范管理，加强监督，确保工伤保险基金使用安全有效。"
    ),
    Block.heading(1, "工作内容及工作步骤"),
    Block.heading(2, `确定工伤预防重点领域${when("keyAreas")}`),
    para(
      `根据我市公布的${year - 1}年工伤预防重点领域及${
        year - 1
      }年度、${year}年上半年职业病发生、安全生产事故和工伤事故发生情况进行数据分析，` +
        `同时根据上级文件对危险化学品企业工伤预防能力提升的要求，结合我市重点产业项目发展需要，确定我市${year}年工伤预防重点领域为：` +
        (areaLabels.length > 0
          ? `${areaLabels.join("；")}。`
          : "按数据分析结果确定的重点行业及其他危险化学品相关行业。")
    ),
    Block.heading(2, `确定工伤预防实施项目${when("subProjects")}`),
    para(
      "根据确定的工伤预防重点领域和方向，市级人社部门牵头拟定年度工伤预防实施方案，明确工伤预防项目预算、实施计划与内容、过程监督与管理，" +
        `经征求${committee}各成员单位意见后，以${committee}名义印发。${year}年${city}工伤预防项目分为两个子项目，分别是“${hz}”和“${ka}”。`
    ),
    Block.heading(2, `工伤预防费用审批${when("budgetApproval")}`),
    para([
      "根据工伤预防项目预算，市级人社部门编制工伤预防费用构成明细报财政部门审核。",
      `${year}年${city}工伤预防项目预算`,
      Inline.bold(wan(total)),
      `，其中“${hz}”预算`,
      Inline.bold(wan(hzBudget)),
      `，“${ka}”预算`,
      Inline.bold(wan(kaBudget)),
      "。预算审核通过后，启动项目采购。"
    ]),
    Block.heading(2, `采购需求公示${when("publicity")}`),
    para(
      `根据相关规定，对采购需求进行为期${publicityLength}${
        publicityUnit === "working-days" ? "个工作日" : "日"
      }的公示。`
    ),
    Block.heading(2, `项目招标采购${when("procurement")}`),
    para(
      "工伤预防项目实施方案经工伤预防委员会审批通过后，由市级社会保险经办机构负责对相关项目进行采购。" +
        `对“${hz}”进行分散采购，由市级社会保险经办机构邀请市应急、人社等部门工作人员或部门推荐的相关专家组成项目方案评审小组，` +
        "对相关服务机构提交的培训项目方案进行评审打分，参照政府采购法及本单位内控制度等相关规定，从具备相应条件的服务机构中选定工伤预防服务机构。" +
        `对“${ka}”进行公开采购，采用竞争性磋商方式，由市级社会保险经办机构按政府采购流程进行采购。`
    ),
    Block.heading(2, `签订合同${when("contract")}`),
    para(
      "市级社会保险经办机构与中标（成交）的工伤预防服务机构签订合同，确定合同内容，明确开展项目的数量、质量要求及验收评估标准。" +
        "市级社会保险经办机构依据合同条款向工伤预防服务机构支付项目预付款。"
    ),
    Block.heading(2, `项目实施${when("implementation")}`),
    para(
      "合同签订后，工伤预防服务机构根据项目要求编制年度工伤预防项目实施计划，报市级社会保险经办机构审批，审批通过后按计划组织实施。"
    ),
    Block.heading(2, `过程监督${when("supervision")}`),
    para(
      "工伤预防服务机构每月定期向市级社会保险经办机构提交月度项目计划及进展简报。市级社会保险经办机构可对月度计划开展的项目进行抽查，" +
        `监督执行过程质量，并定期向${committee}反馈项目进展情况。`
    ),
    Block.heading(2, `项目验收${when("acceptance")}`),
    para(
      "工伤预防项目实施周期结束时，工伤预防服务机构向市级社会保险经办机构提出项目验收申请，市级社会保险经办机构组织相关专家，" +
        "对项目实施情况和绩效目标实现情况进行评估验收。评估验收合格后，市级社会保险经办机构向项目实施机构支付余款；评估验收不合格的，督促其进行整改。" +
        `评估验收报告报${committee}办公室备案，并作为开展下一年度项目的重要依据。`
    ),
    Block.heading(1, "工伤预防项目宣传培训内容"),
    Block.heading(2, "实施对象"),
    para(
      `实施对象主要是${city}的用人单位和职工。从${city}${year}年工伤预防重点领域中选取工伤事故和职业病发生率高、工亡和高等级伤残工伤职工多、` +
        "工伤保险基金支缴率高的重点行业、重点单位、重点岗位、重点人员和企业园区相关人员作为宣传和培训对象。"
    ),
    Block.heading(2, "实施要求"),
    Block.heading(3, `${ka}的工伤预防宣传`),
    lead(
      "宣传内容：",
      "开展《工伤保险条例》《社会保险法》《职业病防治法》《安全生产法》等法律法规及其配套政策宣传；" +
        "开展安全生产管理、工伤事故预防、职业病防治、消防安全、生命安全、交通安全等相关知识宣传。"
    ),
    para([Inline.bold("开展方式：")]),
    h4("年度工伤预防项目部署会"),
    para(
      `由第三方工伤预防服务机构负责组织实施，${committee}成员单位及工伤预防重点企业、职业病相关企业参会，` +
        `年度部署会不少于${
          q("deploymentMeetings")
        }次。通过部署会引起相关企业对工伤预防工作的重视，为后续${city}工伤预防项目顺利开展打好基础。`
    ),
    h4("园区大型宣传活动"),
    para(
      "由第三方工伤预防服务机构负责，通过流动警示教育基地和发放宣传手册等普遍宣传方式，" +
        `在${city}选择企业较集中、就业人员较多、具备宣传场地条件的${q("parks")}个企业园区开展${
          q("parkEvents")
        }场大型宣传活动。`
    ),
    h4("宣传材料制作"),
    para(
      "由第三方工伤预防服务机构负责设计宣传资料初稿，报请市级社会保险经办机构（合同甲方）审核。" +
        `宣传材料包括：${
          materials.length > 0 ? materials.join("、") : "宣传横幅、宣传折页、宣传展板等"
        }，共${materials.length}种。`
    ),
    h4("重点行业工伤风险警示教育片"),
    para(
      `由第三方工伤预防服务机构负责，面向${city}重点行业制作${q("warningVideos")}部工伤风险警示教育片，` +
        (industries.length > 0 ? `分别针对${industries.join("、")}，` : "") +
        "供线上和线下宣传使用。"
    ),
    h4("工伤预防工作总结片"),
    para(
      `由第三方工伤预防服务机构负责，结合${city}年度工伤预防工作制作一部${videoMin}-${videoMax}分钟的年度工伤预防工作总结片，` +
        `对${city}年度工伤预防项目进行回顾，展示项目亮点、总结项目成绩，并提出下一年度工伤预防实施建议。`
    ),
    h4("电视媒体宣传"),
    para(
      `由第三方工伤预防服务机构负责，联系市级电视媒体对工伤预防项目进行新闻报道，市级电视台报道不少于${
        q("cityTvReports")
      }次。`
    ),
    h4("报纸媒体宣传"),
    para(
      `由第三方工伤预防服务机构负责，在市级报纸刊登项目执行过程中的相关工作报道不少于${q("cityNewspaperReports")}次，` +
        `在省级以上报纸刊物刊登不少于${q("provincialNewspaperReports")}次。`
    ),
    h4("门户网站网络宣传"),
    para(
      "由第三方工伤预防服务机构负责，选取热门网络门户网站进行宣传（如腾讯新闻、一点资讯、搜狐、凤凰、网易、中国财经时报网、中国商报网、中国金融商报网、" +
        `财经参考报、中国经济导报网、中国报道网等），全年新闻推送不少于${q("portalArticles")}篇。`
    ),
    Block.heading(3, "工伤预防培训"),
    h4(hz),
    para(
      (hazchemDoc !== undefined
        ? `按照《${city}人力资源和社会保障局 ${city}应急管理局关于印发${city}危险化学品企业工伤预防能力提升工程实施方案的通知》（${hazchemDoc}）的要求，`
        : "按照危险化学品企业工伤预防能力提升培训工程的要求，") +
        `对${city}危险化学品重大危险源企业${q("hazchemTrainees")}名“三类人员”开展工伤预防能力提升培训。`
    ),
    h4(ka),
    lead(
      "培训内容：",
      `开展《工伤保险条例》《职业病防治法》《安全生产法》等法律法规及其配套政策、工伤保险经办工作知识培训，介绍${city}工伤预防工作。` +
        `选取${enterprises}家重点企业（具体企业名单由市工伤预防委员会研究提供），开展以降低工伤事故发生率、降低工伤保险基金支出率，` +
        "增强企业安全生产管理意识、增强企业员工安全生产意识的“两降两增”为目标的工伤预防精准培训。" +
        "结合企业工伤预防实际情况，进入每一家重点企业开展培训前调研，开展安全生产管理、工伤事故预防、职业病防治具体措施等相关知识培训。"
    ),
    para([Inline.bold("开展方式：")]),
    Block.paragraph([Inline.bold(`一是对${enterprises}家重点企业开展精准培训。`)]),
    para(
      `第一步：开展工伤预防培训调研。由第三方工伤预防服务机构组织专业人员，对${city}工伤预防${enterprises}家重点企业开展工伤预防隐患排查和企业培训大调研，` +
        "现场查找企业隐患，提出改进建议，形成相应的隐患排查报告和企业调研报告。"
    ),
    para(
      `第二步：开展工伤预防定制化培训。由第三方工伤预防服务机构组织专业人员，结合${enterprises}家重点企业调研情况，有针对性地为每一家企业编制工伤预防培训课件，` +
        `对${city}工伤预防${enterprises}家重点企业开展工伤预防进企业专项培训。`
    ),
    para(
      `第三步：开展工伤预防回访巡查。由第三方工伤预防服务机构组织专业人员，定期对${city}工伤预防${enterprises}家重点企业开展回访巡查，` +
        "查看企业隐患整改落实情况，收集整改信息，提出合理化建议和意见，形成相应的巡查报告，通过后期回访确保企业隐患整改落地和工伤预防工作取得成效。"
    ),
    Block.paragraph([Inline.bold("二是开展制造行业安全管理人员能力提升培训。")]),
    para(
      `由第三方工伤预防服务机构负责，对${city}辖区内制造行业相关单位负责人、安全生产管理骨干、班组长开展专业能力提升培训，` +
        `提升工伤预防能力，掌握工伤预防管理体系，不少于${mfgS}场、${mfgP}人。`
    ),
    Block.paragraph([Inline.bold("三是开展建筑行业安全管理人员能力提升培训。")]),
    para(
      `由第三方工伤预防服务机构负责，对${city}辖区内建筑行业重点企业单位负责人、安全生产管理骨干、一线班组长开展专业能力提升培训，` +
        `提升工伤预防能力，掌握工伤预防管理体系，不少于${conS}场、${conP}人。`
    ),
    Block.paragraph([Inline.bold("四是开展尘肺病等职业病大型外部培训。")]),
    para(
      `由第三方工伤预防服务机构负责，对${city}辖区职业病重点行业企业的安全生产管理骨干或生产一线班组长开展专业能力提升培训和职业病预防培训，` +
        `不少于${odS}场、${odP}人。`
    ),
    Block.paragraph([Inline.bold("五是开展交通运输、邮政快递行业大型外部培训。")]),
    para(
      `由第三方工伤预防服务机构负责，对${city}辖区交通运输重点行业企业、邮政快递企业的安全生产管理骨干或生产一线班组长开展工伤预防能力提升培训，` +
        `不少于${tpS}场、${tpP}人。`
    ),
    para("培训地点根据培训对象的分布情况具体确定。"),
    Block.heading(1, "项目服务范围及时间要求"),
    lead("（一）项目周期：", `${period}个月。`),
    lead("（二）实施时间：", `自合同签订之日起，${period}个月内完成各子项目的全部服务工作。`),
    lead("（三）服务范围：", `${serviceArea}。`),
    lead("（四）项目名称：", `${hz}、${ka}。`),
    Block.heading(1, "经费管理"),
    Block.paragraph([
      Inline.bold("（一）工伤预防费预算。"),
      `工伤预防费从工伤保险基金中列支，专款专用。${hz}预算为`,
      Inline.bold(wan(hzBudget)),
      `；${ka}预算为`,
      Inline.bold(wan(kaBudget)),
      `。${year}年度${city}工伤预防费`,
      Inline.bold(wan(total)),
      "已由市级社会保险经办机构列入预算。"
    ]),
    Block.paragraph([
      Inline.bold("（二）工伤预防费使用。"),
      "市级社会保险经办机构与中标（成交）工伤预防服务机构签订项目实施合同，明确双方的权利义务、项目总费用和工伤预防费的收款单位、开户银行、账号等信息。" +
      "根据合同约定，市级社会保险经办机构向中标（成交）工伤预防服务机构先行支付项目总额",
      Inline.bold(percent(c, "payment.advancePercent", at)),
      "的预付款。项目完成后，中标（成交）工伤预防服务机构向市级社会保险经办机构提交项目验收申请，并附费用票据、项目实施有关明细等财务资料，申请结算项目余款。" +
      "市级社会保险经办机构对本年度工伤预防项目实施情况组织验收，验收合格后，按合同约定向中标（成交）工伤预防服务机构再行支付项目总额",
      Inline.bold(percent(c, "payment.balancePercent", at)),
      "的余款。"
    ]),
    lead(
      "（三）工伤预防工作经费安排。",
      "必要时组织对各服务机构提交的工伤预防项目实施方案进行评审。评审专家劳务费和工伤预防项目验收评估专家劳务费从本单位相关项目预算经费中调剂解决。"
    ),
    ...budgetTable(src, at),
    Block.heading(1, "工作要求"),
    lead(
      "（一）加强部门协调。",
      `工伤预防委员会各成员单位人社、工信、财政、应急、卫健、住建、交通、工会等部门要加强协调配合，形成工作合力，共同推进${year}年度${city}工伤预防项目落实。`
    ),
    lead(
      "（二）加强监督检查。",
      "工伤预防委员会要加强对工伤预防项目实施全过程的监督，并根据工作需要不断完善管理措施和办法。市级社会保险经办机构具体负责项目实施过程的日常管理，定期或不定期开展专项监督检查。"
    ),
    lead(
      "（三）及时总结宣传。",
      "工伤预防项目实施结束后，及时总结工作经验，及时宣传报道项目推进动态和成效，形成良好舆论氛围，为下一年度工伤预防项目顺利开展奠定良好基础。"
    ),
    Block.signature({ issuer: committee, date: issued?.issuedOn, seal: true })
  ]
  return Document.make({
    title: `${year}年度${city}工伤预防项目工作实施方案`,
    number: issued?.documentNumber,
    issuer: committee,
    date: issued?.issuedOn,
    footer: "— {page} —",
    blocks
  })
}

/** The fee breakdown table (三(三)), when the parameters give one. */
const budgetTable = (src: Source, at: string): ReadonlyArray<Block.Block> => {
  const lines = paramOr<
    ReadonlyArray<
      {
        readonly subProject: "hazchem" | "keyAreas"
        readonly item: string
        readonly category: string
        readonly fundingSource: string
        readonly amount: Money.Money
      }
    >
  >(
    src.config,
    "budget.breakdown",
    at,
    []
  )
  if (lines.length === 0) return []
  const categories: Record<string, string> = {
    publicity: "宣传",
    training: "培训",
    "expert-fee": "专家劳务费",
    other: "其他"
  }
  const sources: Record<string, string> = { "prevention-fee": "工伤预防费", "agency-budget": "本单位预算调剂" }
  const fee = Money.sum(lines.filter((l) => l.fundingSource === "prevention-fee").map((l) => l.amount))
  return [
    Block.table({
      caption: "附表 工伤预防费用构成明细",
      header: [["序号", "子项目", "费用项", "类别", "资金来源", "金额（元）"]],
      body: [
        ...lines.map((l, i) => [
          String(i + 1),
          l.subProject === "hazchem" ? "危化企业能力提升培训" : "其他重点领域培训宣传",
          l.item,
          categories[l.category] ?? l.category,
          sources[l.fundingSource] ?? l.fundingSource,
          Money.format(l.amount)
        ]),
        [{ text: "工伤预防费合计", colSpan: 5, align: "center" as const }, Inline.bold(Money.format(fee))]
      ],
      align: ["center", "left", "left", "center", "center", "right"],
      widths: [0.8, 2.2, 3.2, 1.2, 1.6, 2]
    })
  ]
}
