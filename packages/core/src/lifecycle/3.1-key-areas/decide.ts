// 三(一) decisions: the key areas chosen from the industries' statistics.
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Industry from "../../kernel/Industry.js"
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import { type Handlers, ok } from "../internal/decide.js"
import * as KeyAreas from "./KeyAreas.js"

export const handlers: Handlers<"SelectKeyAreas"> = {
  SelectKeyAreas: ({ command: c }) => {
    const selection = KeyAreas.select({
      stats: c.stats,
      top: c.top,
      ...(c.weighting === undefined ? {} : { weighting: c.weighting }),
      ...(c.mandated === undefined ? {} : { mandated: c.mandated })
    })
    if (Either.isLeft(selection)) return Either.left(selection.left)
    const sel = selection.right
    return ok({
      draft: {
        _tag: "KeyAreasSelected",
        ranking: sel.ranking.map((r) => ({
          rank: r.rank,
          code: r.code,
          label: Industry.label(r.code),
          score: r.scoreDisplay
        })),
        selected: sel.areas.map((a) => ({
          label: a.label,
          codes: a.code === undefined ? [] : [a.code],
          reason: a.reasons.map((r) => r.zh).join(";"),
          basis: a.reasons.map((r) => r.basis.citation).join(";")
        })),
        weighting: JSON.stringify(Schema.encodeSync(KeyAreas.Weighting)(sel.weighting))
      },
      basis: [
        plan("三(一)"),
        national(`${texts.feeMeasures} 第七条`, "人社部门会同有关部门确定重点领域"),
        Industry.basis
      ]
    })
  }
}
