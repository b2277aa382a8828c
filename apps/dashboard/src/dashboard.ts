/**
 * The dashboard (loaded by main.ts once the first map request is on its way): wires the API, the graph and the panels. It renders what the server computed; when
 * the server says the exposure changed (`exposure.scored`), it refetches. The view is a lens plus, when the
 * time slider is moved back, a moment in the past (read-only).
 */
import { fleetGroupOf, fleetStandInId, type Lens, type SystemView } from '@custody/domain';
import { toCytoscapeElements, type CytoscapeElements } from '@custody/graph/cytoscape-elements';
import { collapseFleet, type FleetView } from '@custody/graph/fleet-view';
import type { GroupedGraph } from '@custody/graph/grouped-graph';
import { type ApiClient, ApiError, type DashboardAudit, type MapView, type View } from './api.js';
import { el, must, notice } from './dom.js';
import { DocumentsPanel } from './documents-panel.js';
import { ExportBar } from './export.js';
import { FiltersPanel } from './filters.js';
import { FleetPanel, fleetRows } from './fleet-panel.js';
import { GraphView } from './graph-view.js';
import { Header } from './header.js';
import { auditFindings, instanceTotal, storedFindings } from './findings-source.js';
import { FINDINGS_PAGE, liveReads, type LiveReads } from './live-reads.js';
import { DetailsPanel, detailsFromAudit, detailsFromView, FindingsPanel, type NodeView } from './panels.js';
import { SystemReads } from './system-reads.js';
import { connectEvents } from './sse.js';
import { UnconfirmedMapRecheck } from './map-recheck.js';
import { Tabs } from './tabs.js';
import { Timeline } from './timeline.js';
import { type WhatIfTarget, WhatIfPanel } from './what-if.js';

declare global {
  interface Window { __custody?: { cy: GraphView['cy']; reload: () => Promise<void> } }
}

/** A step of the first view on the page's timeline (`custody:<step>`), which the dashboard bench reads back. */
const mark = (step: string): void => void performance.mark(`custody:${step}`);

/** Resolves once the browser has painted what is on screen now (the frame after the next). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Resolves when the browser is idle (or after `ms`): heavy follow-up work waits for the user's first look. */
function idle(ms = 500): Promise<void> {
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: ms }));
}

