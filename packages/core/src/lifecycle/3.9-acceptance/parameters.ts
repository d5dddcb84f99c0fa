// 三(九) parameters: the rectification period and the experts of an acceptance.
// Names are the tree's paths (`acceptance.rectificationDays` …); a parameter's section is the group's unless it says
// otherwise.
import { plan } from "../../kernel/LegalBasis.js"
import * as Param from "../../rules/internal/parameterSchemas.js"
import { param, section } from "../../rules/ParameterSet.js"
import { noNational } from "../internal/parameters.js"

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
    })
  }
})
