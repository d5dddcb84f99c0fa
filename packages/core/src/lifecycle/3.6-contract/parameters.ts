// 三(六) parameters: the signing period, the service period (五(二)), the advance and balance (六(二)).
// Names are the tree's paths (`project.periodMonths` …); a parameter's section is the group's unless it says otherwise.
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
      description: "以验收为付款条件的,自验收合格之日起的付款期限;中小企业法定为30日(合同另有约定最长60日)",
      schema: Param.PositiveInt,
      basis: national(`${texts.smePayment} 第九条、第十条`),
      default: {
        value: 30,
        basis: national(`${texts.smePayment} 第九条`, "自货物、工程、服务交付(验收)之日起30日内支付")
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
    })
  }
})
