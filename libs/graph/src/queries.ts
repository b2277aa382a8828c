import { PRACTICE_ID, cmp, unique, type DataCategory, type Graph, type GraphFlow, type GraphSystem } from '@custody/domain';
import { PatchedMap } from './patched-map.js';

/**
 * Reach and path queries over the PHI flow graph: who sends PHI where, where it starts, the paths it takes.
 * Pure functions of the graph, used by the rules, what-if and the API's views.
 *
 * A fleet graph has thousands of installs, so lookups go through an index built once per graph (cached by
 * identity and rebuilt if the systems or flows arrays are replaced or change length). Rules treat the graph as
 * immutable while they run; what-if works on a copy.
 */
interface GraphIndex {
  systems: readonly GraphSystem[];
  flows: readonly GraphFlow[];
  sizes: [number, number];
  byId: ReadonlyMap<string, GraphSystem>;
  /**
   * Ids on the practice side (the practice id, and systems whose role is practice or clinician): a handful.
   * isPracticeSide is asked for nearly every flow's end by most rules; a lookup in this small set stays in
   * cache, where a lookup in `byId` (100,000 systems in an agency's manifest) misses it every time.
   */
  practiceSide: Set<string>;
  /** Each flow's receiving system, by the flow's position in `flows` (built when first asked). */
  targets?: readonly (GraphSystem | undefined)[];
  inbound: ReadonlyMap<string, readonly GraphFlow[]>;
  outbound: ReadonlyMap<string, readonly GraphFlow[]>;
  origins: Map<string, string[]>;
  /** The same origins as sets: path queries ask "is it an origin?" once per finding, over thousands of installs. */
  originSets: Map<string, Set<string>>;
  bfs: Map<string, Map<string, string>>;
  /** PHI categories flowing into each system, as asked (most rules ask for the same systems). */
  inboundPhi: Map<string, DataCategory[]>;
}

const INDEX = new WeakMap<Graph, GraphIndex>();

// The graph asked about last and its index: rules ask millions of lookups of one graph in a row, and the
// WeakMap lookup cost more than the answer. Checked as the WeakMap entry is (same arrays, same lengths); held
// weakly, so a server does not keep its last audited graph alive.
let last: WeakRef<{ graph: Graph; index: GraphIndex }> | undefined;

function fresh(index: GraphIndex | undefined, graph: Graph): index is GraphIndex {
  return index !== undefined && index.systems === graph.systems && index.flows === graph.flows && index.sizes[0] === graph.systems.length && index.sizes[1] === graph.flows.length;
}

function indexOf(graph: Graph): GraphIndex {
  const recent = last?.deref();
  if (recent !== undefined && recent.graph === graph && fresh(recent.index, graph)) return recent.index;
  const cached = INDEX.get(graph);
  if (fresh(cached, graph)) {
    last = new WeakRef({ graph, index: cached });
    return cached;
  }
  const byId = new Map<string, GraphSystem>();
  const practiceSide = new Set<string>([PRACTICE_ID]);
  for (const s of graph.systems) {
    if (byId.has(s.id)) continue;
    byId.set(s.id, s);
    if (isPracticeSideSystem(s)) practiceSide.add(s.id);
  }
  const inbound = new Map<string, GraphFlow[]>();
  const outbound = new Map<string, GraphFlow[]>();
  // A sender's flows mostly come together (the projection orders flows by sender): its list is looked up once
  // per run of them, not once per flow (an agency's manifest has 400,000 flows from 100,000 senders).
  let from: string | undefined;
  let out: GraphFlow[] = [];
  for (const f of graph.flows) {
    (inbound.get(f.to) ?? inbound.set(f.to, []).get(f.to)!).push(f);
    if (f.from !== from) out = outbound.get((from = f.from)) ?? outbound.set(from, []).get(from)!;
    out.push(f);
  }
  const index: GraphIndex = {
    systems: graph.systems, flows: graph.flows, sizes: [graph.systems.length, graph.flows.length],
    byId, practiceSide, inbound, outbound, origins: new Map(), originSets: new Map(), bfs: new Map(), inboundPhi: new Map(),
  };
  INDEX.set(graph, index);
  last = new WeakRef({ graph, index });
  return index;
}

