/**
 * The map's first view, computed server-side (GET /graph?view=grouped): fleet installs collapsed into one
 * node per vendor + site (except the groups asked for in `expand`), with layered positions already set.
 * A 5,000-install fleet is then a few dozen nodes and edges on the wire instead of 20,000 flows, and the
 * browser draws with a preset layout instead of parsing, regrouping and laying out the whole graph.
 */
import { InvalidInputError, PRACTICE_ID } from '@custody/domain';
import type { CyEdge, CyNode, CytoscapeElements } from './cytoscape-elements.js';
import { collapseFleet } from './fleet-view.js';
import { layeredPositions, type LayoutOptions } from './layered-layout.js';

/** Spacing of the dashboard's map (model coordinates); the browser uses the same for the views it lays out. */
export const MAP_LAYOUT: Required<LayoutOptions> = { columnGap: 230, rowGap: 110, maxPerColumn: 8 };

/** A group of the fleet as the grouped view lists it: enough to label it and ask for its members. */
export interface FleetGroupSummary {
  key: string;
  label: string;
  vendor: string;
  site: string | null;
  installs: number;
  expanded: boolean;
}

export interface PositionedNode extends CyNode {
  position: { x: number; y: number };
}

export interface GroupedGraph {
  nodes: PositionedNode[];
  edges: CyEdge[];
  /** Every fleet group, most exposed first (collapsed ones are single nodes in `nodes`). */
  groups: FleetGroupSummary[];
}

/** Most groups one request may expand: each brings its installs, and the point of the view is to stay small. */
export const MAX_EXPANDED = 50;

/** `expand` as the API takes it: group keys, comma-separated (keys are URI-encoded, so they hold no comma). */
export function parseExpand(raw: string | string[] | undefined): Set<string> {
  const keys = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  for (const k of keys) if (!k.startsWith('fleet:')) throw new InvalidInputError(`expand takes fleet group keys (fleet:<vendor>@<site>), not "${k.slice(0, 80)}"`);
  if (keys.length > MAX_EXPANDED) throw new InvalidInputError(`expand takes at most ${MAX_EXPANDED} groups, got ${keys.length}`);
  return new Set(keys);
}

/** Positions for a drawn set of elements: layered left to right from the practice (see layered-layout.ts). */
export function mapPositions(els: CytoscapeElements): Map<string, { x: number; y: number }> {
  return layeredPositions({
    nodes: els.nodes.map((n) => ({ id: n.data.id, isRoot: n.data.id === PRACTICE_ID || n.data.role === 'practice' })),
    edges: els.edges.map((e) => ({ source: e.data.source, target: e.data.target })),
  }, MAP_LAYOUT);
}

/** The collapsed view of a graph, groups in `expanded` drawn as their installs, every node positioned. */
export function groupedGraph(els: CytoscapeElements, expanded: ReadonlySet<string> = new Set()): GroupedGraph {
  const view = collapseFleet(els, expanded);
  const at = mapPositions(view.elements);
  return {
    nodes: view.elements.nodes.map((n) => ({ ...n, position: at.get(n.data.id) ?? { x: 0, y: 0 } })),
    edges: view.elements.edges,
    groups: view.groups.map((g) => ({ key: g.key, label: g.label, vendor: g.vendor, site: g.site, installs: g.members.length, expanded: g.expanded })),
  };
}
