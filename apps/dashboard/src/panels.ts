/**
 * The findings list (right) and the details panel. Both read the AuditReport as served; they only look
 * things up and format them (every string through dom.ts, so nothing from a document becomes markup).
 */
import type { AttachedContract, DataCategory, Evidence, Finding, FindingKind, GraphSystem, Severity, SystemRole } from '@custody/domain';
import { SEVERITIES, severityRank } from '@custody/domain';
import { categoryLabel, roleLabel } from '@custody/reports/plain-language';
import { cap, el, must, replace, words } from './dom.js';
import type { DashboardAudit } from './api.js';

export interface NodeView {
  id: string;
  label: string;
  role: string;
  score: number;
  holds: string[];
  classes: string[];
  /** Names along the shortest path from the practice, when there is one. */
  path: string[];
}

const SEVERITY_ORDER = [...SEVERITIES].reverse();
/**
 * Findings drawn per page of the list. A fleet can raise thousands; building them all as DOM at load cost
 * seconds of style and layout for rows nobody scrolls to (see test/bench/dashboard.bench.ts).
 */
const PAGE = 100;

/** Findings charged to a system (the same relation the server uses for findingCount). */
export function findingsFor(report: DashboardAudit, id: string): Finding[] {
  return report.findings.filter((f) => f.systems.includes(id) || f.subject === `system:${id}`);
}

function evidenceQuote(e: Evidence): HTMLElement {
  const where = [e.file, e.line !== undefined ? `line ${e.line}` : e.page !== undefined ? `p. ${e.page}` : ''].filter(Boolean).join(' · ');
  return el('blockquote', { class: 'quote' }, e.quote, where ? el('cite', {}, where) : null);
}

const pill = (s: Severity) => el('span', { class: `pill sev-${s}` }, s);

/** Findings list with severity/kind filters; clicking an item calls `onPick`. */
export class FindingsPanel {
  private report: DashboardAudit | null = null;
  private readonly list = must<HTMLOListElement>('#findings-list');
  private readonly severity = must<HTMLSelectElement>('#severity-filter');
  private readonly kind = must<HTMLSelectElement>('#kind-filter');
  private readonly count = must<HTMLElement>('#findings-count');
  private shownCount = PAGE;

  constructor(private readonly onPick: (finding: Finding) => void) {
    replace(this.severity, el('option', { attrs: { value: '' } }, 'All severities'),
      ...SEVERITY_ORDER.map((s) => el('option', { attrs: { value: s } }, s[0].toUpperCase() + s.slice(1))));
    this.severity.addEventListener('change', () => { this.shownCount = PAGE; this.render(); });
    this.kind.addEventListener('change', () => { this.shownCount = PAGE; this.render(); });
  }

  setReport(report: DashboardAudit): void {
    this.report = report;
    const kinds = [...new Set(report.findings.map((f) => f.kind))].sort();
    const current = this.kind.value;
    replace(this.kind, el('option', { attrs: { value: '' } }, 'All kinds'), ...kinds.map((k) => el('option', { attrs: { value: k } }, words(k))));
    this.kind.value = kinds.includes(current as FindingKind) ? current : '';
    this.render();
  }

