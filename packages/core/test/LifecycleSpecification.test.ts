/**
 * The lifecycle with short givens (`@gsyf/testkit`'s DeciderSpecification): a few events written by hand instead of
 * a long prefix of the seed's commands, then whole events or a rejection with its rule ids (each rejection also
 * checked to change nothing).
 */
import { describe, expect, it } from "@effect/vitest"
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { LegalBasis, ProjectEvent } from "@gsyf/core"
import { Actor, Parameter, Plugin } from "@gsyf/core"
import { DeciderSpecification } from "@gsyf/testkit"
import { Schema } from "effect"
import { Either } from "effect"
import { command } from "./fixtures/gwt.js"
import { actors, at, keyEnterprises, seedConfig, seedParameterFile } from "./fixtures/seed.js"

const spec = DeciderSpecification.lifecycle(seedConfig())
const decode = Schema.decodeUnknownSync(ProjectEvent.Event)
let n = 0
/** An event as a store would hold it (encoded fields), with the meta a decider gives it. */
const event = (tag: ProjectEvent.Name, actor: object, date: string, fields: Record<string, unknown> = {}) => {
  const commandId = `given-${++n}`
  return decode({
    _tag: tag,
    id: `${commandId}/0`,
    commandId,
    actor,
    at: at(date),
    basis: [],
    evaluations: [],
    restsOn: [],
    ...fields
  })
}
const unitActor = (unit: string) => ({
  id: `unit-${unit}`,
  name: unit,
  organisation: `示例市${unit}`,
  role: "member-unit",
  unit
})
const unitNames: Record<string, string> = { ...Actor.memberUnitNames }
const units = ["hr", "industry-it", "finance", "emergency-management", "health", "housing-construction", "transport"]

const keyAreasSelected = () =>
  event("KeyAreasSelected", actors.bureau, "2026-01-15", { ranking: [], selected: [], weighting: "" })
const planIssued = () =>
  event("PlanIssued", actors.committee, "2026-02-10", {
    documentNumber: "示工伤预防委〔2026〕1号",
    issuedOn: "2026-02-10"
  })
const opinion = (unit: string) =>
  event("MemberOpinionRecorded", unitActor(unit), "2026-02-03", { unit, opinion: "同意", agrees: true })
const awarded = (signBy: string) =>
  event("Awarded", actors.agency, "2026-04-09", {
    subProject: "keyAreas",
    supplierId: "sup-a",
    supplierName: actors.providerA.organisation,
    value: "2180000.00",
    awardedOn: "2026-04-09",
    signBy,
    method: "competitive-consultation",
    ranking: [],
    tieBreaks: [],
    reasons: []
  })
const sign = (date: string, fields: Record<string, unknown> = {}) =>
  command("SignContract", actors.agency, date, {
    subProject: "keyAreas",
    contractId: "SZ-2026-GS-02",
    supplierId: "sup-a",
    amount: "2180000.00",
    payee: { name: actors.providerA.organisation, bank: "中国工商银行示例市分行", account: "6222 0210 0000 1234" },
    qualityRequirements: ["培训课件须经甲方审核"],
    ...fields
  })

describe("三(二) with short givens", () => {
  it("a member unit's opinion: the whole event", () => {
    const c = command("RecordMemberOpinion", unitActor("health"), "2026-02-03", { opinion: "同意", agrees: true })
    spec.given([keyAreasSelected()]).when(c).then([{
      _tag: "MemberOpinionRecorded",
      id: `${c.commandId}/0`,
      commandId: c.commandId as string,
      actor: unitActor("health") as never,
      at: c.at as never,
      basis: [LegalBasis.plan("三(二)", "征求工伤预防委员会各成员单位意见")],
      // the guard that checks the unit is a member records the list it read (the seed's eight by default)
      evaluations: [{
        ruleId: "plan.member-unit-listed",
        reads: [{
          name: "committee.memberUnits",
          value: JSON.stringify(units.concat("trade-union").map((id) => ({ id, name: unitNames[id] }))),
          basis: "实施方案 七(一)"
        }],
        findings: []
      }],
      restsOn: [],
      unit: "health",
      opinion: "同意",
      agrees: true
    }])
  })

  it("the key-enterprise list: the whole event", () => {
    const c = command("ProvideKeyEnterpriseList", actors.committee, "2026-02-12", { enterprises: keyEnterprises })
    spec.given([keyAreasSelected(), planIssued()]).when(c).then([{
      _tag: "KeyEnterpriseListProvided",
      id: `${c.commandId}/0`,
      commandId: c.commandId as string,
      actor: actors.committee as never,
      at: c.at as never,
      basis: [LegalBasis.plan("四(二)", "具体企业名单由市工伤预防委员会研究提供")],
      // the guard that holds the list to the quota records the quota it read
      evaluations: [{
        ruleId: "plan.key-enterprise-list",
        reads: [{ name: "quota.keyEnterprises", value: "10", basis: "示例市 参数文件" }],
        findings: []
      }],
      restsOn: [],
      enterprises: keyEnterprises
    }])
  })

  it("no opinion once the plan is issued; the plan needs key areas, every member unit, and is issued once", () => {
    const late = command("RecordMemberOpinion", unitActor("hr"), "2026-02-11", { opinion: "同意", agrees: true })
    spec.given([keyAreasSelected(), planIssued()]).when(late).thenRejected({
      _tag: "OutOfOrder",
      ruleIds: ["lifecycle.opinions-before-plan"],
      exactly: true
    })
    const issue = () =>
      command("IssuePlan", actors.committee, "2026-02-10", { documentNumber: "示工伤预防委〔2026〕1号" })
    spec.given([]).when(issue()).thenRejected({ _tag: "OutOfOrder", ruleIds: ["lifecycle.key-areas-first"] })
    // seven of the eight member units
    const r = spec.given([keyAreasSelected(), ...units.map(opinion)]).when(issue()).thenRejected({
      _tag: "RuleViolation",
      ruleIds: ["plan.member-opinions"]
    })
    expect(r.message).toContain("trade-union")
    spec.given([keyAreasSelected(), planIssued()]).when(issue()).thenRejected({
      _tag: "OutOfOrder",
      ruleIds: ["lifecycle.plan-once"]
    })
  })
})

