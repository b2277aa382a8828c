/**
 * The dominator tree of a heap snapshot and what heap-top.ts sums over it: each node's class, its immediate
 * dominator, its retained size, and a walk that sums count, shallow and retained size per group of nodes. Kept
 * apart from the printing so the graph algorithm reads on its own, away from what is shown.
 */
import type { readSnapshot } from './heap-snapshot.js';

export type HeapSnapshot = Awaited<ReturnType<typeof readSnapshot>>;

export function dominators({ meta, nodes, edges, strings }: HeapSnapshot) {
  const NF = meta.node_fields.length;
  const EF = meta.edge_fields.length;
  const nType = meta.node_fields.indexOf('type');
  const nName = meta.node_fields.indexOf('name');
  const nSelf = meta.node_fields.indexOf('self_size');
  const nEdges = meta.node_fields.indexOf('edge_count');
  const eType = meta.edge_fields.indexOf('type');
  const eName = meta.edge_fields.indexOf('name_or_index');
  const eTo = meta.edge_fields.indexOf('to_node');
  const nodeTypes = meta.node_types[0] as string[];
  const edgeTypes = meta.edge_types[0] as string[];
  const WEAK = edgeTypes.indexOf('weak');
  const ELEMENT = edgeTypes.indexOf('element');
  const HIDDEN = edgeTypes.indexOf('hidden');
  const N = nodes.length / NF;

  // First edge of each node, and each edge's target as a node ordinal.
  const firstEdge = new Uint32Array(N + 1);
  for (let v = 0, e = 0; v < N; v++) {
    firstEdge[v] = e;
    e += nodes[v * NF + nEdges]! * EF;
    firstEdge[v + 1] = e;
  }
  const target = (e: number) => edges[e + eTo]! / NF;

  /** The class a node is summed under. */
  const classOf = (v: number): string => {
    const t = nodeTypes[nodes[v * NF + nType]!]!;
    const name = strings[nodes[v * NF + nName]!] ?? '';
    switch (t) {
      case 'object': return name;
      case 'closure': return `(closure) ${name}`;
      case 'string': case 'sliced string': case 'concatenated string': return `(${t})`;
      case 'array': return `(array) ${name}`;
      case 'native': return `(native) ${name.replace(/\s*\/.*$/, '')}`;
      default: return `(${t})`;
    }
  };

  // Dominators (Cooper–Harvey–Kennedy over a depth-first post-order from the root, weak edges left out).
  const post = new Int32Array(N).fill(-1);
  const order = new Uint32Array(N);
  let count = 0;
  {
    const stack = new Uint32Array(N);
    const edgeAt = new Uint32Array(N);
    const seen = new Uint8Array(N);
    let sp = 0;
    stack[sp++] = 0;
    seen[0] = 1;
    edgeAt[0] = firstEdge[0]!;
    while (sp > 0) {
      const v = stack[sp - 1]!;
      let pushed = false;
      while (edgeAt[v]! < firstEdge[v + 1]!) {
        const e = edgeAt[v]!;
        edgeAt[v] = e + EF;
        if (edges[e + eType] === WEAK) continue;
        const w = target(e);
        if (seen[w]) continue;
        seen[w] = 1;
        edgeAt[w] = firstEdge[w]!;
        stack[sp++] = w;
        pushed = true;
        break;
      }
      if (!pushed) {
        sp--;
        post[v] = count;
        order[count++] = v;
      }
    }
  }
  // Predecessors of reachable nodes, in CSR form.
  const predCount = new Uint32Array(N + 1);
  for (let v = 0; v < N; v++) {
    if (post[v]! < 0) continue;
    for (let e = firstEdge[v]!; e < firstEdge[v + 1]!; e += EF) if (edges[e + eType] !== WEAK) predCount[target(e) + 1]++;
  }
  for (let v = 0; v < N; v++) predCount[v + 1] += predCount[v]!;
  const preds = new Uint32Array(predCount[N]!);
  {
    const at = predCount.slice(0, N);
    for (let v = 0; v < N; v++) {
      if (post[v]! < 0) continue;
      for (let e = firstEdge[v]!; e < firstEdge[v + 1]!; e += EF) if (edges[e + eType] !== WEAK) preds[at[target(e)]!++] = v;
    }
  }
  const idom = new Int32Array(N).fill(-1);
  idom[0] = 0;
  for (let changed = true; changed;) {
    changed = false;
    for (let k = count - 2; k >= 0; k--) {
      const v = order[k]!;
      let d = -1;
      for (let p = predCount[v]!; p < predCount[v + 1]!; p++) {
        let u = preds[p]!;
        if (idom[u]! < 0) continue;
        if (d < 0) {
          d = u;
          continue;
        }
        let w = d;
        while (u !== w) {
          while (post[u]! < post[w]!) u = idom[u]!;
          while (post[w]! < post[u]!) w = idom[w]!;
        }
        d = u;
      }
      if (d >= 0 && idom[v] !== d) {
        idom[v] = d;
        changed = true;
      }
    }
  }
  // Retained sizes: children before parents in post-order.
  const retained = new Float64Array(N);
  for (let v = 0; v < N; v++) retained[v] = post[v]! >= 0 ? nodes[v * NF + nSelf]! : 0;
  for (let k = 0; k < count - 1; k++) {
    const v = order[k]!;
    retained[idom[v]!] += retained[v]!;
  }

  // Dominator-tree children (from idom), built once for every grouping below.
  const kidCount = new Uint32Array(N + 1);
  for (let v = 1; v < N; v++) if (idom[v]! >= 0) kidCount[idom[v]! + 1]++;
  for (let v = 0; v < N; v++) kidCount[v + 1] += kidCount[v]!;
  const kids = new Uint32Array(kidCount[N]!);
  {
    const at = kidCount.slice(0, N);
    for (let v = 1; v < N; v++) if (idom[v]! >= 0) kids[at[idom[v]!]!++] = v;
  }

  /**
   * Count, shallow and retained size per group (`group[v]`, -1 for none) over the dominator tree: a depth-first
   * walk that knows which groups are on the path, so a node under a same-group dominator is not counted again.
   */
  function byGroup(group: Int32Array, groups: number): { count: Float64Array; self: Float64Array; retained: Float64Array } {
    const count = new Float64Array(groups);
    const self = new Float64Array(groups);
    const held = new Float64Array(groups);
    const onPath = new Int32Array(groups);
    const stack = new Uint32Array(N);
    const next = new Uint32Array(N);
    let sp = 0;
    stack[sp++] = 0;
    next[0] = kidCount[0]!;
    if (group[0]! >= 0) onPath[group[0]!]++;
    while (sp > 0) {
      const v = stack[sp - 1]!;
      if (next[v]! < kidCount[v + 1]!) {
        const w = kids[next[v]!++]!;
        const g = group[w]!;
        if (g >= 0) {
          count[g]++;
          self[g] += nodes[w * NF + nSelf]!;
          if (onPath[g] === 0) held[g] += retained[w]!;
          onPath[g]++;
        }
        next[w] = kidCount[w]!;
        stack[sp++] = w;
      } else {
        sp--;
        if (group[v]! >= 0) onPath[group[v]!]--;
      }
    }
    return { count, self, retained: held };
  }
  return {
    N, NF, EF, nSelf, eType, eName, WEAK, ELEMENT, HIDDEN,
    firstEdge, target, classOf, post, order, count, idom, retained, byGroup,
  };
}
