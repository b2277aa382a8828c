import { DATA_CATEGORIES, DATA_CATEGORY_SENSITIVITY, type DataCategory } from '@custody/domain';
import { sortCategories } from './normalise.js';

/**
 * A draft's data categories (a flow's `data`, a system's `holds`) while the projection builds them: one bit per
 * taxonomy category, so a draft holds a number, not a Set. A fleet of 100,000 installs made some 500,000 Sets
 * (a hash table each) that lived through the whole projection and were copied by every scavenge.
 *
 * A category outside the taxonomy (no parser makes one, but a stored analysis is not validated again) turns the
 * value into a list of distinct categories in arrival order: {@link sortCategories} puts such a category after
 * the known ones in that order, which a bitmask cannot tell.
 */
export type Categories = number | DataCategory[];

// One bit per category in a 32-bit integer (bit 31 would make masks negative): a taxonomy that outgrows it must
// fail at load, not let two categories share a bit and silently merge.
if (DATA_CATEGORIES.length > 31) throw new Error(`categories.ts: ${DATA_CATEGORIES.length} data categories do not fit a 31-bit mask`);
const BIT = new Map<string, number>(DATA_CATEGORIES.map((c, i) => [c, 1 << i]));
/** Per sensitivity threshold, the bits of the categories at or above it. */
const AT_LEAST = new Map<number, number>();
const maskAtLeast = (min: number): number => {
  let mask = AT_LEAST.get(min);
  if (mask === undefined) AT_LEAST.set(min, (mask = DATA_CATEGORIES.reduce((m, c, i) => (DATA_CATEGORY_SENSITIVITY[c] >= min ? m | (1 << i) : m), 0)));
  return mask;
};

/** The categories of `list` (duplicates dropped). */
export function categoriesOf(list: Iterable<DataCategory> | undefined): Categories {
  let out: Categories = 0;
  if (list) for (const c of list) out = withCategory(out, c);
  return out;
}

/** `cats` with `c` added: the same list when it is one (mutated), a new number otherwise. */
export function withCategory(cats: Categories, c: DataCategory): Categories {
  if (typeof cats === 'number') {
    const bit = BIT.get(c);
    if (bit !== undefined) return cats | bit;
    cats = categoryValues(cats);
  }
  if (!cats.includes(c)) cats.push(c);
  return cats;
}

/** `a` with every category of `b` added, in `b`'s order. */
export function withCategories(a: Categories, b: Categories): Categories {
  if (typeof a === 'number' && typeof b === 'number') return a | b;
  for (const c of categoryValues(b)) a = withCategory(a, c);
  return a;
}

export function hasCategory(cats: Categories, c: DataCategory): boolean {
  if (typeof cats !== 'number') return cats.includes(c);
  const bit = BIT.get(c);
  return bit !== undefined && (cats & bit) !== 0;
}

export function categoryCount(cats: Categories): number {
  if (typeof cats !== 'number') return cats.length;
  let n = 0;
  for (let m = cats; m; m &= m - 1) n++;
  return n;
}

/** Only the categories whose sensitivity is at least `min` (one outside the taxonomy has none). */
export function categoriesAtLeast(cats: Categories, min: number): Categories {
  if (typeof cats === 'number') return cats & maskAtLeast(min);
  return categoriesOf(cats.filter((c) => DATA_CATEGORY_SENSITIVITY[c] >= min));
}

/**
 * The same record list ({@link categoryList}): the same categories, in whatever order the known ones came, and
 * those outside the taxonomy in the same order, as the record keeps their arrival order. The projection memo
 * reuses a record when its draft is the same, so a reordering the record shows must not count as the same.
 */
export function sameCategories(a: Categories, b: Categories): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  const x = categoryList(a);
  const y = categoryList(b);
  return x.length === y.length && x.every((c, i) => c === y[i]);
}

/** The categories as a fresh list: taxonomy order for a bitmask, arrival order for a list. */
export function categoryValues(cats: Categories): DataCategory[] {
  if (typeof cats !== 'number') return [...cats];
  const out: DataCategory[] = [];
  for (let i = 0, m = cats; m; i++, m >>>= 1) if (m & 1) out.push(DATA_CATEGORIES[i]!);
  return out;
}

/**
 * The record's sorted list (as {@link sortCategories} gives it). For a bitmask, one frozen list per distinct
 * value, shared by every record with those categories: a fleet's 345,000 flows carry a handful of distinct
 * lists. Frozen, so code that would edit one record's list in place fails instead of editing them all
 * (what-if edits a structured clone, rules only read).
 */
export function categoryList(cats: Categories): DataCategory[] {
  if (typeof cats !== 'number') return sortCategories(cats);
  let list = LISTS.get(cats);
  if (list === undefined) LISTS.set(cats, (list = Object.freeze(categoryValues(cats)) as DataCategory[]));
  return list;
}

const LISTS = new Map<number, DataCategory[]>();
