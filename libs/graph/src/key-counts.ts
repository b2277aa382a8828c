import { PatchedMap } from './patched-map.js';

/** How many records of a list have each key, and the keys two or more records share. */
export interface KeyCounts {
  counts: ReadonlyMap<string, number>;
  repeated: ReadonlySet<string>;
}

/**
 * Key counts of record lists (system names, flow ids), kept per list and carried from a graph's list to the
 * next graph's with the records that changed (issue 11): a re-audit after one change moves a few counts where
 * counting again walked a fleet's 10,000 systems or 34,000 flows. Lists are never mutated; a carried list's
 * counts patch the previous ones (PatchedMap), so nothing is copied.
 */
export class CountedKeys<T> {
  private readonly kept = new WeakMap<readonly T[], KeyCounts>();

  /**
   * `idKeyed`: the key is the id the changes are keyed by (flow ids). Changes by id can hide a record where two
   * share an id, so such counts are carried only from a list whose keys are all unique.
   */
  constructor(
    private readonly key: (x: T) => string,
    private readonly idKeyed = false,
  ) {}

  /** The counts of `xs`, kept or counted now. */
  of(xs: readonly T[]): KeyCounts {
    let known = this.kept.get(xs);
    if (!known) {
      const counts = new Map<string, number>();
      const repeated = new Set<string>();
      for (const x of xs) {
        const k = this.key(x);
        const n = (counts.get(k) ?? 0) + 1;
        counts.set(k, n);
        if (n === 2) repeated.add(k);
      }
      this.kept.set(xs, (known = { counts, repeated }));
    }
    return known;
  }

  /** The counts of `xs` when kept, else undefined (the caller does without rather than count). */
  known(xs: readonly T[]): KeyCounts | undefined {
    return this.kept.get(xs);
  }

  /** Takes `counts` as the counts of `xs` (a part of a list answering as the whole list does). */
  alias(xs: readonly T[], counts: KeyCounts): void {
    this.kept.set(xs, counts);
  }

  /**
   * Keeps the counts of `b`, the list `a` with the records in `changed` added, replaced or removed, patched
   * from those of `a` when `a`'s are kept. Nothing when they are not, or when the changes do not add up to
   * `b`'s length (records sharing an id hide a change): the next ask counts `b`.
   */
  carry(a: readonly T[], b: readonly T[], changed: Iterable<{ before?: T; after?: T }>): void {
    const known = this.kept.get(a);
    if (!known || a === b || this.kept.has(b) || (this.idKeyed && known.repeated.size)) return;
    let size = a.length;
    const moves = new Map<string, number>();
    for (const { before, after } of changed) {
      size += (after ? 1 : 0) - (before ? 1 : 0);
      const [kb, ka] = [before && this.key(before), after && this.key(after)];
      if (before && after && kb === ka) continue;
      if (before) moves.set(kb!, (moves.get(kb!) ?? 0) - 1);
      if (after) moves.set(ka!, (moves.get(ka!) ?? 0) + 1);
    }
    if (size !== b.length) return;
    const patch = new Map<string, number | undefined>();
    for (const [k, by] of moves) {
      if (!by) continue;
      const n = (known.counts.get(k) ?? 0) + by;
      if (n < 0) return;
      patch.set(k, n || undefined);
    }
    if (!patch.size) return void this.kept.set(b, known);
    const repeated = new Set(known.repeated);
    for (const [k, n] of patch) {
      if ((n ?? 0) >= 2) repeated.add(k);
      else repeated.delete(k);
    }
    this.kept.set(b, { counts: PatchedMap.of(known.counts, patch), repeated });
  }
}
