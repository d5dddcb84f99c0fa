/**
 * Text given by people: names, titles, reasons. Read in Unicode normal form C (so that a name typed with a
 * combining accent and one typed precomposed are the same name) and refused when nothing visible is left once
 * spaces and format characters (zero-width spaces and joiners, direction marks, the byte-order mark) are
 * removed.
 *
 * @since 0.2.0
 */
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { bilingual } from "./InputError.js"
import { storedAsDecoded } from "./internal/storedDecoder.js"

/** Spaces and Unicode format characters (category Cf): what a name made only of cannot be told from an empty one. */
const invisible = /[\s\p{Cf}]/gu

/**
 * Whether a text has something visible in it.
 *
 * @since 0.2.0
 * @category predicates
 */
export const isVisible = (s: string): boolean => s.replace(invisible, "").length > 0

const Visible = Schema.String.pipe(
  Schema.filter(
    isVisible,
    bilingual("不能为空(空格和不可见字符不算)", "must not be empty (spaces and invisible characters do not count)")
  )
)

/**
 * A non-empty text, normalised to NFC when decoded.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Text: Schema.Schema<string, string> = Schema.transformOrFail(Schema.String, Visible, {
  strict: true,
  decode: (s) => ParseResult.succeed(s.normalize("NFC")),
  encode: (s) => ParseResult.succeed(s)
}).annotations({ identifier: "Text", [storedAsDecoded]: true })
