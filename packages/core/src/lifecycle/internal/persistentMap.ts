/**
 * A persistent (immutable, structurally shared) map that is a `ReadonlyMap`:
 * `set` returns a new map in O(log n) instead of copying every entry, so
 * folding thousands of events into a state stays linear. Iteration follows
 * insertion order, like a `Map`.
 *
 * A map built at once from entries ({@link PersistentMap.from}, e.g. a state read back from a snapshot) keeps them
 * in a native `Map` that is never written again (built in one pass, far cheaper than a hash trie), and later `set`s
 * go to a hash trie over it. Keys are strings or numbers here (event ids, design ids, member units), which both
 * compare alike.
 *
 * @internal
 */
import * as Equal from "effect/Equal"
import * as Hash from "effect/Hash"
import * as HashMap from "effect/HashMap"
import * as HashSet from "effect/HashSet"
import * as Option from "effect/Option"

/** A change over the base: a new key with its place in the order, or a base key's new value (`order` -1). */
interface Change<V> {
  readonly value: V
  readonly order: number
}

const noBase: ReadonlyMap<unknown, never> = new Map<unknown, never>()

/** @internal */
export class PersistentMap<K, V> implements ReadonlyMap<K, V>, Equal.Equal {
  private constructor(
    /** Entries built at once, never written after construction. */
    private readonly base: ReadonlyMap<K, V>,
    /** What was set since: new keys (in the order of `order`) and new values of base keys. */
    private readonly changes: HashMap.HashMap<K, Change<V>>,
    /** How many keys `changes` holds that `base` does not. */
    private readonly added: number
  ) {}

  /** @internal */
  static empty<K, V>(): PersistentMap<K, V> {
    return new PersistentMap<K, V>(noBase as ReadonlyMap<K, V>, HashMap.empty(), 0)
  }

  /** @internal */
  static from<K, V>(entries: Iterable<readonly [K, V]>): PersistentMap<K, V> {
    // A key set twice keeps its first place and takes its last value, as in a `Map`.
    const base = new Map<K, V>()
    for (const [k, v] of entries) base.set(k, v)
    return new PersistentMap<K, V>(base, HashMap.empty(), 0)
  }

  get size(): number {
    return this.base.size + this.added
  }

  get(key: K): V | undefined {
    const changed = HashMap.get(this.changes, key)
    return Option.isSome(changed) ? changed.value.value : this.base.get(key)
  }

  has(key: K): boolean {
    return this.base.has(key) || HashMap.has(this.changes, key)
  }

  /** A new map with `key` set to `value` (an existing key keeps its place in the order). */
  set(key: K, value: V): PersistentMap<K, V> {
    const existing = HashMap.get(this.changes, key)
    if (Option.isSome(existing)) {
      return new PersistentMap(
        this.base,
        HashMap.set(this.changes, key, { value, order: existing.value.order }),
        this.added
      )
    }
    if (this.base.has(key)) {
      return new PersistentMap(this.base, HashMap.set(this.changes, key, { value, order: -1 }), this.added)
    }
    return new PersistentMap(this.base, HashMap.set(this.changes, key, { value, order: this.added }), this.added + 1)
  }

  private sorted(): Array<[K, V]> {
    const out: Array<[K, V]> = []
    const added: Array<[K, V, number]> = []
    const overridden = new Map<K, V>()
    for (const [k, c] of this.changes) {
      if (c.order >= 0) added.push([k, c.value, c.order])
      else overridden.set(k, c.value)
    }
    for (const [k, v] of this.base) out.push([k, overridden.has(k) ? overridden.get(k)! : v])
    added.sort((a, b) => a[2] - b[2])
    for (const [k, v] of added) out.push([k, v])
    return out
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

  /** Equal when they hold equal entries in the same order, however each was built. */
  [Equal.symbol](that: Equal.Equal): boolean {
    if (!(that instanceof PersistentMap) || that.size !== this.size) return false
    const theirs = (that as PersistentMap<unknown, unknown>).sorted()
    return this.sorted().every(([k, v], i) => Equal.equals(k, theirs[i]![0]) && Equal.equals(v, theirs[i]![1]))
  }

  [Hash.symbol](): number {
    return Hash.number(this.size)
  }
}

/**
 * A persistent set that is a `ReadonlySet` (the command ids a project applied): like {@link PersistentMap}, the
 * values of {@link PersistentSet.from} in a native `Set` never written again, later ones in a hash set over it.
 * Iteration gives the values it was built from, then those added since.
 *
 * @internal
 */
export class PersistentSet<A> implements ReadonlySet<A>, Equal.Equal {
  private constructor(
    private readonly base: ReadonlySet<A>,
    private readonly added: HashSet.HashSet<A>
  ) {}

  /** @internal */
  static empty<A>(): PersistentSet<A> {
    return new PersistentSet<A>(new Set(), HashSet.empty())
  }

  /** @internal */
  static from<A>(values: Iterable<A>): PersistentSet<A> {
    return new PersistentSet<A>(new Set(values), HashSet.empty())
  }

  get size(): number {
    return this.base.size + HashSet.size(this.added)
  }

  has(value: A): boolean {
    return this.base.has(value) || HashSet.has(this.added, value)
  }

  /** A new set with `value` in it (the same set when it already is). */
  add(value: A): PersistentSet<A> {
    if (this.base.has(value)) return this
    const added = HashSet.add(this.added, value)
    return HashSet.size(added) === HashSet.size(this.added) ? this : new PersistentSet(this.base, added)
  }

  *values(): SetIterator<A> {
    yield* this.base
    yield* this.added
  }

  *keys(): SetIterator<A> {
    yield* this.values()
  }

  *entries(): SetIterator<[A, A]> {
    for (const v of this.values()) yield [v, v]
  }

  forEach(callbackfn: (value: A, value2: A, set: ReadonlySet<A>) => void, thisArg?: unknown): void {
    for (const v of this.values()) callbackfn.call(thisArg, v, v, this)
  }

  [Symbol.iterator](): SetIterator<A> {
    return this.values()
  }

  get [Symbol.toStringTag](): string {
    return "PersistentSet"
  }

  /** Equal when they hold the same values, in whatever order (compared as a `Set` compares them). */
  [Equal.symbol](that: Equal.Equal): boolean {
    if (!(that instanceof PersistentSet) || that.size !== this.size) return false
    const theirs = new Set<unknown>(that as PersistentSet<unknown>)
    for (const v of this.values()) if (!theirs.has(v)) return false
    return true
  }

  [Hash.symbol](): number {
    return Hash.number(this.size)
  }
}

/**
 * `m` with `k` set to `v`, sharing structure with `m` when it is persistent.
 *
 * @internal
 */
export const setIn = <K, V>(m: ReadonlyMap<K, V>, k: K, v: V): ReadonlyMap<K, V> =>
  (m instanceof PersistentMap ? m : PersistentMap.from(m)).set(k, v)

/**
 * `s` with `v` in it, sharing structure with `s` when it is persistent.
 *
 * @internal
 */
export const addTo = <A>(s: ReadonlySet<A>, v: A): ReadonlySet<A> =>
  (s instanceof PersistentSet ? s : PersistentSet.from(s)).add(v)
