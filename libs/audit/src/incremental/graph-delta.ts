import { nameKey, type Graph, type GraphFlow, type GraphSystem } from '@custody/domain';
import { flowAdjacency, isPracticeSideSystem, type ProjectionChanges } from '@custody/graph';
import { CountedKeys } from '@custody/graph/graph-index';
import type { RuleReads } from '@custody/rules';
import { listersOf, modelledFlips } from './listings.js';

/**
 * What changed between two projections of a workspace, at the three depths rules read other systems at
 * (see RuleReads): a system's identity (id, name, role, group), its shape (identity, holds, contracts) and its
 * whole record; a flow's shape (everything but evidence) and the whole flow. Built from the records that
 * changed (ProjectionChanges): an incremental projection reports them as it reuses the unchanged ones, so
 * nothing unchanged is printed, hashed or compared field by field.
 */
export interface GraphDelta {
  /**
   * True when something every rule reads changed (the practice record): re-run every rule. Not the graph's
   * `asOf`: rules judge time by the context's `now`, and what `asOf` decides in the projection (expired
   * agreements, setting changes not yet in force) shows in the records, so a new input's later time alone
   * re-runs nothing.
   */
  global: boolean;
  consents: boolean;
  /** The graph's redactions (credentials found in configs) and identifier exposures changed. */
  redactions: boolean;
  identifiers: boolean;
  names: boolean;
  /** The names and ids of the systems added, removed or renamed, as they were and as they are. */
  renamed: string[];
  /**
   * The sub-processor names systems of the new graph list (settings, own contracts) whose answer to "is a
   * system of that name or id modelled?" differs between the graphs (worked out on first ask).
   */
  modelledFlips: () => ReadonlySet<string>;
  /**
   * Whether a system whose identity changed is, before or after, a non-fleet system named like a fleet vendor:
   * it can be (or stop being) the vendor's stand-in (fleetVendorOf), which `'fleet-vendors'` rules read.
   */
  standIns: boolean;
  identity: Set<string>;
  shape: Set<string>;
  full: Set<string>;
  /** Flows that changed at all / in shape, as their endpoints in the old and the new graph. */
  flowFull: { from: string; to: string }[];
  flowShape: { from: string; to: string }[];
  /** Whether a system is on the practice side in both graphs (never an anchor of a `vendorsOnly` rule). */
  practiceSide: (id: string) => boolean;
}

const identityOf = (s: GraphSystem) => JSON.stringify({ id: s.id, name: s.name, role: s.role, group: s.group });
const shapeOf = (s: GraphSystem) => JSON.stringify({ id: s.id, name: s.name, role: s.role, group: s.group, holds: s.holds, contracts: s.contracts });
const flowShapeOf = ({ evidence: _evidence, ...rest }: GraphFlow) => JSON.stringify(rest);

/**
 * The records that differ between two graphs, when no projection reported them (a graph read back from the
 * store, another worker's state): the same record object is unchanged without a look; others are compared
 * by value, whatever order their keys come in (a graph read back from `jsonb` has PostgreSQL's key order).
 */
export function changesBetween(a: Graph, b: Graph): ProjectionChanges {
  const changes: ProjectionChanges = { base: a, systems: new Map(), flows: new Map() };
  const systems = new Map(a.systems.map((s) => [s.id, s]));
  for (const q of b.systems) {
    const p = systems.get(q.id);
    systems.delete(q.id);
    if (!p || !equalJson(p, q)) changes.systems.set(q.id, { before: p, after: q });
  }
  for (const [id, p] of systems) changes.systems.set(id, { before: p });
  const flows = new Map(a.flows.map((f) => [f.id, f]));
  for (const q of b.flows) {
    const p = flows.get(q.id);
    flows.delete(q.id);
    if (!p || !equalJson(p, q)) changes.flows.set(q.id, { before: p, after: q });
  }
  for (const [id, p] of flows) changes.flows.set(id, { before: p });
  return changes;
}

