import { graphWith, type Graph, type GraphFlow, type GraphSystem } from '@custody/domain';
import { indexedSystemsById, type ProjectionChanges } from '@custody/graph';
import { CountedKeys } from '@custody/graph/graph-index';
import { carrySharedNames, namesSharedAsIn, type RuleReads } from '@custody/rules';
import { closure, FLEET_VENDORS, type Adjacency } from './graph-delta.js';
import { listedBy, listingsOf, nameSubset } from './listings.js';
import { carrySubsets, inListOrder, keptSubset, type Subset } from './subsets.js';

/**
 * Stubs already made, per record: an unchanged record is the same object from one re-audit to the next, so a
 * `names` rule's subgraph (every system of a fleet, as an identity stub) is not rebuilt each time. Rules never
 * mutate the graph they judge, so sharing a stub between subgraphs is safe.
 */
const stubs = { identity: new WeakMap<GraphSystem, GraphSystem>(), shape: new WeakMap<GraphSystem, GraphSystem>() };

/** A system as seen from a neighbour: identity only, or shape (identity, holds, contracts). */
function stub(s: GraphSystem, depth: 'identity' | 'shape'): GraphSystem {
  let out = stubs[depth].get(s);
  if (!out) stubs[depth].set(s, (out = makeStub(s, depth)));
  return out;
}

function makeStub(s: GraphSystem, depth: 'identity' | 'shape'): GraphSystem {
  // Built as the projection builds a record (toGraphSystem: the same keys in the same order, `group` last), so a
  // stub has the hidden class of the records it stands beside: a rule compiled on the full graph's systems runs
  // on a subgraph's without deoptimising (a stub with `group` spread in before `holds` was another shape, and the
  // first re-audit after a full audit deoptimised and recompiled the rules it re-ran).
  const out: GraphSystem = { id: s.id, name: s.name, role: s.role, holds: depth === 'shape' ? s.holds : [], settings: {}, contracts: depth === 'shape' ? s.contracts : [], evidence: [] };
  if (s.group) out.group = s.group;
  return out;
}

/**
 * Flow ids counted per flows array (kept from the full audit, carried by each re-audit): a subgraph takes the
 * flows of a few ids, and is cut without a pass over a fleet's 34,000 flows only when no other flow shares one.
 */
export const FLOW_IDS = new CountedKeys<GraphFlow>((f) => f.id, true);

/**
 * The part of the graph a rule reading `reads` needs to judge the systems in `anchors`: the anchors' whole
 * records, the flows the declaration says it reads, and the other systems only at the depth it reads them
 * (identity or shape stubs, so rules find little to do for them). Graph order is kept, so drafts come out in
 * the order a full run makes them (merging same-subject drafts depends on that order).
 */
export function subgraphFor(graph: Graph, reads: RuleReads, anchors: ReadonlySet<string>, adj: Adjacency): Graph {
  const flows = new Set<GraphFlow>();
  const context = new Set<string>();
  const depth = reads.around === 'upstream' || reads.around === 'downstream' ? 'shape' : 'identity';
  if (reads.around === 'in' || reads.around === 'in-out') {
    for (const id of anchors) {
      for (const f of adj.inbound.get(id) ?? []) (flows.add(f), context.add(f.from));
      if (reads.around === 'in-out') for (const f of adj.outbound.get(id) ?? []) (flows.add(f), context.add(f.to));
    }
  } else {
    const dir = reads.around === 'upstream' ? 'up' : 'down';
    for (const id of closure(adj, anchors, dir)) {
      context.add(id);
      for (const f of (dir === 'up' ? adj.inbound : adj.outbound).get(id) ?? []) flows.add(f);
    }
  }
  // A `'fleet-vendors'` rule reads other systems' names only to find a fleet vendor's stand-in, which is never
  // an install itself (fleetVendorOf): the installs it does not reach by a flow are left out, so judging one
  // vendor does not walk a fleet's 10,000 install stubs.
  // A `'subprocessors'` rule reads other systems' names only to tell whether a sub-processor a system lists is
  // modelled (a loose, symmetric name match), and only the anchors' findings are kept: so the systems whose
  // name or id matches a name an anchor lists are the ones it needs, not a fleet's 10,000 install stubs.
  const named = namedSubsets(graph, reads, anchors);
  const systems = fewSystems(graph, anchors, context, named, depth) ?? scanSystems(graph, anchors, context, named, depth);
  // Systems are named in finding text as in the whole graph (a namesake outside the subgraph still counts).
  return namesSharedAsIn(graphWith(graph, { systems, flows: flowsById(graph, flows) }), graph);
}

const NO_FLEET_GROUP: Subset = { key: 'no fleet group', test: (s) => !s.group };

/**
 * What a re-audit's subgraphs read of every record, worked out by the full audit (one pass each) so its first
 * re-audit need not: the flow ids' counts, the fleet vendors' counts (graph-delta's fleetVendors) and the systems
 * in no fleet group. Re-audits carry them on.
 */
export function keepSubgraphReads(graph: Graph): void {
  FLOW_IDS.of(graph.flows);
  FLEET_VENDORS.of(graph.systems);
  keptSubset(graph.systems, NO_FLEET_GROUP);
}

