/**
 * A persistent (immutable, structurally shared) map that is a `ReadonlyMap`:
 * `set` returns a new map in O(log n) instead of copying every entry, so
 * folding thousands of events into a state stays linear. Iteration follows
 * insertion order, like a `Map`.
 *
 * @internal
 */
import * as HashMap from "effect/HashMap"
import * as Option from "effect/Option"

/** @internal */
export class PersistentMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly index: HashMap.HashMap<K, { readonly value: V; readonly order: number }>,
    private readonly nextOrder: number
  ) {}

  /** @internal */
  static empty<K, V>(): PersistentMap<K, V> {
    return new PersistentMap(HashMap.empty(), 0)
  }

  /** @internal */
  static from<K, V>(entries: Iterable<readonly [K, V]>): PersistentMap<K, V> {
    // Built in place (one mutable pass), then frozen as an ordinary persistent map.
    let next = 0
    const index = HashMap.mutate(HashMap.empty<K, { readonly value: V; readonly order: number }>(), (m) => {
      for (const [k, v] of entries) {
        const existing = HashMap.get(m, k)
        HashMap.set(m, k, { value: v, order: Option.isSome(existing) ? existing.value.order : next++ })
      }
    })
    return new PersistentMap(index, next)
  }

  get size(): number {
    return HashMap.size(this.index)
  }

  get(key: K): V | undefined {
    const found = HashMap.get(this.index, key)
    return Option.isSome(found) ? found.value.value : undefined
  }

  has(key: K): boolean {
    return HashMap.has(this.index, key)
  }

  /** A new map with `key` set to `value` (an existing key keeps its place in the order). */
  set(key: K, value: V): PersistentMap<K, V> {
    const existing = HashMap.get(this.index, key)
    if (Option.isSome(existing)) {
      return new PersistentMap(HashMap.set(this.index, key, { value, order: existing.value.order }), this.nextOrder)
    }
    return new PersistentMap(HashMap.set(this.index, key, { value, order: this.nextOrder }), this.nextOrder + 1)
  }

  private sorted(): Array<[K, V]> {
    const out: Array<[K, V, number]> = []
    for (const [k, e] of this.index) out.push([k, e.value, e.order])
    out.sort((a, b) => a[2] - b[2])
    return out.map(([k, v]) => [k, v])
  }

  forEach(callbackfn: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.sorted()) callbackfn.call(thisArg, v, k, this)
  }

  *entries(): MapIterator<[K, V]> {
    yield* this.sorted()
  }

  *keys(): MapIterator<K> {
    for (const [k] of this.sorted()) yield k
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.sorted()) yield v
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries()
  }

  get [Symbol.toStringTag](): string {
    return "PersistentMap"
  }
}

/**
 * `m` with `k` set to `v`, sharing structure with `m` when it is persistent.
 *
 * @internal
 */
export const setIn = <K, V>(m: ReadonlyMap<K, V>, k: K, v: V): ReadonlyMap<K, V> =>
  (m instanceof PersistentMap ? m : PersistentMap.from(m)).set(k, v)
