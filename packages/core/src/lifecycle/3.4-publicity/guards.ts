// 三(四) guards: publicity after the budget's approval, once per sub-project; objections during it, answered once.
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import type { Guard } from "../Guard.js"
import { check, type Doc, order, step } from "../internal/guard.js"

const budgetApprovedFirst = order<"StartPublicity">({
  id: "lifecycle.budget-approved-first",
  zh: "预算审核通过后公示采购需求",
  en: "Publicity follows budget approval",
  section: "三(四)",
  description: "预算审核通过后,启动采购需求公示和项目采购。"
}, ({ state }) =>
  state.budget.status !== "approved"
    ? ["预算审核通过后方可公示采购需求", "requirement publicity follows budget approval"]
    : undefined)

const publicityOnce = order<"StartPublicity">({
  id: "publicity.once",
  zh: "每个子项目公示一次",
  en: "One publicity per sub-project",
  section: "三(四)",
  description: "同一子项目的采购需求只公示一次。"
}, ({ command: c, state }) =>
  state.subProjects[c.subProject].publicity !== undefined
    ? ["该子项目的采购需求已经公示", "this sub-project's requirements were already publicised"]
    : undefined)

const started = order<"RecordObjection">({
  id: "publicity.started",
  zh: "公示期间方可提出异议",
  en: "Objections need a running publicity",
  section: "三(四)",
  description: "采购需求尚未公示时不能登记异议。"
}, ({ command: c, state }) =>
  state.subProjects[c.subProject].publicity === undefined
    ? ["采购需求尚未公示", "the requirements are not being publicised"]
    : undefined)

const objectionWindow = check<"RecordObjection">({
  id: "publicity.objection-window",
  title: { zh: "异议在公示期内提出", en: "Objections within the publicity" },
  section: "三(四)",
  basis: [plan("三(四)")],
  description: "异议的收到日期须在公示期起止日之间。",
  reads: []
}, ({ command: c, state }, f) => {
  const pub = state.subProjects[c.subProject].publicity!
  if (c.receivedOn >= pub.startsOn && c.receivedOn <= pub.endsOn) return []
  return [
    f.error(
      "receivedOn",
      `异议应在公示期 ${pub.startsOn} 至 ${pub.endsOn} 内提出`,
      `objections are taken during the publicity, ${pub.startsOn} to ${pub.endsOn}`,
      `${pub.startsOn} – ${pub.endsOn}`,
      c.receivedOn
    )
  ]
})

const objectionOf = (
  i: {
    readonly command: { readonly subProject: "hazchem" | "keyAreas"; readonly objectionId: string }
    readonly state: import("../ProjectState.js").State
  }
) => i.state.subProjects[i.command.subProject].publicity?.objections.find((x) => x.id === i.command.objectionId)

const objectionKnown = check<"ResolveObjection">({
  id: "publicity.objection-known",
  title: { zh: "答复已登记的异议", en: "Answer a recorded objection" },
  section: "三(四)",
  basis: [plan("三(四)")],
  description: "只能答复已登记的异议。",
  reads: []
}, (input, f) =>
  objectionOf(input) === undefined
    ? [
      f.error(
        "objectionId",
        `没有编号为 ${input.command.objectionId} 的异议`,
        `no objection ${input.command.objectionId}`
      )
    ]
    : [])

const objectionOnce = order<"ResolveObjection">(
  {
    id: "publicity.objection-once",
    zh: "异议只答复一次",
    en: "An objection is answered once",
    section: "三(四)",
    description: "已答复的异议不能再次答复。"
  },
  (input) =>
    objectionOf(input)?.response !== undefined ? ["该异议已经答复", "the objection was already answered"] : undefined
)

export const guards: {
  readonly StartPublicity: ReadonlyArray<Guard<"StartPublicity">>
  readonly RecordObjection: ReadonlyArray<Guard<"RecordObjection">>
  readonly ResolveObjection: ReadonlyArray<Guard<"ResolveObjection">>
} = {
  StartPublicity: [budgetApprovedFirst, publicityOnce],
  RecordObjection: [started, objectionWindow],
  ResolveObjection: [objectionKnown, objectionOnce]
}

/** The publicity's end, counted from the parameters. */
export const period = step(
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
)

export const steps: ReadonlyArray<Doc> = [period]
