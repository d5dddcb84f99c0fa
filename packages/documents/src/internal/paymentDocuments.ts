/**
 * Payment documents (三(六), 六(二)): the payee's request for the advance or
 * the balance, and the agency's payment notice, each with the amount in
 * figures and in capital letters, the payee block, the contract and the
 * legal basis.
 *
 * @internal
 */
import { Money, type ProjectEvent } from "@gsyf/core"
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

/** Payment kinds. @internal */
export type Kind = "advance" | "balance"

const ruleNames: Record<string, string> = {
  "payment.advance-after-signing": "预付款在合同签订后支付",
  "payment.single-advance": "预付款只支付一次",
  "payment.advance-amount": "预付款金额符合约定比例",
  "payment.balance-after-acceptance": "余款在验收合格后支付",
  "payment.balance-amount": "余款金额等于合同金额减已付金额",
  "payment.not-beyond-contract": "累计支付不超过合同金额",
  "payment.payee-matches-contract": "收款信息与合同一致",
  "payment.due-date": "在付款期限内支付"
}

const relevant = (kind: Kind) => (text: string): boolean =>
  !/合同解除/.test(text) && (kind === "advance" ? !/余款|验收|30日|逾期/.test(text) : !/预付款/.test(text))

/** Whether a payment request can be built (the contract, and for the balance a passed acceptance). @internal */
export const requestReady = (src: Source, sub: SubProject, kind: Kind): boolean => {
  const contract = lastSub(src.events, "ContractSigned", sub)
  if (contract === undefined) return false
  // a contract without an advance (payment.advancePercent 0) has no advance to request
  return kind === "advance"
    ? !Money.isZero(contract.advance)
    : lastSub(src.events, "AcceptancePassed", sub) !== undefined
}

/** Whether a payment notice can be built (the payment was made). @internal */
export const noticeReady = (src: Source, sub: SubProject, kind: Kind): boolean =>
  subEventsOf(src.events, "PaymentMade", sub).some((p) => p.kind === kind)

const payeeBlock = (payee: { readonly name: string; readonly bank: string; readonly account: string }) =>
  Block.keyValue(
    [
      ["收款单位", payee.name],
      ["开户银行", payee.bank],
      ["账号", payee.account]
    ],
    { caption: "收款信息" }
  )

/** The payee's request for a payment. @internal */
export const paymentRequest = (src: Source, sub: SubProject, kind: Kind): Document.Document => {
  const contract = lastSub(src.events, "ContractSigned", sub)!
  const passed = lastSub(src.events, "AcceptancePassed", sub)
  const applied = lastSub(src.events, "AcceptanceApplied", sub)
  const date = kind === "advance" ? contract.signedOn : (passed?.evaluatedOn ?? contract.periodEnd)
  const amount = kind === "advance" ? contract.advance : (passed?.balanceDue ?? contract.balance)
  const title = subProjectTitle(src.config, sub, date)
  const percentName = kind === "advance" ? "payment.advancePercent" : "payment.balancePercent"
  const pct = decimalText(param(src.config, percentName, contract.signedOn))
  const paid = subEventsOf(src.events, "PaymentMade", sub).filter((p) => p.paidOn <= date)
  const name = paymentKindNames[kind]!
  return Document.make({
    title: `关于申请支付${title}${name}的函`,
    issuer: contract.supplierName,
    recipients: [issuerOf(contract)],
    date,
    footer: "— {page} —",
    blocks: [
      Block.paragraph(
        kind === "advance"
          ? `我单位与贵单位于${
            zhDate(contract.signedOn)
          }签订了${title}合同（合同编号：${contract.contractId}）。根据合同约定和实施方案六（二）的规定，` +
            `现申请支付项目总额${pct}%的预付款。`
          : `${title}已于${
            zhDate(passed!.evaluatedOn)
          }通过评估验收。根据合同约定和实施方案六（二）的规定，现申请结算项目余款（项目总额的${pct}%）。`
      ),
      Block.heading(1, "申请金额"),
      Block.paragraph(["本次申请支付", name, "：", ...amountRuns(amount), "。"]),
      Block.heading(1, "合同情况"),
      Block.keyValue([
        ["合同编号", contract.contractId],
        ["项目名称", title],
        ["合同金额", [...amountRuns(contract.amount)]],
        ["签订日期", zhDate(contract.signedOn)],
        ["服务期限", `${zhDate(contract.signedOn)}至${zhDate(contract.periodEnd)}`],
        [
          "已收款项",
          paid.length === 0
            ? "无"
            : paid.map((p) => `${paymentKindNames[p.kind]}${Money.format(p.amount)}（${zhDate(p.paidOn)}）`).join("；")
        ]
      ]),
      ...(kind === "balance" && applied !== undefined
        ? [
          Block.heading(1, "结算资料"),
          Block.table({
            header: [["序号", "票据号码", "金额（元）"]],
            body: [
              ...applied.receipts.map((r, i) => [String(i + 1), r.number, Money.format(r.amount)]),
              [{ text: "合计", colSpan: 2, align: "center" as const }, Inline.bold(Money.format(applied.receiptsTotal))]
            ],
            align: ["center", "left", "right"],
            widths: [0.8, 4, 2.4]
          }),
          Block.paragraph(`随附资料：${applied.details}。`)
        ]
        : []),
      Block.heading(1, "收款账户"),
      payeeBlock(contract.payee),
      Block.heading(1, "依据"),
      Block.numbered([
        `合同（编号${contract.contractId}）付款条款`,
        "实施方案 六（二）工伤预防费使用",
        ...(kind === "advance"
          ? ["实施方案 三（六）依据合同条款支付预付款"]
          : ["实施方案 三（九）评估验收合格后支付余款"])
      ]),
      Block.paragraph("请予审核支付。"),
      Block.signature({ issuer: contract.supplierName, date, seal: true })
    ]
  })
}

