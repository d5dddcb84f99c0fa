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
import { Calendar, IsoDate } from "@gsyf/core"
import * as Either from "effect/Either"
import type * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"

type Dates = readonly [string, ...Array<string>]

/** Every date from `from` to `to`, both included ("X至Y"). */
const span = (from: string, to: string): Dates => {
  const start = IsoDate.unsafeFromString(from)
  const n = IsoDate.diffDays(start, IsoDate.unsafeFromString(to))
  const out: Array<string> = [start]
  for (let i = 1; i <= n; i++) out.push(IsoDate.addDays(start, i))
  return out as unknown as Dates
}

const NEW_YEAR = { name: "元旦", nameEn: "New Year's Day" } as const
const SPRING = { name: "春节", nameEn: "Spring Festival" } as const
const QINGMING = { name: "清明节", nameEn: "Qingming Festival (Tomb-sweeping Day)" } as const
const LABOUR = { name: "劳动节", nameEn: "Labour Day" } as const
const DRAGON_BOAT = { name: "端午节", nameEn: "Dragon Boat Festival" } as const
const MID_AUTUMN = { name: "中秋节", nameEn: "Mid-Autumn Festival" } as const
const NATIONAL = { name: "国庆节", nameEn: "National Day" } as const

const notice = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知`

/**
 * The raw data, in the encoded (JSON) shape of `Calendar.HolidayYear`.
 *
 * @since 0.1.0
 * @category data
 */
export const data: ReadonlyArray<Calendar.HolidayYearEncoded> = [
  {
    year: 2015,
    source: {
      title: notice(2015),
      number: "国办发明电〔2014〕28号",
      issued: "2014-12-16",
      url: "http://www.gov.cn/zhengce/content/2014-12/16/content_9302.htm"
    },
    amendments: [
      {
        title: "国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知",
        number: "国发明电〔2015〕1号",
        issued: "2015-05-13",
        url: "http://www.gov.cn/zhengce/content/2015-05/13/content_9742.htm"
      }
    ],
    note: "9月3日–5日:中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假(一次性安排),9月6日(星期日)上班。",
    holidays: [
      { ...NEW_YEAR, dates: span("2015-01-01", "2015-01-03") },
      { ...SPRING, dates: span("2015-02-18", "2015-02-24") },
      { ...QINGMING, dates: ["2015-04-05", "2015-04-06"] },
      { ...LABOUR, dates: ["2015-05-01"] },
      { ...DRAGON_BOAT, dates: ["2015-06-20", "2015-06-22"] },
      {
        name: "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
        nameEn: "70th anniversary of the victory of the War of Resistance against Japanese Aggression",
        dates: span("2015-09-03", "2015-09-05")
      },
      { ...MID_AUTUMN, dates: ["2015-09-27"] },
      { ...NATIONAL, dates: span("2015-10-01", "2015-10-07") }
    ],
    makeupWorkdays: [
      { date: "2015-01-04", holiday: "元旦" },
      { date: "2015-02-15", holiday: "春节" },
      { date: "2015-02-28", holiday: "春节" },
      { date: "2015-09-06", holiday: "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日" },
      { date: "2015-10-10", holiday: "国庆节" }
    ]
  },
  {
    year: 2016,
    source: {
      title: notice(2016),
      number: "国办发明电〔2015〕18号",
      issued: "2015-12-10",
      url: "http://www.gov.cn/zhengce/content/2015-12/10/content_10394.htm"
    },
    holidays: [
      { ...NEW_YEAR, dates: ["2016-01-01"] },
      { ...SPRING, dates: span("2016-02-07", "2016-02-13") },
      { ...QINGMING, dates: ["2016-04-04"] },
      { ...LABOUR, dates: ["2016-05-01", "2016-05-02"] },
      { ...DRAGON_BOAT, dates: span("2016-06-09", "2016-06-11") },
      { ...MID_AUTUMN, dates: span("2016-09-15", "2016-09-17") },
      { ...NATIONAL, dates: span("2016-10-01", "2016-10-07") }
    ],
    makeupWorkdays: [
      { date: "2016-02-06", holiday: "春节" },
      { date: "2016-02-14", holiday: "春节" },
      { date: "2016-06-12", holiday: "端午节" },
      { date: "2016-09-18", holiday: "中秋节" },
      { date: "2016-10-08", holiday: "国庆节" },
      { date: "2016-10-09", holiday: "国庆节" }
    ]
  },
  {
    year: 2017,
    source: {
      title: notice(2017),
      number: "国办发明电〔2016〕17号",
      issued: "2016-12-01",
      url: "http://www.gov.cn/zhengce/content/2016-12/01/content_5141603.htm"
    },
    holidays: [
      { ...NEW_YEAR, dates: ["2017-01-01", "2017-01-02"] },
      { ...SPRING, dates: span("2017-01-27", "2017-02-02") },
      { ...QINGMING, dates: span("2017-04-02", "2017-04-04") },
      { ...LABOUR, dates: ["2017-05-01"] },
      { ...DRAGON_BOAT, dates: span("2017-05-28", "2017-05-30") },
      {
        name: "中秋节、国庆节",
        nameEn: "Mid-Autumn Festival and National Day",
        dates: span("2017-10-01", "2017-10-08")
      }
    ],
    makeupWorkdays: [
      { date: "2017-01-22", holiday: "春节" },
      { date: "2017-02-04", holiday: "春节" },
      { date: "2017-04-01", holiday: "清明节" },
      { date: "2017-05-27", holiday: "端午节" },
      { date: "2017-09-30", holiday: "中秋节、国庆节" }
    ]
  },
  {
    year: 2018,
    source: {
      title: notice(2018),
      number: "国办发明电〔2017〕12号",
      issued: "2017-11-30",
      url: "http://www.gov.cn/zhengce/content/2017-11/30/content_5243579.htm"
    },
    holidays: [
      { ...NEW_YEAR, dates: ["2018-01-01"] },
      { ...SPRING, dates: span("2018-02-15", "2018-02-21") },
      { ...QINGMING, dates: span("2018-04-05", "2018-04-07") },
      { ...LABOUR, dates: span("2018-04-29", "2018-05-01") },
      { ...DRAGON_BOAT, dates: ["2018-06-18"] },
      { ...MID_AUTUMN, dates: ["2018-09-24"] },
      { ...NATIONAL, dates: span("2018-10-01", "2018-10-07") }
    ],
    makeupWorkdays: [
      { date: "2018-02-11", holiday: "春节" },
      { date: "2018-02-24", holiday: "春节" },
      { date: "2018-04-08", holiday: "清明节" },
      { date: "2018-04-28", holiday: "劳动节" },
      { date: "2018-09-29", holiday: "国庆节" },
      { date: "2018-09-30", holiday: "国庆节" }
    ]
  },
  {
    year: 2019,
    source: {
      title: notice(2019),
      number: "国办发明电〔2018〕15号",
      issued: "2018-12-04",
      url: "http://www.gov.cn/zhengce/content/2018-12/06/content_5346276.htm"
    },
    amendments: [
      {
        title: "国务院办公厅关于调整2019年劳动节假期安排的通知",
        number: "国办发明电〔2019〕3号",
        issued: "2019-03-22",
        url: "http://www.gov.cn/zhengce/content/2019-03/22/content_5375877.htm"
      }
    ],
    note: "元旦:2018年12月30日至2019年1月1日放假调休,2018年12月29日(星期六)上班。劳动节由5月1日1天调整为5月1日至4日。",
    holidays: [
      { ...NEW_YEAR, dates: span("2018-12-30", "2019-01-01") },
      { ...SPRING, dates: span("2019-02-04", "2019-02-10") },
      { ...QINGMING, dates: ["2019-04-05"] },
      { ...LABOUR, dates: span("2019-05-01", "2019-05-04") },
      { ...DRAGON_BOAT, dates: ["2019-06-07"] },
      { ...MID_AUTUMN, dates: ["2019-09-13"] },
      { ...NATIONAL, dates: span("2019-10-01", "2019-10-07") }
    ],
    makeupWorkdays: [
      { date: "2018-12-29", holiday: "元旦" },
      { date: "2019-02-02", holiday: "春节" },
      { date: "2019-02-03", holiday: "春节" },
      { date: "2019-04-28", holiday: "劳动节" },
      { date: "2019-05-05", holiday: "劳动节" },
      { date: "2019-09-29", holiday: "国庆节" },
      { date: "2019-10-12", holiday: "国庆节" }
    ]
  },
  {
    year: 2020,
    source: {
      title: notice(2020),
      number: "国办发明电〔2019〕16号",
      issued: "2019-11-21",
      url: "http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm"
    },
    amendments: [
      {
        title: "国务院办公厅关于延长2020年春节假期的通知",
        number: "国办发明电〔2020〕1号",
        issued: "2020-01-26",
        url: "http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm"
      }
    ],
    note: "春节假期因新冠肺炎疫情防控延长至2月2日,2月3日起正常上班;原定2月1日(星期六)上班不再执行。",
    holidays: [
      { ...NEW_YEAR, dates: ["2020-01-01"] },
      { ...SPRING, dates: span("2020-01-24", "2020-02-02") },
      { ...QINGMING, dates: span("2020-04-04", "2020-04-06") },
      { ...LABOUR, dates: span("2020-05-01", "2020-05-05") },
      { ...DRAGON_BOAT, dates: span("2020-06-25", "2020-06-27") },
      {
        name: "国庆节、中秋节",
        nameEn: "National Day and Mid-Autumn Festival",
        dates: span("2020-10-01", "2020-10-08")
      }
    ],
    makeupWorkdays: [
      { date: "2020-01-19", holiday: "春节" },
      { date: "2020-04-26", holiday: "劳动节" },
      { date: "2020-05-09", holiday: "劳动节" },
      { date: "2020-06-28", holiday: "端午节" },
      { date: "2020-09-27", holiday: "国庆节、中秋节" },
      { date: "2020-10-10", holiday: "国庆节、中秋节" }
    ]
  },
  {
    year: 2021,
    source: {
      title: notice(2021),
      number: "国办发明电〔2020〕27号",
      issued: "2020-11-25",
      url: "http://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm"
    },
    holidays: [
      { ...NEW_YEAR, dates: span("2021-01-01", "2021-01-03") },
      { ...SPRING, dates: span("2021-02-11", "2021-02-17") },
      { ...QINGMING, dates: span("2021-04-03", "2021-04-05") },
      { ...LABOUR, dates: span("2021-05-01", "2021-05-05") },
      { ...DRAGON_BOAT, dates: span("2021-06-12", "2021-06-14") },
      { ...MID_AUTUMN, dates: span("2021-09-19", "2021-09-21") },
      { ...NATIONAL, dates: span("2021-10-01", "2021-10-07") }
    ],
    makeupWorkdays: [
      { date: "2021-02-07", holiday: "春节" },
      { date: "2021-02-20", holiday: "春节" },
      { date: "2021-04-25", holiday: "劳动节" },
      { date: "2021-05-08", holiday: "劳动节" },
      { date: "2021-09-18", holiday: "中秋节" },
      { date: "2021-09-26", holiday: "国庆节" },
      { date: "2021-10-09", holiday: "国庆节" }
    ]
  },
  {
    year: 2022,
    source: { title: notice(2022), number: "国办发明电〔2021〕11号", issued: "2021-10-25" },
    holidays: [
      { ...NEW_YEAR, dates: span("2022-01-01", "2022-01-03") },
      { ...SPRING, dates: span("2022-01-31", "2022-02-06") },
      { ...QINGMING, dates: span("2022-04-03", "2022-04-05") },
      { ...LABOUR, dates: span("2022-04-30", "2022-05-04") },
      { ...DRAGON_BOAT, dates: span("2022-06-03", "2022-06-05") },
      { ...MID_AUTUMN, dates: span("2022-09-10", "2022-09-12") },
      { ...NATIONAL, dates: span("2022-10-01", "2022-10-07") }
    ],
    makeupWorkdays: [
      { date: "2022-01-29", holiday: "春节" },
      { date: "2022-01-30", holiday: "春节" },
      { date: "2022-04-02", holiday: "清明节" },
      { date: "2022-04-24", holiday: "劳动节" },
      { date: "2022-05-07", holiday: "劳动节" },
      { date: "2022-10-08", holiday: "国庆节" },
      { date: "2022-10-09", holiday: "国庆节" }
    ]
  },
  {
    year: 2023,
    source: { title: notice(2023), number: "国办发明电〔2022〕16号", issued: "2022-12-08" },
    note: "元旦:2022年12月31日至2023年1月2日放假调休。",
    holidays: [
      { ...NEW_YEAR, dates: span("2022-12-31", "2023-01-02") },
      { ...SPRING, dates: span("2023-01-21", "2023-01-27") },
      { ...QINGMING, dates: ["2023-04-05"] },
      { ...LABOUR, dates: span("2023-04-29", "2023-05-03") },
      { ...DRAGON_BOAT, dates: span("2023-06-22", "2023-06-24") },
      {
        name: "中秋节、国庆节",
        nameEn: "Mid-Autumn Festival and National Day",
        dates: span("2023-09-29", "2023-10-06")
      }
    ],
    makeupWorkdays: [
      { date: "2023-01-28", holiday: "春节" },
      { date: "2023-01-29", holiday: "春节" },
      { date: "2023-04-23", holiday: "劳动节" },
      { date: "2023-05-06", holiday: "劳动节" },
      { date: "2023-06-25", holiday: "端午节" },
      { date: "2023-10-07", holiday: "中秋节、国庆节" },
      { date: "2023-10-08", holiday: "中秋节、国庆节" }
    ]
  },
  {
    year: 2024,
    source: { title: notice(2024), number: "国办发明电〔2023〕7号", issued: "2023-10-25" },
    note: "春节:鼓励各单位安排职工在除夕(2月9日)休息,但除夕不是放假日。",
    holidays: [
      { ...NEW_YEAR, dates: ["2024-01-01"] },
      { ...SPRING, dates: span("2024-02-10", "2024-02-17") },
      { ...QINGMING, dates: span("2024-04-04", "2024-04-06") },
      { ...LABOUR, dates: span("2024-05-01", "2024-05-05") },
      { ...DRAGON_BOAT, dates: ["2024-06-10"] },
      { ...MID_AUTUMN, dates: span("2024-09-15", "2024-09-17") },
      { ...NATIONAL, dates: span("2024-10-01", "2024-10-07") }
    ],
    makeupWorkdays: [
      { date: "2024-02-04", holiday: "春节" },
      { date: "2024-02-18", holiday: "春节" },
      { date: "2024-04-07", holiday: "清明节" },
      { date: "2024-04-28", holiday: "劳动节" },
      { date: "2024-05-11", holiday: "劳动节" },
      { date: "2024-09-14", holiday: "中秋节" },
      { date: "2024-09-29", holiday: "国庆节" },
      { date: "2024-10-12", holiday: "国庆节" }
    ]
  },
  {
    year: 2025,
    source: { title: notice(2025), number: "国办发明电〔2024〕12号", issued: "2024-11-12" },
    note:
      "自2025年1月1日起施行修订后的《全国年节及纪念日放假办法》:全体公民放假的节日合计13天(原为11天),春节增加除夕、劳动节增加5月2日。",
    holidays: [
      { ...NEW_YEAR, dates: ["2025-01-01"] },
      { ...SPRING, dates: span("2025-01-28", "2025-02-04") },
      { ...QINGMING, dates: span("2025-04-04", "2025-04-06") },
      { ...LABOUR, dates: span("2025-05-01", "2025-05-05") },
      { ...DRAGON_BOAT, dates: span("2025-05-31", "2025-06-02") },
      {
        name: "国庆节、中秋节",
        nameEn: "National Day and Mid-Autumn Festival",
        dates: span("2025-10-01", "2025-10-08")
      }
    ],
    makeupWorkdays: [
      { date: "2025-01-26", holiday: "春节" },
      { date: "2025-02-08", holiday: "春节" },
      { date: "2025-04-27", holiday: "劳动节" },
      { date: "2025-09-28", holiday: "国庆节、中秋节" },
      { date: "2025-10-11", holiday: "国庆节、中秋节" }
    ]
  },
  {
    year: 2026,
    // 文号 not confirmed from an official copy; left out on purpose.
    source: { title: notice(2026), issued: "2025-11-04" },
    note: "按修订后的《全国年节及纪念日放假办法》(全年13天)安排。",
    holidays: [
      { ...NEW_YEAR, dates: span("2026-01-01", "2026-01-03") },
      { ...SPRING, dates: span("2026-02-15", "2026-02-23") },
      { ...QINGMING, dates: span("2026-04-04", "2026-04-06") },
      { ...LABOUR, dates: span("2026-05-01", "2026-05-05") },
      { ...DRAGON_BOAT, dates: span("2026-06-19", "2026-06-21") },
      { ...MID_AUTUMN, dates: span("2026-09-25", "2026-09-27") },
      { ...NATIONAL, dates: span("2026-10-01", "2026-10-07") }
    ],
    makeupWorkdays: [
      { date: "2026-01-04", holiday: "元旦" },
      { date: "2026-02-14", holiday: "春节" },
      { date: "2026-02-28", holiday: "春节" },
      { date: "2026-05-09", holiday: "劳动节" },
      { date: "2026-09-20", holiday: "国庆节" },
      { date: "2026-10-10", holiday: "国庆节" }
    ]
  }
]

/**
 * Every year 2015–2026, decoded and checked by `Calendar.HolidayYear`.
 *
 * @since 0.1.0
 * @category data
 */
export const years: ReadonlyArray<Calendar.HolidayYear> = Schema.decodeUnknownSync(
  Schema.Array(Calendar.HolidayYear)
)(data)

/**
 * The first and last years covered.
 *
 * @since 0.1.0
 * @category data
 */
export const coverage = { from: 2015, to: 2026 } as const

/**
 * A ready calendar of 2015–2026 with the default roll-over rule (`rest-days`).
 *
 * @since 0.1.0
 * @category calendars
 */
export const calendar: Calendar.Service = Either.getOrThrowWith(Calendar.make(years), (e) => e)

/**
 * A calendar of 2015–2026 with other options (e.g. `{ rollover: "statutory-holidays-only" }`).
 *
 * @since 0.1.0
 * @category calendars
 */
export const calendarWith = (options: Calendar.Options): Calendar.Service =>
  Either.getOrThrowWith(Calendar.make(years, options), (e) => e)

/**
 * A layer providing {@link calendar} as the `Calendar` service.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Calendar.Calendar> = Calendar.layerOf(calendar)
