/**
 * The acceptance report (三(九)) and the audit trail extract.
 *
 * @internal
 */
import { AuditTrail, EventStore, IsoDate, Money } from "@gsyf/core"
import type { Plugin } from "@gsyf/core"
import * as Block from "../Block.js"
import * as Document from "../Document.js"
import * as Inline from "../Inline.js"
import { chineseDate } from "../Numbering.js"
import { basisTextFor, displayName } from "./official.js"
import {
  amountRuns,
  committeeName,
  distinctBases,
  eventName,
  type EventOf,
  issuerOf,
  lastSub,
  type Source,
  subEventsOf,
  type SubProject,
  subProjectTitle,
  zhDate
} from "./projectFacts.js"

type Evaluation = EventOf<"AcceptancePassed"> | EventOf<"AcceptanceFailed">

const evaluations = (src: Source, sub: SubProject): ReadonlyArray<Evaluation> =>
  src.events.filter(
    (e): e is Evaluation => (e._tag === "AcceptancePassed" || e._tag === "AcceptanceFailed") && e.subProject === sub
  )

const pick = (src: Source, sub: SubProject, attempt: number | undefined): Evaluation | undefined => {
  const all = evaluations(src, sub)
  return attempt === undefined ? all.at(-1) : all.find((e) => e.attempt === attempt)
}

/** Whether an acceptance report can be built. @internal */
export const acceptanceReady = (src: Source, sub: SubProject, attempt: number | undefined): boolean =>
  pick(src, sub, attempt) !== undefined

