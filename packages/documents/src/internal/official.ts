/**
 * Official Chinese in every project document: half-width punctuation next to
 * Chinese text in its full-width form, ISO dates in running text as Chinese
 * dates, quotations of the plan taken from the rendered plan (never the seed's
 * `x` blanks), legal bases cited as a clerk cites them, and actors by their
 * Chinese display names.
 *
 * @internal
 */
import { Actor, type LegalBasis, type Plugin } from "@gsyf/core"
import * as Either from "effect/Either"
import * as Block from "../Block.js"
import * as Document from "../Document.js"
import * as Inline from "../Inline.js"
import { chineseDate } from "../Numbering.js"
import * as PlanTemplate from "../PlanTemplate.js"
import { blankValue } from "./planBlanks.js"
import { cityYear, latest, param, type Source } from "./projectFacts.js"

const cjk = "[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef“”]"
const full: Readonly<Record<string, string>> = {
  "(": "（",
  ")": "）",
  ",": "，",
  ":": "：",
  ";": "；",
  "?": "？",
  "!": "！"
}

/** A half-width ")" that closes a full-width "（" in its full-width form, so the pair matches. */
const closePairs = (text: string): string => {
  if (!text.includes(")")) return text
  const open: Array<string> = []
  let out = ""
  for (const ch of text) {
    if (ch === "（" || ch === "(") open.push(ch)
    if (ch === ")" || ch === "）") {
      out += open.pop() === "（" ? "）" : ch
      continue
    }
    out += ch
  }
  return out
}

/** Full-width punctuation next to Chinese text, and ISO dates as Chinese dates. @internal */
export const officialText = (text: string): string =>
  closePairs(
    text
      .replace(/(?<![\d-])(\d{4}-\d{2}-\d{2})(?![\d-])/g, (d) => chineseDate(d))
      .replace(new RegExp(`(?<=${cjk})\\s*[(),:;?!]|[(),:;?!]\\s*(?=${cjk})`, "g"), (m) => full[m.trim()] ?? m)
      .replace(/(?<=[\u4e00-\u9fff（）》]) (?=[\u4e00-\u9fff（《])/g, "")
  )

const runs = (list: ReadonlyArray<Inline.Run>): Array<Inline.Run> =>
  list.map((r) => new Inline.Run({ ...r, text: officialText(r.text) }))

const cell = (c: Block.Cell): Block.Cell => new Block.Cell({ ...c, runs: runs(c.runs) })

const block = (b: Block.Block): Block.Block => {
  switch (b._tag) {
    case "Heading":
      return new Block.Heading({ ...b, text: officialText(b.text) })
    case "Paragraph":
      return new Block.Paragraph({ ...b, runs: runs(b.runs) })
    case "Table":
      return new Block.Table({
        ...b,
        ...(b.caption !== undefined ? { caption: officialText(b.caption) } : {}),
        header: b.header.map((r) => r.map(cell)),
        body: b.body.map((r) => r.map(cell))
      })
    case "List":
      return new Block.List({ ...b, items: b.items.map(runs) })
    case "KeyValue":
      return new Block.KeyValue({
        ...b,
        rows: b.rows.map((r) => new Block.KeyValueRow({ key: officialText(r.key), value: runs(r.value) }))
      })
    case "Note":
      return new Block.Note({ ...b, runs: runs(b.runs) })
    case "Signature":
    case "PageBreak":
      return b
  }
}

/** The document in official Chinese. @internal */
export const official = (doc: Document.Document): Document.Document =>
  new Document.Document({
    ...doc,
    meta: new Document.Meta({
      ...doc.meta,
      title: officialText(doc.meta.title),
      ...(doc.meta.subtitle !== undefined ? { subtitle: officialText(doc.meta.subtitle) } : {})
    }),
    blocks: doc.blocks.map(block)
  })

const plans = new WeakMap<object, PlanTemplate.FilledPlan | undefined>()

