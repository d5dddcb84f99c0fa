/**
 * Where a rule or a parameter value comes from: a section of the city's own
 * implementation plan (实施方案 三(四)), a national text (人社部规〔2017〕13号
 * 第五条), or a provincial, city or plugin source.
 *
 * ## The catalog: bases stored by reference
 *
 * Every event carries its legal bases, nearly always the same few dozen texts. A store keeps each one the library
 * cites as a short reference to the {@link catalog} instead of its whole text:
 *
 * ```
 * ref = "lb:" + first 16 hex characters of SHA-256(canonical({ level, citation, note? }))
 * ```
 *
 * where `canonical` is RFC 8785 JSON (keys sorted, no whitespace; a basis without a note has no `note` key), e.g.
 * `{"citation":"实施方案 四","level":"plan"}`. Because a reference is the hash of its text, the audit trail's hash
 * of an event covers what its bases say, and a catalog entry whose text was changed no longer resolves: its
 * reference is not the hash of the changed text, and decoding an event that cites it fails ({@link resolve}).
 * The catalog is append-only: an entry is never removed, so every stored reference stays resolvable by every
 * later version (`packages/scenarios/test/legalBases.ts` appends the bases the library cites; a test fails when
 * one is missing or an entry was removed). A basis not in the catalog (a plugin's, a city's, a province's text) is
 * stored whole.
 *
 * An outside auditor resolves a reference with the catalog (`LegalBasis.catalog`) and rechecks it in Python:
 *
 * ```python
 * body = {"level": level, "citation": citation, **({"note": note} if note is not None else {})}
 * canon = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
 * assert ref == "lb:" + hashlib.sha256(canon.encode("utf-8")).hexdigest()[:16]
 * ```
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { createHash } from "node:crypto"
import * as Committed from "./internal/legalBases.js"

/**
 * The level of the text a rule rests on.
 *
 * @since 0.1.0
 * @category models
 */
export const Level = Schema.Literal("plan", "national", "provincial", "city", "contract", "gsyf")

/**
 * @since 0.1.0
 * @category models
 */
export type Level = typeof Level.Type

/**
 * A citation.
 *
 * @since 0.1.0
 * @category models
 */
export class LegalBasis extends Schema.Class<LegalBasis>("@gsyf/core/LegalBasis")({
  level: Level,
  /** Short citation, e.g. `实施方案 六(二)` or `人社部规〔2017〕13号 第五条`. */
  citation: Schema.String,
  /** What the text says, in a few words of our own. */
  note: Schema.optional(Schema.String)
}) {}

/**
 * A section of the city's implementation plan (the seed plan's own numbering).
 *
 * @since 0.1.0
 * @category constructors
 */
export const plan = (section: string, note?: string): LegalBasis =>
  shared(
    "plan",
    section,
    note,
    () => new LegalBasis({ level: "plan", citation: `实施方案 ${section}`, ...(note === undefined ? {} : { note }) })
  )

// The bases the decider cites, built once: deciding a command cites the same few sections each time, and a basis
// is an immutable value (stored events' bases decode to shared ones too). The cache is bounded.
const sharedBases = new Map<string, Map<string, Map<string | undefined, LegalBasis>>>()
let sharedCount = 0
const sharedLimit = 4096
const shared = (level: string, key: string, note: string | undefined, make: () => LegalBasis): LegalBasis => {
  if (sharedCount >= sharedLimit) {
    sharedBases.clear()
    sharedCount = 0
  }
  let byKey = sharedBases.get(level)
  if (byKey === undefined) sharedBases.set(level, byKey = new Map())
  let byNote = byKey.get(key)
  if (byNote === undefined) byKey.set(key, byNote = new Map())
  let basis = byNote.get(note)
  if (basis === undefined) {
    basis = make()
    byNote.set(note, basis)
    sharedCount++
  }
  return basis
}

/**
 * A national text.
 *
 * @since 0.1.0
 * @category constructors
 */
export const national = (citation: string, note?: string): LegalBasis =>
  shared(
    "national",
    citation,
    note,
    () => new LegalBasis({ level: "national", citation, ...(note === undefined ? {} : { note }) })
  )

/**
 * A choice made by gsyf where no text decides (always documented and overridable).
 *
 * @since 0.1.0
 * @category constructors
 */
export const gsyf = (note: string): LegalBasis =>
  shared("gsyf", "", note, () => new LegalBasis({ level: "gsyf", citation: "gsyf 约定", note }))

/**
 * The national texts gsyf cites, by short name.
 *
 * @since 0.1.0
 * @category constants
 */
