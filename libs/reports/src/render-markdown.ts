import type { AuditReport } from '@custody/domain';
import { safeUrl } from './escape.js';
import { categoryLabel, POSTURE_TEXT, roleLabel, SEVERITY_LABEL } from './plain-language.js';
import { buildReportModel, evidenceLocation, isOpen, type ReportModel } from './report-model.js';

/** Options for {@link renderMarkdown}. */
export interface MarkdownRenderOptions {
  /** Leave out the evidence appendix (e.g. for a chat message). */
  omitAppendix?: boolean;
}

/**
 * Escape text for Markdown: backslash the punctuation that would start markup (CommonMark lets any ASCII
 * punctuation be escaped) so a vendor called `<script>` or `*Acme*` prints literally; flatten line breaks.
 */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`).replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Inline code: literal inside (escapes would show), so only the fence must outrun any backticks in it. */
export function code(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length)) + 1);
  return flat.includes('`') ? `${fence} ${flat} ${fence}` : `${fence}${flat}${fence}`;
}

const cell = (text: string) => md(text) || ' ';
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map((c) => c || ' ').join(' | ')} |`)].join('\n');
const quote = (text: string) => `> ${md(text)}`;

function summary(m: ReportModel): string[] {
  const r = m.report;
  const out = ['## Executive summary', '',
    `**Exposure score: ${r.score.total}/100 (${m.band})** under the ${code(r.lens)} lens — ${r.systems.length} systems, ${r.flows.length} flows, ${r.findings.filter(isOpen).length} open findings.`, '',
    table(['Severity', 'Open findings'], (['critical', 'high', 'medium', 'low', 'info'] as const).map((s) => [SEVERITY_LABEL[s], String(m.counts[s])])), ''];
  if (m.topRisks.length > 0) {
    out.push('### Top risks, in plain words', '');
    m.topRisks.forEach((t, i) => out.push(`${i + 1}. **${SEVERITY_LABEL[t.view.finding.severity]}** — ${md(t.sentence)}${t.alike ? ` (and ${t.alike} more like it)` : ''} _Fix:_ ${md(t.view.finding.remediation)}`));
    out.push('');
  }
  return out;
}

function flows(m: ReportModel): string[] {
  const rows = m.report.flows.map((f) => [cell(m.systemName(f.from)), cell(m.systemName(f.to)), cell(f.data.map(categoryLabel).join(', ')), `${code(f.transport)}`, `${code(f.legalBasis)}`]);
  return ['## Where client information goes', '', table(['From', 'To', 'Data', 'Transport', 'Legal basis'], rows), ''];
}

function findings(m: ReportModel): string[] {
  const out = ['## Findings by severity', ''];
  if (m.bySeverity.length === 0) out.push('No findings.', '');
  for (const group of m.bySeverity) {
    out.push(`### ${SEVERITY_LABEL[group.severity]} (${group.findings.length})`, '');
    for (const { finding: f, subjectLabel, evidenceRefs } of group.findings) {
      const triage = f.triage && f.triage.status !== 'open' ? ` _(triaged: ${md(f.triage.status)}${f.triage.reason ? ` — ${md(f.triage.reason)}` : ''})_` : '';
      out.push(`#### ${md(f.title)}${triage}`, '',
        `- **Subject:** ${md(subjectLabel)} (${code(f.subject)})`,
        `- **Finding id:** ${code(f.id)} · rule ${code(f.ruleId)} · kind ${code(f.kind)} · +${f.contribution} points`,
        `- **Data:** ${f.categories.map(categoryLabel).join(', ') || '—'}`,
        `- **Citations:** ${f.citations.map((c) => (safeUrl(c.url) ? `[${md(c.ref)}](${safeUrl(c.url)})` : md(c.ref)) + (c.title ? ` (${md(c.title)})` : '')).join('; ') || '—'}`,
        `- **Remediation:** ${md(f.remediation)}`);
      if (f.detail && f.detail !== f.title) out.push(`- **Detail:** ${md(f.detail)}`);
      out.push('');
      f.evidence.forEach((e, i) => out.push(quote(e.quote), `> — ${md(evidenceLocation(e))} [E${evidenceRefs[i]}]`, ''));
    }
  }
  return out;
}

