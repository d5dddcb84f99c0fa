/**
 * 三(二) The plan: the committee issues the year's plan (a planning document and milestone). Member units'
 * opinions and the key enterprise list are not published.
 *
 * @internal
 */
import { dayStart, instant } from "../../format.js"
import { type Builders, unpublished } from "../builder.js"
import { actorParty } from "../state.js"

/** @internal */
export const plan: Builders<"MemberOpinionRecorded" | "PlanIssued" | "KeyEnterpriseListProvided"> = {
  MemberOpinionRecorded: unpublished,
  KeyEnterpriseListProvided: unpublished,
  PlanIssued: (e, ctx) => {
    const d = ctx.draft("project", e)
    d.involve(actorParty(e), "reviewBody")
    d.publish(["planning"], {
      planning: {
        documents: [
          {
            id: "plan",
            documentType: "procurementPlan",
            title: `工伤预防项目工作实施方案(${e.documentNumber})`,
            description: `以工伤预防委员会名义印发,文号 ${e.documentNumber}(实施方案 三(二))`,
            datePublished: dayStart(e.issuedOn),
            language: "zh"
          }
        ],
        milestones: [
          {
            id: "plan-issued",
            title: "印发年度实施方案",
            type: "approval",
            status: "met",
            dateMet: dayStart(e.issuedOn),
            dateModified: instant(e.at)
          }
        ]
      }
    })
  }
}
