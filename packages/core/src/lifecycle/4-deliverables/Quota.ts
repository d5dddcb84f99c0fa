/**
 * The deliverable quotas of 实施方案 四 and their progress: for each item the
 * number required (a parameter), the number delivered (counted from the
 * recorded evidence) and whether it is met. Acceptance checks them all.
 *
 * @since 0.1.0
 */
import { plan } from "../../kernel/LegalBasis.js"
import type { LegalBasis } from "../../kernel/LegalBasis.js"
import type { Title } from "../../rules/Rule.js"
import type * as Deliverable from "./Deliverable.js"

/**
 * A countable quota item.
 *
 * @since 0.1.0
 * @category models
 */
export interface Item {
  readonly id: string
  readonly title: Title
  readonly section: string
  readonly basis: LegalBasis
  readonly subProject: "hazchem" | "keyAreas"
  /** The parameter holding the required number. */
  readonly parameter: string
  /** Unit shown after numbers (场, 人, 次, 篇, 部, 家, 种, 个). */
  readonly unit: string
  /** How much of the item the evidence delivers. */
  readonly count: (evidence: ReadonlyArray<Deliverable.Evidence>, context: Context) => number
  /** Extra condition beyond the count, with its explanation when unmet. */
  readonly extra?:
    | ((evidence: ReadonlyArray<Deliverable.Evidence>, context: Context) => Condition | undefined)
    | undefined
}

/**
 * Parameter values some items need besides their own count.
 *
 * @since 0.1.0
 * @category models
 */
export interface Context {
  /** The value of a parameter in force. */
  readonly read: (name: string) => unknown
}

/**
 * An unmet extra condition.
 *
 * @since 0.1.0
 * @category models
 */
export interface Condition {
  readonly zh: string
  readonly en: string
}

/**
 * Progress on one item.
 *
 * @since 0.1.0
 * @category models
 */
export interface Progress {
  readonly itemId: string
  readonly title: Title
  readonly subProject: "hazchem" | "keyAreas"
  readonly unit: string
  readonly required: number
  readonly done: number
  readonly met: boolean
  readonly note?: Condition | undefined
}

const of = <K extends Deliverable.Kind>(evidence: ReadonlyArray<Deliverable.Evidence>, kind: K) =>
  evidence.filter((e): e is Extract<Deliverable.Evidence, { _tag: K }> => e._tag === kind)

const trainingItems = (
  [
    ["manufacturing", "制造行业安全管理人员能力提升培训", "manufacturing safety managers", "二是"],
    ["construction", "建筑行业安全管理人员能力提升培训", "construction safety managers", "三是"],
    ["occupationalDisease", "尘肺病等职业病大型外部培训", "occupational disease training", "四是"],
    ["transportPostal", "交通运输、邮政快递行业大型外部培训", "transport and postal training", "五是"]
  ] as const
).flatMap(([track, zh, en, no]): Array<Item> => [
  {
    id: `training.${track}.sessions`,
    title: { zh: `${zh}场次`, en: `${en}: sessions` },
    section: `四(二) ${no}`,
    basis: plan("四(二)", `${no}:不低于x场`),
    subProject: "keyAreas",
    parameter: `quota.training.${track}.sessions`,
    unit: "场",
    count: (ev) => of(ev, "training-session").filter((s) => s.track === track).length
  },
  {
    id: `training.${track}.people`,
    title: { zh: `${zh}人数`, en: `${en}: people` },
    section: `四(二) ${no}`,
    basis: plan("四(二)", `${no}:不少于x人`),
    subProject: "keyAreas",
    parameter: `quota.training.${track}.people`,
    unit: "人",
    count: (ev) => of(ev, "training-session").filter((s) => s.track === track).reduce((n, s) => n + s.participants, 0)
  }
])

/**
 * The enterprises that completed all three steps of key-enterprise work, in order.
 *
 * @since 0.1.0
 * @category getters
 */
