/**
 * Explanations of decisions. Any decision recorded as an event (an award, an
 * acceptance result, a payment amount, a deadline) can be explained from the
 * event stream alone: what was decided, the rules evaluated with their
 * findings, every parameter value read (with the date it took effect and its
 * basis), the legal basis, and the earlier events the decision rests on,
 * followed transitively to a chosen depth.
 *
 * ```ts
 * const explanation = Explain.decision(events, "seed-0041/0", { index: Explain.ruleIndex(config) })
 * if (Either.isRight(explanation)) console.log(Explain.render(explanation.right, "zh"))
 * ```
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { Actor } from "../kernel/Actor.js"
import * as InputError from "../kernel/InputError.js"
import type { LegalBasis } from "../kernel/LegalBasis.js"
import * as Money from "../kernel/Money.js"
import * as Deliverable from "../lifecycle/4-deliverables/Deliverable.js"
import * as Quota from "../lifecycle/4-deliverables/Quota.js"
import * as Config from "../lifecycle/Config.js"
import * as Guard from "../lifecycle/Guard.js"
import * as Parameter from "../lifecycle/Parameter.js"
import * as ProjectEvent from "../lifecycle/ProjectEvent.js"
import type { Finding, Rule, Title } from "../rules/Rule.js"
import * as Plugin from "./Plugin.js"

// ── rule index ───────────────────────────────────────────────────────────────

/**
 * What the index knows about a rule, a guard, a step or a quota item.
 *
 * @since 0.1.0
 * @category models
 */
export interface RuleEntry {
  readonly id: string
  readonly title: Title
  readonly section: string
  readonly basis: ReadonlyArray<LegalBasis>
  readonly description: string
  /**
   * Where the rule runs: its stage (`plan`, `payment`, …), `guard` for a command's guard or a step of the
   * lifecycle (see `Guard`), `quota` for a quota item.
   */
  readonly source: string
  /** The plugin whose rule replaced gsyf's (or another plugin's) under this id, with its priority. */
  readonly overriddenBy?: { readonly plugin: string; readonly priority: number | undefined } | undefined
}

/**
 * Every rule a configuration runs, by id.
 *
 * @since 0.1.0
 * @category models
 */
export type RuleIndex = ReadonlyMap<string, RuleEntry>

/**
 * The id under which a quota item is indexed (`quota.<item id>`, e.g. `quota.portal-articles`).
 *
 * @since 0.1.0
 * @category rule index
 */
export const quotaRuleId = (itemId: string): string => `quota.${itemId}`

type IndexSource = {
  readonly rules: Plugin.StageRules
  readonly quotaItems: ReadonlyArray<Quota.Item>
  readonly guards?: Config.CommandRules | undefined
  readonly overrides?: ReadonlyArray<Plugin.AppliedOverride> | undefined
}

const entryOf = (
  rule: Guard.Documented,
  source: string,
  overridden: ReadonlyMap<string, Plugin.AppliedOverride>
): RuleEntry => {
  const by = overridden.get(rule.id)
  return {
    id: rule.id,
    title: rule.title,
    section: rule.section,
    basis: rule.basis,
    description: rule.description,
    source,
    ...(by === undefined ? {} : { overriddenBy: { plugin: by.by, priority: by.priority } })
  }
}

const buildIndex = (config: IndexSource): RuleIndex => {
  const index = new Map<string, RuleEntry>()
  const overridden = new Map((config.overrides ?? []).map((o) => [o.ruleId, o]))
  const add = (rule: Guard.Documented, source: string) => {
    if (!index.has(rule.id)) index.set(rule.id, entryOf(rule, source, overridden))
  }
  for (const stage of Object.keys(config.rules) as Array<Plugin.Stage>) {
    for (const rule of config.rules[stage] as ReadonlyArray<Rule<never>>) add(rule, stage)
  }
  for (const guards of Object.values(config.guards ?? Config.baseGuards)) {
    for (const g of guards as ReadonlyArray<Guard.Documented>) add(g, "guard")
  }
  for (const doc of Guard.all) add(doc, "guard")
  for (const item of config.quotaItems) {
    const id = quotaRuleId(item.id)
    if (index.has(id)) continue
    index.set(id, {
      id,
      title: item.title,
      section: item.section,
      basis: [item.basis],
      description: `${item.title.zh}:要求数见参数 ${item.parameter}`,
      source: "quota"
    })
  }
  return index
}

/**
 * The registry of every rule of a configuration: the rules of every stage and the guards of every command (with
 * plugin additions, overrides and removals applied, overrides marked with their plugin), the lifecycle's
 * documented steps (`Guard.all`, e.g. `publicity.period`) and the quota items.
 *
 * @since 0.1.0
 * @category rule index
 */
