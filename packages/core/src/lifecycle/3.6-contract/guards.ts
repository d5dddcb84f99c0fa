// 三(六) guards: the contract follows the award, once, with the awarded supplier for the awarded value, within
// the sub-project's budget and the signing period; payments follow the contract.
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import type { Guard, Input } from "../Guard.js"
import { check, type Doc, order, step } from "../internal/guard.js"
import type * as ProjectCommand from "../ProjectCommand.js"
import type { SubProjectKey } from "../ProjectState.js"

/**
 * The guard of the commands that follow a sub-project's contract, with the command's own wording; `keyOf` says
 * which sub-project's contract (the command's own by default).
 */
export const contractFirst = <K extends ProjectCommand.Name>(
  zh: string,
  en: string,
  keyOf: (input: Input<K>) => SubProjectKey = (input) =>
    (input.command as { readonly subProject: SubProjectKey }).subProject
): Guard<K> =>
  order<K>({
    id: "lifecycle.contract-first",
    zh: "合同签订后开展实施",
    en: "Implementation follows the contract",
    section: "三(七)",
    description: "实施计划、设计稿、月度简报、抽查、付款和验收均须在合同签订之后。"
  }, (input) => (input.state.subProjects[keyOf(input)].contract === undefined ? [zh, en] : undefined))

const awardFirst = order<"SignContract">({
  id: "lifecycle.award-first",
  zh: "确定成交后签订合同",
  en: "The contract follows the award",
  section: "三(六)",
  description: "签订合同前须已确定成交供应商。"
}, ({ command: c, state }) =>
  state.subProjects[c.subProject].award === undefined
    ? ["尚未确定成交供应商", "no supplier has been awarded yet"]
    : undefined)

const contractOnce = order<"SignContract">({
  id: "contract.once",
  zh: "每个子项目一份合同",
  en: "One contract per sub-project",
  section: "三(六)",
  description: "同一子项目只签订一份合同。"
}, ({ command: c, state }) =>
  state.subProjects[c.subProject].contract !== undefined
    ? ["该子项目已签订合同", "this sub-project already has a contract"]
    : undefined)

const awardedSupplier = check<"SignContract">({
  id: "contract.awarded-supplier",
  title: { zh: "与成交供应商签订合同", en: "Contract with the awarded supplier" },
  section: "三(六)",
  basis: [plan("三(六)", "与中标的工伤预防服务机构签订合同"), national(`${texts.procurementLaw} 第四十六条`)],
  description: "合同供应商须为成交供应商。",
  reads: []
}, ({ command: c, state }, f) => {
  const award = state.subProjects[c.subProject].award!
  return c.supplierId === award.supplierId ? [] : [
    f.error(
      "supplierId",
      "合同供应商与成交供应商不一致",
      "the contract's supplier is not the awarded one",
      award.supplierId,
      c.supplierId
    )
  ]
})

const awardValue = check<"SignContract">({
  id: "contract.award-value",
  title: { zh: "合同金额与成交金额一致", en: "Contract amount equals the award" },
  section: "三(六)",
  basis: [national(`${texts.procurementLaw} 第四十六条`, "按照采购文件确定的事项签订合同")],
  description: "合同金额须等于成交金额(最后报价)。",
  reads: []
}, ({ command: c, state }, f) => {
  const value = state.subProjects[c.subProject].award!.value
  return Money.equals(c.amount, value) ? [] : [
    f.error(
      "amount",
      "合同金额应与成交金额一致",
      "the contract amount must equal the awarded value",
      Money.format(value),
      Money.format(c.amount)
    )
  ]
})

const withinBudget = check<"SignContract">({
  id: "contract.within-budget",
  title: { zh: "合同金额不超过子项目预算", en: "Contract within the sub-project budget" },
  section: "三(六)",
  basis: [plan("六(一)")],
  description: "合同金额不得超过该子项目预算。",
  reads: ["budget.hazchem", "budget.keyAreas"]
}, ({ command: c }, f, p) => {
  const budget = p.read<Money.Money>(`budget.${c.subProject}`)
  return !Money.greaterThan(c.amount, budget) ? [] : [
    f.error(
      "amount",
      `合同金额超过子项目预算 ${Money.format(budget)}`,
      `the contract exceeds the sub-project budget of ${Money.format(budget)}`,
      `≤ ${Money.format(budget)}`,
      Money.format(c.amount)
    )
  ]
})

/** The signing period: the contract is due by the date the award fixed from `contract.signWithinDays`. */
export const signWithin = check<"SignContract">({
  id: "contract.sign-within",
  title: { zh: "成交通知后在规定期限内签订合同", en: "Sign within the period after the award" },
  section: "三(六)",
  basis: [national(`${texts.procurementLaw} 第四十六条`)],
  description: "自成交通知发出之日起,在参数规定的日数(全国为30日)内签订合同;成交时据此确定签约截止日。",
  reads: ["contract.signWithinDays"]
}, ({ command: c, state, on }, f, p) => {
  const signBy = state.subProjects[c.subProject].award!.signBy
  if (on <= signBy) return []
  const days = p.read<number>("contract.signWithinDays")
  return [
    f.error(
      "at",
      `应在 ${signBy} 前签订合同(成交通知后${days}日内)`,
      `the contract was due by ${signBy} (${days} days after the award notice)`,
      `≤ ${signBy}`,
      on
    )
  ]
})

const paymentAfterSigning = check<"MakePayment">({
  id: "payment.advance-after-signing",
  title: { zh: "合同签订后付款", en: "Payments follow the contract" },
  section: "六(二)",
  basis: [plan("六(二)")],
  description: "合同签订前不能付款。",
  reads: []
}, ({ command: c, state }, f) =>
  state.subProjects[c.subProject].contract === undefined
    ? [f.error("kind", "合同尚未签订,不能付款", "no contract is signed; nothing can be paid")]
    : [])

export const guards: {
  readonly SignContract: ReadonlyArray<Guard<"SignContract">>
  readonly MakePayment: ReadonlyArray<Guard<"MakePayment">>
} = {
  SignContract: [awardFirst, contractOnce, awardedSupplier, awardValue, withinBudget, signWithin],
  MakePayment: [paymentAfterSigning]
}

/** The advance and balance of the contract. */
export const paymentSplit = step(
  "contract.payment-split",
  "合同的预付款与余款",
  "The contract's advance and balance",
  "六(二)",
  [plan("六(二)")],
  "签订合同时按预付款比例计算预付款,余款为合同金额减预付款(吸收舍入差)。",
  ["payment.advancePercent", "payment.balancePercent", "payment.rounding"]
)

/** The end of the service period. */
export const period = step(
  "contract.period",
  "合同服务期",
  "The contract's service period",
  "五(二)",
  [plan("五(二)", "自合同签订之日起,x个月内完成各子项目的全部服务工作")],
  "服务期自合同签订之日起按参数规定的月数计算。",
  ["project.periodMonths"]
)

export const steps: ReadonlyArray<Doc> = [paymentSplit, period]
