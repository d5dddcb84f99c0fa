// 询价 (《政府采购法》第三十二条、第四十条): goods of a uniform standard, a panel of three or more (odd, experts at
// least 2/3), at least three qualified suppliers, and the lowest qualified quote wins. The panel does not score.
import * as Either from "effect/Either"
import { national, texts } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import type { AwardPath, ProcurementMethod } from "../Config.js"
import { check } from "../internal/guard.js"
import { composition } from "./internal/panel.js"
import { qualifiedBids } from "./internal/qualified.js"

const law = (article: string, note?: string) => national(`${texts.procurementLaw} ${article}`, note)

/** 询价 buys goods. */
export const goodsOnly = check<"StartProcurement">({
  id: "procurement.inquiry.goods",
  title: { zh: "询价采购货物", en: "A request for quotations buys goods" },
  section: "三(五)",
  basis: [
    law(
      "第三十二条",
      "采购的货物规格、标准统一、现货货源充足且价格变化幅度小的政府采购项目,可以依照本法采用询价方式采购"
    )
  ],
  description: "询价方式只适用于规格、标准统一,现货货源充足且价格变化幅度小的货物;服务项目不得询价。",
  reads: []
}, ({ command: c }, f) =>
  c.category === "goods"
    ? []
    : [f.error("category", "询价只适用于货物采购", "a request for quotations is only for goods", "goods", c.category)])

/** 询价小组: 3 or more, odd, experts at least 2/3. */
export const panel = check<"AppointPanel">({
  id: "procurement.inquiry.panel",
  title: { zh: "询价小组组成", en: "Inquiry panel composition" },
  section: "三(五)",
  basis: [
    law("第四十条", "询价小组由采购人的代表和有关专家共三人以上的单数组成,其中专家的人数不得少于成员总数的三分之二")
  ],
  description: "询价小组人数不少于参数规定的人数(全国为3人)且为单数,专家不少于成员总数的参数规定比例(全国为2/3)。",
  reads: ["procurement.inquiry.minPanelSize", "procurement.inquiry.expertShare"]
}, ({ command: c }, f, p) =>
  composition(f, c.members, {
    min: p.read<number>("procurement.inquiry.minPanelSize"),
    share: p.read<string>("procurement.inquiry.expertShare"),
    name: { zh: "询价小组", en: "inquiry panel" }
  }))

/** At least three qualified suppliers quoted. */
export const minSuppliers = check<"Award">({
  id: "procurement.inquiry.min-suppliers",
  title: { zh: "询价供应商不少于三家", en: "At least three quotes in a request for quotations" },
  section: "三(五)",
  basis: [law("第四十条", "确定不少于三家的供应商,并向其发出询价通知书让其报价")],
  description: "资格审查和符合性审查后合格的报价不少于参数规定的家数(全国为3家);不足的应终止本次询价,重新组织采购。",
  reads: ["procurement.inquiry.minSuppliers"]
}, ({ command: c, state }, f, p) => {
  const min = p.read<number>("procurement.inquiry.minSuppliers")
  const n = qualifiedBids(state.subProjects[c.subProject].procurement!).length
  return n >= min ? [] : [
    f.error(
      "bids",
      `合格报价只有 ${n} 家,不足 ${min} 家:终止本次询价并重新组织采购`,
      `only ${n} qualified quote(s), fewer than ${min}: terminate the request for quotations and procure again`,
      `≥ ${min}`,
      String(n)
    )
  ]
})

/** The lowest qualified quote wins; equal quotes go to the one received first. */
const award: AwardPath = ({ procurement }) => {
  const ranked = [...qualifiedBids(procurement)].sort((a, b) =>
    Money.compare(a.quote, b.quote) || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)
  )
  const winner = ranked[0]!
  const ties = ranked.filter((b) => Money.equals(b.quote, winner.quote))
  return Either.right({
    supplierId: winner.supplierId,
    supplierName: winner.supplierName,
    value: winner.quote,
    ranking: ranked.map((b, i) => ({
      rank: i + 1,
      supplierId: b.supplierId,
      supplierName: b.supplierName,
      quote: b.quote,
      nonPriceScore: "—",
      total: "—"
    })),
    tieBreaks: ties.length > 1 ? [`报价相同的 ${ties.length} 家中,${winner.supplierName} 最先递交报价`] : [],
    reasons: [`符合采购需求的报价中,${winner.supplierName} 报价 ${Money.format(winner.quote)} 最低`],
    basis: [law("第四十条", "采购人根据符合采购需求、质量和服务相等且报价最低的原则确定成交供应商")],
    evaluations: []
  })
}

/** 询价. */
export const inquiry: ProcurementMethod = {
  id: "inquiry",
  title: { zh: "询价", en: "request for quotations" },
  basis: [law("第二十六条"), law("第三十二条"), law("第四十条")],
  guards: { StartProcurement: [goodsOnly], AppointPanel: [panel], Award: [minSuppliers] },
  panelBasis: [law("第四十条")],
  scored: false,
  award
}
