// 四 parameters: the quotas of the publicity and training work.
// Names are the tree's paths (`quota.deploymentMeetings` …); a parameter's section is the group's unless it says
// otherwise.
import { national, plan, texts } from "../../kernel/LegalBasis.js"
import * as Param from "../../rules/internal/parameterSchemas.js"
import { param, section } from "../../rules/ParameterSet.js"
import { noNational } from "../internal/parameters.js"

export const parameters = section("四(二)", {
  quota: {
    deploymentMeetings: param({
      title: { zh: "年度项目部署会", en: "Annual deployment meeting" },
      unit: "count",
      section: "四(二)①",
      description: "第三方服务机构组织年度工伤预防项目部署会",
      schema: Param.Count,
      basis: plan("四(二)①"),
      default: { value: 1, basis: plan("四(二)①", "年度部署会一次") },
      subProject: "keyAreas"
    }),
    parkEvents: param({
      title: { zh: "园区大型宣传活动场次", en: "Large park publicity events" },
      unit: "count",
      section: "四(二)②",
      description: noNational("在x个企业园区开展x场大型宣传活动"),
      schema: Param.Count,
      basis: plan("四(二)②"),
      subProject: "keyAreas"
    }),
    parks: param({
      title: { zh: "开展活动的企业园区数", en: "Distinct parks with events" },
      unit: "count",
      section: "四(二)②",
      description: noNational("开展大型宣传活动的不同企业园区个数"),
      schema: Param.Count,
      basis: plan("四(二)②"),
      subProject: "keyAreas"
    }),
    materialTypes: param({
      title: { zh: "宣传材料种类", en: "Publicity material types" },
      unit: "list",
      section: "四(二)③",
      description: "宣传材料包括宣传横幅、宣传折页、宣传展板、企业宣传海报、喷绘、问卷调查表等,初稿须报经办机构审核",
      schema: Param.NonEmptyTextList,
      basis: plan("四(二)③"),
      default: {
        value: ["宣传横幅", "宣传折页", "宣传展板", "企业宣传海报", "喷绘", "问卷调查表"],
        basis: plan("四(二)③")
      },
      subProject: "keyAreas"
    }),
    warningVideos: param({
      title: { zh: "重点行业工伤风险警示教育片", en: "Warning videos for key industries" },
      unit: "count",
      section: "四(二)④",
      description: noNational("面向重点行业制作x部工伤风险警示教育片"),
      schema: Param.Count,
      basis: plan("四(二)④"),
      subProject: "keyAreas"
    }),
    warningVideoIndustries: param({
      title: { zh: "警示教育片面向的行业", en: "Industries the warning videos cover" },
      unit: "list",
      section: "四(二)④",
      description: "分别针对交通运输、邮政快递业和职业病重点行业",
      schema: Param.NonEmptyTextList,
      basis: plan("四(二)④"),
      default: { value: ["交通运输", "邮政快递", "职业病重点行业"], basis: plan("四(二)④") },
      subProject: "keyAreas"
    }),
    summaryVideo: {
      minMinutes: param({
        title: { zh: "工作总结片最短时长", en: "Summary video minimum length" },
        unit: "minutes",
        section: "四(二)⑤",
        description: noNational("制作一部x-x分钟的年度工伤预防工作总结片(下限)"),
        schema: Param.PositiveInt,
        basis: plan("四(二)⑤"),
        subProject: "keyAreas"
      }),
      maxMinutes: param({
        title: { zh: "工作总结片最长时长", en: "Summary video maximum length" },
        unit: "minutes",
        section: "四(二)⑤",
        description: noNational("制作一部x-x分钟的年度工伤预防工作总结片(上限)"),
        schema: Param.PositiveInt,
        basis: plan("四(二)⑤"),
        subProject: "keyAreas"
      })
    },
    cityTvReports: param({
      title: { zh: "市级电视台报道", en: "City TV reports" },
      unit: "count",
      section: "四(二)⑥",
      description: noNational("市级电视台新闻报道不低于x次"),
      schema: Param.Count,
      basis: plan("四(二)⑥"),
      subProject: "keyAreas"
    }),
    cityNewspaperReports: param({
      title: { zh: "市级报纸报道", en: "City newspaper reports" },
      unit: "count",
      section: "四(二)⑦",
      description: noNational("在市级报纸刊登播报不低于x次"),
      schema: Param.Count,
      basis: plan("四(二)⑦"),
      subProject: "keyAreas"
    }),
    provincialNewspaperReports: param({
      title: { zh: "省级以上报刊报道", en: "Provincial-or-higher newspaper reports" },
      unit: "count",
      section: "四(二)⑦",
      description: noNational("省级以上报纸刊物刊登不少于x次"),
      schema: Param.Count,
      basis: plan("四(二)⑦"),
      subProject: "keyAreas"
    }),
    portalArticles: param({
      title: { zh: "门户网站新闻推送", en: "Portal news articles" },
      unit: "count",
      section: "四(二)⑧",
      description: noNational("选取热门网络门户网站宣传,全年不低于x篇新闻推送"),
      schema: Param.Count,
      basis: plan("四(二)⑧"),
      subProject: "keyAreas"
    }),
    hazchemTrainees: param({
      title: { zh: "危化企业“三类人员”培训人数", en: "Hazardous-chemicals trainees (three roles)" },
      unit: "people",
      description: noNational(
        "对危险化学品重大危险源企业x名“三类人员”(安全生产分管负责人、专职安全管理人员、班组长)开展能力提升培训"
      ),
      schema: Param.Count,
      basis: national(texts.hazchemTraining, "三类人员:安全生产分管负责人、专职安全管理人员、班组长"),
      subProject: "hazchem"
    }),
    keyEnterprises: param({
      title: { zh: "精准培训重点企业数", en: "Key enterprises for targeted training" },
      unit: "count",
      description: noNational("选取x家重点企业开展“两降两增”精准培训(调研→定制化培训→回访巡查)"),
      schema: Param.Count,
      basis: plan("四(二)"),
      subProject: "keyAreas"
    }),
    training: {
      manufacturing: {
        sessions: param({
          title: {
            zh: "制造行业安全管理人员能力提升培训场次",
            en: "Training (manufacturing safety managers): sessions"
          },
          unit: "sessions",
          description: noNational("二是开展制造行业安全管理人员能力提升培训,不低于x场"),
          schema: Param.Count,
          basis: plan("四(二)", "二是"),
          subProject: "keyAreas"
        }),
        people: param({
          title: { zh: "制造行业安全管理人员能力提升培训人数", en: "Training (manufacturing safety managers): people" },
          unit: "people",
          description: noNational("二是开展制造行业安全管理人员能力提升培训,不少于x人"),
          schema: Param.Count,
          basis: plan("四(二)", "二是"),
          subProject: "keyAreas"
        })
      },
      construction: {
        sessions: param({
          title: {
            zh: "建筑行业安全管理人员能力提升培训场次",
            en: "Training (construction safety managers): sessions"
          },
          unit: "sessions",
          description: noNational("三是开展建筑行业安全管理人员能力提升培训,不低于x场"),
          schema: Param.Count,
          basis: plan("四(二)", "三是"),
          subProject: "keyAreas"
        }),
        people: param({
          title: { zh: "建筑行业安全管理人员能力提升培训人数", en: "Training (construction safety managers): people" },
          unit: "people",
          description: noNational("三是开展建筑行业安全管理人员能力提升培训,不少于x人"),
          schema: Param.Count,
          basis: plan("四(二)", "三是"),
          subProject: "keyAreas"
        })
      },
      occupationalDisease: {
        sessions: param({
          title: {
            zh: "尘肺病等职业病大型外部培训场次",
            en: "Training (pneumoconiosis and other occupational diseases): sessions"
          },
          unit: "sessions",
          description: noNational("四是开展尘肺病等职业病大型外部培训,不低于x场"),
          schema: Param.Count,
          basis: plan("四(二)", "四是"),
          subProject: "keyAreas"
        }),
        people: param({
          title: {
            zh: "尘肺病等职业病大型外部培训人数",
            en: "Training (pneumoconiosis and other occupational diseases): people"
          },
          unit: "people",
          description: noNational("四是开展尘肺病等职业病大型外部培训,不少于x人"),
          schema: Param.Count,
          basis: plan("四(二)", "四是"),
          subProject: "keyAreas"
        })
      },
      transportPostal: {
        sessions: param({
          title: {
            zh: "交通运输、邮政快递行业大型外部培训场次",
            en: "Training (transport and postal/express): sessions"
          },
          unit: "sessions",
          description: noNational("五是开展交通运输、邮政快递行业大型外部培训,不低于x场"),
          schema: Param.Count,
          basis: plan("四(二)", "五是"),
          subProject: "keyAreas"
        }),
        people: param({
          title: {
            zh: "交通运输、邮政快递行业大型外部培训人数",
            en: "Training (transport and postal/express): people"
          },
          unit: "people",
          description: noNational("五是开展交通运输、邮政快递行业大型外部培训,不少于x人"),
          schema: Param.Count,
          basis: plan("四(二)", "五是"),
          subProject: "keyAreas"
        })
      }
    }
  }
})
