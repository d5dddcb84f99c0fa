// 三(七) summaries: how `Explain` tells each event of the section, in Chinese and English.
import type { TagsOf } from "../internal/schemas.js"
import { sub, type Summaries, told } from "../internal/summary.js"
import type { events } from "./events.js"

export const summaries: Summaries<TagsOf<typeof events>> = {
  ImplementationPlanSubmitted: (e) =>
    told(
      `${sub(e).zh}报送实施计划(${e.activities.length} 项活动)`,
      `implementation plan of the ${sub(e).en} submitted`
    ),
  ImplementationPlanApproved: (e) =>
    told(`${sub(e).zh}实施计划审批通过`, `implementation plan of the ${sub(e).en} approved`),
  ImplementationPlanReturned: (e) =>
    told(`${sub(e).zh}实施计划被退回:${e.reasons.join(";")}`, `implementation plan returned: ${e.reasons.join("; ")}`)
}
