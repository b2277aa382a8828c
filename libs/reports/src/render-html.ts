import { routeLabel, type LawEnforcementRow } from './law-enforcement.js';
import type { AuditReport, Severity } from '@custody/domain';
import { escapeHtml as esc } from './escape.js';
import { graphLegendHtml, renderGraphSvg } from './graph-svg.js';
import { REPORT_CSS } from './html-style.js';
import { categoryLabel, legalBasisText, POSTURE_TEXT, settingLabel, settingValuesText, SEVERITY_LABEL } from './plain-language.js';
import { contractsSection, coverPage, fixesTable, groupsSection, NOT_LEGAL_ADVICE, pill, planSection, scoreExplained, table } from './consultant-sections.js';
import { buildReportModel, type ReportModel } from './report-model.js';
import { APPENDIX_METHOD, documentSystem, fleetScopeText, LE_INTRO, LE_LEAD, PRACTICE_POSTURE, roleText } from './report-text.js';

/** Options for {@link renderHtml}. */
export interface HtmlRenderOptions {
  /** Leave out the evidence appendix. */
  omitAppendix?: boolean;
}

const SEVERITIES_DESC: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const cats = (cs: readonly Parameters<typeof categoryLabel>[0][]) => esc(cs.map(categoryLabel).join(', ') || '—');

function summary(m: ReportModel): string {
  const counts = SEVERITIES_DESC.map((s) => `<div class="count sev-${s}"><b>${m.counts[s]}</b>${SEVERITY_LABEL[s]}</div>`).join('');
  const top = m.topRisks.map((t) => `<li>${pill(t.view.finding.severity)} ${esc(t.sentence)}${t.alike ? ` <b>(and ${t.alike} more like it)</b>` : ''}</li>`).join('');
  return `<section id="summary" class="major"><h2>Executive summary</h2>${scoreExplained(m)}<div class="counts">${counts}</div>${fixesTable(m)}` +
    (top ? `<h3>What is at stake, in plain words</h3><ol class="top-risks">${top}</ol>` : '') + `</section>`;
}

function graph(m: ReportModel): string {
  return `<section id="graph" class="major graph-page"><h2>Where client information goes</h2><div class="graph">${renderGraphSvg(m.report)}</div>${graphLegendHtml(m.report)}` +
    `<p class="muted">Every flow with its data, transport and legal basis is listed in the appendix.</p></section>`;
}

function lawEnforcement(m: ReportModel): string {
  // Holders with no contract on file all read the same ("the holder decides"): one line, not a row each.
  const uncontracted = m.lawEnforcement.filter((r) => !r.isPractice && r.posture === 'no_contract' && !r.routes);
  const rows = m.lawEnforcement.filter((r) => !uncontracted.includes(r)).map((r) => {
    const p = r.isPractice ? PRACTICE_POSTURE : POSTURE_TEXT[r.posture];
    // The model never offers a bare clause heading as the quote: it proves nothing to a reader.
    const quoteOf = (x: Pick<LawEnforcementRow, 'quote' | 'headingOnlyIn'>) => x.quote ? `<blockquote>${esc(x.quote.quote)}<cite>${esc(x.quote.file ?? '')}</cite></blockquote>`
      : x.headingOnlyIn ? `<span class="muted">Only the clause heading was found in ${esc(x.headingOnlyIn)}</span>` : '<span class="muted">—</span>';
    const head = `<b>${esc(r.system.name)}</b><br><span class="muted">${esc(roleText(r.system))}</span>`;
    // Bound through a flow-down for one sender's data only: each part of its data with the terms that govern it.
    if (r.routes) {
      return [head, cats(r.sensitive), r.routes.map((x) => `<b>${esc(routeLabel(x))}</b>: ${esc(POSTURE_TEXT[x.posture].posture)}`).join('<br>') + `<br><span class="muted">${esc(p.controls)}</span>`,
        r.routes.map((x) => `<b>${esc(routeLabel(x))}</b>: ${quoteOf(x)}`).join('')];
    }
    return [head, cats(r.sensitive), `${esc(p.posture)}<br><span class="muted">${esc(p.controls)}</span>`, quoteOf(r)];
  });
  return `<section id="law-enforcement" class="major"><h2>Law-enforcement view</h2><p><b>${esc(LE_LEAD)}</b> ${esc(LE_INTRO)}</p>` +
    table(['Holder', 'Sensitive data held', 'Releases records, and who decides', 'Contract quote'], rows, 'le') +
    (uncontracted.length ? `<p id="no-contract"><b>${esc(POSTURE_TEXT.no_contract.posture)}</b>, so the holder decides under its own policy: ` +
      `${uncontracted.map((r) => `${esc(r.system.name)}${r.sensitive.length ? ` (${cats(r.sensitive)})` : ''}`).join('; ')}.</p>` : '') + `</section>`;
}

