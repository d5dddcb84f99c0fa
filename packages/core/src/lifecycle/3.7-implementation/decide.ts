// 三(七) decisions: the implementation plan submitted, approved or returned.
import { type Handlers, ok, planBasis } from "../internal/decide.js"

export const handlers: Handlers<"SubmitImplementationPlan" | "ReviewImplementationPlan"> = {
  SubmitImplementationPlan: ({ command: c, state: s }) =>
    ok({
      draft: {
        _tag: "ImplementationPlanSubmitted",
        subProject: c.subProject,
        summary: c.summary,
        activities: c.activities
      },
      basis: planBasis("三(七)", "编制年度工伤预防项目实施计划报市级社会保险经办机构审批"),
      restsOn: [s.subProjects[c.subProject].contract!.eventId]
    }),
  ReviewImplementationPlan: ({ command: c, state: s }) => {
    const submitted = s.subProjects[c.subProject].implementationPlan!.eventId
    return c.decision === "return"
      ? ok({
        draft: { _tag: "ImplementationPlanReturned", subProject: c.subProject, reasons: c.reasons ?? [] },
        basis: planBasis("三(七)"),
        restsOn: [submitted]
      })
      : ok({
        draft: { _tag: "ImplementationPlanApproved", subProject: c.subProject },
        basis: planBasis("三(七)", "审批通过后按计划开展实施"),
        restsOn: [submitted]
      })
  }
}
