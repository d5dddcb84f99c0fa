/**
 * The blanks a plan template may use, each with what fills it: a parameter of
 * the configuration, a value derived from one (the city's name without 市,
 * the year and serial of a 文号 cited in a parameter), or a document setting.
 * A setting of the same name always wins, so a city supplies any value its
 * parameters do not carry (see {@link DocumentSettings}).
 *
 * @internal
 */
import { Money } from "@gsyf/core"
import type { Plugin, ProjectEvent } from "@gsyf/core"
import { decimalText, eventsOf, param } from "./projectFacts.js"

/** What a blank is filled from. @internal */
export interface BlankContext {
  readonly config: Plugin.Config
  /** The date the parameters are read at. */
  readonly at: string
  /** The project's events (the key areas selected). */
  readonly events: ReadonlyArray<ProjectEvent.Event>
  /** Values given by the document settings, by blank name. */
  readonly given: Readonly<Record<string, string>>
}

type Fill = (c: BlankContext) => string | number | undefined

interface Blank {
  /** What the blank stands for, in Chinese. */
  readonly zh: string
  readonly fill: Fill
}

const p = <A>(name: string) => (c: BlankContext): A | undefined => param<A>(c.config, name, c.at)

const text = (name: string): Fill => (c) => p<string | number>(name)(c)

const stripSuffix = (suffixes: RegExp) => (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined
  const stripped = value.replace(suffixes, "")
  return stripped === value || stripped === "" ? undefined : stripped
}

const cityShort = (c: BlankContext) => stripSuffix(/市$/)(p<string>("plan.city")(c))
const provinceLevel = /(自治区|省)$/
const provinceShort = (c: BlankContext) => stripSuffix(provinceLevel)(p<string>("plan.province")(c))

/** A 文号 such as `示人社函〔2022〕45号`, half- or full-width brackets. */
const docNumber = /([\u4e00-\u9fff]+?)人社[\u4e00-\u9fff]〔(\d{4})〕(\d+)号/

const normaliseBrackets = (s: string): string =>
  s.replace(/[[［﹝]/g, "〔").replace(/[\]］﹞]/g, "〕").replace(/\(/g, "（").replace(/\)/g, "）")
    .replace(/</g, "〈").replace(/>/g, "〉")

const provincialDocument = (kind: RegExp) => (c: BlankContext): string | undefined =>
  (p<ReadonlyArray<string>>("plan.provincialDocuments")(c) ?? []).map(normaliseBrackets).find((d) => kind.test(d))

/** The provincial five-year action plan's notice, as cited in `plan.provincialDocuments`. */
const actionPlan = provincialDocument(/五年行动计划/)
/** The provincial rules on the prevention fee, as cited in `plan.provincialDocuments`. */
const feeRules = provincialDocument(/使用管理办法/)

/** The title of a cited document, as the parameter quotes it between 《 and 》. */
const title = (source: (c: BlankContext) => string | undefined): Fill => (c) => /^《(.+)》/.exec(source(c) ?? "")?.[1]

/** The committee's member units as 七(一) lists them: their names joined with 、 (`committee.memberUnits`). */
const memberUnits: Fill = (c) => {
  const units = p<ReadonlyArray<{ readonly name: string }>>("committee.memberUnits")(c)
  return units === undefined || units.length === 0 ? undefined : units.map((u) => u.name).join("、")
}

const match = (source: (c: BlankContext) => string | undefined, re: RegExp, group: number): Fill => (c) =>
  re.exec(source(c) ?? "")?.[group]

const hazchemNotice = (c: BlankContext) => p<string>("plan.hazchemCityDocument")(c)
const actionPlanYears = /（(\d{4})[—–-]+(\d{4})年?）/

const wan = (name: string): Fill => (c) => {
  const m = p<Money.Money>(name)(c)
  return m === undefined ? undefined : Money.toWan(m).toFixed()
}

const percent = (name: string): Fill => (c) => {
  const v = p<unknown>(name)(c)
  return v === undefined ? undefined : decimalText(v)
}

const year = (offset: number): Fill => (c) => {
  const y = p<number>("plan.fiscalYear")(c)
  return y === undefined ? undefined : y + offset
}

const publicityLength: Fill = (c) => {
  const n = p<number>("publicity.length")(c)
  if (n === undefined) return undefined
  return p<string>("publicity.unit")(c) === "working-days" ? `${n}个工作` : n
}