export const ruleIndex = (
  config: Pick<Plugin.Config, "rules" | "quotaItems"> & Partial<Pick<Plugin.Config, "guards" | "overrides">>
): RuleIndex => buildIndex(config)

/**
 * The registry of the rules gsyf ships (no plugins); used when no index is given.
 *
 * @since 0.1.0
 * @category rule index
 */
export const baseIndex: RuleIndex = buildIndex({ rules: Plugin.baseRules, quotaItems: Quota.planItems })

// ── models ───────────────────────────────────────────────────────────────────

/**
 * A text in Chinese and English.
 *
 * @since 0.1.0
 * @category models
 */
export interface Bilingual {
  readonly zh: string
  readonly en: string
}

/**
 * A parameter value read by a rule, as recorded in the event.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExplainedRead {
  readonly name: string
  /** The parameter's title, when it is in the catalogue. */
  readonly title: Title | undefined
  /** The value as shown to people (money as ¥, percentages as numbers). */
  readonly value: string
  /** The day the value took effect (`undefined`: it has no start date). */
  readonly effectiveFrom: string | undefined
  /** Where the value comes from: the city's file or the national text of a default. */
  readonly basis: string
}

/**
 * A rule evaluated for the decision.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExplainedRule {
  readonly ruleId: string
  /**
   * False when the rule is not in the index (e.g. the rule of a plugin no longer loaded); it is still shown, titled by
   * its id.
   */
  readonly known: boolean
  readonly title: Title
  readonly section: string | undefined
  readonly basis: ReadonlyArray<LegalBasis>
  readonly findings: ReadonlyArray<Finding>
  readonly reads: ReadonlyArray<ExplainedRead>
  /** The plugin whose rule was evaluated under this id instead of gsyf's, when the index knows of one. */
  readonly overriddenBy?: { readonly plugin: string; readonly priority: number | undefined } | undefined
}

/**
 * An earlier event a decision rests on.
 *
 * @since 0.1.0
 * @category models
 */
export interface EventReference {
  readonly id: string
  readonly type: string
  readonly at: string
  readonly summary: Bilingual
  /** 1 for events the decision names itself, 2 for the events those rest on, … */
  readonly depth: number
  /** The event that named this one. */
  readonly via: string
}

/**
 * The explanation of one decision.
 *
 * @since 0.1.0
 * @category models
 */
export interface Explanation {
  readonly event: { readonly id: string; readonly type: string; readonly at: string; readonly actor: Actor }
  /** What was decided, with the figures and how they were obtained. */
  readonly summary: Bilingual
  /** Supporting lines (ranking, unmet items, reasons), in both languages. */
  readonly details: { readonly zh: ReadonlyArray<string>; readonly en: ReadonlyArray<string> }
  readonly rules: ReadonlyArray<ExplainedRule>
  readonly basis: ReadonlyArray<LegalBasis>
  readonly restsOn: ReadonlyArray<EventReference>
  /** Ids named in `restsOn` chains that are not among the given events. */
  readonly unresolved: ReadonlyArray<string>
}

/**
 * A decision that can be explained.
 *
 * @since 0.1.0
 * @category models
 */
export interface Decision {
  readonly id: string
  readonly type: DecisionType
  readonly at: string
  readonly summary: Bilingual
}

/**
 * The event types that record decisions.
 *
 * @since 0.1.0
 * @category constants
 */
export const decisionTypes = [
  "BudgetSubmitted",
  "PublicityStarted",
  "Awarded",
  "ContractSigned",
  "PaymentMade",
  "MonthlyBriefingSubmitted",
  "AcceptancePassed",
  "AcceptanceFailed"
] as const

/**
 * @since 0.1.0
 * @category models
 */
export type DecisionType = (typeof decisionTypes)[number]

// ── summaries ────────────────────────────────────────────────────────────────

type Event = ProjectEvent.Event
type Of<T extends Event["_tag"]> = Extract<Event, { _tag: T }>

const subName: Record<"hazchem" | "keyAreas", Bilingual> = {
  hazchem: { zh: "危化企业能力提升培训项目", en: "hazardous-chemicals training sub-project" },
  keyAreas: { zh: "其他重点领域培训宣传项目", en: "key areas training and publicity sub-project" }
}

const baseMethods: ReadonlyMap<string, { readonly title: Title }> = new Map(
  Config.baseProcurementMethods.map((m) => [m.id, m])
)

const days = (n: number | string, unit: string | undefined): Bilingual =>
  unit === "working-days" ? { zh: `${n} 个工作日`, en: `${n} working days` } : { zh: `${n} 日`, en: `${n} days` }

/** The value a decision's evaluations read for a parameter, if any. */
const readOf = (e: Event, name: string): ProjectEvent.Evaluation["reads"][number] | undefined => {
  for (const ev of e.evaluations) for (const r of ev.reads) if (r.name === name) return r
  return undefined
}

