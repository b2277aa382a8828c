import type { Score } from '@custody/domain';

/**
 * Where a scoring put each node: the nodes in the order they were set (as `score.nodes` lists them, unless an
 * id is an array index) and the index of `score.contributions` at which each node's run starts (`start[n]` is the
 * end). Kept per score as computeScore works it out, so a re-audit's partial rescoring does not walk a fleet's
 * ~90,000 contributions to find it again.
 */
export interface ScoreLayout {
  systems: readonly string[];
  start: Int32Array;
}

const layouts = new WeakMap<Score, ScoreLayout>();

export function keepScoreLayout(score: Score, layout: ScoreLayout): void {
  layouts.set(score, layout);
}

/** The layout of a score computeScore worked out (see {@link ScoreLayout}), or undefined (a copy, a score read back). */
export function scoreLayout(score: Score): ScoreLayout | undefined {
  return layouts.get(score);
}
