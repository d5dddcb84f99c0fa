// 三(八) summaries: how `Explain` tells each event of the section, in Chinese and English.
import type { TagsOf } from "../internal/schemas.js"
import { type Of, readOf, sub, subName, type Summaries, type Told, told } from "../internal/summary.js"
import type { events } from "./events.js"

const explainBriefing = (e: Of<"MonthlyBriefingSubmitted">): Told => {
  const dueDay = readOf(e, "supervision.briefingDueDay")?.value
  const rule = dueDay === undefined
    ? { zh: "", en: "" }
    : { zh: `每月 ${dueDay} 日前报送,遇休息日顺延`, en: `due by day ${dueDay} of the month, moved past rest days` }
  return told(
    `${subName[e.subProject].zh} ${e.month} 月度简报于 ${e.submittedOn} 报送,截止日 ${e.dueOn}${
      rule.zh === "" ? "" : `(${rule.zh})`
    }:${e.late ? "迟报" : "按时"}`,
    `${e.month} briefing of the ${subName[e.subProject].en} submitted ${e.submittedOn}, due ${e.dueOn}${
      rule.en === "" ? "" : ` (${rule.en})`
    }: ${e.late ? "late" : "on time"}`
  )
}

export const summaries: Summaries<TagsOf<typeof events>> = {
  MonthlyBriefingSubmitted: (e) => explainBriefing(e),
  SpotCheckRecorded: (e) =>
    told(
      `${sub(e).zh}抽查“${e.activity}”(${e.checkedOn}):${e.satisfactory ? "合格" : "不合格"}`,
      `spot check of "${e.activity}" on ${e.checkedOn}: ${e.satisfactory ? "satisfactory" : "not satisfactory"}`
    ),
  ProgressReported: (e) =>
    told(`${e.reportedOn} 向委员会反馈项目进展:${e.summary}`, `progress reported to the committee on ${e.reportedOn}`)
}
