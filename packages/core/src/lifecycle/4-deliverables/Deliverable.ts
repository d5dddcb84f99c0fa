/**
 * Evidence of the work the plan counts (实施方案 四): meetings, park events,
 * materials, videos, media reports, trainings and the three ordered steps of
 * key-enterprise work. The provider records each piece as it happens; quotas
 * are read from them (see `Quota`).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { bilingual } from "../../kernel/InputError.js"
import { IsoDate } from "../../kernel/IsoDate.js"
import { Text } from "../../kernel/Text.js"

/** The most any count of one deliverable may be (people, enterprises, copies): far above any real one. */
const maxCount = 1_000_000
const atMost = bilingual("不能超过 1000000", "must not exceed 1,000,000")
const Whole = Schema.Number.pipe(
  Schema.filter((n) => Number.isInteger(n) && n >= 0, bilingual("须为非负整数", "must be a whole number ≥ 0")),
  Schema.filter((n) => n <= maxCount, atMost)
)
const PositiveWhole = Schema.Number.pipe(
  Schema.filter((n) => Number.isInteger(n) && n >= 1, bilingual("须为正整数", "must be a whole number ≥ 1")),
  Schema.filter((n) => n <= maxCount, atMost)
)

/**
 * The four training tracks of 四(二) (二是 to 五是).
 *
 * @since 0.1.0
 * @category models
 */
export const TrainingTrack = Schema.Literal("manufacturing", "construction", "occupationalDisease", "transportPostal")

/**
 * @since 0.1.0
 * @category models
 */
export type TrainingTrack = typeof TrainingTrack.Type

/**
 * The "三类人员" of the hazardous-chemicals capacity programme:
 * 安全生产分管负责人, 专职安全管理人员, 班组长.
 *
 * @since 0.1.0
 * @category models
 */
export const HazchemRole = Schema.Literal("safety-deputy-head", "full-time-safety-manager", "team-leader")

/**
 * @since 0.1.0
 * @category models
 */
export type HazchemRole = typeof HazchemRole.Type

/**
 * Chinese names of the 三类人员.
 *
 * @since 0.1.0
 * @category constants
 */
export const hazchemRoleNames: Record<HazchemRole, string> = {
  "safety-deputy-head": "安全生产分管负责人",
  "full-time-safety-manager": "专职安全管理人员",
  "team-leader": "班组长"
}

/**
 * One piece of evidence.
 *
 * @since 0.1.0
 * @category models
 */
export const Evidence = Schema.Union(
  Schema.TaggedStruct("deployment-meeting", {
    date: IsoDate,
    venue: Schema.optional(Text),
    attendingUnits: Schema.Array(Text),
    enterprises: Whole
  }),
  Schema.TaggedStruct("park-event", { date: IsoDate, park: Text, attendance: Schema.optional(Whole) }),
  Schema.TaggedStruct("material-produced", {
    date: IsoDate,
    materialType: Text,
    designId: Text,
    quantity: PositiveWhole
  }),
  Schema.TaggedStruct("warning-video", { date: IsoDate, title: Text, industry: Text }),
  Schema.TaggedStruct("summary-video", {
    date: IsoDate,
    title: Text,
    durationMinutes: Schema.Number.pipe(
      Schema.filter((n) => Number.isFinite(n) && n > 0, bilingual("时长须为正数", "duration must be positive")),
      Schema.filter(
        (n) => n <= 100_000,
        bilingual("时长不能超过 100000 分钟", "duration must not exceed 100,000 minutes")
      )
    )
  }),
  Schema.TaggedStruct("tv-report", {
    date: IsoDate,
    outlet: Text,
    title: Schema.optional(Text),
    /**
     * The level of the station: a county station's report does not count towards the plan's 市级电视台 quota; a
     * city, provincial or national one does. A report recorded without a level (before 0.2.0) is taken as a city
     * station's, as the seed recorded them.
     */
    level: Schema.optional(Schema.Literal("county", "city", "provincial", "national"))
  }),
  Schema.TaggedStruct("newspaper-report", {
    date: IsoDate,
    outlet: Text,
    level: Schema.Literal("city", "provincial", "national"),
    title: Schema.optional(Text)
  }),
  Schema.TaggedStruct("portal-article", { date: IsoDate, portal: Text, title: Text, url: Schema.optional(Text) }),
  Schema.TaggedStruct("hazchem-training", {
    date: IsoDate,
    enterprise: Text,
    trainees: Schema.Array(Schema.Struct({ role: HazchemRole, count: PositiveWhole })).pipe(
      Schema.filter((a) => a.length > 0, bilingual("至少一类学员", "needs at least one trainee group"))
    )
  }),
  Schema.TaggedStruct("training-session", {
    date: IsoDate,
    track: TrainingTrack,
    participants: PositiveWhole,
    venue: Schema.optional(Text)
  }),
  Schema.TaggedStruct("key-enterprise-survey", {
    date: IsoDate,
    enterprise: Text,
    hazardReport: Text,
    researchReport: Text
  }),
  Schema.TaggedStruct("key-enterprise-training", {
    date: IsoDate,
    enterprise: Text,
    courseware: Text,
    participants: PositiveWhole
  }),
  Schema.TaggedStruct("key-enterprise-followup", { date: IsoDate, enterprise: Text, inspectionReport: Text }),
  Schema.TaggedStruct("custom", { date: IsoDate, customType: Text, count: PositiveWhole, note: Schema.optional(Text) })
).annotations({ identifier: "Evidence" })

/**
 * @since 0.1.0
 * @category models
 */
export type Evidence = typeof Evidence.Type

/**
 * The kinds of evidence.
 *
 * @since 0.1.0
 * @category models
 */
export type Kind = Evidence["_tag"]

/**
 * Chinese names of the evidence kinds.
 *
 * @since 0.1.0
 * @category constants
 */
export const kindNames: Record<Kind, string> = {
  "deployment-meeting": "年度项目部署会",
  "park-event": "园区大型宣传活动",
  "material-produced": "宣传材料制作",
  "warning-video": "工伤风险警示教育片",
  "summary-video": "年度工作总结片",
  "tv-report": "电视媒体宣传",
  "newspaper-report": "报纸媒体宣传",
  "portal-article": "门户网站网络宣传",
  "hazchem-training": "危化企业“三类人员”培训",
  "training-session": "行业能力提升培训",
  "key-enterprise-survey": "重点企业培训调研(第一步)",
  "key-enterprise-training": "重点企业定制化培训(第二步)",
  "key-enterprise-followup": "重点企业回访巡查(第三步)",
  custom: "其他交付物"
}

/**
 * The sub-project a kind of evidence belongs to.
 *
 * @since 0.1.0
 * @category getters
 */
export const subProjectOf = (
  e: Evidence
): "hazchem" | "keyAreas" => (e._tag === "hazchem-training" ? "hazchem" : "keyAreas")

/**
 * The step (1, 2 or 3) of key-enterprise work, if the evidence is one.
 *
 * @since 0.1.0
 * @category getters
 */
export const keyEnterpriseStep = (e: Evidence): 1 | 2 | 3 | undefined =>
  e._tag === "key-enterprise-survey"
    ? 1
    : e._tag === "key-enterprise-training"
    ? 2
    : e._tag === "key-enterprise-followup"
    ? 3
    : undefined
