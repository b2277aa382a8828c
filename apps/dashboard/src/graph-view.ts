/**
 * The Cytoscape graph: renders server-computed elements, lays them out left to right from the practice,
 * and offers the interactions the panels drive (select, highlight a finding's subject, filter, path).
 */
import cytoscape, { type Core, type EdgeSingular, type NodeSingular } from 'cytoscape';
import type { DataCategory, SystemRole } from '@custody/domain';
import type { CyEdge } from '@custody/graph/cytoscape-elements';
import type { PositionedNode } from '@custody/graph/grouped-graph';
import { graphStylesheet } from './styles.js';
import { POSTURE_COLOURS, type MapNodeRef, type PostureColour } from './law-enforcement-map.js';
import { nodeLabel } from './map-labels.js';

export interface GraphFilters {
  /** Show only flows carrying one of these categories (and their endpoints); empty = all. */
  categories: Set<DataCategory>;
  /** Hide systems with these roles. */
  hiddenRoles: Set<SystemRole>;
}

/**
 * The SVG exporter (cytoscape-svg), loaded and registered on the first SVG download: a separate chunk, so its code
 * is neither downloaded nor evaluated before the first view. A failed load is not kept: the next click tries again
 * (a dropped connection should not leave SVG broken until the page is reloaded).
 */
let svgReady: Promise<void> | null = null;
const loadSvgExport = (): Promise<void> => (svgReady ??= import('cytoscape-svg').then((m) => void cytoscape.use(m.default), (err: unknown) => {
  svgReady = null;
  throw err;
}));

const PRACTICE = 'practice';
/** A finding click frames its subject with its neighbours, never closer than this. */
const FOCUS_MAX_ZOOM = 1.3;
/**
 * Above this many flows on the map (expanded groups of hundreds of installs) edges are drawn as straight
 * haystack lines: no per-edge curve or arrow geometry, which is what makes big maps slow to draw and pan.
 */
const DENSE_EDGES = 400;

export class GraphView {
  readonly cy: Core;
  private selectedId: string | null = null;
  /** Ids not on the map (installs of a collapsed fleet group, their flows) → the aggregate standing in. */
  private alias = new Map<string, string>();
  /** Set while the map is coloured by law-enforcement posture: each drawn node's posture (kept across redraws). */
  private postures: ((nodes: MapNodeRef[]) => Map<string, PostureColour>) | null = null;

  /** `onOpenGroup`: a fleet group was double-clicked (the map then asks the server for its installs). */
  constructor(private readonly container: HTMLElement, private readonly onSelect: (nodeId: string | null) => void, onOpenGroup: (key: string) => void = () => undefined) {
    // While panning or zooming, draw a cached bitmap of the map instead of every element: a frame costs
    // the same whatever the map's size (the elements are redrawn once the viewport settles).
    // Created without its container, and mounted when the first elements arrive (setElements): mounted at once,
    // Cytoscape sizes its canvases and paints an empty map while the map's read is still on its way, and the
    // browser commits those canvases once more for nothing (about 45 ms of main-thread CPU of the first view in
    // the dashboard bench's trace, test/bench/support/dashboard-trace.ts).
    this.cy = cytoscape({ style: graphStylesheet(), minZoom: 0.2, maxZoom: 3, boxSelectionEnabled: false, textureOnViewport: true });
    // Cytoscape calls any two taps within its double-tap time a double tap on the second one's target, wherever the
    // first landed: a click on a system (or the background) and a quick click on a group would open the group. A
    // group opens only when both taps of the double tap were on it.
    let lastTap: string | null = null;
    let tapBefore: string | null = null;
    this.cy.on('tap', (ev) => {
      const id = ev.target === this.cy ? null : (ev.target as NodeSingular | EdgeSingular).id();
      [tapBefore, lastTap] = [lastTap, id];
      if (id === null) this.select(null);
      else if ((ev.target as NodeSingular | EdgeSingular).isNode()) this.select(id);
    });
    this.cy.on('dbltap', 'node.fleet-group', (ev) => {
      const id = (ev.target as NodeSingular).id();
      if (tapBefore === id) onOpenGroup(id);
    });
  }

