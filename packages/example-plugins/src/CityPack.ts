/**
 * An example city pack: what a city adds on top of the plan.
 *
 * - a deliverable type, 工伤预防知识竞赛 (knowledge contests), with its quota
 *   item `knowledge-contests` and parameter `quota.knowledgeContests`
 *   (default 2 contests; knowledge contests are among the publicity items
 *   provinces list, e.g. 浙江's 2023 办法);
 * - a procurement method, 竞争性谈判 (`competitive-negotiation`), one of the
 *   methods of 《政府采购法》 第二十六条 that gsyf does not ship, with its own
 *   award path (第三十八条: at least three suppliers, the lowest quote that
 *   meets the requirements wins);
 * - an override of `acceptance.expert-panel` with an explicit priority: the
 *   national minimum number of experts, and in addition an odd number so a
 *   split panel always has a majority;
 * - the monthly briefing due on the 10th (`supervision.briefingDueDay`);
 * - a subscriber to committed events that keeps notifications in memory
 *   (read them with `notifications()`).
 *
 * It supplies no calendar year: holidays come only from the State Council's
 * notices (`@gsyf/calendar-cn`), never from a plugin's guess.
 *
 * @since 0.1.0
 */
import {
  Acceptance,
  type Config,
  Guard,
  InputError,
  LegalBasis,
  Lifecycle,
  Money,
  type Parameter,
  Plugin,
  Rule
} from "@gsyf/core"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"

/**
 * The city's own decision the pack's values rest on.
 *
 * @since 0.1.0
 * @category constants
 */
export const cityBasis = (what: string, note?: string): LegalBasis.LegalBasis =>
  new LegalBasis.LegalBasis({
    level: "city",
    citation: `示例市工伤预防项目管理细则 ${what}`,
    ...(note === undefined ? {} : { note })
  })

const Count = Schema.Number.pipe(
  Schema.filter(
    (n) => Number.isInteger(n) && n >= 0,
    InputError.bilingual("须为非负整数", "must be a whole number ≥ 0")
  )
)

/** A typed definition, widened to what `Plugin.Contents` takes (Schema is invariant in its type). */
const widen = <A>(d: Parameter.Definition<A>): Parameter.Definition => d as unknown as Parameter.Definition

/**
 * The parameter counting the knowledge contests the plan requires.
 *
 * @since 0.1.0
 * @category constants
 */
export const knowledgeContestsParameter: Parameter.Definition = widen({
  name: "quota.knowledgeContests",
  title: { zh: "工伤预防知识竞赛场次", en: "Work-injury prevention knowledge contests" },
  unit: "count",
  section: "四(二)",
  description: "其他重点领域项目中组织工伤预防知识竞赛的场次(示例市增设的宣传形式)",
  schema: Count,
  basis: cityBasis("第四条", "增设工伤预防知识竞赛"),
  default: { value: 2, basis: cityBasis("第四条", "每年不少于2场") },
  subProject: "keyAreas"
})

/**
 * The knowledge-contest deliverable type and its quota item (evidence:
 * `{ _tag: "custom", customType: "knowledge-contest", count }`).
 *
 * @since 0.1.0
 * @category constants
 */
export const knowledgeContest: Plugin.DeliverableType = {
  id: "knowledge-contest",
  title: { zh: "工伤预防知识竞赛", en: "Knowledge contest" },
  quota: {
    id: "knowledge-contests",
    title: { zh: "工伤预防知识竞赛场次", en: "Knowledge contests held" },
    section: "四(二)",
    basis: cityBasis("第四条", "增设工伤预防知识竞赛"),
    subProject: "keyAreas",
    parameter: "quota.knowledgeContests",
    unit: "场"
  }
}

/**
 * 竞争性谈判 (competitive negotiation), 《政府采购法》 第二十六条、第三十条 and 第三十八条.
 *
 * @since 0.2.0
 * @category constants
 */
export const negotiation: Plugin.ProcurementMethod = {
  id: "competitive-negotiation",
  title: { zh: "竞争性谈判", en: "Competitive negotiation" },
  basis: [
    LegalBasis.national("《政府采购法》 第二十六条", "政府采购采用的方式之一:竞争性谈判"),
    LegalBasis.national(
      "《政府采购法》 第三十八条",
      "谈判小组从符合相应资格条件的供应商名单中确定不少于三家的供应商参加谈判,根据符合采购需求、质量和服务相等且报价最低的原则确定成交供应商"
    )
  ],
  award: (context) => lowestQuote(context)
}

const negotiationFindings = Rule.findings("procurement.negotiation.min-suppliers")

/**
 * The award of a competitive negotiation (《政府采购法》 第三十八条): at least three suppliers passed the review, and
 * the lowest quote wins; equal quotes go to the one registered first.
 *
 * @since 0.2.0
 * @category procurement
 */