type Interest = NonNullable<ProjectEvent.Of<"PaymentMade">["lateInterest"]>

/** The late-payment interest of a payment as the notice states it (保障中小企业款项支付条例 第十七条). */
const interestRows = (interest: Interest | undefined) => {
  if (interest === undefined) return []
  const rate = interest.source === "agreed"
    ? `合同约定年利率${interest.rate.toFixed()}%，按一年${interest.dayBasis ?? 365}日折算`
    : `每日利率${interest.rate.toFixed()}%`
  return [
    ["逾期天数", `${interest.daysLate}日`],
    ["逾期利息计算", `${Money.format(interest.amount)}（${rate}，依据《保障中小企业款项支付条例》第十七条）`],
    ["逾期利息（大写）", Inline.bold(capital(interest.amount))]
  ] as const
}

/** The agency's payment notice. @internal */
export const paymentNotice = (src: Source, sub: SubProject, kind: Kind): Document.Document => {
  const payment = subEventsOf(src.events, "PaymentMade", sub).filter((p) => p.kind === kind).at(-1)!
  const contract = lastSub(src.events, "ContractSigned", sub)
  const title = subProjectTitle(src.config, sub, payment.paidOn)
  const issuer = issuerOf(payment)
  const name = paymentKindNames[kind]!
  const supplier = contract?.supplierName ?? payment.payee.name
  const paidBefore = subEventsOf(src.events, "PaymentMade", sub).filter((p) => p.paidOn <= payment.paidOn)
  const totalPaid = Money.sum(paidBefore.map((p) => p.amount))
  const checks = payment.evaluations.filter((ev) => ruleNames[ev.ruleId] !== undefined)
  return Document.make({
    title: `关于支付${title}${name}的通知`,
    issuer,
    recipients: [supplier],
    date: payment.paidOn,
    footer: "— {page} —",
    blocks: [
      Block.paragraph([
        `根据${title}合同（编号：${payment.contractId}）约定`,
        kind === "balance" ? "及项目评估验收结果" : "",
        `，我单位已于${zhDate(payment.paidOn)}向你单位支付项目${name}`,
        ...amountRuns(payment.amount),
        "，请注意查收。"
      ]),
      Block.heading(1, "支付信息"),
      Block.keyValue([
        ["款项性质", name],
        ["支付金额（小写）", Money.format(payment.amount)],
        ["支付金额（大写）", Inline.bold(capital(payment.amount))],
        ["支付日期", zhDate(payment.paidOn)],
        ...(payment.dueDate !== undefined ? ([["付款期限", `${zhDate(payment.dueDate)}前`]] as const) : []),
        ...interestRows(payment.lateInterest),
        ["资金来源", "工伤保险基金列支的工伤预防费（专款专用）"]
      ]),
      payeeBlock(payment.payee),
      Block.heading(1, "合同情况"),
      Block.keyValue([
        ["合同编号", payment.contractId],
        ["服务机构", supplier],
        ["合同金额", contract === undefined ? "—" : [...amountRuns(contract.amount)]],
        ["累计已支付", [...amountRuns(totalPaid)]],
        ["尚未支付", contract === undefined ? "—" : Money.format(Money.subtract(contract.amount, totalPaid))]
      ]),
      ...(checks.length === 0
        ? []
        : [
          Block.table({
            caption: "支付审核",
            header: [["序号", "审核事项", "结果"]],
            body: checks.map((ev, i) => [
              String(i + 1),
              ruleNames[ev.ruleId]!,
              ev.findings.some((f) => f.severity === "error") ? "不符合" : "符合"
            ]),
            align: ["center", "left", "center"],
            widths: [0.8, 5, 1.4]
          })
        ]),
      Block.heading(1, "依据"),
      Block.numbered(distinctBases(payment.basis).map(basisTextFor(src)).filter(relevant(kind))),
      Block.signature({ issuer, date: payment.paidOn, seal: true })
    ]
  })
}
