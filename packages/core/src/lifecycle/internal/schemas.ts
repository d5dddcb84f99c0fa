// Schemas shared by the commands and events of every section: the command envelope, the event metadata
// (with its interned legal bases, and the compact form stores write), the sub-project key, texts and small records
// several events carry.
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { Actor } from "../../kernel/Actor.js"
import { bilingual } from "../../kernel/InputError.js"
import { storedDecodeDirect } from "../../kernel/internal/storedDecoder.js"
import { IsoDateTime } from "../../kernel/IsoDate.js"
import * as LegalBasisModule from "../../kernel/LegalBasis.js"
import { LegalBasis } from "../../kernel/LegalBasis.js"
import * as Money from "../../kernel/Money.js"
import { Text as TextSchema } from "../../kernel/Text.js"
import { Finding } from "../../rules/Rule.js"

/** The two sub-projects of the plan (三(二)): the one schema every command, event and parameter uses. */
export const SubProject = Schema.Literal("hazchem", "keyAreas")

/** A non-empty text, in NFC, with something visible in it (see `kernel/Text`). */
export const Text = TextSchema

/** An identifier given by the host (non-empty). */
export const Id = Text

/** A month as `YYYY-MM`. */
export const Month = Schema.String.pipe(
  Schema.filter(
    (s) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s),
    bilingual("须为 YYYY-MM 形式的年月", "must be a month as YYYY-MM")
  )
)

/** A whole number ≥ 1. */
export const Whole = Schema.Number.pipe(
  Schema.filter((n) => Number.isInteger(n) && n >= 1, bilingual("须为正整数", "must be a whole number ≥ 1")),
  Schema.filter((n) => n <= 1_000_000, bilingual("不能超过 1000000", "must not exceed 1,000,000"))
)

/** An exact decimal given as a string or a number. */
export const Decimal = Money.DecimalFromInput

/** The fields every command carries. */
export const envelope = {
  /** Unique per command; a retry with the same id is not applied twice. */
  commandId: Id,
  actor: Actor,
  /** When the command is given (ISO 8601 instant). Its date in China Standard Time is the date of the act. */
  at: IsoDateTime
}

/** A text in Chinese and English. */
export const Bilingual = Schema.Struct({ zh: Schema.String, en: Schema.String })

/** A parameter value a rule read. */
const Read = Schema.Struct({
  name: Schema.String,
  value: Schema.String,
  effectiveFrom: Schema.optional(Schema.String),
  basis: Schema.String
})

/** A rule evaluated while deciding a command: its findings and the parameter values it read. */
export const Evaluation = Schema.Struct({
  ruleId: Schema.String,
  reads: Schema.Array(Read),
  findings: Schema.Array(Finding)
})
type Evaluation = typeof Evaluation.Type

// A replay looks up a dozen texts per row (basis references, bare rule ids), each a string just parsed, whose hash
// the engine has not computed yet: a `Map` hashes every character of it first. `recent` keys its entries by the
// length and a few characters instead (one small-integer lookup) and compares the text itself (bounded).
const sampled = (s: string): number => {
  const n = s.length
  return n < 4
    ? n
    : (n * 0x01000193 ^ s.charCodeAt(n - 1) * 0x10000 ^ s.charCodeAt(n - 2) * 0x100 ^ s.charCodeAt(n - 3) ^
      s.charCodeAt(n >> 1) * 0x1000) & 0x3fffffff
}
interface RecentEntry<V> {
  readonly text: string
  readonly value: V
  readonly next: RecentEntry<V> | undefined
}
const recent = <V>(lookup: (text: string) => V | undefined, limit = 4096): (text: string) => V | undefined => {
  const entries = new Map<number, RecentEntry<V>>()
  let size = 0
  return (text) => {
    const k = sampled(text)
    const first = entries.get(k)
    for (let e = first; e !== undefined; e = e.next) if (e.text === text) return e.value
    const value = lookup(text)
    if (value !== undefined && size < limit) {
      entries.set(k, { text, value, next: first })
      size++
    }
    return value
  }
}

// Every event carries a handful of citations, nearly always the same ones. Decoding
// them as a class is the dearest part of decoding an event, so they are decoded
// as their plain encoded struct (same checks, same error paths) and interned:
// equal citations decode to one shared, immutable LegalBasis. The cache is bounded.
const internedBases = new Map<string, LegalBasis>()
const internLimit = 4096
type BasisFields = Schema.Schema.Encoded<typeof LegalBasis>
const BasisFields: Schema.Schema<BasisFields> = Schema.encodedSchema(LegalBasis)
const intern = (x: BasisFields): LegalBasis => {
  const key = `${x.level}\u0000${x.citation}\u0000${x.note === undefined ? "\u0001" : x.note}`
  let basis = internedBases.get(key)
  if (basis === undefined) {
    basis = new LegalBasis(x, { disableValidation: true })
    if (internedBases.size < internLimit) internedBases.set(key, basis)
  }
  return basis
}
const fieldsOf = (b: LegalBasis): BasisFields => ({
  level: b.level,
  citation: b.citation,
  ...(b.note === undefined ? {} : { note: b.note })
})

