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

const write = (value: unknown, path: string, seen: Set<object>, out: Array<string>): void => {
  switch (typeof value) {
    case "string":
      out.push(JSON.stringify(value))
      return
    case "number":
      out.push(serialiseNumber(value, path))
      return
    case "boolean":
      out.push(value ? "true" : "false")
      return
    case "object": {
      if (value === null) {
        out.push("null")
        return
      }
      if (seen.has(value)) throw new NotJson(path, "cycle")
      seen.add(value)
      if (Array.isArray(value)) {
        out.push("[")
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out.push(",")
          write(value[i], `${path}[${i}]`, seen, out)
        }
        out.push("]")
      } else {
        if (!isPlainObject(value)) throw new NotJson(path, `instance of ${value.constructor?.name ?? "unknown class"}`)
        const keys = Object.keys(value).sort()
        out.push("{")
        let first = true
        for (const key of keys) {
          const v = (value as Record<string, unknown>)[key]
          const childPath = path === "" ? key : `${path}.${key}`
          if (v === undefined) throw new NotJson(childPath, "undefined")
          if (!first) out.push(",")
          first = false
          out.push(JSON.stringify(key), ":")
          write(v, childPath, seen, out)
        }
        out.push("}")
      }
      seen.delete(value)
      return
    }
    default:
      throw new NotJson(path, typeof value)
  }
}

/**
 * Canonical JSON text of a plain JSON value; throws {@link NotJson} otherwise.
 *
 * @internal
 */
export const canonicalize = (value: unknown): string => {
  const out: Array<string> = []
  write(value, "", new Set(), out)
  return out.join("")
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
