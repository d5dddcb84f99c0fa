// Schemas shared by the commands and events of every section: the command envelope, the event metadata
// (with its interned legal bases), the sub-project key, texts and small records several events carry.
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { Actor } from "../../kernel/Actor.js"
import { bilingual } from "../../kernel/InputError.js"
import { IsoDateTime } from "../../kernel/IsoDate.js"
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

/** A rule evaluated while deciding a command: its findings and the parameter values it read. */
export const Evaluation = Schema.Struct({
  ruleId: Schema.String,
  reads: Schema.Array(
    Schema.Struct({
      name: Schema.String,
      value: Schema.String,
      effectiveFrom: Schema.optional(Schema.String),
      basis: Schema.String
    })
  ),
  findings: Schema.Array(Finding)
})

// Every event carries a handful of citations, nearly always the same ones. Decoding
// them as a class is the dearest part of decoding an event, so they are decoded
// as their plain encoded struct (same checks, same error paths) and interned:
// equal citations decode to one shared, immutable LegalBasis. The cache is bounded.
const internedBases = new Map<string, LegalBasis>()
const internLimit = 4096
const BasisItem: Schema.Schema<LegalBasis, Schema.Schema.Encoded<typeof LegalBasis>> = Schema.transformOrFail(
  Schema.encodedSchema(LegalBasis),
  Schema.typeSchema(LegalBasis),
  {
    strict: true,
    decode: (x) => {
      const key = `${x.level}\u0000${x.citation}\u0000${x.note === undefined ? "\u0001" : x.note}`
      let basis = internedBases.get(key)
      if (basis === undefined) {
        basis = new LegalBasis(x, { disableValidation: true })
        if (internedBases.size < internLimit) internedBases.set(key, basis)
      }
      return ParseResult.succeed(basis)
    },
    encode: (b) =>
      ParseResult.succeed({ level: b.level, citation: b.citation, ...(b.note === undefined ? {} : { note: b.note }) })
  }
)

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
