import type { Graph } from '@custody/domain';
import type { ProjectionChanges } from '@custody/graph';
import type { SparseReads } from '@custody/rules';
import type { GraphDelta } from './graph-delta.js';

type Matters = ReturnType<SparseReads['matters']>;

/**
 * Per graph, per rule, the records a SPARSE_READS rule's output can depend on (`matters(graph)`). Working them
 * out walks every flow and system (which carry psychotherapy notes or claims, which flows a credential's
 * document declared), and a re-audit asked it of each new graph: most of a setting change's rules step (issue 11).
 * A rule's are kept per graph and carried to the next graph while no changed record matters to them, which
 * SparseReads' stability promise makes exact: lists unchanged and no changed record mattering, the new graph's
 * would be the same.
 */
const kept = new WeakMap<Graph, Map<string, Matters>>();

function keep(graph: Graph, ruleId: string, matters: Matters): Matters {
  let byRule = kept.get(graph);
  if (!byRule) kept.set(graph, (byRule = new Map()));
  byRule.set(ruleId, matters);
  return matters;
}

/** The rule's `matters` of `graph`, worked out now or kept: the full audit asks it so its first re-audit need not. */
export function mattersOf(ruleId: string, reads: SparseReads, graph: Graph): Matters {
  return kept.get(graph)?.get(ruleId) ?? keep(graph, ruleId, reads.matters(graph));
}

/**
 * Whether a rule declared by SPARSE_READS must run again after the change from `before` to `after`: a list it
 * reads whole changed, or a changed record (as it was or as it is) is one its output can depend on. Asked with
 * the predicates of `before` when kept (then carried to `after` when the answer is no), else with those of
 * `after`: by the stability promise both give the same answer. Otherwise its previous findings stand.
 */
export function sparseChangeMatters(ruleId: string, reads: SparseReads, delta: GraphDelta, changed: ProjectionChanges, before: Graph, after: Graph): boolean {
  if (reads.lists.some((l) => delta[l])) return true;
  const { flow, system } = kept.get(before)?.get(ruleId) ?? mattersOf(ruleId, reads, after);
  for (const c of changed.systems.values()) if ((c.before && system(c.before)) || (c.after && system(c.after))) return true;
  for (const c of changed.flows.values()) if ((c.before && flow(c.before)) || (c.after && flow(c.after))) return true;
  keep(after, ruleId, { flow, system });
  return false;
}
