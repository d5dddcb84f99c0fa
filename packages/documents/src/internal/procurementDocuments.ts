/**
 * Procurement documents: the requirement publicity notice (三(四)) and the
 * review / consultation scoring sheet with its result (三(五)).
 *
 * @internal
 */
import { IsoDate, Money, Quota } from "@gsyf/core"
import * as Either from "effect/Either"
import * as Block from "../Block.js"
import * as Document from "../Document.js"
import * as Inline from "../Inline.js"
import { basisTextFor, planQuote } from "./official.js"
import {
  amountRuns,
  cityYear,
  dayKindNames,
  distinctBases,
  eventsOf,
  issuerOf,
  lastSub,
  memberKindNames,
  methodNames,
  param,
  periodUnitNames,
  type Source,
  subEventsOf,
  type SubProject,
  subProjectTitle,
  zhDate
} from "./projectFacts.js"

const weekdays = ["", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"] as const

/** Whether a publicity notice can be built. @internal */
export const publicityReady = (src: Source, sub: SubProject): boolean =>
  lastSub(src.events, "PublicityStarted", sub) !== undefined

/** The procurement requirement publicity notice. @internal */
export const publicityNotice = (src: Source, sub: SubProject): Document.Document => {
  const e = lastSub(src.events, "PublicityStarted", sub)!
  const at = e.startsOn
  const title = subProjectTitle(src.config, sub, at)
  const { city, year } = cityYear(src.config, at)
  const issuer = issuerOf(e)
  const plan = eventsOf(src.events, "PlanIssued").at(-1)
  const unit = periodUnitNames[e.unit] ?? "日"
  const budget = param<Money.Money>(src.config, `budget.${sub}`, at)
  const method = param<string>(src.config, `procurement.${sub}.method`, at) ??
    (sub === "hazchem" ? "panel-review" : "competitive-consultation")
  const period = param<number>(src.config, "project.periodMonths", at)
  const area = param<string>(src.config, "project.serviceArea", at) ?? city
  const ctx = { read: (name: string) => param(src.config, name, at) }
  const items = src.config.quotaItems.filter((i) => i.subProject === sub)
  const objections = subEventsOf(src.events, "ObjectionRecorded", sub).filter((o) =>
    o.receivedOn >= e.startsOn && o.receivedOn <= e.endsOn
  )
  const answers = subEventsOf(src.events, "ObjectionResolved", sub)
  // every day of the period after the first, with its kind and the running count of counted days
  const days: Array<ReadonlyArray<string>> = []
  let counted = 0
  for (let d = IsoDate.addDays(e.startsOn, 1); d <= e.endsOn; d = IsoDate.addDays(d, 1)) {
    const kind = Either.getOrUndefined(src.config.calendar.dayKind(d))
    const counts = e.unit === "calendar-days" || kind === undefined || kind.kind === "workday" ||
      kind.kind === "makeup-workday"
    if (counts) counted++
    days.push([
      zhDate(d),
      weekdays[IsoDate.dayOfWeek(d)]!,
      kind === undefined ? "—" : `${dayKindNames[kind.kind]}${kind.holiday !== undefined ? `（${kind.holiday}）` : ""}`,
      counts ? `第${counted}${e.unit === "working-days" ? "个工作日" : "日"}` : "不计入"
    ])
  }
  return Document.make({
    title: `${title}采购需求公示`,
    issuer,
    date: e.startsOn,
    footer: "— {page} —",
    blocks: [
      Block.paragraph(
        `根据《${year}年度${city}工伤预防项目工作实施方案》${
          plan !== undefined ? `（${plan.documentNumber}）` : ""
        }三（四）“${
          planQuote(src, "三（四）", "采购需求进行为期") ?? `对采购需求进行为期${e.length}${unit}公示。`
        }”的规定，` +
          `现将${title}的采购需求予以公示，公示期为${e.length}${unit}。`
      ),
      Block.heading(1, "项目基本情况"),
      Block.keyValue([
        ["项目名称", title],
        ["采购人", issuer],
        ["预算金额", budget === undefined ? "—" : [...amountRuns(budget)]],
        ["采购方式", methodNames[method] ?? method],
        ["服务期限", period === undefined ? "—" : `自合同签订之日起${period}个月`],
        ["服务范围", area]
      ]),
      Block.heading(1, "采购需求"),
      Block.table({
        header: [["序号", "服务内容", "数量要求", "依据"]],
        body: items.map((item, i) => {
          const required = Quota.requiredOf(item, ctx) as number | undefined
          return [
            String(i + 1),
            item.title.zh,
            required === undefined ? "—" : `不少于${required}${item.unit}`,
            item.basis.citation
          ]
        }),
        align: ["center", "left", "center", "left"],
        widths: [0.8, 4.6, 1.8, 2.4]
      }),
      Block.heading(1, "公示期限"),
      Block.paragraph([
        "公示期自",
        Inline.bold(zhDate(e.startsOn)),
        "起至",
        Inline.bold(`${zhDate(e.endsOn)}24时`),
        `止，共${e.length}${unit}。`
      ]),
      Block.paragraph(`期间计算：${e.explanation.zh}。`),
      Block.table({
        caption: "公示期逐日计算",
        header: [["日期", "星期", "日期类型", "计入情况"]],
        body: days.map((r) => [...r]),
        align: ["center", "center", "center", "center"]
      }),
      Block.heading(1, "意见反馈"),
      Block.paragraph(
        `公示期间，供应商或其他单位、个人对采购需求有异议的，请以书面形式向${issuer}提出，并说明理由。逾期提出的不予受理。`
      ),
      ...(objections.length === 0
        ? []
        : [
          Block.table({
            caption: "公示期间收到的异议及答复",
            header: [["序号", "收到日期", "异议内容", "答复"]],
            body: objections.map((o, i) => [
              String(i + 1),
              zhDate(o.receivedOn),
              o.objection,
              answers.find((a) => a.objectionId === o.objectionId)?.response ?? "待答复"
            ]),
            align: ["center", "center", "left", "left"],
            widths: [0.8, 2, 3.4, 3.4]
          })
        ]),
      Block.heading(1, "依据"),
      Block.numbered(distinctBases(e.basis).map(basisTextFor(src))),
      Block.signature({ issuer, date: e.startsOn, seal: true })
    ]
  })
}

/** Whether a review result can be built. @internal */
export const reviewReady = (src: Source, sub: SubProject): boolean =>
  lastSub(src.events, "Awarded", sub) !== undefined && lastSub(src.events, "ProcurementStarted", sub) !== undefined

/** The review / consultation scoring sheet and its result. @internal */
export const reviewResult = (src: Source, sub: SubProject): Document.Document => {
  const award = lastSub(src.events, "Awarded", sub)!
  const started = lastSub(src.events, "ProcurementStarted", sub)!
  const panel = lastSub(src.events, "PanelAppointed", sub)
  const members = panel?.members ?? []
  const scores = subEventsOf(src.events, "ScoresSubmitted", sub).filter((s) => s.at >= started.at)
  const bids = subEventsOf(src.events, "BidSubmitted", sub).filter((b) => b.at >= started.at)
  const title = subProjectTitle(src.config, sub, award.awardedOn)
  const issuer = issuerOf(award)
  const consultation = award.method === "competitive-consultation"
  const methodName = methodNames[award.method] ?? award.method
  const sheetName = consultation ? "竞争性磋商评审汇总表及成交结果" : "方案评审打分汇总表及评审结果"
  const memberTotal = (memberId: string, supplierId: string): string => {
    const sheet = scores.filter((s) => s.memberId === memberId).at(-1)
    if (sheet === undefined) return "—"
    const pts = sheet.scores.filter((s) => s.supplierId === supplierId).map((s) => s.points)
    return pts.length === 0 ? "—" : pts.reduce((a, b) => a.plus(b), new Money.Decimal(0)).toFixed(2)
  }
  const priceWeight = started.priceWeight
  return Document.make({
    title: `${title}${sheetName}`,
    issuer,
    date: award.awardedOn,
    footer: "— {page} —",
    blocks: [
      Block.paragraph(
        `${issuer}于${zhDate(started.documentsIssuedOn)}发出${
          consultation ? "磋商文件" : "采购文件"
        }，响应文件提交截止日期为${zhDate(started.responseDeadline)}，` +
          `共收到${bids.length}家供应商的响应文件。${consultation ? "磋商小组" : "评审小组"}按照${
            consultation ? "磋商文件" : "采购文件"
          }规定的评分标准进行了评审，现将评审情况和结果公布如下。`
      ),
      Block.heading(1, "项目概况"),
      Block.keyValue([
        ["项目名称", title],
        ["采购人", issuer],
        ["采购方式", methodName],
        ["响应供应商", `${bids.length}家`],
        ["评审日期", scores.length === 0 ? "—" : zhDate(scores.map((s) => s.at).sort()[0]!)]
      ]),
      Block.heading(1, consultation ? "磋商小组组成" : "评审小组组成"),
      Block.table({
        header: [["序号", "姓名", "单位", "身份"]],
        body: members.map((m, i) => [String(i + 1), m.name, m.organisation, memberKindNames[m.kind] ?? m.kind]),
        align: ["center", "center", "left", "center"],
        widths: [0.8, 1.6, 4, 2]
      }),
      Block.heading(1, "评分标准"),
      Block.table({
        header: [["序号", "评分因素", "分值"]],
        body: [
          ...started.criteria.map((c, i) => [String(i + 1), c.name, c.maxPoints.toFixed()]),
          ...(consultation && priceWeight !== undefined
            ? [[String(started.criteria.length + 1), "价格（低价优先法）", priceWeight.toFixed()]]
            : [])
        ],
        align: ["center", "left", "center"],
        widths: [0.8, 5, 1.6]
      }),
      ...(consultation && priceWeight !== undefined
        ? [
          Block.paragraph(
            `价格分采用低价优先法计算：满足采购需求且报价最低的为评审基准价，其价格分为满分${priceWeight.toFixed()}分；其他供应商的价格分 = 评审基准价 ÷ 报价 × ${priceWeight.toFixed()}。`
          )
        ]
        : []),
      Block.heading(1, "评分明细"),
      Block.table({
        caption: "各评审成员评分（非价格因素合计）",
        header: [["供应商", ...members.map((m) => m.name), "汇总得分"]],
        body: award.ranking.map((
          r
        ) => [r.supplierName, ...members.map((m) => memberTotal(m.id, r.supplierId)), Inline.bold(r.nonPriceScore)]),
        align: ["left", ...members.map(() => "center" as const), "center"],
        widths: [3.2, ...members.map(() => 1), 1.4]
      }),
      Block.heading(1, "综合排名"),
      Block.table({
        header: [[
          "名次",
          "供应商",
          "报价（元）",
          ...(consultation ? ["价格分"] : []),
          consultation ? "技术商务分" : "评审得分",
          "综合得分"
        ]],
        body: award.ranking.map((r) => [
          String(r.rank),
          r.supplierName,
          r.quote === undefined ? "—" : Money.format(r.quote),
          ...(consultation ? [r.priceScore ?? "—"] : []),
          r.nonPriceScore,
          Inline.bold(r.total)
        ]),
        align: consultation
          ? ["center", "left", "right", "center", "center", "center"]
          : ["center", "left", "right", "center", "center"],
        widths: consultation ? [0.8, 3.6, 2, 1.2, 1.4, 1.4] : [0.8, 4, 2.2, 1.4, 1.4]
      }),
      ...(award.tieBreaks.length > 0
        ? [Block.paragraph([Inline.bold("并列处理："), award.tieBreaks.join("；")])]
        : [Block.paragraph("本次评审无得分并列情况。")]),
      Block.heading(1, consultation ? "成交结果" : "评审结果"),
      Block.keyValue([
        [consultation ? "成交供应商" : "选定服务机构", award.supplierName],
        [consultation ? "成交金额" : "合同金额", [...amountRuns(award.value)]],
        ["确定日期", zhDate(award.awardedOn)],
        ["合同签订期限", `${zhDate(award.signBy)}前`]
      ]),
      Block.paragraph([Inline.bold("理由："), award.reasons.join("；"), "。"]),
      Block.heading(1, "依据"),
      Block.numbered(distinctBases(award.basis).map(basisTextFor(src))),
      Block.table({
        caption: consultation ? "磋商小组成员签字" : "评审小组成员签字",
        header: [["姓名", "单位", "签字"]],
        body: members.map((m) => [m.name, m.organisation, ""]),
        align: ["center", "left", "center"],
        widths: [1.6, 4, 2.4]
      }),
      Block.signature({ issuer, date: award.awardedOn, seal: true })
    ]
  })
}
