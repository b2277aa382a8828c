/**
 * The Fleet tab: one row per vendor + site group with its install count, how its installs are configured
 * (settings distribution), which findings its installs carry, and a drill-down to the installs. Counts
 * only: every finding and score shown comes from the server's audit.
 */
import type { Finding, GraphSystem } from '@custody/domain';
import { el, replace, words } from './dom.js';
import type { FleetGroup, FleetView } from '@custody/graph/fleet-view';
import type { DashboardAudit } from './api.js';

/** Notetaker settings worth comparing across installs (product.md, fleet exports). */
const SETTINGS: [key: string, label: string][] = [
  ['recording', 'Recording'],
  ['can_disable', 'Clinician can disable'],
  ['training', 'AI training'],
  ['consent_capture', 'Consent capture'],
  ['audio_retention_days', 'Audio retention (days)'],
  ['transcript_retention_days', 'Transcript retention (days)'],
];
/** Installs listed per group before "and N more" (the map drill-down shows all of them). */
const INSTALLS_SHOWN = 40;

export interface FleetHandlers {
  /** Show one install: expand its group on the map and select it. */
  onInstall: (installId: string) => void;
  /** Expand or collapse a group on the map. */
  onToggleGroup: (key: string) => void;
}

const band = (n: { classes: string }) => n.classes.split(' ').find((c) => c.startsWith('exposure-'))?.slice('exposure-'.length) ?? 'none';
const count = (n: number) => n.toLocaleString('en-US');

/** Value → how many installs have it, most common first. */
function distribution(values: unknown[]): [string, number][] {
  const m = new Map<string, number>();
  for (const v of values) {
    const k = v === undefined || v === null || v === '' ? 'not set' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : Array.isArray(v) ? v.join(', ') : String(v);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export class FleetPanel {
  private systems = new Map<string, GraphSystem>();
  private findings = new Map<string, Finding[]>();
  private groups: FleetGroup[] = [];

  constructor(private readonly root: HTMLElement, private readonly handlers: FleetHandlers) {}

  get size(): number {
    return this.groups.length;
  }

  set(report: DashboardAudit, view: FleetView): void {
    this.systems = new Map(report.systems.map((s) => [s.id, s]));
    // Index findings by charged system once: groups of thousands of installs look them up per install.
    this.findings = new Map();
    for (const f of report.findings) {
      for (const id of new Set([...f.systems, ...(f.subject.startsWith('system:') ? [f.subject.slice(7)] : [])])) {
        (this.findings.get(id) ?? this.findings.set(id, []).get(id)!).push(f);
      }
    }
    const open = new Set([...this.root.querySelectorAll<HTMLDetailsElement>('details.fleet-group[open]')].map((d) => d.dataset.group));
    this.groups = view.groups;
    const installs = view.groups.reduce((n, g) => n + g.members.length, 0);
    replace(this.root,
      el('div', { class: 'pane-head' }, el('h2', {}, 'Fleet'),
        el('span', { class: 'muted', attrs: { id: 'fleet-summary' } }, `${count(installs)} installs in ${count(view.groups.length)} groups`)),
      el('p', { class: 'hint' }, 'Installs are grouped by vendor and site on the map (double-click a group to draw its installs); a group takes the colour of its most exposed install.'),
      el('div', { class: 'fleet-groups' }, ...view.groups.map((g) => this.row(g, open.has(g.key)))));
  }

  /** A group's summary for the Details tab (when its aggregate node is clicked). */
  details(key: string): HTMLElement | null {
    const g = this.groups.find((x) => x.key === key);
    if (!g) return null;
    return el('div', { class: 'fleet-details' },
      el('div', { class: 'details-head' },
        el('div', {}, el('h2', { class: 'details-name' }, g.label), el('div', { class: 'chip role' }, 'Fleet group')),
        el('div', { class: `score-chip band-${band(g.worst)}`, attrs: { title: `Most exposed install: ${g.worst.data.label}` } }, el('b', {}, g.worst.data.score), el('span', {}, band(g.worst)))),
      this.body(g));
  }

  private row(g: FleetGroup, open: boolean): HTMLElement {
    const findings = g.members.reduce((n, m) => n + m.data.findingCount, 0);
    const item = el('details', { class: 'fleet-group', attrs: { 'data-group': g.key } },
      el('summary', {},
        el('span', { class: `swatch band-${band(g.worst)}`, attrs: { title: `Worst exposure: ${band(g.worst)}` } }),
        el('span', { class: 'fleet-name' }, el('b', {}, g.vendor), g.site ? ` · ${g.site}` : null,
          el('span', { class: 'fleet-sub' }, `${count(findings)} findings · most exposed install ${g.worst.data.score}/100`)),
        el('span', { class: 'fleet-count' }, `${count(g.members.length)} installs`)));
    // Built on first open: a fleet of thousands would otherwise render every install up front.
    const fill = () => { if (item.open && item.childElementCount === 1) item.append(this.body(g)); };
    item.addEventListener('toggle', fill);
    if (open) { item.open = true; fill(); }
    return item;
  }

  private body(g: FleetGroup): HTMLElement {
    const installs = g.members.map((m) => this.systems.get(m.data.id));
    const kinds = distribution(g.members.flatMap((m) => (this.findings.get(m.data.id) ?? []).map((f) => f.kind)));
    const shown = g.members.slice(0, INSTALLS_SHOWN);
    return el('div', { class: 'fleet-body' },
      el('button', { class: 'small', attrs: { type: 'button', 'data-action': 'toggle-group' }, on: { click: () => this.handlers.onToggleGroup(g.key) } },
        g.expanded ? 'Collapse on map' : `Show ${count(g.members.length)} installs on map`),
      el('h3', {}, 'Settings'),
      el('table', { class: 'dist' }, el('tbody', {}, ...SETTINGS.map(([key, label]) => el('tr', {},
        el('th', {}, label),
        el('td', {}, ...distribution(installs.map((s) => s?.settings[key])).map(([v, n]) =>
          el('span', { class: 'chip', attrs: { title: `${n} of ${g.members.length} installs` } }, `${words(v)} `, el('b', {}, count(n))))))))),
      el('h3', {}, 'Findings by kind'),
      kinds.length
        ? el('ul', { class: 'kinds' }, ...kinds.map(([k, n]) => el('li', {}, el('span', {}, words(k)), el('b', {}, count(n)))))
        : el('p', { class: 'muted' }, 'No findings on these installs.'),
      el('h3', {}, `Installs (${count(g.members.length)})`),
      el('ul', { class: 'installs' }, ...shown.map((m) => el('li', {},
        el('button', { class: 'install', attrs: { type: 'button', 'data-install': m.data.id }, on: { click: () => this.handlers.onInstall(m.data.id) } },
          el('span', { class: `swatch band-${band(m)}` }), el('span', { class: 'install-name' }, m.data.label),
          el('span', { class: 'muted' }, `${m.data.findingCount} finding${m.data.findingCount === 1 ? '' : 's'}`))))),
      g.members.length > shown.length ? el('p', { class: 'muted' }, `and ${count(g.members.length - shown.length)} more — show the group on the map to see them all.`) : null);
  }
}
