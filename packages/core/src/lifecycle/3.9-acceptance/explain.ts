// 三(九) summaries: how `Explain` tells each event of the section, in Chinese and English.
import * as Money from "../../kernel/Money.js"
import type { TagsOf } from "../internal/schemas.js"
import { type Bilingual, type Of, sub, subName, type Summaries, type Told, told } from "../internal/summary.js"
import type * as ProjectEvent from "../ProjectEvent.js"
import type { events } from "./events.js"

const unmetLine = (i: ProjectEvent.QuotaResult): Bilingual => ({
  zh: `${i.title.zh}:完成 ${i.done}${i.unit},要求 ${i.required}${i.unit}${i.note ? `;${i.note.zh}` : ""}`,
  en: `${i.title.en}: ${i.done} of ${i.required}${i.note ? `; ${i.note.en}` : ""}`
})

const explainAcceptance = (e: Of<"AcceptancePassed"> | Of<"AcceptanceFailed">): Told => {
  const sub = subName[e.subProject]
  const zh: Array<string> = []
  const en: Array<string> = []
  for (const i of e.items) {
    const l = unmetLine(i)
    zh.push(`${i.met ? "✓" : "✗"} ${l.zh}`)
    en.push(`${i.met ? "✓" : "✗"} ${l.en}`)
  }
  for (const t of e.targets) {
    zh.push(`${t.met ? "✓" : "✗"} 绩效目标“${t.name}”:目标 ${t.target},实际 ${t.actual}`)
    en.push(`${t.met ? "✓" : "✗"} target "${t.name}": ${t.target}, actual ${t.actual}`)
  }
  if (e._tag === "AcceptancePassed") {
    return told(
      `${sub.zh}第 ${e.attempt} 次验收合格(${e.evaluatedOn},${e.experts.length} 名专家):${e.items.length} 项数量指标全部完成;应付余款 ${
        Money.format(e.balanceDue)
      },${e.dueExplanation.zh}`,
      `${sub.en} passed acceptance on attempt ${e.attempt} (${e.evaluatedOn}, ${e.experts.length} experts): all ${e.items.length} quotas met; balance ${
        Money.format(e.balanceDue)
      } ${e.dueExplanation.en}`,
      { zh, en }
    )
  }
  const unmet = e.items.filter((i) => !i.met).map(unmetLine)
  const unmetTargets = e.targets.filter((t) => !t.met)
  const listZh = [...unmet.map((u) => u.zh), ...unmetTargets.map((t) => `绩效目标“${t.name}”未实现`)].join(";")
  const listEn = [...unmet.map((u) => u.en), ...unmetTargets.map((t) => `target "${t.name}" not met`)].join("; ")
  return told(
    `${sub.zh}第 ${e.attempt} 次验收不合格(${e.evaluatedOn}):${listZh};${e.rectification.explanation.zh}`,
    `${sub.en} failed acceptance on attempt ${e.attempt} (${e.evaluatedOn}): ${listEn}; ${e.rectification.explanation.en}`,
    { zh: [...zh, ...e.rectification.items.map((i) => `整改事项:${i}`)], en }
  )
}

export const summaries: Summaries<TagsOf<typeof events>> = {
  AcceptanceApplied: (e) =>
    told(
      `${sub(e).zh}第 ${e.attempt} 次申请验收(${e.appliedOn}),票据合计 ${Money.format(e.receiptsTotal)}`,
      `${e.subProject} applied for acceptance (attempt ${e.attempt}, ${e.appliedOn}), receipts ${
        Money.format(e.receiptsTotal)
      }`
    ),
  AcceptancePassed: (e) => explainAcceptance(e),
  AcceptanceFailed: (e) => explainAcceptance(e),
  AcceptanceReportFiled: (e) =>
    told(
      `${sub(e).zh}验收报告 ${e.reportNumber} 于 ${e.filedOn} 备案`,
      `acceptance report ${e.reportNumber} filed on ${e.filedOn}`
    )
}
