/**
 * The audit of the view shown, read once per view and score when first needed (a system's contracts, a group's
 * installs, a document's link, another lens or a past moment), never for the first picture: the live view
 * starts from the small stored reads, and a fleet's audit is megabytes. Holds what is derived from it (the
 * systems' names, every system as an element, which installs each collapsed fleet group stands for); it is read
 * without its flows, which the map already has grouped. Apart from dashboard.ts because it is the one cache of
 * the page with its own lifetime: dropped at every new view or score, and an answer for an older one is ignored
 * when it arrives.
 */
import { toCytoscapeElements, type CytoscapeElements } from '@custody/graph/cytoscape-elements';
import { collapseFleet, type FleetView } from '@custody/graph/fleet-view';
import type { ApiClient, DashboardAudit, View } from './api.js';
import { nextTask } from './frames.js';

export class ViewAudit {
  /** The audit of the view shown, once something needed it (null until then: the live view starts without it). */
  report: DashboardAudit | null = null;
  names = new Map<string, string>();
  fleet: FleetView | null = null;
  /** Every system of the audit, installs included (no flows: read without them); the fleet panel and finding clicks need groups' members. */
  private fullEls: CytoscapeElements = { nodes: [], edges: [] };
  private pending: Promise<DashboardAudit> | null = null;
  /** Moves with every load: an audit read for an older view or score is dropped when it arrives. */
  private generation = 0;

  /**
   * `view` and `expanded`: the dashboard's own, read at each call. `onRead`: the audit arrived for the view still
   * shown (its fleet grouping computed); the panels that show it are told.
   */
  constructor(
    private readonly api: ApiClient,
    private readonly view: View,
    private readonly expanded: Set<string>,
    private readonly onRead: (report: DashboardAudit, fleet: FleetView, asked: View) => void,
  ) {}

  ensure(): Promise<DashboardAudit> {
    if (this.pending) return this.pending;
    const asked = { ...this.view };
    const mine = this.generation;
    // Without its flows: the map has them (grouped), and they are most of a fleet's audit.
    const pending = this.api.audit(asked, { omitFlows: true }).then(async (r) => {
      if (mine !== this.generation) return r;
      // Parsing a fleet's audit is one long task; the steps after it are split so the map keeps panning.
      await nextTask();
      if (mine !== this.generation) return r;
      this.report = r;
      this.names = new Map(r.systems.map((s) => [s.id, s.name]));
      // Every system as the server classes it (exposure, findings): the fleet panel lists a group's installs.
      this.fullEls = toCytoscapeElements({ ...r, flows: r.flows ?? [] });
      this.fleet = collapseFleet(this.fullEls, this.expanded);
      this.onRead(r, this.fleet, asked);
      return r;
    });
    this.pending = pending;
    pending.catch(() => { if (this.pending === pending) this.pending = null; });
    return pending;
  }

  /** A new view or score: what was read for the previous one is dropped (and read again when needed). */
  forget(): void {
    this.generation++;
    [this.report, this.pending, this.fleet, this.fullEls, this.names] = [null, null, null, { nodes: [], edges: [] }, new Map()];
  }

  /**
   * Groups opened or closed on the map: which installs each collapsed group stands for now (the same grouping the
   * server drew). Null while the audit is not in hand.
   */
  regroup(): FleetView | null {
    if (!this.report) return null;
    this.fleet = collapseFleet(this.fullEls, this.expanded);
    return this.fleet;
  }
}
