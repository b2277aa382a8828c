/**
 * The words the HTML/PDF and Markdown reports share, as plain text: each renderer only escapes and formats,
 * so the two deliverables cannot drift apart in what they say.
 */
import { categoryList, isTriageCleared, wordList } from '@custody/domain';
import { isOpen, type FleetSummary, type ReportModel } from './report-model.js';

export { LE_INTRO, LE_LEAD, PRACTICE_POSTURE } from './law-enforcement.js';

export const NOT_LEGAL_ADVICE = 'This report describes what the documents and configurations provided say and how the published rules it cites apply to them. It is not legal advice: have counsel review any contract change or disclosure decision.';

/** Section anchors and titles, in report order; the fleet summary only when the report has a fleet. */
export function sections(m: ReportModel): [string, string][] {
  return [
    ['summary', 'Executive summary and the five things to fix first'], ['law-enforcement', 'Law-enforcement view: who can release your clients\' records'],
    ['plan', 'Remediation plan by vendor'], ['graph', 'Where client information goes'], ['findings', 'Findings, grouped'],
    ['contracts', 'What each vendor\'s contract says'],
    ...(m.fleet ? [['fleet', 'Fleet summary: installs, settings and findings across them'] as [string, string]] : []),
    ['appendix', 'Appendix: method, documents and flows'],
  ];
}

/** "1 system", "2 systems": a small practice's report is read as closely as a large one's. */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function scopeText(m: ReportModel): string {
  const r = m.report;
  const kinds = (t: string) => r.documents.filter((d) => d.type === t).length;
  return assessmentText(m) + `${count(r.systems.length, 'system')} and ${count(r.flows.length, 'data flow')}, from ${count(r.documents.length, 'document')} ` +
    `(${count(kinds('contract'), 'contract')}${unlinkedScope(unlinkedCount(m), kinds('contract'))}, ${count(kinds('integration_config') + kinds('fleet_export'), 'configuration or export', 'configurations and exports')}, ` +
    `${count(kinds('manifest'), 'stack manifest', 'stack manifests')})`;
}

/**
 * What a vendor assessment is, first in the scope line: the terms of the contracts given, not a running stack, and
 * what each vendor is assumed to receive (the assessed flows' data), so no reader takes the score for an audit of
 * their practice or wonders where flows nobody declared came from. Empty for an audit of declared systems.
 */
export function assessmentText(m: ReportModel): string {
  if (!m.assessed.length) return '';
  const templates = m.assessed.filter((v) => v.template);
  // Templates beside a named vendor: the vendor is assessed, the templates reviewed as written and left out of its score.
  const reviewed = templates.length && m.named.length ? templateAside(templates.map((v) => v.name), m.named.length) : '';
  if (!m.named.length) {
    // Templates alone: no vendor to assess, so the scope says what was read instead.
    const each = m.assessed.map((v) => `${v.name} as if you send whoever signs it ${categoryList(v.data)}`);
    return `A review of ${m.assessed.length === 1 ? 'a template' : 'templates'}, not an assessment of a vendor: ${m.assessed.length === 1 ? 'its' : 'their'} vendor's name is left blank, ` +
      `so no vendor was assessed and no score applies. Custody read the clauses of ${wordList(each)} (contact details and demographics, what any vendor holds). ` +
      'Declare your systems and flows in custody.yaml to audit your own stack. ';
  }
  const each = m.named.map((v) => `${v.name} as if you send it ${categoryList(v.data)}`);
  return `A vendor assessment of the terms of the ${m.assessed.length === 1 ? 'contract' : 'contracts'} given, not an audit of a running stack: ` +
    `no system of yours was given, so Custody assessed ${wordList(each)} (contact details and demographics for any vendor; ` +
    'more only where the vendor\'s catalogued role or its own contract shows it would hold more). ' + reviewed +
    'Declare your systems and flows in custody.yaml to audit your own stack. ';
}