interface Context {
  readonly byId: ReadonlyMap<string, Event>
  readonly order: ReadonlyMap<string, number>
  readonly events: ReadonlyArray<Event>
  /** Procurement methods by id: their titles name them (a plugin's method keeps its own title). */
  readonly methods: ReadonlyMap<string, { readonly title: Title }>
}

const method = (m: string, ctx: Context): Bilingual => ctx.methods.get(m)?.title ?? { zh: m, en: m }

const contractOf = (e: Of<"PaymentMade">, ctx: Context): Of<"ContractSigned"> | undefined => {
  for (const id of e.restsOn) {
    const x = ctx.byId.get(id)
    if (x?._tag === "ContractSigned" && x.contractId === e.contractId) return x
  }
  return ctx.events.find((x): x is Of<"ContractSigned"> => x._tag === "ContractSigned" && x.contractId === e.contractId)
}

const paidBefore = (e: Of<"PaymentMade">, ctx: Context): Money.Money => {
  const position = ctx.order.get(e.id) ?? ctx.events.length
  const earlier: Array<Money.Money> = []
  for (let i = 0; i < position; i++) {
    const x = ctx.events[i]!
    if (x._tag === "PaymentMade" && x.contractId === e.contractId) earlier.push(x.amount)
  }
  return Money.sum(earlier)
}

interface Told {
  readonly summary: Bilingual
  readonly details: { readonly zh: ReadonlyArray<string>; readonly en: ReadonlyArray<string> }
}

const told = (
  zh: string,
  en: string,
  details: { zh: Array<string>; en: Array<string> } = { zh: [], en: [] }
): Told => ({ summary: { zh, en }, details })

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

const explainAward = (e: Of<"Awarded">, ctx: Context): Told => {
  const sub = subName[e.subProject]
  const m = method(e.method, ctx)
  const top = e.ranking[0]
  const score = top === undefined ? "" : `,综合得分 ${top.total}`
  const scoreEn = top === undefined ? "" : `, total score ${top.total}`
  const zh: Array<string> = []
  const en: Array<string> = []
  for (const r of e.ranking) {
    const quote = r.quote === undefined ? "" : ` 报价 ${Money.format(r.quote)}`
    const price = r.priceScore === undefined ? "" : ` = 价格分 ${r.priceScore} + 技术分 ${r.nonPriceScore}`
    const priceEn = r.priceScore === undefined ? "" : ` = price ${r.priceScore} + other ${r.nonPriceScore}`
    zh.push(`第 ${r.rank} 名 ${r.supplierName}${quote}:${r.total} 分${price}`)
    en.push(
      `#${r.rank} ${r.supplierName}${quote === "" ? "" : `, quote ${Money.format(r.quote!)}`}: ${r.total}${priceEn}`
    )
  }
  for (const t of e.tieBreaks) zh.push(`并列处理:${t}`)
  for (const t of e.tieBreaks) en.push(`tie-break: ${t}`)
  for (const r of e.reasons) zh.push(`理由:${r}`)
  for (const r of e.reasons) en.push(`reason: ${r}`)
  return told(
    `${sub.zh}成交:授予 ${e.supplierName},成交金额 ${
      Money.format(e.value)
    }(${m.zh},${e.ranking.length} 家参与排名${score});应于 ${e.signBy} 前签订合同`,
    `${sub.en} awarded to ${e.supplierName} for ${
      Money.format(e.value)
    } (${m.en}, ${e.ranking.length} ranked${scoreEn}); the contract is due by ${e.signBy}`,
    { zh, en }
  )
}

const unmetLine = (i: ProjectEvent.QuotaResult): Bilingual => ({
  zh: `${i.title.zh}:完成 ${i.done}${i.unit},要求 ${i.required}${i.unit}${i.note ? `;${i.note.zh}` : ""}`,
  en: `${i.title.en}: ${i.done} of ${i.required}${i.note ? `; ${i.note.en}` : ""}`
})

