// 三(九) parameters: the rectification period and the experts of an acceptance.
// Names are the tree's paths (`acceptance.rectificationDays` …); a parameter's section is the group's unless it says
// otherwise.
import * as Schema from "effect/Schema"
import { plan } from "../../kernel/LegalBasis.js"
import * as Param from "../../rules/internal/parameterSchemas.js"
import { param, section } from "../../rules/ParameterSet.js"
import { noNational } from "../internal/parameters.js"
import * as PerformanceTarget from "./PerformanceTarget.js"

export const parameters = section("三(九)", {
  acceptance: {
    rectificationDays: param({
      title: { zh: "整改期限", en: "Rectification deadline" },
      unit: "days",
      description: noNational("验收不合格的,督促整改的期限"),
      schema: Param.PositiveInt,
      basis: plan("三(九)")
    }),
    rectificationUnit: param({
      title: { zh: "整改期限计算方式", en: "Rectification deadline counted in" },
      unit: "choice",
      description: noNational("整改期限按自然日还是工作日计算"),
      schema: Param.DayUnit,
      basis: plan("三(九)")
    }),
    minExperts: param({
      title: { zh: "验收专家最少人数", en: "Minimum experts at acceptance" },
      unit: "count",
      description: noNational("经办机构组织相关专家评估验收的最少专家人数"),
      schema: Param.PositiveInt,
      basis: plan("三(九)")
    }),
    performanceTargets: param({
      title: { zh: "绩效目标", en: "Performance targets" },
      unit: "list",
      description:
        "各子项目的绩效目标:某类交付物条数或其数量合计不低于目标值,验收时按截至评估之日记录的交付物计算;未列明的不设",
      schema: Schema.Array(PerformanceTarget.Declared),
      basis: plan("三(九)", "对项目实施情况和绩效目标实现情况进行评估验收"),
      default: { value: [], basis: plan("三(九)") }
    })
  }
})