export const texts = {
  regulation: "《工伤保险条例》",
  feeMeasures: "《工伤预防费使用管理暂行办法》(人社部规〔2017〕13号)",
  procurementLaw: "《政府采购法》",
  procurementRegulation: "《政府采购法实施条例》(国务院令第658号)",
  consultation: "《政府采购竞争性磋商采购方式管理暂行办法》(财库〔2014〕214号)",
  intentionNotice: "《关于开展政府采购意向公开工作的通知》(财库〔2020〕10号)",
  consultationServices: "《关于政府采购竞争性磋商采购方式管理暂行办法有关问题的补充通知》(财库〔2015〕124号)",
  tenderMeasures: "《政府采购货物和服务招标投标管理办法》(财政部令第87号)",
  challengeMeasures: "《政府采购质疑和投诉办法》(财政部令第94号)",
  acceptanceGuidance: "《关于进一步加强政府采购需求和履约验收管理的指导意见》(财库〔2016〕205号)",
  smePayment: "《保障中小企业款项支付条例》(国务院令第802号)",
  civilCode: "《民法典》",
  settlement: "《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》",
  holidays: "《全国年节及纪念日放假办法》",
  industryCodes: "GB/T 4754-2017《国民经济行业分类》",
  hazchemTraining: "《关于实施危险化学品企业工伤预防能力提升培训工程的通知》(人社部、应急管理部,2021)"
} as const

/**
 * RFC 8785 canonical JSON of a basis (`{"citation":…,"level":…,"note":…}`; no `note` key without a note): what
 * its reference hashes.
 *
 * @since 0.2.0
 * @category catalog
 */
export const canonical = (
  basis: { readonly level: string; readonly citation: string; readonly note?: string | undefined }
): string =>
  // the keys in JCS order; JSON.stringify writes strings as JCS does
  `{"citation":${JSON.stringify(basis.citation)},"level":${JSON.stringify(basis.level)}${
    basis.note === undefined ? "" : `,"note":${JSON.stringify(basis.note)}`
  }}`

/**
 * The reference of a basis: `"lb:"` and the first 16 hex characters of the SHA-256 of its {@link canonical} JSON.
 *
 * @since 0.2.0
 * @category catalog
 */
export const refOf = (
  basis: { readonly level: string; readonly citation: string; readonly note?: string | undefined }
): string => "lb:" + createHash("sha256").update(canonical(basis), "utf8").digest("hex").slice(0, 16)

/**
 * One entry of a catalog as committed: its reference, level, citation and note.
 *
 * @since 0.2.0
 * @category catalog
 */
export type Entry = readonly [ref: string, level: Level, citation: string, note?: string]

/**
 * A catalog of bases by reference: `byRef` holds the entries whose text hashes to their reference; `altered`
 * names, by reference, the entries whose text does not (what the text hashes to now).
 *
 * @since 0.2.0
 * @category catalog
 */
export interface Catalog {
  readonly byRef: ReadonlyMap<string, LegalBasis>
  readonly altered: ReadonlyMap<string, string>
  /** The reference of a basis in this catalog, or `undefined` (then it is stored whole). */
  readonly refFor: (
    basis: { readonly level: string; readonly citation: string; readonly note?: string | undefined }
  ) => string | undefined
}

// The key of a basis's content.
const contentKey = (b: { readonly level: string; readonly citation: string; readonly note?: string | undefined }) =>
  `${b.level}\u0000${b.citation}\u0000${b.note === undefined ? "\u0001" : b.note}`

/**
 * A catalog of entries: each entry's reference is checked against the hash of its text.
 *
 * @since 0.2.0
 * @category catalog
 */
export const makeCatalog = (entries: ReadonlyArray<Entry>): Catalog => {
  const byRef = new Map<string, LegalBasis>()
  const byKey = new Map<string, string>()
  const altered = new Map<string, string>()
  for (const [ref, level, citation, note] of entries) {
    const basis = new LegalBasis({ level, citation, ...(note === undefined ? {} : { note }) })
    const actual = refOf(basis)
    if (actual !== ref) {
      altered.set(ref, actual)
      continue
    }
    byRef.set(ref, basis)
    byKey.set(contentKey(basis), ref)
  }
  return { byRef, altered, refFor: (b) => byKey.get(contentKey(b)) }
}

/**
 * The library's catalog: every basis its rules, guards, parameters and handlers cite, by reference, as committed
 * in `kernel/internal/legalBases.ts` (append-only).
 *
 * @since 0.2.0
 * @category catalog
 */
export const catalog: Catalog = makeCatalog(Committed.entries)

/**
 * The basis a reference stands for in a catalog (the library's by default), or why it cannot be resolved.
 *
 * @since 0.2.0
 * @category catalog
 */
export const resolve = (
  ref: string,
  from: Catalog = catalog
): { readonly basis: LegalBasis } | { readonly unresolved: { readonly zh: string; readonly en: string } } => {
  const basis = from.byRef.get(ref)
  if (basis !== undefined) return { basis }
  const now = from.altered.get(ref)
  return {
    unresolved: now === undefined
      ? { zh: `法律依据引用 ${ref} 不在目录中`, en: `legal basis reference ${ref} is not in the catalog` }
      : {
        zh: `法律依据目录中 ${ref} 的条目已被改动(其内容的哈希为 ${now})`,
        en: `the catalog entry of ${ref} was altered (its text hashes to ${now})`
      }
  }
}