const explainAcceptance = (e: Of<"AcceptancePassed"> | Of<"AcceptanceFailed">): Told => {
  const sub = subName[e.subProject]
  const zh: Array<string> = []
  const en: Array<string> = []
  for (const i of e.items) {
    const l = unmetLine(i)
    zh.push(`${i.met ? "✓" : "✗"} ${l.zh}`)
    en.push(`${i.met ? "✓" : "✗"} ${l.en}`)
  }
  for (const t of e.targets) {
    zh.push(`${t.met ? "✓" : "✗"} 绩效目标“${t.name}”:目标 ${t.target},实际 ${t.actual}`)
    en.push(`${t.met ? "✓" : "✗"} target "${t.name}": ${t.target}, actual ${t.actual}`)
  }
  if (e._tag === "AcceptancePassed") {
    return told(
      `${sub.zh}第 ${e.attempt} 次验收合格(${e.evaluatedOn},${e.experts.length} 名专家):${e.items.length} 项数量指标全部完成;应付余款 ${
        Money.format(e.balanceDue)
      },${e.dueExplanation.zh}`,
      `${sub.en} passed acceptance on attempt ${e.attempt} (${e.evaluatedOn}, ${e.experts.length} experts): all ${e.items.length} quotas met; balance ${
        Money.format(e.balanceDue)
      } ${e.dueExplanation.en}`,
      { zh, en }
    )
  }
  const unmet = e.items.filter((i) => !i.met).map(unmetLine)
  const unmetTargets = e.targets.filter((t) => !t.met)
  const listZh = [...unmet.map((u) => u.zh), ...unmetTargets.map((t) => `绩效目标“${t.name}”未实现`)].join(";")
  const listEn = [...unmet.map((u) => u.en), ...unmetTargets.map((t) => `target "${t.name}" not met`)].join("; ")
  return told(
    `${sub.zh}第 ${e.attempt} 次验收不合格(${e.evaluatedOn}):${listZh};${e.rectification.explanation.zh}`,
    `${sub.en} failed acceptance on attempt ${e.attempt} (${e.evaluatedOn}): ${listEn}; ${e.rectification.explanation.en}`,
    { zh: [...zh, ...e.rectification.items.map((i) => `整改事项:${i}`)], en }
  )
}

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

const explainBriefing = (e: Of<"MonthlyBriefingSubmitted">): Told => {
  const dueDay = readOf(e, "supervision.briefingDueDay")?.value
  const rule = dueDay === undefined
    ? { zh: "", en: "" }
    : { zh: `每月 ${dueDay} 日前报送,遇休息日顺延`, en: `due by day ${dueDay} of the month, moved past rest days` }
  return told(
    `${subName[e.subProject].zh} ${e.month} 月度简报于 ${e.submittedOn} 报送,截止日 ${e.dueOn}${
      rule.zh === "" ? "" : `(${rule.zh})`
    }:${e.late ? "迟报" : "按时"}`,
    `${e.month} briefing of the ${subName[e.subProject].en} submitted ${e.submittedOn}, due ${e.dueOn}${
      rule.en === "" ? "" : ` (${rule.en})`
    }: ${e.late ? "late" : "on time"}`
  )
}

const explainBudget = (e: Of<"BudgetSubmitted">): Told => {
  const revenue = readOf(e, "fund.priorYearContributionRevenue")?.value
  const percent = readOf(e, "fund.feeCapPercent")?.value
  const cap = revenue !== undefined && percent !== undefined
    ? {
      zh: ` = 上年度征缴收入 ${revenue} × ${percent}%`,
      en: ` = prior-year contributions ${revenue} × ${percent}%`
    }
    : { zh: "", en: "" }
  return told(
    `项目预算 ${Money.format(e.total)}(危化项目 ${Money.format(e.hazchem)},其他重点领域项目 ${
      Money.format(e.keyAreas)
    })报财政审核;工伤预防费使用上限 ${Money.format(e.cap)}${cap.zh}`,
    `budget of ${Money.format(e.total)} (hazardous chemicals ${Money.format(e.hazchem)}, key areas ${
      Money.format(e.keyAreas)
    }) submitted to finance; fee cap ${Money.format(e.cap)}${cap.en}`
  )
}

type Summary<K extends Event["_tag"]> = (e: Of<K>, ctx: Context) => Told

const sub = (e: { readonly subProject: "hazchem" | "keyAreas" }) => subName[e.subProject]

const rejectionNames: Record<"over-budget" | "missing-qualification" | "non-conforming", Bilingual> = {
  "over-budget": { zh: "报价超过采购预算", en: "over the budget" },
  "missing-qualification": { zh: "不符合资格条件", en: "missing a qualification" },
  "non-conforming": { zh: "未实质性响应采购文件", en: "not conforming to the documents" }
}

