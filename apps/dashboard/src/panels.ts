/**
 * The findings list (right) and the details panel. Both read the AuditReport as served; they only look
 * things up and format them (every string through dom.ts, so nothing from a document becomes markup).
 */
import type { AttachedContract, DataCategory, Finding, FindingInstance, FindingKind, GraphSystem, Severity, SystemRole } from '@custody/domain';
import { FINDING_KINDS, pageInstances, SEVERITIES, severityRank, subjectSystems, type SystemView } from '@custody/domain';
import { categoryLabel, roleLabel } from '@custody/reports/plain-language';
import { cap, count, el, must, replace, words } from './dom.js';
import type { DashboardAudit, ListedFinding } from './api.js';
import { instanceTotal, systemTotal, type FindingsFilter, type FindingsSource } from './findings-source.js';
import { systemsBox } from './finding-systems.js';
import { FINDINGS_PAGE } from './live-reads.js';
import { evidenceQuote, factsToReview, ReviewDecisions, showValue } from './review-candidates.js';

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
 * Findings per page of the list (read from the server a page at a time). A fleet can raise thousands; reading
 * and building them all at load cost seconds for rows nobody scrolls to (see test/bench/dashboard.bench.ts).
 */
const PAGE = FINDINGS_PAGE;

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

/**
 * A subject by name: a system's, a flow's two ends, a path's hops (`path:practice>scribe>nimbus` reads
 * "Harborview → ScribeWell AI → Nimbus"), so a list never shows ids where the page knows the names.
 */
export function subjectLabel(subject: string, nameOf: (id: string) => string): string {
  const ids = subjectSystems(subject);
  return ids.length ? ids.map(nameOf).join(' → ') : subject;
}


const pill = (s: Severity) => el('span', { class: `pill sev-${s}` }, s);

/** Findings list with severity/kind filters, a page at a time from its source; clicking an item calls `onPick`. */
export class FindingsPanel {
  private source: FindingsSource | null = null;
  private readonly list = must<HTMLOListElement>('#findings-list');
  private readonly severity = must<HTMLSelectElement>('#severity-filter');
  private readonly kind = must<HTMLSelectElement>('#kind-filter');
  private readonly count = must<HTMLElement>('#findings-count');
  /** The pages read so far under the current filter, and where the next one starts. */
  private items: ListedFinding[] = [];
  private next: string | undefined;
  private matching = 0;
  /** Answers to an older filter or source are dropped. */
  private ticket = 0;

  /** `nameOf`: a system's name as known now (the map's labels, or the audit's once it is read). */
  constructor(private readonly onPick: (finding: ListedFinding) => void, private readonly nameOf: (id: string) => string) {
    replace(this.severity, el('option', { attrs: { value: '' } }, 'All severities'),
      ...SEVERITY_ORDER.map((s) => el('option', { attrs: { value: s } }, s[0].toUpperCase() + s.slice(1))));
    this.severity.addEventListener('change', () => void this.reload());
    this.kind.addEventListener('change', () => void this.reload());
  }

  get findingsSource(): FindingsSource | null {
    return this.source;
  }

  /** A new list (a new view or score): its first page under the filters chosen. Resolves once it is shown. */
  setSource(source: FindingsSource): Promise<void> {
    this.source = source;
    const kinds = source.kinds ?? [...FINDING_KINDS];
    const current = this.kind.value;
    replace(this.kind, el('option', { attrs: { value: '' } }, 'All kinds'), ...kinds.map((k) => el('option', { attrs: { value: k } }, words(k))));
    this.kind.value = kinds.includes(current as FindingKind) ? current : '';
    return this.reload();
  }

  private get filter(): FindingsFilter {
    return { severity: (this.severity.value || undefined) as Severity | undefined, kind: (this.kind.value || undefined) as FindingKind | undefined };
  }

