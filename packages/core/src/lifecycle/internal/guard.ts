// Constructors of the guards the sections declare: order guards (the step comes at the wrong point of the
// lifecycle: `OutOfOrder`), checks (`RuleViolation`, findings accumulate) and authorisations (`Unauthorized`).
import type { LegalBasis } from "../../kernel/LegalBasis.js"
import { gsyf, national, plan, texts } from "../../kernel/LegalBasis.js"
import {
  type Finding,
  findings as findingsFor,
  type FindingsOf,
  type ParameterReader,
  type Title
} from "../../rules/Rule.js"
import type { Guard, Input } from "../Guard.js"
import type * as ProjectCommand from "../ProjectCommand.js"

type Name = ProjectCommand.Name

/** What documents a guard or a traced step (the rule reference renders it). */
export interface Doc {
  readonly id: string
  readonly title: Title
  readonly section: string
  readonly basis: ReadonlyArray<LegalBasis>
  readonly description: string
  readonly reads: ReadonlyArray<string>
}

/** A documented step: a computation of the decider whose parameter reads are traced under its id. */
export const step = (
  id: string,
  zh: string,
  en: string,
  section: string,
  basis: ReadonlyArray<LegalBasis>,
  description: string,
  reads: ReadonlyArray<string> = []
): Doc => ({ id, title: { zh, en }, section, basis, description, reads })

/**
 * An order guard: `when` gives the reason (Chinese, English) the command comes at the wrong point of the
 * lifecycle, or `undefined` when it is in order. Its basis is the plan section unless given.
 */
export const order = <K extends Name>(
  doc: {
    readonly id: string
    readonly zh: string
    readonly en: string
    readonly section: string
    readonly description: string
    readonly basis?: ReadonlyArray<LegalBasis>
  },
  when: (input: Input<K>) => readonly [zh: string, en: string] | undefined
): Guard<K> => {
  const f = findingsFor(doc.id)
  return {
    id: doc.id,
    title: { zh: doc.zh, en: doc.en },
    section: doc.section,
    basis: doc.basis ?? [plan(doc.section)],
    description: doc.description,
    reads: [],
    kind: "order",
    evaluate: (input) => {
      const reason = when(input)
      return reason === undefined ? [] : [f.error("", reason[0], reason[1])]
    }
  }
}

/** A check: its error findings reject the command with `RuleViolation` (with the findings of the other checks). */
export const check = <K extends Name>(
  doc: Doc,
  evaluate: (input: Input<K>, f: FindingsOf, parameters: ParameterReader) => ReadonlyArray<Finding>
): Guard<K> => {
  const f = findingsFor(doc.id)
  return { ...doc, kind: "check", evaluate: (input, parameters) => evaluate(input, f, parameters) }
}

/** Who was refused, who would have been allowed, and (optionally) why in Chinese and English. */
export interface Denied {
  readonly role: string
  readonly allowed: ReadonlyArray<string>
  readonly zh?: string | undefined
  readonly en?: string | undefined
}

/** An authorisation: `who` gives the actor and who would be allowed when the actor may not give the command. */
export const authorization = <K extends Name>(
  doc: Doc,
  who: (input: Input<K>) => Denied | undefined
): Guard<K> => {
  const f = findingsFor(doc.id)
  return {
    ...doc,
    kind: "authorization",
    evaluate: (input) => {
      const denied = who(input)
      if (denied === undefined) return []
      return [
        f.error(
          "actor",
          denied.zh ?? `${denied.role} 无权执行该命令`,
          denied.en ?? `${denied.role} may not give this command`,
          JSON.stringify(denied.allowed),
          denied.role
        )
      ]
    }
  }
}

/** Who was allowed, as an authorisation guard's finding records it. */
export const allowedOf = (finding: Finding): ReadonlyArray<string> => {
  try {
    const parsed: unknown = JSON.parse(finding.expected ?? "[]")
    return Array.isArray(parsed) ? parsed.map(String) : []
  } catch {
    return []
  }
}

/** The documented rules that hold across the plan (roles, input, calendar, parameters). */
export const general: ReadonlyArray<Doc> = [
  step(
    "roles.allowed",
    "按角色授权",
    "Only the roles allowed may give a command",
    "二、三、七",
    [plan("二(一)"), plan("三")],
    "每条命令列明可执行的角色(人社局、委员会、成员单位、财政局、经办机构、服务机构、专家、用人单位、公众);其他角色执行时拒绝并不作任何记录。评审打分只能由评审小组成员进行。"
  ),
  step(
    "input.schema",
    "输入符合格式",
    "Input matches its schema",
    "—",
    [gsyf("所有公开入口按 Schema 解码输入")],
    "命令的字段、类型和取值必须符合命令的 Schema;不符时按字段路径给出中英文说明,不写入任何内容。"
  ),
  step("calendar.covered", "日历覆盖所涉年份", "The calendar covers the year", "三(四)", [
    national(texts.holidays),
    gsyf("没有该年度放假安排时不作推测")
  ], "涉及工作日或顺延的期限须有该年度国务院办公厅放假安排;缺少时拒绝而不推测(可由插件补充)。"),
  step(
    "parameters.missing",
    "所需参数有有效取值",
    "Parameters in force",
    "—",
    [gsyf("无全国默认值的参数须由城市填写")],
    "规则读取的参数在当日须有有效取值。"
  )
]
