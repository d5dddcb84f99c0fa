// A decoder for rows the store itself wrote at the current schema version, compiled once from a schema's AST.
// It checks the shape (objects, arrays, primitive types, literals, tags) and runs the schema's own decode
// transformations (money, decimals, legal bases…), but trusts refinements (ranges, patterns, lengths) that the
// schema checked when the event was first encoded and stored. Anything it does not expect makes it give up
// (`undefined`), and the caller decodes with the full schema, which reports the error. Untrusted input (commands,
// imports, upcast older rows) never comes here.
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"

/**
 * Annotates a transformation whose decoded value is what its encoding writes (the NFC form of a text): a stored row,
 * written from a decoded value, holds it already, so the stored-row decoder checks its encoded shape and keeps it.
 */
export const storedAsDecoded: unique symbol = Symbol.for("@gsyf/core/storedAsDecoded")

/**
 * Annotates a transformation with a direct decoder for the encoded forms a store writes most: the decoded value, or
 * `undefined` to decode the input as the transformation's own schemas do. It must give what the transformation
 * gives for the input it takes (e.g. a reference resolved to a shared catalog entry), without the intermediate
 * results (the member of a union tried, the `Either` a transformation returns) that decoding a row makes per value.
 */
export const storedDecodeDirect: unique symbol = Symbol.for("@gsyf/core/storedDecodeDirect")

/** Gave up: the caller decodes with the full schema. */
const FAIL: unique symbol = Symbol("storedDecoder.fail")
type Out = unknown | typeof FAIL
type Decode = (u: unknown) => Out

const options: AST.ParseOptions = {}

// Whether the value being decoded was parsed for this decoder alone: then the decoded values of its properties and
// items are written in place instead of into a copy (set by `make`'s decoder for one call).
const state = { owned: false }
const identity: Decode = (u) => u

// The full schema for one node (rare shapes: declarations, index signatures, property transformations).
const full = (ast: AST.AST): Decode => {
  const decode = ParseResult.decodeUnknownEither(Schema.make(ast))
  return (u) => {
    const r = decode(u)
    return Either.isRight(r) ? r.right : FAIL
  }
}

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

const hasTransformation = (ast: AST.AST, seen = new Set<AST.AST>()): boolean => {
  if (seen.has(ast)) return false
  seen.add(ast)
  switch (ast._tag) {
    case "Transformation":
      return true
    case "Refinement":
      return hasTransformation(ast.from, seen)
    case "TypeLiteral":
      return ast.propertySignatures.some((p) => hasTransformation(p.type, seen)) ||
        ast.indexSignatures.some((i) => hasTransformation(i.type, seen))
    case "TupleType":
      return ast.elements.some((e) => hasTransformation(e.type, seen)) ||
        ast.rest.some((r) => hasTransformation(r.type, seen))
    case "Union":
      return ast.types.some((t) => hasTransformation(t, seen))
    case "Suspend":
      return hasTransformation(ast.f(), seen)
    default:
      return false
  }
}

// What a property holds, checked in the loop without a call: a string, a number, a literal, or anything else (its
// decoder is called).
const STRING = 0
const NUMBER = 1
const LITERAL = 2
const OTHER = 3

const leafOf = (ast: AST.AST): number => {
  while (ast._tag === "Refinement") ast = ast.from
  if (ast._tag === "Transformation" && ast.annotations[storedAsDecoded] === true) return leafOf(ast.from)
  switch (ast._tag) {
    case "StringKeyword":
    case "TemplateLiteral":
      return STRING
    case "NumberKeyword":
      return NUMBER
    case "Literal":
      return LITERAL
    default:
      return OTHER
  }
}

const literalOf = (ast: AST.AST): unknown => {
  while (ast._tag === "Refinement") ast = ast.from
  return ast._tag === "Literal" ? ast.literal : undefined
}

interface Prop {
  readonly name: string
  readonly optional: boolean
  readonly leaf: number
  readonly literal: unknown
  readonly decode: Decode
  readonly changes: boolean
}

// `fresh`: the decoded struct is a new object holding the schema's properties alone (as the schema's own decoding
// gives), instead of the row itself or a copy of it with every key it has.
const typeLiteral = (ast: AST.TypeLiteral, fresh = false): Decode => {
  if (ast.indexSignatures.length > 0) return full(ast)
  const props: Array<Prop> = ast.propertySignatures.map((p) => ({
    name: p.name as string,
    optional: p.isOptional,
    leaf: leafOf(p.type),
    literal: literalOf(p.type),
    decode: compile(p.type),
    changes: hasTransformation(p.type) && leafOf(p.type) === OTHER
  }))
  return props.every((p) => typeof p.name === "string") ? specialisedOrGeneral(props, fresh) : general(props, fresh)
}

