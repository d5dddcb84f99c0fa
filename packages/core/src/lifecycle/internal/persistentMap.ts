/**
 * A persistent (immutable, structurally shared) map that is a `ReadonlyMap`:
 * `set` returns a new map in O(log n) instead of copying every entry, so
 * folding thousands of events into a state stays linear. Iteration follows
 * insertion order, like a `Map`.
 *
 * A map built at once from entries ({@link PersistentMap.from}, e.g. a state read back from a snapshot) keeps them
 * in a native `Map` that is never written again (built in one pass, far cheaper than a hash trie), and later `set`s
 * go to a hash trie over it. Keys are strings or numbers here (event ids, design ids, member units), compared with
 * `===`. The trie is gsyf's own rather than Effect's `HashMap`: no `Option` per lookup, no `Equal` protocol per
 * key and one walk per write, which is most of what a replay costs.
 *
 * A batch fold (see `ProjectState.evolveAll`) writes through an {@link Owner}: the trie nodes and maps it made
 * itself during the batch are written in place (as Immutable.js's `withMutations` does), those made before are
 * copied as usual. A small map (a project's first events) the batch copies once into a native `Map` of its own, which
 * it then writes directly, and later than it says: its writes are kept in order and applied when something first
 * reads the map (or writes it without the owner), so a map that no one reads after a replay (the evidence owners, the
 * command ids until a command is decided) never hashes its keys. The owner is a token the batch never hands out,
 * so once the batch returns, nothing can change what its maps hold and they are as persistent as any.
 *
 * @internal
 */
import * as Equal from "effect/Equal"
import * as Hash from "effect/Hash"

// ── the hash trie of the changes ─────────────────────────────────────────────
// A leaf is a key with its value and its place in the order of the keys added (-1: a new value of a base key).

class Leaf<K, V> {
  constructor(readonly key: K, readonly hash: number, readonly value: V, readonly order: number) {}
}

class Branch<K, V> {
  constructor(
    public bitmap: number,
    public nodes: Array<Node<K, V>>,
    /** The batch that made the node and may write it in place (none: never written). */
    readonly owner: Owner | undefined = undefined
  ) {}
}

/**
 * A batch's write token: what an owner made during its batch, it may write in place.
 *
 * @internal
 */
export type Owner = { readonly _owner: unique symbol }

/**
 * A new owner, for one batch.
 *
 * @internal
 */
export const newOwner = (): Owner => ({}) as Owner

/** Leaves whose keys have the same 32-bit hash. */
class Collision<K, V> {
  constructor(readonly hash: number, readonly leaves: ReadonlyArray<Leaf<K, V>>) {}
}

type Node<K, V> = Leaf<K, V> | Branch<K, V> | Collision<K, V>

const hashOf = (key: unknown): number => {
  const s = typeof key === "string" ? key : String(key)
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h | 0
}

