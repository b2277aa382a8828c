/**
 * The consultant's sections of the HTML/PDF report: cover, contents, the five fixes, the plan by vendor,
 * grouped findings, the contract facts side by side, and the appendix. Every user string is escaped.
 */
import { FACT_NAMES, type Severity } from '@custody/domain';
import { EFFORT_LABEL, effortOf, type FindingGroup } from './consultant-plan.js';
import { escapeHtml as esc, safeUrl } from './escape.js';
import { categoryLabel, FACT_LABEL, factValueText, SEVERITY_LABEL } from './plain-language.js';
import { isOpen, type ReportModel } from './report-model.js';

export const table = (head: string[], rows: string[][], cls = '') =>
  `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
export const pill = (s: Severity) => `<span class="pill sev-${s}">${SEVERITY_LABEL[s]}</span>`;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);
/** The ask itself: a remediation's first sentence (the rest is in the finding). */
export const firstSentence = (s: string, n = 120) => clip(/^.+?[.;](?=\s|$)/s.exec(s)?.[0] ?? s, n);
const instances = (g: FindingGroup) => (g.instances > 1 ? `${g.instances} instances` : '1 instance');

export const NOT_LEGAL_ADVICE = 'This report describes what the documents and configurations provided say and how the published rules it cites apply to them. It is not legal advice: have counsel review any contract change or disclosure decision.';

export const SECTIONS: [string, string][] = [
  ['summary', 'Executive summary and the five things to fix first'], ['law-enforcement', 'Law-enforcement view: who can release your clients\' records'],
  ['plan', 'Remediation plan by vendor'], ['graph', 'Where client information goes'], ['findings', 'Findings, grouped'],
  ['contracts', 'What each vendor\'s contract says'], ['appendix', 'Appendix: method, documents and flows'],
];

export function coverPage(m: ReportModel): string {
  const r = m.report;
  const kinds = (t: string) => r.documents.filter((d) => d.type === t).length;
  const scope = `${r.systems.length} systems and ${r.flows.length} data flows, from ${r.documents.length} documents ` +
    `(${kinds('contract')} contracts, ${kinds('integration_config') + kinds('fleet_export')} configurations and exports, ${kinds('manifest')} stack manifest)`;
  const rows = [
    ['Client', esc(r.practice.name) + (r.practice.jurisdiction ? ` (${esc(r.practice.jurisdiction)})` : '')],
    ['Scope', esc(scope)],
    ['Date', esc(r.generatedAt.slice(0, 10))],
    ['Client population lens', esc(r.lens.replace(/-/g, ' '))],
    ['Method', 'Every contract was read for the 12 terms that decide where records may go; every configuration for the systems and flows it sets up. ' +
      'Each flow is traced to the clause or configuration line that proves it, and published rules (HIPAA 45 CFR 164, 42 CFR Part 2, state law, HHS and FTC guidance) ' +
      'score each exposure. The score is explained in the summary.'],
  ];
  return `<section id="cover" class="cover-page"><div class="kicker">PHI custody audit</div><h1>${esc(r.practice.name)}</h1>` +
    `<p class="subtitle">Where your clients' records go, and how exposed they are on the way</p>` +
    `<div class="score band-${m.band}"><div class="value">${esc(r.score.total)}</div><div>/ 100</div><div class="band">${esc(m.band)} exposure</div></div>` +
    `<dl class="cover-facts">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl><p class="notice">${esc(NOT_LEGAL_ADVICE)}</p></section>`;
}

export function contents(): string {
  return `<nav id="contents"><h2>Contents</h2><ol>${SECTIONS.map(([id, title]) => `<li><a href="#${id}">${esc(title)}</a></li>`).join('')}</ol></nav>`;
}

export function fixesTable(m: ReportModel): string {
  if (!m.fixes.length) return '<p>No open findings add to the score.</p>';
  const rows = m.fixes.map((g, i) => [`<b>${i + 1}</b>`, esc(firstSentence(g.lead.remediation)), esc(g.vendor), `${pill(g.severity)} ${esc(g.lead.title)} (${instances(g)})`,
    esc(EFFORT_LABEL[effortOf(g.kind)]), `−${esc(g.points)}`]);
  return `<h3>The five things to fix first</h3><p>Ranked by how much each fix takes off the score; among equals, the quickest first.</p>` +
    table(['#', 'Fix', 'Vendor', 'Closes', 'Effort', 'Points'], rows, 'fixes');
}

