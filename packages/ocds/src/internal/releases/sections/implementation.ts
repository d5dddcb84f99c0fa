/**
 * 三(七) Implementation: the approval of the provider's implementation plan and each deliverable are
 * implementation milestones of the contract; a correction changes the deliverable's milestone and is an
 * amendment entry naming the releases before and after it (it changes no contract term, so it is not a
 * `contractAmendment`). Plans and material designs themselves are not published.
 *
 * @internal
 */
import { Deliverable } from "@gsyf/core"
import { dayStart, instant } from "../../format.js"
import { type Builders, unpublished } from "../builder.js"
import { contractBody } from "../common.js"
import type { Ctx } from "../publish.js"
import type { Of } from "../state.js"

const evidenceTitle = (e: Deliverable.Evidence): string => {
  const kind = Deliverable.kindNames[e._tag]
  switch (e._tag) {
    case "deployment-meeting":
      return `${kind}(${e.enterprises} 家企业参会)`
    case "park-event":
      return `${kind}:${e.park}`
    case "material-produced":
      return `${kind}:${e.materialType} ${e.quantity} 份`
    case "warning-video":
    case "summary-video":
    case "portal-article":
      return `${kind}:${e.title}`
    case "tv-report":
    case "newspaper-report":
      return `${kind}:${e.outlet}`
    case "hazchem-training":
      return `${kind}:${e.enterprise} ${e.trainees.reduce((n, t) => n + t.count, 0)} 人`
    case "training-session":
      return `${kind}:${e.participants} 人`
    case "key-enterprise-survey":
    case "key-enterprise-training":
    case "key-enterprise-followup":
      return `${kind}:${e.enterprise}`
    case "custom":
      return `${kind}:${e.customType} ${e.count}`
    default: {
      const unknown: never = e
      return String(unknown)
    }
  }
}

const planDecided = (e: Of<"ImplementationPlanApproved"> | Of<"ImplementationPlanReturned">, ctx: Ctx) => {
  const ok = e._tag === "ImplementationPlanApproved"
  const body = contractBody(ctx.state, e.subProject, {
    implementation: {
      milestones: [
        {
          id: "implementation-plan",
          title: "年度实施计划审批",
          type: "approval",
          status: ok ? "met" : "notMet",
          ...(e._tag === "ImplementationPlanApproved"
            ? { dateMet: instant(e.at) }
            : { description: `退回:${e.reasons.join(";")}` }),
          dateModified: instant(e.at)
        }
      ]
    }
  })
  if (body !== undefined) ctx.draft(e.subProject, e).publish(["implementation"], body)
}

const recorded = (e: Of<"DeliverableRecorded">, ctx: Ctx) => {
  ctx.state.evidence.set(e.id, { sub: e.subProject, milestone: `deliverable-${e.id}` })
  const body = contractBody(ctx.state, e.subProject, {
    implementation: {
      milestones: [
        {
          id: `deliverable-${e.id}`,
          title: evidenceTitle(e.evidence),
          type: "delivery",
          code: e.evidence._tag,
          status: "met",
          dateMet: dayStart(e.evidence.date),
          dateModified: instant(e.at)
        }
      ]
    }
  })
  if (body !== undefined) ctx.draft(e.subProject, e).publish(["implementation"], body)
}

const corrected = (e: Of<"DeliverableCorrected">, ctx: Ctx) => {
  const target = ctx.state.evidence.get(e.corrects)
  if (target === undefined) return
  const sub = target.sub
  if (e.replacement !== undefined) ctx.state.evidence.set(e.id, target)
  const before = ctx.lastRelease(sub)
  const milestone = e.replacement === undefined
    ? { id: target.milestone, status: "notMet", description: `已撤销:${e.reason}`, dateModified: instant(e.at) }
    : {
      id: target.milestone,
      title: evidenceTitle(e.replacement),
      code: e.replacement._tag,
      status: "met",
      dateMet: dayStart(e.replacement.date),
      description: `已更正:${e.reason}`,
      dateModified: instant(e.at)
    }
  const body = contractBody(ctx.state, sub, {
    amendments: [
      {
        id: e.id,
        date: instant(e.at),
        rationale: e.reason,
        description: e.replacement === undefined
          ? `撤销交付记录 ${e.corrects}`
          : `更正交付记录 ${e.corrects}:${evidenceTitle(e.replacement)}`,
        ...(before === undefined ? {} : { amendsReleaseID: before }),
        releaseID: ctx.releaseId(sub, e)
      }
    ],
    implementation: { milestones: [milestone] }
  })
  if (body !== undefined) ctx.draft(sub, e).publish(["implementation"], body)
}

/** @internal */
export const implementation: Builders<
  | "ImplementationPlanSubmitted"
  | "ImplementationPlanApproved"
  | "ImplementationPlanReturned"
  | "MaterialDesignSubmitted"
  | "MaterialDesignApproved"
  | "MaterialDesignReturned"
  | "DeliverableRecorded"
  | "DeliverableCorrected"
> = {
  ImplementationPlanSubmitted: unpublished,
  ImplementationPlanApproved: planDecided,
  ImplementationPlanReturned: planDecided,
  MaterialDesignSubmitted: unpublished,
  MaterialDesignApproved: unpublished,
  MaterialDesignReturned: unpublished,
  DeliverableRecorded: recorded,
  DeliverableCorrected: corrected
}
