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

/** Precision of the answers of `rows` with `p` in [lo, hi), shrunk toward `pooled`'s there (prior 0 when it has none). */
function shrunkIn<S extends Scored>(rows: S[], pooled: S[], p: (s: S) => number, lo: number, hi = Infinity) {
  const inBand = (s: S) => p(s) >= lo && p(s) < hi;
  const k = rows.filter(inBand);
  const pk = pooled.filter(inBand);
  const prior = pk.length ? pk.filter((s) => s.y === 1).length / pk.length : hi === Infinity ? 1 : 0;
  return { n: k.length, p: (k.filter((s) => s.y === 1).length + SHRINK * prior) / (k.length + SHRINK) };
}

/**
 * The lowest threshold of the grid (from LOWEST) at which the kind's answers `rows`, with probabilities `p`, keep
 * MIN_KEPT and reach the target precision after shrinkage toward `pooled` (the fact's answers of every kind) — at that
 * threshold and every higher one that keeps an answer, so one lucky step does not choose it. Undefined when none does.
 *
 * With `own` (the fact's threshold over all kinds), a threshold below it must also be earned by the answers it adds:
 * those of the kind between it and `own` must reach the target themselves (shrunk toward the fact's answers there),
 * and there must be some — the precision of everything kept can reach the target on the strength of the answers far
 * above `own` while the band opened is mostly wrong. Where no lower step is earned, `own` itself is returned.
 */
export function chooseCell<S extends Scored>(rows: S[], pooled: S[], p: (s: S) => number, own?: number): number | undefined {
  const steps = GRID.filter((t) => t >= LOWEST - 1e-9).map((t) => ({ t, ...shrunkIn(rows, pooled, p, t) }));
  const first = steps.findIndex((s, i) => s.n >= MIN_KEPT && steps.slice(i).every((h) => h.n === 0 || h.p >= TARGET_PRECISION));
  if (first < 0) return undefined;
  if (own === undefined || steps[first].t >= own - 1e-9) return steps[first].t;
  // Below `own`: the lowest step whose added answers earn it; a higher step opens a narrower band.
  for (const { t, n } of steps.slice(first)) {
    if (t >= own - 1e-9 || n < MIN_KEPT) break;
    const added = shrunkIn(rows, pooled, p, t, own);
    if (added.n > 0 && added.p >= TARGET_PRECISION) return t;
  }
  return own;
}

const f05 = (r: { p: number; r: number }) => (r.p + r.r === 0 ? 0 : (1.25 * r.p * r.r) / (0.25 * r.p + r.r));

/**
 * A fact's threshold (fit-calibration.ts): the lowest grid step from `floor` at which the answers `rows` kept reach
 * the target precision; where none does, the step with the best F0.5 (ties: the higher, abstaining more).
 */
export function factThreshold<S extends Scored>(rows: S[], p: (s: S) => number, positives: number, floor: number): number {
  const grid = GRID.filter((t) => t >= floor - 1e-9);
  const at = (t: number) => sums(rows.filter((s) => p(s) >= t), positives);
  const ok = grid.find((t) => at(t).p >= TARGET_PRECISION);
  return ok ?? grid.reduce((best, t) => (f05(at(t)) >= f05(at(best)) - 1e-9 ? t : best), grid[0]);
}

/**
 * The left-out answers of each corpus kept at thresholds chosen WITHOUT that corpus: `choose` sees every other
 * corpus' left-out answers and returns the thresholds per fact. A threshold chosen on all corpora and then scored on
 * them reports the precision it was chosen to reach, not the one a new corpus will see.
 */
export function nestedKept<S extends Scored & { corpus: string; fact: string }>(rows: S[], p: (s: S) => number, choose: (others: S[], left: string) => Record<string, number>): S[] {
  const kept: S[] = [];
  for (const c of new Set(rows.map((s) => s.corpus))) {
    const t = choose(rows.filter((s) => s.corpus !== c), c);
    kept.push(...rows.filter((s) => s.corpus === c && p(s) >= t[s.fact]));
  }
  return kept;
}
