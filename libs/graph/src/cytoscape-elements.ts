/**
 * Projection of an AuditReport into Cytoscape.js elements. The dashboard only renders what this returns:
 * every risk-derived value (exposure band, finding counts, outside-BAA) is decided here, server-side, and
 * carried as data fields and classes that one stylesheet keys on.
 */
import type { AuditReport, DataCategory, Finding, GraphFlow, GraphSystem, LegalBasis, Severity, SystemRole, Transport } from '@custody/domain';
import { BUSINESS_ASSOCIATE_ROLES, DATA_CATEGORIES, isTriageCleared, PRACTICE_ID, severityRank, UNENCRYPTED_TRANSPORTS } from '@custody/domain';

import type { ExposureBand } from '@custody/domain';
// The bands (and their palette) are the domain's, shared by the dashboard and the report picture.
export { EXPOSURE_BANDS, type ExposureBand } from '@custody/domain';

/**
 * Lower bounds (inclusive) of each band on the 0–100 node score. `none` is exactly 0: any point of exposure
 * shows. Quartiles keep the bands easy to explain ("high is 50 or more").
 */
export const EXPOSURE_THRESHOLDS: Readonly<Record<Exclude<ExposureBand, 'none'>, number>> = {
  low: Number.MIN_VALUE,
  medium: 25,
  high: 50,
  critical: 75,
};

/** The band of a node score: 0 → none, (0,25) → low, [25,50) → medium, [50,75) → high, ≥75 → critical. */
export function exposureBand(score: number): ExposureBand {
  if (!(score > 0)) return 'none';
  if (score >= EXPOSURE_THRESHOLDS.critical) return 'critical';
  if (score >= EXPOSURE_THRESHOLDS.high) return 'high';
  if (score >= EXPOSURE_THRESHOLDS.medium) return 'medium';
  return 'low';
}

export interface CyNodeData {
  id: string;
  label: string;
  role: SystemRole;
  /** Node exposure 0–100 from the report's score. */
  score: number;
  /** Categories held: declared holdings plus everything flowing in, most sensitive first. */
  holds: DataCategory[];
  /** Findings charged to this node, not counting ones triaged as false positive or mitigated. */
  findingCount: number;
  /** Highest severity among those findings, or null when there are none. */
  maxSeverity: Severity | null;
  group?: { vendor?: string; site?: string };
  /** A template whose party's name is blank (GraphSystem.template): reviewed, not scored, so its `score` rates no one. */
  template?: true;
}

export interface CyNode {
  data: CyNodeData;
  /** `role-<role> exposure-<band>` plus `has-findings` when findingCount > 0, `assessed` for a vendor assessed from its contract (GraphSystem.assessed) and `template` for a template's (GraphSystem.template). */
  classes: string;
}

export interface CyEdgeData {
  id: string;
  source: string;
  target: string;
  categories: DataCategory[];
  transport: Transport;
  legalBasis: LegalBasis;
  label: string;
}

export interface CyEdge {
  data: CyEdgeData;
  /** `flow legal-<basis> transport-<t>` plus `unencrypted`, `outside-baa`, `risk-high|critical` and `assessed` (an assumed flow: GraphFlow.assessed) when they apply. */
  classes: string;
}

export interface CytoscapeElements {
  nodes: CyNode[];
  edges: CyEdge[];
}

/** Finding kinds that mean a flow's PHI is not covered by a BAA, whatever its declared legal basis. */
const BAA_GAP_KINDS = new Set<Finding['kind']>(['missing_baa', 'expired_baa', 'baa_chain_break']);

const categoryOrder = (a: DataCategory, b: DataCategory) => DATA_CATEGORIES.indexOf(a) - DATA_CATEGORIES.indexOf(b);

/** Flow ids an open BAA-gap finding is about (one pass over the findings, looked up per flow). */
function baaGapFlows(findings: readonly Finding[]): Set<string> {
  const ids = new Set<string>();
  for (const f of findings) if (BAA_GAP_KINDS.has(f.kind) && !isTriageCleared(f) && f.subject.startsWith('flow:')) ids.add(f.subject.slice('flow:'.length));
  return ids;
}

/**
 * True when a flow's legal basis leaves the PHI outside BAA coverage (dashed in the dashboard). `findings`
 * may be given as baaGapFlows' set: scanning every finding per flow was 20,000 × 9,000 steps for a fleet.
 */
export function isOutsideBaa(flow: GraphFlow, targetRole: SystemRole | undefined, findings: readonly Finding[] | ReadonlySet<string>): boolean {
  if (flow.legalBasis === 'none_known') return true;
  const needsBaa = targetRole !== undefined && BUSINESS_ASSOCIATE_ROLES.includes(targetRole);
  if (needsBaa && flow.legalBasis !== 'baa' && flow.legalBasis !== 'deidentified') return true;
  return (findings instanceof Set ? findings : baaGapFlows(findings as readonly Finding[])).has(flow.id);
}

