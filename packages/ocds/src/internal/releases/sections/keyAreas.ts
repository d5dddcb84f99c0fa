/**
 * 三(一) Key areas: the project's process opens with the key areas of the year (`planning.keyAreas`,
 * extension) and the HRSS bureau as buyer.
 *
 * @internal
 */
import { Industry } from "@gsyf/core"
import { instant } from "../../format.js"
import type { Builders } from "../builder.js"
import { actorParty } from "../state.js"

/** @internal */
export const keyAreas: Builders<"KeyAreasSelected"> = {
  KeyAreasSelected: (e, ctx) => {
    const d = ctx.draft("project", e)
    const bureau = actorParty(e)
    d.publish(["planning"], {
      buyer: d.ref(bureau, "buyer"),
      planning: {
        rationale: `依据实施方案 三(一)确定年度工伤预防重点领域。权重方案:${e.weighting}`,
        keyAreas: e.selected.map((s, i) => ({
          id: String(i + 1),
          title: s.label,
          rank: i + 1,
          ...(s.codes.length === 0 ? {} : {
            classifications: s.codes.map((code) => ({
              scheme: "GB/T 4754-2017",
              id: Industry.normalize(code),
              description: Industry.label(code)
            }))
          }),
          rationale: s.reason,
          legalBasis: s.basis
        })),
        milestones: [
          {
            id: "key-areas",
            title: "确定工伤预防重点领域",
            type: "preProcurement",
            status: "met",
            dateMet: instant(e.at),
            dateModified: instant(e.at)
          }
        ]
      }
    })
  }
}
