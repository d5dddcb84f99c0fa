/**
 * A scenario file's source: read within a size limit, scanned for nesting depth
 * and aliases before the YAML parser sees it, parsed with `yaml` (JSON is
 * YAML, so one parser serves both) and kept as a document so that any path
 * into the value can be mapped back to a line and column.
 *
 * Aliases are expanded here (not by `yaml`'s `toJS`), so the expansion is
 * counted: a file may expand to at most `maxValues` values.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs"
import { dirname, posix, resolve } from "node:path"
import {
  CST,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  type Node,
  parseDocument
} from "yaml"
import { seedFiles } from "./seedFiles.js"

/** A path into a parsed value: object keys and array indexes. */
export type Path = ReadonlyArray<string | number>

/** A position in a file (1-based). */
export interface Position {
  readonly line: number
  readonly column: number
}

/**
 * How much a file may ask of the loader. Every file read (scenarios, the files
 * they start from, parameter files) is held to them.
 */
export interface Limits {
  /** Largest file, in bytes (default 1 MiB: 1 048 576). */
  readonly maxBytes: number
  /** Deepest nesting of mappings and sequences, block or flow (default 64). */
  readonly maxDepth: number
  /** Most aliases (`*name`) in one file (default 100). */
  readonly maxAliases: number
  /** Most values (scalars, mappings, sequences) a file may hold once its aliases are expanded (default 100 000). */
  readonly maxValues: number
}

/** The limits used unless others are given. */
export const defaultLimits: Limits = { maxBytes: 1_048_576, maxDepth: 64, maxAliases: 100, maxValues: 100_000 }

/** What kind of problem stopped a file from being read or parsed. */
export type ProblemCode = "syntax" | "too-large" | "too-deep" | "too-many-aliases" | "too-many-values" | "unreadable"

/** A file that cannot be read or parsed. Messages never quote the file's content unless `reveal` was asked. */
export interface Problem {
  readonly file: string
  readonly position: Position
  readonly code: ProblemCode
  readonly zh: string
  readonly en: string
}

/** A parsed source file. */
export interface Source {
  readonly file: string
  readonly text: string
  readonly value: unknown
  /** Where the node at `path` starts; for a path that does not exist, its deepest existing ancestor. */
  readonly locate: (path: Path) => Position
  /**
   * Every scalar value (keys aside), as read and as JSON would show it (for keeping a referenced file's characters out
   * of messages).
   */
  readonly scalars: () => ReadonlyArray<string>
}

/** How to read a file. */
export interface ReadOptions {
  readonly limits?: Partial<Limits> | undefined
  /** Keys under which numbers with a fraction keep their source text (the expectations). */
  readonly exactUnder?: ReadonlySet<string> | undefined
  /** Whether syntax messages may quote the file (true for the file the user named; false for files it refers to). */
  readonly reveal?: boolean | undefined
}

const start: Position = { line: 1, column: 1 }

/** Merges given limits over the defaults. */
export const limitsOf = (given: Partial<Limits> | undefined): Limits => ({ ...defaultLimits, ...given })

const unreadable = (file: string, zh: string, en: string): Problem => ({
  file,
  position: start,
  code: "unreadable",
  zh,
  en
})

const errnoText = (e: unknown): { readonly zh: string; readonly en: string } => {
  const code = (e as { code?: unknown }).code
  switch (code) {
    case "ENOENT":
      return { zh: "文件不存在", en: "no such file" }
    case "EACCES":
    case "EPERM":
      return { zh: "没有读取权限", en: "permission denied" }
    case "EISDIR":
      return { zh: "这是一个文件夹,不是文件", en: "a folder, not a file" }
    default:
      return { zh: `无法读取(${String(code ?? "error")})`, en: `cannot be read (${String(code ?? "error")})` }
  }
}

