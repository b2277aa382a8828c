import { cmp, type Finding, type ScoreContribution } from '@custody/domain';
import { computeScore, nodeSplit, rescore, sameScoreInputs, scoreLayout, scoreOrder, scoreResult, type ScoreMemo, type ScoreOptions, type ScoreResult } from '@custody/rules';
import { joinRuns } from './runs.js';

/**
 * Where a scoring put each node: its systems in node order (the order of `score.nodes` and of the
 * contributions), and at which index of `score.contributions` each system's run starts (`start[n]` is the end).
 */
interface Layout {
  systems: readonly string[];
  start: Int32Array;
  /** The systems listed in the options (charged or not), which fix with the findings which nodes exist. */
  listed: ReadonlySet<string>;
}

const layouts = new WeakMap<ScoreMemo, Layout>();

/**
 * {@link rescore}, working out again only the nodes a changed finding is charged to, and the systems that came
 * or went from the listed ones. A node's score and split read only the hazards of the findings charged to it,
 * so after one setting change (two of 52 findings changed, charged to 40 of a fleet's 10,015 systems) the other
 * nodes and their contributions are the previous ones; the workspace total and the findings' shares read every
 * finding, and are cheap. The nodes are the listed systems and those a finding is charged to, in id order
 * (computeScore), so a new document's systems are nodes inserted in that order. Falls back to `rescore` (the
 * whole scoring) when the lenses changed or a system id is an array index (a record keeps those first).
 */
export function rescoreChanged(findings: readonly Finding[], opts: ScoreOptions, prev?: ScoreMemo): { result: ScoreResult; memo: ScoreMemo; partial: boolean } {
  const partial = prev && partialScore(findings, opts, prev);
  return partial ? { ...partial, partial: true } : { ...rescore(findings, opts, prev), partial: false };
}

