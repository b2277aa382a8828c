import type { GraphSystem } from '@custody/domain';

/** A set of systems named by a test of the record alone (e.g. "no fleet group", "matches these names"). */
export interface Subset {
  key: string;
  test: (s: GraphSystem) => boolean;
}

interface Kept {
  test: (s: GraphSystem) => boolean;
  members: ReadonlySet<GraphSystem>;
}

/**
 * The members of subsets of a systems array, kept per array and carried to the next graph's array with the
 * records that changed (issue 11): a subgraph reads, besides an anchor's neighbours, a few systems named by a
 * test (a fleet vendor's stand-in, the systems an anchor's sub-processor names match), and finding them asked
 * each of a fleet's 10,000 systems on every re-audit. A test must read the record alone.
 */
const kept = new WeakMap<readonly GraphSystem[], Map<string, Kept>>();
/** Subsets kept per array (one per sub-processor name a fleet's systems list, and a few others). */
const MAX_KEYS = 256;
/** A subset this large is not carried (a manifest's systems that are no install): subgraphs scan for it anyway. */
const MAX_CARRIED = 256;

/** The members of `subset` among `systems`, kept or found now by one pass. */
export function keptSubset(systems: readonly GraphSystem[], subset: Subset): ReadonlySet<GraphSystem> {
  const known = kept.get(systems)?.get(subset.key);
  if (known) return known.members;
  const members = new Set<GraphSystem>();
  for (const s of systems) if (subset.test(s)) members.add(s);
  return seedSubset(systems, subset, members);
}

/** Keeps `members`, found by a pass the caller made anyway (every system `subset.test` passes), for `systems`. */
export function seedSubset(systems: readonly GraphSystem[], subset: Subset, members: Iterable<GraphSystem>): ReadonlySet<GraphSystem> {
  let byKey = kept.get(systems);
  if (!byKey) kept.set(systems, (byKey = new Map()));
  if (byKey.size >= MAX_KEYS) byKey.delete(byKey.keys().next().value!);
  const set = new Set(members);
  byKey.set(subset.key, { test: subset.test, members: set });
  return set;
}

/**
 * Carries the subsets kept for `a` to `b`, the array `a` with the records in `changed` added, replaced or
 * removed: a member that changed leaves, its new record joins if it passes. Nothing when the changes do not add
 * up to `b`'s length (records sharing an id hide a change).
 */
export function carrySubsets(a: readonly GraphSystem[], b: readonly GraphSystem[], changed: Iterable<{ before?: GraphSystem; after?: GraphSystem }>): void {
  const byKey = kept.get(a);
  if (!byKey || a === b || kept.has(b)) return;
  const changes = [...changed];
  let size = a.length;
  for (const { before, after } of changes) size += (after ? 1 : 0) - (before ? 1 : 0);
  if (size !== b.length) return;
  const next = new Map<string, Kept>();
  for (const [key, { test, members }] of byKey) {
    const leave = changes.filter((c) => c.before && members.has(c.before));
    const join = changes.filter((c) => c.after && test(c.after));
    if (!leave.length && !join.length) next.set(key, { test, members });
    else if (members.size <= MAX_CARRIED) {
      const moved = new Set(members);
      for (const c of leave) moved.delete(c.before!);
      for (const c of join) moved.add(c.after!);
      next.set(key, { test, members: moved });
    }
  }
  kept.set(b, next);
}

/**
 * `items` (members of `list`) in the order of `list`, each found by a native search (a few items of a list of
 * 10,000 cost less than a pass over it in JavaScript); undefined when one is not in `list`.
 */
export function inListOrder<T>(list: readonly T[], items: readonly T[]): T[] | undefined {
  const at = items.map((x) => list.indexOf(x));
  if (at.some((p) => p < 0)) return undefined;
  return at.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0]).map(([, i]) => items[i]!);
}