// Where code generation from strings is refused (a Content Security Policy without 'unsafe-eval', an edge runtime,
// node --disallow-code-generation-from-strings), `new Function` throws an EvalError: the loop serves instead.
const specialisedOrGeneral = (props: ReadonlyArray<Prop>, fresh: boolean): Decode => {
  try {
    return specialised(props, fresh)
  } catch (e) {
    if (e instanceof EvalError) return general(props, fresh)
    throw e
  }
}

const general = (props: ReadonlyArray<Prop>, fresh: boolean): Decode => (u) => {
  if (!isObject(u)) return FAIL
  let out: Record<string, unknown> | undefined = fresh ? {} : undefined
  for (let i = 0; i < props.length; i++) {
    const p = props[i]!
    const v = u[p.name]
    if (v === undefined) {
      if (p.optional) continue
      return FAIL
    }
    const d = decodeProp(p, v)
    if (d === FAIL) return FAIL
    if (fresh) out![p.name] = d
    else if (p.changes && d !== v) (out ??= state.owned ? u : { ...u })[p.name] = d
  }
  return out ?? u
}

// One property's value checked (a string, a number, a literal) or decoded.
const decodeProp = (p: Prop, v: unknown): Out => {
  switch (p.leaf) {
    case STRING:
      return typeof v === "string" ? v : FAIL
    case NUMBER:
      return typeof v === "number" ? v : FAIL
    case LITERAL:
      return v === p.literal ? v : FAIL
  }
  return p.decode(v)
}

// The same decoder as `general` with the loop unrolled into straight-line code, one named property read each (the
// names are the schema's own, written as JSON string literals): each read is specialised by the engine to the few
// shapes that rows of one struct have, where `u[p.name]` with changing names is a generic keyed lookup per property.
const specialised = (props: ReadonlyArray<Prop>, fresh: boolean): Decode => {
  const lines: Array<string> = [
    "return function (u) {",
    "if (typeof u !== \"object\" || u === null || Array.isArray(u)) return FAIL",
    fresh ? "let v, d; const out = {}" : "let out, v, d"
  ]
  props.forEach((p, i) => {
    const key = `[${JSON.stringify(p.name)}]`
    lines.push(`v = u${key}`)
    lines.push(`if (v === undefined) { ${p.optional ? "" : "return FAIL"} } else {`)
    switch (p.leaf) {
      case STRING:
        lines.push("if (typeof v !== \"string\") return FAIL")
        break
      case NUMBER:
        lines.push("if (typeof v !== \"number\") return FAIL")
        break
      case LITERAL:
        lines.push(`if (v !== L[${i}]) return FAIL`)
        break
      default:
        lines.push(`d = D[${i}](v)`, "if (d === FAIL) return FAIL")
        if (fresh) lines.push(`out${key} = d`)
        else if (p.changes) lines.push(`if (d !== v) (out ??= state.owned ? u : { ...u })${key} = d`)
    }
    if (fresh && p.leaf !== OTHER) lines.push(`out${key} = v`)
    lines.push("}")
  })
  lines.push("return out ?? u", "}")
  const factory = new Function("FAIL", "D", "L", "state", lines.join("\n")) as (
    fail: typeof FAIL,
    decoders: ReadonlyArray<Decode>,
    literals: ReadonlyArray<unknown>,
    s: typeof state
  ) => Decode
  return factory(FAIL, props.map((p) => p.decode), props.map((p) => p.literal), state)
}

const tuple = (ast: AST.TupleType): Decode => {
  if (ast.elements.length > 0 || ast.rest.length !== 1) return full(ast)
  const item = compile(ast.rest[0]!.type)
  const changes = hasTransformation(ast.rest[0]!.type)
  if (leafOf(ast.rest[0]!.type) === STRING) {
    return (u) => {
      if (!Array.isArray(u)) return FAIL
      for (let i = 0; i < u.length; i++) if (typeof u[i] !== "string") return FAIL
      return u
    }
  }
  return (u) => {
    if (!Array.isArray(u)) return FAIL
    let out: Array<unknown> | undefined
    for (let i = 0; i < u.length; i++) {
      const d = item(u[i])
      if (d === FAIL) return FAIL
      if (changes && d !== u[i]) (out ??= state.owned ? u : [...u])[i] = d
    }
    return out ?? u
  }
}

const tagOf = (ast: AST.AST): string | undefined => {
  if (ast._tag === "Refinement") return tagOf(ast.from)
  if (ast._tag !== "TypeLiteral") return undefined
  const t = ast.propertySignatures.find((p) => p.name === "_tag")?.type
  return t !== undefined && AST.isLiteral(t) && typeof t.literal === "string" ? t.literal : undefined
}

