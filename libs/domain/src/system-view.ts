/**
 * One system as a click on the map needs it (GET /api/workspaces/:ws/systems/:id): the system with its
 * contracts, its flows in and out, the findings charged to it, and the names of the systems those mention. A
 * click at 5,000 installs read the whole audit (megabytes) for this; the answer is a few kilobytes. The index
 * is built once per audit (one pass over systems, flows and findings) and shared by every click on it; the
 * API's route and the dashboard tests' fake server both answer from here, so they agree.
 */
import type { AuditReport } from './audit-report.js';
import { compareFindings, type Finding } from './finding.js';
import { withFirstInstances, type FindingWithInstanceCount } from './finding-instances.js';
import type { GraphFlow, GraphSystem } from './graph.js';
import { fleetGroupOf } from './picture.js';

/** Findings and flows a system view carries at most (the EHR of a fleet is charged one per install). */
export const SYSTEM_VIEW_LIMIT = 100;
/** Instances each of its findings carries (as the findings list's pages do); the rest are paged when opened. */
export const SYSTEM_VIEW_INSTANCES = 3;

export interface SystemView {
  system: GraphSystem;
  /** The fleet group an install is drawn in while the group is collapsed (the grouped map's node id). */
  group?: string;
  /** Flows from or to it, the first SYSTEM_VIEW_LIMIT in id order; flowTotal counts them all. */
  flows: GraphFlow[];
  flowTotal: number;
  /** Findings charged to it (the map's relation: named in `systems`, or its subject), worst first, cut likewise. */
  findings: FindingWithInstanceCount[];
  findingTotal: number;
  /** Names of the systems the view mentions (flow ends, finding subjects and instances), by id. */
  names: Record<string, string>;
}

export interface SystemIndex {
  view(id: string): SystemView | undefined;
}

type AuditParts = Pick<AuditReport, 'systems' | 'flows' | 'findings'>;

const push = <T>(m: Map<string, T[]>, k: string, v: T) => void (m.get(k) ?? m.set(k, []).get(k)!).push(v);

/** The systems a subject names: `system:a`, `flow:a->b` (or `a->b#2`, a second flow between them), `path:a>b>c`. */
export function subjectSystems(subject: string): string[] {
  const cut = subject.indexOf(':');
  const kind = subject.slice(0, cut);
  const rest = subject.slice(cut + 1);
  if (kind === 'system') return [rest];
  if (kind === 'flow') return rest.split('->').slice(0, 2).map((end) => end.replace(/#.*$/, ''));
  if (kind === 'path') return rest.split('>');
  return [];
}

/** The index of an audit's systems, flows and findings by system. Linear in their number. */
export function systemIndex(report: AuditParts): SystemIndex {
  const byId = new Map(report.systems.map((s) => [s.id, s]));
  const flows = new Map<string, GraphFlow[]>();
  for (const f of report.flows) {
    push(flows, f.from, f);
    if (f.to !== f.from) push(flows, f.to, f);
  }
  const findings = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const ids = new Set(f.systems);
    if (f.subject.startsWith('system:')) ids.add(f.subject.slice('system:'.length));
    for (const id of ids) push(findings, id, f);
  }
  const cmpId = (a: GraphFlow, b: GraphFlow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    view(id) {
      const system = byId.get(id);
      if (!system) return undefined;
      const allFlows = flows.get(id) ?? [];
      const allFindings = findings.get(id) ?? [];
      const shownFlows = [...allFlows].sort(cmpId).slice(0, SYSTEM_VIEW_LIMIT);
      const shownFindings = [...allFindings].sort(compareFindings).slice(0, SYSTEM_VIEW_LIMIT).map((f) => withFirstInstances(f, SYSTEM_VIEW_INSTANCES));
      const mentioned = new Set<string>([id]);
      for (const f of shownFlows) mentioned.add(f.from).add(f.to);
      for (const f of shownFindings) {
        for (const s of subjectSystems(f.subject)) mentioned.add(s);
        // A grouped finding names every install it occurs on: the ones it carries are enough to label it.
        for (const s of f.systems.slice(0, SYSTEM_VIEW_INSTANCES)) mentioned.add(s);
        for (const i of f.instances ?? []) mentioned.add(i.system);
      }
      const names: Record<string, string> = {};
      for (const m of mentioned) { const s = byId.get(m); if (s) names[m] = s.name; }
      return {
        system,
        ...(system.group ? { group: fleetGroupOf(system.group, system.name).key } : {}),
        flows: shownFlows, flowTotal: allFlows.length,
        findings: shownFindings, findingTotal: allFindings.length,
        names,
      };
    },
  };
}
