/**
 * A documented JSON view of a project's state as of a date, the thing a
 * scenario's `state:` expectations address by path (for instance
 * `subProjects.keyAreas.contract.amount` or `subProjects.hazchem.briefings.missing`).
 * Amounts are strings in yuan with two decimals ("872000.00"), dates are
 * `YYYY-MM-DD`, absent things are `null`.
 *
 * ```text
 * status                         Project.status: new | key-areas-selected | plan-issued | budget-submitted
 *                                | budget-approved | procurement | implementation | acceptance | accepted | filed
 * version                        number of events folded
 * keyAreas                       selected key-area labels, or null
 * opinions.<unit>                true/false: the member unit's opinion agrees
 * plan                           { documentNumber, issuedOn } or null
 * keyEnterpriseList              the committee's list, or null
 * budget.status                  none | submitted | approved | returned
 * designs.<designId>             { materialType, status: submitted | approved | returned }
 * subProjects.<hazchem|keyAreas>
 *   publicity                    { startsOn, endsOn, objections: [{ id, receivedOn, resolved }] } or null
 *   procurement                  { method, category, documentsIssuedOn, responseDeadline, bids, panel, scored } or null
 *   award                        { supplierId, supplierName, value, awardedOn, signBy } or null
 *   contract                     { contractId, supplierId, supplierName, amount, advance, balance, signedOn,
 * periodEnd, payee } or null
 *   payments                     { advance, balance, total, count }: sums by kind
 *   implementationPlan           submitted | approved | returned, or null
 *   evidence                     number of deliverables in force
 *   quota.<itemId>               { done, required, met }
 *   briefings                    { submitted, onTime, late, missing, pending }: lists of months YYYY-MM;
 *                                calendarNotCovered: the year the calendar lacks (the lists are then empty), or null
 *   spotChecks                   number
 *   acceptance                   { status: none | applied | passed | failed, attempts, passedOn, dueDate,
 * rectificationDeadline }
 *   deadlines                    { publicityEnd, signBy, balanceDue, rectification }
 *   filed                        { reportNumber, filedOn } or null
 * ```
 *
 * @since 0.1.0
 */
import { type IsoDate, Money, type Plugin, Project } from "@gsyf/core"
import * as Chunk from "effect/Chunk"
import * as Either from "effect/Either"

/**
 * A JSON value.
 *
 * @since 0.1.0
 * @category models
 */
export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }

const amount = (m: Money.Money): string => m.toString()

const subProjectView = (
  config: Plugin.Config,
  state: Project.State,
  key: Project.SubProjectKey,
  asOf: IsoDate.IsoDate
): Json => {
  const sp = state.subProjects[key]
  const sumOf = (kind: "advance" | "balance" | undefined) =>
    amount(Money.sum(sp.payments.filter((p) => kind === undefined || p.kind === kind).map((p) => p.amount)))
  const briefings = Project.briefingStatus(config, state, key, asOf)
  const months = (status: string) =>
    Either.isLeft(briefings) ? [] : briefings.right.filter((b) => b.status === status).map((b) => b.month)
  const quota: Record<string, Json> = {}
  for (const p of Project.quotaProgress(config, state, asOf, key)) {
    quota[p.itemId] = { done: p.done, required: p.required, met: p.met }
  }
  return {
    publicity: sp.publicity === undefined
      ? null
      : {
        startsOn: sp.publicity.startsOn,
        endsOn: sp.publicity.endsOn,
        objections: sp.publicity.objections.map((o) => ({
          id: o.id,
          receivedOn: o.receivedOn,
          resolved: o.response !== undefined
        }))
      },
    procurement: sp.procurement === undefined
      ? null
      : {
        method: sp.procurement.method,
        category: sp.procurement.category,
        documentsIssuedOn: sp.procurement.documentsIssuedOn,
        responseDeadline: sp.procurement.responseDeadline,
        bids: sp.procurement.bids.length,
        panel: sp.procurement.panel?.members.length ?? 0,
        scored: sp.procurement.scores.length
      },
    award: sp.award === undefined
      ? null
      : {
        supplierId: sp.award.supplierId,
        supplierName: sp.award.supplierName,
        value: amount(sp.award.value),
        awardedOn: sp.award.awardedOn,
        signBy: sp.award.signBy
      },
    contract: sp.contract === undefined
      ? null
      : {
        contractId: sp.contract.contractId,
        supplierId: sp.contract.supplierId,
        supplierName: sp.contract.supplierName,
        amount: amount(sp.contract.amount),
        advance: amount(sp.contract.advance),
        balance: amount(sp.contract.balance),
        signedOn: sp.contract.signedOn,
        periodEnd: sp.contract.periodEnd,
        payee: { name: sp.contract.payee.name, bank: sp.contract.payee.bank, account: sp.contract.payee.account }
      },
    payments: {
      advance: sumOf("advance"),
      balance: sumOf("balance"),
      total: sumOf(undefined),
      count: sp.payments.length
    },
    implementationPlan: sp.implementationPlan?.status ?? null,
    evidence: Chunk.size(sp.evidence),
    quota,
    briefings: {
      submitted: [...sp.briefings.keys()].sort(),
      onTime: months("on-time"),
      late: months("late"),
      missing: months("missing"),
      pending: months("pending"),
      calendarNotCovered: Either.isLeft(briefings) ? briefings.left.year : null
    },
    spotChecks: sp.spotChecks,
    acceptance: {
      status: sp.acceptance.status,
      attempts: sp.acceptance.attempts,
      passedOn: sp.acceptance.passedOn ?? null,
      dueDate: sp.acceptance.dueDate ?? null,
      rectificationDeadline: sp.acceptance.rectificationDeadline ?? null
    },
    deadlines: {
      publicityEnd: sp.publicity?.endsOn ?? null,
      signBy: sp.award?.signBy ?? null,
      balanceDue: sp.acceptance.dueDate ?? null,
      rectification: sp.acceptance.status === "failed" ? (sp.acceptance.rectificationDeadline ?? null) : null
    },
    filed: sp.filed === undefined ? null : { reportNumber: sp.filed.reportNumber, filedOn: sp.filed.filedOn }
  }
}

/**
 * The JSON view of a state as of a date (the date decides which briefings
 * are missing and which parameter values the quotas read).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (config: Plugin.Config, state: Project.State, asOf: IsoDate.IsoDate): Json => {
  const opinions: Record<string, Json> = {}
  for (const [unit, o] of state.opinions) opinions[unit] = o.agrees
  const designs: Record<string, Json> = {}
  for (const [id, d] of state.designs) designs[id] = { materialType: d.materialType, status: d.status }
  return {
    status: Project.status(state),
    version: state.version,
    keyAreas: state.keyAreas === undefined ? null : [...state.keyAreas.selected],
    opinions,
    plan: state.plan === undefined
      ? null
      : { documentNumber: state.plan.documentNumber, issuedOn: state.plan.issuedOn },
    keyEnterpriseList: state.keyEnterpriseList === undefined ? null : [...state.keyEnterpriseList],
    budget: { status: state.budget.status },
    designs,
    subProjects: {
      hazchem: subProjectView(config, state, "hazchem", asOf),
      keyAreas: subProjectView(config, state, "keyAreas", asOf)
    }
  }
}