// Exhaustive: a new event type does not compile until it is summarised.
const summaries: { readonly [K in Event["_tag"]]: Summary<K> } = {
  KeyAreasSelected: (e) =>
    told(
      `确定重点领域:${e.selected.map((s) => s.label).join("、")}`,
      `key areas chosen: ${e.selected.map((s) => s.label).join(", ")}`
    ),
  MemberOpinionRecorded: (e) =>
    told(
      `成员单位 ${e.unit} ${e.agrees ? "同意" : "不同意"}:${e.opinion}`,
      `member unit ${e.unit} ${e.agrees ? "agrees" : "disagrees"}: ${e.opinion}`
    ),
  PlanIssued: (e) =>
    told(`实施方案 ${e.documentNumber} 于 ${e.issuedOn} 印发`, `plan ${e.documentNumber} issued on ${e.issuedOn}`),
  KeyEnterpriseListProvided: (e) =>
    told(
      `委员会提供重点企业名单 ${e.enterprises.length} 家`,
      `key-enterprise list of ${e.enterprises.length} provided`
    ),
  BudgetSubmitted: (e) => explainBudget(e),
  BudgetApproved: (e) => told(`预算于 ${e.approvedOn} 审核通过`, `budget approved on ${e.approvedOn}`),
  BudgetReturned: (e) => told(`预算被退回:${e.reasons.join(";")}`, `budget returned: ${e.reasons.join("; ")}`),
  PublicityStarted: (e) => {
    const d = days(e.length, e.unit)
    return told(
      `${sub(e).zh}采购需求公示 ${d.zh},${e.startsOn} 起至 ${e.endsOn} 止:${e.explanation.zh}`,
      `${sub(e).en} requirements publicised for ${d.en}, ${e.startsOn} to ${e.endsOn}: ${e.explanation.en}`
    )
  },
  ObjectionRecorded: (e) =>
    told(
      `${sub(e).zh}公示期间收到异议(${e.receivedOn}):${e.objection}`,
      `objection received on ${e.receivedOn}: ${e.objection}`
    ),
  ObjectionResolved: (e) =>
    told(
      `${sub(e).zh}异议 ${e.objectionId} 已答复:${e.response}`,
      `objection ${e.objectionId} answered: ${e.response}`
    ),
  ProcurementStarted: (e, ctx) =>
    told(
      `${sub(e).zh}启动采购(${
        method(e.method, ctx).zh
      }),${e.documentsIssuedOn} 发出采购文件,响应截止 ${e.responseDeadline}`,
      `procurement of the ${sub(e).en} started (${
        method(e.method, ctx).en
      }): documents ${e.documentsIssuedOn}, responses by ${e.responseDeadline}`
    ),
  BidSubmitted: (e) =>
    told(
      `${e.supplierName} 提交响应文件,报价 ${Money.format(e.quote)}`,
      `${e.supplierName} responded with a quote of ${Money.format(e.quote)}`
    ),
  PanelAppointed: (e) =>
    told(
      `${sub(e).zh}评审小组组建,${e.members.length} 人`,
      `panel of ${e.members.length} appointed for the ${sub(e).en}`
    ),
  ScoresSubmitted: (e) =>
    told(
      `评审成员 ${e.memberId} 提交评分(${e.scores.length} 项)`,
      `panel member ${e.memberId} submitted ${e.scores.length} scores`
    ),
  Awarded: (e, ctx) => explainAward(e, ctx),
  DocumentsClarified: (e) =>
    told(
      `${sub(e).zh}采购文件澄清或修改(${e.clarifiedOn}):${e.summary}${
        e.responseDeadline === e.previousDeadline
          ? ""
          : `;响应截止由 ${e.previousDeadline} 顺延至 ${e.responseDeadline}`
      }`,
      `documents of the ${sub(e).en} clarified on ${e.clarifiedOn}: ${e.summary}${
        e.responseDeadline === e.previousDeadline
          ? ""
          : `; deadline moved from ${e.previousDeadline} to ${e.responseDeadline}`
      }`
    ),
  BidRejected: (e) =>
    told(
      `${e.supplierName} 的响应经审查认定无效(${rejectionNames[e.reason].zh}):${e.note}`,
      `the response of ${e.supplierName} was rejected by the review (${rejectionNames[e.reason].en}): ${e.note}`
    ),
  ProcurementTerminated: (e, ctx) =>
    told(
      `${sub(e).zh}第 ${e.round} 轮采购(${method(e.method, ctx).zh})终止,${e.noticePublishedOn} 发布终止公告:${e.note}`,
      `round ${e.round} of the ${sub(e).en} procurement (${
        method(e.method, ctx).en
      }) terminated, notice published ${e.noticePublishedOn}: ${e.note}`
    ),
  AwardDeclined: (e) =>
    told(
      `成交供应商 ${e.supplierName} 拒绝签订合同:${e.reason}`,
      `the awarded supplier ${e.supplierName} declined to sign: ${e.reason}`
    ),
  AwardedToNextRanked: (e) =>
    told(
      `按评审报告排序确定第 ${e.rank} 名 ${e.supplierName} 为成交供应商,成交金额 ${
        Money.format(e.value)
      },应于 ${e.signBy} 前签订合同`,
      `the award passed to the rank-${e.rank} candidate ${e.supplierName} at ${
        Money.format(e.value)
      }; sign by ${e.signBy}`
    ),
  ChallengeRaised: (e) =>
    told(
      `${e.supplierName} 提出质疑(${e.receivedOn} 收到):${e.grounds};应于 ${e.answerBy} 前答复${
        e.suspendsSigning ? ",签约暂停" : ""
      }`,
      `${e.supplierName} challenged the result (received ${e.receivedOn}): ${e.grounds}; answer due by ${e.answerBy}${
        e.suspendsSigning ? "; signing suspended" : ""
      }`
    ),
  ChallengeAnswered: (e) =>
    told(
      `质疑 ${e.challengeId} 已于 ${e.answeredOn} 答复(${e.upheld ? "质疑成立" : "质疑不成立"}):${e.answer}`,
      `challenge ${e.challengeId} answered on ${e.answeredOn} (${e.upheld ? "upheld" : "not upheld"}): ${e.answer}`
    ),
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
    ),
  ImplementationPlanSubmitted: (e) =>
    told(
      `${sub(e).zh}报送实施计划(${e.activities.length} 项活动)`,
      `implementation plan of the ${sub(e).en} submitted`
    ),
  ImplementationPlanApproved: (e) =>
    told(`${sub(e).zh}实施计划审批通过`, `implementation plan of the ${sub(e).en} approved`),
  ImplementationPlanReturned: (e) =>
    told(`${sub(e).zh}实施计划被退回:${e.reasons.join(";")}`, `implementation plan returned: ${e.reasons.join("; ")}`),
  MonthlyBriefingSubmitted: (e) => explainBriefing(e),
  SpotCheckRecorded: (e) =>
    told(
      `${sub(e).zh}抽查“${e.activity}”(${e.checkedOn}):${e.satisfactory ? "合格" : "不合格"}`,
      `spot check of "${e.activity}" on ${e.checkedOn}: ${e.satisfactory ? "satisfactory" : "not satisfactory"}`
    ),
  ProgressReported: (e) =>
    told(`${e.reportedOn} 向委员会反馈项目进展:${e.summary}`, `progress reported to the committee on ${e.reportedOn}`),
  AcceptanceApplied: (e) =>
    told(
      `${sub(e).zh}第 ${e.attempt} 次申请验收(${e.appliedOn}),票据合计 ${Money.format(e.receiptsTotal)}`,
      `${e.subProject} applied for acceptance (attempt ${e.attempt}, ${e.appliedOn}), receipts ${
        Money.format(e.receiptsTotal)
      }`
    ),
  AcceptancePassed: (e) => explainAcceptance(e),
  AcceptanceFailed: (e) => explainAcceptance(e),
  AcceptanceReportFiled: (e) =>
    told(
      `${sub(e).zh}验收报告 ${e.reportNumber} 于 ${e.filedOn} 备案`,
      `acceptance report ${e.reportNumber} filed on ${e.filedOn}`
    ),
  MaterialDesignSubmitted: (e) =>
    told(`报送宣传材料设计稿“${e.title}”(${e.materialType})`, `material design "${e.title}" submitted`),
  MaterialDesignApproved: (e) => told(`设计稿 ${e.designId} 审核通过`, `design ${e.designId} approved`),
  MaterialDesignReturned: (e) =>
    told(
      `设计稿 ${e.designId} 被退回:${e.reasons.join(";")}`,
      `design ${e.designId} returned: ${e.reasons.join("; ")}`
    ),
  DeliverableRecorded: (e) =>
    told(
      `${sub(e).zh}交付物:${Deliverable.kindNames[e.evidence._tag]}(${e.evidence.date})`,
      `${e.subProject} deliverable: ${e.evidence._tag} on ${e.evidence.date}`
    ),
  DeliverableCorrected: (e) =>
    told(
      `更正交付物记录 ${e.corrects}${e.replacement === undefined ? "(撤回)" : "(替换)"}:${e.reason}`,
      `deliverable ${e.corrects} ${e.replacement === undefined ? "withdrawn" : "replaced"}: ${e.reason}`
    )
}

