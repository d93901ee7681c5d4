/**
 * A small least-recently-used map. Matchers run on the eval hot path (thousands of cases, each
 * with its own copy of the same matcher spec), so compiled regexes and JSON Schema validators are
 * cached by their source text rather than by object identity: two cases that carry equal specs
 * share one compiled artifact. The bound keeps a run with many distinct patterns from growing
 * memory without limit.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Map keeps insertion order: re-inserting marks the entry as most recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Returns the cached value for `key`, computing and storing it on a miss. */
export function memo<K, V>(cache: LruCache<K, V>, key: K, compute: () => V): V {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  cache.set(key, value);
  return value;
}
