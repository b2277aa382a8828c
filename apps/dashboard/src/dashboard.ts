/**
 * The dashboard (loaded by main.ts once the first map request is on its way): wires the API, the graph and the panels. It renders what the server computed; when
 * the server says the exposure changed (`exposure.scored`), it refetches. The view is a lens plus, when the
 * time slider is moved back, a moment in the past (read-only). What is not wiring lives beside it: the lazily
 * read audit (view-audit.ts), one load at a time (load-queue.ts), when heavy work runs (frames.ts), what a map
 * node tells the panels (node-targets.ts), the event stream's routing (live-events.ts), the map's drawing
 * and redrawing (map-drawing.ts), the image buttons, the Law enforcement tab's wiring (law-enforcement-wiring.ts).
 */
import { fleetGroupOf, type Lens, type SystemView } from '@custody/domain';
import { type ApiClient, ApiError, type DashboardAudit, type MapView, type View } from './api.js';
import { el, must, notice } from './dom.js';
import { DocumentsPanel } from './documents-panel.js';
import { ExportBar } from './export.js';
import { FiltersPanel } from './filters.js';
import { FleetPanel } from './fleet-panel.js';
import { GraphView } from './graph-view.js';
import { Header, onlyTemplates } from './header.js';
import { auditFindings, instanceTotal, storedFindings } from './findings-source.js';
import { FINDINGS_PAGE, liveReads, type LiveReads, type LiveFindingsPage } from './live-reads.js';
import { findingsRecheck } from './findings-recheck.js';
import { DetailsPanel, detailsFromAudit, detailsFromView } from './details-panel.js';
import { FindingsPanel } from './findings-panel.js';
import { afterPaint, idle, mark, nextTask } from './frames.js';
import { wireImageDownloads } from './image-download.js';
import { followEvents } from './live-events.js';
import { LoadQueue } from './load-queue.js';
import { nodeTarget, nodeView } from './node-targets.js';
import { SystemReads } from './system-reads.js';
import { MapDrawing } from './map-drawing.js';
import { lawEnforcementTab } from './law-enforcement-wiring.js';
import { Tabs } from './tabs.js';
import { Timeline } from './timeline.js';
import { ViewAudit } from './view-audit.js';
import { WhatIfPanel } from './what-if.js';

declare global {
  interface Window { __custody?: { cy: GraphView['cy']; reload: () => Promise<void> } }
}

