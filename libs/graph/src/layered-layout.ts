/**
 * A deterministic left-to-right layered layout (the report picture uses the same idea): each system's
 * column is its longest hop count from the practice, so chains read as chains; rows are ordered by the
 * mean row of their sources to limit crossings. Cytoscape's breadthfirst `maximal` mode does this too but
 * crashes on shifted nodes in cytoscape 3.34, hence our own.
 */
import { longestPathColumns } from './layers.js';

export interface LayoutInput {
  nodes: { id: string; isRoot: boolean }[];
  edges: { source: string; target: string }[];
}

export interface LayoutOptions {
  columnGap?: number;
  rowGap?: number;
  /**
   * A column with more nodes than this is folded into side-by-side sub-columns (about twice as tall as
   * wide), so twenty fleet groups or two hundred expanded installs do not make one endless column.
   */
  maxPerColumn?: number;
}

/** Positions (model coordinates) per node id. */
export function layeredPositions(input: LayoutInput, opts: LayoutOptions = {}): Map<string, { x: number; y: number }> {
  const colGap = opts.columnGap ?? 230;
  const rowGap = opts.rowGap ?? 95;
  const maxPer = opts.maxPerColumn ?? Number.POSITIVE_INFINITY;
  const subGap = colGap * 0.9;
  const column = longestPathColumns(input.nodes, input.edges);

  const preds = new Map<string, string[]>();
  for (const e of input.edges) preds.set(e.target, [...(preds.get(e.target) ?? []), e.source]);
  const columns: string[][] = [];
  input.nodes.forEach((n) => (columns[column.get(n.id)!] ??= []).push(n.id));
  const row = new Map<string, number>();
  const out = new Map<string, { x: number; y: number }>();
  let x = 0;
  columns.forEach((ids, c) => {
    const bary = (id: string) => {
      const rows = (preds.get(id) ?? []).filter((p) => row.has(p) && column.get(p)! < c).map((p) => row.get(p)! - (columns[column.get(p)!].length - 1) / 2);
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : Number.MAX_SAFE_INTEGER;
    };
    const sorted = (ids ?? []).map((id, i) => ({ id, i, b: bary(id) })).sort((a, b) => a.b - b.b || a.i - b.i).map((x) => x.id);
    const subs = sorted.length <= maxPer ? 1 : Math.max(2, Math.ceil(Math.sqrt(sorted.length / 2)));
    const rows = Math.ceil(sorted.length / subs);
    sorted.forEach((id, r) => {
      row.set(id, r);
      // Centre each column on y = 0 so short columns sit in the middle of tall ones. Folded columns fill
      // row by row, so neighbours in the ordering sit side by side and their labels do not collide.
      out.set(id, { x: x + (r % subs) * subGap, y: (Math.floor(r / subs) - (rows - 1) / 2) * rowGap });
    });
    x += (subs - 1) * subGap + colGap;
  });
  return out;
}