const union = (ast: AST.Union): Decode => {
  const literals = ast.types.every(AST.isLiteral)
    ? new Set(ast.types.map((t) => (t as AST.Literal).literal))
    : undefined
  if (literals !== undefined) return (u) => (literals.has(u as AST.LiteralValue) ? u : FAIL)
  const tags = ast.types.map(tagOf)
  if (tags.every((t) => t !== undefined)) {
    const byTag = new Map(ast.types.map((t, i) => [tags[i]!, compile(t)]))
    return (u) => {
      const d = isObject(u) && typeof u._tag === "string" ? byTag.get(u._tag) : undefined
      return d === undefined ? FAIL : d(u)
    }
  }
  const members = ast.types.map(compile)
  const first = (u: unknown): Out => {
    for (const m of members) {
      const d = m(u)
      if (d !== FAIL) return d
    }
    return FAIL
  }
  return (u) => {
    if (!state.owned) return first(u)
    // a member that gives up must leave the value as it was for the next one
    state.owned = false
    try {
      return first(u)
    } finally {
      state.owned = true
    }
  }
}

const transformation = (ast: AST.Transformation): Decode => {
  if (ast.annotations[storedAsDecoded] === true) return compile(ast.from)
  const direct = ast.annotations[storedDecodeDirect] as ((u: unknown) => unknown) | undefined
  if (direct !== undefined) {
    const general = transformationOf(ast)
    return (u) => {
      const d = direct(u)
      return d === undefined ? general(u) : d
    }
  }
  return transformationOf(ast)
}

const transformationOf = (ast: AST.Transformation): Decode => {
  const t = ast.transformation
  if (t._tag !== "FinalTransformation") return full(ast)
  const from = compile(ast.from)
  return (u) => {
    const a = from(u)
    if (a === FAIL) return FAIL
    const r = t.decode(a, options, ast, u)
    // An Either (`ParseResult.succeed`/`fail`) or another effect: only a Right is taken. Its tag says which, without
    // `Either.isEither`'s property lookup through `dual`, a tenth of a replay's decoding.
    return (r as { readonly _tag?: unknown })._tag === "Right" ? (r as Either.Right<unknown, unknown>).right : FAIL
  }
}

// One function per primitive type, each comparing `typeof` with a constant (which the engine reduces to a type check).
const isString: Decode = (u) => (typeof u === "string" ? u : FAIL)
const isNumber: Decode = (u) => (typeof u === "number" ? u : FAIL)
const isBoolean: Decode = (u) => (typeof u === "boolean" ? u : FAIL)

const compile = (ast: AST.AST): Decode => {
  switch (ast._tag) {
    case "Literal":
      return (u) => (u === ast.literal ? u : FAIL)
    case "StringKeyword":
    case "TemplateLiteral":
      return isString
    case "NumberKeyword":
      return isNumber
    case "BooleanKeyword":
      return isBoolean
    case "UndefinedKeyword":
    case "VoidKeyword":
      return (u) => (u === undefined ? u : FAIL)
    case "UnknownKeyword":
    case "AnyKeyword":
      return identity
    case "Refinement":
      return compile(ast.from)
    case "TypeLiteral":
      return typeLiteral(ast)
    case "TupleType":
      return tuple(ast)
    case "Union":
      return union(ast)
    case "Transformation":
      return transformation(ast)
    case "Suspend": {
      let inner: Decode | undefined
      return (u) => (inner ??= compile(ast.f()))(u)
    }
    default:
      return full(ast)
  }
}

/**
 * Compiles the stored-row decoder of a schema: the decoded value, or `undefined` when the row is not what the
 * schema's own encoding writes (decode it with the full schema then). With `own`, the row was parsed for this call
 * alone: decoded values are written into it instead of a copy (and when it gives up, the row may have been
 * written to: decode a fresh parse of it). With `fresh`, a struct's decoded value is a new object with the schema's
 * properties alone, whatever other keys the row has.
 */
export const make = <A>(
  schema: Schema.Schema<A, any, never>,
  options?: { readonly fresh?: boolean }
): (u: unknown, own?: boolean) => A | undefined => {
  const decode = options?.fresh === true && AST.isTypeLiteral(schema.ast)
    ? typeLiteral(schema.ast, true)
    : compile(schema.ast)
  return (u, own) => {
    let d: Out
    if (own !== true) d = decode(u)
    else {
      state.owned = true
      try {
        d = decode(u)
      } finally {
        state.owned = false
      }
    }
    return d === FAIL ? undefined : (d as A)
  }
}
