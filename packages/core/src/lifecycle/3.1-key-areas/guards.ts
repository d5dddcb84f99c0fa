// 三(一) guards: key areas are chosen before the plan is issued.
import type { Guard } from "../Guard.js"
import { type Doc, order } from "../internal/guard.js"

const keyAreasBeforePlan = order<"SelectKeyAreas">({
  id: "lifecycle.key-areas-before-plan",
  zh: "重点领域在方案印发前确定",
  en: "Key areas are chosen before the plan is issued",
  section: "三(一)",
  description: "实施方案印发后不能再确定或更改重点领域。"
}, ({ state }) =>
  state.plan !== undefined
    ? ["实施方案已印发,不能再确定重点领域", "the plan is issued; key areas can no longer be chosen"]
    : undefined)

export const guards: { readonly SelectKeyAreas: ReadonlyArray<Guard<"SelectKeyAreas">> } = {
  SelectKeyAreas: [keyAreasBeforePlan]
}

export const steps: ReadonlyArray<Doc> = []