const tooLarge = (file: string, max: number): Problem => ({
  file,
  position: start,
  code: "too-large",
  zh: `文件超过 ${max} 字节的上限(可用 limits.maxBytes 调整)`,
  en: `the file is larger than the limit of ${max} bytes (limits.maxBytes)`
})

const strictUtf8 = new TextDecoder("utf-8", { fatal: true })

/**
 * Reads a regular file of at most `maxBytes` bytes as UTF-8. Devices, pipes and folders
 * are refused before reading, and a file that grows while read stops at the limit.
 */
export const readText = (file: string, maxBytes: number): { readonly text: string } | { readonly problem: Problem } => {
  let fd: number
  try {
    const st = statSync(file)
    if (!st.isFile()) return { problem: unreadable(file, "不是普通文件(设备、管道或文件夹)", "not a regular file") }
    if (st.size > maxBytes) return { problem: tooLarge(file, maxBytes) }
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (e) {
    const t = errnoText(e)
    return { problem: unreadable(file, t.zh, t.en) }
  }
  try {
    if (!fstatSync(fd).isFile()) return { problem: unreadable(file, "不是普通文件", "not a regular file") }
    const buffer = Buffer.alloc(maxBytes + 1)
    let total = 0
    for (;;) {
      const n = readSync(fd, buffer, total, buffer.length - total, null)
      if (n === 0) break
      total += n
      if (total > maxBytes) return { problem: tooLarge(file, maxBytes) }
    }
    try {
      // bytes that are not UTF-8 are refused, never replaced with U+FFFD
      return { text: strictUtf8.decode(buffer.subarray(0, total)) }
    } catch {
      return { problem: unreadable(file, "不是有效的 UTF-8 文本", "not valid UTF-8 text") }
    }
  } catch (e) {
    const t = errnoText(e)
    return { problem: unreadable(file, t.zh, t.en) }
  } finally {
    closeSync(fd)
  }
}

/** Markers the lexer emits that stand for no character of the source. */
const markers = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR])

/**
 * Walks the lexer's tokens (an iterative scan, no recursion) and stops at the
 * first place nested deeper than `maxDepth` or at the alias beyond `maxAliases`.
 * Depth counts the block levels open by indentation, the `-`/`?` indicators
 * that open compact nested collections on a line, and the open flow brackets.
 */
const scan = (text: string, limits: Limits): { readonly offset: number; readonly code: ProblemCode } | undefined => {
  const indents: Array<number> = []
  let offset = 0
  let flow = 0
  let aliases = 0
  let atLineStart = true
  let indent = 0
  let compact = 0
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token)
    if (type === "newline") {
      atLineStart = true
      indent = 0
      compact = 0
    } else if (type === "space" && atLineStart) indent += token.length
    else if (type !== "comment" && type !== "doc-mode" && type !== "byte-order-mark" && type !== "space") {
      if (atLineStart && flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! > indent) indents.pop()
        if (indents.length === 0 || indents[indents.length - 1]! < indent) indents.push(indent)
      }
      atLineStart = false
      if (type === "flow-seq-start" || type === "flow-map-start") flow++
      else if ((type === "flow-seq-end" || type === "flow-map-end") && flow > 0) flow--
      else if ((type === "seq-item-ind" || type === "explicit-key-ind") && flow === 0) compact++
      else if (type === "alias" && ++aliases > limits.maxAliases) return { offset, code: "too-many-aliases" }
      if (indents.length + Math.max(0, compact - 1) + flow > limits.maxDepth) return { offset, code: "too-deep" }
    }
    if (!markers.has(token)) offset += token.length
  }
  return undefined
}

const numericNonInteger = (source: string): boolean =>
  /^[-+]?(\d+\.\d*|\.\d+|\d+(\.\d*)?[eE][-+]?\d+)$/.test(source.trim())

/** Thrown inside {@link toValue} when a limit is crossed, caught by {@link parse}. */
class Exceeded {
  constructor(readonly code: "too-deep" | "too-many-values", readonly offset: number) {}
}