function fleet(m: ReportModel): string {
  if (!m.fleet) return '';
  const f = m.fleet;
  return `<section id="fleet" class="major"><h2>Fleet summary</h2><p>${esc(fleetScopeText(f))}</p>` +
    table(['Vendor', 'Installs', 'Sites'], f.vendors.map((v) => [esc(v.vendor), String(v.installs), esc(v.sites.map((s) => `${s.site} (${s.installs})`).join(', '))])) +
    `<h3>Settings across installs</h3>` + table(['Setting', 'Values (installs)'], f.settings.map((s) => [esc(settingLabel(s.key)), esc(settingValuesText(s.values, s.key))]), 'fleet') +
    (f.kinds.length ? `<h3>Findings across installs</h3>` + table(['Finding', 'Findings', 'Installs affected'], f.kinds.map((k) => [esc(k.title), String(k.findings), String(k.installs)]), 'fleet') : '') +
    `</section>`;
}

function appendix(m: ReportModel): string {
  const docs = m.documents.map((d) => [esc(d.file), esc(d.type.replace(/_/g, ' ')), `<span class="status-${esc(d.status)}">${esc(d.status)}</span>`, esc(documentSystem(m, d)), esc(d.reason ?? '')]);
  const flows = flowRows(m);
  const errors = m.report.ruleErrors.length
    ? `<h3>Rules that failed to run</h3><ul>${m.report.ruleErrors.map((e) => `<li><code>${esc(e.ruleId)}</code>: ${esc(e.message)}</li>`).join('')}</ul>` : '';
  return `<section id="appendix" class="major"><h2>Appendix: method, documents and flows</h2>` +
    `<h3>Method</h3><p>${esc(APPENDIX_METHOD)}</p>` +
    `<h3>Documents</h3>${table(['File', 'Type', 'Status', 'System', 'Reason'], docs)}${errors}` +
    `<h3>Flows</h3>${table(['From', 'To', 'Data', 'Transport', 'Legal basis', 'Flows'], flows)}<p class="notice">${esc(NOT_LEGAL_ADVICE)}</p></section>`;
}

function flowRows(m: ReportModel): string[][] {
  return m.flowTable.map((f) => [esc(f.from), esc(f.to), cats(f.data), esc(f.transport.replace(/_/g, ' ')), esc(legalBasisText(f.legalBasis)), String(f.count)]);
}


/**
 * The consultant report as one self-contained HTML file: inline CSS and SVG, no scripts, no external
 * requests. Every user-provided string is escaped.
 */
export function renderHtml(report: AuditReport, opts: HtmlRenderOptions = {}): string {
  const m = buildReportModel(report);
  const body = [coverPage(m), summary(m), lawEnforcement(m), planSection(m), graph(m), groupsSection(m), contractsSection(m), fleet(m),
    opts.omitAppendix ? '' : appendix(m)].join('\n');
  // The CSP forbids every fetch and script, so even a missed escape could not load or run anything.
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(m.title)}</title><style>${REPORT_CSS}</style></head>` +
    `<body><main>\n${body}\n</main></body></html>\n`;
}
