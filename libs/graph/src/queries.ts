/**
 * Flow queries over the PHI flow graph: what a flow carries, the flows into and out of a system and the PHI
 * categories they bring. Pure functions of the graph, read through its shared index (graph-index.ts); used by the
 * rules, what-if and the API's views. Path and reach queries are in paths.ts.
 */
import { cmp, unique, type DataCategory, type Graph, type GraphFlow } from '@custody/domain';
import { indexOf } from './graph-index.js';

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