const summarise = (e: Event, ctx: Context): Told => (summaries[e._tag] as Summary<Event["_tag"]>)(e, ctx)

const contextOf = (
  events: ReadonlyArray<Event>,
  methods: ReadonlyMap<string, { readonly title: Title }> = baseMethods
): Context => {
  const byId = new Map<string, Event>()
  const order = new Map<string, number>()
  events.forEach((e, i) => {
    byId.set(e.id, e)
    order.set(e.id, i)
  })
  return { byId, order, events, methods }
}

// ── explaining ───────────────────────────────────────────────────────────────

/**
 * Options of {@link decision}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** How far to follow `restsOn` (1: only the events the decision names; default 2; 0: none). */
  readonly depth?: number | undefined
  /**
   * The rule registry for titles and bases (default {@link baseIndex}; pass {@link ruleIndex}`(config)` with plugins).
   */
  readonly index?: RuleIndex | undefined
  /**
   * The configuration the events were decided with: its rule index (with plugins' rules and overrides) and its
   * procurement methods' titles. `index`, when given too, wins.
   */
  readonly config?: Plugin.Config | undefined
}

const Request = Schema.Struct({
  eventId: Schema.String.pipe(
    Schema.filter((s) => s.trim().length > 0, InputError.bilingual("不能为空", "must not be empty"))
  ),
  depth: Schema.optional(
    Schema.Number.pipe(
      Schema.filter(
        (n) => Number.isInteger(n) && n >= 0 && n <= 50,
        InputError.bilingual("须为 0 至 50 之间的整数", "must be a whole number from 0 to 50")
      )
    )
  )
})

