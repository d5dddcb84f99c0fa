/**
 * The annual implementation plan (实施方案) as data: a template holding the
 * plan's text clause by clause with named blanks, which rendering fills from
 * the parameters and document settings and otherwise leaves word for word as
 * written. The seed plan ships as {@link seed}; a city adopts its own wording
 * by supplying its own template in the same format.
 *
 * ## Format
 *
 * A UTF-8 text file, one clause a line: `【类型】条款原文`. Types: `标题` (the
 * title, exactly once), `正文` (a paragraph), `要点` (a paragraph whose lead-in
 * heading ends at `｜`, e.g. `【要点】（一）政府主导，专业运作。｜工伤预防工作由…`),
 * `一级` to `四级` (headings, written with their own numbering: `一、`,
 * `（一）`, `①`…). `·可选` after the type (`【正文·可选】`) marks a clause that
 * is removed whole when one of its blanks has no value; a required clause with
 * an unfilled blank is an error. Blanks are `{名称}` with a name from
 * {@link blankNames}. Empty lines and lines starting with `#` are ignored.
 * Problems are reported as `file:line`.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { PlanTemplate } from "@gsyf/documents"
 * const mine = PlanTemplate.parse(readFileSync("plan.txt", "utf8"), "plan.txt")
 * if (Either.isLeft(mine)) console.error(mine.left.message) // plan.txt:12: unknown blank {城镇} / 未知的空格{城镇}
 * ```
 *
 * @since 0.1.0
 */
import { InputError } from "@gsyf/core"
import * as Either from "effect/Either"
import * as Block from "./Block.js"
import * as Inline from "./Inline.js"
import { blanks, isBlank } from "./internal/planBlanks.js"
import { seedPlanTemplate } from "./internal/seedPlanTemplate.js"

/**
 * The kind of a clause: the title, a paragraph, a paragraph with a lead-in
 * heading, or a heading of level 1 to 4.
 *
 * @since 0.1.0
 * @category models
 */
export type ClauseKind = "title" | "text" | "lead" | "h1" | "h2" | "h3" | "h4"

const kindOf: Readonly<Record<string, ClauseKind>> = {
  标题: "title",
  正文: "text",
  要点: "lead",
  一级: "h1",
  二级: "h2",
  三级: "h3",
  四级: "h4"
}

/**
 * One clause of a template, as written (blanks unfilled).
 *
 * @since 0.1.0
 * @category models
 */
export interface Clause {
  readonly kind: ClauseKind
  /** The text with its `{blanks}`; a lead clause keeps its `｜`. */
  readonly text: string
  /** Removed whole when a blank has no value. */
  readonly optional: boolean
  /** The line of the template file. */
  readonly line: number
}

/**
 * A parsed template.
 *
 * @since 0.1.0
 * @category models
 */
export interface PlanTemplate {
  /** The file name used in messages. */
  readonly file: string
  readonly clauses: ReadonlyArray<Clause>
}

/**
 * A clause with its blanks filled.
 *
 * @since 0.1.0
 * @category models
 */
export interface FilledClause {
  readonly kind: ClauseKind
  /** The whole clause text, lead-in included. */
  readonly text: string
  /** The lead-in heading of a `lead` clause. */
  readonly lead?: string | undefined
  readonly line: number
  /** The plan section it belongs to, as the plan numbers it: `三（八）`, `六`. */
  readonly section: string
}

/**
 * A template filled for one project: its title and clauses.
 *
 * @since 0.1.0
 * @category models
 */
export interface FilledPlan {
  readonly title: string
  readonly clauses: ReadonlyArray<FilledClause>
}

const MAX_CHARS = 1_000_000
const MAX_CLAUSES = 5_000
const LEAD_MARK = "｜"
const blankPattern = /\{([^{}]*)\}/g

const issue = (file: string, line: number, zh: string, en: string) =>
  new InputError.InputIssue({ path: `${file}:${line}`, zh, en })

const invalid = (file: string, issues: ReadonlyArray<InputError.InputIssue>) =>
  new InputError.InvalidInput({ subject: `PlanTemplate ${file}`, issues: [...issues] })

/**
 * The names of the blanks in a clause text, in order.
 *
 * @since 0.1.0
 * @category getters
 */
export const blanksOf = (text: string): ReadonlyArray<string> => [...text.matchAll(blankPattern)].map((m) => m[1]!)

