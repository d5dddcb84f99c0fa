// A decoder for untrusted input that is valid, compiled once from a schema's AST: it makes every check the schema
// makes (types, literals, tags, refinements, unknown fields refused, the transformations and the checks of their
// results) and builds the same value the schema's parser builds (fresh objects with the fields in the schema's
// order, fresh arrays), without the parser's intermediate results. It does not explain anything: on any input it is
// not sure the schema accepts, or any shape it does not handle (declarations, index signatures, composed
// transformations, template literals…), it gives up, and the caller decodes with the full schema, which gives the
// value or reports the issues. A node it does not handle is decoded by the full schema of that node. Inside, it
// tells an input the schema surely rejects (`REJECT`) from one it is not sure of (`UNSURE`): a union takes a
// member's value only when every other member surely rejects the input, so that it is the parser's choice too.
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"

/** The schema rejects the input (the full schema then says why). */
const REJECT: unique symbol = Symbol("inputDecoder.reject")
/** Not sure: the full schema decides. */
const UNSURE: unique symbol = Symbol("inputDecoder.unsure")
type Out = unknown
const failed = (d: Out): d is typeof REJECT | typeof UNSURE => d === REJECT || d === UNSURE
type Decode = (u: unknown) => Out

const isRecord = (u: unknown): u is Record<PropertyKey, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const hasOwn = Object.prototype.hasOwnProperty

/** How untrusted input is decoded (`InputError.decode`): every issue reported, unknown fields refused. */
export const options: AST.ParseOptions = { errors: "all", onExcessProperty: "error" }

// The full schema for one node, with the same options.
const full = (ast: AST.AST): Decode => {
  const decode = ParseResult.decodeUnknownEither(Schema.make(ast), options)
  return (u) => {
    const r = decode(u)
    return Either.isRight(r) ? r.right : REJECT
  }
}

const typeLiteral = (ast: AST.TypeLiteral): Decode => {
  if (ast.indexSignatures.length > 0) return full(ast)
  if (ast.propertySignatures.length === 0) return (u) => (u === null || u === undefined ? REJECT : u)
  const names = ast.propertySignatures.map((p) => p.name)
  const expected = new Set<PropertyKey>(names)
  const props = ast.propertySignatures.map((p) => ({ name: p.name, optional: p.isOptional, decode: compile(p.type) }))
  // an unknown field: refused ("error"), kept ("preserve": the full schema then decodes) or dropped
  const excess = options.onExcessProperty === "error"
    ? REJECT
    : options.onExcessProperty === "preserve"
    ? UNSURE
    : undefined
  return (u) => {
    if (!isRecord(u)) return REJECT
    if (excess !== undefined) { for (const key of Reflect.ownKeys(u)) if (!expected.has(key)) return excess }
    const out: Record<PropertyKey, unknown> = {}
    for (const p of props) {
      const has = hasOwn.call(u, p.name)
      if (!has && p.optional) continue
      const d = p.decode(u[p.name])
      if (failed(d)) return d
      out[p.name] = d
    }
    return out
  }
}

const tuple = (ast: AST.TupleType): Decode => {
  if (ast.elements.length > 0 || ast.rest.length !== 1) return full(ast)
  const item = compile(ast.rest[0]!.type)
  return (u) => {
    if (!Array.isArray(u)) return REJECT
    const out: Array<unknown> = new Array(u.length)
    for (let i = 0; i < u.length; i++) {
      const d = item(u[i])
      if (failed(d)) return d
      out[i] = d
    }
    return out
  }
}

// The `_tag` a member requires of its input (a refinement's or a transformation's is that of what it starts from).
const tagOf = (ast: AST.AST): string | undefined => {
  if (ast._tag === "Refinement" || ast._tag === "Transformation") return tagOf(ast.from)
  if (ast._tag !== "TypeLiteral") return undefined
  const t = ast.propertySignatures.find((p) => p.name === "_tag")
  return t !== undefined && !t.isOptional && AST.isLiteral(t.type) && typeof t.type.literal === "string"
    ? t.type.literal
    : undefined
}

