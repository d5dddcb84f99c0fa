/**
 * Typed, bilingual errors for bad input. Every public entry point of gsyf decodes
 * unknown input with `effect/Schema`; when decoding fails the caller gets an
 * {@link InvalidInput} that lists each problem with its field path and a message
 * in Chinese and English. Nothing is written when this error is raised.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import * as InputDecoder from "./internal/inputDecoder.js"

/**
 * One problem found in an input value.
 *
 * @since 0.1.0
 * @category models
 */
export class InputIssue extends Schema.Class<InputIssue>("@gsyf/core/InputIssue")({
  /** Dotted path of the field, e.g. `budget.subProjects[1].amount`; empty for the root. */
  path: Schema.String,
  /** Message in Chinese. */
  zh: Schema.String,
  /** Message in English. */
  en: Schema.String
}) {}

/**
 * Raised when an input does not decode. Lists every issue with its path.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  /** What was being decoded, e.g. `ParameterSet` or `Command`. */
  subject: Schema.String,
  issues: Schema.Array(InputIssue)
}) {
  /** Every bad field path with its English and Chinese explanation. */
  override get message(): string {
    return `${this.subject}: ` + this.issues.map((i) => `${i.path || "(root)"}: ${i.en} / ${i.zh}`).join("; ")
  }
}

/**
 * Annotation key for a bilingual message on a refinement or a schema.
 * Attach with {@link bilingual}.
 *
 * @since 0.1.0
 * @category annotations
 */
export const BilingualMessageId: unique symbol = Symbol.for("@gsyf/core/BilingualMessage")

/**
 * A Chinese and an English text.
 *
 * @since 0.1.0
 * @category models
 */
export interface Bilingual {
  readonly zh: string
  readonly en: string
}

/**
 * Annotations giving a refinement or schema a message in both languages.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { InputError } from "@gsyf/core"
 * const Percent = Schema.Number.pipe(
 *   Schema.filter((n) => n >= 0 && n <= 100, InputError.bilingual("须在 0 到 100 之间", "must be between 0 and 100"))
 * )
 * ```
 *
 * @since 0.1.0
 * @category annotations
 */
export const bilingual = (zh: string, en: string): Schema.Annotations.Filter<any> => ({
  [BilingualMessageId]: { zh, en } satisfies Bilingual,
  message: () => en
})

const getBilingual = (ast: AST.AST): Bilingual | undefined =>
  Option.getOrUndefined(AST.getAnnotation<Bilingual>(BilingualMessageId)(ast))

const describe = (ast: AST.AST): string => {
  const id = AST.getIdentifierAnnotation(ast).pipe(Option.orElse(() => AST.getTitleAnnotation(ast)))
  return Option.getOrElse(id, () => String(ast))
}