const checkClause = (file: string, line: number, kind: ClauseKind, text: string): Array<InputError.InputIssue> => {
  const out: Array<InputError.InputIssue> = []
  if (text.trim() === "") out.push(issue(file, line, "条款没有内容", "the clause is empty"))
  for (const name of blanksOf(text)) {
    if (!isBlank(name)) out.push(issue(file, line, `未知的空格{${name}}`, `unknown blank {${name}}`))
  }
  if (/[{}]/.test(text.replace(blankPattern, ""))) {
    out.push(issue(file, line, "花括号不成对", "unmatched brace"))
  }
  const marks = text.split(LEAD_MARK).length - 1
  if (kind === "lead" && marks !== 1) {
    out.push(issue(file, line, "要点条款须有且只有一个“｜”", "a lead clause needs exactly one ｜"))
  }
  if (kind !== "lead" && marks > 0) {
    out.push(issue(file, line, "只有要点条款可以用“｜”", "only a lead clause may use ｜"))
  }
  return out
}

const parseLine = (
  file: string,
  raw: string,
  line: number
): Either.Either<Clause | undefined, ReadonlyArray<InputError.InputIssue>> => {
  const trimmed = raw.trim()
  if (trimmed === "" || trimmed.startsWith("#")) return Either.right(undefined)
  const m = /^【([^】·]+)(·可选)?】(.*)$/.exec(trimmed)
  if (m === null) {
    return Either.left([issue(file, line, "条款须以【类型】开头", "a clause must start with 【type】")])
  }
  const kind = kindOf[m[1]!]
  if (kind === undefined) {
    return Either.left([
      issue(
        file,
        line,
        `未知的条款类型【${m[1]}】，可用：${Object.keys(kindOf).join("、")}`,
        `unknown clause type 【${m[1]}】`
      )
    ])
  }
  const text = m[3]!
  const problems = checkClause(file, line, kind, text)
  return problems.length > 0 ? Either.left(problems) : Either.right({ kind, text, optional: m[2] !== undefined, line })
}

/**
 * Parses and checks a template: clause types, blank names, braces and the
 * single title. Every problem is reported with its `file:line`.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (text: string, file = "template"): Either.Either<PlanTemplate, InputError.InvalidInput> => {
  if (text.length > MAX_CHARS) {
    return Either.left(invalid(file, [issue(file, 1, "模板超过100万字", "the template exceeds 1,000,000 characters")]))
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/)
  const clauses: Array<Clause> = []
  const problems: Array<InputError.InputIssue> = []
  lines.forEach((raw, i) => {
    const parsed = parseLine(file, raw, i + 1)
    if (Either.isLeft(parsed)) problems.push(...parsed.left)
    else if (parsed.right !== undefined) clauses.push(parsed.right)
  })
  const titles = clauses.filter((c) => c.kind === "title")
  if (titles.length !== 1) {
    problems.push(
      issue(file, titles[1]?.line ?? 1, "模板须有且只有一个【标题】", "the template needs exactly one 【标题】 clause")
    )
  }
  if (clauses.length > MAX_CLAUSES) {
    problems.push(issue(file, 1, `条款超过${MAX_CLAUSES}条`, `more than ${MAX_CLAUSES} clauses`))
  }
  return problems.length > 0 ? Either.left(invalid(file, problems)) : Either.right({ file, clauses })
}

/**
 * The seed plan as a template: the text of 《工伤预防项目工作实施方案》 clause by
 * clause, each `x` of the seed a named blank.
 *
 * @since 0.1.0
 * @category constants
 */
export const seed: PlanTemplate = Either.getOrThrow(parse(seedPlanTemplate, "seed-plan.txt"))

/**
 * The seed template's text, to start a city's own template from.
 *
 * @since 0.1.0
 * @category constants
 */
export const seedText: string = seedPlanTemplate

/**
 * Every blank name a template may use, with what fills it (in Chinese).
 *
 * @since 0.1.0
 * @category constants
 */
export const blankNames: ReadonlyArray<{ readonly name: string; readonly zh: string }> = Object.entries(blanks).map((
  [name, b]
) => ({ name, zh: b.zh }))

const numeral = "[一二三四五六七八九十]+"
const h1Label = new RegExp(`^(${numeral})、`)
const h2Label = new RegExp(`^（(${numeral})）`)

