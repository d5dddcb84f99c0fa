/**
 * A scenario file's source: parsed with `yaml` (JSON is YAML, so one parser
 * serves both), kept as a document so that any path into the value can be
 * mapped back to a line and column.
 */
import { readFileSync } from "node:fs"
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml"

/** A path into a parsed value: object keys and array indexes. */
export type Path = ReadonlyArray<string | number>

/** A position in a file (1-based). */
export interface Position {
  readonly line: number
  readonly column: number
}

/** A parsed source file. */
export interface Source {
  readonly file: string
  readonly text: string
  readonly value: unknown
  /** Where the node at `path` starts; for a path that does not exist, its deepest existing ancestor. */
  readonly locate: (path: Path) => Position
}

/** A YAML/JSON syntax error. */
export interface SyntaxProblem {
  readonly file: string
  readonly position: Position
  readonly message: string
}

const numericNonInteger = (source: string): boolean =>
  /^[-+]?(\d+\.\d*|\.\d+|\d+(\.\d*)?[eE][-+]?\d+)$/.test(source.trim())

/**
 * Converts the document to plain values. Inside `exactUnder` keys (the
 * expectations), a number written with a fraction keeps its source text, so
 * amounts are compared as exact decimals and never pass through a JS float.
 */
const toValue = (doc: Document, node: unknown, exact: boolean, exactUnder: ReadonlySet<string>): unknown => {
  if (isAlias(node)) return toValue(doc, node.resolve(doc), exact, exactUnder)
  if (isMap(node)) {
    const out: Record<string, unknown> = {}
    for (const pair of node.items) {
      if (!isPair(pair)) continue
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
      out[key] = toValue(doc, pair.value, exact || exactUnder.has(key), exactUnder)
    }
    return out
  }
  if (isSeq(node)) return node.items.map((item) => toValue(doc, item, exact, exactUnder))
  if (isScalar(node)) {
    if (exact && typeof node.value === "number" && typeof node.source === "string" && numericNonInteger(node.source)) {
      return node.source.trim()
    }
    return node.value
  }
  return node ?? null
}

const childOf = (node: unknown, key: string | number): { readonly node: unknown; readonly at: unknown } | undefined => {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(key)) {
        return { node: pair.value ?? pair.key, at: pair.key }
      }
    }
    return undefined
  }
  if (isSeq(node) && typeof key === "number" && node.items[key] !== undefined) {
    return { node: node.items[key], at: node.items[key] }
  }
  return undefined
}

/** Parses a text as YAML (or JSON). */
export const parse = (
  file: string,
  text: string,
  exactUnder: ReadonlySet<string> = new Set()
): { readonly source: Source } | { readonly problem: SyntaxProblem } => {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { keepSourceTokens: true, lineCounter, prettyErrors: false, uniqueKeys: true })
  const pos = (offset: number): Position => {
    const p = lineCounter.linePos(offset)
    return { line: p.line, column: p.col }
  }
  const err = doc.errors[0]
  if (err !== undefined) {
    return { problem: { file, position: pos(err.pos[0]), message: err.message.split("\n")[0]! } }
  }
  const value = toValue(doc, doc.contents, false, exactUnder)
  const locate = (path: Path): Position => {
    let node: unknown = doc.contents
    let last: unknown = node
    for (const key of path) {
      if (isAlias(node)) node = node.resolve(doc)
      const next = childOf(node, key)
      if (next === undefined) break
      node = next.node
      last = next.at
    }
    const range = (last as Node | undefined)?.range
    return range === undefined || range === null ? { line: 1, column: 1 } : pos(range[0])
  }
  return { source: { file, text, value, locate } }
}

/** Reads and parses a file. */
export const read = (
  file: string,
  exactUnder?: ReadonlySet<string>
): { readonly source: Source } | { readonly problem: SyntaxProblem } => {
  let text: string
  try {
    text = readFileSync(file, "utf8")
  } catch (e) {
    return {
      problem: { file, position: { line: 1, column: 1 }, message: `cannot read the file: ${(e as Error).message}` }
    }
  }
  return parse(file, text, exactUnder)
}

/** Formats a path for messages: `steps[3].expect.state["subProjects.keyAreas.status"]`. */
export const formatPath = (path: Path): string =>
  path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`
    if (/^[A-Za-z_$][\w$-]*$/.test(key)) return acc === "" ? key : `${acc}.${key}`
    return `${acc}[${JSON.stringify(key)}]`
  }, "")
