import type { Finding, Lens, Score, ScoreContribution } from '@custody/domain';
import { cmp } from './contracts.js';
import { apportion } from './apportion.js';
import { findingPoints, nodeScore, sum, workspaceOf, workspaceScore, type FindingPoints } from './finding-points.js';
import { itemsOf, setItems, stepOf } from './finding-sets.js';
import { keepScoreLayout } from './score-layout.js';
import { NodeSplitter } from './node-split.js';
import type { SetTrie } from './finding-sets.js';

export { apportion };

/**
 * The Custody exposure score of a finding set, assembled (published in libs/rules/SCORE.md): findings charged to
 * the systems they name, each node's score split among its findings, the workspace total and each finding's
 * what-if contribution. The per-finding formula (points, hazard, node and workspace curves) is finding-points.ts.
 */

/** What the score needs besides the findings. */
export interface ScoreOptions {
  /** Lenses in effect: the requested one and the practice's declared ones. */
  lenses: readonly Lens[];
  /** Systems to list in `nodes` even when nothing is charged to them (they score 0). */
  systems?: readonly string[];
}

/** A score, the breakdown of every finding's points, and the findings with `contribution` set. */
export interface ScoreResult {
  score: Score;
  points: FindingPoints[];
  /**
   * The input findings with `contribution` set: copies from computeScore (its inputs are not mutated); from
   * scoreOwnFindings (runAudit, scoreFindings) the input objects themselves, which only their run holds.
   */
  findings: Finding[];
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Score a finding set. Pure; order of `findings` does not change any number. */
export function computeScore(findings: readonly Finding[], opts: ScoreOptions): ScoreResult {
  return chargeAndScore(findings, opts, withContribution);
}

/**
 * {@link computeScore}, with `finish` making each result finding from its input and contribution. In one pass
 * over the findings each system steps through a trie of the finding sets charged to it (no list of indices per
 * system, nor a second walk): a fleet's 100,000 installs share a few dozen sets, a manifest's systems have one
 * each, and either way each set is scored once.
 */
function chargeAndScore(findings: readonly Finding[], opts: ScoreOptions, finish: (f: Finding, contribution: number) => Finding): ScoreResult {
  const order = scoreOrder(findings, opts.lenses);
  const { sorted, pts } = order;

  // Systems by position: the listed ones first, then the others as first charged (the nodes' order before
  // sorting), and per position the trie step its findings reached so far.
  const root: SetTrie = { end: -1, refs: 0 };
  const position = new Map<string, number>();
  const ids: string[] = [];
  const reached: SetTrie[] = [];
  for (const s of opts.systems ?? []) {
    if (position.has(s)) continue;
    position.set(s, ids.length);
    ids.push(s);
    reached.push(root);
  }
  for (let i = 0; i < sorted.length; i++) {
    // Charged once per system it names: a repeat finds its system's step already ended at `i` (no Set of a
    // grouped finding's ~100,000 systems built per finding).
    const systems = sorted[i]!.systems;
    for (let k = 0; k < systems.length; k++) {
      const s = systems[k]!;
      let p = position.get(s);
      if (p === undefined) {
        position.set(s, (p = ids.length));
        ids.push(s);
        reached.push(root);
      }
      const at = reached[p]!;
      if (at.end !== i) reached[p] = stepOf(at, i);
    }
  }

  // A node's score and its split depend only on the hazards of the findings charged to it: a fleet's thousands
  // of installs are charged by the same handful of grouped findings, so each such set is worked out once.
  const nodes: Record<string, number> = {};
  const contributions: ScoreContribution[] = [];
  // Usually already in order (the graph lists its systems by id): checked in one pass before sorting.
  let byId: number[] | undefined;
  for (let p = 1; p < ids.length; p++) {
    if (cmp(ids[p - 1]!, ids[p]!) <= 0) continue;
    byId = ids.map((_, q) => q).sort((a, b) => cmp(ids[a]!, ids[b]!));
    break;
  }
  const nodeOrder = byId ? new Array<string>(ids.length) : ids;
  const start = new Int32Array(ids.length + 1);
  // A set's indices and split are kept on the trie only when more systems than one reach it (a fleet's installs
  // share a few dozen sets): a manifest's systems each reach their own, and keeping three lists per system on
  // the trie made them outlive the loop (copied and promoted by the collector) for nothing.
  for (let p = 0; p < reached.length; p++) reached[p]!.refs++;
  const hazard = Float64Array.from(pts, (p) => p.hazard);
  const splitter = new NodeSplitter();
  for (let q = 0; q < ids.length; q++) {
    const p = byId ? byId[q]! : q;
    const s = ids[p]!;
    const at = reached[p]!;
    const shared = at.refs > 1;
    nodeOrder[q] = s;
    start[q] = contributions.length;
    // A set of this system's alone is split in the splitter's arrays, with no lists made for it.
    if (!shared && splitter.split(at, hazard)) {
      nodes[s] = splitter.value;
      for (let k = 0; k < splitter.n; k++) {
        const points = splitter.points[k]!;
        if (points > 0) contributions.push({ findingId: sorted[splitter.items[k]!]!.id, system: s, points });
      }
      continue;
    }
    const items = shared ? itemsOf(at) : setItems(at);
    const node = at.node ?? nodeSplit(items.map((i) => hazard[i]!));
    if (shared) at.node = node;
    nodes[s] = node.value;
    for (let k = 0; k < items.length; k++) {
      const points = node.points[k]!;
      if (points > 0) contributions.push({ findingId: sorted[items[k]!]!.id, system: s, points });
    }
  }
  start[ids.length] = contributions.length;
  const result = scoreResult(findings, order, nodes, contributions, opts.lenses, finish);
  keepScoreLayout(result.score, { systems: nodeOrder, start });
  return result;
}

/**
 * The findings in the order the score charges them (by id), with their points; `at`, each one's index in
 * `findings`, when no two share an id (scoreResult then pairs them up by it rather than by id).
 */
export function scoreOrder(findings: readonly Finding[], lenses: readonly Lens[]): ScoreOrder {
  // Ids read once into one list: the comparator then reads strings from it, not the `id` of findings that
  // several rules shaped differently (a property read V8 cannot specialise, ~300,000 times per 23,000 findings).
  const ids = findings.map((f) => f.id);
  const at = ids.map((_, i) => i).sort((a, b) => cmp(ids[a]!, ids[b]!));
  const sorted = at.map((i) => findings[i]!);
  let distinct = true;
  for (let k = 1; k < at.length && distinct; k++) distinct = ids[at[k - 1]!] !== ids[at[k]!];
  return { sorted, pts: sorted.map((f) => findingPoints(f, lenses)), ...(distinct ? { at } : {}) };
}

/** {@link scoreOrder}'s result. */
export interface ScoreOrder {
  sorted: Finding[];
  pts: FindingPoints[];
  at?: readonly number[];
}

/** A node's rounded score from the hazards charged to it (in score order), and its split among them. */
export function nodeSplit(hazards: readonly number[]): { value: number; points: number[] } {
  const value = round2(nodeScore(hazards));
  return { value, points: apportion(value, hazards) };
}

/**
 * The score of `findings` given its nodes and their contributions (in system order): the workspace total and each
 * finding's what-if share. `order` is {@link scoreOrder} of these very findings: its `at` pairs them by position.
 */
export function scoreResult(findings: readonly Finding[], order: { sorted: readonly Finding[]; pts: readonly FindingPoints[]; at?: readonly number[] }, nodes: Record<string, number>, contributions: ScoreContribution[], lenses: readonly Lens[], finish: (f: Finding, contribution: number) => Finding = withContribution): ScoreResult {
  const { sorted, pts } = order;
  const hazards = pts.map((p) => p.hazard);
  const H = sum(hazards);
  const total = round2(workspaceScore([H]));
  // A finding's contribution is what fixing it alone takes off the rounded total: exactly the what-if delta.
  // workspaceScore([max(0, H − h)]), the same double, without a list per finding (~23,000 per 10,000 systems).
  const shares = hazards.map((h) => (h > 0 ? Math.max(0, round2(total - round2(workspaceOf(Math.max(0, H - h))))) : 0));
  const overlap = round2(total - shares.reduce((a, b) => a + b, 0));
  const lensLabel = [...new Set(lenses.filter((l) => l !== 'default'))].join('+') || 'default';
  const score = { total, nodes, contributions, lens: lensLabel, overlap };
  const at = order.at;
  if (at && at.length === findings.length) {
    // Ids distinct: each input finding is the sorted one at its index (no maps of 200,000 ids).
    const points: FindingPoints[] = new Array(findings.length);
    const out: Finding[] = new Array(findings.length);
    for (let k = 0; k < at.length; k++) {
      points[at[k]!] = pts[k]!;
      out[at[k]!] = finish(findings[at[k]!]!, shares[k]!);
    }
    return { score, points, findings: out };
  }
  const byId = new Map(pts.map((p) => [p.findingId, p]));
  const shareById = new Map(sorted.map((f, i) => [f.id, shares[i]!]));
  return {
    score,
    points: findings.map((f) => byId.get(f.id)!),
    findings: findings.map((f) => finish(f, shareById.get(f.id) ?? 0)),
  };
}

/**
 * A copy of `f` with `contribution` set, its keys in the order `{ ...f, contribution }` gives. Cloned, then the
 * field written: a spread extended with a field is ~10× slower in V8, and a manifest has ~230,000 findings.
 */
export function withContribution(f: Finding, contribution: number): Finding {
  const copy = { ...f };
  copy.contribution = contribution;
  return copy;
}

/**
 * {@link computeScore} of findings the caller owns (fresh from a run): each one's `contribution` is written onto
 * it, and the result lists the same objects. A manifest's audit has ~230,000 findings: copies of them all, kept
 * as long as the report, were a good part of its collector's work.
 */
export function scoreOwnFindings(findings: readonly Finding[], opts: ScoreOptions): ScoreResult {
  return chargeAndScore(findings, opts, setContribution);
}

function setContribution(f: Finding, contribution: number): Finding {
  f.contribution = contribution;
  return f;
}

/**
 * Score the findings of one audit and write each finding's `contribution` (its share of the workspace
 * total) onto it: the only field this touches. Lenses in effect are the context's lens plus the practice's
 * declared ones; every graph system is listed in `nodes`.
 */
export function scoreFindings(findings: Finding[], ctx: { lens: Lens; graph: { practice: { lenses: readonly Lens[] }; systems: readonly { id: string }[] } }): Score {
  const lenses = [...new Set<Lens>([ctx.lens, ...ctx.graph.practice.lenses])];
  return scoreOwnFindings(findings, { lenses, systems: ctx.graph.systems.map((s) => s.id) }).score;
}
