/**
 * The shared lookup index of a PHI flow graph (systems by id, the practice side, flows by receiver and by sender,
 * and the caches the path queries fill), built once per graph or seeded from a base graph's by an incremental
 * re-audit, with the lookups that read it directly. The flow and path queries (queries.ts, paths.ts) go through it.
 *
 * A fleet graph has thousands of installs, so lookups go through an index built once per graph (cached by
 * identity and rebuilt if the systems or flows arrays are replaced or change length). Rules treat the graph as
 * immutable while they run; what-if works on a copy.
 */
import { PRACTICE_ID, type DataCategory, type Graph, type GraphFlow, type GraphSystem } from '@custody/domain';
import { PatchedMap } from './patched-map.js';

// Key counts a re-audit carries from the previous graph's lists (display names' counts in libs/rules, flow ids).
export { CountedKeys, type KeyCounts } from './key-counts.js';

export interface GraphIndex {
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

/** The graph's index (built, or the cached one): for the query modules of this library, not exported from it. */
export function indexOf(graph: Graph): GraphIndex {
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