/** Deep equality of JSON values, key order ignored, short-cutting on shared references. */
export function equalJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => equalJson(x, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => equalJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The delta from graph `a` to `b`, given the records that changed between them (see {@link changesBetween}). */
export function deltaOf(a: Graph, b: Graph, changes: ProjectionChanges): GraphDelta {
  const json = (x: unknown) => JSON.stringify(x);
  const current = new Map<string, GraphSystem>();
  let flips: ReadonlySet<string> | undefined;
  const d: GraphDelta = {
    global: a.practice !== b.practice && json(a.practice) !== json(b.practice),
    consents: a.consents !== b.consents && json(a.consents) !== json(b.consents),
    redactions: a.redactions !== b.redactions && json(a.redactions) !== json(b.redactions),
    identifiers: a.identifiers !== b.identifiers && json(a.identifiers) !== json(b.identifiers),
    names: false,
    renamed: [],
    // Only a name matching a name or id that came, went or changed can flip (see listings.ts).
    modelledFlips: () => (flips ??= d.renamed.length ? modelledFlips(a, b, changes) : new Set()),
    standIns: false,
    identity: new Set(), shape: new Set(), full: new Set(), flowFull: [], flowShape: [],
    practiceSide: (id) => {
      const changed = changes.systems.get(id);
      if (changed) return isPracticeSideSystem(changed.before) && isPracticeSideSystem(changed.after);
      if (!current.size) for (const s of b.systems) current.set(s.id, s);
      return isPracticeSideSystem(current.get(id));
    },
  };
  const standInKeys = new Set<string>();
  for (const [id, { before, after }] of changes.systems) {
    d.full.add(id);
    if (!before || !after || shapeOf(before) !== shapeOf(after)) d.shape.add(id);
    if (!before || !after || identityOf(before) !== identityOf(after)) {
      d.identity.add(id);
      for (const s of [before, after]) if (s && !s.group) standInKeys.add(nameKey(s.name));
    }
    if (!before || !after || before.name !== after.name) {
      d.names = true;
      for (const s of [before, after]) if (s) d.renamed.push(s.name, s.id);
    }
  }
  if (standInKeys.size) d.standIns = [...fleetVendors(a, b)].some((v) => standInKeys.has(nameKey(v)));
  for (const { before, after } of changes.flows.values()) {
    const shapeChanged = !before || !after || flowShapeOf(before) !== flowShapeOf(after);
    for (const x of [before, after]) {
      if (!x) continue;
      d.flowFull.push(x);
      if (shapeChanged) d.flowShape.push(x);
    }
  }
  return d;
}

/**
 * The fleet vendors named by the systems of either graph (a handful). Counted per systems array (how many
 * systems name each vendor, and how many name none) and carried from graph to graph with the records that
 * changed (carrySubgraphKeeps, subgraph.ts), as the sub-processor listings are (listings.ts): a re-audit whose
 * change reaches a system's identity reads the kept counts, where it walked a fleet's 10,000 systems (and
 * compiled that walk).
 */
const NO_VENDOR = 'n';
export const FLEET_VENDORS = new CountedKeys<GraphSystem>((s) => (s.group?.vendor === undefined ? NO_VENDOR : `v${s.group.vendor}`));
export function fleetVendors(a: Graph, b: Graph): Set<string> {
  const vendors = new Set<string>();
  for (const g of [a, b]) for (const k of FLEET_VENDORS.of(g.systems).counts.keys()) if (k !== NO_VENDOR) vendors.add(k.slice(1));
  return vendors;
}

/** Whether the graphs differ at all in what any rule reads. */
export function isEmptyDelta(d: GraphDelta): boolean {
  return !d.global && !d.consents && !d.redactions && !d.identifiers && !d.names && d.full.size === 0 && d.flowFull.length === 0;
}

/** Adjacency of the new graph: the graph index the rules use (a re-audit's full-graph rules build it anyway). */
export interface Adjacency {
  inbound: ReadonlyMap<string, readonly GraphFlow[]>;
  outbound: ReadonlyMap<string, readonly GraphFlow[]>;
}

export function adjacency(graph: Graph): Adjacency {
  return flowAdjacency(graph);
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
export function affectedAnchors(reads: RuleReads, delta: GraphDelta, adj: Adjacency, graph: Graph): Set<string> {
  const out = new Set(delta.full);
  const targets = (fs: GraphDelta['flowFull']) => fs.map((f) => f.to);
  const sources = (fs: GraphDelta['flowFull']) => fs.map((f) => f.from);
  const addAll = (xs: Iterable<string>) => {
    for (const x of xs) out.add(x);
  };
  // The systems listing a sub-processor whose "is it modelled?" answer flipped are re-judged (a system whose
  // own list changed is in `full` already, so the new graph's lists are the ones to read).
  if (reads.names === 'subprocessors' && delta.modelledFlips().size) addAll(listersOf(graph, delta.modelledFlips()));
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
  if (reads.vendorsOnly) for (const id of out) if (delta.practiceSide(id)) out.delete(id);
  return out;
}
