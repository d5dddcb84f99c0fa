/**
 * Organization references and budget breakdowns. Every reference must name a party of the same release (or
 * compiled release) that carries the role the reference implies; the Budget Breakdown extension requires it
 * of `sourceParty` in its own words. A breakdown must add up to its budget.
 *
 * @internal
 */
import { Money } from "@gsyf/core"
import { isObject, type Json, type JsonObject, pointer } from "../json.js"
import type { Sink } from "./issue.js"

/** Where organization references are, and the party role each implies (OCDS 1.1 partyRole codelist). */
const references: ReadonlyArray<{ readonly path: ReadonlyArray<string>; readonly role: string }> = [
  { path: ["buyer"], role: "buyer" },
  { path: ["tender", "procuringEntity"], role: "procuringEntity" },
  { path: ["tender", "tenderers", "*"], role: "tenderer" },
  { path: ["awards", "*", "suppliers", "*"], role: "supplier" },
  { path: ["contracts", "*", "implementation", "transactions", "*", "payer"], role: "payer" },
  { path: ["contracts", "*", "implementation", "transactions", "*", "payee"], role: "payee" },
  { path: ["planning", "budget", "budgetBreakdown", "*", "sourceParty"], role: "sourceParty" }
]

/** Every value at a path pattern (`*` = each item of an array), with its concrete path. */
const at = (
  data: Json | undefined,
  pattern: ReadonlyArray<string>,
  path: Array<string | number> = []
): Array<[Json, Array<string | number>]> => {
  if (data === undefined || data === null) return []
  const [head, ...rest] = pattern
  if (head === undefined) return [[data, path]]
  if (head === "*") return Array.isArray(data) ? data.flatMap((x, i) => at(x, rest, [...path, i])) : []
  return isObject(data) ? at(data[head], rest, [...path, head]) : []
}

/** @internal Checks that every organization reference resolves to a party with its role. */
export const checkReferences = (release: JsonObject, out: Sink): void => {
  const parties = new Map<string, ReadonlyArray<Json>>()
  for (const p of Array.isArray(release.parties) ? release.parties : []) {
    if (isObject(p) && (typeof p.id === "string" || typeof p.id === "number")) {
      parties.set(String(p.id), Array.isArray(p.roles) ? p.roles : [])
    }
  }
  for (const { path, role } of references) {
    for (const [ref, concrete] of at(release, path)) {
      if (!isObject(ref) || (typeof ref.id !== "string" && typeof ref.id !== "number")) continue
      const roles = parties.get(String(ref.id))
      const where = pointer([...concrete, "id"])
      if (roles === undefined) {
        out.error(
          "party-reference",
          where,
          `引用的组织 ${String(ref.id)} 不在 parties 中`,
          `the organization ${String(ref.id)} is referenced but not in parties`
        )
      } else if (!roles.includes(role)) {
        out.error(
          "party-reference",
          where,
          `组织 ${String(ref.id)} 在 parties 中缺少角色 ${role}`,
          `the party ${String(ref.id)} is referenced as ${role} but lacks that role in parties`
        )
      }
    }
  }
}

const decimal = (v: Json | undefined): Money.Decimal | undefined =>
  typeof v === "number" && Number.isFinite(v) ? new Money.Decimal(String(v)) : undefined

/** @internal Checks that a budget's breakdown, in the budget's currency, adds up to the budget. */
export const checkBudget = (release: JsonObject, out: Sink): void => {
  const budget = isObject(release.planning) ? release.planning.budget : undefined
  if (!isObject(budget) || !isObject(budget.amount) || !Array.isArray(budget.budgetBreakdown)) return
  const total = decimal(budget.amount.amount)
  const currency = budget.amount.currency
  const lines = budget.budgetBreakdown.map((l) => (isObject(l) && isObject(l.amount) ? l.amount : undefined))
  if (total === undefined || lines.some((l) => l === undefined || l.currency !== currency)) return
  let sum: Money.Decimal = new Money.Decimal(0)
  for (const line of lines) {
    const amount = decimal(line?.amount)
    if (amount === undefined) return
    sum = sum.plus(amount)
  }
  if (!sum.eq(total)) {
    out.error(
      "budget-breakdown",
      pointer(["planning", "budget", "budgetBreakdown"]),
      `预算明细合计 ${sum.toString()} 与预算金额 ${total.toString()} 不一致`,
      `the budget breakdown adds up to ${sum.toString()}, the budget amount is ${total.toString()}`
    )
  }
}
