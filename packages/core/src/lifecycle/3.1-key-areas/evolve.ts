// 三(一) folds.
import type { Folds } from "../internal/state.js"

export const folds: Folds<"KeyAreasSelected"> = {
  KeyAreasSelected: (s, e) => ({ ...s, keyAreas: { eventId: e.id, selected: e.selected.map((a) => a.label) } })
}