export const completedKeyEnterprises = (evidence: ReadonlyArray<Deliverable.Evidence>): ReadonlyArray<string> => {
  const steps = new Map<string, Set<number>>()
  for (const e of evidence) {
    const step = e._tag === "key-enterprise-survey"
      ? 1
      : e._tag === "key-enterprise-training"
      ? 2
      : e._tag === "key-enterprise-followup"
      ? 3
      : 0
    if (step === 0) continue
    const name = (e as { enterprise: string }).enterprise
    const set = steps.get(name) ?? new Set<number>()
    set.add(step)
    steps.set(name, set)
  }
  return [...steps].filter(([, s]) => s.has(1) && s.has(2) && s.has(3)).map(([name]) => name)
}

/**
 * The 20 quota items of plan section 四.
 *
 * @since 0.1.0
 * @category constants
 */
export const planItems: ReadonlyArray<Item> = [
  {
    id: "deployment-meeting",
    title: { zh: "年度工伤预防项目部署会", en: "Annual deployment meeting" },
    section: "四(二)①",
    basis: plan("四(二)①"),
    subProject: "keyAreas",
    parameter: "quota.deploymentMeetings",
    unit: "次",
    count: (ev) => of(ev, "deployment-meeting").length
  },
  {
    id: "park-events",
    title: { zh: "园区大型宣传活动场次", en: "Park publicity events" },
    section: "四(二)②",
    basis: plan("四(二)②"),
    subProject: "keyAreas",
    parameter: "quota.parkEvents",
    unit: "场",
    count: (ev) => of(ev, "park-event").length
  },
  {
    id: "parks",
    title: { zh: "开展活动的企业园区(互不相同)", en: "Distinct parks with events" },
    section: "四(二)②",
    basis: plan("四(二)②", "在x个企业园区开展"),
    subProject: "keyAreas",
    parameter: "quota.parks",
    unit: "个",
    count: (ev) => new Set(of(ev, "park-event").map((e) => e.park.trim())).size
  },
  {
    id: "material-types",
    title: { zh: "宣传材料种类(经审核后制作)", en: "Publicity material types produced" },
    section: "四(二)③",
    basis: plan("四(二)③"),
    subProject: "keyAreas",
    parameter: "quota.materialTypes",
    unit: "种",
    count: (ev, ctx) => {
      const required = new Set(ctx.read("quota.materialTypes") as ReadonlyArray<string>)
      return new Set(of(ev, "material-produced").map((m) => m.materialType).filter((t) => required.has(t))).size
    }
  },
  {
    id: "warning-videos",
    title: { zh: "重点行业工伤风险警示教育片", en: "Warning videos for key industries" },
    section: "四(二)④",
    basis: plan("四(二)④"),
    subProject: "keyAreas",
    parameter: "quota.warningVideos",
    unit: "部",
    count: (ev) => of(ev, "warning-video").length,
    extra: (ev, ctx) => {
      const industries = ctx.read("quota.warningVideoIndustries") as ReadonlyArray<string>
      const covered = new Set(of(ev, "warning-video").map((v) => v.industry))
      const missing = industries.filter((i) => !covered.has(i))
      return missing.length === 0
        ? undefined
        : { zh: `尚未覆盖行业:${missing.join("、")}`, en: `industries not yet covered: ${missing.join(", ")}` }
    }
  },
  {
    id: "summary-video",
    title: { zh: "年度工伤预防工作总结片(时长符合要求)", en: "Summary video within the length range" },
    section: "四(二)⑤",
    basis: plan("四(二)⑤", "一部x-x分钟的总结片"),
    subProject: "keyAreas",
    parameter: "quota.summaryVideo",
    unit: "部",
    count: (ev, ctx) => {
      const min = ctx.read("quota.summaryVideo.minMinutes") as number
      const max = ctx.read("quota.summaryVideo.maxMinutes") as number
      return Math.min(
        1,
        of(ev, "summary-video").filter((v) => v.durationMinutes >= min && v.durationMinutes <= max).length
      )
    }
  },
  {
    id: "city-tv-reports",
    title: { zh: "市级电视台报道", en: "City TV reports" },
    section: "四(二)⑥",
    basis: plan("四(二)⑥"),
    subProject: "keyAreas",
    parameter: "quota.cityTvReports",
    unit: "次",
    // 市级电视台: a city station or a higher one; a county station's report does not count (no level: city)
    count: (ev) => of(ev, "tv-report").filter((r) => r.level !== "county").length
  },
  {
    id: "city-newspaper-reports",
    title: { zh: "市级报纸报道", en: "City newspaper reports" },
    section: "四(二)⑦",
    basis: plan("四(二)⑦"),
    subProject: "keyAreas",
    parameter: "quota.cityNewspaperReports",
    unit: "次",
    count: (ev) => of(ev, "newspaper-report").filter((r) => r.level === "city").length
  },
  {
    id: "provincial-newspaper-reports",
    title: { zh: "省级以上报刊报道", en: "Provincial-or-higher newspaper reports" },
    section: "四(二)⑦",
    basis: plan("四(二)⑦"),
    subProject: "keyAreas",
    parameter: "quota.provincialNewspaperReports",
    unit: "次",
    count: (ev) => of(ev, "newspaper-report").filter((r) => r.level !== "city").length
  },
  {
    id: "portal-articles",
    title: { zh: "门户网站新闻推送", en: "Portal news articles" },
    section: "四(二)⑧",
    basis: plan("四(二)⑧"),
    subProject: "keyAreas",
    parameter: "quota.portalArticles",
    unit: "篇",
    count: (ev) => of(ev, "portal-article").length
  },
  {
    id: "hazchem-trainees",
    title: { zh: "危化企业“三类人员”培训人数", en: "Hazardous-chemicals trainees" },
    section: "四(二)",
    basis: plan("四(二)", "对危险化学品重大危险源企业x名“三类人员”开展培训"),
    subProject: "hazchem",
    parameter: "quota.hazchemTrainees",
    unit: "人",
    count: (ev) => of(ev, "hazchem-training").reduce((n, t) => n + t.trainees.reduce((m, g) => m + g.count, 0), 0)
  },
  {
    id: "key-enterprises",
    title: { zh: "完成三步精准培训的重点企业", en: "Key enterprises through all three steps" },
    section: "四(二) 一是",
    basis: plan("四(二)", "一是:调研→定制化培训→回访巡查"),
    subProject: "keyAreas",
    parameter: "quota.keyEnterprises",
    unit: "家",
    count: (ev) => completedKeyEnterprises(ev).length
  },
  ...trainingItems
]

/**
 * The number an item requires, read from its parameter.
 *
 * @since 0.1.0
 * @category getters
 */
export const requiredOf = (item: Item, ctx: Context): number => {
  if (item.parameter === "quota.materialTypes") return (ctx.read(item.parameter) as ReadonlyArray<string>).length
  if (item.parameter === "quota.summaryVideo") return 1
  return ctx.read(item.parameter) as number
}

/**
 * Progress on every item, from the evidence recorded so far.
 *
 * @since 0.1.0
 * @category getters
 */
export const progress = (
  items: ReadonlyArray<Item>,
  evidence: ReadonlyArray<Deliverable.Evidence>,
  ctx: Context
): ReadonlyArray<Progress> =>
  items.map((item) => {
    const required = requiredOf(item, ctx)
    const done = item.count(evidence, ctx)
    const note = item.extra?.(evidence, ctx)
    return {
      itemId: item.id,
      title: item.title,
      subProject: item.subProject,
      unit: item.unit,
      required,
      done,
      met: done >= required && note === undefined,
      ...(note === undefined ? {} : { note })
    }
  })
