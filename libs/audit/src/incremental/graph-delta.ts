import { createHash } from 'node:crypto';
import { PRACTICE_ID, type Graph, type GraphFlow, type GraphSystem } from '@custody/domain';
import type { RuleReads } from '@custody/rules';

/**
 * What changed between two projections of a workspace, at the three depths rules read other systems at
 * (see RuleReads): a system's identity (id, name, role, group), its shape (identity, holds, contracts) and its
 * whole record; a flow's shape (everything but evidence) and the whole flow. Compared as canonical strings, so
 * the change set is exact whatever the projection did internally: no reasoning about which input touched what.
 */
export interface GraphPrints {
  /**
   * A digest of each system's whole record as JSON, with the record (its identity and shape are printed only
   * when it changed). Digests, not the JSON: a worker keeps these for its recent workspaces, and a fleet's
   * graph prints to tens of MB.
   */
  systems: Map<string, { full: string; system: GraphSystem; practiceSide: boolean }>;
  flows: Map<string, { full: string; flow: GraphFlow }>;
  /** The practice record and `asOf`: read by every rule. */
  globals: string;
  consents: string;
  /** Redactions and identifier exposures: read only by rules without a declaration. */
  others: string;
  /** Ids and names of every system, for rules that declare `names`. */
  names: string;
}

export interface GraphDelta {
  /** True when something every rule reads changed (practice record, asOf): re-run every rule. */
  global: boolean;
  consents: boolean;
  others: boolean;
  names: boolean;
  identity: Set<string>;
  shape: Set<string>;
  full: Set<string>;
  /** Flows that changed at all / in shape, as their endpoints in the old and the new graph. */
  flowFull: { from: string; to: string }[];
  flowShape: { from: string; to: string }[];
  /** Systems on the practice side in both graphs (never anchors of a `vendorsOnly` rule). */
  practiceSide: Set<string>;
}

const identityOf = (s: GraphSystem) => JSON.stringify({ id: s.id, name: s.name, role: s.role, group: s.group });
const shapeOf = (s: GraphSystem) => JSON.stringify({ id: s.id, name: s.name, role: s.role, group: s.group, holds: s.holds, contracts: s.contracts });
const flowShapeOf = ({ evidence: _evidence, ...rest }: GraphFlow) => JSON.stringify(rest);

const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('base64');

/** One JSON print per system and flow: the shallower prints are made only for what changed (diffGraphs). */
export function printGraph(graph: Graph): GraphPrints {
  const systems: GraphPrints['systems'] = new Map();
  for (const s of graph.systems) {
    systems.set(s.id, { full: digest(s), system: s, practiceSide: s.id === PRACTICE_ID || s.role === 'practice' || s.role === 'clinician' });
  }
  const flows: GraphPrints['flows'] = new Map();
  for (const f of graph.flows) flows.set(f.id, { full: digest(f), flow: f });
  return {
    systems, flows,
    globals: JSON.stringify([graph.practice, graph.asOf]),
    consents: JSON.stringify(graph.consents),
    others: JSON.stringify([graph.redactions, graph.identifiers]),
    names: graph.systems.map((s) => `${s.id}\u0000${s.name}`).join('\u0001'),
  };
}

export function diffGraphs(a: GraphPrints, b: GraphPrints): GraphDelta {
  const d: GraphDelta = {
    global: a.globals !== b.globals, consents: a.consents !== b.consents, others: a.others !== b.others, names: a.names !== b.names,
    identity: new Set(), shape: new Set(), full: new Set(), flowFull: [], flowShape: [], practiceSide: new Set(),
  };
  for (const [id, q] of b.systems) {
    const p = a.systems.get(id);
    // Practice side in both graphs: a vendorsOnly rule had and has no finding there. One that changed side must be re-judged.
    if (q.practiceSide && p?.practiceSide) d.practiceSide.add(id);
    if (p?.full === q.full) continue;
    d.full.add(id);
    if (!p || shapeOf(p.system) !== shapeOf(q.system)) d.shape.add(id);
    if (!p || identityOf(p.system) !== identityOf(q.system)) d.identity.add(id);
  }
  for (const id of a.systems.keys()) if (!b.systems.has(id)) [d.full, d.shape, d.identity].forEach((s) => s.add(id));
  for (const [id, q] of b.flows) {
    const p = a.flows.get(id);
    if (p?.full === q.full) continue;
    const shapeChanged = !p || flowShapeOf(p.flow) !== flowShapeOf(q.flow);
    for (const x of p ? [p.flow, q.flow] : [q.flow]) {
      d.flowFull.push(x);
      if (shapeChanged) d.flowShape.push(x);
    }
  }
  for (const [id, p] of a.flows) if (!b.flows.has(id)) (d.flowFull.push(p.flow), d.flowShape.push(p.flow));
  return d;
}

/** Whether the graphs differ at all in what any rule reads. */
export function isEmptyDelta(d: GraphDelta): boolean {
  return !d.global && !d.consents && !d.others && !d.names && d.full.size === 0 && d.flowFull.length === 0;
}

