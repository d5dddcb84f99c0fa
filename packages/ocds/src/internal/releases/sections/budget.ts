/**
 * 三(三) The budget: the bureau submits it and the finance bureau approves or returns it.
 *
 * The prevention fee is paid from the work-injury insurance fund the HRSS bureau manages, so the bureau is
 * the `funder` and the `sourceParty` of the fund's money. The project's process shows the whole budget split
 * by sub-project; each sub-project's process shows its budget and the fund's lines of the breakdown
 * parameter, which add up to it. Lines paid from another budget (the agency's own, for the experts' fees of
 * 实施方案 六(三)) are not the fund's money: they are `planning.separatelyFundedCosts` (extension), outside the
 * budget and its breakdown.
 *
 * @internal
 */
import { IsoDate, type Money, Parameter } from "@gsyf/core"
import { dayEnd, dayStart, instant, value } from "../../format.js"
import type { Json, JsonObject } from "../../json.js"
import type { Builders } from "../builder.js"
import type { Ctx } from "../publish.js"
import { actorParty, type Of, type Party, type SubProject, subProjects, subProjectTitles } from "../state.js"

type Line = Parameter.Values["budget.breakdown"][number]

const sources: Readonly<Record<Line["fundingSource"], string>> = {
  "prevention-fee": "工伤保险基金工伤预防费",
  "agency-budget": "经办机构本单位预算"
}

const categories: Readonly<Record<Line["category"], { readonly zh: string; readonly code: string }>> = {
  publicity: { zh: "宣传", code: "publicity" },
  training: { zh: "培训", code: "training" },
  "expert-fee": { zh: "专家劳务", code: "expertFee" },
  other: { zh: "其他", code: "other" }
}

const approvalMilestone = (at: string) => ({
  id: "budget-approval",
  title: "工伤预防费用审批",
  type: "approval",
  status: "scheduled",
  dateModified: instant(at)
})

const periodOf = (ctx: Ctx, on: string): JsonObject => {
  const year = Parameter.get(ctx.settings.parameters, "plan.fiscalYear", on)
  return year === undefined
    ? {}
    : { period: { startDate: dayStart(`${year}-01-01`), endDate: dayEnd(`${year}-12-31`) } }
}

const projectBudget = (ctx: Ctx, e: Of<"BudgetSubmitted">, fund: Party, period: JsonObject) => {
  const d = ctx.draft("project", e)
  const split: Readonly<Record<SubProject, Money.Money>> = { hazchem: e.hazchem, keyAreas: e.keyAreas }
  d.involve(fund, "funder")
  const city = ctx.settings.parameters.city
  d.publish(["planning"], {
    planning: {
      budget: {
        id: `${ctx.settings.projectId}-budget`,
        description: `工伤预防项目预算(实施方案 三(三)),工伤预防费上限 ${e.cap.toString()} 元`,
        amount: value(e.total),
        project: city === undefined ? "工伤预防项目" : `${city}工伤预防项目`,
        projectID: ctx.settings.projectId,
        budgetBreakdown: subProjects.map((sub) => ({
          id: sub,
          description: subProjectTitles[sub],
          amount: value(split[sub]),
          ...period,
          sourceParty: d.ref(fund, "sourceParty")
        }))
      },
      milestones: [approvalMilestone(e.at)]
    }
  })
}

const lineText = (l: Line) => `${l.item}(${categories[l.category].zh};资金来源:${sources[l.fundingSource]})`

const subProjectBudget = (
  ctx: Ctx,
  e: Of<"BudgetSubmitted">,
  sub: SubProject,
  fund: Party,
  lines: ReadonlyArray<Line>,
  period: JsonObject
) => {
  const d = ctx.draft(sub, e)
  d.involve(fund, "funder")
  const own = lines.filter((l) => l.subProject === sub && l.fundingSource === "prevention-fee")
  const elsewhere = lines.filter((l) => l.subProject === sub && l.fundingSource !== "prevention-fee")
  const breakdown: Json = own.map((l, i) => ({
    id: String(i + 1),
    description: lineText(l),
    amount: value(l.amount),
    ...period,
    sourceParty: d.ref(fund, "sourceParty")
  }))
  d.publish(["planning"], {
    planning: {
      rationale: `${subProjectTitles[sub]}(实施方案 三(二))`,
      budget: {
        id: `${ctx.settings.projectId}-budget-${sub}`,
        description: subProjectTitles[sub],
        amount: value(sub === "hazchem" ? e.hazchem : e.keyAreas),
        projectID: ctx.settings.projectId,
        ...(own.length === 0 ? {} : { budgetBreakdown: breakdown })
      },
      ...(elsewhere.length === 0 ? {} : {
        separatelyFundedCosts: elsewhere.map((l, i) => ({
          id: `separate-${i + 1}`,
          description: `${lineText(l)},不属于本项目工伤预防费预算(实施方案 六(三))`,
          category: categories[l.category].code,
          amount: value(l.amount),
          ...period
        }))
      }),
      milestones: [approvalMilestone(e.at)]
    }
  })
}

const decided = (e: Of<"BudgetApproved"> | Of<"BudgetReturned">, ctx: Ctx) => {
  const milestone = e._tag === "BudgetApproved"
    ? {
      id: "budget-approval",
      status: "met",
      dateMet: dayStart(e.approvedOn),
      dateModified: instant(e.at),
      ...(e.note === undefined ? {} : { description: e.note })
    }
    : {
      id: "budget-approval",
      status: "notMet",
      dateModified: instant(e.at),
      description: `退回:${e.reasons.join(";")}`
    }
  for (const process of ["project", ...subProjects] as const) {
    const d = ctx.draft(process, e)
    d.involve(actorParty(e), "reviewBody")
    d.publish(["planning"], { planning: { milestones: [milestone] } })
  }
}

/** @internal */
export const budget: Builders<"BudgetSubmitted" | "BudgetApproved" | "BudgetReturned"> = {
  BudgetSubmitted: (e, ctx) => {
    const on = IsoDate.dateOf(e.at)
    const period = periodOf(ctx, on)
    const fund = actorParty(e)
    const lines = Parameter.get(ctx.settings.parameters, "budget.breakdown", on) ?? []
    ctx.state.budgets.set("hazchem", e.hazchem)
    ctx.state.budgets.set("keyAreas", e.keyAreas)
    projectBudget(ctx, e, fund, period)
    for (const sub of subProjects) subProjectBudget(ctx, e, sub, fund, lines, period)
  },
  BudgetApproved: decided,
  BudgetReturned: decided
}
