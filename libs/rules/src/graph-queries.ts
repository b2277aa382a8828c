import {
  BUSINESS_ASSOCIATE_ROLES,
  PRACTICE_ID,
  type AttachedContract,
  type ConsentDecl,
  type DataCategory,
  type Evidence,
  type Graph,
  type GraphFlow,
  type GraphSystem,
} from '@custody/domain';
import { baasInForce, cmp, expiredBaas, parseDaysValue, unique } from './contracts.js';

/**
 * Small, pure queries over the PHI flow graph that several rules share. A system "holds" what it is
 * declared to hold plus every category that flows into it.
 *
 * A fleet graph has thousands of installs, so lookups go through an index built once per graph (cached by
 * identity and rebuilt if the systems or flows arrays are replaced or change length). Rules treat the graph as
 * immutable while they run; what-if works on a copy.
 */
interface GraphIndex {
  systems: readonly GraphSystem[];
  flows: readonly GraphFlow[];
  sizes: [number, number];
  byId: Map<string, GraphSystem>;
  inbound: Map<string, GraphFlow[]>;
  outbound: Map<string, GraphFlow[]>;
  origins: Map<string, string[]>;
  bfs: Map<string, Map<string, string>>;
}

const INDEX = new WeakMap<Graph, GraphIndex>();

function indexOf(graph: Graph): GraphIndex {
  const cached = INDEX.get(graph);
  if (cached && cached.systems === graph.systems && cached.flows === graph.flows && cached.sizes[0] === graph.systems.length && cached.sizes[1] === graph.flows.length) {
    return cached;
  }
  const byId = new Map<string, GraphSystem>();
  for (const s of graph.systems) if (!byId.has(s.id)) byId.set(s.id, s);
  const inbound = new Map<string, GraphFlow[]>();
  const outbound = new Map<string, GraphFlow[]>();
  for (const f of graph.flows) {
    (inbound.get(f.to) ?? inbound.set(f.to, []).get(f.to)!).push(f);
    (outbound.get(f.from) ?? outbound.set(f.from, []).get(f.from)!).push(f);
  }
  const index: GraphIndex = {
    systems: graph.systems, flows: graph.flows, sizes: [graph.systems.length, graph.flows.length],
    byId, inbound, outbound, origins: new Map(), bfs: new Map(),
  };
  INDEX.set(graph, index);
  return index;
}

/** The system with this id (index lookup). */
export function systemById(graph: Graph, id: string): GraphSystem | undefined {
  return indexOf(graph).byId.get(id);
}

/** The practice itself and its clinicians: where PHI originates, never "a vendor". */
export function isPracticeSide(graph: Graph, id: string): boolean {
  if (id === PRACTICE_ID) return true;
  const role = systemById(graph, id)?.role;
  return role === 'practice' || role === 'clinician';
}

/** Roles that need a BAA when they receive PHI (BUSINESS_ASSOCIATE_ROLES). */
export function isBusinessAssociateRole(system: GraphSystem): boolean {
  return BUSINESS_ASSOCIATE_ROLES.includes(system.role);
}

/** PHI categories: everything but `deidentified`. */
export function phiOf(categories: readonly DataCategory[]): DataCategory[] {
  return categories.filter((c) => c !== 'deidentified');
}

/** A flow carries PHI unless it only carries de-identified data or is declared de-identified. */
export function carriesPhi(flow: GraphFlow): boolean {
  return flow.legalBasis !== 'deidentified' && phiOf(flow.data).length > 0;
}

/** Flows into a system (a copy: callers may filter or sort freely). */
export function inboundFlows(graph: Graph, id: string): GraphFlow[] {
  return [...(indexOf(graph).inbound.get(id) ?? [])];
}

/** Flows out of a system (a copy). */
export function outboundFlows(graph: Graph, id: string): GraphFlow[] {
  return [...(indexOf(graph).outbound.get(id) ?? [])];
}

/** Categories carried into a system by PHI-carrying flows. */
export function inboundCategories(graph: Graph, id: string): DataCategory[] {
  return unique(inboundFlows(graph, id).filter(carriesPhi).flatMap((f) => phiOf(f.data)));
}

/**
 * Categories a system holds: its `holds` ∪ inbound categories. For the practice also the sensitive
 * details it documents (`practice.records.documents_sensitive`).
 */
export function heldCategories(graph: Graph, id: string): DataCategory[] {
  const declared = systemById(graph, id)?.holds ?? [];
  const practiceDocs = isPracticeSide(graph, id) ? graph.practice.records.documents_sensitive ?? [] : [];
  return unique([...phiOf(declared), ...inboundCategories(graph, id), ...practiceDocs]);
}

