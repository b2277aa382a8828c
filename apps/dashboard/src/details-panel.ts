/**
 * The details panel: one system beside its node on the map (role, holdings, score, contract facts with their
 * quotes and review candidates, its findings), or one finding on its own with its instances read a page at a
 * time. Also what it is given to show (SystemDetails, from the audit or from a system's own read). Apart from
 * findings-panel.ts because it formats one subject in depth while the list pages the workspace's findings; it
 * reads the AuditReport as served and only looks things up and formats them (every string through dom.ts).
 */
import type { AttachedContract, DataCategory, Finding, FindingInstance, GraphSystem, SystemRole } from '@custody/domain';
import { pageInstances, POINTS_MEANING, severityRank, type SystemView } from '@custody/domain';
import { categoryLabel, roleLabel } from '@custody/reports/plain-language';
import { cap, count, el, must, replace, words } from './dom.js';
import type { DashboardAudit, ListedFinding } from './api.js';
import { instanceTotal, type FindingsSource } from './findings-source.js';
import { systemsBox } from './finding-systems.js';
import { pill } from './findings-panel.js';
import { evidenceQuote, factsToReview, ReviewDecisions, showValue, shownFact } from './review-candidates.js';

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

/** Findings charged to a system (the same relation the server uses for findingCount). */
export function findingsFor(report: DashboardAudit, id: string): Finding[] {
  return report.findings.filter((f) => f.systems.includes(id) || f.subject === `system:${id}`);
}

/** What the details panel shows of a system beside the map's node: from the audit, or from its own read. */
export interface SystemDetails {
  system?: GraphSystem;
  /** Worst first; maybe the first of `total` (a system's own read carries the worst 100). */
  findings: ListedFinding[];
  total: number;
  nameOf: (id: string) => string;
}

export function detailsFromAudit(report: DashboardAudit, id: string): SystemDetails {
  const names = new Map(report.systems.map((s) => [s.id, s.name]));
  const findings = findingsFor(report, id).sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  return { system: report.systems.find((s) => s.id === id), findings, total: findings.length, nameOf: (x) => names.get(x) ?? x };
}

export function detailsFromView(view: SystemView, nameOf: (id: string) => string): SystemDetails {
  return { system: view.system, findings: view.findings, total: view.findingTotal, nameOf: (x) => view.names[x] ?? nameOf(x) };
}

/** Instances listed when a finding is opened; more a page at a time (a fleet finding can have thousands). */
const INSTANCES_SHOWN = 20;
const INSTANCES_MORE = 100;

/** The details of one system (role, holdings, score, contract facts with quotes, findings), or of one finding. */
export class DetailsPanel {
  private readonly root = must<HTMLElement>('#details');
  private nameOf: (id: string) => string = (id) => id;
  /** Where a finding's instances are read from (the list's source), and which request is current. */
  private source: FindingsSource | null = null;
  private ticket = 0;
  /** The review candidates' accept/reject (and the decisions sent, kept across re-renders). */
  readonly review = new ReviewDecisions();
  /** The system shown, so a new score can show it again (a decision taken here then appears in it). */
  shownSystem: string | null = null;

  clear(): void {
    this.ticket++;
    this.shownSystem = null;
    replace(this.root, el('div', { class: 'placeholder' },
      el('h2', {}, 'Details'), el('p', {}, 'Select a system on the map or a finding in the list to see what it holds, what its contracts say, and why it is exposed.'),
      el('p', { class: 'points-meaning' }, POINTS_MEANING)));
  }

  /** Show something other than a system (a fleet group's summary, a note while the audit is read). */
  showElement(content: HTMLElement): void {
    this.ticket++;
    this.shownSystem = null;
    replace(this.root, content);
    this.root.scrollTop = 0;
  }