function partialScore(findings: readonly Finding[], opts: ScoreOptions, prev: ScoreMemo): { result: ScoreResult; memo: ScoreMemo } | undefined {
  if (!sameList(prev.opts.lenses, opts.lenses)) return undefined;
  const sameListed = sameList(prev.opts.systems ?? [], opts.systems ?? []);
  const before = new Map(prev.input.map((f) => [f.id, f]));
  const changed: Finding[] = [];
  const ids = new Set<string>();
  for (const f of findings) {
    ids.add(f.id);
    const p = before.get(f.id);
    if (p && sameScoreInputs(p, f)) continue;
    changed.push(f);
    if (p) changed.push(p);
  }
  for (const p of prev.input) if (!ids.has(p.id)) changed.push(p);
  // Same scoring inputs throughout: rescore's own reuse. Duplicate ids: the whole scoring decides.
  if ((!changed.length && sameListed) || ids.size !== findings.length || before.size !== prev.input.length) return undefined;
  const layout = layoutOf(prev);
  if (!layout) return undefined;
  const affected = new Set<string>();
  for (const f of changed) for (const s of f.systems) affected.add(s);
  let listed = layout.listed;
  if (!sameListed) {
    listed = new Set(opts.systems ?? []);
    for (const s of listed) if (!layout.listed.has(s)) affected.add(s);
    for (const s of layout.listed) if (!listed.has(s)) affected.add(s);
  }
  for (const s of affected) if (isIndex(s)) return undefined;

  const order = scoreOrder(findings, opts.lenses);
  const { sorted, pts } = order;
  const items = chargedItems(sorted, affected);
  // A system is a node when listed or charged; only an affected one can have changed either way.
  const isNode = (s: string) => listed.has(s) || items.get(s)!.length > 0;
  const old = prev.result.score;
  const added = [...affected].filter((s) => !inLayout(layout, s) && isNode(s)).sort(cmp);
  const nodes: Record<string, number> = {};
  const systems: string[] = [];
  const starts: number[] = [];
  // The previous contributions between the changed nodes are copied in runs, the changed nodes' spliced in;
  // `shift` is how far the next copied run moves.
  const parts: ScoreContribution[][] = [];
  let from = 0;
  let shift = 0;
  const copyTo = (to: number) => {
    if (to > from) parts.push(old.contributions.slice(from, to));
    from = to;
  };
  // A changed node's value and run of contributions, from the findings charged to it.
  const runOf = (s: string) => {
    const list = items.get(s)!;
    const node = nodeSplit(list.map((i) => pts[i]!.hazard));
    const mine: ScoreContribution[] = [];
    for (let k = 0; k < list.length; k++) if (node.points[k]! > 0) mine.push({ findingId: sorted[list[k]!]!.id, system: s, points: node.points[k]! });
    return { value: node.value, mine };
  };
  const fresh = (s: string, at: number) => {
    const { value, mine } = runOf(s);
    nodes[s] = value;
    systems.push(s);
    starts.push(at + shift);
    parts.push(mine);
    shift += mine.length;
  };
  const n = layout.systems.length;
  if (!added.length && [...affected].every((s) => isNode(s) === inLayout(layout, s))) {
    // The same nodes (a setting change): only the affected nodes' runs are worked out again (see sameNodeScore).
    const result = sameNodeScore(findings, order, opts, layout, old, [...affected].filter((s) => inLayout(layout, s)), runOf);
    const memo: ScoreMemo = { input: findings, opts, result: result.result };
    layouts.set(memo, { systems: layout.systems, start: result.start, listed });
    return { result: result.result, memo };
  }
  let a = 0;
  for (let p = 0; p < n; p++) {
    const s = layout.systems[p]!;
    const [begin, end] = [layout.start[p]!, layout.start[p + 1]!];
    while (a < added.length && cmp(added[a]!, s) < 0) (copyTo(begin), fresh(added[a++]!, begin));
    if (!affected.has(s)) {
      nodes[s] = old.nodes[s]!;
      systems.push(s);
      starts.push(begin + shift);
      continue;
    }
    copyTo(begin);
    from = end;
    shift -= end - begin;
    if (isNode(s)) fresh(s, end);
  }
  const last = layout.start[n]!;
  copyTo(last);
  while (a < added.length) fresh(added[a++]!, last);
  starts.push(last + shift);
  const contributions = joinRuns(parts);
  const result = scoreResult(findings, order, nodes, contributions, opts.lenses);
  const memo: ScoreMemo = { input: findings, opts, result };
  const sameNodes = systems.length === n && systems.every((s, i) => s === layout.systems[i]);
  layouts.set(memo, { systems: sameNodes ? layout.systems : systems, start: Int32Array.from(starts), listed });
  return { result, memo };
}

/**
 * The scoring when the nodes are those of the previous one (no system became or stopped being a node): the
 * nodes object copied and the affected nodes' values written over (same keys, so the same key order), the
 * previous contributions copied in runs around the affected nodes' new ones, and the run starts shifted by
 * typed-array arithmetic. A fleet's 10,000 nodes were otherwise set one by one, with a system list and a start
 * pushed per node, on every re-audit.
 */
function sameNodeScore(
  findings: readonly Finding[],
  order: ReturnType<typeof scoreOrder>,
  opts: ScoreOptions,
  layout: Layout,
  old: ScoreResult['score'],
  changed: string[],
  fresh: (s: string) => { value: number; mine: ScoreContribution[] },
): { result: ScoreResult; start: Int32Array } {
  const positions = changed.map((s) => positionIn(layout, s)).sort((x, y) => x - y);
  // Set key by key: a spread of a 10,000-key object (dictionary mode) cost two to three times more.
  const nodes: Record<string, number> = {};
  for (const s of layout.systems) nodes[s] = old.nodes[s]!;
  const start = layout.start.slice();
  const parts: ScoreContribution[][] = [];
  // How far each node's run start moves: the sum of the length changes of the affected runs before it.
  const moves = new Int32Array(layout.systems.length + 1);
  let from = 0;
  for (const p of positions) {
    const s = layout.systems[p]!;
    const [begin, end] = [layout.start[p]!, layout.start[p + 1]!];
    if (begin > from) parts.push(old.contributions.slice(from, begin));
    const { value, mine } = fresh(s);
    nodes[s] = value;
    parts.push(mine);
    moves[p + 1] += mine.length - (end - begin);
    from = end;
  }
  if (old.contributions.length > from) parts.push(old.contributions.slice(from));
  let shift = 0;
  for (let q = 0; q < start.length; q++) start[q] += shift += moves[q]!;
  const contributions = joinRuns(parts);
  return { result: scoreResult(findings, order, nodes, contributions, opts.lenses), start };
}

