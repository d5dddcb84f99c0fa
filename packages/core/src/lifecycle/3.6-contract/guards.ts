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
  description:
    "自成交通知发出之日起,在参数规定的日数(全国为30日)内签订合同;成交时据此确定签约截止日。逾期签订的合同仍予记录,逾期作为违规事项留下警告,以便纠正和追责。",
  reads: ["contract.signWithinDays"]
}, ({ command: c, state, on }, f, p) => {
  const signBy = state.subProjects[c.subProject].award!.signBy
  if (on <= signBy) return []
  const days = p.read<number>("contract.signWithinDays")
  return [
    f.warning(
      "at",
      `应在 ${signBy} 前签订合同(成交通知后${days}日内)`,
      `the contract was due by ${signBy} (${days} days after the award notice)`,
      `≤ ${signBy}`,
      on
    )
  ]
})

/** An agreed late-payment rate is not below the one-year LPR in force when the contract is signed. */
const lateInterestRate = check<"SignContract">({
  id: "contract.late-interest-rate",
  title: { zh: "约定逾期利率不低于一年期LPR", en: "An agreed late-payment rate is not below the one-year LPR" },
  section: "六(二)",
  basis: [national(`${texts.smePayment} 第十七条`, "约定利率不得低于合同订立时1年期贷款市场报价利率")],
  description: "合同约定逾期利息利率的,不得低于合同订立时的一年期贷款市场报价利率;未约定的按每日万分之五计付。",
  reads: ["payment.lprOneYear"]
}, ({ command: c }, f, p) => {
  if (c.lateInterestRate === undefined) return []
  const lpr = p.read<Money.Decimal>("payment.lprOneYear")
  return c.lateInterestRate.gte(lpr) ? [] : [
    f.error(
      "lateInterestRate",
      `约定逾期利率 ${c.lateInterestRate.toFixed()}% 低于合同订立时的一年期LPR ${lpr.toFixed()}%`,
      `the agreed late-payment rate ${c.lateInterestRate.toFixed()}% is below the one-year LPR of ${lpr.toFixed()}%`,
      `≥ ${lpr.toFixed()}%`,
      `${c.lateInterestRate.toFixed()}%`
    )
  ]
})

/**
 * `contract.payment-term`: a payment term the contract agrees is at most `payment.maxAgreedDays` days from the
 * acceptance (保障中小企业款项支付条例 第九条: 30 days by default, at most 60 when the contract agrees one).
 */
const paymentTerm = check<"SignContract">({
  id: "contract.payment-term",
  title: { zh: "约定付款期限不超过60日", en: "An agreed payment term is at most 60 days" },
  section: "六(二)",
  basis: [national(`${texts.smePayment} 第九条`, "合同另有约定的,付款期限最长不得超过60日")],
  description:
    "合同约定自验收合格之日起的付款期限的,不得超过参数规定的日数(全国为60日,本市可更短);未约定的按验收后付款期限(payment.dueDays)计。",
  reads: ["payment.maxAgreedDays"]
}, ({ command: c }, f, p) => {
  if (c.paymentTermDays === undefined) return []
  const max = p.read<number>("payment.maxAgreedDays")
  return c.paymentTermDays <= max ? [] : [
    f.error(
      "paymentTermDays",
      `约定付款期限 ${c.paymentTermDays} 日,超过自验收合格之日起 ${max} 日的上限`,
      `the agreed payment term of ${c.paymentTermDays} days exceeds the limit of ${max} days from the acceptance`,
      `≤ ${max}`,
      String(c.paymentTermDays)
    )
  ]
})

const notTerminated = <K extends "AmendContract" | "TerminateContract" | "PublishContract" | "FileContract">() =>
  order<K>({
    id: "contract.not-terminated",
    zh: "合同未解除",
    en: "The contract is not terminated",
    section: "三(六)",
    description: "已解除的合同不能再签订补充合同或再次解除。"
  }, ({ command, state }) => {
    const key = (command as { readonly subProject: SubProjectKey }).subProject
    const on = state.subProjects[key].contract?.terminated?.on
    return on === undefined ? undefined : [`合同已于 ${on} 解除`, `the contract was terminated on ${on}`]
  })

const supplementOnce = order<"AmendContract">(
  {
    id: "contract.supplement-once",
    zh: "每份补充合同记录一次",
    en: "A supplementary contract is recorded once",
    section: "三(六)",
    description: "同一编号的补充合同只能记录一次。"
  },
  ({ command: c, state }) =>
    (state.subProjects[c.subProject].contract?.supplements ?? []).some((s) => s.supplementId === c.supplementId)
      ? [`补充合同 ${c.supplementId} 已经记录`, `supplementary contract ${c.supplementId} is already recorded`]
      : undefined
)

