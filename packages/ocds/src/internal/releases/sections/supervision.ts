/**
 * 三(八) Supervision: monthly briefings (reporting milestones, partly met when late), the agency's spot
 * checks (assessment milestones) and progress reports (the quota results so far, extension).
 *
 * @internal
 */
import { dayEnd, dayStart, instant } from "../../format.js"
import type { Builders } from "../builder.js"
import { contractBody, quotaResults } from "../common.js"
import { subProjects } from "../state.js"

/** @internal */
export const supervision: Builders<"MonthlyBriefingSubmitted" | "SpotCheckRecorded" | "ProgressReported"> = {
  MonthlyBriefingSubmitted: (e, ctx) => {
    const body = contractBody(ctx.state, e.subProject, {
      implementation: {
        milestones: [
          {
            id: `briefing-${e.month}`,
            title: `${e.month} 月度项目计划及进展简报`,
            type: "reporting",
            description: e.progress,
            dueDate: dayEnd(e.dueOn),
            status: e.late ? "partiallyMet" : "met",
            dateMet: dayStart(e.submittedOn),
            dateModified: instant(e.at)
          }
        ]
      }
    })
    if (body !== undefined) ctx.draft(e.subProject, e).publish(["implementation"], body)
  },
  SpotCheckRecorded: (e, ctx) => {
    const body = contractBody(ctx.state, e.subProject, {
      implementation: {
        milestones: [
          {
            id: `spot-check-${e.id}`,
            title: `抽查:${e.activity}`,
            type: "assessment",
            description: e.observations.join(";"),
            status: e.satisfactory ? "met" : "notMet",
            ...(e.satisfactory ? { dateMet: dayStart(e.checkedOn) } : {}),
            dateModified: instant(e.at)
          }
        ]
      }
    })
    if (body !== undefined) ctx.draft(e.subProject, e).publish(["implementation"], body)
  },
  ProgressReported: (e, ctx) => {
    for (const sub of subProjects) {
      const own = e.quotas.filter((q) => q.subProject === sub)
      if (own.length === 0) continue
      const body = contractBody(ctx.state, sub, {
        implementation: { quotaResults: quotaResults(own, dayStart(e.reportedOn)) }
      })
      if (body !== undefined) ctx.draft(sub, e).publish(["implementation"], body)
    }
  }
}
