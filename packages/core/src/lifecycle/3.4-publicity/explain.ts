// 三(四) summaries: how `Explain` tells each event of the section, in Chinese and English.
import type { TagsOf } from "../internal/schemas.js"
import { days, sub, type Summaries, told } from "../internal/summary.js"
import type { events } from "./events.js"

export const summaries: Summaries<TagsOf<typeof events>> = {
  PublicityStarted: (e) => {
    const d = days(e.length, e.unit)
    return told(
      `${sub(e).zh}采购需求公示 ${d.zh},${e.startsOn} 起至 ${e.endsOn} 止:${e.explanation.zh}`,
      `${sub(e).en} requirements publicised for ${d.en}, ${e.startsOn} to ${e.endsOn}: ${e.explanation.en}`
    )
  },
  ObjectionRecorded: (e) =>
    told(
      `${sub(e).zh}公示期间收到异议(${e.receivedOn}):${e.objection}`,
      `objection received on ${e.receivedOn}: ${e.objection}`
    ),
  ObjectionResolved: (e) =>
    told(
      `${sub(e).zh}异议 ${e.objectionId} 已答复:${e.response}`,
      `objection ${e.objectionId} answered: ${e.response}`
    )
}
