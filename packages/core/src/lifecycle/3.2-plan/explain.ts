// 三(二) summaries: how `Explain` tells each event of the section, in Chinese and English.
import type { TagsOf } from "../internal/schemas.js"
import { type Summaries, told } from "../internal/summary.js"
import type { events } from "./events.js"

export const summaries: Summaries<TagsOf<typeof events>> = {
  MemberOpinionRecorded: (e) =>
    told(
      `成员单位 ${e.unit} ${e.agrees ? "同意" : "不同意"}:${e.opinion}`,
      `member unit ${e.unit} ${e.agrees ? "agrees" : "disagrees"}: ${e.opinion}`
    ),
  PlanIssued: (e) =>
    told(`实施方案 ${e.documentNumber} 于 ${e.issuedOn} 印发`, `plan ${e.documentNumber} issued on ${e.issuedOn}`),
  KeyEnterpriseListProvided: (e) =>
    told(
      `委员会提供重点企业名单 ${e.enterprises.length} 家`,
      `key-enterprise list of ${e.enterprises.length} provided`
    )
}
