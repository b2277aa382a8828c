/**
 * The sections every human-readable report shares (Markdown, HTML, PDF), computed once from an AuditReport so
 * the renderers only format. Nothing here scores or judges: it sorts, groups and looks things up.
 */
import type { AuditDocument, AuditReport, DataCategory, Evidence, Finding, FindingKind, GraphSystem, Severity } from '@custody/domain';
import { compareByImpact, counted, wordList, isScored, PRACTICE_ID, SEVERITIES, subjectSystems } from '@custody/domain';
import { exposureBand, type ExposureBand } from '@custody/graph';
import { firstFixes, groupByRuleAndVendor, remediationPlan, type FindingGroup, type VendorPlan } from './consultant-plan.js';
import { lawEnforcementRows, type LawEnforcementRow } from './law-enforcement.js';
import { plainSentence } from './plain-language.js';

export { isHeadingOnly, type LawEnforcementRow } from './law-enforcement.js';

export interface EvidenceEntry {
  /** 1-based number shown as `E<n>`. */
  n: number;
  evidence: Evidence;
  /** `file:line`, `file p.3`, `file @120–200`, or `—`. */
  location: string;
}

export interface FindingView {
  finding: Finding;
  subjectLabel: string;
  evidenceRefs: number[];
}

export interface FleetSummary {
  vendors: { vendor: string; installs: number; sites: { site: string; installs: number }[] }[];
  /** Setting → value → number of installs. */
  settings: { key: string; values: { value: string; installs: number }[] }[];
  /** `title`: a finding's own title for the kind, so the summary never shows the raw kind. */
  kinds: { kind: FindingKind; title: string; findings: number; installs: number }[];
  installs: number;
}

/** A vendor assessed from its contract alone (GraphSystem.assessed), with what it is assumed to receive. */
export interface AssessedVendor {
  name: string;
  data: DataCategory[];
  /** A template whose party's name is blank (GraphSystem.template): reviewed as written, rating no vendor. */
  template?: true;
}

export interface ReportModel {
  report: AuditReport;
  title: string;
  /**
   * The vendors assessed from their contracts when the input gave no systems (empty otherwise): the report is then
   * about their terms, not a running stack, and says so in its title and scope.
   */
  assessed: AssessedVendor[];
  /**
   * Every assessed vendor is a template whose party's name is blank (AuditReport.template): no vendor was assessed,
   * so the reports show no score (a 0 would read as a clean bill) and say the clauses are read as written.
   */
  template: boolean;
  /**
   * The assessed vendors that are named (not templates): the report's subject. A template beside them is reviewed
   * as a template (its findings listed, not scored); with templates alone, the templates (`assessed`).
   */
  named: AssessedVendor[];
  band: ExposureBand;
  /** Findings not triaged away, by severity (all severities present, possibly 0). */
  counts: Record<Severity, number>;
  /** The worst open finding of each kind (a fleet's 400 identical installs are one risk), with how many more share its kind. */
  topRisks: { view: FindingView; sentence: string; alike: number }[];
  bySeverity: { severity: Severity; findings: FindingView[] }[];
  lawEnforcement: LawEnforcementRow[];
  fleet?: FleetSummary;
  documents: AuditDocument[];
  evidence: EvidenceEntry[];
  systemName: (id: string) => string;
  subjectLabel: (subject: string) => string;
  /** Findings by rule and the vendor they land on, instances counted. */
  groups: FindingGroup[];
  /** The five fixes that take the most points off. */
  fixes: FindingGroup[];
  plan: VendorPlan[];
  /** The flows as a reader looks them up: fleet installs stand as "<vendor> installs", identical flows counted once. */
  flowTable: FlowRow[];
}

export interface FlowRow { from: string; to: string; data: DataCategory[]; transport: string; legalBasis: string; count: number }

/** Settings that identify an install rather than configure it: not a "distribution". */
const IDENTITY_SETTINGS = new Set(['install_id', 'clinician', 'id', 'name', 'hostname', 'user']);
/** Settings the fleet table already shows as its vendor and sites columns: a second listing repeats them. */
const GROUPING_SETTINGS = new Set(['site', 'vendor']);
const TOP_RISKS = 5;

/** True when a finding still counts: not a false positive, not mitigated, and not a template's review (Finding.template). */
export function isOpen(f: Finding): boolean {
  return isScored(f);
}

