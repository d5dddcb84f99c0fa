import type { AwardResult } from "../../Config.js"
import type { ConsultationEntry } from "../Procurement.js"

/** The award's ranking from a scored method's ranking: display figures, exact fractions and four decimals. @internal */
export const awardRanking = (ranking: ReadonlyArray<ConsultationEntry>): AwardResult["ranking"] =>
  ranking.map((x) => ({
    rank: x.rank,
    supplierId: x.supplierId,
    supplierName: x.supplierName,
    quote: x.finalQuote,
    priceScore: x.priceScoreDisplay,
    nonPriceScore: x.nonPriceScoreDisplay,
    total: x.totalDisplay,
    exact: { priceScore: x.priceScoreExact, nonPriceScore: x.nonPriceScoreExact, total: x.totalExact },
    fourDecimals: {
      priceScore: x.priceScoreFourDecimals,
      nonPriceScore: x.nonPriceScoreFourDecimals,
      total: x.totalFourDecimals
    }
  }))