/** What a template beside a named vendor is: its clauses reviewed as written, rating no one, so not in the vendor's score. */
function templateAside(names: string[], vendors: number): string {
  const one = names.length === 1;
  return `${wordList(names)} ${one ? 'is a template' : 'are templates'} that ${one ? 'names' : 'name'} no vendor: reviewed as written ` +
    `(${one ? 'its' : 'their'} findings are marked "template review") and not scored, so ${one ? 'it does' : 'they do'} not count toward the ${vendors === 1 ? 'vendor\'s' : 'vendors\''} score. `;
}

/** A group of a template's findings: its review, in place of the points it would add to a vendor's score. */
export const TEMPLATE_GROUP = 'template review, not scored';

export const fleetScopeText = (f: FleetSummary) => `${count(f.installs, 'install')} across ${count(f.vendors.length, 'vendor')}.`;

/** The score's band as words beside it: "critical exposure", and "no exposure" rather than "none exposure". */
export const bandText = (m: ReportModel) => (m.band === 'none' ? 'no exposure' : `${m.band} exposure`);

export const lensText = (m: ReportModel) => m.report.lens.replace(/-/g, ' ');

export const COVER_METHOD = 'Every contract was read for the 12 terms that decide where records may go; every configuration for the systems and flows it sets up. ' +
  'Each flow is traced to the clause or configuration line that proves it, and published rules (HIPAA 45 CFR 164, 42 CFR Part 2, state law, HHS and FTC guidance) ' +
  'score each exposure. The score is explained in the summary.';

/** The cover's score for a template ({@link ReportModel.template}): none applies, and why, in the fewest words. */
export const TEMPLATE_SCORE = 'not applicable (template: no vendor named)';
export { TEMPLATE_ROLE, roleText } from './plain-language.js';

/**
 * A template names no vendor, so a score would rate no one: a practice owner reading "0 / 100" takes it for safe terms.
 * What it can still tell them is what the clauses allow whoever signs them as written.
 */
function templateText(m: ReportModel): string {
  // A template's findings are its review (Finding.template), never open findings of a vendor.
  const open = m.report.findings.filter((f) => !isTriageCleared(f)).length;
  return 'No score applies: this is a template that leaves the vendor\'s name blank, so no vendor was assessed, and no number here would say a vendor\'s terms are safe. ' +
    'The clauses read as follows: ' + (open ? `${count(open, 'finding')} below ${open === 1 ? 'is what they allow' : 'are what they allow'}` : 'no finding is raised on them') +
    ' for any vendor that signs them as written, and "What each vendor\'s contract says" lists each term. Assess the vendor\'s own signed agreement before adopting it.';
}

export function scoreText(m: ReportModel): string {
  if (m.template) return templateText(m);
  const r = m.report;
  return `The exposure score is ${r.score.total} out of 100 (${m.band}). It adds up ${count(r.findings.filter(isOpen).length, 'open finding')}, each weighed by ` +
    `the likelihood that the exposure causes harm times how harmful it would be for the most sensitive information involved, weighted for your client population ` +
    `(${lensText(m)}). A finding's points, listed beside it, are what fixing it alone takes off; the score never goes down by adding a risk, and a finding marked mitigated or a false positive leaves it.` +
    overlapText(r.score.total, r.score.overlap) +
    (m.assessed.length ? ' It rates the vendor\'s terms as if you used it as the scope says, not your practice\'s own stack.' : '') +
    (unlinkedCount(m) ? ` ${count(unlinkedCount(m), 'contract is', 'contracts are')} linked to no system and not in this score (see What each vendor's contract says).` : '');
}

/** Contracts read but linked to no system: their terms are shown, but no finding and no point comes from them. */
const unlinkedDocs = (m: ReportModel) => m.report.documents.filter((d) => d.type === 'contract' && d.facts && !d.system);
const unlinkedCount = (m: ReportModel) => unlinkedDocs(m).length;
const unlinkedScope = (n: number, of: number) => (n === 0 ? '' : n < of ? `, ${n} of them not linked to any system` : of === 1 ? ', not linked to any system' : ', none linked to any system');