export const lowestQuote = (
  { input, procurement }: Config.AwardContext
): Either.Either<Config.AwardResult, Lifecycle.Rejection> => {
  const bids = procurement.bids.filter((b) => b.rejected === undefined)
  if (bids.length < 3) {
    return Either.left(
      new Lifecycle.RuleViolation({
        command: input.command._tag,
        findings: [
          negotiationFindings.error(
            "bids",
            `竞争性谈判须有不少于三家合格供应商报价,现有 ${bids.length} 家`,
            `a competitive negotiation needs at least three qualified quotes; there are ${bids.length}`,
            "≥ 3",
            String(bids.length)
          )
        ]
      })
    )
  }
  const ranked = [...bids].sort((a, b) => Money.compare(a.quote, b.quote) || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
  const ties = ranked.filter((b) => Money.equals(b.quote, ranked[0]!.quote))
  const winner = ranked[0]!
  return Either.right({
    supplierId: winner.supplierId,
    supplierName: winner.supplierName,
    value: winner.quote,
    ranking: ranked.map((b, i) => ({
      rank: i + 1,
      supplierId: b.supplierId,
      supplierName: b.supplierName,
      quote: b.quote,
      nonPriceScore: "—",
      total: "—"
    })),
    tieBreaks: ties.length > 1 ? [`报价相同的 ${ties.length} 家中,${winner.supplierName} 最先递交响应`] : [],
    reasons: [`${winner.supplierName} 报价 ${Money.format(winner.quote)},为最低报价`],
    basis: negotiation.basis,
    evaluations: []
  })
}

/**
 * `acceptance.expert-panel`, stricter: at least `acceptance.minExperts`
 * experts (the shipped rule) and an odd number of them.
 *
 * Basis: 实施方案 三(九) (an expert evaluation) and the city's rules of procedure
 * (an odd panel so that a vote always has a majority).
 *
 * @since 0.1.0
 * @category rules
 */
export const oddExpertPanel = Rule.make<Acceptance.AcceptanceInput>({
  ...Acceptance.expertPanel,
  title: { zh: "验收专家不少于规定人数且为单数", en: "Enough acceptance experts, an odd number" },
  basis: [...Acceptance.expertPanel.basis, cityBasis("第九条", "验收专家组人数为单数")],
  description: "评估验收的专家人数不少于参数规定的最少人数,且为单数(示例市细则)。",
  evaluate: (input, p) => {
    const base = Acceptance.expertPanel.evaluate(input, p)
    if (input.stage !== "evaluation" || input.experts % 2 === 1) return base
    return [
      ...base,
      Rule.findings("acceptance.expert-panel").error(
        "experts",
        `验收专家 ${input.experts} 人,应为单数`,
        `${input.experts} acceptance experts; the city requires an odd number`,
        "odd",
        String(input.experts)
      )
    ]
  }
})

/**
 * A notification kept by the pack's subscriber.
 *
 * @since 0.1.0
 * @category models
 */
export interface Notification {
  readonly streamId: string
  readonly position: number
  readonly type: string
  readonly zh: string
  readonly en: string
}

const describeEvent = (type: string, data: Record<string, unknown>): { zh: string; en: string } | undefined => {
  const sub = typeof data.subProject === "string" ? data.subProject : undefined
  const where = sub === undefined ? "" : `(${sub})`
  switch (type) {
    case "PublicityStarted":
      return {
        zh: `采购需求公示开始${where},至 ${String(data.endsOn)} 止`,
        en: `requirement publicity started${where}, ends ${String(data.endsOn)}`
      }
    case "Awarded":
      return {
        zh: `确定成交供应商${where}:${String(data.supplierName)}`,
        en: `awarded${where} to ${String(data.supplierName)}`
      }
    case "ContractSigned":
      return {
        zh: `合同已签订${where}:${String(data.contractId)}`,
        en: `contract signed${where}: ${String(data.contractId)}`
      }
    case "PaymentMade":
      return {
        zh: `已付款${where}:${String(data.kind)} ${String(data.amount)} 元`,
        en: `paid${where}: ${String(data.kind)} ¥${String(data.amount)}`
      }
    case "MonthlyBriefingSubmitted":
      return data.late === true
        ? {
          zh: `月度简报迟报${where}:${String(data.month)}`,
          en: `late monthly briefing${where}: ${String(data.month)}`
        }
        : undefined
    case "AcceptanceFailed": {
      const r = data.rectification as { deadline?: unknown } | undefined
      return {
        zh: `验收不合格${where},整改期限 ${String(r?.deadline)}`,
        en: `acceptance failed${where}; rectify by ${String(r?.deadline)}`
      }
    }
    case "AcceptancePassed":
      return {
        zh: `验收合格${where},余款 ${String(data.dueDate)} 前支付`,
        en: `acceptance passed${where}; balance due by ${String(data.dueDate)}`
      }
    case "AcceptanceReportFiled":
      return {
        zh: `验收报告已备案${where}:${String(data.reportNumber)}`,
        en: `acceptance report filed${where}: ${String(data.reportNumber)}`
      }
    default:
      return undefined
  }
}

/**
 * The city's own signing period (days after the award notice), stricter than the national 30 days.
 *
 * @since 0.2.0
 * @category constants
 */
export const signWithinDaysParameter: Parameter.Definition = widen({
  name: "city.contractSignWithinDays",
  title: { zh: "本市合同签订期限(日)", en: "City contract signing period (days)" },
  unit: "calendar-days",
  section: "三(六)",
  description: "本市要求成交通知发出后签订合同的日数;只能比《政府采购法》第四十六条的30日更短,更长时仍按全国期限",
  schema: Count,
  basis: cityBasis("第六条", "成交通知发出之日起20日内签订合同"),
  default: { value: 20, basis: cityBasis("第六条") }
})

// #region stricter-signing
/**
 * `contract.sign-within`, stricter: the contract is due within the city's period
 * (`city.contractSignWithinDays`) or the national one (`contract.signWithinDays`), whichever is shorter, counted
 * from the award notice on the calendar (民法典 第二百零一条至第二百零三条). A city may be stricter than the
 * national bound, never looser.
 *
 * @since 0.2.0
 * @category rules
 */
export const stricterSigning: Guard.Guard<"SignContract"> = Guard.check<"SignContract">({
  id: "contract.sign-within",
  title: { zh: "按本市期限签订合同", en: "Sign within the city's period" },
  section: "三(六)",
  basis: [cityBasis("第六条", "成交通知发出之日起20日内签订合同"), LegalBasis.national("《政府采购法》 第四十六条")],
  description: "合同须在本市规定的日数与全国30日中较短者内签订,自成交通知发出之日起按日历计算。",
  reads: ["city.contractSignWithinDays", "contract.signWithinDays"]
}, ({ command, state, on, config }, f, p) => {
  const award = state.subProjects[command.subProject].award!
  const days = Math.min(p.read<number>("city.contractSignWithinDays"), p.read<number>("contract.signWithinDays"))
  const due = config.calendar.periodEnd(award.awardedOn, days, "calendar-days")
  if (Either.isLeft(due)) return [f.error("at", due.left.message, due.left.message)]
  return on <= due.right ? [] : [
    f.error(
      "at",
      `应在成交通知后${days}日内(${due.right} 前)签订合同`,
      `the contract was due within ${days} days of the award (by ${due.right})`,
      `≤ ${due.right}`,
      on
    )
  ]
})
// #endregion stricter-signing

/**
 * A plugin that holds contracts to the city's stricter signing period: it adds `city.contractSignWithinDays`
 * (default 20 days) and overrides `contract.sign-within` at `SignContract` with {@link stricterSigning}.
 *
 * @since 0.2.0
 * @category constructors
 */
export const signingPeriod = (options: { readonly days?: number; readonly priority?: number } = {}): Plugin.Plugin =>
  Plugin.make(
    { name: "example-city-signing-period", version: "0.2.0", description: "示例市合同签订期限:成交通知后20日内" },
    {
      parameters: {
        definitions: [signWithinDaysParameter],
        values: options.days === undefined ? {} : { "city.contractSignWithinDays": options.days },
        basis: cityBasis("第六条")
      },
      overrides: [{ command: "SignContract", priority: options.priority ?? 10, rule: stricterSigning }]
    }
  )

/**
 * The city pack: a plugin that also exposes the notifications its subscriber kept.
 *
 * @since 0.1.0
 * @category models
 */
export interface CityPack extends Plugin.Plugin {
  /** Notifications kept so far, in the order the events were committed. */
  readonly notifications: () => ReadonlyArray<Notification>
  /** Forgets the kept notifications. */
  readonly clear: () => void
}

/**
 * Options of {@link make}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Priority of the `acceptance.expert-panel` override (default 10). */
  readonly priority?: number | undefined
  /** Day of the month the briefing is due (default 10). */
  readonly briefingDueDay?: number | undefined
}

/**
 * Builds the pack with its own notification inbox.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): CityPack => {
  const inbox: Array<Notification> = []
  const plugin = Plugin.make(
    {
      name: "example-city-pack",
      version: "0.1.0",
      description: "示例市工伤预防项目规则包:知识竞赛、询价、验收专家单数、简报报送日、事件通知"
    },
    {
      parameters: {
        definitions: [knowledgeContestsParameter],
        values: { "supervision.briefingDueDay": options.briefingDueDay ?? 10 },
        basis: cityBasis("第八条", "服务机构每月10日前报送月度计划及进展简报")
      },
      overrides: [{ stage: "acceptanceGuard", priority: options.priority ?? 10, rule: oddExpertPanel }],
      deliverableTypes: [knowledgeContest],
      procurementMethods: [negotiation],
      onEvent: (event) => {
        const data = (event.data ?? {}) as Record<string, unknown>
        const text = describeEvent(event.type, data)
        if (text !== undefined) {
          inbox.push({ streamId: event.streamId, position: event.position, type: event.type, ...text })
        }
      }
    }
  )
  return { ...plugin, notifications: () => [...inbox], clear: () => void inbox.splice(0, inbox.length) }
}