/**
 * Seeds `graph`'s index from the index of `changes.base` when `graph` is that graph with the records in
 * `changes` added, replaced or removed (an incremental projection reports them): a new document or setting
 * changes a few records of a fleet's 10,000 systems and 34,000 flows, and building the index again was most of
 * what an incremental re-audit's rules step spent before its first rule (issue 11). The result is the index a
 * build from scratch makes: systems by id patched with the changed records; the practice side patched the same
 * way; the flow lists of every system at an end of a changed flow rebuilt in graph order by one scan (the others
 * shared with the base's, which nothing mutates); the lazily built caches (origins, paths) left to be built. It
 * relies on `changes` listing every record that differs, as the re-audit's delta does; when the base has no
 * index, `graph` has one already, a system id is not unique or the flow lists do not add up to the graph's flows,
 * it does nothing and the index is built as usual.
 */
export function indexFromBase(
  graph: Graph,
  changes: { base?: Graph; systems: ReadonlyMap<string, { before?: GraphSystem; after?: GraphSystem }>; flows: ReadonlyMap<string, { before?: GraphFlow; after?: GraphFlow }> },
): void {
  const base = changes.base;
  const prev = base && INDEX.get(base);
  if (!base || base === graph || !fresh(prev, base) || fresh(INDEX.get(graph), graph) || prev.byId.size !== base.systems.length) return;
  // The base's maps patched in place of copies (PatchedMap): a change touches a few of a fleet's 10,000 entries.
  const systems = new Map<string, GraphSystem | undefined>();
  const practiceSide = new Set(prev.practiceSide);
  for (const [id, { after }] of changes.systems) {
    systems.set(id, after);
    if (id !== PRACTICE_ID) practiceSide.delete(id);
    if (after && isPracticeSideSystem(after)) practiceSide.add(id);
  }
  const byId = PatchedMap.of(prev.byId, systems);
  // Duplicate ids in `graph` (the first one wins in a build) or changes that do not add up: build as usual.
  if (byId.size !== graph.systems.length) return;
  const to = new Set<string>();
  const from = new Set<string>();
  for (const { before, after } of changes.flows.values()) {
    for (const f of [before, after]) if (f) (to.add(f.to), from.add(f.from));
  }
  // Flows the patched lists hold, counted as each list is dropped and rebuilt: every flow is in one inbound and
  // one outbound list, so anything but the graph's count means the changes missed a flow (two flows under one
  // id, as a graph read from a store can hold, hide a removal from changes by id): build as usual.
  let ins = base.flows.length;
  let outs = base.flows.length;
  for (const id of to) ins -= prev.inbound.get(id)?.length ?? 0;
  for (const id of from) outs -= prev.outbound.get(id)?.length ?? 0;
  const inLists = new Map<string, GraphFlow[] | undefined>([...to].map((id) => [id, undefined]));
  const outLists = new Map<string, GraphFlow[] | undefined>([...from].map((id) => [id, undefined]));
  if (to.size || from.size) {
    for (const f of graph.flows) {
      if (to.has(f.to)) (ins++, (inLists.get(f.to) ?? inLists.set(f.to, []).get(f.to)!).push(f));
      if (from.has(f.from)) (outs++, (outLists.get(f.from) ?? outLists.set(f.from, []).get(f.from)!).push(f));
    }
  }
  if (ins !== graph.flows.length || outs !== graph.flows.length) return;
  const inbound = PatchedMap.of(prev.inbound, inLists);
  const outbound = PatchedMap.of(prev.outbound, outLists);
  const index: GraphIndex = {
    systems: graph.systems, flows: graph.flows, sizes: [graph.systems.length, graph.flows.length],
    byId, practiceSide, inbound, outbound, origins: new Map(), originSets: new Map(), bfs: new Map(), inboundPhi: new Map(),
  };
  INDEX.set(graph, index);
}

