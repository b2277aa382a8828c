/**
 * SARIF 2.1.0 output for CI (`custody audit --format sarif`) that GitHub code scanning accepts: every result
 * sits at a line of the config or contract that proves it (relative to SRCROOT), is tracked across runs by
 * its stable id, and, given the previous run's log, says whether it is new.
 */
import type { AuditReport, Evidence, Finding, Severity } from '@custody/domain';
import { severityRank } from '@custody/domain';
import { FINDING_FINGERPRINT, type SarifBaseline } from './sarif-baseline.js';
import { SourceText, locateEvidence } from './source-lines.js';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** Options for {@link renderSarif}. */
export interface SarifRenderOptions {
  /** Tool version to record (default `0.1.0`). */
  toolVersion?: string;
  /** Absolute URI of SRCROOT (e.g. `file:///repo/`), recorded in `originalUriBaseIds`; artifact URIs are relative to it. */
  srcRoot?: string;
  /** An evidence file name (as the report names it) → its path relative to SRCROOT; default: unchanged. */
  artifactPath?: (file: string) => string;
  /** The source text of an evidence file (undefined for binary files), to turn character offsets into lines. */
  sourceText?: (file: string) => string | undefined;
  /** The previous run: results are marked `new`/`unchanged`, and findings that disappeared are listed as `absent`. */
  baseline?: SarifBaseline;
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = 'SRCROOT';
/** GitHub shows at most 100 locations and 10 tags; more are stored nowhere, so they are not emitted. */
const MAX_LOCATIONS = 100;
const MAX_TAGS = 10;

/** critical/high → error, medium → warning, low/info → note. */
export function sarifLevel(severity: Severity): SarifLevel {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'medium') return 'warning';
  return 'note';
}

/** GitHub code scanning reads `security-severity` (0–10) to rank results. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

const ruleName = (ruleId: string) => ruleId.split(/[-_.]/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');

const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');

class Locator {
  private readonly indexes = new Map<string, SourceText | undefined>();

  constructor(private readonly opts: SarifRenderOptions) {}

  private index(file: string): SourceText | undefined {
    if (!this.indexes.has(file)) {
      const text = this.opts.sourceText?.(file);
      this.indexes.set(file, text === undefined ? undefined : new SourceText(text));
    }
    return this.indexes.get(file);
  }

  /** Config evidence keeps its line; contract quotes are found in the source; else the file's first line. */
  region(e: Evidence): Record<string, unknown> {
    const snippet = e.quote ? { snippet: { text: e.quote } } : {};
    if (e.line !== undefined && e.line >= 1) return { startLine: e.line, ...snippet };
    const index = e.file ? this.index(e.file) : undefined;
    const found = index ? locateEvidence(e, index) : undefined;
    if (found) return { ...found, ...snippet };
    // Not findable in the source (a PDF's text layer, or no source given): the file's top, with where the
    // quote is in the extracted text kept for a reader.
    const extracted = e.start !== undefined ? { extractedText: { start: e.start, end: e.end }, ...(e.page ? { page: e.page } : {}) } : {};
    return { startLine: 1, ...snippet, ...(Object.keys(extracted).length ? { properties: extracted } : {}) };
  }

  location(file: string, region: Record<string, unknown>, path?: string) {
    const uri = encodePath(this.opts.artifactPath ? this.opts.artifactPath(file) : file);
    return {
      physicalLocation: { artifactLocation: { uri, uriBaseId: SRCROOT }, region },
      ...(path ? { logicalLocations: [{ fullyQualifiedName: path }] } : {}),
    };
  }
}