/** Tracks the section (`三（八）`) as headings go by. */
const sectionTracker = () => {
  let h1 = ""
  let h2 = ""
  return (kind: ClauseKind, text: string): string => {
    const top = h1Label.exec(text)?.[1]
    if (kind === "h1" && top !== undefined) {
      h1 = top
      h2 = ""
      return h1
    }
    const sub = h2Label.exec(text)?.[1]
    if (kind === "h2" && sub !== undefined) h2 = sub
    if (kind === "lead" && sub !== undefined) return `${h1}（${sub}）`
    return h2 === "" ? h1 : `${h1}（${h2}）`
  }
}

/**
 * Fills every blank from `value`. An optional clause with a blank that has no
 * value is removed whole; a required one is an error naming its `file:line`.
 *
 * @since 0.1.0
 * @category filling
 */
export const fill = (
  template: PlanTemplate,
  value: (name: string) => string | undefined
): Either.Either<FilledPlan, InputError.InvalidInput> => {
  // the lines of the required clauses each blank without a value leaves unfilled
  const unfilled = new Map<string, Array<number>>()
  const section = sectionTracker()
  const clauses: Array<FilledClause> = []
  for (const c of template.clauses) {
    const missing = blanksOf(c.text).filter((name) => (value(name) ?? "") === "")
    if (missing.length > 0) {
      if (!c.optional) {
        for (const name of missing) {
          const lines = unfilled.get(name) ?? []
          if (lines.at(-1) !== c.line) lines.push(c.line)
          unfilled.set(name, lines)
        }
      }
      continue
    }
    const filled = c.text.replace(blankPattern, (_, name: string) => value(name)!)
    const [lead, rest] = c.kind === "lead" ? filled.split(LEAD_MARK) : [undefined, undefined]
    const text = lead === undefined ? filled : `${lead}${rest ?? ""}`
    clauses.push({ kind: c.kind, text, lead, line: c.line, section: section(c.kind, text) })
  }
  if (unfilled.size > 0) return Either.left(invalid(template.file, [...unfilled].map(unfilledIssue(template.file))))
  const [title, ...body] = clauses
  return Either.right({
    title: title?.kind === "title" ? title.text : "",
    clauses: body.filter((c) => c.kind !== "title")
  })
}

/** One issue per blank without a value: at its first line, with what fills it and the other lines it is on. */
const unfilledIssue = (file: string) => ([name, [first, ...others]]: [string, Array<number>]) => {
  const what = isBlank(name) ? `（${blanks[name]!.zh}）` : ""
  return issue(
    file,
    first!,
    `空格{${name}}${what}没有值${others.length === 0 ? "" : `，另见第${others.join("、")}行`}`,
    `blank {${name}} has no value${others.length === 0 ? "" : ` (also lines ${others.join(", ")})`}`
  )
}

const headingLevel: Readonly<Record<"h1" | "h2" | "h3" | "h4", Block.Level>> = { h1: 1, h2: 2, h3: 3, h4: 4 }

/**
 * The blocks of a filled plan: headings keep their own numbering (no
 * automatic labels), lead-in headings are bold.
 *
 * @since 0.1.0
 * @category rendering
 */
export const toBlocks = (plan: FilledPlan): ReadonlyArray<Block.Block> =>
  plan.clauses.map((c) => {
    switch (c.kind) {
      case "h1":
      case "h2":
      case "h3":
      case "h4":
        return Block.heading(headingLevel[c.kind], c.text, { label: "" })
      case "lead":
        return Block.paragraph([Inline.bold(c.lead ?? ""), c.text.slice((c.lead ?? "").length)])
      case "text":
      case "title":
        return Block.paragraph(c.text)
    }
  })

/**
 * The first sentence (up to and including its `。`) of a section of the
 * filled plan that contains `words`, for quoting the plan in other documents.
 *
 * @since 0.1.0
 * @category getters
 */
export const quote = (plan: FilledPlan, section: string, words: string): string | undefined =>
  plan.clauses
    .filter((c) => c.section === section && (c.kind === "text" || c.kind === "lead"))
    .flatMap((c) => c.text.slice((c.lead ?? "").length).match(/[^。；]+[。；]?/g) ?? [])
    .find((s) => s.includes(words))
    ?.replace(/；$/, "。")