/**
 * The part of the total no single fix removes (`score.overlap`), in words. Without it a reader adds up the listed
 * points (16 of a score of 80 on the example practice) and concludes the score or the ranking is wrong. The
 * reason is the workspace curve T = 100·H/(H + 20) over all findings' hazard (SCORE.md §3–4): it bends toward
 * 100, so removing one finding while the rest remain takes off less than it would alone — findings on unrelated
 * systems and records overlap just as much. Every point comes from a finding's hazard, so fixing all gives 0.
 */
export function overlapText(total: number, overlap: number | undefined): string {
  if (overlap === undefined || overlap < 0.01) return '';
  const listed = Math.round((total - overlap) * 100) / 100;
  return ' The score rises ever more slowly as exposure adds up, so that it stays below 100: while the other findings remain, fixing one takes off less than it would on its own. ' +
    `The findings' points add up to ${listed}; the other ${overlap} points come off only as several findings are fixed together (fixing them all brings the score to 0).`;
}

export const FIXES_INTRO = 'Ranked by how much each fix takes off the score; among equals, the quickest first.';
export const PLAN_INTRO = 'What to ask each vendor for, the contract clause it changes, the findings it closes and the effort. Vendors with the most at stake come first.';
export const CONTRACTS_INTRO = 'The 12 terms that decide where records may go, as each contract states them (quotes in the findings and the law-enforcement view).';
/**
 * Contracts read but linked to no system, in words: the contract table shows their terms beside the linked
 * ones, yet no rule charges them to anyone, so "trains AI: allowed" would sit there with no finding and no
 * points. Empty when every contract speaks for a system.
 */
export function unlinkedText(m: ReportModel): string {
  const docs = unlinkedDocs(m);
  if (!docs.length) return '';
  const names = docs.map((d) => (d.info?.vendor ? `${d.info.vendor} (${d.file})` : d.file));
  // Matching tries the vendor, then the other parties (attachContracts): a contract that names no vendor has no vendor to blame.
  const why = docs.every((d) => d.info?.vendor)
    ? `No system's name matches ${docs.length === 1 ? 'its vendor, so its terms raise' : 'their vendors, so their terms raise'}`
    : docs.length === 1 ? 'It names no vendor and none of its parties matches a system, so its terms raise'
      : "Neither their vendors nor the other parties they name match any system's name, so their terms raise";
  return `Not linked to any system: ${names.join('; ')}. ${why} no finding and count nothing in the score. ` +
    'List each under documents: in custody.yaml with the system it covers, or link it in the dashboard\'s Documents tab.';
}

type ReportDocument = ReportModel['documents'][number];
/** A contract's column in the contract table: the system it speaks for, or its vendor marked as linked to none. */
export const contractColumn = (m: ReportModel, d: ReportDocument) => (d.system ? m.systemName(d.system) : `${d.info?.vendor ?? d.file} (not linked)`);
/** The appendix's System cell: a contract read but linked to no system says so rather than a bare dash. */
export const documentSystem = (m: ReportModel, d: ReportDocument) =>
  (d.system ? m.systemName(d.system) : d.type === 'contract' && d.status === 'processed' ? 'not linked' : '—');

export const APPENDIX_METHOD = 'Contracts (PDF, Word, HTML, text) were read for 12 terms, each with the verbatim clause that states it; configurations and fleet exports for the systems and flows they set up, each traced to its file and line; ' +
  'secrets found in them were redacted before anything was stored. The stack manifest adds what the practice declares. Rules, each citing the regulation or guidance it applies, turn the resulting graph into findings; ' +
  'a person can correct any term or triage any finding, and the correction is recorded with who and why.';

export const groupsIntro = (m: ReportModel) => `${count(m.report.findings.length, 'finding')}` +
  (m.groups.length === m.report.findings.length ? '; ' : `, grouped by rule and the vendor they concern into ${count(m.groups.length, 'problem')}; `) +
  'each shows where it occurs, the rule it breaks, the fix and the clause or configuration line that proves it.';

/** Where a group occurs: its distinct subjects, as labels. */
export const groupPlaces = (m: ReportModel, g: ReportModel['groups'][number]) =>
  [...new Set(g.findings.flatMap((x) => (x.instances?.length ? x.instances.map((i) => i.subject) : [x.subject])).map(m.subjectLabel))];
