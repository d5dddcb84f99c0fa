// 三(二) parameters: the plan's year, city, province and documents, its schedule, the service area.
// The committee's member units (七(一)): the seed's eight by default, a city's own list in its file.
// Names are the tree's paths (`plan.fiscalYear` …); a parameter's section is the group's unless it says otherwise.
import * as Schema from "effect/Schema"
import { MemberUnit, memberUnitNames, SeedMemberUnit } from "../../kernel/Actor.js"
import { bilingual } from "../../kernel/InputError.js"
import { plan } from "../../kernel/LegalBasis.js"
import * as Param from "../../rules/internal/parameterSchemas.js"
import { param, section } from "../../rules/ParameterSet.js"
import { noNational } from "../internal/parameters.js"

/** One member unit: its id (the `unit` of its actors) and its Chinese name. */
const MemberUnitEntry = Schema.Struct({ id: MemberUnit, name: Param.NonEmptyText })

const MemberUnitList = Schema.Array(MemberUnitEntry).pipe(
  Schema.filter((a) => a.length > 0, bilingual("至少需要一个成员单位", "needs at least one member unit")),
  Schema.filter(
    (a: ReadonlyArray<typeof MemberUnitEntry.Type>) => new Set(a.map((u) => u.id)).size === a.length,
    bilingual("成员单位标识不能重复", "a member unit's id must not repeat")
  )
)

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
  committee: {
    memberUnits: param({
      title: { zh: "委员会成员单位", en: "Member units of the committee" },
      unit: "list",
      section: "七(一)",
      description:
        "市工伤预防委员会的成员单位(标识和中文名称);方案印发前须征求每个成员单位的意见,未列明的单位不能提出成员单位意见",
      schema: MemberUnitList,
      basis: plan("七(一)", "人社、工信、财政、应急、卫健、住建、交通、工会"),
      default: {
        value: SeedMemberUnit.literals.map((id: SeedMemberUnit) => ({ id, name: memberUnitNames[id] })),
        basis: plan("七(一)", "人社、工信、财政、应急、卫健、住建、交通、工会")
      }
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
