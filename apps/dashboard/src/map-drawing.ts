/**
 * The dashboard's map: draws the server's grouped, positioned view and the Fleet tab's rows (both from the map
 * alone), asks for it again when groups are opened or closed (an answer for an earlier ask is not drawn), and reads
 * a map the server could not confirm as the latest run's again until it can. What the map drawn says that the
 * rest of the dashboard asks (collapsed groups, the groups' summaries, the fleet stand-ins) is kept here.
 */
import { fleetStandInId } from '@custody/domain';
import type { GroupedGraph } from '@custody/graph/grouped-graph';
import type { ApiClient, MapView, View } from './api.js';
import { notice } from './dom.js';
import type { FiltersPanel } from './filters.js';
import { type FleetPanel, fleetRows } from './fleet-panel.js';
import type { GraphView } from './graph-view.js';
import { UnconfirmedMapRecheck } from './map-recheck.js';
import type { Tabs } from './tabs.js';
import type { ViewAudit } from './view-audit.js';

export interface MapParts {
  api: ApiClient;
  view: View;
  expanded: Set<string>;
  graph: GraphView;
  filters: FiltersPanel;
  tabs: Tabs;
  fleetPanel: FleetPanel;
  audit: ViewAudit;
}

export class MapDrawing {
  /** Which map ask is current: a load or redraw takes a ticket, and only the current one's answer is drawn. */
  drawn = 0;
  /** Collapsed groups on the map now: an install not drawn may be inside one. */
  drawnGroups = 0;
  /** Every fleet group of the map drawn (label, installs). */
  groupSummaries: GroupedGraph['groups'] = [];
  /** The grouped map's fleet vendors by the id their findings are grouped under when no system has their name. */
  standIns = new Map<string, string>();
  // A map the server could not confirm as the latest run's is read again until it can (see UnconfirmedMapRecheck).
  readonly recheck: UnconfirmedMapRecheck<MapView>;

  constructor(private readonly parts: MapParts) {
    this.recheck = new UnconfirmedMapRecheck<MapView>(() => parts.api.groupedGraph(parts.view, parts.expanded), (g) => {
      ++this.drawn;
      this.draw(g);
      this.staleNotice(g);
    });
  }

  /** Draw the server's grouped, positioned view and the Fleet tab's rows (both from the map alone). */
  draw(g: GroupedGraph): void {
    const { graph, filters, tabs, fleetPanel, audit } = this.parts;
    graph.setElements(g);
    filters.setElements(g);
    this.drawnGroups = g.groups.filter((x) => !x.expanded).length;
    this.groupSummaries = g.groups;
    this.standIns = new Map(g.groups.map((x) => [fleetStandInId(x.vendor), x.vendor]));
    tabs.setAvailable('fleet', g.groups.length > 0);
    tabs.setCount('fleet', g.groups.length ? String(g.groups.length) : '');
    // Ranked when first needed (the Fleet tab shown, a group clicked), not inside the first draw.
    fleetPanel.set(() => fleetRows(g));
    // Which installs and flows each collapsed group stands for: the same grouping the server drew.
    const fleet = audit.regroup();
    if (fleet) graph.setAlias(fleet.alias);
  }

  staleNotice(g: MapView): void {
    // The previous run's map stays up while a newer graph is scored: said, so nobody reads it as current.
    notice(g.run?.stale ? 'Showing the last scored map: newer documents are being scored, and the map updates when they are.' : '');
  }

  /** Groups opened or closed: ask the server for the view with those groups' installs (members on demand). */
  async redraw(): Promise<void> {
    const ticket = ++this.drawn;
    this.recheck.cancel();
    try {
      const g = await this.parts.api.groupedGraph(this.parts.view, this.parts.expanded);
      if (ticket === this.drawn) { this.draw(g); this.recheck.after(g); }
    } catch (err) {
      notice(`Could not load the map: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