  /** One finding on its own: what it is, how to fix it, and where it occurs (instances read when opened). */
  showFinding(f: ListedFinding, nameOf: (id: string) => string, source: FindingsSource | null): void {
    this.ticket++;
    this.shownSystem = null;
    [this.nameOf, this.source] = [nameOf, source];
    replace(this.root, el('h2', { class: 'details-name' }, f.title), el('ol', { class: 'detail-findings' }, this.finding(f, true)));
    this.root.scrollTop = 0;
  }

  show(d: SystemDetails, node: NodeView, focus: ListedFinding | undefined, source: FindingsSource | null): void {
    this.ticket++;
    [this.nameOf, this.source] = [d.nameOf, source];
    this.shownSystem = node.id;
    const system = d.system;
    const band = node.classes.find((c) => c.startsWith('exposure-'))?.slice('exposure-'.length) ?? 'none';
    // The finding clicked is shown even when it is not among the worst a system's own read carries.
    const findings = focus && !d.findings.some((f) => f.id === focus.id) ? [focus, ...d.findings] : d.findings;
    const rest = d.total - findings.length;
    replace(this.root,
      el('div', { class: 'details-head' },
        el('div', {}, el('h2', { class: 'details-name' }, node.label), el('div', { class: 'chip role' }, cap(roleLabel(node.role as SystemRole)))),
        // A template names no vendor: its state, not a number that would read as a vendor's exposure.
        node.classes.includes('template')
          ? el('div', { class: 'score-chip template', attrs: { title: 'Not scored: a template that leaves the vendor\'s name blank; its findings are its review' } }, el('b', {}, 'n/a'), el('span', {}, 'template'), el('span', {}, 'no vendor named'))
          : el('div', { class: `score-chip band-${band}`, attrs: { title: `Exposure ${node.score}/100 (${band})` } }, el('b', {}, node.score), el('span', {}, band))),
      node.path.length > 1 ? el('div', { class: 'path' }, el('h3', {}, 'Path from the practice'), el('div', { class: 'path-line' }, node.path.join(' → '))) : null,
      el('h3', {}, 'Data held'),
      node.holds.length ? el('div', { class: 'chips' }, ...node.holds.map((c) => el('span', { class: 'chip' }, categoryLabel(c as DataCategory)))) : el('p', { class: 'muted' }, 'None recorded.'),
      system ? this.contracts(system) : null,
      el('h3', {}, `Findings (${Math.max(d.total, findings.length)})`),
      findings.length ? el('ol', { class: 'detail-findings' }, ...findings.map((f) => this.finding(f, f.id === focus?.id))) : el('p', { class: 'muted' }, 'No findings on this system.'),
      rest > 0 ? el('p', { class: 'muted more-findings-note' }, `The worst ${findings.length} are shown; the findings list has the other ${count(rest)}.`) : null);
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
    // Every candidate kept for a person is shown, never folded into "silent": where the extractor abstained, and
    // beside an answer (sub-processor names held back below the threshold next to those it kept).
    const review = factsToReview(c);
    const waiting = new Set(review.map(([name]) => name as string));
    const quiet = entries.filter(([name, f]) => silent(f.value) && f.evidence.length === 0 && !waiting.has(name)).map(([name]) => words(name));
    return el('div', { class: 'contract' },
      el('div', { class: 'contract-head' }, el('b', {}, c.file), el('span', { class: 'chip' }, c.kind), c.expires ? el('span', { class: 'muted' }, `expires ${c.expires}`) : null),
      ...stated.map(([name, fact]) => el('div', { class: 'fact', attrs: { 'data-fact': name } },
        el('div', { class: 'fact-line' }, el('span', { class: 'fact-name' }, words(name)),
          el('code', { class: Array.isArray(fact.value) ? 'fact-value list' : 'fact-value' }, shownFact(fact))),
        // A person's correction wins, and the machine's answer stays visible beside it.
        fact.machine ? el('p', { class: 'fact-correction' }, `corrected by ${(fact.extractor ?? 'human:?').replace(/^human:/, '')}; extractor said ${showValue(fact.machine.value)}`) : null,
        ...fact.evidence.slice(0, 1).map(evidenceQuote))),
      ...review.map(([name, fact]) => this.review.block(c, name, fact)),
      quiet.length ? el('p', { class: 'silent' }, 'Silent on: ', quiet.join(', ')) : null);
  }