function locations(f: Finding, loc: Locator, fallbackFile: string | undefined) {
  const seen = new Set<string>();
  const out = [];
  for (const e of f.evidence) {
    if (!e.file) continue;
    const region = loc.region(e);
    const key = `${e.file}:${String(region.startLine)}:${e.path ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(loc.location(e.file, region, e.path));
  }
  // Code scanning needs a location: a finding drawn from the graph alone points at the manifest that declares it.
  if (out.length === 0 && fallbackFile) out.push(loc.location(fallbackFile, { startLine: 1 }));
  return { shown: out.slice(0, MAX_LOCATIONS), omitted: Math.max(0, out.length - MAX_LOCATIONS) };
}

function result(f: Finding, ruleIndex: number, loc: Locator, fallbackFile: string | undefined, baseline?: SarifBaseline) {
  const { shown, omitted } = locations(f, loc, fallbackFile);
  return {
    ruleId: f.ruleId,
    ruleIndex,
    kind: 'fail',
    level: sarifLevel(f.severity),
    message: { text: `${f.title} (${f.subject}). ${f.detail !== f.title ? `${f.detail} ` : ''}Remediation: ${f.remediation}` },
    ...(shown.length > 0 ? { locations: shown } : {}),
    partialFingerprints: { [FINDING_FINGERPRINT]: f.id },
    ...(baseline ? { baselineState: baseline.ids.has(f.id) ? 'unchanged' : 'new' } : {}),
    ...(f.triage && f.triage.status !== 'open'
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${f.triage.status}${f.triage.reason ? `: ${f.triage.reason}` : ''}${f.triage.by ? ` (${f.triage.by})` : ''}` }] }
      : {}),
    properties: { severity: f.severity, subject: f.subject, categories: f.categories, contribution: f.contribution, systems: f.systems, ...(omitted ? { locationsOmitted: omitted } : {}) },
  };
}

function ruleDescriptor(id: string, fs: Finding[]) {
  const f = fs[0];
  // A rule's default level is its worst result, so filtering by rule level never hides a finding.
  const worst = fs.reduce((m, x) => (severityRank(x.severity) > severityRank(m) ? x.severity : m), f.severity);
  const citations = [...new Set(fs.flatMap((x) => x.citations.map((c) => c.ref)))];
  const helpUri = fs.flatMap((x) => x.citations).find((c) => c.url)?.url;
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: f.title },
    fullDescription: { text: `${f.kind.replace(/_/g, ' ')}: ${citations.join('; ') || 'no citation'}` },
    help: { text: f.remediation, markdown: `**Remediation:** ${f.remediation}\n\n**Citations:** ${citations.join(', ') || '—'}` },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: sarifLevel(worst) },
    properties: { tags: ['security', 'privacy', 'phi', f.kind, ...citations].slice(0, MAX_TAGS), kind: f.kind, 'security-severity': SECURITY_SEVERITY[worst] },
  };
}

/** The report as a SARIF 2.1.0 log: one rule per ruleId, one result per finding (plus absent ones from a baseline). */
export function renderSarif(report: AuditReport, opts: SarifRenderOptions = {}): string {
  const byRule = new Map<string, Finding[]>();
  for (const f of report.findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  const rules: Record<string, unknown>[] = [...byRule.keys()].sort().map((id) => ruleDescriptor(id, byRule.get(id)!));
  const current = new Set(report.findings.map((f) => f.id));
  const absent = opts.baseline ? [...opts.baseline.results].filter(([id]) => !current.has(id)) : [];
  // An absent result whose rule no longer fires still needs its rule in this run.
  for (const [, r] of absent) {
    const ruleId = r.ruleId as string;
    if (!rules.some((x) => x.id === ruleId)) rules.push(opts.baseline!.rules.get(ruleId) ?? { id: ruleId, shortDescription: { text: ruleId } });
  }
  const index = new Map(rules.map((r, i) => [r.id as string, i]));
  const loc = new Locator(opts);
  const fallbackFile = (report.documents.find((d) => d.type === 'manifest') ?? report.documents[0])?.file;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Custody', informationUri: 'https://github.com/custody/custody', version: opts.toolVersion ?? '0.1.0', rules } },
      originalUriBaseIds: { [SRCROOT]: opts.srcRoot
        ? { uri: opts.srcRoot.endsWith('/') ? opts.srcRoot : `${opts.srcRoot}/` }
        : { description: { text: 'The folder `custody audit` was run on' } } },
      automationDetails: { id: `custody/${report.workspace.id}/${report.lens}/` },
      invocations: [{ executionSuccessful: report.ruleErrors.length === 0, endTimeUtc: report.generatedAt,
        toolExecutionNotifications: report.ruleErrors.map((e) => ({ level: 'error', message: { text: e.message }, descriptor: { id: e.ruleId } })) }],
      results: [
        ...report.findings.map((f) => result(f, index.get(f.ruleId)!, loc, fallbackFile, opts.baseline)),
        ...absent.map(([, r]) => ({ ...r, ruleIndex: index.get(r.ruleId as string)!, baselineState: 'absent' })),
      ],
      properties: { workspace: report.workspace, lens: report.lens, score: report.score.total },
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
