import type { Graph, GraphSystem } from '@custody/domain';
import type { ProjectionChanges } from '@custody/graph';
import { namedSubprocessors, systemMatcher } from '@custody/rules';
import { seedSubset, type Subset } from './subsets.js';

/**
 * What a `names: 'subprocessors'` rule's re-run needs to know of every system (RuleReads): which sub-processor
 * names the graph's systems list, and for each such name how many systems are called so (by name or id, the
 * rule's loose match). Kept per systems array and carried from the previous graph's with the changed records
 * (see {@link carryListings}), so a re-audit after a new document reads only the records that changed: working
 * them out again walked a fleet's 10,000 systems twice (the listings, then the systems matching a flipped
 * name), most of that re-audit's rules step (issue 11).
 */
export interface Listings {
  /** How many listings of each name (a system listing it twice counts twice); names with none are absent. */
  readonly listed: ReadonlyMap<string, number>;
  /** For each listed name (and maybe names listed before), how many systems its matcher matches. */
  readonly modelled: ReadonlyMap<string, number>;
}

const kept = new WeakMap<readonly GraphSystem[], { size: number; listings: Listings }>();

/**
 * The sub-processor names a system record lists, per record: an unchanged record is the same object from one
 * re-audit to the next (records are never mutated), so a fleet's 10,000 lists are read once.
 */
const listed = new WeakMap<GraphSystem, readonly string[]>();
export function listedBy(s: GraphSystem): readonly string[] {
  let names = listed.get(s);
  if (!names) {
    const named = namedSubprocessors(s);
    listed.set(s, (names = [...named.inSettings, ...named.inContracts]));
  }
  return names;
}

/** One name's matcher (systemMatcher of it alone), per name: a re-audit asks it of each changed record. */
const matchers = new Map<string, (s: GraphSystem) => boolean>();
function matcherOf(name: string): (s: GraphSystem) => boolean {
  let m = matchers.get(name);
  if (!m) {
    // Bounded as the name-key cache is: a long-running worker sees many workspaces' names.
    if (matchers.size >= 10_000) matchers.clear();
    matchers.set(name, (m = systemMatcher([name])));
  }
  return m;
}

/** The listings of `g` (the kept ones, else worked out from its systems). */
export function listingsOf(g: Graph): Listings {
  const known = kept.get(g.systems);
  // The length checked as the graph index checks it: an array grown in place is read again.
  if (known?.size === g.systems.length) return known.listings;
  const names = new Map<string, number>();
  for (const s of g.systems) for (const x of listedBy(s)) names.set(x, (names.get(x) ?? 0) + 1);
  const listings = { listed: names, modelled: countModelled(g.systems, [...names.keys()]) };
  kept.set(g.systems, { size: g.systems.length, listings });
  return listings;
}

/**
 * How many of `systems` each name matches, all names in one pass: a matcher of several names matches a system
 * iff one of them does (keysMatcher is an OR), so each name alone is asked only of the systems the joint one hits.
 */
function countModelled(systems: readonly GraphSystem[], names: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>(names.map((x) => [x, 0]));
  if (!names.length) return counts;
  const any = systemMatcher(names);
  const members = new Map<string, GraphSystem[]>(names.map((x) => [x, []]));
  for (const s of systems) if (any(s)) for (const x of names) if (matcherOf(x)(s)) (counts.set(x, counts.get(x)! + 1), members.get(x)!.push(s));
  // The systems each name matches, found by this pass, kept for the subgraphs that read them (subsets.ts).
  for (const [x, found] of members) seedSubset(systems, nameSubset(x), found);
  return counts;
}

/** The systems whose name or id matches one sub-processor name, as a subset a subgraph reads (subsets.ts). */
export function nameSubset(name: string): Subset {
  return { key: `listing\u0000${name}`, test: matcherOf(name) };
}

/**
 * Keeps the listings of `b`, the graph `a` with the records in `changes` added, replaced or removed, patched
 * from those of `a` when `a`'s are kept: counts move by the changed records as they were and as they are, and a
 * name listed for the first time is counted over `b`'s systems. Nothing when `a`'s are not kept (the next ask
 * works them out), or when the changes do not add up to `b`'s systems (a graph whose records share an id).
 */
export function carryListings(a: Graph, b: Graph, changes: ProjectionChanges): void {
  const known = kept.get(a.systems);
  if (a.systems === b.systems || known?.size !== a.systems.length) return;
  const current = kept.get(b.systems);
  if (current?.size === b.systems.length) return;
  let size = a.systems.length;
  for (const { before, after } of changes.systems.values()) size += (after ? 1 : 0) - (before ? 1 : 0);
  if (size !== b.systems.length) return;
  const names = new Map(known.listings.listed);
  const modelled = new Map(known.listings.modelled);
  const move = (s: GraphSystem | undefined, by: 1 | -1) => {
    if (!s) return;
    for (const x of listedBy(s)) {
      const n = (names.get(x) ?? 0) + by;
      if (n) names.set(x, n);
      else names.delete(x);
    }
    for (const [x, n] of modelled) if (matcherOf(x)(s)) modelled.set(x, n + by);
  };
  for (const { before, after } of changes.systems.values()) (move(before, -1), move(after, 1));
  const fresh = [...names.keys()].filter((x) => !modelled.has(x));
  if (fresh.length) for (const [x, n] of countModelled(b.systems, fresh)) modelled.set(x, n);
  kept.set(b.systems, { size: b.systems.length, listings: { listed: names, modelled } });
}

/**
 * The names the systems of `b` list whose answer to "is a system of that name or id modelled?" differs from
 * the answer in `a` (the sub-processors a `names: 'subprocessors'` rule must judge again). Only a name matching
 * a changed record can flip, so a name counted in `a` and `b` flips iff one count is zero and the other is not;
 * a name `a` has no count for is counted there from `b`'s count and the changed records.
 */
export function modelledFlips(a: Graph, b: Graph, changes: ProjectionChanges): Set<string> {
  const after = listingsOf(b);
  const before = listingsOf(a).modelled;
  const flips = new Set<string>();
  for (const x of after.listed.keys()) {
    const n = after.modelled.get(x)!;
    let was = before.get(x);
    if (was === undefined) {
      was = n;
      for (const c of changes.systems.values()) was += (c.before && matcherOf(x)(c.before) ? 1 : 0) - (c.after && matcherOf(x)(c.after) ? 1 : 0);
    }
    if (was > 0 !== n > 0) flips.add(x);
  }
  return flips;
}

/** The ids of the systems of `g` that list one of `names`. */
export function listersOf(g: Graph, names: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const s of g.systems) if (listedBy(s).some((x) => names.has(x))) out.push(s.id);
  return out;
}
