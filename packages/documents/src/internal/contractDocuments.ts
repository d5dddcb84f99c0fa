/**
 * The documents of a contract that changes after signing (三(六), 三(九)): the summary of a supplementary contract
 * (补充合同摘要) and the settlement of a terminated contract (合同终止结算单).
 *
 * @internal
 */
import { Money } from "@gsyf/core"
import * as Block from "../Block.js"
import * as Document from "../Document.js"
import * as Inline from "../Inline.js"
import { basisTextFor } from "./official.js"
import {
  amountRuns,
  capital,
  decimalText,
  distinctBases,
  issuerOf,
  lastSub,
  param,
  paymentKindNames,
  type Source,
  subEventsOf,
  type SubProject,
  subProjectTitle,
  zhDate
} from "./projectFacts.js"

/** The share of the original amount the supplements reach, in percent to two places: `0.92`. @internal */
export const supplementShare = (total: Money.Money, original: Money.Money): string =>
  original.yuan.isZero() ? "0.00" : total.yuan.times(100).dividedBy(original.yuan).toFixed(2, 4)

/** Whether a supplementary contract summary can be built. @internal */
export const amendmentReady = (src: Source, sub: SubProject): boolean =>
  lastSub(src.events, "ContractAmended", sub) !== undefined && lastSub(src.events, "ContractSigned", sub) !== undefined

/** The summary of the sub-project's last supplementary contract. @internal */
export const amendmentSummary = (src: Source, sub: SubProject): Document.Document => {
  const e = lastSub(src.events, "ContractAmended", sub)!
  const contract = lastSub(src.events, "ContractSigned", sub)!
  const title = subProjectTitle(src.config, sub, e.signedOn)
  const issuer = issuerOf(e)
  const cap = decimalText(param(src.config, "contract.supplementCapPercent", e.signedOn)) || "10"
  const earlier = subEventsOf(src.events, "ContractAmended", sub).filter((x) => x.supplementId !== e.supplementId)
  return Document.make({
    title: `${title}补充合同摘要`,
    issuer,
    date: e.signedOn,
    footer: "— {page} —",
    blocks: [
      Block.paragraph(
        `${issuer}与${contract.supplierName}于${
          zhDate(contract.signedOn)
        }签订${title}合同（合同编号：${e.contractId}）。` +
          `合同履行中，双方于${zhDate(e.signedOn)}签订补充合同（编号：${e.supplementId}），追加与合同标的相同的服务。`
      ),
      Block.heading(1, "合同双方"),
      Block.keyValue([["采购人", issuer], ["供应商", contract.supplierName]]),
      Block.heading(1, "补充事项"),
      Block.numbered(e.items),
      Block.heading(1, "补充原因"),
      Block.paragraph(`${e.reason}。`),
      Block.heading(1, "金额"),
      Block.keyValue([
        ["原合同金额", [...amountRuns(e.originalAmount)]],
        ["本次补充金额", [...amountRuns(e.amount)]],
        ["补充合同累计金额", [...amountRuns(e.supplementsTotal)]],
        ["累计占原合同金额", `${supplementShare(e.supplementsTotal, e.originalAmount)}%（上限${cap}%）`],
        ["补充后合同金额", [...amountRuns(e.newAmount)]],
        ["补充后应付余款", Money.format(e.balance)],
        [
          "此前补充合同",
          earlier.length === 0
            ? "无"
            : earlier.map((x) => `${x.supplementId}，${Money.format(x.amount)}（${zhDate(x.signedOn)}）`).join("；")
        ]
      ]),
      Block.paragraph(
        `所有补充合同的采购金额合计未超过原合同采购金额的${cap}%，符合《政府采购法》第四十九条的规定。`
      ),
      Block.heading(1, "依据"),
      Block.numbered(distinctBases(e.basis).map(basisTextFor(src))),
      Block.signature({ issuer, date: e.signedOn, seal: true })
    ]
  })
}

/** Whether a termination settlement can be built. @internal */
export const settlementReady = (src: Source, sub: SubProject): boolean =>
  lastSub(src.events, "ContractTerminated", sub) !== undefined &&
  lastSub(src.events, "ContractSigned", sub) !== undefined

const conclusion = (e: { readonly owed: Money.Money; readonly refund: Money.Money }, supplier: string): string =>
  !Money.isZero(e.owed)
    ? `采购人应向${supplier}支付${capital(e.owed)}（${Money.format(e.owed)}），款项结清后合同终止。`
    : !Money.isZero(e.refund)
    ? `${supplier}应向采购人退回${capital(e.refund)}（${Money.format(e.refund)}），退回的款项按原资金渠道缴回。`
    : "已支付金额与已完成工作价值相等，双方互不找补。"

/** The settlement of the sub-project's terminated contract. @internal */
export const terminationSettlement = (src: Source, sub: SubProject): Document.Document => {
  const e = lastSub(src.events, "ContractTerminated", sub)!
  const contract = lastSub(src.events, "ContractSigned", sub)!
  const title = subProjectTitle(src.config, sub, e.terminatedOn)
  const issuer = issuerOf(e)
  const supplier = contract.supplierName
  const payments = subEventsOf(src.events, "PaymentMade", sub).filter((p) => p.paidOn <= e.terminatedOn)
  return Document.make({
    title: `${title}合同终止结算单`,
    issuer,
    recipients: [supplier],
    date: e.terminatedOn,
    footer: "— {page} —",
    blocks: [
      Block.paragraph(
        `${issuer}与${supplier}于${zhDate(contract.signedOn)}签订的${title}合同（合同编号：${e.contractId}），` +
          `经${e.failedAcceptances}次验收不合格，于${zhDate(e.terminatedOn)}解除。根据合同履行情况，结算如下。`
      ),
      Block.heading(1, "解除原因"),
      Block.paragraph(`${e.reason}。`),
      Block.heading(1, "结算情况"),
      Block.keyValue([
        ["合同金额", [...amountRuns(e.contractAmount)]],
        ["已完成并认可的工作价值", [...amountRuns(e.workValue)]],
        ["已支付金额", [...amountRuns(e.paid)]],
        ["尚应支付", [...amountRuns(e.owed)]],
        ["应予退回", [...amountRuns(e.refund)]],
        ["签订日期", zhDate(contract.signedOn)],
        ["解除日期", zhDate(e.terminatedOn)]
      ]),
      Block.heading(1, "已付款项"),
      payments.length === 0 ? Block.paragraph("无。") : Block.table({
        header: [["序号", "款项", "支付日期", "金额（元）"]],
        body: [
          ...payments.map((
            p,
            i
          ) => [String(i + 1), paymentKindNames[p.kind] ?? "款项", zhDate(p.paidOn), Money.format(p.amount)]),
          [{ text: "合计", colSpan: 3, align: "center" as const }, Inline.bold(Money.format(e.paid))]
        ],
        align: ["center", "left", "center", "right"],
        widths: [0.8, 1.6, 2.4, 2.4]
      }),
      Block.heading(1, "结算结论"),
      Block.paragraph(conclusion(e, supplier)),
      Block.heading(1, "依据"),
      Block.numbered(distinctBases(e.basis).map(basisTextFor(src))),
      Block.signature({ issuer, date: e.terminatedOn, seal: true })
    ]
  })
}
