/**
 * How kind-thresholds.ts chooses a threshold for one kind of document and one fact, and the precision-vs-threshold
 * sums it prints; pure, so the rule has a spec (threshold-choice.spec.ts).
 */
export interface Scored {
  y: 0 | 1;
}

export const TARGET_PRECISION = 0.95;
/** Below this no threshold is chosen (an answer this unsure stays a review candidate whatever its kind). */
export const LOWEST = 0.3;
/** A kind's threshold keeps at least this many develop answers. */
export const MIN_KEPT = 10;
/** A kind's threshold for a fact rests on at least this many develop answers of that kind and fact (as the family rule had). */
export const MIN_SUPPORT = 30;
/**
 * Strength of the shrinkage, in answers: a kind's precision at a threshold counts as if SHRINK more answers at the
 * fact's precision over all kinds had been seen, so a kind with few answers keeps (nearly) the fact's threshold.
 */
export const SHRINK = 20;
export const GRID = Array.from({ length: 19 }, (_, i) => +(0.05 * (i + 1)).toFixed(2));

export function sums<S extends Scored>(kept: S[], positives: number) {
  const tp = kept.filter((s) => s.y === 1).length;
  const fp = kept.length - tp;
  return { tp, fp, fn: Math.max(0, positives - tp), p: kept.length ? tp / kept.length : 1, r: positives ? tp / positives : 1 };
}

/** TP/FP/FN, precision and recall of the answers kept at each threshold of the grid (and at 0). */
export function curve<S extends Scored>(rows: S[], p: (s: S) => number, positives: number) {
  return [0, ...GRID].map((t) => ({ t, ...sums(rows.filter((s) => p(s) >= t), positives) }));
}

/**
 * The lowest threshold of the grid (from LOWEST) at which the kind's answers `rows`, with probabilities `p`, keep
 * MIN_KEPT and reach the target precision after shrinkage toward `pooled` (the fact's answers of every kind) — at that
 * threshold and every higher one that keeps an answer, so one lucky step does not choose it. Undefined when none does.
 */
export function chooseCell<S extends Scored>(rows: S[], pooled: S[], p: (s: S) => number): number | undefined {
  const shrunk = (t: number) => {
    const k = rows.filter((s) => p(s) >= t);
    const pk = pooled.filter((s) => p(s) >= t);
    const prior = pk.length ? pk.filter((s) => s.y === 1).length / pk.length : 1;
    return { n: k.length, p: (k.filter((s) => s.y === 1).length + SHRINK * prior) / (k.length + SHRINK) };
  };
  const steps = GRID.filter((t) => t >= LOWEST - 1e-9).map((t) => ({ t, ...shrunk(t) }));
  for (let i = 0; i < steps.length; i++) {
    if (steps[i].n < MIN_KEPT) return undefined;
    if (steps.slice(i).every((s) => s.n === 0 || s.p >= TARGET_PRECISION)) return steps[i].t;
  }
  return undefined;
}
