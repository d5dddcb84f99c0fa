/**
 * Shared machinery of the two scorings in Procurement: checking a score sheet
 * against the criteria and the suppliers, and the ordered tie-break chain.
 *
 * @internal
 */
import type { Decimal as DecimalJs } from "decimal.js"
import { InputIssue } from "../../../kernel/InputError.js"
import * as Q from "../../../kernel/internal/rational.js"

/** @internal */
export interface CriterionLike {
  readonly id: string
  readonly name: string
  readonly maxPoints: DecimalJs
}

/** @internal */
export interface ScoreLike {
  readonly memberId: string
  readonly supplierId: string
  readonly criterionId: string
  readonly points: DecimalJs
}

/** A checked score sheet: points by member, supplier and criterion. @internal */
export interface Sheet {
  /** Member ids in first-seen order. */
  readonly members: ReadonlyArray<string>
  readonly points: (memberId: string, supplierId: string, criterionId: string) => Q.Rational
}

/**
 * Checks every score: known supplier and criterion, points within [0, max],
 * no repeat, and a complete sheet (each member scores every criterion of every
 * supplier scored). Issues are pushed with their paths.
 *
 * @internal
 */
export const checkSheet = (
  criteria: ReadonlyArray<CriterionLike>,
  supplierIds: ReadonlyArray<string>,
  ignoredSupplierIds: ReadonlySet<string>,
  scores: ReadonlyArray<ScoreLike>,
  issues: Array<InputIssue>
): Sheet => {
  const criterionById = new Map(criteria.map((c) => [c.id, c]))
  const suppliers = new Set(supplierIds)
  const cells = new Map<string, Q.Rational>()
  const members: Array<string> = []
  const key = (m: string, s: string, c: string) => JSON.stringify([m, s, c])
  scores.forEach((score, i) => {
    const path = `scores[${i}]`
    if (ignoredSupplierIds.has(score.supplierId)) return
    if (!suppliers.has(score.supplierId)) {
      issues.push(
        new InputIssue({
          path: `${path}.supplierId`,
          zh: `未知的供应商 ${score.supplierId}`,
          en: `unknown supplier ${score.supplierId}`
        })
      )
      return
    }
    const criterion = criterionById.get(score.criterionId)
    if (criterion === undefined) {
      issues.push(
        new InputIssue({
          path: `${path}.criterionId`,
          zh: `未知的评分因素 ${score.criterionId}`,
          en: `unknown criterion ${score.criterionId}`
        })
      )
      return
    }
    if (score.points.lt(0) || score.points.gt(criterion.maxPoints)) {
      issues.push(
        new InputIssue({
          path: `${path}.points`,
          zh: `评分 ${score.points.toFixed()} 超出“${criterion.name}”的分值范围 0–${criterion.maxPoints.toFixed()}`,
          en: `${score.points.toFixed()} points is outside 0–${criterion.maxPoints.toFixed()} for "${criterion.name}"`
        })
      )
      return
    }
    const k = key(score.memberId, score.supplierId, score.criterionId)
    if (cells.has(k)) {
      issues.push(
        new InputIssue({
          path,
          zh: `评审成员 ${score.memberId} 对供应商 ${score.supplierId} 的“${criterion.name}”重复打分`,
          en: `member ${score.memberId} scored supplier ${score.supplierId} on "${criterion.name}" twice`
        })
      )
      return
    }
    cells.set(k, Q.fromDecimal(score.points))
    if (!members.includes(score.memberId)) members.push(score.memberId)
  })
  for (const m of members) {
    for (const s of supplierIds) {
      for (const c of criteria) {
        if (!cells.has(key(m, s, c.id))) {
          issues.push(
            new InputIssue({
              path: "scores",
              zh: `评审成员 ${m} 未对供应商 ${s} 的“${c.name}”打分`,
              en: `member ${m} has no score for supplier ${s} on "${c.name}"`
            })
          )
        }
      }
    }
  }
  return { members, points: (m, s, c) => cells.get(key(m, s, c)) ?? Q.zero }
}

/** One step of a tie-break chain. @internal */
export interface TieStep<A> {
  readonly name: string
  /** Negative when `a` goes first, positive when `b` does, 0 when this step cannot decide. */
  readonly compare: (a: A, b: A) => number
  readonly explain: (first: A, second: A) => { readonly zh: string; readonly en: string }
}

/** Sorts by `primary` (first goes first), then each step in turn. @internal */
export const orderBy = <A>(
  items: ReadonlyArray<A>,
  primary: (a: A, b: A) => number,
  steps: ReadonlyArray<TieStep<A>>
): Array<A> =>
  [...items].sort((a, b) => {
    const p = primary(a, b)
    if (p !== 0) return p
    for (const s of steps) {
      const r = s.compare(a, b)
      if (r !== 0) return r
    }
    return 0
  })

/** The step that decided between two neighbours with an equal primary key. @internal */
export const decidingStep = <A>(a: A, b: A, steps: ReadonlyArray<TieStep<A>>): TieStep<A> | undefined =>
  steps.find((s) => s.compare(a, b) !== 0)

/** Earlier registration first; a registered supplier before an unregistered one. @internal */
export const compareRegistration = (a: number | undefined, b: number | undefined): number =>
  a !== undefined && b !== undefined ? a - b : a !== undefined ? -1 : b !== undefined ? 1 : 0

/** Code-unit order of ids. @internal */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