interface Expansion {
  readonly doc: Document
  readonly exactUnder: ReadonlySet<string>
  readonly limits: Limits
  values: number
}

const offsetOf = (node: unknown): number => (node as Node | undefined)?.range?.[0] ?? 0

/**
 * Converts the document to plain values, expanding aliases and counting every
 * value produced. Inside `exactUnder` keys (the expectations), a number written
 * with a fraction keeps its source text, so amounts are compared as exact
 * decimals and never pass through a JS float. `via` is the outermost alias being
 * expanded: a limit crossed inside it is reported there.
 */
const toValue = (x: Expansion, node: unknown, exact: boolean, depth: number, via: unknown): unknown => {
  if (++x.values > x.limits.maxValues) throw new Exceeded("too-many-values", offsetOf(via ?? node))
  if (depth > x.limits.maxDepth) throw new Exceeded("too-deep", offsetOf(via ?? node))
  if (isAlias(node)) return toValue(x, node.resolve(x.doc), exact, depth, via ?? node)
  if (isMap(node)) {
    const out: Record<string, unknown> = {}
    for (const pair of node.items) {
      if (!isPair(pair)) continue
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
      out[key] = toValue(x, pair.value, exact || x.exactUnder.has(key), depth + 1, via)
    }
    return out
  }
  if (isSeq(node)) return node.items.map((item) => toValue(x, item, exact, depth + 1, via))
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

const limitText = (code: ProblemCode, limits: Limits): { readonly zh: string; readonly en: string } => {
  switch (code) {
    case "too-deep":
      return {
        zh: `嵌套超过 ${limits.maxDepth} 层的上限(可用 limits.maxDepth 调整)`,
        en: `nested deeper than the limit of ${limits.maxDepth} levels (limits.maxDepth)`
      }
    case "too-many-aliases":
      return {
        zh: `别名(*name)超过 ${limits.maxAliases} 个的上限(可用 limits.maxAliases 调整)`,
        en: `more aliases (*name) than the limit of ${limits.maxAliases} (limits.maxAliases)`
      }
    case "too-many-values":
      return {
        zh: `别名展开后超过 ${limits.maxValues} 个值的上限(可用 limits.maxValues 调整)`,
        en: `its aliases expand to more than the limit of ${limits.maxValues} values (limits.maxValues)`
      }
    default:
      return { zh: "文件无法读取", en: "the file cannot be read" }
  }
}

const syntaxText = (error: { readonly code: string; readonly message: string }, reveal: boolean) => {
  const message = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")
  return reveal
    ? { zh: `语法错误:${message}`, en: `syntax error: ${message}` }
    : { zh: `语法错误(${error.code})`, en: `syntax error (${error.code})` }
}

/** Parses a text as YAML (or JSON) within the limits. */
export const parse = (
  file: string,
  text: string,
  options: ReadOptions = {}
): { readonly source: Source } | { readonly problem: Problem } => {
  const limits = limitsOf(options.limits)
  const lineCounter = new LineCounter()
  const pos = (offset: number): Position => {
    const p = lineCounter.linePos(offset)
    return { line: p.line, column: p.col }
  }
  const problem = (code: ProblemCode, offset: number, t = limitText(code, limits)) => ({
    problem: { file, position: pos(offset), code, ...t }
  })
  if (text.length > limits.maxBytes) return { problem: tooLarge(file, limits.maxBytes) }
  const scanned = scan(text, limits)
  if (scanned !== undefined) {
    // the line counter learns the line starts while parsing: count them for the message
    lineCounter.addNewLine(0)
    for (let i = text.indexOf("\n"); i !== -1 && i < scanned.offset; i = text.indexOf("\n", i + 1)) {
      lineCounter.addNewLine(i + 1)
    }
    return problem(scanned.code, scanned.offset)
  }
  const doc = parseDocument(text, { keepSourceTokens: true, lineCounter, prettyErrors: false, uniqueKeys: true })
  const err = doc.errors[0]
  if (err !== undefined) return problem("syntax", err.pos[0], syntaxText(err, options.reveal ?? true))
  let value: unknown
  try {
    value = toValue(
      { doc, exactUnder: options.exactUnder ?? new Set(), limits, values: 0 },
      doc.contents,
      false,
      0,
      null
    )
  } catch (e) {
    if (e instanceof Exceeded) return problem(e.code, e.offset)
    throw e
  }
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
    return range === undefined || range === null ? start : pos(range[0])
  }
  const scalars = (): ReadonlyArray<string> => {
    const out: Array<string> = []
    const add = (s: string) => {
      out.push(s, JSON.stringify(s).slice(1, -1), ...s.split(/\r?\n/).map((l) => l.trim()))
    }
    const walk = (u: unknown): void => {
      if (Array.isArray(u)) u.forEach(walk)
      else if (typeof u === "object" && u !== null) {
        for (const v of Object.values(u)) walk(v)
      } else if (u !== null && u !== undefined) add(String(u))
    }
    walk(value)
    return out
  }
  return { source: { file, text, value, locate, scalars } }
}

