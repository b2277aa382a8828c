import type { Evidence } from '@custody/domain';

/**
 * Each fleet install's kept evidence list per way of mapping it, shared by the rules of one run (issue 11). A
 * class run maps a representative's evidence onto each member by slot (class-run.ts), and rules cite an
 * install's items in the same few ways: its own row alone, its row with its vendor's clause, its row twice. So
 * the list a member's instance keeps for one way was mapped, checked for repeats and interned by an earlier
 * rule already, ~90,000 times per run at fleet 10k. A way of mapping is its slots, with each place that holds
 * an item every member shares (-1) named by that item's identity: the same way gives every install the same
 * items, hence the same kept list, whichever rule asks. The caller keeps what it puts in a table: a list its
 * keep gave for exactly those items.
 */
export interface MemberLists {
  /**
   * The kept lists, by the install's place among the run's vendors, for lists mapped by `slots` (-1: the item
   * of `shared` at that place). The same table for the same slots and shared items, across the run's rules.
   */
  table(slots: readonly number[], shared: readonly Evidence[], vendors: number): (Evidence[] | undefined)[];
}

/**
 * `length` places, all undefined, in fast elements: a list filled at scattered places from empty (a class's
 * representatives, members far apart) turns into a dictionary, and is then read by hashing at every place.
 * Sized once (`new Array(n)` reserves fast elements, checked to 1,000,000 places) and filled natively: a push
 * per place, the list grown and copied as it went, took ~3× as long, and a class run asks for several such
 * lists per rule (denseArray was 1.9 s of a fleet 100k profile's 33 s of evaluate).
 */
export function denseArray<T>(length: number): (T | undefined)[] {
  return new Array<T | undefined>(length).fill(undefined);
}

export function memberLists(): MemberLists {
  // Shared items by identity: equal-looking items that are other objects are other ways (as interning sees them).
  const ids = new Map<Evidence, number>();
  const tables = new Map<string, (Evidence[] | undefined)[]>();
  return {
    table(slots, shared, vendors) {
      // Asked once per class draft, not per member: a key text is cheap at that rate.
      let key = '';
      for (let i = 0; i < slots.length; i++) {
        const s = slots[i]!;
        let part: string;
        if (s >= 0) part = String(s);
        else {
          const e = shared[i]!;
          let id = ids.get(e);
          if (id === undefined) ids.set(e, (id = ids.size));
          part = `s${id}`;
        }
        key += i === 0 ? part : `,${part}`;
      }
      let table = tables.get(key);
      if (!table) tables.set(key, (table = denseArray(vendors)));
      return table;
    },
  };
}
