// How long a method's procurement documents are on offer: at least a number of working days from the day they go
// out, that day not counted (公开招标: 实施条例 第三十一条; 竞争性磋商: 财库〔2014〕214号 第十条).
import * as Either from "effect/Either"
import type { LegalBasis } from "../../../kernel/LegalBasis.js"
import type { Guard } from "../../Guard.js"
import { calendarFinding } from "../../internal/decide.js"
import { check } from "../../internal/guard.js"

/** What differs between the methods: the guard's identity, its parameter, what the documents are called. */
export interface OnOffer {
  readonly id: string
  readonly title: { readonly zh: string; readonly en: string }
  readonly basis: ReadonlyArray<LegalBasis>
  readonly description: string
  /** The parameter holding the working days. */
  readonly parameter: string
  /** The documents, in Chinese: 招标文件, 磋商文件. */
  readonly documents: string
  /** Whether the command must state until when the documents are on offer (else an absent date is not checked). */
  readonly required: boolean
}

/** The guard that the documents are on offer at least the parameter's working days. */
export const onOffer = (o: OnOffer): Guard<"StartProcurement"> =>
  check<"StartProcurement">({
    id: o.id,
    title: o.title,
    section: "三(五)",
    basis: o.basis,
    description: o.description,
    reads: [o.parameter]
  }, ({ command: c, config }, f, p) => {
    const n = p.read<number>(o.parameter)
    if (c.documentsOnSaleUntil === undefined) {
      return o.required
        ? [f.error(
          "documentsOnSaleUntil",
          `须载明${o.documents}提供期限`,
          "the command states until when the documents are on offer",
          `≥ ${n} 个工作日`,
          "missing"
        )]
        : []
    }
    const end = config.calendar.periodEnd(c.documentsIssuedOn, n, "working-days")
    // a year the calendar holds no data for: the calendar's own finding, as for every other deadline
    if (Either.isLeft(end)) return [calendarFinding(end.left, "documentsOnSaleUntil")]
    return c.documentsOnSaleUntil >= end.right ? [] : [f.error(
      "documentsOnSaleUntil",
      `${o.documents}自 ${c.documentsIssuedOn} 发出,提供至 ${c.documentsOnSaleUntil},不足 ${n} 个工作日(应至少至 ${end.right})`,
      `documents issued ${c.documentsIssuedOn} are on offer until ${c.documentsOnSaleUntil}, fewer than ${n} working days (at least until ${end.right})`,
      `≥ ${end.right}`,
      c.documentsOnSaleUntil
    )]
  })