/** `first`: the default view's reads, asked for by main.ts while this code was still downloading. */
export function start(api: ApiClient, first: { graph: Promise<MapView>; live: Promise<LiveReads> } | null): void {
  const expanded = new Set<string>();
  const view: View = {};
  /** The audit of the view shown, read when something first needs it; the panels that show it are told. */
  const audit = new ViewAudit(api, view, expanded, (r, fleet, asked) => {
    graph.setAlias(fleet.alias);
    header.setReport(r, asked.asOf);
    documents.setReport(r, !asked.asOf);
  });
  /** The lens the stored read model was scored under: views of it read the small stored reads. */
  let storedLens: Lens | undefined;

  const nameOf = (id: string): string => audit.names.get(id) ?? systems.names.get(id) ?? (graph.cy.getElementById(id).data('label') as string | undefined) ?? map.standIns.get(id) ?? id;
  /** Clicked systems of the live view, read one at a time (not the audit). */
  const systems = new SystemReads(api);
  /** Whether the view shown is the live one under the stored lens: its systems can be read one at a time. */
  let liveStored = false;
  const tabs = new Tabs();
  const details = new DetailsPanel();
  details.clear();
  // Review candidates are decided on the live view (the correction route); the past is read-only.
  const decide = (documentId: string, fact: string, body: { value: unknown; reason: string; candidate: unknown }) => api.correctFact(documentId, fact, body);
  details.review.setDecide(decide);
  const whatIf = new WhatIfPanel(must('#whatif'), api, () => view.lens, (n) => tabs.setCount('whatif', n ? String(n) : ''));
  whatIf.setNames(nameOf);
  const fleetPanel = new FleetPanel(must('#fleet'), {
    onInstall: async (id) => {
      const key = audit.fleet?.alias.get(id);
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
      return { report: audit.report!, view: audit.fleet! };
    },
  });

  function ensureAudit(): Promise<DashboardAudit> {
    return audit.ensure();
  }

  /** A fleet group's installs: from the audit when in hand, else the map's view with that group opened (its installs alone). */
  const groupMembers = async (key: string): Promise<string[]> => {
    const known = audit.fleet?.groups.find((x) => x.key === key);
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
      const g = map.groupSummaries.find((x) => x.key === id);
      whatIf.setTarget(g ? { id, label: g.label, count: g.installs, systems: () => groupMembers(id), isPractice: false } : null);
      return;
    }
    whatIf.setTarget(nodeTarget(graph, id));
    const node = nodeView(graph, id);
    if (!node) { details.clear(); return; }
    if (audit.report) { details.show(detailsFromAudit(audit.report, id), node, undefined, findings.findingsSource); return; }
    details.showElement(el('div', { attrs: { 'aria-busy': 'true' } }, el('h2', { class: 'details-name' }, node.label), el('p', { class: 'muted' }, 'Reading its contracts and findings…')));
    try {
      // The live view reads the system alone; another lens or a past moment has its audit read anyway.
      const d = liveStored ? detailsFromView(await systems.get(id), nameOf) : null;
      if (!d) await ensureAudit();
      if (mine !== selection) return;
      const shown = d ?? (audit.report ? detailsFromAudit(audit.report, id) : null);
      if (shown) details.show(shown, nodeView(graph, id) ?? node, undefined, findings.findingsSource);
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
    if (unseen.length && map.drawnGroups > 0) {
      if (liveStored) read = (await Promise.all(unseen.map((x) => systems.get(x).catch(() => null)))).filter((v): v is SystemView => v !== null);
      else await ensureAudit().catch(() => undefined);
      if (mine !== selection) return;
    }
    const groups = new Set([...unseen.map((x) => audit.fleet?.alias.get(x)), ...read.map((v) => v.group)].filter((k): k is string => !!k));
    const opened = [...groups].filter((k) => !expanded.has(k));
    if (opened.length) {
      opened.forEach((k) => expanded.add(k));
      findingRedraw = true;
      try { await redraw(); } finally { findingRedraw = false; }
    }
    if (mine !== selection) return;
    const id = graph.highlightSubject(f.subject, f.systems);
    whatIf.setTarget(id && !fleetPanel.details(id) ? nodeTarget(graph, id) : null);
    const node = id && !fleetPanel.details(id) ? nodeView(graph, id) : null;
    // The system with its findings (this one open), from the audit or its own read; else the finding itself.
    let shown = audit.report && node ? detailsFromAudit(audit.report, node.id) : null;
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
  // The law-enforcement list (law-enforcement-wiring.ts): its rows read when its tab or the map's colouring needs them.
  const law = lawEnforcementTab({ api, view, graph, showDetails: (id) => { void showNode(id); tabs.show('details'); } });
  wireImageDownloads(graph, () => view.asOf);
  const exportBar = new ExportBar(api, () => view.lens);
  const timeline = new Timeline(api, (asOf) => {
    view.asOf = asOf ?? undefined;
    header.setPast(asOf !== null);
    whatIf.setReadOnly(asOf !== null);
    exportBar.setDisabled(asOf !== null);
    details.review.setDecide(asOf === null ? decide : null);
    void load();
  });

  // The map drawn, redrawn and rechecked (map-drawing.ts); what it drew is read below (groups, stand-ins).
  const map = new MapDrawing({ api, view, expanded, graph, filters, tabs, fleetPanel, audit });
  const redraw = (): Promise<void> => map.redraw();
  // The live list's first page, read again while the server could not confirm it is the latest (findings-recheck.ts).
  const listRecheck = findingsRecheck<LiveFindingsPage>(api, (page) => void findings.setSource(storedFindings(api, page, FINDINGS_PAGE)));

  /**
   * The history slider's event log (up to 5,000 entries) and the documents' statuses are not part of the first
   * view: read once it is painted and the page is idle (or 500 ms on), so neither their answers nor their parsing
   * land inside it or the frames right after it. Once; after that events and uploads refresh them.
   */
  let secondaryAsked = false;
  const readSecondary = (): void => {
    if (secondaryAsked) return;
    secondaryAsked = true;
    void afterPaint().then(() => idle()).then(() => { void timeline.refresh(); void documents.refresh(); });
  };

  async function loadOnce(): Promise<void> {
    try {
      const asked = { ...view };
      // A new view or score: what was read for the previous one is dropped (and read again when needed).
      audit.forget();
      law.forget();
      graph.setAlias(new Map());
      fleetPanel.forgetAudit();
      systems.forget();
      map.recheck.cancel();
      listRecheck.cancel();
      const ticket = ++map.drawn;
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
      if (loads.again) return;
      if (ticket === map.drawn) { map.draw(g); map.recheck.after(g); }
      mark('map-drawn');
      const live = liveP ? await liveP : null;
      mark('live-read');
      if (loads.again) return;
      const scored = typeof live?.score.total === 'number' && live.score.lens && (!asked.lens || asked.lens === live.score.lens) ? live.score : null;
      if (live && typeof scored?.total === 'number' && scored.lens) {
        storedLens = view.lens = scored.lens;
        liveStored = true;
        const practice = g.nodes.find((n) => n.data.role === 'practice')?.data.label ?? live.workspace.name;
        header.setSummary({ practice, workspace: live.workspace.name, generatedAt: scored.evaluatedAt ?? new Date().toISOString(), total: scored.total, lens: scored.lens, template: onlyTemplates(g.nodes) });
        await findings.setSource(storedFindings(api, live.findings, FINDINGS_PAGE));
        if (!loads.again) listRecheck.after(live.findings);
        mark('list-shown');
        readSecondary();
        if (tabs.active === 'documents') void ensureAudit().catch(() => undefined);
      } else {
        // Another lens, a past moment, or nothing scored yet: the server evaluates the audit, which fills
        // the header and the list. The map is painted first, so the audit's download does not hold it back.
        await afterPaint();
        readSecondary();
        await idle();
        const r = await ensureAudit();
        if (loads.again) return;
        view.lens = r.lens;
        await nextTask();
        if (loads.again) return;
        await findings.setSource(auditFindings(r));
      }
      map.staleNotice(g);
    } catch (err) {
      readSecondary();
      notice(err instanceof ApiError && (err.status === 401 || err.status === 403)
        ? 'The API key was refused. Open a fresh dashboard link.'
        : `Could not load the audit: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  // One load at a time; a change of view during a load queues one more, so the last view asked for wins.
  const loads = new LoadQueue(loadOnce);
  function load(): Promise<void> { return loads.load(); }

  window.__custody = { cy: graph.cy, reload: load };
  void load();
  followEvents(api, header, documents, () => {
    void timeline.refresh();
    // The past does not change; only the live view follows new scores.
    // The system shown is shown again from the new score: a decision taken on it appears there.
    if (!timeline.past) { void load().then(() => { if (details.shownSystem) void showNode(details.shownSystem); }); whatIf.refresh(); }
  });
}