/** The steps of 三 that carry a planned month, by their name in the seed plan. */
const steps = {
  确定重点领域: "keyAreas",
  确定实施项目: "subProjects",
  费用审批: "budgetApproval",
  采购需求公示: "publicity",
  项目招标采购: "procurement",
  签订合同: "contract",
  项目实施: "implementation",
  过程监督: "supervision",
  项目验收: "acceptance"
} as const

type Range = { readonly from: string; readonly to?: string | undefined }

const schedulePart = (step: string, end: "from" | "to", part: "year" | "month"): Fill => (c) => {
  const range = p<Readonly<Record<string, Range>>>("plan.schedule")(c)?.[step]
  const month = end === "from" ? range?.from : (range?.to ?? range?.from)
  if (month === undefined) return undefined
  return part === "year" ? month.slice(0, 4) : Number(month.slice(5, 7))
}

const scheduleBlanks: Record<string, Blank> = Object.fromEntries(
  Object.entries(steps).flatMap(([zh, step]) => [
    [`${zh}起年`, { zh: `三 ${zh}：计划开始年份`, fill: schedulePart(step, "from", "year") }],
    [`${zh}起月`, { zh: `三 ${zh}：计划开始月份`, fill: schedulePart(step, "from", "month") }],
    [`${zh}止年`, { zh: `三 ${zh}：计划结束年份`, fill: schedulePart(step, "to", "year") }],
    [`${zh}止月`, { zh: `三 ${zh}：计划结束月份`, fill: schedulePart(step, "to", "month") }]
  ])
)

/** The key areas selected for the year, as their labels read without their codes. */
const keyAreas: Fill = (c) => {
  const selected = eventsOf(c.events, "KeyAreasSelected").at(-1)?.selected
  return selected === undefined || selected.length === 0
    ? undefined
    : selected.map((a) => a.label.replace(/^[A-Z]\d*\s+/, "")).join("；")
}

const quota = (name: string, zh: string): Blank => ({ zh, fill: text(`quota.${name}`) })

