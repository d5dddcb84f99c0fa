// 三(一) summaries: how `Explain` tells each event of the section, in Chinese and English.
import type { TagsOf } from "../internal/schemas.js"
import { type Summaries, told } from "../internal/summary.js"
import type { events } from "./events.js"

export const summaries: Summaries<TagsOf<typeof events>> = {
  KeyAreasSelected: (e) =>
    told(
      `确定重点领域:${e.selected.map((s) => s.label).join("、")}`,
      `key areas chosen: ${e.selected.map((s) => s.label).join(", ")}`
    )
}
