/**
 * Supervision documents (三(八), 四(二) 一是): the provider's monthly plan and
 * progress briefing with quota progress, the agency's spot check record, and
 * the key-enterprise follow-up inspection record (step 3).
 *
 * @internal
 */
import { Deliverable, IsoDate, Project, type ProjectEvent, Quota } from "@gsyf/core"
import * as Chunk from "effect/Chunk"
import * as Block from "../Block.js"
import * as Document from "../Document.js"
import * as Inline from "../Inline.js"
import { planQuote } from "./official.js"
import {
  agencyName,
  dateOfEvent,
  fold,
  issuerOf,
  lastSub,
  param,
  type Source,
  subEventsOf,
  type SubProject,
  subProjectTitle,
  zhDate,
  zhMonth
} from "./projectFacts.js"

const monthEnd = (month: string): IsoDate.IsoDate => IsoDate.endOfMonth(`${month}-01` as IsoDate.IsoDate)

/** Whether a briefing for the month can be built (a contract signed by the month's end). @internal */
export const briefingReady = (src: Source, sub: SubProject, month: string): boolean => {
  const c = lastSub(src.events, "ContractSigned", sub)
  return c !== undefined && c.signedOn <= monthEnd(month)
}

/**
 * The rounding rule of completion percentages: 四舍五入，保留一位小数 (4 of 6 → 66.7%), capped at 100%.
 * Computed on integers, so no binary fraction decides a rounding.
 */
export const percentRule = "完成比例按四舍五入保留一位小数"

const percentDone = (p: Quota.Progress): string => {
  if (p.required === 0) return "—"
  const tenths = Math.floor((p.done * 2000 + p.required) / (2 * p.required)) / 10
  return `${Math.min(100, tenths)}%`
}

/** The monthly plan and progress briefing. @internal */
type Signed = ProjectEvent.Of<"ContractSigned">

/** One publication or filing of the contract as of `end`: done (on time or late), overdue, or not yet due. */
const filingState = (done: { readonly on: string; readonly late: boolean } | undefined, due: string, end: string) =>
  done !== undefined
    ? `${zhDate(done.on)}已完成${done.late ? "（逾期）" : "（按期）"}`
    : due < end
    ? `逾期未完成（应于${zhDate(due)}前完成）`
    : `尚未完成（应于${zhDate(due)}前完成）`

/** The contract's publication (实施条例 第五十条) and filing (政府采购法 第四十七条), an overdue one shown as such. */
const filingSection = (events: ReadonlyArray<ProjectEvent.Event>, sub: SubProject, contract: Signed, end: string) => {
  if (contract.publishBy === undefined || contract.fileBy === undefined) return []
  const published = subEventsOf(events, "ContractPublished", sub).at(-1)
  const filed = subEventsOf(events, "ContractFiled", sub).at(-1)
  return [
    Block.heading(1, "合同公告和备案"),
    Block.keyValue([
      [
        "合同公告",
        filingState(published && { on: published.publishedOn, late: published.late }, contract.publishBy, end)
      ],
      ["合同备案", filingState(filed && { on: filed.filedOn, late: filed.late }, contract.fileBy, end)]
    ])
  ]
}

/** The result notice due for the sub-project's current award (the latest award or award to the next-ranked). */
const resultDue = (events: ReadonlyArray<ProjectEvent.Event>, sub: SubProject): string | undefined => {
  const awards = events.filter((e) =>
    (e._tag === "Awarded" || e._tag === "AwardedToNextRanked") && e.subProject === sub
  ) as ReadonlyArray<ProjectEvent.Of<"Awarded"> | ProjectEvent.Of<"AwardedToNextRanked">>
  return awards.at(-1)?.resultNoticeBy
}

/**
 * The procurement's publications as of `end`: the intention (财库〔2020〕10号, at least the lead days before the
 * procurement) and the result notice (实施条例 第四十三条), an overdue or short one shown as such.
 */
