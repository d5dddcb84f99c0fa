/**
 * JSON values and the few helpers every part of the export uses on them.
 *
 * @internal
 */

/** @internal */
export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }

/** @internal */
export type JsonObject = { [k: string]: Json }

/** @internal A plain JSON object (not an array, not null). */
export const isObject = (u: unknown): u is JsonObject => typeof u === "object" && u !== null && !Array.isArray(u)

/** @internal A deep copy. */
export const clone = <A extends Json>(j: A): A => structuredClone(j)

/** @internal A JSON Pointer (RFC 6901) from path segments. */
export const pointer = (path: ReadonlyArray<string | number>): string =>
  path.map((p) => "/" + String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("")

/**
 * Sets a field as an own property, even one named `__proto__` (which plain assignment would turn into a
 * change of the object's prototype).
 *
 * @internal
 */
export const put = (o: JsonObject, key: string, value: Json): void => {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true })
}

/** @internal The own field `key` of `o`, if any. */
export const own = (o: JsonObject, key: string): Json | undefined => (Object.hasOwn(o, key) ? o[key] : undefined)