const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`
    const k = String(key)
    return acc === "" ? k : `${acc}.${k}`
  }, "")

const collect = (issue: ParseResult.ParseIssue, path: ReadonlyArray<PropertyKey>, out: Array<InputIssue>): void => {
  switch (issue._tag) {
    case "Pointer": {
      const keys = Array.isArray(issue.path) ? issue.path : [issue.path]
      collect(issue.issue, [...path, ...keys], out)
      return
    }
    case "Composite": {
      const issues = Array.isArray(issue.issues) ? issue.issues : [issue.issues]
      const own = getBilingual(issue.ast)
      if (own !== undefined) {
        out.push(new InputIssue({ path: formatPath(path), ...own }))
        return
      }
      // For an optional field (a union with undefined) the "expected undefined" branch is noise.
      const relevant = (issues as ReadonlyArray<ParseResult.ParseIssue>).filter(
        (i) => !(i._tag === "Type" && AST.isUndefinedKeyword(i.ast))
      )
      const choices = literalChoices(relevant)
      if (choices !== undefined) {
        out.push(
          new InputIssue({
            path: formatPath(path),
            zh: `取值无效,应为 ${choices.join("、")} 之一`,
            en: `expected one of ${choices.join(", ")}, got ${safeShow(relevant[0]!.actual)}`
          })
        )
        return
      }
      for (const i of relevant.length > 0 ? relevant : issues) collect(i, path, out)
      return
    }
    case "Refinement": {
      const own = getBilingual(issue.ast)
      if (own !== undefined && issue.kind === "Predicate") {
        out.push(new InputIssue({ path: formatPath(path), ...own }))
        return
      }
      collect(issue.issue, path, out)
      return
    }
    case "Transformation": {
      const own = getBilingual(issue.ast)
      if (own !== undefined && issue.kind === "Transformation") {
        out.push(new InputIssue({ path: formatPath(path), ...own }))
        return
      }
      collect(issue.issue, path, out)
      return
    }
    case "Missing":
      out.push(new InputIssue({ path: formatPath(path), zh: "缺少必填字段", en: "is missing" }))
      return
    case "Unexpected":
      out.push(new InputIssue({ path: formatPath(path), zh: "不允许出现的字段", en: "is not an allowed field" }))
      return
    case "Forbidden":
      out.push(new InputIssue({ path: formatPath(path), zh: "不能同步解码", en: "cannot be decoded synchronously" }))
      return
    case "Type": {
      const own = getBilingual(issue.ast)
      if (own !== undefined) {
        out.push(new InputIssue({ path: formatPath(path), ...own }))
        return
      }
      const expected = describe(issue.ast)
      const detail: string | undefined = issue.message
      out.push(
        new InputIssue({
          path: formatPath(path),
          zh: detail !== undefined ? `取值无效:${detail}` : `类型不符,应为 ${expected}`,
          en: detail ?? `expected ${expected}, got ${safeShow(issue.actual)}`
        })
      )
      return
    }
  }
}

/** The choices of a union of plain literals that all failed (one issue for the field, not one per choice). */
const literalChoices = (issues: ReadonlyArray<ParseResult.ParseIssue>): ReadonlyArray<string> | undefined => {
  const types = issues.filter((i): i is ParseResult.Type =>
    i._tag === "Type" && AST.isLiteral(i.ast) && i.message === undefined && getBilingual(i.ast) === undefined
  )
  return types.length > 1 && types.length === issues.length ? types.map((i) => describe(i.ast)) : undefined
}

/**
 * A short preview of a value: bounded in depth and length, whatever the value (never recursing far, never throwing).
 */
const safeShow = (u: unknown): string => {
  const out = preview(u, 3, 60)
  return out.length > 60 ? out.slice(0, 57) + "..." : out
}

const preview = (u: unknown, depth: number, budget: number): string => {
  if (typeof u === "string") return JSON.stringify(u.length > budget ? u.slice(0, budget) : u)
  if (typeof u === "bigint") return `${u}n`
  if (typeof u !== "object" || u === null) return String(u)
  if (depth === 0) return Array.isArray(u) ? "[...]" : "{...}"
  const parts: Array<string> = []
  let used = 0
  const entries: ReadonlyArray<readonly [string | undefined, unknown]> = Array.isArray(u)
    ? u.slice(0, 8).map((v) => [undefined, v] as const)
    : Object.keys(u).slice(0, 8).map((k) => [k, (u as Record<string, unknown>)[k]] as const)
  for (const [k, v] of entries) {
    if (used > budget) break
    const part = (k === undefined ? "" : `${JSON.stringify(k)}:`) + preview(v, depth - 1, budget - used)
    parts.push(part)
    used += part.length + 1
  }
  return Array.isArray(u) ? `[${parts.join(",")}]` : `{${parts.join(",")}}`
}

/**
 * How deeply an input may nest arrays and objects (64 levels): deeper input is refused before it is decoded,
 * with an issue naming the path where the limit is crossed.
 *
 * @since 0.2.0
 * @category constants
 */
export const maxDepth = 64

// An object with a field named `toString` that is not a function (as JSON can write: `{"toString": false}`) cannot be
// turned into a string or a number: the parser, meeting it where a tag or a key is looked up, would throw a
// TypeError instead of reporting the field. No input of this library has such a field.
const unreadable = (value: object, key: string): boolean =>
  key === "toString" && typeof (value as Record<string, unknown>)[key] !== "function"

// A string with a lone UTF-16 surrogate (JSON can write one: `"\ud800"`) is not Unicode text: it has no UTF-8 form,
// so a store writes something else than was hashed and the honest record then fails its own verification.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Whether a string is well-formed Unicode (no lone surrogate).
 *
 * @since 0.2.0
 * @category decoding
 */
export const isWellFormed = (s: string): boolean => !loneSurrogate.test(s)

/**
 * Whether some value is nested deeper than `limit` or is an object that cannot be read as a value (as
 * {@link refusedAt} walks, without building a path per value: every command is checked, and nearly all are
 * shallow).
 */
const refused = (input: unknown, limit: number): boolean => {
  const values: Array<unknown> = [input]
  const depths: Array<number> = [0]
  while (values.length > 0) {
    const value = values.pop()
    const depth = depths.pop()!
    if (typeof value === "string" && !isWellFormed(value)) return true
    if (typeof value !== "object" || value === null) continue
    if (depth >= limit) return true
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        values.push(value[i])
        depths.push(depth + 1)
      }
    } else if (isPlain(value)) {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue
        if (unreadable(value, key) || !isWellFormed(key)) return true
        values.push((value as Record<string, unknown>)[key])
        depths.push(depth + 1)
      }
    }
  }
  return false
}

type Refusal = { readonly path: string; readonly kind: "depth" | "unreadable" | "ill-formed" | "throws" }

/** The first value {@link refused} refuses, with its path, or `undefined`; iterative, so any depth is safe. */
const refusedAt = (input: unknown, limit: number): Refusal | undefined => {
  const stack: Array<readonly [unknown, number, string]> = [[input, 0, ""]]
  while (stack.length > 0) {
    const [value, depth, path] = stack.pop()!
    if (typeof value === "string" && !isWellFormed(value)) return { path, kind: "ill-formed" }
    if (typeof value !== "object" || value === null) continue
    if (depth >= limit) return { path, kind: "depth" }
    // a getter or a proxy that throws (only a host's object can: JSON makes none) is refused at its object
    try {
      const found = children(value, depth, path, stack)
      if (found !== undefined) return found
    } catch {
      return { path, kind: "throws" }
    }
  }
  return undefined
}

/** Pushes the values of an array or a plain object on `stack`; the refusal of one of its keys, if any. */
const children = (
  value: object,
  depth: number,
  path: string,
  stack: Array<readonly [unknown, number, string]>
): Refusal | undefined => {
  if (Array.isArray(value)) {
    for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], depth + 1, `${path}[${i}]`])
  } else if (isPlain(value)) {
    for (const key of Object.keys(value)) {
      if (unreadable(value, key)) return { path, kind: "unreadable" }
      if (!isWellFormed(key)) return { path, kind: "ill-formed" }
      stack.push([(value as Record<string, unknown>)[key], depth + 1, path === "" ? key : `${path}.${key}`])
    }
  }
  return undefined
}

const isPlain = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

const refusal = (subject: string, { kind, path }: Refusal): InvalidInput =>
  new InvalidInput({
    subject,
    issues: [
      kind === "depth"
        ? new InputIssue({ path, zh: `嵌套层数超过 ${maxDepth} 层`, en: `nested more than ${maxDepth} levels deep` })
        : kind === "throws"
        ? new InputIssue({ path, zh: "读取该对象时出错,无法作为值读取", en: "reading this object threw an error" })
        : kind === "ill-formed"
        ? new InputIssue({
          path,
          zh: "文本含有孤立的代理码元(不是有效的 Unicode)",
          en: "the text has a lone surrogate (it is not valid Unicode)"
        })
        : new InputIssue({
          path,
          zh: "对象含有名为 toString 的非函数字段，无法作为值读取",
          en: "an object with a field named toString that is not a function cannot be read as a value"
        })
    ]
  })

/**
 * Refuses input nested deeper than {@link maxDepth}, and objects that cannot be read as a value (a field named
 * `toString` that is not a function, as in the JSON `{"toString": false}`), with an issue naming the path. Every
 * public entry runs it before decoding.
 *
 * @since 0.2.0
 * @category decoding
 */
export const checkDepth = (subject: string, input: unknown): Either.Either<unknown, InvalidInput> => {
  let suspect: boolean
  try {
    suspect = refused(input, maxDepth)
  } catch {
    suspect = true
  }
  const at = suspect ? refusedAt(input, maxDepth) : undefined
  return at === undefined ? Either.right(input) : Either.left(refusal(subject, at))
}

/**
 * Turns a Schema parse error into an {@link InvalidInput}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromParseError = (subject: string, error: ParseResult.ParseError): InvalidInput => {
  const out: Array<InputIssue> = []
  collect(error.issue, [], out)
  return new InvalidInput({ subject, issues: out })
}

/**
 * Builds an {@link InvalidInput} for a single field.
 *
 * @since 0.1.0
 * @category constructors
 */
export const single = (subject: string, path: string, zh: string, en: string): InvalidInput =>
  new InvalidInput({ subject, issues: [new InputIssue({ path, zh, en })] })

const options: AST.ParseOptions = InputDecoder.options

/**
 * Decodes unknown input, rejecting unknown fields and reporting every issue; input nested deeper than
 * {@link maxDepth} is refused before decoding.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = <A, I, R>(schema: Schema.Schema<A, I, R>, subject: string) => {
  const run = Schema.decodeUnknown(schema, options)
  return (input: unknown): Effect.Effect<A, InvalidInput, R> =>
    Effect.flatMap(
      checkDepth(subject, input),
      (checked) => Effect.mapError(run(checked), (e) => fromParseError(subject, e))
    )
}

/**
 * Synchronous variant of {@link decode}, returning an `Either`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeEither = <A, I>(schema: Schema.Schema<A, I, never>, subject: string) => {
  const run = Schema.decodeUnknownEither(schema, options)
  return (input: unknown): Either.Either<A, InvalidInput> =>
    Either.flatMap(
      checkDepth(subject, input),
      (checked) => Either.mapLeft(run(checked), (e) => fromParseError(subject, e))
    )
}
