// A city's own plugin registry, written in plain JavaScript beside its scenarios: `gsyf test city-scenarios`
// loads it as it is, with no build step. The city publicises procurement requirements for 7 working days, two
// more than the seed plan (a city may be stricter than the plan, never looser).
import { LegalBasis, Plugin } from "@gsyf/core"

const basis = new LegalBasis.LegalBasis({
  level: "city",
  citation: "某市工伤预防项目管理办法 第六条",
  note: "采购需求公示期为7个工作日"
})

const longerPublicity = Plugin.make(
  { name: "city-longer-publicity", version: "1.0.0", description: "某市:采购需求公示7个工作日" },
  { parameters: { values: { "publicity.length": 7 }, basis } }
)

/** The plugins the scenarios of this folder name. */
export const registry = () => new Map([["LongerPublicity", longerPublicity]])