// The value of the member that accepts the input when every other member surely rejects it (the parser takes the
// first member that accepts, in an order of its own; with one there is no doubt which).
const oneOf = (members: ReadonlyArray<Decode>, u: unknown): Out => {
  let found: Out = REJECT
  for (const m of members) {
    const d = m(u)
    if (d === REJECT) continue
    if (d === UNSURE || found !== REJECT) return UNSURE
    found = d
  }
  return found
}

const union = (ast: AST.Union): Decode => {
  if (ast.types.every(AST.isLiteral)) {
    const literals = new Set(ast.types.map((t) => (t as AST.Literal).literal))
    return (u) => (literals.has(u as AST.LiteralValue) ? u : REJECT)
  }
  const tags = ast.types.map(tagOf)
  if (tags.every((t) => t !== undefined)) {
    // a member whose `_tag` differs from the input's surely rejects it: only those with the input's tag are tried
    const byTag = new Map<string, Array<Decode>>()
    ast.types.forEach((t, i) => {
      const list = byTag.get(tags[i]!) ?? []
      list.push(compile(t))
      byTag.set(tags[i]!, list)
    })
    return (u) => {
      const members = isRecord(u) && typeof u._tag === "string" ? byTag.get(u._tag) : undefined
      return members === undefined ? REJECT : members.length === 1 ? members[0]!(u) : oneOf(members, u)
    }
  }
  const members = ast.types.map(compile)
  return (u) => oneOf(members, u)
}

const refinement = (ast: AST.Refinement): Decode => {
  const from = compile(ast.from)
  return (u) => {
    const a = from(u)
    if (failed(a)) return a
    return ast.filter(a, options, ast)._tag === "None" ? a : REJECT
  }
}

const transformation = (ast: AST.Transformation): Decode => {
  const t = ast.transformation
  if (t._tag !== "FinalTransformation") return full(ast)
  const from = compile(ast.from)
  const to = compile(ast.to)
  return (u) => {
    const a = from(u)
    if (failed(a)) return a
    const r = t.decode(a, options, ast, u)
    // an Either (`ParseResult.succeed`/`fail`) or another effect (the full schema runs it)
    const tag = (r as { readonly _tag?: unknown })._tag
    if (tag === "Left") return REJECT
    if (tag !== "Right") return UNSURE
    return to((r as Either.Right<unknown, unknown>).right)
  }
}

const isString: Decode = (u) => (typeof u === "string" ? u : REJECT)
const isNumber: Decode = (u) => (typeof u === "number" ? u : REJECT)
const isBoolean: Decode = (u) => (typeof u === "boolean" ? u : REJECT)
const isUndefined: Decode = (u) => (u === undefined ? u : REJECT)
const identity: Decode = (u) => u

const compile = (ast: AST.AST): Decode => {
  switch (ast._tag) {
    case "Literal":
      return (u) => (u === ast.literal ? u : REJECT)
    case "StringKeyword":
      return isString
    case "NumberKeyword":
      return isNumber
    case "BooleanKeyword":
      return isBoolean
    case "UndefinedKeyword":
    case "VoidKeyword":
      return isUndefined
    case "UnknownKeyword":
    case "AnyKeyword":
      return identity
    case "Refinement":
      return refinement(ast)
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
 * Compiles the decoder of valid input for a schema, decoded as `InputError` decodes (with {@link options}): the
 * decoded value, or `undefined` when the full schema must decide (it then accepts or reports the input).
 */
export const make = <A>(schema: Schema.Schema<A, any, never>): (u: unknown) => A | undefined => {
  const decode = compile(schema.ast)
  return (u) => {
    const d = decode(u)
    return failed(d) ? undefined : (d as A)
  }
}