/** Whether a system holds any PHI category. */
export function holdsPhi(graph: Graph, id: string): boolean {
  return heldCategories(graph, id).length > 0;
}

/** Distinct systems that send PHI to `id`. */
export function phiSources(graph: Graph, id: string): string[] {
  return unique(inboundFlows(graph, id).filter(carriesPhi).map((f) => f.from)).sort(cmp);
}

/**
 * Where PHI starts: the practice side, and systems that hold or send PHI that nothing sends PHI to (an EHR
 * described only by its `holds`). The practice comes first so paths read from it whenever they can.
 * With `categories`, only flows carrying one of them count, and holders of one of them with no such inbound
 * flow are origins: the path claims actually took, not any PHI path.
 */
export function origins(graph: Graph, categories?: readonly DataCategory[]): string[] {
  const index = indexOf(graph);
  const key = categories ? [...categories].sort().join(',') : '*';
  if (!index.origins.has(key)) index.origins.set(key, computeOrigins(graph, categories));
  return [...index.origins.get(key)!];
}

function computeOrigins(graph: Graph, categories?: readonly DataCategory[]): string[] {
  const ids = new Set<string>([PRACTICE_ID]);
  for (const s of graph.systems) {
    if (isPracticeSide(graph, s.id)) ids.add(s.id);
    else {
      // Data a system holds or sends without receiving it started there.
      const has = relevant(s.holds, categories).length > 0 || outboundFlows(graph, s.id).some((f) => carries(f, categories));
      if (has && !inboundFlows(graph, s.id).some((f) => carries(f, categories))) ids.add(s.id);
    }
  }
  return [...ids].sort((a, b) => (a === PRACTICE_ID ? -1 : b === PRACTICE_ID ? 1 : cmp(a, b)));
}

function relevant(cats: readonly DataCategory[], categories?: readonly DataCategory[]): DataCategory[] {
  return phiOf(cats).filter((c) => !categories || categories.includes(c));
}

function carries(f: GraphFlow, categories?: readonly DataCategory[]): boolean {
  return carriesPhi(f) && relevant(f.data, categories).length > 0;
}

function phiNeighbours(graph: Graph, id: string, categories?: readonly DataCategory[]): string[] {
  return unique(outboundFlows(graph, id).filter((f) => carries(f, categories)).map((f) => f.to)).sort(cmp);
}

/**
 * The shortest PHI path from any origin to `target` (BFS; ties broken by origin order then id order,
 * so the result is deterministic). `[target]` when the target is itself an origin; undefined if unreachable.
 * With `categories`, only flows carrying one of them are followed.
 */
export function shortestPathTo(graph: Graph, target: string, categories?: readonly DataCategory[]): string[] | undefined {
  const starts = origins(graph, categories);
  if (starts.includes(target)) return [target];
  const prev = bfsTree(graph, starts, categories);
  if (!prev.has(target)) return undefined;
  const path = [target];
  while (prev.has(path[0]!)) path.unshift(prev.get(path[0]!)!);
  return path;
}

// One BFS from all origins gives every node's shortest-path predecessor; cached per category filter.
function bfsTree(graph: Graph, starts: string[], categories?: readonly DataCategory[]): Map<string, string> {
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

/**
 * A system is a direct business associate when the practice side hands it PHI, or it is declared to hold
 * PHI (the manifest says the practice's records live there: an EHR that a notetaker also writes into is
 * still the practice's own vendor). Otherwise it is a sub-processor of whoever sends it PHI.
 */
export function isDirectAssociate(graph: Graph, id: string): boolean {
  if (phiOf(systemById(graph, id)?.holds ?? []).length > 0) return true;
  return (indexOf(graph).inbound.get(id) ?? []).some((f) => carriesPhi(f) && isPracticeSide(graph, f.from));
}

/** How a system is (or is not) under a BAA of its own. */
export interface BaaCoverage {
  covered: boolean;
  /** `contract`: a BAA in force is attached; `flow_legal_basis`: a flow into it is declared under a BAA. */
  via: 'contract' | 'flow_legal_basis' | 'none';
  inForce: AttachedContract[];
  expired: AttachedContract[];
  evidence: Evidence[];
}

/** Whether a system has a BAA of its own in force (or a flow into it declared under one) at `now`. */
export function baaCoverage(graph: Graph, id: string, now: Date): BaaCoverage {
  const system = systemById(graph, id);
  const inForce = system ? baasInForce(system, now) : [];
  const expired = system ? expiredBaas(system, now) : [];
  if (inForce.length > 0) return { covered: true, via: 'contract', inForce, expired, evidence: inForce.flatMap(baaEvidence) };
  // A declared `legal_basis: baa` is the practice's own statement; an expired BAA on file contradicts it.
  const declared = inboundFlows(graph, id).filter((f) => f.legalBasis === 'baa');
  if (declared.length > 0 && expired.length === 0) {
    return { covered: true, via: 'flow_legal_basis', inForce, expired, evidence: declared.flatMap((f) => f.evidence) };
  }
  return { covered: false, via: 'none', inForce, expired, evidence: [] };
}

function baaEvidence(c: AttachedContract): Evidence[] {
  return (c.facts?.baa_offered?.evidence ?? []).map((e) => ({ ...e, documentId: e.documentId ?? c.documentId, file: e.file ?? c.file }));
}

/** Evidence for a system setting: the system's evidence lines that mention the key, else all of them. */
export function settingEvidence(system: GraphSystem, key: string): Evidence[] {
  const hits = system.evidence.filter((e) => e.path?.includes(key) || e.quote.includes(key));
  return hits.length > 0 ? hits : [...system.evidence];
}

/** Read a boolean setting written as true/false, "yes"/"no", "true"/"false". */
export function boolSetting(system: GraphSystem, key: string): boolean | undefined {
  const v = system.settings?.[key];
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (['true', 'yes', 'y', '1', 'on'].includes(s)) return true;
    if (['false', 'no', 'n', '0', 'off'].includes(s)) return false;
  }
  return undefined;
}