/** The acceptance report. @internal */
export const acceptanceReport = (src: Source, sub: SubProject, attempt: number | undefined): Document.Document => {
  const ev = pick(src, sub, attempt)!
  const passed = ev._tag === "AcceptancePassed"
  const title = subProjectTitle(src.config, sub, ev.evaluatedOn)
  const issuer = issuerOf(ev)
  const contract = lastSub(src.events, "ContractSigned", sub)
  const applied = subEventsOf(src.events, "AcceptanceApplied", sub).filter((a) => a.attempt === ev.attempt).at(-1)
  const filed = passed ? subEventsOf(src.events, "AcceptanceReportFiled", sub).find((f) => f.at >= ev.at) : undefined
  const unmet = ev.items.filter((i) => !i.met)
  const metItems = ev.items.length - unmet.length
  const committee = committeeName(src)
  const paid = subEventsOf(src.events, "PaymentMade", sub).filter((p) => p.paidOn <= ev.evaluatedOn)
  return Document.make({
    title: `${title}验收报告`,
    subtitle: ev.attempt > 1 ? `（第${ev.attempt}次验收）` : undefined,
    number: filed?.reportNumber,
    issuer,
    recipients: [`${committee}办公室`],
    date: ev.evaluatedOn,
    footer: "— {page} —",
    blocks: [
      Block.paragraph(
        `根据实施方案三（九）的规定和项目合同约定，${issuer}${
          applied !== undefined ? `收到服务机构${zhDate(applied.appliedOn)}提出的验收申请后，` : ""
        }` +
          `于${
            zhDate(ev.evaluatedOn)
          }组织${ev.experts.length}名专家，对${title}的实施情况和绩效目标实现情况进行了评估验收。现将验收情况报告如下。`
      ),
      Block.heading(1, "项目基本情况"),
      Block.keyValue([
        ["项目名称", title],
        ["服务机构", contract?.supplierName ?? "—"],
        ["合同编号", contract?.contractId ?? "—"],
        ["合同金额", contract === undefined ? "—" : [...amountRuns(contract.amount)]],
        ["服务期限", contract === undefined ? "—" : `${zhDate(contract.signedOn)}至${zhDate(contract.periodEnd)}`],
        [
          "已付款项",
          paid.length === 0
            ? "无"
            : paid.map((p) => `${p.kind === "advance" ? "预付款" : "余款"}${Money.format(p.amount)}`).join("；")
        ],
        ...(applied !== undefined
          ? ([
            ["验收申请", `${zhDate(applied.appliedOn)}（第${applied.attempt}次）`],
            [
              "费用票据",
              `${applied.receipts.map((r) => r.number).join("、")}，合计${Money.format(applied.receiptsTotal)}`
            ]
          ] as const)
          : [])
      ]),
      Block.heading(1, "验收组织"),
      Block.table({
        header: [["序号", "姓名", "单位"]],
        body: ev.experts.map((x, i) => [String(i + 1), x.name, x.organisation]),
        align: ["center", "center", "left"],
        widths: [0.8, 2, 5]
      }),
      Block.heading(1, "任务完成情况"),
      Block.paragraph([
        `合同约定的${ev.items.length}项数量指标中，合格`,
        Inline.bold(`${metItems}项`),
        "，不合格",
        Inline.bold(`${unmet.length}项`),
        "。"
      ]),
      Block.table({
        header: [["序号", "指标", "要求", "完成", "结论"]],
        body: ev.items.map((i, n) => [
          String(n + 1),
          i.note === undefined ? i.title.zh : `${i.title.zh}（${i.note.zh}）`,
          `${i.required}${i.unit}`,
          `${i.done}${i.unit}`,
          i.met ? "合格" : Inline.bold("不合格")
        ]),
        align: ["center", "left", "center", "center", "center"],
        widths: [0.8, 5, 1.3, 1.3, 1.2]
      }),
      Block.heading(1, "绩效目标实现情况"),
      ev.targets.length === 0
        ? Block.paragraph("合同未约定绩效目标。")
        : Block.table({
          header: [["序号", "绩效指标", "目标值", "实际值", "结论"]],
          body: ev.targets.map((
            t,
            n
          ) => [String(n + 1), t.name, t.target, t.actual, t.met ? "达成" : Inline.bold("未达成")]),
          align: ["center", "left", "center", "center", "center"],
          widths: [0.8, 4, 1.6, 1.6, 1.4]
        }),
      Block.heading(1, "验收结论"),
      ...(ev._tag === "AcceptancePassed"
        ? [
          Block.paragraph([
            "经评估验收，项目完成合同约定的数量、质量要求和绩效目标，",
            Inline.bold("验收合格"),
            "。按合同约定，应向服务机构支付项目余款",
            ...amountRuns(ev.balanceDue),
            `，付款期限至${zhDate(ev.dueDate)}。`
          ]),
          Block.paragraph(`付款期限计算：${ev.dueExplanation.zh}。`)
        ]
        : [
          Block.paragraph([
            "经评估验收，项目存在未完成的合同约定事项，",
            Inline.bold("验收不合格"),
            "。暂不支付项目余款。"
          ]),
          Block.heading(2, "整改通知"),
          Block.paragraph([
            `请${contract?.supplierName ?? "服务机构"}对下列事项进行整改，并于`,
            Inline.bold(`${zhDate(ev.rectification.deadline)}`),
            "前完成整改后重新提出验收申请："
          ]),
          Block.numbered(ev.rectification.items),
          Block.paragraph(`整改期限计算：${ev.rectification.explanation.zh}。`)
        ]),
      ...(ev.remarks !== undefined ? [Block.note(ev.remarks, { label: "备注" })] : []),
      Block.heading(1, "依据"),
      Block.numbered(distinctBases(ev.basis).map(basisTextFor(src))),
      Block.paragraph(`本报告报${committee}办公室备案，并作为开展下一年度项目的重要依据。`),
      Block.table({
        caption: "验收专家签字",
        header: [["序号", "姓名", "单位", "签字"]],
        body: ev.experts.map((x, i) => [String(i + 1), x.name, x.organisation, ""]),
        align: ["center", "center", "left", "center"],
        widths: [0.8, 2, 4, 2]
      }),
      Block.signature({ issuer, date: ev.evaluatedOn, seal: true })
    ]
  })
}

/** A stored event as the audit extract reads it. @internal */
export interface StoredLike extends AuditTrail.ChainedEvent {
  readonly globalPosition?: number | undefined
}

const groups = (hash: string): string => hash.replace(/(.{16})(?=.)/g, "$1 ")

const dataField = (data: unknown, key: string): unknown =>
  typeof data === "object" && data !== null ? (data as Record<string, unknown>)[key] : undefined

/** A field of a stored event's data, or of the record the data names (who acted is kept there from version 3). */
const fieldOf = (e: StoredLike, key: string): unknown => {
  const own = dataField(e.data, key)
  const record = e.record
  if (own !== undefined || record === undefined || dataField(e.data, EventStore.recordKey) !== record.ref) return own
  try {
    return dataField(record.value ?? JSON.parse(record.json), key)
  } catch {
    return undefined
  }
}

const actorOf = (e: StoredLike): { readonly organisation?: unknown; readonly role?: unknown } | undefined => {
  const a = fieldOf(e, "actor")
  return typeof a === "object" && a !== null
    ? (a as { readonly organisation?: unknown; readonly role?: unknown })
    : undefined
}