/** The seed plan filled for the project (cached per configuration). @internal */
export const renderedPlan = (src: Source): PlanTemplate.FilledPlan | undefined => {
  if (plans.has(src.config)) return plans.get(src.config)
  const context = { config: src.config, events: src.events, at: latest, given: src.settings?.blanks ?? {} }
  const plan = Either.getOrUndefined(PlanTemplate.fill(PlanTemplate.seed, (n) => blankValue(n, context)))
  plans.set(src.config, plan)
  return plan
}

/** The section of a plan citation, as the plan numbers it: `实施方案 三(四)` → `三（四）`. */
const sectionOf = (citation: string): string | undefined =>
  /^实施方案\s*(\S+)/.exec(citation)?.[1]?.replace(/\(/g, "（").replace(/\)/g, "）")

/** The sentence of the rendered plan that a note written with the seed's `x` blanks stands for. @internal */
export const planQuote = (src: Source, section: string, note: string): string | undefined => {
  const plan = renderedPlan(src)
  if (plan === undefined) return undefined
  const fragments = officialText(note).split(/x+/).filter((f) => f !== "")
  const longest = [...fragments].sort((a, b) => b.length - a.length)[0] ?? ""
  const sentence = PlanTemplate.quote(plan, section, longest)
  return sentence !== undefined && fragments.every((f) => sentence.includes(f)) ? sentence : undefined
}

/** A legal basis as a clerk cites it: the plan's own words for its blanks, 工作约定 for gsyf's conventions. @internal */
export const basisTextFor = (src: Source) => (b: LegalBasis.LegalBasis): string => {
  const section = sectionOf(b.citation)
  const citation = section !== undefined ? `实施方案${section}` : b.level === "gsyf" ? "工作约定" : b.citation
  if (b.note === undefined) return citation
  const note = section !== undefined && /x/.test(b.note) ? planQuote(src, section, b.note) ?? "" : b.note
  return note === "" ? citation : `${citation}（${note.replace(/。$/, "")}）`
}

/** Full Chinese names of the committee's member units (实施方案 七(一)). @internal */
export const memberUnitFullNames: Readonly<Record<Actor.SeedMemberUnit, string>> = {
  hr: "人力资源和社会保障局",
  "industry-it": "工业和信息化局",
  finance: "财政局",
  "emergency-management": "应急管理局",
  health: "卫生健康委员会",
  "housing-construction": "住房和城乡建设局",
  transport: "交通运输局",
  "trade-union": "总工会"
}

/** The name a city's own member unit has in `committee.memberUnits`. */
const memberUnitName = (config: Plugin.Config, unit: string): string | undefined =>
  param<ReadonlyArray<{ readonly id: string; readonly name: string }>>(config, "committee.memberUnits", latest)
    ?.find((u) => u.id === unit)?.name

/**
 * The Chinese display name of an actor's organisation: a document setting for
 * its id or organisation, else a seed member unit's full name in the city or
 * a city's own unit by the name `committee.memberUnits` lists it under, else the
 * organisation as recorded when it is Chinese, else the role's name. @internal
 */
export const displayName = (
  src: Pick<Source, "settings" | "config"> | undefined,
  actor: { readonly id?: string; readonly organisation?: string; readonly role?: string; readonly unit?: string }
): string => {
  const names = src?.settings?.names ?? {}
  const given = [actor.id, actor.organisation, actor.unit].find((k) => k !== undefined && Object.hasOwn(names, k))
  if (given !== undefined) return names[given]!
  const unit = actor.unit as Actor.SeedMemberUnit | undefined
  if (unit !== undefined && Object.hasOwn(memberUnitFullNames, unit)) {
    return `${src === undefined ? "" : cityYear(src.config).city}${memberUnitFullNames[unit]}`
  }
  const listed = unit === undefined || src === undefined ? undefined : memberUnitName(src.config, unit)
  if (listed !== undefined) return listed
  if (actor.organisation !== undefined && !/[A-Za-z]/.test(actor.organisation)) return actor.organisation
  const role = actor.role as Actor.Role | undefined
  return role !== undefined && Object.hasOwn(Actor.roleNames, role) ? Actor.roleNames[role] : "—"
}