/** The index's systems by id (first of an id) if the graph is indexed already (rules ran, or indexFromBase), else undefined. */
export function indexedSystemsById(graph: Graph): ReadonlyMap<string, GraphSystem> | undefined {
  const index = INDEX.get(graph);
  return fresh(index, graph) ? index.byId : undefined;
}

/** The system with this id (index lookup). */
export function systemById(graph: Graph, id: string): GraphSystem | undefined {
  return indexOf(graph).byId.get(id);
}

/** Whether this system record is the practice itself or one of its clinicians (the one test the index and the re-audit's delta share). */
export function isPracticeSideSystem(s: GraphSystem | undefined): boolean {
  return !!s && (s.id === PRACTICE_ID || s.role === 'practice' || s.role === 'clinician');
}

/** The practice itself and its clinicians: where PHI originates, never "a vendor". */
export function isPracticeSide(graph: Graph, id: string): boolean {
  // The id's first system by role, as systemById answers: the same systems the index kept.
  return id === PRACTICE_ID || indexOf(graph).practiceSide.has(id);
}

/**
 * The system each flow goes to, by the flow's position in `graph.flows` (undefined for an undeclared end), shared
 * and read-only: for rules that walk every flow and judge its receiver, so the 400,000 flows of an agency's
 * manifest are looked up by id once per graph rather than once per rule.
 */
export function flowTargets(graph: Graph): readonly (GraphSystem | undefined)[] {
  const index = indexOf(graph);
  if (!index.targets) {
    const targets: (GraphSystem | undefined)[] = new Array(graph.flows.length);
    for (let i = 0; i < graph.flows.length; i++) targets[i] = index.byId.get(graph.flows[i]!.to);
    index.targets = targets;
  }
  return index.targets;
}

/** PHI categories: everything but `deidentified`. */
export function phiOf(categories: readonly DataCategory[]): DataCategory[] {
  return categories.filter((c) => c !== 'deidentified');
}

/** A flow carries PHI unless it only carries de-identified data or is declared de-identified. */
export function carriesPhi(flow: GraphFlow): boolean {
  // phiOf(flow.data).length > 0 without building the list: asked for every flow by most rules.
  return flow.legalBasis !== 'deidentified' && flow.data.some((c) => c !== 'deidentified');
}

/** Flows into a system (a copy: callers may filter or sort freely). */
export function inboundFlows(graph: Graph, id: string): GraphFlow[] {
  return [...inboundOf(graph, id)];
}

const NO_FLOWS: readonly GraphFlow[] = Object.freeze([]);

/**
 * {@link inboundFlows} without the copy: the index's own list, for callers that only read it (most rules ask
 * for every system's flows, and a copy each was a short-lived array per system per rule for the collector).
 */
export function inboundOf(graph: Graph, id: string): readonly GraphFlow[] {
  return indexOf(graph).inbound.get(id) ?? NO_FLOWS;
}

/** {@link outboundFlows} without the copy (read-only, as {@link inboundOf}). */
export function outboundOf(graph: Graph, id: string): readonly GraphFlow[] {
  return indexOf(graph).outbound.get(id) ?? NO_FLOWS;
}

/** Distinct PHI categories carried into a system by PHI-carrying flows, in flow order (a copy). */
export function inboundPhiCategories(graph: Graph, id: string): DataCategory[] {
  return [...inboundPhiOf(graph, id)];
}

/**
 * {@link inboundPhiCategories} without the copy (the index's own list: read-only). Worked out in one pass over
 * the flows, not as filtered, flattened and de-duplicated copies: asked once for each of 100,000 systems.
 */