/** Ends the current task, so a frame (a pan, a click) can run between two pieces of heavy work. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** `first`: the default view's reads, asked for by main.ts while this code was still downloading. */
export function start(api: ApiClient, first: { graph: Promise<MapView>; live: Promise<LiveReads> } | null): void {
  /** The audit of the view shown, once something needed it (null until then: the live view starts without it). */
  let report: DashboardAudit | null = null;
  let auditPending: Promise<DashboardAudit> | null = null;
  /** Moves with every load: an audit read for an older view or score is dropped when it arrives. */
  let generation = 0;
  /** Every install and flow of the audit (the fleet panel and finding clicks need the members of groups). */
  let fullEls: CytoscapeElements = { nodes: [], edges: [] };
  let fleet: FleetView | null = null;
  /** The lens the stored read model was scored under: views of it read the small stored reads. */
  let storedLens: Lens | undefined;
  let names = new Map<string, string>();
  const expanded = new Set<string>();
  const view: View = {};

  /** The grouped map's fleet vendors by the id their findings are grouped under when no system has their name. */
  let standIns = new Map<string, string>();
  const nameOf = (id: string): string => names.get(id) ?? systems.names.get(id) ?? (graph.cy.getElementById(id).data('label') as string | undefined) ?? standIns.get(id) ?? id;
  /** Clicked systems of the live view, read one at a time (not the audit). */
  const systems = new SystemReads(api);
  /** Whether the view shown is the live one under the stored lens: its systems can be read one at a time. */
  let liveStored = false;
  const tabs = new Tabs();
  const details = new DetailsPanel();
  details.clear();
  const whatIf = new WhatIfPanel(must('#whatif'), api, () => view.lens, (n) => tabs.setCount('whatif', n ? String(n) : ''));
  whatIf.setNames(nameOf);
  const fleetPanel = new FleetPanel(must('#fleet'), {
    onInstall: async (id) => {
      const key = fleet?.alias.get(id);
      if (key) { expanded.add(key); await redraw(); }
      graph.select(id);
      tabs.show('details');
    },
    onToggleGroup: (key) => {
      if (expanded.has(key)) expanded.delete(key); else expanded.add(key);
      void redraw();
    },
    loadAudit: async () => {
      await ensureAudit();
      return { report: report!, view: fleet! };
    },
  });

  /**
   * The audit of the view shown, read once per view and score when first needed (a system's contracts, a
   * group's installs, a document's link, another lens or a past moment), never for the first picture.
   */
  function ensureAudit(): Promise<DashboardAudit> {
    if (auditPending) return auditPending;
    const asked = { ...view };
    const mine = generation;
    // Without its flows: the map has them (grouped), and they are most of a fleet's audit.
    const pending = api.audit(asked, { omitFlows: true }).then(async (r) => {
      if (mine !== generation) return r;
      // Parsing a fleet's audit is one long task; the steps after it are split so the map keeps panning.
      await nextTask();
      if (mine !== generation) return r;
      report = r;
      names = new Map(r.systems.map((s) => [s.id, s.name]));
      // Every system as the server classes it (exposure, findings): the fleet panel lists a group's installs.
      fullEls = toCytoscapeElements({ ...r, flows: r.flows ?? [] });
      fleet = collapseFleet(fullEls, expanded);
      graph.setAlias(fleet.alias);
      header.setReport(r, asked.asOf);
      documents.setReport(r, !asked.asOf);
      return r;
    });
    auditPending = pending;
    pending.catch(() => { if (auditPending === pending) auditPending = null; });
    return pending;
  }

  const nodeView = (id: string): NodeView | null => {
    const n = graph.cy.getElementById(id);
    if (n.empty()) return null;
    const path = graph.pathFromPractice(n).nodes().map((p) => p.data('label') as string);
    return { id, label: n.data('label'), role: n.data('role'), score: n.data('score'), holds: n.data('holds'), classes: n.classes(), path };
  };
  const nodeTarget = (id: string): WhatIfTarget | null => {
    const n = graph.cy.getElementById(id);
    return n.empty() ? null : { id, label: n.data('label'), count: 1, systems: [id], isPractice: n.data('role') === 'practice' };
  };
  /** A fleet group's installs: from the audit when in hand, else the map's view with that group opened (its installs alone). */
  const groupMembers = async (key: string): Promise<string[]> => {
    const known = fleet?.groups.find((x) => x.key === key);
    if (known) return known.members.map((m) => m.data.id);
    const g = await api.groupedGraph(view, [key]);
    return g.nodes.filter((n) => n.data.group && fleetGroupOf(n.data.group, n.data.label).key === key).map((n) => n.data.id);
  };
  /** Which click is current: a slower answer for an earlier one does not overwrite the details. */
  let selection = 0;
  /** Set while a finding click redraws the map: the map re-selecting its node is not a new click. */
  let findingRedraw = false;
  const showNode = async (id: string | null) => {
    if (findingRedraw) return;
    const mine = ++selection;
    if (!id) { whatIf.setTarget(null); details.clear(); return; }
    const group = fleetPanel.details(id);
    if (group) {
      details.showElement(group);
      // A what-if on a group applies to its installs, read when a change is first asked for (not on the click).
      const g = groupSummaries.find((x) => x.key === id);
      whatIf.setTarget(g ? { id, label: g.label, count: g.installs, systems: () => groupMembers(id), isPractice: false } : null);
      return;
    }
    whatIf.setTarget(nodeTarget(id));
    const node = nodeView(id);
    if (!node) { details.clear(); return; }
    if (report) { details.show(detailsFromAudit(report, id), node, undefined, findings.findingsSource); return; }
    details.showElement(el('div', { attrs: { 'aria-busy': 'true' } }, el('h2', { class: 'details-name' }, node.label), el('p', { class: 'muted' }, 'Reading its contracts and findings…')));
    try {
      // The live view reads the system alone; another lens or a past moment has its audit read anyway.
      const d = liveStored ? detailsFromView(await systems.get(id), nameOf) : null;
      if (!d) await ensureAudit();
      if (mine !== selection) return;
      const shown = d ?? (report ? detailsFromAudit(report, id) : null);
      if (shown) details.show(shown, nodeView(id) ?? node, undefined, findings.findingsSource);
    } catch (err) {
      if (mine === selection) details.showElement(el('div', {}, el('h2', { class: 'details-name' }, node.label), el('p', { class: 'muted' }, `Could not read its contracts and findings: ${err instanceof Error ? err.message : String(err)}`)));
    }
  };
  const graph = new GraphView(must('#graph'), (id) => void showNode(id), (key) => { expanded.add(key); void redraw(); });
  // A finding click frames its subject and opens the finding with its evidence (its instances are read then).
  // An install of a collapsed fleet group is shown as itself (the group opens), so the evidence is that
  // install's, not the group summary: which group holds it, the audit says.
  const findings = new FindingsPanel(async (f) => {
    const mine = ++selection;
    const grouped = instanceTotal(f) > 1;
    const subject = f.subject.startsWith('system:') ? [f.subject.slice('system:'.length)] : [];
    const unseen = grouped ? [] : [...new Set([...subject, ...f.systems])].filter((id) => graph.cy.getElementById(id).empty());
    // Which collapsed group holds an install not drawn: each install's own read says (the live view), or the audit.
    let read: SystemView[] = [];
    if (unseen.length && drawnGroups > 0) {
      if (liveStored) read = (await Promise.all(unseen.map((x) => systems.get(x).catch(() => null)))).filter((v): v is SystemView => v !== null);
      else await ensureAudit().catch(() => undefined);
      if (mine !== selection) return;
    }
    const groups = new Set([...unseen.map((x) => fleet?.alias.get(x)), ...read.map((v) => v.group)].filter((k): k is string => !!k));
    const opened = [...groups].filter((k) => !expanded.has(k));
    if (opened.length) {
      opened.forEach((k) => expanded.add(k));
      findingRedraw = true;
      try { await redraw(); } finally { findingRedraw = false; }
    }
    if (mine !== selection) return;
    const id = graph.highlightSubject(f.subject, f.systems);
    whatIf.setTarget(id && !fleetPanel.details(id) ? nodeTarget(id) : null);
    const node = id && !fleetPanel.details(id) ? nodeView(id) : null;
    // The system with its findings (this one open), from the audit or its own read; else the finding itself.
    let shown = report && node ? detailsFromAudit(report, node.id) : null;
    if (!shown && node && liveStored) {
      shown = await systems.get(node.id).then((v) => detailsFromView(v, nameOf), () => null);
      if (mine !== selection) return;
    }
    if (shown && node) details.show(shown, node, f, findings.findingsSource);
    else details.showFinding(f, nameOf, findings.findingsSource);
    tabs.show('details');
    must('#details').querySelector('.detail-finding.focused')?.scrollIntoView({ block: 'start' });
  }, nameOf);
  const filters = new FiltersPanel((state) => graph.applyFilters(state));
  const header = new Header((l) => { view.lens = l; void load(); whatIf.refresh(); }, (files) => {
    tabs.show('documents');
    void documents.upload(files, (f) => api.upload(f));
  });
  const documents = new DocumentsPanel(must('#documents'), api, (pending) => {
    header.setUpdating(pending);
    tabs.setCount('documents', pending ? String(pending) : '');
  });
  // Which system each document is linked to is in the audit: read when the tab is opened.
  tabs.onShow((name) => { if (name === 'documents') void ensureAudit().catch(() => undefined); });
  tabs.onShow((name) => { if (name === 'fleet') fleetPanel.shown(); });
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-image]')) {
    b.addEventListener('click', () => {
      const format = b.dataset.image as 'png' | 'svg';
      const url = URL.createObjectURL(graph.image(format));
      const a = el('a', { attrs: { href: url, download: `custody-map${view.asOf ? `-as-of-${view.asOf.slice(0, 10)}` : ''}.${format}`, hidden: '' } });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  }
  const exportBar = new ExportBar(api, () => view.lens);
  const timeline = new Timeline(api, (asOf) => {
    view.asOf = asOf ?? undefined;
    header.setPast(asOf !== null);
    whatIf.setReadOnly(asOf !== null);
    exportBar.setDisabled(asOf !== null);
    void load();
  });

  /** Collapsed groups on the map now: an install not drawn may be inside one. */
  let drawnGroups = 0;
  /** Every fleet group of the map drawn (label, installs). */
  let groupSummaries: GroupedGraph['groups'] = [];

  /** Draw the server's grouped, positioned view and the Fleet tab's rows (both from the map alone). */
  function draw(g: GroupedGraph): void {
    graph.setElements(g);
    filters.setElements(g);
    drawnGroups = g.groups.filter((x) => !x.expanded).length;
    groupSummaries = g.groups;
    standIns = new Map(g.groups.map((x) => [fleetStandInId(x.vendor), x.vendor]));
    tabs.setAvailable('fleet', g.groups.length > 0);
    tabs.setCount('fleet', g.groups.length ? String(g.groups.length) : '');
    fleetPanel.set(fleetRows(g));
    if (report) {
      // Which installs and flows each collapsed group stands for: the same grouping the server drew.
      fleet = collapseFleet(fullEls, expanded);
      graph.setAlias(fleet.alias);
    }
  }

  /** Groups opened or closed: ask the server for the view with those groups' installs (members on demand). */
  let drawn = 0;
  // A map the server could not confirm as the latest run's is read again until it can (see UnconfirmedMapRecheck).
  const recheck = new UnconfirmedMapRecheck<MapView>(() => api.groupedGraph(view, expanded), (g) => {
    ++drawn;
    draw(g);
    staleNotice(g);
  });
  function staleNotice(g: MapView): void {
    // The previous run's map stays up while a newer graph is scored: said, so nobody reads it as current.
    notice(g.run?.stale ? 'Showing the last scored map: newer documents are being scored, and the map updates when they are.' : '');
  }
  async function redraw(): Promise<void> {
    const ticket = ++drawn;
    recheck.cancel();
    try {
      const g = await api.groupedGraph(view, expanded);
      if (ticket === drawn) { draw(g); recheck.after(g); }
    } catch (err) {
      notice(`Could not load the map: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async function loadOnce(): Promise<void> {
    try {
      const asked = { ...view };
      // A new view or score: what was read for the previous one is dropped (and read again when needed).
      generation++;
      [report, auditPending, fleet, fullEls, names] = [null, null, null, { nodes: [], edges: [] }, new Map()];
      graph.setAlias(new Map());
      fleetPanel.forgetAudit();
      systems.forget();
      recheck.cancel();
      const ticket = ++drawn;
      // The first load is the default view with nothing expanded: what main.ts already asked for.
      const prefetched = first && !asked.lens && !asked.asOf && expanded.size === 0 ? first : null;
      first = null;
      // The live view under the stored lens is answered from the read model in a few small reads.
      const stored = !asked.asOf && (!asked.lens || asked.lens === storedLens);
      liveStored = false;
      const liveP = stored ? (prefetched?.live ?? liveReads(api)) : null;
      liveP?.catch(() => undefined);
      const g = await (prefetched?.graph ?? api.groupedGraph(asked, expanded));
      mark('map-read');
      // The view changed while this load was in flight (a lens switch, a time-travel pick): the queued load
      // draws the view now asked for; drawing this one would also put the old lens back in the header.
      if (again) return;
      if (ticket === drawn) { draw(g); recheck.after(g); }
      mark('map-drawn');
      const live = liveP ? await liveP : null;
      mark('live-read');
      if (again) return;
      const scored = typeof live?.score.total === 'number' && live.score.lens && (!asked.lens || asked.lens === live.score.lens) ? live.score : null;
      if (live && typeof scored?.total === 'number' && scored.lens) {
        storedLens = view.lens = scored.lens;
        liveStored = true;
        const practice = g.nodes.find((n) => n.data.role === 'practice')?.data.label ?? live.workspace.name;
        header.setSummary({ practice, workspace: live.workspace.name, generatedAt: scored.evaluatedAt ?? new Date().toISOString(), total: scored.total, lens: scored.lens });
        await findings.setSource(storedFindings(api, live.findings, FINDINGS_PAGE));
        mark('list-shown');
        if (tabs.active === 'documents') void ensureAudit().catch(() => undefined);
      } else {
        // Another lens, a past moment, or nothing scored yet: the server evaluates the audit, which fills
        // the header and the list. The map is painted first, so the audit's download does not hold it back.
        await afterPaint();
        await idle();
        const r = await ensureAudit();
        if (again) return;
        view.lens = r.lens;
        await nextTask();
        if (again) return;
        await findings.setSource(auditFindings(r));
      }
      staleNotice(g);
    } catch (err) {
      notice(err instanceof ApiError && (err.status === 401 || err.status === 403)
        ? 'The API key was refused. Open a fresh dashboard link.'
        : `Could not load the audit: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  // One load at a time; a change of view during a load queues one more, so the last view asked for wins.
  let loading: Promise<void> | null = null;
  let again = false;
  function load(): Promise<void> {
    if (loading) { again = true; return loading; }
    // aria-busy tells assistive technology (and the browser tests) that the panels are still filling in:
    // the map is drawn before the audit arrives, so "nodes on the map" does not mean "header and panels ready".
    document.body.setAttribute('aria-busy', 'true');
    loading = (async () => {
      do { again = false; await loadOnce(); } while (again);
      loading = null;
      document.body.setAttribute('aria-busy', 'false');
    })();
    return loading;
  }

  window.__custody = { cy: graph.cy, reload: load };
  void load();
  void timeline.refresh();
  void documents.refresh();
  const DOCUMENT_EVENTS = new Set(['document.received', 'facts.extracted', 'document.rejected', 'document.linked', 'exposure.scored']);
  connectEvents(api.eventsUrl, api.headers, {
    onStatus: (s) => header.setLive(s),
    onEvent: (name) => {
      header.event(name);
      if (DOCUMENT_EVENTS.has(name)) void documents.refresh();
      if (name !== 'exposure.scored') return;
      void timeline.refresh();
      // The past does not change; only the live view follows new scores.
      if (!timeline.past) { void load(); whatIf.refresh(); }
    },
  });
}
