/**
 * Fleet collapse: a fleet export projects one system per notetaker install (hundreds or thousands), which
 * would turn the map into a hairball. Here the elements are regrouped, display-only (the API's grouped map
 * view draws it, the dashboard's fleet panel lists it), into one
 * aggregate node per vendor + site. Nothing about risk is decided: an aggregate takes the exposure class of
 * its most exposed install (the server's class, copied), and its flows are the union of its installs' flows.
 */
import type { DataCategory, Severity } from '@custody/domain';
import { DATA_CATEGORIES, fleetGroupLabel, fleetGroupOf, severityRank } from '@custody/domain';
import type { CyEdge, CyNode, CytoscapeElements } from './cytoscape-elements.js';

export interface FleetGroup {
  /** The aggregate node's id. */
  key: string;
  vendor: string;
  site: string | null;
  /** e.g. "ScribeWell AI · Oakland (12 installs)". */
  label: string;
  /** Installs, most exposed first. */
  members: CyNode[];
  /** The most exposed install: its score and exposure class stand for the group. */
  worst: CyNode;
  expanded: boolean;
}

export interface FleetView {
  /** What the map shows: ungrouped systems, aggregates for collapsed groups, expanded installs. */
  elements: CytoscapeElements;
  /** Every group, most exposed first. */
  groups: FleetGroup[];
  /** Install node and flow ids → the aggregate node/edge standing in for them (collapsed groups only). */
  alias: Map<string, string>;
}

const bandClass = (n: CyNode) => n.classes.split(' ').find((c) => c.startsWith('exposure-')) ?? 'exposure-none';

/** Group installs by vendor + site and collapse every group not in `expanded`. Linear in elements. */
export function collapseFleet(els: CytoscapeElements, expanded: ReadonlySet<string> = new Set()): FleetView {
  const byKey = new Map<string, FleetGroup>();
  for (const n of els.nodes) {
    const g = n.data.group;
    if (!g) continue;
    // The same grouping as the report's picture (domain fleetGroupOf): one node per vendor and site.
    const { key, vendor, site } = fleetGroupOf(g, n.data.label);
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = { key, vendor, site, label: '', members: [], worst: n, expanded: expanded.has(key) }));
    group.members.push(n);
    if (n.data.score > group.worst.data.score) group.worst = n;
  }
  const groups = [...byKey.values()];
  for (const g of groups) {
    g.label = fleetGroupLabel(g, g.members.length);
    g.members.sort((a, b) => b.data.score - a.data.score || a.data.label.localeCompare(b.data.label));
  }
  groups.sort((a, b) => b.worst.data.score - a.worst.data.score || a.label.localeCompare(b.label));

  const alias = new Map<string, string>();
  const nodes: CyNode[] = [];
  for (const n of els.nodes) if (!n.data.group) nodes.push(n);
  for (const g of groups) {
    if (g.expanded) nodes.push(...g.members);
    else {
      for (const m of g.members) alias.set(m.data.id, g.key);
      nodes.push(aggregateNode(g));
    }
  }
  return { elements: { nodes, edges: collapseEdges(els.edges, alias) }, groups, alias };
}

function aggregateNode(g: FleetGroup): CyNode {
  const roles = new Set(g.members.map((m) => m.data.role));
  const holds = new Set<DataCategory>(g.members.flatMap((m) => m.data.holds));
  let maxSeverity: Severity | null = null;
  let findingCount = 0;
  for (const m of g.members) {
    findingCount += m.data.findingCount;
    const s = m.data.maxSeverity;
    if (s && (maxSeverity === null || severityRank(s) > severityRank(maxSeverity))) maxSeverity = s;
  }
  const role = roles.size === 1 ? g.worst.data.role : 'other';
  return {
    data: { id: g.key, label: g.label, role, score: g.worst.data.score, holds: DATA_CATEGORIES.filter((c) => holds.has(c)), findingCount, maxSeverity, group: { vendor: g.vendor, site: g.site ?? undefined } },
    classes: ['fleet-group', `role-${role}`, bandClass(g.worst), ...(findingCount > 0 ? ['has-findings'] : [])].join(' '),
  };
}

/** Flows between the same (possibly aggregated) endpoints become one edge carrying the union of their data. */
function collapseEdges(edges: CyEdge[], alias: Map<string, string>): CyEdge[] {
  const out: CyEdge[] = [];
  const merged = new Map<string, { edge: CyEdge; count: number; cats: Set<DataCategory>; flags: Set<string> }>();
  for (const e of edges) {
    const source = alias.get(e.data.source) ?? e.data.source;
    const target = alias.get(e.data.target) ?? e.data.target;
    if (source === e.data.source && target === e.data.target) {
      out.push(e);
      continue;
    }
    const id = `fleet-flow:${source}->${target}`;
    alias.set(e.data.id, id);
    let m = merged.get(id);
    if (!m) {
      m = { edge: { data: { ...e.data, id, source, target }, classes: '' }, count: 0, cats: new Set(), flags: new Set() };
      merged.set(id, m);
      out.push(m.edge);
    }
    m.count += 1;
    for (const c of e.data.categories) m.cats.add(c);
    // Any install's unencrypted, outside-BAA or risky flow marks the aggregate: the map shows the worst case.
    for (const c of e.classes.split(' ')) if (c === 'unencrypted' || c === 'outside-baa' || c.startsWith('risk-')) m.flags.add(c);
  }
  for (const m of merged.values()) {
    const cats = DATA_CATEGORIES.filter((c) => m.cats.has(c));
    m.edge.data.categories = cats;
    const shown = cats.slice(0, 2).map((c) => c.replace(/_/g, ' ')).join(', ');
    m.edge.data.label = `${shown}${cats.length > 2 ? ` +${cats.length - 2}` : ''} · ${m.count.toLocaleString('en-US')} flow${m.count === 1 ? '' : 's'}`;
    if (m.flags.has('risk-critical')) m.flags.delete('risk-high');
    m.edge.classes = ['flow', 'fleet-flow', ...m.flags].join(' ');
  }
  return out;
}