const supplementBeforeAcceptance = order<"AmendContract">({
  id: "contract.supplement-during-performance",
  zh: "补充合同在合同履行中签订",
  en: "Supplementary contracts are signed while the contract is performed",
  section: "三(六)",
  basis: [national(`${texts.procurementLaw} 第四十九条`, "政府采购合同履行中")],
  description: "补充合同只能在合同履行中签订;验收合格后不再追加。"
}, ({ command: c, state }) =>
  state.subProjects[c.subProject].acceptance.status === "passed"
    ? ["项目已验收合格,合同已履行完毕", "acceptance has passed; the contract has been performed"]
    : undefined)

/** All supplementary contracts together stay within `contract.supplementCapPercent` (10%) of the original. */
export const supplementCap = check<"AmendContract">({
  id: "contract.supplement-cap",
  title: { zh: "补充合同累计不超过原合同金额的10%", en: "Supplementary contracts total at most 10% of the original" },
  section: "三(六)",
  basis: [national(`${texts.procurementLaw} 第四十九条`, "所有补充合同的采购金额不得超过原合同采购金额的百分之十")],
  description: "本次及以前所有补充合同的金额合计不得超过原合同金额乘以参数规定的比例(全国为10%,城市只能更严)。",
  reads: ["contract.supplementCapPercent"]
}, ({ command: c, state }, f, p) => {
  const contract = state.subProjects[c.subProject].contract!
  const original = contract.originalAmount ?? contract.amount
  const percent = p.read<Money.Decimal>("contract.supplementCapPercent")
  const cap = Money.percentOf(original, percent, "down")
  const before = Money.sum((contract.supplements ?? []).map((s) => s.amount))
  const total = Money.add(before, c.amount)
  return !Money.greaterThan(total, cap) ? [] : [
    f.error(
      "amount",
      `补充合同累计 ${Money.format(total)} 超过原合同金额 ${Money.format(original)} 的 ${percent.toFixed()}%(${
        Money.format(cap)
      })`,
      `supplementary contracts would total ${Money.format(total)}, over ${percent.toFixed()}% of the original ${
        Money.format(original)
      } (${Money.format(cap)})`,
      `≤ ${Money.format(cap)}`,
      Money.format(total)
    )
  ]
})

const supplementWithinBudget = check<"AmendContract">({
  id: "contract.supplement-within-budget",
  title: { zh: "补充后合同金额不超过子项目预算", en: "The amended contract stays within the sub-project budget" },
  section: "三(六)",
  basis: [plan("六(一)", "专款专用")],
  description: "合同金额加上补充合同金额不得超过该子项目预算。",
  reads: ["budget.hazchem", "budget.keyAreas"]
}, ({ command: c, state }, f, p) => {
  const budget = p.read<Money.Money>(`budget.${c.subProject}`)
  const after = Money.add(state.subProjects[c.subProject].contract!.amount, c.amount)
  return !Money.greaterThan(after, budget) ? [] : [
    f.error(
      "amount",
      `补充后合同金额 ${Money.format(after)} 超过子项目预算 ${Money.format(budget)}`,
      `the amended contract, ${Money.format(after)}, exceeds the sub-project budget of ${Money.format(budget)}`,
      `≤ ${Money.format(budget)}`,
      Money.format(after)
    )
  ]
})

/** Termination follows repeated failed rectification: acceptance failed at least the parameter's number of times. */
export const terminationAfterRectification = check<"TerminateContract">({
  id: "contract.termination-after-rectification",
  title: { zh: "整改后仍不合格方可解除合同", en: "Termination only after failed rectification" },
  section: "三(九)",
  basis: [
    plan("三(九)", "验收不合格的,督促整改"),
    national(`${texts.civilCode} 第五百六十三条`, "经催告后在合理期限内仍未履行的,当事人可以解除合同")
  ],
  description: "最近一次验收不合格,且验收不合格次数达到参数规定的次数(默认2次:整改后再次验收仍不合格),方可解除合同。",
  reads: ["contract.terminationAfterFailedAcceptances"]
}, ({ command: c, state }, f, p) => {
  const acceptance = state.subProjects[c.subProject].acceptance
  const needed = p.read<number>("contract.terminationAfterFailedAcceptances")
  if (acceptance.status === "failed" && acceptance.attempts >= needed) return []
  return [
    f.error(
      "subProject",
      `验收不合格 ${
        acceptance.status === "failed" ? acceptance.attempts : 0
      } 次,须整改后仍不合格(${needed} 次)方可解除合同`,
      `acceptance has failed ${
        acceptance.status === "failed" ? acceptance.attempts : 0
      } time(s); the contract may be terminated only after ${needed} failed acceptances`,
      `≥ ${needed}`,
      String(acceptance.status === "failed" ? acceptance.attempts : 0)
    )
  ]
})

