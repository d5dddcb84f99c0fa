// 三(四) decisions: the publicity with its end counted on the calendar, objections and their answers.
import * as Either from "effect/Either"
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import { calendarFinding, type Handlers, ok, periodLength, planBasis, traced, violation } from "../internal/decide.js"
import { period } from "./guards.js"

type Unit = "calendar-days" | "working-days"

export const handlers: Handlers<"StartPublicity" | "RecordObjection" | "ResolveObjection"> = {
  StartPublicity: (input) => {
    const { command: c, state: s, config } = input
    const read = traced(input, period, (p) => ({
      length: p.read<number>("publicity.length"),
      unit: p.read<Unit>("publicity.unit")
    }), c.startsOn)
    if (Either.isLeft(read)) return Either.left(read.left)
    const { length, unit } = read.right.value
    const deadline = config.calendar.deadline(c.startsOn, length, unit)
    if (Either.isLeft(deadline)) return violation(c._tag, [calendarFinding(deadline.left, "startsOn")])
    const d = deadline.right
    const span = periodLength(length, unit)
    const explanation = {
      zh: `自 ${c.startsOn} 起公示 ${span.zh}(开始当日不计入),${
        d.moved ? `原定 ${d.rawEnd} 截止,${d.reason?.zh ?? "顺延"},` : ""
      }至 ${d.end} 24时止`,
      en: `publicised from ${c.startsOn} for ${span.en} (the first day not counted)${
        d.moved ? `; ${d.rawEnd} ${d.reason?.en ?? "moved"}` : ""
      }; ends ${d.end} 24:00`
    }
    return ok({
      draft: {
        _tag: "PublicityStarted",
        subProject: c.subProject,
        startsOn: c.startsOn,
        endsOn: d.end,
        length,
        unit,
        explanation
      },
      basis: [
        plan("三(四)", "对采购需求进行为期x日公示"),
        national(`${texts.civilCode} 第二百零一条至第二百零三条`, "期间计算")
      ],
      evaluations: [read.right.evaluation],
      restsOn: [s.budget.eventId!]
    })
  },
  RecordObjection: ({ command: c, state: s }) => {
    const pub = s.subProjects[c.subProject].publicity!
    return ok({
      draft: {
        _tag: "ObjectionRecorded",
        subProject: c.subProject,
        objectionId: `${c.subProject}-objection-${pub.objections.length + 1}`,
        receivedOn: c.receivedOn,
        objection: c.objection
      },
      basis: planBasis("三(四)"),
      restsOn: [pub.eventId]
    })
  },
  ResolveObjection: ({ command: c, state: s }) => {
    const o = s.subProjects[c.subProject].publicity!.objections.find((x) => x.id === c.objectionId)!
    return ok({
      draft: { _tag: "ObjectionResolved", subProject: c.subProject, objectionId: c.objectionId, response: c.response },
      basis: planBasis("三(四)"),
      restsOn: [o.eventId]
    })
  }
}
