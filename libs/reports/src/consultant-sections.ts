/**
 * The consultant's sections of the HTML/PDF report: cover, contents, the five fixes, the plan by vendor,
 * grouped findings, the contract facts side by side, and the appendix. Every user string is escaped.
 */
import { FACT_NAMES, wordList, type Severity } from '@custody/domain';
import { EFFORT_LABEL, effortOf, type FindingGroup } from './consultant-plan.js';
import { escapeHtml as esc, safeUrl } from './escape.js';
import { categoryLabel, FACT_LABEL, factText, SEVERITY_LABEL } from './plain-language.js';
import { isOpen, type ReportModel } from './report-model.js';
import { bandText, count, COVER_METHOD, CONTRACTS_INTRO, FIXES_INTRO, groupPlaces, groupsIntro, lensText, NOT_LEGAL_ADVICE, PLAN_INTRO, scopeText, scoreText, sections, TEMPLATE_GROUP, TEMPLATE_SCORE, unlinkedText, contractColumn } from './report-text.js';

export { NOT_LEGAL_ADVICE };

export const table = (head: string[], rows: string[][], cls = '') =>
  `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
export const pill = (s: Severity) => `<span class="pill sev-${s}">${SEVERITY_LABEL[s]}</span>`;
/** Shortened at a word boundary: a clipped word ("(n…") reads as a typo. */
const clip = (s: string, n: number) => {
  if (s.length <= n) return s;
  const cut = s.lastIndexOf(' ', n - 1);
  return `${s.slice(0, cut > n / 2 ? cut : n - 1).replace(/[\s,;:(]+$/, '')}…`;
};
/**
 * The ask itself: a remediation's first sentence (the rest is in the finding). Cut at a semicolon, the ask goes on
 * after it, so it ends "…" as any shortened text does rather than on a ";" that reads as a cut-off.
 */
export const firstSentence = (s: string, n = 120) => clip((/^.+?[.;](?=\s|$)/s.exec(s)?.[0] ?? s).replace(/;$/, '…'), n);
const instances = (g: FindingGroup) => (g.instances > 1 ? `${g.instances} instances` : '1 instance');


export function coverPage(m: ReportModel): string {
  const r = m.report;
  const rows = [
    ['Client', esc(r.practice.name) + (r.practice.jurisdiction ? ` (${esc(r.practice.jurisdiction)})` : '')],
    ['Scope', esc(scopeText(m))],
    ['Date', esc(r.generatedAt.slice(0, 10))],
    ['Client population lens', esc(lensText(m))],
    ['Method', esc(COVER_METHOD)],
  ];
  return `<section id="cover" class="cover-page"><div class="kicker">${m.template ? 'Template review: no vendor named' : m.assessed.length ? 'Vendor assessment' : 'PHI custody audit'}</div><h1>${esc(m.assessed.length ? wordList((m.named.length ? m.named : m.assessed).map((v) => v.name)) : r.practice.name)}</h1>` +
    `<p class="subtitle">Where your clients' records go, and how exposed they are on the way</p>` +
    (m.template
      ? `<div class="score band-none"><div class="value">n/a</div><div class="band">${esc(TEMPLATE_SCORE)}</div></div>`
      : `<div class="score band-${m.band}"><div class="value">${esc(r.score.total)}</div><div>/ 100</div><div class="band">${esc(bandText(m))}</div></div>`) +
    `<dl class="cover-facts">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>${contents(m)}<p class="notice">${esc(NOT_LEGAL_ADVICE)}</p></section>`;
}

/** The contents, on the cover: seven lines do not deserve a page of their own. */
function contents(m: ReportModel): string {
  return `<nav id="contents"><h2>Contents</h2><ol>${sections(m).map(([id, title]) => `<li><a href="#${id}">${esc(title)}</a></li>`).join('')}</ol></nav>`;
}


export function fixesTable(m: ReportModel): string {
  if (!m.fixes.length) return '<p>No open findings add to the score.</p>';
  const rows = m.fixes.map((g, i) => [`<b>${i + 1}</b>`, esc(firstSentence(g.lead.remediation)), esc(g.vendor), `${pill(g.severity)} ${esc(g.lead.title)} (${instances(g)})`,
    esc(EFFORT_LABEL[effortOf(g.kind)]), `−${esc(g.points)}`]);
  return `<h3>The five things to fix first</h3><p>${esc(FIXES_INTRO)}</p>` +
    table(['#', 'Fix', 'Vendor', 'Closes', 'Effort', 'Points'], rows, 'fixes');
}

export function scoreExplained(m: ReportModel): string {
  return `<p>${esc(scoreText(m))}</p>`;
}

