/**
 * Dashboard entry, kept small on purpose: it reads the credentials and asks for the first map (the grouped
 * view) before the rest of the dashboard (Cytoscape is most of its bytes) is downloaded and evaluated, so the
 * server computes the map while the browser loads the code that draws it.
 */
import { ApiClient, readAuth } from './api.js';
import { notice } from './dom.js';

const auth = readAuth();
if (!auth) {
  notice('No workspace credentials. Open the dashboard from the link Custody gives you (it ends in #key=…&ws=…).');
} else {
  const api = new ApiClient(auth);
  const first = api.groupedGraph();
  first.catch(() => undefined); // reported by the load that awaits it
  const { start } = await import('./dashboard.js');
  start(api, first);
}
