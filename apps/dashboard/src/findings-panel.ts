/**
 * The findings list (right): the audit's findings a page at a time from their source, with severity and kind
 * filters; a click hands the finding to the dashboard, which frames it on the map and opens it in the details
 * panel. Apart from details-panel.ts because the list pages and filters the whole workspace's findings while
 * the details panel formats one system or finding; both only look things up and format them (every string
 * through dom.ts, so nothing from a document becomes markup).
 */
import type { FindingKind, Severity } from '@custody/domain';
import { FINDING_KINDS, kindLabel, POINTS_MEANING, SEVERITIES, subjectSystems } from '@custody/domain';
import { count, el, must, replace, words } from './dom.js';
import type { ListedFinding } from './api.js';
import { instanceTotal, systemTotal, type FindingsFilter, type FindingsSource } from './findings-source.js';
import { FINDINGS_PAGE } from './live-reads.js';

const SEVERITY_ORDER = [...SEVERITIES].reverse();
/**
 * Findings per page of the list (read from the server a page at a time). A fleet can raise thousands; reading
 * and building them all at load cost seconds for rows nobody scrolls to (see test/bench/dashboard.bench.ts).
 */
const PAGE = FINDINGS_PAGE;

/**
 * A subject by name: a system's, a flow's two ends, a path's hops (`path:practice>scribe>nimbus` reads
 * "Harborview → ScribeWell AI → Nimbus"), so a list never shows ids where the page knows the names.
 */
export function subjectLabel(subject: string, nameOf: (id: string) => string): string {
  const ids = subjectSystems(subject);
  return ids.length ? ids.map(nameOf).join(' → ') : subject;
}

/** A severity as the list shows it (the details panel shows its findings with the same pill). */
export const pill = (s: Severity) => el('span', { class: `pill sev-${s}` }, s);

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
    replace(this.kind, el('option', { attrs: { value: '' } }, 'All kinds'), ...kinds.map((k) => el('option', { attrs: { value: k } }, kindLabel(k))));
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
        ' · ', kindLabel(f.kind), ' · ', (f.template ? el('span', { class: 'points template', attrs: { title: 'A template\'s clauses (no vendor named): listed as its review, not scored' } }, 'template review, not scored')
          : el('span', { class: 'points', attrs: { title: POINTS_MEANING } }, `+${f.contribution} pts`)), triaged ? ' · ' : null, triaged));
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
