// 三(三) parameters: the budget, its breakdown and the fee cap (六(一)).
// Names are the tree's paths (`budget.total` …); a parameter's section is the group's unless it says otherwise.
import * as Schema from "effect/Schema"
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import * as WrittenAmount from "../../kernel/WrittenAmount.js"
import * as Param from "../../rules/internal/parameterSchemas.js"
import * as NationalBound from "../../rules/NationalBound.js"
import { param, section } from "../../rules/ParameterSet.js"
import { noNational } from "../internal/parameters.js"
import { SubProject } from "../internal/schemas.js"

/** A line of the fee breakdown submitted for review. */
const BreakdownLine = Schema.Struct({
  subProject: SubProject,
  item: Param.NonEmptyText,
  category: Schema.Literal("publicity", "training", "expert-fee", "other"),
  fundingSource: Schema.Literal("prevention-fee", "agency-budget"),
  amount: Money.Yuan
})

export const parameters = section("三(三)", {
  budget: {
    total: param({
      title: { zh: "项目总预算", en: "Total budget" },
      unit: "wan-yuan",
      description: noNational("年度工伤预防项目预算 (x万元)"),
      schema: WrittenAmount.schema("wan-yuan"),
      basis: plan("三(三)", "x年x市工伤预防项目预算x万元")
    }),
    hazchem: param({
      title: { zh: "危化企业能力提升培训项目预算", en: "Budget: hazardous-chemicals training sub-project" },
      unit: "wan-yuan",
      description: noNational("危险化学品企业工伤预防能力提升培训项目预算 (x万元)"),
      schema: WrittenAmount.schema("wan-yuan"),
      basis: plan("六(一)"),
      subProject: "hazchem"
    }),
    keyAreas: param({
      title: { zh: "其他重点领域培训宣传项目预算", en: "Budget: other key areas training and publicity sub-project" },
      unit: "wan-yuan",
      description: noNational("其他重点领域工伤预防培训宣传项目预算 (x万元)"),
      schema: WrittenAmount.schema("wan-yuan"),
      basis: plan("六(一)"),
      subProject: "keyAreas"
    }),
    breakdown: param({
      title: { zh: "费用构成明细", en: "Fee breakdown" },
      unit: "list",
      description: "报财政审核的工伤预防费用构成明细:子项目、费用项、类别(宣传/培训/专家劳务/其他)、资金来源和金额(元)",
      schema: Schema.Array(BreakdownLine),
      basis: plan("三(三)"),
      default: { value: [], basis: plan("三(三)") }
    })
  },
  fund: {
    priorYearContributionRevenue: param({
      title: { zh: "上年度工伤保险基金征缴收入", en: "Prior-year work-injury fund contribution revenue" },
      unit: "wan-yuan",
      section: "六(一)",
      description: "统筹地区上年度工伤保险基金征缴收入,工伤预防费上限的基数",
      schema: WrittenAmount.schema("wan-yuan"),
      basis: national(`${texts.feeMeasures} 第五条`)
    }),
    feeCapPercent: param({
      title: { zh: "工伤预防费使用上限比例", en: "Fee cap (% of prior-year contributions)" },
      unit: "percent",
      section: "六(一)",
      description:
        "工伤预防费使用原则上不得超过上年度工伤保险基金征缴收入的3%;提高须经省级人社和财政部门同意(见 fund.provincialCapApproval)。本市比例为3%时以批准的比例为上限,低于或高于3%时取本市比例与批准比例中较低者",
      schema: Param.Percent,
      basis: national(`${texts.feeMeasures} 第五条`),
      default: { value: "3", basis: national(`${texts.feeMeasures} 第五条`, "原则上不得超过3%") },
      bound: NationalBound.atMost(3, national(`${texts.feeMeasures} 第五条`, "原则上不得超过3%"), {
        parameter: "fund.provincialCapApproval",
        by: { zh: "省级人力资源社会保障部门和财政部门", en: "the provincial human-resources and finance departments" },
        covers: (value, approval: { readonly capPercent: Money.Decimal }) =>
          new Money.Decimal(value as Money.Decimal).lte(approval.capPercent)
      })
    }),
    provincialCapApproval: param({
      title: { zh: "省级提高上限的批准", en: "Provincial approval raising the cap" },
      unit: "record",
      section: "六(一)",
      description: "省级人力资源社会保障部门和财政部门同意适当提高上限的文件、日期和批准的比例",
      schema: Param.CapApproval,
      basis: national(`${texts.feeMeasures} 第五条`, "经省级人社和财政部门同意,可以适当提高"),
      optional: true
    })
  }
})
