/**
 * China's statutory holidays and make-up working days (2015-2026) for the gsyf calendar.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * China's statutory holidays and 调休 make-up working days for 2015–2026, as
 * announced each year by the 国务院办公厅关于YYYY年部分节假日安排的通知 (plus the
 * notices that changed a year afterwards), ready to build a `Calendar`.
 *
 * Dates are listed exactly as each notice gives them: "10月1日至7日放假调休" lists
 * seven days; "4月5日放假,与周末连休" lists only 4月5日 (the adjoining weekend
 * stays an ordinary weekend). Every year cites its notice: title, 文号 where it
 * is certain, and the date it was issued (成文日期).
 *
 * Notes on particular years:
 *
 * - 2015: an extra holiday on 9月3日–5日 for the 70th anniversary of the victory
 *   of the War of Resistance (国发明电〔2015〕1号), with 9月6日 (Sunday) worked.
 * - 2019: 劳动节 extended to 5月1日–4日 by 国办发明电〔2019〕3号, with 4月28日
 *   and 5月5日 worked; 元旦 2019 starts on 2018-12-30 and 2018-12-29 is worked.
 * - 2020: 春节 extended to 2月2日 for the COVID-19 epidemic (国办发明电〔2020〕1号),
 *   so 2月1日 (Saturday), once a make-up working day, was not worked.
 * - 2023: 元旦 2023 starts on 2022-12-31.
 * - From 2025 the revised 《全国年节及纪念日放假办法》 (amended 2024-11-10)
 *   gives 13 holiday days a year instead of 11: one more day for 春节 (除夕) and
 *   one more for 劳动节 (5月2日).
 *
 * Years outside 2015–2026 are not covered: asking about them is a
 * `CalendarYearNotCovered` error. A host adds a year with `Calendar.extend`.
 *
 * @since 0.1.0
 */
export * as ChinaHolidays from "./ChinaHolidays.js"
