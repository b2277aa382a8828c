/**
 * The flow graph as a static picture for HTML/PDF reports: a deterministic layered layout (practice on the
 * left, each hop one column to the right) computed here, so the same report always draws the same image and
 * no browser-side layout engine is needed. Colours and dash styles come from the same element classes the
 * dashboard uses (toCytoscapeElements), so report and dashboard agree.
 */
import type { AuditReport } from '@custody/domain';
import type { DataCategory } from '@custody/domain';
import { EXPOSURE_PALETTE, fleetGroupLabel, fleetGroupOf, PRACTICE_ID, SENSITIVE_CATEGORIES, cutFileName, templateNameParts } from '@custody/domain';
import { type CyEdge, type CyNode, type ExposureBand, exposureBand, longestPathColumns, toCytoscapeElements } from '@custody/graph';
import { escapeHtml as esc } from './escape.js';
import { categoryLabel, roleLabel } from './plain-language.js';
import { TEMPLATE_ROLE, TEMPLATE_SCORE } from './report-text.js';

/** Fill and stroke per exposure band: the domain's palette, the dashboard's too. */
export const BAND_COLOURS: Readonly<Record<ExposureBand, { fill: string; stroke: string }>> = EXPOSURE_PALETTE;

// Sized for a landscape A4 page: five columns must print with names at ~7 pt, so boxes are wide, gaps narrow,
// names wrap to two lines instead of being cut, and edge labels name only the most sensitive data.
const NODE_W = 200;
const NODE_H = 58;
const COL_GAP = 130;
const DUMMY_H = 14;
const LABEL_CHARS = 28;
const NAME_CHARS = 21;
const ROW_GAP = 36;
const PAD = 16;

interface LayoutNode { id: string; label: string; role: CyNode['data']['role']; score: number; findings: number; installs: number }
interface LayoutEdge { source: string; target: string; categories: DataCategory[]; transport: string; unencrypted: boolean; outsideBaa: boolean }

/**
 * Fleet installs (systems with a `group`) collapse into one node per vendor and role, so a 400-install
 * export draws as one box; its score is the worst install's.
 */
function collapse(nodes: CyNode[], edges: CyEdge[]): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const key = new Map<string, string>();
  const out = new Map<string, LayoutNode>();
  for (const n of nodes) {
    // The dashboard's grouping (domain fleetGroupOf): one box per vendor and site.
    const group = n.data.group ? fleetGroupOf(n.data.group, n.data.label) : undefined;
    const k = group?.key ?? n.data.id;
    key.set(n.data.id, k);
    const prev = out.get(k);
    if (prev) {
      prev.installs += 1;
      prev.score = Math.max(prev.score, n.data.score);
      prev.findings += n.data.findingCount;
    } else {
      out.set(k, { id: k, label: n.data.label, role: n.data.role, score: n.data.score, findings: n.data.findingCount, installs: 1 });
    }
    if (group) out.get(k)!.label = fleetGroupLabel(group, out.get(k)!.installs);
  }
  const merged = new Map<string, LayoutEdge>();
  for (const e of edges) {
    const source = key.get(e.data.source)!;
    const target = key.get(e.data.target)!;
    const k = `${source}\u0000${target}`;
    const classes = e.classes.split(' ');
    const prev = merged.get(k);
    const edge = { source, target, categories: e.data.categories, transport: e.data.transport, unencrypted: classes.includes('unencrypted'), outsideBaa: classes.includes('outside-baa') };
    if (!prev) merged.set(k, edge);
    else merged.set(k, { ...prev, categories: [...new Set([...prev.categories, ...edge.categories])], unencrypted: prev.unencrypted || edge.unencrypted, outsideBaa: prev.outsideBaa || edge.outsideBaa });
  }
  return { nodes: [...out.values()], edges: [...merged.values()] };
}