  /** The id on the map for a system or flow id (itself, or its fleet aggregate). */
  resolve(id: string): string {
    return this.alias.get(id) ?? id;
  }

  /** Ids of installs and flows hidden in a collapsed group → the aggregate standing in (known once the audit is here). */
  setAlias(alias: Map<string, string>): void {
    this.alias = alias;
  }

  /**
   * Replace the elements with the server's positioned view (no layout work here), keeping the selection when
   * the node (or the aggregate it went into) still exists.
   */
  setElements(elements: { nodes: PositionedNode[]; edges: CyEdge[] }): void {
    this.mount();
    const dense = elements.edges.length > DENSE_EDGES ? ' dense' : '';
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add([
        ...elements.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n.data, shortLabel: nodeLabel(n.data) }, classes: n.classes, position: { ...n.position } })),
        ...elements.edges.map((e) => ({ group: 'edges' as const, data: { ...e.data }, classes: e.classes + dense })),
      ]);
    });
    this.paintPostures();
    this.fit();
    const keep = this.selectedId ? this.resolve(this.selectedId) : null;
    if (keep && this.cy.getElementById(keep).nonempty()) this.select(keep);
    else this.select(null);
  }

  /** Draw into the page from now on (once): until the first elements, the map is not drawn at all. */
  private mount(): void {
    if (this.cy.container() === null) this.cy.mount(this.container);
  }

  /** Frame elements with their neighbours for context, at a readable zoom (never zoomed to the maximum). */
  frame(eles: cytoscape.CollectionReturnValue, padding = 70): void {
    const ctx = eles.union(eles.closedNeighborhood()).filter(':visible');
    if (ctx.empty()) return;
    const bb = ctx.boundingBox();
    const w = this.cy.width();
    const h = this.cy.height();
    const fit = Math.min((w - 2 * padding) / Math.max(bb.w, 1), (h - 2 * padding) / Math.max(bb.h, 1));
    const zoom = Math.max(this.cy.minZoom(), Math.min(FOCUS_MAX_ZOOM, fit));
    const pan = { x: (w - zoom * (bb.x1 + bb.x2)) / 2, y: (h - zoom * (bb.y1 + bb.y2)) / 2 };
    this.cy.stop();
    this.cy.animate({ zoom, pan, duration: 250 });
  }

  /** The current map as an image: PNG (2× for print) or SVG. */
  async image(format: 'png' | 'svg'): Promise<Blob> {
    this.mount();
    if (format === 'png') return this.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
    await loadSvgExport();
    const svg = (this.cy as Core & { svg(opts: { full: boolean; bg: string }): string }).svg({ full: true, bg: '#ffffff' });
    return new Blob([svg], { type: 'image/svg+xml' });
  }

  /** Fit the (server-positioned) map to the view. */
  fit(): void {
    this.cy.fit(undefined, 50);
    // Small graphs should not be blown up past a readable scale.
    if (this.cy.zoom() > 1.6) this.cy.zoom({ level: 1.6, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  /** Select a node (or clear): highlights the path from the practice to it. */
  select(id: string | null): void {
    if (id) id = this.resolve(id);
    this.selectedId = id;
    this.cy.elements().removeClass('on-path highlighted dimmed').unselect();
    if (id) {
      const node = this.cy.getElementById(id);
      node.select();
      this.pathFromPractice(node).addClass('on-path');
    }
    this.onSelect(id);
  }

  /** Shortest directed path practice → node (empty when none). */
  pathFromPractice(node: NodeSingular): cytoscape.CollectionReturnValue {
    const practice = this.cy.getElementById(PRACTICE);
    if (practice.empty() || node.empty()) return this.cy.collection();
    const path = this.cy.elements(':visible').dijkstra({ root: practice, directed: true }).pathTo(node);
    return path.length > 1 ? path : this.cy.collection();
  }

  /**
   * Highlight a finding's subject (`system:id`, `flow:a->b`, `path:a>b>c`) and dim everything else.
   * Returns the node to show details for.
   */
  highlightSubject(subject: string, systems: string[]): string | null {
    const [type, rest = ''] = subject.split(/:(.*)/s);
    let eles = this.cy.collection();
    const at = (id: string) => this.cy.getElementById(this.resolve(id));
    if (type === 'system') eles = eles.union(at(rest));
    else if (type === 'flow') {
      const edge = at(rest) as unknown as EdgeSingular;
      if (edge.nonempty()) eles = eles.union(edge).union(edge.source()).union(edge.target());
    } else if (type === 'path') {
      const ids = rest.split('>').map((id) => this.resolve(id));
      ids.forEach((id, i) => {
        eles = eles.union(this.cy.getElementById(id));
        if (i > 0) eles = eles.union(this.cy.edges().filter((e) => e.source().id() === ids[i - 1] && e.target().id() === id));
      });
    }
    for (const id of systems) eles = eles.union(at(id));
    this.cy.elements().removeClass('on-path highlighted dimmed').unselect();
    if (eles.empty()) return null;
    this.cy.elements().not(eles).addClass('dimmed');
    eles.addClass('highlighted');
    this.frame(eles);
    const focus = type === 'system' ? this.resolve(rest) : systems[0] ? this.resolve(systems[0]) : null;
    this.selectedId = focus;
    return focus;
  }

  /**
   * Colour the nodes by law-enforcement posture (`postures` maps the drawn nodes to theirs), or back by exposure
   * (null). Kept across redraws: opening a fleet group colours its installs too.
   */
  colourByPosture(postures: ((nodes: MapNodeRef[]) => Map<string, PostureColour>) | null): void {
    this.postures = postures;
    this.paintPostures();
  }

  private paintPostures(): void {
    const classes = POSTURE_COLOURS.map((p) => `posture-${p}`).join(' ');
    this.cy.batch(() => {
      this.cy.nodes().removeClass(`${classes} posture-none`);
      if (!this.postures) return;
      const refs = this.cy.nodes().map((n) => ({ id: n.id(), group: n.data('group') as MapNodeRef['group'] }));
      const by = this.postures(refs);
      for (const n of this.cy.nodes()) n.addClass(`posture-${by.get(n.id()) ?? 'none'}`);
    });
  }

  /**
   * Highlight a holder of client records (its nodes) with every path into it, from wherever the records start, and
   * dim the rest. Returns the nodes highlighted (none when the map does not draw the holder).
   */
  highlightHolder(ids: readonly string[]): string[] {
    let nodes = this.cy.collection();
    for (const id of ids) nodes = nodes.union(this.cy.getElementById(this.resolve(id)));
    this.cy.elements().removeClass('on-path highlighted dimmed').unselect();
    if (nodes.empty()) return [];
    const into = nodes.predecessors();
    this.cy.elements().not(nodes).not(into).addClass('dimmed');
    into.addClass('on-path');
    nodes.addClass('highlighted');
    this.selectedId = null;
    this.frame(nodes.union(into.nodes()));
    return nodes.map((n) => n.id());
  }

  /** Undo a highlight (a finding's subject, a holder), keeping the selection as it is: the whole map shows again. */
  clearHighlight(): void {
    this.cy.elements().removeClass('on-path highlighted dimmed');
  }

  /** Apply role and category filters (display: none; the layout stays put so the map does not jump). */
  applyFilters(filters: GraphFilters): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('filtered');
      const hiddenNodes = this.cy.nodes().filter((n) => filters.hiddenRoles.has(n.data('role') as SystemRole));
      hiddenNodes.addClass('filtered');
      if (filters.categories.size > 0) {
        const carries = (e: EdgeSingular) => (e.data('categories') as DataCategory[]).some((c) => filters.categories.has(c));
        this.cy.edges().filter((e) => !carries(e)).addClass('filtered');
        const kept = this.cy.edges().not('.filtered').connectedNodes();
        this.cy.nodes().not(kept).not('.role-practice').addClass('filtered');
      }
      hiddenNodes.connectedEdges().addClass('filtered');
    });
  }
}