const publicationSection = (events: ReadonlyArray<ProjectEvent.Event>, sub: SubProject, end: string) => {
  const intention = lastSub(events, "IntentionPublished", sub)
  const started = subEventsOf(events, "ProcurementStarted", sub)[0]
  const result = lastSub(events, "ResultPublished", sub)
  const due = resultDue(events, sub)
  if (intention === undefined && started === undefined && due === undefined) return []
  const startedOn = started === undefined ? undefined : dateOfEvent(started)
  const intentionText = intention === undefined
    ? "未公开"
    : `${zhDate(intention.publishedOn)}已公开${
      startedOn === undefined
        ? ""
        : startedOn >= intention.earliestStart
        ? "（提前期限符合规定）"
        : `（距采购活动开始不足规定日数，应不早于${zhDate(intention.earliestStart)}开始采购）`
    }`
  return [
    Block.heading(1, "采购意向和结果公告"),
    Block.keyValue([
      ["采购意向公开", intentionText],
      [
        "成交结果公告",
        due === undefined
          ? result === undefined ? "—" : `${zhDate(result.publishedOn)}已完成`
          : filingState(result && { on: result.publishedOn, late: result.late }, due, end)
      ]
    ])
  ]
}

export const monthlyBriefing = (src: Source, sub: SubProject, month: string): Document.Document => {
  const briefing = subEventsOf(src.events, "MonthlyBriefingSubmitted", sub).filter((b) => b.month === month).at(-1)
  // progress as the briefing reports it: at its own date (the month's end when none was submitted)
  const end = briefing?.submittedOn ?? monthEnd(month)
  const contract = lastSub(src.events, "ContractSigned", sub)!
  const upTo = src.events.filter((e) => dateOfEvent(e) <= end)
  const state = fold(upTo)
  const progress = Project.quotaProgress(src.config, state, end, sub)
  const title = subProjectTitle(src.config, sub, end)
  const issuer = briefing !== undefined ? issuerOf(briefing) : contract.supplierName
  const agency = issuerOf(contract)
  const evidence = Chunk.toReadonlyArray(state.subProjects[sub].evidence).map((a) => a.evidence)
  const thisMonth = evidence.filter((e) => e.date.slice(0, 7) === month)
  const byKind = new Map<string, number>()
  for (const e of thisMonth) byKind.set(e._tag, (byKind.get(e._tag) ?? 0) + 1)
  // the spot checks since the previous briefing, up to this one
  const previous = subEventsOf(upTo, "MonthlyBriefingSubmitted", sub).filter((b) => b.submittedOn < end).at(-1)
  const checks = subEventsOf(upTo, "SpotCheckRecorded", sub).filter((s) =>
    previous === undefined ? s.checkedOn.slice(0, 7) === month : s.checkedOn > previous.submittedOn
  )
  const met = progress.filter((p) => p.met).length
  const dueDay = param<number>(src.config, "supervision.briefingDueDay", end)
  return Document.make({
    title: `${title}月度项目计划及进展简报`,
    subtitle: `（${zhMonth(month)}）`,
    issuer,
    recipients: [agency],
    date: briefing?.submittedOn ?? end,
    footer: "— {page} —",
    blocks: [
      Block.heading(1, "基本情况"),
      Block.keyValue([
        ["项目名称", title],
        ["合同编号", contract.contractId],
        ["服务机构", contract.supplierName],
        ["报告月份", zhMonth(month)],
        [
          "报送期限",
          briefing !== undefined
            ? `${zhDate(briefing.dueOn)}前`
            : dueDay !== undefined
            ? `次月${dueDay}日前（遇节假日顺延）`
            : "—"
        ],
        [
          "报送日期",
          briefing === undefined
            ? "未报送"
            : `${zhDate(briefing.submittedOn)}${briefing.late ? "（逾期）" : "（按期）"}`
        ]
      ]),
      ...publicationSection(upTo, sub, end),
      ...filingSection(upTo, sub, contract, end),
      Block.heading(1, "本月工作计划"),
      briefing === undefined || briefing.plannedActivities.length === 0
        ? Block.paragraph("本月未报送工作计划。")
        : Block.numbered(briefing.plannedActivities),
      Block.heading(1, "本月工作进展"),
      Block.paragraph(briefing?.progress ?? "本月未报送进展情况。"),
      thisMonth.length === 0
        ? Block.paragraph(`${zhMonth(month)}无新增交付成果记录。`)
        : Block.table({
          caption: `${zhMonth(month)}新增交付成果`,
          header: [["序号", "成果类型", "数量"]],
          body: [...byKind].map((
            [kind, n],
            i
          ) => [String(i + 1), Deliverable.kindNames[kind as Deliverable.Kind] ?? kind, String(n)]),
          align: ["center", "left", "center"],
          widths: [0.8, 5, 1.2]
        }),
      ...(checks.length === 0
        ? []
        : [
          Block.paragraph(
            `本月经办机构抽查${checks.length}次：${
              checks.map((c) => `${c.activity}（${c.satisfactory ? "符合要求" : "存在问题"}）`).join("；")
            }。`
          )
        ]),
      Block.heading(1, "指标完成进度"),
      Block.paragraph([
        `截至${zhDate(end)}，本子项目共${progress.length}项指标，已完成`,
        Inline.bold(`${met}项`),
        `，尚在进行中${progress.length - met}项。`
      ]),
      Block.table({
        header: [["序号", "指标", "要求", "已完成", "完成率", "状态"]],
        body: progress.map((p, i) => [
          String(i + 1),
          p.note === undefined ? p.title.zh : `${p.title.zh}（${p.note.zh}）`,
          `${p.required}${p.unit}`,
          `${p.done}${p.unit}`,
          percentDone(p),
          p.met ? "已完成" : "进行中"
        ]),
        align: ["center", "left", "center", "center", "center", "center"],
        widths: [0.8, 4.4, 1.2, 1.2, 1.2, 1.2]
      }),
      Block.note(`${percentRule}。`),
      Block.signature({ issuer, date: briefing?.submittedOn ?? end, seal: true })
    ]
  })
}