const workValueWithinContract = check<"TerminateContract">({
  id: "contract.settlement-within-contract",
  title: { zh: "结算的已完成工作价值不超过合同金额", en: "The settled work value is within the contract" },
  section: "三(九)",
  basis: [national(`${texts.civilCode} 第五百六十六条`, "合同解除后,已经履行的,根据履行情况结算")],
  description: "解除时结算的已完成并认可的工作价值不得超过合同金额。",
  reads: []
}, ({ command: c, state }, f) => {
  const amount = state.subProjects[c.subProject].contract!.amount
  return !Money.greaterThan(c.workValue, amount) ? [] : [
    f.error(
      "workValue",
      `结算的工作价值超过合同金额 ${Money.format(amount)}`,
      `the settled work value exceeds the contract amount of ${Money.format(amount)}`,
      `≤ ${Money.format(amount)}`,
      Money.format(c.workValue)
    )
  ]
})

const publishedOnce = order<"PublishContract">({
  id: "contract.published-once",
  zh: "合同公告一次",
  en: "The contract is published once",
  section: "三(六)",
  description: "同一合同只记录一次公告。"
}, ({ command: c, state }) =>
  state.subProjects[c.subProject].contract?.publishedOn !== undefined
    ? ["该合同已经公告", "this contract is already published"]
    : undefined)

const filedOnce = order<"FileContract">({
  id: "contract.filed-once",
  zh: "合同备案一次",
  en: "The contract is filed once",
  section: "三(六)",
  description: "同一合同只记录一次备案。"
}, ({ command: c, state }) =>
  state.subProjects[c.subProject].contract?.filedOn !== undefined
    ? ["该合同已经备案", "this contract is already filed"]
    : undefined)

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

const amendFirst = contractFirst<"AmendContract">(
  "合同尚未签订,不能签订补充合同",
  "no contract is signed; no supplementary contract can be made"
)
const terminateFirst = contractFirst<"TerminateContract">(
  "合同尚未签订,不能解除",
  "no contract is signed; nothing can be terminated"
)
const publishFirst = contractFirst<"PublishContract">("合同尚未签订,不能公告", "no contract is signed to publish")
const fileFirst = contractFirst<"FileContract">("合同尚未签订,不能备案", "no contract is signed to file")

export const guards: {
  readonly SignContract: ReadonlyArray<Guard<"SignContract">>
  readonly MakePayment: ReadonlyArray<Guard<"MakePayment">>
  readonly AmendContract: ReadonlyArray<Guard<"AmendContract">>
  readonly TerminateContract: ReadonlyArray<Guard<"TerminateContract">>
  readonly PublishContract: ReadonlyArray<Guard<"PublishContract">>
  readonly FileContract: ReadonlyArray<Guard<"FileContract">>
} = {
  SignContract: [
    awardFirst,
    contractOnce,
    awardedSupplier,
    awardValue,
    withinBudget,
    signWithin,
    lateInterestRate,
    paymentTerm
  ],
  MakePayment: [paymentAfterSigning],
  AmendContract: [
    amendFirst,
    notTerminated<"AmendContract">(),
    supplementOnce,
    supplementBeforeAcceptance,
    supplementCap,
    supplementWithinBudget
  ],
  TerminateContract: [
    terminateFirst,
    notTerminated<"TerminateContract">(),
    terminationAfterRectification,
    workValueWithinContract
  ],
  PublishContract: [publishFirst, notTerminated<"PublishContract">(), publishedOnce],
  FileContract: [fileFirst, notTerminated<"FileContract">(), filedOnce]
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

/** The dates the contract is due to be published and filed. */
export const publication = step(
  "contract.publication-deadlines",
  "合同公告和备案期限",
  "When the contract is due to be published and filed",
  "三(六)",
  [national(`${texts.procurementRegulation} 第五十条`), national(`${texts.procurementLaw} 第四十七条`)],
  "签订合同时按工作日计算合同公告(2个工作日内)和备案(7个工作日内)的截止日。",
  ["contract.publishWithinWorkingDays", "contract.fileWithinWorkingDays"]
)

/** The interest of a late payment. */
export const interest = step(
  "payment.late-interest",
  "逾期付款利息",
  "Interest on a late payment",
  "六(二)",
  [national(`${texts.smePayment} 第十七条`, "约定利率不低于1年期LPR;未约定的按每日万分之五")],
  "款项逾期支付的,按合同约定的年利率(按参数规定的天数折算日利率)或每日万分之五,自付款期限届满次日起按自然日计算逾期利息,一次计算后按参数规定的方式舍入到分,与款项一并支付。",
  ["payment.lateDailyPercent", "payment.interestDayBasis", "payment.interestRounding"]
)

export const steps: ReadonlyArray<Doc> = [paymentSplit, period, publication, interest]