export function planSection(m: ReportModel): string {
  // One table, a heading row per vendor: fourteen vendors are not fourteen tables repeating the same header.
  const body = m.plan.map((v) => `<tbody class="vendor-plan"><tr class="vendor"><th colspan="5">${esc(v.vendor)} <span class="muted">· −${esc(v.points)} points</span></th></tr>` +
    v.items.map(({ group: g, clause, effort }) => `<tr>${[esc(firstSentence(g.lead.remediation)), clause ? esc(FACT_LABEL[clause]) : '<span class="muted">—</span>',
      `${pill(g.severity)} ${esc(g.lead.title)} <span class="muted">(${instances(g)})</span>`, esc(effort), `−${esc(g.points)}`].map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') +
    `</tbody>`).join('');
  const head = `<thead><tr>${['Ask for', 'Clause', 'Closes', 'Effort', 'Points'].map((h) => `<th>${h}</th>`).join('')}</tr></thead>`;
  return `<section id="plan" class="major"><h2>Remediation plan by vendor</h2><p>${esc(PLAN_INTRO)}</p>` +
    (m.plan.length ? `<table class="plan">${head}${body}</table>` : '<p>Nothing to remediate.</p>') + `</section>`;
}

function groupCard(m: ReportModel, g: FindingGroup): string {
  const f = g.lead;
  const cites = f.citations.slice(0, 2).map((c) => { const url = safeUrl(c.url); return url ? `<a href="${esc(url)}">${esc(c.ref)}</a>` : esc(c.ref); }).join('; ');
  const where = groupPlaces(m, g);
  const shown = where.slice(0, 2).map((w) => esc(clip(w, 90))).join('; ') + (where.length > 2 ? ` <span class="muted">and ${where.length - 2} more</span>` : '');
  const e = f.evidence[0];
  const quote = e ? `<blockquote>${esc(clip(e.quote, 130))}<cite>${esc(e.file ?? '')}${e.line !== undefined ? `:${e.line}` : ''}${f.evidence.length > 1 ? ` · and ${count(f.evidence.length - 1, 'more quote')}` : ''}</cite></blockquote>` : '';
  const decided = g.findings.filter((x) => x.triage && x.triage.status !== 'open');
  const triaged = decided.length;
  return `<article class="finding ${g.severity}" id="${esc(`${g.ruleId}:${g.vendor}`)}"><h4>${pill(g.severity)} ${esc(f.title)} <span class="muted">· ${esc(g.vendor)} · ${instances(g)} · ${f.template ? TEMPLATE_GROUP : `+${esc(g.points)} points`}</span></h4><dl>` +
    `<dt>Where</dt><dd>${shown} <span class="muted">· ${esc(f.categories.map(categoryLabel).join(', ') || 'no category')}</span></dd>` +
    // As in the Markdown: an assessment's finding says what it found in that vendor's terms.
    (m.assessed.length ? `<dt>Found</dt><dd>${esc(f.detail)}</dd>` : '') +
    `<dt>Rule</dt><dd>${cites || '—'}</dd><dt>Fix</dt><dd>${esc(firstSentence(f.remediation, 100))}</dd>` +
    (triaged ? `<dt>Triage</dt><dd>${triaged} of ${g.findings.length} triaged (${esc([...new Set(decided.map((x) => x.triage!.status.replace(/_/g, ' ')))].join(', '))})</dd>` : '') +
    `</dl>${quote}</article>`;
}

export function groupsSection(m: ReportModel): string {
  return `<section id="findings" class="major"><h2>Findings, grouped</h2><p>${esc(groupsIntro(m))}</p><div class="cards">${m.groups.map((g) => groupCard(m, g)).join('')}</div></section>`;
}

export function contractsSection(m: ReportModel): string {
  const docs = m.report.documents.filter((d) => d.facts);
  if (!docs.length) return '';
  const head = ['Term', ...docs.map((d) => contractColumn(m, d))];
  const rows = FACT_NAMES.map((name) => [esc(FACT_LABEL[name]), ...docs.map((d) => esc(factText(d.facts![name])))]);
  const unlinked = unlinkedText(m);
  return `<section id="contracts" class="major"><h2>What each vendor's contract says</h2><p>${esc(CONTRACTS_INTRO)}</p>` +
    (unlinked ? `<p class="callout">${esc(unlinked)}</p>` : '') +
    table(head, rows, 'facts') + `<p class="muted">${docs.map((d) => `${esc(d.system ? m.systemName(d.system) : d.file)}: ${esc(d.file)}`).join(' · ')}</p></section>`;
}
