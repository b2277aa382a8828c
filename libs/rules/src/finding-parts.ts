import { DATA_CATEGORIES, type DataCategory } from '@custody/domain';
import { unique } from './contracts.js';

/**
 * Parts of a finding as the runner makes them, in the form they are kept in for the life of a report: at
 * 100,000 systems a run keeps ~240,000 findings, and what each holds of its own is most of the report's heap.
 */

const CATEGORY_RANK = new Map(DATA_CATEGORIES.map((c, i) => [c, i]));

/** Distinct categories in DATA_CATEGORIES order. */
export function sortedCategories(categories: readonly DataCategory[]): DataCategory[] {
  // One list per set of categories, shared by the findings with that set (a run has a few dozen sets, and
  // ~240,000 findings at 100,000 systems each kept a list of its own, ~20 MB): nothing writes to a finding's
  // categories. A set is its ranks' bit mask, read from the draft's list before any list is made. Frozen (as
  // the graph's shared category lists are, categoryList): the map outlives the run, so a write in place would
  // change every finding with that set in this and every later audit of the process (the API's), not fail.
  let mask = 0;
  for (const c of categories) {
    const rank = CATEGORY_RANK.get(c);
    // Not a known category (a draft validation lets none through): sorted, not shared.
    if (rank === undefined || rank > 30) return sortCategoriesOnce(categories);
    mask |= 1 << rank;
  }
  let known = SHARED_CATEGORIES.get(mask);
  if (!known) {
    known = Object.freeze(sortCategoriesOnce(categories)) as DataCategory[];
    if (SHARED_CATEGORIES.size < 1 << 16) SHARED_CATEGORIES.set(mask, known);
  }
  return known;
}

/** Sorted category lists by their set's bit mask (see {@link sortedCategories}), for the life of the process. */
const SHARED_CATEGORIES = new Map<number, DataCategory[]>();

function sortCategoriesOnce(categories: readonly DataCategory[]): DataCategory[] {
  // Inserted by rank one by one, a repeat dropped where its rank is met: every finding's few categories, twice
  // per finding, and the sort's work array per list was a steady share of the audit's garbage.
  const out: DataCategory[] = [];
  next: for (const c of categories) {
    const rank = CATEGORY_RANK.get(c);
    // Not a known category (a draft validation lets none through): ordered as the sort orders it.
    if (rank === undefined) return unique(categories).sort((x, y) => CATEGORY_RANK.get(x)! - CATEGORY_RANK.get(y)!);
    let at = out.length;
    for (; at > 0; at--) {
      const before = CATEGORY_RANK.get(out[at - 1]!)!;
      if (before === rank) continue next;
      if (before < rank) break;
    }
    out.push(c);
    for (let k = out.length - 1; k > at; k--) out[k] = out[k - 1]!;
    out[at] = c;
  }
  return out;
}

/**
 * The string flattened: a detail is a template of names, ids and lists, which V8 keeps as a tree of
 * concatenations (~10 nodes of 32 bytes, ~310 bytes a finding) until something reads its characters; the
 * render reads them all, flattening each then, in the render's peak. Flat from the start it is ~170 bytes, for
 * as long as the report lives (~30 MB of a 100,000-system manifest's findings). Converting to a number is what
 * flattens a string in place (String::ToNumber); the number itself is not used.
 */
export function flat(s: string): string {
  // The result is stored, not dropped: TurboFan drops an unused `Number(s)` on a string where it inlines this
  // (measured on Node 20: 300,000 such details kept 98 MB with `void Number(s)` in an optimised loop, 37 MB with
  // the store, 99 MB without either), and then the string stays a tree of concatenations.
  flattened = Number(s);
  return s;
}

/** Written by {@link flat} so the conversion is kept; never read. */
let flattened = 0;