/** Findings charged to a system: listed in `systems`, or the system is the subject. */
function findingsBySystem(findings: readonly Finding[]): Map<string, Finding[]> {
  const bySystem = new Map<string, Finding[]>();
  for (const f of findings) {
    // Cleared findings leave the map (accepted risks stay visible).
    if (isTriageCleared(f)) continue;
    const ids = new Set(f.systems);
    if (f.subject.startsWith('system:')) ids.add(f.subject.slice('system:'.length));
    // Push, not copy: a shared system (the EHR) is charged thousands of fleet findings.
    for (const id of ids) (bySystem.get(id) ?? bySystem.set(id, []).get(id)!).push(f);
  }
  return bySystem;
}

/**
 * The worst paths: flow id → `high` or `critical` for every flow an open high or critical finding is about
 * (its subject flow, or each hop of its subject path). Critical wins where both apply. Decided here so a
 * grouped view can carry it onto the aggregate edges that stand in for thousands of install flows.
 */
function riskyFlows(flows: readonly GraphFlow[], findings: readonly Finding[]): Map<string, 'high' | 'critical'> {
  const byEnds = new Map<string, string[]>();
  for (const f of flows) (byEnds.get(`${f.from}\n${f.to}`) ?? byEnds.set(`${f.from}\n${f.to}`, []).get(`${f.from}\n${f.to}`)!).push(f.id);
  const out = new Map<string, 'high' | 'critical'>();
  for (const f of findings) {
    if ((f.severity !== 'high' && f.severity !== 'critical') || isTriageCleared(f)) continue;
    const [type, rest = ''] = f.subject.split(/:(.*)/s);
    const hops = rest.split('>');
    const ids = type === 'flow' ? [rest] : type === 'path' ? hops.slice(1).flatMap((id, i) => byEnds.get(`${hops[i]}\n${id}`) ?? []) : [];
    for (const id of ids) if (out.get(id) !== 'critical') out.set(id, f.severity);
  }
  return out;
}

/** A stand-in for a system a flow references but the report does not list, so no edge is dropped. */
function placeholderSystem(id: string, report: AuditReport): GraphSystem {
  const isPractice = id === PRACTICE_ID;
  return { id, name: isPractice ? report.practice.name : id, role: isPractice ? 'practice' : 'other', holds: [], settings: {}, contracts: [], evidence: [] };
}

/** Short edge caption: categories (first three, then "+n") and transport. */
function edgeLabel(flow: GraphFlow): string {
  const shown = flow.data.slice(0, 3).map((c) => c.replace(/_/g, ' '));
  const more = flow.data.length > 3 ? ` +${flow.data.length - 3}` : '';
  return `${shown.join(', ')}${more} · ${flow.transport}`;
}

/**
 * Cytoscape elements for a report's flow graph. Deterministic: the practice first, then systems in report
 * order, then systems that only flows mention; edges in flow order. Pure: the report is not modified.
 */
export function toCytoscapeElements(report: AuditReport): CytoscapeElements {
  const systems = [...report.systems];
  const known = new Set(systems.map((s) => s.id));
  for (const f of report.flows) {
    for (const id of [f.from, f.to]) {
      if (!known.has(id)) {
        known.add(id);
        systems.push(placeholderSystem(id, report));
      }
    }
  }
  // Practice on top of the list so layouts that honour order (breadthfirst roots) start there.
  systems.sort((a, b) => Number(b.role === 'practice') - Number(a.role === 'practice'));

  const byId = new Map(systems.map((s) => [s.id, s]));
  const inbound = new Map<string, Set<DataCategory>>();
  for (const f of report.flows) for (const c of f.data) inbound.set(f.to, (inbound.get(f.to) ?? new Set()).add(c));
  const charged = findingsBySystem(report.findings);
  const gaps = baaGapFlows(report.findings);
  const risky = riskyFlows(report.flows, report.findings);

  const nodes = systems.map((s): CyNode => {
    const score = report.score.nodes[s.id] ?? 0;
    const own = charged.get(s.id) ?? [];
    const maxSeverity = own.reduce<Severity | null>((m, f) => (m === null || severityRank(f.severity) > severityRank(m) ? f.severity : m), null);
    const holds = [...new Set([...s.holds, ...(inbound.get(s.id) ?? [])])].sort(categoryOrder);
    const band = exposureBand(score);
    const data: CyNodeData = { id: s.id, label: s.name, role: s.role, score, holds, findingCount: own.length, maxSeverity };
    if (s.group) data.group = { ...s.group };
    if (s.template) data.template = true;
    return { data, classes: [`role-${s.role}`, `exposure-${band}`, ...(own.length > 0 ? ['has-findings'] : []), ...(s.assessed ? ['assessed'] : []), ...(s.template ? ['template'] : [])].join(' ') };
  });

  const edges = report.flows.map((f): CyEdge => {
    const unencrypted = UNENCRYPTED_TRANSPORTS.includes(f.transport);
    const outside = isOutsideBaa(f, byId.get(f.to)?.role, gaps);
    const risk = risky.get(f.id);
    const classes = ['flow', `legal-${f.legalBasis}`, `transport-${f.transport}`, ...(unencrypted ? ['unencrypted'] : []), ...(outside ? ['outside-baa'] : []), ...(risk ? [`risk-${risk}`] : []), ...(f.assessed ? ['assessed'] : [])];
    return {
      data: { id: f.id, source: f.from, target: f.to, categories: [...f.data], transport: f.transport, legalBasis: f.legalBasis, label: edgeLabel(f) },
      classes: classes.join(' '),
    };
  });

  return { nodes, edges };
}