export function evidenceLocation(e: Evidence): string {
  const file = e.file ?? (e.documentId ? `document ${e.documentId.slice(0, 12)}` : '');
  const where = e.line !== undefined ? `:${e.line}` : e.page !== undefined ? ` p.${e.page}` : e.start !== undefined ? ` @${e.start}–${e.end ?? e.start}` : '';
  return file || where ? `${file}${where}` : '—';
}

function evidenceKey(e: Evidence): string {
  return JSON.stringify([e.file ?? e.documentId ?? '', e.line ?? null, e.start ?? null, e.end ?? null, e.quote]);
}

/** Build the shared report sections. */
export function buildReportModel(report: AuditReport): ReportModel {
  const names = new Map(report.systems.map((s) => [s.id, s.name]));
  const systemName = (id: string) => names.get(id) ?? (id === PRACTICE_ID ? report.practice.name : id);
  const subjectLabel = (subject: string) => {
    const [type, rest = ''] = subject.split(/:(.*)/s);
    if (type === 'system') return systemName(rest);
    if (type === 'flow' || type === 'path') return subjectSystems(subject).map(systemName).join(' → ');
    return subject;
  };

  const evidence: EvidenceEntry[] = [];
  const evidenceIndex = new Map<string, number>();
  const refer = (e: Evidence): number => {
    const key = evidenceKey(e);
    let n = evidenceIndex.get(key);
    if (n === undefined) {
      n = evidence.length + 1;
      evidenceIndex.set(key, n);
      evidence.push({ n, evidence: e, location: evidenceLocation(e) });
    }
    return n;
  };

  // The party a finding lands on: for a path, its last hop; otherwise the first system it is charged to.
  const partyOf = (f: Finding) => f.subject.startsWith('path:') ? systemName(f.subject.split('>').at(-1)!)
    : f.systems.length > 0 ? systemName(f.systems[0]) : subjectLabel(f.subject);

  // Severity first, then the points a finding adds, then id: the order the dashboard and the API's pages list too.
  const sorted = [...report.findings].sort(compareByImpact);
  const views = sorted.map((finding): FindingView => ({ finding, subjectLabel: subjectLabel(finding.subject), evidenceRefs: finding.evidence.map(refer) }));
  const open = views.filter((v) => isOpen(v.finding));

  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const v of open) counts[v.finding.severity] += 1;

  const bySeverity = [...SEVERITIES].reverse().map((severity) => ({ severity, findings: views.filter((v) => v.finding.severity === severity) }))
    .filter((g) => g.findings.length > 0);
  const ofKind = new Map<string, FindingView[]>();
  for (const v of open) if (v.finding.severity !== 'info') ofKind.set(v.finding.kind, [...(ofKind.get(v.finding.kind) ?? []), v]);
  const topRisks = [...ofKind.values()].slice(0, TOP_RISKS)
    .map(([view, ...rest]) => ({ view, alike: rest.length, sentence: plainSentence(view.finding.kind, view.subjectLabel, partyOf(view.finding)) }));

  // A fleet install counts under its vendor, so 400 laptops are one line of the plan.
  const byId = new Map(report.systems.map((sys) => [sys.id, sys]));
  const vendorOf = (f: Finding) => {
    const id = f.subject.startsWith('path:') ? f.subject.split('>').at(-1)! : f.systems[0] ?? f.subject.replace(/^\w+:/, '');
    return byId.get(id)?.group?.vendor ?? systemName(id);
  };
  const groups = groupByRuleAndVendor(report, vendorOf);

  const lawEnforcement = lawEnforcementRows(report, refer);
  // Contract facts are evidence too: number them after the findings' evidence.
  for (const d of report.documents) for (const fact of Object.values(d.facts ?? {})) for (const e of fact.evidence) refer({ file: d.file, ...e });

  const assessed = assessedVendors(report);
  const named = assessed.filter((v) => !v.template);
  return {
    report,
    title: named.length ? `Vendor assessment — ${wordList(named.map((v) => v.name))}`
      : assessed.length ? `Template review — ${wordList(assessed.map((v) => v.name))}` : `PHI custody audit — ${report.practice.name}`,
    assessed,
    named,
    template: report.template === true,
    band: exposureBand(report.score.total),
    counts, topRisks, bySeverity, lawEnforcement,
    fleet: fleetSummary(report),
    documents: report.documents,
    evidence,
    systemName,
    subjectLabel,
    groups,
    fixes: firstFixes(groups),
    plan: remediationPlan(groups),
    flowTable: flowTable(report, systemName),
  };
}