  private render(): void {
    const r = this.report;
    if (!r) return;
    const names = new Map(r.systems.map((s) => [s.id, s.name]));
    const shown = r.findings
      .filter((f) => (!this.severity.value || f.severity === this.severity.value) && (!this.kind.value || f.kind === this.kind.value))
      .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.contribution - a.contribution);
    this.count.textContent = `${shown.length} of ${r.findings.length}`;
    const page = shown.slice(0, this.shownCount);
    replace(this.list, ...page.map((f) => {
      const who = f.systems.map((id) => names.get(id) ?? id).join(', ');
      const triaged = f.triage && f.triage.status !== 'open' ? el('span', { class: 'triage' }, words(f.triage.status)) : null;
      return el('li', { class: `finding sev-border-${f.severity}`, attrs: { 'data-finding-id': f.id, tabindex: '0', role: 'button' }, on: {
        click: () => this.pick(f),
        keydown: (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); this.pick(f); } },
      } },
      el('div', { class: 'finding-top' }, pill(f.severity), el('span', { class: 'finding-title' }, f.title)),
      el('div', { class: 'finding-meta' }, f.instances && f.instances.length > 1 ? `${names.get(f.subject.replace(/^system:/, '')) ?? who} · ${f.instances.length.toLocaleString('en-US')} instances` : who,
        ' · ', words(f.kind), ' · +', f.contribution, ' pts', triaged ? ' · ' : null, triaged));
    }));
    if (shown.length === 0) this.list.append(el('li', { class: 'empty' }, 'No findings match these filters.'));
    if (shown.length > page.length) {
      this.list.append(el('li', { class: 'more' }, el('button', { class: 'link', attrs: { type: 'button', 'data-action': 'more-findings' }, on: {
        click: () => { this.shownCount += PAGE; this.render(); },
      } }, `Show ${Math.min(PAGE, shown.length - page.length)} more of ${shown.length - page.length} not shown`)));
    }
  }

  private pick(f: Finding): void {
    for (const li of this.list.querySelectorAll('li.active')) li.classList.remove('active');
    this.list.querySelector(`li[data-finding-id="${CSS.escape(f.id)}"]`)?.classList.add('active');
    this.onPick(f);
  }
}

/** The details of one system: role, holdings, score, contract facts with quotes, findings with evidence. */
/** Instances listed before the rest fold behind "show all" (a fleet finding can have thousands). */
const INSTANCES_SHOWN = 20;

export class DetailsPanel {
  private readonly root = must<HTMLElement>('#details');
  private names = new Map<string, string>();

  clear(): void {
    replace(this.root, el('div', { class: 'placeholder' },
      el('h2', {}, 'Details'), el('p', {}, 'Select a system on the map or a finding in the list to see what it holds, what its contracts say, and why it is exposed.')));
  }

  /** Show something other than a system (a fleet group's summary). */
  showElement(content: HTMLElement): void {
    replace(this.root, content);
    this.root.scrollTop = 0;
  }

  showFinding(report: DashboardAudit, f: Finding): void {
    this.names = new Map(report.systems.map((s) => [s.id, s.name]));
    replace(this.root, el('h2', { class: 'details-name' }, f.title), el('ol', { class: 'detail-findings' }, this.finding(f, true)));
    this.root.scrollTop = 0;
  }

  show(report: DashboardAudit, node: NodeView, focus?: Finding): void {
    this.names = new Map(report.systems.map((s) => [s.id, s.name]));
    const system = report.systems.find((s) => s.id === node.id);
    const band = node.classes.find((c) => c.startsWith('exposure-'))?.slice('exposure-'.length) ?? 'none';
    const findings = findingsFor(report, node.id).sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    replace(this.root,
      el('div', { class: 'details-head' },
        el('div', {}, el('h2', { class: 'details-name' }, node.label), el('div', { class: 'chip role' }, cap(roleLabel(node.role as SystemRole)))),
        el('div', { class: `score-chip band-${band}`, attrs: { title: `Exposure ${node.score}/100 (${band})` } }, el('b', {}, node.score), el('span', {}, band))),
      node.path.length > 1 ? el('div', { class: 'path' }, el('h3', {}, 'Path from the practice'), el('div', { class: 'path-line' }, node.path.join(' → '))) : null,
      el('h3', {}, 'Data held'),
      node.holds.length ? el('div', { class: 'chips' }, ...node.holds.map((c) => el('span', { class: 'chip' }, categoryLabel(c as DataCategory)))) : el('p', { class: 'muted' }, 'None recorded.'),
      system ? this.contracts(system) : null,
      el('h3', {}, `Findings (${findings.length})`),
      findings.length ? el('ol', { class: 'detail-findings' }, ...findings.map((f) => this.finding(f, f.id === focus?.id))) : el('p', { class: 'muted' }, 'No findings on this system.'));
    this.root.scrollTop = 0;
  }

  private contracts(system: GraphSystem): HTMLElement {
    if (system.contracts.length === 0) return el('div', {}, el('h3', {}, 'Contracts'), el('p', { class: 'muted' }, 'No contract on file for this system.'));
    return el('div', {}, el('h3', {}, 'Contracts'), ...system.contracts.map((c) => this.contract(c)));
  }

