/**
 * Two example gsyf plugins: a provincial rule pack and a city pack.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * An example city pack: what a city adds on top of the plan.
 *
 * - a deliverable type, 工伤预防知识竞赛 (knowledge contests), with its quota
 *   item `knowledge-contests` and parameter `quota.knowledgeContests`
 *   (default 2 contests; knowledge contests are among the publicity items
 *   provinces list, e.g. 浙江's 2023 办法);
 * - a procurement method, 竞争性谈判 (`competitive-negotiation`), one of the
 *   methods of 《政府采购法》 第二十六条 that gsyf does not ship, with its own
 *   award path (第三十八条: at least three suppliers, the lowest quote that
 *   meets the requirements wins);
 * - an override of `acceptance.expert-panel` with an explicit priority: the
 *   national minimum number of experts, and in addition an odd number so a
 *   split panel always has a majority;
 * - the monthly briefing due on the 10th (`supervision.briefingDueDay`);
 * - a subscriber to committed events that keeps notifications in memory
 *   (read them with `notifications()`).
 *
 * It supplies no calendar year: holidays come only from the State Council's
 * notices (`@gsyf/calendar-cn`), never from a plugin's guess.
 *
 * @since 0.1.0
 */
export * as CityPack from "./CityPack.js"

/**
 * An example provincial rule pack for "示例省", modelled on what public
 * summaries report of 山西省《工伤预防费使用管理实施办法(试行)》 (reported
 * 2022-02-19). It is an example of the plugin API, not the official text: the
 * province's text was seen only in summaries, and every rule below cites it as
 * such (level `provincial`, with that note).
 *
 * What it does:
 *
 * - sets the requirement publicity to 7 working days (parameter override of
 *   `publicity.length` / `publicity.unit`; an example value: the summaries say
 *   nothing of publicity days);
 * - `budget.province.fee-split`: of the prevention-fee lines of
 *   `budget.breakdown`, training at least 70% and publicity at most 30%;
 * - `budget.province.open-project-cap`: a project open to society or to small
 *   and micro enterprises costs at most 10万元;
 * - `procurement.province.public-tender`: a sub-project of 50万元 or more is
 *   procured by public tender (`public-tender`);
 * - `budget.province.cap-ceiling`: a raised fee cap stays at or below 5%
 *   (3% plus the 1–2 points a provincial approval may add).
 *
 * The thresholds are parameters the pack adds (`province.*`), with the
 * reported figures as defaults, so a host can correct them.
 *
 * @since 0.1.0
 */
export * as ProvincePack from "./ProvincePack.js"
