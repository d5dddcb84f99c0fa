/**
 * 三(九) Acceptance and filing: the application schedules the acceptance milestone; an evaluation meets it or
 * not, with the quota results and performance targets (extension). A failed evaluation orders rectification
 * (extension); an evaluation after a failed one is an amendment entry naming the releases before and after
 * it, and completes the rectification. A pass fixes the balance's due date. Filing the acceptance report
 * ends the contract (`contractTermination`).
 *
 * @internal
 */
import { dayEnd, dayStart, instant } from "../../format.js"
import type { JsonObject } from "../../json.js"
import type { Builders } from "../builder.js"
import { contractBody, quotaResults } from "../common.js"
import type { Ctx } from "../publish.js"
import type { Of, SubProject } from "../state.js"

type Evaluation = Of<"AcceptancePassed"> | Of<"AcceptanceFailed">

const targets = (e: Evaluation, assessed: string) =>
  e.targets.map((t) => ({
    id: t.name,
    title: t.name,
    target: t.target,
    actual: t.actual,
    met: t.met,
    dateAssessed: assessed
  }))

/** An evaluation after a failed one re-evaluates the acceptance: an amendment names the release before it. */
const reEvaluation = (ctx: Ctx, sub: SubProject, e: Evaluation): JsonObject => {
  const failed = ctx.state.failed.get(sub) ?? []
  const last = failed[failed.length - 1]
  if (last === undefined) return {}
  const before = ctx.lastRelease(sub)
  return {
    amendments: [
      {
        id: e.id,
        date: instant(e.at),
        rationale: `整改后重新评估验收(第 ${e.attempt} 次)`,
        description: `重新评估验收${
          e._tag === "AcceptancePassed" ? "合格" : "仍不合格"
        },取代第 ${last.attempt} 次评估结论(发布 ${last.releaseId})`,
        ...(before === undefined ? {} : { amendsReleaseID: before }),
        releaseID: ctx.releaseId(sub, e)
      }
    ]
  }
}

const applied = (e: Of<"AcceptanceApplied">, ctx: Ctx) => {
  const body = contractBody(ctx.state, e.subProject, {
    implementation: {
      milestones: [
        {
          id: "acceptance",
          title: "项目评估验收",
          type: "assessment",
          description: `第 ${e.attempt} 次验收申请:${e.details};发票合计 ${e.receiptsTotal.toString()} 元`,
          status: "scheduled",
          dateModified: instant(e.at)
        }
      ]
    }
  })
  if (body !== undefined) ctx.draft(e.subProject, e).publish(["implementation"], body)
}

const failed = (e: Of<"AcceptanceFailed">, ctx: Ctx) => {
  const sub = e.subProject
  const assessed = dayStart(e.evaluatedOn)
  const body = contractBody(ctx.state, sub, {
    ...reEvaluation(ctx, sub, e),
    implementation: {
      milestones: [
        {
          id: "acceptance",
          status: "notMet",
          description: `第 ${e.attempt} 次评估验收不合格,督促整改(实施方案 三(九))${
            e.remarks === undefined ? "" : ":" + e.remarks
          }`,
          dateModified: instant(e.at)
        }
      ],
      quotaResults: quotaResults(e.items, assessed),
      performanceTargets: targets(e, assessed),
      rectifications: [
        {
          id: `attempt-${e.attempt}`,
          order: [...new Set(e.rectification.items)],
          orderedDate: assessed,
          deadline: dayEnd(e.rectification.deadline),
          explanation: e.rectification.explanation.zh,
          explanation_en: e.rectification.explanation.en,
          status: "ordered"
        }
      ]
    }
  })
  if (body === undefined) return
  const id = ctx.draft(sub, e).publish(["implementation"], body)
  ctx.state.failed.set(sub, [...(ctx.state.failed.get(sub) ?? []), { attempt: e.attempt, releaseId: id }])
}

const passed = (e: Of<"AcceptancePassed">, ctx: Ctx) => {
  const sub = e.subProject
  const assessed = dayStart(e.evaluatedOn)
  const earlier = ctx.state.failed.get(sub) ?? []
  const body = contractBody(ctx.state, sub, {
    ...reEvaluation(ctx, sub, e),
    milestones: [{
      id: "balance",
      dueDate: dayEnd(e.dueDate),
      description: e.dueExplanation.zh,
      dateModified: instant(e.at)
    }],
    implementation: {
      milestones: [
        {
          id: "acceptance",
          status: "met",
          dateMet: assessed,
          description: `第 ${e.attempt} 次评估验收合格${e.remarks === undefined ? "" : ":" + e.remarks}`,
          dateModified: instant(e.at)
        }
      ],
      quotaResults: quotaResults(e.items, assessed),
      performanceTargets: targets(e, assessed),
      ...(earlier.length === 0
        ? {}
        : {
          rectifications: earlier.map((x) => ({
            id: `attempt-${x.attempt}`,
            status: "completed",
            dateCompleted: assessed
          }))
        })
    }
  })
  if (body !== undefined) ctx.draft(sub, e).publish(["implementation", "contract"], body)
}

const filed = (e: Of<"AcceptanceReportFiled">, ctx: Ctx) => {
  const body = contractBody(ctx.state, e.subProject, {
    status: "terminated",
    implementation: {
      documents: [
        {
          id: "acceptance-report",
          documentType: "completionCertificate",
          title: `评估验收报告(${e.reportNumber})`,
          description: "报工伤预防委员会办公室备案(实施方案 三(九))",
          datePublished: dayStart(e.filedOn),
          language: "zh"
        }
      ]
    }
  })
  if (body !== undefined) ctx.draft(e.subProject, e).publish(["contractTermination"], body)
}

/** @internal */
export const acceptance: Builders<
  "AcceptanceApplied" | "AcceptanceFailed" | "AcceptancePassed" | "AcceptanceReportFiled"
> = { AcceptanceApplied: applied, AcceptanceFailed: failed, AcceptancePassed: passed, AcceptanceReportFiled: filed }
