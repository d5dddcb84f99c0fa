// 三(九) guards: acceptance follows the contract and an approved implementation plan, one application at a time,
// evaluated when applied for; only a passed acceptance's report is filed, once.
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import { contractFirst } from "../3.6-contract/guards.js"
import type { Guard } from "../Guard.js"
import { type Doc, order, step } from "../internal/guard.js"

const noContract = <K extends "ApplyForAcceptance" | "EvaluateAcceptance" | "FileAcceptanceReport">() =>
  contractFirst<K>("合同尚未签订", "there is no contract yet")

const implementationFirst = order<"ApplyForAcceptance">({
  id: "lifecycle.implementation-first",
  zh: "实施计划通过后申请验收",
  en: "Acceptance follows an approved plan",
  section: "三(九)",
  description: "没有审批通过的实施计划不能申请验收。"
}, ({ command: c, state }) =>
  state.subProjects[c.subProject].implementationPlan?.status !== "approved"
    ? ["实施计划未审批通过,不能申请验收", "no approved implementation plan; acceptance cannot be requested"]
    : undefined)

const notPending = order<"ApplyForAcceptance">({
  id: "acceptance.pending",
  zh: "验收申请不重复",
  en: "No second application pending",
  section: "三(九)",
  description: "验收申请待评估或已通过时不能再次申请。"
}, ({ command: c, state }) => {
  const status = state.subProjects[c.subProject].acceptance.status
  return status === "applied" || status === "passed"
    ? ["验收申请已在处理或已通过", "an acceptance application is pending or has passed"]
    : undefined
})

const appliedFirst = order<"EvaluateAcceptance">({
  id: "acceptance.applied-first",
  zh: "先申请后评估",
  en: "Evaluation follows an application",
  section: "三(九)",
  description: "没有待评估的验收申请时不能组织评估。"
}, ({ command: c, state }) =>
  state.subProjects[c.subProject].acceptance.status !== "applied"
    ? ["没有待评估的验收申请", "there is no acceptance application to evaluate"]
    : undefined)

const passedFirst = order<"FileAcceptanceReport">({
  id: "acceptance.passed-first",
  zh: "验收合格后备案",
  en: "Only a passed acceptance is filed",
  section: "三(九)",
  description: "验收合格后方可将验收报告报委员会办公室备案。"
}, ({ command: c, state }) =>
  state.subProjects[c.subProject].acceptance.status !== "passed"
    ? ["验收合格后方可备案验收报告", "only a passed acceptance report is filed"]
    : undefined)

const filedOnce = order<"FileAcceptanceReport">(
  {
    id: "filing.once",
    zh: "验收报告备案一次",
    en: "The report is filed once",
    section: "三(九)",
    description: "验收报告只备案一次。"
  },
  ({ command: c, state }) =>
    state.subProjects[c.subProject].filed !== undefined
      ? ["验收报告已经备案", "the report is already filed"]
      : undefined
)

export const guards: {
  readonly ApplyForAcceptance: ReadonlyArray<Guard<"ApplyForAcceptance">>
  readonly EvaluateAcceptance: ReadonlyArray<Guard<"EvaluateAcceptance">>
  readonly FileAcceptanceReport: ReadonlyArray<Guard<"FileAcceptanceReport">>
} = {
  ApplyForAcceptance: [noContract(), implementationFirst, notPending],
  EvaluateAcceptance: [noContract(), appliedFirst],
  FileAcceptanceReport: [noContract(), passedFirst, filedOnce]
}

/** The balance's due date after a passed acceptance. */
export const balanceDue = step(
  "payment.due-date",
  "余款支付期限",
  "Balance due date",
  "六(二)",
  [plan("六(二)"), national(`${texts.smePayment} 第九条`)],
  "验收合格之日起按合同约定的付款期限(不超过60日)确定余款支付期限;合同未约定的,按参数规定的日数和计算方式确定。",
  ["payment.dueDays", "payment.dueDaysUnit"]
)

/** The rectification deadline after a failed acceptance. */
export const rectificationDeadline = step(
  "acceptance.rectification-deadline",
  "整改期限",
  "Rectification deadline",
  "三(九)",
  [plan("三(九)", "对评估验收不合格的,督促进行整改")],
  "验收不合格时,按参数规定的日数和计算方式确定整改期限。",
  ["acceptance.rectificationDays", "acceptance.rectificationUnit"]
)

export const steps: ReadonlyArray<Doc> = [rectificationDeadline]
