/**
 * Industry codes of GB/T 4754-2017《国民经济行业分类》, used to name the key
 * areas (重点领域) of 实施方案 三(一).
 *
 * All 20 sections (门类 `A`–`T`) and all 97 divisions (大类 `01`–`97`) are
 * known with their 2017 names, plus the groups (中类) and classes (小类) that
 * matter for hazardous chemicals, mining, transport and postal services
 * (`091`–`093`, `102`, `251`, `252`, `2521`, `261`–`268`, `516`, `5162`,
 * `5166`, `5167`, `5169`, `526`, `5265`, `543`, `5435`, `594`, `5941`,
 * `5942`, `5949`, `601`, `602`). Other groups and classes are not listed and
 * are rejected as unknown.
 *
 * A code is written as the section letter (`"C"`), or as the digits of a
 * division, group or class (`"26"`, `"267"`, `"5942"`). The digits may carry
 * their section letter in front (`"B09"`, `"G5942"`); {@link normalize} drops it.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { type Bilingual, bilingual } from "./InputError.js"
import * as data from "./internal/industryCodes.js"
import { type LegalBasis, national, texts } from "./LegalBasis.js"

/**
 * The level of a code: 门类 section (a letter), 大类 division (2 digits),
 * 中类 group (3 digits), 小类 class (4 digits).
 *
 * @since 0.1.0
 * @category models
 */
export type Level = "section" | "division" | "group" | "class"

/**
 * A section letter, `A` to `T`.
 *
 * @since 0.1.0
 * @category models
 */
export type Section =
  | "A"
  | "B"
  | "C"
  | "D"
  | "E"
  | "F"
  | "G"
  | "H"
  | "I"
  | "J"
  | "K"
  | "L"
  | "M"
  | "N"
  | "O"
  | "P"
  | "Q"
  | "R"
  | "S"
  | "T"

/**
 * One known category.
 *
 * @since 0.1.0
 * @category models
 */
export interface Industry {
  /** The canonical code: a letter for a section, digits otherwise. */
  readonly code: string
  /** The 2017 name, e.g. `化学原料和化学制品制造业`. */
  readonly name: string
  readonly level: Level
  readonly section: Section
}

const levelOfDigits = (n: number): Level => (n === 2 ? "division" : n === 3 ? "group" : "class")

const table: ReadonlyMap<string, Industry> = (() => {
  const map = new Map<string, Industry>()
  const sectionOfDivision = new Map<number, Section>()
  for (const [letter, name, first, last] of data.sections) {
    map.set(letter, { code: letter, name, level: "section", section: letter as Section })
    for (let d = first; d <= last; d++) sectionOfDivision.set(d, letter as Section)
  }
  data.divisions.forEach((name, i) => {
    const code = String(i + 1).padStart(2, "0")
    map.set(code, { code, name, level: "division", section: sectionOfDivision.get(i + 1)! })
  })
  for (const [code, name] of data.groupsAndClasses) {
    map.set(code, {
      code,
      name,
      level: levelOfDigits(code.length),
      section: sectionOfDivision.get(Number(code.slice(0, 2)))!
    })
  }
  return map
})()

const sectionOfDigits = (digits: string): Section | undefined => table.get(digits.slice(0, 2))?.section

/**
 * The canonical form of a code: trims, upper-cases a section letter, and
 * drops a section letter written before digits when it is the right one
 * (`"b09"` → `"09"`, `"G5942"` → `"5942"`). Returns the input unchanged (trimmed)
 * when it does not look like a code or the letter does not match.
 *
 * @since 0.1.0
 * @category constructors
 */
export const normalize = (code: string): string => {
  const text = code.trim()
  if (/^[A-Ta-t]$/.test(text)) return text.toUpperCase()
  const m = /^([A-Ta-t])(\d{2,4})$/.exec(text)
  if (m !== null) return sectionOfDigits(m[2]!) === m[1]!.toUpperCase() ? m[2]! : text
  return text
}

/**
 * The category with this code, or `undefined` when the code is not one gsyf knows.
 *
 * @example
 * ```ts
 * import { Industry } from "@gsyf/core"
 * Industry.lookup("5942") // { code: "5942", name: "危险化学品仓储", level: "class", section: "G" }
 * ```
 *
 * @since 0.1.0
 * @category getters
 */
export const lookup = (code: string): Industry | undefined => table.get(normalize(code))

/**
 * @since 0.1.0
 * @category guards
 */
export const isKnown = (code: string): boolean => lookup(code) !== undefined

/**
 * The section letter of a known code (`"26"` → `"C"`, `"C"` → `"C"`).
 *
 * @since 0.1.0
 * @category getters
 */
export const sectionOf = (code: string): Section | undefined => lookup(code)?.section

/**
 * The nearest known category above a code: class → its group when gsyf lists
 * it, else its division; group → division; division → section; section →
 * `undefined`. Unknown codes give `undefined`.
 *
 * @since 0.1.0
 * @category getters
 */