export function inboundPhiOf(graph: Graph, id: string): readonly DataCategory[] {
  const index = indexOf(graph);
  let cats = index.inboundPhi.get(id);
  if (!cats) {
    const seen = SCRATCH;
    seen.length = 0;
    addInboundPhi(graph, id, seen);
    // Kept as an exact-size copy: a list grown by push keeps room for 17, and one is kept per system.
    index.inboundPhi.set(id, (cats = seen.slice()));
  }
  return cats;
}

/** Reused while collecting categories (never returned, never kept). */
const SCRATCH: DataCategory[] = [];

/**
 * Appends to `into` the PHI categories flowing into system `id` that it does not list yet, first seen first (as
 * unique() of the flattened list keeps them), in one pass over the flows: what {@link inboundPhiOf} keeps per
 * system, for a caller that gathers them into a list of its own without that second copy.
 */
export function addInboundPhi(graph: Graph, id: string, into: DataCategory[]): void {
  for (const f of inboundOf(graph, id)) {
    if (!carriesPhi(f)) continue;
    for (const c of f.data) if (c !== 'deidentified' && !into.includes(c)) into.push(c);
  }
}

/**
 * Flows by receiver and by sender, as the shared index holds them (read-only): for a caller walking many
 * systems' flows of a graph the rules judge too (the incremental re-audit's reach), so it is indexed once.
 */
export function flowAdjacency(graph: Graph): { inbound: ReadonlyMap<string, readonly GraphFlow[]>; outbound: ReadonlyMap<string, readonly GraphFlow[]> } {
  const { inbound, outbound } = indexOf(graph);
  return { inbound, outbound };
}

/** Flows out of a system (a copy). */
export function outboundFlows(graph: Graph, id: string): GraphFlow[] {
  return [...outboundOf(graph, id)];
}

/** Distinct systems that send PHI to `id`. */
export function phiSources(graph: Graph, id: string): string[] {
  return unique(inboundOf(graph, id).filter(carriesPhi).map((f) => f.from)).sort(cmp);
}

/**
 * Where PHI starts: the practice side, and systems that hold or send PHI that nothing sends PHI to (an EHR
 * described only by its `holds`). The practice comes first so paths read from it whenever they can.
 * With `categories`, only flows carrying one of them count, and holders of one of them with no such inbound
 * flow are origins: the path claims actually took, not any PHI path.
 */
export function origins(graph: Graph, categories?: readonly DataCategory[]): string[] {
  return [...originList(graph, categories)];
}

/** The cached origins list (not a copy: callers must not mutate it). */
function originList(graph: Graph, categories?: readonly DataCategory[]): readonly string[] {
  const index = indexOf(graph);
  const key = categories ? [...categories].sort().join(',') : '*';
  let list = index.origins.get(key);
  if (!list) index.origins.set(key, (list = computeOrigins(graph, categories)));
  return list;
}

function isOrigin(graph: Graph, id: string, categories?: readonly DataCategory[]): boolean {
  const index = indexOf(graph);
  const key = categories ? [...categories].sort().join(',') : '*';
  let set = index.originSets.get(key);
  if (!set) index.originSets.set(key, (set = new Set(originList(graph, categories))));
  return set.has(id);
}

function computeOrigins(graph: Graph, categories?: readonly DataCategory[]): string[] {
  const ids = new Set<string>([PRACTICE_ID]);
  for (const s of graph.systems) {
    if (isPracticeSide(graph, s.id)) ids.add(s.id);
    else {
      // Data a system holds or sends without receiving it started there.
      const has = relevant(s.holds, categories).length > 0 || outboundOf(graph, s.id).some((f) => carries(f, categories));
      if (has && !inboundOf(graph, s.id).some((f) => carries(f, categories))) ids.add(s.id);
    }
  }
  return [...ids].sort((a, b) => (a === PRACTICE_ID ? -1 : b === PRACTICE_ID ? 1 : cmp(a, b)));
}