/** Column per node, with the practice as the root (the same layering the dashboard draws). */
function layers(nodes: LayoutNode[], edges: LayoutEdge[]): Map<string, number> {
  return longestPathColumns(nodes.map((n) => ({ id: n.id, isRoot: n.role === 'practice' || n.id === PRACTICE_ID })), edges);
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** An edge's label: its most sensitive data in words, how many other kinds ride along, and the transport. */
export function shortEdgeLabel(categories: readonly DataCategory[], transport: string): string {
  const first = [...categories].sort((a, b) => Number(SENSITIVE_CATEGORIES.includes(b)) - Number(SENSITIVE_CATEGORIES.includes(a)))[0];
  const more = categories.length > 1 ? ` +${categories.length - 1}` : '';
  // "unknown" transport says nothing on a picture (the appendix lists it): the data's name gets the room.
  const how = transport === 'unknown' ? '' : ` · ${transport.replace(/_/g, ' ')}`;
  // Cut the data's name, never the transport: "unencrypted" must stay readable.
  return `${truncate(first ? categoryLabel(first) : 'no data named', LABEL_CHARS - how.length - more.length)}${more}${how}`;
}

/** A name on at most two lines of `n` characters, broken at a space where there is one. */
function wrapName(name: string, n: number): string[] {
  if (name.length <= n) return [name];
  // "Scribewell AI (12 installs)" breaks before its parenthesis, not inside it.
  const paren = name.indexOf(' (');
  const cut = paren > 0 && paren <= n ? paren : name.lastIndexOf(' ', n);
  const at = cut > n / 2 ? cut : n;
  return [name.slice(0, at).trimEnd(), truncate(name.slice(at).trimStart(), n)];
}

interface Slot { id: string; dummy: boolean; node?: LayoutNode; x: number; y: number; h: number }

/**
 * Sugiyama-style placement: edges spanning several columns get a small dummy slot in each column they
 * cross, so they run between boxes instead of through them; each column is ordered by the mean row of
 * what feeds it (fewer crossings) and centred vertically.
 */
function place(nodes: LayoutNode[], edges: LayoutEdge[]) {
  const layer = layers(nodes, edges);
  const columns: Slot[][] = [];
  const slot = new Map<string, Slot>();
  const preds = new Map<string, string[]>();
  const add = (s: Slot, c: number) => { (columns[c] ??= []).push(s); slot.set(s.id, s); };
  for (const n of nodes) add({ id: n.id, dummy: false, node: n, x: 0, y: 0, h: NODE_H }, layer.get(n.id)!);
  const chains = edges.map((e, i) => {
    const from = layer.get(e.source)!;
    const to = layer.get(e.target)!;
    const chain = [e.source];
    for (let c = from + 1; c < to; c += 1) {
      const id = `~${i}:${c}`;
      add({ id, dummy: true, x: 0, y: 0, h: DUMMY_H }, c);
      chain.push(id);
    }
    chain.push(e.target);
    for (let k = 1; k < chain.length; k += 1) if (to > from) preds.set(chain[k], [...(preds.get(chain[k]) ?? []), chain[k - 1]]);
    return chain;
  });
  for (let c = 0; c < columns.length; c += 1) columns[c] ??= [];

  const row = new Map<string, number>();
  columns.forEach((col, c) => {
    const bary = (s: Slot) => {
      const rows = (preds.get(s.id) ?? []).filter((p) => row.has(p)).map((p) => row.get(p)!);
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : Number.MAX_SAFE_INTEGER;
    };
    columns[c] = col.map((s, i) => ({ s, i, b: bary(s) })).sort((a, b) => a.b - b.b || a.i - b.i).map((x) => x.s);
    columns[c].forEach((s, r) => row.set(s.id, r + (s.dummy ? 0.01 : 0)));
  });

  const colHeight = (col: Slot[]) => col.reduce((h, s) => h + s.h, 0) + Math.max(0, col.length - 1) * ROW_GAP;
  const height = PAD * 2 + Math.max(NODE_H, ...columns.map(colHeight));
  const width = PAD * 2 + columns.length * NODE_W + Math.max(0, columns.length - 1) * COL_GAP;
  columns.forEach((col, c) => {
    let y = (height - colHeight(col)) / 2;
    for (const s of col) {
      s.x = PAD + c * (NODE_W + COL_GAP);
      s.y = y;
      y += s.h + ROW_GAP;
    }
  });
  return { width, height, slot, chains, layer };
}

/** Cubic point at t = 0.5 of a horizontal-tangent curve from (x1,y1) to (x2,y2). */
const midpoint = (x1: number, y1: number, x2: number, y2: number) => ({ x: (x1 + x2) / 2, y: (y1 + y2) / 2 });

/** An inline SVG picture of the report's flow graph, self-contained (no external references). */
export function renderGraphSvg(report: AuditReport): string {
  const els = toCytoscapeElements(report);
  const { nodes, edges } = collapse(els.nodes, els.edges);
  const { width, height, slot, chains, layer } = place(nodes, edges);
  // A template names no vendor (GraphSystem.template): its box shows no score, as the reports' tables do.
  const templates = new Set(report.systems.filter((s) => s.template).map((s) => s.id));

  const edgeSvg = edges.map((e, i) => {
    const colour = e.unencrypted ? '#dc2626' : '#64748b';
    const chain = chains[i].map((id) => slot.get(id)!);
    const forward = layer.get(e.target)! > layer.get(e.source)!;
    let d: string;
    let mid: { x: number; y: number };
    if (forward) {
      // Leave each box (or dummy slot) on its right, enter the next on its left, curving across the gap.
      let x = chain[0].x + NODE_W;
      let y = chain[0].y + chain[0].h / 2;
      d = `M${x},${y}`;
      mid = { x, y };
      for (const next of chain.slice(1)) {
        const nx = next.x;
        const ny = next.y + next.h / 2;
        const bend = (nx - x) / 2;
        d += ` C${x + bend},${y} ${nx - bend},${ny} ${nx},${ny}`;
        mid = midpoint(x, y, nx, ny);
        x = next.dummy ? nx + NODE_W : nx;
        y = ny;
        if (next.dummy) d += ` L${x},${y}`;
      }
    } else {
      // Edges back to an earlier column (cycles) loop below both boxes.
      const a = chain[0];
      const b = chain[chain.length - 1];
      const [x1, y1, x2, y2] = [a.x + NODE_W / 2, a.y + NODE_H, b.x + NODE_W / 2, b.y + NODE_H];
      d = `M${x1},${y1} C${x1},${y1 + ROW_GAP} ${x2},${y2 + ROW_GAP} ${x2},${y2}`;
      mid = { x: (x1 + x2) / 2, y: Math.max(y1, y2) + ROW_GAP * 0.75 };
    }
    const label = shortEdgeLabel(e.categories, e.transport);
    const w = label.length * 5.4 + 8;
    return `<g class="edge"><path d="${d}" fill="none" stroke="${colour}" stroke-width="${e.unencrypted ? 2.2 : 1.5}"${e.outsideBaa ? ' stroke-dasharray="6 4"' : ''} marker-end="url(#arrow${e.unencrypted ? '-red' : ''})"/>` +
      `<rect x="${(mid.x - w / 2).toFixed(1)}" y="${(mid.y - 7.5).toFixed(1)}" width="${w.toFixed(1)}" height="14" rx="3" fill="#ffffff" fill-opacity="0.92"/>` +
      `<text x="${mid.x.toFixed(1)}" y="${(mid.y + 3.5).toFixed(1)}" text-anchor="middle" font-size="10" fill="${colour}">${esc(label)}</text></g>`;
  });

  const nodeSvg = nodes.map((n) => {
    const { x, y } = slot.get(n.id)!;
    const band = exposureBand(n.score);
    const template = templates.has(n.id);
    // A template: no exposure colour, a dashed outline (as on the dashboard's map and in the legend).
    const c = template ? TEMPLATE_BOX : BAND_COLOURS[band];
    const rx = n.role === 'practice' ? 25 : 8;
    const name = template ? templateLines(n.label) : wrapName(n.label, NAME_CHARS);
    const badge = n.findings > 0 ? `<circle cx="${x + NODE_W - 4}" cy="${y + 4}" r="9" fill="${c.stroke}"/><text x="${x + NODE_W - 4}" y="${y + 7.5}" text-anchor="middle" font-size="10" font-weight="700" fill="#fff">${n.findings}</text>` : '';
    const exposure = template ? { title: `exposure ${TEMPLATE_SCORE}`, short: 'n/a' } : { title: `exposure ${n.score}/100 (${band})`, short: `${n.score}/100` };
    return `<g class="node exposure-${band}" data-id="${esc(n.id)}"><title>${esc(n.label)} — ${esc(roleLabel(n.role))}, ${esc(exposure.title)}</title>` +
      `<rect x="${x}" y="${y}" width="${NODE_W}" height="${NODE_H}" rx="${rx}" fill="${c.fill}" stroke="${c.stroke}" stroke-width="2"${template ? ' stroke-dasharray="5 3"' : ''}/>` +
      name.map((line, i) => `<text x="${x + 10}" y="${y + (name.length > 1 ? 18 : 24) + i * 16}" font-size="14" font-weight="600" fill="#0f172a">${esc(line)}</text>`).join('') +
      `<text x="${x + 10}" y="${y + (name.length > 1 ? 51 : 44)}" font-size="11" fill="#475569">${template ? `${TEMPLATE_ROLE} · n/a` : `${esc(roleLabel(n.role))} · ${exposure.short}`}</text>${badge}</g>`;
  });

  const marker = (id: string, colour: string) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="flow-graph" role="img" aria-label="PHI flow graph" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="Helvetica, Arial, sans-serif">` +
    `<defs>${marker('arrow', '#64748b')}${marker('arrow-red', '#dc2626')}</defs>${edgeSvg.join('')}${nodeSvg.join('')}</svg>`;
}

/**
 * A legend for the picture (bands, dashed = outside BAA, red = unencrypted) as an HTML fragment; with a template on the
 * picture, its dashed box too.
 */
export function graphLegendHtml(report?: Pick<AuditReport, 'systems'>): string {
  const bands = (Object.keys(BAND_COLOURS) as ExposureBand[]).map((b) =>
    `<span class="legend-item"><span class="swatch" style="background:${BAND_COLOURS[b].fill};border-color:${BAND_COLOURS[b].stroke}"></span>${b}</span>`);
  const template = report?.systems.some((s) => s.template)
    ? `<span class="legend-item"><span class="swatch" style="background:${TEMPLATE_BOX.fill};border-color:${TEMPLATE_BOX.stroke};border-style:dashed"></span>template, no vendor named: not scored</span>`
    : '';
  return `<div class="legend">${bands.join('')}${template}<span class="legend-item"><span class="line dashed"></span>outside BAA</span><span class="legend-item"><span class="line red"></span>unencrypted</span></div>`;
}

/** A template's box: white, its outline the dashboard's template grey (drawn dashed). */
const TEMPLATE_BOX = { fill: '#ffffff', stroke: '#64748b' };

/**
 * A template's name on two lines: its party, then its file (a long file name cut in its middle, its extension kept); the
 * line under them says it is a template.
 */
function templateLines(name: string): string[] {
  const parts = templateNameParts(name);
  if (!parts) return wrapName(name, NAME_CHARS);
  return [truncate(parts.party, NAME_CHARS), cutFileName(parts.file, NAME_CHARS, 7)];
}
