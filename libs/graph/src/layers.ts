/**
 * Column per node for a left-to-right layered drawing: the longest hop count from the roots, so a chain
 * (practice → notetaker → EHR → clearinghouse → payer) reads left to right even when a shortcut edge exists.
 * Edges that close a cycle (found by DFS from the roots first) are ignored for layering; nodes nothing
 * reaches start in column 0. Pure: shared by the dashboard and the report picture so both draw alike.
 */
export function longestPathColumns(
  nodes: readonly { id: string; isRoot: boolean }[],
  edges: readonly { source: string; target: string }[],
): Map<string, number> {
  const succ = new Map<string, string[]>();
  for (const e of edges) if (e.source !== e.target) succ.set(e.source, [...(succ.get(e.source) ?? []), e.target]);
  const state = new Map<string, 'open' | 'done'>();
  const order: string[] = [];
  const back = new Set<string>();
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const t of succ.get(id) ?? []) {
      if (state.get(t) === 'open') back.add(`${id}\u0000${t}`);
      else if (!state.has(t)) visit(t);
    }
    state.set(id, 'done');
    order.push(id);
  };
  const rootsFirst = [...nodes].sort((a, b) => Number(b.isRoot) - Number(a.isRoot));
  for (const n of rootsFirst) if (!state.has(n.id)) visit(n.id);
  const column = new Map(nodes.map((n) => [n.id, 0]));
  // Reverse post-order is a topological order of the graph without its back edges.
  for (const id of order.reverse()) {
    for (const t of succ.get(id) ?? []) {
      if (!back.has(`${id}\u0000${t}`)) column.set(t, Math.max(column.get(t)!, column.get(id)! + 1));
    }
  }
  return column;
}
