import { routeLabel, type LawEnforcementRow } from './law-enforcement.js';
import type { AuditReport, Severity } from '@custody/domain';
import { FACT_NAMES } from '@custody/domain';
import { EFFORT_LABEL, effortOf, type FindingGroup } from './consultant-plan.js';
import { firstSentence } from './consultant-sections.js';
import { safeUrl } from './escape.js';
import { categoryLabel, FACT_LABEL, factText, legalBasisText, POSTURE_TEXT, SEVERITY_LABEL, settingLabel, settingValuesText } from './plain-language.js';
import { buildReportModel, isOpen, type ReportModel } from './report-model.js';
import {
  APPENDIX_METHOD, bandText, CONTRACTS_INTRO, count, COVER_METHOD, FIXES_INTRO, groupPlaces, groupsIntro, LE_INTRO, LE_LEAD, lensText, NOT_LEGAL_ADVICE,
  contractColumn, documentSystem, fleetScopeText, PLAN_INTRO, PRACTICE_POSTURE, scopeText, scoreText, sections, TEMPLATE_GROUP, TEMPLATE_SCORE, roleText, unlinkedText,
} from './report-text.js';

/** Options for {@link renderMarkdown}. */
export interface MarkdownRenderOptions {
  /** Leave out the evidence list of the appendix (e.g. for a chat message). */
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
const cats = (cs: readonly Parameters<typeof categoryLabel>[0][]) => cell(cs.map(categoryLabel).join(', ') || '—');
const sev = (s: Severity) => `**${SEVERITY_LABEL[s]}**`;
const instances = (g: FindingGroup) => (g.instances > 1 ? `${g.instances} instances` : '1 instance');

// The sections below follow the HTML/PDF report one for one (same model, same order, same words).

function cover(m: ReportModel): string[] {
  const r = m.report;
  return [`# ${md(m.title)}`, '', '_Where your clients\' records go, and how exposed they are on the way._', '',
    `- **Client:** ${md(r.practice.name)}${r.practice.jurisdiction ? ` (${md(r.practice.jurisdiction)})` : ''}`,
    `- **Exposure score:** ${m.template ? TEMPLATE_SCORE : `${r.score.total} / 100 (${bandText(m)})`}`,
    `- **Scope:** ${md(scopeText(m))}`, `- **Date:** ${r.generatedAt.slice(0, 10)}`, `- **Client population lens:** ${md(lensText(m))}`,
    `- **Method:** ${md(COVER_METHOD)}`, '', '## Contents', '', ...sections(m).map(([, title], i) => `${i + 1}. ${md(title)}`), '', `_${md(NOT_LEGAL_ADVICE)}_`, ''];
}

function summary(m: ReportModel): string[] {
  const out = ['## Executive summary', '', md(scoreText(m)), '',
    table(['Severity', 'Open findings'], (['critical', 'high', 'medium', 'low', 'info'] as const).map((s) => [SEVERITY_LABEL[s], String(m.counts[s])])), '',
    '### The five things to fix first', ''];
  if (m.fixes.length === 0) out.push('No open findings add to the score.', '');
  else out.push(md(FIXES_INTRO), '', table(['#', 'Fix', 'Vendor', 'Closes', 'Effort', 'Points'], m.fixes.map((g, i) => [String(i + 1), cell(firstSentence(g.lead.remediation)),
    cell(g.vendor), `${sev(g.severity)} ${md(g.lead.title)} (${instances(g)})`, md(EFFORT_LABEL[effortOf(g.kind)]), `−${g.points}`])), '');
  if (m.topRisks.length > 0) {
    out.push('### What is at stake, in plain words', '');
    m.topRisks.forEach((t, i) => out.push(`${i + 1}. ${sev(t.view.finding.severity)} ${md(t.sentence)}${t.alike ? ` **(and ${t.alike} more like it)**` : ''}`));
    out.push('');
  }
  return out;
}

function lawEnforcement(m: ReportModel): string[] {
  const uncontracted = m.lawEnforcement.filter((r) => !r.isPractice && r.posture === 'no_contract' && !r.routes);
  const rows = m.lawEnforcement.filter((r) => !uncontracted.includes(r)).map((r) => {
    const p = r.isPractice ? PRACTICE_POSTURE : POSTURE_TEXT[r.posture];
    const quoteOf = (x: Pick<LawEnforcementRow, 'quote' | 'headingOnlyIn'>) => x.quote ? `“${md(x.quote.quote)}” — ${md(x.quote.file ?? '')}` : x.headingOnlyIn ? `_Only the clause heading was found in ${md(x.headingOnlyIn)}_` : '—';
    // Bound through a flow-down for one sender's data only: each part of its data with the terms that govern it.
    if (r.routes) {
      const parts = r.routes.map((x) => `${md(routeLabel(x))}: ${md(POSTURE_TEXT[x.posture].posture)}`);
      return [`**${cell(r.system.name)}** (${roleText(r.system)})`, cats(r.sensitive), `${parts.join('; ')}. ${md(p.controls)}`, r.routes.map((x) => `${md(routeLabel(x))}: ${quoteOf(x)}`).join('; ')];
    }
    return [`**${cell(r.system.name)}** (${roleText(r.system)})`, cats(r.sensitive), `${md(p.posture)}. ${md(p.controls)}`, quoteOf(r)];
  });
  const out = ['## Law-enforcement view', '', `**${md(LE_LEAD)}** ${md(LE_INTRO)}`, '',
    table(['Holder', 'Sensitive data held', 'Releases records, and who decides', 'Contract quote'], rows), ''];
  if (uncontracted.length) out.push(`**${POSTURE_TEXT.no_contract.posture}**, so the holder decides under its own policy: ` +
    `${uncontracted.map((r) => `${md(r.system.name)}${r.sensitive.length ? ` (${cats(r.sensitive)})` : ''}`).join('; ')}.`, '');
  return out;
}

function plan(m: ReportModel): string[] {
  if (m.plan.length === 0) return ['## Remediation plan by vendor', '', 'Nothing to remediate.', ''];
  const rows = m.plan.flatMap((v) => [[`**${cell(v.vendor)}** · −${v.points} points`, '', '', '', ''],
    ...v.items.map(({ group: g, clause, effort }) => [cell(firstSentence(g.lead.remediation)), clause ? md(FACT_LABEL[clause]) : '—',
      `${sev(g.severity)} ${md(g.lead.title)} (${instances(g)})`, effort, `−${g.points}`])]);
  return ['## Remediation plan by vendor', '', md(PLAN_INTRO), '', table(['Ask for', 'Clause', 'Closes', 'Effort', 'Points'], rows), ''];
}

/** Markdown cannot carry the picture: the systems it draws, most exposed first, stand in for it. */
function graph(m: ReportModel): string[] {
  const score = (id: string) => m.report.score.nodes[id] ?? 0;
  // A fleet's installs are one line, as they are one box in the picture: worst install's exposure, and the open
  // findings on any of them counted once each. Summed per install, one finding on 12 installs counted 12 times,
  // and a fleet of 12 showed 139 "open findings" in a report of 48.
  const rowOf = new Map<string, string>();
  const rows = new Map<string, { name: string; role: string; exposure: number; template?: true; findings: Set<string>; installs: number }>();
  for (const s of m.report.systems) {
    const key = s.group ? `fleet:${s.group.vendor ?? s.name}` : s.id;
    const row = rows.get(key) ?? {
      name: s.group?.vendor ?? s.name, role: roleText(s) + (!s.template && s.assessed ? ', assessed from its contract' : ''), exposure: 0,
      ...(s.template ? { template: true as const } : {}), findings: new Set<string>(), installs: 0,
    };
    row.exposure = Math.max(row.exposure, score(s.id));
    row.installs += s.group ? 1 : 0;
    rows.set(key, row);
    rowOf.set(s.id, key);
  }
  for (const f of m.report.findings) {
    if (!isOpen(f)) continue;
    for (const id of f.systems) rows.get(rowOf.get(id) ?? '')?.findings.add(f.id);
  }
  const sorted = [...rows.values()].sort((a, b) => b.exposure - a.exposure || a.name.localeCompare(b.name));
  return ['## Where client information goes', '', 'The systems that hold or receive client information, most exposed first (the HTML and PDF reports draw them as a picture; every flow is in the appendix).', '',
    table(['System', 'Role', 'Exposure', 'Open findings'], sorted.map((r) => [cell(r.installs ? `${r.name} (${count(r.installs, 'install')})` : r.name), r.role, r.template ? 'n/a' : `${r.exposure}/100`, String(r.findings.size)])), ''];
}

function groups(m: ReportModel): string[] {
  const out = ['## Findings, grouped', '', md(groupsIntro(m)), ''];
  for (const g of m.groups) {
    const f = g.lead;
    const where = groupPlaces(m, g);
    // Accepted risks still count, but the decision and its reason belong beside the finding.
    const triaged = g.findings.filter((x) => x.triage && x.triage.status !== 'open');
    out.push(`### ${SEVERITY_LABEL[g.severity]}: ${md(f.title)} · ${md(g.vendor)} · ${instances(g)} · ${f.template ? TEMPLATE_GROUP : `+${g.points} points`}`, '',
      `- **Where:** ${where.slice(0, 3).map(md).join('; ')}${where.length > 3 ? ` and ${where.length - 3} more` : ''} · ${cats(f.categories)}`,
      `- **Rule:** ${f.citations.map((c) => (safeUrl(c.url) ? `[${md(c.ref)}](${safeUrl(c.url)})` : md(c.ref))).join('; ') || '—'}`,
      // An assessment's findings are about one vendor's terms: what the rule found there (e.g. to whom a vendor with no BAA
      // passes the PHI on) is the point, where a stack's groups span many systems and the places say it.
      ...(m.assessed.length ? [`- **Found:** ${md(f.detail)}`] : []),
      `- **Fix:** ${md(f.remediation)}`);
    if (triaged.length) out.push(`- **Triage:** ${triaged.length} of ${g.findings.length} triaged (${triaged.map((x) => `${x.triage!.status.replace(/_/g, ' ')}${x.triage!.reason ? `: ${md(x.triage!.reason)}` : ''}`).join('; ')})`);
    out.push('');
    if (f.evidence[0]) out.push(quote(f.evidence[0].quote), `> — ${md(m.evidence.find((e) => e.evidence === f.evidence[0])?.location ?? f.evidence[0].file ?? '')}${f.evidence.length > 1 ? ` · and ${count(f.evidence.length - 1, 'more quote')}` : ''}`, '');
  }
  return out;
}

function contracts(m: ReportModel): string[] {
  const docs = m.report.documents.filter((d) => d.facts);
  if (!docs.length) return [];
  const head = ['Term', ...docs.map((d) => cell(contractColumn(m, d)))];
  const unlinked = unlinkedText(m);
  return ["## What each vendor's contract says", '', md(CONTRACTS_INTRO), '', ...(unlinked ? [`**${md(unlinked)}**`, ''] : []),
    table(head, FACT_NAMES.map((name) => [md(FACT_LABEL[name]), ...docs.map((d) => cell(factText(d.facts![name])))])), ''];
}

function fleet(m: ReportModel): string[] {
  if (!m.fleet) return [];
  const f = m.fleet;
  const out = ['## Fleet summary', '', fleetScopeText(f), '',
    table(['Vendor', 'Installs', 'Sites'], f.vendors.map((v) => [cell(v.vendor), String(v.installs), cell(v.sites.map((s) => `${s.site} (${s.installs})`).join(', '))])), '',
    '### Settings across installs', '',
    table(['Setting', 'Values (installs)'], f.settings.map((s) => [cell(settingLabel(s.key)), cell(settingValuesText(s.values, s.key))])), ''];
  if (f.kinds.length > 0) out.push('### Findings across installs', '', table(['Finding', 'Findings', 'Installs affected'], f.kinds.map((k) => [cell(k.title), String(k.findings), String(k.installs)])), '');
  return out;
}

function appendix(m: ReportModel, withEvidence: boolean): string[] {
  const out = ['## Appendix: method, documents and flows', '', '### Method', '', md(APPENDIX_METHOD), '', '### Documents', '',
    table(['File', 'Type', 'Status', 'System', 'Reason'], m.documents.map((d) => [cell(d.file), d.type.replace(/_/g, ' '), `**${d.status}**`, cell(documentSystem(m, d)), cell(d.reason ?? '')])), ''];
  if (m.report.ruleErrors.length > 0) out.push('### Rules that failed to run', '', ...m.report.ruleErrors.map((e) => `- ${code(e.ruleId)}: ${md(e.message)}`), '');
  out.push('### Flows', '', table(['From', 'To', 'Data', 'Transport', 'Legal basis', 'Flows'],
    m.flowTable.map((f) => [cell(f.from), cell(f.to), cats(f.data), md(f.transport.replace(/_/g, ' ')), md(legalBasisText(f.legalBasis)), String(f.count)])), '');
  // Markdown has no room for a quote beside every cell, so it lists every quote once, numbered.
  if (withEvidence) {
    out.push('### Evidence', '');
    for (const e of m.evidence) out.push(`**E${e.n}** — ${md(e.location)}`, '', quote(e.evidence.quote), '');
  }
  out.push(`_${md(NOT_LEGAL_ADVICE)}_`, '');
  return out;
}

/** The consultant report as Markdown, built from the same model and in the same order as the HTML/PDF. */
export function renderMarkdown(report: AuditReport, opts: MarkdownRenderOptions = {}): string {
  const m = buildReportModel(report);
  const parts = [cover(m), summary(m), lawEnforcement(m), plan(m), graph(m), groups(m), contracts(m), fleet(m), appendix(m, !opts.omitAppendix)];
  return `${parts.flat().join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
