// 三(九) decisions: the application with its receipts, the evaluation (passed with the balance's due date, or
// failed with the rectification deadline), the report filed.
import * as Chunk from "effect/Chunk"
import * as Either from "effect/Either"
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import type { Finding } from "../../rules/Rule.js"
import * as Payment from "../3.6-contract/Payment.js"
import { quotaProgress, toQuotaResult } from "../4-deliverables/progress.js"
import type { Input } from "../Guard.js"
import {
  basisOf,
  calendarFinding,
  type Checked,
  type Handlers,
  ok,
  periodLength,
  planBasis,
  type Result,
  runStage,
  traced,
  violation
} from "../internal/decide.js"
import * as Parameter from "../Parameter.js"
import type { Evaluation, RectificationOrder } from "../ProjectEvent.js"
import { evidenceOf } from "../ProjectState.js"
import type * as Acceptance from "./Acceptance.js"
import { balanceDue, rectificationDeadline } from "./guards.js"
import * as PerformanceTarget from "./PerformanceTarget.js"

type Unit = "calendar-days" | "working-days"

interface Verdict {
  readonly input: Input<"EvaluateAcceptance">
  readonly items: ReadonlyArray<import("../ProjectEvent.js").QuotaResult>
  readonly evaluations: ReadonlyArray<Evaluation>
  readonly basis: ReadonlyArray<import("../../kernel/LegalBasis.js").LegalBasis>
  readonly restsOn: ReadonlyArray<string>
  /** The targets as assessed: the typed ones, and the declared ones computed from the evidence. */
  readonly targets: ReadonlyArray<{ name: string; target: string; actual: string; met: boolean }>
}

const passed = (v: Verdict): Result => {
  const { command: c, state: s, on, config } = v.input
  const sp = s.subProjects[c.subProject]
  const read = traced(
    v.input,
    balanceDue,
    (p) => ({ days: p.read<number>("payment.dueDays"), unit: p.read<Unit>("payment.dueDaysUnit") })
  )
  if (Either.isLeft(read)) return Either.left(read.left)
  const { unit } = read.right.value
  // a term the contract agrees (at most 60 days, contract.payment-term) takes the place of the default
  const agreed = sp.contract!.paymentTermDays
  const days = agreed ?? read.right.value.days
  const deadline = config.calendar.deadline(on, days, unit)
  if (Either.isLeft(deadline)) return violation(c._tag, [calendarFinding(deadline.left, "at")])
  const d = deadline.right
  const span = periodLength(days, unit)
  return ok({
    draft: {
      _tag: "AcceptancePassed",
      subProject: c.subProject,
      evaluatedOn: on,
      attempt: sp.acceptance.attempts,
      experts: c.experts,
      items: v.items,
      targets: v.targets,
      balanceDue: Payment.balanceAmount(sp.contract!.amount, sp.payments),
      dueDate: d.end,
      dueExplanation: {
        zh: `${agreed === undefined ? "" : "按合同约定,"}验收合格之日 ${on} 起 ${span.zh}内支付余款,${
          d.moved ? `截止日顺延至 ${d.end}` : `至 ${d.end}`
        }`,
        en: `balance due within ${span.en} of acceptance on ${on}${
          agreed === undefined ? "" : " (as the contract agrees)"
        }: by ${d.end}`
      },
      ...(c.remarks === undefined ? {} : { remarks: c.remarks })
    },
    basis: [...v.basis, national(`${texts.smePayment} 第九条`)],
    evaluations: [...v.evaluations, read.right.evaluation],
    restsOn: v.restsOn
  })
}

/** A failing verdict's finding as a rectification order: a quota item or a target by its id, else the rule's path. */
const orderOf = (v: Verdict) => (f: Finding): RectificationOrder => {
  const [head, ...rest] = f.path.split(".")
  const key = rest.join(".")
  const item = head === "items" ? v.items.find((i) => i.itemId === key) : undefined
  if (item !== undefined) {
    return {
      kind: "quota",
      rule: f.ruleId,
      itemId: item.itemId,
      unit: item.unit,
      required: item.required,
      delivered: item.done,
      text: f.zh
    }
  }
  const target = head === "targets" ? v.targets.find((t) => t.name === key) : undefined
  if (target !== undefined) {
    return {
      kind: "target",
      rule: f.ruleId,
      name: target.name,
      target: target.target,
      actual: target.actual,
      text: f.zh
    }
  }
  return { kind: "finding", rule: f.ruleId, path: f.path, text: f.zh }
}

