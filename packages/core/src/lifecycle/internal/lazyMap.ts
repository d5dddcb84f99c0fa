// A read-only map whose lookups are answered one key at a time and which is built whole only when something
// iterates it or asks its size: the maps a rule input offers (approved designs, key-enterprise steps) are derived
// from the state, and the rules look up one key of them, so deciding a command need not copy them.
export class LazyMap<K, V> implements ReadonlyMap<K, V> {
  #whole: ReadonlyMap<K, V> | undefined
  /** `lookup` must answer what `whole()` holds for that key (its value, or `undefined` when it lacks it). */
  constructor(
    private readonly lookup: (key: K) => V | undefined,
    private readonly whole: () => ReadonlyMap<K, V>
  ) {}
  get(key: K): V | undefined {
    return this.lookup(key)
  }
  has(key: K): boolean {
    return this.lookup(key) !== undefined
  }
  private all(): ReadonlyMap<K, V> {
    return (this.#whole ??= this.whole())
  }
  get size(): number {
    return this.all().size
  }
  forEach(callbackfn: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.all()) callbackfn.call(thisArg, v, k, this)
  }
  entries(): MapIterator<[K, V]> {
    return this.all().entries()
  }
  keys(): MapIterator<K> {
    return this.all().keys()
  }
  values(): MapIterator<V> {
    return this.all().values()
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.all()[Symbol.iterator]()
  }
}
