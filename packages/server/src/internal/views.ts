/** JSON views of library values that have no Schema of their own: the state and the next deadlines. @internal */
import type { Lifecycle } from "@gsyf/core"
import { Project } from "@gsyf/core"

/** Maps, sets and chunks as JSON (objects and arrays); decimals by their own `toJSON`. @internal */
export const toJson = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return Object.fromEntries(v)
    if (v instanceof Set) return [...v]
    if (
      typeof v === "object" && v !== null && !Array.isArray(v) && Symbol.iterator in v &&
      typeof (v as { toJSON?: unknown }).toJSON !== "function"
    ) {
      return Array.from(v as Iterable<unknown>)
    }
    // Effect's Chunk, HashSet and HashMap reach the replacer as their own `toJSON` (`{ _id, values }`)
    if (typeof v === "object" && v !== null && "_id" in v && Array.isArray((v as { values?: unknown }).values)) {
      const { _id, values } = v as { readonly _id: unknown; readonly values: ReadonlyArray<unknown> }
      if (_id === "Chunk" || _id === "HashSet") return values
      if (_id === "HashMap") return Object.fromEntries(values as ReadonlyArray<readonly [PropertyKey, unknown]>)
    }
    return v
  }))

/** One deadline. @internal */
export interface Deadline {
  readonly date: string
  readonly kind: string
  readonly subProject?: string
  readonly zh: string
  readonly en: string
}

const subDeadlines = (sp: Lifecycle.State["subProjects"][Project.SubProjectKey]): Array<Deadline> => {
  const out: Array<Deadline> = []
  const name = Project.subProjectNames[sp.key]
  const add = (date: string | undefined, kind: string, zh: string, en: string) => {
    if (date !== undefined) out.push({ date, kind, subProject: sp.key, zh: `${name}:${zh}`, en })
  }
  if (sp.contract === undefined) {
    add(sp.publicity?.endsOn, "publicity-ends", "采购需求公示期满", "the requirement publicity ends")
    add(sp.award?.signBy, "contract-sign-by", "合同签订期限", "the contract must be signed")
  } else if (sp.acceptance.status !== "passed") {
    add(sp.contract.periodEnd, "service-period-ends", "服务期满", "the service period ends")
  }
  if (sp.acceptance.status === "failed") {
    add(sp.acceptance.rectificationDeadline, "rectification", "整改期限", "the rectification is due")
  }
  if (sp.acceptance.status === "passed" && !sp.payments.some((p) => p.kind === "balance")) {
    add(sp.acceptance.dueDate, "balance-payment", "余款支付期限", "the balance must be paid")
  }
  return out
}

/** The deadlines of a project on or after a date, soonest first. @internal */
export const deadlines = (state: Lifecycle.State, at: string): ReadonlyArray<Deadline> =>
  Project.subProjectKeys
    .flatMap((k) => subDeadlines(state.subProjects[k]))
    .filter((d) => d.date >= at)
    .sort((a, b) => a.date.localeCompare(b.date))
