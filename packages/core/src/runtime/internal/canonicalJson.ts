/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) for plain JSON values.
 *
 * - object members sorted by their keys compared as UTF-16 code unit sequences
 *   (the default `Array.prototype.sort` order on strings);
 * - no whitespace;
 * - strings escaped as ECMAScript `JSON.stringify` does (RFC 8785 §3.2.2.2);
 * - numbers serialised as ECMAScript `Number.prototype.toString` (§3.2.2.3), `-0` as `0`.
 *
 * Only plain JSON is accepted: `null`, booleans, finite numbers, strings, arrays
 * and plain objects. Anything else (undefined, NaN, bigint, functions, class
 * instances, cycles) is reported, never silently dropped, so that what is
 * hashed is exactly what is stored.
 *
 * @internal
 */

/** @internal */
export class NotJson extends Error {
  constructor(readonly path: string, readonly what: string) {
    super(`not JSON at ${path || "(root)"}: ${what}`)
  }
}

const isPlainObject = (u: object): boolean => {
  const proto = Object.getPrototypeOf(u)
  return proto === Object.prototype || proto === null
}

const serialiseNumber = (n: number, path: string): string => {
  if (!Number.isFinite(n)) throw new NotJson(path, `non-finite number ${n}`)
  // ECMAScript Number::toString is exactly the JCS number serialisation; -0 becomes "0".
  return Object.is(n, -0) ? "0" : String(n)
}

// The path of the value being written, as the keys and indices leading to it. Paths
// are only needed to name an offending value, so they are built only when throwing.
type Step = string | number

const pathOf = (steps: ReadonlyArray<Step>): string => {
  let path = ""
  for (const step of steps) {
    path = typeof step === "number"
      ? `${path}[${step}]`
      : path === ""
      ? step
      : `${path}.${step}`
  }
  return path
}

// Returns the canonical text (string concatenation beats collecting and joining parts).
// `open` holds the objects being written, to detect cycles; `steps` the path to the value.
const write = (value: unknown, steps: Array<Step>, open: Array<object>): string => {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value)
    case "number":
      return Number.isFinite(value) ? serialiseNumber(value, "") : serialiseNumber(value, pathOf(steps))
    case "boolean":
      return value ? "true" : "false"
    case "object": {
      if (value === null) return "null"
      if (open.includes(value)) throw new NotJson(pathOf(steps), "cycle")
      // a subtree that is already canonical (e.g. event data read back from a store) is written natively
      if (isSortedPlainJson(value, 0)) return JSON.stringify(value)
      open.push(value)
      let out: string
      if (Array.isArray(value)) {
        out = "["
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ","
          steps.push(i)
          out += write(value[i], steps, open)
          steps.pop()
        }
        out += "]"
      } else {
        if (!isPlainObject(value)) {
          throw new NotJson(pathOf(steps), `instance of ${value.constructor?.name ?? "unknown class"}`)
        }
        const keys = Object.keys(value).sort()
        out = "{"
        for (let k = 0; k < keys.length; k++) {
          const key = keys[k]!
          const v = (value as Record<string, unknown>)[key]
          steps.push(key)
          if (v === undefined) throw new NotJson(pathOf(steps), "undefined")
          if (k > 0) out += ","
          out += JSON.stringify(key) + ":" + write(v, steps, open)
          steps.pop()
        }
        out += "}"
      }
      open.pop()
      return out
    }
    default:
      throw new NotJson(pathOf(steps), typeof value)
  }
}

/**
 * Canonical JSON text of a plain JSON value; throws {@link NotJson} otherwise.
 *
 * @internal
 */
export const canonicalize = (value: unknown): string => write(value, [], [])

// Fast path (tried for every object the general path meets, so a hashed body whose own
// keys are unsorted still writes its canonical data natively): for plain JSON whose object
// keys are already in JCS order (data read back from a store is canonical text parsed),
// ECMAScript `JSON.stringify` writes exactly the
// canonical text: same string escaping, same number serialisation (-0 as 0), no
// whitespace, keys in insertion order. Anything else (unsorted keys, non-JSON values,
// very deep or cyclic values) takes the general path, which sorts and reports problems.
const maxFastDepth = 64

const isSortedPlainJson = (value: unknown, depth: number): boolean => {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true
    case "number":
      return Number.isFinite(value)
    case "object": {
      if (value === null) return true
      if (depth >= maxFastDepth) return false
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!isSortedPlainJson(value[i], depth + 1)) return false
        return true
      }
      if (!isPlainObject(value)) return false
      let previous: string | undefined
      for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) return false
        if (previous !== undefined && !(previous < key)) return false
        previous = key
        const v = (value as Record<string, unknown>)[key]
        if (v === undefined || !isSortedPlainJson(v, depth + 1)) return false
      }
      return true
    }
    default:
      return false
  }
}

/**
 * Canonical JSON of a hashed event body when the data is already canonical
 * text: the keys of the body in JCS order, written directly (no re-serialisation
 * of the data). Equal to `canonicalize(body)`; tested against it.
 *
 * @internal
 */
export const canonicalBody = (
  streamId: string,
  position: number,
  type: string,
  schemaVersion: number,
  commandId: string,
  recordedAt: string,
  dataJson: string
): string =>
  `{"commandId":${JSON.stringify(commandId)},"data":${dataJson},"position":${serialiseNumber(position, "position")},` +
  `"recordedAt":${JSON.stringify(recordedAt)},"schemaVersion":${serialiseNumber(schemaVersion, "schemaVersion")},` +
  `"streamId":${JSON.stringify(streamId)},"type":${JSON.stringify(type)}}`