const decodeRequest = InputError.decodeEither(Request, "Explain.decision")

const decodeEventList = InputError.decodeEither(
  Schema.Array(Schema.Union(Schema.typeSchema(ProjectEvent.Event), ProjectEvent.Event)),
  "Explain.events"
)

/**
 * Decodes events given as JSON (encoded) or already decoded, for hosts that
 * read a stream from elsewhere. Every bad field is reported with its path.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeEvents = (
  input: unknown
): Either.Either<ReadonlyArray<ProjectEvent.Event>, InputError.InvalidInput> => decodeEventList(input)

const explainRules = (e: Event, index: RuleIndex): ReadonlyArray<ExplainedRule> =>
  e.evaluations.map((ev) => {
    const entry = index.get(ev.ruleId)
    return {
      ruleId: ev.ruleId,
      known: entry !== undefined,
      title: entry?.title ?? { zh: ev.ruleId, en: ev.ruleId },
      section: entry?.section,
      basis: entry?.basis ?? [],
      ...(entry?.overriddenBy === undefined ? {} : { overriddenBy: entry.overriddenBy }),
      findings: ev.findings,
      reads: ev.reads.map((r) => ({
        name: r.name,
        title: Parameter.catalogue.get(r.name)?.title,
        value: r.value,
        effectiveFrom: r.effectiveFrom,
        basis: r.basis
      }))
    }
  })

const follow = (
  e: Event,
  ctx: Context,
  depth: number
): { readonly refs: ReadonlyArray<EventReference>; readonly unresolved: ReadonlyArray<string> } => {
  const refs: Array<EventReference> = []
  const unresolved: Array<string> = []
  const seen = new Set<string>([e.id])
  let frontier: Array<{ readonly id: string; readonly via: string }> = e.restsOn.map((id) => ({ id, via: e.id }))
  for (let level = 1; level <= depth && frontier.length > 0; level++) {
    const next: Array<{ readonly id: string; readonly via: string }> = []
    for (const { id, via } of frontier) {
      if (seen.has(id)) continue
      seen.add(id)
      const x = ctx.byId.get(id)
      if (x === undefined) {
        unresolved.push(id)
        continue
      }
      refs.push({ id, type: x._tag, at: x.at, summary: summarise(x, ctx).summary, depth: level, via })
      for (const r of x.restsOn) if (!seen.has(r)) next.push({ id: r, via: id })
    }
    frontier = next
  }
  return { refs, unresolved }
}

/**
 * Explains the event `eventId` of a stream: the decision in words, the rules
 * evaluated, the parameter values read (value, effective date, basis), the
 * legal basis and the events it rests on (transitively, to `depth`). Fails
 * with `InvalidInput` when the id is empty or not in the stream.
 *
 * @since 0.1.0
 * @category explaining
 */
export const decision = (
  events: ReadonlyArray<ProjectEvent.Event>,
  eventId: string,
  options: Options = {}
): Either.Either<Explanation, InputError.InvalidInput> =>
  Either.flatMap(
    decodeRequest({ eventId, ...(options.depth === undefined ? {} : { depth: options.depth }) }),
    (request) => {
      const ctx = contextOf(events, options.config?.procurementMethods)
      const e = ctx.byId.get(request.eventId)
      if (e === undefined) {
        return Either.left(
          InputError.single(
            "Explain.decision",
            "eventId",
            `事件流中没有编号为 ${request.eventId} 的事件`,
            `no event ${request.eventId} in the stream`
          )
        )
      }
      const index = options.index ?? (options.config === undefined ? baseIndex : ruleIndex(options.config))
      const { details, summary } = summarise(e, ctx)
      const { refs, unresolved } = follow(e, ctx, request.depth ?? 2)
      return Either.right({
        event: { id: e.id, type: e._tag, at: e.at, actor: e.actor },
        summary,
        details,
        rules: explainRules(e, index),
        basis: e.basis,
        restsOn: refs,
        unresolved
      })
    }
  )

