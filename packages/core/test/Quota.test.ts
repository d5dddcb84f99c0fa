import { describe, expect, it } from "@effect/vitest"
import { type Deliverable, IsoDate, Parameter, Quota } from "@gsyf/core"
import { seedParameters } from "./fixtures/seed.js"

const params = seedParameters()
const ctx: Quota.Context = { read: (name) => Parameter.resolve(params, name, "2026-10-23")?.value }
const date = IsoDate.unsafeFromString("2026-06-01")
type E = Deliverable.Evidence
const progressOf = (evidence: ReadonlyArray<E>) =>
  new Map(Quota.progress(Quota.planItems, evidence, ctx).map((p) => [p.itemId, p]))
const item = (evidence: ReadonlyArray<E>, id: string) => progressOf(evidence).get(id)!
const park = (p: string): E => ({ _tag: "park-event", date, park: p })
const material = (t: string, i = 1): E => ({
  _tag: "material-produced",
  date,
  materialType: t,
  designId: `d${i}`,
  quantity: 10
})
const video = (industry: string): E => ({ _tag: "warning-video", date, title: `${industry}片`, industry })
const summary = (durationMinutes: number): E => ({ _tag: "summary-video", date, title: "总结片", durationMinutes })
const session = (track: Deliverable.TrainingTrack, participants: number): E => ({
  _tag: "training-session",
  date,
  track,
  participants
})
const survey = (enterprise: string): E => ({
  _tag: "key-enterprise-survey",
  date,
  enterprise,
  hazardReport: "h",
  researchReport: "r"
})
const training = (enterprise: string): E => ({
  _tag: "key-enterprise-training",
  date,
  enterprise,
  courseware: "c",
  participants: 20
})
const followup = (enterprise: string): E => ({
  _tag: "key-enterprise-followup",
  date,
  enterprise,
  inspectionReport: "i"
})

describe("the plan's quota items", () => {
  it("are the 20 items of section 四, each reading its number from a parameter", () => {
    expect(Quota.planItems).toHaveLength(20)
    expect(new Set(Quota.planItems.map((i) => i.id)).size).toBe(20)
    const none = Quota.progress(Quota.planItems, [], ctx)
    expect(none.every((p) => p.done === 0 && !p.met)).toBe(true)
    expect(Object.fromEntries(none.map((p) => [p.itemId, p.required]))).toMatchObject({
      "deployment-meeting": 1,
      "park-events": 6,
      parks: 5,
      "material-types": 6,
      "warning-videos": 3,
      "summary-video": 1,
      "portal-articles": 20,
      "hazchem-trainees": 600,
      "key-enterprises": 10,
      "training.manufacturing.people": 400,
      "training.transportPostal.sessions": 3
    })
  })

  it("counts distinct parks (ignoring surrounding spaces) separately from events", () => {
    const evidence = ["经开区", "高新区", "经开区 ", "化工园区", "物流园区", "建材园区"].map(park)
    expect([item(evidence, "park-events").done, item(evidence, "park-events").met]).toEqual([6, true])
    expect([item(evidence, "parks").done, item(evidence, "parks").met]).toEqual([5, true])
    const same = Array.from({ length: 6 }, () => park("经开区"))
    expect([item(same, "parks").done, item(same, "parks").met]).toEqual([1, false])
  })

  it("counts the plan's material types once each, ignoring types the plan does not list", () => {
    const types = ["宣传横幅", "宣传折页", "宣传展板", "企业宣传海报", "喷绘"]
    const five = [...types.map((t, i) => material(t, i)), material("宣传横幅", 9), material("台历", 10)]
    expect([item(five, "material-types").done, item(five, "material-types").required, item(five, "material-types").met])
      .toEqual([5, 6, false])
    const six = [...five, material("问卷调查表", 11)]
    expect(item(six, "material-types").met).toBe(true)
  })

  it("needs the warning videos to cover every industry named, not just their number", () => {
    const three = [video("交通运输"), video("交通运输"), video("邮政快递")]
    const p = item(three, "warning-videos")
    expect([p.done, p.required, p.met]).toEqual([3, 3, false])
    expect(p.note).toEqual({ zh: "尚未覆盖行业:职业病重点行业", en: "industries not yet covered: 职业病重点行业" })
    const all = item([video("交通运输"), video("邮政快递"), video("职业病重点行业")], "warning-videos")
    expect([all.met, all.note]).toEqual([true, undefined])
  })

  it("counts one summary video only when its length is within 8–10 minutes", () => {
    expect(item([summary(7.5)], "summary-video").done).toBe(0)
    expect(item([summary(10.5)], "summary-video").done).toBe(0)
    expect(item([summary(8)], "summary-video").met).toBe(true)
    expect(item([summary(10)], "summary-video").met).toBe(true)
    expect(item([summary(9), summary(9.5), summary(12)], "summary-video").done).toBe(1)
  })

  it("counts key enterprises only once they complete all three steps", () => {
    const evidence = [
      survey("甲"),
      training("甲"),
      followup("甲"),
      survey("乙"),
      training("乙"),
      followup("丙"),
      training("丙"),
      survey("丙"),
      followup("丁")
    ]
    expect(Quota.completedKeyEnterprises(evidence)).toEqual(["甲", "丙"])
    const p = item(evidence, "key-enterprises")
    expect([p.done, p.required, p.met]).toEqual([2, 10, false])
  })

  it("totals training sessions and people per track, and hazchem trainees over the three roles", () => {
    const evidence = [
      session("manufacturing", 150),
      session("manufacturing", 120),
      session("manufacturing", 80),
      session("manufacturing", 60),
      session("construction", 500)
    ]
    expect([
      item(evidence, "training.manufacturing.sessions").done,
      item(evidence, "training.manufacturing.sessions").met
    ]).toEqual([4, true])
    expect([item(evidence, "training.manufacturing.people").done, item(evidence, "training.manufacturing.people").met])
      .toEqual([410, true])
    expect([item(evidence, "training.construction.sessions").done, item(evidence, "training.construction.people").done])
      .toEqual([1, 500])
    expect(item(evidence, "training.construction.people").met).toBe(true)
    expect(item(evidence, "training.construction.sessions").met).toBe(false)
    const hazchem: E = {
      _tag: "hazchem-training",
      date,
      enterprise: "甲",
      trainees: [
        { role: "safety-deputy-head", count: 100 },
        { role: "full-time-safety-manager", count: 250 },
        { role: "team-leader", count: 249 }
      ]
    }
    expect([item([hazchem], "hazchem-trainees").done, item([hazchem], "hazchem-trainees").met]).toEqual([599, false])
  })

  it("tells city newspaper reports from provincial and national ones", () => {
    const report = (level: "city" | "provincial" | "national"): E => ({
      _tag: "newspaper-report",
      date,
      outlet: "日报",
      level
    })
    const evidence = [report("city"), report("city"), report("provincial"), report("national")]
    expect(item(evidence, "city-newspaper-reports").done).toBe(2)
    expect([item(evidence, "provincial-newspaper-reports").done, item(evidence, "provincial-newspaper-reports").met])
      .toEqual([2, true])
  })
})
