// 三(八) decisions: monthly briefings with their due date, spot checks, progress reports with the quotas.
import * as Either from "effect/Either"
import { plan } from "../../kernel/LegalBasis.js"
import { findings as findingsFor } from "../../rules/Rule.js"
import { quotaProgress, toQuotaResult } from "../4-deliverables/progress.js"
import { calendarFinding, type Handlers, ok, planBasis, traced, violation } from "../internal/decide.js"
import { briefingDue } from "./guards.js"
import * as Supervision from "./Supervision.js"

const late = findingsFor(briefingDue.id)

export const handlers: Handlers<"SubmitMonthlyBriefing" | "RecordSpotCheck" | "ReportProgress"> = {
  SubmitMonthlyBriefing: (input) => {
    const { command: c, state: s, on, config } = input
    const due = traced(
      input,
      briefingDue,
      (p) => Supervision.dueOn(c.month, p.read<number>("supervision.briefingDueDay"), config.calendar)
    )
    if (Either.isLeft(due)) return Either.left(due.left)
    if (Either.isLeft(due.right.value)) return violation(c._tag, [calendarFinding(due.right.value.left, "month")])
    const dueOn = due.right.value.right
    const isLate = on > dueOn
    const findings = isLate
      ? [
        late.warning(
          "at",
          `${c.month} 简报应于 ${dueOn} 前报送,迟报`,
          `the ${c.month} briefing was due by ${dueOn}; it is late`,
          `≤ ${dueOn}`,
          on
        )
      ]
      : []
    return ok({
      draft: {
        _tag: "MonthlyBriefingSubmitted",
        subProject: c.subProject,
        month: c.month,
        dueOn,
        submittedOn: on,
        late: isLate,
        plannedActivities: c.plannedActivities,
        progress: c.progress
      },
      basis: planBasis("三(八)", "每月定期提交月度项目计划及进展简报"),
      evaluations: [{ ...due.right.evaluation, findings }],
      restsOn: [s.subProjects[c.subProject].contract!.eventId]
    })
  },
  RecordSpotCheck: ({ command: c, state: s, on }) =>
    ok({
      draft: {
        _tag: "SpotCheckRecorded",
        subProject: c.subProject,
        activity: c.activity,
        checkedOn: on,
        observations: c.observations,
        satisfactory: c.satisfactory
      },
      basis: [plan("三(八)", "可选择性地对月度计划开展的项目进行抽查"), plan("七(二)")],
      restsOn: [s.subProjects[c.subProject].contract!.eventId]
    }),
  ReportProgress: (input) => {
    const { command: c, on } = input
    return ok({
      draft: {
        _tag: "ProgressReported",
        summary: c.summary,
        reportedOn: on,
        quotas: quotaProgress(input.config, input.state, on).map(toQuotaResult)
      },
      basis: planBasis("三(八)", "定期向市工伤预防委员会反馈项目进展情况")
    })
  }
}