/**
 * The explainable decisions of a stream, in stream order: budgets, publicity
 * periods, awards, contracts, payments, monthly briefings and acceptance results.
 *
 * @since 0.1.0
 * @category explaining
 */
export const findDecisions = (
  events: ReadonlyArray<ProjectEvent.Event>,
  config?: Pick<Plugin.Config, "procurementMethods">
): ReadonlyArray<Decision> => {
  const ctx = contextOf(events, config?.procurementMethods)
  const types: ReadonlySet<string> = new Set(decisionTypes)
  return events
    .filter((e): e is Extract<ProjectEvent.Event, { _tag: DecisionType }> => types.has(e._tag))
    .map((e) => ({ id: e.id, type: e._tag, at: e.at, summary: summarise(e, ctx).summary }))
}

// ── rendering ────────────────────────────────────────────────────────────────

const labels = {
  zh: {
    decision: "决定",
    by: "作出",
    rules: "适用的规则",
    reads: "读取参数",
    from: "生效于",
    always: "无起始日期",
    basisOf: "依据",
    finding: { error: "错误", warning: "警告", info: "说明" },
    noFindings: "通过,无发现",
    unknownRule: "(规则索引中没有此规则)",
    basis: "法律与方案依据",
    restsOn: "所依据的事件",
    unresolved: "未在事件流中找到",
    overriddenBy: "由插件覆盖:",
    priority: "优先级",
    colon: ":"
  },
  en: {
    decision: "Decision",
    by: "by",
    rules: "Rules evaluated",
    reads: "read",
    from: "in force from",
    always: "no start date",
    basisOf: "basis",
    finding: { error: "error", warning: "warning", info: "info" },
    noFindings: "passed, no findings",
    unknownRule: "(not in the rule index)",
    basis: "Legal basis",
    restsOn: "Rests on",
    unresolved: "not found in the stream",
    overriddenBy: "overridden by plugin",
    priority: "priority",
    colon: ": "
  }
} as const

/**
 * Renders an explanation as readable multi-line text in Chinese or English.
 *
 * @since 0.1.0
 * @category rendering
 */
export const render = (explanation: Explanation, language: "zh" | "en"): string => {
  const L = labels[language]
  const x = explanation
  const lines: Array<string> = []
  const actor = `${x.event.actor.name}(${x.event.actor.organisation})`
  lines.push(
    `${L.decision} ${x.event.id} ${x.event.type} — ${x.event.at} ${L.by} ${
      language === "zh" ? actor : `${x.event.actor.name} (${x.event.actor.organisation})`
    }`
  )
  lines.push(x.summary[language])
  for (const d of x.details[language]) lines.push(`  · ${d}`)
  if (x.rules.length > 0) {
    lines.push("", `${L.rules}${L.colon}`)
    for (const r of x.rules) {
      const section = r.section === undefined ? "" : language === "zh" ? ` [${r.section}]` : ` [section ${r.section}]`
      lines.push(`- ${r.ruleId} ${r.known ? r.title[language] : L.unknownRule}${section}`)
      if (r.overriddenBy !== undefined) {
        const p = r.overriddenBy.priority === undefined ? "" : ` (${L.priority} ${r.overriddenBy.priority})`
        lines.push(`    ${L.overriddenBy} ${r.overriddenBy.plugin}${p}`)
      }
      if (r.basis.length > 0) {
        lines.push(`    ${L.basisOf}${L.colon}${r.basis.map((b) => b.citation).join(language === "zh" ? ";" : "; ")}`)
      }
      for (const read of r.reads) {
        const title = read.title === undefined ? "" : language === "zh" ? `(${read.title.zh})` : ` (${read.title.en})`
        const from = read.effectiveFrom === undefined ? L.always : `${L.from} ${read.effectiveFrom}`
        lines.push(`    ${L.reads} ${read.name}${title} = ${read.value}  [${from}; ${L.basisOf} ${read.basis}]`)
      }
      if (r.findings.length === 0) lines.push(`    ${L.noFindings}`)
      for (const f of r.findings) lines.push(`    ${L.finding[f.severity]} ${f.path}${L.colon}${f[language]}`)
    }
  }
  if (x.basis.length > 0) {
    lines.push("", `${L.basis}${L.colon}`)
    for (const b of x.basis) lines.push(`- ${b.citation}${b.note === undefined ? "" : `${L.colon}${b.note}`}`)
  }
  if (x.restsOn.length > 0) {
    lines.push("", `${L.restsOn}${L.colon}`)
    for (const r of x.restsOn) {
      lines.push(`${"  ".repeat(r.depth - 1)}- ${r.id} ${r.type} ${r.at}${L.colon}${r.summary[language]}`)
    }
  }
  if (x.unresolved.length > 0) lines.push("", `${L.unresolved}${L.colon}${x.unresolved.join(", ")}`)
  return lines.join("\n")
}
