import type { Graph, GraphSystem } from '@custody/domain';
import { CountedKeys, systemById } from '@custody/graph/graph-index';

/**
 * A system as a reader knows it, by name (ids are internal), for finding details; the id when the system is unknown.
 * Two systems may share a name (a manifest declaring "Acme Drive" twice under two ids): then the id tells them apart.
 * So a finding's text reads whether any other system of the graph has its system's name: an incremental re-audit
 * judges a subgraph with the whole graph's shared names (namesSharedAsIn), and audits in full when a name comes to
 * be shared or stops being (sharingChanged).
 */
export function displayName(graph: Graph, id: string): string {
  const s = systemById(graph, id);
  if (!s?.name) return id;
  return sharedNames(graph).has(s.name) ? `${s.name} (${id})` : s.name;
}

// Per systems list, once: a fleet's 100,000 installs are counted in one pass, not per finding; a re-audited
// graph's are carried from the previous graph's (carrySharedNames), not counted again.
const NAMES = new CountedKeys<GraphSystem>((s) => s.name);
function sharedNames(graph: Graph): ReadonlySet<string> {
  return NAMES.of(graph.systems).repeated;
}

/**
 * Keeps the name counts of `b`, the graph `a` with the records in `changed` added, replaced or removed, patched
 * from those of `a` (CountedKeys.carry): a setting change renames nothing, a new document moves the counts of
 * the names it adds; counting again walked a fleet's 10,000 systems on every re-audit (issue 11).
 */
export function carrySharedNames(a: Graph, b: Graph, changed: Iterable<{ before?: GraphSystem; after?: GraphSystem }>): void {
  NAMES.carry(a.systems, b.systems, changed);
}

/**
 * `sub` (a part of `whole` a rule judges a few systems on) naming systems as `whole` does: a system whose
 * namesake was left out of the subgraph still keeps its id, as in the full audit.
 */
export function namesSharedAsIn(sub: Graph, whole: Graph): Graph {
  NAMES.alias(sub.systems, NAMES.of(whole.systems));
  return sub;
}

/**
 * Whether a system added, removed or renamed between graphs `a` and `b` made a name shared, or no longer shared:
 * then every finding naming a system of that name reads differently, wherever it is anchored.
 */
export function sharingChanged(a: Graph, b: Graph, changed: Iterable<{ before?: GraphSystem; after?: GraphSystem }>): boolean {
  for (const { before, after } of changed) {
    if (before?.name === after?.name) continue;
    for (const name of [before?.name, after?.name]) if (name !== undefined && sharedNames(a).has(name) !== sharedNames(b).has(name)) return true;
  }
  return false;
}
