// 三(七) guards: the implementation plan follows the contract, one pending at a time, reviewed when submitted,
// returned with reasons.
import { plan } from "../../kernel/LegalBasis.js"
import { contractFirst } from "../3.6-contract/guards.js"
import type { Guard } from "../Guard.js"
import { check, type Doc, order } from "../internal/guard.js"

const planPending = order<"SubmitImplementationPlan">({
  id: "implementation.plan-pending",
  zh: "实施计划不重复报送",
  en: "No second implementation plan pending",
  section: "三(七)",
  description: "实施计划待审批或已通过时不能再次报送。"
}, ({ command: c, state }) => {
  const p = state.subProjects[c.subProject].implementationPlan
  return p !== undefined && p.status !== "returned"
    ? ["实施计划已报送,等待审批或已通过", "an implementation plan is already pending or approved"]
    : undefined
})

const planSubmitted = order<"ReviewImplementationPlan">({
  id: "implementation.plan-submitted",
  zh: "审批已报送的实施计划",
  en: "Review a submitted plan",
  section: "三(七)",
  description: "经办机构只能审批已报送的实施计划。"
}, ({ command: c, state }) =>
  state.subProjects[c.subProject].implementationPlan?.status !== "submitted"
    ? ["没有待审批的实施计划", "there is no implementation plan to review"]
    : undefined)

const returnReasons = check<"ReviewImplementationPlan">({
  id: "implementation.return-reasons",
  title: { zh: "退回实施计划说明理由", en: "A returned plan states its reasons" },
  section: "三(七)",
  basis: [plan("三(七)")],
  description: "退回实施计划须说明理由。",
  reads: []
}, ({ command: c }, f) =>
  c.decision === "return" && (c.reasons ?? []).length === 0
    ? [f.error("reasons", "退回须说明理由", "a return needs reasons")]
    : [])

export const guards: {
  readonly SubmitImplementationPlan: ReadonlyArray<Guard<"SubmitImplementationPlan">>
  readonly ReviewImplementationPlan: ReadonlyArray<Guard<"ReviewImplementationPlan">>
} = {
  SubmitImplementationPlan: [
    contractFirst("合同签订后方可报送实施计划", "the implementation plan follows the contract"),
    planPending
  ],
  ReviewImplementationPlan: [planSubmitted, returnReasons]
}

export const steps: ReadonlyArray<Doc> = []
