/**
 * The Fleet tab: one row per vendor + site group with its install count, how its installs are configured
 * (settings distribution), which findings its installs carry, and a drill-down to the installs. Counts
 * only: every finding and score shown comes from the server. The rows come from the grouped map; the
 * installs' settings and findings from the audit, read when a group is first opened.
 */
import type { Finding, GraphSystem } from '@custody/domain';
import { counted, fleetGroupOf, kindLabel, settingLabel, settingValue } from '@custody/domain';
import type { CyNode } from '@custody/graph/cytoscape-elements';
import type { FleetGroup, FleetView } from '@custody/graph/fleet-view';
import type { FleetGroupSummary, GroupedGraph } from '@custody/graph/grouped-graph';
import { count, el, replace } from './dom.js';
import type { DashboardAudit } from './api.js';

/** Notetaker settings worth comparing across installs (product.md, fleet exports), named as the report names them. */
const SETTINGS = ['recording', 'can_disable', 'training', 'consent_capture', 'audio_retention_days', 'transcript_retention_days'];
/** Installs listed per group before "and N more" (the map drill-down shows all of them). */
const INSTALLS_SHOWN = 40;

export interface FleetHandlers {
  /** Show one install: expand its group on the map and select it. */
  onInstall: (installId: string) => void;
  /** Expand or collapse a group on the map. */
  onToggleGroup: (key: string) => void;
  /** The audit and its fleet grouping, read on first need (a group opened): the installs' settings and findings. */
  loadAudit: () => Promise<{ report: DashboardAudit; view: FleetView }>;
}

/** A group as its row shows it, from the map the server drew (no audit needed). */
export interface FleetRow extends FleetGroupSummary {
  findings: number;
  worst: { score: number; band: string; label: string };
}

const band = (n: { classes: string }) => n.classes.split(' ').find((c) => c.startsWith('exposure-'))?.slice('exposure-'.length) ?? 'none';

/**
 * The rows of the Fleet tab from the grouped map: a collapsed group's node carries its installs' finding count
 * and its most exposed install's score and class; an expanded group's installs are on the map themselves.
 * Worst first, as every other list here: the most exposed install, then the group reaching the most installs
 * (an agency of 2,000 installs otherwise met "Cadence Scribe · Merced, 3 installs" first, in name order, with
 * a 74-install group of the same exposure further down), then the name.
 */
