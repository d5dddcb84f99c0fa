// 三(四) parameters: the requirement publicity's length and how it is counted.
// Names are the tree's paths (`publicity.length` …); a parameter's section is the group's unless it says otherwise.
import { plan } from "../../kernel/LegalBasis.js"
import * as Param from "../../rules/internal/parameterSchemas.js"
import { param, section } from "../../rules/ParameterSet.js"
import { noNational } from "../internal/parameters.js"

export const parameters = section("三(四)", {
  publicity: {
    length: param({
      title: { zh: "采购需求公示期", en: "Procurement requirement publicity length" },
      unit: "days",
      description: noNational("对采购需求进行为期x日公示"),
      schema: Param.PositiveInt,
      basis: plan("三(四)")
    }),
    unit: param({
      title: { zh: "公示期计算方式", en: "Publicity counted in calendar or working days" },
      unit: "choice",
      description: noNational("公示期按自然日还是工作日计算"),
      schema: Param.DayUnit,
      basis: plan("三(四)")
    })
  }
})
