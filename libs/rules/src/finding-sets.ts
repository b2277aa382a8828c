/** The sets of findings charged to each system, shared as a trie while scoring (split out of score.ts). */

/**
 * Sets of finding indices, by their indices in order; `node` is the score of the set that ends here. A step
 * with one way on holds it inline (`key`, `only`), and gets a map at its second: a manifest charges each
 * system its own few findings, so nearly every step has one way on, and a map per step (~250,000 at 100k
 * systems) cost more than scoring the sets. `up` and `end` (the step before and the index that led here) give
 * a set's indices back once, when its score is first asked.
 */
export interface SetTrie {
  key?: number;
  only?: SetTrie;
  next?: Map<number, SetTrie>;
  up?: SetTrie;
  end: number;
  items?: number[];
  node?: { value: number; points: number[] };
  /** How many systems' sets end here (counted by the scoring before it scores them). */
  refs: number;
}

/** The step from `at` by finding index `i`, made if new. */
export function stepOf(at: SetTrie, i: number): SetTrie {
  if (at.next) {
    let next = at.next.get(i);
    if (!next) at.next.set(i, (next = { up: at, end: i, refs: 0 }));
    return next;
  }
  if (at.only === undefined) {
    at.key = i;
    return (at.only = { up: at, end: i, refs: 0 });
  }
  if (at.key === i) return at.only;
  const next: SetTrie = { up: at, end: i, refs: 0 };
  at.next = new Map([[at.key!, at.only], [i, next]]);
  return next;
}

/** The finding indices of the set that ends at `at`, ascending (worked out once per set). */
export function itemsOf(at: SetTrie): number[] {
  return (at.items ??= setItems(at));
}

/** {@link itemsOf}, not kept on the trie: for a set only one system reaches. */
export function setItems(at: SetTrie): number[] {
  if (at.items) return at.items;
  const items: number[] = [];
  for (let t: SetTrie | undefined = at; t?.up; t = t.up) items.push(t.end);
  return items.reverse();
}