/** Adjacency of the new graph, built once per re-audit. */
export interface Adjacency {
  inbound: Map<string, GraphFlow[]>;
  outbound: Map<string, GraphFlow[]>;
}

export function adjacency(graph: Graph): Adjacency {
  const inbound = new Map<string, GraphFlow[]>();
  const outbound = new Map<string, GraphFlow[]>();
  for (const f of graph.flows) {
    (inbound.get(f.to) ?? inbound.set(f.to, []).get(f.to)!).push(f);
    (outbound.get(f.from) ?? outbound.set(f.from, []).get(f.from)!).push(f);
  }
  return { inbound, outbound };
}

/** Every system reachable from `start` along flows (`down`) or against them (`up`), including `start`. */
export function closure(adj: Adjacency, start: Iterable<string>, dir: 'up' | 'down'): Set<string> {
  const seen = new Set(start);
  const stack = [...seen];
  const edges = dir === 'down' ? adj.outbound : adj.inbound;
  while (stack.length) {
    for (const f of edges.get(stack.pop()!) ?? []) {
      const next = dir === 'down' ? f.to : f.from;
      if (!seen.has(next)) (seen.add(next), stack.push(next));
    }
  }
  return seen;
}

/**
 * The systems whose findings of a rule reading `reads` can differ after `delta`: the rule's findings anchored
 * anywhere else are kept as they were. Follows the declaration: a change to X's record matters to X; a flow
 * change to the ends the rule looks along; a change to what a rule reads of other systems to every system
 * that reads it (neighbours for `in`/`in-out`, everything downstream for `upstream`, upstream for `downstream`).
 */
export function affectedAnchors(reads: RuleReads, delta: GraphDelta, adj: Adjacency): Set<string> {
  const out = new Set(delta.full);
  const targets = (fs: GraphDelta['flowFull']) => fs.map((f) => f.to);
  const sources = (fs: GraphDelta['flowFull']) => fs.map((f) => f.from);
  const addAll = (xs: Iterable<string>) => {
    for (const x of xs) out.add(x);
  };
  switch (reads.around) {
    case 'in':
    case 'in-out': {
      addAll(targets(delta.flowFull));
      if (reads.around === 'in-out') addAll(sources(delta.flowFull));
      for (const id of delta.identity) {
        for (const f of adj.outbound.get(id) ?? []) out.add(f.to);
        if (reads.around === 'in-out') for (const f of adj.inbound.get(id) ?? []) out.add(f.from);
      }
      break;
    }
    case 'upstream':
      addAll(targets(delta.flowFull));
      addAll(closure(adj, [...delta.shape, ...targets(delta.flowShape)], 'down'));
      break;
    case 'downstream':
      addAll(sources(delta.flowFull));
      addAll(closure(adj, [...delta.shape, ...sources(delta.flowShape)], 'up'));
      break;
  }
  if (reads.vendorsOnly) for (const id of delta.practiceSide) out.delete(id);
  return out;
}

/** A system as seen from a neighbour: identity only, or shape (identity, holds, contracts). */
function stub(s: GraphSystem, depth: 'identity' | 'shape'): GraphSystem {
  return { id: s.id, name: s.name, role: s.role, ...(s.group ? { group: s.group } : {}), holds: depth === 'shape' ? s.holds : [], settings: {}, contracts: depth === 'shape' ? s.contracts : [], evidence: [] };
}

/**
 * The part of the graph a rule reading `reads` needs to judge the systems in `anchors`: the anchors' whole
 * records, the flows the declaration says it reads, and the other systems only at the depth it reads them
 * (identity or shape stubs, so rules find little to do for them). Graph order is kept, so drafts come out in
 * the order a full run makes them (merging same-subject drafts depends on that order).
 */
export function subgraphFor(graph: Graph, reads: RuleReads, anchors: ReadonlySet<string>, adj: Adjacency): Graph {
  const flowIds = new Set<string>();
  const context = new Set<string>();
  const depth = reads.around === 'upstream' || reads.around === 'downstream' ? 'shape' : 'identity';
  if (reads.around === 'in' || reads.around === 'in-out') {
    for (const id of anchors) {
      for (const f of adj.inbound.get(id) ?? []) (flowIds.add(f.id), context.add(f.from));
      if (reads.around === 'in-out') for (const f of adj.outbound.get(id) ?? []) (flowIds.add(f.id), context.add(f.to));
    }
  } else {
    const dir = reads.around === 'upstream' ? 'up' : 'down';
    for (const id of closure(adj, anchors, dir)) {
      context.add(id);
      for (const f of (dir === 'up' ? adj.inbound : adj.outbound).get(id) ?? []) flowIds.add(f.id);
    }
  }
  const systems: GraphSystem[] = [];
  for (const s of graph.systems) {
    if (anchors.has(s.id)) systems.push(s);
    else if (context.has(s.id)) systems.push(stub(s, depth));
    else if (reads.names) systems.push(stub(s, 'identity'));
  }
  return { ...graph, systems, flows: graph.flows.filter((f) => flowIds.has(f.id)) };
}
