/**
 * SARIF 2.1.0 output for CI (`custody audit --format sarif`): code-scanning tools show each finding at the
 * config or contract line that proves it, and track it across runs by its stable id.
 */
import type { AuditReport, Evidence, Finding, Severity } from '@custody/domain';
import { severityRank } from '@custody/domain';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** Options for {@link renderSarif}. */
export interface SarifRenderOptions {
  /** Tool version to record (default `0.1.0`). */
  toolVersion?: string;
  /** Base URI evidence files are relative to (recorded as `originalUriBaseIds.SRCROOT`). */
  srcRoot?: string;
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** critical/high → error, medium → warning, low/info → note. */
export function sarifLevel(severity: Severity): SarifLevel {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'medium') return 'warning';
  return 'note';
}

/** GitHub code scanning reads `security-severity` (0–10) to rank results. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

const ruleName = (ruleId: string) => ruleId.split(/[-_.]/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');

function location(e: Evidence, srcRoot: boolean) {
  if (!e.file) return undefined;
  const region: Record<string, unknown> = {};
  if (e.line !== undefined && e.line >= 1) region.startLine = e.line;
  else if (e.start !== undefined) {
    region.charOffset = e.start;
    if (e.end !== undefined) region.charLength = Math.max(0, e.end - e.start);
  }
  if (e.quote) region.snippet = { text: e.quote };
  const artifactLocation: Record<string, unknown> = { uri: e.file.split('/').map(encodeURIComponent).join('/') };
  if (srcRoot) artifactLocation.uriBaseId = 'SRCROOT';
  const physicalLocation: Record<string, unknown> = { artifactLocation };
  if (Object.keys(region).length > 0) physicalLocation.region = region;
  return { physicalLocation, ...(e.path ? { logicalLocations: [{ fullyQualifiedName: e.path }] } : {}) };
}

function result(f: Finding, ruleIndex: number, srcRoot: boolean) {
  const locations = f.evidence.map((e) => location(e, srcRoot)).filter((l) => l !== undefined);
  return {
    ruleId: f.ruleId,
    ruleIndex,
    kind: 'fail',
    level: sarifLevel(f.severity),
    message: { text: `${f.title} (${f.subject}). ${f.detail !== f.title ? `${f.detail} ` : ''}Remediation: ${f.remediation}` },
    ...(locations.length > 0 ? { locations } : {}),
    partialFingerprints: { 'custodyFindingId/v1': f.id },
    ...(f.triage && f.triage.status !== 'open'
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${f.triage.status}${f.triage.reason ? `: ${f.triage.reason}` : ''}` }] }
      : {}),
    properties: { severity: f.severity, subject: f.subject, categories: f.categories, contribution: f.contribution, systems: f.systems },
  };
}

/** The report as a SARIF 2.1.0 log: one rule per ruleId, one result per finding. */
export function renderSarif(report: AuditReport, opts: SarifRenderOptions = {}): string {
  const byRule = new Map<string, Finding[]>();
  for (const f of report.findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  const ruleIds = [...byRule.keys()].sort();
  const rules = ruleIds.map((id) => {
    const fs = byRule.get(id)!;
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
      properties: { tags: ['security', 'privacy', 'phi', f.kind, ...citations], kind: f.kind, 'security-severity': SECURITY_SEVERITY[worst] },
    };
  });
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const srcRoot = opts.srcRoot !== undefined;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Custody', informationUri: 'https://github.com/custody/custody', version: opts.toolVersion ?? '0.1.0', rules } },
      ...(srcRoot ? { originalUriBaseIds: { SRCROOT: { uri: opts.srcRoot!.endsWith('/') ? opts.srcRoot : `${opts.srcRoot}/` } } } : {}),
      automationDetails: { id: `custody/${report.workspace.id}/${report.lens}/` },
      invocations: [{ executionSuccessful: report.ruleErrors.length === 0, endTimeUtc: report.generatedAt,
        toolExecutionNotifications: report.ruleErrors.map((e) => ({ level: 'error', message: { text: e.message }, descriptor: { id: e.ruleId } })) }],
      results: report.findings.map((f) => result(f, index.get(f.ruleId)!, srcRoot)),
      properties: { workspace: report.workspace, lens: report.lens, score: report.score.total },
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
