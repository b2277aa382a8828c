/**
 * Large YAML documents in pieces (an agency- or fleet-sized manifest: 100,000 systems, 400,000 flows). The
 * `yaml` package builds a syntax tree of the whole document before anything else, several GB for tens of MB;
 * most of a large manifest is two long block lists whose items are independent. Such a document is cut at its
 * top-level keys and at its top-level lists' items, each piece parsed (and budget-checked) on its own by the
 * same hardened loader, and the pieces' data joined. Only plain documents are cut: anything with anchors,
 * aliases, tags, directives or several documents is parsed whole (its budgets then apply as before).
 */

import type { LoadedYaml, LocatedProblem } from './safe-yaml.js';
import { readFlowLineItem } from './safe-yaml-flow-line.js';

type LineAt = (offset: number | undefined) => number;

/**
 * The hardened loader's steps for one document (safe-yaml.ts), passed in so every piece goes through exactly
 * the checks a whole document does.
 */
export interface DocumentSteps<Doc extends { contents: unknown; errors: unknown[]; warnings: unknown[] }> {
  /** Parse (and report syntax problems of) a piece whose first line is line `firstLine` + 1 of the file. */
  parsePiece(text: string, firstLine: number, problems: LocatedProblem[]): { doc: Doc; lineAt: LineAt };
  /** The first item of a sequence node (an item piece parses as a one-item list). */
  firstItem(node: unknown): unknown;
  checkTree(root: unknown, rootPath: PropertyKey[], lineAt: LineAt, problems: LocatedProblem[], budget: { nodes: number; limit: number }): void;
  toData(doc: Doc, lineAt: LineAt, problems: LocatedProblem[]): unknown;
  locate(doc: Doc, path: readonly PropertyKey[], key: boolean | undefined, lineAt: LineAt): number;
  lineMap(root: unknown, rootPath: string, join: (path: string, key: string | number) => string, lineAt: LineAt): Map<string, number>;
  /** The node budget of the whole document. */
  nodeBudget: number;
}

/** One piece of the text: lines [start, end) (0-based), and where its data goes. */
export interface YamlPiece {
  /** The top-level key the piece belongs to. */
  key: string;
  /** The item index within the key's block list, or undefined when the piece is the key's whole section. */
  index?: number;
  start: number;
  end: number;
  /** The line of the top-level key the piece belongs to. */
  keyLine: number;
  /** The piece's last line with content: a piece of one line places every node it holds on that line. */
  last: number;
}

const TOP_KEY = /^([A-Za-z_][\w-]*)\s*:(.*)$/;

/**
 * The pieces of a plain block-mapping document, or undefined when it is not one (then: parse it whole).
 * `lines` are the document's lines without their line breaks.
 */
export function cutIntoPieces(text: string, lines: readonly string[]): YamlPiece[] | undefined {
  // Constructs whose meaning spans pieces (anchors and aliases, tags, directives, documents, tabs for indent):
  // a whole parse. `&`, `*` and `!` inside names are rare enough that a manifest with them is parsed whole.
  if (/[&*!%\t]|^---|^\.\.\./m.test(text)) return undefined;
  const pieces: YamlPiece[] = [];
  let i = 0;
  const blank = (l: string) => l.trim() === '' || l.trimStart().startsWith('#');
  const lastContent = (from: number, to: number) => {
    let k = to - 1;
    while (k > from && blank(lines[k]!)) k--;
    return k;
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (blank(line)) {
      i++;
      continue;
    }
    const m = TOP_KEY.exec(line);
    if (!m) return undefined;
    let end = i + 1;
    while (end < lines.length && (blank(lines[end]!) || /^[\s-]/.test(lines[end]!))) end++;
    const rest = m[2]!.trim();
    const first = lines.slice(i + 1, end).findIndex((l) => !blank(l));
    const itemIndent = first < 0 ? -1 : lines[i + 1 + first]!.search(/\S/);
    const isList = rest === '' && first >= 0 && lines[i + 1 + first]!.slice(itemIndent).startsWith('- ');
    if (!isList) {
      pieces.push({ key: m[1]!, keyLine: i, start: i, end, last: lastContent(i, end) });
    } else {
      // Items start at a `- ` at the list's indent; everything deeper belongs to the item above.
      let index = 0;
      let itemStart = -1;
      for (let j = i + 1; j < end; j++) {
        const l = lines[j]!;
        if (blank(l)) continue;
        const indent = l.search(/\S/);
        if (indent < itemIndent) return undefined;
        if (indent === itemIndent) {
          if (!l.slice(indent).startsWith('- ')) return undefined;
          if (itemStart >= 0) pieces.push({ key: m[1]!, keyLine: i, index: index++, start: itemStart, end: j, last: lastContent(itemStart, j) });
          itemStart = j;
        }
      }
      if (itemStart >= 0) pieces.push({ key: m[1]!, keyLine: i, index: index++, start: itemStart, end, last: lastContent(itemStart, end) });
    }
    i = end;
  }
  return pieces;
}

