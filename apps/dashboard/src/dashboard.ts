/**
 * The dashboard (loaded by main.ts once the first map request is on its way): wires the API, the graph and the panels. It renders what the server computed; when
 * the server says the exposure changed (`exposure.scored`), it refetches. The view is a lens plus, when the
 * time slider is moved back, a moment in the past (read-only).
 */
import type { Finding } from '@custody/domain';
import { toCytoscapeElements, type CytoscapeElements } from '@custody/graph/cytoscape-elements';
import { collapseFleet, type FleetView } from '@custody/graph/fleet-view';
import type { GroupedGraph } from '@custody/graph/grouped-graph';
import { type ApiClient, ApiError, type DashboardAudit, type View } from './api.js';
import { el, must, notice } from './dom.js';
import { DocumentsPanel } from './documents-panel.js';
import { ExportBar } from './export.js';
import { FiltersPanel } from './filters.js';
import { FleetPanel } from './fleet-panel.js';
import { GraphView } from './graph-view.js';
import { Header } from './header.js';
import { DetailsPanel, FindingsPanel, type NodeView } from './panels.js';
import { connectEvents } from './sse.js';
import { Tabs } from './tabs.js';
import { Timeline } from './timeline.js';
import { type WhatIfTarget, WhatIfPanel } from './what-if.js';

declare global {
  interface Window { __custody?: { cy: GraphView['cy']; reload: () => Promise<void> } }
}

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

/** `first`: the default view's grouped map, requested by main.ts while this code was still downloading. */
export function start(api: ApiClient, first: Promise<GroupedGraph> | null): void {
  let report: DashboardAudit | null = null;
  /** Every install and flow of the audit (the fleet panel and finding clicks need the members of groups). */
  let fullEls: CytoscapeElements = { nodes: [], edges: [] };
  let fleet: FleetView | null = null;
  const expanded = new Set<string>();
  const view: View = {};

  const tabs = new Tabs();
  const details = new DetailsPanel();
  details.clear();
  const whatIf = new WhatIfPanel(must('#whatif'), api, () => view.lens, (n) => tabs.setCount('whatif', n ? String(n) : ''));
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
  });

  const nodeView = (id: string): NodeView | null => {
    const n = graph.cy.getElementById(id);
    if (n.empty()) return null;
    const path = graph.pathFromPractice(n).nodes().map((p) => p.data('label') as string);
    return { id, label: n.data('label'), role: n.data('role'), score: n.data('score'), holds: n.data('holds'), classes: n.classes(), path };
  };
  const whatIfTarget = (id: string): WhatIfTarget | null => {
    const group = fleet?.groups.find((g) => g.key === id);
    if (group) return { id, label: group.label, systems: group.members.map((m) => m.data.id), isPractice: false };
    const n = graph.cy.getElementById(id);
    return n.empty() ? null : { id, label: n.data('label'), systems: [id], isPractice: n.data('role') === 'practice' };
  };
  const showNode = (id: string | null, focus?: Finding) => {
    whatIf.setTarget(id ? whatIfTarget(id) : null);
    const group = id ? fleetPanel.details(id) : null;
    const node = id && !group ? nodeView(id) : null;
    if (group) details.showElement(group);
    else if (node && report) details.show(report, node, focus);
    // A finding whose subject is not a node on the map (a vendor known only through its fleet installs):
    // show the finding itself, with its instances and evidence.
    else if (focus && report) details.showFinding(report, focus);
    else details.clear();
  };
  const graph = new GraphView(must('#graph'), (id) => showNode(id), (key) => { expanded.add(key); void redraw(); });
  // A finding click frames its subject and opens its evidence. An install of a collapsed fleet group is
  // shown as itself (the group opens), so the evidence is that install's, not the group summary.
  const findings = new FindingsPanel(async (f) => {
    // A grouped finding (one per rule and vendor, with its installs as instances) stays on the vendor and
    // its fleet groups, its instances listed in the details; a single install's finding opens that install.
    const grouped = (f.instances?.length ?? 0) > 1;
    const groups = grouped ? new Set<string>() : new Set([f.subject.replace(/^system:/, ''), ...f.systems].map((id) => fleet?.alias.get(id)).filter((k): k is string => !!k));
    const opened = [...groups].filter((k) => !expanded.has(k));
    if (opened.length) { opened.forEach((k) => expanded.add(k)); await redraw(); }
    showNode(graph.highlightSubject(f.subject, f.systems), f);
    tabs.show('details');
    must('#details').querySelector('.detail-finding.focused')?.scrollIntoView({ block: 'start' });
  });
  const filters = new FiltersPanel((state) => graph.applyFilters(state));
  const header = new Header((l) => { view.lens = l; void load(); whatIf.refresh(); }, (files) => {
    tabs.show('documents');
    void documents.upload(files, (f) => api.upload(f));
  });
  const documents = new DocumentsPanel(must('#documents'), api, (pending) => {
    header.setUpdating(pending);
    tabs.setCount('documents', pending ? String(pending) : '');
  });
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

  /** Draw the server's grouped, positioned view; the parts that need the audit follow when it is here. */
  function draw(g: GroupedGraph): void {
    graph.setElements(g);
    filters.setElements(g);
    tabs.setAvailable('fleet', g.groups.length > 0);
    tabs.setCount('fleet', g.groups.length ? String(g.groups.length) : '');
    if (report) renderAudit(report);
  }

  /** Groups opened or closed: ask the server for the view with those groups' installs (members on demand). */
  let drawn = 0;
  async function redraw(): Promise<void> {
    const ticket = ++drawn;
    try {
      const g = await api.groupedGraph(view, expanded);
      if (ticket === drawn) draw(g);
    } catch (err) {
      notice(`Could not load the map: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  function renderAudit(r: DashboardAudit): void {
    // Which installs and flows each collapsed group stands for: the same grouping the server drew.
    fleet = collapseFleet(fullEls, expanded);
    graph.setAlias(fleet.alias);
    fleetPanel.set(r, fleet);
  }

  async function loadOnce(): Promise<void> {
    try {
      const asked = { ...view };
      // The map needs only the grouped view (kilobytes, where the audit of a fleet is megabytes): draw it,
      // let the browser paint it, and only then fetch the audit that fills the findings, details and fleet
      // panels, so its download and parsing do not hold back the first picture.
      const ticket = ++drawn;
      // The first load is the default view with nothing expanded: what main.ts already asked for.
      const prefetched = first && !asked.lens && !asked.asOf && expanded.size === 0 ? first : null;
      first = null;
      const g = await (prefetched ?? api.groupedGraph(asked, expanded));
      // The view changed while this load was in flight (a lens switch, a time-travel pick): the queued load
      // draws the view now asked for; drawing this one would also put the old lens back in the header.
      if (again) return;
      if (ticket === drawn) draw(g);
      await afterPaint();
      await idle();
      // Without its flows: the map has them (grouped), and they are most of a fleet's audit.
      const r = await api.audit(asked, { omitFlows: true });
      // Parsing a fleet's audit is one long task; the steps after it are split so the map keeps panning.
      await nextTask();
      if (again) return;
      // Every system as the server classes it (exposure, findings): the fleet panel lists a group's installs.
      const els = toCytoscapeElements({ ...r, flows: r.flows ?? [] });
      report = r;
      fullEls = els;
      view.lens = r.lens;
      header.setReport(r, asked.asOf);
      await nextTask();
      if (again) return;
      documents.setReport(r, !asked.asOf);
      findings.setReport(r);
      await nextTask();
      if (again) return;
      whatIf.setReport(r);
      renderAudit(r);
      notice('');
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
