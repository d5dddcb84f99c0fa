// 三(三) summaries: how `Explain` tells each event of the section, in Chinese and English.
import * as Money from "../../kernel/Money.js"
import type { TagsOf } from "../internal/schemas.js"
import { type Of, readOf, type Summaries, type Told, told } from "../internal/summary.js"
import type { events } from "./events.js"

const explainBudget = (e: Of<"BudgetSubmitted">): Told => {
  const revenue = readOf(e, "fund.priorYearContributionRevenue")?.value
  const percent = readOf(e, "fund.feeCapPercent")?.value
  const cap = revenue !== undefined && percent !== undefined
    ? {
      zh: ` = 上年度征缴收入 ${revenue} × ${percent}%`,
      en: ` = prior-year contributions ${revenue} × ${percent}%`
    }
    : { zh: "", en: "" }
  return told(
    `项目预算 ${Money.format(e.total)}(危化项目 ${Money.format(e.hazchem)},其他重点领域项目 ${
      Money.format(e.keyAreas)
    })报财政审核;工伤预防费使用上限 ${Money.format(e.cap)}${cap.zh}`,
    `budget of ${Money.format(e.total)} (hazardous chemicals ${Money.format(e.hazchem)}, key areas ${
      Money.format(e.keyAreas)
    }) submitted to finance; fee cap ${Money.format(e.cap)}${cap.en}`
  )
}

export const summaries: Summaries<TagsOf<typeof events>> = {
  BudgetSubmitted: (e) => explainBudget(e),
  BudgetApproved: (e) => told(`预算于 ${e.approvedOn} 审核通过`, `budget approved on ${e.approvedOn}`),
  BudgetReturned: (e) => told(`预算被退回:${e.reasons.join(";")}`, `budget returned: ${e.reasons.join("; ")}`)
}