/**
 * A document cut into pieces (top-level sections, and each item of a top-level block list), each parsed and
 * checked as the whole would be, lines counted from the piece's place in the file. A piece's tree is not
 * kept: `lineOf` parses the piece again (the last few are cached, as callers ask item by item).
 */
export function loadPieces<Doc extends { contents: unknown; errors: unknown[]; warnings: unknown[] }>(
  text: string, pieces: YamlPiece[], lineStarts: number[], lineText: LoadedYaml['lineText'], steps: DocumentSteps<Doc>,
): LoadedYaml {
  const { checkTree, toData, locate, lineMap, firstItem } = steps;
  const problems: LocatedProblem[] = [];
  const budget = { nodes: 0, limit: steps.nodeBudget };
  const data: Record<string, unknown> = {};
  const items = new Map<string, YamlPiece[]>();
  const sections = new Map<string, YamlPiece>();
  const cache = new Map<YamlPiece, { doc: Doc; lineAt: LineAt }>();
  const parsePiece = (p: YamlPiece, found?: LocatedProblem[]) => {
    const hit = cache.get(p);
    if (hit) return hit;
    const body = text.slice(lineStarts[p.start], lineStarts[p.end] ?? text.length);
    const parsed = steps.parsePiece(body, p.start, found ?? []);
    if (cache.size >= 8) cache.delete(cache.keys().next().value!);
    cache.set(p, parsed);
    return parsed;
  };
  for (const p of pieces) {
    if (budget.nodes > budget.limit) break;
    const seen = p.index === undefined ? sections.has(p.key) || items.has(p.key) : sections.has(p.key);
    if (seen || (p.index === 0 && items.has(p.key))) {
      // As the whole parse reports it: at the repeated key.
      problems.push({ line: p.keyLine + 1, path: '(yaml)', reason: 'Map keys must be unique' });
      continue;
    }
    if (p.index !== undefined) {
      // Every item is listed, even one that fails to parse: the list keeps its indices (and a broken first item
      // is reported, not a TypeError on the second).
      if (p.index === 0) (items.set(p.key, []), (data[p.key] = []));
      items.get(p.key)!.push(p);
    }
    // A one-line item of plain data is read directly (safe-yaml-flow-line.ts); when it would cross the node
    // budget, or is anything else, the full parser reads it, and reports what it finds.
    // The line without its `\n` (every line but the last ends in one), sliced once rather than cut again by a regex.
    const next = lineStarts[p.start + 1];
    const fast = p.index !== undefined && p.last === p.start ? readFlowLineItem(text.slice(lineStarts[p.start], next === undefined ? text.length : next - 1)) : undefined;
    if (fast && budget.nodes + fast.nodes <= budget.limit) {
      budget.nodes += fast.nodes;
      if (!problems.length) (data[p.key] as unknown[]).push(fast.value);
      continue;
    }
    const { doc, lineAt } = parsePiece(p, problems);
    if (doc.errors.length || doc.warnings.length) continue;
    if (p.index === undefined) {
      sections.set(p.key, p);
      checkTree(doc.contents, [], lineAt, problems, budget);
      if (!problems.length) Object.assign(data, toData(doc, lineAt, problems));
    } else {
      const node = firstItem(doc.contents);
      checkTree(node, [p.key, p.index], lineAt, problems, budget);
      if (!problems.length) (data[p.key] as unknown[]).push((toData(doc, lineAt, problems) as unknown[])[0]);
    }
  }
  // A list's own line is its first item's (where its node starts); its key's line is asked for with `key`.
  const listLine = (key: string, asKey: boolean | undefined) => (asKey ? items.get(key)![0]!.keyLine : items.get(key)![0]!.start) + 1;
  return {
    data: problems.length ? undefined : data,
    problems,
    lineText,
    lineOf(path, key) {
      const [head, index] = path;
      const list = items.get(String(head));
      if (list && typeof index === 'number' && list[index]) {
        // An item on one line (a flow map, as large manifests are written): everything in it is on that line.
        if (list[index]!.last === list[index]!.start) return list[index]!.start + 1;
        const { doc, lineAt } = parsePiece(list[index]!);
        return locate(doc, [0, ...path.slice(2)], key, lineAt);
      }
      const section = sections.get(String(head));
      if (section) {
        const { doc, lineAt } = parsePiece(section);
        return locate(doc, path, key, lineAt);
      }
      if (list) return listLine(String(head), key && path.length === 1);
      return (pieces[0]?.keyLine ?? 0) + 1;
    },
    lineMap(join) {
      const lines = new Map<string, number>([['', (pieces[0]?.keyLine ?? 0) + 1]]);
      for (const section of sections.values()) for (const [k, v] of lineMap(parsePiece(section).doc.contents, '', join, parsePiece(section).lineAt)) if (k !== '') lines.set(k, v);
      for (const [key, list] of items) {
        lines.set(join('', key), listLine(key, false));
        list.forEach((p, i) => {
          const { doc, lineAt } = parsePiece(p);
          const node = firstItem(doc.contents);
          for (const [k, v] of lineMap(node, join(join('', key), i), join, lineAt)) lines.set(k, v);
        });
      }
      return lines;
    },
  };
}
