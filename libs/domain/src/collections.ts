/** Distinct values in first-seen order. */
export function unique<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** Code-point comparison: deterministic regardless of the host's locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A map bounded by its number of entries that drops the least recently used one first. "Used" is `get` and
 * `set`; `peek` reads without using (diagnostics, or checking an entry is still the one a caller put there),
 * so it leaves the order alone. Built on Map's insertion order: a use moves the key to the end, eviction takes
 * from the front, all O(1). The caches of recent audits, projections and compositions in the API and the
 * worker share this one implementation so their eviction order cannot drift apart.
 */
export class MruMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly bound: number) {
    // A bound below one would keep nothing and a fraction or NaN would never evict: a caller's mistake, said now.
    if (!Number.isInteger(bound) || bound < 1) throw new RangeError(`an MruMap keeps at least one entry: bound must be a positive integer, got ${bound}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, made the most recently used. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key)!;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** The value, leaving the order as it is. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Stores the value as the most recently used, then drops the least recently used past the bound. */
  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.bound) break;
      this.entries.delete(oldest);
    }
    return this;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** Keys from the least to the most recently used. */
  keys(): IterableIterator<K> {
    return this.entries.keys();
  }
}