/** Whether a spot check record can be built. @internal */
export const spotCheckReady = (src: Source, sub: SubProject, eventId: string | undefined): boolean =>
  subEventsOf(src.events, "SpotCheckRecorded", sub).some((e) => eventId === undefined || e.id === eventId)

/** The spot check record. @internal */
export const spotCheckRecord = (src: Source, sub: SubProject, eventId: string | undefined): Document.Document => {
  const checks = subEventsOf(src.events, "SpotCheckRecorded", sub).filter((e) =>
    eventId === undefined || e.id === eventId
  )
  const last = checks.at(-1)!
  const title = subProjectTitle(src.config, sub, last.checkedOn)
  const issuer = issuerOf(last)
  const contract = lastSub(src.events, "ContractSigned", sub)
  return Document.make({
    title: `${title}抽查记录`,
    issuer,
    date: last.checkedOn,
    footer: "— {page} —",
    blocks: [
      Block.paragraph(
        `根据实施方案三（八）“${
          planQuote(src, "三（八）", "抽查") ?? "市级社会保险经办机构可对月度计划开展的项目进行抽查。"
        }”的规定，` +
          `${issuer}对${contract?.supplierName ?? "工伤预防服务机构"}承担的${title}开展了抽查，记录如下。`
      ),
      Block.table({
        caption: "抽查情况汇总",
        header: [["序号", "抽查日期", "抽查活动", "结论"]],
        body: checks.map((
          c,
          i
        ) => [String(i + 1), zhDate(c.checkedOn), c.activity, c.satisfactory ? "符合要求" : "存在问题，须整改"]),
        align: ["center", "center", "left", "center"],
        widths: [0.8, 2, 4, 2]
      }),
      ...checks.flatMap((c) => [
        Block.heading(1, `${c.activity}`),
        Block.keyValue([
          ["抽查日期", zhDate(c.checkedOn)],
          ["被抽查单位", contract?.supplierName ?? "—"],
          ["合同编号", contract?.contractId ?? "—"],
          ["检查人员", `${c.actor.name}（${c.actor.organisation}）`],
          ["结论", Inline.bold(c.satisfactory ? "符合要求" : "存在问题，须整改")]
        ]),
        Block.paragraph([Inline.bold("检查情况：")]),
        Block.numbered(c.observations)
      ]),
      Block.table({
        caption: "签字确认",
        header: [["检查人员（签字）", "被检查单位代表（签字）"]],
        body: [["", ""]],
        align: ["center", "center"]
      }),
      Block.signature({ issuer, date: last.checkedOn, seal: true })
    ]
  })
}

