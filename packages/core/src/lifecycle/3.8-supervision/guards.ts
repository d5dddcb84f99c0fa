// 三(八) guards: briefings follow the contract, for the contract's months, once a month; spot checks follow the
// contract; progress reports follow the plan.
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import { planFirst } from "../3.2-plan/guards.js"
import { contractFirst } from "../3.6-contract/guards.js"
import type { Guard } from "../Guard.js"
import { check, type Doc, step } from "../internal/guard.js"
import * as Supervision from "./Supervision.js"

const briefingMonth = check<"SubmitMonthlyBriefing">({
  id: "supervision.briefing-month",
  title: { zh: "按月报送简报", en: "Briefings for the contract's months" },
  section: "三(八)",
  basis: [plan("三(八)")],
  description: "月度简报的月份须在合同签订次月至合同期满当月之间。",
  reads: []
}, ({ command: c, state }, f) => {
  const contract = state.subProjects[c.subProject].contract!
  const months = Supervision.months(contract.signedOn, contract.periodEnd)
  return months.includes(c.month) ? [] : [
    f.error(
      "month",
      `${c.month} 不在需报送简报的月份内`,
      `${c.month} is not a briefing month`,
      `${months[0]} – ${months[months.length - 1]}`,
      c.month
    )
  ]
})

const briefingOnce = check<"SubmitMonthlyBriefing">({
  id: "supervision.briefing-once",
  title: { zh: "每月简报报送一次", en: "One briefing a month" },
  section: "三(八)",
  basis: [plan("三(八)")],
  description: "同一月份的简报只报送一次。",
  reads: []
}, ({ command: c, state }, f) =>
  state.subProjects[c.subProject].briefings.has(c.month)
    ? [f.error("month", `${c.month} 的简报已经报送`, `the briefing for ${c.month} was already submitted`)]
    : [])

export const guards: {
  readonly SubmitMonthlyBriefing: ReadonlyArray<Guard<"SubmitMonthlyBriefing">>
  readonly RecordSpotCheck: ReadonlyArray<Guard<"RecordSpotCheck">>
  readonly ReportProgress: ReadonlyArray<Guard<"ReportProgress">>
} = {
  SubmitMonthlyBriefing: [
    contractFirst("合同签订后方可报送月度简报", "monthly briefings follow the contract"),
    briefingMonth,
    briefingOnce
  ],
  RecordSpotCheck: [contractFirst("合同签订后方可抽查", "spot checks follow the contract")],
  ReportProgress: [planFirst("实施方案印发后方可反馈进展", "progress reports follow the issued plan")]
}

/** The briefing's due date, and whether it came late (a warning, not a rejection). */
export const briefingDue = step(
  "supervision.briefing-due",
  "月度简报按时报送",
  "Monthly briefing on time",
  "三(八)",
  [plan("三(八)", "每月定期提交月度项目计划及进展简报"), national(`${texts.civilCode} 第二百零三条`)],
  "每月简报应在参数规定的当月报送日(遇休息日顺延)前报送;迟报记为警告。",
  ["supervision.briefingDueDay"]
)

export const steps: ReadonlyArray<Doc> = [briefingDue]
