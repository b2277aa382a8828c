import type { AuditReport, Severity } from '@custody/domain';
import { escapeHtml as esc, safeUrl } from './escape.js';
import { graphLegendHtml, renderGraphSvg } from './graph-svg.js';
import { REPORT_CSS } from './html-style.js';
import { categoryLabel, POSTURE_TEXT, roleLabel, SEVERITY_LABEL } from './plain-language.js';
import { buildReportModel, isOpen, type FindingView, type ReportModel } from './report-model.js';

/** Options for {@link renderHtml}. */
export interface HtmlRenderOptions {
  /** Leave out the evidence appendix. */
  omitAppendix?: boolean;
}

const SEVERITIES_DESC: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const table = (head: string[], rows: string[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
const pill = (s: Severity) => `<span class="pill sev-${s}">${SEVERITY_LABEL[s]}</span>`;
const cats = (cs: readonly Parameters<typeof categoryLabel>[0][]) => esc(cs.map(categoryLabel).join(', ') || '—');

function cover(m: ReportModel): string {
  const r = m.report;
  return `<header class="cover"><div><h1>${esc(r.practice.name)}</h1><div class="meta">PHI custody audit · ${esc(r.workspace.name)}<br>` +
    `Jurisdiction ${esc(r.practice.jurisdiction ?? 'unstated')} · lens <code>${esc(r.lens)}</code> · generated ${esc(r.generatedAt)}</div></div>` +
    `<div class="score band-${m.band}"><div class="value">${esc(r.score.total)}</div><div>/ 100</div><div class="band">${esc(m.band)} exposure</div></div></header>`;
}

function summary(m: ReportModel): string {
  const r = m.report;
  const counts = SEVERITIES_DESC.map((s) => `<div class="count sev-${s}"><b>${m.counts[s]}</b>${SEVERITY_LABEL[s]}</div>`).join('');
  const top = m.topRisks.map((t) => `<li>${pill(t.view.finding.severity)} ${esc(t.sentence)}${t.alike ? ` <b>(and ${t.alike} more like it)</b>` : ''} <span class="muted">Fix: ${esc(t.view.finding.remediation)}</span></li>`).join('');
  return `<section id="summary"><h2>Executive summary</h2><p>Exposure score <b>${esc(r.score.total)}/100</b> (${esc(m.band)}) under the <code>${esc(r.lens)}</code> lens: ` +
    `${r.systems.length} systems, ${r.flows.length} flows, ${r.findings.filter(isOpen).length} open findings.</p><div class="counts">${counts}</div>` +
    (top ? `<h3>Top risks, in plain words</h3><ol class="top-risks">${top}</ol>` : '') + `</section>`;
}

function graph(m: ReportModel): string {
  const rows = m.report.flows.map((f) => [esc(m.systemName(f.from)), esc(m.systemName(f.to)), cats(f.data), `<code>${esc(f.transport)}</code>`, `<code>${esc(f.legalBasis)}</code>`]);
  return `<section id="graph" class="major"><h2>Where client information goes</h2><div class="graph">${renderGraphSvg(m.report)}</div>${graphLegendHtml()}` +
    table(['From', 'To', 'Data', 'Transport', 'Legal basis'], rows) + `</section>`;
}

function findingCard({ finding: f, subjectLabel, evidenceRefs }: FindingView): string {
  const triaged = f.triage && f.triage.status !== 'open';
  const cites = f.citations.map((c) => {
    const url = safeUrl(c.url);
    const ref = url ? `<a href="${esc(url)}">${esc(c.ref)}</a>` : esc(c.ref);
    return c.title ? `${ref} (${esc(c.title)})` : ref;
  }).join('; ');
  const quotes = f.evidence.map((e, i) => `<blockquote>${esc(e.quote)}<cite>${esc(e.file ?? '')}${e.line !== undefined ? `:${e.line}` : ''} · E${evidenceRefs[i]}</cite></blockquote>`).join('');
  return `<article class="finding ${f.severity}${triaged ? ' triaged' : ''}" id="${esc(f.id)}"><h4>${pill(f.severity)} ${esc(f.title)}</h4><dl>` +
    `<dt>Subject</dt><dd>${esc(subjectLabel)} <code>${esc(f.subject)}</code></dd>` +
    (f.detail && f.detail !== f.title ? `<dt>Detail</dt><dd>${esc(f.detail)}</dd>` : '') +
    `<dt>Data</dt><dd>${cats(f.categories)}</dd><dt>Citations</dt><dd>${cites || '—'}</dd>` +
    `<dt>Remediation</dt><dd>${esc(f.remediation)}</dd><dt>Finding</dt><dd><code>${esc(f.id)}</code> · +${esc(f.contribution)} points</dd>` +
    (triaged ? `<dt>Triage</dt><dd>${esc(f.triage!.status)}${f.triage!.reason ? ` — ${esc(f.triage!.reason)}` : ''}</dd>` : '') +
    `</dl>${quotes}</article>`;
}

function findings(m: ReportModel): string {
  const groups = m.bySeverity.map((g) => `<h3>${SEVERITY_LABEL[g.severity]} (${g.findings.length})</h3>${g.findings.map(findingCard).join('')}`).join('');
  return `<section id="findings" class="major"><h2>Findings by severity</h2>${groups || '<p>No findings.</p>'}</section>`;
}

function lawEnforcement(m: ReportModel): string {
  const rows = m.lawEnforcement.map((r) => {
    const p = r.isPractice
      ? { posture: 'Your own records', controls: 'You: ask for a judicial warrant or court order and consult counsel before releasing anything' }
      : POSTURE_TEXT[r.posture];
    const quote = r.quote ? `<blockquote>${esc(r.quote.quote)}<cite>${esc(r.quote.file ?? '')}</cite></blockquote>` : '<span class="muted">—</span>';
    return [`<b>${esc(r.system.name)}</b>`, esc(roleLabel(r.system.role)), cats(r.sensitive), `<code>${esc(r.isPractice ? 'n/a' : r.posture)}</code><br>${esc(p.posture)}`, quote, esc(p.controls)];
  });
  return `<section id="law-enforcement" class="major"><h2>Law-enforcement view</h2><p>Who holds your clients' records, and who decides whether to release them when an agency asks. ` +
    `Under HIPAA (45 CFR 164.512(f)) an administrative request, such as one from ICE, permits disclosure but never requires it: your practice should control release.</p>` +
    table(['Holder', 'Role', 'Sensitive data held', 'Disclosure posture', 'Contract quote', 'Who controls release'], rows) + `</section>`;
}

function fleet(m: ReportModel): string {
  if (!m.fleet) return '';
  const f = m.fleet;
  return `<section id="fleet" class="major"><h2>Fleet summary</h2><p>${f.installs} installs across ${f.vendors.length} vendor(s).</p>` +
    table(['Vendor', 'Installs', 'Sites'], f.vendors.map((v) => [esc(v.vendor), String(v.installs), esc(v.sites.map((s) => `${s.site} (${s.installs})`).join(', '))])) +
    `<h3>Settings across installs</h3>` + table(['Setting', 'Values (installs)'], f.settings.map((s) => [`<code>${esc(s.key)}</code>`, esc(s.values.map((v) => `${v.value}: ${v.installs}`).join(', '))])) +
    (f.kinds.length ? `<h3>Findings per kind</h3>` + table(['Kind', 'Findings', 'Installs affected'], f.kinds.map((k) => [`<code>${esc(k.kind)}</code>`, String(k.findings), String(k.installs)])) : '') +
    `</section>`;
}

function documents(m: ReportModel): string {
  const rows = m.documents.map((d) => [esc(d.file), esc(d.type), `<span class="status-${esc(d.status)}">${esc(d.status)}</span>`, esc(d.system ? m.systemName(d.system) : '—'), esc(d.reason ?? '')]);
  const errors = m.report.ruleErrors.length
    ? `<h3>Rules that failed to run</h3><ul>${m.report.ruleErrors.map((e) => `<li><code>${esc(e.ruleId)}</code>: ${esc(e.message)}</li>`).join('')}</ul>` : '';
  return `<section id="documents" class="major"><h2>Documents</h2>${table(['File', 'Type', 'Status', 'System', 'Reason'], rows)}${errors}</section>`;
}

function appendix(m: ReportModel): string {
  const items = m.evidence.map((e) => `<div id="E${e.n}"><b>E${e.n}</b> <span class="muted">${esc(e.location)}</span><blockquote>${esc(e.evidence.quote)}</blockquote></div>`).join('');
  return `<section id="evidence" class="major"><h2>Evidence appendix</h2>${items || '<p>No evidence.</p>'}</section>`;
}

/**
 * The consultant report as one self-contained HTML file: inline CSS and SVG, no scripts, no external
 * requests. Every user-provided string is escaped.
 */
export function renderHtml(report: AuditReport, opts: HtmlRenderOptions = {}): string {
  const m = buildReportModel(report);
  const body = [cover(m), summary(m), graph(m), findings(m), lawEnforcement(m), fleet(m), documents(m), opts.omitAppendix ? '' : appendix(m)].join('\n');
  // The CSP forbids every fetch and script, so even a missed escape could not load or run anything.
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(m.title)}</title><style>${REPORT_CSS}</style></head>` +
    `<body><main>\n${body}\n</main></body></html>\n`;
}