  private finding(f: ListedFinding, focused: boolean): HTMLElement {
    const grouped = instanceTotal(f) > 1;
    return el('li', { class: `detail-finding${focused ? ' focused' : ''}` },
      el('div', { class: 'finding-top' }, pill(f.severity), el('b', {}, f.title)),
      f.detail && f.detail !== f.title ? el('p', {}, f.detail) : null,
      el('p', { class: 'remediation' }, el('b', {}, 'Fix: '), f.remediation),
      el('p', { class: 'citations' }, f.citations.map((c) => c.ref).join(' · ')),
      systemsBox(f, this.nameOf, this.source ? this.source.systems.bind(this.source, f) : null, ((ticket) => () => ticket === this.ticket)(this.ticket)),
      grouped ? this.instances(f) : null,
      ...(grouped ? [] : f.evidence.map(evidenceQuote)),
      // A page lists a finding's first quotes; all of them are on the finding's own route (GET /findings/{id}).
      !grouped && (f.evidenceCount ?? 0) > f.evidence.length ? el('p', { class: 'muted' }, `The first ${f.evidence.length} of ${count(f.evidenceCount!)} quotes.`) : null);
  }

  /**
   * A grouped finding's instances: where it occurs (install, site) and the evidence of each. The few the
   * finding carries show at once; its first page is read when it is opened, the rest a page per click.
   */
  private instances(f: ListedFinding): HTMLElement {
    const total = instanceTotal(f);
    const list = el('ol', {});
    const box = el('div', { class: 'instances' }, el('h4', {}, `Instances (${count(total)}): where it occurs, and the evidence of each`), list);
    const row = (i: FindingInstance) => el('li', { class: 'instance', attrs: { 'data-system': i.system } },
      el('div', {}, el('b', {}, this.nameOf(i.system)), i.site ? ` · ${i.site}` : '', ' · ', i.severity),
      ...i.evidence.slice(0, 1).map(evidenceQuote));
    replace(list, ...(f.instances ?? []).slice(0, INSTANCES_SHOWN).map(row));
    // A finding that carries all its instances (one from an audit) is paged here; one cut to its first few, by its source.
    const carried = (f.instances?.length ?? 0) >= total;
    const fetchPage = carried ? async (limit: number, cursor?: string) => pageInstances(f, { limit, cursor })
      : this.source ? this.source.instances.bind(this.source, f) : null;
    if (!fetchPage) return box;
    const ticket = this.ticket;
    let shown = 0;
    const load = async (limit: number, cursor?: string) => {
      box.setAttribute('aria-busy', 'true');
      try {
        const page = await fetchPage(limit, cursor);
        if (ticket !== this.ticket) return;
        if (cursor === undefined) replace(list);
        list.append(...page.items.map(row));
        shown += page.items.length;
        box.querySelector('.more-instances')?.remove();
        const rest = total - shown;
        if (page.nextCursor && rest > 0) {
          box.append(el('button', { class: 'link more-instances', attrs: { type: 'button', 'data-action': 'more-instances' }, on: {
            click: () => void load(INSTANCES_MORE, page.nextCursor),
          } }, `Show ${count(Math.min(INSTANCES_MORE, rest))} more of the other ${count(rest)}`));
        }
      } catch (err) {
        if (ticket === this.ticket) box.append(el('p', { class: 'muted' }, `Could not load the instances: ${err instanceof Error ? err.message : String(err)}`));
      } finally {
        box.setAttribute('aria-busy', 'false');
      }
    };
    void load(INSTANCES_SHOWN);
    return box;
  }
}
