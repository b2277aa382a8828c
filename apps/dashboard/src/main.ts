/**
 * Dashboard entry, kept small on purpose: it reads the credentials and asks for the first view's reads (the
 * grouped map, and the live score, first findings page and workspace name) before the rest of the dashboard
 * (Cytoscape is most of its bytes) is downloaded and evaluated, so the server answers while the browser loads
 * the code that draws them.
 */
import { ApiClient, readAuth } from './api.js';
import { notice } from './dom.js';
import { liveReads } from './live-reads.js';
import { warmLabelFonts } from './label-fonts.js';

const auth = readAuth();
if (!auth) {
  notice('No workspace credentials. Open the dashboard from the link Custody gives you (it ends in #key=…&ws=…).');
} else {
  const api = new ApiClient(auth);
  const first = { graph: api.groupedGraph(), live: liveReads(api) };
  // Reported by the load that awaits them.
  first.graph.catch(() => undefined);
  first.live.catch(() => undefined);
  // The reads are on their way and the drawing code is loading: resolve the map's label fonts meanwhile.
  warmLabelFonts();
  const { start } = await import('./dashboard.js');
  // On the page's timeline for the dashboard bench: when the code that draws arrived and ran.
  performance.mark('custody:code');
  start(api, first);
}