function relevant(cats: readonly DataCategory[], categories?: readonly DataCategory[]): DataCategory[] {
  return phiOf(cats).filter((c) => !categories || categories.includes(c));
}

function carries(f: GraphFlow, categories?: readonly DataCategory[]): boolean {
  // Without a filter, any PHI category is relevant: carriesPhi already says whether there is one.
  return carriesPhi(f) && (!categories || relevant(f.data, categories).length > 0);
}

function phiNeighbours(graph: Graph, id: string, categories?: readonly DataCategory[]): string[] {
  const out: string[] = [];
  let ascending = true;
  for (const f of outboundOf(graph, id)) {
    if (!carries(f, categories)) continue;
    if (ascending && out.length > 0 && !(out[out.length - 1]! < f.to)) ascending = false;
    out.push(f.to);
  }
  // Strictly ascending already (the projection lists a system's flows by peer) is what unique and sort give:
  // a fleet's practice sends to 100,000 installs, sorted again on every path query.
  return ascending ? out : unique(out).sort(cmp);
}

/**
 * The shortest PHI path from any origin to `target` (BFS; ties broken by origin order then id order,
 * so the result is deterministic). `[target]` when the target is itself an origin; undefined if unreachable.
 * With `categories`, only flows carrying one of them are followed.
 */
export function shortestPathTo(graph: Graph, target: string, categories?: readonly DataCategory[]): string[] | undefined {
  if (isOrigin(graph, target, categories)) return [target];
  const prev = bfsTree(graph, originList(graph, categories), categories);
  if (!prev.has(target)) return undefined;
  const path = [target];
  while (prev.has(path[0]!)) path.unshift(prev.get(path[0]!)!);
  return path;
}

// One BFS from all origins gives every node's shortest-path predecessor; cached per category filter.
function bfsTree(graph: Graph, starts: readonly string[], categories?: readonly DataCategory[]): Map<string, string> {
  const index = indexOf(graph);
  const key = categories ? [...categories].sort().join(',') : '*';
  const cached = index.bfs.get(key);
  if (cached) return cached;
  const prev = new Map<string, string>();
  const seen = new Set(starts);
  const queue = [...starts];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const next of phiNeighbours(graph, node, categories)) {
      if (seen.has(next)) continue;
      seen.add(next);
      prev.set(next, node);
      queue.push(next);
    }
  }
  index.bfs.set(key, prev);
  return prev;
}

/**
 * All simple PHI paths from origins to `target`, shortest first. Bounded (depth and count) because a
 * fleet graph can have thousands of nodes and rules only need a handful of witnesses.
 */
export function pathsTo(graph: Graph, target: string, opts: { maxDepth?: number; limit?: number } = {}): string[][] {
  const maxDepth = opts.maxDepth ?? 8;
  const limit = opts.limit ?? 50;
  const out: string[][] = [];
  const walk = (path: string[]): void => {
    if (out.length >= limit) return;
    const last = path[path.length - 1]!;
    if (last === target && path.length > 1) {
      out.push([...path]);
      return;
    }
    if (path.length > maxDepth) return;
    for (const next of phiNeighbours(graph, last)) {
      if (!path.includes(next)) walk([...path, next]);
    }
  };
  for (const o of origins(graph)) if (o !== target) walk([o]);
  return out.sort((a, b) => a.length - b.length || cmp(a.join('>'), b.join('>')));
}

/** Every system PHI can reach downstream of `from` (not including `from`), sorted. */
export function reach(graph: Graph, from: string): string[] {
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    for (const next of phiNeighbours(graph, stack.pop()!)) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  seen.delete(from);
  return [...seen].sort(cmp);
}

/** A finding subject for a path: `path:a>b>c`. */
export function pathSubject(nodes: readonly string[]): string {
  return `path:${nodes.join('>')}`;
}