/** Read a day-count setting; "indefinite"/"forever"/"unlimited" mean Infinity. */
export function daysSetting(system: GraphSystem, key: string): number | undefined {
  return parseDaysValue(system.settings?.[key]);
}


/** A string setting, trimmed and lower-cased (settings come from YAML, CSV and JSON alike). */
export function stringSetting(system: GraphSystem, key: string): string | undefined {
  const v = system.settings?.[key];
  return typeof v === 'string' ? v.trim().toLowerCase() : undefined;
}

/** Two-letter state of a jurisdiction like `US-CA` (or plain `CA`). */
export function stateOf(jurisdiction: string | undefined): string | undefined {
  if (!jurisdiction) return undefined;
  const m = /^(?:US[-_ ])?([A-Z]{2})$/i.exec(jurisdiction.trim());
  return m ? m[1]!.toUpperCase() : undefined;
}

/** `Name (id)` for finding details; the bare id when the system is unknown. */
export function displayName(graph: Graph, id: string): string {
  const s = systemById(graph, id);
  return s ? `${s.name} (${id})` : id;
}

/** Systems outside the practice itself, in graph order. */
export function vendorSystems(graph: Graph): GraphSystem[] {
  return graph.systems.filter((s) => !isPracticeSide(graph, s.id));
}

/** Does a consent name this system (by id or name)? */
export function consentNames(graph: Graph, to: string, systemId: string): boolean {
  const s = systemById(graph, systemId);
  const t = to.trim().toLowerCase();
  return t === systemId.toLowerCase() || (s !== undefined && t === s.name.trim().toLowerCase());
}

/**
 * Split categories sent to a system into those an unexpired consent (of the given types) covers and those
 * none does; also return the expired consents that would have covered them, for the finding's detail.
 */
export function consentCoverage(
  graph: Graph,
  systemId: string,
  categories: readonly DataCategory[],
  now: Date,
  types: ReadonlyArray<'authorization' | 'part2' | 'recording' | undefined>,
): { covered: DataCategory[]; uncovered: DataCategory[]; expired: ConsentDecl[]; evidence: Evidence[] } {
  const relevant = graph.consents.filter((c) => consentNames(graph, c.to, systemId) && types.includes(c.type));
  const isLive = (c: ConsentDecl): boolean => !c.expires || !(Date.parse(c.expires) < now.getTime());
  const live = relevant.filter(isLive);
  const covered = categories.filter((cat) => live.some((c) => c.data.includes(cat)));
  const uncovered = categories.filter((cat) => !covered.includes(cat));
  const expired = relevant.filter((c) => !isLive(c) && c.data.some((d) => uncovered.includes(d)));
  const evidence = [...live, ...expired].flatMap((c) => c.evidence ?? []);
  return { covered, uncovered, expired, evidence };
}

/**
 * The evidence that a system holds some categories: its own declaration and the flows that carry them in.
 * Findings about what a holder might do with data (e.g. silence on law enforcement) cite this when no
 * contract clause exists to quote, so every finding still points at its proof.
 */
export function holdingEvidence(graph: Graph, id: string, categories: readonly DataCategory[], maxFlows = 3): Evidence[] {
  const system = systemById(graph, id);
  const flows = inboundFlows(graph, id).filter((f) => f.data.some((c) => categories.includes(c))).slice(0, maxFlows);
  return [...(system?.evidence ?? []), ...flows.flatMap((f) => f.evidence)];
}
