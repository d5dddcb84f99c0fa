/**
 * Where a rule or a parameter value comes from: a section of the city's own
 * implementation plan (实施方案 三(四)), a national text (人社部规〔2017〕13号
 * 第五条), or a provincial, city or plugin source.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * The level of the text a rule rests on.
 *
 * @since 0.1.0
 * @category models
 */
export const Level = Schema.Literal("plan", "national", "provincial", "city", "contract", "gsyf")

/**
 * @since 0.1.0
 * @category models
 */
export type Level = typeof Level.Type

/**
 * A citation.
 *
 * @since 0.1.0
 * @category models
 */
export class LegalBasis extends Schema.Class<LegalBasis>("@gsyf/core/LegalBasis")({
  level: Level,
  /** Short citation, e.g. `实施方案 六(二)` or `人社部规〔2017〕13号 第五条`. */
  citation: Schema.String,
  /** What the text says, in a few words of our own. */
  note: Schema.optional(Schema.String)
}) {}

/**
 * A section of the city's implementation plan (the seed plan's own numbering).
 *
 * @since 0.1.0
 * @category constructors
 */
export const plan = (section: string, note?: string): LegalBasis =>
  new LegalBasis({ level: "plan", citation: `实施方案 ${section}`, ...(note === undefined ? {} : { note }) })

/**
 * A national text.
 *
 * @since 0.1.0
 * @category constructors
 */
export const national = (citation: string, note?: string): LegalBasis =>
  new LegalBasis({ level: "national", citation, ...(note === undefined ? {} : { note }) })

/**
 * A choice made by gsyf where no text decides (always documented and overridable).
 *
 * @since 0.1.0
 * @category constructors
 */
export const gsyf = (note: string): LegalBasis => new LegalBasis({ level: "gsyf", citation: "gsyf 约定", note })

/**
 * The national texts gsyf cites, by short name.
 *
 * @since 0.1.0
 * @category constants
 */
export const texts = {
  regulation: "《工伤保险条例》",
  feeMeasures: "《工伤预防费使用管理暂行办法》(人社部规〔2017〕13号)",
  procurementLaw: "《政府采购法》",
  procurementRegulation: "《政府采购法实施条例》(国务院令第658号)",
  consultation: "《政府采购竞争性磋商采购方式管理暂行办法》(财库〔2014〕214号)",
  intentionNotice: "《关于开展政府采购意向公开工作的通知》(财库〔2020〕10号)",
  consultationServices: "《关于政府采购竞争性磋商采购方式管理暂行办法有关问题的补充通知》(财库〔2015〕124号)",
  tenderMeasures: "《政府采购货物和服务招标投标管理办法》(财政部令第87号)",
  acceptanceGuidance: "《关于进一步加强政府采购需求和履约验收管理的指导意见》(财库〔2016〕205号)",
  smePayment: "《保障中小企业款项支付条例》(国务院令第802号)",
  civilCode: "《民法典》",
  settlement: "《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》",
  holidays: "《全国年节及纪念日放假办法》",
  industryCodes: "GB/T 4754-2017《国民经济行业分类》",
  hazchemTraining: "《关于实施危险化学品企业工伤预防能力提升培训工程的通知》(人社部、应急管理部,2021)"
} as const
