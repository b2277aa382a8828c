/**
 * Dashboard entry: wires the API, the graph and the panels. It renders what the server computed; when
 * the server says the exposure changed (`exposure.scored`), it refetches.
 */
import type { AuditReport, Finding, Lens } from '@custody/domain';
import { ApiClient, ApiError, readAuth } from './api.js';
import { must } from './dom.js';
import { FiltersPanel } from './filters.js';
import { GraphView } from './graph-view.js';
import { Header } from './header.js';
import { DetailsPanel, FindingsPanel, type NodeView } from './panels.js';
import { connectEvents } from './sse.js';

declare global {
  interface Window { __custody?: { cy: GraphView['cy']; reload: () => Promise<void> } }
}

function notice(text: string): void {
  const box = must('#notice');
  box.textContent = text;
  box.hidden = text === '';
}

function start(): void {
  const auth = readAuth();
  if (!auth) {
    notice('No workspace credentials. Open the dashboard from the link Custody gives you (it ends in #key=…&ws=…).');
    return;
  }
  const api = new ApiClient(auth);
  let report: AuditReport | null = null;
  let lens: Lens | undefined;
  let loading: Promise<void> | null = null;

  const details = new DetailsPanel();
  details.clear();
  const nodeView = (id: string): NodeView | null => {
    const n = graph.cy.getElementById(id);
    if (n.empty()) return null;
    const path = graph.pathFromPractice(n).nodes().map((p) => p.data('label') as string);
    return { id, label: n.data('label'), role: n.data('role'), score: n.data('score'), holds: n.data('holds'), classes: n.classes(), path };
  };
  const showNode = (id: string | null, focus?: Finding) => {
    const view = id ? nodeView(id) : null;
    if (view && report) details.show(report, view, focus);
    else details.clear();
  };
  const graph = new GraphView(must('#graph'), (id) => showNode(id));
  const findings = new FindingsPanel((f) => showNode(graph.highlightSubject(f.subject, f.systems), f));
  const filters = new FiltersPanel((state) => graph.applyFilters(state));
  const header = new Header((l) => { lens = l; void load(); }, (file) => api.upload(file));

  async function load(): Promise<void> {
    // Coalesce bursts of events into one refetch at a time.
    if (loading) return loading;
    loading = (async () => {
      try {
        const [r, els] = await Promise.all([api.audit(lens), api.graph(lens)]);
        report = r;
        lens = r.lens;
        header.setReport(r);
        findings.setReport(r);
        graph.setElements(els);
        filters.setElements(els);
        notice('');
      } catch (err) {
        notice(err instanceof ApiError && (err.status === 401 || err.status === 403)
          ? 'The API key was refused. Open a fresh dashboard link.'
          : `Could not load the audit: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  window.__custody = { cy: graph.cy, reload: load };
  void load();
  connectEvents(api.eventsUrl, api.headers, {
    onStatus: (s) => header.setLive(s),
    onEvent: (name) => {
      header.event(name);
      if (name === 'exposure.scored') void load();
    },
  });
}

start();