/** The systems whose names a rule reads besides the anchors' and their neighbours' (see subgraphFor), as subsets. */
function namedSubsets(graph: Graph, reads: RuleReads, anchors: ReadonlySet<string>): Subset[] {
  if (reads.names === true) return [{ key: 'all', test: () => true }];
  if (reads.names === 'fleet-vendors') return [NO_FLEET_GROUP];
  if (reads.names !== 'subprocessors') return [];
  // One subset per name (a matcher of several names is their OR), so the anchors of the next change, listing
  // other names, find each kept (listings.ts seeds them as it counts them).
  return [...new Set(listedByAnchors(graph, anchors))].map(nameSubset);
}

/**
 * The subgraph's systems picked by id, when the graph's ids are unique (its index says so) and the named
 * systems are kept for this systems array (subsets.ts): a fleet install's subgraph has a few systems, ordered by
 * their places in the graph (a native search each), where a pass asked each of 10,000 systems three questions.
 * Undefined (scan instead) otherwise, or when the subgraph is large.
 */
function fewSystems(graph: Graph, anchors: ReadonlySet<string>, context: ReadonlySet<string>, named: readonly Subset[], depth: 'identity' | 'shape'): GraphSystem[] | undefined {
  const byId = indexedSystemsById(graph);
  if (byId?.size !== graph.systems.length || anchors.size + context.size > FEW) return undefined;
  const others = new Set<GraphSystem>();
  for (const subset of named) {
    for (const s of keptSubset(graph.systems, subset)) others.add(s);
    if (others.size > FEW) return undefined;
  }
  const picked = new Map<GraphSystem, GraphSystem>();
  for (const id of anchors) {
    const s = byId.get(id);
    if (s) picked.set(s, s);
  }
  for (const id of context) {
    const s = byId.get(id);
    if (s && !picked.has(s)) picked.set(s, stub(s, depth));
  }
  for (const s of others) if (!picked.has(s)) picked.set(s, stub(s, 'identity'));
  return inListOrder(graph.systems, [...picked.keys()])?.map((s) => picked.get(s)!);
}

/** Up to this many systems or flows, a subgraph's are put in graph order by searching for each (see inListOrder). */
const FEW = 64;

function scanSystems(graph: Graph, anchors: ReadonlySet<string>, context: ReadonlySet<string>, named: readonly Subset[], depth: 'identity' | 'shape'): GraphSystem[] {
  const systems: GraphSystem[] = [];
  for (const s of graph.systems) {
    if (anchors.has(s.id)) systems.push(s);
    else if (context.has(s.id)) systems.push(stub(s, depth));
    else if (named.some((n) => n.test(s))) systems.push(stub(s, 'identity'));
  }
  return systems;
}

/**
 * The graph's flows whose id is one of `flows`' ids, in graph order: `flows` themselves, searched for, when they
 * are few and no other flow shares one of their ids (the flow ids' counts are kept); else a pass over all.
 */
function flowsById(graph: Graph, flows: ReadonlySet<GraphFlow>): GraphFlow[] {
  if (!flows.size) return [];
  const ids = FLOW_IDS.known(graph.flows);
  const few = flows.size <= FEW && ids && ![...flows].some((f) => ids.repeated.has(f.id)) ? inListOrder(graph.flows, [...flows]) : undefined;
  if (few) return few;
  const wanted = new Set([...flows].map((f) => f.id));
  return graph.flows.filter((f) => wanted.has(f.id));
}

/**
 * Carries what re-runs read of the whole graph (flow id counts, named subsets, the names systems share) to the
 * next graph. The changes are keyed by id, which can hide a record where two share an id: nothing is carried
 * from a graph whose system ids are not unique (then the next re-audit works them out again).
 */
export function carrySubgraphKeeps(a: Graph, b: Graph, changes: ProjectionChanges): void {
  FLOW_IDS.carry(a.flows, b.flows, changes.flows.values());
  FLEET_VENDORS.carry(a.systems, b.systems, changes.systems.values());
  if (indexedSystemsById(a)?.size !== a.systems.length) return;
  carrySubsets(a.systems, b.systems, changes.systems.values());
  carrySharedNames(a, b, changes.systems.values());
}

/**
 * The sub-processor names the anchors list (in their settings or own contracts) that some system's name or id
 * matches. The anchors are looked up by id when the graph is indexed with unique ids (a few of a fleet's
 * 10,000). Names the graph's listings count no system for (a fleet install's sub-processors, none modelled)
 * match nothing, so they are left out.
 */
function listedByAnchors(graph: Graph, anchors: ReadonlySet<string>): string[] {
  const names: string[] = [];
  const byId = indexedSystemsById(graph);
  if (byId?.size === graph.systems.length) {
    for (const id of anchors) {
      const s = byId.get(id);
      if (s) names.push(...listedBy(s));
    }
  } else for (const s of graph.systems) if (anchors.has(s.id)) names.push(...listedBy(s));
  const { modelled } = listingsOf(graph);
  return names.filter((x) => modelled.get(x) !== 0);
}