const failed = (v: Verdict, verdict: Checked): Result => {
  const { command: c, state: s, on, config } = v.input
  const read = traced(v.input, rectificationDeadline, (p) => ({
    days: p.read<number>("acceptance.rectificationDays"),
    unit: p.read<Unit>("acceptance.rectificationUnit")
  }))
  if (Either.isLeft(read)) return Either.left(read.left)
  const { days, unit } = read.right.value
  const deadline = config.calendar.deadline(on, days, unit)
  if (Either.isLeft(deadline)) return violation(c._tag, [calendarFinding(deadline.left, "at")])
  const end = deadline.right.end
  const span = periodLength(days, unit)
  return ok({
    draft: {
      _tag: "AcceptanceFailed",
      subProject: c.subProject,
      evaluatedOn: on,
      attempt: s.subProjects[c.subProject].acceptance.attempts,
      experts: c.experts,
      items: v.items,
      targets: v.targets,
      rectification: {
        items: verdict.errors.map((f) => f.zh),
        orders: verdict.errors.map(orderOf(v)),
        deadline: end,
        explanation: {
          zh: `自 ${on} 起 ${span.zh}内完成整改,至 ${end} 止`,
          en: `rectify within ${span.en} of ${on}: by ${end}`
        }
      },
      ...(c.remarks === undefined ? {} : { remarks: c.remarks })
    },
    basis: [...v.basis, plan("三(九)", "对评估验收不合格的,督促进行整改")],
    evaluations: [...v.evaluations, read.right.evaluation],
    restsOn: v.restsOn
  })
}

export const handlers: Handlers<"ApplyForAcceptance" | "EvaluateAcceptance" | "FileAcceptanceReport"> = {
  ApplyForAcceptance: (input) => {
    const { command: c, state: s, on } = input
    const sp = s.subProjects[c.subProject]
    const contract = sp.contract!
    const progress = quotaProgress(input.config, s, on, c.subProject)
    const receiptsTotal = Money.sum(c.receipts.map((r) => r.amount))
    const application: Acceptance.AcceptanceInput = {
      stage: "application",
      on,
      periodEnd: contract.periodEnd,
      contractAmount: contract.amount,
      receiptsTotal,
      receiptCount: c.receipts.length,
      progress,
      targets: [],
      experts: 0,
      rectificationDeadline: sp.acceptance.rectificationDeadline
    }
    const checked = runStage(input, "acceptanceGuard", application)
    if (checked.errors.length > 0) return violation(c._tag, checked.findings)
    return ok({
      draft: {
        _tag: "AcceptanceApplied",
        subProject: c.subProject,
        appliedOn: on,
        attempt: sp.acceptance.attempts + 1,
        receipts: c.receipts,
        receiptsTotal,
        details: c.details
      },
      basis: [plan("三(九)", "提出项目验收申请"), plan("六(二)", "附费用票据、项目实施有关明细等财务资料")],
      evaluations: checked.evaluations,
      restsOn: [contract.eventId]
    })
  },
  EvaluateAcceptance: (input) => {
    const { command: c, state: s, on } = input
    const sp = s.subProjects[c.subProject]
    const contract = sp.contract!
    const progress = quotaProgress(input.config, s, on, c.subProject)
    const evidence = evidenceOf(s, c.subProject)
    const declared = Parameter.resolve(input.config.parameters, "acceptance.performanceTargets", on)?.value as
      | ReadonlyArray<PerformanceTarget.Declared>
      | undefined
    const holding = PerformanceTarget.forSubProject(declared ?? [], contract.performanceTargets ?? [], c.subProject)
    const targets = PerformanceTarget.assess(
      c.performanceTargets,
      PerformanceTarget.computeAll(holding, c.subProject, evidence, on)
    ).map(({ actual, met, name, target }) => ({ name, target, actual, met }))
    const evaluation: Acceptance.AcceptanceInput = {
      stage: "evaluation",
      on,
      periodEnd: contract.periodEnd,
      contractAmount: contract.amount,
      receiptsTotal: Money.zero,
      receiptCount: 0,
      progress,
      targets: c.performanceTargets,
      experts: c.experts.length,
      rectificationDeadline: sp.acceptance.rectificationDeadline,
      subProject: c.subProject,
      evidence,
      agreedTargets: contract.performanceTargets
    }
    const guards = runStage(input, "acceptanceGuard", evaluation)
    if (guards.errors.length > 0) return violation(c._tag, guards.findings)
    const verdict = runStage(input, "acceptanceVerdict", evaluation)
    const v: Verdict = {
      input,
      items: progress.map(toQuotaResult),
      evaluations: [...guards.evaluations, ...verdict.evaluations],
      basis: [plan("三(九)", "组织相关专家对项目实施情况和绩效目标实现情况进行评估验收"), ...basisOf(verdict.rules)],
      restsOn: [sp.acceptance.appliedEventId!, ...Chunk.toReadonlyArray(sp.evidence).map((x) => x.eventId)],
      targets
    }
    return verdict.errors.length === 0 ? passed(v) : failed(v, verdict)
  },
  FileAcceptanceReport: ({ command: c, state: s, on }) =>
    ok({
      draft: { _tag: "AcceptanceReportFiled", subProject: c.subProject, reportNumber: c.reportNumber, filedOn: on },
      basis: planBasis("三(九)", "评估验收报告报委员会办公室备案并作为开展下一年度项目重要依据"),
      restsOn: [s.subProjects[c.subProject].acceptance.passedEventId!]
    })
}
