// 三(二) guards: opinions before the plan, the plan once and after the key areas, every member unit consulted;
// the key-enterprise list (四(二)) before the key-enterprise work and as long as the quota.
import * as Chunk from "effect/Chunk"
import { memberUnitNames, SeedMemberUnit } from "../../kernel/Actor.js"
import { plan } from "../../kernel/LegalBasis.js"
import type { ParameterReader } from "../../rules/Rule.js"
import * as Deliverable from "../4-deliverables/Deliverable.js"
import type { Guard } from "../Guard.js"
import { check, type Doc, order } from "../internal/guard.js"
import { subProjectKeys } from "../ProjectState.js"

interface MemberUnitEntry {
  readonly id: string
  readonly name: string
}

const seedUnits: ReadonlyArray<MemberUnitEntry> = SeedMemberUnit.literals.map((id) => ({
  id,
  name: memberUnitNames[id]
}))

/** The committee's member units: the parameter `committee.memberUnits` (the seed's eight by default). */
const memberUnitsOf = (p: ParameterReader): ReadonlyArray<MemberUnitEntry> =>
  p.readOptional<ReadonlyArray<MemberUnitEntry>>("committee.memberUnits") ?? seedUnits

const unitListed = check<"RecordMemberOpinion">({
  id: "plan.member-unit-listed",
  title: { zh: "意见来自成员单位", en: "The opinion comes from a member unit" },
  section: "七(一)",
  basis: [plan("七(一)", "人社、工信、财政、应急、卫健、住建、交通、工会")],
  description: "成员单位意见只能由参数 committee.memberUnits 列明的委员会成员单位提出。",
  reads: ["committee.memberUnits"]
}, ({ command: c }, f, p) => {
  const unit = c.actor.unit
  const units = memberUnitsOf(p)
  if (unit === undefined || units.some((u) => u.id === unit)) return []
  return [
    f.error(
      "unit",
      `${unit} 不是委员会成员单位(成员单位:${units.map((u) => u.name).join("、")})`,
      `${unit} is not a member unit of the committee (members: ${units.map((u) => u.id).join(", ")})`,
      units.map((u) => u.id).join(","),
      unit
    )
  ]
})

const opinionsBeforePlan = order<"RecordMemberOpinion">({
  id: "lifecycle.opinions-before-plan",
  zh: "征求意见在方案印发前",
  en: "Opinions are gathered before the plan is issued",
  section: "三(二)",
  description: "成员单位意见须在方案印发前征求。"
}, ({ state }) =>
  state.plan !== undefined
    ? ["实施方案已印发,征求意见阶段已结束", "the plan is issued; the consultation of member units is over"]
    : undefined)

const planOnce = order<"IssuePlan">({
  id: "lifecycle.plan-once",
  zh: "实施方案只印发一次",
  en: "The plan is issued once",
  section: "三(二)",
  description: "同一项目的实施方案只印发一次。"
}, ({ state }) => (state.plan !== undefined ? ["实施方案已经印发", "the plan is already issued"] : undefined))

const keyAreasFirst = order<"IssuePlan">(
  {
    id: "lifecycle.key-areas-first",
    zh: "先确定重点领域",
    en: "Key areas come first",
    section: "三(一)",
    description: "印发实施方案前须已确定工伤预防重点领域。"
  },
  (
    { state }
  ) => (state.keyAreas === undefined ? ["须先确定工伤预防重点领域", "key areas must be chosen first"] : undefined)
)

const memberOpinions = check<"IssuePlan">({
  id: "plan.member-opinions",
  title: { zh: "征求全部成员单位意见", en: "Opinions of every member unit" },
  section: "三(二)",
  basis: [
    plan("三(二)", "经征求各成员单位意见后印发"),
    plan("七(一)", "人社、工信、财政、应急、卫健、住建、交通、工会")
  ],
  description: "以委员会名义印发实施方案前,须记录参数 committee.memberUnits 列明的全部成员单位(默认八个)的意见。",
  reads: ["committee.memberUnits"]
}, ({ state }, f, p) => {
  const units = memberUnitsOf(p)
  const missing = units.filter((u) => !state.opinions.has(u.id))
  if (missing.length === 0) return []
  return [
    f.error(
      "opinions",
      `尚未征求以下成员单位意见:${missing.map((u) => u.name).join("、")}`,
      `opinions still missing from: ${missing.map((u) => u.id).join(", ")}`,
      units.map((u) => u.id).join(","),
      [...state.opinions.keys()].join(",")
    )
  ]
})

const keyEnterpriseListFirst = order<"ProvideKeyEnterpriseList">(
  {
    id: "lifecycle.key-enterprise-list-first",
    zh: "名单在重点企业工作开始前提供",
    en: "The list precedes key-enterprise work",
    section: "四(二)",
    description: "重点企业工作开始后不能再提供名单。"
  },
  ({ state }) =>
    subProjectKeys.some((k) =>
        Chunk.some(state.subProjects[k].evidence, (x) => Deliverable.keyEnterpriseStep(x.evidence) !== undefined)
      )
      ? ["重点企业工作已开始,名单须在开始前提供", "key-enterprise work has started; the list comes first"]
      : undefined
)

const keyEnterpriseList = check<"ProvideKeyEnterpriseList">({
  id: "plan.key-enterprise-list",
  title: { zh: "重点企业名单不少于指标", en: "Key-enterprise list covers the quota" },
  section: "四(二)",
  basis: [plan("四(二)", "具体企业名单由市工伤预防委员会研究提供")],
  description: "委员会提供的重点企业名单不得少于重点企业指标数。",
  reads: ["quota.keyEnterprises"]
}, ({ command: c }, f, p) => {
  const quota = p.readOptional<number>("quota.keyEnterprises")
  if (quota === undefined || c.enterprises.length >= quota) return []
  return [
    f.error(
      "enterprises",
      `名单 ${c.enterprises.length} 家,少于指标 ${quota} 家`,
      `the list has ${c.enterprises.length} enterprises, fewer than the quota of ${quota}`,
      `≥ ${quota}`,
      String(c.enterprises.length)
    )
  ]
})

/** The guard of the commands that follow the issued plan (the budget, progress reports). */
export const planFirst = <K extends "SubmitBudget" | "ReportProgress">(zh: string, en: string): Guard<K> =>
  order<K>({
    id: "lifecycle.plan-first",
    zh: "方案印发后报送预算",
    en: "The budget follows the plan",
    section: "三(三)",
    description: "实施方案印发后方可报送费用构成明细和反馈进展。"
  }, ({ state }) => (state.plan === undefined ? [zh, en] : undefined))

export const guards: {
  readonly RecordMemberOpinion: ReadonlyArray<Guard<"RecordMemberOpinion">>
  readonly IssuePlan: ReadonlyArray<Guard<"IssuePlan">>
  readonly ProvideKeyEnterpriseList: ReadonlyArray<Guard<"ProvideKeyEnterpriseList">>
} = {
  RecordMemberOpinion: [opinionsBeforePlan, unitListed],
  IssuePlan: [planOnce, keyAreasFirst, memberOpinions],
  ProvideKeyEnterpriseList: [keyEnterpriseListFirst, keyEnterpriseList]
}

export const steps: ReadonlyArray<Doc> = []
