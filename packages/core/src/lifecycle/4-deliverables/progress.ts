// 四 quota progress: done / required per quota item, from the evidence in force (events record the required and
// done counts of every item).
import type * as IsoDate from "../../kernel/IsoDate.js"
import type { Config } from "../Config.js"
import * as Parameter from "../Parameter.js"
import type { QuotaResult } from "../ProjectEvent.js"
import { evidenceOf, type State, type SubProjectKey } from "../ProjectState.js"
import * as Quota from "./Quota.js"

/** Quota progress at a date, reading the parameters in force (untraced: a getter for hosts and read models). */
export const quotaProgress = (
  config: Config,
  s: State,
  at: IsoDate.IsoDate,
  key?: SubProjectKey
): ReadonlyArray<Quota.Progress> => {
  const items = config.quotaItems.filter((i) => key === undefined || i.subProject === key)
  const ctx: Quota.Context = { read: (name) => Parameter.resolve(config.parameters, name, at)?.value }
  return Quota.progress(items, evidenceOf(s, key), ctx)
}

/** A quota item's progress as events record it. */
export const toQuotaResult = (p: Quota.Progress): QuotaResult => ({
  itemId: p.itemId,
  title: p.title,
  subProject: p.subProject,
  unit: p.unit,
  required: p.required,
  done: p.done,
  met: p.met,
  ...(p.note === undefined ? {} : { note: p.note })
})