  private contract(c: AttachedContract): HTMLElement {
    // What the contract states (with its quote) comes first; what it is silent about is one line.
    const entries = Object.entries(c.facts);
    const silent = (v: unknown) => v === 'unspecified' || v === null || (Array.isArray(v) && v.length === 0);
    const stated = entries.filter(([, f]) => !silent(f.value) || f.evidence.length > 0);
    // Where the extractor abstained but kept candidate clauses, a person decides: shown, never folded into "silent".
    const review = entries.filter(([, f]) => silent(f.value) && f.evidence.length === 0 && (f.review?.length ?? 0) > 0);
    const quiet = entries.filter(([, f]) => silent(f.value) && f.evidence.length === 0 && !(f.review?.length ?? 0)).map(([name]) => words(name));
    return el('div', { class: 'contract' },
      el('div', { class: 'contract-head' }, el('b', {}, c.file), el('span', { class: 'chip' }, c.kind), c.expires ? el('span', { class: 'muted' }, `expires ${c.expires}`) : null),
      ...stated.map(([name, fact]) => el('div', { class: 'fact' },
        el('div', { class: 'fact-line' }, el('span', { class: 'fact-name' }, words(name)),
          el('code', { class: 'fact-value' }, showValue(fact.value))),
        // A person's correction wins, and the machine's answer stays visible beside it.
        fact.machine ? el('p', { class: 'fact-correction' }, `corrected by ${(fact.extractor ?? 'human:?').replace(/^human:/, '')}; extractor said ${showValue(fact.machine.value)}`) : null,
        ...fact.evidence.slice(0, 1).map(evidenceQuote))),
      ...review.map(([name, fact]) => el('div', { class: 'fact needs-review', attrs: { 'data-fact': name } },
        el('div', { class: 'fact-line' }, el('span', { class: 'fact-name' }, words(name)),
          el('code', { class: 'fact-value' }, 'needs review')),
        ...fact.review!.slice(0, 2).map((r) => el('div', {},
          el('p', { class: 'review-reason' }, `${r.value !== undefined ? `could be ${showValue(r.value)}: ` : ''}${r.reason}`),
          ...r.evidence.slice(0, 1).map(evidenceQuote))))),
      quiet.length ? el('p', { class: 'silent' }, 'Silent on: ', quiet.join(', ')) : null);
  }

  private finding(f: Finding, focused: boolean): HTMLElement {
    return el('li', { class: `detail-finding${focused ? ' focused' : ''}` },
      el('div', { class: 'finding-top' }, pill(f.severity), el('b', {}, f.title)),
      f.detail && f.detail !== f.title ? el('p', {}, f.detail) : null,
      el('p', { class: 'remediation' }, el('b', {}, 'Fix: '), f.remediation),
      el('p', { class: 'citations' }, f.citations.map((c) => c.ref).join(' · ')),
      f.instances && f.instances.length > 1 ? this.instances(f) : null,
      ...(f.instances && f.instances.length > 1 ? [] : f.evidence.map(evidenceQuote)));
  }

  /** A grouped finding's instances: where it occurs (install, site) and the evidence of each. */
  private instances(f: Finding): HTMLElement {
    const all = f.instances ?? [];
    const row = (i: NonNullable<Finding['instances']>[number]) => el('li', { class: 'instance', attrs: { 'data-system': i.system } },
      el('div', {}, el('b', {}, this.names.get(i.system) ?? i.system), i.site ? ` · ${i.site}` : '', ' · ', i.severity),
      ...i.evidence.slice(0, 1).map(evidenceQuote));
    const rest = all.slice(INSTANCES_SHOWN);
    return el('div', { class: 'instances' },
      el('h4', {}, `Instances (${all.length.toLocaleString('en-US')}): where it occurs, and the evidence of each`),
      el('ol', {}, ...all.slice(0, INSTANCES_SHOWN).map(row)),
      rest.length ? el('details', {}, el('summary', {}, `Show the other ${rest.length.toLocaleString('en-US')}`), el('ol', {}, ...rest.map(row))) : null);
  }
}

function showValue(value: unknown): string {
  return Array.isArray(value) ? value.join(', ') : words(String(value));
}