/** Whether a follow-up inspection record can be built. @internal */
export const followUpReady = (src: Source, enterprise: string | undefined): boolean =>
  followUps(src).some((f) => enterprise === undefined || f.evidence.enterprise === enterprise)

const followUps = (src: Source) => {
  const state = fold(src.events)
  return Chunk.toReadonlyArray(state.subProjects.keyAreas.evidence).flatMap((a) =>
    a.evidence._tag === "key-enterprise-followup" ? [{ eventId: a.eventId, evidence: a.evidence }] : []
  )
}

/** The key-enterprise follow-up inspection record (step 3). @internal */
export const followUpRecord = (src: Source, enterprise: string | undefined): Document.Document => {
  const state = fold(src.events)
  const evidence = Chunk.toReadonlyArray(state.subProjects.keyAreas.evidence).map((a) => a.evidence)
  const rows = followUps(src).filter((f) => enterprise === undefined || f.evidence.enterprise === enterprise)
  const last = rows.at(-1)!
  const recorded = src.events.find((e) => e.id === last.eventId)
  const issuer = recorded !== undefined
    ? issuerOf(recorded)
    : (lastSub(src.events, "ContractSigned", "keyAreas")?.supplierName ?? "工伤预防服务机构")
  const date = rows.map((r) => r.evidence.date).sort().at(-1)!
  const title = subProjectTitle(src.config, "keyAreas", date)
  const stepDate = (name: string, tag: "key-enterprise-survey" | "key-enterprise-training"): string => {
    const e = evidence.find((x) => x._tag === tag && (x as { enterprise: string }).enterprise === name)
    return e === undefined ? "未开展" : zhDate(e.date)
  }
  const completed = Quota.completedKeyEnterprises(evidence)
  const required = param<number>(src.config, "quota.keyEnterprises", date)
  return Document.make({
    title: `${title}重点企业回访巡查记录`,
    issuer,
    recipients: [agencyName(src)],
    date,
    footer: "— {page} —",
    blocks: [
      Block.paragraph(
        "根据实施方案四（二）一是第三步“开展工伤预防回访巡查”的要求，我单位组织专业人员对重点企业开展回访巡查，查看企业隐患整改落实情况，" +
          "收集整改信息并提出建议，现将回访巡查情况记录如下。"
      ),
      Block.heading(1, "回访巡查情况"),
      Block.table({
        header: [["序号", "重点企业", "第一步调研", "第二步培训", "第三步回访巡查", "巡查报告"]],
        body: rows.map((r, i) => [
          String(i + 1),
          r.evidence.enterprise,
          stepDate(r.evidence.enterprise, "key-enterprise-survey"),
          stepDate(r.evidence.enterprise, "key-enterprise-training"),
          zhDate(r.evidence.date),
          r.evidence.inspectionReport
        ]),
        align: ["center", "left", "center", "center", "center", "left"],
        widths: [0.7, 2.2, 1.7, 1.7, 1.7, 2.6]
      }),
      Block.heading(1, "三步精准培训完成情况"),
      Block.paragraph([
        "截至",
        zhDate(date),
        "，完成调研、定制化培训和回访巡查三个步骤的重点企业共",
        Inline.bold(`${completed.length}家`),
        required === undefined
          ? "。"
          : `，实施方案要求${required}家，${completed.length >= required ? "已完成" : "尚未完成"}。`
      ]),
      Block.heading(1, "整改跟踪"),
      Block.paragraph(
        "对回访中发现的隐患整改未落实事项，服务机构将继续跟踪督促，并在下一期月度简报中报告整改落实情况。"
      ),
      Block.table({
        caption: "签字确认",
        header: [["巡查人员（签字）", "企业负责人（签字）"]],
        body: [["", ""]],
        align: ["center", "center"]
      }),
      Block.signature({ issuer, date, seal: true })
    ]
  })
}
