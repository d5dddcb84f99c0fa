// 三(六) summaries: how `Explain` tells each event of the section, in Chinese and English.
import * as Money from "../../kernel/Money.js"
import type { TagsOf } from "../internal/schemas.js"
import {
  type Context,
  contractOf,
  days,
  type Of,
  paidBefore,
  readOf,
  sub,
  subName,
  type Summaries,
  type Told,
  told
} from "../internal/summary.js"
import type { events } from "./events.js"

const explainContract = (e: Of<"ContractSigned">): Told =>
  told(
    `${subName[e.subProject].zh}合同 ${e.contractId} 与 ${e.supplierName} 于 ${e.signedOn} 签订,金额 ${
      Money.format(e.amount)
    }(预付款 ${Money.format(e.advance)},余款 ${Money.format(e.balance)});服务期至 ${e.periodEnd}`,
    `contract ${e.contractId} of the ${subName[e.subProject].en} signed with ${e.supplierName} on ${e.signedOn} for ${
      Money.format(e.amount)
    } (advance ${Money.format(e.advance)}, balance ${Money.format(e.balance)}); service until ${e.periodEnd}`,
    {
      zh: e.acceptanceStandards.map((s) => `验收标准:${s}`),
      en: e.deliverables.map((d) => `deliverable: ${d.itemId} ≥ ${d.required}`)
    }
  )

const explainPayment = (e: Of<"PaymentMade">, ctx: Context): Told => {
  const sub = subName[e.subProject]
  const contract = contractOf(e, ctx)
  const amount = Money.format(e.amount)
  if (e.kind === "advance") {
    const percent = readOf(e, "payment.advancePercent")?.value
    if (contract === undefined || percent === undefined) {
      return told(
        `${sub.zh}预付款 ${amount}(合同 ${e.contractId},${e.paidOn} 支付)`,
        `advance of ${amount} on contract ${e.contractId} of the ${sub.en}, paid ${e.paidOn}`
      )
    }
    const total = Money.format(contract.amount)
    return told(
      `${sub.zh}预付款 ${amount} = 合同金额 ${total} × ${percent}%(合同 ${e.contractId},收款单位 ${e.payee.name},${e.paidOn} 支付)`,
      `advance ${amount} = contract ${total} × ${percent}% (contract ${e.contractId} of the ${sub.en}, paid to ${e.payee.name} on ${e.paidOn})`
    )
  }
  const paid = paidBefore(e, ctx)
  const dueDays = readOf(e, "payment.dueDays")?.value
  const dueUnit = readOf(e, "payment.dueDaysUnit")?.value
  const due = e.dueDate === undefined
    ? { zh: "", en: "" }
    : dueDays === undefined
    ? { zh: `;付款期限 ${e.dueDate}`, en: `; due by ${e.dueDate}` }
    : {
      zh: `;付款期限 ${e.dueDate}(验收合格后 ${days(dueDays, dueUnit).zh},遇休息日顺延)`,
      en: `; due by ${e.dueDate} (${days(dueDays, dueUnit).en} after acceptance, moved past rest days)`
    }
  const late = e.dueDate !== undefined && e.paidOn > e.dueDate
  if (contract === undefined) {
    return told(
      `${sub.zh}余款 ${amount}(合同 ${e.contractId},${e.paidOn} 支付)${due.zh}`,
      `balance of ${amount} on contract ${e.contractId}, paid ${e.paidOn}${due.en}`
    )
  }
  const total = Money.format(contract.amount)
  return told(
    `${sub.zh}余款 ${amount} = 合同金额 ${total} − 已付 ${Money.format(paid)}(合同 ${e.contractId},${e.paidOn} 支付${
      late ? ",逾期" : ""
    })${due.zh}`,
    `balance ${amount} = contract ${total} − paid ${Money.format(paid)} (contract ${e.contractId}, paid ${e.paidOn}${
      late ? ", late" : ""
    })${due.en}`
  )
}

export const summaries: Summaries<TagsOf<typeof events>> = {
  ContractSigned: (e) => explainContract(e),
  PaymentMade: (e, ctx) => explainPayment(e, ctx),
  ContractAmended: (e) =>
    told(
      `${sub(e).zh}签订补充合同 ${e.supplementId},追加 ${Money.format(e.amount)}(补充合同累计 ${
        Money.format(e.supplementsTotal)
      },原合同 ${Money.format(e.originalAmount)}),合同金额变为 ${Money.format(e.newAmount)}:${e.reason}`,
      `supplementary contract ${e.supplementId} adds ${Money.format(e.amount)} (supplements total ${
        Money.format(e.supplementsTotal)
      } of an original ${Money.format(e.originalAmount)}); the contract is now ${Money.format(e.newAmount)}`
    ),
  ContractTerminated: (e) =>
    told(
      `${sub(e).zh}合同 ${e.contractId} 于 ${e.terminatedOn} 解除(验收不合格 ${e.failedAcceptances} 次):已付 ${
        Money.format(e.paid)
      },结算工作价值 ${Money.format(e.workValue)},尚应支付 ${Money.format(e.owed)},应退回 ${Money.format(e.refund)}`,
      `contract ${e.contractId} terminated on ${e.terminatedOn} after ${e.failedAcceptances} failed acceptances: paid ${
        Money.format(e.paid)
      }, work valued at ${Money.format(e.workValue)}, owed ${Money.format(e.owed)}, to refund ${Money.format(e.refund)}`
    ),
  ContractPublished: (e) =>
    told(
      `合同 ${e.contractId} 于 ${e.publishedOn} 在${e.medium}公告(应于 ${e.dueOn} 前${e.late ? ",逾期" : ""})`,
      `contract ${e.contractId} published on ${e.publishedOn} (due by ${e.dueOn}${e.late ? ", late" : ""})`
    ),
  ContractFiled: (e) =>
    told(
      `合同 ${e.contractId} 于 ${e.filedOn} 报${e.filedWith}备案(应于 ${e.dueOn} 前${e.late ? ",逾期" : ""})`,
      `contract ${e.contractId} filed on ${e.filedOn} (due by ${e.dueOn}${e.late ? ", late" : ""})`
    )
}