/** Every blank a template may use, by name. @internal */
export const blanks: Readonly<Record<string, Blank>> = {
  年度: { zh: "项目年度（plan.fiscalYear）", fill: year(0) },
  上年度: { zh: "项目年度的上一年", fill: year(-1) },
  市: {
    zh: "城市名称去掉“市”字（plan.city；种子方案按“x市”行文，自治州、盟、地区须用本地模板）",
    fill: cityShort
  },
  省: { zh: "省级行政区名称去掉“省”“自治区”（plan.province）", fill: provinceShort },
  省级称谓: {
    zh: "省级行政区的“省”或“自治区”，接在{省}之后写出省级部门的名称（plan.province）",
    fill: (c) => provinceLevel.exec(p<string>("plan.province")(c) ?? "")?.[1]
  },
  重点领域: { zh: "确定的年度工伤预防重点领域，以“；”分隔（确定重点领域事件）", fill: keyAreas },
  成员单位: { zh: "工伤预防委员会成员单位的名称，以“、”分隔（committee.memberUnits）", fill: memberUnits },
  省行动计划通知: {
    zh: "省级五年行动计划通知的标题，照录 plan.provincialDocuments 中书名号内的文字",
    fill: title(actionPlan)
  },
  管理办法通知: {
    zh: "工伤预防费使用管理办法通知的标题，照录 plan.provincialDocuments 中书名号内的文字",
    fill: title(feeRules)
  },
  省行动计划简称前缀: {
    zh: "省级五年行动计划简称的前缀：“省”或“自治区”（plan.province）",
    fill: (c) => provinceLevel.exec(p<string>("plan.province")(c) ?? "")?.[1]
  },
  省文号代字: { zh: "省级文件文号的代字（plan.provincialDocuments）", fill: match(actionPlan, docNumber, 1) },
  省行动计划发文部门数: { zh: "省级五年行动计划的发文部门数", fill: match(actionPlan, /等(\d+)部门/, 1) },
  省行动计划起年: { zh: "省级五年行动计划的起始年份", fill: match(actionPlan, actionPlanYears, 1) },
  省行动计划止年: { zh: "省级五年行动计划的截止年份", fill: match(actionPlan, actionPlanYears, 2) },
  省行动计划文号年: { zh: "省级五年行动计划通知文号的年份", fill: match(actionPlan, docNumber, 2) },
  省行动计划文号序号: { zh: "省级五年行动计划通知文号的序号", fill: match(actionPlan, docNumber, 3) },
  管理办法文号年: { zh: "工伤预防费使用管理办法通知文号的年份", fill: match(feeRules, docNumber, 2) },
  管理办法文号序号: { zh: "工伤预防费使用管理办法通知文号的序号", fill: match(feeRules, docNumber, 3) },
  市行动计划起年: {
    zh: "市级五年行动计划实施方案的起始年份（默认与省级五年行动计划相同）",
    fill: match(actionPlan, actionPlanYears, 1)
  },
  市行动计划止年: {
    zh: "市级五年行动计划实施方案的截止年份（默认与省级五年行动计划相同）",
    fill: match(actionPlan, actionPlanYears, 2)
  },
  市文号代字: { zh: "市级文件文号的代字（plan.hazchemCityDocument）", fill: match(hazchemNotice, docNumber, 1) },
  危化文件文号年: { zh: "危化企业能力提升工程市级通知文号的年份", fill: match(hazchemNotice, docNumber, 2) },
  危化文件文号序号: { zh: "危化企业能力提升工程市级通知文号的序号", fill: match(hazchemNotice, docNumber, 3) },
  项目预算万元: { zh: "项目预算总额，万元（budget.total）", fill: wan("budget.total") },
  危化子项目预算万元: { zh: "危化子项目预算，万元（budget.hazchem）", fill: wan("budget.hazchem") },
  重点领域子项目预算万元: { zh: "其他重点领域子项目预算，万元（budget.keyAreas）", fill: wan("budget.keyAreas") },
  公示期限: { zh: "采购需求公示期限：天数，按工作日计时写作“5个工作”", fill: publicityLength },
  预付款比例: { zh: "预付款占项目总额的百分比（payment.advancePercent）", fill: percent("payment.advancePercent") },
  余款比例: { zh: "余款占项目总额的百分比（payment.balancePercent）", fill: percent("payment.balancePercent") },
  项目周期月数: { zh: "项目周期，月（project.periodMonths）", fill: text("project.periodMonths") },
  服务范围: {
    zh: "服务范围的城市名称去掉“市”字（project.serviceArea，默认本市）",
    fill: (c) => stripSuffix(/市$/)(p<string>("project.serviceArea")(c)) ?? cityShort(c)
  },
  地方快乐网名称: { zh: "门户网站“x快乐网”的地名（默认本市名称）", fill: cityShort },
  企业园区数: quota("parks", "开展大型宣传活动的企业园区数"),
  园区宣传活动场次: quota("parkEvents", "园区大型宣传活动场次"),
  警示教育片部数: quota("warningVideos", "工伤风险警示教育片部数"),
  总结片最短分钟: quota("summaryVideo.minMinutes", "工作总结片最短时长，分钟"),
  总结片最长分钟: quota("summaryVideo.maxMinutes", "工作总结片最长时长，分钟"),
  市级电视台报道次数: quota("cityTvReports", "市级电视台报道次数"),
  市级报纸播报次数: quota("cityNewspaperReports", "市级报纸播报次数"),
  省级以上报纸刊登次数: quota("provincialNewspaperReports", "省级以上报纸刊物刊登次数"),
  门户网站新闻推送篇数: quota("portalArticles", "门户网站全年新闻推送篇数"),
  三类人员培训人数: quota("hazchemTrainees", "危化企业“三类人员”培训人数"),
  重点企业数: quota("keyEnterprises", "精准培训重点企业家数"),
  制造行业培训场次: quota("training.manufacturing.sessions", "制造行业培训场次"),
  制造行业培训人数: quota("training.manufacturing.people", "制造行业培训人数"),
  建筑行业培训场次: quota("training.construction.sessions", "建筑行业培训场次"),
  建筑行业培训人数: quota("training.construction.people", "建筑行业培训人数"),
  职业病培训场次: quota("training.occupationalDisease.sessions", "尘肺病等职业病培训场次"),
  职业病培训人数: quota("training.occupationalDisease.people", "尘肺病等职业病培训人数"),
  交通邮政培训场次: quota("training.transportPostal.sessions", "交通运输、邮政快递行业培训场次"),
  交通邮政培训人数: quota("training.transportPostal.people", "交通运输、邮政快递行业培训人数"),
  ...scheduleBlanks
}

/** Whether a blank name is known. @internal */
export const isBlank = (name: string): boolean => Object.hasOwn(blanks, name)

/** The value of a blank: the setting of that name, else what the configuration gives. @internal */
export const blankValue = (name: string, c: BlankContext): string | undefined => {
  if (Object.hasOwn(c.given, name)) return c.given[name]
  if (!isBlank(name)) return undefined
  const v = blanks[name]!.fill(c)
  return v === undefined ? undefined : String(v)
}