const popcount = (x: number): number => {
  x = x - ((x >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

const slotOf = (hash: number, shift: number): number => (hash >>> shift) & 31

const bitOf = (hash: number, shift: number): number => 1 << slotOf(hash, shift)

const find = <K, V>(node: Node<K, V> | undefined, hash: number, key: K): Leaf<K, V> | undefined => {
  let shift = 0
  while (node !== undefined) {
    if (node instanceof Leaf) return node.key === key ? node : undefined
    if (node instanceof Collision) return node.leaves.find((l) => l.key === key)
    const bit = bitOf(hash, shift)
    if ((node.bitmap & bit) === 0) return undefined
    node = node.nodes[popcount(node.bitmap & (bit - 1))]
    shift += 5
  }
  return undefined
}

const withAt = <T>(xs: ReadonlyArray<T>, i: number, x: T): Array<T> => {
  const out = xs.slice()
  out[i] = x
  return out
}

const insertedAt = <T>(xs: ReadonlyArray<T>, i: number, x: T): Array<T> => {
  const out = new Array<T>(xs.length + 1)
  for (let j = 0; j < i; j++) out[j] = xs[j]!
  out[i] = x
  for (let j = i; j < xs.length; j++) out[j + 1] = xs[j]!
  return out
}

/** A node holding two leaves of different keys. */
const pair = <K, V>(a: Leaf<K, V>, b: Leaf<K, V>, shift: number, owner: Owner | undefined): Node<K, V> => {
  if (a.hash === b.hash) return new Collision(a.hash, [a, b])
  const ba = bitOf(a.hash, shift)
  const bb = bitOf(b.hash, shift)
  if (ba === bb) return new Branch(ba, [pair(a, b, shift + 5, owner)], owner)
  return new Branch(ba | bb, slotOf(a.hash, shift) < slotOf(b.hash, shift) ? [a, b] : [b, a], owner)
}

// Set by `insert` when it added a key (rather than replacing the value of one): one walk per `set`.
let grew = false
// Set by `insert` when it wrote anything (a new key or a new value), in place or not.
let touched = false

/**
 * The node with `key` set to `value`: the same node when it already holds that value; a new key takes `order`.
 * A branch made by `owner` is written in place (and returned).
 */
const insert = <K, V>(
  node: Node<K, V>,
  hash: number,
  key: K,
  value: V,
  order: number,
  shift: number,
  owner: Owner | undefined
): Node<K, V> => {
  if (node instanceof Leaf) {
    if (node.key === key) {
      if (node.value === value) return node
      touched = true
      return new Leaf(key, hash, value, node.order)
    }
    grew = touched = true
    return pair(node, new Leaf(key, hash, value, order), shift, owner)
  }
  if (node instanceof Collision) {
    if (node.hash !== hash) {
      return insert(new Branch(bitOf(node.hash, shift), [node], owner), hash, key, value, order, shift, owner)
    }
    const i = node.leaves.findIndex((l) => l.key === key)
    if (i >= 0) {
      const leaf = node.leaves[i]!
      if (leaf.value === value) return node
      touched = true
      return new Collision(hash, withAt(node.leaves, i, new Leaf(key, hash, value, leaf.order)))
    }
    grew = touched = true
    return new Collision(hash, [...node.leaves, new Leaf(key, hash, value, order)])
  }
  const bit = bitOf(hash, shift)
  const i = popcount(node.bitmap & (bit - 1))
  const mine = owner !== undefined && node.owner === owner
  if ((node.bitmap & bit) === 0) {
    grew = touched = true
    const leaf = new Leaf(key, hash, value, order)
    if (!mine) return new Branch(node.bitmap | bit, insertedAt(node.nodes, i, leaf), owner)
    node.nodes.splice(i, 0, leaf)
    node.bitmap |= bit
    return node
  }
  const child = node.nodes[i]!
  const next = insert(child, hash, key, value, order, shift + 5, owner)
  if (next === child) return node
  if (!mine) return new Branch(node.bitmap, withAt(node.nodes, i, next), owner)
  node.nodes[i] = next
  return node
}

/** The leaves of a trie, in no particular order. */
const leavesOf = <K, V>(root: Node<K, V> | undefined): Array<Leaf<K, V>> => {
  const out: Array<Leaf<K, V>> = []
  const walk = (n: Node<K, V>): void => {
    if (n instanceof Leaf) out.push(n)
    else if (n instanceof Collision) out.push(...n.leaves)
    else for (const c of n.nodes) walk(c)
  }
  if (root !== undefined) walk(root)
  return out
}

/** The trie with `key` set (`grew` tells whether the key is new to it); nodes of `owner` are written in place. */
const written = <K, V>(
  root: Node<K, V> | undefined,
  key: K,
  value: V,
  order: number,
  owner: Owner | undefined
): Node<K, V> => {
  const hash = hashOf(key)
  grew = touched = false
  if (root !== undefined) return insert(root, hash, key, value, order, 0, owner)
  grew = touched = true
  return new Leaf(key, hash, value, order)
}

const lookup = <K, V>(root: Node<K, V> | undefined, key: K): Leaf<K, V> | undefined =>
  root === undefined ? undefined : find(root, hashOf(key), key)

const noBase: ReadonlyMap<unknown, never> = new Map<unknown, never>()

// Up to this size, a batch copies a map it did not make into a native one of its own rather than writing a trie over
// it: copying a few entries costs less than the trie's walks and nodes.
const copiedUpTo = 64

/** @internal */
export class PersistentMap<K, V> implements ReadonlyMap<K, V>, Equal.Equal {
  // Native private fields: not own enumerable properties, so that what compares objects field by field (a test's
  // `toEqual`) compares the entries, in order, and not how the map happens to hold them.
  /** Entries built at once, never written after construction (but by the batch that owns it, see `#ownsBase`). */
  readonly #base: ReadonlyMap<K, V>
  /** What was set since: new keys (in the order of their leaves' `order`) and new values of base keys (-1). */
  #changes: Node<K, V> | undefined
  /** How many keys `#changes` holds that `#base` does not. */
  #added: number
  /** The batch that made the map and may write it in place (see {@link setBy}). */
  readonly #owner: Owner | undefined
  /** Whether `#base` is the owner's own native map (then there are no `#changes`), written directly. */
  readonly #ownsBase: boolean
  /**
   * What the owning batch set, in order, not yet written into its own `#base` (keys and values alternating): written
   * there before anything reads the map, so a map that nothing reads after a replay is never hashed.
   */
  #deferred: Array<K | V> | undefined = undefined

  private constructor(
    base: ReadonlyMap<K, V>,
    changes: Node<K, V> | undefined,
    added: number,
    owner: Owner | undefined = undefined,
    ownsBase = false
  ) {
    this.#base = base
    this.#changes = changes
    this.#added = added
    this.#owner = owner
    this.#ownsBase = ownsBase
  }

  /** @internal */
  static empty<K, V>(): PersistentMap<K, V> {
    return new PersistentMap<K, V>(noBase as ReadonlyMap<K, V>, undefined, 0)
  }

  /** @internal */
  static from<K, V>(entries: Iterable<readonly [K, V]>): PersistentMap<K, V> {
    // A key set twice keeps its first place and takes its last value, as in a `Map`.
    const base = new Map<K, V>()
    for (const [k, v] of entries) base.set(k, v)
    return new PersistentMap<K, V>(base, undefined, 0)
  }

  /** `#base` with what the owning batch deferred written into it. */
  private base(): ReadonlyMap<K, V> {
    const deferred = this.#deferred
    if (deferred !== undefined) {
      this.#deferred = undefined
      const base = this.#base as Map<K, V>
      for (let i = 0; i < deferred.length; i += 2) base.set(deferred[i] as K, deferred[i + 1] as V)
    }
    return this.#base
  }

  get size(): number {
    return this.base().size + this.#added
  }

  get(key: K): V | undefined {
    const changed = lookup(this.#changes, key)
    return changed !== undefined ? changed.value : this.base().get(key)
  }

  has(key: K): boolean {
    return this.base().has(key) || lookup(this.#changes, key) !== undefined
  }

  /** A new map with `key` set to `value` (an existing key keeps its place in the order). */
  set(key: K, value: V): PersistentMap<K, V> {
    return this.setBy(undefined, key, value)
  }

  /**
   * The map with `key` set to `value`, written in place when `owner` made it (this map, then), else a new map that
   * `owner` made: what a batch fold does (see the module documentation). No owner: {@link set}.
   */
  setBy(owner: Owner | undefined, key: K, value: V): PersistentMap<K, V> {
    if (owner !== undefined) {
      if (this.#owner === owner && this.#ownsBase) {
        ;(this.#deferred ??= []).push(key, value)
        return this
      }
      if (this.#owner !== owner && this.size <= copiedUpTo) {
        const own = new Map(this.sorted())
        own.set(key, value)
        return new PersistentMap(own, undefined, 0, owner, true)
      }
    }
    const base = this.base()
    const inBase = base.size > 0 && base.has(key)
    if (inBase && base.get(key) === value && lookup(this.#changes, key) === undefined) return this
    const order = inBase ? -1 : this.#added
    const changes = written(this.#changes, key, value, order, owner)
    const added = grew && order >= 0 ? this.#added + 1 : this.#added
    if (owner !== undefined && this.#owner === owner) {
      this.#changes = changes
      this.#added = added
      return this
    }
    if (!touched) return this
    return new PersistentMap(base, changes, added, owner)
  }

  private sorted(): Array<[K, V]> {
    const out: Array<[K, V]> = []
    const added: Array<Leaf<K, V>> = []
    const overridden = new Map<K, V>()
    for (const leaf of leavesOf(this.#changes)) {
      if (leaf.order >= 0) added.push(leaf)
      else overridden.set(leaf.key, leaf.value)
    }
    for (const [k, v] of this.base()) out.push([k, overridden.has(k) ? overridden.get(k)! : v])
    added.sort((a, b) => a.order - b.order)
    for (const leaf of added) out.push([leaf.key, leaf.value])
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
  // Native private fields, as in `PersistentMap`.
  readonly #base: ReadonlySet<A>
  /** The values added since, each with its place in their order. */
  #added: Node<A, true> | undefined
  #addedCount: number
  /** The batch that made the set and may write it in place (see {@link addBy}). */
  readonly #owner: Owner | undefined
  /** Whether `#base` is the owner's own native set (then nothing is `#added`), written directly. */
  readonly #ownsBase: boolean
  /** What the owning batch added, in order, not yet in its own `#base` (as in `PersistentMap`). */
  #deferred: Array<A> | undefined = undefined

  private constructor(
    base: ReadonlySet<A>,
    added: Node<A, true> | undefined,
    addedCount: number,
    owner: Owner | undefined = undefined,
    ownsBase = false
  ) {
    this.#base = base
    this.#added = added
    this.#addedCount = addedCount
    this.#owner = owner
    this.#ownsBase = ownsBase
  }

  /** @internal */
  static empty<A>(): PersistentSet<A> {
    return new PersistentSet<A>(new Set(), undefined, 0)
  }

  /** @internal */
  static from<A>(values: Iterable<A>): PersistentSet<A> {
    return new PersistentSet<A>(new Set(values), undefined, 0)
  }

  /** `#base` with what the owning batch deferred added to it. */
  private base(): ReadonlySet<A> {
    const deferred = this.#deferred
    if (deferred !== undefined) {
      this.#deferred = undefined
      const base = this.#base as Set<A>
      for (let i = 0; i < deferred.length; i++) base.add(deferred[i]!)
    }
    return this.#base
  }

  get size(): number {
    return this.base().size + this.#addedCount
  }

  has(value: A): boolean {
    return this.base().has(value) || lookup(this.#added, value) !== undefined
  }

  /** A new set with `value` in it (the same set when it already is). */
  add(value: A): PersistentSet<A> {
    return this.addBy(undefined, value)
  }

  /** The set with `value` in it, written in place when `owner` made it (see `PersistentMap.setBy`). */
  addBy(owner: Owner | undefined, value: A): PersistentSet<A> {
    if (owner !== undefined) {
      if (this.#owner === owner && this.#ownsBase) {
        ;(this.#deferred ??= []).push(value)
        return this
      }
      if (this.#owner !== owner && this.size <= copiedUpTo) {
        const own = new Set(this.values())
        own.add(value)
        return new PersistentSet(own, undefined, 0, owner, true)
      }
    }
    const base = this.base()
    if (base.size > 0 && base.has(value)) return this
    const added = written(this.#added, value, true, this.#addedCount, owner)
    if (!grew) return this
    if (owner !== undefined && this.#owner === owner) {
      this.#added = added
      this.#addedCount++
      return this
    }
    return new PersistentSet(base, added, this.#addedCount + 1, owner)
  }

  *values(): SetIterator<A> {
    yield* this.base()
    const added = leavesOf(this.#added).sort((a, b) => a.order - b.order)
    for (const leaf of added) yield leaf.key
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
 * `m` with `k` set to `v`, sharing structure with `m` when it is persistent (written in place when `owner`
 * made it).
 *
 * @internal
 */
export const setIn = <K, V>(m: ReadonlyMap<K, V>, k: K, v: V, owner?: Owner): ReadonlyMap<K, V> =>
  (m instanceof PersistentMap ? m : PersistentMap.from(m)).setBy(owner, k, v)

/**
 * `s` with `v` in it, sharing structure with `s` when it is persistent (written in place when `owner` made it).
 *
 * @internal
 */
export const addTo = <A>(s: ReadonlySet<A>, v: A, owner?: Owner): ReadonlySet<A> =>
  (s instanceof PersistentSet ? s : PersistentSet.from(s)).addBy(owner, v)
