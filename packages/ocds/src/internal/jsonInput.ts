/**
 * Limits on JSON documents given to the validation: plain JSON only, nested at most {@link maxDepth} deep,
 * at most {@link maxValues} values in all.
 *
 * @internal
 */

/** @internal */
export const maxDepth = 64

/** @internal */
export const maxValues = 5_000_000

/** @internal Why `u` is not acceptable JSON, with the path of the first problem; `undefined` when it is. */
export const jsonProblem = (
  u: unknown
): { readonly path: string; readonly zh: string; readonly en: string } | undefined => {
  let count = 0
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: u, path: "", depth: 0 }]
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!
    if (++count > maxValues) return { path, zh: `超过 ${maxValues} 个值`, en: `more than ${maxValues} values` }
    if (depth > maxDepth) return { path, zh: `嵌套超过 ${maxDepth} 层`, en: `nested more than ${maxDepth} levels deep` }
    if (value === null || typeof value === "string" || typeof value === "boolean") continue
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return { path, zh: "数字须为有限值", en: "a number must be finite" }
      continue
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: `${path}/${i}`, depth: depth + 1 }))
      continue
    }
    const proto = typeof value === "object" ? Object.getPrototypeOf(value) : undefined
    if (typeof value !== "object" || (proto !== Object.prototype && proto !== null)) {
      return { path, zh: "不是 JSON 值", en: "not a JSON value" }
    }
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      stack.push({ value: v, path: `${path}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`, depth: depth + 1 })
    }
  }
  return undefined
}
