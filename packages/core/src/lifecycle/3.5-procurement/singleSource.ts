// 单一来源 (《政府采购法》第三十一条; 实施条例 第三十八条): the one supplier is publicised for at least five working
// days before the procurement starts; only that supplier responds; the award goes to it at the negotiated price.
import * as Either from "effect/Either"
import { national, texts } from "../../kernel/LegalBasis.js"
import type { AwardPath, ProcurementMethod } from "../Config.js"
import { check } from "../internal/guard.js"
import { qualifiedBids } from "./internal/qualified.js"

const law = (article: string, note?: string) => national(`${texts.procurementLaw} ${article}`, note)
const regulation = (article: string, note?: string) => national(`${texts.procurementRegulation} ${article}`, note)

/** The single-source publicity: its supplier, and at least `procurement.singleSource.publicityWorkingDays` (5). */
export const publicity = check<"StartProcurement">({
  id: "procurement.single-source.publicity",
  title: { zh: "单一来源采购公示", en: "Single-source publicity" },
  section: "三(五)",
  basis: [
    regulation("第三十八条", "拟采用单一来源采购方式的,应当在省级以上财政部门指定媒体上公示,公示期不得少于5个工作日")
  ],
  description:
    "单一来源采购须先公示拟定的供应商,公示期自开始之日起(当日不计入)不少于参数规定的工作日数(全国为5个工作日),期满后方可启动采购。",
  reads: ["procurement.singleSource.publicityWorkingDays"]
}, ({ command: c, config, on }, f, p) => {
  const n = p.read<number>("procurement.singleSource.publicityWorkingDays")
  const s = c.singleSource
  if (s === undefined) {
    return [
      f.error(
        "singleSource",
        "单一来源采购须载明拟定供应商及其公示",
        "a single-source procurement names its supplier and its publicity",
        `≥ ${n} 个工作日`,
        "missing"
      )
    ]
  }
  const end = config.calendar.periodEnd(s.publicityStartsOn, n, "working-days")
  if (Either.isLeft(end)) {
    return [
      f.error(
        "singleSource.publicityEndsOn",
        `日历无法计算:${end.left.message}`,
        `the calendar cannot compute this: ${end.left.message}`
      )
    ]
  }
  const out = []
  if (s.publicityEndsOn < end.right) {
    out.push(
      f.error(
        "singleSource.publicityEndsOn",
        `单一来源公示自 ${s.publicityStartsOn} 起至 ${s.publicityEndsOn},不足 ${n} 个工作日(应至少至 ${end.right})`,
        `the single-source publicity from ${s.publicityStartsOn} to ${s.publicityEndsOn} is shorter than ${n} working days (at least until ${end.right})`,
        `≥ ${end.right}`,
        s.publicityEndsOn
      )
    )
  }
  if (on <= s.publicityEndsOn) {
    out.push(
      f.error(
        "at",
        `单一来源公示至 ${s.publicityEndsOn} 结束,采购须在公示期满后启动`,
        `the single-source publicity runs to ${s.publicityEndsOn}; the procurement starts after it`,
        `> ${s.publicityEndsOn}`,
        on
      )
    )
  }
  return out
})

/** Only the publicised supplier responds. */
export const theSupplier = check<"SubmitBid">({
  id: "procurement.single-source.supplier",
  title: { zh: "单一来源只接受公示的供应商", en: "Only the publicised supplier responds" },
  section: "三(五)",
  basis: [
    law(
      "第三十九条",
      "采用单一来源方式采购的,采购人与供应商应当遵循本法规定的原则,在保证采购项目质量和双方商定合理价格的基础上进行采购"
    )
  ],
  description: "单一来源采购只与公示的供应商协商,其他供应商的响应不予接受。",
  reads: []
}, ({ command: c, state }, f) => {
  const s = state.subProjects[c.subProject].procurement!.singleSource!
  return c.supplierId === s.supplierId
    ? []
    : [
      f.error(
        "supplierId",
        `单一来源采购的供应商为 ${s.supplierName}`,
        `the single-source supplier is ${s.supplierId}`,
        s.supplierId,
        c.supplierId
      )
    ]
})

const award: AwardPath = ({ procurement }) => {
  // the guard procurement.single-source.responded ran first
  const bid = qualifiedBids(procurement)[0]!
  return Either.right({
    supplierId: bid.supplierId,
    supplierName: bid.supplierName,
    value: bid.quote,
    ranking: [{
      rank: 1,
      supplierId: bid.supplierId,
      supplierName: bid.supplierName,
      quote: bid.quote,
      nonPriceScore: "—",
      total: "—"
    }],
    tieBreaks: [],
    reasons: [`单一来源采购,与公示的供应商 ${bid.supplierName} 协商确定价格`],
    basis: [law("第三十一条"), law("第三十九条")],
    evaluations: []
  })
}

/** The single-source supplier has responded before the award. */
export const responded = check<"Award">({
  id: "procurement.single-source.responded",
  title: { zh: "单一来源供应商已响应", en: "The single-source supplier has responded" },
  section: "三(五)",
  basis: [law("第三十九条")],
  description: "确定成交前,公示的单一来源供应商须已提交响应文件(报价)且通过审查。",
  reads: []
}, ({ command: c, state }, f) =>
  qualifiedBids(state.subProjects[c.subProject].procurement!).length > 0
    ? []
    : [f.error("bids", "单一来源供应商尚未提交合格的响应", "the single-source supplier has no qualified response")])

/** 单一来源. */
export const singleSource: ProcurementMethod = {
  id: "single-source",
  title: { zh: "单一来源采购", en: "single-source procurement" },
  basis: [law("第二十六条"), law("第三十一条"), regulation("第三十八条")],
  guards: { StartProcurement: [publicity], SubmitBid: [theSupplier], Award: [responded] },
  startBasis: [regulation("第三十八条")],
  panel: "none",
  scored: false,
  award
}
