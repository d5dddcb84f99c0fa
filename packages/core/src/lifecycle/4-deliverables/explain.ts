// 四 summaries: how `Explain` tells each event of the section, in Chinese and English.
import type { TagsOf } from "../internal/schemas.js"
import { sub, type Summaries, told } from "../internal/summary.js"
import * as Deliverable from "./Deliverable.js"
import type { events } from "./events.js"

export const summaries: Summaries<TagsOf<typeof events>> = {
  MaterialDesignSubmitted: (e) =>
    told(`报送宣传材料设计稿“${e.title}”(${e.materialType})`, `material design "${e.title}" submitted`),
  MaterialDesignApproved: (e) => told(`设计稿 ${e.designId} 审核通过`, `design ${e.designId} approved`),
  MaterialDesignReturned: (e) =>
    told(
      `设计稿 ${e.designId} 被退回:${e.reasons.join(";")}`,
      `design ${e.designId} returned: ${e.reasons.join("; ")}`
    ),
  DeliverableRecorded: (e) =>
    told(
      `${sub(e).zh}交付物:${Deliverable.kindNames[e.evidence._tag]}(${e.evidence.date})`,
      `${e.subProject} deliverable: ${e.evidence._tag} on ${e.evidence.date}`
    ),
  DeliverableCorrected: (e) =>
    told(
      `更正交付物记录 ${e.corrects}${e.replacement === undefined ? "(撤回)" : "(替换)"}:${e.reason}`,
      `deliverable ${e.corrects} ${e.replacement === undefined ? "withdrawn" : "replaced"}: ${e.reason}`
    )
}