const BasisItem: Schema.Schema<LegalBasis, BasisFields> = Schema.transformOrFail(
  BasisFields,
  Schema.typeSchema(LegalBasis),
  {
    strict: true,
    decode: (x) => ParseResult.succeed(intern(x)),
    encode: (b) => ParseResult.succeed(fieldsOf(b))
  }
)

/**
 * A basis as a store writes it (event schema version 2): the reference of its entry in `catalog` when it has one
 * (`lb:…`, see `LegalBasis`), else its whole struct. Decodes both; a reference the catalog does not resolve (not
 * in it, or its entry altered) fails.
 */
export const storedBasis = (
  catalog: LegalBasisModule.Catalog
): Schema.Schema<LegalBasis, string | BasisFields> =>
  Schema.transformOrFail(
    Schema.Union(Schema.String, BasisFields),
    Schema.typeSchema(LegalBasis),
    {
      strict: true,
      decode: (x, _, ast) => {
        if (typeof x !== "string") return ParseResult.succeed(intern(x))
        const basis = catalog.byRef.get(x)
        if (basis !== undefined) return ParseResult.succeed(basis)
        const r = LegalBasisModule.resolve(x, catalog)
        const why = "unresolved" in r ? `${r.unresolved.zh} / ${r.unresolved.en}` : x
        return ParseResult.fail(new ParseResult.Type(ast, x, why))
      },
      encode: (b) => ParseResult.succeed(catalog.refFor(b) ?? fieldsOf(b))
    }
  ).annotations({
    // a row's references straight to the catalog's shared entries (anything else as above)
    [storedDecodeDirect]: ((byRef) => (x: unknown) => (typeof x === "string" ? byRef(x) : undefined))(
      recent((ref) => catalog.byRef.get(ref))
    )
  })

/** A basis as the stores of this library write it, with the library's catalog. */
export const StoredBasis = storedBasis(LegalBasisModule.catalog)

// Most evaluations read nothing and find nothing: a store writes those as their bare rule id, and leaves the empty
// lists out of the others. Evaluations decoded from a bare id are shared (bounded cache) and frozen.
const none: ReadonlyArray<never> = Object.freeze([])
const bareEvaluations = new Map<string, Evaluation>()
const bare = (ruleId: string): Evaluation => {
  let e = bareEvaluations.get(ruleId)
  if (e === undefined) {
    e = Object.freeze({ ruleId, reads: none, findings: none })
    if (bareEvaluations.size < internLimit) bareEvaluations.set(ruleId, e)
  }
  return e
}

const bareStored = recent(bare)

/** An evaluation as a store writes it (event schema version 2): its rule id alone when it read and found nothing. */
export const StoredEvaluation: Schema.Schema<
  Evaluation,
  string | {
    readonly ruleId: string
    readonly reads?: ReadonlyArray<typeof Read.Encoded>
    readonly findings?: ReadonlyArray<typeof Finding.Encoded>
  }
> = Schema.transform(
  Schema.Union(
    Schema.String,
    Schema.Struct({
      ruleId: Schema.String,
      reads: Schema.optionalWith(Schema.Array(Read), { exact: true }),
      findings: Schema.optionalWith(Schema.Array(Finding), { exact: true })
    })
  ),
  Schema.typeSchema(Evaluation),
  {
    strict: true,
    decode: (x) =>
      typeof x === "string" ? bare(x) : { ruleId: x.ruleId, reads: x.reads ?? none, findings: x.findings ?? none },
    encode: (e) =>
      e.reads.length === 0 && e.findings.length === 0 ? e.ruleId : {
        ruleId: e.ruleId,
        ...(e.reads.length === 0 ? {} : { reads: e.reads }),
        ...(e.findings.length === 0 ? {} : { findings: e.findings })
      }
  }
).annotations({
  // a bare rule id straight to its shared evaluation (anything else as above)
  [storedDecodeDirect]: (x: unknown) => (typeof x === "string" ? bareStored(x) : undefined)
})

/** The fields every event carries. */
export const meta = {
  /** `<commandId>/<index>`: stable, unique within the project. */
  id: Schema.String,
  commandId: Schema.String,
  actor: Actor,
  at: IsoDateTime,
  basis: Schema.Array(BasisItem),
  evaluations: Schema.Array(Evaluation),
  /** Ids of the earlier events this one rests on (for explanations). */
  restsOn: Schema.Array(Schema.String)
}

/** The fields of `meta` a store writes otherwise (event schema version 2): bases by reference, bare evaluations. */
export const storedMeta = {
  basis: Schema.Array(StoredBasis),
  evaluations: Schema.Array(StoredEvaluation)
}

/** One quota item's result as recorded in progress reports and at acceptance. */
export const QuotaResult = Schema.Struct({
  itemId: Schema.String,
  title: Bilingual,
  subProject: SubProject,
  unit: Schema.String,
  required: Schema.Number,
  done: Schema.Number,
  met: Schema.Boolean,
  note: Schema.optional(Bilingual)
})

/** The tags of a section's list of tagged structs (its `events` or `commands`). */
export type TagsOf<T extends ReadonlyArray<{ readonly Type: { readonly _tag: string } }>> = T[number]["Type"]["_tag"]

/** An official Chinese name for each event of a section's list: a new event does not compile without one. */
export type EventNames<T extends ReadonlyArray<{ readonly Type: { readonly _tag: string } }>> = {
  readonly [K in TagsOf<T>]: string
}
