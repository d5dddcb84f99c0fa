// 三(二) parameters: the plan's year, city, province and documents, its schedule, the service area.
// Names are the tree's paths (`plan.fiscalYear` …); a parameter's section is the group's unless it says otherwise.
import * as Schema from "effect/Schema"
import { plan } from "../../kernel/LegalBasis.js"
import * as Param from "../../rules/internal/parameterSchemas.js"
import { param, section } from "../../rules/ParameterSet.js"
import { noNational } from "../internal/parameters.js"

export const parameters = section("总则", {
  plan: {
    fiscalYear: param({
      title: { zh: "项目年度", en: "Fiscal year" },
      unit: "year",
      description: noNational("实施方案所属年度 (x年度)"),
      schema: Param.Year,
      basis: plan("总则", "x年度x市工伤预防项目")
    }),
    city: param({
      title: { zh: "城市", en: "City" },
      unit: "text",
      description: "实施方案所属的统筹地区城市名称 (x市)",
      schema: Param.NonEmptyText,
      basis: plan("总则")
    }),
    province: param({
      title: { zh: "省(自治区)", en: "Province or region" },
      unit: "text",
      description: "城市所在的省级行政区,用于引用省级文件 (x自治区)",
      schema: Param.NonEmptyText,
      basis: plan("总则"),
      optional: true
    }),
    provincialDocuments: param({
      title: { zh: "依据的省级文件", en: "Provincial documents relied on" },
      unit: "list",
      description: "方案开头引用的省级五年行动计划、工伤预防费使用管理办法等文件的名称和文号",
      schema: Schema.Array(Param.NonEmptyText),
      basis: plan("总则"),
      default: { value: [], basis: plan("总则") }
    }),
    hazchemCityDocument: param({
      title: { zh: "危化培训工程市级文件", en: "City document on the hazardous-chemicals training programme" },
      unit: "text",
      section: "四(二)",
      description: "市人社局、市应急管理局关于危险化学品企业工伤预防能力提升工程实施方案的通知文号 (x人社函〔x〕x号)",
      schema: Param.NonEmptyText,
      basis: plan("四(二)"),
      optional: true,
      subProject: "hazchem"
    }),
    schedule: param({
      title: { zh: "各步骤计划时间", en: "Planned month of each step" },
      unit: "record",
      section: "三",
      description: "三(一)至三(九)各步骤括注的计划年月 (x年x月 或 x月-x月)",
      schema: Param.Schedule,
      basis: plan("三"),
      optional: true
    })
  },
  project: {
    serviceArea: param({
      title: { zh: "服务范围", en: "Service area" },
      unit: "text",
      section: "五(三)",
      description: "服务范围,通常为本市 (x市)",
      schema: Param.NonEmptyText,
      basis: plan("五(三)"),
      optional: true
    })
  }
})