function lawEnforcement(m: ReportModel): string[] {
  const out = ['## Law-enforcement view', '',
    'Who holds your clients\' records, and who decides whether to release them when an agency asks. Under HIPAA (45 CFR 164.512(f)) an administrative request — such as one from ICE — permits disclosure but never requires it; your practice should control release.', ''];
  const rows = m.lawEnforcement.map((r) => {
    const p = r.isPractice
      ? { posture: 'Your own records', controls: 'You: ask for a judicial warrant or court order and consult counsel before releasing anything' }
      : POSTURE_TEXT[r.posture];
    const q = r.quote ? `“${md(r.quote.quote)}”` : '—';
    return [cell(r.system.name), roleLabel(r.system.role), cell(r.sensitive.map(categoryLabel).join(', ') || 'none'), `${code(r.isPractice ? 'n/a' : r.posture)} ${md(p.posture)}`, q, md(p.controls)];
  });
  out.push(table(['Holder', 'Role', 'Sensitive data held', 'Disclosure posture', 'Contract quote', 'Who controls release'], rows), '');
  return out;
}

function fleet(m: ReportModel): string[] {
  if (!m.fleet) return [];
  const f = m.fleet;
  const out = ['## Fleet summary', '', `${f.installs} installs across ${f.vendors.length} vendor(s).`, '',
    table(['Vendor', 'Installs', 'Sites'], f.vendors.map((v) => [cell(v.vendor), String(v.installs), cell(v.sites.map((s) => `${s.site} (${s.installs})`).join(', '))])), '',
    '### Settings across installs', '',
    table(['Setting', 'Values (installs)'], f.settings.map((s) => [cell(s.key), cell(s.values.map((v) => `${v.value}: ${v.installs}`).join(', '))])), ''];
  if (f.kinds.length > 0) out.push('### Findings per kind', '', table(['Kind', 'Findings', 'Installs affected'], f.kinds.map((k) => [`${code(k.kind)}`, String(k.findings), String(k.installs)])), '');
  return out;
}

function documents(m: ReportModel): string[] {
  const rows = m.documents.map((d) => [cell(d.file), d.type, `**${d.status}**`, cell(d.system ? m.systemName(d.system) : '—'), cell(d.reason ?? '')]);
  const out = ['## Documents', '', table(['File', 'Type', 'Status', 'System', 'Reason'], rows), ''];
  if (m.report.ruleErrors.length > 0) {
    out.push('### Rules that failed to run', '', ...m.report.ruleErrors.map((e) => `- ${code(e.ruleId)}: ${md(e.message)}`), '');
  }
  return out;
}

function appendix(m: ReportModel): string[] {
  const out = ['## Evidence appendix', ''];
  for (const e of m.evidence) out.push(`**E${e.n}** — ${md(e.location)}`, '', quote(e.evidence.quote), '');
  return out;
}

/** The consultant report as Markdown: summary, flows, findings, law-enforcement view, fleet, documents, evidence. */
export function renderMarkdown(report: AuditReport, opts: MarkdownRenderOptions = {}): string {
  const m = buildReportModel(report);
  const r = m.report;
  const head = [`# ${md(m.title)}`, '',
    `Workspace **${md(r.workspace.name)}** · jurisdiction ${md(r.practice.jurisdiction ?? 'unstated')} · lens ${code(r.lens)} · generated ${r.generatedAt}`, ''];
  const sections = [head, summary(m), flows(m), findings(m), lawEnforcement(m), fleet(m), documents(m), opts.omitAppendix ? [] : appendix(m)];
  return `${sections.flat().join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