/**
 * For each affected system, the positions (in score order) of the findings charged to it. A finding naming a
 * system twice is charged to it once (computeScore charges the set of its systems). A grouped fleet finding
 * names thousands of systems: its array is scanned against the few affected ones (a map lookup each), not made
 * into a set of its systems, which cost the first re-audit after a full audit more than all its rules (a set
 * per grouped finding of a 10,000-install fleet, none kept from the full audit).
 */
function chargedItems(sorted: readonly Finding[], affected: ReadonlySet<string>): Map<string, number[]> {
  const items = new Map<string, number[]>([...affected].map((s) => [s, []]));
  for (let i = 0; i < sorted.length; i++) {
    const systems = sorted[i]!.systems;
    for (let k = 0; k < systems.length; k++) {
      const list = items.get(systems[k]!);
      if (list && list[list.length - 1] !== i) list.push(i);
    }
  }
  return items;
}

// The first character tells most ids apart without the regex: the layout of a fleet's scoring asks 10,000.
const isIndex = (s: string) => {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57 && /^\d+$/.test(s);
};

/**
 * Whether `s` was a node of the layout's scoring, by binary search (its systems are in id order): a few affected
 * systems are asked, so no map of a fleet's 10,000 is built. Not `s in score.nodes`: a `__proto__` node is in
 * the layout and the contributions but never a key of `nodes`, and was then spliced in twice.
 */
function inLayout(layout: Layout, s: string): boolean {
  return positionIn(layout, s) >= 0;
}

/** The position of `s` among the layout's systems (binary search), or -1. */
function positionIn(layout: Layout, s: string): number {
  const xs = layout.systems;
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = cmp(xs[mid]!, s);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/**
 * The layout of a scoring, from its nodes (in the order computeScore set them, which Object.keys keeps for
 * keys that are not array indices) and its contributions' runs. Undefined when a system id is an array index.
 */
function layoutOf(memo: ScoreMemo): Layout | undefined {
  const known = layouts.get(memo);
  if (known) return known;
  const listed = new Set(memo.opts.systems ?? []);
  // The full scoring's own layout, when computeScore made this score: its ~90,000 contributions not walked again.
  const given = scoreLayout(memo.result.score);
  if (given) {
    if (given.systems.some((s) => isIndex(s) || s === '__proto__')) return undefined;
    const layout = { systems: given.systems, start: given.start, listed };
    layouts.set(memo, layout);
    return layout;
  }
  const { nodes, contributions } = memo.result.score;
  const systems = Object.keys(nodes);
  if (systems.some(isIndex)) return undefined;
  // Contributions come in node order: walk both, comparing ids (no map lookup per contribution: a fleet has ~90,000).
  const n = systems.length;
  const start = new Int32Array(n + 1);
  let at = 0;
  for (let i = 0; i < contributions.length; i++) {
    const s = contributions[i]!.system;
    if (s === systems[at]) continue;
    do start[++at] = i;
    while (at < n && systems[at] !== s);
    if (at >= n) return undefined;
  }
  while (at < n) start[++at] = contributions.length;
  const layout = { systems, start, listed };
  layouts.set(memo, layout);
  return layout;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}