const embeddedPrefix = "gsyf:"

/** Whether a file is one shipped inside the package (`gsyf:/scenarios/seed/02-budget.yaml`). */
export const isEmbedded = (file: string): boolean => file.startsWith(embeddedPrefix)

/** The name of a file shipped inside the package, from its path under `examples/`. */
export const embedded = (path: string): string => `${embeddedPrefix}${posix.resolve("/", path)}`

/** The absolute name of a file referred to from `base` (a file on disk, or one shipped inside the package). */
export const resolveFrom = (base: string, ref: string): string =>
  isEmbedded(base) ? embedded(posix.resolve(posix.dirname(base.slice(embeddedPrefix.length)), ref)) : resolve(
    dirname(base),
    ref
  )

/** The absolute name of a file given by the user. */
export const absolute = (file: string): string => (isEmbedded(file) ? file : resolve(file))

/** Reads and parses a file within the limits. */
export const read = (
  file: string,
  options: ReadOptions = {}
): { readonly source: Source } | { readonly problem: Problem } => {
  if (isEmbedded(file)) {
    const text = seedFiles.get(file.slice(embeddedPrefix.length))
    return text === undefined
      ? { problem: unreadable(file, "包内没有这个文件", "no such file in the package") }
      : parse(file, text, options)
  }
  const read = readText(file, limitsOf(options.limits).maxBytes)
  return "problem" in read ? read : parse(file, read.text, options)
}

/** Formats a path for messages: `steps[3].expect.state["subProjects.keyAreas.status"]`. */
export const formatPath = (path: Path): string =>
  path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`
    if (/^[A-Za-z_$][\w$-]*$/.test(key)) return acc === "" ? key : `${acc}.${key}`
    return `${acc}[${JSON.stringify(key)}]`
  }, "")

/**
 * Replaces every scalar or key of a file (two characters or more; short
 * numbers excepted, as they are indexes in paths) found in a message by `…`,
 * longest first: messages about a referenced file then never carry its characters.
 */
export const redact = (message: string, scalars: ReadonlyArray<string>, keep: ReadonlySet<string>): string => {
  const secrets = [...new Set(scalars)]
    .filter((s) => s.length >= 2 && !keep.has(s) && !/^\d{1,3}$/.test(s))
    .sort((a, b) => b.length - a.length)
  return secrets.reduce((m, s) => m.split(s).join("…"), message)
}

/**
 * Splits a dotted issue path (`stats[0].code`) into keys.
 */
export const splitIssuePath = (p: string): Path =>
  p === ""
    ? []
    : p
      .split(".")
      .flatMap((part) => {
        const m = /^([^[]*)((\[\d+\])*)$/.exec(part)
        if (m === null) return [part]
        return [...(m[1] === "" ? [] : [m[1]!]), ...(m[2]!.match(/\d+/g) ?? []).map(Number)]
      })
