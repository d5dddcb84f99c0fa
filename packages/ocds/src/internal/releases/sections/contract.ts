/**
 * 三(六) Contract and payments: the signed contract with its items (the quantities the plan requires) and the
 * advance and balance payment milestones with their planned value (`Milestone.value`, extension); each
 * payment is a transaction from the agency to the supplier and meets its milestone.
 *
 * @internal
 */
import { Money, Parameter } from "@gsyf/core"
import { dayEnd, dayStart, instant, value } from "../../format.js"
import type { Builders } from "../builder.js"
import { buyer, contractBody } from "../common.js"
import type { Ctx } from "../publish.js"
import { type Of, subProjectTitles } from "../state.js"

const signed = (e: Of<"ContractSigned">, ctx: Ctx) => {
  const sub = e.subProject
  const awardID = ctx.state.award.get(sub)?.id ?? `${sub}-award`
  const supplier = { id: e.supplierId, name: e.supplierName }
  ctx.state.contract.set(sub, { id: e.contractId, awardID, supplier })
  const advancePercent = Parameter.get(ctx.settings.parameters, "payment.advancePercent", e.signedOn)
  const description = [...e.qualityRequirements, ...e.acceptanceStandards].join(";")
  const d = ctx.draft(sub, e)
  d.involve(supplier, "supplier")
  d.publish(["contract"], {
    ...buyer(ctx.state, d),
    contracts: [
      {
        id: e.contractId,
        awardID,
        title: `${subProjectTitles[sub]}服务合同`,
        ...(description === "" ? {} : { description }),
        status: "active",
        period: { startDate: dayStart(e.signedOn), endDate: dayEnd(e.periodEnd) },
        value: value(e.amount),
        dateSigned: dayStart(e.signedOn),
        items: e.deliverables.map((x) => ({
          id: x.itemId,
          description: x.title,
          quantity: x.required,
          unit: { name: x.unit }
        })),
        milestones: [
          // a contract without an advance (payment.advancePercent 0) has only its balance to pay
          ...(Money.isZero(e.advance) ? [] : [{
            id: "advance",
            title: "预付款",
            type: "payment",
            code: "advance",
            description: `合同签订后支付预付款${
              advancePercent === undefined ? "" : `(合同金额的 ${String(advancePercent)}%)`
            }(实施方案 三(六))`,
            status: "scheduled",
            dateModified: instant(e.at),
            value: value(e.advance)
          }]),
          {
            id: "balance",
            title: "余款",
            type: "payment",
            code: "balance",
            description: "评估验收合格后支付余款(实施方案 三(九))",
            status: "scheduled",
            dateModified: instant(e.at),
            value: value(e.balance)
          }
        ]
      }
    ]
  })
}

const paid = (e: Of<"PaymentMade">, ctx: Ctx) => {
  const sub = e.subProject
  const c = ctx.state.contract.get(sub)
  const agency = ctx.state.agency
  if (c === undefined) return
  const d = ctx.draft(sub, e)
  const body = contractBody(ctx.state, sub, {
    milestones: [{
      id: e.kind,
      status: "met",
      dateMet: dayStart(e.paidOn),
      dateModified: instant(e.at),
      ...(e.dueDate === undefined ? {} : { dueDate: dayEnd(e.dueDate) })
    }],
    implementation: {
      transactions: [
        {
          id: e.id,
          date: dayStart(e.paidOn),
          value: value(e.amount),
          ...(agency === undefined ? {} : { payer: d.ref(agency, "payer") }),
          payee: d.ref(c.supplier, "payee")
        }
      ]
    }
  })
  if (body !== undefined) d.publish(["implementation", "contract"], body)
}

/** A supplementary contract (政府采购法 第四十九条): the contract's new value and the amendment. */
const amended = (e: Of<"ContractAmended">, ctx: Ctx) => {
  const body = contractBody(ctx.state, e.subProject, {
    value: value(e.newAmount),
    amendments: [
      {
        id: e.supplementId,
        date: dayStart(e.signedOn),
        rationale: e.reason,
        description: `签订补充合同,追加${e.items.join("、")},金额${value(e.amount).amount}元;补充合同累计${
          value(e.supplementsTotal).amount
        }元,不超过原合同金额${value(e.originalAmount).amount}元的10%(《政府采购法》第四十九条)`
      }
    ]
  })
  if (body !== undefined) ctx.draft(e.subProject, e).publish(["contractAmendment"], body)
}

/** The contract ended after failed rectification, with what was paid and what is owed or refunded. */
const terminated = (e: Of<"ContractTerminated">, ctx: Ctx) => {
  const body = contractBody(ctx.state, e.subProject, {
    status: "terminated",
    period: { endDate: dayEnd(e.terminatedOn) },
    documents: [
      {
        id: "termination",
        documentType: "cancellationDetails",
        title: "解除合同通知及结算",
        description: `${e.reason};已付${value(e.paid).amount}元,结算工作价值${value(e.workValue).amount}元,应付${
          value(e.owed).amount
        }元,应退${value(e.refund).amount}元`,
        datePublished: dayStart(e.terminatedOn),
        language: "zh"
      }
    ]
  })
  if (body !== undefined) ctx.draft(e.subProject, e).publish(["contractTermination"], body)
}

/** The contract's publication in the designated media (实施条例 第五十条). */
const published = (e: Of<"ContractPublished">, ctx: Ctx) => {
  const body = contractBody(ctx.state, e.subProject, {
    documents: [
      {
        id: "contract-notice",
        documentType: "contractNotice",
        title: "政府采购合同公告",
        description: `在${e.medium}公告(应于${e.dueOn}前)`,
        datePublished: dayStart(e.publishedOn),
        language: "zh"
      }
    ]
  })
  if (body !== undefined) ctx.draft(e.subProject, e).publish(["contract"], body)
}

/** @internal */
export const contract: Builders<
  "ContractSigned" | "PaymentMade" | "ContractAmended" | "ContractTerminated" | "ContractPublished" | "ContractFiled"
> = {
  ContractSigned: signed,
  PaymentMade: paid,
  ContractAmended: amended,
  ContractTerminated: terminated,
  ContractPublished: published,
  // a filing with the supervision department is not published
  ContractFiled: () => {}
}