describe("七(一) the committee's member units as a parameter", () => {
  // a city whose committee has three units, one of them not among the seed's eight
  const file = seedParameterFile() as { parameters: Record<string, unknown> }
  const own = {
    ...file,
    parameters: {
      ...file.parameters,
      "committee.memberUnits": [
        { id: "hr", name: "人社" },
        { id: "emergency-management", name: "应急" },
        { id: "market-regulation", name: "市场监管" }
      ]
    }
  }
  const config = Either.getOrThrowWith(
    Plugin.configure({
      parameters: Either.getOrThrowWith(Parameter.load(own), (e) => new Error(e.message)),
      calendar: ChinaHolidays.calendar
    }),
    (e) => new Error(e.message)
  )
  const city = DeciderSpecification.lifecycle(config)
  const say = (unit: string) =>
    command("RecordMemberOpinion", unitActor(unit), "2026-02-03", { opinion: "同意", agrees: true })
  const issue = () =>
    command("IssuePlan", actors.committee, "2026-02-10", { documentNumber: "示工伤预防委〔2026〕1号" })

  it("a unit the city lists gives its opinion; one it does not list is refused and nothing is recorded", () => {
    const [e] = city.given([keyAreasSelected()]).when(say("market-regulation")).then(() => undefined)
    expect(e).toMatchObject({ _tag: "MemberOpinionRecorded", unit: "market-regulation" })
    expect(e!.evaluations.find((x) => x.ruleId === "plan.member-unit-listed")?.reads[0]?.name).toBe(
      "committee.memberUnits"
    )
    const r = city.given([keyAreasSelected()]).when(say("transport")).thenRejected({
      _tag: "RuleViolation",
      ruleIds: ["plan.member-unit-listed"],
      exactly: true
    })
    expect(r.message).toContain("市场监管")
    // the seed's default list refuses the city's own unit
    spec.given([keyAreasSelected()]).when(say("market-regulation")).thenRejected({
      _tag: "RuleViolation",
      ruleIds: ["plan.member-unit-listed"]
    })
  })

  it("the plan waits for the city's own units only", () => {
    const r = city.given([keyAreasSelected(), opinion("hr"), opinion("emergency-management")]).when(issue())
      .thenRejected({ _tag: "RuleViolation", ruleIds: ["plan.member-opinions"] })
    expect(r.message).toContain("市场监管")
    const [e] = city.given([
      keyAreasSelected(),
      opinion("hr"),
      opinion("emergency-management"),
      opinion("market-regulation")
    ]).when(issue()).then(() => undefined)
    expect(e?._tag).toBe("PlanIssued")
  })
})

describe("三(六) with a short given: the award alone", () => {
  it("the awarded supplier and amount, and the award first", () => {
    const given = spec.given([awarded("2026-05-09")])
    given.when(sign("2026-04-20", { supplierId: "sup-b" })).thenRejected({
      _tag: "RuleViolation",
      ruleIds: ["contract.awarded-supplier"]
    })
    given.when(sign("2026-04-20", { amount: "2180000.01" })).thenRejected({
      _tag: "RuleViolation",
      ruleIds: ["contract.award-value"]
    })
    spec.given([]).when(sign("2026-04-20")).thenRejected({ _tag: "OutOfOrder", ruleIds: ["lifecycle.award-first"] })
  })
})