/** The options of the audit trail extract. @internal */
export interface AuditOptions {
  readonly events: ReadonlyArray<StoredLike>
  readonly streamId?: string | undefined
  readonly fromPosition?: number | undefined
  readonly toPosition?: number | undefined
  readonly subject?: string | undefined
  readonly issuer?: string | undefined
  readonly date?: string | undefined
  /** Display names of actors (document settings) and the configuration (the city). */
  readonly settings?: Source["settings"]
  readonly config?: Plugin.Config | undefined
}

/** The business date of a stored event: the time its command says it happened, else when it was stored. */
const businessDate = (e: StoredLike): string => {
  const at = dataField(e.data, "at")
  return typeof at === "string" && /^\d{4}-\d{2}-\d{2}T/.test(at)
    ? IsoDate.dateOf(at as IsoDate.IsoDateTime)
    : e.recordedAt.slice(0, 10)
}

const subProjectSuffix: Readonly<Record<string, string>> = { hazchem: "（危化）", keyAreas: "（重点领域）" }

/** The audit trail extract with its verification status. @internal */
export const auditExtract = (o: AuditOptions): Document.Document => {
  const result = AuditTrail.verify(o.events)
  const rows = o.events.filter(
    (e) =>
      (o.streamId === undefined || e.streamId === o.streamId) &&
      (o.fromPosition === undefined || e.position >= o.fromPosition) &&
      (o.toPosition === undefined || e.position <= o.toPosition)
  )
  const streams = [...new Set(o.events.map((e) => e.streamId))]
  const names = { settings: o.settings, config: undefined }
  const actorName = (e: StoredLike) => {
    const a = actorOf(e) as Parameters<typeof displayName>[1] | undefined
    return a === undefined ? "—" : displayName(o.config === undefined ? undefined : { ...names, config: o.config }, a)
  }
  const agency = o.events.find((e) => actorOf(e)?.role === "agency")
  const issuer = o.issuer ?? (agency !== undefined ? actorName(agency) : "社会保险经办机构")
  const last = o.events.at(-1)
  const date = o.date ?? (last !== undefined ? businessDate(last) : undefined)
  const brokenAt = result.ok ? undefined : { streamId: result.streamId, position: result.firstBrokenPosition }
  const subject = o.subject ?? "工伤预防项目"
  return Document.make({
    title: `${subject}审计追踪摘录`,
    issuer,
    date,
    footer: "— {page} / {pages} —",
    blocks: [
      Block.paragraph(
        "本摘录自项目事件库导出。每条事件按规范化文本计算 SHA-256 哈希值，并与前一条事件的哈希值相链接（哈希链）；" +
          "任何事件被改动、删除或插入，校验都会在该处中断。"
      ),
      Block.heading(1, "校验结果"),
      result.ok
        ? Block.paragraph([
          Inline.bold("校验通过。"),
          `共校验${result.count}条事件（${streams.length}个事件流），哈希链完整。`
        ])
        : Block.paragraph([
          Inline.bold("校验未通过。"),
          `${result.zh.replace(/^流\s*\S+?\s*第/, "第")}。该处及其后的事件不能视为可信记录。`
        ]),
      Block.keyValue([
        ["项目", subject],
        ["事件总数", String(o.events.length)],
        [
          "摘录范围",
          rows.length === 0 ? "无" : `第${rows[0]!.position}号至第${rows.at(-1)!.position}号，共${rows.length}条`
        ],
        ["校验状态", result.ok ? "通过" : `未通过（第${result.firstBrokenPosition}号起）`],
        ["链头哈希值", result.ok ? groups(result.head) : "—"]
      ]),
      Block.heading(1, "事件清单"),
      Block.table({
        header: [["序号", "事件", "发生日期", "操作单位", "哈希值（前16位）"]],
        body: rows.map((e) => {
          const broken = brokenAt !== undefined && e.streamId === brokenAt.streamId && e.position >= brokenAt.position
          const sub = dataField(e.data, "subProject")
          return [
            String(e.position),
            `${eventName(e.type)}${typeof sub === "string" ? subProjectSuffix[sub] ?? "" : ""}`,
            chineseDate(businessDate(e)),
            actorName(e),
            broken ? Inline.bold(`${e.hash.slice(0, 16)}（断）`) : e.hash.slice(0, 16)
          ]
        }),
        align: ["center", "left", "center", "left", "center"],
        widths: [0.7, 2.4, 1.8, 3.2, 2.3]
      }),
      Block.note("完整的事件数据及哈希值可导出为逐行文本文件，由审计人员用通用工具按同一方法独立复核。"),
      Block.signature({ issuer, date, seal: true })
    ]
  })
}
