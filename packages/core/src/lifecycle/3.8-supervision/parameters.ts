// 三(八) parameters: the monthly briefing's due day.
// Names are the tree's paths (`supervision.briefingDueDay` …); a parameter's section is the group's unless it says
// otherwise.
import { plan } from "../../kernel/LegalBasis.js"
import * as Param from "../../rules/internal/parameterSchemas.js"
import { param, section } from "../../rules/ParameterSet.js"
import { noNational } from "../internal/parameters.js"

export const parameters = section("三(八)", {
  supervision: {
    briefingDueDay: param({
      title: { zh: "月度简报报送日", en: "Monthly briefing due day" },
      unit: "day-of-month",
      description: noNational("服务机构每月向经办机构提交月度计划及进展简报的截止日(每月x日前)"),
      schema: Param.DayOfMonth,
      basis: plan("三(八)")
    })
  }
})