export const parentOf = (code: string): string | undefined => {
  const found = lookup(code)
  if (found === undefined || found.level === "section") return undefined
  if (found.level === "division") return found.section
  for (let len = found.code.length - 1; len >= 2; len--) {
    const up = found.code.slice(0, len)
    if (table.has(up)) return up
  }
  return found.section
}

/**
 * The chain of known categories from the section down to the code itself.
 *
 * @since 0.1.0
 * @category getters
 */
export const ancestry = (code: string): ReadonlyArray<Industry> => {
  const out: Array<Industry> = []
  let current: string | undefined = lookup(code)?.code
  while (current !== undefined) {
    out.unshift(table.get(current)!)
    current = parentOf(current)
  }
  return out
}

/**
 * True when `code` is `ancestor` or lies below it (`isWithin("5942", "G")`,
 * `isWithin("267", "26")`). Both must be known.
 *
 * @since 0.1.0
 * @category guards
 */
export const isWithin = (code: string, ancestor: string): boolean => {
  const a = lookup(ancestor)
  return a !== undefined && ancestry(code).some((i) => i.code === a.code)
}

/**
 * The order of the classification: by section, then by digits, a parent
 * before its children (`B` < `09` < `091` < `10` < `C` < `13`). Used to break
 * ties deterministically. Unknown codes sort after known ones, by text.
 *
 * @since 0.1.0
 * @category comparisons
 */
export const compare = (a: string, b: string): -1 | 0 | 1 => {
  const key = (c: string): string => {
    const i = lookup(c)
    return i === undefined ? `~${c}` : i.level === "section" ? i.section : `${i.section}${i.code}`
  }
  const ka = key(a)
  const kb = key(b)
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

/**
 * `"C26 化学原料和化学制品制造业"`, `"C 制造业"`; the code itself when unknown.
 *
 * @since 0.1.0
 * @category formatting
 */
export const label = (code: string): string => {
  const i = lookup(code)
  if (i === undefined) return code
  return i.level === "section" ? `${i.code} ${i.name}` : `${i.section}${i.code} ${i.name}`
}

/**
 * Every known category in classification order.
 *
 * @since 0.1.0
 * @category constants
 */
export const all: ReadonlyArray<Industry> = [...table.values()].sort((a, b) => compare(a.code, b.code))

/**
 * Schema for a known GB/T 4754-2017 code. Decodes `"C"`, `"26"`, `"B09"`
 * (→ `"09"`), `"5942"`; rejects anything gsyf does not know, with a message
 * in Chinese and English. Encodes the canonical code.
 *
 * @since 0.1.0
 * @category schemas
 */
export const IndustryCode: Schema.Schema<string, string> = Schema.transform(
  Schema.String,
  Schema.String.pipe(
    Schema.filter(
      (c) => table.has(c),
      bilingual(
        "不是 GB/T 4754-2017《国民经济行业分类》中已知的行业代码(门类字母 A–T,或大类两位数字 01–97,或本库收录的中类、小类)",
        "is not a known GB/T 4754-2017 industry code (a section letter A–T, a two-digit division 01–97, or a listed group or class)"
      )
    )
  ),
  { strict: true, decode: normalize, encode: (c) => c }
).annotations({ identifier: "IndustryCode" })

/**
 * The codes that together cover hazardous chemicals (危险化学品). 危险化学品 is
 * **not** one GB/T 4754 category: it spans production (C25 石油、煤炭及其他燃料加工业,
 * C26 化学原料和化学制品制造业), trade (F5162 石油及制品批发, F5166 化肥批发,
 * F5167 农药批发, F5169 其他化工产品批发, F5265 机动车燃油零售), road transport
 * (G5435 危险货物道路运输) and storage (G594 危险品仓储). A city that names
 * "其他危险化学品相关行业" as a key area should say which of these it means.
 *
 * @since 0.1.0
 * @category constants
 */
export const hazardousChemicalsCodes: ReadonlyArray<string> = [
  "25",
  "26",
  "5162",
  "5166",
  "5167",
  "5169",
  "5265",
  "5435",
  "594"
]

/**
 * Why {@link hazardousChemicalsCodes} is a list and not one code.
 *
 * @since 0.1.0
 * @category constants
 */
export const hazardousChemicalsNote: Bilingual = {
  zh:
    "危险化学品不是《国民经济行业分类》中的单一门类,涉及生产(C25、C26)、批发零售(F5162、F5166、F5167、F5169、F5265)、道路运输(G5435)和仓储(G594)",
  en:
    "hazardous chemicals are not one GB/T 4754 category: they span production (C25, C26), trade (F5162, F5166, F5167, F5169, F5265), road transport (G5435) and storage (G594)"
}

/**
 * True when the code lies within one of {@link hazardousChemicalsCodes}.
 *
 * @since 0.1.0
 * @category guards
 */
export const isHazardousChemicals = (code: string): boolean => hazardousChemicalsCodes.some((h) => isWithin(code, h))

/**
 * The basis for the code list.
 *
 * @since 0.1.0
 * @category constants
 */
export const basis: LegalBasis = national(texts.industryCodes)