export function fleetRows(g: GroupedGraph): FleetRow[] {
  const stats = new Map<string, { findings: number; worst?: CyNode }>();
  for (const n of g.nodes) {
    if (!n.data.group) continue;
    const key = n.classes.split(' ').includes('fleet-group') ? n.data.id : fleetGroupOf(n.data.group, n.data.label).key;
    const s = stats.get(key) ?? stats.set(key, { findings: 0 }).get(key)!;
    s.findings += n.data.findingCount;
    if (!s.worst || n.data.score > s.worst.data.score) s.worst = n;
  }
  return g.groups.map((grp) => {
    const s = stats.get(grp.key);
    return { ...grp, findings: s?.findings ?? 0, worst: { score: s?.worst?.data.score ?? 0, band: s?.worst ? band(s.worst) : 'none', label: s?.worst?.data.label ?? grp.label } };
  }).sort((a, b) => b.worst.score - a.worst.score || b.installs - a.installs || a.label.localeCompare(b.label));
}

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
  /** The rows, or how to compute them (set() keeps the thunk: they are computed when first asked for). */
  private source: FleetRow[] | (() => FleetRow[]) = [];
  /** The groups changed since the pane was built (it is built when seen). */
  private stale = false;
  /** Filled from the audit when a group is first opened (and again when a newer audit is read). */
  private detail: { systems: Map<string, GraphSystem>; findings: Map<string, Finding[]>; groups: Map<string, FleetGroup> } | null = null;

  constructor(private readonly root: HTMLElement, private readonly handlers: FleetHandlers) {}

  private get rows(): FleetRow[] {
    if (typeof this.source === 'function') this.source = this.source();
    return this.source;
  }

  get size(): number {
    return this.rows.length;
  }

  /**
   * The groups as the map drew them. The pane is built when it is seen (now if its tab is open, else when the
   * tab is shown: `shown`): behind another tab it is work on the first view's path that nobody sees (its rows,
   * and the first count() building the page's number formatter, were 10-20 ms of main-thread CPU in the
   * dashboard bench's trace). The rows themselves may come as a thunk, computed when first needed (the pane
   * built, a group clicked): ranking them was another 10-16 ms (wall, loaded machine) inside the map's first draw.
   */
  set(rows: FleetRow[] | (() => FleetRow[])): void {
    this.source = rows;
    this.stale = true;
    if (!this.root.hidden) this.render();
  }

  /** Its tab was shown: build the pane if the groups changed since it was last built. */
  shown(): void {
    if (this.stale) this.render();
  }

  /** The open groups stay open. */
  private render(): void {
    this.stale = false;
    const rows = this.rows;
    const open = new Set([...this.root.querySelectorAll<HTMLDetailsElement>('details.fleet-group[open]')].map((d) => d.dataset.group));
    const installs = rows.reduce((n, g) => n + g.installs, 0);
    replace(this.root,
      el('div', { class: 'pane-head' }, el('h2', {}, 'Fleet'),
        el('span', { class: 'muted', attrs: { id: 'fleet-summary' } }, `${count(installs)} installs in ${count(rows.length)} groups`)),
      el('p', { class: 'hint' }, 'Installs are grouped by vendor and site on the map (double-click a group to draw its installs); a group takes the colour of its most exposed install.'),
      el('div', { class: 'fleet-groups' }, ...rows.map((g) => this.row(g, open.has(g.key)))));
  }

  /** Drop what was read from an older audit: the next group opened reads the current one. */
  forgetAudit(): void {
    this.detail = null;
  }

  private async groupDetail(key: string): Promise<{ group: FleetGroup; systems: Map<string, GraphSystem>; findings: Map<string, Finding[]> } | null> {
    if (!this.detail) {
      const { report, view } = await this.handlers.loadAudit();
      // Index findings by charged system once: groups of thousands of installs look them up per install.
      const findings = new Map<string, Finding[]>();
      for (const f of report.findings) {
        for (const id of new Set([...f.systems, ...(f.subject.startsWith('system:') ? [f.subject.slice(7)] : [])])) {
          (findings.get(id) ?? findings.set(id, []).get(id)!).push(f);
        }
      }
      this.detail = { systems: new Map(report.systems.map((s) => [s.id, s])), findings, groups: new Map(view.groups.map((g) => [g.key, g])) };
    }
    const group = this.detail.groups.get(key);
    return group ? { group, systems: this.detail.systems, findings: this.detail.findings } : null;
  }

  /** A group's summary for the Details tab (when its aggregate node is clicked); its body follows the audit. */
  details(key: string): HTMLElement | null {
    const g = this.rows.find((x) => x.key === key);
    if (!g) return null;
    return el('div', { class: 'fleet-details' },
      el('div', { class: 'details-head' },
        el('div', {}, el('h2', { class: 'details-name' }, g.label), el('div', { class: 'chip role' }, 'Fleet group')),
        el('div', { class: `score-chip band-${g.worst.band}`, attrs: { title: `Most exposed install: ${g.worst.label}` } }, el('b', {}, g.worst.score), el('span', {}, g.worst.band))),
      this.body(g));
  }

  private row(g: FleetRow, open: boolean): HTMLElement {
    const item = el('details', { class: 'fleet-group', attrs: { 'data-group': g.key } },
      el('summary', {},
        el('span', { class: `swatch band-${g.worst.band}`, attrs: { title: `Worst exposure: ${g.worst.band}` } }),
        el('span', { class: 'fleet-name' }, el('b', {}, g.vendor), g.site ? ` · ${g.site}` : null,
          el('span', { class: 'fleet-sub' }, `${count(g.findings)} findings · most exposed install ${g.worst.score}/100`)),
        el('span', { class: 'fleet-count' }, `${count(g.installs)} installs`)));
    // Built on first open: a fleet of thousands would otherwise render every install up front.
    const fill = () => { if (item.open && item.childElementCount === 1) item.append(this.body(g)); };
    item.addEventListener('toggle', fill);
    if (open) { item.open = true; fill(); }
    return item;
  }

  /** The toggle at once; the settings, findings by kind and installs once the audit is read. */
  private body(g: FleetRow): HTMLElement {
    const rest = el('div', { class: 'fleet-detail', attrs: { 'aria-busy': 'true' } }, el('p', { class: 'muted' }, 'Reading the installs…'));
    void this.groupDetail(g.key).then(
      (d) => { replace(rest, ...(d ? this.installs(d.group, d.systems, d.findings) : [el('p', { class: 'muted' }, 'This group is no longer in the audit.')])); },
      (err: unknown) => { replace(rest, el('p', { class: 'muted' }, `Could not read the installs: ${err instanceof Error ? err.message : String(err)}`)); },
    ).finally(() => rest.setAttribute('aria-busy', 'false'));
    return el('div', { class: 'fleet-body' },
      el('button', { class: 'small', attrs: { type: 'button', 'data-action': 'toggle-group' }, on: { click: () => this.handlers.onToggleGroup(g.key) } },
        g.expanded ? 'Collapse on map' : `Show ${count(g.installs)} installs on map`),
      rest);
  }

  private installs(g: FleetGroup, systems: Map<string, GraphSystem>, findings: Map<string, Finding[]>): HTMLElement[] {
    const installs = g.members.map((m) => systems.get(m.data.id));
    const kinds = distribution(g.members.flatMap((m) => (findings.get(m.data.id) ?? []).map((f) => f.kind)));
    const shown = g.members.slice(0, INSTALLS_SHOWN);
    const parts: (HTMLElement | null)[] = [
      el('h3', {}, 'Settings'),
      el('table', { class: 'dist' }, el('tbody', {}, ...SETTINGS.map((key) => el('tr', {},
        el('th', {}, settingLabel(key)),
        el('td', {}, ...distribution(installs.map((s) => s?.settings[key])).map(([v, n]) =>
          el('span', { class: 'chip', attrs: { title: `${n} of ${g.members.length} installs` } }, `${settingValue(v, key)} `, el('b', {}, count(n))))))))),
      el('h3', {}, 'Findings by kind'),
      kinds.length
        ? el('ul', { class: 'kinds' }, ...kinds.map(([k, n]) => el('li', {}, el('span', {}, kindLabel(k)), el('b', {}, count(n)))))
        : el('p', { class: 'muted' }, 'No findings on these installs.'),
      el('h3', {}, `Installs (${count(g.members.length)})`),
      el('ul', { class: 'installs' }, ...shown.map((m) => el('li', {},
        el('button', { class: 'install', attrs: { type: 'button', 'data-install': m.data.id }, on: { click: () => this.handlers.onInstall(m.data.id) } },
          el('span', { class: `swatch band-${band(m)}` }), el('span', { class: 'install-name' }, m.data.label),
          el('span', { class: 'muted' }, counted(m.data.findingCount, 'finding')))))),
      g.members.length > shown.length ? el('p', { class: 'muted' }, `and ${count(g.members.length - shown.length)} more — show the group on the map to see them all.`) : null,
    ];
    return parts.filter((x): x is HTMLElement => x !== null);
  }
}
