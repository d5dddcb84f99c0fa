/**
 * The reference texts the rules rest on, copied into the repository with their
 * sources (`docs/reference/national.yaml`, `docs/reference/plan.yaml`), and
 * the lookup that resolves a `LegalBasis` citation to the text it quotes:
 *
 * - `实施方案 三(五)` → the seed plan's clause 三(五);
 * - `《政府采购法》 第三十五条` → that article; `第五十二条、第五十三条` → both;
 *   `第二百零一条至第二百零三条` → the three; `第三十一条第二款` → the second
 *   paragraph; a citation with no article (`《全国年节及纪念日放假办法》`) → the
 *   document's `whole` entry;
 * - `gsyf 约定` → the convention as the rule states it (there is no outside text).
 *
 * Used by `scripts/rule-pages.ts`; `packages/cli/test/LegalTexts.test.ts`
 * fails when a rule's basis has no quoted text.
 */
import type { LegalBasis } from "@gsyf/core"
import { readFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { parse as parseYaml } from "yaml"

/** Where the copied texts are. */
export const referenceDir = join(resolve(dirname(fileURLToPath(import.meta.url)), ".."), "docs", "reference")

/** How a quotation stands to the text it cites. */
export type Kind = "verbatim" | "excerpt" | "summary" | "paraphrase" | "convention"

/** One quoted passage. */
export interface Passage {
  /** `第三十五条`, `三(五)`, `第三十一条第二款`, or `""` for a whole document or a convention. */
  readonly label: string
  readonly text: string
  readonly kind: Kind
  readonly source: string
  readonly confidence: string
}

/** What a citation resolves to. */
export interface Quotation {
  readonly citation: string
  /** The full title of the document, when there is one. */
  readonly title: string | undefined
  readonly passages: ReadonlyArray<Passage>
}

interface Entry {
  readonly text: string
  readonly kind?: Kind
  readonly source?: string
  readonly confidence?: string
}

interface Document {
  readonly citation: string
  readonly title: string
  readonly source: string
  readonly confidence: string
  readonly whole?: Entry
  readonly articles?: Readonly<Record<string, Entry>>
}

interface Plan {
  readonly source: string
  readonly confidence: string
  readonly clauses: Readonly<Record<string, Entry>>
}

/** The copied texts. */
export interface Library {
  readonly documents: ReadonlyArray<Document>
  readonly plan: Plan
}

/** Reads the copied texts from `dir` (default `docs/reference/`). */
export const load = (dir: string = referenceDir): Library => ({
  documents: (parseYaml(readFileSync(join(dir, "national.yaml"), "utf8")) as { documents: Array<Document> }).documents,
  plan: parseYaml(readFileSync(join(dir, "plan.yaml"), "utf8")) as Plan
})

const digits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const units: Record<string, number> = { 十: 10, 百: 100 }

/** `二百零一` → 201 (numbers below a thousand, as article numbers are written). */
export const fromChinese = (text: string): number => {
  let total = 0
  let pending = 0
  for (const ch of text) {
    if (ch in digits) pending = digits[ch]!
    else if (ch in units) {
      total += (pending === 0 ? 1 : pending) * units[ch]!
      pending = 0
    } else return Number.NaN
  }
  return total + pending
}

/** 201 → `二百零一` (below a thousand). */
export const toChinese = (n: number): string => {
  const names = "零一二三四五六七八九"
  const h = Math.floor(n / 100)
  const t = Math.floor((n % 100) / 10)
  const o = n % 10
  let out = h > 0 ? `${names[h]}百` : ""
  if (t > 0) out += `${h === 0 && t === 1 ? "" : names[t]}十`
  else if (h > 0 && o > 0) out += "零"
  if (o > 0) out += names[o]
  return out === "" ? "零" : out
}

/** The article labels a citation's tail names: `第一条、第三条`, `第一条至第三条`, `第三十一条第二款`, `三`. */
export const articleLabels = (tail: string): ReadonlyArray<string> =>
  tail.split("、").flatMap((part) => {
    const range = /^第(.+)条至第(.+)条$/.exec(part)
    if (range === null) return [part]
    const [from, to] = [fromChinese(range[1]!), fromChinese(range[2]!)]
    if (!(from <= to)) return [part]
    return Array.from({ length: to - from + 1 }, (_, i) => `第${toChinese(from + i)}条`)
  })

const passage = (label: string, entry: Entry, doc: { source: string; confidence: string }): Passage => ({
  label,
  text: entry.text,
  kind: entry.kind ?? "verbatim",
  source: entry.source ?? doc.source,
  confidence: entry.confidence ?? doc.confidence
})

const article = (doc: Document, label: string): Passage | undefined => {
  const direct = doc.articles?.[label]
  if (direct !== undefined) return passage(label, direct, doc)
  const para = /^(第.+条)第(.+)款$/.exec(label)
  const whole = para === null ? undefined : doc.articles?.[para[1]!]
  if (para === null || whole === undefined) return undefined
  const paragraph = whole.text.split("\n")[fromChinese(para[2]!) - 1]
  return paragraph === undefined ? undefined : passage(label, { ...whole, text: paragraph }, doc)
}

/** The quotation of a basis, or the labels that have no text. */
export const quote = (
  library: Library,
  basis: LegalBasis.LegalBasis
): { readonly quotation: Quotation } | { readonly missing: ReadonlyArray<string> } => {
  if (basis.level === "gsyf") {
    const text = basis.note ?? ""
    if (text === "") return { missing: [basis.citation] }
    const p: Passage = { label: "", text, kind: "convention", source: "gsyf", confidence: "—" }
    return { quotation: { citation: basis.citation, title: undefined, passages: [p] } }
  }
  if (basis.level === "plan") {
    const key = basis.citation.replace(/^实施方案\s*/, "")
    const clause = library.plan.clauses[key]
    if (clause === undefined) return { missing: [basis.citation] }
    const p = passage(key, clause, library.plan)
    return { quotation: { citation: basis.citation, title: "实施方案(种子方案)", passages: [p] } }
  }
  const doc = [...library.documents]
    .sort((a, b) => b.citation.length - a.citation.length)
    .find((d) => basis.citation.startsWith(d.citation))
  if (doc === undefined) return { missing: [basis.citation] }
  const tail = basis.citation.slice(doc.citation.length).trim()
  if (tail === "") {
    return doc.whole === undefined
      ? { missing: [basis.citation] }
      : { quotation: { citation: basis.citation, title: doc.title, passages: [passage("", doc.whole, doc)] } }
  }
  const labels = articleLabels(tail)
  const found = labels.map((label) => ({ label, p: article(doc, label) }))
  const missing = found.filter((f) => f.p === undefined).map((f) => `${doc.citation} ${f.label}`)
  if (missing.length > 0) return { missing }
  return { quotation: { citation: basis.citation, title: doc.title, passages: found.map((f) => f.p!) } }
}

/** How a quotation's kind is labelled on a rule page. */
export const kindLabel: Record<Kind, string> = {
  verbatim: "原文 · verbatim",
  excerpt: "节录原文 · word-for-word excerpt (…… marks what is left out)",
  summary: "摘要,非原文 · a summary from the reference notes, not the wording",
  paraphrase: "gsyf 的理解,非原文,待核对 · gsyf's reading, not the wording; the text is not in the reference notes",
  convention: "gsyf 约定,无外部文本 · a gsyf convention; no outside text decides this"
}