export function scoreExplained(m: ReportModel): string {
  const r = m.report;
  const open = r.findings.filter(isOpen);
  return `<p>The exposure score is <b>${esc(r.score.total)} out of 100</b> (${esc(m.band)}). It adds up ${open.length} open findings: each finding's points are ` +
    `the likelihood that the exposure causes harm times how harmful it would be for the most sensitive information involved, weighted for your client population ` +
    `(${esc(r.lens.replace(/-/g, ' '))}). A finding's points are what fixing it takes off; the score never goes down by adding a risk, and a finding marked mitigated or a false positive leaves it.</p>`;
}

export function planSection(m: ReportModel): string {
  const vendors = m.plan.map((v) => {
    const rows = v.items.map(({ group: g, clause, effort }) => [esc(firstSentence(g.lead.remediation)), clause ? esc(FACT_LABEL[clause]) : '<span class="muted">—</span>',
      `${pill(g.severity)} ${esc(g.lead.title)} <span class="muted">(${instances(g)})</span>`, esc(effort), `−${esc(g.points)}`]);
    return `<div class="vendor-plan"><h3>${esc(v.vendor)} <span class="muted">· −${esc(v.points)} points</span></h3>${table(['Ask for', 'Clause', 'Closes', 'Effort', 'Points'], rows, 'plan')}</div>`;
  }).join('');
  return `<section id="plan" class="major"><h2>Remediation plan by vendor</h2><p>What to ask each vendor for, the contract clause it changes, the findings it closes and the effort. Vendors with the most at stake come first.</p>${vendors || '<p>Nothing to remediate.</p>'}</section>`;
}

function groupCard(m: ReportModel, g: FindingGroup): string {
  const f = g.lead;
  const cites = f.citations.slice(0, 2).map((c) => { const url = safeUrl(c.url); return url ? `<a href="${esc(url)}">${esc(c.ref)}</a>` : esc(c.ref); }).join('; ');
  const where = [...new Set(g.findings.flatMap((x) => (x.instances?.length ? x.instances.map((i) => i.subject) : [x.subject])).map(m.subjectLabel))];
  const shown = where.slice(0, 2).map((w) => esc(clip(w, 90))).join('; ') + (where.length > 2 ? ` <span class="muted">and ${where.length - 2} more</span>` : '');
  const e = f.evidence[0];
  const quote = e ? `<blockquote>${esc(clip(e.quote, 130))}<cite>${esc(e.file ?? '')}${e.line !== undefined ? `:${e.line}` : ''}${f.evidence.length > 1 ? ` · and ${f.evidence.length - 1} more quotes` : ''}</cite></blockquote>` : '';
  const triaged = g.findings.filter((x) => !isOpen(x)).length;
  return `<article class="finding ${g.severity}" id="${esc(`${g.ruleId}:${g.vendor}`)}"><h4>${pill(g.severity)} ${esc(f.title)} <span class="muted">· ${esc(g.vendor)} · ${instances(g)} · +${esc(g.points)} points</span></h4><dl>` +
    `<dt>Where</dt><dd>${shown} <span class="muted">· ${esc(f.categories.map(categoryLabel).join(', ') || 'no category')}</span></dd>` +
    `<dt>Rule</dt><dd>${cites || '—'}</dd><dt>Fix</dt><dd>${esc(firstSentence(f.remediation, 100))}</dd>` +
    (triaged ? `<dt>Triage</dt><dd>${triaged} of ${g.findings.length} triaged (${esc([...new Set(g.findings.filter((x) => !isOpen(x)).map((x) => x.triage!.status.replace(/_/g, ' ')))].join(', '))})</dd>` : '') +
    `</dl>${quote}</article>`;
}

export function groupsSection(m: ReportModel): string {
  return `<section id="findings" class="major"><h2>Findings, grouped</h2><p>${m.report.findings.length} findings, grouped by rule and the vendor they concern into ${m.groups.length} problems; ` +
    `each shows where it occurs, the rule it breaks, the fix and the clause or configuration line that proves it.</p><div class="cards">${m.groups.map((g) => groupCard(m, g)).join('')}</div></section>`;
}

export function contractsSection(m: ReportModel): string {
  const docs = m.report.documents.filter((d) => d.facts);
  if (!docs.length) return '';
  const head = ['Term', ...docs.map((d) => (d.system ? m.systemName(d.system) : d.info?.vendor ?? d.file))];
  const rows = FACT_NAMES.map((name) => [esc(FACT_LABEL[name]), ...docs.map((d) => esc(factValueText(d.facts![name]?.value)))]);
  return `<section id="contracts" class="major"><h2>What each vendor's contract says</h2><p>The 12 terms that decide where records may go, as each contract states them (quotes in the findings and the law-enforcement view).</p>` +
    table(head, rows, 'facts') + `<p class="muted">${docs.map((d) => `${esc(d.system ? m.systemName(d.system) : d.file)}: ${esc(d.file)}`).join(' · ')}</p></section>`;
}
