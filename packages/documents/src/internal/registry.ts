/** A small insertion-ordered map with case-insensitive keys, shared by the renderer and template registries. */
export class Registry<A> {
  private readonly entries = new Map<string, A>()
  /** Adds an entry unless the key is taken; returns the existing entry when it is. */
  add(key: string, value: A): A | undefined {
    const k = key.toLowerCase()
    const existing = this.entries.get(k)
    if (existing !== undefined) return existing
    this.entries.set(k, value)
    return undefined
  }
  /** Sets an entry; returns the one it replaced. */
  set(key: string, value: A): A | undefined {
    const k = key.toLowerCase()
    const existing = this.entries.get(k)
    this.entries.set(k, value)
    return existing
  }
  get(key: string): A | undefined {
    return this.entries.get(key.toLowerCase())
  }
  keys(): Array<string> {
    return [...this.entries.keys()]
  }
  values(): Array<A> {
    return [...this.entries.values()]
  }
}