  private async reload(): Promise<void> {
    const source = this.source;
    if (!source) return;
    const ticket = ++this.ticket;
    this.list.setAttribute('aria-busy', 'true');
    try {
      const page = await source.page(this.filter, PAGE);
      if (ticket !== this.ticket) return;
      this.items = page.items;
      this.next = page.nextCursor;
      this.matching = page.total;
      this.render();
    } catch (err) {
      if (ticket === this.ticket) replace(this.list, el('li', { class: 'empty' }, `Could not load the findings: ${err instanceof Error ? err.message : String(err)}`));
    } finally {
      if (ticket === this.ticket) this.list.setAttribute('aria-busy', 'false');
    }
  }

  private async more(): Promise<void> {
    const source = this.source;
    if (!source || !this.next) return;
    const ticket = this.ticket;
    const page = await source.page(this.filter, PAGE, this.next);
    if (ticket !== this.ticket) return;
    this.items = [...this.items, ...page.items];
    this.next = page.nextCursor;
    this.render();
  }

  private render(): void {
    const total = this.source?.total ?? 0;
    this.count.textContent = `${this.matching} of ${total}`;
    replace(this.list, ...this.items.map((f) => {
      const who = this.who(f);
      const instances = instanceTotal(f);
      const triaged = f.triage && f.triage.status !== 'open' ? el('span', { class: 'triage' }, words(f.triage.status)) : null;
      return el('li', { class: `finding sev-border-${f.severity}`, attrs: { 'data-finding-id': f.id, tabindex: '0', role: 'button' }, on: {
        click: () => this.pick(f),
        keydown: (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); this.pick(f); } },
      } },
      el('div', { class: 'finding-top' }, pill(f.severity), el('span', { class: 'finding-title' }, f.title)),
      el('div', { class: 'finding-meta' }, instances > 1 ? `${subjectLabel(f.subject, this.nameOf)} · ${count(instances)} instances` : who,
        ' · ', words(f.kind), ' · +', f.contribution, ' pts', triaged ? ' · ' : null, triaged));
    }));
    if (this.items.length === 0) this.list.append(el('li', { class: 'empty' }, 'No findings match these filters.'));
    const rest = this.matching - this.items.length;
    if (this.next && rest > 0) {
      this.list.append(el('li', { class: 'more' }, el('button', { class: 'link', attrs: { type: 'button', 'data-action': 'more-findings' }, on: {
        click: () => void this.more(),
      } }, `Show ${Math.min(PAGE, rest)} more of ${rest} not shown`)));
    }
  }

  /**
   * Whom a finding is about, by name. An install inside a collapsed fleet group has no name on the page yet
   * (the map draws its group): it is named by its subject (the vendor it is grouped under) and its site.
   */
  private who(f: ListedFinding): string {
    const named = f.systems.map((id) => this.nameOf(id));
    const unlisted = systemTotal(f) - f.systems.length;
    if (named.every((n, i) => n !== f.systems[i])) return `${named.join(', ')}${unlisted > 0 ? ` and ${count(unlisted)} more` : ''}`;
    const site = f.instances?.[0]?.site;
    return `${subjectLabel(f.subject, this.nameOf)}${site ? ` · ${site}` : ''}`;
  }

  private pick(f: ListedFinding): void {
    for (const li of this.list.querySelectorAll('li.active')) li.classList.remove('active');
    this.list.querySelector(`li[data-finding-id="${CSS.escape(f.id)}"]`)?.classList.add('active');
    this.onPick(f);
  }
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
      el('h2', {}, 'Details'), el('p', {}, 'Select a system on the map or a finding in the list to see what it holds, what its contracts say, and why it is exposed.')));
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
        el('div', { class: `score-chip band-${band}`, attrs: { title: `Exposure ${node.score}/100 (${band})` } }, el('b', {}, node.score), el('span', {}, band))),
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
          el('code', { class: Array.isArray(fact.value) ? 'fact-value list' : 'fact-value' }, showValue(fact.value))),
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