/** The assessed vendors, by name, each with the categories its assumed inflows carry (their own order: most sensitive first). */
function assessedVendors(report: AuditReport): AssessedVendor[] {
  const vendors = report.systems.filter((s) => s.assessed);
  if (!vendors.length) return [];
  return vendors.map((s): AssessedVendor => ({
    name: s.name,
    data: [...new Set(report.flows.filter((f) => f.assessed && f.to === s.id).flatMap((f) => f.data))],
    ...(s.template ? { template: true as const } : {}),
  })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * One row per distinct flow as a reader sees it: 10,000 laptops sending the same data the same way are one
 * row with its count — not 30,000 rows that no one reads and that a PDF renderer cannot print. By sender,
 * then recipient: a reader looks a flow up by where it starts.
 */
function flowTable(report: AuditReport, systemName: (id: string) => string): FlowRow[] {
  const fleetName = new Map(report.systems.filter((s) => s.group).map((s) => [s.id, `${s.group!.vendor ?? s.name} installs`]));
  const name = (id: string) => fleetName.get(id) ?? systemName(id);
  const rows = new Map<string, FlowRow>();
  for (const f of report.flows) {
    const row = { from: name(f.from), to: name(f.to), data: [...f.data], transport: f.transport, legalBasis: f.legalBasis, count: 1 };
    const key = JSON.stringify([row.from, row.to, row.data, row.transport, row.legalBasis]);
    const seen = rows.get(key);
    if (seen) seen.count += 1;
    else rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

function fleetSummary(report: AuditReport): FleetSummary | undefined {
  const grouped = report.systems.filter((s) => s.group);
  if (grouped.length === 0) return undefined;
  const vendors = new Map<string, Map<string, number>>();
  const settings = new Map<string, Map<string, number>>();
  for (const s of grouped) {
    const vendor = s.group?.vendor ?? s.name;
    const sites = vendors.get(vendor) ?? new Map<string, number>();
    const site = s.group?.site ?? '(no site)';
    sites.set(site, (sites.get(site) ?? 0) + 1);
    vendors.set(vendor, sites);
    for (const [key, raw] of Object.entries(s.settings)) {
      if (IDENTITY_SETTINGS.has(key) || GROUPING_SETTINGS.has(key)) continue;
      const value = Array.isArray(raw) ? raw.join(', ') : String(raw);
      const values = settings.get(key) ?? new Map<string, number>();
      values.set(value, (values.get(value) ?? 0) + 1);
      settings.set(key, values);
    }
  }
  const ids = new Set(grouped.map((s) => s.id));
  const kinds = new Map<FindingKind, { title: string; findings: number; installs: Set<string> }>();
  for (const f of report.findings) {
    const hit = [...f.systems, f.subject.replace(/^system:/, '')].filter((id) => ids.has(id));
    if (hit.length === 0 || !isOpen(f)) continue;
    const k = kinds.get(f.kind) ?? { title: f.title, findings: 0, installs: new Set<string>() };
    k.findings += 1;
    for (const id of hit) k.installs.add(id);
    kinds.set(f.kind, k);
  }
  const byCount = <T extends { installs: number }>(a: T & { key: string }, b: T & { key: string }) => b.installs - a.installs || a.key.localeCompare(b.key);
  return {
    installs: grouped.length,
    vendors: [...vendors].map(([vendor, sites]) => ({
      vendor, installs: [...sites.values()].reduce((a, b) => a + b, 0),
      sites: [...sites].map(([site, installs]) => ({ key: site, site, installs })).sort(byCount).map(({ site, installs }) => ({ site, installs })),
    })).sort((a, b) => b.installs - a.installs || a.vendor.localeCompare(b.vendor)),
    settings: [...settings].sort(([a], [b]) => a.localeCompare(b)).map(([key, values]) => ({
      key, values: [...values].map(([value, installs]) => ({ key: value, value, installs })).sort(byCount).map(({ value, installs }) => ({ value, installs })),
    })),
    kinds: [...kinds].map(([kind, k]) => ({ kind, title: k.title, findings: k.findings, installs: k.installs.size })).sort((a, b) => b.installs - a.installs || a.kind.localeCompare(b.kind)),
  };
}
