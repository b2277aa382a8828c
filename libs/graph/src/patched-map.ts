/**
 * A read-only map that answers as `base` with some keys set or removed, without copying `base`: the graph
 * index of a re-audited graph is the previous graph's with the few records a change touched (indexFromBase),
 * and copying its maps (a fleet's 10,000 systems, their flow lists by sender and by receiver) was most of what
 * patching the index cost (issue 11). Layers do not stack: a patch of a patched map patches its base with both
 * sets of changes, and once the changes reach a quarter of the base the map is copied whole (so a long run of
 * re-audits pays one copy per many changes, and a lookup never asks more than two maps).
 *
 * Nothing reads the graph index's maps in iteration order; this one iterates the base's unpatched entries,
 * then the patched ones.
 */
const REMOVED: unique symbol = Symbol('removed');
type Patch<K, V> = Map<K, V | typeof REMOVED>;

export class PatchedMap<K, V> implements ReadonlyMap<K, V> {
  readonly size: number;
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly patch: Patch<K, V>,
  ) {
    let size = base.size;
    for (const [k, v] of patch) {
      const had = base.has(k);
      if (v === REMOVED) size -= had ? 1 : 0;
      else size += had ? 0 : 1;
    }
    this.size = size;
  }

  /** `base` with each key of `changes` set to its value, or removed where the value is undefined. */
  static of<K, V>(base: ReadonlyMap<K, V>, changes: ReadonlyMap<K, V | undefined>): ReadonlyMap<K, V> {
    const root = base instanceof PatchedMap ? (base.base as ReadonlyMap<K, V>) : base;
    const patch: Patch<K, V> = base instanceof PatchedMap ? new Map(base.patch as Patch<K, V>) : new Map();
    for (const [k, v] of changes) patch.set(k, v === undefined ? REMOVED : v);
    if (patch.size * 4 <= root.size) return new PatchedMap(root, patch);
    const whole = new Map(root);
    for (const [k, v] of patch) {
      if (v === REMOVED) whole.delete(k);
      else whole.set(k, v);
    }
    return whole;
  }

  get(k: K): V | undefined {
    const v = this.patch.get(k);
    if (v === undefined) return this.patch.has(k) ? undefined : this.base.get(k);
    return v === REMOVED ? undefined : v;
  }

  has(k: K): boolean {
    const v = this.patch.get(k);
    if (v === undefined && !this.patch.has(k)) return this.base.has(k);
    return v !== REMOVED;
  }

  *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.base) if (!this.patch.has(k)) yield [k, v];
    for (const [k, v] of this.patch) if (v !== REMOVED) yield [k, v];
  }

  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}
