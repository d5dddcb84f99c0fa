/**
 * 三(四) Publicity of the procurement requirements: the sub-project's process opens its tender in status
 * `planning`, with the publicity as the enquiry period. An objection marks the tender as having enquiries;
 * the objection and its answer themselves are not published.
 *
 * @internal
 */
import { dayEnd, dayStart, value } from "../../format.js"
import { type Builders, unpublished } from "../builder.js"
import { buyer, procuringEntity } from "../common.js"
import { subProjectTitles } from "../state.js"

/** @internal */
export const publicity: Builders<"PublicityStarted" | "ObjectionRecorded" | "ObjectionResolved"> = {
  PublicityStarted: (e, ctx) => {
    const sub = e.subProject
    const d = ctx.draft(sub, e)
    const budget = ctx.state.budgets.get(sub)
    d.publish(["tender"], {
      ...buyer(ctx.state, d),
      tender: {
        id: `${sub}-tender`,
        title: subProjectTitles[sub],
        status: "planning",
        ...procuringEntity(ctx.state, d),
        ...(budget === undefined ? {} : { value: value(budget) }),
        enquiryPeriod: {
          startDate: dayStart(e.startsOn),
          endDate: dayEnd(e.endsOn),
          durationInDays: Math.round((Date.parse(e.endsOn) - Date.parse(e.startsOn)) / 86_400_000) + 1
        },
        documents: [
          {
            id: "requirements-publicity",
            documentType: "procurementPlan",
            title: "采购需求公示",
            description: `${e.explanation.zh}(实施方案 三(四))`,
            datePublished: dayStart(e.startsOn),
            language: "zh"
          }
        ]
      }
    })
  },
  ObjectionRecorded: (e, ctx) => {
    ctx.draft(e.subProject, e).publish(["tender"], { tender: { id: `${e.subProject}-tender`, hasEnquiries: true } })
  },
  ObjectionResolved: unpublished
}
