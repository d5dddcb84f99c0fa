// 三(六) parameters: the signing period, the service period (五(二)), the advance and balance (六(二)).
// Names are the tree's paths (`project.periodMonths` …); a parameter's section is the group's unless it says otherwise.
import * as Schema from "effect/Schema"
import { LegalBasis, national, plan, texts } from "../../kernel/LegalBasis.js"
import * as Param from "../../rules/internal/parameterSchemas.js"
import * as NationalBound from "../../rules/NationalBound.js"
import { param, section } from "../../rules/ParameterSet.js"
import { noNational } from "../internal/parameters.js"

export const parameters = section("六(二)", {
  project: {
    periodMonths: param({
      title: { zh: "项目周期(月)", en: "Project period (months)" },
      unit: "months",
      section: "五(一)(二)",
      description: noNational("自合同签订之日起完成全部服务工作的月数 (x个月)"),
      schema: Param.PositiveInt,
      basis: plan("五(二)", "自合同签订之日起,x个月内完成各子项目的全部服务工作")
    })
  },
  payment: {
    advancePercent: param({
      title: { zh: "预付款比例", en: "Advance payment (% of contract)" },
      unit: "percent",
      description: noNational("合同签订后先行支付项目总额x%的预付款"),
      schema: Param.Percent,
      basis: plan("六(二)")
    }),
    balancePercent: param({
      title: { zh: "余款比例", en: "Balance payment (% of contract)" },
      unit: "percent",
      description: noNational("验收合格后再行支付项目总额x%的余款;与预付款比例合计须为100%"),
      schema: Param.Percent,
      basis: plan("六(二)")
    }),
    dueDays: param({
      title: { zh: "验收后付款期限", en: "Payment deadline after acceptance" },
      unit: "days",
      description:
        "合同未约定付款期限时,以验收为付款条件的,自验收合格之日起的付款期限;法定为30日,本市可更短(合同约定的期限见 payment.maxAgreedDays,最长60日)",
      schema: Param.PositiveInt,
      basis: national(`${texts.smePayment} 第九条、第十条`),
      default: {
        value: 30,
        basis: national(`${texts.smePayment} 第九条`, "自货物、工程、服务交付(验收)之日起30日内支付")
      },
      // the term when the contract agrees none (an agreed one is SignContract.paymentTermDays, capped by
      // payment.maxAgreedDays): 第九条 fixes it at 30 days, so a city may shorten it, never lengthen it
      bound: NationalBound.atMost(30, national(`${texts.smePayment} 第九条`, "自交付(验收)之日起30日内支付款项"))
    }),
    maxAgreedDays: param({
      title: { zh: "合同约定付款期限的上限", en: "Longest payment term a contract may agree" },
      unit: "days",
      description:
        "合同可约定自验收合格之日起的付款期限,最长不得超过60日;本市可规定更短的上限。未约定的按 payment.dueDays 计",
      schema: Param.PositiveInt,
      basis: national(`${texts.smePayment} 第九条`),
      default: {
        value: 60,
        basis: national(`${texts.smePayment} 第九条`, "合同另有约定的,付款期限最长不得超过60日")
      },
      bound: NationalBound.atMost(60, national(`${texts.smePayment} 第九条`, "合同另有约定的,付款期限最长不得超过60日"))
    }),
    dueDaysUnit: param({
      title: { zh: "付款期限计算方式", en: "How the payment deadline is counted" },
      unit: "choice",
      description: "付款期限按自然日还是工作日计算",
      schema: Param.DayUnit,
      basis: national(`${texts.smePayment} 第九条`),
      default: { value: "calendar-days", basis: national(`${texts.smePayment} 第九条`, "以日计") },
      bound: NationalBound.equals(
        "calendar-days",
        national(`${texts.smePayment} 第九条`, "付款期限以日计,按工作日计算会延长期限")
      )
    }),
    lprOneYear: param({
      title: { zh: "一年期贷款市场报价利率(LPR)", en: "One-year loan prime rate (LPR)" },
      unit: "percent",
      description:
        "全国银行间同业拆借中心公布的一年期贷款市场报价利率;合同约定的逾期利率不得低于合同订立时的该利率。按公布日期记为分段取值,城市参数文件可补充新的公布值;默认值自2025年5月20日起适用,此前订立的合同须由参数文件给出当时的利率",
      schema: Param.Percent,
      basis: national(`${texts.smePayment} 第十七条`, "约定利率不得低于合同订立时1年期贷款市场报价利率"),
      // the rate in force from its publication on; a contract signed earlier needs the rate of its day from the city
      default: {
        value: "3.0",
        from: "2025-05-20",
        basis: new LegalBasis({
          level: "national",
          citation: "全国银行间同业拆借中心 贷款市场报价利率公告",
          note: "2025年5月20日起一年期LPR为3.0%;此后的公布值由参数文件按日期补充"
        })
      }
    }),
    lateDailyPercent: param({
      title: { zh: "未约定时的逾期利息日利率", en: "Daily late-payment interest without an agreed rate" },
      unit: "percent",
      description: "未约定逾期利率的,按照每日利率万分之五(0.05%)支付逾期利息",
      schema: Param.Percent,
      basis: national(`${texts.smePayment} 第十七条`),
      default: { value: "0.05", basis: national(`${texts.smePayment} 第十七条`, "每日利率万分之五") },
      bound: NationalBound.atLeast("0.05", national(`${texts.smePayment} 第十七条`, "每日利率万分之五"))
    }),
    interestDayBasis: param({
      title: { zh: "约定年利率折算日利率的天数", en: "Days per year for an agreed annual rate" },
      unit: "days",
      description:
        "合同约定年利率的,逾期利息按年利率 ÷ 该天数 × 逾期天数计算;条例未规定折算天数,可取360、365或366日,默认365日",
      schema: Schema.Literal(360, 365, 366),
      basis: national(`${texts.smePayment} 第十七条`),
      default: { value: 365, basis: new LegalBasis({ level: "gsyf", citation: "gsyf 约定", note: "按一年365日折算" }) }
    }),
    interestRounding: param({
      title: { zh: "逾期利息舍入方式", en: "Rounding of late-payment interest" },
      unit: "choice",
      description: "逾期利息按本金、利率和天数一次计算后精确到分的舍入方式",
      schema: Param.RoundingMode,
      basis: national(`${texts.smePayment} 第十七条`),
      default: {
        value: "half-up",
        basis: new LegalBasis({ level: "gsyf", citation: "gsyf 约定", note: "四舍五入到分" })
      }
    }),
    rounding: param({
      title: { zh: "预付款舍入方式", en: "Rounding of the advance payment" },
      unit: "choice",
      description: "预付款按比例计算后精确到分的舍入方式;余款取合同金额减已付金额,吸收舍入差",
      schema: Param.RoundingMode,
      basis: plan("六(二)"),
      default: {
        value: "half-up",
        basis: new LegalBasis({ level: "gsyf", citation: "gsyf 约定", note: "四舍五入到分" })
      }
    })
  },
  contract: {
    signWithinDays: param({
      title: { zh: "成交通知后签订合同期限", en: "Days to sign the contract after the award notice" },
      unit: "calendar-days",
      section: "三(六)",
      description: "自中标、成交通知书发出之日起三十日内签订政府采购合同",
      schema: Param.PositiveInt,
      basis: national(`${texts.procurementLaw} 第四十六条`),
      default: { value: 30, basis: national(`${texts.procurementLaw} 第四十六条`) },
      bound: NationalBound.atMost(30, national(`${texts.procurementLaw} 第四十六条`, "三十日内签订"))
    }),
    supplementCapPercent: param({
      title: { zh: "补充合同累计金额上限比例", en: "Supplementary contracts: cap (% of the original)" },
      unit: "percent",
      section: "三(六)",
      description: "追加与合同标的相同的服务的,所有补充合同的采购金额不得超过原合同采购金额的10%",
      schema: Param.Percent,
      basis: national(`${texts.procurementLaw} 第四十九条`),
      default: { value: "10", basis: national(`${texts.procurementLaw} 第四十九条`) },
      bound: NationalBound.atMost(
        10,
        national(`${texts.procurementLaw} 第四十九条`, "不得超过原合同采购金额的百分之十")
      )
    }),
    terminationAfterFailedAcceptances: param({
      title: { zh: "可解除合同的验收不合格次数", en: "Failed acceptances before the contract may be terminated" },
      unit: "count",
      section: "三(九)",
      description:
        "验收不合格、经督促整改后再次验收仍不合格的,可以解除合同;达到该次数后方可解除(国家未规定次数,默认整改后仍不合格即第2次不合格)",
      schema: Param.PositiveInt,
      basis: national(`${texts.civilCode} 第五百六十三条`, "经催告后在合理期限内仍未履行的,可以解除合同"),
      default: {
        value: 2,
        basis: new LegalBasis({ level: "gsyf", citation: "gsyf 约定", note: "首次不合格整改后再次验收仍不合格" })
      }
    }),
    publishWithinWorkingDays: param({
      title: { zh: "合同公告期限(工作日)", en: "Working days to publish the contract" },
      unit: "working-days",
      section: "三(六)",
      description: "采购人应当自政府采购合同签订之日起2个工作日内,将合同在指定媒体上公告",
      schema: Param.PositiveInt,
      basis: national(`${texts.procurementRegulation} 第五十条`),
      default: { value: 2, basis: national(`${texts.procurementRegulation} 第五十条`) },
      bound: NationalBound.atMost(2, national(`${texts.procurementRegulation} 第五十条`, "2个工作日内公告"))
    }),
    fileWithinWorkingDays: param({
      title: { zh: "合同备案期限(工作日)", en: "Working days to file a copy of the contract" },
      unit: "working-days",
      section: "三(六)",
      description: "政府采购合同自签订之日起7个工作日内,采购人应当将合同副本报同级政府采购监督管理部门备案",
      schema: Param.PositiveInt,
      basis: national(`${texts.procurementLaw} 第四十七条`),
      default: { value: 7, basis: national(`${texts.procurementLaw} 第四十七条`) },
      bound: NationalBound.atMost(7, national(`${texts.procurementLaw} 第四十七条`, "7个工作日内备案"))
    })
  }
})
