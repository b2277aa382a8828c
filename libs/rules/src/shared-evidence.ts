import type { Evidence } from '@custody/domain';

/** Lists longer than this are kept as they are: nearly every instance cites one to three items. */
const MAX_ITEMS = 8;
/** Distinct lists kept per first item: enough for an install's own item cited by each rule in its few ways. */
const MAX_PER_FIRST = 16;

/** Several lists starting with one item (a plain list under a first item is that list itself). */
class Lists {
  constructor(readonly lists: Evidence[][]) {}
}

/**
 * Instance evidence shared by the lists of one run (issue 11): a fleet's instances cite the same items in the
 * same order over and over (61,000 instances at fleet 100k cite only the AWS hop's one contract clause; an
 * install's own item is cited by several rules), and each instance kept its own list, ~936,000 lists retained
 * to the end of the audit. The interner gives back the first list met with the same items (the same objects,
 * in the same order), so equal lists are one array. What a report writes of a list is its items, so sharing
 * cannot change any output; it relies on what instance evidence already relies on (a class's unmapped list is
 * every member's): nothing writes to an instance's evidence list once the rule runner has made it.
 *
 * `scratch`: `list` is one the caller fills again for its next ask (a class member's mapped items): a hit
 * costs no list at all, and only a list met first is copied (sized exactly: it lives on in instances).
 */
export function evidenceInterner(): (list: Evidence[], scratch?: boolean) => Evidence[] {
  let empty: Evidence[] | undefined;
  const byFirst = new Map<Evidence, Evidence[] | Lists>();
  return (list, scratch = false) => {
    if (list.length === 0) return (empty ??= scratch ? [] : list);
    if (list.length > MAX_ITEMS) return scratch ? list.slice() : list;
    const first = list[0]!;
    const hit = byFirst.get(first);
    if (hit === undefined) {
      const kept = scratch ? list.slice() : list;
      byFirst.set(first, kept);
      return kept;
    }
    if (!(hit instanceof Lists)) {
      if (hit === list || sameItems(hit, list)) return hit;
      const kept = scratch ? list.slice() : list;
      byFirst.set(first, new Lists([hit, kept]));
      return kept;
    }
    for (const l of hit.lists) if (l === list || sameItems(l, list)) return l;
    const kept = scratch ? list.slice() : list;
    if (hit.lists.length < MAX_PER_FIRST) hit.lists.push(kept);
    return kept;
  };
}

/** The same items (by identity) in the same order. */
function sameItems(a: readonly Evidence[], b: readonly Evidence[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
