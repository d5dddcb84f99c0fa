// 三(五) parameters: each sub-project's method, the consultation's and the panel review's settings.
// Names are the tree's paths (`procurement.hazchem.method` …); a parameter's section is the group's unless it says
// otherwise.
import * as Schema from "effect/Schema"
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import * as Param from "../../rules/internal/parameterSchemas.js"
import * as NationalBound from "../../rules/NationalBound.js"
import { param, section } from "../../rules/ParameterSet.js"
import { noNational } from "../internal/parameters.js"

export const parameters = section("三(五)", {
  procurement: {
    periodRollover: param({
      title: { zh: "最短期限末日顺延", en: "Roll-over of a minimum period's last day" },
      unit: "choice",
      description:
        "公开招标等标期(20日)和磋商文件发出至首次响应截止(10日)这类按日计算的最短期限,末日是休息日或法定节假日的,是否顺延:calendar 按日历的顺延规则顺延,截止日不得早于顺延后的末日(民法典第二百零三条;财政部令第87号第八十五条);none 只计自然日数。全国文本对最短期限是否顺延没有明文,默认取较严的 calendar",
      schema: Schema.Literal("calendar", "none"),
      basis: national(`${texts.civilCode} 第二百零三条`),
      default: {
        value: "calendar",
        basis: national(
          `${texts.civilCode} 第二百零三条`,
          "期间的最后一日是法定休假日的,以法定休假日结束的次日为期间的最后一日"
        )
      }
    }),
    hazchem: {
      method: param({
        title: { zh: "危化培训项目采购方式", en: "Procurement method: hazardous-chemicals sub-project" },
        unit: "choice",
        description: "方案规定对危化培训项目进行分散采购,由评审小组评审打分",
        schema: Param.ProcurementMethod,
        basis: plan("三(五)"),
        default: { value: "panel-review", basis: plan("三(五)", "分散采购,评审小组打分") },
        subProject: "hazchem"
      })
    },
    keyAreas: {
      method: param({
        title: { zh: "其他重点领域项目采购方式", en: "Procurement method: key areas sub-project" },
        unit: "choice",
        description: "方案规定对其他重点领域培训宣传项目采用竞争性磋商方式",
        schema: Param.ProcurementMethod,
        basis: plan("三(五)"),
        default: { value: "competitive-consultation", basis: plan("三(五)", "采用竞争性磋商方式") },
        subProject: "keyAreas"
      })
    },
    consultation: {
      minSuppliers: param({
        title: { zh: "磋商供应商最少家数", en: "Minimum suppliers in a consultation" },
        unit: "count",
        description: "竞争性磋商邀请不少于3家符合条件的供应商",
        schema: Param.PositiveInt,
        basis: national(`${texts.consultation} 第六条`),
        default: { value: 3, basis: national(`${texts.consultation} 第六条`) },
        bound: NationalBound.atLeast(3, national(`${texts.consultation} 第六条`, "邀请不少于3家符合条件的供应商"))
      }),
      allowTwoForServices: param({
        title: { zh: "政府购买服务项目允许两家", en: "Two suppliers allowed for government-purchased services" },
        unit: "flag",
        description: "政府购买服务项目符合条件的供应商只有2家的,磋商可以继续进行",
        schema: Schema.Boolean,
        basis: national(texts.consultationServices),
        default: { value: true, basis: national(texts.consultationServices) }
      }),
      minDocumentDays: param({
        title: {
          zh: "磋商文件发出至首次提交响应文件最短日数",
          en: "Days from consultation documents to first responses"
        },
        unit: "calendar-days",
        description: "从磋商文件发出之日起至供应商提交首次响应文件截止之日止不得少于10日",
        schema: Param.PositiveInt,
        basis: national(`${texts.consultation} 第十条`),
        default: { value: 10, basis: national(`${texts.consultation} 第十条`) },
        bound: NationalBound.atLeast(10, national(`${texts.consultation} 第十条`, "不得少于10日"))
      }),
      documentSaleWorkingDays: param({
        title: { zh: "磋商文件发售期限", en: "Working days the consultation documents are on offer" },
        unit: "working-days",
        description: "磋商文件的发售期限自开始之日起不得少于5个工作日",
        schema: Param.PositiveInt,
        basis: national(`${texts.consultation} 第十条`),
        default: { value: 5, basis: national(`${texts.consultation} 第十条`) },
        bound: NationalBound.atLeast(5, national(`${texts.consultation} 第十条`, "发售期限不得少于5个工作日"))
      }),
      clarificationDays: param({
        title: {
          zh: "磋商文件澄清或修改的提前日数",
          en: "Days before the deadline a consultation clarification is due"
        },
        unit: "calendar-days",
        description:
          "澄清或者修改的内容可能影响响应文件编制的,应当在提交首次响应文件截止时间至少5日前通知;不足5日的,顺延提交首次响应文件截止时间",
        schema: Param.PositiveInt,
        basis: national(`${texts.consultation} 第十条`),
        default: { value: 5, basis: national(`${texts.consultation} 第十条`) },
        bound: NationalBound.atLeast(5, national(`${texts.consultation} 第十条`, "至少5日前"))
      }),
      minPanelSize: param({
        title: { zh: "磋商小组最少人数", en: "Minimum consultation panel size" },
        unit: "count",
        description: "磋商小组由采购人代表和评审专家共3人以上单数组成",
        schema: Param.PositiveInt,
        basis: national(`${texts.consultation} 第十四条`),
        default: { value: 3, basis: national(`${texts.consultation} 第十四条`) },
        bound: NationalBound.atLeast(3, national(`${texts.consultation} 第十四条`, "3人以上单数"))
      }),
      expertShare: param({
        title: { zh: "评审专家最低占比", en: "Minimum share of experts on the panel" },
        unit: "record",
        description: "评审专家人数不得少于磋商小组成员总数的2/3",
        schema: Param.Fraction,
        basis: national(`${texts.consultation} 第十四条`),
        default: { value: "2/3", basis: national(`${texts.consultation} 第十四条`) },
        bound: NationalBound.fractionAtLeast(
          "2/3",
          national(`${texts.consultation} 第十四条`, "评审专家不得少于成员总数的2/3")
        )
      }),
      priceWeightRange: param({
        title: { zh: "服务项目价格分值占比范围", en: "Price weight range for services" },
        unit: "record",
        description: "综合评分法中服务项目的价格分值占总分值的比重为10%至30%;超出须经本级财政部门批准",
        schema: Param.PercentRange,
        basis: national(`${texts.consultation} 第二十四条`),
        default: { value: { min: "10", max: "30" }, basis: national(`${texts.consultation} 第二十四条`) },
        bound: NationalBound.rangeWithin(
          10,
          30,
          national(`${texts.consultation} 第二十四条`, "服务项目价格分值占比10%至30%"),
          {
            parameter: "procurement.consultation.priceWeightApproval",
            by: { zh: "本级财政部门", en: "the finance department at the same level" },
            covers: (range: Param.PercentRangeType, approval: Param.PercentRangeApprovalType) =>
              range.min.gte(approval.range.min) && range.max.lte(approval.range.max)
          }
        )
      }),
      priceWeightApproval: param({
        title: { zh: "财政部门批准的价格分值占比范围", en: "Finance-department approval of a price weight range" },
        unit: "record",
        description: "服务项目价格分值占比范围超出10%至30%的,本级财政部门批准的文件、日期和批准的范围",
        schema: Param.PercentRangeApproval,
        basis: national(`${texts.consultation} 第二十四条`, "超出范围的须经本级财政部门审核同意"),
        optional: true
      }),
      priceWeight: param({
        title: { zh: "磋商价格分值占比", en: "Price weight chosen for the consultation" },
        unit: "percent",
        description: noNational("磋商文件规定的价格分值占总分值的比重"),
        schema: Param.Percent,
        basis: national(`${texts.consultation} 第二十四条`),
        subProject: "keyAreas"
      })
    },
    panelReview: {
      organisationKinds: param({
        title: { zh: "评审小组成员可来自的单位类别", en: "Organisation kinds accepted on the review panel" },
        unit: "list",
        description:
          "方案写“市应急、人社等部门工作人员或部门推荐的相关专家”:“等”字表明所列部门不是穷尽的,城市可以增列其他部门(如卫生健康、住房城乡建设)。推荐专家(recommended-expert)须注明推荐部门,推荐部门须为所列部门之一。",
        schema: Param.NonEmptyTextList,
        basis: plan("三(五)", "邀请市应急、人社等部门工作人员或部门推荐的相关专家"),
        default: {
          value: ["emergency-management", "human-resources-social-security", "recommended-expert"],
          basis: plan("三(五)", "方案列明应急、人社两个部门及其推荐的专家")
        },
        subProject: "hazchem"
      }),
      minPanelSize: param({
        title: { zh: "方案评审小组最少人数", en: "Minimum review panel size" },
        unit: "count",
        description: noNational("由应急、人社等部门工作人员或推荐专家组成的项目方案评审小组的最少人数"),
        schema: Param.PositiveInt,
        basis: plan("三(五)"),
        subProject: "hazchem"
      }),
      aggregation: param({
        title: { zh: "评审得分汇总方法", en: "How panel scores are aggregated" },
        unit: "choice",
        description: noNational(
          "评审小组成员打分的汇总方法:算术平均(mean)或去掉一个最高分和一个最低分后平均(trimmed-mean)"
        ),
        schema: Param.Aggregation,
        basis: plan("三(五)"),
        subProject: "hazchem"
      })
    },
    tender: {
      minBidDays: param({
        title: { zh: "公开招标等标期", en: "Minimum bid period for public tender" },
        unit: "calendar-days",
        description: "自招标文件开始发出之日起至投标人提交投标文件截止之日止,不得少于二十日",
        schema: Param.PositiveInt,
        basis: national(`${texts.procurementLaw} 第三十五条`),
        default: { value: 20, basis: national(`${texts.procurementLaw} 第三十五条`) },
        bound: NationalBound.atLeast(20, national(`${texts.procurementLaw} 第三十五条`, "不得少于二十日"))
      }),
      documentSaleWorkingDays: param({
        title: { zh: "招标文件提供期限", en: "Working days the tender documents are on offer" },
        unit: "working-days",
        description: "招标文件的提供期限自招标文件开始发出之日起不得少于5个工作日",
        schema: Param.PositiveInt,
        basis: national(`${texts.procurementRegulation} 第三十一条`),
        default: { value: 5, basis: national(`${texts.procurementRegulation} 第三十一条`) },
        bound: NationalBound.atLeast(5, national(`${texts.procurementRegulation} 第三十一条`, "不得少于5个工作日"))
      }),
      clarificationDays: param({
        title: { zh: "招标文件澄清或修改的提前日数", en: "Days before the deadline a tender clarification is due" },
        unit: "calendar-days",
        description: "澄清或者修改可能影响投标文件编制的,应当在投标截止时间至少15日前通知;不足15日的,顺延投标截止时间",
        schema: Param.PositiveInt,
        basis: national(`${texts.procurementRegulation} 第三十一条第二款`),
        default: { value: 15, basis: national(`${texts.procurementRegulation} 第三十一条第二款`) },
        bound: NationalBound.atLeast(15, national(`${texts.procurementRegulation} 第三十一条第二款`, "至少15日前"))
      }),
      minPanelSize: param({
        title: { zh: "评标委员会最少人数", en: "Minimum evaluation committee size" },
        unit: "count",
        description: "评标委员会由采购人代表和评审专家组成,成员人数应当为5人以上单数",
        schema: Param.PositiveInt,
        basis: national(`${texts.tenderMeasures} 第四十七条`),
        default: { value: 5, basis: national(`${texts.tenderMeasures} 第四十七条`) },
        bound: NationalBound.atLeast(5, national(`${texts.tenderMeasures} 第四十七条`, "5人以上单数"))
      }),
      expertShare: param({
        title: { zh: "评标委员会评审专家最低占比", en: "Minimum share of experts on the evaluation committee" },
        unit: "record",
        description: "评审专家不得少于评标委员会成员总数的三分之二",
        schema: Param.Fraction,
        basis: national(`${texts.tenderMeasures} 第四十七条`),
        default: { value: "2/3", basis: national(`${texts.tenderMeasures} 第四十七条`) },
        bound: NationalBound.fractionAtLeast(
          "2/3",
          national(`${texts.tenderMeasures} 第四十七条`, "不得少于成员总数的三分之二")
        )
      }),
      largePanelThreshold: param({
        title: { zh: "须7人以上评标委员会的预算金额", en: "Budget from which the committee needs 7 or more" },
        unit: "wan-yuan",
        description: "采购预算金额在1000万元以上的项目,评标委员会成员人数应当为7人以上单数",
        schema: Money.Wan,
        basis: national(`${texts.tenderMeasures} 第四十七条`),
        default: { value: 1000, basis: national(`${texts.tenderMeasures} 第四十七条`) },
        bound: NationalBound.amountAtMost(
          1000,
          national(`${texts.tenderMeasures} 第四十七条`, "采购预算金额在1000万元以上的,为7人以上单数")
        )
      }),
      largePanelSize: param({
        title: { zh: "大额项目评标委员会最少人数", en: "Minimum committee size for a large project" },
        unit: "count",
        description: "采购预算金额在1000万元以上等情形,评标委员会成员人数应当为7人以上单数",
        schema: Param.PositiveInt,
        basis: national(`${texts.tenderMeasures} 第四十七条`),
        default: { value: 7, basis: national(`${texts.tenderMeasures} 第四十七条`) },
        bound: NationalBound.atLeast(7, national(`${texts.tenderMeasures} 第四十七条`, "7人以上单数"))
      }),
      goodsPriceWeightFloor: param({
        title: { zh: "货物项目价格分值占比下限", en: "Lowest price weight for goods" },
        unit: "percent",
        description: "采用综合评分法的,货物项目的价格分值占总分值的比重不得低于30%",
        schema: Param.Percent,
        basis: national(`${texts.tenderMeasures} 第五十五条`),
        default: { value: "30", basis: national(`${texts.tenderMeasures} 第五十五条`) },
        bound: NationalBound.atLeast(30, national(`${texts.tenderMeasures} 第五十五条`, "不得低于30%"))
      }),
      servicesPriceWeightFloor: param({
        title: { zh: "服务项目价格分值占比下限", en: "Lowest price weight for services" },
        unit: "percent",
        description: "采用综合评分法的,服务项目的价格分值占总分值的比重不得低于10%",
        schema: Param.Percent,
        basis: national(`${texts.tenderMeasures} 第五十五条`),
        default: { value: "10", basis: national(`${texts.tenderMeasures} 第五十五条`) },
        bound: NationalBound.atLeast(10, national(`${texts.tenderMeasures} 第五十五条`, "不得低于10%"))
      }),
      minBidders: param({
        title: { zh: "公开招标合格投标人最少家数", en: "Minimum qualified bidders in a tender" },
        unit: "count",
        description: "符合专业条件的供应商或者对招标文件作实质响应的供应商不足三家的,应予废标",
        schema: Param.PositiveInt,
        basis: national(`${texts.procurementLaw} 第三十六条`),
        default: { value: 3, basis: national(`${texts.procurementLaw} 第三十六条`) },
        bound: NationalBound.atLeast(3, national(`${texts.procurementLaw} 第三十六条`, "不足三家的应予废标"))
      })
    },
    inquiry: {
      minSuppliers: param({
        title: { zh: "询价供应商最少家数", en: "Minimum suppliers in a request for quotations" },
        unit: "count",
        description: "询价小组从符合相应资格条件的供应商名单中确定不少于三家的供应商",
        schema: Param.PositiveInt,
        basis: national(`${texts.procurementLaw} 第四十条`),
        default: { value: 3, basis: national(`${texts.procurementLaw} 第四十条`) },
        bound: NationalBound.atLeast(3, national(`${texts.procurementLaw} 第四十条`, "不少于三家"))
      }),
      minPanelSize: param({
        title: { zh: "询价小组最少人数", en: "Minimum inquiry panel size" },
        unit: "count",
        description: "询价小组由采购人的代表和有关专家共三人以上的单数组成",
        schema: Param.PositiveInt,
        basis: national(`${texts.procurementLaw} 第四十条`),
        default: { value: 3, basis: national(`${texts.procurementLaw} 第四十条`) },
        bound: NationalBound.atLeast(3, national(`${texts.procurementLaw} 第四十条`, "三人以上的单数"))
      }),
      expertShare: param({
        title: { zh: "询价小组专家最低占比", en: "Minimum share of experts on the inquiry panel" },
        unit: "record",
        description: "询价小组中专家的人数不得少于成员总数的三分之二",
        schema: Param.Fraction,
        basis: national(`${texts.procurementLaw} 第四十条`),
        default: { value: "2/3", basis: national(`${texts.procurementLaw} 第四十条`) },
        bound: NationalBound.fractionAtLeast(
          "2/3",
          national(`${texts.procurementLaw} 第四十条`, "不得少于成员总数的三分之二")
        )
      })
    },
    singleSource: {
      publicityWorkingDays: param({
        title: { zh: "单一来源采购公示期", en: "Publicity of a single-source procurement" },
        unit: "working-days",
        description: "达到公开招标数额的货物、服务项目拟采用单一来源采购方式的,公示期不得少于5个工作日",
        schema: Param.PositiveInt,
        basis: national(`${texts.procurementRegulation} 第三十八条`),
        default: { value: 5, basis: national(`${texts.procurementRegulation} 第三十八条`) },
        bound: NationalBound.atLeast(5, national(`${texts.procurementRegulation} 第三十八条`, "不得少于5个工作日"))
      })
    },
    intention: {
      leadDays: param({
        title: { zh: "采购意向提前公开日数", en: "Days the procurement intention precedes the procurement" },
        unit: "calendar-days",
        description: "采购意向公开时间原则上不得晚于采购活动开始前30日;本市可规定更早(更多日数),不能更少",
        schema: Param.PositiveInt,
        basis: national(`${texts.intentionNotice} 三`),
        default: { value: 30, basis: national(`${texts.intentionNotice} 三`, "原则上不得晚于采购活动开始前30日") },
        bound: NationalBound.atLeast(30, national(`${texts.intentionNotice} 三`, "不得晚于采购活动开始前30日"))
      })
    },
    resultNotice: {
      workingDays: param({
        title: { zh: "结果公告期限", en: "Working days to publish the result" },
        unit: "working-days",
        description: "自中标、成交供应商确定之日起2个工作日内,在指定媒体上公告中标、成交结果",
        schema: Param.PositiveInt,
        basis: national(`${texts.procurementRegulation} 第四十三条`),
        default: { value: 2, basis: national(`${texts.procurementRegulation} 第四十三条`) },
        bound: NationalBound.atMost(2, national(`${texts.procurementRegulation} 第四十三条`, "2个工作日内公告"))
      }),
      periodWorkingDays: param({
        title: { zh: "结果公告的公告期", en: "Working days a result notice runs" },
        unit: "working-days",
        description:
          "中标、成交结果公告期限为1个工作日;对中标、成交结果提出质疑的,应知其权益受到损害之日为结果公告期限届满之日,质疑期自该日起算。城市可以规定更长的公告期(质疑期随之后移);至少1个工作日",
        schema: Param.PositiveInt,
        basis: national(`${texts.tenderMeasures} 第六十九条`),
        default: {
          value: 1,
          basis: national(`${texts.tenderMeasures} 第六十九条`, "中标公告期限为1个工作日")
        }
      })
    },
    challenge: {
      raiseWorkingDays: param({
        title: { zh: "质疑期限", en: "Working days to raise a challenge" },
        unit: "working-days",
        description:
          "供应商认为采购文件、采购过程和中标、成交结果使自己的权益受到损害的,可以在知道或者应知其权益受到损害之日起七个工作日内,以书面形式提出质疑",
        schema: Param.PositiveInt,
        basis: national(`${texts.procurementLaw} 第五十二条`),
        default: { value: 7, basis: national(`${texts.procurementLaw} 第五十二条`) },
        bound: NationalBound.atLeast(7, national(`${texts.procurementLaw} 第五十二条`, "七个工作日内"))
      }),
      answerWorkingDays: param({
        title: { zh: "质疑答复期限", en: "Working days to answer a challenge" },
        unit: "working-days",
        description: "采购人应当在收到供应商的书面质疑后七个工作日内作出答复",
        schema: Param.PositiveInt,
        basis: national(`${texts.procurementLaw} 第五十三条`),
        default: { value: 7, basis: national(`${texts.procurementLaw} 第五十三条`) },
        bound: NationalBound.atMost(7, national(`${texts.procurementLaw} 第五十三条`, "七个工作日内作出答复"))
      })
    }
  }
})
